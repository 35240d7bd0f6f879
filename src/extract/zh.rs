//! The Chinese list scanner. Chinese writes a citation the other way round: the body and the
//! date come first, then the number, and one `号决议` closes the whole list:
//!
//! ```text
//! 回顾其1999年8月25日第1261(1999)号、...和2000年8月11日第1314(2000)号决议
//! 大会第60/1号决议            第217 A(III)号决议            第1267(1999)和1989(2011)号决议
//! 大会题为“...”的2015年9月25日第70/1号决议     经济及社会理事会1996年7月25日关于...的第1996/31号决议
//! ```
//!
//! The scanner reads lists forward, each item `[date] [第] number [号]`, items joined by the
//! table's and-words (`、`, `和`, `及`), and keeps a list only when it ends with a resolution or
//! decision word. What stands before the list (`大会`, `其`, with dates, `题为“...”的` and
//! `关于...的` phrases and bridges such as `在`, `通过的` in between) gives its body. The items
//! are then resolved by the same machinery as every other language.

use super::{Form, Parsed, Scanner, eat_any, parse_item, skip_ws_plain};
use crate::date;
use crate::lang::{BodyName, script};
use crate::layout::is_apostrophe;
use crate::symbol::Kind;
use chrono::NaiveDate;

/// How far back the qualifiers of a list are looked for, in bytes.
const LOOK_BACK: usize = 240;

/// One list found: its items with their span starts, its kind, and where it ends.
struct List {
    items: Vec<(Parsed, usize)>,
    kind: Kind,
    start: usize,
    end: usize,
}

/// The bytes an item of a Chinese list may start with: ASCII digits, the first bytes of
/// full-width digits (EF BC 90-99), the `bytes` given (`S`, `E`, the lead bytes of other digits
/// and of number words), and the first bytes of `pairs` where their second follows, as a
/// block's mask. A pair or a full-width digit that the block's end cuts counts as far as the
/// block shows it. EF leads all full-width punctuation (`，`, `（`): half the bytes the scan
/// stopped at in Chinese text were commas and parentheses before their third byte was read.
struct ItemLeads {
    bytes: Vec<u8>,
    pairs: Vec<(u8, u8)>,
    /// The same in arrays of a fixed length, for the vector code (`None`: more than they hold).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    fixed: Option<FixedLeads>,
    /// Whether the processor has AVX2 (asked once per text).
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

/// The tables have four lead bytes and one number word (a pair): room for a little more.
const LEAD_BYTES: usize = 6;
const LEAD_PAIRS: usize = 2;

/// [`ItemLeads`] in arrays of a fixed length, so that the vector code writes out every
/// comparison: a spare byte slot holds `0`, a digit, which the digit test finds anyway, and a
/// spare pair slot is switched off.
#[derive(Clone, Copy)]
struct FixedLeads {
    bytes: [u8; LEAD_BYTES],
    pairs: [(u8, u8); LEAD_PAIRS],
    /// All ones for a pair slot in use, zero for a spare one.
    pair_on: [u64; LEAD_PAIRS],
}

impl ItemLeads {
    fn new(bytes: Vec<u8>, pairs: Vec<(u8, u8)>) -> ItemLeads {
        let fixed = (bytes.len() <= LEAD_BYTES && pairs.len() <= LEAD_PAIRS).then(|| FixedLeads {
            bytes: std::array::from_fn(|k| bytes.get(k).copied().unwrap_or(b'0')),
            pairs: std::array::from_fn(|k| pairs.get(k).copied().unwrap_or((0, 0))),
            pair_on: std::array::from_fn(|k| if k < pairs.len() { u64::MAX } else { 0 }),
        });
        ItemLeads {
            bytes,
            pairs,
            fixed,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }
}

impl crate::scan::BlockMask for ItemLeads {
    #[inline]
    fn mask(&self, block: &[u8; crate::scan::BLOCK]) -> u64 {
        #[cfg(target_arch = "x86_64")]
        if let Some(fixed) = &self.fixed {
            if self.avx2 {
                // SAFETY: the processor has AVX2 (asked in `ItemLeads::new`).
                return unsafe { item_leads_x86::avx2(block, fixed) };
            }
            // SAFETY: SSE2 is part of every x86_64 processor.
            return unsafe { item_leads_x86::sse2(block, fixed) };
        }
        item_leads_by_byte(block, self)
    }
}

/// [`ItemLeads`] byte by byte: the reading off x86_64, and the reference of the tests.
fn item_leads_by_byte(block: &[u8; crate::scan::BLOCK], leads: &ItemLeads) -> u64 {
    block.iter().enumerate().fold(0, |m, (j, &x)| {
        let pair = leads
            .pairs
            .iter()
            .any(|&(a, b)| x == a && block.get(j + 1).is_none_or(|&y| y == b));
        let full_width = x == 0xEF
            && block.get(j + 1).is_none_or(|&y| y == 0xBC)
            && block.get(j + 2).is_none_or(|y| (0x90..=0x99).contains(y));
        let hit = x.is_ascii_digit() || leads.bytes.contains(&x) || pair || full_width;
        m | (u64::from(hit) << j)
    })
}

#[cfg(target_arch = "x86_64")]
mod item_leads_x86 {
    use super::{FixedLeads, LEAD_PAIRS};
    use crate::scan::BLOCK;
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_sub_epi8,
    };

