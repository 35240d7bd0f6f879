//! Catalogue records as a table (CSV): a UN Digital Library export opened as a spreadsheet, one
//! document a row, its columns named by the MARC fields they hold (`symbol_191a`, `title_245a`,
//! `related_documents_993a`) or by plain names (`symbol`, `title`, `date`, `related`). Read
//! into the same records as a MARCXML export ([`super::marc`]), each value with the place of its
//! raw text in the file.
//!
//! A table is read so only when it has a symbol column and a title or related-documents column;
//! any other CSV (a table of votes, of variables) is read as the text it is.

use super::marc::{CatalogueRecord, Value};
use std::ops::Range;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Symbol,
    Title,
    Date,
    Agenda,
    Session,
    Related,
    Note,
    Other,
}

/// The column a header names: MARC tags first (`245a` is a title, `245c` a note), then words.
fn column(header: &str) -> Column {
    let h: String = header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let has = |w: &str| h.contains(w);
    if has("191a") || has("symbol") {
        Column::Symbol
    } else if has("993") || has("related") {
        Column::Related
    } else if has("245a") || h == "title" {
        Column::Title
    } else if has("269") || h == "date" {
        Column::Date
    } else if has("991b") || has("agenda") {
        Column::Agenda
    } else if has("191c") || h == "session" {
        Column::Session
    } else if ["239", "245b", "245c", "500", "505", "515", "520"]
        .iter()
        .any(|t| has(t))
        || ["note", "statement", "description", "abstract", "summary"]
            .iter()
            .any(|w| has(w))
    {
        Column::Note
    } else {
        Column::Other
    }
}

/// The records of a catalogue table, or `None` when `text` is no such table.
pub fn read(text: &str) -> Option<Vec<CatalogueRecord>> {
    let mut rows = rows(text).into_iter();
    let header = rows.next()?;
    let columns: Vec<Column> = header
        .iter()
        .map(|c| column(&unquote(&text[c.clone()])))
        .collect();
    let symbol = columns.iter().position(|c| *c == Column::Symbol)?;
    if !columns
        .iter()
        .any(|c| matches!(c, Column::Title | Column::Related))
    {
        return None;
    }
    let mut out = Vec::new();
    for row in rows {
        let cell = |k: usize| row.get(k).cloned();
        // A joint document has several symbols (`A/58/667; S/2003/1219`): the first names it.
        let Some(sym) = cell(symbol).and_then(|c| pieces(text, c).into_iter().next()) else {
            continue;
        };
        let (Some(first), Some(last)) = (row.first(), row.last()) else {
            continue;
        };
        let mut r = CatalogueRecord {
            span: first.start..last.end,
            symbol: Some(sym),
            ..CatalogueRecord::default()
        };
        for (k, range) in row.iter().enumerate() {
            let value = Value {
                text: unquote(&text[range.clone()]).trim().to_string(),
                span: range.clone(),
            };
            if value.text.is_empty() {
                continue;
            }
            match columns.get(k).copied().unwrap_or(Column::Other) {
                Column::Title if r.title.is_none() => {
                    r.title = Some(super::marc::title_proper(&value.text))
                }
                Column::Date if r.date.is_none() => r.date = Some(value.text),
                Column::Agenda => r.agenda.push(value.text),
                Column::Session if r.session.is_none() => r.session = Some(value.text),
                Column::Related => r.related.extend(pieces(text, range.clone())),
                Column::Note => r.notes.push(value),
                _ => {}
            }
        }
        out.push(r);
    }
    Some(out)
}

/// The values of a cell that lists several (`S/RES/372(1975); S/RES/373(1975)`), split at
/// semicolons, each trimmed, with its own place.
fn pieces(text: &str, cell: Range<usize>) -> Vec<Value> {
    let raw = &text[cell.clone()];
    let mut out = Vec::new();
    let mut at = cell.start;
    for part in raw.split(';') {
        let lead = part.len() - part.trim_start_matches(crate::layout::is_space).len();
        let body = part.trim_matches(crate::layout::is_space);
        if !body.is_empty() {
            out.push(Value {
                text: unquote(body),
                span: at + lead..at + lead + body.len(),
            });
        }
        at += part.len() + 1;
    }
    out
}

/// A cell's text: a quoted cell's doubled quotes as one. Most cells hold no quote, found by
/// one vector scan (the search for `""` walked every cell's text at a byte a step).
fn unquote(raw: &str) -> String {
    if memchr::memchr(b'"', raw.as_bytes()).is_none() {
        return raw.to_string();
    }
    raw.replace("\"\"", "\"")
}

/// The cells of each row (RFC 4180: commas between cells, a cell in double quotes may hold
/// commas, line breaks and doubled quotes), as the byte ranges of their raw text: inside the
/// quotes of a quoted cell. Blank lines hold no row.
fn rows(text: &str) -> Vec<Vec<Range<usize>>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut row: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i <= b.len() {
        // One cell from `i`.
        let (range, next) = if b.get(i) == Some(&b'"') {
            // The quotes of a cell's text found by vector scans (a long text cell was walked a
            // byte a step): each is the closing one unless another follows it.
            let start = i + 1;
            let mut j = start;
            loop {
                match memchr::memchr(b'"', &b[j.min(b.len())..]) {
                    None => {
                        j = b.len();
                        break;
                    }
                    Some(k) if b.get(j + k + 1) == Some(&b'"') => j += k + 2,
                    Some(k) => {
                        j += k;
                        break;
                    }
                }
            }
            // Past the closing quote to the next comma or line end (text after a closing quote
            // is not valid CSV; it is skipped).
            let from = (j + 1).min(b.len());
            let k = cell_end(b, from);
            (start..j.min(b.len()), k)
        } else {
            let j = cell_end(b, i);
            let end = if j > i && b[j - 1] == b'\r' { j - 1 } else { j };
            (i..end, j)
        };
        row.push(range);
        match b.get(next) {
            Some(b',') => i = next + 1,
            _ => {
                // A row ends; a blank line holds none.
                if !(row.len() == 1 && row[0].is_empty()) {
                    out.push(std::mem::take(&mut row));
                }
                row.clear();
                i = next + 1;
            }
        }
    }
    out
}

