//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="edges")`).
//!
//! The edge list is under `edges`, the key networkx writes and reads by default from 3.4 on.
//! [`EdgeKey::Links`] writes it under `links` instead, for D3 and for networkx before 3.4.

use super::escape::{Spacing, json_date, json_number, json_opt_str, json_str, place_json};
use super::pretty;
use crate::graph::{CitationGraph, Edge, MentionRecord, Node};

/// The key of the edge list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EdgeKey {
    /// `edges` (networkx 3.4 and later).
    #[default]
    Edges,
    /// `links` (D3, networkx before 3.4).
    Links,
}

/// The graph as node-link JSON, nodes sorted by id and edges by source and target, so that the
/// same corpus always gives the same bytes. The graph's fields are indented as serde's pretty
/// printer lays them out; each node, each edge's own fields and each of its mentions stand on
/// one line:
///
/// ```text
/// {
///   "directed": true,
///   "multigraph": false,
///   "graph": {
///     "name": "resgraph",
///     ...
///   },
///   "nodes": [
///     {"id": "A/RES/43/78H", "type": "resolution", "body": "GA", ...},
///     ...
///   ],
///   "edges": [
///     {"source": "A/RES/78/237", "target": "A/RES/43/78H", "weight": 1, "mentions": [
///       {"file": "...", "start": 574, "end": 602, "text": "43/78 H vom 7. Dezember 1988", ...}
///     ]},
///     ...
///   ]
/// }
/// ```
pub fn to_string(graph: &CitationGraph) -> String {
    to_string_with(graph, EdgeKey::Edges)
}

/// As [`to_string`], with the edge list under the given key.
pub fn to_string_with(graph: &CitationGraph, key: EdgeKey) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail; the writer writes UTF-8 only.
    let _ = write_with(graph, key, &mut out, 1);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the graph's node-link JSON (the bytes of [`to_string`]) with the node and edge lists
/// serialised by `jobs` threads, while this thread writes: on a large corpus the file is the
/// longest step after reading, and it would otherwise run on one core.
pub fn write(graph: &CitationGraph, w: impl std::io::Write, jobs: usize) -> std::io::Result<()> {
    write_with(graph, EdgeKey::Edges, w, jobs)
}

/// [`write()`] with the edge list under the given key (the bytes of [`to_string_with`]).
pub fn write_with(
    graph: &CitationGraph,
    key: EdgeKey,
    w: impl std::io::Write,
    jobs: usize,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    w.write_all(b"{\n  \"directed\": true,\n  \"multigraph\": false,\n  \"graph\": ")?;
    pretty::write_at(&mut w, &graph.meta, 1)?;
    w.write_all(b",\n  \"nodes\": ")?;
    pretty::write_array_with(
        &mut w,
        &graph.nodes(),
        1,
        jobs,
        &|n, out, _| {
            node_json(n, out);
            Ok(())
        },
        // Rough sizes of the JSON (on the corpus: about 280 bytes a node, 240 a mention).
        &|n| 280 + 64 * n.sources.len(),
    )?;
    w.write_all(match key {
        EdgeKey::Edges => b",\n  \"edges\": ",
        EdgeKey::Links => b",\n  \"links\": ",
    })?;
    pretty::write_array_with(
        &mut w,
        &graph.edges(),
        1,
        jobs,
        &|e, out, d| {
            edge_json(e, out, d);
            Ok(())
        },
        &|e| 96 + 240 * e.mentions.len(),
    )?;
    w.write_all(b"\n}\n")?;
    w.flush()
}

// Nodes and edges written by hand, one node, edge head or mention a line: serde's pretty
// printer put every field on a line of its own, and a third of a graph file was indentation
// (17.7 MB for the 25 MB corpus, 12.1 MB on lines), all of it to write, flush to the disk and
// read back. The values are serde's (tested below, and the file reads back through serde in the
// graph tests).

fn bool_json(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

fn strings(out: &mut Vec<u8>, items: &[String]) {
    pretty::inline_array(out, items, |s, out| json_str(out, s));
}

/// A node on one line (keys written as [`mention_json`] writes them).
fn node_json(n: &Node, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"id\": ");
    json_str(out, &n.id);
    out.extend_from_slice(b", \"type\": ");
    json_str(out, n.kind.as_str());
    out.extend_from_slice(b", \"body\": ");
    json_str(out, &n.body);
    out.extend_from_slice(b", \"date\": ");
    json_opt_str(out, n.date.as_deref());
    out.extend_from_slice(b", \"date_source\": ");
    json_opt_str(out, n.date_source.as_deref());
    out.extend_from_slice(b", \"cited_dates\": ");
    strings(out, &n.cited_dates);
    out.extend_from_slice(b", \"date_conflict\": ");
    bool_json(out, n.date_conflict);
    out.extend_from_slice(b", \"label\": ");
    json_str(out, &n.label);
    out.extend_from_slice(b", \"url\": ");
    json_str(out, &n.url);
    out.extend_from_slice(b", \"title\": ");
    json_opt_str(out, n.title.as_deref());
    out.extend_from_slice(b", \"in_corpus\": ");
    bool_json(out, n.in_corpus);
    out.extend_from_slice(b", \"sources\": ");
    strings(out, &n.sources);
    out.push(b'}');
}

