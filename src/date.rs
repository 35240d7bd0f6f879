//! Dates as UN texts write them, in every language of [`crate::lang`].
//!
//! Each language's date shape (the private `shape` module) is built from its table (month
//! names, glue words, the order of day, month and year) the first time it is needed and reused
//! afterwards.

use crate::lang::{DateOrder, Lang, Table, script};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// A date found in a text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The date.
    pub date: NaiveDate,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

mod shape;

use shape::Shape;

/// Each language's date shape, built from its table the first time it is needed.
static SHAPES: [OnceLock<Option<Shape>>; 7] = [const { OnceLock::new() }; 7];

fn shape(lang: Lang) -> Option<&'static Shape> {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    SHAPES[i].get_or_init(|| Shape::new(lang.table())).as_ref()
}

/// Escapes words for a regular expression and joins them longest first. A space matches any run
/// of white space, a slash may have white space around it (`كانون الأول/ ديسمبر`), and an Arabic
/// letter may be followed by tatweel and vowel marks (`نيســان`).
pub(crate) fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    shape::ordered(words)
        .iter()
        .map(|w| word_pattern(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The words of an [`alternation`] in the order it tries them, when the alternation matches
/// each exactly as written: no space or slash (white space may stand around those) and no
/// Arabic letter (marks may follow one). `None` otherwise.
pub(crate) fn plain_alternation<'a>(words: impl Iterator<Item = &'a str>) -> Option<Vec<&'a str>> {
    let words = shape::ordered(words);
    words
        .iter()
        .all(|w| word_pattern(w) == regex::escape(w))
        .then_some(words)
}

/// The words of an [`alternation`] in the order it tries them, when the alternation matches
/// each as written but for the Arabic marks ([`MARK_CLASS`]) it lets follow an Arabic letter:
/// no space or slash. `None` otherwise. With no mark in a text, such an alternation matches
/// the words as written.
pub(crate) fn marked_alternation<'a>(words: impl Iterator<Item = &'a str>) -> Option<Vec<&'a str>> {
    let words = shape::ordered(words);
    words
        .iter()
        .all(|w| !w.contains([' ', '/']))
        .then_some(words)
}

/// The marks an [`alternation`] lets follow an Arabic letter: tatweel and the vowel signs.
pub(crate) const MARK_CLASS: &str = r"[\u{0640}\u{064B}-\u{065F}\u{0670}]";

/// Where the first character of [`MARK_CLASS`] starts in `bytes[from..to]` (UTF-8: the byte
/// 0xD9 then 0x80, 0x8B-0x9F or 0xB0). Texts without Arabic are passed over by `memchr`; Arabic
/// letters share that first byte, so from one on the pairs are checked 64 bytes at a time, block
/// after block while they hold a 0xD9 (a search for the next one would stop a few bytes on).
pub(crate) fn next_mark(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let to = to.min(bytes.len());
    let mut i = from;
    while i < to {
        i += memchr::memchr(0xD9, bytes.get(i..to)?)?;
        loop {
            let end = (i + crate::scan::BLOCK).min(to);
            // A whole block is read where it stands; the text's last, shorter one is copied.
            let (mask, arabic) = match bytes
                .get(i..i + crate::scan::BLOCK)
                .and_then(|b| <&[u8; crate::scan::BLOCK]>::try_from(b).ok())
            {
                Some(block) => mark_mask(block),
                None => {
                    let mut block = [0u8; crate::scan::BLOCK];
                    let rest = &bytes[i..bytes.len().min(i + crate::scan::BLOCK)];
                    block[..rest.len()].copy_from_slice(rest);
                    mark_mask(&block)
                }
            };
            // Bits past `end` off; the last byte's pair is read in the text.
            let mut h = mask & (u64::MAX >> (crate::scan::BLOCK - (end - i)));
            while h != 0 {
                let j = i + h.trailing_zeros() as usize;
                if bytes.get(j + 1).is_some_and(|&y| is_mark_tail(y)) {
                    return Some(j);
                }
                h &= h - 1;
            }
            i = end;
            if !arabic || i >= to {
                break;
            }
        }
    }
    None
}

/// The second byte of a character of [`MARK_CLASS`] after its 0xD9.
fn is_mark_tail(y: u8) -> bool {
    y == 0x80 || (0x8B..=0x9F).contains(&y) || y == 0xB0
}

