//! Dates as UN texts write them, in every language of [`crate::lang`].
//!
//! One regular expression per language is built from its table (month names, glue words, the
//! order of day, month and year) the first time it is needed and reused afterwards.

use crate::lang::{DateOrder, Lang, Table, script};
use chrono::NaiveDate;
use regex::Regex;
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

/// Each language's full date pattern, and its day-and-month pattern: compiled apart, the
/// second only when a list gives dates one per item (a regex costs more to compile than most
/// texts cost to read).
static DATE: [OnceLock<Option<Compiled>>; 7] = [const { OnceLock::new() }; 7];
static DAY_MONTH: [OnceLock<Option<Compiled>>; 7] = [const { OnceLock::new() }; 7];

/// A date pattern with the indices of its groups, looked up once: a date is read with capture
/// locations by index, without the allocation and name lookups of `captures` (about half the
/// cost of reading one).
struct Compiled {
    re: Regex,
    day: usize,
    /// The month as a name, or as a number (`12月`).
    month: Result<usize, usize>,
    year: usize,
    /// Where this pattern's dates are kept in [`SEEN`].
    slot: usize,
}

/// Where a date's groups stand in its match: byte ranges from its start.
#[derive(Debug, Clone, Copy)]
struct Groups {
    day: (usize, usize),
    month: Result<(usize, usize), (usize, usize)>,
    year: Option<(usize, usize)>,
}

thread_local! {
    /// The groups of the dates already read on this thread, by pattern and matched text: a
    /// corpus writes the same dates again and again, and finding a match (the lazy automaton
    /// alone) costs a fraction of reading its groups. The groups depend on the matched text
    /// alone: the patterns are anchored and hold no assertion about what follows.
    static SEEN: std::cell::RefCell<Vec<rustc_hash::FxHashMap<Box<str>, Groups>>> =
        std::cell::RefCell::new(vec![rustc_hash::FxHashMap::default(); 14]);
}

/// Dates kept per pattern and thread before the store is emptied: distinct dates are few, but
/// a text of tables could hold many.
const SEEN_MAX: usize = 4096;

impl Compiled {
    fn new(pattern: &str, slot: usize) -> Option<Compiled> {
        let re = Regex::new(pattern).ok()?;
        let index = |name: &str| re.capture_names().position(|n| n == Some(name));
        let month = match (index("m"), index("mn")) {
            (Some(i), _) => Ok(i),
            (None, Some(i)) => Err(i),
            (None, None) => return None,
        };
        Some(Compiled {
            day: index("d")?,
            month,
            year: index("y")?,
            re,
            slot,
        })
    }

    /// The day, month (name or number, as written), year (if matched) and end of the date at
    /// the start of `hay`.
    fn read<'h>(&self, hay: &'h str) -> Option<Read<'h>> {
        let end = self.re.find(hay)?.end();
        let matched = hay.get(..end)?;
        let groups = SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let map = seen.get_mut(self.slot)?;
            if let Some(g) = map.get(matched) {
                return Some(*g);
            }
            let g = self.groups(matched)?;
            if map.len() >= SEEN_MAX {
                map.clear();
            }
            map.insert(matched.into(), g);
            Some(g)
        })?;
        let piece = |(s, e): (usize, usize)| hay.get(s..e);
        let month = match groups.month {
            Ok(r) => Ok(piece(r)?),
            Err(r) => Err(piece(r)?),
        };
        let year = match groups.year {
            Some(r) => Some(piece(r)?),
            None => None,
        };
        Some((piece(groups.day)?, month, year, end))
    }

    /// The groups of a date that is the whole of `matched`.
    fn groups(&self, matched: &str) -> Option<Groups> {
        let mut locs = self.re.capture_locations();
        self.re.captures_read(&mut locs, matched)?;
        Some(Groups {
            day: locs.get(self.day)?,
            month: match self.month {
                Ok(i) => Ok(locs.get(i)?),
                Err(i) => Err(locs.get(i)?),
            },
            year: locs.get(self.year),
        })
    }
}

/// A date as [`Compiled::read`] finds it: day, month (`Ok`: a name, `Err`: a number), year
/// and end, as written.
type Read<'h> = (&'h str, Result<&'h str, &'h str>, Option<&'h str>, usize);

/// Escapes words for a regular expression and joins them longest first. A space matches any run
/// of white space, a slash may have white space around it (`كانون الأول/ ديسمبر`), and an Arabic
/// letter may be followed by tatweel and vowel marks (`نيســان`).
pub(crate) fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|w| word_pattern(w))
        .collect::<Vec<_>>()
        .join("|")
}

