//! Facts about resolution numbering, for checking and dating citations:
//! Security Council adoption dates and the number ranges of the old-style General
//! Assembly numbering (`1514 (XV)`, sessions 1-30).
//!
//! The tables live in `src/data/` and are regenerated from the corpus by
//! `examples/make_tables.rs`; `tests/known_tables.rs` checks they are up to date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

const SC_TSV: &str = include_str!("data/sc_resolutions.tsv");
const GA_TSV: &str = include_str!("data/ga_sessions.tsv");

/// Last session of the old GA numbering; 31/1 started the `session/number` style.
const GA_LAST_OLD_SESSION: u32 = 30;

/// (number, adoption date), sorted by number so lookups can binary-search.
static SC: LazyLock<Vec<(u32, NaiveDate)>> = LazyLock::new(|| parse_sc(SC_TSV));

/// Regular GA sessions 1..=30, sorted by their first resolution number.
static GA: LazyLock<Vec<GaSession>> = LazyLock::new(|| parse_ga(GA_TSV));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GaSession {
    session: u32,
    first: u32,
    last: u32,
    first_date: NaiveDate,
    last_date: NaiveDate,
}

/// Non-empty lines that are not `#` comments, split on tabs.
fn records(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A date of the tables: `YYYY-MM-DD` read digit by digit (chrono's format parser cost more
/// than a thousand instructions a date, 3 M for the Council table at every start), anything
/// else by that parser.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn parse_sc(text: &str) -> Vec<(u32, NaiveDate)> {
    let mut rows: Vec<(u32, NaiveDate)> = records(text)
        .filter_map(|f| match f.as_slice() {
            [n, d] => Some((n.parse().ok()?, parse_date(d)?)),
            _ => None,
        })
        .collect();
    // The generator writes sorted unique numbers; sorting again keeps the binary
    // search correct even if the file is edited by hand. The first of duplicates wins.
    rows.sort_by_key(|r| r.0);
    rows.dedup_by_key(|r| r.0);
    rows
}

fn parse_ga(text: &str) -> Vec<GaSession> {
    let mut rows: Vec<GaSession> = records(text)
        .filter_map(|f| match f.as_slice() {
            [s, first, last, d0, d1] => Some(GaSession {
                session: s.parse().ok()?,
                first: first.parse().ok()?,
                last: last.parse().ok()?,
                first_date: parse_date(d0)?,
                last_date: parse_date(d1)?,
            }),
            _ => None,
        })
        .filter(|g| (1..=GA_LAST_OLD_SESSION).contains(&g.session) && g.first <= g.last)
        .collect();
    rows.sort_by_key(|g| g.first);
    rows
}

fn ga_row(session: u32) -> Option<&'static GaSession> {
    GA.iter().find(|g| g.session == session)
}

/// Adoption date of Security Council resolution `number`, where the table knows it.
///
/// Covers 1..=2640 (25 January 1946 to 29 June 2022): the un.org tables of Security
/// Council meetings give the meeting date; the date printed on the resolution text
/// (CR-UNSC, 1-899) fills gaps and corrects meetings that ran past midnight.
/// Later resolutions are unknown, so `None` does not mean "no such resolution".
pub fn sc_date(number: u32) -> Option<NaiveDate> {
    SC.binary_search_by_key(&number, |r| r.0)
        .ok()
        .map(|i| SC[i].1)
}

/// Year of Security Council resolution `number` (from `sc_date`).
pub fn sc_year(number: u32) -> Option<u32> {
    sc_date(number).and_then(|d| u32::try_from(d.year()).ok())
}

/// Highest SC resolution number in the table (0 if the table is empty).
pub fn sc_last_known() -> u32 {
    SC.last().map_or(0, |r| r.0)
}

/// The regular GA session (1..=30) that old-style resolution `number` belongs to.
///
/// Ranges are contiguous and cover 1..=3541, so numbers of special and emergency
/// special sessions (`1001 (ES-I)`) come out as a neighbouring regular session.
/// Bounds rest on the recorded votes and citations found in the corpus; for
/// sessions 1-17 and 19-20 they are approximate (see the table's header).
pub fn ga_old_session(number: u32) -> Option<u32> {
    let i = GA.partition_point(|g| g.first <= number);
    let g = GA.get(i.checked_sub(1)?)?;
    (number <= g.last).then_some(g.session)
}

