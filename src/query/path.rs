//! Citation chains: how one document reaches another by citations (`from` cites `a`, which
//! cites `b`, ..., which cites `to`), shortest first.
//!
//! The `k` shortest loopless chains are found with Yen's algorithm over petgraph's `astar`. One
//! breadth-first walk backwards from `to` first gives every node's distance to it; that is the
//! A* estimate (exact for the first chain, a lower bound once Yen's algorithm bans edges) and it
//! keeps every search inside the part of the graph that can reach `to` at all, so a query on a
//! large graph costs about one pass over it.

use super::{Adjacency, Filter, bfs};
use crate::graph::CitationGraph;
use petgraph::Direction;
use petgraph::algo::astar;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};
use std::collections::{BTreeSet, HashSet};

/// One chain: `nodes[0]` cites `nodes[1]`, ..., through `edges[i]` from `nodes[i]` to
/// `nodes[i + 1]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// The documents, from the citing one to the cited one.
    pub nodes: Vec<NodeIndex>,
    /// The citations between them.
    pub edges: Vec<EdgeIndex>,
}

impl Chain {
    /// Number of citation steps.
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// True for the chain of a document to itself.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }
}

/// Up to `k` chains from `from` back to `to`, shortest first (equally long ones in a fixed order),
/// each visiting a document at most once, through documents `filter` accepts (the two ends are
/// always allowed). Empty when either id is not in the graph or no chain exists; a single
/// one-node chain when `from == to`.
pub fn paths(graph: &CitationGraph, from: &str, to: &str, k: usize, filter: &Filter) -> Vec<Chain> {
    let (Some(s), Some(t)) = (graph.find(from), graph.find(to)) else {
        return Vec::new();
    };
    if k == 0 {
        return Vec::new();
    }
    if s == t {
        return vec![Chain {
            nodes: vec![s],
            edges: Vec::new(),
        }];
    }
    let g = &graph.graph;
    let all = filter.is_all();
    let accept = |n: NodeIndex| n == s || all || filter.accepts(&g[n]);
    // Distance of every node to `to`, walking the citations backwards.
    let mut dist = vec![u32::MAX; g.node_count()];
    for (n, d, _) in bfs(&Adjacency::new(graph), t, None, accept, Direction::Incoming) {
        dist[n.index()] = u32::try_from(d).unwrap_or(u32::MAX);
    }
    if dist[s.index()] == u32::MAX {
        return Vec::new();
    }

    let shortest = |start: NodeIndex,
                    banned_nodes: &HashSet<NodeIndex>,
                    banned_pairs: &HashSet<(NodeIndex, NodeIndex)>|
     -> Option<Vec<NodeIndex>> {
        let view = EdgeFiltered::from_fn(g, |e: petgraph::graph::EdgeReference<'_, _>| {
            let (a, b) = (e.source(), e.target());
            dist[b.index()] != u32::MAX
                && a != b
                && !banned_nodes.contains(&b)
                && !banned_pairs.contains(&(a, b))
        });
        astar(
            &view,
            start,
            |n| n == t,
            |_| 1u32,
            |n| dist[n.index()].min(u32::MAX / 2),
        )
        .map(|(_, nodes)| nodes)
    };

    let ids = |p: &[NodeIndex]| -> Vec<String> { p.iter().map(|&n| g[n].id.clone()).collect() };
    let mut found: Vec<Vec<NodeIndex>> = Vec::new();
    let Some(first) = shortest(s, &HashSet::new(), &HashSet::new()) else {
        return Vec::new();
    };
    found.push(first);
    // Candidates ordered by length, then ids, so the answer does not depend on edge order.
    let mut candidates: BTreeSet<(usize, Vec<String>, Vec<NodeIndex>)> = BTreeSet::new();
    let mut known: HashSet<Vec<NodeIndex>> = found.iter().cloned().collect();
    while found.len() < k {
        let Some(last) = found.last().cloned() else {
            break;
        };
        for i in 0..last.len().saturating_sub(1) {
            let spur = last[i];
            let root = &last[..=i];
            let banned_pairs: HashSet<(NodeIndex, NodeIndex)> = found
                .iter()
                .filter(|p| p.len() > i + 1 && &p[..=i] == root)
                .map(|p| (p[i], p[i + 1]))
                .collect();
            let banned_nodes: HashSet<NodeIndex> = root[..i].iter().copied().collect();
            if let Some(tail) = shortest(spur, &banned_nodes, &banned_pairs) {
                let mut whole = root[..i].to_vec();
                whole.extend(tail);
                if known.insert(whole.clone()) {
                    candidates.insert((whole.len(), ids(&whole), whole));
                }
            }
        }
        let Some((_, _, next)) = candidates.pop_first() else {
            break;
        };
        found.push(next);
    }
    found
        .into_iter()
        .filter_map(|nodes| {
            let edges = nodes
                .windows(2)
                .map(|w| g.find_edge(w[0], w[1]))
                .collect::<Option<Vec<_>>>()?;
            Some(Chain { nodes, edges })
        })
        .collect()
}

/// The chains as text: one block per chain, one line per citation with the place to check it.
pub fn to_text(graph: &CitationGraph, chains: &[Chain]) -> String {
    let g = &graph.graph;
    let mut s = String::new();
    for (i, c) in chains.iter().enumerate() {
        let labels: Vec<&str> = c.nodes.iter().map(|&n| g[n].label.as_str()).collect();
        s.push_str(&format!(
            "{}. {}  ({} step{})\n",
            i + 1,
            labels.join(" → "),
            c.len(),
            if c.len() == 1 { "" } else { "s" }
        ));
        for &e in &c.edges {
            let Some(w) = g.edge_weight(e) else {
                continue;
            };
            let at = w
                .mentions
                .first()
                .map(|m| {
                    let text: Vec<&str> = m.text.split_whitespace().collect();
                    format!("{}:{} {:?}", m.file, m.start, text.join(" "))
                })
                .unwrap_or_default();
            s.push_str(&format!("   {} cites {}  {at}\n", w.source, w.target));
        }
    }
    s
}

/// The chains as JSON lines: the ids, then every citation with its first mention.
pub fn to_jsonl(graph: &CitationGraph, chains: &[Chain]) -> String {
    let g = &graph.graph;
    let mut s = String::new();
    for c in chains {
        let citations: Vec<serde_json::Value> = c
            .edges
            .iter()
            .filter_map(|&e| g.edge_weight(e))
            .map(|w| {
                let m = w.mentions.first();
                serde_json::json!({
                    "citing": w.source, "cited": w.target, "mentions": w.weight,
                    "file": m.map(|m| &m.file), "start": m.map(|m| m.start),
                    "text": m.map(|m| &m.text),
                })
            })
            .collect();
        let ids: Vec<&str> = c.nodes.iter().map(|&n| g[n].id.as_str()).collect();
        let v = serde_json::json!({"steps": c.len(), "ids": ids, "citations": citations});
        s.push_str(&v.to_string());
        s.push('\n');
    }
    s
}
