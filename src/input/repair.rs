//! Text repair, with a map back to the original offsets.
//!
//! Whatever a text came from, some of its characters hide references from the matchers. A
//! repaired copy is analysed instead, and every offset found in it is mapped back, so that
//! mentions still point into the original text (`text == original[start..end]`). Repairs:
//!
//! - soft hyphens, zero-width spaces and joiners, word joiners and byte order marks are removed
//!   (`reso\u{AD}lution` is one word);
//! - no-break, thin, narrow and other typographic spaces become a plain space, and the
//!   non-breaking hyphen a hyphen (`S\u{2011}29/1`);
//! - full-width (`７０／１`) and Arabic-Indic (`٧٠/١`, `۷۰/۱`) digits become ASCII digits, and a
//!   full-width solidus between digits a `/`;
//! - a word hyphenated at a line end (`resolu-` / `tion`) is joined, and so is a symbol or
//!   number broken after a `/` or a `-` (`A/78/` / `265`, `A/77/895-` / `S/2023/363`); the line
//!   break moves to after the joined word, so every line keeps its place for [`crate::layout`];
//!   spaces after a symbol's slash are dropped where the symbol goes on (`A/C.1/58/ L.15`).
//!
//! Footnote markers glued to words or numbers (`Development,1`, `70/1,2`, `2008` + `2`) are left
//! to the extractor, which steps over them where a list continues.

use crate::hint::Hint;

/// A repaired text and the map back to the original.
#[derive(Debug, Clone)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Contiguous pieces covering both texts in order.
    pieces: Vec<Piece>,
    /// Length of the original text.
    orig_len: usize,
    /// The original characters of the edited pieces, one after the other: with the copied
    /// pieces of `text` they give back any stretch of the original ([`Repaired::original`]).
    edited: String,
}

/// `norm_len` bytes of the repaired text at `norm` stand for `orig_len` bytes of the original at
/// `orig`; a `copy` is the same bytes. An edit's original bytes are at `saved` in
/// [`Repaired::edited`], and it writes `with`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    norm: usize,
    orig: usize,
    norm_len: usize,
    orig_len: usize,
    copy: bool,
    saved: usize,
    with: &'static str,
}

impl Repaired {
    /// The original offset of a start position in the repaired text (a char boundary).
    pub fn start(&self, p: usize) -> usize {
        self.start_in(self.starts_at(p), p)
    }

    /// The original offset of an end position in the repaired text (a char boundary).
    pub fn end(&self, p: usize) -> usize {
        self.end_in(
            self.pieces.partition_point(|pc| pc.norm + pc.norm_len < p),
            p,
        )
    }

    /// Whether bytes `start..end` of the repaired text were copied from the original unchanged
    /// (no edit inside or around them): the original text of the range is then the same.
    pub fn unchanged(&self, start: usize, end: usize) -> bool {
        self.unchanged_in(self.starts_at(start), start, end)
    }

    /// [`Repaired::start`], [`Repaired::end`] and [`Repaired::unchanged`] for positions asked
    /// about in order (the mentions of a text): each search of the pieces starts where the
    /// previous one ended instead of over all of them.
    pub fn mapper(&self) -> Mapper<'_> {
        Mapper {
            repaired: self,
            at_start: Hint::default(),
            at_end: Hint::default(),
        }
    }

    /// The piece that holds a start position: the first that ends after it.
    fn starts_at(&self, p: usize) -> usize {
        self.pieces.partition_point(|pc| pc.norm + pc.norm_len <= p)
    }

    fn start_in(&self, i: usize, p: usize) -> usize {
        match self.pieces.get(i) {
            None => self.orig_len,
            Some(pc) if pc.copy => pc.orig + (p - pc.norm),
            Some(pc) => pc.orig,
        }
    }

    /// `i`: the first piece that ends at or after `p`.
    fn end_in(&self, i: usize, p: usize) -> usize {
        if p == 0 {
            return 0;
        }
        match self.pieces.get(i) {
            None => self.orig_len,
            Some(pc) if pc.copy => pc.orig + (p - pc.norm),
            Some(pc) => pc.orig + pc.orig_len,
        }
    }

    fn unchanged_in(&self, i: usize, start: usize, end: usize) -> bool {
        self.pieces.get(i).is_some_and(|pc| {
            pc.copy && pc.norm <= start && start <= end && end <= pc.norm + pc.norm_len
        })
    }

    /// The original text from byte `start` to byte `end` (offsets of the original, as
    /// [`Repaired::start`] and [`Repaired::end`] give them), read back from the repaired text and
    /// the edited characters; `None` when they are not char boundaries of the original.
    pub fn original(&self, start: usize, end: usize) -> Option<String> {
        if start > end || end > self.orig_len {
            return None;
        }
        let mut out = Vec::with_capacity(end - start);
        let first = self
            .pieces
            .partition_point(|pc| pc.orig + pc.orig_len <= start);
        for pc in self.pieces[first..].iter().take_while(|pc| pc.orig < end) {
            let (from, to) = (
                start.max(pc.orig) - pc.orig,
                end.min(pc.orig + pc.orig_len) - pc.orig,
            );
            let bytes = if pc.copy {
                self.text.as_bytes().get(pc.norm + from..pc.norm + to)?
            } else {
                self.edited.as_bytes().get(pc.saved + from..pc.saved + to)?
            };
            out.extend_from_slice(bytes);
        }
        String::from_utf8(out).ok()
    }
}