/// Whether `number (ROMAN session)` is plausible: number within the session's
/// range, with a tolerance of 3% of the range or 20 numbers, whichever is larger,
/// because the ranges are derived from recorded votes and citations only.
pub fn ga_old_plausible(number: u32, session: u32) -> bool {
    let Some(g) = ga_row(session) else {
        return false;
    };
    let size = (g.last - g.first).saturating_add(1);
    let tolerance = size.saturating_mul(3).div_ceil(100).max(20);
    number >= 1
        && number.saturating_add(tolerance) >= g.first
        && number <= g.last.saturating_add(tolerance)
}

/// Calendar year in which regular GA session `session` opened (1 -> 1946, n -> 1945 + n).
///
/// Session 1 opened in January 1946; each later session opens in September of its
/// year and often resumes into the next one. Holds for sessions after 30 too.
pub fn ga_session_year(session: u32) -> u32 {
    1945u32.saturating_add(session.max(1))
}

/// The years the General Assembly's special sessions met, S-1 (1947) to S-32 (2021).
const GA_SPECIAL_SESSION_YEARS: [u32; 32] = [
    1947, 1948, 1961, 1963, 1967, 1974, 1975, 1978, 1978, 1978, 1980, 1982, 1986, 1986, 1988, 1989,
    1990, 1990, 1997, 1998, 1999, 1999, 2000, 2000, 2001, 2001, 2002, 2005, 2014, 2016, 2020, 2021,
];

/// The year the General Assembly's special session `session` met (`S-10`: 1978); `None` for a
/// number it has not reached.
pub fn ga_special_session_year(session: u32) -> Option<u32> {
    let i = usize::try_from(session.checked_sub(1)?).ok()?;
    GA_SPECIAL_SESSION_YEARS.get(i).copied()
}

