//! No panic on any input: property tests over random and mutated text, and over random bytes
//! given to the readers. Extraction always returns; every mention's offsets are in bounds, on
//! character boundaries, and `text == content[start..end]`.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test no_panic` runs a long campaign (the
//! stable-toolchain complement of the cargo-fuzz targets in `fuzz/`); `PROPTEST_PDF_CASES` sets
//! the number of PDF cases, each of which runs pdftotext.

use proptest::prelude::*;
use resgraph::input::{self, ReadOptions};
use resgraph::lang::Lang;
use std::path::Path;

/// Pieces that UN texts are made of, and that trip matchers up.
const TOKENS: &[&str] = &[
    "resolution",
    "resolutions",
    "Resolution",
    "decision",
    "résolution",
    "Resolución",
    "резолюцию",
    "决议",
    "第",
    "号",
    "القرار",
    "its ",
    "the General Assembly",
    "Security Council ",
    "Human Rights Council ",
    "of ",
    "and ",
    "et ",
    "y ",
    "и ",
    "to ",
    "A to D ",
    " vom ",
    "du ",
    "de ",
    "del ",
    "70/1",
    "43/78 H",
    "1514 (XV)",
    "1325 (2000)",
    "3411 A and B (XXX)",
    "S-10/2",
    "ES-11/1",
    "A/78/265",
    "A/AC.292/2023/INF/5",
    "A/C.1/78/L.11/Rev.1",
    "S/RES/2334 (2016)",
    "E/CN.6/2019/",
    "A/77/895-S/2023/363",
    "and Corr.1",
    "2/56",
    "24-16433 (E)",
    "*2416433*",
    "__________________",
    "25 September 2015",
    "9. Dezember 1981",
    "1er janvier 2000",
    "2015,",
    ",1",
    "2",
    "20082",
    "(",
    ")",
    ",",
    ";",
    ".",
    ":",
    "/",
    "-",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\x0c",
    "\u{A0}",
    "\u{AD}",
    "\u{2009}",
    "\u{202F}",
    "\u{200B}",
    "\u{FEFF}",
    "７０／１",
    "٧٠/١",
    "۱۲",
    "１",
    "¹",
    "²",
    "1.",
    "12. ",
    "Recalling ",
    "Decides ",
    "Rappelant ",
    "Reaffirming ",
    "The General Assembly,\n",
    "annex",
    "ANNEX",
    "A/RES/79/100",
    "\u{301}",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "𝟏",
    "\u{0}",
    "\u{FFFD}",
    "A/78/\n",
    "resolu-\n",
    "tion ",
    "I",
    "V",
    "X",
    "XV",
    "(XXX)",
];

/// Cases per property: `var` from the environment, else `default`.
fn cases(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn token_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|v| v.concat())
}

fn check(content: &str, lang: Option<Lang>) -> Result<(), TestCaseError> {
    let doc = resgraph::analyse_text(content, lang);
    for m in &doc.mentions {
        prop_assert!(m.start <= m.end && m.end <= content.len(), "{m:?}");
        prop_assert!(content.is_char_boundary(m.start) && content.is_char_boundary(m.end));
        prop_assert_eq!(&content[m.start..m.end], m.text.as_str());
    }
    Ok(())
}

const SAMPLE: &str = "A/RES/79/100\n\nThe General Assembly,\n\nRecalling its resolutions \
    1514 (XV) of 14 December 1960, 1541 (XV) of 15 December 1960 and 78/102 of 7 December 2023,1\n\
    Taking note of the working paper (A/AC.109/2024/2),2 and Security Council resolutions \
    1325 (2000) and 2334 (2016),\n__________________\n1 Resolution 217 A (III).\n2 See A/78/265.\n\
    24-23545 (E)\n*2423545*\n\x0cA/RES/79/100\nQuestion of Anguilla\n\n1. Reaffirms its decision 31/301 \
    and resolutions 3411 A to D (XXX);\n";

/// Mutations of a real-looking text: token inserted, span deleted, byte range replaced.
fn mutated() -> impl Strategy<Value = String> {
    let op = (
        0usize..3,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        prop::sample::select(TOKENS),
    );
    prop::collection::vec(op, 1..12).prop_map(|ops| {
        let mut s = SAMPLE.to_string();
        for (kind, a, b, tok) in ops {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let i = a.index(bounds.len());
            let j = b.index(bounds.len());
            let (i, j) = (i.min(j), i.max(j));
            let lo = bounds[i];
            let hi = bounds[j.min(i + if kind == 1 { 40 } else { 8 })];
            match kind {
                0 => s.insert_str(lo, tok),
                1 => s.replace_range(lo..hi, ""),
                _ => s.replace_range(lo..hi, tok),
            }
        }
        s
    })
}

