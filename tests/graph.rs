//! Graph invariants on whole corpus folders: no self-loops, canonical ids, every mention points
//! at text that is really there, and the same bytes whatever the order of the files.

use resgraph::graph::{self, CitationGraph};
use resgraph::symbol::{Kind, Symbol};
use std::collections::HashMap;
use std::path::PathBuf;

fn shared(rel: &str) -> PathBuf {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(rel);
    assert!(
        p.exists(),
        "missing {}: the tests read the shared corpus from ../shared beside the checkout",
        p.display()
    );
    p
}

fn documents(rel: &str) -> Vec<resgraph::Document> {
    let (files, errors) = resgraph::input::collect_files(&[shared(rel)]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(files.len() > 100, "{rel}: only {} files", files.len());
    files
        .iter()
        .map(|f| resgraph::analyse_file(f, None).expect("readable corpus file"))
        .collect()
}

fn check_invariants(g: &CitationGraph) {
    let mut texts: HashMap<String, String> = HashMap::new();
    for e in g.edges() {
        assert_ne!(e.source, e.target, "self-loop on {}", e.source);
        assert!(e.weight >= 1 && e.weight <= e.mentions.len());
        for m in &e.mentions {
            let text = texts
                .entry(m.file.to_string())
                .or_insert_with(|| std::fs::read_to_string(&*m.file).expect("corpus file"));
            assert_eq!(
                text.get(m.start..m.end),
                Some(m.text.as_str()),
                "{}:{}: mention of {} does not match the text",
                m.file,
                m.start,
                e.target
            );
        }
    }
    for n in g.nodes() {
        assert!(
            !n.id.contains(char::is_whitespace),
            "id with space: {:?}",
            n.id
        );
        if n.kind != Kind::Document {
            let again = Symbol::parse_user(&n.id).map(|s| s.id());
            assert_eq!(
                again.as_deref(),
                Some(n.id.as_str()),
                "not canonical: {}",
                n.id
            );
        } else {
            assert!(n.id.contains('/') && n.id == n.id.trim_end_matches(['.', ',', '-']));
        }
        assert_eq!(n.url, format!("https://undocs.org/{}", n.id));
        if let Some(d) = &n.date {
            assert!(chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
        }
    }
}

#[test]
fn ga_corpus_graph_invariants() {
    let docs = documents("corpus/mandate-pipeline-ga/resolutions_text");
    let n = docs.len();
    let g = graph::build(docs.clone());
    assert_eq!(g.meta.documents, n);
    assert!(g.edges().len() > 10_000, "{} edges", g.edges().len());
    check_invariants(&g);
    // Every file of this folder names itself, so every document is a node of the graph.
    assert_eq!(g.nodes().iter().filter(|n| n.in_corpus).count(), n);
    // The same corpus in reverse order gives the same bytes.
    let json = g.to_json();
    let reversed = graph::build(docs.iter().rev().cloned());
    assert_eq!(json, reversed.to_json());
    // Finished by two threads (the edges ordered beside the nodes), the same bytes.
    let mut b = graph::Builder::new();
    for d in docs {
        b.add(d);
    }
    let two = b.finish_with(2);
    assert!(two.to_json() == json, "two threads give other bytes");
    // Each node is found by its id in the graph finished by one thread and by two (the id
    // index is renumbered to the graph's order beside the nodes).
    for graph in [&g, &two] {
        for (i, n) in graph.graph.node_indices().zip(graph.graph.node_weights()) {
            assert_eq!(graph.find(&n.id), Some(i), "{}", n.id);
        }
        assert_eq!(graph.find("A/RES/0/0"), None);
    }
    // Node-link JSON reads back to the same graph.
    let nl = serde_json::from_str(&json).expect("node-link JSON");
    assert_eq!(CitationGraph::from_node_link(nl).to_json(), json);
    // The file `build` writes, serialised by several threads, has the same bytes.
    for jobs in [1, 2, 3] {
        let mut out = Vec::new();
        resgraph::export::node_link::write(&g, &mut out, jobs).expect("written to memory");
        assert!(out == json.as_bytes(), "{jobs} jobs give other bytes");
    }
}

#[test]
fn sc_corpus_graph_invariants() {
    let docs = documents("corpus/cr-unsc/res_en_gold");
    let g = graph::build(docs);
    check_invariants(&g);
    // 687 (1991) cites the Iraq-Kuwait resolutions of 1990; its date comes from its own text.
    let n = g.node("S/RES/687(1991)").expect("687");
    assert!(n.in_corpus);
    assert_eq!(n.date.as_deref(), Some("1991-04-03"));
    let cited: Vec<&str> = g
        .edges()
        .into_iter()
        .filter(|e| e.source == "S/RES/687(1991)")
        .map(|e| e.target.as_str())
        .collect();
    assert!(cited.contains(&"S/RES/660(1990)") && cited.contains(&"S/RES/686(1991)"));
    // Old General Assembly resolutions cited by the Council get their Roman session.
    assert!(g.node("A/RES/181(II)").is_some());
    // The UniteIdeas reference edges (machine-extracted in 2015, `source` cites `target`, by
    // resolution number) whose citing resolution is in this corpus: every one the text holds
    // is found. 571 (1985) -> 546 is not in 571's text (no `546` in it).
    let reference: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared(
            "corpus/uniteideas-sc-references/step07_output02.json",
        ))
        .expect("reference edges"),
    )
    .expect("JSON");
    let number =
        |id: &str| -> Option<u64> { id.strip_prefix("S/RES/")?.split('(').next()?.parse().ok() };
    let in_corpus: std::collections::HashSet<u64> = g
        .nodes()
        .into_iter()
        .filter(|n| n.in_corpus)
        .filter_map(|n| number(&n.id))
        .collect();
    let ours: std::collections::HashSet<(u64, u64)> = g
        .edges()
        .into_iter()
        .filter_map(|e| Some((number(&e.source)?, number(&e.target)?)))
        .collect();
    let edges = reference["edges"].as_array().expect("edges");
    let theirs: Vec<(u64, u64)> = edges
        .iter()
        .filter_map(|e| Some((e["source"].as_u64()?, e["target"].as_u64()?)))
        .filter(|(s, _)| in_corpus.contains(s))
        .collect();
    let missed: Vec<_> = theirs.iter().filter(|e| !ours.contains(e)).collect();
    assert_eq!(theirs.len(), 39);
    assert_eq!(missed, [&(571, 546)]);
}

