//! Do the PDF route and the text route find the same references?
//!
//! For the 12 General Assembly PDFs of `mandate-pipeline-ga/pdfs/` (beside their text in
//! `resolutions_text/` and `drafts_text/`) and the 8 Security Council PDFs of
//! `unbench-unsc-drafts/` (beside the `Content` of their JSON), reads each PDF with resgraph
//! (poppler's pdftotext) and its text as given, and compares the cited ids.
//!
//! Agreement = ids found by both routes / ids found by either (distinct ids per document,
//! summed over the documents), and the same for mentions (an id counted as often as it is
//! mentioned) and for mentions in the same clause (footnote 3, operative 2 ...). Every
//! difference is listed.
//!
//! `cargo run --release --example pdf_agreement [SHARED_CORPUS]` (default `../shared/corpus`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"));
    let mut failed = false;
    for (name, pairs) in [("GA", ga_pairs(&corpus)), ("SC", sc_pairs(&corpus))] {
        if pairs.is_empty() {
            eprintln!("no {name} PDFs found under {}", corpus.display());
            failed = true;
            continue;
        }
        let (mut both, mut either, mut m_both, mut m_either) = (0usize, 0usize, 0usize, 0usize);
        let mut c_both = 0usize;
        println!("## {name}: {} PDFs\n", pairs.len());
        for (pdf, text) in &pairs {
            let from_pdf = match resgraph::analyse_file(pdf, None) {
                Ok(d) => d,
                Err(e) => {
                    println!("- {}: PDF not read: {e}", pdf.display());
                    failed = true;
                    continue;
                }
            };
            let from_text = resgraph::analyse_text(text, None);
            let a = counts(&from_pdf);
            let b = counts(&from_text);
            let (ca, cb) = (clauses(&from_pdf), clauses(&from_text));
            let mut clause_diffs = Vec::new();
            for k in ca
                .keys()
                .chain(cb.keys())
                .collect::<std::collections::BTreeSet<_>>()
            {
                let (x, y) = (
                    ca.get(k).copied().unwrap_or(0),
                    cb.get(k).copied().unwrap_or(0),
                );
                c_both += x.min(y);
                if x != y {
                    clause_diffs.push(format!("{} in {} (pdf {x}, text {y})", k.0, k.1));
                }
            }
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            let mut diffs = Vec::new();
            for k in keys {
                let (x, y) = (
                    a.get(k).copied().unwrap_or(0),
                    b.get(k).copied().unwrap_or(0),
                );
                either += 1;
                if x > 0 && y > 0 {
                    both += 1;
                }
                m_both += x.min(y);
                m_either += x.max(y);
                if x != y {
                    diffs.push(format!("{k} (pdf {x}, text {y})"));
                }
            }
            let file = pdf.file_name().and_then(|f| f.to_str()).unwrap_or("?");
            println!(
                "- {file}: {} ids from the PDF, {} from the text{}",
                a.len(),
                b.len(),
                if diffs.is_empty() {
                    String::new()
                } else {
                    format!("; differences: {}", diffs.join(", "))
                }
            );
            if !clause_diffs.is_empty() {
                println!("  - clauses differ: {}", clause_diffs.join(", "));
            }
        }
        let pct = |x: usize, y: usize| 100.0 * x as f64 / y.max(1) as f64;
        println!(
            "\n{name}: ids {both}/{either} = {:.2}% agree; mentions {m_both}/{m_either} = {:.2}%; \
             mentions in the same clause {c_both}/{m_either} = {:.2}%\n",
            pct(both, either),
            pct(m_both, m_either),
            pct(c_both, m_either)
        );
        if pct(both, either) < 99.0 {
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}

/// Mentions per cited id.
fn counts(doc: &resgraph::Document) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for x in &doc.mentions {
        *m.entry(x.symbol.id()).or_insert(0) += 1;
    }
    m
}

/// Mentions per cited id and clause (part and number: footnote 3, operative 2 ...).
fn clauses(doc: &resgraph::Document) -> BTreeMap<(String, String), usize> {
    let mut m = BTreeMap::new();
    for x in &doc.mentions {
        let c = &x.clause;
        let place = match c.paragraph {
            Some(n) => format!("{:?} {n}", c.part).to_lowercase(),
            None => format!("{:?}", c.part).to_lowercase(),
        };
        *m.entry((x.symbol.id(), place)).or_insert(0) += 1;
    }
    m
}

fn ga_pairs(corpus: &Path) -> Vec<(PathBuf, String)> {
    let dir = corpus.join("mandate-pipeline-ga");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join("pdfs")) else {
        return out;
    };
    let mut pdfs: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    pdfs.sort();
    for pdf in pdfs {
        let Some(stem) = pdf.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        for sub in ["resolutions_text", "drafts_text"] {
            if let Ok(t) = std::fs::read_to_string(dir.join(sub).join(format!("{stem}.txt"))) {
                out.push((pdf.clone(), t));
                break;
            }
        }
    }
    out
}

fn sc_pairs(corpus: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let root = corpus.join("unbench-unsc-drafts");
    for task in ["task1", "task2"] {
        let Ok(dirs) = std::fs::read_dir(root.join(task)) else {
            continue;
        };
        for d in dirs.filter_map(|e| e.ok()) {
            let Ok(files) = std::fs::read_dir(d.path()) else {
                continue;
            };
            for f in files.filter_map(|e| e.ok()).map(|e| e.path()) {
                if f.extension().is_some_and(|e| e == "pdf") {
                    let json = f.with_extension("json");
                    let content = std::fs::read_to_string(&json)
                        .ok()
                        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
                        .and_then(|v| v["Content"].as_str().map(str::to_string));
                    if let Some(c) = content {
                        out.push((f, c));
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
