//! OpenDocument text (`.odt`, LibreOffice's own format, and its one-file XML form `.fodt`) to
//! text, in the shape the DOCX reader gives ([`super::docx`]): one paragraph per block with a
//! blank line between, a footnote reference as its number glued to the text, and the footnotes
//! after the body under a rule line, `n text` each.
//!
//! The text is the `office:text` element of `content.xml` (or of the flat file): paragraphs
//! and headings, with tabs, line breaks and runs of spaces (`text:s`) kept; a footnote
//! (`text:note` of class `footnote`) stands where it is referred to, and its body is moved to
//! the end. Tracked deletions, endnotes, annotations and the frames of pictures are left out.

use super::xml::{attr, is, parse, tidy_paragraphs, zip_part};
use std::io::{Cursor, Read};

/// The most bytes read from `content.xml`, whatever the archive claims.
pub const MAX_PART: u64 = super::xml::MAX_PART;

/// The media type of an OpenDocument text, as its `mimetype` entry (or a flat file's
/// `office:mimetype`) writes it.
const MIME: &str = "application/vnd.oasis.opendocument.text";

/// Whether `bytes` are a ZIP archive holding an OpenDocument text (its `mimetype` entry).
pub fn is_odt(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let Ok(file) = zip.by_name("mimetype") else {
        return false;
    };
    let mut mime = String::new();
    file.take(256).read_to_string(&mut mime).is_ok() && mime.trim() == MIME
}

/// Whether `text` is a flat OpenDocument text (`.fodt`): an `office:document` of that type.
pub fn is_flat_odt(text: &str) -> bool {
    let head = &text[..crate::layout::floor_char(text, 4096)];
    // Markup opens with `<`: a plain text is passed over on one byte search.
    memchr::memchr(b'<', head.as_bytes()).is_some()
        && head.contains("<office:document ")
        && head.contains(MIME)
}

/// Converts the bytes of an ODT file to text; the error says what is wrong with the file.
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("damaged ZIP archive ({e})"))?;
    let xml = zip_part(&mut zip, "content.xml")?
        .ok_or_else(|| "no content.xml in the OpenDocument archive".to_string())?;
    xml_to_text(&xml, "content.xml")
}

/// Converts the XML of a document (`content.xml`, or a whole `.fodt`) to text.
pub fn xml_to_text(xml: &str, name: &str) -> Result<String, String> {
    let doc = parse(xml, name)?;
    let Some(body) = doc.descendants().find(|n| is(n, "text") && is_office(n)) else {
        return Err(format!("{name} holds no text (no office:text element)"));
    };
    let mut out = Body::default();
    out.walk(body);
    let mut text = tidy_paragraphs(&out.s);
    if !out.notes.is_empty() {
        text.push_str("\n__________________\n");
        for (n, note) in out.notes.iter().enumerate() {
            text.push_str(&format!("{} {}\n", n + 1, note));
        }
    }
    Ok(text)
}

