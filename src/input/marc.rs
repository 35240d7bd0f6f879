//! MARC 21 XML (MARCXML): the catalogue records that the UN Digital Library exports, one
//! `record` element per document, its fields as `datafield` elements with a three-digit `tag`
//! and `subfield`s with a one-letter `code`. Read here for what the records say of each document
//! (symbol, title, date, agenda item), the documents they relate it to (field 993: a draft's
//! resolution, the committee report) and their notes, each value with the place of its raw text
//! in the file, so that mentions found in them point into the file itself.
//!
//! Namespace prefixes are ignored (`marc:record`, `ns0:record` and `record` are read alike).

use quick_xml::events::{BytesStart, Event};
use std::ops::Range;

/// One value of a record: its text (entities decoded) and where its raw text stands in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub text: String,
    pub span: Range<usize>,
}

/// What a catalogue record says of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueRecord {
    /// Where the record stands in the file.
    pub span: Range<usize>,
    /// Document symbol (191 $a).
    pub symbol: Option<Value>,
    /// Session, where the symbol has one (191 $c: `78`).
    pub session: Option<String>,
    /// Title proper (245 $a), without the closing ` :` or ` /` of the catalogue's punctuation.
    pub title: Option<String>,
    /// Date (269 $a, ISO or as the catalogue writes it).
    pub date: Option<String>,
    /// Agenda item numbers (991 $b: `71b`).
    pub agenda: Vec<String>,
    /// Language of the catalogue's own text (040 $b: `eng`).
    pub cataloguing_language: Option<String>,
    /// Related documents (993 $a), in the record's order.
    pub related: Vec<Value>,
    /// Free text that may cite other documents: the rest of the title (245 $b: `amendment to
    /// draft resolution A/C.3/78/L.51`), its statement of responsibility (245 $c: sponsors, or
    /// `submitted by the Chair on the recommendation of the Economic and Social Council
    /// (resolution 2023/25)`) and the notes (500, 505, 515, 520 $a).
    pub notes: Vec<Value>,
}

/// Whether `text` is MARCXML: a MARC 21 namespace, or `record` elements with `datafield`s.
pub fn looks_like_marc(text: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    // Searchers built once: a `contains` builds its own for every file of a corpus.
    static NAMESPACE: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new("http://www.loc.gov/MARC21/slim"));
    static RECORD: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("record"));
    static DATAFIELD: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("datafield"));
    let head = &text.as_bytes()[..crate::layout::floor_char(text, 4096)];
    // XML opens its elements with `<`: a head without one (most texts of a corpus) is told
    // by one byte search instead of three searches for words.
    if memchr::memchr(b'<', head).is_none() {
        return false;
    }
    // `<name` or `:name` (a prefixed element) anywhere in the head.
    let element = |finder: &Finder<'_>| {
        finder
            .find_iter(head)
            .any(|i| i > 0 && matches!(head[i - 1], b'<' | b':'))
    };
    NAMESPACE.find(head).is_some() || element(&RECORD) && element(&DATAFIELD)
}

