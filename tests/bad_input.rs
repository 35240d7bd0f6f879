//! Bad input costs nothing but itself: a corpus of good files in every format beside a
//! truncated PDF, a ZIP renamed `.docx`, binary junk, an empty file, invalid UTF-8, a 100 MB
//! single-line file, a file without read permission, a dangling link and a symbolic link loop.
//! Every good file is read, each bad one is named on stderr with the reason, the run ends with
//! `N files read, M failed` and exit code 2; `--strict` stops at the first failure; outputs are
//! never left half-written.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_resgraph");
const GA_PDF: &str = "../shared/corpus/mandate-pipeline-ga/pdfs/A_RES_79_100.pdf";

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run resgraph")
}

/// A fresh folder for one test, removed when the returned guard is dropped (also on a panic).
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("resgraph-bad-{name}-"))
        .tempdir()
        .expect("scratch dir")
}

/// The PDF cases need poppler's `pdftotext` (CI installs it) and the shared corpus: without
/// them the tests fail, naming what is missing, rather than pass untested.
fn require_pdf_inputs(pdf: &str) {
    assert!(
        Command::new("pdftotext")
            .arg("-v")
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .is_ok(),
        "pdftotext is not installed: apt-get install poppler-utils (the PDF tests need it)"
    );
    assert!(
        Path::new(pdf).exists(),
        "missing {pdf}: the tests read the shared corpus from ../shared beside the checkout"
    );
}

const GOOD_TEXT: &str = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September \
                         2015 and Security Council resolution 1325 (2000),\n\n1. Takes note of \
                         the report of the Secretary-General (A/78/265);\n";

/// A minimal Word file.
fn docx(text: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).expect("zip");
    let paras: String = text
        .split("\n\n")
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    write!(
        zip,
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{paras}</w:body></w:document>"
    )
    .expect("zip");
    zip.finish().expect("zip").into_inner()
}

