//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="edges")`).
//!
//! The edge list is under `edges`, the key networkx writes and reads by default from 3.4 on.
//! [`EdgeKey::Links`] writes it under `links` instead, for D3 and for networkx before 3.4.

use super::escape::{json_date, json_number, json_opt_str, json_str};
use super::pretty;
use crate::graph::{CitationGraph, Edge, MentionRecord, Meta, Node};
use serde::Serialize;

/// The key of the edge list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EdgeKey {
    /// `edges` (networkx 3.4 and later).
    #[default]
    Edges,
    /// `links` (D3, networkx before 3.4).
    Links,
}

/// The node-link form with its edge list under `links`.
#[derive(Serialize)]
struct WithLinks<'a> {
    directed: bool,
    multigraph: bool,
    graph: &'a Meta,
    nodes: &'a [Node],
    links: &'a [Edge],
}

/// The graph as pretty-printed node-link JSON, nodes sorted by id and edges by source and
/// target, so that the same corpus always gives the same bytes.
pub fn to_string(graph: &CitationGraph) -> String {
    graph.to_json()
}

/// As [`to_string`], with the edge list under the given key.
pub fn to_string_with(graph: &CitationGraph, key: EdgeKey) -> String {
    match key {
        EdgeKey::Edges => graph.to_json(),
        EdgeKey::Links => {
            let nl = graph.to_node_link();
            let doc = WithLinks {
                directed: nl.directed,
                multigraph: nl.multigraph,
                graph: &nl.graph,
                nodes: &nl.nodes,
                links: &nl.edges,
            };
            serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into()) + "\n"
        }
    }
}

/// Writes the graph's node-link JSON (the bytes of [`CitationGraph::write_json`]) with the
/// node and edge lists serialised by `jobs` threads, while this thread writes: on a large
/// corpus the file is the longest step after reading, and it would otherwise run on one core.
pub fn write(graph: &CitationGraph, w: impl std::io::Write, jobs: usize) -> std::io::Result<()> {
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
        &|n, out, d| {
            node_json(n, out, d);
            Ok(())
        },
        // Rough sizes of the JSON (on the corpus: about 300 bytes a node, 360 a mention).
        &|n| 320 + 64 * n.sources.len(),
    )?;
    w.write_all(b",\n  \"edges\": ")?;
    pretty::write_array_with(
        &mut w,
        &graph.edges(),
        1,
        jobs,
        &|e, out, d| {
            edge_json(e, out, d);
            Ok(())
        },
        &|e| 128 + 360 * e.mentions.len(),
    )?;
    w.write_all(b"\n}\n")?;
    w.flush()
}

// Nodes and edges written by hand: through serde they took most of the writing of a graph file,
// which runs after every file is read. The bytes are serde's (tested below and against
// `write_json` on a corpus graph).

fn bool_json(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

fn strings(out: &mut Vec<u8>, items: &[String], depth: usize) {
    pretty::array_into(out, items, depth, |s, out, _| json_str(out, s));
}

/// A node as serde writes [`Node`], `depth` levels deep.
fn node_json(n: &Node, out: &mut Vec<u8>, depth: usize) {
    let mut o = pretty::Object::open(out, depth);
    let inner = o.inner();
    json_str(o.key("id"), &n.id);
    json_str(o.key("type"), n.kind.as_str());
    json_str(o.key("body"), &n.body);
    json_opt_str(o.key("date"), n.date.as_deref());
    json_opt_str(o.key("date_source"), n.date_source.as_deref());
    strings(o.key("cited_dates"), &n.cited_dates, inner);
    bool_json(o.key("date_conflict"), n.date_conflict);
    json_str(o.key("label"), &n.label);
    json_str(o.key("url"), &n.url);
    json_opt_str(o.key("title"), n.title.as_deref());
    bool_json(o.key("in_corpus"), n.in_corpus);
    strings(o.key("sources"), &n.sources, inner);
    o.close();
}

/// An edge as serde writes [`Edge`], `depth` levels deep.
fn edge_json(e: &Edge, out: &mut Vec<u8>, depth: usize) {
    let mut o = pretty::Object::open(out, depth);
    let inner = o.inner();
    json_str(o.key("source"), &e.source);
    json_str(o.key("target"), &e.target);
    json_number(o.key("weight"), e.weight as u64);
    pretty::array_into(o.key("mentions"), &e.mentions, inner, mention_json);
    o.close();
}

/// A mention as serde writes [`MentionRecord`], `depth` levels deep.
fn mention_json(m: &MentionRecord, out: &mut Vec<u8>, depth: usize) {
    let mut o = pretty::Object::open(out, depth);
    let inner = o.inner();
    json_str(o.key("file"), &m.file);
    json_number(o.key("start"), m.start as u64);
    json_number(o.key("end"), m.end as u64);
    json_str(o.key("text"), &m.text);
    let mut c = pretty::Object::open(o.key("clause"), inner);
    json_str(c.key("part"), m.clause.part.as_str());
    match m.clause.paragraph {
        Some(p) => json_number(c.key("paragraph"), u64::from(p)),
        None => c.key("paragraph").extend_from_slice(b"null"),
    }
    json_opt_str(c.key("verb"), m.clause.verb.as_deref());
    if let Some(section) = m.clause.section {
        json_str(c.key("section"), section.as_str());
    }
    c.close();
    match m.date {
        Some(d) => json_date(o.key("date"), d),
        None => o.key("date").extend_from_slice(b"null"),
    }
    o.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nodes and edges written by hand are the bytes serde writes, at any depth, for the
    /// graphs built to break writers (quotes, control characters, right-to-left text, empty
    /// lists, dates outside 0-9999).
    #[test]
    fn hand_written_equals_serde() {
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
            for depth in 0..3 {
                for n in g.nodes() {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    node_json(n, &mut a, depth);
                    pretty::write_at(&mut b, n, depth).unwrap_or_default();
                    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
                }
                for e in g.edges() {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    edge_json(e, &mut a, depth);
                    pretty::write_at(&mut b, e, depth).unwrap_or_default();
                    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
                }
            }
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