/// The records of a MARCXML text, in file order. The error names the byte offset where the
/// text stops being well-formed XML.
pub fn read(text: &str) -> Result<Vec<CatalogueRecord>, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    let mut record: Option<CatalogueRecord> = None;
    // The open datafield's tag, and the open subfield's code, first indicator and the start of
    // its content.
    let mut field: Option<(String, char)> = None;
    let mut sub: Option<(char, usize)> = None;
    loop {
        let before = pos(&reader);
        let event = reader
            .read_event()
            .map_err(|e| format!("byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "record" => {
                    record = Some(CatalogueRecord {
                        span: before..before,
                        ..CatalogueRecord::default()
                    })
                }
                "datafield" => {
                    field = Some((
                        attr(&e, "tag"),
                        attr(&e, "ind1").chars().next().unwrap_or(' '),
                    ))
                }
                "subfield" => sub = attr(&e, "code").chars().next().map(|c| (c, pos(&reader))),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "record" => {
                    if let Some(mut r) = record.take() {
                        r.span.end = pos(&reader);
                        out.push(r);
                    }
                }
                "datafield" => field = None,
                "subfield" => {
                    if let (Some(r), Some((tag, _)), Some((code, start))) =
                        (record.as_mut(), field.as_ref(), sub.take())
                    {
                        let raw = &text[start..before];
                        let value = Value {
                            text: quick_xml::escape::unescape(raw)
                                .map(|v| v.into_owned())
                                .unwrap_or_else(|_| raw.to_string()),
                            span: start..before,
                        };
                        take(r, tag, code, value);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn pos(reader: &quick_xml::Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn attr(e: &BytesStart<'_>, name: &str) -> String {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
        .unwrap_or_default()
}

/// A title proper without the punctuation the catalogue puts before the next element
/// (`Rights and duties :`, `Note /`).
pub(crate) fn title_proper(s: &str) -> String {
    s.trim()
        .trim_end_matches([':', '/', ';', '=', ','])
        .trim_end()
        .to_string()
}

/// Files the subfield `code` of field `tag` into the record.
fn take(r: &mut CatalogueRecord, tag: &str, code: char, value: Value) {
    if value.text.trim().is_empty() {
        return;
    }
    match (tag, code) {
        ("191", 'a') if r.symbol.is_none() => r.symbol = Some(value),
        ("191", 'c') if r.session.is_none() => r.session = Some(value.text.trim().to_string()),
        ("245", 'a') if r.title.is_none() => r.title = Some(title_proper(&value.text)),
        ("245", 'b' | 'c') | ("500" | "505" | "515" | "520", 'a') => r.notes.push(value),
        ("269", 'a') if r.date.is_none() => r.date = Some(value.text.trim().to_string()),
        ("991", 'b') => r.agenda.push(value.text.trim().to_string()),
        ("040", 'b') if r.cataloguing_language.is_none() => {
            r.cataloguing_language = Some(value.text.trim().to_string())
        }
        ("993", 'a') => r.related.push(value),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
<marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">
  <marc:datafield tag="191" ind1=" " ind2=" "><marc:subfield code="a">A/C.3/78/L.49/Rev.1</marc:subfield><marc:subfield code="c">78</marc:subfield></marc:datafield>
  <marc:datafield tag="245" ind1="1" ind2="0">
    <marc:subfield code="a">Rights &amp; duties :</marc:subfield>
    <marc:subfield code="b">amendment to draft resolution A/C.3/78/L.51 /</marc:subfield>
  </marc:datafield>
  <marc:datafield tag="269" ind1=" " ind2=" "><marc:subfield code="a">2023-11-08</marc:subfield></marc:datafield>
  <marc:datafield tag="991" ind1=" " ind2=" "><marc:subfield code="b">71b</marc:subfield></marc:datafield>
  <marc:datafield tag="993" ind1="1" ind2=" "><marc:subfield code="a">A/RES/78/213</marc:subfield></marc:datafield>
  <marc:datafield tag="993" ind1="3" ind2=" "><marc:subfield code="a">A/78/481/Add.2</marc:subfield></marc:datafield>
</marc:record>
<record><datafield tag="191"><subfield code="a">A/78/L.1</subfield></datafield></record>
</collection>"#;

    #[test]
    fn records_fields_and_places() {
        let records = read(TWO).unwrap_or_default();
        assert_eq!(records.len(), 2);
        let r = &records[0];
        let symbol = r.symbol.clone().unwrap_or_else(|| Value {
            text: String::new(),
            span: 0..0,
        });
        assert_eq!(symbol.text, "A/C.3/78/L.49/Rev.1");
        assert_eq!(&TWO[symbol.span.clone()], "A/C.3/78/L.49/Rev.1");
        assert_eq!(r.title.as_deref(), Some("Rights & duties"));
        assert_eq!(r.date.as_deref(), Some("2023-11-08"));
        assert_eq!(r.session.as_deref(), Some("78"));
        assert_eq!(r.agenda, ["71b"]);
        let related: Vec<&str> = r.related.iter().map(|v| &TWO[v.span.clone()]).collect();
        assert_eq!(related, ["A/RES/78/213", "A/78/481/Add.2"]);
        assert_eq!(r.notes.len(), 1);
        assert!(TWO[r.span.clone()].starts_with("<marc:record"));
        assert!(TWO[r.span.clone()].ends_with("</marc:record>"));
        assert_eq!(
            records[1].symbol.as_ref().map(|v| v.text.as_str()),
            Some("A/78/L.1")
        );
    }

    #[test]
    fn malformed_xml_names_the_place() {
        let err = read("<collection><record><datafield tag=\"191\"></record>").unwrap_err();
        assert!(err.starts_with("byte "), "{err}");
    }

    #[test]
    fn marc_told_from_other_xml() {
        assert!(looks_like_marc(TWO));
        assert!(!looks_like_marc("<html><body>A/RES/78/1</body></html>"));
    }

    proptest::proptest! {
        /// The searchers built once find what a search for each element name with `<` or `:`
        /// before it finds, in a head that holds a `<` (as every XML text's does).
        #[test]
        fn marc_sniffing_as_by_contains(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "<record", ":record", "record", "<datafield", "marc:datafield", " datafield",
                "http://www.loc.gov/MARC21/slim", "<", ":", "x", "é",
            ]), 0..12),
            pad in 0usize..4100,
        ) {
            let text = format!("{}{}", " ".repeat(pad), pieces.concat());
            let head = &text[..crate::layout::floor_char(&text, 4096)];
            let by_contains = head.contains('<')
                && (head.contains("http://www.loc.gov/MARC21/slim")
                    || (head.contains("<record") || head.contains(":record"))
                        && (head.contains("<datafield") || head.contains(":datafield")));
            proptest::prop_assert_eq!(looks_like_marc(&text), by_contains);
        }
    }
}
