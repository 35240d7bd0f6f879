//! Reading the formats people have: PDF (page furniture skipped, footnotes kept as footnotes,
//! the same ids as the text route), DOCX footnotes, saved un.org HTML pages, and text repair
//! with offsets into the original text.

mod common;

use resgraph::input::{self, ReadOptions, Source};
use resgraph::layout::Part;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    assert!(
        p.exists(),
        "missing {}: the tests read the shared corpus",
        p.display()
    );
    p
}

/// The PDF tests need poppler's `pdftotext` (CI installs it): without it they fail, naming it,
/// rather than pass untested.
fn require_pdftotext() {
    assert!(
        std::process::Command::new("pdftotext")
            .arg("-v")
            .output()
            .is_ok(),
        "pdftotext is not installed: apt-get install poppler-utils (the PDF tests need it)"
    );
}

#[test]
fn pdf_keeps_footnotes_and_skips_page_furniture() {
    require_pdftotext();
    let pdf = shared("corpus/mandate-pipeline-ga/pdfs/A_RES_79_100.pdf");
    let doc = resgraph::analyse_file(&pdf, None).expect("PDF read");
    assert_eq!(doc.source, Source::Pdf);
    assert_eq!(doc.info.id.as_deref(), Some("A/RES/79/100"));
    assert_eq!(
        doc.info.adopted.map(|d| d.to_string()).as_deref(),
        Some("2024-12-04")
    );
    let text = input::read(&pdf, &ReadOptions::default())
        .expect("text")
        .text;
    let find = |id: &str| {
        doc.mentions
            .iter()
            .find(|m| m.symbol.id() == id)
            .unwrap_or_else(|| panic!("{id} not found"))
    };
    let note = find("A/AC.109/2024/2");
    assert_eq!(
        (note.clause.part, note.clause.paragraph),
        (Part::Footnote, Some(2))
    );
    assert_eq!(find("A/79/431").clause.part, Part::Heading);
    // Third preambular paragraph: the first two end with footnote markers (`2024, 1`).
    let c = &find("A/RES/1541(XV)").clause;
    assert_eq!((c.part, c.paragraph), (Part::Preamble, Some(3)));
    for m in &doc.mentions {
        assert_eq!(&text[m.start..m.end], m.text, "offsets into the PDF text");
        assert!(
            !m.text.contains("24-23545"),
            "job number read as a reference: {m:?}"
        );
    }
}

#[test]
fn a_footnote_marker_does_not_join_two_preambular_paragraphs() {
    let text = "The General Assembly,\n\nHaving considered the report for 2024,1\n\n\
                Taking note of the working paper 2 and other information,\n\n\
                Recognizing its resolution 1514 (XV),\n\nNoting the note;²\n\n\
                Recalling resolution 70/1,\n";
    let doc = resgraph::analyse_text(text, None);
    let places: Vec<(String, Option<u32>)> = doc
        .mentions
        .iter()
        .map(|m| (m.symbol.id(), m.clause.paragraph))
        .collect();
    assert_eq!(
        places,
        [
            ("A/RES/1514(XV)".to_string(), Some(3)),
            ("A/RES/70/1".to_string(), Some(5))
        ]
    );
}