/// A resolution cited with different dates takes the date that more citing files give than all
/// others together (the others stay listed and the node is marked); a tie leaves it undated.
#[test]
fn a_date_most_citing_files_give() {
    let doc = |n: u32, cited: &str| {
        let text = format!(
            "United Nations A/RES/79/{n}\n\nThe General Assembly,\n\nRecalling its resolution {cited},\n"
        );
        let mut d = resgraph::analyse_text(&text, None);
        d.file = format!("r{n}.txt");
        d
    };
    let docs = vec![
        doc(1, "72/256 of 24 December 2017"),
        doc(2, "72/256 of 24 December 2017"),
        doc(3, "72/256 of 24 December 2107"),
        doc(4, "74/54 of 12 December 2019"),
        doc(5, "74/54 of 19 December 2019"),
    ];
    let g = graph::build(docs);
    let node = |id: &str| {
        g.node(id)
            .unwrap_or_else(|| panic!("{id} not in the graph"))
    };
    let n = node("A/RES/72/256");
    assert_eq!(n.date.as_deref(), Some("2017-12-24"));
    assert_eq!(n.date_source.as_deref(), Some("cited"));
    assert!(n.date_conflict);
    assert_eq!(n.cited_dates, ["2017-12-24", "2107-12-24"]);
    let n = node("A/RES/74/54");
    assert_eq!(n.date, None);
    assert!(n.date_conflict);
}

