//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="edges")`).
//!
//! The edge list is under `edges`, the key networkx writes and reads by default from 3.4 on.
//! [`EdgeKey::Links`] writes it under `links` instead, for D3 and for networkx before 3.4.

use crate::graph::{CitationGraph, Edge, Meta, Node};
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
    use super::pretty;
    use std::io::Write;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    w.write_all(b"{\n  \"directed\": true,\n  \"multigraph\": false,\n  \"graph\": ")?;
    pretty::write_at(&mut w, &graph.meta, 1)?;
    w.write_all(b",\n  \"nodes\": ")?;
    pretty::write_array(&mut w, &graph.nodes(), 1, jobs)?;
    w.write_all(b",\n  \"edges\": ")?;
    pretty::write_array(&mut w, &graph.edges(), 1, jobs)?;
    w.write_all(b"\n}\n")?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
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