#[test]
fn a_non_breaking_hyphen_is_a_hyphen() {
    // Word processors write `S-29/1` with U+2011 (A/RES/80/221, A/RES/80/77, A/RES/80/80).
    let text = "The General Assembly,\n\nRecalling its resolution ES\u{2011}10/27 of 12 June 2025 \
                and Human Rights Council resolutions 46/21 of 24 March 2021, S\u{2011}29/1 of 12 \
                February 2021 and 43/26 of 22 June 2020,\n";
    let doc = resgraph::analyse_text(text, None);
    let got: Vec<(String, String)> = doc.mentions.iter().map(common::id_and_date).collect();
    let want = [
        ("A/RES/ES-10/27", "2025-06-12"),
        ("A/HRC/RES/46/21", "2021-03-24"),
        ("A/HRC/RES/S-29/1", "2021-02-12"),
        ("A/HRC/RES/43/26", "2020-06-22"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    for m in &doc.mentions {
        assert_eq!(&text[m.start..m.end], m.text, "offsets into the original");
    }
}

#[test]
fn pdf_and_text_routes_agree() {
    require_pdftotext();
    let dir = shared("corpus/mandate-pipeline-ga");
    let (mut both, mut either) = (0usize, 0usize);
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(dir.join("pdfs"))
        .expect("pdfs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    pdfs.sort();
    assert_eq!(pdfs.len(), 12);
    for pdf in pdfs {
        let stem = pdf.file_stem().and_then(|s| s.to_str()).expect("name");
        let text = ["resolutions_text", "drafts_text"]
            .iter()
            .find_map(|d| std::fs::read_to_string(dir.join(d).join(format!("{stem}.txt"))).ok())
            .expect("reference text");
        let ids = |d: resgraph::Document| -> BTreeSet<String> {
            d.mentions.iter().map(|m| m.symbol.id()).collect()
        };
        let a = ids(resgraph::analyse_file(&pdf, None).expect("PDF"));
        let b = ids(resgraph::analyse_text(&text, None));
        both += a.intersection(&b).count();
        either += a.union(&b).count();
    }
    assert!(
        both * 100 >= either * 99,
        "PDF and text routes agree on {both} of {either} ids"
    );
}

#[test]
fn docx_footnotes_are_footnotes() {
    use std::io::Write;
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).expect("zip");
    write!(
        zip,
        "<w:document {w}><w:body><w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>\
         <w:p><w:r><w:t>Recalling the 2030 Agenda for Sustainable Development,</w:t></w:r>\
         <w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>\
         <w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t>Decides to remain seized of the matter.</w:t></w:r></w:p>\
         </w:body></w:document>"
    )
    .expect("zip");
    zip.start_file("word/footnotes.xml", opts).expect("zip");
    write!(
        zip,
        "<w:footnotes {w}><w:footnote w:id=\"1\"><w:p><w:r><w:t>Resolution 70/1.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    .expect("zip");
    let bytes = zip.finish().expect("zip").into_inner();
    let i = input::convert(Path::new("d.docx"), &bytes, &ReadOptions::default()).expect("docx");
    let doc = resgraph::analyse_text(&i.text, None);
    let m = doc
        .mentions
        .iter()
        .find(|m| m.symbol.id() == "A/RES/70/1")
        .expect("70/1");
    assert_eq!(
        (m.clause.part, m.clause.paragraph),
        (Part::Footnote, Some(1)),
        "{}",
        i.text
    );
}

#[test]
fn saved_un_pages_are_read() {
    let page = shared("corpus/unsc-meetings-tables/html/scact1967_table_en.html");
    let doc = resgraph::analyse_file(&page, None).expect("HTML");
    assert_eq!(doc.source, Source::Html);
    let ids: BTreeSet<String> = doc.mentions.iter().map(|m| m.symbol.id()).collect();
    for n in 233..=244 {
        assert!(
            ids.contains(&format!("S/RES/{n}(1967)")),
            "S/RES/{n} (1967): {ids:?}"
        );
    }
    assert!(ids.contains("S/PV.1382"), "{ids:?}");
}

/// A file's text handed over (`analyse_owned`, repaired in place) gives the document that the
/// text lent (`analyse_text`, repaired into a copy) gives, on real files that need repairs:
/// broken lines of PDF text, no-break and narrow spaces inside references (`resolution\u{A0}54/154`,
/// `22\u{202F}December 2009`, `A/6000/\nRev.1`), the parallel texts of one resolution.
#[test]
fn text_repaired_in_place_reads_as_a_repaired_copy() {
    let mut paths: Vec<PathBuf> = [
        "corpus/un-sentences-en-es/eval.en.txt",
        "corpus/mandate-pipeline-ga/resolutions_text/A_RES_78_247.txt",
        "corpus/cr-unsc/res_en_gold/S_RES_0202_1965_EN_GOLD.txt",
    ]
    .into_iter()
    .map(shared)
    .collect();
    for rel in [
        "corpus/hf-un-ga-55-100-parallel",
        "corpus/mandate-pipeline-ga/drafts_text",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(shared(rel))
            .expect("corpus folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        paths.extend(files.into_iter().take(30));
    }
    let (mut repaired, mut across) = (0, 0);
    for path in &paths {
        let text = input::read_text(path).expect("corpus file");
        if input::repair::repair(&text).is_some() {
            repaired += 1;
        }
        let lent = resgraph::analyse_text(&text, None);
        let owned = resgraph::analyse_owned(text.clone(), None);
        assert_eq!(lent.mentions, owned.mentions, "{}", path.display());
        assert_eq!(lent.info, owned.info, "{}", path.display());
        for m in &owned.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
            across +=
                usize::from(m.text.contains(['\u{A0}', '\u{202F}']) || m.text.contains("/\n"));
        }
    }
    assert!(repaired >= 10, "only {repaired} files needed a repair");
    assert!(across >= 3, "only {across} mentions span a repair");
}

#[test]
fn repaired_text_keeps_original_offsets() {
    let text = "The General Assembly,\n\nRecalling its resolu-\n   tion 70/1 of 25 September 2015, \
                the report A/78/\n265, and reso\u{AD}lution ٧٠/٢ and resolution\u{A0}７５/１, \
                draft resolution A/C.1/58/ L.15/Rev.1,\n";
    let doc = resgraph::analyse_text(text, None);
    let got: Vec<(String, &str)> = doc
        .mentions
        .iter()
        .map(|m| (m.symbol.id(), &text[m.start..m.end]))
        .collect();
    for (id, written) in [
        (
            "A/RES/70/1",
            "its resolu-\n   tion 70/1 of 25 September 2015",
        ),
        ("A/78/265", "A/78/\n265"),
        ("A/RES/70/2", "reso\u{AD}lution ٧٠/٢"),
        ("A/RES/75/1", "resolution\u{A0}７５/１"),
        ("A/C.1/58/L.15/Rev.1", "A/C.1/58/ L.15/Rev.1"),
    ] {
        assert!(
            got.iter().any(|(i, w)| i == id && *w == written),
            "{id} as {written:?} not in {got:?}"
        );
    }
    for m in &doc.mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }
}

/// A General Assembly decision as the iGov database hands it out (JSON): the record's fields
/// give its identity (checked against the file: `ED_DecisionNumber` 75/514, the 37th plenary
/// meeting on 7 December 2020, agenda item 101 (c)), and its text is read with the escapes
/// decoded: `\u202f74/232 A` (75/574) is a reference.
#[test]
fn igov_decision_record() {
    let path = shared("corpus/mandate-pipeline-ga/igov_decisions/75/75_514.json");
    let doc = resgraph::analyse_file(&path, None).expect("JSON read");
    assert_eq!(doc.source, Source::Json);
    assert_eq!(doc.info.id.as_deref(), Some("A/DEC/75/514"));
    assert_eq!(doc.info.session, Some(75));
    assert_eq!(
        doc.info.adopted.map(|d| d.to_string()).as_deref(),
        Some("2020-12-07")
    );
    assert_eq!(doc.info.agenda_item.as_deref(), Some("101 (c)"));
    // `in\u007fouter space`: the control character stands for a space.
    assert_eq!(
        doc.info.title.as_deref(),
        Some("Further practical measures for the prevention of an arms race in outer space")
    );
    let found: Vec<(String, String)> = doc.mentions.iter().map(common::id_and_date).collect();
    assert_eq!(
        found,
        [
            ("A/75/PV.37".to_string(), String::new()),
            ("A/75/397".to_string(), String::new()),
            ("A/RES/74/34".to_string(), "2019-12-12".to_string()),
            ("A/75/49".to_string(), String::new()),
        ]
    );
    // Offsets refer to the text `resgraph text` prints.
    let text = input::read(&path, &ReadOptions::default())
        .expect("text")
        .text;
    for m in &doc.mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }

    let path = shared("corpus/mandate-pipeline-ga/igov_decisions/75/75_574.json");
    let doc = resgraph::analyse_file(&path, None).expect("JSON read");
    let found: Vec<(String, String)> = doc.mentions.iter().map(common::id_and_date).collect();
    assert!(
        found.contains(&("A/RES/74/232A".to_string(), "2019-12-19".to_string())),
        "{found:?}"
    );
    assert!(
        found.contains(&("A/RES/74/232B".to_string(), "2020-08-11".to_string())),
        "{found:?}"
    );
}

/// Security Council drafts with their metadata (unbench): the `ID` names the draft when it is a
/// symbol (`S/2024/302`), not when it is a job number (`19-08846`: then the file's name does,
/// `S_2019_441-EN.json`); a file of several drafts is no one document, whatever its first draft
/// says.
#[test]
fn draft_records_and_collections() {
    let doc = resgraph::analyse_file(
        &shared("corpus/unbench-unsc-drafts/task1/1938/S_2024_302-EN.json"),
        None,
    )
    .expect("JSON read");
    assert_eq!(doc.info.id.as_deref(), Some("S/2024/302"));
    assert_eq!(
        doc.info.issued.map(|d| d.to_string()).as_deref(),
        Some("2024-04-24")
    );
    let doc = resgraph::analyse_file(
        &shared("corpus/unbench-unsc-drafts/task2/2278/S_2019_441-EN.json"),
        None,
    )
    .expect("JSON read");
    assert_eq!(doc.info.id.as_deref(), Some("S/2019/441"));
    // `in particular resolutions 2057 (2012), 2109 (2013), 2132 (2013)`.
    let ids: Vec<String> = doc.mentions.iter().map(|m| m.symbol.id()).collect();
    for id in ["S/RES/2057(2012)", "S/RES/2109(2013)", "S/RES/2132(2013)"] {
        assert!(ids.iter().any(|i| i == id), "{id}: {ids:?}");
    }
    let doc = resgraph::analyse_file(&shared("corpus/unbench-unsc-drafts/task4.json"), None)
        .expect("JSON read");
    assert_eq!(doc.info.id, None);
    // Thirty draft texts under a key (`{"drafts": ["...", ...]}`) are a collection too.
    let three = resgraph::input::read(
        &shared("corpus/unbench-unsc-drafts/task3.json"),
        &ReadOptions::default(),
    )
    .expect("JSON read");
    assert!(three.record.collection && three.record.fields.is_empty());
    assert!(
        doc.mentions.iter().any(|m| m.symbol.id() == "S/2024/788"),
        "the first draft's symbol is a reference of the collection"
    );
}

/// A file written in `dir`.
fn file_in(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

/// A fresh folder for the files a test writes, removed when the returned guard is dropped
/// (also on a panic).
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("resgraph-{name}-"))
        .tempdir()
        .expect("temp dir")
}