/// Whether an [`alternation`] lets the marks of [`MARK_CLASS`] follow `c` (an Arabic letter).
pub(crate) fn takes_marks(c: char) -> bool {
    ('\u{0620}'..='\u{06FF}').contains(&c)
}

/// The length in bytes of the run of [`MARK_CLASS`] marks that opens `b` (the marks an
/// alternation lets follow a letter; [`crate::lang::script::marks_len`] also reads the Quranic
/// marks, which the words are matched across).
pub(crate) fn mark_class_len(b: &[u8]) -> usize {
    let mut n = 0;
    while let [0xD9, y, ..] = b.get(n..).unwrap_or_default()
        && is_mark_tail(*y)
    {
        n += 2;
    }
    n
}

/// The bytes 0xD9 of `block` that stand before a mark's second byte (bit `j` for byte `j`;
/// the last byte's is set for any 0xD9, its next byte being outside the block), and whether
/// the block holds a 0xD9 at all.
fn mark_mask(block: &[u8; crate::scan::BLOCK]) -> (u64, bool) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE2 is part of every x86_64 processor.
    return unsafe { mark_mask_sse2(block) };
    #[cfg(not(target_arch = "x86_64"))]
    return mark_mask_by_byte(block);
}

/// [`mark_mask`] byte by byte: the reading off x86_64, and the reference of the tests.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn mark_mask_by_byte(block: &[u8; crate::scan::BLOCK]) -> (u64, bool) {
    let mask = block.iter().enumerate().fold(0, |m, (j, &x)| {
        let pair = x == 0xD9 && block.get(j + 1).is_none_or(|&y| is_mark_tail(y));
        m | (u64::from(pair) << j)
    });
    (mask, block.contains(&0xD9))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn mark_mask_sse2(block: &[u8; crate::scan::BLOCK]) -> (u64, bool) {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };
    let set = |b: u8| _mm_set1_epi8(b as i8);
    let (mut lead, mut tail) = (0u64, 0u64);
    for (k, part) in block.chunks_exact(16).enumerate() {
        // SAFETY: `part` is sixteen readable bytes; the load has no alignment requirement.
        let v = unsafe { _mm_loadu_si128(part.as_ptr().cast()) };
        // `x - 0x8B <= 0x14`, unsigned: 0x8B-0x9F.
        let d = _mm_sub_epi8(v, set(0x8B));
        let t = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, set(0x80)), _mm_cmpeq_epi8(v, set(0xB0))),
            _mm_cmpeq_epi8(_mm_min_epu8(d, set(0x14)), d),
        );
        lead |= u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v, set(0xD9))) as u16) << (16 * k);
        tail |= u64::from(_mm_movemask_epi8(t) as u16) << (16 * k);
    }
    (lead & ((tail >> 1) | 1 << 63), lead != 0)
}

fn word_pattern(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        match c {
            ' ' => out.push_str(r"[\s\u{A0}]+"),
            '/' => out.push_str(r"[\s\u{A0}]*/[\s\u{A0}]*"),
            _ => {
                out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
                if takes_marks(c) {
                    out.push_str(MARK_CLASS);
                    out.push('*');
                }
            }
        }
    }
    out
}

/// The regular expression of a full date (`day_month`: of a day and month with an optional
/// year) of one table: what [`Shape`] reads, kept for the tests to hold it against.
#[cfg(test)]
fn pattern(table: &Table, day_month: bool) -> String {
    let months = alternation(table.months.iter().map(|(m, _)| *m));
    let glue = if table.date_glue.is_empty() {
        String::new()
    } else {
        format!(
            r"(?:(?:{})[\s\u{{A0}}]+)?",
            alternation(table.date_glue.iter().copied())
        )
    };
    let suffix = if table.year_suffix.is_empty() {
        String::new()
    } else {
        format!(
            r"(?:[\s\u{{A0}}]*(?:{}))?",
            alternation(table.year_suffix.iter().copied())
        )
    };
    let sp = r"[\s\u{A0}\u{202F}]";
    // The space after the day may be missing (`8September 2014`, a typing slip the texts
    // keep); the one before the year may not (`8 September2014` is not read).
    let d = script::DIGIT_CLASS;
    match (table.date_order, day_month) {
        (DateOrder::DayMonthYear, false) => format!(
            r"(?i)^(?P<d>{d}{{1,2}})(?:\.|er|º|°)?{sp}*{glue}(?P<m>{months})\.?{sp}+{glue}(?P<y>{d}{{4}}){suffix}"
        ),
        (DateOrder::YearMonthDay, false) => {
            format!(r"^(?P<y>{d}{{4}})\s*年\s*(?P<mn>{d}{{1,2}})\s*月\s*(?P<d>{d}{{1,2}})\s*日")
        }
        // Day and month with an optional year, for dates given one per item of a list.
        (DateOrder::DayMonthYear, true) => format!(
            r"(?i)^(?P<d>{d}{{1,2}})(?:\.|er|º|°)?{sp}*{glue}(?P<m>{months})(?:{sp}+{glue}(?P<y>{d}{{4}}){suffix})?"
        ),
        (DateOrder::YearMonthDay, true) => format!(
            r"^(?:(?P<y>{d}{{4}})\s*年\s*)?(?P<mn>{d}{{1,2}})\s*月\s*(?P<d>{d}{{1,2}})\s*日"
        ),
    }
}

