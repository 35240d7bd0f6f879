//! The dated citation graph of a corpus.
//!
//! Nodes are canonical ids; an edge `a -> b` means document `a` cites `b`, with every mention
//! (file, offsets, clause, date as cited). The same resolution read from several files or
//! languages is one node. The graph is a petgraph `DiGraph` for queries and serialises as
//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="edges")`).

use crate::Document;
use crate::error::{Error, Result};
use crate::known;
use crate::layout::Clause;
use crate::symbol::{Kind, Symbol};
use chrono::{Datelike, NaiveDate};
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

/// A node: one resolution, decision or document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Canonical id.
    pub id: String,
    /// `resolution`, `decision` or `document`.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// `GA`, `SC`, `ECOSOC`, `HRC`, `CHR` or the series prefix.
    pub body: String,
    /// ISO date: the adoption date where known, else the date the citing texts agree on, or
    /// that more citing files give than all other dates together.
    pub date: Option<String>,
    /// Where `date` comes from: `document` (a file of the corpus is this document), `table`
    /// (resgraph's table of Security Council adoption dates) or `cited` (citing texts).
    pub date_source: Option<String>,
    /// Every distinct date the citing texts give, sorted.
    pub cited_dates: Vec<String>,
    /// True when the dates disagree (among the citing texts, or with the adoption date).
    pub date_conflict: bool,
    /// The short form people write (`43/78 H`, `1325 (2000)`).
    pub label: String,
    /// `https://undocs.org/` + id.
    pub url: String,
    /// Title, where a file of the corpus is this document.
    pub title: Option<String>,
    /// Whether a file of the corpus is this document.
    pub in_corpus: bool,
    /// The files that are this document.
    pub sources: Vec<String>,
}

/// One mention of the target in a file of the source. Ordered by file, start, end, text,
/// clause and date, in that order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The file (shared by the mentions of one file).
    pub file: Arc<str>,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The text of the reference.
    pub text: String,
    /// Where it stands.
    pub clause: Clause,
    /// The date the text gives (ISO in JSON).
    pub date: Option<NaiveDate>,
}

impl Ord for MentionRecord {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // The mentions of one file share its string: most comparisons (each edge's mentions
        // are sorted) tell the file equal by its address, without reading two long paths.
        let file = if Arc::ptr_eq(&self.file, &other.file) {
            std::cmp::Ordering::Equal
        } else {
            self.file.cmp(&other.file)
        };
        file.then_with(|| {
            (self.start, self.end, &self.text, &self.clause, self.date).cmp(&(
                other.start,
                other.end,
                &other.text,
                &other.clause,
                other.date,
            ))
        })
    }
}

