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
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

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
    /// ISO date: the adoption date where known, else the date the citing texts agree on.
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

/// One mention of the target in a file of the source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The file.
    pub file: String,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The text of the reference.
    pub text: String,
    /// Where it stands.
    pub clause: Clause,
    /// The date the text gives, ISO.
    pub date: Option<String>,
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
    index: HashMap<String, NodeIndex>,
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

    /// Serialises as pretty node-link JSON (deterministic: sorted nodes and edges).
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail, and every value of the graph serialises.
        let _ = self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the pretty node-link JSON to `w` without building it in memory first.
    pub fn write_json(&self, w: impl std::io::Write) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct View<'a> {
            directed: bool,
            multigraph: bool,
            graph: &'a Meta,
            nodes: Vec<&'a Node>,
            edges: Vec<&'a Edge>,
        }
        let view = View {
            directed: true,
            multigraph: false,
            graph: &self.meta,
            nodes: self.nodes(),
            edges: self.edges(),
        };
        use std::io::Write;
        let mut w = std::io::BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, &view)?;
        w.write_all(b"\n")?;
        w.flush()
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

/// Accumulates documents into a graph. Feed it documents in any order; [`Builder::finish`]
/// sorts everything, so the result does not depend on the order.
#[derive(Debug, Default)]
pub struct Builder {
    docs: Vec<DocSummary>,
}

/// What the builder keeps of a document (its text is not needed any more).
#[derive(Debug)]
struct DocSummary {
    file: String,
    id: Option<String>,
    symbol: Option<Symbol>,
    adopted: Option<String>,
    title: Option<String>,
    mentions: Vec<(Symbol, MentionRecord)>,
}

impl Builder {
    /// A new, empty builder.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Adds one analysed document.
    pub fn add(&mut self, doc: Document) {
        let mentions = doc
            .mentions
            .into_iter()
            .map(|m| {
                let rec = MentionRecord {
                    file: doc.file.clone(),
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    clause: m.clause,
                    date: m.date.map(|d| d.to_string()),
                };
                (m.symbol, rec)
            })
            .collect();
        self.docs.push(DocSummary {
            file: doc.file,
            id: doc.info.id,
            symbol: doc.info.symbol,
            adopted: doc.info.adopted.map(|d| d.to_string()),
            title: doc.info.title,
            mentions,
        });
    }

    /// Builds the graph.
    pub fn finish(mut self) -> CitationGraph {
        self.docs.sort_by(|a, b| a.file.cmp(&b.file));
        let mut warnings = Vec::new();
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        let mut adopted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        // Dated mentions of each target: date -> (document index, offset), formatted only for
        // the warnings of the few nodes whose dates disagree.
        let mut cited: BTreeMap<String, BTreeMap<String, Vec<(usize, usize)>>> = BTreeMap::new();
        // (source, target) -> file -> mentions
        let mut edges: BTreeMap<(String, String), BTreeMap<String, Vec<MentionRecord>>> =
            BTreeMap::new();
        let docs = std::mem::take(&mut self.docs);
        let files: Vec<String> = docs.iter().map(|d| d.file.clone()).collect();

        for (di, d) in docs.into_iter().enumerate() {
            let Some(sym) = &d.symbol else {
                if !d.mentions.is_empty() {
                    warnings.push(format!(
                        "{}: the document does not name itself; its {} references are not in the graph",
                        d.file,
                        d.mentions.len()
                    ));
                }
                continue;
            };
            let id = d.id.clone().unwrap_or_else(|| sym.id());
            let node = nodes.entry(id.clone()).or_insert_with(|| new_node(sym));
            node.in_corpus = true;
            node.sources.push(d.file.clone());
            if node.title.is_none() {
                node.title = d.title.clone();
            }
            if let Some(a) = &d.adopted {
                adopted.entry(id.clone()).or_default().insert(a.clone());
            }
            for (target, rec) in d.mentions {
                let tid = target.id();
                if tid == id {
                    continue;
                }
                nodes
                    .entry(tid.clone())
                    .or_insert_with(|| new_node(&target));
                if let Some(date) = &rec.date {
                    cited
                        .entry(tid.clone())
                        .or_default()
                        .entry(date.clone())
                        .or_default()
                        .push((di, rec.start));
                }
                edges
                    .entry((id.clone(), tid))
                    .or_default()
                    .entry(d.file.clone())
                    .or_default()
                    .push(rec);
            }
        }

        for (id, node) in nodes.iter_mut() {
            node.sources.sort();
            node.sources.dedup();
            let own: Vec<String> = adopted
                .get(id)
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default();
            let table = table_date(node);
            let texts = cited.get(id);
            node.cited_dates = texts
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let (date, source) = if let Some(d) = own.first() {
                (Some(d.clone()), Some("document"))
            } else if let Some(d) = table {
                (Some(d), Some("table"))
            } else if node.cited_dates.len() == 1 {
                (node.cited_dates.first().cloned(), Some("cited"))
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
                let detail = texts
                    .map(|m| {
                        m.iter()
                            .map(|(d, places)| {
                                let places: Vec<String> = places
                                    .iter()
                                    .map(|(f, start)| format!("{}:{start}", files[*f]))
                                    .collect();
                                format!("{d} ({})", places.join(", "))
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default();
                warnings.push(format!(
                    "{id}: dates disagree: {} {}; cited as {detail}",
                    source.unwrap_or("no date chosen"),
                    date.as_deref().unwrap_or("-"),
                ));
            }
            node.date = date;
            node.date_source = source.map(str::to_string);
        }

        let mut g = CitationGraph::default();
        for (id, node) in nodes {
            let i = g.graph.add_node(node);
            g.index.insert(id, i);
        }
        for ((s, t), per_file) in edges {
            let weight = per_file.values().map(Vec::len).max().unwrap_or(0);
            let mut mentions: Vec<MentionRecord> = per_file.into_values().flatten().collect();
            mentions.sort();
            let (Some(a), Some(b)) = (g.find(&s), g.find(&t)) else {
                continue;
            };
            g.graph.add_edge(
                a,
                b,
                Edge {
                    source: s,
                    target: t,
                    weight,
                    mentions,
                },
            );
        }
        g.meta = Meta {
            name: "resgraph".into(),
            format: 1,
            documents: files.len(),
            warnings,
        };
        g
    }
}

fn new_node(sym: &Symbol) -> Node {
    Node {
        id: sym.id(),
        kind: sym.kind(),
        body: sym.body().as_str().to_string(),
        date: None,
        date_source: None,
        cited_dates: Vec::new(),
        date_conflict: false,
        label: sym.label(),
        url: sym.url(),
        title: None,
        in_corpus: false,
        sources: Vec::new(),
    }
}

/// The Security Council table's adoption date for an `S/RES/N(YYYY)` node.
fn table_date(node: &Node) -> Option<String> {
    let rest = node.id.strip_prefix("S/RES/")?;
    let n: u32 = rest.split('(').next()?.parse().ok()?;
    known::sc_date(n).map(|d| d.to_string())
}

/// Builds the graph of analysed documents.
pub fn build(docs: impl IntoIterator<Item = Document>) -> CitationGraph {
    let mut b = Builder::new();
    for d in docs {
        b.add(d);
    }
    b.finish()
}