fn word_pattern(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        match c {
            ' ' => out.push_str(r"[\s\u{A0}]+"),
            '/' => out.push_str(r"[\s\u{A0}]*/[\s\u{A0}]*"),
            _ => {
                out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
                if ('\u{0620}'..='\u{06FF}').contains(&c) {
                    out.push_str(r"[\u{0640}\u{064B}-\u{065F}\u{0670}]*");
                }
            }
        }
    }
    out
}

/// The pattern of a full date (`day_month`: of a day and month with an optional year) of
/// one table.
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

fn compiled(lang: Lang, day_month: bool) -> Option<&'static Compiled> {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let cell = if day_month { &DAY_MONTH[i] } else { &DATE[i] };
    cell.get_or_init(|| {
        Compiled::new(
            &pattern(lang.table(), day_month),
            2 * i + usize::from(day_month),
        )
    })
    .as_ref()
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
    let (day, month, year, end) = compiled(lang, false)?.read(hay)?;
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

/// Finds the first date at or after `pos`, within `limit` bytes.
pub fn find_date(text: &str, pos: usize, limit: usize, lang: Lang) -> Option<FoundDate> {
    let end = floor_boundary(text, (pos + limit).min(text.len()));
    let mut i = pos;
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
    let (day, month, year, end) = compiled(lang, true)?.read(hay)?;
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

    proptest! {
        /// Every text a day-month-year pattern matches passes the cheap check before it.
        #[test]
        fn day_check_passes_every_date(
            day in prop_oneof![Just(""), Just("1"), Just("25"), Just("125"), Just("٢٥"), Just("2٥"), Just("x")],
            suffix in prop_oneof![Just(""), Just("."), Just("er"), Just("ER"), Just("º"), Just("°"), Just("/")],
            space in prop_oneof![Just(""), Just(" "), Just("\u{A0}"), Just("\u{202F}"), Just("\n"), Just("\u{3000}")],
            rest in prop_oneof![
                Just("December 1981"), Just("Dezember 1981"), Just("décembre 1981"),
                Just("de diciembre de 1994"), Just("декабря 1981 года"), Just("كانون الأول/ديسمبر 1981"),
                Just("x"),
            ],
        ) {
            let s = format!("{day}{suffix}{space}{rest}");
            for lang in Lang::ALL {
                if lang.table().date_order != DateOrder::DayMonthYear {
                    continue;
                }
                let Some(Compiled { re, .. }) = compiled(lang, false) else {
                    return Err(TestCaseError::fail("no pattern"));
                };
                prop_assert!(!re.is_match(&s) || may_open_day(&s), "{:?} {:?}", lang, s);
            }
        }
    }

    proptest! {
        /// A date read through the store of seen dates has the groups and end that the
        /// pattern's captures give on the whole text, the first time and again, whatever
        /// follows the date.
        #[test]
        fn seen_dates_read_as_captured(
            day in prop_oneof![Just("1"), Just("25"), Just("٢٥"), Just("2")],
            suffix in prop_oneof![Just(""), Just("."), Just("er"), Just("º")],
            space in prop_oneof![Just(" "), Just("\u{A0}"), Just("  "), Just("\n")],
            rest in prop_oneof![
                Just("December 1981"), Just("Dec. 1981"), Just("Dezember 1981"), Just("décembre 1981"),
                Just("de diciembre de 1994"), Just("diciembre 1994"), Just("декабря 1981 года"),
                Just("декабря 1981 г."), Just("كانون الأول/ديسمبر 1981"), Just("December"),
                Just("décembre"), Just("2023年12月22日"), Just("12月22日"),
            ],
            after in prop_oneof![Just(""), Just(" 1982"), Just(" года"), Just("x"), Just(", and 5 May 1990")],
        ) {
            let head = format!("{day}{suffix}{space}{rest}");
            for text in [head.clone(), format!("{head}{after}"), format!("{rest}{after}")] {
                for lang in Lang::ALL {
                    for day_month in [false, true] {
                        let Some(c) = compiled(lang, day_month) else {
                            return Err(TestCaseError::fail("no pattern"));
                        };
                        let captured = c.re.captures(&text).and_then(|caps| {
                            let g = |i: usize| caps.get(i).map(|m| m.as_str());
                            let month = match c.month {
                                Ok(i) => Ok(g(i)?),
                                Err(i) => Err(g(i)?),
                            };
                            Some((g(c.day)?, month, g(c.year), caps.get(0)?.end()))
                        });
                        for _ in 0..2 {
                            prop_assert_eq!(c.read(&text), captured, "{:?} {:?}", lang, text);
                        }
                    }
                }
            }
        }
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

    #[test]
    fn dates_broken_across_lines() {
        let d = date_at("2\nMarch 1991", 0, Lang::En).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1991, 3, 2).unwrap());
    }
}