fn is_office(n: &roxmltree::Node<'_, '_>) -> bool {
    n.tag_name()
        .namespace()
        .is_some_and(|ns| ns == "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
}

/// Text built in document order, and the footnotes met so far.
#[derive(Default)]
struct Body {
    s: String,
    notes: Vec<String>,
}

impl Body {
    /// Appends the text under `root`. Iterative: nesting depth is the file's.
    fn walk(&mut self, root: roxmltree::Node<'_, '_>) {
        let mut stack = vec![root.children()];
        while let Some(children) = stack.last_mut() {
            let Some(n) = children.next() else {
                stack.pop();
                continue;
            };
            if n.is_text() {
                // Text counts inside paragraphs only; white space between blocks is layout.
                if !n.ancestors().any(|a| is(&a, "p") || is(&a, "h")) {
                    continue;
                }
                // XML white space inside a paragraph counts as one space, as ODF says.
                let t = n.text().unwrap_or("");
                // White space at the start of a paragraph or line is not kept.
                let mut last_space = self.s.is_empty() || self.s.ends_with([' ', '\n']);
                for c in t.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r') {
                        if !last_space {
                            self.s.push(' ');
                        }
                        last_space = true;
                    } else {
                        self.s.push(c);
                        last_space = false;
                    }
                }
                continue;
            }
            if !n.is_element() {
                continue;
            }
            match n.tag_name().name() {
                "p" | "h" => {
                    self.s.push_str("\n\n");
                    stack.push(n.children());
                }
                "tab" => self.s.push('\t'),
                "line-break" => self.s.push('\n'),
                "s" => {
                    let c = attr(&n, "c").and_then(|c| c.parse().ok()).unwrap_or(1usize);
                    self.s.extend(std::iter::repeat_n(' ', c.min(1000)));
                }
                "soft-page-break" => {}
                "note" => {
                    if attr(&n, "note-class").unwrap_or("footnote") == "footnote" {
                        let mut note = Body::default();
                        if let Some(b) = n.children().find(|c| is(c, "note-body")) {
                            note.walk(b);
                        }
                        self.notes.push(
                            tidy_paragraphs(&note.s)
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" "),
                        );
                        self.s.push_str(&self.notes.len().to_string());
                    }
                }
                // Deleted text of tracked changes, comments, and what frames draw.
                "tracked-changes" | "annotation" | "frame" | "sequence-decls" => {}
                _ => stack.push(n.children()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
                      xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

    fn flat(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><office:document {NS} office:mimetype=\"{MIME}\"><office:body><office:text>{body}</office:text></office:body></office:document>"
        )
    }

    #[test]
    fn paragraphs_spaces_and_footnotes() {
        let xml = flat(
            "<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>\
             <text:h>The General Assembly,</text:h>\
             <text:p>Recalling  its\n resolution<text:s text:c=\"2\"/>70/1,<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>See A/78/265.</text:p></text:note-body></text:note> and<text:line-break/>1325 (2000)<text:note text:note-class=\"endnote\"><text:note-body><text:p>E/2023/1</text:p></text:note-body></text:note></text:p>\
             <text:tracked-changes><text:changed-region><text:deletion><text:p>S/2020/1</text:p></text:deletion></text:changed-region></text:tracked-changes>\
             <text:p>1.<text:tab/>Decides;</text:p>",
        );
        assert!(is_flat_odt(&xml));
        assert_eq!(
            xml_to_text(&xml, "t.fodt").unwrap(),
            "The General Assembly,\n\nRecalling its resolution  70/1,1 and\n1325 (2000)\n\n1.\tDecides;\n\n__________________\n1 See A/78/265.\n"
        );
    }

    proptest::proptest! {
        /// Paragraphs of random pieces (text, spaces, tabs, breaks, nested footnotes and
        /// spans): always read, the footnotes numbered in order, and no more lines than the
        /// pieces could make.
        #[test]
        fn random_paragraphs_are_read(
            pieces in proptest::collection::vec(0usize..8, 0..40),
            counts in proptest::collection::vec(0usize..5000, 40),
        ) {
            let mut body = String::from("<text:p>");
            let mut notes = 0;
            for (k, p) in pieces.iter().enumerate() {
                body.push_str(&match p {
                    0 => "resolution 70/1 of 25 September 2015".to_string(),
                    1 => format!("<text:s text:c=\"{}\"/>", counts[k]),
                    2 => "<text:tab/>".to_string(),
                    3 => "<text:line-break/>".to_string(),
                    4 => {
                        notes += 1;
                        "<text:note text:note-class=\"footnote\"><text:note-body><text:p>A/78/265 <text:span>x</text:span></text:p></text:note-body></text:note>".to_string()
                    }
                    5 => "</text:p><text:p>".to_string(),
                    6 => "<text:span>S/RES/1325 (2000)</text:span>".to_string(),
                    _ => " \n ".to_string(),
                });
            }
            body.push_str("</text:p>");
            let text = xml_to_text(&flat(&body), "t").unwrap();
            for n in 1..=notes {
                let line = format!("\n{n} A/78/265 x\n");
                proptest::prop_assert!(text.contains(&line), "{text:?}");
            }
            proptest::prop_assert!(text.lines().count() <= 3 * pieces.len() + notes + 3);
        }
    }

    #[test]
    fn what_is_refused() {
        assert!(
            xml_to_text("<a>", "x")
                .unwrap_err()
                .contains("not well-formed")
        );
        assert!(xml_to_text("<a/>", "x").unwrap_err().contains("no text"));
        assert!(to_text(b"PK\x03\x04garbage").is_err());
        assert!(!is_odt(b"PK\x03\x04garbage"));
        assert!(!is_flat_odt("<html><body>office:document</body></html>"));
    }
}