    /// One block's mask with one width of vector (AVX2's 32 bytes, SSE2's 16), from that
    /// width's intrinsics: the two readings are one text. The bytes are spread across vectors
    /// once a block, not once a comparison.
    macro_rules! item_leads {
        ($name:ident, $feature:literal, $width:literal, $bits:ty,
         $load:ident, $set1:ident, $or:ident, $cmpeq:ident, $sub:ident, $min:ident, $movemask:ident) => {
            #[target_feature(enable = $feature)]
            pub(super) fn $name(block: &[u8; BLOCK], leads: &FixedLeads) -> u64 {
                let set = |b: u8| $set1(b as i8);
                let bytes = leads.bytes.map(set);
                let firsts = leads.pairs.map(|(a, _)| set(a));
                let seconds = leads.pairs.map(|(_, b)| set(b));
                let bits = |x, k: usize| u64::from($movemask(x) as $bits) << ($width * k);
                let mut m = 0u64;
                // For each pair: its first bytes, and its second bytes.
                let mut first = [0u64; LEAD_PAIRS];
                let mut second = [0u64; LEAD_PAIRS];
                // EF, BC, and 90-99: the three bytes of a full-width digit.
                let mut full_width = [0u64; 3];
                for k in 0..BLOCK / $width {
                    // SAFETY: `block` holds 64 bytes and `k` is below 64 / $width; no
                    // alignment is required.
                    let x = unsafe { $load(block.as_ptr().add($width * k).cast()) };
                    // `x - b'0' <= 9`, unsigned: an ASCII digit.
                    let d = $sub(x, set(b'0'));
                    let digits = $cmpeq($min(d, set(9)), d);
                    let hit = bytes.iter().fold(digits, |acc, b| $or(acc, $cmpeq(x, *b)));
                    let f = $sub(x, set(0x90));
                    full_width[0] |= bits($cmpeq(x, set(0xEF)), k);
                    full_width[1] |= bits($cmpeq(x, set(0xBC)), k);
                    full_width[2] |= bits($cmpeq($min(f, set(9)), f), k);
                    m |= bits(hit, k);
                    for i in 0..LEAD_PAIRS {
                        first[i] |= bits($cmpeq(x, firsts[i]), k);
                        second[i] |= bits($cmpeq(x, seconds[i]), k);
                    }
                }
                for i in 0..LEAD_PAIRS {
                    m |= first[i] & ((second[i] >> 1) | 1 << 63) & leads.pair_on[i];
                }
                m | full_width[0]
                    & ((full_width[1] >> 1) | 1 << 63)
                    & ((full_width[2] >> 2) | 3 << 62)
            }
        };
    }

    crate::scan::for_both_widths!(item_leads);
}

impl Scanner<'_, '_> {
    /// Pass 1 for Chinese: every list closed by `号决议` or `号决定`.
    pub(super) fn zh_pass(&mut self) {
        let text = self.text;
        // An item starts with a digit (ASCII, full-width: EF, Arabic-Indic: D9/DB), a number
        // word (`第`) or `S-`/`ES-`: the scan jumps from one such byte to the next, found 64
        // bytes at a time.
        let mut bytes = vec![b'S', b'E', 0xD9, 0xDB];
        let mut pairs = Vec::new();
        for w in self.table.number_words {
            match w.chars().next() {
                // A Han character is its own lower case and nothing else's: its first two
                // bytes (`第`: E7 AC), not the first alone, which a sixteenth of Han
                // characters share.
                Some(c) if ('\u{3000}'..='\u{9FFF}').contains(&c) => {
                    pairs.push((w.as_bytes()[0], w.as_bytes()[1]));
                }
                _ => bytes.extend(w.bytes().next()),
            }
        }
        let leads = ItemLeads::new(bytes, pairs);
        for &(start, end) in self.ranges {
            self.zh_range(start, end.min(text.len()), &leads);
        }
    }