/// Whether `s` may open a date of the day-month-year pattern: one or two digits, then a day
/// suffix (`.`, `er`, `º`, `°`), white space or a letter. Most numbers a date is looked for at (`70/1`,
/// `2015`, `1325 (2000)`) fail here, before the regex runs. A digit is one of
/// [`script::DIGIT_CLASS`], as in the pattern.
fn may_open_day(s: &str) -> bool {
    let mut chars = s.chars();
    if !chars.next().is_some_and(script::is_digit) {
        return false;
    }
    let mut next = chars.next();
    if next.is_some_and(script::is_digit) {
        next = chars.next();
    }
    // A letter: a suffix (`er`) or a month name glued to the day (`8September`).
    next.is_some_and(|c| {
        matches!(c, '.' | 'º' | '°' | '\u{A0}' | '\u{202F}')
            || c.is_whitespace()
            || c.is_alphabetic()
    })
}

/// Reads a date that starts exactly at byte `pos` of `text`.
pub fn date_at(text: &str, pos: usize, lang: Lang) -> Option<FoundDate> {
    let hay = text.get(pos..)?;
    if lang.table().date_order == DateOrder::DayMonthYear && !may_open_day(hay) {
        return None;
    }
    let (day, month, year, end) = shape(lang)?.read(hay, false)?;
    let day = script::parse_number(day)?;
    let year = script::parse_number(year?)? as i32;
    let month = match month {
        Ok(name) => month_number(name, lang.table())?,
        Err(number) => script::parse_number(number)?,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let end = pos + end;
    Some(FoundDate {
        date,
        start: pos,
        end,
    })
}

/// Finds the first date at or after `pos`, within `limit` bytes. A `pos` inside a character
/// starts at the next one.
pub fn find_date(text: &str, pos: usize, limit: usize, lang: Lang) -> Option<FoundDate> {
    let end = floor_boundary(text, pos.saturating_add(limit).min(text.len()));
    let mut i = crate::layout::ceil_char(text, pos);
    while i < end {
        if text[i..].starts_with(script::is_digit)
            && !text[..i].ends_with(script::is_digit)
            && let Some(d) = date_at(text, i, lang)
        {
            return Some(d);
        }
        i += 1;
        while i < end && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

/// Reads a day and month, with the year if one follows, at byte `pos` (`4 mars`, `18 décembre
/// 1964`): day, month, year and the end. For dates given one per item at the end of a list.
pub fn day_month_at(text: &str, pos: usize, lang: Lang) -> Option<(u32, u32, Option<i32>, usize)> {
    let hay = text.get(pos..)?;
    let (day, month, year, end) = shape(lang)?.read(hay, true)?;
    let day = script::parse_number(day)?;
    let month = match month {
        Ok(name) => month_number(name, lang.table())?,
        Err(number) => script::parse_number(number)?,
    };
    let year = match year {
        Some(y) => Some(script::parse_number(y)? as i32),
        None => None,
    };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    Some((day, month, year, pos + end))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn month_number(name: &str, table: &Table) -> Option<u32> {
    // One ASCII word (`December`, `Dez.`): compared in lower case as it stands, without the
    // copies the general case makes.
    if name
        .bytes()
        .all(|b| b.is_ascii() && !char::from(b).is_whitespace())
    {
        return table
            .months
            .iter()
            .find(|(m, _)| {
                m.len() == name.len()
                    && m.bytes()
                        .zip(name.bytes())
                        .all(|(a, b)| a == b.to_ascii_lowercase())
            })
            .map(|(_, n)| *n);
    }
    month_number_folded(name, table)
}

/// [`month_number`] for any name: marks dropped, lower case, white space folded.
fn month_number_folded(name: &str, table: &Table) -> Option<u32> {
    let lower: String = name
        .chars()
        .filter(|c| !script::is_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '\u{A0}')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" /", "/")
        .replace("/ ", "/");
    table
        .months
        .iter()
        .find(|(m, _)| *m == lower)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn marks_read_on_bytes_are_the_mark_class() {
        // Every character of the Arabic blocks (and the bytes after it that a run may take):
        // a run of marks as `MARK_CLASS` matches it.
        let class = regex::Regex::new(&format!("^(?:{MARK_CLASS})*")).expect("static regex");
        for c in ('\u{0600}'..='\u{08FF}').chain(['a', ' ', '\u{FE70}']) {
            for run in [1, 2] {
                let s = format!("{}\u{0628}", c.to_string().repeat(run));
                let want = class.find(&s).map_or(0, |m| m.end());
                assert_eq!(mark_class_len(s.as_bytes()), want, "{c:?} x{run}");
            }
        }
        // The letters that take marks in an alternation are those the pattern writes it for.
        assert!(takes_marks('\u{0642}') && takes_marks('\u{06CC}') && !takes_marks('a'));
    }

    /// A date as read, owned: day, month (`Ok`: a name, `Err`: a number), year and end.
    type Owned = (String, Result<String, String>, Option<String>, usize);

    /// The regular expression of each language's date shape, for the shape to be held against.
    fn oracle(lang: Lang, day_month: bool) -> &'static regex::Regex {
        static RES: std::sync::LazyLock<Vec<regex::Regex>> = std::sync::LazyLock::new(|| {
            Lang::ALL
                .iter()
                .flat_map(|l| [false, true].map(|dm| (*l, dm)))
                .map(|(l, dm)| regex::Regex::new(&pattern(l.table(), dm)).expect("test pattern"))
                .collect()
        });
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &RES[2 * i + usize::from(day_month)]
    }

    /// What the regular expression captures at the start of `text`: day, month (`Ok`: a name,
    /// `Err`: a number), year and end.
    fn captured(lang: Lang, day_month: bool, text: &str) -> Option<Owned> {
        let caps = oracle(lang, day_month).captures(text)?;
        let g = |name: &str| caps.name(name).map(|m| m.as_str().to_string());
        let month = match (g("m"), g("mn")) {
            (Some(m), _) => Ok(m),
            (None, Some(n)) => Err(n),
            (None, None) => return None,
        };
        Some((g("d")?, month, g("y"), caps.get(0)?.end()))
    }

    fn read(lang: Lang, day_month: bool, text: &str) -> Option<Owned> {
        let (d, m, y, end) = shape(lang)?.read(text, day_month)?;
        Some((
            d.to_string(),
            m.map(str::to_string).map_err(str::to_string),
            y.map(str::to_string),
            end,
        ))
    }

    #[test]
    fn every_table_has_a_shape() {
        for lang in Lang::ALL {
            assert!(shape(lang).is_some(), "{lang:?}");
        }
    }

    /// Pieces of dates for the properties below: days, suffixes, spaces, months of every
    /// language in several casings and with marks, glue, years and what may follow.
    fn date_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("1"),
            Just("25"),
            Just("٢٥"),
            Just("2٥"),
            Just("125"),
            Just("０９"),
            Just("2023"),
            Just("."),
            Just("er"),
            Just("ER"),
            Just("º"),
            Just("°"),
            Just("/"),
            Just(","),
            Just(" "),
            Just("  "),
            Just("\u{A0}"),
            Just("\u{202F}"),
            Just("\n"),
            Just("\u{3000}"),
            Just("December"),
            Just("DECEMBER"),
            Just("Dec."),
            Just("dec"),
            Just("Dezember"),
            Just("März"),
            Just("décembre"),
            Just("DÉCEMBRE"),
            Just("juin"),
            Just("juillet"),
            Just("sept."),
            Just("de"),
            Just("del"),
            Just("DE"),
            Just("diciembre"),
            Just("septiembre"),
            Just("декабря"),
            Just("ДЕКАБРЯ"),
            Just("года"),
            Just("г."),
            Just("годах"),
            Just("كانون الأول/ديسمبر"),
            Just("كانون الأول / ديسمبر"),
            Just("كانــون الأوَّل"),
            Just("أيلول/سبتمبر"),
            Just("سبتمبر"),
            Just("ابريل"),
            Just("\u{0640}"),
            Just("年"),
            Just("月"),
            Just("日"),
            Just("x"),
            Just("ſeptember"),
            Just("\u{212A}"),
        ]
        .prop_map(str::to_string)
    }

    proptest! {
        /// The marks' search finds the first character of [`MARK_CLASS`] in a range, as a
        /// search character by character does; the vector mask of a block is the byte-by-byte
        /// one, for bytes around both ends of the marks' ranges.
        #[test]
        fn marks_found_as_by_characters(
            pieces in proptest::collection::vec(prop_oneof![
                Just("قرار"), Just("ـ"), Just("َ"), Just("ً"), Just("ٟ"), Just("ٰ"), Just("ٮ"),
                Just("ٹ"), Just("ي"), Just("ف"), Just("resolution "), Just("é"), Just("\n"),
            ], 0..40),
            from in 0usize..200,
            len in 0usize..200,
        ) {
            let text = pieces.concat();
            let re = regex::Regex::new(MARK_CLASS).expect("class");
            let from = crate::layout::floor_char(&text, from);
            let to = from.saturating_add(len);
            let want = re
                .find_at(&text, from)
                .map(|m| m.start())
                .filter(|&s| s < to.min(text.len()));
            prop_assert_eq!(next_mark(text.as_bytes(), from, to), want);
        }

        #[test]
        fn mark_mask_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                any::<u8>(), Just(0xD9u8), Just(0xD8u8), Just(0xDAu8), Just(0x80u8),
                Just(0x7Fu8), Just(0x81u8), Just(0x8Au8), Just(0x8Bu8), Just(0x9Fu8),
                Just(0xA0u8), Just(0xAFu8), Just(0xB0u8), Just(0xB1u8),
            ], crate::scan::BLOCK),
        ) {
            let block: [u8; crate::scan::BLOCK] =
                bytes.as_slice().try_into().unwrap_or([0; crate::scan::BLOCK]);
            prop_assert_eq!(mark_mask(&block), mark_mask_by_byte(&block));
        }
    }

    proptest! {
        /// The shape reads what the regular expression of the same table captures, for every
        /// language, full dates and days with months, whatever the pieces around them.
        #[test]
        fn shapes_read_as_the_pattern(pieces in proptest::collection::vec(date_piece(), 1..9)) {
            let text = pieces.concat();
            for lang in Lang::ALL {
                for day_month in [false, true] {
                    prop_assert_eq!(
                        read(lang, day_month, &text),
                        captured(lang, day_month, &text),
                        "{:?} {} {:?}", lang, day_month, text
                    );
                }
            }
        }

        /// Every text a day-month-year shape reads passes the cheap check before it.
        #[test]
        fn day_check_passes_every_date(pieces in proptest::collection::vec(date_piece(), 1..7)) {
            let s = pieces.concat();
            for lang in Lang::ALL {
                if lang.table().date_order == DateOrder::DayMonthYear {
                    prop_assert!(read(lang, false, &s).is_none() || may_open_day(&s), "{:?} {:?}", lang, s);
                }
            }
        }
    }

    /// Dates built piece by piece (day, suffix, space, glue, month of every language, period,
    /// space, glue, year, year suffix, what follows), every combination: the shape reads each
    /// as the pattern does, and many of them are dates.
    #[test]
    fn built_dates_read_as_the_pattern() {
        let days = ["9", "25", "٢٥", "125"];
        let suffixes = ["", ".", "er", "º"];
        let spaces = ["", " ", "\u{A0}", "\n "];
        let glue = ["", "de ", "del ", "DE "];
        let years = [
            "1981",
            " 1981",
            "  ٢٠١٥",
            "",
            " 81",
            " de 2015",
            " del 2015",
        ];
        let after = ["", " года", " г.", "года", ",", "5"];
        let mut matched = 0;
        let mut tried = 0;
        for lang in Lang::ALL {
            let mut months: Vec<String> = lang
                .table()
                .months
                .iter()
                .map(|(m, _)| m.to_string())
                .collect();
            months.extend(lang.table().months.iter().map(|(m, _)| m.to_uppercase()));
            months.push("Sept..".to_string());
            for (i, month) in months.iter().enumerate() {
                // A spread of the combinations: each month with every day and year, the other
                // pieces turned by the month's index.
                for day in days {
                    for (k, year) in years.iter().enumerate() {
                        let text = format!(
                            "{day}{}{}{}{month}{}{year}{}",
                            suffixes[(i + k) % 4],
                            spaces[(i + 2 * k) % 4],
                            glue[(i / 2 + k) % 4],
                            if (i + k) % 3 == 0 { "." } else { "" },
                            after[(i + k) % 6],
                        );
                        for l in Lang::ALL {
                            for day_month in [false, true] {
                                let want = captured(l, day_month, &text);
                                matched += usize::from(want.is_some());
                                tried += 1;
                                assert_eq!(
                                    read(l, day_month, &text),
                                    want,
                                    "{l:?} {day_month} {text:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
        // Each text is in one language of seven: a few per cent of the readings are dates.
        assert!(matched * 50 > tried, "{matched} of {tried}");
    }

    /// Whole dates of every language, read as the pattern reads them.
    #[test]
    fn dates_of_every_language_as_the_pattern() {
        let texts = [
            "9 December 1981, and",
            "9 Dec. 1981",
            "9 december 1981.",
            "1er janvier 2000",
            "1ER JANVIER 2000",
            "25 de septiembre de 2015",
            "25 de septiembre del 2015",
            "4 de julio",
            "12 декабря 1981 года",
            "12 декабря 1981 г.",
            "12 декабря 1981 годах",
            "12 декабря",
            "9 كانون الأول/ديسمبر 1981",
            "9 كانون الأول/ ديسمبر 1981",
            "9 كانــون الأوَّل/ديسمبر 1981",
            "2023年12月22日",
            "12月22日",
            "2023 年 12 月 22 日",
            "9. Dezember 1981",
            "22. März 2023",
            "9ºde mayo de 1990",
            "9 September2014",
            "8September 2014",
            "31 February 2020",
            "1\nMarch 1991",
        ];
        for text in texts {
            for lang in Lang::ALL {
                for day_month in [false, true] {
                    assert_eq!(
                        read(lang, day_month, text),
                        captured(lang, day_month, text),
                        "{lang:?} {day_month} {text:?}"
                    );
                }
            }
        }
        assert!(read(Lang::Es, false, "25 de septiembre de 2015").is_some());
        assert!(read(Lang::Zh, false, "2023年12月22日").is_some());
        assert!(read(Lang::Ar, false, "9 كانــون الأوَّل/ديسمبر 1981").is_some());
    }

    /// The ASCII shortcut gives what the general comparison gives, for every month name of
    /// every language in three casings and for words that are no month.
    #[test]
    fn month_shortcut_equals_folded_comparison() {
        for lang in Lang::ALL {
            let table = lang.table();
            for (m, _) in table.months {
                let title: String = m
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
                    .collect();
                for name in [
                    m.to_string(),
                    m.to_ascii_uppercase(),
                    title,
                    format!("{m}x"),
                ] {
                    assert_eq!(
                        month_number(&name, table),
                        month_number_folded(&name, table),
                        "{lang:?} {name}"
                    );
                }
            }
            for name in ["May", "MAR", "x", "Dez.", "sept", "of"] {
                assert_eq!(month_number(name, table), month_number_folded(name, table));
            }
        }
    }

    #[test]
    fn english_and_german_dates() {
        let d = date_at("9 December 1981,", 0, Lang::En).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1981, 12, 9).unwrap());
        assert_eq!(d.end, 15);
        let d = date_at("9. Dezember 1981 und", 0, Lang::De).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1981, 12, 9).unwrap());
        let d = date_at("22. März 2023", 0, Lang::De).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2023, 3, 22).unwrap());
        assert!(date_at("31 February 2020", 0, Lang::En).is_none());
        assert!(date_at("in 1981", 0, Lang::En).is_none());
    }

    /// A search may be asked to start inside a character (the byte before `istr.` of a
    /// distribution line, where a damaged file put a replacement character): it starts at the
    /// next one. Found by the `extract` fuzz target.
    #[test]
    fn search_from_inside_a_character() {
        let text = "A\u{FFFD}istr.: General 12 December 2023";
        let inside = text.find('\u{FFFD}').map_or(0, |i| i + 1);
        let d = find_date(text, inside, text.len(), Lang::En).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2023, 12, 12).unwrap());
        assert!(find_date(text, inside, 2, Lang::En).is_none());
        assert!(find_date(text, usize::MAX, 5, Lang::En).is_none());
    }

    #[test]
    fn dates_broken_across_lines() {
        let d = date_at("2\nMarch 1991", 0, Lang::En).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1991, 3, 2).unwrap());
    }
}
