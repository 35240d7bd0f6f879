//! Cross-language agreement on the UN Parallel Corpus dev set: line *i* of every language file is
//! the same sentence, so every language must find the same references in it.
//!
//! Usage: `cargo run --release --example agreement -- ../shared/corpus/unpc-devset [--diff]`
//! (`--text` also prints the disagreeing lines, `--line 85,1006` prints the given lines).
//!
//! Any other line-aligned files can be compared the same way, English first:
//! `cargo run --release --example agreement -- --pair
//! en:../shared/corpus/un-sentences-en-es/eval.en.txt es:../shared/corpus/un-sentences-en-es/eval.es.txt`
//!
//! Prints, for each language against English: the lines with references, the ids found, the ids
//! that agree, the ids found only on one side; then the share of reference-bearing lines (lines
//! where any language finds a reference) on which all languages give exactly the same set of
//! ids. `--diff` lists every line that disagrees, with the ids of each language.
//!
//! The measuring logic is plain functions so that `tests/languages.rs` can assert the figures.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use resgraph::extract::{Context, extract};
use resgraph::lang::Lang;
use resgraph::layout::Layout;
use resgraph::symbol::Body;

/// The six languages of the dev set, English first.
pub const LANGS: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Zh, Lang::Ar];

/// The ids of one line in one language.
pub type Ids = BTreeSet<String>;

/// Line-aligned texts read and analysed: the languages (English first), and per line the source
/// document and the ids and text in each language.
pub struct Devset {
    pub langs: Vec<Lang>,
    pub docs: Vec<String>,
    pub ids: Vec<Vec<Ids>>,
    pub lines: Vec<Vec<String>>,
}

/// Per-language figures against English.
#[derive(Debug, Clone, Default)]
pub struct LangFigures {
    pub lines_with_refs: usize,
    pub ids_found: usize,
    pub agreeing: usize,
    pub only_here: usize,
    pub only_en: usize,
}

/// The whole report.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub per_lang: Vec<(Lang, LangFigures)>,
    /// Lines where any language finds a reference.
    pub ref_lines: usize,
    /// Of those, lines where all languages give the same set.
    pub all_agree: usize,
    /// Line numbers (1-based) that disagree.
    pub disagreeing: Vec<usize>,
}

impl Figures {
    /// Share of reference-bearing lines where all languages agree, in percent.
    pub fn share(&self) -> f64 {
        if self.ref_lines == 0 {
            return 100.0;
        }
        100.0 * self.all_agree as f64 / self.ref_lines as f64
    }
}

/// The body of the document a dev-set line comes from (`2015/s/2015/305` -> SC), which gives
/// possessives (`its resolution`) their meaning. Every language of a line gets the same body.
pub fn citing_body(doc: &str) -> Option<Body> {
    let d = doc.split_once('/').map_or(doc, |(_, rest)| rest);
    if d.starts_with("a/hrc/") {
        Some(Body::HRC)
    } else if d.starts_with("a/") {
        Some(Body::GA)
    } else if d.starts_with("s/") {
        Some(Body::SC)
    } else if d.starts_with("e/") {
        Some(Body::ECOSOC)
    } else {
        None
    }
}

/// The ids one language finds in one line.
pub fn line_ids(line: &str, lang: Lang, body: Option<Body>) -> Ids {
    // Read as the tool reads a file: repaired first (`A/C.1/58/ L.15/Rev.1` is one symbol).
    let repaired = resgraph::input::repair::repair(line);
    let line = repaired.as_ref().map_or(line, |r| r.text.as_str());
    let layout = Layout::analyse(line, lang.table(), &[]);
    let ctx = Context {
        lang,
        citing_body: body,
        own_ids: &[],
        layout: &layout,
    };
    extract(line, &ctx)
        .into_iter()
        .map(|m| m.symbol.id())
        .collect()
}

/// Reads and analyses the dev set in `dir`.
pub fn load(dir: &Path) -> Result<Devset, String> {
    let ids_path = dir.join("UNv1.0.devset.ids");
    let docs: Vec<String> = std::fs::read_to_string(&ids_path)
        .map_err(|e| format!("{}: {e}", ids_path.display()))?
        .lines()
        .map(|l| l.split(' ').next().unwrap_or("").to_string())
        .collect();
    let files: Vec<(Lang, PathBuf)> = LANGS
        .iter()
        .map(|l| (*l, dir.join(format!("UNv1.0.devset.{}", l.code()))))
        .collect();
    load_aligned(&files, docs)
}

