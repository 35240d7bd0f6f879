//! GEXF 1.3 for Gephi, dynamic: Gephi's timeline grows the graph year by year.
//!
//! Each node `start`s at its date and each edge at the date of the citing document (its source
//! node's date); neither ends. Nodes and edges without a known date have no `start` and are
//! there all along. The graph is `mode="dynamic"` with `timeformat="date"` (ISO dates). The
//! attributes are static and typed (`string`, `integer`, `boolean`, `anyURI`, the last
//! percent-encoded where a character cannot stand in a URI; lists are strings joined by `;`). Node ids are the real ids (GEXF ids are any string); the label is the short form,
//! written as the `xs:token` the schema asks for (whitespace collapsed). Loads in networkx
//! (`read_gexf`) as well.

use crate::export::attrs::{self, Attr, AttrType, Value};
use crate::export::escape::{token, uri, xml_attr, xml_text};
use crate::graph::CitationGraph;
use std::fmt::Write;

/// The GEXF 1.3 namespace.
pub const NAMESPACE: &str = "http://gexf.net/1.3";

fn attr_type(ty: AttrType) -> &'static str {
    match ty {
        AttrType::Integer => "integer",
        AttrType::Boolean => "boolean",
        AttrType::Uri => "anyURI",
        AttrType::Text | AttrType::List => "string",
    }
}

fn declare(out: &mut String, class: &str, attrs: &[Attr]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\">");
    for (i, a) in attrs.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
            a.name,
            attr_type(a.ty)
        );
    }
    out.push_str("    </attributes>\n");
}

fn attvalues(out: &mut String, attrs: &[Attr], values: &[Value]) {
    if values.iter().all(|v| *v == Value::Missing) {
        return;
    }
    out.push_str("        <attvalues>\n");
    for (i, (a, v)) in attrs.iter().zip(values).enumerate() {
        if *v != Value::Missing {
            let flat = v.flat();
            let value = match a.ty {
                AttrType::Uri => uri(&flat),
                _ => flat.into_owned(),
            };
            let _ = writeln!(
                out,
                "          <attvalue for=\"{i}\" value=\"{}\"/>",
                xml_attr(&value)
            );
        }
    }
    out.push_str("        </attvalues>\n");
}

fn start(date: Option<&str>) -> String {
    date.map(|d| format!(" start=\"{}\"", xml_attr(d)))
        .unwrap_or_default()
}

