//! Cytoscape.js elements JSON, the shape networkx's `cytoscape_data` writes and
//! `cytoscape_graph` reads, and Cytoscape desktop imports (File > Import > Network from File).
//!
//! `{"data": {graph attributes}, "directed": true, "multigraph": false, "elements": {"nodes":
//! [{"data": {...}}], "edges": [{"data": {...}}]}}`. A node's data has `id`, `value` (the node
//! key networkx uses) and `name` (all three the real id), `label`, and every node attribute; an
//! edge's has `source`, `target`, `weight` and every edge attribute. Lists stay JSON lists; missing
//! values are left out.

use crate::export::attrs::{self, Attr, Value};
use crate::graph::CitationGraph;
use serde_json::{Map, Value as Json, json};

fn put(data: &mut Map<String, Json>, attrs: &[Attr], values: &[Value]) {
    for (a, v) in attrs.iter().zip(values) {
        let j = match v {
            Value::Missing => continue,
            Value::Text(s) => json!(s),
            Value::Integer(n) => json!(n),
            Value::Boolean(b) => json!(b),
            Value::List(l) => json!(l),
        };
        data.insert(a.name.to_string(), j);
    }
}

/// The whole graph as Cytoscape.js JSON.
pub fn to_string(graph: &CitationGraph) -> String {
    let nodes: Vec<Json> = graph
        .nodes()
        .into_iter()
        .map(|n| {
            let mut data = Map::new();
            data.insert("id".into(), json!(n.id));
            data.insert("value".into(), json!(n.id));
            data.insert("name".into(), json!(n.id));
            data.insert("label".into(), json!(n.label));
            put(&mut data, &attrs::NODE_ATTRS, &attrs::node_values(n));
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Json> = graph
        .edges()
        .into_iter()
        .map(|e| {
            let mut data = Map::new();
            data.insert("source".into(), json!(e.source));
            data.insert("target".into(), json!(e.target));
            data.insert("weight".into(), json!(e.weight));
            put(&mut data, &attrs::EDGE_ATTRS, &attrs::edge_values(graph, e));
            json!({ "data": data })
        })
        .collect();
    let doc = json!({
        "data": {
            "name": graph.meta.name,
            "format": graph.meta.format,
            "documents": graph.meta.documents,
        },
        "directed": true,
        "multigraph": false,
        "elements": { "nodes": nodes, "edges": edges },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    fn parse(text: &str) -> Json {
        match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn networkx_shape() {
        let v = parse(&to_string(&testdata::small()));
        assert_eq!(v["directed"], true);
        assert_eq!(v["multigraph"], false);
        let nodes = &v["elements"]["nodes"];
        assert_eq!(nodes.as_array().map(Vec::len), Some(3));
        let a = &nodes[1]["data"];
        assert_eq!(a["id"], "A/RES/1");
        assert_eq!(a["value"], "A/RES/1");
        assert_eq!(a["name"], "A/RES/1");
        assert_eq!(a["label"], "1");
        assert_eq!(a["date"], "2002-01-02");
        assert_eq!(a["in_corpus"], true);
        assert_eq!(a["sources"], json!(["a.txt", "b.txt"]));
        assert!(nodes[0]["data"].get("date").is_none());
        let e = &v["elements"]["edges"][0]["data"];
        assert_eq!(e["source"], "A/RES/1");
        assert_eq!(e["target"], "S/RES/2(2001)");
        assert_eq!(e["weight"], 2);
        assert_eq!(e["parts"], json!(["operative", "preamble"]));
    }

    #[test]
    fn hostile_ids_and_titles() {
        let g = testdata::hostile();
        let v = parse(&to_string(&g));
        for (n, back) in g
            .nodes()
            .iter()
            .zip(v["elements"]["nodes"].as_array().into_iter().flatten())
        {
            let d = &back["data"];
            assert_eq!(d["id"], n.id.as_str());
            assert_eq!(d["label"], n.label.as_str());
            assert_eq!(d["title"], json!(n.title));
        }
        for (e, back) in g
            .edges()
            .iter()
            .zip(v["elements"]["edges"].as_array().into_iter().flatten())
        {
            assert_eq!(back["data"]["source"], e.source.as_str());
            assert_eq!(back["data"]["target"], e.target.as_str());
        }
    }
}