/// Deterministic junk with NUL and control bytes.
fn junk(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Writes the corpus; returns the names of the good files and of the bad ones with a word
/// their error must contain.
fn make_corpus(dir: &Path, with_huge: bool) -> (Vec<String>, Vec<(String, &'static str)>) {
    let mut good = vec![];
    let mut bad: Vec<(String, &'static str)> = vec![];
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect(name);
    w("good.txt", GOOD_TEXT.as_bytes());
    good.push("good.txt".to_string());
    w("good.md", format!("# A note\n\n{GOOD_TEXT}").as_bytes());
    good.push("good.md".into());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD_TEXT.encode_utf16().flat_map(|u| u.to_le_bytes()));
    w("good-utf16.txt", &utf16);
    good.push("good-utf16.txt".into());
    let latin = GOOD_TEXT.replace("Takes note", "Prend acte — déjà");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
    w("good-1252.txt", &cp1252);
    good.push("good-1252.txt".into());
    w(
        "good.html",
        format!(
            "<html><body><p>{}</p></body></html>",
            GOOD_TEXT.replace("\n\n", "</p><p>")
        )
        .as_bytes(),
    );
    good.push("good.html".into());
    w("good.docx", &docx(GOOD_TEXT));
    good.push("good.docx".into());
    require_pdf_inputs(GA_PDF);
    let pdf = std::fs::read(GA_PDF).expect("GA PDF");
    w("good.pdf", &pdf);
    good.push("good.pdf".into());
    w("truncated.pdf", &pdf[..pdf.len() / 2]);
    bad.push(("truncated.pdf".into(), "truncated"));
    let mut notword = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    notword
        .start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .expect("zip");
    notword.write_all(b"resolution 70/1").expect("zip");
    w("renamed.docx", &notword.finish().expect("zip").into_inner());
    bad.push(("renamed.docx".into(), "not a Word document"));
    // An Excel workbook saved as `.doc`, and a Word 97 file cut in half.
    let mut sheet = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("cfb");
    sheet
        .create_stream("/Workbook")
        .and_then(|mut s| s.write_all(b"resolution 70/1"))
        .expect("cfb");
    sheet.flush().expect("cfb");
    w("sheet.doc", &sheet.into_inner().into_inner());
    bad.push(("sheet.doc".into(), "Excel workbook"));
    let doc = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/doc/res.doc"))
        .expect("tests/data/doc/res.doc");
    w("truncated.doc", &doc[..doc.len() / 2]);
    bad.push(("truncated.doc".into(), "damaged OLE2 compound file"));
    w("junk.bin", &junk(4096));
    bad.push(("junk.bin".into(), "binary"));
    w("empty.txt", b"");
    bad.push(("empty.txt".into(), "empty file"));
    let mut broken = "Réaffirmant sa résolution 70/1, ".as_bytes().to_vec();
    broken.extend(b"\xC3\x28\xFF and more");
    w("invalid-utf8.txt", &broken);
    bad.push(("invalid-utf8.txt".into(), "invalid UTF-8"));
    if with_huge {
        // 100 MB on one line, a reference every megabyte.
        let mut f = std::fs::File::create(dir.join("huge.txt")).expect("huge");
        let filler = "lorem ipsum dolor sit amet ".repeat(1 << 10);
        let mut written = 0usize;
        while written < 100 << 20 {
            let chunk = format!("{filler}see resolution 70/1 of 25 September 2015, ");
            f.write_all(chunk.as_bytes()).expect("huge");
            written += chunk.len();
        }
        good.push("huge.txt".into());
    }
    w("unreadable.txt", GOOD_TEXT.as_bytes());
    set_mode(&dir.join("unreadable.txt"), 0o000);
    if std::fs::read(dir.join("unreadable.txt")).is_ok() {
        eprintln!(
            "running as root: permissions do not stop reads, so unreadable.txt is read like a good file"
        );
        good.push("unreadable.txt".into());
    } else {
        bad.push(("unreadable.txt".into(), "ermission denied"));
    }
    symlink(Path::new("."), &dir.join("loop"));
    bad.push(("loop".into(), "symbolic link loop"));
    symlink(Path::new("no-such-file"), &dir.join("dangling.txt"));
    bad.push(("dangling.txt".into(), "missing file"));
    (good, bad)
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[test]
fn every_good_file_is_read_and_every_bad_one_named() {
    let tmp = scratch("corpus");
    let dir = tmp.path();
    let (good, bad) = make_corpus(dir, true);
    let o = run(&[
        "extract",
        "--format",
        "jsonl",
        "-q",
        dir.to_str().expect("path"),
    ]);
    let _ = std::fs::remove_file(dir.join("huge.txt"));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    for g in &good {
        let file = dir.join(g).display().to_string();
        let found: Vec<serde_json::Value> = stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["file"] == file.as_str())
            .collect();
        assert!(
            found.iter().any(|v| v["cited"] == "A/RES/70/1"),
            "{g} was not read: {stderr}"
        );
        assert!(
            !stderr.contains(&format!("{file}:")),
            "{g} reported: {stderr}"
        );
    }
    for (b, why) in &bad {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("{}:", dir.join(b).display())))
            .unwrap_or_else(|| panic!("{b} not named on stderr: {stderr}"));
        assert!(line.contains(why), "{b}: expected {why:?} in {line:?}");
    }
    let summary = format!("{} files read, {} failed", good.len(), bad.len());
    assert!(
        stderr.contains(&summary),
        "expected {summary:?} in {stderr}"
    );
}

#[test]
fn strict_stops_at_the_first_failure() {
    let tmp = scratch("strict");
    let dir = tmp.path();
    std::fs::write(dir.join("a-good.txt"), GOOD_TEXT).expect("write");
    std::fs::write(dir.join("b-empty.txt"), b"").expect("write");
    std::fs::write(dir.join("c-junk.bin"), junk(1024)).expect("write");
    std::fs::write(dir.join("d-good.txt"), GOOD_TEXT).expect("write");
    let o = run(&[
        "extract",
        "--strict",
        "-q",
        "-j",
        "1",
        dir.to_str().expect("path"),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("b-empty.txt: empty file"), "{stderr}");
    assert!(
        !stderr.contains("c-junk.bin"),
        "went on after the failure: {stderr}"
    );
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains("d-good.txt"),
        "went on after the failure"
    );
}

