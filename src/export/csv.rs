//! Two CSV tables, `nodes.csv` and `edges.csv`, in the column names Gephi's spreadsheet import
//! knows and pandas and R read as they are.
//!
//! `nodes.csv`: `Id`, `Label`, every node attribute, `Interval`. `edges.csv`: `Source`, `Target`,
//! `Type` (always `Directed`), `Weight`, every edge attribute, `Interval`. `Interval` is Gephi's
//! time interval, `<[start, Infinity]>`, from the node's date or the citing document's date (empty
//! when unknown), so that Gephi's timeline grows the graph as the GEXF export does. Fields follow
//! RFC 4180 (comma separated, quoted where needed, UTF-8 without a byte-order mark, `\n` line
//! ends); a missing value is an empty field, booleans are `true`/`false`, lists are joined by `;`.

use crate::export::attrs::{self, Attr};
use crate::export::escape::csv_field;
use crate::graph::CitationGraph;

/// The file name of the node table.
pub const NODES_FILE: &str = "nodes.csv";
/// The file name of the edge table.
pub const EDGES_FILE: &str = "edges.csv";

fn interval(date: Option<&str>) -> String {
    date.map(|d| format!("<[{d}, Infinity]>"))
        .unwrap_or_default()
}

fn row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let fields: Vec<String> = fields.into_iter().map(|f| csv_field(&f)).collect();
    out.push_str(&fields.join(","));
    out.push('\n');
}

fn names(attrs: &[Attr]) -> impl Iterator<Item = String> + '_ {
    attrs.iter().map(|a| a.name.to_string())
}

/// The node table.
pub fn nodes_csv(graph: &CitationGraph) -> String {
    let mut out = String::new();
    let head = ["Id", "Label"].map(String::from).into_iter();
    row(
        &mut out,
        head.chain(names(&attrs::NODE_ATTRS))
            .chain(["Interval".to_string()]),
    );
    for n in graph.nodes() {
        let values = attrs::node_values(n);
        let fields = [n.id.clone(), n.label.clone()]
            .into_iter()
            .chain(values.iter().map(|v| v.flat().into_owned()))
            .chain([interval(n.date.as_deref())]);
        row(&mut out, fields);
    }
    out
}

/// The edge table.
pub fn edges_csv(graph: &CitationGraph) -> String {
    let mut out = String::new();
    let head = ["Source", "Target", "Type", "Weight"]
        .map(String::from)
        .into_iter();
    row(
        &mut out,
        head.chain(names(&attrs::EDGE_ATTRS))
            .chain(["Interval".to_string()]),
    );
    for e in graph.edges() {
        let values = attrs::edge_values(graph, e);
        let fields = [
            e.source.clone(),
            e.target.clone(),
            "Directed".to_string(),
            e.weight.to_string(),
        ]
        .into_iter()
        .chain(values.iter().map(|v| v.flat().into_owned()))
        .chain([interval(attrs::citing_date(graph, e))]);
        row(&mut out, fields);
    }
    out
}

/// Both tables: (`nodes.csv`, `edges.csv`).
pub fn to_strings(graph: &CitationGraph) -> (String, String) {
    (nodes_csv(graph), edges_csv(graph))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::escape::clean;
    use crate::export::testdata;
    use std::collections::BTreeMap;

    /// Rows as maps from column name to field, read back with the `csv` crate.
    fn parse(text: &str) -> Vec<BTreeMap<String, String>> {
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let head: Vec<String> = match r.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(e) => panic!("{e}"),
        };
        r.records()
            .map(|rec| match rec {
                Ok(rec) => head
                    .iter()
                    .cloned()
                    .zip(rec.iter().map(str::to_string))
                    .collect(),
                Err(e) => panic!("{e}"),
            })
            .collect()
    }

    #[test]
    fn gephi_columns() {
        let g = testdata::small();
        let (nodes, edges) = to_strings(&g);
        assert!(nodes.starts_with("Id,Label,type,body,date,date_source,cited_dates,"));
        assert!(
            nodes
                .lines()
                .next()
                .is_some_and(|l| l.ends_with(",Interval"))
        );
        assert!(edges.starts_with("Source,Target,Type,Weight,mentions,date,"));
        let nodes = parse(&nodes);
        assert_eq!(nodes.len(), 3);
        let a = &nodes[1];
        assert_eq!(a["Id"], "A/RES/1");
        assert_eq!(a["Label"], "1");
        assert_eq!(a["date"], "2002-01-02");
        assert_eq!(a["date_conflict"], "false");
        assert_eq!(a["Interval"], "<[2002-01-02, Infinity]>");
        assert_eq!(nodes[0]["Interval"], "");
        let edges = parse(&edges);
        assert_eq!(edges[0]["Weight"], "2");
        assert_eq!(edges[0]["Type"], "Directed");
        assert_eq!(edges[0]["Interval"], "<[2002-01-02, Infinity]>");
    }

    #[test]
    fn hostile_ids_and_titles() {
        let g = testdata::hostile();
        let (nodes, edges) = to_strings(&g);
        let nodes = parse(&nodes);
        let want: Vec<&crate::graph::Node> = g.nodes();
        assert_eq!(nodes.len(), want.len());
        for (row, n) in nodes.iter().zip(want) {
            assert_eq!(row["Id"], clean(&n.id));
            assert_eq!(row["Label"], clean(&n.label));
            assert_eq!(row["title"], clean(n.title.as_deref().unwrap_or_default()));
            assert_eq!(row["sources"], clean(&n.sources.join(";")));
        }
        let edges = parse(&edges);
        assert_eq!(edges.len(), 3);
        for (row, e) in edges.iter().zip(g.edges()) {
            assert_eq!(row["Source"], clean(&e.source));
            assert_eq!(row["Target"], clean(&e.target));
            assert_eq!(row["Weight"], e.weight.to_string());
        }
    }
}
