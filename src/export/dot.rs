//! Graphviz DOT, built as a graphviz-rust syntax tree and printed by it.
//!
//! Every id, label and title is written as a quoted DOT string with quotes and backslashes
//! escaped and control characters removed, so that any symbol or title gives valid DOT.

use crate::graph::{CitationGraph, Node};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// A quoted DOT string. `\n` in `s` becomes a DOT line break in labels.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

/// Fill colour of a body, shared by every diagram.
pub fn body_colour(body: &str) -> &'static str {
    match body {
        "GA" => "#8ecae6",
        "SC" => "#ffb703",
        "ECOSOC" => "#90be6d",
        "HRC" => "#f4a6c6",
        "CHR" => "#cdb4db",
        _ => "#e9ecef",
    }
}

/// Shortens a title to at most `n` characters, on a word boundary.
pub fn shorten(title: &str, n: usize) -> String {
    if title.chars().count() <= n {
        return title.to_string();
    }
    let cut: String = title.chars().take(n).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > n / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{cut}…")
}

/// The node's label: short form, date and shortened title, one per line.
pub fn node_label(n: &Node) -> String {
    let mut label = n.label.clone();
    if let Some(d) = &n.date {
        label.push('\n');
        label.push_str(d);
    }
    if let Some(t) = &n.title {
        label.push('\n');
        label.push_str(&shorten(t, 40));
    }
    label
}

/// The whole graph as DOT.
pub fn to_string(graph: &CitationGraph) -> String {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::Attribute(attr("rankdir", "LR")),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
        ])),
    ];
    for n in graph.nodes() {
        let mut attrs = vec![
            attr("label", &node_label(n)),
            attr("fillcolor", body_colour(&n.body)),
            attr("type", n.kind.as_str()),
            attr("body", &n.body),
            attr("URL", &n.url),
        ];
        if let Some(d) = &n.date {
            attrs.push(attr("date", d));
        }
        if let Some(t) = &n.title {
            attrs.push(attr("tooltip", t));
        }
        if !n.in_corpus {
            attrs.push(attr("style", "rounded,filled,dashed"));
        }
        stmts.push(Stmt::Node(DotNode::new(NodeId(quote(&n.id), None), attrs)));
    }
    for e in graph.edges() {
        let width = format!("{:.1}", 1.0 + (e.weight as f64).ln());
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quote(&e.source), None)),
                Vertex::N(NodeId(quote(&e.target), None)),
            ),
            attributes: vec![
                attr("weight", &e.weight.to_string()),
                attr("penwidth", &width),
            ],
        }));
    }
    let g = Graph::DiGraph {
        id: quote("resgraph"),
        strict: false,
        stmts,
    };
    let mut out = g.print(&mut PrinterContext::default());
    out.push('\n');
    out
}
