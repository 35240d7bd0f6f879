//! HTML (saved UN pages) to text: tags dropped, entities decoded, white space collapsed as a
//! browser does, block elements and table rows on lines of their own, table cells separated by
//! tabs. Scripts, styles and comments are dropped. Malformed markup is read as far as it makes
//! sense: a `<` that opens no tag is text, an unclosed tag ends the text.

/// The encoding an HTML page declares in its first 1,024 bytes (`<meta charset="...">` or
/// `content="text/html; charset=..."`), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let at = find(&lower, b"charset=")?;
    let rest = &head[at + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    let label = &rest[..end];
    let enc = encoding_rs::Encoding::for_label(label)?;
    // A page that says UTF-16 in ASCII cannot be UTF-16.
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        },
    )
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether decoded text looks like HTML: it opens with a doctype, `<html`, `<head` or `<body`,
/// or with an XML declaration, a comment or a `<meta>`/`<link>` tag before `<html`.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    // Every opening looked for starts with `<`: other texts are not lower-cased at all.
    if !t.starts_with('<') {
        return false;
    }
    let head: String = t
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|p| head.starts_with(p))
        || (["<?xml", "<!--", "<meta", "<link"]
            .iter()
            .any(|p| head.starts_with(p))
            && head.contains("<html"))
}

/// What an element does to the text around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Element {
    /// Its content is not text (`script`, `style` ...).
    Skip,
    /// Preformatted: its line breaks are kept.
    Pre,
    /// A table cell: a tab before it.
    Cell,
    /// Stands on lines of its own, separated by a blank line.
    Paragraph,
    /// Starts a new line.
    Line,
    /// Inline: nothing.
    Inline,
}

/// The role of the element `name` (lower case). A `match`, which the compiler turns into a
/// few comparisons: searching lists of names took forty string comparisons a tag.
fn element(name: &[u8]) -> Element {
    match name {
        b"script" | b"style" | b"noscript" | b"template" | b"svg" | b"math" => Element::Skip,
        b"pre" | b"textarea" | b"listing" => Element::Pre,
        b"td" | b"th" => Element::Cell,
        b"p" | b"div" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"table" | b"ul"
        | b"ol" | b"dl" | b"blockquote" | b"section" | b"article" | b"header" | b"footer"
        | b"main" | b"nav" | b"aside" | b"form" | b"fieldset" | b"figure" | b"address" | b"hr"
        | b"title" | b"caption" | b"body" | b"head" | b"html" => Element::Paragraph,
        b"br" | b"tr" | b"li" | b"dt" | b"dd" | b"option" | b"thead" | b"tbody" | b"tfoot" => {
            Element::Line
        }
        _ => Element::Inline,
    }
}

/// Converts an HTML document to text.
pub fn to_text(html: &str) -> String {
    let mut out = Out::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut pre = 0usize;
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|k| i + k) else {
            out.text(&decoded(&html[i..]), pre > 0);
            break;
        };
        if lt > i {
            out.text(&decoded(&html[i..lt]), pre > 0);
        }
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |k| lt + k + 3);
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            let end = rest.find("]]>").map_or(html.len(), |k| lt + k);
            out.text(&html[(lt + 9).min(end)..end], pre > 0);
            i = (end + 3).min(html.len());
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(html.len(), |k| lt + k + 1);
            continue;
        }
        let after = bytes.get(lt + 1).copied().unwrap_or(b' ');
        let closing = after == b'/';
        let name_start = lt + 1 + usize::from(closing);
        let name_len = html[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(html.len() - name_start);
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // Not a tag: a literal `<`.
            out.text("<", pre > 0);
            i = lt + 1;
            continue;
        }
        // The name lower-cased on the stack: no element this reader knows has a longer one.
        let mut lower = [0u8; 16];
        let name: &[u8] = match lower.get_mut(..name_len) {
            Some(buf) => {
                buf.copy_from_slice(&bytes[name_start..name_start + name_len]);
                buf.make_ascii_lowercase();
                buf
            }
            None => b"",
        };
        let Some(end) = tag_end(html, name_start + name_len) else {
            break;
        };
        i = end;
        match element(name) {
            Element::Skip if !closing => {
                let close = format!("</{}", String::from_utf8_lossy(name));
                i = find_ci(html, end, &close)
                    .and_then(|k| html[k..].find('>').map(|g| k + g + 1))
                    .unwrap_or(html.len());
            }
            Element::Pre => {
                out.paragraph();
                pre = if closing {
                    pre.saturating_sub(1)
                } else {
                    pre + 1
                };
            }
            Element::Cell if !closing => out.cell(),
            Element::Paragraph => out.paragraph(),
            Element::Line => out.line(),
            _ => {}
        }
    }
    out.finish()
}

