//! The lineage of a document: what it cites, transitively (its ancestors), and what cites it,
//! transitively (its descendants), as a sub-graph with every citation among its members.

use super::{Adjacency, Filter, bfs, year};
use crate::graph::{CitationGraph, Edge, Node};
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::collections::HashMap;

/// Which way a lineage goes from its root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// What the root cites, and what that cites, ...
    Ancestors,
    /// What cites the root, and what cites that, ...
    Descendants,
    /// Both.
    Both,
}

/// How a member is related to the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The root itself.
    Root,
    /// The root cites it (transitively).
    Ancestor,
    /// It cites the root (transitively).
    Descendant,
    /// Both: the two are on a citation cycle.
    Both,
}

impl Side {
    /// `root`, `ancestor`, `descendant` or `both`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Root => "root",
            Side::Ancestor => "ancestor",
            Side::Descendant => "descendant",
            Side::Both => "both",
        }
    }
}

/// What to collect.
#[derive(Debug, Clone)]
pub struct Options {
    /// Ancestors, descendants or both.
    pub direction: Scope,
    /// At most this many citation steps from the root (`None`: all the way).
    pub depth: Option<usize>,
    /// The walk only goes through nodes this accepts (the root is always kept).
    pub filter: Filter,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            direction: Scope::Both,
            depth: None,
            filter: Filter::all(),
        }
    }
}

/// One member of a lineage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Its index in the graph.
    pub index: NodeIndex,
    /// How it is related to the root.
    pub side: Side,
    /// Citation steps from the root (the shorter way, for [`Side::Both`]).
    pub depth: usize,
}

/// A lineage: its members in time order (by date, or estimated year, then id) and every
/// citation between two members.
#[derive(Debug, Clone)]
pub struct Lineage<'g> {
    /// The graph it was taken from.
    pub graph: &'g CitationGraph,
    /// The root.
    pub root: NodeIndex,
    /// The members, the root among them.
    pub members: Vec<Member>,
    /// Every edge of the graph between two members, in graph order.
    pub edges: Vec<EdgeIndex>,
}

impl<'g> Lineage<'g> {
    /// The node of a member.
    pub fn node(&self, m: &Member) -> &'g Node {
        &self.graph.graph[m.index]
    }

    /// The edge of an index.
    pub fn edge(&self, e: EdgeIndex) -> Option<&'g Edge> {
        self.graph.graph.edge_weight(e)
    }

    /// The endpoints (citing, cited) of an edge.
    pub fn ends(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.graph.edge_endpoints(e)
    }
}

/// The lineage of `id`, or `None` when `id` is not a node of the graph.
pub fn lineage<'g>(graph: &'g CitationGraph, id: &str, opts: &Options) -> Option<Lineage<'g>> {
    let root = graph.find(id)?;
    let g = &graph.graph;
    let adj = Adjacency::new(graph);
    let all = opts.filter.is_all();
    let accept = |n: NodeIndex| all || opts.filter.accepts(&g[n]);
    // Side and depth of every member, indexed by node.
    let mut found: Vec<Option<(Side, usize)>> = vec![None; g.node_count()];
    found[root.index()] = Some((Side::Root, 0));
    let mut walk = |dir: Direction, side: Side| {
        for (n, d, _) in bfs(&adj, root, opts.depth, accept, dir).into_iter().skip(1) {
            let slot = &mut found[n.index()];
            *slot = match *slot {
                None => Some((side, d)),
                Some((s, depth)) if s != Side::Root && s != side => {
                    Some((Side::Both, depth.min(d)))
                }
                other => other,
            };
        }
    };
    if opts.direction != Scope::Descendants {
        walk(Direction::Outgoing, Side::Ancestor);
    }
    if opts.direction != Scope::Ancestors {
        walk(Direction::Incoming, Side::Descendant);
    }
    let mut members: Vec<Member> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.map(|(side, depth)| Member {
                index: NodeIndex::new(i),
                side,
                depth,
            })
        })
        .collect();
    members.sort_by(|a, b| time_order(&g[a.index], &g[b.index]));
    let mut edges: Vec<EdgeIndex> = Vec::new();
    for m in &members {
        for &(t, e) in adj.row(m.index.index(), Direction::Outgoing) {
            if found[t as usize].is_some() {
                edges.push(EdgeIndex::new(e as usize));
            }
        }
    }
    edges.sort_unstable();
    Some(Lineage {
        graph,
        root,
        members,
        edges,
    })
}

/// Time order: by date (or estimated year), then id, without building keys.
fn time_order(a: &Node, b: &Node) -> std::cmp::Ordering {
    let when = |n: &Node| -> (i32, String) {
        match (&n.date, year(n)) {
            (Some(d), _) => (0, d.clone()),
            (None, Some(y)) => (0, format!("{y:04}")),
            (None, None) => (1, String::new()),
        }
    };
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y).then_with(|| a.id.cmp(&b.id)),
        _ => when(a).cmp(&when(b)).then_with(|| a.id.cmp(&b.id)),
    }
}

/// Sort key putting nodes in time order: date (or estimated year), then id.
pub fn time_key(n: &Node) -> (String, String) {
    let when = match (&n.date, year(n)) {
        (Some(d), _) => d.clone(),
        (None, Some(y)) => format!("{y:04}"),
        (None, None) => "9999".to_string(),
    };
    (when, n.id.clone())
}

impl Lineage<'_> {
    /// One line: how many members on each side and how many citations.
    pub fn summary(&self) -> String {
        let count = |s: Side| self.members.iter().filter(|m| m.side == s).count();
        let mut s = format!(
            "lineage of {}: {} documents ({} ancestors, {} descendants",
            self.graph.graph[self.root].id,
            self.members.len(),
            count(Side::Ancestor),
            count(Side::Descendant)
        );
        let both = count(Side::Both);
        if both > 0 {
            s.push_str(&format!(", {both} on a citation cycle with it"));
        }
        s.push_str(&format!("), {} citations", self.edges.len()));
        s
    }

    /// The members in time order, tab-separated with a header line.
    pub fn to_text(&self) -> String {
        let mut s = String::from("side\tdepth\tid\tdate\tlabel\ttitle\n");
        for m in &self.members {
            let n = self.node(m);
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                m.side.as_str(),
                m.depth,
                n.id,
                n.date.as_deref().unwrap_or("-"),
                n.label,
                n.title.as_deref().unwrap_or("-")
            ));
        }
        s
    }

    /// One JSON object per member, in time order, with the members it cites.
    pub fn to_jsonl(&self) -> String {
        let g = &self.graph.graph;
        let mut cites: HashMap<NodeIndex, Vec<serde_json::Value>> = HashMap::new();
        for &e in &self.edges {
            if let (Some((a, b)), Some(w)) = (self.ends(e), self.edge(e)) {
                cites
                    .entry(a)
                    .or_default()
                    .push(serde_json::json!({"id": g[b].id, "mentions": w.weight}));
            }
        }
        let mut s = String::new();
        for m in &self.members {
            let n = self.node(m);
            let v = serde_json::json!({
                "id": n.id, "label": n.label, "date": n.date, "title": n.title,
                "type": n.kind.as_str(), "body": n.body, "in_corpus": n.in_corpus,
                "side": m.side.as_str(), "depth": m.depth,
                "cites": cites.remove(&m.index).unwrap_or_default(),
            });
            s.push_str(&v.to_string());
            s.push('\n');
        }
        s
    }
}
