//! What the readers of XML-based formats (DOCX, OpenDocument) share: element tests by local
//! name, and the tidying of the paragraphs they build.

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
