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

/// `--timings` reports each phase on stderr, in the order they ran and with the run's own
/// counts, and changes nothing else: the same graph file, the same references on stdout.
#[test]
fn timings_report_the_phases_and_change_no_output() {
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/hf-un-ga-55-100-parallel"
    );
    let tmp = scratch("timings");
    let (timed, plain) = (tmp.path().join("timed.json"), tmp.path().join("plain.json"));
    let o = resgraph(&[
        "--timings",
        "-q",
        "-j",
        "2",
        "build",
        corpus,
        "-o",
        timed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = resgraph(&["-q", "build", corpus, "-o", plain.to_str().unwrap()]);
    assert!(p.status.success());
    assert!(!String::from_utf8_lossy(&p.stderr).contains(" in all"));
    let graph = std::fs::read(&timed).expect("graph");
    assert_eq!(graph, std::fs::read(&plain).expect("graph"));
    let g: serde_json::Value = serde_json::from_slice(&graph).expect("JSON");
    let (nodes, edges) = (
        g["nodes"].as_array().expect("nodes").len(),
        g["edges"].as_array().expect("edges").len(),
    );
    let references = stdout(&resgraph(&["extract", "--format", "jsonl", corpus]))
        .lines()
        .count();
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("resgraph: warning"))
        .collect();
    // Each line: what was done, " in ", a number of milliseconds, then maybe more.
    let ms_after = |line: &str, lead: &str| -> f64 {
        let rest = line
            .strip_prefix(lead)
            .unwrap_or_else(|| panic!("{line:?} does not start with {lead:?}"));
        let at = rest.rfind(" in ").expect(" in ") + 4;
        rest[at..]
            .split(" ms")
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no milliseconds in {line:?}"))
    };
    assert_eq!(lines.len(), 5, "{err}");
    ms_after(lines[0], "resgraph: listed 6 files");
    assert!(lines[1].starts_with("resgraph: read 6 files ("), "{err}");
    // Few enough that no thousands separator is written.
    assert!((1..1000).contains(&references), "{references}");
    assert!(
        lines[1].contains(&format!(" MB, {references} references) in ")),
        "{err}"
    );
    assert!(
        lines[1].contains(" with 2 jobs: ") && lines[1].ends_with(" MB/s"),
        "{err}"
    );
    ms_after(
        lines[2],
        &format!("resgraph: settled the graph ({nodes} nodes, {edges} edges)"),
    );
    ms_after(lines[3], &format!("resgraph: wrote {}", timed.display()));
    let all: f64 = lines[4]
        .strip_prefix("resgraph: ")
        .and_then(|l| l.strip_suffix(" ms in all"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{:?}", lines[4]));
    let parts: f64 = lines[..4]
        .iter()
        .map(|l| {
            let at = l.find(" in ").expect(" in ") + 4;
            l[at..]
                .split(" ms")
                .next()
                .and_then(|n| n.parse::<f64>().ok())
                .unwrap_or(0.0)
        })
        .sum();
    assert!(
        all >= parts - 0.5,
        "the whole ({all} ms) less than its parts ({parts} ms)"
    );
    // `extract` reports its listing and reading; its references are those printed without.
    let e = resgraph(&["--timings", "extract", "--format", "jsonl", corpus]);
    assert_eq!(stdout(&e).lines().count(), references);
    let err = String::from_utf8_lossy(&e.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[1].contains(&format!("{references} references")),
        "{err}"
    );
}
