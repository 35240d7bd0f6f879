//! Old Word (`.doc`, Word 97 to 2003) to text, in the shape the DOCX reader gives
//! ([`super::docx`]): one paragraph per block with a blank line between, footnote references as
//! their number glued to the text, and the footnotes after the body under a rule line, `n text`
//! each. The Official Document System still serves many documents in this format.
//!
//! A `.doc` is a compound file (OLE2, read with the `cfb` crate) whose `WordDocument` stream
//! starts with the file information block (FIB). The FIB gives the length of each part of the
//! text (main text, footnotes, headers ...) in characters, and where the piece table lies in the
//! table stream (`0Table` or `1Table`). The piece table maps runs of characters to byte ranges of
//! `WordDocument`, each either one byte a character (Windows-1252) or UTF-16. Field codes are
//! dropped and their results kept, as Word shows them; headers, comments and text boxes are left
//! out, as the DOCX reader leaves them out.
//!
//! Bounded: streams are read up to [`MAX_STREAM`] bytes and the text up to as many characters
//! as the stream can hold, whatever the FIB claims.

use std::io::{Cursor, Read};

/// The most bytes read from one stream of the compound file.
pub const MAX_STREAM: u64 = super::xml::MAX_PART;

/// The FIB's magic number (`wIdent`) for Word 97 and later.
const WORD_IDENT: u16 = 0xA5EC;
/// The first `nFib` of Word 97; Word 6 and 95 files have a smaller one and another layout.
const NFIB_WORD97: u16 = 0x00C1;

/// Converts the bytes of a Word 97-2003 file to text; the error says what is wrong with the
/// file.
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("damaged OLE2 compound file ({e})"))?;
    if !cf.is_stream("/WordDocument") {
        return Err(not_word(&cf));
    }
    let word = stream(&mut cf, "/WordDocument")?;
    let fib = Fib::read(&word)?;
    let table_name = if fib.table1 { "/1Table" } else { "/0Table" };
    if !cf.is_stream(table_name) {
        return Err(format!("the table stream {} is missing", &table_name[1..]));
    }
    let table = stream(&mut cf, table_name)?;
    let pieces = piece_table(&table, fib.clx)?;
    let chars = characters(&word, &pieces, fib.ccp_text + fib.ccp_ftn)?;
    let main_end = fib.ccp_text.min(chars.len());
    let notes = &chars[main_end..];
    // Where the footnote references stand in the main text, and where each footnote's text
    // starts in the footnote part: from their tables when present, else from the reference
    // marks (0x02) themselves.
    let refs = plc_cps(&table, fib.plcffnd_ref, 2);
    let starts = plc_cps(&table, fib.plcffnd_txt, 0);
    let refs = if refs.is_empty() {
        Refs::Marks
    } else {
        Refs::At(&refs)
    };
    let mut body = Body::default();
    body.read(&chars[..main_end], refs);
    let mut text = body.finish();
    if body.refs > 0 {
        text.push_str("\n__________________\n");
        for (n, note) in footnotes(notes, &starts, body.refs).iter().enumerate() {
            text.push_str(&format!("{} {}\n", n + 1, note));
        }
    }
    Ok(text)
}

/// What an OLE2 file that is not a Word document is, as far as can be told.
fn not_word<F: Read + std::io::Seek>(cf: &cfb::CompoundFile<F>) -> String {
    let what = if cf.is_stream("/Workbook") || cf.is_stream("/Book") {
        "an Excel workbook (.xls), not a Word document"
    } else if cf.is_stream("/PowerPoint Document") {
        "a PowerPoint presentation (.ppt), not a Word document"
    } else {
        "an OLE2 compound file without a WordDocument stream: not a Word document"
    };
    what.to_string()
}