/// Maps offsets of a repaired text back for positions asked about in order
/// ([`Repaired::mapper`]); the answers are those of [`Repaired`]'s own methods.
pub struct Mapper<'r> {
    repaired: &'r Repaired,
    at_start: Hint,
    at_end: Hint,
}

impl Mapper<'_> {
    /// [`Repaired::start`].
    pub fn start(&self, p: usize) -> usize {
        let r = self.repaired;
        let i = self
            .at_start
            .partition_point(&r.pieces, |pc| pc.norm + pc.norm_len <= p);
        r.start_in(i, p)
    }

    /// [`Repaired::end`].
    pub fn end(&self, p: usize) -> usize {
        let r = self.repaired;
        let i = self
            .at_end
            .partition_point(&r.pieces, |pc| pc.norm + pc.norm_len < p);
        r.end_in(i, p)
    }

    /// [`Repaired::unchanged`].
    pub fn unchanged(&self, start: usize, end: usize) -> bool {
        let r = self.repaired;
        let i = self
            .at_start
            .partition_point(&r.pieces, |pc| pc.norm + pc.norm_len <= start);
        r.unchanged_in(i, start, end)
    }
}

/// Plans the repair of a text: its pieces, without writing the repaired text (which is written
/// afterwards, into a new string or over the original).
struct Builder<'t> {
    orig: &'t str,
    pieces: Vec<Piece>,
    /// Length of the repaired text planned so far.
    norm: usize,
    edited: String,
    /// Start of the current run of copied bytes in the original.
    copy_from: usize,
}

impl Builder<'_> {
    /// Replaces `orig[at..at + len]` with `with`; everything before `at` not yet handled is
    /// copied.
    fn edit(&mut self, at: usize, len: usize, with: &'static str) {
        self.flush_copy(at);
        self.pieces.push(Piece {
            norm: self.norm,
            orig: at,
            norm_len: with.len(),
            orig_len: len,
            copy: false,
            saved: self.edited.len(),
            with,
        });
        self.edited.push_str(&self.orig[at..at + len]);
        self.norm += with.len();
        self.copy_from = at + len;
    }

    fn flush_copy(&mut self, upto: usize) {
        if upto > self.copy_from {
            self.pieces.push(Piece {
                norm: self.norm,
                orig: self.copy_from,
                norm_len: upto - self.copy_from,
                orig_len: upto - self.copy_from,
                copy: true,
                saved: 0,
                with: "",
            });
            self.norm += upto - self.copy_from;
            self.copy_from = upto;
        }
    }
}

/// What a character becomes: `Some("")` removed, `Some(s)` replaced, `None` kept.
fn replacement(c: char) -> Option<&'static str> {
    const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    match c {
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(""),
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(" "),
        // The non-breaking hyphen of word processors (`S\u{2011}29/1`, `ES\u{2011}10/15`).
        '\u{2011}' => Some("-"),
        '\u{FF10}'..='\u{FF19}' => Some(DIGITS[(c as u32 - 0xFF10) as usize]),
        '\u{0660}'..='\u{0669}' => Some(DIGITS[(c as u32 - 0x0660) as usize]),
        '\u{06F0}'..='\u{06F9}' => Some(DIGITS[(c as u32 - 0x06F0) as usize]),
        _ => None,
    }
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || replacement(c).is_some_and(|r| r.len() == 1 && r != " ")
}

