//! Mentions as JSON lines: the rows `resgraph extract --format jsonl` prints, one object per
//! mention with the citing file and document, the cited id, type, body and date, the byte range
//! and text, the clause and the kind of text the offsets point into.
//!
//! The rows are written by hand into a byte buffer: a large file prints tens of thousands of
//! them, and going through serde cost more than the extraction of the mentions' dates. The bytes
//! are the ones `serde_json::to_writer` gives for the same row (tested below).

use super::escape::{Spacing, json_date, json_opt_str, json_str, json_str_into, place_json};
use crate::Document;
use crate::extract::Mention;

/// Appends the JSON line (with its `\n`) of mention `m` of `doc` to `out`. For many mentions
/// of one document, [`Rows`] writes the same bytes with the document's fields escaped once.
pub fn write_row(out: &mut Vec<u8>, doc: &Document, m: &Mention) {
    Rows::new(doc).write(out, m);
}

/// The JSON lines of one document's mentions: the fields that come from the document (its
/// file, id and source) are escaped once, not once per row, and the cited id is written into
/// a buffer kept between rows.
pub struct Rows {
    /// `{"file":...,"citing":...,"cited":"`
    head: Vec<u8>,
    /// `,"source":"..."}` and the line break.
    tail: Vec<u8>,
    id: String,
}

impl Rows {
    /// The row writer for the mentions of `doc`.
    pub fn new(doc: &Document) -> Rows {
        let mut head = Vec::with_capacity(doc.file.len() + 64);
        head.extend_from_slice(b"{\"file\":");
        json_str(&mut head, &doc.file);
        head.extend_from_slice(b",\"citing\":");
        json_opt_str(&mut head, doc.info.id.as_deref());
        head.extend_from_slice(b",\"cited\":\"");
        let mut tail = Vec::with_capacity(32);
        tail.extend_from_slice(b",\"source\":\"");
        tail.extend_from_slice(doc.source.as_str().as_bytes());
        tail.extend_from_slice(b"\"}\n");
        Rows {
            head,
            tail,
            id: String::with_capacity(24),
        }
    }

    /// Appends the JSON line of mention `m` (of the document the writer was made for).
    pub fn write(&mut self, out: &mut Vec<u8>, m: &Mention) {
        out.extend_from_slice(&self.head);
        // Ids are built from symbol characters and digits, but a document symbol comes from
        // the text: escaped like any other string.
        self.id.clear();
        m.symbol.write_id(&mut self.id);
        json_str_into(out, &self.id);
        out.extend_from_slice(b"\",\"type\":\"");
        out.extend_from_slice(m.symbol.kind().as_str().as_bytes());
        out.extend_from_slice(b"\",\"body\":");
        json_str(out, m.symbol.body_name());
        out.extend_from_slice(b",\"date\":");
        match m.date {
            Some(d) => json_date(out, d),
            None => out.extend_from_slice(b"null"),
        }
        place_json(out, (m.start, m.end), &m.text, &m.clause, Spacing::Compact);
        out.extend_from_slice(&self.tail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Clause, Part};
    use crate::symbol::Symbol;
    use chrono::NaiveDate;
    use std::borrow::Cow;

    /// The row as serde writes it: what `write_row` must reproduce byte for byte.
    #[derive(serde::Serialize)]
    struct Row<'a> {
        file: &'a str,
        citing: Option<&'a str>,
        cited: String,
        #[serde(rename = "type")]
        kind: &'a str,
        body: String,
        date: Option<String>,
        start: usize,
        end: usize,
        text: &'a str,
        clause: &'a Clause,
        source: &'a str,
    }

    fn by_serde(doc: &Document, m: &Mention) -> Vec<u8> {
        let row = Row {
            file: &doc.file,
            citing: doc.info.id.as_deref(),
            cited: m.symbol.id(),
            kind: m.symbol.kind().as_str(),
            body: m.symbol.body().as_str().to_string(),
            date: m.date.map(|d| d.to_string()),
            start: m.start,
            end: m.end,
            text: &m.text,
            clause: &m.clause,
            source: doc.source.as_str(),
        };
        let mut v = serde_json::to_vec(&row).unwrap_or_default();
        v.push(b'\n');
        v
    }

    #[test]
    fn rows_are_the_bytes_serde_writes() {
        let text = "Recalling its resolutions 1514 (XV) of 14 December 1960 and 78/237 of \
                    22 December 2023, Security Council resolution 1325 (2000), document \
                    A/C.1/78/L.11/Rev.1 and décision 31/301,\n\n1. Décide que S/RES/2118 (2013)\u{7}\n";
        let mut doc = crate::analyse_text(text, None);
        doc.file = "dir/\"quoted\"\\ file\u{1}\t.txt".to_string();
        assert!(doc.mentions.len() >= 5, "{:?}", doc.mentions);
        // Every string field with characters JSON must escape, and the limits of numbers
        // and dates.
        let mut odd = doc.mentions[0].clone();
        odd.text = "a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{0}i\u{1f}j\u{7f}k é 中 \u{2028}".to_string();
        odd.symbol = Symbol::Document("A/\"78\"/\u{1}".to_string());
        odd.start = usize::MAX;
        odd.end = 0;
        odd.date = NaiveDate::from_ymd_opt(10_000, 1, 2);
        odd.clause = Clause {
            part: Part::Annex,
            paragraph: Some(u32::MAX),
            verb: Some(Cow::Owned("\"v\"".to_string())),
            section: crate::layout::Section::parse("XXIV"),
        };
        let mut early = doc.mentions[0].clone();
        early.date = NaiveDate::from_ymd_opt(7, 3, 9);
        doc.mentions.push(odd);
        doc.mentions.push(early);
        for with_id in [None, Some("A/RES/78/237".to_string())] {
            doc.info.id = with_id;
            // One writer for all rows (its id buffer reused), and one per row.
            let mut rows = Rows::new(&doc);
            for m in &doc.mentions {
                let (mut out, mut one) = (Vec::new(), Vec::new());
                rows.write(&mut out, m);
                write_row(&mut one, &doc, m);
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&by_serde(&doc, m))
                );
                assert_eq!(out, one);
            }
        }
    }
}