/// A `.json` file that is not JSON, or holds no text (a data set of numbers), is read as the
/// text it is: nothing is lost to a damaged record, and a data file is no failure.
#[test]
fn json_that_is_no_record_is_read_as_text() {
    let tmp = scratch("json");
    let dir = tmp.path();
    let damaged = file_in(
        dir,
        "damaged.json",
        r#"{"Content": "Recalling its resolution 70/1 of 25 September 2015",, }"#,
    );
    let numbers = file_in(
        dir,
        "numbers.json",
        r#"{"nodes": [{"res": 1, "in": 0, "year": 1946}]}"#,
    );
    let doc = resgraph::analyse_file(&damaged, None).expect("read as text");
    assert_eq!(doc.source, Source::Text);
    let found: Vec<(String, String)> = doc.mentions.iter().map(common::id_and_date).collect();
    assert_eq!(
        found,
        [("A/RES/70/1".to_string(), "2015-09-25".to_string())]
    );
    let doc = resgraph::analyse_file(&numbers, None).expect("read as text");
    assert_eq!(doc.source, Source::Text);
    assert!(doc.mentions.is_empty());
}

/// JSON Lines (`.jsonl`, `.ndjson`): each line a record, the file a collection read for its
/// strings with their escapes decoded (`r\u00e9solution`, `70\/1`); a line that is not JSON
/// makes the whole file read as text.
#[test]
fn json_lines_are_records_of_a_collection() {
    let tmp = scratch("jsonl");
    let dir = tmp.path();
    let lines = file_in(
        dir,
        "records.jsonl",
        concat!(
            r#"{"symbol": "A/RES/80/2", "lang": "fr", "text": "L'Assembl\u00e9e g\u00e9n\u00e9rale,\n\nRappelant sa r\u00e9solution 70\/1 du 25 septembre 2015,"}"#,
            "\n",
            r#"{"symbol": "A/RES/80/3", "lang": "fr", "text": "Rappelant la d\u00e9cision 75\/563,"}"#,
            "\n"
        ),
    );
    let doc = resgraph::analyse_file(&lines, None).expect("read");
    assert_eq!(doc.source, Source::Json);
    assert_eq!(doc.info.id, None, "a collection is no one document");
    let found: Vec<(String, String)> = doc.mentions.iter().map(common::id_and_date).collect();
    assert!(
        found.contains(&("A/RES/70/1".to_string(), "2015-09-25".to_string())),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(id, _)| id == "A/DEC/75/563"),
        "{found:?}"
    );
    let broken = file_in(
        dir,
        "broken.ndjson",
        "{\"text\": \"Recalling resolution 70/1\"}\n{\"text\": \n",
    );
    let doc = resgraph::analyse_file(&broken, None).expect("read as text");
    assert_eq!(doc.source, Source::Text);
}