/// The bytes that `repair` must look at, in order: the first bytes of the characters it may
/// change ([`changes_at`]): the lead bytes of the replaced characters (U+00A0/00AD: C2,
/// U+2000-2060: E2, U+3000: E3, U+FEFF and full-width forms: EF, Arabic-Indic digits: D9, DB)
/// and the ASCII `-` and `/` of broken lines. Every other byte is copied as it is. The eight
/// bytes are found in one pass, 64 bytes a step ([`crate::scan`], [`Leads`]), where three
/// `memchr` searches each read the whole text (and the one for `-` and `/` began again at each).
struct Interesting<'b> {
    bytes: &'b [u8],
    found: crate::scan::Positions<'b, Leads>,
}

impl<'b> Interesting<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        Interesting {
            bytes,
            found: crate::scan::Positions::new(bytes, Leads::new(), b' '),
        }
    }

    /// The first byte at or after `from` that `repair` must look at.
    fn next(&mut self, from: usize) -> Option<usize> {
        let mut hit = self.found.next_from(from);
        while let Some(i) = hit {
            if changes_at(self.bytes, i) {
                return Some(i);
            }
            hit = self.found.next();
        }
        None
    }
}

/// The bytes of a block that [`Interesting`] stops at: `-` and `/`, C2, E2, E3, EF, and D9 and
/// DB before the second byte of an Arabic-Indic digit (they lead most Arabic letters: an
/// Arabic text stopped at every other letter). In vector code on x86_64, with AVX2 where the
/// processor has it (asked once per text); the pairs are told with one compare each once a bit
/// is set (`-`/`/` differ in bit 1; E2/E3 in bit 0).
struct Leads {
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

impl Leads {
    fn new() -> Leads {
        Leads {
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }
}

impl crate::scan::BlockMask for Leads {
    #[inline]
    fn mask(&self, block: &[u8; crate::scan::BLOCK]) -> u64 {
        #[cfg(target_arch = "x86_64")]
        {
            if self.avx2 {
                // SAFETY: the processor has AVX2 (asked in `Leads::new`).
                return unsafe { leads_x86::avx2(block) };
            }
            // SAFETY: SSE2 is part of every x86_64 processor.
            unsafe { leads_x86::sse2(block) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        lead_mask_by_byte(block)
    }
}

/// [`Leads`] byte by byte: the reading off x86_64, and the reference of the tests.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn lead_mask_by_byte(block: &[u8; crate::scan::BLOCK]) -> u64 {
    block.iter().enumerate().fold(0, |m, (j, &x)| {
        // D9 and DB lead most Arabic letters: they count only before the second byte of one
        // of their digits (the last byte's next is in the next block, and it counts).
        let next = |range: std::ops::RangeInclusive<u8>| {
            block.get(j + 1).is_none_or(|n| range.contains(n))
        };
        let lead = match x {
            b'-' | b'/' | 0xC2 | 0xE2 | 0xE3 | 0xEF => true,
            0xD9 => next(0xA0..=0xA9),
            0xDB => next(0xB0..=0xB9),
            _ => false,
        };
        m | (u64::from(lead) << j)
    })
}

/// A block's mask from the masks of its bytes: the leads that count alone (`other`), and D9
/// and DB where the byte after them is in their digits' range (`after_d9`, `after_db`: the
/// masks of the bytes in those ranges). The last byte's next byte is the next block's: a D9 or
/// DB there counts.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
fn combine_leads(other: u64, d9: u64, db: u64, after_d9: u64, after_db: u64) -> u64 {
    let before = |m: u64| (m >> 1) | 1 << 63;
    other | (d9 & before(after_d9)) | (db & before(after_db))
}

#[cfg(target_arch = "x86_64")]
mod leads_x86 {
    use crate::scan::BLOCK;
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_sub_epi8,
    };

    /// The pairs and the single bytes that count alone (see `Leads`): `x | 2 == 0x2F` for
    /// `-` and `/`, `x | 1 == 0xE3` for E2 and E3, then C2 and EF. D9 and DB, the lead bytes of
    /// most Arabic letters, count only before their digits' second bytes (A0-A9, B0-B9).
    const ORED: [(u8, u8); 4] = [(2, 0x2F), (1, 0xE3), (0, 0xC2), (0, 0xEF)];

