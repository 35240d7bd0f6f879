//! Cross-language agreement on the UN Parallel Corpus dev set: line *i* of every language file is
//! the same sentence, so every language must find the same references in it.
//!
//! Usage: `cargo run --release --example agreement -- ../shared/corpus/unpc-devset [--diff]`
//!
//! Prints, for each language against English: the lines with references, the ids found, the ids
//! that agree, the ids found only on one side; then the share of reference-bearing lines (lines
//! where any language finds a reference) on which all six languages give exactly the same set of
//! ids. `--diff` lists every line that disagrees, with the ids of each language.
//!
//! The measuring logic is plain functions so that `tests/languages.rs` can assert the figures.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use resgraph::extract::{Context, extract};
use resgraph::lang::Lang;
use resgraph::layout::Layout;
use resgraph::symbol::Body;

/// The six languages of the dev set, English first.
pub const LANGS: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Zh, Lang::Ar];

/// The ids of one line in one language.
pub type Ids = BTreeSet<String>;

/// The dev set read and analysed: per line, the source document and the ids per language (in
/// the order of [`LANGS`]).
pub struct Devset {
    pub docs: Vec<String>,
    pub ids: Vec<[Ids; 6]>,
    pub lines: Vec<[String; 6]>,
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
    /// Of those, lines where all six languages give the same set.
    pub all_agree: usize,
    /// Line numbers (1-based) that disagree.
    pub disagreeing: Vec<usize>,
}

impl Figures {
    /// Share of reference-bearing lines where all six languages agree, in percent.
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
    let read = |name: String| {
        std::fs::read_to_string(dir.join(&name))
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };
    let docs: Vec<String> = read("UNv1.0.devset.ids".into())?
        .lines()
        .map(|l| l.split(' ').next().unwrap_or("").to_string())
        .collect();
    let mut texts = Vec::new();
    for lang in LANGS {
        let t = read(format!("UNv1.0.devset.{}", lang.code()))?;
        let lines: Vec<String> = t.lines().map(str::to_string).collect();
        if lines.len() != docs.len() {
            return Err(format!(
                "{}: {} lines, the ids file has {}",
                lang.code(),
                lines.len(),
                docs.len()
            ));
        }
        texts.push(lines);
    }
    let mut ids = Vec::with_capacity(docs.len());
    let mut lines = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let body = citing_body(doc);
        let row: [Ids; 6] = std::array::from_fn(|k| line_ids(&texts[k][i], LANGS[k], body.clone()));
        ids.push(row);
        lines.push(std::array::from_fn(|k| texts[k][i].clone()));
    }
    Ok(Devset { docs, ids, lines })
}

/// Computes the figures of an analysed dev set.
pub fn figures(set: &Devset) -> Figures {
    let mut f = Figures::default();
    let mut per: Vec<LangFigures> = vec![LangFigures::default(); LANGS.len()];
    for (i, row) in set.ids.iter().enumerate() {
        let en = &row[0];
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
    f.per_lang = LANGS.iter().copied().zip(per).collect();
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
        "\nreference-bearing lines: {}; all six languages agree on {} ({:.1}%)",
        f.ref_lines,
        f.all_agree,
        f.share()
    );
    out
}

/// The disagreeing lines, each with the ids of every language.
pub fn render_diff(set: &Devset, f: &Figures, with_text: bool) -> String {
    let mut out = String::new();
    for &n in &f.disagreeing {
        let row = &set.ids[n - 1];
        let _ = writeln!(out, "line {n} ({})", set.docs[n - 1]);
        for (k, lang) in LANGS.iter().enumerate() {
            let ids: Vec<&str> = row[k].iter().map(String::as_str).collect();
            let mark = if row[k] == row[0] { " " } else { "*" };
            let _ = writeln!(out, "  {mark}{}: {}", lang.code(), ids.join(" "));
            if with_text && row[k] != row[0] {
                let _ = writeln!(out, "      {}", set.lines[n - 1][k]);
            }
        }
        if with_text {
            let _ = writeln!(out, "      en: {}", set.lines[n - 1][0]);
        }
    }
    out
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/corpus/unpc-devset".into());
    let set = match load(Path::new(&dir)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("agreement: {e}");
            std::process::exit(1);
        }
    };
    let f = figures(&set);
    print!("{}", render(&f));
    // `--line 85,1006`: the ids and text of those lines in every language.
    if let Some(i) = args.iter().position(|a| a == "--line")
        && let Some(list) = args.get(i + 1)
    {
        for n in list.split(',').filter_map(|n| n.trim().parse::<usize>().ok()) {
            let Some(row) = set.ids.get(n.wrapping_sub(1)) else {
                continue;
            };
            println!("line {n} ({})", set.docs[n - 1]);
            for (k, lang) in LANGS.iter().enumerate() {
                let ids: Vec<&str> = row[k].iter().map(String::as_str).collect();
                println!("  {}: {}", lang.code(), ids.join(" "));
                println!("      {}", set.lines[n - 1][k]);
            }
        }
        return;
    }
    let diff = args.iter().any(|a| a == "--diff");
    let text = args.iter().any(|a| a == "--text");
    if diff || text {
        println!();
        print!("{}", render_diff(&set, &f, text));
    }
}