/// A UN Digital Library export (MARCXML) of the Third Committee's drafts of session 78: each of
/// its 94 records is a document, named and dated by its fields, citing the documents the record
/// relates it to (field 993: the resolution a draft became, the committee report) and the
/// symbols of its notes, each mention pointing at the value in the file. Values checked against
/// the file: the first record is A/C.3/78/L.49/Rev.1 of 8 November 2023, agenda item 71 b,
/// related to A/RES/78/213 and A/78/481/Add.2; A/C.3/78/L.67 amends A/C.3/78/L.51 (245 $b);
/// A/C.3/78/L.26 became resolution 78/183 A; A/C.3/78/L.4 was submitted on the recommendation of
/// ECOSOC resolution 2023/25 (245 $c).
#[test]
fn catalogue_export_records_are_documents() {
    let path = shared("corpus/undl-marcxml/session_78_committee_3_drafts.xml");
    let text = std::fs::read_to_string(&path).expect("read");
    let docs = resgraph::analyse_file_documents(&path, None).expect("MARCXML read");
    assert_eq!(docs.len(), 94);
    let first = &docs[0];
    assert_eq!(
        first.source,
        Source::Text,
        "offsets into the file's own bytes"
    );
    assert_eq!(first.info.id.as_deref(), Some("A/C.3/78/L.49/Rev.1"));
    assert_eq!(first.info.session, Some(78));
    assert_eq!(
        first.info.issued.map(|d| d.to_string()).as_deref(),
        Some("2023-11-08")
    );
    assert_eq!(first.info.adopted, None, "a draft is not adopted");
    assert_eq!(first.info.agenda_item.as_deref(), Some("71 (b)"));
    assert_eq!(
        first.info.title.as_deref(),
        Some("Promotion and protection of human rights in the context of digital technologies")
    );
    let cited = |d: &resgraph::Document| -> BTreeSet<String> {
        d.mentions.iter().map(|m| m.symbol.id()).collect()
    };
    assert_eq!(
        cited(first),
        BTreeSet::from(["A/RES/78/213".to_string(), "A/78/481/Add.2".to_string()])
    );
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d.info.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no record {id}"))
    };
    assert!(cited(by_id("A/C.3/78/L.67")).contains("A/C.3/78/L.51"));
    assert!(cited(by_id("A/C.3/78/L.26")).contains("A/RES/78/183A"));
    // 245 $c: `submitted by the Chair on the recommendation of the Economic and Social Council
    // (resolution 2023/25)`.
    assert!(cited(by_id("A/C.3/78/L.4")).contains("E/RES/2023/25"));
    let mut drafts_to_acts = 0;
    for d in &docs {
        assert_eq!(d.file, path.display().to_string());
        for m in &d.mentions {
            assert_eq!(&text[m.start..m.end], m.text, "{m:?}");
            assert_eq!(m.clause.part, Part::Record);
            assert_ne!(
                Some(m.symbol.id()),
                d.info.id,
                "a record never cites itself"
            );
        }
        drafts_to_acts += d
            .mentions
            .iter()
            .filter(|m| m.symbol.id().starts_with("A/RES/") || m.symbol.id().starts_with("A/DEC/"))
            .count();
    }
    // 63 of the 132 related documents are the resolution or decision a draft became.
    assert_eq!(drafts_to_acts, 63);
    // Read as one file, the export is a collection: no identity, every record's mentions.
    let whole = resgraph::analyse_file(&path, None).expect("read");
    assert_eq!(whole.info.id, None);
    assert_eq!(
        whole.mentions.len(),
        docs.iter().map(|d| d.mentions.len()).sum::<usize>()
    );
}