    fn zh_range(&mut self, start: usize, end: usize, leads: &ItemLeads) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut hits = crate::scan::Positions::new(bytes, leads, b' ');
        let mut pos = start;
        while pos < end {
            match hits.next_from(pos) {
                Some(p) if p < end => pos = p,
                _ => break,
            }
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            if !self.zh_may_open(c) {
                pos += c.len_utf8();
                continue;
            }
            if self.zh_item_start(pos)
                && let Some(list) = self.zh_list(pos)
            {
                let (body, possessive, lead_date) = self.zh_look_back(list.start);
                let mut items = list.items;
                if items.len() == 1
                    && let Some((first, _)) = items.first_mut()
                    && first.date.is_none()
                {
                    first.date = lead_date;
                }
                // A date stands before the items it dates.
                super::share_dates(&mut items, true);
                self.flush_segment(&mut items, list.kind, body, possessive);
                pos = list.end;
                continue;
            }
            pos += c.len_utf8();
            // The digits after a digit continue its number: no item starts there.
            if c.is_ascii_digit() {
                pos += bytes[pos..end]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
            }
        }
    }

    /// Whether an item may start with `c`, as far as `c` tells: a character outside ASCII
    /// opens one only as a digit or as the first letter of a number word (`第`). The lead
    /// bytes the scan stops at are shared by thousands of Han characters and by all full-width
    /// punctuation; [`Scanner::zh_item_start`] is asked only where this holds.
    fn zh_may_open(&self, c: char) -> bool {
        c.is_ascii()
            || script::is_digit(c)
            || self.table.number_words.iter().any(|w| {
                w.chars().next().is_some_and(|w| {
                    w == ' ' || script::lowers_to(c, w) || (is_apostrophe(c) && is_apostrophe(w))
                })
            })
    }

    /// Whether an item may start at `pos`: a digit (of a date or a number) that does not
    /// continue a number, `第`, or a special-session prefix.
    fn zh_item_start(&self, pos: usize) -> bool {
        let text = self.text;
        let rest = &text[pos..];
        let prev = text[..pos].chars().next_back();
        if prev.is_some_and(|p| {
            script::is_digit(p)
                || p.is_ascii_alphabetic()
                || script::is_slash(p)
                || script::is_full_stop(p)
                || p == '-'
        }) {
            return false;
        }
        rest.starts_with(script::is_digit)
            || eat_any(text, pos, self.table.number_words).is_some()
            || rest.starts_with("S-")
            || rest.starts_with("ES-")
    }

    /// Reads a list starting at `pos`; `None` unless it is closed by a keyword.
    fn zh_list(&self, pos: usize) -> Option<List> {
        let text = self.text;
        let table = self.table;
        let mut items: Vec<(Parsed, usize)> = Vec::new();
        let mut p = pos;
        loop {
            let (parsed, after) = self.zh_item(p)?;
            let item_start = p;
            items.push((parsed, item_start));
            let q = skip_ws_plain(text, after);
            if let Some((kind, end)) = self.zh_closer(q) {
                if let Some((last, _)) = items.last_mut() {
                    last.end = end;
                }
                return Some(List {
                    items,
                    kind,
                    start: pos,
                    end,
                });
            }
            // Only a list of numbers continues; a bare number ends it (`第11和15段`).
            let e = eat_any(text, q, table.and_words)?;
            p = skip_ws_plain(text, e);
            if items.len() > 60 {
                return None;
            }
        }
    }

    /// One item at `pos`: `[date] [bridge] [第] number [号]`; returns it and where it ends.
    fn zh_item(&self, pos: usize) -> Option<(Parsed, usize)> {
        let text = self.text;
        let table = self.table;
        let mut p = pos;
        let mut date = None;
        if let Some(d) = date::date_at(text, p, self.ctx.lang) {
            date = Some(d.date);
            p = skip_ws_plain(text, d.end);
            if let Some(e) = eat_any(text, p, table.bridges) {
                p = skip_ws_plain(text, e);
            }
        }
        if let Some(e) = eat_any(text, p, table.number_words) {
            p = skip_ws_plain(text, e);
        }
        let item = parse_item(text, p, table)?;
        let mut end = item.end;
        // A bare number must be closed by its `号` (`第1325号决议`), not be a count.
        let q = skip_ws_plain(text, end);
        match eat_any(text, q, table.number_suffixes) {
            Some(e) => end = e,
            None if matches!(item.form, Form::Bare(_)) => return None,
            None => {}
        }
        Some((
            Parsed {
                item,
                date,
                body_after: None,
                end,
                text_end: end,
            },
            end,
        ))
    }

