//! Table-driven extraction cases: every `tests/data/*.toml` file, each `[[case]]` a short text
//! with the references it must give (in text order, with the dates the text gives), or none.

use resgraph::extract::{Context, extract};
use resgraph::lang::Lang;
use resgraph::layout::Layout;
use resgraph::symbol::Body;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    citing_body: Option<String>,
    text: String,
    expect: Vec<Expect>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expect {
    id: String,
    date: Option<String>,
    body: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    /// The clause's opening word, normalised to English (checked where a case gives it).
    verb: Option<String>,
}

fn run_case(case: &Case) -> Result<(), String> {
    let lang = Lang::from_code(&case.lang).ok_or(format!("unknown lang {}", case.lang))?;
    let layout = Layout::analyse(&case.text, lang.table(), &[]);
    let citing = Body::parse(case.citing_body.as_deref().unwrap_or("GA"));
    let ctx = Context {
        lang,
        citing_body: Some(citing),
        own_ids: &[],
        layout: &layout,
    };
    let found = extract(&case.text, &ctx);
    let got: Vec<Expect> = found
        .iter()
        .zip(case.expect.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(m, e)| Expect {
            id: m.symbol.id(),
            // Every date found is compared: a case without a date checks none was invented.
            date: m.date.map(|d| d.to_string()),
            body: e
                .and_then(|e| e.body.as_ref())
                .map(|_| m.symbol.body().to_string()),
            kind: e
                .and_then(|e| e.kind.as_ref())
                .map(|_| m.symbol.kind().as_str().to_string()),
            verb: e
                .and_then(|e| e.verb.as_ref())
                .and(m.clause.verb.as_deref().map(str::to_string)),
        })
        .collect();
    for m in &found {
        if case.text.get(m.start..m.end) != Some(m.text.as_str()) {
            return Err(format!(
                "span {}..{} does not hold {:?}",
                m.start, m.end, m.text
            ));
        }
    }
    if got != case.expect {
        return Err(format!("expected {:#?}\n     got {:#?}", case.expect, got));
    }
    Ok(())
}

#[test]
fn extraction_cases() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no case files in {dir}");
    let mut failures = Vec::new();
    let mut total = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("readable case file");
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        for case in &file.case {
            total += 1;
            if let Err(msg) = run_case(case) {
                failures.push(format!("{} / {}: {msg}", p.display(), case.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
