//! Rich Text Format (`.rtf`, what Word, WordPad and many legal databases save) to text, in the
//! shape the DOCX reader gives ([`super::docx`]): one paragraph per block with a blank line
//! between, a footnote reference as its number glued to the text, and the footnotes after the
//! body under a rule line, `n text` each.
//!
//! RTF is read token by token: groups (`{ }`), control words (`\par`, `\u1089`), control
//! symbols (`\'e9`, `\~`) and text. Destinations that hold no text of the document (font and
//! colour tables, style sheets, document information, pictures, headers and footers, field
//! instructions, and every `\*` destination but footnotes) are passed over; a field shows its
//! result. Characters come from `\uN` (Unicode, with its `\ucN` stand-ins skipped) or from the
//! bytes of the code page in force: the document's (`\ansicpgN`) or the current font's
//! (`\fcharsetN` in the font table).

use super::xml::tidy_paragraphs;

/// Destinations whose text is not the document's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "filetbl",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "generator",
    "pgdsctbl",
    "annotation",
    "atnid",
    "atnauthor",
    "shpinst",
    "nonshppict",
    "txe",
    "xe",
    "tc",
];

/// Converts the bytes of an RTF file to text; the error says what is wrong with the file.
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"{\\rtf") {
        return Err("not an RTF file (no {\\rtf at the start)".into());
    }
    let mut r = Reader::new(bytes);
    r.run()?;
    let mut text = tidy_paragraphs(&r.main);
    if !r.notes.is_empty() {
        text.push_str("\n__________________\n");
        for (n, note) in r.notes.iter().enumerate() {
            let note = tidy_paragraphs(note);
            let joined: Vec<&str> = note.split_whitespace().collect();
            text.push_str(&format!("{} {}\n", n + 1, joined.join(" ")));
        }
    }
    Ok(text)
}

/// What a group sets, restored when it closes.
#[derive(Clone, Copy)]
struct Group {
    /// Its text is not the document's.
    skip: bool,
    /// Its text is a footnote's (the index of the note).
    note: Option<usize>,
    /// Characters that stand in for each `\uN` (`\ucN`), to be skipped.
    uc: usize,
    /// The code page of `\'hh` bytes here (from the current font, else the document's).
    codepage: u16,
    /// In the font table: the font being described, for its `\fcharsetN`.
    font: Option<u32>,
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    stack: Vec<Group>,
    g: Group,
    /// The document's code page (`\ansicpgN`).
    ansi: u16,
    /// Code pages of fonts, by font number (from their `\fcharsetN`).
    fonts: Vec<(u32, u16)>,
    /// Stand-ins still to skip after a `\uN`.
    skip_chars: usize,
    /// The first half of a surrogate pair written as two `\uN`.
    high: Option<u32>,
    /// `\'hh` bytes not yet decoded (a double-byte character may come in two).
    pending: Vec<u8>,
    main: String,
    notes: Vec<String>,
    /// The next token opens a group (a destination word may follow `{` or `{\*`).
    group_start: bool,
    /// `\*` was read at the start of this group.
    ignorable: bool,
}

impl<'a> Reader<'a> {
    fn new(b: &'a [u8]) -> Reader<'a> {
        let g = Group {
            skip: false,
            note: None,
            uc: 1,
            codepage: 1252,
            font: None,
        };
        Reader {
            b,
            pos: 0,
            stack: Vec::new(),
            g,
            ansi: 1252,
            fonts: Vec::new(),
            skip_chars: 0,
            high: None,
            pending: Vec::new(),
            main: String::with_capacity(b.len() / 4),
            notes: Vec::new(),
            group_start: false,
            ignorable: false,
        }
    }

    fn out(&mut self) -> Option<&mut String> {
        if self.g.skip {
            return None;
        }
        Some(match self.g.note {
            Some(i) => &mut self.notes[i],
            None => &mut self.main,
        })
    }

    fn push_str(&mut self, s: &str) {
        self.flush();
        if let Some(o) = self.out() {
            o.push_str(s);
        }
    }

    fn push_char(&mut self, c: char) {
        self.flush();
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        if let Some(o) = self.out() {
            o.push(c);
        }
    }

    /// Decodes the pending `\'hh` bytes in the code page in force.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let text = decode(&bytes, self.g.codepage);
        if let Some(o) = self.out() {
            o.push_str(&text);
        }
    }