/// First and last month with a recorded vote in regular GA session `session`
/// (1..=30), as dates widened to whole months; `None` outside the table.
pub fn ga_session_dates(session: u32) -> Option<(NaiveDate, NaiveDate)> {
    ga_row(session).map(|g| (g.first_date, g.last_date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ga_special_sessions() {
        assert_eq!(ga_special_session_year(0), None);
        assert_eq!(ga_special_session_year(1), Some(1947));
        assert_eq!(ga_special_session_year(10), Some(1978));
        assert_eq!(ga_special_session_year(29), Some(2014));
        assert_eq!(ga_special_session_year(32), Some(2021));
        assert_eq!(ga_special_session_year(33), None);
    }

    #[test]
    fn sc_spot_checks() {
        assert_eq!(sc_date(242), Some(ymd(1967, 11, 22)));
        assert_eq!(sc_date(1325), Some(ymd(2000, 10, 31)));
        assert_eq!(sc_date(687), Some(ymd(1991, 4, 3)));
        assert_eq!(sc_date(2334), Some(ymd(2016, 12, 23)));
        assert_eq!(sc_date(1), Some(ymd(1946, 1, 25)));
        // Two-day meeting: adopted on its second day.
        assert_eq!(sc_date(1402), Some(ymd(2002, 3, 30)));
        // Listed twice in the source; the date that fits its neighbours wins.
        assert_eq!(sc_date(663), Some(ymd(1990, 8, 14)));
        assert_eq!(sc_date(701), Some(ymd(1991, 7, 31)));
        // Covid-era votes come from the separate 2020 table.
        assert_eq!(sc_date(2530), Some(ymd(2020, 6, 29)));
        // Missing from the meeting tables (typed as 663 and 701 there): printed dates.
        assert_eq!(sc_date(666), Some(ymd(1990, 9, 13)));
        assert_eq!(sc_date(695), Some(ymd(1991, 5, 30)));
        // Meeting of 21 October ran past midnight; the resolution is of 22 October.
        assert_eq!(sc_date(338), Some(ymd(1973, 10, 22)));
        assert_eq!(sc_year(242), Some(1967));
        assert_eq!(sc_year(2640), Some(2022));
    }

    #[test]
    fn sc_unknown_numbers() {
        assert_eq!(sc_date(0), None);
        assert_eq!(sc_date(sc_last_known() + 1), None);
        assert_eq!(sc_year(u32::MAX), None);
        assert_eq!(sc_last_known(), 2640);
    }

    #[test]
    fn sc_table_is_ordered() {
        assert_eq!(SC.len(), 2640);
        for (i, w) in SC.windows(2).enumerate() {
            assert_eq!(w[0].0, i as u32 + 1, "gap before {}", w[1].0);
            assert!(w[0].1 <= w[1].1, "date goes back at {}", w[1].0);
        }
    }

    #[test]
    fn ga_sessions_of_known_resolutions() {
        assert_eq!(ga_old_session(1514), Some(15));
        assert_eq!(ga_old_session(217), Some(3));
        assert_eq!(ga_old_session(181), Some(2));
        assert_eq!(ga_old_session(2758), Some(26));
        assert_eq!(ga_old_session(3411), Some(30));
        assert_eq!(ga_old_session(1), Some(1));
        assert_eq!(ga_old_session(3541), Some(30));
        assert_eq!(ga_old_session(0), None);
        assert_eq!(ga_old_session(3542), None);
    }

    #[test]
    fn ga_ranges_partition_the_old_numbering() {
        assert_eq!(GA.len(), 30);
        assert_eq!(GA[0].first, 1);
        for (i, g) in GA.iter().enumerate() {
            assert_eq!(g.session, i as u32 + 1);
            assert!(g.first_date <= g.last_date);
            // Votes fall in the opening year or, for a session opened late or
            // resumed (XIX: December 1964, first vote February 1965), the next.
            let opened = ga_session_year(g.session) as i32;
            assert!(
                (opened..=opened + 1).contains(&g.first_date.year()),
                "session {}",
                g.session
            );
            assert!(
                (opened..=opened + 1).contains(&g.last_date.year()),
                "session {}",
                g.session
            );
        }
        for w in GA.windows(2) {
            assert_eq!(
                w[0].last + 1,
                w[1].first,
                "gap or overlap after session {}",
                w[0].session
            );
        }
        assert_eq!(GA[29].last, 3541);
    }

    #[test]
    fn ga_plausibility() {
        assert!(ga_old_plausible(1514, 15));
        assert!(ga_old_plausible(217, 3));
        assert!(ga_old_plausible(2758, 26));
        // 376 (V) is just below the derived start of session 5 (377): tolerated.
        assert!(ga_old_plausible(376, 5));
        assert!(!ga_old_plausible(1514, 13));
        assert!(!ga_old_plausible(1514, 18));
        assert!(!ga_old_plausible(2758, 15));
        assert!(!ga_old_plausible(1514, 0));
        assert!(!ga_old_plausible(1514, 31));
        assert!(!ga_old_plausible(0, 1));
    }

    #[test]
    fn ga_session_years() {
        assert_eq!(ga_session_year(1), 1946);
        assert_eq!(ga_session_year(2), 1947);
        assert_eq!(ga_session_year(15), 1960);
        assert_eq!(ga_session_year(30), 1975);
        assert_eq!(ga_session_year(31), 1976);
        assert_eq!(ga_session_dates(26).map(|d| d.0.year()), Some(1971));
        assert_eq!(ga_session_dates(31), None);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let sc = parse_sc(
            "# c\n\n12\t1946-05-01\nx\t1946-01-01\n3\tnot a date\n5\n2\t1946-02-01\textra\n1\t1946-01-25\n",
        );
        assert_eq!(sc, vec![(1, ymd(1946, 1, 25)), (12, ymd(1946, 5, 1))]);
        let ga = parse_ga(
            "# c\n1\t1\t10\t1946-01-01\t1946-12-31\n2\t20\t11\t1947-09-01\t1947-11-30\n40\t1\t2\t1985-01-01\t1985-01-01\nbad\n",
        );
        assert_eq!(ga.len(), 1);
        assert_eq!(ga[0].last, 10);
    }

    proptest::proptest! {
        /// Dates read digit by digit are the dates chrono's parser reads, and strings it
        /// refuses are refused: every day of every month near the table's years, impossible
        /// days, and strings of the right length that are not dates.
        #[test]
        fn table_dates_as_chrono_reads_them(
            y in 1900u32..2100, m in 0u32..14, d in 0u32..33,
            junk in "[0-9+ -]{10}",
        ) {
            let s = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(parse_date(&s), NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
            proptest::prop_assert_eq!(parse_date(&junk), NaiveDate::parse_from_str(&junk, "%Y-%m-%d").ok());
        }
    }
}
