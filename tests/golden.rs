//! Golden tests on real documents of `../shared`: the seed (German A/RES/78/237), a GA resolution
//! extracted from its PDF (A/RES/79/40) and a Security Council resolution (687 (1991)). Every
//! expectation was checked by reading the text.

mod common;

use resgraph::layout::Part;
use std::path::PathBuf;

/// A file of `../shared`; fails loudly when the shared folder is not beside the checkout.
fn shared(rel: &str) -> PathBuf {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(rel);
    assert!(
        p.exists(),
        "missing {}: the tests read the shared corpus from ../shared beside the checkout",
        p.display()
    );
    p
}

fn analyse(rel: &str) -> resgraph::Document {
    resgraph::analyse_file(&shared(rel), None).expect("readable test document")
}

const SEED: &str = "seed/000_0f97d8b438b47207.txt";

#[test]
fn seed_opening_list_with_dates() {
    let doc = analyse(SEED);
    let list: Vec<(String, String)> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.part == Part::Preamble)
        .map(common::id_and_date)
        .collect();
    let expected = [
        ("A/RES/36/103", "1981-12-09"),
        ("A/RES/43/78H", "1988-12-07"),
        ("A/RES/53/70", "1998-12-04"),
        ("A/RES/54/49", "1999-12-01"),
        ("A/RES/55/28", "2000-11-20"),
        ("A/RES/56/19", "2001-11-29"),
        ("A/RES/57/53", "2002-11-22"),
        ("A/RES/58/32", "2003-12-08"),
        ("A/RES/59/61", "2004-12-03"),
        ("A/RES/60/45", "2005-12-08"),
        ("A/RES/61/54", "2006-12-06"),
        ("A/RES/62/17", "2007-12-05"),
        ("A/RES/63/37", "2008-12-02"),
        ("A/RES/64/25", "2009-12-02"),
        ("A/RES/65/41", "2010-12-08"),
        ("A/RES/66/24", "2011-12-02"),
        ("A/RES/67/27", "2012-12-03"),
        ("A/RES/68/243", "2013-12-27"),
        ("A/RES/69/28", "2014-12-02"),
        ("A/RES/70/237", "2015-12-23"),
        ("A/RES/71/28", "2016-12-05"),
        ("A/RES/73/27", "2018-12-05"),
        ("A/RES/74/29", "2019-12-12"),
        ("A/RES/75/240", "2020-12-31"),
        ("A/RES/76/19", "2021-12-06"),
        ("A/RES/77/36", "2022-12-07"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(list, expected);
    assert!(
        doc.mentions
            .iter()
            .filter(|m| m.clause.part == Part::Preamble)
            .all(|m| m.clause.verb.as_deref() == Some("recalling"))
    );
}

#[test]
fn seed_everything_else_it_cites() {
    let doc = analyse(SEED);
    let rest: Vec<(String, Part, Option<u32>)> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.part != Part::Preamble)
        .map(|m| (m.symbol.id(), m.clause.part, m.clause.paragraph))
        .collect();
    assert_eq!(
        rest,
        vec![
            ("A/78/404".to_string(), Part::Heading, None),
            ("A/RES/75/240".to_string(), Part::Operative, Some(1)),
            ("A/78/265".to_string(), Part::Footnote, Some(1)),
            ("A/AC.292/2023/INF/5".to_string(), Part::Footnote, Some(2)),
        ]
    );
    let text = std::fs::read_to_string(shared(SEED)).expect("seed");
    for m in &doc.mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    let op = doc
        .mentions
        .iter()
        .find(|m| m.clause.part == Part::Operative)
        .expect("operative mention");
    assert_eq!(op.text, "Resolution 75/240 der Generalversammlung");
    assert_eq!(op.clause.verb.as_deref(), Some("supports"));
}

#[test]
fn seed_identity() {
    let info = analyse(SEED).info;
    assert_eq!(info.id.as_deref(), Some("A/RES/78/237"));
    assert_eq!(info.body.as_deref(), Some("GA"));
    assert_eq!(info.session, Some(78));
    assert_eq!(
        info.adopted.map(|d| d.to_string()).as_deref(),
        Some("2023-12-22")
    );
    assert_eq!(
        info.issued.map(|d| d.to_string()).as_deref(),
        Some("2023-12-28")
    );
    assert_eq!(info.agenda_item.as_deref(), Some("94"));
    assert_eq!(info.report.as_deref(), Some("A/78/404"));
    assert_eq!(info.language, resgraph::lang::Lang::De);
    assert!(
        info.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Entwicklungen auf dem Gebiet der Information"))
    );
}