impl PartialOrd for MentionRecord {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An edge: `source` cites `target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// Citing id.
    pub source: String,
    /// Cited id.
    pub target: String,
    /// Number of mentions (in the file with most of them, so that language versions of one
    /// document do not multiply it).
    pub weight: usize,
    /// Every mention, sorted by file and offset.
    pub mentions: Vec<MentionRecord>,
}

/// Graph-level attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Always `resgraph`.
    pub name: String,
    /// Format version of this file.
    pub format: u32,
    /// Number of files read.
    pub documents: usize,
    /// Date conflicts and files without an identity, for a reader to check.
    pub warnings: Vec<String>,
}

/// NetworkX node-link JSON, the file `build` writes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NodeLink {
    /// Always true.
    pub directed: bool,
    /// Always false.
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: Meta,
    /// Nodes sorted by id.
    pub nodes: Vec<Node>,
    /// Edges sorted by source and target.
    pub edges: Vec<Edge>,
}

/// The citation graph.
#[derive(Debug, Clone, Default)]
pub struct CitationGraph {
    /// The petgraph graph; node weights are [`Node`]s, edge weights [`Edge`]s.
    pub graph: DiGraph<Node, Edge>,
    index: FxHashMap<String, NodeIndex>,
    /// Graph attributes.
    pub meta: Meta,
}

impl CitationGraph {
    /// The node index of an id.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The node of an id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.find(id).map(|i| &self.graph[i])
    }

    /// Nodes sorted by id.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Edges sorted by source and target.
    pub fn edges(&self) -> Vec<&Edge> {
        let mut v: Vec<&Edge> = self.graph.edge_weights().collect();
        v.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
        v
    }

    /// The node-link form.
    pub fn to_node_link(&self) -> NodeLink {
        NodeLink {
            directed: true,
            multigraph: false,
            graph: self.meta.clone(),
            nodes: self.nodes().into_iter().cloned().collect(),
            edges: self.edges().into_iter().cloned().collect(),
        }
    }

    /// Rebuilds the graph from its node-link form.
    pub fn from_node_link(nl: NodeLink) -> CitationGraph {
        let mut g = CitationGraph {
            meta: nl.graph,
            ..Default::default()
        };
        for n in nl.nodes {
            let id = n.id.clone();
            let i = g.graph.add_node(n);
            g.index.insert(id, i);
        }
        for e in nl.edges {
            let (Some(a), Some(b)) = (g.find(&e.source), g.find(&e.target)) else {
                continue;
            };
            g.graph.add_edge(a, b, e);
        }
        g
    }

    /// Serialises as node-link JSON (deterministic: sorted nodes and edges), laid out as
    /// [`crate::export::node_link::to_string`] describes.
    pub fn to_json(&self) -> String {
        crate::export::node_link::to_string(self)
    }

    /// Writes the node-link JSON of [`CitationGraph::to_json`] to `w` without building it in
    /// memory first.
    pub fn write_json(&self, w: impl std::io::Write) -> std::io::Result<()> {
        crate::export::node_link::write(self, w, 1)
    }

    /// Reads a graph file written by [`CitationGraph::to_json`].
    pub fn load(path: &Path) -> Result<CitationGraph> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let nl: NodeLink = serde_json::from_str(&text).map_err(|e| Error::Graph {
            path: path.to_path_buf(),
            message: format!("line {}, column {}: {e}", e.line(), e.column()),
        })?;
        Ok(CitationGraph::from_node_link(nl))
    }
}

/// A place that cites a node with a date: kept in one flat list while documents are added (a
/// push, where a map of maps took two searches and a reference count for each), and sorted
/// into each node's dates when the graph is finished.
#[derive(Debug, Clone, Copy)]
struct DatedPlace {
    /// The node cited (its index).
    target: usize,
    date: NaiveDate,
    /// The citing file, an index into [`Builder`]'s `files`.
    file: usize,
    /// The mention's start byte.
    start: usize,
}

/// Accumulates documents into a graph. Feed it documents in any order: each one is folded into
/// the nodes and edges as it comes (so that a parallel run does this work while files are
/// still being read), and [`Builder::finish`] sorts everything, so the result does not depend
/// on the order.
#[derive(Debug, Default)]
pub struct Builder {
    /// Nodes by index; ids looked up once per mention. Held as the graph's index type, so that
    /// the map becomes the graph's index with its values renumbered in place, not rebuilt.
    index: FxHashMap<String, NodeIndex>,
    /// The same by symbol, so that an id is built once per distinct symbol, not per mention.
    by_symbol: FxHashMap<Symbol, usize>,
    nodes: Vec<Node>,
    /// The file each node's title comes from (the first file by name that has one).
    title_file: FxHashMap<usize, String>,
    adopted: FxHashMap<usize, BTreeSet<String>>,
    /// Dated mentions, in the order they came; the places are formatted only for the warnings
    /// of the few nodes whose dates disagree.
    cited: Vec<DatedPlace>,
    /// The files of the dated mentions, each once, and their indices.
    files: Vec<Arc<str>>,
    file_index: FxHashMap<Arc<str>, usize>,
    /// (source, target) -> mentions, each list allocated at its size: most edges have one
    /// mention, and a growing vector would reserve room for four.
    edges: FxHashMap<(usize, usize), Vec<MentionRecord>>,
    /// Files without an identity that cite something, with how many references.
    unnamed: Vec<(String, usize)>,
    documents: usize,
}

impl Builder {
    /// A new, empty builder.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// The node of `id`, made from `sym` if it is new. `of_symbol`: `id` is the symbol's own id
    /// (a document's own id may differ from its symbol's: the node keeps the symbol's).
    fn node_of(&mut self, id: String, sym: &Symbol, of_symbol: bool) -> usize {
        let nodes = &mut self.nodes;
        match self.index.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => e.get().index(),
            std::collections::hash_map::Entry::Vacant(e) => {
                // The symbol's id is built once, for the index and the new node.
                nodes.push(if of_symbol {
                    new_node(sym, e.key())
                } else {
                    new_node(sym, &sym.id())
                });
                e.insert(NodeIndex::new(nodes.len() - 1)).index()
            }
        }
    }

    fn node_of_symbol(&mut self, sym: &Symbol) -> usize {
        if let Some(i) = self.by_symbol.get(sym) {
            return *i;
        }
        let i = self.node_of(sym.id(), sym, true);
        self.by_symbol.insert(sym.clone(), i);
        i
    }

    /// Adds one analysed document.
    pub fn add(&mut self, doc: Document) {
        self.documents += 1;
        let Some(sym) = &doc.info.symbol else {
            if !doc.mentions.is_empty() {
                self.unnamed.push((doc.file, doc.mentions.len()));
            }
            return;
        };
        let id = doc.info.id.clone().unwrap_or_else(|| sym.id());
        let si = self.node_of(id, sym, false);
        let node = &mut self.nodes[si];
        node.in_corpus = true;
        node.sources.push(doc.file.clone());
        if let Some(title) = doc.info.title {
            let first = self
                .title_file
                .get(&si)
                .is_none_or(|f| doc.file.as_str() < f.as_str());
            if first {
                node.title = Some(title);
                self.title_file.insert(si, doc.file.clone());
            }
        }
        if let Some(a) = doc.info.adopted {
            self.adopted.entry(si).or_default().insert(a.to_string());
        }
        let file: Arc<str> = doc.file.as_str().into();
        // This document's index in `files`, looked up at its first dated mention.
        let mut this_file = None;
        let mut targeted: Vec<(usize, MentionRecord)> = Vec::with_capacity(doc.mentions.len());
        for m in doc.mentions {
            // Nodes are ids: a mention of the document's own id is no citation.
            let ti = self.node_of_symbol(&m.symbol);
            if ti == si {
                continue;
            }
            if let Some(date) = m.date {
                let index = *this_file.get_or_insert_with(|| {
                    *self.file_index.entry(file.clone()).or_insert_with(|| {
                        self.files.push(file.clone());
                        self.files.len() - 1
                    })
                });
                self.cited.push(DatedPlace {
                    target: ti,
                    date,
                    file: index,
                    start: m.start,
                });
            }
            let rec = MentionRecord {
                file: file.clone(),
                start: m.start,
                end: m.end,
                text: m.text,
                clause: m.clause,
                date: m.date,
            };
            targeted.push((ti, rec));
        }
        // Grouped by target, each group moved into a list of its own size.
        targeted.sort_by_key(|(t, _)| *t);
        let keys: Vec<usize> = targeted.iter().map(|(t, _)| *t).collect();
        let mut it = targeted.into_iter();
        let mut k = 0;
        while let Some(&ti) = keys.get(k) {
            let n = keys[k..].iter().take_while(|t| **t == ti).count();
            k += n;
            // `take` of a vector's iterator knows its length: the list is allocated once.
            let mut group: Vec<MentionRecord> = it.by_ref().take(n).map(|(_, rec)| rec).collect();
            match self.edges.entry((si, ti)) {
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    // Grown to the exact size once: appending, then shrinking, moved the list
                    // twice.
                    let list = e.get_mut();
                    list.reserve_exact(group.len());
                    list.append(&mut group);
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(group);
                }
            }
        }
    }

    /// Builds the graph (on the calling thread alone).
    pub fn finish(self) -> CitationGraph {
        self.finish_with(1)
    }

    /// Builds the graph; with `jobs` above 1, a second thread orders the edges and their
    /// mentions while this one settles the nodes (sources, dates, warnings) and lays them into
    /// the graph. The graph does not depend on `jobs`.
    pub fn finish_with(self, jobs: usize) -> CitationGraph {
        let Builder {
            index,
            by_symbol,
            mut nodes,
            title_file,
            adopted,
            cited,
            files,
            file_index: _,
            edges,
            unnamed,
            documents,
        } = self;
        // Nodes in id order: the order of the graph and of the warnings.
        // Ids are distinct, so an unstable sort gives the one order. It sorts small (key,
        // index) pairs: each id's first sixteen bytes as one number decide most comparisons
        // without reading the node or comparing strings, and the ids decide where those are
        // equal (the order is the ids': a shorter id's missing bytes count as zeros).
        let mut keyed: Vec<(u128, usize)> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (id_prefix(&n.id), i))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| nodes[a.1].id.cmp(&nodes[b.1].id))
        });
        let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut rank = vec![0usize; nodes.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        let edge_count = edges.len();
        let edge_work = || {
            // Maps only the building needed, freed on this thread too.
            drop((by_symbol, title_file));
            let edges = ordered_edges(edges, &rank, &index);
            // The builder's id strings serve as the graph's index: node indices follow the
            // ranks. Renumbered in place: a new map hashed every id again.
            let mut index = index;
            for i in index.values_mut() {
                *i = NodeIndex::new(rank[i.index()]);
            }
            (edges, index)
        };
        // The nodes' part: settled in id order, then laid into the graph in that order.
        let node_work = || {
            let warnings = settle_nodes(&mut nodes, &order, unnamed, adopted, cited, &files);
            let mut graph = DiGraph::with_capacity(nodes.len(), edge_count);
            let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
            for &i in &order {
                if let Some(node) = slots[i].take() {
                    graph.add_node(node);
                }
            }
            (graph, warnings)
        };
        let ((mut graph, warnings), (edges, index)) = if jobs > 1 {
            let mut edges = (Vec::new(), FxHashMap::default());
            let nodes = std::thread::scope(|scope| {
                scope.spawn(|| edges = edge_work());
                node_work()
            });
            (nodes, edges)
        } else {
            let edges = edge_work();
            (node_work(), edges)
        };
        for (a, b, edge) in edges {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), edge);
        }
        let mut g = CitationGraph {
            graph,
            ..CitationGraph::default()
        };
        g.index = index;
        g.meta = Meta {
            name: "resgraph".into(),
            format: 1,
            documents,
            warnings,
        };
        g
    }
}

/// Settles each node, in id order: its sources sorted, its cited dates listed, its date chosen
/// (the document's own, the Security Council table's, or the one date it is cited with), and a
/// warning where dates disagree. Returns the warnings, those of files without an identity first.
fn settle_nodes(
    nodes: &mut [Node],
    order: &[usize],
    mut unnamed: Vec<(String, usize)>,
    mut adopted: FxHashMap<usize, BTreeSet<String>>,
    mut cited: Vec<DatedPlace>,
    files: &[Arc<str>],
) -> Vec<String> {
    unnamed.sort();
    let mut warnings: Vec<String> = unnamed
        .into_iter()
        .map(|(file, n)| {
            format!(
                "{file}: the document does not name itself; its {n} references are not in the graph"
            )
        })
        .collect();
    // Each node's places together, by date, each file's together (a file has one index).
    // Places that compare equal are alike, so an unstable sort gives the one order.
    let file_of = |p: &DatedPlace| files.get(p.file).map_or("", |f| &**f);
    cited.sort_unstable_by_key(|p| (p.target, p.date, p.file, p.start));
    // Where each node's places are in the sorted list.
    let mut places_of = vec![0..0; nodes.len()];
    let mut at = 0;
    for run in cited.chunk_by(|a, b| a.target == b.target) {
        if let Some(slot) = run.first().and_then(|p| places_of.get_mut(p.target)) {
            *slot = at..at + run.len();
        }
        at += run.len();
    }
    for &i in order {
        let node = &mut nodes[i];
        node.sources.sort();
        node.sources.dedup();
        // Each node's entries are taken out (and freed) as it is settled.
        let own: Vec<String> = adopted
            .remove(&i)
            .map(|s| s.into_iter().collect())
            .unwrap_or_default();
        // The table's date only for the resolution it lists: an id of another year takes its
        // date from the citing texts, and the warnings say why not from the table.
        let table = match table_date(node) {
            Some((date, true)) => Some(date.to_string()),
            Some((date, false)) => {
                warnings.push(format!(
                    "{}: the table of Council resolutions dates this number {date}, in another \
                     year: its date is not taken",
                    node.id
                ));
                None
            }
            None => None,
        };
        let places = places_of
            .get(i)
            .and_then(|r| cited.get(r.clone()))
            .unwrap_or_default();
        // One run for each date (runs are never empty).
        let by_date: Vec<(NaiveDate, &[DatedPlace])> = places
            .chunk_by(|a, b| a.date == b.date)
            .filter_map(|run| Some((run.first()?.date, run)))
            .collect();
        node.cited_dates = by_date.iter().map(|(d, _)| d.to_string()).collect();
        let (date, source) = if let Some(d) = own.first() {
            (Some(d.clone()), Some("document"))
        } else if let Some(d) = table {
            (Some(d), Some("table"))
        } else if let Some(d) = majority_date(&by_date) {
            (Some(d.to_string()), Some("cited"))
        } else {
            (None, None)
        };
        let mut all: BTreeSet<&String> = node.cited_dates.iter().collect();
        all.extend(own.iter());
        if let Some(d) = &date {
            all.insert(d);
        }
        if all.len() > 1 {
            node.date_conflict = true;
            let detail = by_date
                .iter()
                .map(|(d, run)| {
                    // By file name and offset (the files' indices follow the order they came).
                    let mut places: Vec<(&str, usize)> =
                        run.iter().map(|p| (file_of(p), p.start)).collect();
                    places.sort_unstable();
                    let places: Vec<String> =
                        places.iter().map(|(f, s)| format!("{f}:{s}")).collect();
                    format!("{d} ({})", places.join(", "))
                })
                .collect::<Vec<_>>()
                .join("; ");
            warnings.push(format!(
                "{}: dates disagree: {} {}; cited as {detail}",
                node.id,
                source.unwrap_or("no date chosen"),
                date.as_deref().unwrap_or("-"),
            ));
        }
        node.date = date;
        node.date_source = source.map(str::to_string);
    }
    warnings
}

/// The date that more citing files give than all other dates together (each file counted once
/// for each date it gives): one stray date against several (`2107-12-24` for 72/256 of 24
/// December 2017 in one file, the right date in two) does not leave a node undated; a tie does.
/// `by_date`: a node's places, one run for each date in date order, each file's places
/// together in a run.
fn majority_date(by_date: &[(NaiveDate, &[DatedPlace])]) -> Option<NaiveDate> {
    // Most cited nodes have one date: no files to count.
    if let [(date, _)] = by_date {
        return Some(*date);
    }
    // A run lists one file's places next to each other, under one index.
    let files = |run: &[DatedPlace]| run.chunk_by(|a, b| a.file == b.file).count();
    let counts: Vec<(NaiveDate, usize)> = by_date.iter().map(|(d, run)| (*d, files(run))).collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    // The earliest of equal counts: a tie between dates is decided by the dates alone.
    let (date, best) = counts
        .iter()
        .copied()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (best * 2 > total).then_some(date)
}

/// The first sixteen bytes of `id` as a big-endian number (zeros after a shorter id): numbers
/// ordered as the ids' first sixteen bytes are.
fn id_prefix(id: &str) -> u128 {
    let mut b = [0u8; 16];
    let n = id.len().min(16);
    b[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(b)
}

/// The edges in (source id, target id) order, as (source rank, target rank, edge), each with
/// its mentions sorted. Node indices follow the ranks; `index` gives each node's id.
fn ordered_edges(
    edges: FxHashMap<(usize, usize), Vec<MentionRecord>>,
    rank: &[usize],
    index: &FxHashMap<String, NodeIndex>,
) -> Vec<(usize, usize, Edge)> {
    let mut id_of = vec![""; rank.len()];
    for (id, i) in index {
        id_of[i.index()] = id.as_str();
    }
    // Each (source, target) pair is one edge: an unstable sort gives the one order. The
    // ranks are looked up once per edge, not at every comparison, and the sort moves the
    // ranks with each edge's place in the list, not the edges' entries.
    let mut lists: Vec<((usize, usize), Vec<MentionRecord>)> = edges.into_iter().collect();
    let mut keys: Vec<(u128, usize)> = lists
        .iter()
        .enumerate()
        .map(|(k, ((s, t), _))| (((rank[*s] as u128) << 64) | rank[*t] as u128, k))
        .collect();
    keys.sort_unstable_by_key(|(key, _)| *key);
    keys.into_iter()
        .map(|(key, k)| {
            // The two ranks back from their halves of the key (each a `usize`, so whole).
            let (a, b) = ((key >> 64) as usize, key as u64 as usize);
            let ((s, t), list) = &mut lists[k];
            let (s, t) = (*s, *t);
            let mut mentions = std::mem::take(list);
            mentions.sort();
            let edge = Edge {
                source: id_of[s].to_string(),
                target: id_of[t].to_string(),
                weight: max_per_file(&mentions),
                mentions,
            };
            (a, b, edge)
        })
        .collect()
}

/// The most mentions any one file makes (mentions sorted by file).
fn max_per_file(mentions: &[MentionRecord]) -> usize {
    let mut best = 0;
    let mut run = 0;
    for (k, m) in mentions.iter().enumerate() {
        run = if k > 0 && mentions[k - 1].file == m.file {
            run + 1
        } else {
            1
        };
        best = best.max(run);
    }
    best
}

/// A node for `sym`, whose id is `id`.
fn new_node(sym: &Symbol, id: &str) -> Node {
    Node {
        id: id.to_string(),
        kind: sym.kind(),
        body: sym.body_name().to_string(),
        date: None,
        date_source: None,
        cited_dates: Vec::new(),
        date_conflict: false,
        label: sym.label(),
        url: Symbol::url_of(id),
        title: None,
        in_corpus: false,
        sources: Vec::new(),
    }
}

/// The Security Council table's adoption date for an `S/RES/N(YYYY)` node, and whether the
/// table's year is the id's. Where it is not, the id is not the table's resolution as written:
/// a year one off would have been read as a slip and the id would follow the number, so the
/// number or the year is wrong in the citing text (`84 (1993)` for 804 (1993), `274 (1959)` for
/// 274 (1969)), or the number is another body's.
fn table_date(node: &Node) -> Option<(NaiveDate, bool)> {
    let rest = node.id.strip_prefix("S/RES/")?;
    let (number, year) = match rest.split_once('(') {
        Some((n, y)) => (n, y.strip_suffix(')').and_then(|y| y.parse::<i32>().ok())),
        None => (rest, None),
    };
    let date = known::sc_date(number.parse().ok()?)?;
    Some((date, year.is_none_or(|y| y == date.year())))
}

/// Builds the graph of analysed documents.
pub fn build(docs: impl IntoIterator<Item = Document>) -> CitationGraph {
    let mut b = Builder::new();
    for d in docs {
        b.add(d);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Part;
    use proptest::prelude::*;

    proptest! {
        /// Ids keyed by their first sixteen bytes sort as the ids themselves: a prefix number
        /// never orders two ids against their own order (ids of symbol characters, NUL and
        /// text outside ASCII among them, around sixteen bytes long).
        #[test]
        fn id_prefixes_order_as_the_ids(
            a in "[A-Z/0-9.\\-\u{0}é]{0,20}",
            b in "[A-Z/0-9.\\-\u{0}é]{0,20}",
        ) {
            let (pa, pb) = (id_prefix(&a), id_prefix(&b));
            prop_assert_eq!((pa, a.as_str()).cmp(&(pb, b.as_str())), a.cmp(&b));
        }
    }

    proptest! {
        /// Mentions order as their fields in turn, whether two of one file share its string
        /// or hold copies of it.
        #[test]
        fn mentions_order_by_their_fields(
            fields in proptest::collection::vec(
                (0usize..3, any::<bool>(), 0usize..3, 0usize..3, 0usize..2, 0usize..2), 2..6),
        ) {
            let files: Vec<Arc<str>> = ["a/b.txt", "a/b.txt2", "a-b.txt"].iter().map(|f| Arc::from(*f)).collect();
            let records: Vec<MentionRecord> = fields
                .iter()
                .map(|&(f, shared, start, end, text, part)| MentionRecord {
                    file: if shared { files[f].clone() } else { Arc::from(&*files[f]) },
                    start,
                    end,
                    text: ["x", "y"][text].to_string(),
                    clause: Clause {
                        part: [Part::Preamble, Part::Operative][part],
                        paragraph: None,
                        verb: None,
                        section: None,
                    },
                    date: None,
                })
                .collect();
            let key = |m: &MentionRecord| {
                (m.file.to_string(), m.start, m.end, m.text.clone(), m.clause.clone(), m.date)
            };
            for a in &records {
                for b in &records {
                    prop_assert_eq!(a.cmp(b), key(a).cmp(&key(b)));
                    prop_assert_eq!(a.partial_cmp(b), Some(key(a).cmp(&key(b))));
                }
            }
        }
    }
}
