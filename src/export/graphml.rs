//! GraphML, for networkx (`read_graphml`), igraph (Python `Graph.Read_GraphML`, R
//! `read_graph(format = "graphml")`), Gephi and Cytoscape.
//!
//! GraphML node ids must be XML name tokens, which `A/RES/78/1` or `S/RES/1325(2000)` are not, so
//! nodes are `n0`, `n1` ... in id order and the real id is the `name` attribute (igraph's vertex
//! name; `nx.relabel_nodes(g, nx.get_node_attributes(g, "name"))` in networkx). Every attribute
//! has a typed `<key>`: dates and text as `string`, counts as `int`, flags as `boolean`; lists are
//! strings joined by `;`. A missing value (no date, no title) has no `<data>` element.

use crate::export::attrs::{self, Attr, AttrType, Value};
use crate::export::escape::{xml_attr, xml_text};
use crate::graph::CitationGraph;
use std::collections::HashMap;
use std::fmt::Write;

fn key_type(ty: AttrType) -> &'static str {
    match ty {
        AttrType::Integer => "int",
        AttrType::Boolean => "boolean",
        AttrType::Text | AttrType::Uri | AttrType::List => "string",
    }
}

fn key(out: &mut String, id: &str, domain: &str, name: &str, ty: &str) {
    let _ = writeln!(
        out,
        "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
    );
}

fn data(out: &mut String, indent: &str, key: &str, value: &str) {
    let _ = writeln!(
        out,
        "{indent}<data key=\"{key}\">{}</data>",
        xml_text(value)
    );
}

fn attr_data(out: &mut String, prefix: &str, attrs: &[Attr], values: &[Value]) {
    for (a, v) in attrs.iter().zip(values) {
        if *v != Value::Missing {
            data(out, "      ", &format!("{prefix}_{}", a.name), &v.flat());
        }
    }
}