/// The end of a tag whose name ends at `pos`: after its `>`, skipping quoted attribute values.
fn tag_end(html: &str, pos: usize) -> Option<usize> {
    // From one quote or `>` to the next by vector scans: attribute values ran a byte a step.
    let bytes = html.as_bytes();
    let mut at = pos.min(bytes.len());
    loop {
        let k = at + memchr::memchr3(b'>', b'"', b'\'', &bytes[at..])?;
        if bytes[k] == b'>' {
            return Some(k + 1);
        }
        at = k + 1 + memchr::memchr(bytes[k], &bytes[k + 1..])? + 1;
    }
}

/// Case-insensitive search for an ASCII needle from `from`, tried where its first byte is
/// found: the bytes of a script or style were compared one window at a time.
fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes().get(from..)?;
    let n = needle.as_bytes();
    let first = *n.first()?;
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h)
        .find(|&k| {
            h.get(k..k + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
        })
        .map(|k| from + k)
}

/// The text of `s` with its character references decoded; most runs of text have none.
fn decoded(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('&') {
        std::borrow::Cow::Owned(decode_entities(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Builds the text: collapses white space, keeps at most one blank line.
#[derive(Default)]
struct Out {
    s: String,
    /// A space is owed before the next word.
    space: bool,
    /// Whether the current line has text.
    line_has_text: bool,
}

impl Out {
    /// Appends a run of text: taken a word at a time, not a character at a time (white space
    /// is ASCII, never a byte inside another character).
    fn text(&mut self, t: &str, pre: bool) {
        if pre {
            let mut lines = t.split('\n');
            if let Some(first) = lines.next() {
                self.push_run(first);
            }
            for line in lines {
                self.line();
                self.push_run(line);
            }
            return;
        }
        // HTML white space (not the no-break space, which stays).
        let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C');
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if space(&b[i]) {
                self.space = self.line_has_text;
                i += 1;
                continue;
            }
            let end = b[i..].iter().position(space).map_or(b.len(), |k| i + k);
            if self.space {
                self.s.push(' ');
                self.space = false;
            }
            self.push_run(&t[i..end]);
            i = end;
        }
    }

    /// Appends `run`, text of the current line.
    fn push_run(&mut self, run: &str) {
        if !run.is_empty() {
            self.s.push_str(run);
            self.line_has_text = true;
        }
    }

    fn cell(&mut self) {
        if self.line_has_text {
            self.s.push('\t');
        }
        self.space = false;
    }

    fn line(&mut self) {
        trim_line_end(&mut self.s);
        self.s.push('\n');
        self.space = false;
        self.line_has_text = false;
    }

    fn paragraph(&mut self) {
        trim_line_end(&mut self.s);
        if self.s.is_empty() || self.s.ends_with("\n\n") {
            return;
        }
        self.s
            .push_str(if self.s.ends_with('\n') { "\n" } else { "\n\n" });
        self.space = false;
        self.line_has_text = false;
    }

    fn finish(mut self) -> String {
        trim_line_end(&mut self.s);
        // Blank runs left by empty rows: at most one blank line.
        let mut out = String::with_capacity(self.s.len() + 1);
        let mut blank = 0;
        for line in self.s.lines() {
            if line.trim().is_empty() {
                blank += 1;
                if blank > 1 || out.is_empty() {
                    continue;
                }
                out.push('\n');
            } else {
                blank = 0;
                out.push_str(line);
                out.push('\n');
            }
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}

fn trim_line_end(s: &mut String) {
    while s.ends_with([' ', '\t']) {
        s.pop();
    }
}

/// Decodes character references: numeric ones and the named ones UN pages use. Unknown names
/// stay as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest
            .char_indices()
            .skip(1)
            .take(32)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .map(|(i, c)| (i, c == ';'));
        let (name_end, semi) = end.unwrap_or((rest.len().min(33), false));
        let name = &rest[1..name_end];
        match entity(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[name_end + usize::from(semi)..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(match n {
            0 => '\u{FFFD}',
            // Windows-1252 numbers that pages write for curly quotes and dashes.
            0x80..=0x9F => {
                let b = [n as u8];
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&b)
                    .0
                    .chars()
                    .next()
                    .unwrap_or('\u{FFFD}')
            }
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        });
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => '\u{AD}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "sect" => '§',
        "para" => '¶',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "iacute" => 'í',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "uacute" => 'ú',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "Eacute" => 'É',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_and_entities() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <table><tr><td><a href=\"x>y\">S/PV.1382</a></td><td>22 November </td>\
            <td>The situation &amp; the Middle&nbsp;East</td>\
            <td><a href='u'>S/RES/242 (1967)</a> <br>15-0-0</td></tr></table>\
            <!-- <p>hidden</p> --><script>var a = '<p>';</script><p>a &lt; b &#8211; c &#x2014; &bogus;</p></body></html>";
        let t = to_text(html);
        assert!(t.contains("S/PV.1382\t22 November\tThe situation & the Middle\u{A0}East\tS/RES/242 (1967)\n15-0-0"), "{t:?}");
        assert!(t.contains("a < b – c — &bogus;"), "{t:?}");
        assert!(!t.contains("hidden") && !t.contains("var a"), "{t:?}");
    }

    /// The former reading of a run, character by character: what [`Out::text`] must give.
    fn text_by_chars(out: &mut Out, t: &str, pre: bool) {
        for c in t.chars() {
            if pre {
                if c == '\n' {
                    out.line();
                } else {
                    out.s.push(c);
                    out.line_has_text = true;
                }
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                out.space = out.line_has_text;
            } else {
                if out.space {
                    out.s.push(' ');
                    out.space = false;
                }
                out.s.push(c);
                out.line_has_text = true;
            }
        }
    }

    /// The former search for a tag's end, a byte a step through a state of quotes.
    fn tag_end_by_bytes(html: &str, mut pos: usize) -> Option<usize> {
        let mut quote: Option<u8> = None;
        for (k, &b) in html.as_bytes().iter().enumerate().skip(pos) {
            pos = k;
            if quote == Some(b) {
                quote = None;
            } else if quote.is_none() && (b == b'"' || b == b'\'') {
                quote = Some(b);
            } else if quote.is_none() && b == b'>' {
                return Some(pos + 1);
            }
        }
        None
    }

    proptest::proptest! {
        /// A tag's end found from quote to quote is the end found a byte at a time, quotes of
        /// both kinds nested, unclosed or around `>`.
        #[test]
        fn tag_end_as_by_bytes(html in "[a=>\"' é]{0,24}", from in 0usize..26) {
            proptest::prop_assert_eq!(tag_end(&html, from), tag_end_by_bytes(&html, from));
        }

        /// Runs of text taken a word at a time build the text that a reading character by
        /// character built, preformatted or not, and across runs.
        #[test]
        fn runs_read_as_by_characters(
            runs in proptest::collection::vec(("[ a\t\n\r\x0Cé\u{a0}中]{0,12}", proptest::bool::ANY), 0..6),
        ) {
            let (mut by_runs, mut by_chars) = (Out::default(), Out::default());
            for (t, pre) in &runs {
                by_runs.text(t, *pre);
                text_by_chars(&mut by_chars, t, *pre);
                proptest::prop_assert_eq!(&by_runs.s, &by_chars.s);
                proptest::prop_assert_eq!(by_runs.space, by_chars.space);
                proptest::prop_assert_eq!(by_runs.line_has_text, by_chars.line_has_text);
            }
        }

        /// The search from the needle's first byte finds what a window-by-window comparison
        /// finds.
        #[test]
        fn case_insensitive_search_as_by_windows(
            hay in "[<>/a-zA-Z é]{0,40}",
            needle in "[</]{0,1}[a-zA-Z]{1,4}",
            from in 0usize..45,
        ) {
            let by_windows = hay.as_bytes().get(from..).and_then(|h| {
                h.windows(needle.len())
                    .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
                    .map(|k| from + k)
            });
            proptest::prop_assert_eq!(find_ci(&hay, from, &needle), by_windows);
        }
    }

    #[test]
    fn malformed_markup() {
        for h in [
            "<",
            "<p",
            "a < b",
            "<a href=\"",
            "&",
            "&#",
            "&#x110000;",
            "<!--",
            "<![CDATA[x",
            "</",
            "<script>",
        ] {
            let _ = to_text(h);
        }
        assert_eq!(to_text("a < b"), "a < b\n");
        assert_eq!(decode_entities("&#x110000;"), "\u{FFFD}");
    }

    #[test]
    fn charset() {
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            ),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(b"<meta charset=\"utf-8\">"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(declared_charset(b"<p>no</p>"), None);
    }
}
