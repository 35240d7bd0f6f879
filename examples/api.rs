//! The library API on the demo corpus: analyse files, build the graph, ask it questions, export.
//!
//! `cargo run --example api [FOLDER]` (default: `examples/corpus`).

use resgraph::graph::Builder;
use resgraph::{export, input, query};
use std::path::PathBuf;

fn main() {
    let folder = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/corpus")));
    let (files, errors) = input::collect_files(&[folder]);
    for e in errors {
        eprintln!("{e}");
    }
    let mut builder = Builder::new();
    for f in &files {
        match resgraph::analyse_file(f, None) {
            Ok(doc) => {
                println!(
                    "{}: {} ({}), {} references",
                    f.display(),
                    doc.info.id.as_deref().unwrap_or("?"),
                    doc.info.language,
                    doc.mentions.len()
                );
                builder.add(doc);
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    let graph = builder.finish();
    println!(
        "\n{} nodes, {} edges",
        graph.nodes().len(),
        graph.edges().len()
    );
    if let Ok(id) = query::resolve_id(&graph, "77/36") {
        println!("\n{id} cites:");
        for hit in query::cites(&graph, &id, Some(1), &query::Filter::default()) {
            println!(
                "  {:<20} {:<12} {}",
                hit.node.id,
                hit.node.date.as_deref().unwrap_or("-"),
                hit.node.label
            );
        }
    }
    let dot = export::dot::to_string(&graph);
    println!("\nDOT: {} bytes", dot.len());
}