#[test]
fn ga_79_40_from_pdf_text() {
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_79_40.txt");
    let got: Vec<(String, Option<String>, Part, Option<String>)> = doc
        .mentions
        .iter()
        .map(|m| {
            (
                m.symbol.id(),
                m.date.map(|d| d.to_string()),
                m.clause.part,
                m.clause.verb.as_deref().map(str::to_string),
            )
        })
        .collect();
    let d = |s: &str| Some(s.to_string());
    let expected = vec![
        ("A/79/408", None, Part::Heading, None),
        (
            "A/RES/78/46",
            d("2023-12-04"),
            Part::Preamble,
            d("recalling"),
        ),
        (
            "A/RES/56/24V",
            d("2001-12-24"),
            Part::Preamble,
            d("recalling"),
        ),
        ("A/CONF.192/15", None, Part::Footnote, None),
        ("A/DEC/60/519", None, Part::Footnote, None),
        ("A/60/88", None, Part::Footnote, None),
        ("A/60/88/Corr.2", None, Part::Footnote, None),
        (
            "A/RES/77/71",
            d("2022-12-07"),
            Part::Preamble,
            d("reaffirming"),
        ),
        ("A/CONF.192/2024/RC/3", None, Part::Footnote, None),
        (
            "A/RES/78/47",
            d("2023-12-04"),
            Part::Preamble,
            d("recalling"),
        ),
        (
            "A/RES/76/233",
            d("2021-12-24"),
            Part::Preamble,
            d("recalling"),
        ),
        ("A/79/77", None, Part::Footnote, None),
        ("A/78/111", None, Part::Footnote, None),
        (
            "A/RES/60/81",
            d("2005-12-08"),
            Part::Operative,
            d("encourages"),
        ),
        ("A/62/163", None, Part::Footnote, None),
        ("A/62/163/Corr.1", None, Part::Footnote, None),
        ("A/RES/70/1", None, Part::Footnote, None),
        ("A/RES/77/71", None, Part::Operative, d("recalls")),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(a, b, c, e)| (a.to_string(), b, c, e))
        .collect();
    assert_eq!(got, expected);
    // The running headers `A/RES/79/40` on every page are the document itself.
    assert_eq!(doc.info.id.as_deref(), Some("A/RES/79/40"));
    assert_eq!(doc.info.agenda_item.as_deref(), Some("98 (p)"));
    assert_eq!(doc.info.report.as_deref(), Some("A/79/408"));
    assert_eq!(
        doc.info.adopted.map(|d| d.to_string()).as_deref(),
        Some("2024-12-02")
    );
    assert_eq!(
        doc.info.issued.map(|d| d.to_string()).as_deref(),
        Some("2024-12-09")
    );
    let last = doc.mentions.last().expect("mentions");
    assert_eq!(last.clause.paragraph, Some(24));
}