#[test]
fn encoding_override() {
    let tmp = scratch("encoding");
    let dir = tmp.path();
    let text = "Rappelant sa résolution 70/1 du 25 septembre 2015,\n";
    let (koi, _, _) = encoding_rs::KOI8_R.encode("Ссылаясь на резолюцию 70/1,\n");
    std::fs::write(dir.join("ru.txt"), &koi).expect("write");
    std::fs::write(dir.join("fr.txt"), encoding_rs::WINDOWS_1252.encode(text).0).expect("write");
    let o = run(&[
        "text",
        "--encoding",
        "koi8-r",
        dir.join("ru.txt").to_str().expect("p"),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "Ссылаясь на резолюцию 70/1,\n"
    );
    let o = run(&["text", dir.join("fr.txt").to_str().expect("p")]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), text);
    let o = run(&["extract", "--encoding", "no-such", dir.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such"));
}

#[test]
fn extract_says_which_text_offsets_refer_to() {
    let tmp = scratch("source");
    let dir = tmp.path();
    std::fs::write(dir.join("a.docx"), docx(GOOD_TEXT)).expect("write");
    std::fs::write(dir.join("b.txt"), GOOD_TEXT).expect("write");
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/doc/res.doc");
    std::fs::copy(doc, dir.join("c.doc")).expect("copy");
    for name in ["res.odt", "res.rtf"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/doc")
            .join(name);
        std::fs::copy(from, dir.join(format!("d-{name}"))).expect("copy");
    }
    let o = run(&["extract", "--format", "jsonl", dir.to_str().expect("p")]);
    assert!(o.status.success());
    let mut sources = std::collections::BTreeSet::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let file = v["file"].as_str().expect("file");
        sources.insert(v["source"].as_str().expect("source").to_string());
        let text = if v["source"] == "text" {
            std::fs::read_to_string(file).expect("read")
        } else {
            let t = run(&["text", file]);
            String::from_utf8(t.stdout).expect("UTF-8")
        };
        let (s, e) = (
            v["start"].as_u64().expect("start"),
            v["end"].as_u64().expect("end"),
        );
        assert_eq!(
            text.get(s as usize..e as usize),
            v["text"].as_str(),
            "{line}"
        );
    }
    assert_eq!(
        sources.into_iter().collect::<Vec<_>>(),
        ["doc-text", "docx-text", "odt-text", "rtf-text", "text"]
    );
}

#[test]
fn image_only_pdf_needs_ocr() {
    let scan = "../shared/corpus/un-su-pdfs/1971-10-25_GA_Resolution_2758_ru.pdf";
    require_pdf_inputs(scan);
    let o = run(&["extract", scan]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("without a text layer") && err.contains("OCR"),
        "{err}"
    );
}

#[test]
fn outputs_are_never_half_written() {
    let tmp = scratch("atomic");
    let dir = tmp.path();
    std::fs::write(dir.join("good.txt"), GOOD_TEXT).expect("write");
    let corpus = dir.join("good.txt");
    // A build that cannot write its output leaves nothing behind.
    let blocked = dir.join("out.json");
    std::fs::create_dir_all(blocked.join("inside")).expect("dir");
    let o = run(&[
        "build",
        corpus.to_str().expect("p"),
        "-o",
        blocked.to_str().expect("p"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write"));
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    // A build killed half-way leaves the previous graph as it was.
    let graph = dir.join("graph.json");
    let o = run(&[
        "build",
        corpus.to_str().expect("p"),
        "-o",
        graph.to_str().expect("p"),
    ]);
    assert!(o.status.success());
    let before = std::fs::read(&graph).expect("graph");
    let big = dir.join("big");
    std::fs::create_dir_all(&big).expect("dir");
    for i in 0..40 {
        let text = format!("{}\n", GOOD_TEXT.repeat(2_000));
        std::fs::write(big.join(format!("{i:02}.txt")), text).expect("write");
    }
    let mut child = Command::new(BIN)
        .args([
            "build",
            "-q",
            "-j",
            "1",
            big.to_str().expect("p"),
            "-o",
            graph.to_str().expect("p"),
        ])
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    let after = std::fs::read(&graph).expect("graph still there");
    assert!(
        after == before || serde_json::from_slice::<serde_json::Value>(&after).is_ok(),
        "the graph was left half-written"
    );
}

#[test]
fn a_missing_pdftotext_is_named_and_the_rest_read() {
    let tmp = scratch("nopoppler");
    let dir = tmp.path();
    std::fs::write(dir.join("a.pdf"), b"%PDF-1.7\n%%EOF\n").expect("write");
    std::fs::write(dir.join("b.txt"), GOOD_TEXT).expect("write");
    let o = Command::new(BIN)
        .args(["extract", "-q", dir.to_str().expect("path")])
        .env("RESGRAPH_PDFTOTEXT", "/nonexistent/pdftotext")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a.pdf") && err.contains("apt-get install poppler-utils"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("A/RES/70/1"));
}
