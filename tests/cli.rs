//! The command line as a user runs it: output formats, exit codes, bad inputs, atomic output.

use std::path::Path;
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/000_0f97d8b438b47207.txt"
);

fn resgraph(args: &[&str]) -> Output {
    assert!(
        Path::new(SEED).exists(),
        "missing {SEED}: the tests read the shared corpus from ../shared beside the checkout"
    );
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run resgraph")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// A fresh folder for one test, removed when the returned guard is dropped (also on a panic).
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("resgraph-cli-{name}-"))
        .tempdir()
        .expect("temp dir")
}

#[test]
fn extract_jsonl_has_every_field() {
    let o = resgraph(&["extract", "--format", "jsonl", SEED]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(SEED).expect("seed");
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 30);
    for v in &lines {
        assert_eq!(v["file"], SEED);
        assert_eq!(v["citing"], "A/RES/78/237");
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], v["text"].as_str().unwrap());
        assert!(["resolution", "decision", "document"].contains(&v["type"].as_str().unwrap()));
        assert!(v["clause"]["part"].is_string());
    }
    assert_eq!(lines[1]["cited"], "A/RES/36/103");
    assert_eq!(lines[1]["date"], "1981-12-09");
    assert_eq!(lines[1]["body"], "GA");
    assert_eq!(lines[1]["clause"]["verb"], "recalling");
}

#[test]
fn info_reads_the_heading() {
    let o = resgraph(&["info", SEED]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["id"], "A/RES/78/237");
    assert_eq!(v["adopted"], "2023-12-22");
    assert_eq!(v["issued"], "2023-12-28");
    assert_eq!(v["session"], 78);
    assert_eq!(v["agenda_item"], "94");
    assert_eq!(v["report"], "A/78/404");
    assert_eq!(v["language"], "de");
}

#[test]
fn bad_inputs_are_named_and_the_rest_processed() {
    let tmp = scratch("bad");
    let dir = tmp.path();
    std::fs::copy(SEED, dir.join("good.txt")).expect("copy");
    std::fs::write(dir.join("broken.pdf"), b"%PDF-1.4 truncated").expect("write");
    std::fs::write(dir.join("latin1.txt"), b"R\xe9solution 1514 (XV)").expect("write");
    let missing = dir.join("missing.txt");
    let o = resgraph(&[
        "extract",
        "--format",
        "jsonl",
        dir.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    // The good file is still read, and so is the Windows-1252 one (1514 (XV)).
    assert_eq!(stdout(&o).lines().count(), 31, "{}", stdout(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.pdf") && err.contains("PDF"), "{err}");
    assert!(!err.contains("latin1.txt"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn nothing_found_is_success_and_usage_errors_are_2() {
    let tmp = scratch("empty");
    let dir = tmp.path();
    std::fs::write(dir.join("plain.txt"), "Nothing to see here, 2/56.").expect("write");
    let o = resgraph(&["extract", dir.join("plain.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(resgraph(&["extract"]).status.code(), Some(2));
    assert_eq!(resgraph(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        resgraph(&["extract", "--lang", "xx", SEED]).status.code(),
        Some(2)
    );
}

#[test]
fn build_then_query_and_export() {
    let tmp = scratch("build");
    let dir = tmp.path();
    let graph = dir.join("g.json");
    let o = resgraph(&["build", SEED, "-o", graph.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&graph).expect("graph")).expect("JSON");
    assert_eq!(g["directed"], true);
    assert_eq!(g["multigraph"], false);
    assert_eq!(g["edges"].as_array().unwrap().len(), 29);
    // Any common form of the id works.
    for id in ["78/237", "A/RES/78/237", "resolution 78/237"] {
        let o = resgraph(&["cites", graph.to_str().unwrap(), id]);
        assert!(o.status.success());
        let out = stdout(&o);
        assert_eq!(out.lines().count(), 30, "header + 29 cited");
        assert!(out.contains("A/RES/43/78H\t1988-12-07\t43/78 H"), "{out}");
    }
    let o = resgraph(&[
        "cited-by",
        graph.to_str().unwrap(),
        "A/RES/75/240",
        "--format",
        "jsonl",
    ]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["id"], "A/RES/78/237");
    assert_eq!(v["mentions"], 2);
    // The graph argument may also be a corpus path.
    let o = resgraph(&["cited-by", SEED, "43/78 H"]);
    assert!(stdout(&o).contains("A/RES/78/237"));
    let dot = dir.join("g.dot");
    let o = resgraph(&[
        "export",
        graph.to_str().unwrap(),
        "--format",
        "dot",
        "-o",
        dot.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&dot).expect("dot");
    assert!(text.starts_with("digraph") && text.contains("\"A/RES/43/78H\""));
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn unknown_id_is_an_error() {
    let o = resgraph(&["cites", SEED, "not a symbol"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a symbol"));
}
