//! The committed fact tables in `src/data/` must be exactly what
//! `examples/make_tables.rs` builds from the corpus, so hand edits and generator
//! changes cannot drift apart unnoticed.

use std::path::Path;

// The example's `main` and report-only items are unused here.
#[allow(dead_code)]
#[path = "../examples/make_tables.rs"]
mod make_tables;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

fn corpus() -> &'static Path {
    let path = Path::new(CORPUS);
    // Fail loudly: a skipped check would pass silently on a machine without the corpus.
    assert!(
        path.is_dir(),
        "corpus folder {CORPUS} is missing: this test regenerates src/data/*.tsv from it; \
         place the corpus there (see PROVENANCE.md) to run it"
    );
    path
}

#[test]
fn sc_table_matches_corpus() {
    let table = make_tables::build_sc(corpus()).unwrap();
    let built = make_tables::render_sc(&table);
    let committed = include_str!("../src/data/sc_resolutions.tsv");
    assert!(
        built == committed,
        "src/data/sc_resolutions.tsv is stale: run `cargo run --example make_tables -- ../shared/corpus src/data`"
    );
}

#[test]
fn ga_table_matches_corpus() {
    let table = make_tables::build_ga(corpus()).unwrap();
    let built = make_tables::render_ga(&table);
    let committed = include_str!("../src/data/ga_sessions.tsv");
    assert!(
        built == committed,
        "src/data/ga_sessions.tsv is stale: run `cargo run --example make_tables -- ../shared/corpus src/data`"
    );
}

#[test]
fn old_style_citations_are_read() {
    let found = make_tables::old_style_citations(
        "resolutions 217 A (III), 3411 A and B (XXX), A/RES/1514 (XV), 2.1 (I) and 3419 A to D (XXX)",
    );
    assert_eq!(found, [(217, 3), (3411, 30), (1514, 15), (3419, 30)]);
}