/// The whole graph as GEXF 1.3.
pub fn to_string(graph: &CitationGraph) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"{NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} {NAMESPACE}/gexf.xsd\" version=\"1.3\">\n"
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>resgraph</creator>\n    <description>{}</description>\n  </meta>",
        xml_text(&format!(
            "Citation graph of {} documents (an edge cites its target)",
            graph.meta.documents
        ))
    );
    out.push_str(
        "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" \
         timerepresentation=\"interval\">\n",
    );
    declare(&mut out, "node", &attrs::NODE_ATTRS);
    declare(&mut out, "edge", &attrs::EDGE_ATTRS);

    let nodes = graph.nodes();
    let _ = writeln!(out, "    <nodes count=\"{}\">", nodes.len());
    for n in nodes {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"{}>",
            xml_attr(&n.id),
            xml_attr(&token(&n.label)),
            start(n.date.as_deref())
        );
        attvalues(&mut out, &attrs::NODE_ATTRS, &attrs::node_values(n));
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n");

    let edges = graph.edges();
    let _ = writeln!(out, "    <edges count=\"{}\">", edges.len());
    for (i, e) in edges.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"{}>",
            xml_attr(&e.source),
            xml_attr(&e.target),
            e.weight,
            start(attrs::citing_date(graph, e))
        );
        attvalues(&mut out, &attrs::EDGE_ATTRS, &attrs::edge_values(graph, e));
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::escape::clean;
    use crate::export::testdata;
    use std::collections::BTreeMap;

    /// A node read back: label, start, attribute values by title.
    type NodeBack = (String, Option<String>, BTreeMap<String, String>);

    struct Parsed {
        /// Nodes by id.
        nodes: BTreeMap<String, NodeBack>,
        /// (source, target, weight, start)
        edges: Vec<(String, String, String, Option<String>)>,
    }

    fn parse(text: &str) -> Parsed {
        let doc = match roxmltree::Document::parse(text) {
            Ok(d) => d,
            Err(e) => panic!("not well-formed XML: {e}"),
        };
        let root = doc.root_element();
        assert!(root.has_tag_name((NAMESPACE, "gexf")));
        assert_eq!(root.attribute("version"), Some("1.3"));
        let el = |n: roxmltree::Node, name: &str| n.has_tag_name((NAMESPACE, name));
        let mut titles: BTreeMap<(String, String), String> = BTreeMap::new();
        for a in root.descendants().filter(|n| el(*n, "attributes")) {
            let class = a.attribute("class").unwrap_or_default();
            for x in a.children().filter(|n| el(*n, "attribute")) {
                let id = x.attribute("id").unwrap_or_default();
                let title = x.attribute("title").unwrap_or_default();
                titles.insert((class.into(), id.into()), title.into());
            }
        }
        let mut nodes = BTreeMap::new();
        let mut edges = Vec::new();
        for n in root.descendants() {
            let get = |k: &str| n.attribute(k).unwrap_or_default().to_string();
            if el(n, "node") {
                let mut values = BTreeMap::new();
                for v in n.descendants().filter(|c| el(*c, "attvalue")) {
                    let key = (
                        "node".to_string(),
                        v.attribute("for").unwrap_or_default().into(),
                    );
                    let title = titles.get(&key).cloned().unwrap_or_default();
                    values.insert(title, v.attribute("value").unwrap_or_default().to_string());
                }
                let start = n.attribute("start").map(str::to_string);
                nodes.insert(get("id"), (get("label"), start, values));
            } else if el(n, "edge") {
                let start = n.attribute("start").map(str::to_string);
                edges.push((get("source"), get("target"), get("weight"), start));
            }
        }
        Parsed { nodes, edges }
    }

    #[test]
    fn dynamic_with_typed_attributes() {
        let g = testdata::small();
        let text = to_string(&g);
        assert!(text.contains("mode=\"dynamic\" timeformat=\"date\""));
        assert!(text.contains("title=\"date_conflict\" type=\"boolean\""));
        assert!(text.contains("title=\"url\" type=\"anyURI\""));
        assert!(text.contains("title=\"mentions\" type=\"integer\""));
        let p = parse(&text);
        let (label, start, values) = &p.nodes["A/RES/1"];
        assert_eq!(label, "1");
        assert_eq!(start.as_deref(), Some("2002-01-02"));
        assert_eq!(values["type"], "resolution");
        assert_eq!(values["body"], "GA");
        assert_eq!(values["date"], "2002-01-02");
        assert_eq!(p.nodes["A/3"].1, None);
        // An edge starts with its citing document, not with the cited one.
        assert_eq!(
            p.edges[0],
            (
                "A/RES/1".to_string(),
                "S/RES/2(2001)".to_string(),
                "2".to_string(),
                Some("2002-01-02".to_string())
            )
        );
        assert_eq!(p.edges[1].3.as_deref(), Some("2001-05-06"));
    }

    #[test]
    fn hostile_ids_and_titles() {
        let g = testdata::hostile();
        let p = parse(&to_string(&g));
        assert_eq!(p.nodes.len(), 3);
        for n in g.nodes() {
            let (label, _, values) = &p.nodes[&*clean(&n.id)];
            assert_eq!(*label, token(&n.label));
            assert_eq!(values["body"], clean(&n.body));
            assert_eq!(
                values.get("title").map(String::as_str),
                n.title.as_deref().map(|t| clean(t)).as_deref()
            );
        }
        let want: Vec<(String, String)> = g
            .edges()
            .iter()
            .map(|e| (clean(&e.source).into_owned(), clean(&e.target).into_owned()))
            .collect();
        let got: Vec<(String, String)> =
            p.edges.iter().map(|e| (e.0.clone(), e.1.clone())).collect();
        assert_eq!(got, want);
    }
}
