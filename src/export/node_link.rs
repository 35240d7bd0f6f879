//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="edges")`).

use crate::graph::CitationGraph;

/// The graph as pretty-printed node-link JSON, nodes sorted by id and edges by source and
/// target, so that the same corpus always gives the same bytes.
pub fn to_string(graph: &CitationGraph) -> String {
    graph.to_json()
}