/// Where an unquoted stretch from `i` ends: at the next comma or line feed, or the end.
fn cell_end(b: &[u8], i: usize) -> usize {
    memchr::memchr2(b',', b'\n', &b[i..]).map_or(b.len(), |k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cutting read as a machine of states, a byte a step: what [`rows`] must give.
    fn rows_by_states(text: &str) -> Vec<Vec<Range<usize>>> {
        enum At {
            /// A cell starts here.
            Start,
            /// In an unquoted cell that started there.
            Plain(usize),
            /// Inside quotes opened before there.
            Quoted(usize),
            /// The quotes closed around that text; what follows up to the cell's end is dropped.
            Closed(Range<usize>),
        }
        let b = text.as_bytes();
        let (mut out, mut row) = (Vec::new(), Vec::new());
        let (mut at, mut p) = (At::Start, 0);
        loop {
            if let At::Start = at {
                at = if b.get(p) == Some(&b'"') {
                    p += 1;
                    At::Quoted(p)
                } else {
                    At::Plain(p)
                };
            }
            let byte = b.get(p).copied();
            let cell = match (&at, byte) {
                (At::Quoted(_), Some(b'"')) if b.get(p + 1) == Some(&b'"') => {
                    p += 2;
                    continue;
                }
                (At::Quoted(s), Some(b'"')) => {
                    at = At::Closed(*s..p);
                    p += 1;
                    continue;
                }
                (At::Quoted(s), None) => *s..p,
                (At::Closed(r), None | Some(b',' | b'\n')) => r.clone(),
                (At::Plain(s), None | Some(b',' | b'\n')) => {
                    let cr = p > *s && b[p - 1] == b'\r';
                    *s..p - usize::from(cr)
                }
                _ => {
                    p += 1;
                    continue;
                }
            };
            row.push(cell);
            if byte != Some(b',') && !(row.len() == 1 && row[0].is_empty()) {
                out.push(std::mem::take(&mut row));
            }
            if byte != Some(b',') {
                row.clear();
            }
            if byte.is_none() {
                return out;
            }
            at = At::Start;
            p += 1;
        }
    }

    proptest::proptest! {
        /// Cells found by vector scans are the cells found a byte a step, quotes, doubled
        /// quotes, unclosed quotes and line breaks included.
        #[test]
        fn rows_as_by_bytes(text in "[a\",\n\r é]{0,40}") {
            proptest::prop_assert_eq!(rows(&text), rows_by_states(&text));
        }
    }

    const EXPORT: &str = "undl_record_id,symbol_191a,title_239a,title_245a,related_documents_993a\r\n\
        1546,S/12997,\"S-G. Note transmitting paras. 7, 9 of GA res. 33/38 B\",Note /,\r\n\
        \r\n\
        1600,A/58/667; S/2003/1219,,\"Letter, \"\"urgent\"\"\",S/RES/372(1975); S/RES/373(1975)\r\n";

    #[test]
    fn rows_with_quotes_and_places() {
        let records = read(EXPORT).unwrap_or_default();
        assert_eq!(records.len(), 2);
        let r = &records[0];
        assert_eq!(r.symbol.as_ref().map(|v| v.text.as_str()), Some("S/12997"));
        assert_eq!(r.title.as_deref(), Some("Note"));
        assert_eq!(r.notes.len(), 1);
        assert_eq!(
            &EXPORT[r.notes[0].span.clone()],
            "S-G. Note transmitting paras. 7, 9 of GA res. 33/38 B"
        );
        let joint = &records[1];
        assert_eq!(
            joint.symbol.as_ref().map(|v| &EXPORT[v.span.clone()]),
            Some("A/58/667")
        );
        assert_eq!(joint.title.as_deref(), Some("Letter, \"urgent\""));
        let related: Vec<&str> = joint
            .related
            .iter()
            .map(|v| &EXPORT[v.span.clone()])
            .collect();
        assert_eq!(related, ["S/RES/372(1975)", "S/RES/373(1975)"]);
    }

    #[test]
    fn other_tables_are_not_catalogues() {
        assert!(read("rcid,session,date,unres\n3,1,1946-01-01,R/1/66\n").is_none());
        assert!(read("varname,group,description\nbody,1_id,\"The body\"\n").is_none());
    }

    #[test]
    fn headers_by_tag_and_by_name() {
        assert_eq!(column("symbol_191a"), Column::Symbol);
        assert_eq!(column("statement_245c"), Column::Note);
        assert_eq!(column("Title"), Column::Title);
        assert_eq!(column("related_documents_993a"), Column::Related);
        assert_eq!(column("subjects_650a"), Column::Other);
    }
}
