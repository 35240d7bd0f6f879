//! `resgraph export` and `build --format` in every format, on the demo corpus: each writes a
//! file (a folder for csv) through `-o`, each text starts as its format does, and csv without a
//! folder is a usage error. The formats' contents are tested in `src/export/`, and in the real
//! clients by `scripts/check_exports.py`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn resgraph(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match out {
        Ok(o) => o,
        Err(e) => panic!("cannot run resgraph: {e}"),
    }
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resgraph-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("{}: {e}", dir.display());
    }
    dir
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

#[test]
fn every_format_from_a_graph_file() {
    let dir = scratch("all");
    let graph = dir.join("demo.json");
    let built = resgraph(&["build", "examples/corpus", "-o", path(&graph)]);
    assert!(built.status.success(), "{built:?}");
    let starts = [
        ("json", "{"),
        ("dot", "digraph"),
        ("graphml", "<?xml"),
        ("gexf", "<?xml"),
        ("cytoscape", "{"),
        ("pajek", "*Network resgraph\r\n*Vertices "),
    ];
    for (format, start) in starts {
        let out = dir.join(format!("demo.{format}"));
        let run = resgraph(&["export", path(&graph), "--format", format, "-o", path(&out)]);
        assert!(run.status.success(), "{format}: {run:?}");
        let text = read(&out);
        assert!(
            text.starts_with(start),
            "{format}: {}",
            &text[..text.len().min(80)]
        );
        // The same text on stdout without -o.
        let stdout = resgraph(&["export", path(&graph), "--format", format]);
        assert_eq!(String::from_utf8_lossy(&stdout.stdout), text, "{format}");
    }
    assert!(read(&dir.join("demo.gexf")).contains("<gexf xmlns=\"http://gexf.net/1.3\""));
    // The graph file written by build is what `export --format json` writes.
    assert_eq!(read(&dir.join("demo.json")), read(&graph));
}

#[test]
fn csv_writes_two_tables_into_a_folder() {
    let dir = scratch("csv");
    let folder = dir.join("tables");
    let run = resgraph(&[
        "build",
        "examples/corpus",
        "--format",
        "csv",
        "-o",
        path(&folder),
    ]);
    assert!(run.status.success(), "{run:?}");
    let nodes = read(&folder.join("nodes.csv"));
    let edges = read(&folder.join("edges.csv"));
    assert!(nodes.starts_with("Id,Label,"), "{nodes}");
    assert!(edges.starts_with("Source,Target,Type,Weight,"), "{edges}");
    assert!(nodes.lines().count() > 1 && edges.lines().count() > 1);

    let no_folder = resgraph(&["export", "examples/corpus", "--format", "csv"]);
    assert_eq!(no_folder.status.code(), Some(2));
    let err = String::from_utf8_lossy(&no_folder.stderr);
    assert!(err.contains("nodes.csv and edges.csv"), "{err}");
}

#[test]
fn node_link_key_links() {
    let run = resgraph(&[
        "build",
        "examples/corpus",
        "--format",
        "json",
        "--node-link-key",
        "links",
    ]);
    assert!(run.status.success(), "{run:?}");
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap_or_default();
    assert!(v.get("edges").is_none());
    assert!(v["links"].as_array().is_some_and(|l| !l.is_empty()));
}