#[test]
fn sc_687_recalls_thirteen_resolutions_with_dates() {
    let doc = analyse("corpus/cr-unsc/res_en_gold/S_RES_0687_1991_EN_GOLD.txt");
    assert_eq!(doc.info.id.as_deref(), Some("S/RES/687(1991)"));
    // "of 3 Apri] 1991": the OCR broke the heading date; the table knows it.
    assert_eq!(
        doc.info.adopted.map(|d| d.to_string()).as_deref(),
        Some("1991-04-03")
    );
    let first: Vec<(String, String)> = doc
        .mentions
        .iter()
        .take(13)
        .map(common::id_and_date)
        .collect();
    let expected = [
        ("S/RES/660(1990)", "1990-08-02"),
        ("S/RES/661(1990)", "1990-08-06"),
        ("S/RES/662(1990)", "1990-08-09"),
        ("S/RES/664(1990)", "1990-08-18"),
        ("S/RES/665(1990)", "1990-08-25"),
        ("S/RES/666(1990)", "1990-09-13"),
        ("S/RES/667(1990)", "1990-09-16"),
        ("S/RES/669(1990)", "1990-09-24"),
        ("S/RES/670(1990)", "1990-09-25"),
        ("S/RES/674(1990)", "1990-10-29"),
        ("S/RES/677(1990)", "1990-11-28"),
        ("S/RES/678(1990)", "1990-11-29"),
        ("S/RES/686(1991)", "1991-03-02"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(first, expected);
    let count = |id: &str| doc.mentions.iter().filter(|m| m.symbol.id() == id).count();
    // 661 (1990): once in the list, seven times in the text (one broken across lines).
    assert_eq!(count("S/RES/661(1990)"), 8);
    assert_eq!(count("S/RES/678(1990)"), 4);
    assert_eq!(count("S/RES/686(1991)"), 6);
    assert_eq!(doc.mentions.len(), 28);
}

#[test]
fn sc_42_cites_ga_181_old_style() {
    let doc = analyse("corpus/cr-unsc/res_en_gold/S_RES_0042_1948_EN_GOLD.txt");
    // `42 (1948). Resolution of 5 March 1948` is the document itself.
    assert_eq!(doc.info.id.as_deref(), Some("S/RES/42(1948)"));
    assert_eq!(
        doc.info.adopted.map(|d| d.to_string()).as_deref(),
        Some("1948-03-05")
    );
    let ga: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| m.symbol.body() == resgraph::symbol::Body::GA)
        .collect();
    assert_eq!(ga.len(), 1);
    assert_eq!(ga[0].symbol.id(), "A/RES/181(II)");
    assert_eq!(
        ga[0].date.map(|d| d.to_string()).as_deref(),
        Some("1947-11-29")
    );
    assert!(
        doc.mentions
            .iter()
            .all(|m| m.symbol.id() != "S/RES/42(1948)")
    );
}

#[test]
fn clauses_of_a_text_without_blank_lines() {
    let text = "United Nations A/RES/70/99\nThe General Assembly,\nRecalling its resolution 69/5 of 2 December 2014,\nNoting resolution 68/1,\n1. Decides to recall resolution 67/1;\n2. Requests the Secretary-General to report, in line with resolution 66/1.\n";
    let got = common::clauses_of_text(text);
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            ("A/RES/69/5".into(), Part::Preamble, Some(1), s("recalling")),
            ("A/RES/68/1".into(), Part::Preamble, Some(2), s("noting")),
            ("A/RES/67/1".into(), Part::Operative, Some(1), s("decides")),
            ("A/RES/66/1".into(), Part::Operative, Some(2), s("requests")),
        ]
    );
}

/// Text that `pdftotext` wrote without `-layout` (or an export that lost its blank lines):
/// a heading with blank lines, then paragraphs one after the other, each opening with its verb
/// (`Reaffirming`, `Expressing`), the paragraph numbers alone on their lines (`1.`), one under a
/// subheading (`Designation Criteria` / `3.`), and a paragraph broken over lines after a comma.
/// Written for this test after S/2017/142 as `pdftotext` gives it.
#[test]
fn clauses_of_text_without_blank_lines_between_paragraphs() {
    let text = "S/2017/142\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n23 February 2017\n\n\
        draft resolution\nThe Security Council,\n\
        Recalling its resolutions 2014 (2011) and 2051 (2012),\n\
        Reaffirming its strong commitment to the unity of Yemen,\n\
        Expressing concern at the ongoing challenges, including threats\n\
        arising from the illicit transfer of weapons, 1\n\
        Acting under Chapter VII of the Charter of the United Nations,\n\
        1.\nReaffirms the need for the full implementation of resolution 2140 (2014);\n\
        2.\nDecides to renew the measures imposed by\nresolution 2216 (2015);\n\
        Designation Criteria\n\
        3.\nReaffirms that paragraph 14 of resolution 2216 (2015) shall apply;\n";
    let got = common::clauses_of_text(text);
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (
                "S/RES/2014(2011)".into(),
                Part::Preamble,
                Some(1),
                s("recalling")
            ),
            (
                "S/RES/2051(2012)".into(),
                Part::Preamble,
                Some(1),
                s("recalling")
            ),
            (
                "S/RES/2140(2014)".into(),
                Part::Operative,
                Some(1),
                s("reaffirms")
            ),
            (
                "S/RES/2216(2015)".into(),
                Part::Operative,
                Some(2),
                s("decides")
            ),
            (
                "S/RES/2216(2015)".into(),
                Part::Operative,
                Some(3),
                s("reaffirms")
            ),
        ]
    );
    // The preamble's paragraphs are counted apart: a fourth opens with `Acting`.
    let doc = resgraph::analyse_text(
        &text.replace("Charter of the United Nations", "resolution 2266 (2016)"),
        None,
    );
    let acting = doc
        .mentions
        .iter()
        .find(|m| m.symbol.id() == "S/RES/2266(2016)");
    assert_eq!(acting.map(|m| m.clause.paragraph), Some(Some(4)));
}

