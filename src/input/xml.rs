//! What the readers of office formats (DOCX, OpenDocument, old Word) share: bounded reads of
//! their parts, XML parsing, element tests by local name, and the tidying of the paragraphs
//! they build.

use std::io::Read;

/// The most bytes read from one part of a file (an archive's XML part, a compound file's
/// stream), whatever the file claims: a ZIP bomb costs no more than that.
pub const MAX_PART: u64 = 256 << 20;

/// Reads `r` to its end, up to [`MAX_PART`] bytes; `what` names it in the error.
pub(crate) fn read_bounded(r: impl Read, what: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    r.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("damaged {what} ({e})"))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(format!("{what} is larger than {} MiB", MAX_PART >> 20));
    }
    Ok(bytes)
}

/// One part of a ZIP archive as text, `None` when absent.
pub(crate) fn zip_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot open {name} in the archive ({e})")),
    };
    let bytes = read_bounded(file, &format!("{name} in the archive"))?;
    super::encoding::decode(&bytes, None)
        .map(|d| Some(d.text))
        .map_err(|e| format!("{name}: byte {}: {}", e.offset, e.message))
}

/// Parses XML, DTDs refused (no entity expansion); `name` names it in the error.
pub(crate) fn parse<'x>(xml: &'x str, name: &str) -> Result<roxmltree::Document<'x>, String> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(xml.trim_start_matches('\u{FEFF}'), opts)
        .map_err(|e| format!("{name} is not well-formed XML ({e})"))
}

/// Whether `n` is an element named `local`, whatever its namespace (`w:p`, `text:p`).
pub(crate) fn is(n: &roxmltree::Node<'_, '_>, local: &str) -> bool {
    n.is_element() && n.tag_name().name() == local
}

/// An attribute by local name, whatever its namespace (`w:id`, `text:c`).
pub(crate) fn attr<'a>(n: &roxmltree::Node<'a, '_>, local: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == local)
        .map(|a| a.value())
}

/// Paragraphs built with a blank line before each, tidied: no blanks at the ends of lines, at
/// most one blank line in a row, none at the start, one line break at the end.
pub(crate) fn tidy_paragraphs(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    let mut blank = 0;
    for line in s.trim_start_matches('\n').split('\n') {
        let line = line.trim_end_matches([' ', '\t']);
        blank = if line.is_empty() { blank + 1 } else { 0 };
        if blank < 2 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim_end_matches('\n').to_string() + "\n"
}