fn stream<F: Read + std::io::Seek>(
    cf: &mut cfb::CompoundFile<F>,
    name: &str,
) -> Result<Vec<u8>, String> {
    let s = cf
        .open_stream(name)
        .map_err(|e| format!("cannot open the {} stream ({e})", &name[1..]))?;
    super::xml::read_bounded(s, &format!("{} stream", &name[1..]))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A byte range of the table stream, as the FIB gives it (`fc`, `lcb`).
#[derive(Debug, Clone, Copy, Default)]
struct Range {
    fc: u32,
    lcb: u32,
}

/// What the text reader needs of the file information block.
#[derive(Debug)]
struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    table1: bool,
    /// Characters of the main text.
    ccp_text: usize,
    /// Characters of the footnotes.
    ccp_ftn: usize,
    /// The piece table (`Clx`).
    clx: Range,
    /// Where footnote references stand (`PlcffndRef`).
    plcffnd_ref: Range,
    /// Where footnote texts start (`PlcffndTxt`).
    plcffnd_txt: Range,
}

impl Fib {
    fn read(word: &[u8]) -> Result<Fib, String> {
        let short = || "the WordDocument stream is too short for its header (FIB)".to_string();
        if u16_at(word, 0).ok_or_else(short)? != WORD_IDENT {
            return Err("the WordDocument stream does not start with a Word header".into());
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        if n_fib < NFIB_WORD97 {
            return Err(
                "a Word 6 or Word 95 document, which resgraph does not read: save it \
                        as DOCX"
                    .into(),
            );
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        if flags & 0x0100 != 0 {
            return Err("an encrypted (password-protected) Word document".into());
        }
        // FibBase (32 bytes), then three arrays each after its count: 16-bit values (csw),
        // 32-bit values (cslw), and pairs of 32-bit offsets and lengths (cbRgFcLcb).
        let mut at = 32;
        let csw = usize::from(u16_at(word, at).ok_or_else(short)?);
        at += 2 + 2 * csw;
        let cslw = usize::from(u16_at(word, at).ok_or_else(short)?);
        let lw = at + 2;
        at = lw + 4 * cslw;
        let pairs = usize::from(u16_at(word, at).ok_or_else(short)?);
        let fc_lcb = at + 2;
        // FibRgLw97: ccpText is its fourth value, ccpFtn the fifth.
        if cslw < 5 || pairs < 34 {
            return Err("the Word header (FIB) is too short".into());
        }
        let count = |i: usize| -> Result<usize, String> {
            let v = u32_at(word, lw + 4 * i).ok_or_else(short)?;
            // A negative count is a damaged header.
            i32::try_from(v)
                .ok()
                .and_then(|v| usize::try_from(v).ok())
                .ok_or_else(|| "a negative text length in the Word header (FIB)".to_string())
        };
        let pair = |i: usize| -> Result<Range, String> {
            Ok(Range {
                fc: u32_at(word, fc_lcb + 8 * i).ok_or_else(short)?,
                lcb: u32_at(word, fc_lcb + 8 * i + 4).ok_or_else(short)?,
            })
        };
        // FibRgFcLcb97: PlcffndRef is the third pair, PlcffndTxt the fourth, Clx the 34th.
        Ok(Fib {
            table1: flags & 0x0200 != 0,
            ccp_text: count(3)?,
            ccp_ftn: count(4)?,
            clx: pair(33)?,
            plcffnd_ref: pair(2)?,
            plcffnd_txt: pair(3)?,
        })
    }
}

/// One run of characters: `cps` characters from `cp`, stored from byte `fc` of `WordDocument`,
/// one byte each (`compressed`) or two.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: usize,
    cps: usize,
    fc: usize,
    compressed: bool,
}

/// Reads the piece table from the `Clx` structure: property runs (`Prc`, type 1) come first and
/// are passed over, then the piece table (`Pcdt`, type 2): n + 1 character positions, then n
/// piece descriptors of 8 bytes.
fn piece_table(table: &[u8], clx: Range) -> Result<Vec<Piece>, String> {
    let bad = |what: &str| format!("damaged piece table ({what})");
    let start = clx.fc as usize;
    let end = start
        .checked_add(clx.lcb as usize)
        .filter(|&e| e <= table.len() && clx.lcb > 0)
        .ok_or_else(|| bad("outside the table stream"))?;
    let clx = &table[start..end];
    let mut at = 0;
    loop {
        match clx.get(at) {
            Some(1) => {
                let n = u16_at(clx, at + 1).ok_or_else(|| bad("cut short"))?;
                at += 3 + usize::from(n);
            }
            Some(2) => break,
            _ => return Err(bad("no piece descriptors")),
        }
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| bad("cut short"))? as usize;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| bad("longer than its stream"))?;
    if lcb < 16 || !(lcb - 4).is_multiple_of(12) {
        return Err(bad("a size that fits no piece count"));
    }
    let n = (lcb - 4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let cp = u32_at(plc, 4 * i).ok_or_else(|| bad("cut short"))? as usize;
        let next = u32_at(plc, 4 * (i + 1)).ok_or_else(|| bad("cut short"))? as usize;
        let fc = u32_at(plc, 4 * (n + 1) + 8 * i + 2).ok_or_else(|| bad("cut short"))?;
        if next < cp {
            return Err(bad("character positions out of order"));
        }
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        pieces.push(Piece {
            cp,
            cps: next - cp,
            // A compressed piece's position is given doubled.
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(pieces)
}

/// The first `want` characters of the document, in order, from the pieces that hold them.
/// Stops at the end of the pieces or at a piece that lies outside `WordDocument` (a damaged
/// file gives what could be read, as far as it is whole).
fn characters(word: &[u8], pieces: &[Piece], want: usize) -> Result<Vec<char>, String> {
    let mut out: Vec<char> = Vec::with_capacity(want.min(word.len()));
    for p in pieces {
        if out.len() >= want {
            break;
        }
        if p.cp != out.len() {
            return Err("damaged piece table (a gap between pieces)".into());
        }
        let take = p.cps.min(want - out.len());
        let width = if p.compressed { 1 } else { 2 };
        let bytes = word
            .get(p.fc..)
            .and_then(|b| b.get(..take.checked_mul(width)?))
            .ok_or_else(|| {
                "damaged piece table (text outside the WordDocument stream)".to_string()
            })?;
        if p.compressed {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            out.extend(text.chars());
        } else {
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
        }
    }
    Ok(out)
}

/// The character positions at the head of a PLC (a table of positions followed by one item
/// of `item` bytes for each interval); empty when the table is absent or damaged.
fn plc_cps(table: &[u8], r: Range, item: usize) -> Vec<usize> {
    let (start, lcb) = (r.fc as usize, r.lcb as usize);
    if lcb < 4 || !(lcb - 4).is_multiple_of(4 + item) || start.saturating_add(lcb) > table.len() {
        return Vec::new();
    }
    let n = (lcb - 4) / (4 + item);
    (0..=n)
        .map(|i| u32_at(table, start + 4 * i).map(|v| v as usize))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// The text of each of the first `count` footnotes, white space joined: cut at the starts the
/// footnote table gives, else at each footnote's reference mark.
fn footnotes(notes: &[char], starts: &[usize], count: usize) -> Vec<String> {
    let pieces: Vec<&[char]> = if starts.len() > count {
        starts
            .windows(2)
            .take(count)
            .map(|w| notes.get(w[0]..w[1].min(notes.len())).unwrap_or(&[]))
            .collect()
    } else {
        notes.split(|&c| c == '\u{2}').skip(1).collect()
    };
    let mut out: Vec<String> = pieces
        .into_iter()
        .map(|p| {
            let mut b = Body::default();
            b.read(p, Refs::Drop);
            b.finish().split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    out.resize(count, String::new());
    out
}

/// Which reference marks (0x02) in a stretch of text are footnote references.
#[derive(Clone, Copy)]
enum Refs<'a> {
    /// Those at these positions (from the footnote table); the others (endnotes) are dropped.
    At(&'a [usize]),
    /// Every one.
    Marks,
    /// None: a footnote's own number mark, dropped.
    Drop,
}

/// Text of the body, built in document order.
#[derive(Default)]
struct Body {
    s: String,
    /// Footnote references met so far.
    refs: usize,
}

impl Body {
    /// Appends `chars` (a stretch of the document from its position 0), each footnote reference
    /// as its number.
    fn read(&mut self, chars: &[char], refs: Refs<'_>) {
        // Fields: `0x13 code 0x14 result 0x15`, nested; the code is hidden, the result shown.
        let mut hidden: Vec<bool> = Vec::new();
        for (cp, &c) in chars.iter().enumerate() {
            match c {
                '\u{13}' => hidden.push(true),
                '\u{14}' => {
                    if let Some(h) = hidden.last_mut() {
                        *h = false;
                    }
                }
                '\u{15}' => {
                    hidden.pop();
                }
                _ if hidden.iter().any(|&h| h) => {}
                // A footnote reference (auto-numbered); in a footnote, its own number.
                '\u{2}' => {
                    let at = match refs {
                        Refs::At(cps) => cps.binary_search(&cp).is_ok(),
                        Refs::Marks => true,
                        Refs::Drop => false,
                    };
                    if at {
                        self.refs += 1;
                        self.s.push_str(&self.refs.to_string());
                    }
                }
                // Paragraph end, table cell or row end, page or section break.
                '\r' | '\u{7}' | '\u{C}' => self.s.push_str("\n\n"),
                '\u{B}' | '\n' => self.s.push('\n'),
                '\t' => self.s.push('\t'),
                '\u{1E}' => self.s.push('-'),
                '\u{1F}' => self.s.push('\u{AD}'),
                // Pictures, drawn objects, comment marks and other controls.
                c if c < ' ' => {}
                c => self.s.push(c),
            }
        }
    }

    fn finish(&self) -> String {
        super::xml::tidy_paragraphs(&self.s)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// What a synthetic `.doc` holds.
    #[derive(Default)]
    pub(crate) struct Spec<'a> {
        /// Runs of text, each stored one byte a character (`true`) or as UTF-16.
        pub pieces: Vec<(&'a str, bool)>,
        /// Characters of the main text; the rest are footnotes.
        pub ccp_text: usize,
        /// Footnote reference positions (with the closing one) and footnote starts, if given.
        pub refs: Option<(Vec<u32>, Vec<u32>)>,
        /// The FIB's flags word.
        pub flags: u16,
        /// The FIB's version.
        pub n_fib: u16,
    }

    /// A minimal Word 97 compound file: the FIB, the text after it, and a table stream with
    /// the piece table (after one property run, to be passed over) and the footnote tables.
    pub(crate) fn make_doc(spec: &Spec<'_>) -> Vec<u8> {
        let (word, table) = make_streams(spec);
        pack(&word, &table, spec.flags & 0x0200 != 0)
    }

    /// The `WordDocument` and table streams of [`make_doc`].
    fn make_streams(spec: &Spec<'_>) -> (Vec<u8>, Vec<u8>) {
        let mut word = vec![0u8; 1024];
        let put16 =
            |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
        let put32 =
            |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
        put16(&mut word, 0, WORD_IDENT);
        put16(
            &mut word,
            2,
            if spec.n_fib == 0 {
                NFIB_WORD97
            } else {
                spec.n_fib
            },
        );
        put16(&mut word, 0x0A, spec.flags);
        put16(&mut word, 32, 14);
        put16(&mut word, 62, 22);
        put16(&mut word, 152, 93);
        let total: usize = spec.pieces.iter().map(|(s, _)| s.chars().count()).sum();
        put32(&mut word, 64 + 12, spec.ccp_text as u32);
        put32(&mut word, 64 + 16, (total - spec.ccp_text) as u32);
        // The pieces' text, and their descriptors.
        let (mut cps, mut pcds) = (vec![0u32], Vec::new());
        for (s, compressed) in &spec.pieces {
            let fc = word.len() as u32;
            if *compressed {
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
                word.extend_from_slice(&bytes);
                pcds.extend_from_slice(&[0, 0]);
                pcds.extend_from_slice(&((fc * 2) | 0x4000_0000).to_le_bytes());
            } else {
                for u in s.encode_utf16() {
                    word.extend_from_slice(&u.to_le_bytes());
                }
                pcds.extend_from_slice(&[0, 0]);
                pcds.extend_from_slice(&fc.to_le_bytes());
            }
            pcds.extend_from_slice(&[0, 0]);
            cps.push(cps.last().copied().unwrap_or(0) + s.chars().count() as u32);
        }
        let mut plc: Vec<u8> = cps.iter().flat_map(|c| c.to_le_bytes()).collect();
        plc.extend_from_slice(&pcds);
        let mut table = vec![1u8, 2, 0, 0xAA, 0xBB, 2];
        table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        table.extend_from_slice(&plc);
        let fc_lcb = 154;
        put32(&mut word, fc_lcb + 33 * 8, 0);
        put32(&mut word, fc_lcb + 33 * 8 + 4, table.len() as u32);
        if let Some((refs, starts)) = &spec.refs {
            let at = table.len() as u32;
            table.extend(refs.iter().flat_map(|c| c.to_le_bytes()));
            table.extend(std::iter::repeat_n(0u8, 2 * (refs.len() - 1)));
            put32(&mut word, fc_lcb + 2 * 8, at);
            put32(&mut word, fc_lcb + 2 * 8 + 4, table.len() as u32 - at);
            let at = table.len() as u32;
            table.extend(starts.iter().flat_map(|c| c.to_le_bytes()));
            put32(&mut word, fc_lcb + 3 * 8, at);
            put32(&mut word, fc_lcb + 3 * 8 + 4, table.len() as u32 - at);
        }
        (word, table)
    }

    fn pack(word: &[u8], table: &[u8], table1: bool) -> Vec<u8> {
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        let table_name = if table1 { "/1Table" } else { "/0Table" };
        cf.create_stream("/WordDocument")
            .unwrap()
            .write_all(word)
            .unwrap();
        cf.create_stream(table_name)
            .unwrap()
            .write_all(table)
            .unwrap();
        cf.flush().unwrap();
        cf.into_inner().into_inner()
    }

    /// A byte of the synthetic header: most often one the reader looks at (identity, flags,
    /// the three counts, the text lengths, the footnote tables' and the piece table's places),
    /// else any.
    fn header_offset() -> impl proptest::strategy::Strategy<Value = usize> {
        use proptest::prelude::*;
        let read: Vec<usize> = [0, 1, 2, 3, 10, 11, 32, 33, 62, 63, 76, 77, 80, 81, 152, 153]
            .into_iter()
            .chain((154 + 16..154 + 32).chain(154 + 264..154 + 272))
            .collect();
        prop_oneof![3 => proptest::sample::select(read), 1 => 0usize..1100]
    }

    proptest::proptest! {
        /// The header, piece table and footnote tables with bytes overwritten (inside the
        /// compound file, which stays whole): text or an error, never a panic, and never more
        /// text than the stream could hold.
        #[test]
        fn damaged_headers_and_tables_never_panic(
            word_edits in proptest::collection::vec((header_offset(), proptest::num::u8::ANY), 0..12),
            table_edits in proptest::collection::vec((0usize..120, proptest::num::u8::ANY), 0..12),
        ) {
            let main = "Recalling resolution 70/1,\u{2}\r\u{13}REF\u{14}A/78/265\u{15}\r";
            let spec = Spec {
                pieces: vec![(main, true), ("\u{2} S/2023/1.\r", false)],
                ccp_text: main.chars().count(),
                refs: Some((vec![27, 60], vec![0, 15, 20])),
                ..Spec::default()
            };
            let (mut word, mut table) = make_streams(&spec);
            for (at, b) in word_edits {
                if let Some(x) = word.get_mut(at) {
                    *x = b;
                }
            }
            for (at, b) in table_edits {
                if let Some(x) = table.get_mut(at) {
                    *x = b;
                }
            }
            let flags = u16_at(&word, 0x0A).unwrap_or(0);
            if let Ok(text) = to_text(&pack(&word, &table, flags & 0x0200 != 0)) {
                // Each character of the stream gives at most a few of text (a paragraph mark
                // two line breaks, a reference its number).
                proptest::prop_assert!(text.chars().count() <= 4 * word.len() + 64);
            }
        }
    }

    #[test]
    fn pieces_of_both_widths_fields_and_footnotes() {
        let main = "The General Assembly,\rRecalling its resolution 70/1,\u{2}\r\u{13} HYPERLINK \"https://undocs.org/A/78/265\" \u{14}A/78/265\u{15} and \u{13}REF x \u{14}\u{13}SEQ\u{14}\u{15}\u{15}S/RES/2712 (2023)\u{2}\u{7}\u{7}";
        // The second reference mark is not in the footnote table (an endnote's): dropped.
        let note = "\u{2} Resolution 217 A (III).\r";
        let doc = make_doc(&Spec {
            // The main text split across a one-byte piece and a UTF-16 piece (with Arabic
            // in it), as Word writes a file edited in several languages.
            pieces: vec![
                (&main[..30], true),
                (&main[30..], false),
                ("قرار\r", false),
                (note, true),
            ],
            ccp_text: main.chars().count() + 5,
            refs: Some((vec![52, 200], vec![0, note.chars().count() as u32, 40])),
            flags: 0x0200,
            ..Spec::default()
        });
        assert_eq!(
            to_text(&doc).unwrap(),
            "The General Assembly,\n\nRecalling its resolution 70/1,1\n\nA/78/265 and S/RES/2712 (2023)\n\nقرار\n\n__________________\n1 Resolution 217 A (III).\n"
        );
    }

    #[test]
    fn reference_marks_without_a_footnote_table() {
        let main = "See the report.\u{2}\r";
        let doc = make_doc(&Spec {
            pieces: vec![(main, true), ("\u{2} A/78/265.\r", true)],
            ccp_text: main.chars().count(),
            ..Spec::default()
        });
        assert_eq!(
            to_text(&doc).unwrap(),
            "See the report.1\n\n__________________\n1 A/78/265.\n"
        );
    }

    #[test]
    fn what_is_refused() {
        let plain = Spec {
            pieces: vec![("text\r", true)],
            ccp_text: 5,
            ..Spec::default()
        };
        assert_eq!(to_text(&make_doc(&plain)).unwrap(), "text\n");
        let encrypted = make_doc(&Spec {
            flags: 0x0100,
            ..plain
        });
        assert!(to_text(&encrypted).unwrap_err().contains("encrypted"));
        let plain = Spec {
            pieces: vec![("text\r", true)],
            ccp_text: 5,
            n_fib: 0x0068,
            ..Spec::default()
        };
        assert!(to_text(&make_doc(&plain)).unwrap_err().contains("Word 95"));
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        cf.create_stream("/Workbook")
            .unwrap()
            .write_all(b"x")
            .unwrap();
        cf.flush().unwrap();
        let xls = cf.into_inner().into_inner();
        assert!(to_text(&xls).unwrap_err().contains("Excel"));
        let doc = make_doc(&Spec {
            pieces: vec![("text\r", true)],
            ccp_text: 5,
            ..Spec::default()
        });
        assert!(to_text(&doc[..doc.len() / 2]).is_err());
    }

    #[test]
    fn damaged_piece_tables_are_errors() {
        let word = {
            let mut w = vec![0u8; 16];
            w.extend_from_slice(b"abc");
            w
        };
        let table = |plc: &[u8]| {
            let mut t = vec![2u8];
            t.extend_from_slice(&(plc.len() as u32).to_le_bytes());
            t.extend_from_slice(plc);
            t
        };
        let clx = |t: &[u8]| Range {
            fc: 0,
            lcb: t.len() as u32,
        };
        // One piece of 3 characters at byte 16, one byte each.
        let mut plc: Vec<u8> = [0u32, 3].iter().flat_map(|c| c.to_le_bytes()).collect();
        plc.extend_from_slice(&[0, 0]);
        plc.extend_from_slice(&((16u32 * 2) | 0x4000_0000).to_le_bytes());
        plc.extend_from_slice(&[0, 0]);
        let t = table(&plc);
        let pieces = piece_table(&t, clx(&t)).unwrap();
        assert_eq!(characters(&word, &pieces, 3).unwrap(), ['a', 'b', 'c']);
        // Text beyond the stream, a table cut short, a size that fits no count.
        assert!(characters(&word, &pieces, 2).is_ok());
        assert!(characters(&word[..17], &pieces, 3).is_err());
        assert!(piece_table(&t[..t.len() - 1], clx(&t)).is_err());
        assert!(piece_table(&table(&plc[..10]), clx(&table(&plc[..10]))).is_err());
        assert!(piece_table(&t, Range { fc: 5, lcb: 1000 }).is_err());
    }
}