/// A file that gives a date in several places counts once for it, and the warning lists every
/// place, by date, then file and offset, whatever order the documents came in.
#[test]
fn a_file_counts_once_for_a_date_and_every_place_is_listed() {
    let doc = |n: u32, file: &str, text: &str| {
        let text =
            format!("United Nations A/RES/79/{n}\n\nThe General Assembly,\n\nRecalling {text},\n");
        let mut d = resgraph::analyse_text(&text, None);
        d.file = file.to_string();
        d
    };
    let docs = vec![
        // Two places with 2107 in one file, one with 2017 in each of two others: by places
        // a tie, by files 2017 leads two to one.
        doc(
            1,
            "c.txt",
            "its resolution 72/256 of 24 December 2107 and again resolution 72/256 of 24 December 2107",
        ),
        doc(2, "b.txt", "its resolution 72/256 of 24 December 2017"),
        doc(3, "a.txt", "its resolution 72/256 of 24 December 2017"),
    ];
    // The places as the documents give them: (date, file, start).
    let mut places: Vec<(String, String, usize)> = docs
        .iter()
        .flat_map(|d| {
            d.mentions
                .iter()
                .filter(|m| m.symbol.id() == "A/RES/72/256")
                .map(|m| {
                    let date = m.date.map(|x| x.to_string()).unwrap_or_default();
                    (date, d.file.clone(), m.start)
                })
        })
        .collect();
    assert_eq!(places.len(), 4, "{places:?}");
    places.sort();
    let detail = ["2017-12-24", "2107-12-24"]
        .iter()
        .map(|date| {
            let at: Vec<String> = places
                .iter()
                .filter(|(d, _, _)| d == date)
                .map(|(_, f, s)| format!("{f}:{s}"))
                .collect();
            format!("{date} ({})", at.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let want = format!("A/RES/72/256: dates disagree: cited 2017-12-24; cited as {detail}");
    let forwards = graph::build(docs.clone());
    let backwards = graph::build(docs.into_iter().rev());
    for g in [&forwards, &backwards] {
        let n = g.node("A/RES/72/256").expect("the node");
        assert_eq!(n.date.as_deref(), Some("2017-12-24"));
        assert_eq!(n.cited_dates, ["2017-12-24", "2107-12-24"]);
        assert!(g.meta.warnings.contains(&want), "{:?}", g.meta.warnings);
    }
    assert_eq!(forwards.meta.warnings, backwards.meta.warnings);
}

/// The table of Council resolutions dates only the resolution it lists: an id whose year is
/// not the table's for its number (a slip of the number or of the year further off than one,
/// which the id would have followed) takes its date from the citing text, or none, and the
/// warnings say so. Read in `cr-unsc`: `84 (1993) of 29 January 1993` (for 804), `274 (1959)
/// of 11 December 1969` (for 274 of 1969), `resolution 587 (1991)` (for 687), each checked
/// in the text; and `696 (1991) of 30 May 1991`, which the table dates.
#[test]
fn the_council_table_dates_only_its_own_years() {
    let docs: Vec<resgraph::Document> = [
        "S_RES_0834_1993_EN_GOLD.txt",
        "S_RES_0281_1970_EN_GOLD.txt",
        "S_RES_0706_1991_EN_GOLD.txt",
    ]
    .iter()
    .map(|f| {
        resgraph::analyse_file(&shared(&format!("corpus/cr-unsc/res_en_gold/{f}")), None)
            .expect("readable corpus file")
    })
    .collect();
    let g = graph::build(docs);
    let node = |id: &str| g.node(id).unwrap_or_else(|| panic!("no node {id}"));
    let dated = |id: &str| {
        let n = node(id);
        (n.date.as_deref(), n.date_source.as_deref(), n.date_conflict)
    };
    assert_eq!(
        dated("S/RES/84(1993)"),
        (Some("1993-01-29"), Some("cited"), false)
    );
    assert_eq!(
        dated("S/RES/274(1959)"),
        (Some("1969-12-11"), Some("cited"), false)
    );
    assert_eq!(dated("S/RES/587(1991)"), (None, None, false));
    assert_eq!(
        dated("S/RES/696(1991)"),
        (Some("1991-05-30"), Some("table"), false)
    );
    let warned = |id: &str, table: &str| {
        g.meta.warnings.iter().any(|w| {
            w.starts_with(&format!(
                "{id}: the table of Council resolutions dates this number {table}"
            ))
        })
    };
    assert!(
        warned("S/RES/84(1993)", "1950-07-07"),
        "{:?}",
        g.meta.warnings
    );
    assert!(
        warned("S/RES/274(1959)", "1969-12-11"),
        "{:?}",
        g.meta.warnings
    );
    assert!(
        warned("S/RES/587(1991)", "1986-09-23"),
        "{:?}",
        g.meta.warnings
    );
    assert!(
        !g.meta
            .warnings
            .iter()
            .any(|w| w.starts_with("S/RES/696(1991)"))
    );
}