    /// One block's mask with one width of vector (AVX2's 32 bytes, SSE2's 16), from that
    /// width's intrinsics: the two readings are one text.
    macro_rules! leads {
        ($name:ident, $feature:literal, $width:literal, $bits:ty,
         $load:ident, $set1:ident, $or:ident, $cmpeq:ident, $sub:ident, $min:ident, $movemask:ident) => {
            #[target_feature(enable = $feature)]
            pub(super) fn $name(block: &[u8; BLOCK]) -> u64 {
                let set = |b: u8| $set1(b as i8);
                let load = |k: usize| {
                    // SAFETY: `block` holds 64 bytes and `k` is below 64 / $width; no
                    // alignment is required.
                    unsafe { $load(block.as_ptr().add($width * k).cast()) }
                };
                let bits = |x, k: usize| u64::from($movemask(x) as $bits) << ($width * k);
                // The bytes that count alone, and D9 and DB (`x | 2 == 0xDB`).
                let (mut other, mut arabic) = (0u64, 0u64);
                for k in 0..BLOCK / $width {
                    let v = load(k);
                    let o = ORED.iter().fold(set(0), |acc, &(or, eq)| {
                        $or(acc, $cmpeq($or(v, set(or)), set(eq)))
                    });
                    other |= bits(o, k);
                    arabic |= bits($cmpeq($or(v, set(2)), set(0xDB)), k);
                }
                // Most blocks of most texts hold no Arabic letter.
                if arabic == 0 {
                    return other;
                }
                let mut masks = [0u64; 3];
                for k in 0..BLOCK / $width {
                    let v = load(k);
                    // `x - lo <= 9`, unsigned: the byte is in `lo..=lo + 9`.
                    let digits = |lo: u8| {
                        let d = $sub(v, set(lo));
                        $cmpeq($min(d, set(9)), d)
                    };
                    let found = [$cmpeq(v, set(0xD9)), digits(0xA0), digits(0xB0)];
                    for (m, x) in masks.iter_mut().zip(found) {
                        *m |= bits(x, k);
                    }
                }
                let [d9, a, b] = masks;
                super::combine_leads(other, d9, arabic & !d9, a, b)
            }
        };
    }

