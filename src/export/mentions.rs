//! Mentions as JSON lines: the rows `resgraph extract --format jsonl` prints, one object per
//! mention with the citing file and document, the cited id, type, body and date, the byte range
//! and text, the clause and the kind of text the offsets point into.
//!
//! The rows are written by hand into a byte buffer: a large file prints tens of thousands of
//! them, and going through serde cost more than the extraction of the mentions' dates. The bytes
//! are the ones `serde_json::to_writer` gives for the same row (tested below).

use crate::Document;
use crate::extract::Mention;
use crate::layout::Part;
use chrono::Datelike;

/// Appends the JSON line (with its `\n`) of mention `m` of `doc` to `out`.
pub fn write_row(out: &mut Vec<u8>, doc: &Document, m: &Mention) {
    out.extend_from_slice(b"{\"file\":");
    string(out, &doc.file);
    out.extend_from_slice(b",\"citing\":");
    opt_string(out, doc.info.id.as_deref());
    out.extend_from_slice(b",\"cited\":\"");
    // Ids are built from symbol characters and digits, but a document symbol comes from the
    // text: escaped like any other string.
    let mut id = String::with_capacity(24);
    m.symbol.write_id(&mut id);
    escaped(out, &id);
    out.extend_from_slice(b"\",\"type\":\"");
    out.extend_from_slice(m.symbol.kind().as_str().as_bytes());
    out.extend_from_slice(b"\",\"body\":");
    string(out, m.symbol.body().as_str());
    out.extend_from_slice(b",\"date\":");
    match m.date {
        Some(d) if (0..=9999).contains(&d.year()) => {
            out.push(b'"');
            digits(out, d.year() as u32, 4);
            out.push(b'-');
            digits(out, d.month(), 2);
            out.push(b'-');
            digits(out, d.day(), 2);
            out.push(b'"');
        }
        // Years outside 0-9999 as chrono writes them (`+12345-01-01`).
        Some(d) => string(out, &d.to_string()),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"start\":");
    number(out, m.start as u64);
    out.extend_from_slice(b",\"end\":");
    number(out, m.end as u64);
    out.extend_from_slice(b",\"text\":");
    string(out, &m.text);
    out.extend_from_slice(b",\"clause\":{\"part\":\"");
    out.extend_from_slice(part_name(m.clause.part).as_bytes());
    out.extend_from_slice(b"\",\"paragraph\":");
    match m.clause.paragraph {
        Some(n) => number(out, u64::from(n)),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"verb\":");
    opt_string(out, m.clause.verb.as_deref());
    out.extend_from_slice(b"},\"source\":\"");
    out.extend_from_slice(doc.source.as_str().as_bytes());
    out.extend_from_slice(b"\"}\n");
}

/// The serialised name of a part (as its serde name).
fn part_name(p: Part) -> &'static str {
    match p {
        Part::Heading => "heading",
        Part::Preamble => "preamble",
        Part::Operative => "operative",
        Part::Footnote => "footnote",
        Part::Annex => "annex",
    }
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escaped(out, s);
    out.push(b'"');
}

/// `s` as the inside of a JSON string, escaped as serde_json escapes: quote, backslash and
/// control characters (short forms where JSON has them, else `\u00xx`); everything else as it is.
fn escaped(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // Most strings need no escape: checked without an early exit, in vector code.
    let plain = b.chunks(32).all(|c| {
        !c.iter().fold(false, |acc, &x| {
            acc | (x < 0x20) | (x == b'"') | (x == b'\\')
        })
    });
    if plain {
        out.extend_from_slice(b);
        return;
    }
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0C => b'f',
            0x00..=0x1F => b'u',
            _ => continue,
        };
        out.extend_from_slice(&b[from..i]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 0xF)]);
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
}

fn number(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// `n` in exactly `width` digits, zero-padded (`n` has at most `width` digits).
fn digits(out: &mut Vec<u8>, n: u32, width: u32) {
    for k in (0..width).rev() {
        out.push(b'0' + (n / 10u32.pow(k) % 10) as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Clause;
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
        };
        let mut early = doc.mentions[0].clone();
        early.date = NaiveDate::from_ymd_opt(7, 3, 9);
        doc.mentions.push(odd);
        doc.mentions.push(early);
        for with_id in [None, Some("A/RES/78/237".to_string())] {
            doc.info.id = with_id;
            for m in &doc.mentions {
                let mut out = Vec::new();
                write_row(&mut out, &doc, m);
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&by_serde(&doc, m))
                );
            }
        }
    }
}