/// A catalogue export that breaks off is named with the byte where it stops being XML.
#[test]
fn broken_catalogue_export_is_named() {
    let tmp = scratch("marc");
    let dir = tmp.path();
    let broken = file_in(
        dir,
        "export.xml",
        concat!(
            r#"<collection xmlns="http://www.loc.gov/MARC21/slim"><record>"#,
            r#"<datafield tag="191"><subfield code="a">A/C.3/78/L.1</subfield></record>"#
        ),
    );
    let err = resgraph::analyse_file(&broken, None).expect_err("malformed XML");
    let msg = err.to_string();
    assert!(
        msg.contains("export.xml") && msg.contains("MARCXML: byte "),
        "{msg}"
    );
}

/// The UN Digital Library's export of Security Council documents as a CSV table: a document per
/// row, named by `symbol_191a`, citing its related documents (`related_documents_993a`: 2,560
/// values in 2,557 rows, checked with Python's csv module, 2,559 of them resolution symbols)
/// and what its uniform title cites (`S-G. Note transmitting text of para. 13 of GA res. 33/182
/// A` for S/12990). S/13042 became resolution 444 (1979); S/2002/333 became `S/RES/1402`, written
/// without its year; S/11806 lists three in one cell; the joint `A/58/667; S/2003/1219` is named
/// by its first symbol.
#[test]
fn catalogue_table_rows_are_documents() {
    let path = shared("corpus/unsc-meetings-tables/undl_sc_documents_export.csv");
    let text = std::fs::read_to_string(&path).expect("read");
    let docs = resgraph::analyse_file_documents(&path, None).expect("CSV read");
    assert_eq!(docs.len(), 3724);
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d.info.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no row {id}"))
    };
    let cited = |d: &resgraph::Document| -> Vec<String> {
        d.mentions.iter().map(|m| m.symbol.id()).collect()
    };
    assert_eq!(cited(by_id("S/12990")), ["A/RES/33/182A"]);
    assert_eq!(cited(by_id("S/13042")), ["S/RES/444(1979)"]);
    assert_eq!(cited(by_id("S/2002/333")), ["S/RES/1402(2002)"]);
    // One cell, three related documents.
    assert_eq!(
        cited(by_id("S/11806")),
        ["S/RES/372(1975)", "S/RES/373(1975)", "S/RES/374(1975)"]
    );
    assert!(by_id("A/58/667").info.title.is_some());
    let mut related = 0;
    for d in &docs {
        for m in &d.mentions {
            assert_eq!(&text[m.start..m.end], m.text, "{m:?}");
            assert_eq!(m.clause.part, Part::Record);
            related += usize::from(m.text.starts_with("S/RES/"));
        }
    }
    assert_eq!(related, 2559);
}

