//! Dates as UN texts write them, in every language of [`crate::lang`].
//!
//! One regular expression per language is built from its table (month names, glue words, the
//! order of day, month and year) the first time it is needed and reused afterwards.

use crate::lang::{DateOrder, Lang, Table};
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

struct Compiled {
    re: Regex,
}

static COMPILED: [OnceLock<Option<Compiled>>; 7] = [const { OnceLock::new() }; 7];

/// Escapes words for a regular expression and joins them longest first.
pub(crate) fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|w| regex::escape(w).replace(' ', r"[\s\u{A0}]+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn build(table: &Table) -> Option<Compiled> {
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
    let pattern = match table.date_order {
        DateOrder::DayMonthYear => format!(
            r"(?i)^(?P<d>[0-9]{{1,2}})(?:\.|er|º|°)?{sp}+{glue}(?P<m>{months}){sp}+{glue}(?P<y>[0-9]{{4}}){suffix}"
        ),
        DateOrder::YearMonthDay => {
            r"^(?P<y>[0-9]{4})\s*年\s*(?P<mn>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日".to_string()
        }
    };
    Regex::new(&pattern).ok().map(|re| Compiled { re })
}

fn compiled(lang: Lang) -> Option<&'static Compiled> {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    COMPILED[i].get_or_init(|| build(lang.table())).as_ref()
}

/// Reads a date that starts exactly at byte `pos` of `text`.
pub fn date_at(text: &str, pos: usize, lang: Lang) -> Option<FoundDate> {
    let c = compiled(lang)?;
    let hay = text.get(pos..)?;
    let caps = c.re.captures(hay)?;
    let day: u32 = caps.name("d")?.as_str().parse().ok()?;
    let year: i32 = caps.name("y")?.as_str().parse().ok()?;
    let month = match caps.name("m") {
        Some(m) => month_number(m.as_str(), lang.table())?,
        None => caps.name("mn")?.as_str().parse().ok()?,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let end = pos + caps.get(0)?.end();
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
        if text.as_bytes()[i].is_ascii_digit()
            && (i == 0 || !text.as_bytes()[i - 1].is_ascii_digit())
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

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn month_number(name: &str, table: &Table) -> Option<u32> {
    let lower: String = name
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '\u{A0}')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    table
        .months
        .iter()
        .find(|(m, _)| *m == lower)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

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
