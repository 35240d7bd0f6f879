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

/// A fresh folder for one test, removed when the returned guard is dropped (also on a panic).
fn scratch(name: &str) -> tempfile::TempDir {
    let prefix = format!("resgraph-export-{name}-");
    match tempfile::Builder::new().prefix(&prefix).tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{prefix}: {e}"),
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

#[test]
fn every_format_from_a_graph_file() {
    let tmp = scratch("all");
    let dir = tmp.path();
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
    let tmp = scratch("csv");
    let dir = tmp.path();
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

/// A node-link graph whose ids, labels and titles hold quotes, `&`, `<`, line breaks, control
/// characters and right-to-left text.
fn hostile_graph(dir: &Path) -> PathBuf {
    let ids = [
        "A/RES/\"1\" & <2>\n'x'\t\u{0}\u{7}\u{202E}עברית\u{200F}",
        "n0 \\N \\G {x} [y]; -> --",
        " S/RES/1,2;3 ]]> --> *Arcs\r\n",
    ];
    let title =
        "Title \"quoted\" & <b> ]]> \r\nCRLF \u{1b}[31m \u{85} \u{202B}العربية\u{202C} 🕊 \\";
    let node = |id: &str, date: Option<&str>| {
        serde_json::json!({
            "id": id, "type": "resolution", "body": "GA&<\"", "date": date,
            "date_source": null, "cited_dates": [], "date_conflict": false,
            "label": format!("{id} \"label\""), "url": format!("https://undocs.org/{id}"),
            "title": title, "in_corpus": true, "sources": ["a, \"b\";c.txt"],
        })
    };
    let edge = |s: &str, t: &str| serde_json::json!({"source": s, "target": t, "weight": 2, "mentions": []});
    let graph = serde_json::json!({
        "directed": true, "multigraph": false,
        "graph": {"name": "resgraph", "format": 1, "documents": 3, "warnings": []},
        "nodes": [node(ids[0], Some("2001-02-03")), node(ids[1], None), node(ids[2], Some("1999-01-01"))],
        "edges": [edge(ids[0], ids[1]), edge(ids[1], ids[2]), edge(ids[0], ids[2])],
    });
    let path = dir.join("hostile.json");
    if let Err(e) = std::fs::write(&path, graph.to_string()) {
        panic!("{e}");
    }
    path
}

#[test]
fn hostile_text_in_every_format() {
    let tmp = scratch("hostile");
    let dir = tmp.path();
    let graph = hostile_graph(dir);
    for format in [
        "json",
        "dot",
        "graphml",
        "gexf",
        "csv",
        "cytoscape",
        "pajek",
    ] {
        let out = dir.join(format!("out.{format}"));
        let run = resgraph(&["export", path(&graph), "--format", format, "-o", path(&out)]);
        assert!(run.status.success(), "{format}: {run:?}");
    }
    // DOT: the parser reads three nodes and three edges back, and Graphviz draws it.
    let dot = read(&dir.join("out.dot"));
    let parsed = match graphviz_rust::parse(&dot) {
        Ok(g) => g,
        Err(e) => panic!("DOT does not parse: {e}\n{dot}"),
    };
    let graphviz_rust::dot_structures::Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph")
    };
    let nodes = stmts
        .iter()
        .filter(|s| matches!(s, graphviz_rust::dot_structures::Stmt::Node(_)))
        .count();
    let edges = stmts
        .iter()
        .filter(|s| matches!(s, graphviz_rust::dot_structures::Stmt::Edge(_)))
        .count();
    assert_eq!((nodes, edges), (3, 3));
    if Command::new("dot").arg("-V").output().is_ok() {
        let drawn = Command::new("dot")
            .args([
                "-Tsvg",
                "-o",
                path(&dir.join("out.svg")),
                path(&dir.join("out.dot")),
            ])
            .output();
        let ok = drawn.as_ref().is_ok_and(|o| o.status.success());
        assert!(ok, "Graphviz rejects the DOT: {drawn:?}");
    }
    // XML formats are well-formed; the CSV tables have one row per node and per edge.
    for format in ["graphml", "gexf"] {
        let text = read(&dir.join(format!("out.{format}")));
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{format}: {e}");
        }
    }
    let rows = |f: &str| {
        csv::Reader::from_path(dir.join("out.csv").join(f))
            .map(|mut r| r.records().filter(Result::is_ok).count())
            .unwrap_or_default()
    };
    assert_eq!((rows("nodes.csv"), rows("edges.csv")), (3, 3));
}

/// `-o /dev/null` (or any device or pipe) is written into, never replaced by a plain file, and
/// an output path that is a symbolic link keeps the link and replaces the file it names.
#[test]
fn devices_are_written_into_and_links_are_kept() {
    use std::os::unix::fs::FileTypeExt;
    let null = std::path::Path::new("/dev/null");
    resgraph::export::write_atomic(null, b"{}\n").expect("writing to /dev/null");
    let kind = std::fs::symlink_metadata(null)
        .expect("/dev/null")
        .file_type();
    assert!(kind.is_char_device(), "/dev/null was replaced: {kind:?}");

    let tmp = tempfile::Builder::new()
        .prefix("resgraph-link-")
        .tempdir()
        .expect("scratch folder");
    let dir = tmp.path();
    let target = dir.join("graph.json");
    std::fs::write(&target, "old").expect("old file");
    let link = dir.join("latest.json");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    resgraph::export::write_atomic(&link, b"new").expect("write through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).expect("target"), "new");
}

/// A file written in many uneven pieces, several times larger than the stretch after which its
/// writeback is started and a flush asked for, arrives whole and replaces the old one, and no
/// temporary file is left beside it.
#[test]
fn large_files_written_in_pieces_arrive_whole() {
    let tmp = tempfile::Builder::new()
        .prefix("resgraph-large-")
        .tempdir()
        .expect("scratch folder");
    let dir = tmp.path();
    let path = dir.join("graph.json");
    std::fs::write(&path, "old").expect("old file");
    // 25 MB (flushes start after 16) in pieces of 1 to 99,991 bytes, each byte telling its
    // place.
    let whole: Vec<u8> = (0..25_000_003u32).map(|i| (i % 251) as u8).collect();
    resgraph::export::write_atomic_with(&path, |w| {
        let mut rest = &whole[..];
        let mut k = 0usize;
        while !rest.is_empty() {
            let n = (1 + k * 7919 % 99_991).min(rest.len());
            w.write_all(&rest[..n])?;
            rest = &rest[n..];
            k += 1;
        }
        Ok(())
    })
    .expect("write");
    let back = std::fs::read(&path).expect("read back");
    assert!(
        back == whole,
        "{} bytes back of {}",
        back.len(),
        whole.len()
    );
    let names: Vec<_> = std::fs::read_dir(dir)
        .expect("scratch folder")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(names, ["graph.json"]);
}