/// Text that `pdftotext -layout` made by hand (the form in which many people keep UN
/// documents) reads as the PDF itself does: its paragraphs start with an indented first line,
/// not a blank line; a footnote's number stands alone on its line above its text; a page's
/// header and footer are columns of one line (`A/RES/79/100     Question of Anguilla`,
/// `24-23545     3/5`); a numbered paragraph may follow a subheading. For every PDF of the
/// shared corpus with a text layer (20), the same references in the same clauses, and the same
/// identity.
#[test]
fn laid_out_text_reads_as_its_pdf() {
    require_pdftotext();
    let mut pdfs = Vec::new();
    for dir in [
        "corpus/mandate-pipeline-ga/pdfs",
        "corpus/unbench-unsc-drafts/task1",
        "corpus/unbench-unsc-drafts/task2",
    ] {
        let Ok(entries) = std::fs::read_dir(shared(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                pdfs.extend(
                    std::fs::read_dir(&p)
                        .into_iter()
                        .flatten()
                        .flatten()
                        .map(|e| e.path()),
                );
            } else {
                pdfs.push(p);
            }
        }
    }
    pdfs.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    pdfs.sort();
    assert_eq!(pdfs.len(), 20, "{pdfs:?}");
    let clauses = |d: &resgraph::Document| -> Vec<String> {
        d.mentions
            .iter()
            .map(|m| {
                format!(
                    "{} {} {:?} {:?}",
                    m.symbol.id(),
                    m.clause.part.as_str(),
                    m.clause.paragraph,
                    m.clause.verb
                )
            })
            .collect()
    };
    for pdf in &pdfs {
        let from_pdf = resgraph::analyse_file(pdf, None).expect("PDF read");
        let out = std::process::Command::new("pdftotext")
            .arg("-layout")
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let from_text = resgraph::analyse_text(&text, None);
        assert!(!from_pdf.mentions.is_empty(), "{}", pdf.display());
        assert_eq!(clauses(&from_text), clauses(&from_pdf), "{}", pdf.display());
        let (a, b) = (&from_text.info, &from_pdf.info);
        assert_eq!(
            (
                &a.id,
                a.adopted,
                a.issued,
                &a.agenda_item,
                &a.title,
                &a.report
            ),
            (
                &b.id,
                b.adopted,
                b.issued,
                &b.agenda_item,
                &b.title,
                &b.report
            ),
            "{}",
            pdf.display()
        );
    }
}