    fn run(&mut self) -> Result<(), String> {
        while let Some(&c) = self.b.get(self.pos) {
            self.pos += 1;
            match c {
                b'{' => {
                    self.flush();
                    self.stack.push(self.g);
                    self.group_start = true;
                    self.ignorable = false;
                    continue;
                }
                b'}' => {
                    self.flush();
                    match self.stack.pop() {
                        Some(g) => self.g = g,
                        // Text after the document's closing brace is not read.
                        None => return Ok(()),
                    }
                    self.skip_chars = 0;
                    self.group_start = false;
                }
                // Control words and symbols say themselves whether the group still starts.
                b'\\' => self.control()?,
                b'\r' | b'\n' => {}
                _ => {
                    self.group_start = false;
                    if self.g.skip {
                        // Skipped text (a font name) needs no decoding.
                    } else if c.is_ascii() {
                        self.push_char(char::from(c));
                    } else {
                        // A raw byte of the code page (some writers leave them unescaped).
                        self.byte(c);
                    }
                }
            }
        }
        if self.stack.is_empty() {
            Ok(())
        } else {
            // Cut off: keep what was read, as a reader of a damaged file would.
            self.flush();
            Ok(())
        }
    }

    fn byte(&mut self, b: u8) {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        if !self.g.skip {
            self.pending.push(b);
        }
    }