/// The whole graph as GraphML.
pub fn to_string(graph: &CitationGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    key(&mut out, "g_name", "graph", "name", "string");
    key(&mut out, "g_format", "graph", "format", "int");
    key(&mut out, "g_documents", "graph", "documents", "int");
    key(&mut out, "n_name", "node", "name", "string");
    key(&mut out, "n_label", "node", "label", "string");
    for a in &attrs::NODE_ATTRS {
        key(
            &mut out,
            &format!("n_{}", a.name),
            "node",
            a.name,
            key_type(a.ty),
        );
    }
    key(&mut out, "e_weight", "edge", "weight", "int");
    for a in &attrs::EDGE_ATTRS {
        key(
            &mut out,
            &format!("e_{}", a.name),
            "edge",
            a.name,
            key_type(a.ty),
        );
    }
    out.push_str("  <graph id=\"resgraph\" edgedefault=\"directed\">\n");
    data(&mut out, "    ", "g_name", &graph.meta.name);
    data(&mut out, "    ", "g_format", &graph.meta.format.to_string());
    data(
        &mut out,
        "    ",
        "g_documents",
        &graph.meta.documents.to_string(),
    );

    let nodes = graph.nodes();
    let mut gid: HashMap<&str, String> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = format!("n{i}");
        let _ = writeln!(out, "    <node id=\"{id}\">");
        data(&mut out, "      ", "n_name", &n.id);
        data(&mut out, "      ", "n_label", &n.label);
        attr_data(&mut out, "n", &attrs::NODE_ATTRS, &attrs::node_values(n));
        out.push_str("    </node>\n");
        gid.insert(n.id.as_str(), id);
    }
    for e in graph.edges() {
        let (Some(s), Some(t)) = (gid.get(e.source.as_str()), gid.get(e.target.as_str())) else {
            continue;
        };
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            xml_attr(s),
            xml_attr(t)
        );
        data(&mut out, "      ", "e_weight", &e.weight.to_string());
        attr_data(
            &mut out,
            "e",
            &attrs::EDGE_ATTRS,
            &attrs::edge_values(graph, e),
        );
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::escape::clean;
    use crate::export::testdata;
    use std::collections::BTreeMap;

    const NS: &str = "http://graphml.graphdrawing.org/xmlns";

    /// Node data by name, edges as (source name, target name, data), read back with an XML parser.
    type Parsed = (
        BTreeMap<String, BTreeMap<String, String>>,
        Vec<(String, String, BTreeMap<String, String>)>,
    );

    fn parse(text: &str) -> Parsed {
        let doc = match roxmltree::Document::parse(text) {
            Ok(d) => d,
            Err(e) => panic!("not well-formed XML: {e}"),
        };
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some(NS));
        let keys: BTreeMap<&str, &str> = root
            .children()
            .filter(|c| c.has_tag_name((NS, "key")))
            .filter_map(|k| Some((k.attribute("id")?, k.attribute("attr.name")?)))
            .collect();
        let data = |n: roxmltree::Node| -> BTreeMap<String, String> {
            n.children()
                .filter(|c| c.has_tag_name((NS, "data")))
                .map(|d| {
                    let k = d.attribute("key").unwrap_or_default();
                    let name = keys.get(k).copied().unwrap_or("?");
                    (name.to_string(), d.text().unwrap_or_default().to_string())
                })
                .collect()
        };
        let mut nodes = BTreeMap::new();
        let mut by_gid = BTreeMap::new();
        let mut edges = Vec::new();
        for g in root.descendants() {
            if g.has_tag_name((NS, "node")) {
                let d = data(g);
                let id = g.attribute("id").unwrap_or_default().to_string();
                // GraphML ids are XML name tokens.
                assert!(id.chars().all(|c| c.is_ascii_alphanumeric()), "{id:?}");
                let name = d.get("name").cloned().unwrap_or_default();
                by_gid.insert(id, name.clone());
                nodes.insert(name, d);
            } else if g.has_tag_name((NS, "edge")) {
                let s = g.attribute("source").unwrap_or_default();
                let t = g.attribute("target").unwrap_or_default();
                let name = |x: &str| by_gid.get(x).cloned().unwrap_or_default();
                edges.push((name(s), name(t), data(g)));
            }
        }
        (nodes, edges)
    }

    #[test]
    fn typed_keys_and_values() {
        let g = testdata::small();
        let text = to_string(&g);
        assert!(text.contains(
            "<key id=\"n_date_conflict\" for=\"node\" attr.name=\"date_conflict\" attr.type=\"boolean\"/>"
        ));
        assert!(text.contains("attr.name=\"weight\" attr.type=\"int\""));
        let (nodes, edges) = parse(&text);
        assert_eq!(nodes.len(), 3);
        let a = &nodes["A/RES/1"];
        assert_eq!(a["type"], "resolution");
        assert_eq!(a["body"], "GA");
        assert_eq!(a["date"], "2002-01-02");
        assert_eq!(a["label"], "1");
        assert_eq!(a["sources"], "a.txt;b.txt");
        assert!(!nodes["A/3"].contains_key("date"));
        assert_eq!(edges.len(), 2);
        assert_eq!(edges[0].0, "A/RES/1");
        assert_eq!(edges[0].1, "S/RES/2(2001)");
        assert_eq!(edges[0].2["weight"], "2");
        assert_eq!(edges[0].2["parts"], "operative;preamble");
    }

    #[test]
    fn hostile_ids_and_titles() {
        let g = testdata::hostile();
        let (nodes, edges) = parse(&to_string(&g));
        assert_eq!(nodes.len(), 3);
        for n in g.nodes() {
            let back = &nodes[&*clean(&n.id)];
            assert_eq!(back["label"], clean(&n.label));
            assert_eq!(back["body"], clean(&n.body));
            assert_eq!(
                back.get("title").map(String::as_str),
                n.title.as_deref().map(|t| clean(t)).as_deref()
            );
        }
        let want: Vec<(String, String)> = g
            .edges()
            .iter()
            .map(|e| (clean(&e.source).into_owned(), clean(&e.target).into_owned()))
            .collect();
        let got: Vec<(String, String)> = edges
            .iter()
            .map(|(s, t, _)| (s.clone(), t.clone()))
            .collect();
        assert_eq!(got, want);
        let heavy = edges
            .iter()
            .find(|(s, t, _)| *s == clean(testdata::HOSTILE_ID) && t == testdata::CLASHING_ID);
        assert_eq!(heavy.map(|e| e.2["weight"].as_str()), Some("3"));
    }
}
