//! Pajek `.net`, for Pajek's main-path analysis and the tools that trace a lineage; igraph reads
//! it too (`Graph.Read_Pajek`, R `read_graph(format = "pajek")`).
//!
//! ```text
//! *Network resgraph
//! *Vertices 2
//! 1 "A/RES/1"
//! 2 "S/RES/2(2001)"
//! *Arcs
//! 1 2 3
//! ```
//!
//! Vertices are numbered from 1 in id order and labelled with the id; each arc is
//! `source target weight`. Pajek has no attributes (use GraphML or CSV for those) and no escape in
//! its quoted labels, so a label is written on one line with whitespace runs folded to one space
//! and `"` replaced by `'`: the one format here that can alter an id, and only an id no UN symbol
//! has. Lines end in CRLF, as Pajek writes them.

use crate::export::escape::token;
use crate::graph::CitationGraph;
use std::collections::HashMap;
use std::fmt::Write;

/// A vertex label as Pajek can hold it: one line, no double quote.
pub fn label(id: &str) -> String {
    token(id).replace('"', "'")
}

/// The whole graph as a Pajek network.
pub fn to_string(graph: &CitationGraph) -> String {
    let nodes = graph.nodes();
    let mut out = String::from("*Network resgraph\r\n");
    let _ = write!(out, "*Vertices {}\r\n", nodes.len());
    let mut number: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let _ = write!(out, "{} \"{}\"\r\n", i + 1, label(&n.id));
        number.insert(n.id.as_str(), i + 1);
    }
    out.push_str("*Arcs\r\n");
    for e in graph.edges() {
        if let (Some(s), Some(t)) = (number.get(e.source.as_str()), number.get(e.target.as_str())) {
            let _ = write!(out, "{s} {t} {}\r\n", e.weight);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn vertices_and_arcs() {
        let text = to_string(&testdata::small());
        assert_eq!(
            text,
            "*Network resgraph\r\n*Vertices 3\r\n1 \"A/3\"\r\n2 \"A/RES/1\"\r\n\
             3 \"S/RES/2(2001)\"\r\n*Arcs\r\n2 3 2\r\n3 1 1\r\n"
        );
    }

    #[test]
    fn hostile_ids_stay_on_their_line() {
        let g = testdata::hostile();
        let text = to_string(&g);
        let lines: Vec<&str> = text.split("\r\n").collect();
        // Header, count, 3 vertices, *Arcs, 3 arcs, and the empty rest after the last CRLF.
        assert_eq!(lines.len(), 10, "{lines:?}");
        assert_eq!(lines[1], "*Vertices 3");
        for (i, n) in g.nodes().iter().enumerate() {
            let line = lines[2 + i];
            assert_eq!(line, format!("{} \"{}\"", i + 1, label(&n.id)));
            // Exactly the two quotes around the label; nothing can end it early.
            assert_eq!(line.matches('"').count(), 2, "{line:?}");
            assert!(!line.contains(['\n', '\r', '\t', '\0']));
        }
        assert_eq!(lines[5], "*Arcs");
        assert_eq!(&lines[6..9], ["2 1 1", "2 3 3", "3 1 1"]);
    }
}