    /// Reads the control word or symbol after a backslash.
    fn control(&mut self) -> Result<(), String> {
        let Some(&c) = self.b.get(self.pos) else {
            return Ok(());
        };
        if !c.is_ascii_alphabetic() {
            self.pos += 1;
            let was_start = self.group_start;
            match c {
                b'\'' => {
                    let hex = self.b.get(self.pos..self.pos + 2).unwrap_or(b"");
                    if let Ok(v) = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or(""), 16) {
                        self.pos += 2;
                        self.byte(v);
                    }
                }
                b'*' => {
                    self.ignorable = true;
                    // The destination word follows: the group still starts.
                    self.group_start = was_start;
                    return Ok(());
                }
                b'~' => self.push_char('\u{A0}'),
                b'-' => self.push_char('\u{AD}'),
                b'_' => self.push_char('-'),
                b'\\' | b'{' | b'}' => self.push_char(char::from(c)),
                b'\r' | b'\n' => self.push_str("\n\n"),
                b'\t' => self.push_char('\t'),
                _ => {}
            }
            self.group_start = false;
            return Ok(());
        }
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(u8::is_ascii_alphabetic) {
            self.pos += 1;
        }
        let word = std::str::from_utf8(&self.b[start..self.pos]).unwrap_or("");
        let num_start = self.pos;
        if self.b.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.b.get(self.pos).is_some_and(u8::is_ascii_digit) && self.pos - num_start < 11 {
            self.pos += 1;
        }
        let param: Option<i64> = std::str::from_utf8(&self.b[num_start..self.pos])
            .ok()
            .and_then(|s| s.parse().ok());
        // One space after a control word belongs to it.
        if self.b.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        self.word(word, param)
    }

    fn word(&mut self, word: &str, param: Option<i64>) -> Result<(), String> {
        let at_start = self.group_start;
        self.group_start = false;
        if at_start {
            // A footnote of skipped text (a header's) is passed over with it.
            if word == "footnote" && !self.g.skip {
                self.flush();
                self.notes.push(String::new());
                let n = self.notes.len();
                // The reference: the note's number where it is referred to.
                let to = match self.g.note {
                    Some(i) => &mut self.notes[i],
                    None => &mut self.main,
                };
                to.push_str(&n.to_string());
                self.g.note = Some(n - 1);
                return Ok(());
            }
            if self.ignorable || SKIPPED.contains(&word) {
                self.flush();
                self.g.skip = true;
                if word == "fonttbl" {
                    self.g.font = None;
                }
                if word != "fonttbl" {
                    return Ok(());
                }
            }
        }
        match word {
            "par" | "sect" | "page" | "cell" | "row" | "nestcell" | "nestrow" => {
                self.push_str("\n\n")
            }
            "line" => self.push_str("\n"),
            "tab" => self.push_char('\t'),
            "emdash" => self.push_char('—'),
            "endash" => self.push_char('–'),
            "lquote" => self.push_char('‘'),
            "rquote" => self.push_char('’'),
            "ldblquote" => self.push_char('“'),
            "rdblquote" => self.push_char('”'),
            "bullet" => self.push_char('•'),
            "emspace" | "enspace" | "qmspace" => self.push_char(' '),
            "u" => {
                if let Some(n) = param {
                    // A 16-bit value, negative above 32767; a character beyond them comes as
                    // two, a surrogate pair.
                    let unit = n.rem_euclid(65536) as u32;
                    match (self.high.take(), unit) {
                        (_, 0xD800..=0xDBFF) => self.high = Some(unit),
                        (Some(h), 0xDC00..=0xDFFF) => {
                            let c = 0x10000 + ((h - 0xD800) << 10) + (unit - 0xDC00);
                            self.push_char(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        }
                        _ => self.push_char(char::from_u32(unit).unwrap_or('\u{FFFD}')),
                    }
                    self.skip_chars = self.g.uc;
                }
            }
            "uc" => self.g.uc = param.map_or(1, |n| n.clamp(0, 8) as usize),
            "ansicpg" => {
                if let Some(n) = param.and_then(|n| u16::try_from(n).ok()) {
                    self.ansi = n;
                    self.g.codepage = n;
                }
            }
            "f" => {
                let n = param.and_then(|n| u32::try_from(n).ok());
                if self.g.skip {
                    // In the font table: the font being described.
                    self.g.font = n;
                } else if let Some(n) = n {
                    self.flush();
                    self.g.codepage = self
                        .fonts
                        .iter()
                        .find(|(f, _)| *f == n)
                        .map_or(self.ansi, |(_, cp)| *cp);
                }
            }
            "fcharset" => {
                if let (Some(f), Some(cp)) = (self.g.font, param.and_then(charset_codepage)) {
                    self.fonts.push((f, cp));
                }
            }
            "bin" => {
                // Binary data: passed over, its length given.
                let n = param.and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
                self.pos = self.pos.saturating_add(n).min(self.b.len());
            }
            _ => {}
        }
        Ok(())
    }
}