/// An edge standing `depth` levels deep: its fields on one line, then its mentions one a line
/// a level deeper.
fn edge_json(e: &Edge, out: &mut Vec<u8>, depth: usize) {
    out.extend_from_slice(b"{\"source\": ");
    json_str(out, &e.source);
    out.extend_from_slice(b", \"target\": ");
    json_str(out, &e.target);
    out.extend_from_slice(b", \"weight\": ");
    json_number(out, e.weight as u64);
    out.extend_from_slice(b", \"mentions\": ");
    pretty::array_into(out, &e.mentions, depth, |m, out, _| mention_json(m, out));
    out.push(b'}');
}

/// A mention on one line. Each key is written with the separator before it as one constant
/// (a graph file has hundreds of thousands of mentions, and a copy of unknown length is a call).
fn mention_json(m: &MentionRecord, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"file\": ");
    json_str(out, &m.file);
    place_json(out, (m.start, m.end), &m.text, &m.clause, Spacing::Spaced);
    out.extend_from_slice(b", \"date\": ");
    match m.date {
        Some(d) => json_date(out, d),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nodes and edges written by hand hold the values serde writes, for the graphs built to
    /// break writers (quotes, control characters, right-to-left text, empty lists, dates
    /// outside 0-9999); a node is one line, an edge one line and a line for each mention.
    #[test]
    fn hand_written_values_are_serde_s() {
        for g in [testdata::small(), testdata::hostile()] {
            let mut g = g;
            if let Some(e) = g.graph.edge_weights_mut().next()
                && let Some(m) = e.mentions.first().cloned()
            {
                let mut odd = m;
                odd.date = chrono::NaiveDate::from_ymd_opt(12_345, 6, 7);
                odd.text = "\u{1}\"\\\n".into();
                e.mentions.push(odd);
            }
            let parse = |b: &[u8]| -> serde_json::Value {
                serde_json::from_slice(b).unwrap_or_else(|e| panic!("{e}: {b:?}"))
            };
            for n in g.nodes() {
                let mut a = Vec::new();
                node_json(n, &mut a);
                assert_eq!(parse(&a), serde_json::to_value(n).unwrap_or_default());
                assert!(!a.contains(&b'\n'));
            }
            for e in g.edges() {
                for depth in 0..3 {
                    let mut a = Vec::new();
                    edge_json(e, &mut a, depth);
                    assert_eq!(parse(&a), serde_json::to_value(e).unwrap_or_default());
                    let lines: Vec<&[u8]> = a.split(|b| *b == b'\n').collect();
                    if e.mentions.is_empty() {
                        assert_eq!(lines.len(), 1);
                        continue;
                    }
                    // The head, a line for each mention, the closing line.
                    assert_eq!(lines.len(), e.mentions.len() + 2);
                    let indent = vec![b' '; 2 * (depth + 1)];
                    for line in &lines[1..=e.mentions.len()] {
                        assert!(line.starts_with(&indent) && line[indent.len()] == b'{');
                    }
                    assert_eq!(lines[lines.len() - 1], [&indent[2..], b"]}"].concat());
                }
            }
        }
    }

    /// The whole file reads back as the JSON serde writes of the same graph.
    #[test]
    fn file_holds_serde_s_document() {
        for g in [testdata::small(), testdata::hostile()] {
            let ours: serde_json::Value = serde_json::from_str(&to_string(&g)).unwrap_or_default();
            let theirs = serde_json::to_value(g.to_node_link()).unwrap_or_default();
            assert_eq!(ours, theirs);
        }
    }
    use crate::export::testdata;
    use crate::graph::NodeLink;

    #[test]
    fn links_key_holds_the_same_edges() {
        let g = testdata::small();
        let edges: serde_json::Value = serde_json::from_str(&to_string(&g)).unwrap_or_default();
        let links: serde_json::Value =
            serde_json::from_str(&to_string_with(&g, EdgeKey::Links)).unwrap_or_default();
        assert!(links.get("edges").is_none());
        assert_eq!(links["links"], edges["edges"]);
        assert_eq!(links["nodes"], edges["nodes"]);
        assert_eq!(links["links"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn hostile_round_trip() {
        let g = testdata::hostile();
        for key in [EdgeKey::Edges, EdgeKey::Links] {
            let text = to_string_with(&g, key).replace("\"links\":", "\"edges\":");
            let back: NodeLink = match serde_json::from_str(&text) {
                Ok(nl) => nl,
                Err(e) => panic!("{key:?}: {e}"),
            };
            let back = CitationGraph::from_node_link(back);
            assert_eq!(back.nodes(), g.nodes());
            assert_eq!(back.edges(), g.edges());
        }
    }
}