    crate::scan::for_both_widths!(leads);
}

/// Whether the character starting at `i` (one of the bytes of [`Interesting`]) may be changed: the second and
/// third bytes of the multi-byte ones narrow them to the characters of `replacement`, the
/// full-width solidus and the hyphen U+2010. A hyphen or slash is changed only where a line
/// break or a space follows it (a word or symbol broken at a line end, spaces after a
/// symbol's slash): the slashes inside symbols and numbers (`70/1`) are passed over here.
fn changes_at(bytes: &[u8], i: usize) -> bool {
    let b1 = bytes.get(i + 1).copied().unwrap_or(0);
    let b2 = bytes.get(i + 2).copied().unwrap_or(0);
    let gap = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    match bytes[i] {
        b'-' | b'/' => gap(b1),
        // U+2010, the hyphen, as `-` above.
        0xE2 if b1 == 0x80 && b2 == 0x90 => gap(bytes.get(i + 3).copied().unwrap_or(0)),
        // U+00A0, U+00AD.
        0xC2 => matches!(b1, 0xA0 | 0xAD),
        // U+0660-0669 and U+06F0-06F9.
        0xD9 => (0xA0..=0xA9).contains(&b1),
        0xDB => (0xB0..=0xB9).contains(&b1),
        // U+2000-200D, U+2010, U+2011, U+202F; U+205F, U+2060.
        0xE2 => {
            (b1 == 0x80 && (matches!(b2, 0x80..=0x8D | 0x90 | 0x91 | 0xAF)))
                || (b1 == 0x81 && matches!(b2, 0x9F | 0xA0))
        }
        // U+3000.
        0xE3 => b1 == 0x80 && b2 == 0x80,
        // U+FEFF; U+FF0F and U+FF10-FF19.
        0xEF => (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBC && (0x8F..=0x99).contains(&b2)),
        _ => true,
    }
}

/// Repairs `text`; `None` when there is nothing to repair.
pub fn repair(text: &str) -> Option<Repaired> {
    let plan = plan(text)?;
    let mut out = String::with_capacity(plan.norm);
    for pc in &plan.pieces {
        out.push_str(if pc.copy {
            &text[pc.orig..pc.orig + pc.orig_len]
        } else {
            pc.with
        });
    }
    Some(Repaired {
        text: out,
        pieces: plan.pieces,
        orig_len: text.len(),
        edited: plan.edited,
    })
}

/// Repairs `text` in place: [`repair`] without a second copy of the text, for a caller that
/// owns it (a large file is held once). `Err` gives the text back when there is nothing to
/// repair. Every edit is at most as long as what it replaces, so the repaired text is written
/// over the original behind the point being read.
pub fn repair_owned(text: String) -> Result<Repaired, String> {
    let Some(plan) = plan(&text) else {
        return Err(text);
    };
    let orig_len = text.len();
    // Each copied piece must start and end on a character of the original; then the result is
    // pieces of valid UTF-8 laid end to end, valid as a whole without a second reading.
    let mut whole = plan.pieces.iter().all(|pc| {
        !pc.copy || (text.is_char_boundary(pc.orig) && text.is_char_boundary(pc.orig + pc.orig_len))
    });
    let mut bytes = text.into_bytes();
    let mut w = 0;
    for pc in &plan.pieces {
        if pc.copy {
            // A piece is copied from bytes not yet written over (the edits before it are no
            // longer than what they replaced); were it not, its bytes would not be the
            // original's, and the result is validated after all.
            whole &= w <= pc.orig;
            if w != pc.orig {
                bytes.copy_within(pc.orig..pc.orig + pc.orig_len, w);
            }
            w += pc.orig_len;
        } else {
            bytes[w..w + pc.with.len()].copy_from_slice(pc.with.as_bytes());
            w += pc.with.len();
        }
    }
    bytes.truncate(w);
    let text = if whole {
        // The unit tests (the in-place property test) check the claim below on every run.
        #[cfg(test)]
        assert!(
            std::str::from_utf8(&bytes).is_ok(),
            "pieces of whole characters"
        );
        // SAFETY: `bytes` is the copied pieces (each a run of whole characters of a `String`,
        // checked above, copied before anything was written over it) and the replacements
        // (`&str`) in order, and nothing else: a concatenation of valid UTF-8 strings is valid
        // UTF-8.
        unsafe { String::from_utf8_unchecked(bytes) }
    } else {
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    };
    Ok(Repaired {
        text,
        pieces: plan.pieces,
        orig_len,
        edited: plan.edited,
    })
}

/// The pieces of a repaired text, its length and the original characters of its edits.
struct Plan {
    pieces: Vec<Piece>,
    norm: usize,
    edited: String,
}

/// The plan of a repair of `text`; `None` when there is nothing to repair.
fn plan(text: &str) -> Option<Plan> {
    let mut b = Builder {
        orig: text,
        pieces: Vec::new(),
        norm: 0,
        edited: String::new(),
        copy_from: 0,
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    // The interesting bytes are ASCII or lead bytes, so each `i` is a char boundary.
    let mut interesting = Interesting::new(bytes);
    while let Some(i) = interesting.next(pos) {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        pos = i + c.len_utf8();
        if let Some(r) = replacement(c) {
            b.edit(i, c.len_utf8(), r);
        } else if c == '\u{FF0F}'
            && text[..i].chars().next_back().is_some_and(is_digit_like)
            && text[pos..].chars().next().is_some_and(is_digit_like)
        {
            b.edit(i, c.len_utf8(), "/");
        } else if c == '/'
            && let Some(j) = symbol_goes_on_after_space(text, i + 1)
        {
            // `A/C.1/58/ L.15/Rev.1` -> `A/C.1/58/L.15/Rev.1`.
            b.flush_copy(i + 1);
            b.edit(i + 1, j - (i + 1), "");
            pos = j;
        } else if matches!(c, '-' | '\u{2010}' | '/')
            && let Some(j) = line_break_after(bytes, i + c.len_utf8())
            && let Some(word_end) = joinable(text, i, c, j)
        {
            // `resolu-\n   tion 70/1` -> `resolution\n70/1`; the slash or a symbol's hyphen
            // stays.
            let keep = if c == '/' || symbol_before(text, i) {
                c.len_utf8()
            } else {
                0
            };
            b.flush_copy(i + keep);
            b.edit(i + keep, j - (i + keep), "");
            for (k, ch) in text[j..word_end].char_indices() {
                if let Some(r) = replacement(ch) {
                    b.edit(j + k, ch.len_utf8(), r);
                }
            }
            // The line break moves after the word: it takes the place of the space there.
            pos = word_end;
            match text[word_end..].chars().next() {
                None | Some('\n' | '\r') => {}
                Some(ws) => {
                    b.edit(word_end, ws.len_utf8(), "\n");
                    pos += ws.len_utf8();
                }
            }
        }
    }
    if b.pieces.is_empty() {
        return None;
    }
    b.flush_copy(text.len());
    Some(Plan {
        pieces: b.pieces,
        norm: b.norm,
        edited: b.edited,
    })
}

/// After `pos`: optional horizontal white space, one line break, optional indentation; returns
/// where the next line's text starts. `None` for a blank line or no line break.
fn line_break_after(bytes: &[u8], mut pos: usize) -> Option<usize> {
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    match bytes.get(pos) {
        Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => pos += 2,
        Some(b'\n') => pos += 1,
        _ => return None,
    }
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    (!matches!(bytes.get(pos), None | Some(b'\n' | b'\r' | b'\x0c'))).then_some(pos)
}

/// Whether the break after the `c` at `i` joins with the word at `next`; returns where that
/// word ends.
fn joinable(text: &str, i: usize, c: char, next: usize) -> Option<usize> {
    let after = text[next..].chars().next()?;
    let before = text[..i].chars().next_back()?;
    let word_end = next
        + text[next..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - next);
    if word_end == next {
        return None;
    }
    if c == '/' || symbol_before(text, i) {
        // A symbol or number broken after `/` or `-`: `A/78/`, `70/`, `A/77/895-`.
        let ok = symbol_before(text, i + c.len_utf8()) || (c == '/' && before.is_ascii_digit());
        return (ok && after.is_alphanumeric()).then_some(word_end);
    }
    // A hyphenated word: letters on both sides, lower case after.
    let letters_before = text[..i]
        .chars()
        .rev()
        .take_while(|ch| ch.is_alphabetic())
        .count();
    (letters_before >= 2 && before.is_alphabetic() && after.is_lowercase()).then_some(word_end)
}

/// Where a symbol goes on after spaces that print put after one of its slashes (`A/C.1/58/
/// L.15/Rev.1`, `A/78/ 265`): the slash ending at `after` closes the head of a symbol, spaces
/// (not a line break) follow, and then a piece of symbol with a digit (`L.15/Rev.1`, `265`).
fn symbol_goes_on_after_space(text: &str, after: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = after;
    while bytes.get(j) == Some(&b' ') {
        j += 1;
    }
    if j == after {
        return None;
    }
    let piece = &bytes[j..];
    let len = piece
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/' | b'-'))
        .count();
    let token = &piece[..len];
    let goes_on = token
        .first()
        .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && token.iter().any(u8::is_ascii_digit);
    (goes_on && symbol_before(text, after)).then_some(j)
}

/// Whether the token ending at `end` looks like (the start of) a UN document symbol: it starts
/// with an upper-case letter and has a `/` (`A/78/`, `A/77/895`, `S/RES/`).
fn symbol_before(text: &str, end: usize) -> bool {
    let token_start = text[..end]
        .char_indices()
        .rev()
        .find(|(_, ch)| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | ','))
        .map_or(0, |(k, ch)| k + ch.len_utf8());
    let token = &text[token_start..end];
    token.starts_with(|ch: char| ch.is_ascii_uppercase())
        && token.contains('/')
        && token
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '/' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Both vector readings of a block (AVX2 where this processor has it, and SSE2) mark
        /// the bytes the byte-by-byte reading marks, for any bytes: the neighbours of the
        /// pairs (`.`, `,`, D8, DA, E1, E4) are not marked, nor D9 and DB before bytes just
        /// outside their digits' ranges.
        #[test]
        fn lead_masks_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                any::<u8>(), Just(b'-'), Just(b'/'), Just(b'.'), Just(b','), Just(0xC2u8),
                Just(0xD8u8), Just(0xD9u8), Just(0xDAu8), Just(0xDBu8), Just(0xE1u8),
                Just(0xE2u8), Just(0xE3u8), Just(0xE4u8), Just(0xEFu8), Just(0x9Fu8),
                Just(0xA0u8), Just(0xA9u8), Just(0xAAu8), Just(0xAFu8), Just(0xB0u8),
                Just(0xB9u8), Just(0xBAu8),
            ], crate::scan::BLOCK),
        ) {
            let block: [u8; crate::scan::BLOCK] =
                bytes.as_slice().try_into().unwrap_or([0; crate::scan::BLOCK]);
            // The block, and the block without D9 and DB (the readings' quick way out).
            let plain = block.map(|b| if b | 2 == 0xDB { 0xD8 } else { b });
            for block in [block, plain] {
                let want = lead_mask_by_byte(&block);
                prop_assert_eq!(crate::scan::BlockMask::mask(&Leads::new(), &block), want);
                #[cfg(target_arch = "x86_64")]
                {
                    // SAFETY: SSE2 is part of every x86_64 processor.
                    prop_assert_eq!(unsafe { leads_x86::sse2(&block) }, want);
                    if std::arch::is_x86_feature_detected!("avx2") {
                        // SAFETY: the processor has AVX2.
                        prop_assert_eq!(unsafe { leads_x86::avx2(&block) }, want);
                    }
                }
            }
        }
    }

    /// Repairing in place gives the text and map of a repair into a new string, and the
    /// original read back from it is the original at every pair of char boundaries.
    fn check_in_place(orig: &str) {
        let copied = repair(orig);
        let owned = repair_owned(orig.to_string());
        let (Some(c), Ok(o)) = (&copied, &owned) else {
            assert!(copied.is_none() && owned.is_err(), "{orig:?}");
            assert_eq!(owned.err().as_deref(), Some(orig));
            return;
        };
        assert_eq!(c.text, o.text);
        let bounds: Vec<usize> = (0..=orig.len())
            .filter(|&i| orig.is_char_boundary(i))
            .collect();
        for p in (0..=o.text.len()).filter(|&p| o.text.is_char_boundary(p)) {
            assert_eq!((c.start(p), c.end(p)), (o.start(p), o.end(p)));
        }
        // The mapper answers as the repair does, asked in order, backwards or in jumps.
        let points: Vec<usize> = (0..=o.text.len())
            .filter(|&p| o.text.is_char_boundary(p))
            .collect();
        let map = o.mapper();
        let jumps = points
            .iter()
            .step_by(3)
            .chain(points.iter().rev().step_by(2));
        for &p in points.iter().chain(points.iter().rev()).chain(jumps) {
            assert_eq!((map.start(p), map.end(p)), (o.start(p), o.end(p)), "{p}");
            for &e in points.iter().filter(|&&e| e >= p).take(4) {
                assert_eq!(map.unchanged(p, e), o.unchanged(p, e), "{p}..{e}");
            }
        }
        for (k, &s) in bounds.iter().enumerate() {
            for &e in &bounds[k..] {
                assert_eq!(o.original(s, e).as_deref(), Some(&orig[s..e]), "{s}..{e}");
            }
        }
        // A range said to be unchanged reads the same in the repaired text as in the original.
        let norm: Vec<usize> = (0..=o.text.len())
            .filter(|&p| o.text.is_char_boundary(p))
            .collect();
        for (k, &s) in norm.iter().enumerate() {
            for &e in &norm[k..] {
                let (os, oe) = (o.start(s), o.end(e).max(o.start(s)));
                if o.unchanged(s, e) {
                    assert_eq!((&orig[os..oe], oe - os), (&o.text[s..e], e - s), "{s}..{e}");
                }
            }
        }
        for i in (0..=orig.len()).filter(|&i| !orig.is_char_boundary(i)) {
            assert_eq!(o.original(i, orig.len()), None);
            assert_eq!(o.original(0, i), None);
        }
    }

    proptest! {
        #[test]
        fn in_place_repair_is_the_repair(pieces in proptest::collection::vec(prop_oneof![
            Just("resolu-\n   tion ".to_string()), Just("A/78/\n265 ".to_string()),
            Just("\u{AD}".to_string()), Just("\u{A0}".to_string()), Just("\u{3000}".to_string()),
            Just("７０／１".to_string()), Just("٧٠/١".to_string()), Just("۱۲".to_string()),
            Just("\u{200B}".to_string()), Just("\u{FEFF}".to_string()), Just("\u{2010}\n".to_string()),
            Just("S\u{2011}29/1".to_string()),
            Just("self-\ndetermination ".to_string()), Just("A/77/895-\nS/2023/363".to_string()),
            Just("é".to_string()), Just("\n".to_string()), Just(" ".to_string()),
            "[a-z0-9/ -]{0,6}",
        ], 0..14)) {
            check_in_place(&pieces.concat());
        }
    }

    #[test]
    fn in_place_examples() {
        for orig in [
            "",
            "plain text 70/1",
            "reso\u{AD}lution\u{A0}７０／１ and ٧٠/١\u{202F}of",
            "its resolu-\n   tion 70/1 and A/78/\n265 and A/77/895-\nS/2023/363, self-\ndetermination\nRecalling",
        ] {
            check_in_place(orig);
        }
        // Words clear of the edits are unchanged; a word with one inside is not.
        let orig = "its resolu-\n   tion 70/1 and self-\ndetermination";
        let Ok(r) = repair_owned(orig.to_string()) else {
            panic!("repaired")
        };
        let at = |w: &str| r.text.find(w).map(|s| (s, s + w.len()));
        let (Some(n), Some(word)) = (at("70/1"), at("resolution")) else {
            panic!("{:?}", r.text)
        };
        assert!(r.unchanged(n.0, n.1) && r.unchanged(0, 3));
        assert!(!r.unchanged(word.0, word.1));
    }

    /// Every char boundary of the repaired text maps to a char boundary of the original, in
    /// order.
    fn check_map(orig: &str, r: &Repaired) {
        let mut last = 0;
        for (p, _) in r.text.char_indices().chain([(r.text.len(), ' ')]) {
            let s = r.start(p);
            let e = r.end(p);
            assert!(
                orig.is_char_boundary(s) && orig.is_char_boundary(e),
                "{p} -> {s} {e}"
            );
            assert!(s >= last && e <= s.max(e), "monotone at {p}");
            assert!(e <= s, "end {e} after start {s} at {p}");
            last = s;
        }
    }

    /// The kept searches find what a byte-by-byte search finds, from every start, asked once
    /// or in turn from the start (and back).
    #[test]
    fn interesting_bytes_as_by_a_plain_search() {
        let text = "plain words, then A/78/265 - and é, ７ and ١ in 2024\u{A0}x\u{2010}y S\u{2011}29/1 “q” 第，（）、。 القرار ٢١١８ ۱ \u{3000}\u{FEFF}\u{200B}／tail resolu-\ntion A/78/\r\n265 A/C.1/ L.1 re\u{2010}\tx re\u{2010}\u{2010} -/";
        let bytes = text.as_bytes();
        // A hyphen or slash counts where white space or a line break follows it.
        let plain = |from: usize| {
            text.char_indices()
                .find(|(k, c)| {
                    let gap = text[k + c.len_utf8()..].starts_with([' ', '\t', '\r', '\n']);
                    *k >= from
                        && (replacement(*c).is_some()
                            || *c == '\u{FF0F}'
                            || (matches!(*c, '-' | '/' | '\u{2010}') && gap))
                })
                .map(|(k, _)| k)
        };
        for from in 0..=bytes.len() {
            assert_eq!(
                Interesting::new(bytes).next(from),
                plain(from),
                "from {from}"
            );
            let mut kept = Interesting::new(bytes);
            for at in (0..=from).chain([from / 2, from]) {
                assert_eq!(kept.next(at), plain(at), "{at} in turn up to {from}");
            }
        }
    }

    #[test]
    fn spaces_digits_and_soft_hyphens() {
        let orig = "reso\u{AD}lution\u{A0}７０／１ and ٧٠/١\u{202F}of";
        let r = repair(orig).unwrap();
        assert_eq!(r.text, "resolution 70/1 and 70/1 of");
        check_map(orig, &r);
        let s = r.text.find("70/1").unwrap();
        let (a, b) = (r.start(s), r.end(s + 4));
        assert_eq!(&orig[a..b], "７０／１");
        assert!(repair("plain text 70/1").is_none());
    }

    #[test]
    fn broken_words_and_symbols() {
        let orig = "its resolu-\n   tion 70/1 and A/78/\n265 and A/77/895-\nS/2023/363, self-\ndetermination\nRecalling";
        let r = repair(orig).unwrap();
        assert_eq!(
            r.text,
            "its resolution\n70/1 and A/78/265\nand A/77/895-S/2023/363,\nselfdetermination\nRecalling"
        );
        check_map(orig, &r);
        let s = r.text.find("resolution").unwrap();
        assert_eq!(&orig[r.start(s)..r.end(s + 10)], "resolu-\n   tion");
        let s = r.text.find("A/78/265").unwrap();
        assert_eq!(&orig[r.start(s)..r.end(s + 8)], "A/78/\n265");
        // Not joined: a blank line between, upper case after, a lone letter before.
        assert!(repair("resolu-\n\ntion").is_none());
        assert!(repair("Non-\nSelf-Governing").is_none());
        assert!(repair("and/\nor").is_none());
    }

    #[test]
    fn symbols_with_a_space_after_a_slash() {
        let orig =
            "resolución A/C.1/58/ L.15/Rev.1. and A/78/  265, not 24/ 7 or HIV/ AIDS or A/ B";
        let r = repair(orig).unwrap();
        assert_eq!(
            r.text,
            "resolución A/C.1/58/L.15/Rev.1. and A/78/265, not 24/ 7 or HIV/ AIDS or A/ B"
        );
        check_map(orig, &r);
        let s = r.text.find("A/C.1").unwrap();
        assert_eq!(&orig[r.start(s)..r.end(s + 19)], "A/C.1/58/ L.15/Rev.1");
        // A line break after the slash is the other rule's; a blank line is not joined.
        assert!(repair("A/78/ \n\n265").is_none());
    }
}
