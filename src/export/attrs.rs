//! The node and edge attributes the tabular and XML exports write, with their types, so that
//! GraphML, GEXF, CSV and Cytoscape carry the same attributes under the same names.
//!
//! The id, the label and the edge weight are not here: each format has its own place for them.
//! Lists (a node's cited dates, its source files) become one string joined by [`LIST_SEP`] in the
//! formats that have no list type. An edge's `mentions` is the number of mention records; the
//! records themselves (file, offsets, clause) are in the node-link JSON only.

use crate::graph::{CitationGraph, Edge, Node};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Joins list values in formats without a list type.
pub const LIST_SEP: &str = ";";

/// The type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// Free text.
    Text,
    /// A count.
    Integer,
    /// True or false.
    Boolean,
    /// A web address.
    Uri,
    /// A list of strings.
    List,
}

/// An attribute: its name in every format, and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// The name (column, key title).
    pub name: &'static str,
    /// The type.
    pub ty: AttrType,
}

const fn attr(name: &'static str, ty: AttrType) -> Attr {
    Attr { name, ty }
}

/// A value of an attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// No value (an unknown date, a document without a title).
    Missing,
    /// Text or a web address.
    Text(String),
    /// A count.
    Integer(u64),
    /// True or false.
    Boolean(bool),
    /// A list.
    List(Vec<String>),
}

impl Value {
    /// The value as one string: empty when missing, `true`/`false`, lists joined by
    /// [`LIST_SEP`].
    pub fn flat(&self) -> Cow<'_, str> {
        match self {
            Value::Missing => Cow::Borrowed(""),
            Value::Text(s) => Cow::Borrowed(s),
            Value::Integer(n) => Cow::Owned(n.to_string()),
            Value::Boolean(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::List(v) => Cow::Owned(v.join(LIST_SEP)),
        }
    }

    fn opt(s: &Option<String>) -> Value {
        s.as_ref()
            .map_or(Value::Missing, |s| Value::Text(s.clone()))
    }
}

/// The node attributes, in the order every format writes them.
pub const NODE_ATTRS: [Attr; 10] = [
    attr("type", AttrType::Text),
    attr("body", AttrType::Text),
    attr("date", AttrType::Text),
    attr("date_source", AttrType::Text),
    attr("cited_dates", AttrType::List),
    attr("date_conflict", AttrType::Boolean),
    attr("title", AttrType::Text),
    attr("url", AttrType::Uri),
    attr("in_corpus", AttrType::Boolean),
    attr("sources", AttrType::List),
];

/// The values of [`NODE_ATTRS`] for a node.
pub fn node_values(n: &Node) -> [Value; NODE_ATTRS.len()] {
    [
        Value::Text(n.kind.as_str().to_string()),
        Value::Text(n.body.clone()),
        Value::opt(&n.date),
        Value::opt(&n.date_source),
        Value::List(n.cited_dates.clone()),
        Value::Boolean(n.date_conflict),
        Value::opt(&n.title),
        Value::Text(n.url.clone()),
        Value::Boolean(n.in_corpus),
        Value::List(n.sources.clone()),
    ]
}

/// The edge attributes, in the order every format writes them: the number of mention records,
/// the date of the citing document, the dates the citing texts give for the cited one, and the
/// parts of the citing document the mentions stand in (`preamble`, `operative` ...).
pub const EDGE_ATTRS: [Attr; 4] = [
    attr("mentions", AttrType::Integer),
    attr("date", AttrType::Text),
    attr("cited_dates", AttrType::List),
    attr("parts", AttrType::List),
];

/// The values of [`EDGE_ATTRS`] for an edge of `graph`.
pub fn edge_values(graph: &CitationGraph, e: &Edge) -> [Value; EDGE_ATTRS.len()] {
    let cited: BTreeSet<String> = e
        .mentions
        .iter()
        .filter_map(|m| m.date.map(|d| d.to_string()))
        .collect();
    let parts: BTreeSet<String> = e
        .mentions
        .iter()
        .filter_map(|m| serde_json::to_value(m.clause.part).ok())
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    [
        Value::Integer(e.mentions.len() as u64),
        citing_date(graph, e).map_or(Value::Missing, |d| Value::Text(d.to_string())),
        Value::List(cited.into_iter().collect()),
        Value::List(parts.into_iter().collect()),
    ]
}

/// The date of the citing document (the edge's source node), where known: when the citation
/// appears on a timeline.
pub fn citing_date<'a>(graph: &'a CitationGraph, e: &Edge) -> Option<&'a str> {
    graph.node(&e.source).and_then(|n| n.date.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn values_line_up_with_names() {
        let g = testdata::small();
        let n = g.node("A/RES/1").map(node_values);
        let Some(values) = n else {
            panic!("node missing")
        };
        let date = NODE_ATTRS.iter().position(|a| a.name == "date");
        assert_eq!(
            date.map(|i| values[i].flat().into_owned()),
            Some("2002-01-02".into())
        );
        let edges = g.edges();
        let v = edge_values(&g, edges[0]);
        assert_eq!(v[0], Value::Integer(2));
        assert_eq!(v[1], Value::Text("2002-01-02".into()));
        assert_eq!(v[3].flat(), "operative;preamble");
    }
}