    /// The keyword that closes a list at `pos` (`号` may already have been read with the last
    /// item): its kind and end. A draft (`决议草案`) is not a resolution.
    fn zh_closer(&self, pos: usize) -> Option<(Kind, usize)> {
        let text = self.text;
        let table = self.table;
        let mut p = pos;
        if let Some(e) = eat_any(text, p, table.number_suffixes) {
            p = e;
        }
        let (kind, e) = if let Some(e) = eat_any(text, p, table.resolution_words) {
            (Kind::Resolution, e)
        } else {
            (Kind::Decision, eat_any(text, p, table.decision_words)?)
        };
        if text[e..].starts_with("草案") {
            return None;
        }
        Some((kind, e))
    }

    /// What stands before a list: the body named (`大会`, `安全理事会`), or the possessive `其`,
    /// across dates, bridges (`在`, `通过的`) and modifiers (`题为“...”的`, `关于...的`). Also
    /// returns a date standing before the body (`2014年12月9日安全理事会通过的第2188(2014)号决议`).
    fn zh_look_back(&self, start: usize) -> (Option<BodyName>, bool, Option<NaiveDate>) {
        let text = self.text;
        let table = self.table;
        let from = super::floor_boundary(text, start.saturating_sub(LOOK_BACK));
        let mut end = start;
        // The nearest date before the list (`...1996年7月25日关于...的第1996/31号决议`).
        let mut lead = None;
        for _ in 0..6 {
            let before = text[from..end].trim_end_matches(crate::layout::is_space);
            end = from + before.len();
            if let Some((body, s)) = ends_with_body(before, table.bodies_before) {
                let lead = lead.or_else(|| self.date_ending_at(from, from + s));
                return (Some(body), false, lead);
            }
            if table.possessives.iter().any(|w| before.ends_with(w)) {
                return (None, true, lead);
            }
            if table.council_words.iter().any(|w| before.ends_with(w)) {
                return (self.citing_council(), false, lead);
            }
            if let Some(s) = self.date_start_before(from, end) {
                if lead.is_none() {
                    lead = date::date_at(text, s, self.ctx.lang).map(|d| d.date);
                }
                end = s;
                continue;
            }
            if let Some(s) = modifier_start(before, table) {
                end = from + s;
                continue;
            }
            if let Some(w) = table
                .bridges
                .iter()
                .filter(|w| before.ends_with(*w))
                .max_by_key(|w| w.len())
            {
                end -= w.len();
                continue;
            }
            break;
        }
        (None, false, lead)
    }

    /// The date that ends exactly at `end` (white space allowed), looked for from `from`.
    fn date_ending_at(&self, from: usize, end: usize) -> Option<NaiveDate> {
        let s = self.date_start_before(from, end)?;
        date::date_at(self.text, s, self.ctx.lang).map(|d| d.date)
    }