/// A heading whose distribution line follows a replacement character (a file with bytes that
/// were not text): the date after `Distr.` was looked for from inside that character. Found by
/// the `extract` fuzz target.
#[test]
fn distribution_line_after_a_replacement_character() {
    // No date on the lines after it, so the date is looked for on the distribution line itself.
    let text = "United Nations\nA/RES/77/36\n\nGeneral As\u{1}\0\0\0\0\0\u{FFFD}istr.: \
        General 12 December 2022\n12 Decembeh session\nAgenda item 94\n\n3. Decides to \
        include the item in the provisional agenda of its seventy-eighth session;\n";
    check(text, None).unwrap_or_else(|e| panic!("{e}"));
    check(text, Some(Lang::En)).unwrap_or_else(|e| panic!("{e}"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases("PROPTEST_CASES", 512)))]

    #[test]
    fn random_token_text(s in token_text(), l in 0usize..8) {
        check(&s, Lang::ALL.get(l).copied())?;
    }

    #[test]
    fn arbitrary_unicode(s in "\\PC{0,300}") {
        check(&s, None)?;
    }

    #[test]
    fn mutated_text(s in mutated(), l in 0usize..8) {
        check(&s, Lang::ALL.get(l).copied())?;
    }

    #[test]
    fn repair_map_is_monotone(s in token_text()) {
        if let Some(r) = input::repair::repair(&s) {
            let mut last = 0;
            for p in r.text.char_indices().map(|(i, _)| i).chain([r.text.len()]) {
                let (a, e) = (r.start(p), r.end(p));
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(e));
                prop_assert!(a >= last && e <= a);
                last = a;
            }
        }
    }

    #[test]
    fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), kind in 0usize..4) {
        let (name, mut data) = match kind {
            0 => ("x.txt", Vec::new()),
            1 => ("x.html", b"<html><body>".to_vec()),
            2 => ("x.docx", b"PK\x03\x04".to_vec()),
            _ => ("x.txt", vec![0xFF, 0xFE]),
        };
        data.extend(&bytes);
        if let Ok(i) = input::convert(Path::new(name), &data, &ReadOptions::default()) {
            check(&i.text, None)?;
        }
    }

    /// Catalogue exports (MARCXML, CSV of records) with random values, quotes, separators and
    /// broken markup: every record's mentions point into the file's text.
    #[test]
    fn catalogue_readers_never_panic(
        values in prop::collection::vec(
            prop_oneof![
                token_text(),
                Just("\"".to_string()),
                Just(",".to_string()),
                Just(";".to_string()),
                Just("\n".to_string()),
                Just("</subfield>".to_string()),
                Just("<subfield code=\"a\">".to_string()),
                Just("&amp;".to_string()),
                Just("<![CDATA[A/78/1]]>".to_string()),
            ],
            0..40,
        ),
        marc in any::<bool>(),
    ) {
        let (name, head) = if marc {
            (
                "x.xml",
                "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><datafield tag=\"993\" ind1=\"1\"><subfield code=\"a\">",
            )
        } else {
            ("x.csv", "symbol_191a,title_245a,related_documents_993a\nA/78/1,")
        };
        let data = format!("{head}{}", values.concat());
        if let Ok(i) = input::convert(Path::new(name), data.as_bytes(), &ReadOptions::default()) {
            let text = i.text.clone();
            for doc in resgraph::analyse_input_documents(i, None) {
                for m in &doc.mentions {
                    prop_assert!(m.start <= m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
                }
            }
        }
    }
}

proptest! {
    // Each case runs pdftotext: fewer of them.
    #![proptest_config(ProptestConfig::with_cases(cases("PROPTEST_PDF_CASES", 24)))]

    #[test]
    fn pdf_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let mut data = b"%PDF-1.7\n".to_vec();
        data.extend(&bytes);
        let _ = input::convert(Path::new("x.pdf"), &data, &ReadOptions::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases("PROPTEST_CASES", 256)))]

    /// An old Word file (the `res.doc` fixture) with bytes overwritten and at times its end cut
    /// off: the
    /// reader returns text or an error, never panics (called directly, not through the guard
    /// that turns a reader's panic into an error).
    #[test]
    fn doc_reader_never_panics(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
        cut in prop::option::weighted(0.2, 0.5f64..1.0),
    ) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/doc/res.doc");
        let mut data = std::fs::read(path).expect("tests/data/doc/res.doc");
        for (at, b) in &edits {
            let i = at.index(data.len());
            data[i] = *b;
        }
        if let Some(keep) = cut {
            data.truncate((data.len() as f64 * keep) as usize);
        }
        if let Ok(text) = input::doc::to_text(&data) {
            check(&text, None)?;
        }
    }
}
