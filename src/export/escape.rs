//! Escaping shared by the text formats: XML (GraphML, GEXF), CSV, and JSON strings written by
//! hand (as serde_json writes them).
//!
//! Titles come from the corpus and may hold anything. XML 1.0 cannot carry most control
//! characters at all (not even as `&#1;`), and RFC 4180 CSV allows none but line breaks, so
//! [`clean`] drops every control character except tab, line feed and carriage return (and the
//! non-characters U+FFFE and U+FFFF). Everything else, right-to-left text and bidi marks included,
//! is kept as it is: the files are UTF-8.

use std::borrow::Cow;

/// Whether a character can be written at all (see the module comment).
fn keep(c: char) -> bool {
    let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    !(control || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `s` without the characters no format here can carry.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(keep) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| keep(c)).collect())
    }
}

/// XML character data (element content): `&`, `<` and `>` escaped, carriage returns written as
/// `&#13;` so that parsers do not fold them into line feeds.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// An XML attribute value (to stand between double quotes): as [`xml_text`], plus quotes, and
/// tab, line feed and carriage return as character references so that attribute-value
/// normalisation does not turn them into spaces.
pub fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// An `xs:token` value: clean, runs of XML whitespace (space, tab, line feed, carriage return)
/// collapsed to one space, trimmed. A validating reader normalises a token this way anyway;
/// writing it normalised keeps the file valid as it stands. Other spaces (no-break, ideographic)
/// are kept.
pub fn token(s: &str) -> String {
    clean(s)
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A web address as `xs:anyURI` holds it: the characters a URI cannot carry (space, controls,
/// non-ASCII, `<>"{}|\^` and the backtick) percent-encoded as UTF-8 bytes, the escaping XLink
/// and the XML Schema spec describe; everything else, `%` included, as it is.
pub fn uri(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_graphic() && !"<>\"{}|\\^`".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
/// trailing whitespace, with quotes doubled.
pub fn csv_field(s: &str) -> String {
    let s = clean(s);
    let needs = s.contains([',', '"', '\n', '\r'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// `s` as the inside of a JSON string, appended to `out`, escaped as serde_json escapes: quote,
/// backslash and control characters (short forms where JSON has them, else `\u00xx`);
/// everything else as it is.
pub fn json_str_into(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // Most strings need no escape.
    if !needs_escape(b) {
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

/// Whether a JSON string needs an escape: a quote, a backslash or a control character in `b`.
/// Sixteen bytes at a time on x86_64, the last ones padded: most strings written are shorter
/// than sixteen bytes (ids, dates, bodies), and a vector loop had read them byte by byte.
fn needs_escape(b: &[u8]) -> bool {
    // SAFETY: SSE2 is part of every x86_64 processor.
    #[cfg(target_arch = "x86_64")]
    return crate::scan::any_part(b, b' ', |p| unsafe { sse2::needs_escape(p) });
    #[cfg(not(target_arch = "x86_64"))]
    needs_escape_by_byte(b)
}

/// [`needs_escape`] byte by byte: the reading off x86_64, and the reference of the tests.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn needs_escape_by_byte(b: &[u8]) -> bool {
    b.iter().any(|&x| x < 0x20 || x == b'"' || x == b'\\')
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn needs_escape(part: &[u8; 16]) -> bool {
        // SAFETY: `part` is sixteen readable bytes; the load has no alignment requirement.
        let v = unsafe { _mm_loadu_si128(part.as_ptr().cast()) };
        // Below 0x20 as unsigned bytes: the minimum with 0x1F leaves the byte as it is.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) != 0
    }
}

/// `s` as a JSON string with its quotes, appended to `out` (see [`json_str_into`]).
pub fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    json_str_into(out, s);
    out.push(b'"');
}

/// `s` as a JSON string, or `null` for none, appended to `out`.
pub fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A number in decimal, appended to `out`.
pub fn json_number(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    out.extend_from_slice(crate::symbol::decimal(n, &mut buf));
}

/// The separators of a JSON writer's objects: the JSON lines of `extract` are compact, a graph
/// file puts a space after each comma and colon (as Python's `json.dumps`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// `{"part":"preamble","paragraph":1}`
    Compact,
    /// `{"part": "preamble", "paragraph": 1}`
    Spaced,
}

/// The fields of a mention's place, from the comma before them: `, "start": N, "end": N,
/// "text": "...", "clause": {...}` (the graph file's mention records and the JSON lines of
/// `extract` both hold them, in this order).
#[inline(always)]
pub fn place_json(
    out: &mut Vec<u8>,
    (start, end): (usize, usize),
    text: &str,
    clause: &crate::layout::Clause,
    spacing: Spacing,
) {
    let spaced = spacing == Spacing::Spaced;
    out.extend_from_slice(if spaced {
        b", \"start\": "
    } else {
        b",\"start\":"
    });
    json_number(out, start as u64);
    out.extend_from_slice(if spaced { b", \"end\": " } else { b",\"end\":" });
    json_number(out, end as u64);
    out.extend_from_slice(if spaced {
        b", \"text\": "
    } else {
        b",\"text\":"
    });
    json_str(out, text);
    out.extend_from_slice(if spaced {
        b", \"clause\": "
    } else {
        b",\"clause\":"
    });
    clause_json(out, clause, spacing);
}

/// A mention's clause as a JSON object (`{"part": ..., "paragraph": ..., "verb": ...}`, and its
/// section where it has one), appended to `out`. Always inlined: with the spacing known where
/// it is called, each key and its separators is one constant (a copy of unknown length is a
/// call).
#[inline(always)]
pub fn clause_json(out: &mut Vec<u8>, c: &crate::layout::Clause, spacing: Spacing) {
    let spaced = spacing == Spacing::Spaced;
    out.extend_from_slice(if spaced {
        b"{\"part\": \""
    } else {
        b"{\"part\":\""
    });
    // Part names are plain words: nothing to escape.
    out.extend_from_slice(c.part.as_str().as_bytes());
    out.extend_from_slice(if spaced {
        b"\", \"paragraph\": "
    } else {
        b"\",\"paragraph\":"
    });
    match c.paragraph {
        Some(n) => json_number(out, u64::from(n)),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(if spaced {
        b", \"verb\": "
    } else {
        b",\"verb\":"
    });
    json_opt_str(out, c.verb.as_deref());
    if let Some(s) = c.section {
        out.extend_from_slice(if spaced {
            b", \"section\": "
        } else {
            b",\"section\":"
        });
        json_str(out, s.as_str());
    }
    out.push(b'}');
}

/// A date as serde writes a `NaiveDate` (`2023-12-22`; chrono's own form outside years 0-9999),
/// with its quotes.
pub fn json_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    if !(0..=9999).contains(&d.year()) {
        return json_str(out, &d.to_string());
    }
    let digits = |out: &mut Vec<u8>, n: u32, width: u32| {
        for k in (0..width).rev() {
            out.push(b'0' + (n / 10u32.pow(k) % 10) as u8);
        }
    };
    out.push(b'"');
    digits(out, d.year() as u32, 4);
    out.push(b'-');
    digits(out, d.month(), 2);
    out.push(b'-');
    digits(out, d.day(), 2);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The vector check finds what a byte-by-byte one finds, wherever the byte stands
        /// (in a whole sixteen, in the padded last bytes) and for the bytes next to the
        /// escaped ones (0x1F and 0x20, 0x80 and above).
        #[test]
        fn escapes_found_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'a'), Just(b' '), Just(0x1Fu8), Just(0x7Fu8), Just(0x80u8), Just(0xFFu8),
                Just(b'"'), Just(b'\\'), Just(b'!'), Just(b'#'), Just(0u8),
            ], 0..70),
        ) {
            prop_assert_eq!(needs_escape(&bytes), needs_escape_by_byte(&bytes));
        }
    }

    #[test]
    fn drops_only_what_cannot_be_written() {
        assert_eq!(clean("a\u{0}b\u{7}c\u{1b}d\u{7f}e\u{85}f"), "abcdef");
        assert_eq!(clean("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
        assert_eq!(clean("\u{FFFE}x\u{FFFF}"), "x");
        assert_eq!(
            clean("\u{202E}עברית\u{200F} العربية"),
            "\u{202E}עברית\u{200F} العربية"
        );
    }

    #[test]
    fn xml() {
        assert_eq!(
            xml_text("a & <b> ]]> \"q\"\r"),
            "a &amp; &lt;b&gt; ]]&gt; \"q\"&#13;"
        );
        assert_eq!(
            xml_attr("'x'\t\"y\"\n&\u{1}"),
            "&apos;x&apos;&#9;&quot;y&quot;&#10;&amp;"
        );
        assert_eq!(token("  a \n\t b  "), "a b");
        assert_eq!(token("a\u{a0}b\u{3000}c"), "a\u{a0}b\u{3000}c");
    }

    #[test]
    fn uris() {
        assert_eq!(
            uri("https://undocs.org/S/RES/1325(2000)"),
            "https://undocs.org/S/RES/1325(2000)"
        );
        assert_eq!(uri("a b\n\"é\"%20"), "a%20b%0A%22%C3%A9%22%20");
    }

    #[test]
    fn csv() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(" pad"), "\" pad\"");
    }
}