#[test]
fn drafts_have_no_adoption_date() {
    // A/C.6/80/L.22 recalls the Strategy "adopted on 8 September 2006" in its preamble, and
    // A/C.1/80/L.22 the Outcome "adopted at the high-level plenary meeting ... on 16 September
    // 2005": neither is the draft's own adoption. Read from the heading: issued 14 November and
    // 13 October 2025.
    for (file, id, issued) in [
        ("A_C.6_80_L.22.txt", "A/C.6/80/L.22", "2025-11-14"),
        ("A_C.1_80_L.22.txt", "A/C.1/80/L.22", "2025-10-13"),
    ] {
        let info = analyse(&format!("corpus/mandate-pipeline-ga/drafts_text/{file}")).info;
        assert_eq!(info.id.as_deref(), Some(id));
        assert_eq!(info.adopted, None, "{id}");
        assert_eq!(info.issued.map(|d| d.to_string()).as_deref(), Some(issued));
    }
}

/// The ids and dates a document gives for the mentions whose text holds `needle`.
fn cited_with(rel: &str, needle: &str) -> Vec<(String, String)> {
    analyse(rel)
        .mentions
        .iter()
        .filter(|m| m.text.contains(needle))
        .map(common::id_and_date)
        .collect()
}

#[test]
fn commissions_named_before_a_page_break_or_referred_back_to() {
    // A/RES/80/229, preamble: "recalling Commission on Crime Prevention and Criminal Justice",
    // then four footnotes, the running header and page 14/27, then "resolutions 28/3 of 24 May
    // 201947 and 31/1 of 20 May 2022,48 and taking note of the report pursuant to Commission
    // resolution 31/1".
    let rel = "corpus/mandate-pipeline-ga/resolutions_text/A_RES_80_229.txt";
    let got = [cited_with(rel, "28/3"), cited_with(rel, "31/1")].concat();
    let want = [
        ("E/CN.15/RES/28/3", "2019-05-24"),
        ("E/CN.15/RES/31/1", "2022-05-20"),
        ("E/CN.15/RES/31/1", ""),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    // A/RES/78/203: "those of the Commission on Human Rights on the right to development, in
    // particular Commission resolution 1998/72 of 22 April 1998" (preamble), and operative
    // paragraph 4: "established by the Commission on Human Rights in its" / footnotes, header,
    // page 6/12 / "resolution 1998/72".
    let got = cited_with(
        "corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_203.txt",
        "1998/72",
    );
    let want = [
        ("E/CN.4/RES/1998/72", "1998-04-22"),
        ("E/CN.4/RES/1998/72", ""),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn lists_go_on_across_page_breaks_inside_their_dates() {
    // A/RES/78/7, preamble 6 (read from the text): "Recalling its resolutions 47/19 of 24
    // November 1992, ... 51/17 of 12 November" / running header (symbol, a title that occurs
    // once, job number, page 2/2) / "1996, 52/10 of 5 November 1997, ... 75/289 of 23 June 2021
    // and 77/7 of 3 November 2022 and its decision 76/563 of 11 May 2022".
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_7.txt");
    let got: Vec<(String, String)> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.part == Part::Preamble && m.clause.paragraph == Some(6))
        .map(common::id_and_date)
        .collect();
    let want = [
        ("A/RES/47/19", "1992-11-24"),
        ("A/RES/48/16", "1993-11-03"),
        ("A/RES/49/9", "1994-10-26"),
        ("A/RES/50/10", "1995-11-02"),
        ("A/RES/51/17", "1996-11-12"),
        ("A/RES/52/10", "1997-11-05"),
        ("A/RES/53/4", "1998-10-14"),
        ("A/RES/54/21", "1999-11-09"),
        ("A/RES/55/20", "2000-11-09"),
        ("A/RES/56/9", "2001-11-27"),
        ("A/RES/57/11", "2002-11-12"),
        ("A/RES/58/7", "2003-11-04"),
        ("A/RES/59/11", "2004-10-28"),
        ("A/RES/60/12", "2005-11-08"),
        ("A/RES/61/11", "2006-11-08"),
        ("A/RES/62/3", "2007-10-30"),
        ("A/RES/63/7", "2008-10-29"),
        ("A/RES/64/6", "2009-10-28"),
        ("A/RES/65/6", "2010-10-26"),
        ("A/RES/66/6", "2011-10-25"),
        ("A/RES/67/4", "2012-11-13"),
        ("A/RES/68/8", "2013-10-29"),
        ("A/RES/69/5", "2014-10-28"),
        ("A/RES/70/5", "2015-10-27"),
        ("A/RES/71/5", "2016-10-26"),
        ("A/RES/72/4", "2017-11-01"),
        ("A/RES/73/8", "2018-11-01"),
        ("A/RES/74/7", "2019-11-07"),
        ("A/RES/75/289", "2021-06-23"),
        ("A/RES/77/7", "2022-11-03"),
        ("A/DEC/76/563", "2022-05-11"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    // The mention broken by the page break ends before it: no furniture in its text.
    let m = doc
        .mentions
        .iter()
        .find(|m| m.symbol.id() == "A/RES/51/17")
        .expect("51/17 found");
    assert_eq!(m.text, "51/17 of 12 November");

    // A/RES/78/304: "61/276 of 29 June" / footnotes 1-2 (A/78/582 and A/78/720; A/78/744/Add.1)
    // and the header / "2007, 64/269 of 24 June 2010, ... and 76/274 of 29 June 2022"; the
    // footnotes' symbols are still read.
    let rel = "corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_304.txt";
    let ids: Vec<(String, String)> = analyse(rel)
        .mentions
        .iter()
        .map(common::id_and_date)
        .collect();
    for (id, date) in [
        ("A/RES/61/276", "2007-06-29"),
        ("A/78/582", ""),
        ("A/78/720", ""),
        ("A/78/744/Add.1", ""),
        ("A/RES/64/269", "2010-06-24"),
        ("A/RES/76/274", "2022-06-29"),
    ] {
        assert!(
            ids.contains(&(id.to_string(), date.to_string())),
            "{id} {date} not in {ids:?}"
        );
    }
}

#[test]
fn drafts_have_the_title_after_their_sponsors() {
    // Read from each heading: the lines after "Iraq:* draft resolution", after the two-line
    // "Draft resolution submitted by the Chair of the Committee following / informal
    // consultations", after "Ukraine:* amendment to draft resolution A/80/L.3", and after a
    // sponsors' paragraph that runs on past its colon (`... Sweden:* amendment to draft` /
    // `resolution 6 recommended by the Second Committee in its report contained in` /
    // `document A/80/555`).
    for (file, title) in [
        (
            "A_C.3_80_L.13.txt",
            "Follow-up to the thirtieth anniversary of the International Year of the Family and beyond",
        ),
        ("A_C.5_80_L.8.txt", "Working Capital Fund for 2026"),
        (
            "A_80_L.28.txt",
            "Persistent legacy of the Chernobyl disaster",
        ),
        (
            "A_80_L.39.txt",
            "External debt sustainability and development",
        ),
        (
            "A_80_L.40.txt",
            "Implementation of the Convention on the Rights of Persons with Disabilities and the \
             Optional Protocol thereto: amplified barriers in diverse contexts",
        ),
    ] {
        let info = analyse(&format!("corpus/mandate-pipeline-ga/drafts_text/{file}")).info;
        assert_eq!(info.title.as_deref(), Some(title), "{file}");
    }
}

#[test]
fn heading_lines_run_together() {
    // railcar-ga80/A_RES_80_11.md writes its heading on few lines: "General Assembly Distr.:
    // General 1 December 2025", "Eightieth session Agenda item 62 Peacebuilding and sustaining
    // peace", "Resolution adopted by the General Assembly on 26 November 2025".
    let info = analyse("corpus/railcar-ga80/A_RES_80_11.md").info;
    assert_eq!(info.id.as_deref(), Some("A/RES/80/11"));
    assert_eq!(
        info.issued.map(|d| d.to_string()).as_deref(),
        Some("2025-12-01")
    );
    assert_eq!(info.agenda_item.as_deref(), Some("62"));
    assert_eq!(
        info.adopted.map(|d| d.to_string()).as_deref(),
        Some("2025-11-26")
    );
    assert_eq!(
        info.title.as_deref(),
        Some("2025 review of the United Nations peacebuilding architecture")
    );
}

#[test]
fn doubled_part_letters_keep_a_list_going() {
    // A/RES/78/24, preamble 1 (read from the text): "Recalling its resolutions 49/75 I of 15
    // December 1994, 50/70 F of 12 December 1995, 51/45 C of 10 December 1996, 52/38 F of 9
    // December 1997, 53/77 AA of 4 December 1998, 54/54 U of 1 December 1999, ... 76/38 of 6
    // December 2021 and 77/46 of 7 December 2022, as well as its decisions 58/521 ...".
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_24.txt");
    let got: Vec<(String, String)> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.part == Part::Preamble && m.clause.paragraph == Some(1))
        .filter(|m| m.symbol.id().starts_with("A/RES/"))
        .map(common::id_and_date)
        .collect();
    let want = [
        ("A/RES/49/75I", "1994-12-15"),
        ("A/RES/50/70F", "1995-12-12"),
        ("A/RES/51/45C", "1996-12-10"),
        ("A/RES/52/38F", "1997-12-09"),
        ("A/RES/53/77AA", "1998-12-04"),
        ("A/RES/54/54U", "1999-12-01"),
        ("A/RES/55/33M", "2000-11-20"),
        ("A/RES/56/24D", "2001-11-29"),
        ("A/RES/57/61", "2002-11-22"),
        ("A/RES/59/71", "2004-12-03"),
        ("A/RES/61/60", "2006-12-06"),
        ("A/RES/62/29", "2007-12-05"),
        ("A/RES/65/66", "2010-12-08"),
        ("A/RES/72/49", "2017-12-04"),
        ("A/RES/73/42", "2018-12-05"),
        ("A/RES/74/56", "2019-12-12"),
        ("A/RES/75/44", "2020-12-07"),
        ("A/RES/76/38", "2021-12-06"),
        ("A/RES/77/46", "2022-12-07"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    let label = doc
        .mentions
        .iter()
        .find(|m| m.symbol.id() == "A/RES/53/77AA")
        .map(|m| m.symbol.label());
    assert_eq!(label.as_deref(), Some("53/77 AA"));
}

#[test]
fn lists_after_a_two_line_running_title_and_two_digit_markers() {
    // A/RES/78/253, section XI, operative 3 (read from the text): "... mandated by the Human
    // Rights Council in its resolutions" / footnotes 29-32, the running title in two lines
    // ("Special subjects relating to the proposed programme budget" / "for 2024"), symbol, page
    // 11/25, job number / "52/14 of 3 April 2023,33 53/28 of 4 April 2023,34 53/29 of 14 July
    // 2023,35 54/9 of 11 October 202336 and 54/18,37 54/22,38 54/2639 and 54/3340 of 12 October
    // 2023;" with footnotes 33-40 at the foot of that page.
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_253.txt");
    let got: Vec<(String, String)> = doc
        .mentions
        .iter()
        .filter(|m| m.symbol.id().starts_with("A/HRC/RES/"))
        .map(common::id_and_date)
        .collect();
    let want = [
        ("A/HRC/RES/52/14", "2023-04-03"),
        ("A/HRC/RES/53/28", "2023-04-04"),
        ("A/HRC/RES/53/29", "2023-07-14"),
        ("A/HRC/RES/54/9", "2023-10-11"),
        ("A/HRC/RES/54/18", ""),
        ("A/HRC/RES/54/22", ""),
        ("A/HRC/RES/54/26", ""),
        ("A/HRC/RES/54/33", "2023-10-12"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    // The first mention starts at its number, after the page break, not at the keyword.
    let first = doc
        .mentions
        .iter()
        .find(|m| m.symbol.id() == "A/HRC/RES/52/14")
        .map(|m| m.text.as_str());
    assert_eq!(first, Some("52/14 of 3 April 2023"));

    // A/RES/79/258: "in its resolutions 55/2831 and 55/29" / "of 5 April 2024,32 ...", with
    // footnotes 29-35 on the page: 55/28 and note 31, not 55/283 and note 1.
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_79_258.txt");
    let got: Vec<String> = doc
        .mentions
        .iter()
        .map(|m| m.symbol.id())
        .filter(|id| id.starts_with("A/HRC/RES/55/"))
        .collect();
    assert_eq!(got, ["A/HRC/RES/55/28", "A/HRC/RES/55/29"]);

    // A/RES/78/18, preamble 18: the header of page 3 writes the symbol twice
    // ("A/RES/78/18A/RES/78/18") under the running title; the list of 32 resolutions goes on.
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_18.txt");
    let list: Vec<&resgraph::extract::Mention> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.part == Part::Preamble && m.clause.paragraph == Some(18))
        .collect();
    assert_eq!(list.len(), 33);
    assert_eq!(
        common::id_and_date(list[2]),
        ("A/RES/47/50".to_string(), "1992-12-09".to_string())
    );
    assert_eq!(list[2].text, "47/50 of");
    assert_eq!(
        common::id_and_date(list[32]),
        ("A/RES/77/39".to_string(), "2022-12-07".to_string())
    );
}

#[test]
fn two_extractions_of_the_same_resolutions_agree() {
    // railcar-ga80 holds A/RES/80/1-55 as extracted by another run of PyMuPDF (many reflowed,
    // page headers dropped but for a running title standing alone, as in 80/4: "51/17 of 12
    // November" / "Necessity of ending the economic, commercial and financial" / "1996, 52/10
    // ..."); mandate-pipeline-ga holds the same 55 with their page furniture (80/16's running
    // title names resolution 75/240 in three lines between its symbol and job number: no
    // citation). Both must give the same references with the same dates.
    use std::collections::BTreeMap;
    let count = |doc: &resgraph::Document| {
        let mut m: BTreeMap<(String, String), usize> = BTreeMap::new();
        for x in &doc.mentions {
            *m.entry(common::id_and_date(x)).or_default() += 1;
        }
        m
    };
    let mut compared = 0;
    for n in 1..=55 {
        let railcar = analyse(&format!("corpus/railcar-ga80/A_RES_80_{n}.md"));
        let mandate = analyse(&format!(
            "corpus/mandate-pipeline-ga/resolutions_text/A_RES_80_{n}.txt"
        ));
        let (a, b) = (count(&railcar), count(&mandate));
        assert_eq!(a, b, "A/RES/80/{n}");
        compared += 1;
    }
    assert_eq!(compared, 55);
}

#[test]
fn a_three_line_running_title_between_symbol_and_job_number() {
    // A/RES/79/328, preamble 4 (read from the text): "Recalling Human Rights Council resolutions
    // 7/25 of 28 March 2008,3 22/22 of 22 March 2013, 4 28/34 of 27 March 2015, 5 37/26 of 23
    // March 2018, 6 43/29 of" / footnotes 1-6, the symbol, a running title of three lines, job
    // number, page 2/2 / "22 June 2020,7 49/9 of 31 March 20228 and 55/13 of 3 April 20249 on
    // the prevention of genocide,".
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_79_328.txt");
    let got: Vec<(String, String)> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.part == Part::Preamble && m.clause.paragraph == Some(4))
        .map(common::id_and_date)
        .collect();
    let want = [
        ("A/HRC/RES/7/25", "2008-03-28"),
        ("A/HRC/RES/22/22", "2013-03-22"),
        ("A/HRC/RES/28/34", "2015-03-27"),
        ("A/HRC/RES/37/26", "2018-03-23"),
        ("A/HRC/RES/43/29", "2020-06-22"),
        ("A/HRC/RES/49/9", "2022-03-31"),
        ("A/HRC/RES/55/13", "2024-04-03"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

type SectionClause = (Option<String>, Part, Option<u32>, Option<String>);

/// The clauses of the mentions of `id` in a document: section, part, paragraph and verb.
fn clauses_of(doc: &resgraph::Document, id: &str) -> Vec<SectionClause> {
    doc.mentions
        .iter()
        .filter(|m| m.symbol.id() == id)
        .map(|m| {
            let (_, part, paragraph, verb) = common::clause_of(m);
            let section = m.clause.section.map(|s| s.to_string());
            (section, part, paragraph, verb)
        })
        .collect()
}

#[test]
fn sections_number_their_own_paragraphs() {
    // A/RES/80/243 (questions relating to the programme budget) has sections I-XVI, each a
    // title, its own preamble and operative paragraphs from 1 (read in the text: section II
    // from line 80, X from line 712, XII from line 906).
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_80_243.txt");
    let s = |x: &str| Some(x.to_string());
    let want = [
        (
            "A/RES/37/240",
            (s("I"), Part::Preamble, Some(1), s("recalling")),
        ),
        (
            "A/RES/64/243",
            (s("II"), Part::Preamble, Some(1), s("recalling")),
        ),
        (
            "A/RES/79/258A",
            (s("X"), Part::Operative, Some(12), s("recalls")),
        ),
        (
            "A/RES/76/246A",
            (s("XII"), Part::Operative, Some(12), s("recalls")),
        ),
    ];
    for (id, clause) in want {
        let found = clauses_of(&doc, id);
        assert!(found.contains(&clause), "{id}: {found:?}");
    }
    // 79/258 A is recalled in the first paragraph of sections II and IV to X, in paragraph 12
    // of section X, and by the one unnumbered paragraph of section XXIV (`Recalls its
    // resolution 79/258 A, in which the level of the contingency fund ...`), which is
    // operative: nowhere in an operative paragraph of another section.
    let operative: Vec<_> = clauses_of(&doc, "A/RES/79/258A")
        .into_iter()
        .filter(|c| c.1 == Part::Operative)
        .collect();
    assert_eq!(
        operative,
        [
            (s("X"), Part::Operative, Some(12), s("recalls")),
            (s("XXIV"), Part::Operative, None, s("recalls")),
        ]
    );
    // A resolution without sections has none.
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_219.txt");
    assert!(doc.mentions.iter().all(|m| m.clause.section.is_none()));
}

#[test]
fn an_unnumbered_decision_is_operative() {
    // S/RES/119 (1956): two preambular paragraphs (`Considering ...`, `Taking into account
    // ...`), then one unnumbered operative paragraph, `Decides to call an emergency special
    // session of the General Assembly, as provided in General Assembly resolution 377 A (V) of
    // 3 November 1950 ...`.
    let doc = analyse("corpus/cr-unsc/res_en_gold/S_RES_0119_1956_EN_GOLD.txt");
    assert_eq!(
        clauses_of(&doc, "A/RES/377A(V)"),
        [(None, Part::Operative, None, Some("decides".to_string()))]
    );
}

#[test]
fn a_list_after_a_page_break_stays_in_its_clause() {
    // A/RES/78/219: preambular paragraph 3 (`Recalling also its previous resolutions ...`)
    // lists Human Rights Council resolutions up to `47/1 of 12 July 2021,7`; footnotes and the
    // page's furniture follow, and the list goes on with `46/21 of 24 March 2021`.
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_219.txt");
    let s = |x: &str| Some(x.to_string());
    for id in ["A/HRC/RES/47/1", "A/HRC/RES/46/21"] {
        assert_eq!(
            clauses_of(&doc, id),
            [(None, Part::Preamble, Some(3), s("recalling"))],
            "{id}"
        );
    }
    // A/RES/80/229: after a page break, `reducing` (lower case, no clause verb) goes on with
    // the paragraph before it; `Welcoming the high-level debates ...` opens the next.
    let doc = analyse("corpus/mandate-pipeline-ga/resolutions_text/A_RES_80_229.txt");
    let welcoming: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| m.clause.verb.as_deref() == Some("reducing"))
        .collect();
    assert!(welcoming.is_empty(), "{welcoming:?}");
}

/// A file whose text does not name itself is named after its file: two Council resolutions
/// whose heading the OCR damaged (`Resolution 361 (197-4)`) and Council drafts whose record
/// holds a job number (`17-08449`) instead of the symbol. Where the text names itself, the text
/// wins, and every file name of the corpus that reads as a symbol gives the same one but two:
/// two files of `cr-unsc` hold another resolution's text (S_RES_0542_1983 is 538 (1983),
/// S_RES_0778_1992 is 773 (1992): checked by reading). 434 (1978), headed `Resolution 434
/// (1973)` / `of 18 September 1978`, is 434 (1978) by the table of Council resolutions, which
/// dates 434 to that day; its heading is not a citation. No other name (an index, a data table,
/// an export) reads as a symbol.
#[test]
fn documents_named_after_their_files() {
    let doc = analyse("corpus/cr-unsc/res_en_gold/S_RES_0361_1974_EN_GOLD.txt");
    assert_eq!(doc.info.id.as_deref(), Some("S/RES/361(1974)"));
    let doc = analyse("corpus/cr-unsc/res_en_gold/S_RES_0434_1978_EN_GOLD.txt");
    assert_eq!(doc.info.id.as_deref(), Some("S/RES/434(1978)"));
    assert!(
        doc.mentions
            .iter()
            .all(|m| !m.symbol.id().starts_with("S/RES/434("))
    );
    assert_eq!(doc.mentions.len(), 11);
    let doc = analyse("corpus/unbench-unsc-drafts/task2/2163/S_2017_444-EN.json");
    assert_eq!(doc.info.id.as_deref(), Some("S/2017/444"));
    assert_eq!(doc.info.body.as_deref(), Some("SC"));
    let opts = resgraph::corpus::Options {
        jobs: 2,
        ..Default::default()
    };
    // The ids each file gives (several for a catalogue export).
    let mut ids: std::collections::BTreeMap<String, Vec<Option<String>>> = Default::default();
    resgraph::corpus::analyse_paths(
        &[shared("corpus")],
        &opts,
        |doc| ids.entry(doc.file.clone()).or_default().push(doc.info.id),
        |_| {},
        |_| {},
    );
    let (mut named, mut agree) = (0, 0);
    let mut differ = Vec::new();
    for (file, ids) in &ids {
        let path = std::path::Path::new(file);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(sym) = resgraph::document::symbol_from_file_name(path) else {
            assert!(
                !(name.starts_with("A_RES_") || name.starts_with("S_RES_")),
                "{name} reads as no symbol"
            );
            continue;
        };
        named += 1;
        assert_eq!(ids.len(), 1, "{name} holds several documents");
        if ids[0] == Some(sym.id()) {
            agree += 1;
        } else {
            differ.push(name);
        }
    }
    assert_eq!(
        differ,
        ["S_RES_0542_1983_EN_GOLD.txt", "S_RES_0778_1992_EN_GOLD.txt"]
    );
    assert!(
        named > 1900 && agree == named - 2,
        "{named} named, {agree} agree"
    );
}