/// Reads line-aligned files (English first). `docs` names the source document of each line,
/// whose body gives possessives their meaning, or is empty.
pub fn load_aligned(files: &[(Lang, PathBuf)], docs: Vec<String>) -> Result<Devset, String> {
    let mut texts = Vec::new();
    for (lang, path) in files {
        let t = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let lines: Vec<String> = t.lines().map(str::to_string).collect();
        texts.push((*lang, lines));
    }
    let n = texts.first().map_or(0, |t| t.1.len());
    if let Some((lang, t)) = texts.iter().find(|t| t.1.len() != n) {
        return Err(format!(
            "{}: {} lines, the first file has {n}",
            lang.code(),
            t.len()
        ));
    }
    if !docs.is_empty() && docs.len() != n {
        return Err(format!("{n} lines, the ids file has {}", docs.len()));
    }
    let docs = if docs.is_empty() {
        vec![String::new(); n]
    } else {
        docs
    };
    let mut ids = Vec::with_capacity(n);
    let mut lines = Vec::with_capacity(n);
    for (i, doc) in docs.iter().enumerate() {
        let body = citing_body(doc);
        ids.push(
            texts
                .iter()
                .map(|(lang, t)| line_ids(&t[i], *lang, body.clone()))
                .collect(),
        );
        lines.push(texts.iter().map(|(_, t)| t[i].clone()).collect());
    }
    Ok(Devset {
        langs: texts.iter().map(|t| t.0).collect(),
        docs,
        ids,
        lines,
    })
}

/// Computes the figures of an analysed set.
pub fn figures(set: &Devset) -> Figures {
    let mut f = Figures::default();
    let mut per: Vec<LangFigures> = vec![LangFigures::default(); set.langs.len()];
    for (i, row) in set.ids.iter().enumerate() {
        let Some(en) = row.first() else { continue };
        for (k, ids) in row.iter().enumerate() {
            let p = &mut per[k];
            if !ids.is_empty() {
                p.lines_with_refs += 1;
            }
            p.ids_found += ids.len();
            p.agreeing += ids.intersection(en).count();
            p.only_here += ids.difference(en).count();
            p.only_en += en.difference(ids).count();
        }
        if row.iter().any(|s| !s.is_empty()) {
            f.ref_lines += 1;
            if row.iter().all(|s| s == en) {
                f.all_agree += 1;
            } else {
                f.disagreeing.push(i + 1);
            }
        }
    }
    f.per_lang = set.langs.iter().copied().zip(per).collect();
    f
}

/// The report as printed.
pub fn render(f: &Figures) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "lang  lines-with-refs  ids-found  agree-with-en  only-here  only-in-en"
    );
    for (lang, p) in &f.per_lang {
        let _ = writeln!(
            out,
            "{:<4}  {:>15}  {:>9}  {:>13}  {:>9}  {:>10}",
            lang.code(),
            p.lines_with_refs,
            p.ids_found,
            p.agreeing,
            p.only_here,
            p.only_en
        );
    }
    let _ = writeln!(
        out,
        "\nreference-bearing lines: {}; all languages agree on {} ({:.1}%)",
        f.ref_lines,
        f.all_agree,
        f.share()
    );
    out
}

/// The given lines (1-based), each with the ids of every language; with their text when
/// `with_text` (only the disagreeing languages' text when `only_differing`).
pub fn render_lines(
    set: &Devset,
    lines: &[usize],
    with_text: bool,
    only_differing: bool,
) -> String {
    let mut out = String::new();
    for &n in lines {
        let (Some(row), Some(texts)) = (
            set.ids.get(n.wrapping_sub(1)),
            set.lines.get(n.wrapping_sub(1)),
        ) else {
            continue;
        };
        let _ = writeln!(out, "line {n} ({})", set.docs[n - 1]);
        for (k, lang) in set.langs.iter().enumerate() {
            let ids: Vec<&str> = row[k].iter().map(String::as_str).collect();
            let differs = row[k] != row[0];
            let mark = if differs { "*" } else { " " };
            let _ = writeln!(out, "  {mark}{}: {}", lang.code(), ids.join(" "));
            if with_text && (differs || !only_differing || k == 0) {
                let _ = writeln!(out, "      {}", texts[k]);
            }
        }
    }
    out
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pairs: Vec<(Lang, PathBuf)> = args
        .iter()
        .skip_while(|a| *a != "--pair")
        .skip(1)
        .take_while(|a| !a.starts_with("--"))
        .filter_map(|a| {
            let (code, path) = a.split_once(':')?;
            Some((Lang::from_code(code)?, PathBuf::from(path)))
        })
        .collect();
    let loaded = if pairs.is_empty() {
        let dir = args
            .iter()
            .find(|a| !a.starts_with("--") && !a.chars().all(|c| c.is_ascii_digit() || c == ','))
            .cloned()
            .unwrap_or_else(|| "../shared/corpus/unpc-devset".into());
        load(Path::new(&dir))
    } else {
        load_aligned(&pairs, Vec::new())
    };
    let set = match loaded {
        Ok(s) => s,
        Err(e) => {
            eprintln!("agreement: {e}");
            std::process::exit(1);
        }
    };
    if let Some(i) = args.iter().position(|a| a == "--line") {
        let wanted: Vec<usize> = args
            .get(i + 1)
            .map(|l| l.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_default();
        print!("{}", render_lines(&set, &wanted, true, false));
        return;
    }
    let f = figures(&set);
    print!("{}", render(&f));
    let text = args.iter().any(|a| a == "--text");
    if text || args.iter().any(|a| a == "--diff") {
        println!();
        print!("{}", render_lines(&set, &f.disagreeing, text, true));
    }
}
