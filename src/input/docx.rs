//! Word (DOCX) to text: the ZIP archive's `word/document.xml`, one paragraph per block with a
//! blank line between, tabs and line breaks kept, deleted text and field codes dropped. Footnote
//! references become their number glued to the text (as in a PDF), and the footnotes follow the
//! body under a rule line, `n text` each, where [`crate::layout`] finds them.
//!
//! Bounded: each XML part is read up to [`MAX_PART`] bytes whatever the archive claims, so a
//! ZIP bomb costs no more than that.

use super::xml::{attr, is, parse, tidy_paragraphs, zip_part as part};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most bytes read from one part of the archive.
pub const MAX_PART: u64 = super::xml::MAX_PART;

/// Converts the bytes of a DOCX file to text; the error says what is wrong with the file.
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("damaged ZIP archive ({e})"))?;
    let Some(document) = part(&mut zip, "word/document.xml")? else {
        return Err(not_word(&mut zip));
    };
    let footnotes = part(&mut zip, "word/footnotes.xml")?;
    let notes = match &footnotes {
        Some(xml) => footnote_texts(xml)?,
        None => HashMap::new(),
    };
    let body = parse(&document, "word/document.xml")?;
    let mut out = Body::default();
    walk(body.root(), &mut out);
    let mut text = out.finish();
    if !out.refs.is_empty() {
        text.push_str("\n__________________\n");
        for (n, id) in out.refs.iter().enumerate() {
            let note = notes.get(id).map(String::as_str).unwrap_or("");
            text.push_str(&format!("{} {}\n", n + 1, note));
        }
    }
    Ok(text)
}

/// What a ZIP that is not a Word document is, as far as can be told.
fn not_word<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> String {
    let mime = part(zip, "mimetype").ok().flatten().unwrap_or_default();
    let what = if mime.contains("opendocument.text") {
        "an OpenDocument text (ODT) without its content.xml"
    } else if zip.index_for_name("xl/workbook.xml").is_some() {
        "an Excel workbook, not a Word document"
    } else if zip.index_for_name("ppt/presentation.xml").is_some() {
        "a PowerPoint presentation, not a Word document"
    } else {
        "a ZIP archive without word/document.xml: not a Word document"
    };
    what.to_string()
}

/// One part of the archive as text, `None` when absent.
/// The text of each footnote by its id (separators left out).
fn footnote_texts(xml: &str) -> Result<HashMap<String, String>, String> {
    let doc = parse(xml, "word/footnotes.xml")?;
    let mut notes = HashMap::new();
    for n in doc.descendants().filter(|n| is(n, "footnote")) {
        let kind = attr(&n, "type").unwrap_or("normal");
        let Some(id) = attr(&n, "id") else { continue };
        if kind != "normal" {
            continue;
        }
        let mut b = Body::default();
        walk(n, &mut b);
        let text = b.finish();
        let joined: Vec<&str> = text.split_whitespace().collect();
        notes.insert(id.to_string(), joined.join(" "));
    }
    Ok(notes)
}

/// Text of the body, built in document order.
#[derive(Default)]
struct Body {
    s: String,
    /// Footnote ids in order of reference.
    refs: Vec<String>,
}

impl Body {
    fn finish(&self) -> String {
        tidy_paragraphs(&self.s)
    }
}

/// Walks the element tree in document order (iteratively: nesting depth is the file's).
fn walk(root: roxmltree::Node<'_, '_>, out: &mut Body) {
    for n in root.descendants() {
        if !n.is_element() {
            continue;
        }
        match n.tag_name().name() {
            "p" => out.s.push_str("\n\n"),
            "tr" => out.s.push('\n'),
            "tab" => out.s.push('\t'),
            "br" | "cr" => out.s.push('\n'),
            "noBreakHyphen" => out.s.push('-'),
            "softHyphen" => out.s.push('\u{AD}'),
            "t" if !in_fallback(n) => out.s.push_str(n.text().unwrap_or("")),
            "footnoteReference" => {
                if let Some(id) = attr(&n, "id") {
                    out.refs.push(id.to_string());
                    out.s.push_str(&out.refs.len().to_string());
                }
            }
            _ => {}
        }
    }
}

/// Text inside `mc:Fallback` repeats what `mc:Choice` holds (text boxes for old readers).
fn in_fallback(n: roxmltree::Node<'_, '_>) -> bool {
    n.ancestors().any(|a| is(&a, "Fallback"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal DOCX with the given document.xml body and footnotes.
    pub(crate) fn make_docx(body: &str, footnotes: Option<&str>) -> Vec<u8> {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut add = |name: &str, content: String| {
            zip.start_file(name, opts).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        };
        add("[Content_Types].xml", "<Types/>".into());
        add(
            "word/document.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {w}><w:body>{body}</w:body></w:document>"
            ),
        );
        if let Some(f) = footnotes {
            add(
                "word/footnotes.xml",
                format!(
                    "<w:footnotes {w}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{f}</w:footnotes>"
                ),
            );
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn paragraphs_and_footnotes() {
        let body = "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space=\"preserve\">Recalling its resolution 70/1 of 25 September 2015,</w:t></w:r>\
            <w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:delText>deleted</w:delText></w:r></w:p>\
            <w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t>Decides &amp; requests;</w:t></w:r></w:p>";
        let notes = "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> See A/78/265.</w:t></w:r></w:p></w:footnote>";
        let t = to_text(&make_docx(body, Some(notes))).unwrap();
        assert_eq!(
            t,
            "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,1\n\n1.\tDecides & requests;\n\n__________________\n1 See A/78/265.\n"
        );
    }

    #[test]
    fn not_a_word_file() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(to_text(&bytes).unwrap_err().contains("not a Word document"));
        assert!(to_text(b"PK\x03\x04garbage").is_err());
        assert!(to_text(&bytes[..bytes.len() / 2]).is_err());
    }
}