/// Old Word files (`tests/data/doc/*.doc`, written with LibreOffice from the `.fodt` beside each:
/// `soffice --headless --convert-to doc:"MS Word 97" res.fodt`): the text as Word shows it
/// (table cells as paragraphs, the hyperlink field's result, not its code), the footnotes as
/// footnotes, and the identity and references a reader checks in the text.
#[test]
fn old_word_documents() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/doc");
    let doc = resgraph::analyse_file(&data.join("res.doc"), None).expect("res.doc read");
    assert_eq!(doc.source, Source::Doc);
    let text = input::read_text(&data.join("res.doc")).expect("res.doc text");
    assert!(text.contains("United Nations\n\nA/RES/77/999\n\nGeneral Assembly"));
    assert!(text.contains("[on the report of the First Committee (A/77/386)]"));
    assert!(!text.contains("HYPERLINK"));
    let info = &doc.info;
    assert_eq!(info.id.as_deref(), Some("A/RES/77/999"));
    assert_eq!(
        info.adopted.map(|d| d.to_string()).as_deref(),
        Some("2022-12-15")
    );
    assert_eq!(
        info.issued.map(|d| d.to_string()).as_deref(),
        Some("2022-12-20")
    );
    assert_eq!(info.agenda_item.as_deref(), Some("98"));
    assert_eq!(info.report.as_deref(), Some("A/77/386"));
    let got: Vec<(String, Option<String>, String)> = doc
        .mentions
        .iter()
        .map(|m| {
            (
                m.symbol.id(),
                m.date.map(|d| d.to_string()),
                format!(
                    "{} {}",
                    m.clause.part.as_str(),
                    m.clause.paragraph.unwrap_or(0)
                ),
            )
        })
        .collect();
    let want = [
        ("A/77/386", None, "heading 0"),
        ("A/RES/53/70", Some("1998-12-04"), "preamble 1"),
        ("A/RES/76/19", Some("2021-12-06"), "preamble 1"),
        ("S/RES/1325(2000)", None, "preamble 2"),
        ("A/RES/1514(XV)", Some("1960-12-14"), "preamble 2"),
        ("A/RES/73/27", Some("2018-12-05"), "operative 2"),
        ("A/76/135", None, "footnote 1"),
        ("A/76/135/Corr.1", None, "footnote 1"),
        ("A/77/92", None, "footnote 2"),
    ];
    let want: Vec<(String, Option<String>, String)> = want
        .iter()
        .map(|(id, d, c)| (id.to_string(), d.map(str::to_string), c.to_string()))
        .collect();
    assert_eq!(got, want);

    // Russian, stored as UTF-16: the Cyrillic part letter and the genitive months.
    let doc = resgraph::analyse_file(&data.join("ru.doc"), None).expect("ru.doc read");
    let got: Vec<(String, Option<String>)> = doc
        .mentions
        .iter()
        .map(|m| (m.symbol.id(), m.date.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        [
            (
                "A/RES/2200A(XXI)".to_string(),
                Some("1966-12-16".to_string())
            ),
            (
                "S/RES/1261(1999)".to_string(),
                Some("1999-08-25".to_string())
            ),
            ("A/54/430".to_string(), None),
        ]
    );
    assert_eq!(doc.mentions[2].clause.part, Part::Footnote);
}

/// OpenDocument text, zipped (`res.odt`, LibreOffice's `--convert-to odt`) and flat (`res.fodt`,
/// written by hand), and RTF (`--convert-to rtf`: `\\uN` characters, an ignorable footnote
/// destination, a hyperlink field): the same text as the Word 97 file made from the same
/// source, so the same references.
#[test]
fn opendocument_and_rtf_read_as_the_word_file() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/doc");
    for doc in ["res", "ru"] {
        let word = input::read_text(&data.join(format!("{doc}.doc"))).expect("doc");
        for (ext, source) in [("fodt", Source::Odt), ("rtf", Source::Rtf)] {
            let name = format!("{doc}.{ext}");
            let i = input::read(&data.join(&name), &ReadOptions::default()).expect("read");
            assert_eq!(i.source, source, "{name}");
            assert_eq!(i.text, word, "{name}");
        }
    }
    let i = input::read(&data.join("res.odt"), &ReadOptions::default()).expect("res.odt");
    assert_eq!(i.source, Source::Odt);
    assert_eq!(
        i.text,
        input::read_text(&data.join("res.doc")).expect("doc")
    );
}