/// The code page of a font character set (`\fcharsetN`); `None` where the document's applies.
fn charset_codepage(charset: i64) -> Option<u16> {
    Some(match charset {
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// Bytes of a Windows code page as text (Windows-1252 for one resgraph does not know).
fn decode(bytes: &[u8], codepage: u16) -> String {
    let label = match codepage {
        932 => "shift_jis".to_string(),
        936 => "gbk".to_string(),
        949 => "euc-kr".to_string(),
        950 => "big5".to_string(),
        20866 => "koi8-r".to_string(),
        65001 => "utf-8".to_string(),
        10000 => "macintosh".to_string(),
        n => format!("windows-{n}"),
    };
    let enc =
        encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word writes a footnote as a destination of its own (`{\\footnote ...}`), LibreOffice as
    /// an ignorable one (`{\\*\\footnote ...}`): both are footnotes.
    #[test]
    fn paragraphs_characters_fields_and_footnotes() {
        let rtf = br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times;}{\f1\fnil\fcharset204 Arial Cyr;}}
{\colortbl;\red0\green0\blue0;}{\*\generator x;}{\info{\title A/RES/1}}
{\header A/RES/78/999}
\pard The General Assembly,\par
R\'e9affirmant sa r\u233\'3fsolution 70/1,{\super\chftn}{\*\footnote\pard\plain {\super\chftn} See A/78/265.}
 and {\field{\*\fldinst HYPERLINK "https://undocs.org/S/RES/1325(2000)"}{\fldrslt S/RES/1325 (2000)}}{\super\chftn}{\footnote\pard {\super\chftn}A/RES/70/1.}\line next\par
{\f1 \'d1\'f1\'fb\'eb\'e0\'FF\'f1\'FC}\tab \{x\}\~y\par
\trowd\cellx100 a\cell b\cell\row
}"#;
        assert_eq!(
            to_text(rtf).unwrap(),
            "The General Assembly,\n\nRéaffirmant sa résolution 70/1,1 and S/RES/1325 (2000)2\nnext\n\nСсылаясь\t{x}\u{A0}y\n\na\n\nb\n\n__________________\n1 See A/78/265.\n2 A/RES/70/1.\n"
        );
    }

    proptest::proptest! {
        /// Any soup of RTF's tokens (groups left open or closed too often, destinations,
        /// footnotes inside footnotes, `\\binN` past the end, bytes cut in two) is read to the
        /// end: text that ends with one line break, every footnote listed.
        #[test]
        fn token_soup_is_read(tokens in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("{"), proptest::strategy::Just("}"),
            proptest::strategy::Just("\\par "), proptest::strategy::Just("\\u-3913 "),
            proptest::strategy::Just("\\u1089\\'3f"), proptest::strategy::Just("\\'e9"),
            proptest::strategy::Just("\\'b4"), proptest::strategy::Just("\\*"),
            proptest::strategy::Just("\\footnote "), proptest::strategy::Just("\\fonttbl"),
            proptest::strategy::Just("\\f1 "), proptest::strategy::Just("\\fcharset134 "),
            proptest::strategy::Just("\\bin5 "), proptest::strategy::Just("\\uc2 "),
            proptest::strategy::Just("\\uc99999999999 "), proptest::strategy::Just("\\"),
            proptest::strategy::Just("\\'"), proptest::strategy::Just("\\cell "),
            proptest::strategy::Just("resolution 70/1 "), proptest::strategy::Just("\u{e9}"),
        ], 0..60)) {
            let mut rtf = b"{\\rtf1\\ansi ".to_vec();
            rtf.extend(tokens.concat().bytes());
            let text = to_text(&rtf).unwrap();
            proptest::prop_assert!(text.ends_with('\n'));
        }
    }

    #[test]
    fn double_byte_code_pages_and_refusals() {
        // A character beyond 16 bits as a surrogate pair, each half with its stand-in.
        assert_eq!(
            to_text(b"{\\rtf1 \\u-10179?\\u-8704?}").unwrap(),
            "\u{1F600}\n"
        );
        // A footnote in a header is passed over with it, and numbers nothing.
        assert_eq!(
            to_text(b"{\\rtf1{\\header{\\footnote x}}a{\\footnote b}}").unwrap(),
            "a1\n\n__________________\n1 b\n"
        );
        // GBK: two bytes a character, from the font's character set.
        let rtf = b"{\\rtf1\\ansi{\\fonttbl{\\f2\\fcharset134 SimSun;}}\\f2 \\'b4\\'f3\\'bb\\'e1 70/1\\par}";
        assert_eq!(to_text(rtf).unwrap(), "\u{5927}\u{4F1A} 70/1\n");
        assert!(to_text(b"plain text").is_err());
        // Cut off inside a group: what was read is kept.
        assert_eq!(
            to_text(b"{\\rtf1 resolution 70/1\\par {\\b bold").unwrap(),
            "resolution 70/1\n\nbold\n"
        );
    }
}