    /// Where a date ending at `end` starts.
    fn date_start_before(&self, from: usize, end: usize) -> Option<usize> {
        let text = self.text;
        let before = text[from..end].trim_end_matches(crate::layout::is_space);
        let stop = from + before.len();
        if !before.ends_with('日') {
            return None;
        }
        // A date is at most `YYYY年MM月DD日` with spaces: look at the last 40 bytes.
        let lo = super::floor_boundary(text, stop.saturating_sub(40)).max(from);
        let mut i = lo;
        while i < stop {
            if text[i..].starts_with(script::is_digit)
                && !text[..i].ends_with(script::is_digit)
                && let Some(d) = date::date_at(text, i, self.ctx.lang)
                && d.end == stop
            {
                return Some(i);
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// The body whose name `s` ends with (the longest), and where that name starts. Chinese needs
/// no word boundary before it.
fn ends_with_body(s: &str, bodies: &[(&str, BodyName)]) -> Option<(BodyName, usize)> {
    bodies
        .iter()
        .filter(|(w, _)| s.ends_with(*w))
        .max_by_key(|(w, _)| w.len())
        .map(|(w, b)| (*b, s.len() - w.len()))
}

/// If `s` ends with a modifier (`题为“...”的`, `关于...的`, `据以设立...的`), where the modifier
/// starts: at the first opener of the clause, so that a modifier with a verb inside it
/// (`其据以设立妇女地位委员会的`) is stepped over whole. The modifier stays within the clause: it
/// does not cross a full stop, a semicolon or another citation (commas may stand inside a quoted
/// title).
fn modifier_start(s: &str, table: &crate::lang::Table) -> Option<usize> {
    let end_word = table.modifier_ends.iter().find(|w| s.ends_with(*w))?;
    let body = &s[..s.len() - end_word.len()];
    let mut clause_start = body
        .rfind(|c: char| script::is_full_stop(c) || script::is_semicolon(c))
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    for w in table.resolution_words.iter().chain(table.decision_words) {
        if let Some(i) = body[clause_start..].rfind(w) {
            clause_start += i + w.len();
        }
    }
    table
        .modifier_openers
        .iter()
        .filter_map(|o| body[clause_start..].find(o).map(|i| clause_start + i))
        .min()
}

#[cfg(test)]
mod tests {
    use super::super::Context;
    use super::*;
    use crate::lang::Lang;
    use crate::layout::Layout;
    use proptest::prelude::*;

    /// No character lower-cases to a character of U+3000-U+9FFF but itself: the scan looks
    /// for a Han number word by its first two bytes, where `zh_may_open` would take any
    /// character whose lower case it is.
    #[test]
    fn han_characters_are_only_their_own_lower_case() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            for l in c.to_lowercase() {
                assert!(!('\u{3000}'..='\u{9FFF}').contains(&l) || l == c, "{c:?}");
            }
        }
    }

    proptest! {
        /// The vector mask of a block's item leads is the byte-by-byte one.
        #[test]
        fn item_leads_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                any::<u8>(), Just(b'/'), Just(b'0'), Just(b'9'), Just(b':'), Just(b'S'),
                Just(b'E'), Just(0xE7u8), Just(0xEFu8), Just(0xD9u8), Just(0xDBu8), Just(0xACu8), Just(0xE4u8), Just(0xBAu8), Just(0xBCu8), Just(0x90u8), Just(0x99u8), Just(0x8Fu8), Just(0x9Au8),
            ], crate::scan::BLOCK),
        ) {
            let block: [u8; crate::scan::BLOCK] =
                bytes.as_slice().try_into().unwrap_or([0; crate::scan::BLOCK]);
            let pairs = [vec![], vec![(0xE7, 0xAC)], vec![(0xE7, 0xAC), (0xE4, 0xBA)], vec![(1, 2), (3, 4), (0xEF, 0xBC)]];
            let bytes = [vec![b'E', b'S', 0xD9, 0xDB], vec![b'E', b'S', 0xD9, 0xDB, 0xBC, 0xE4], vec![b'S'], vec![], vec![1, 2, 3, 4, 5, 6, 0xE7]];
            for (pairs, bytes) in pairs.into_iter().flat_map(|p| bytes.clone().map(move |b| (p.clone(), b))) {
                let leads = ItemLeads::new(bytes, pairs);
                let by_byte = item_leads_by_byte(&block, &leads);
                prop_assert_eq!(crate::scan::BlockMask::mask(&leads, &block), by_byte);
                // Both widths, whichever the processor would take.
                #[cfg(target_arch = "x86_64")]
                if let Some(fixed) = &leads.fixed {
                    // SAFETY: SSE2 is part of every x86_64 processor.
                    prop_assert_eq!(unsafe { item_leads_x86::sse2(&block, fixed) }, by_byte);
                }
            }
        }

        /// The scan's skips lose no item start: where an item may start, its first character
        /// passes `zh_may_open`, and no item starts at an ASCII digit after another.
        #[test]
        fn item_starts_pass_the_character_check(
            pieces in proptest::collection::vec(prop_oneof![
                Just("第"), Just("1325"), Just("7"), Just("号"), Just("决议"), Just("（"),
                Just("）"), Just("，"), Just("、"), Just("S-"), Just("ES-"), Just("１２"),
                Just("٢"), Just("大会"), Just("年"), Just("/"), Just(" "), Just("A"),
            ], 0..16),
        ) {
            let text = pieces.concat();
            let layout = Layout::default();
            let ctx = Context { lang: Lang::Zh, citing_body: None, own_ids: &[], layout: &layout };
            let ranges = [(0, text.len())];
            let s = Scanner {
                text: &text,
                ctx: &ctx,
                table: Lang::Zh.table(),
                ranges: &ranges,
                out: Vec::new(),
                covered: Vec::new(),
                consumed: Default::default(),
                covered_hint: Default::default(),
                spare_segment: Vec::new(),
                scratch: Default::default(),
            };
            for (pos, c) in text.char_indices() {
                if s.zh_item_start(pos) {
                    prop_assert!(s.zh_may_open(c), "{:?} at {}", c, pos);
                    prop_assert!(!(c.is_ascii_digit() && text[..pos].ends_with(|p: char| p.is_ascii_digit())));
                }
            }
        }
    }
}
