//! Regenerates the fact tables embedded by `src/known.rs`:
//!
//! * `sc_resolutions.tsv`: Security Council resolution number -> adoption date,
//!   from the un.org meeting tables in `unsc-meetings-tables/html/`, completed and
//!   corrected by the dates printed on the `cr-unsc` resolution texts.
//! * `ga_sessions.tsv`: number ranges of the old-style General Assembly numbering
//!   (`1514 (XV)`, sessions 1-30), from `unvotes-roll-calls/roll_calls.csv` plus
//!   old-style citations found in the corpus texts.
//!
//! Usage: `cargo run --example make_tables -- /work/shared/corpus src/data`
//!
//! The table-building logic is plain functions so that `tests/known_tables.rs` can
//! rebuild the tables and compare them with the committed files.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

/// Security Council table: rows sorted by number, plus notes on anomalies met.
pub struct ScTable {
    pub rows: Vec<(u32, NaiveDate)>,
    pub notes: Vec<String>,
}

/// One regular GA session of the old numbering.
pub struct GaSession {
    pub session: u32,
    pub first: u32,
    pub last: u32,
    pub first_date: NaiveDate,
    pub last_date: NaiveDate,
}

/// GA table: sessions 1..=30 in order, plus notes on the evidence used.
pub struct GaTable {
    pub sessions: Vec<GaSession>,
    pub notes: Vec<String>,
}

// ---------------------------------------------------------------------------
// Security Council
// ---------------------------------------------------------------------------

/// Reads every `scact<YEAR>[_covid]_table_en.html`, maps each `S/RES/n` in a row to
/// that row's meeting date, then applies the CR-UNSC printed dates
/// (see `apply_printed_dates`).
pub fn build_sc(corpus: &Path) -> Result<ScTable, String> {
    let dir = corpus.join("unsc-meetings-tables/html");
    let file_re = Regex::new(r"^scact(\d{4})(?:_covid)?_table_en\.html$").unwrap();
    let row_re = Regex::new(r"(?i)<tr\b").unwrap();
    let cell_re = Regex::new(r"(?is)<t[dh]\b[^>]*>(.*?)</t[dh]\s*>").unwrap();
    let tag_re = Regex::new(r"(?s)<[^>]*>").unwrap();
    let space_re = Regex::new(r"\s+").unwrap();
    // The date cell ends with "22 December", "2 Sep.", "14-15 October",
    // "22/23 November" or "29 + 30 March"; in a few rows it also holds the meeting
    // symbol or "(Resumption 1)" before the date, hence "ends with", not "is".
    let date_re = Regex::new(
        r"(?i)\b([0-9]{1,2})(?:\s*(?:-|/|\+|and|&)\s*([0-9]{1,2}))?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$",
    )
    .unwrap();
    let res_re = Regex::new(r"S/RES/\s*([0-9]{1,4})").unwrap();

    let mut files: Vec<(i32, PathBuf)> = Vec::new();
    for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // The veto table has no year in its name and repeats outcomes: skipped.
        if let Some(c) = file_re.captures(name) {
            files.push((c[1].parse().unwrap(), path));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "no scact<YEAR>_table_en.html files in {}",
            dir.display()
        ));
    }

    let mut notes = Vec::new();
    let mut found: BTreeMap<u32, BTreeSet<NaiveDate>> = BTreeMap::new();
    for (year, path) in &files {
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let html = String::from_utf8_lossy(&bytes);
        let mut current: Option<NaiveDate> = None;
        // Split on row openings rather than matching <tr>..</tr>: some rows lack
        // their </tr> (1960, resolution 136) and would swallow the next row.
        for row in row_re.split(&html).skip(1) {
            let mut row_date = None;
            for cell in cell_re.captures_iter(row) {
                let text = tag_re.replace_all(&cell[1], " ").replace("&nbsp;", " ");
                let text = space_re.replace_all(&text, " ");
                if let Some(c) = date_re.captures(text.trim()) {
                    // A meeting over two days adopts at its end (1402 (2002) on 30 March).
                    let day: u32 = c
                        .get(2)
                        .unwrap_or_else(|| c.get(1).unwrap())
                        .as_str()
                        .parse()
                        .unwrap();
                    let month = month_number(&c[3]);
                    row_date = NaiveDate::from_ymd_opt(*year, month, day);
                    if row_date.is_none() {
                        notes.push(format!("{year}: impossible date {:?}", text.trim()));
                    }
                    break;
                }
            }
            // Rows without a date continue the meeting above (rowspan or blank cells).
            if row_date.is_some() {
                current = row_date;
            }
            let numbers: BTreeSet<u32> = res_re
                .captures_iter(row)
                .filter_map(|c| c[1].parse().ok())
                .collect();
            for n in numbers {
                match current {
                    Some(d) => {
                        found.entry(n).or_default().insert(d);
                    }
                    None => notes.push(format!("{year}: S/RES/{n} in a row with no date; skipped")),
                }
            }
        }
    }

    let mut rows = resolve_sc_dates(&found, &mut notes);
    apply_printed_dates(&mut rows, &cr_unsc_dates(corpus)?, &mut notes);
    if let Some(&(max, _)) = rows.last() {
        let have: BTreeSet<u32> = rows.iter().map(|r| r.0).collect();
        let missing: Vec<u32> = (1..=max).filter(|n| !have.contains(n)).collect();
        if !missing.is_empty() {
            notes.push(format!("not in any table (left out): {missing:?}"));
        }
    }
    for w in rows.windows(2) {
        if w[1].1 < w[0].1 {
            notes.push(format!(
                "date decreases: {} {} then {} {}",
                w[0].0, w[0].1, w[1].0, w[1].1
            ));
        }
    }
    Ok(ScTable { rows, notes })
}

/// Picks one date per number. A number seen at two meetings is a typo in one of
/// them (e.g. the 30 May 1991 row says 701 where 695 was adopted), so the date that
/// fits between the neighbouring numbers' dates wins; failing that, the earliest.
fn resolve_sc_dates(
    found: &BTreeMap<u32, BTreeSet<NaiveDate>>,
    notes: &mut Vec<String>,
) -> Vec<(u32, NaiveDate)> {
    let single = |n: &u32| {
        found
            .get(n)
            .filter(|d| d.len() == 1)
            .and_then(|d| d.first().copied())
    };
    let mut rows = Vec::with_capacity(found.len());
    for (&n, dates) in found {
        let chosen = if dates.len() == 1 {
            *dates.first().unwrap()
        } else {
            let before = found.range(..n).rev().find_map(|(m, _)| single(m));
            let after = found.range(n + 1..).find_map(|(m, _)| single(m));
            let fits: Vec<NaiveDate> = dates
                .iter()
                .copied()
                .filter(|d| before.is_none_or(|b| b <= *d) && after.is_none_or(|a| *d <= a))
                .collect();
            let pick = if fits.len() == 1 {
                fits[0]
            } else {
                *dates.first().unwrap()
            };
            let how = if fits.len() == 1 {
                "the one between its neighbours"
            } else {
                "the earliest"
            };
            notes.push(format!("{n} appears on {dates:?}; kept {pick} ({how})"));
            pick
        };
        rows.push((n, chosen));
    }
    rows
}

/// Dates printed on the hand-corrected CR-UNSC texts of resolutions 1-899 (and a
/// few later ones), read from headers such as "Resolution 242 (1967)\nof 22 November
/// 1967", "29 (1947). Resolution of 12 August 1947" or "RESOLUTION 768 (1992)
/// Adopted by the Security Council at its 3102nd meeting on 30 July 1992".
/// OCR-damaged headers ("3 Apri] 1991") and files whose header names another
/// number are skipped.
pub fn cr_unsc_dates(corpus: &Path) -> Result<BTreeMap<u32, NaiveDate>, String> {
    const M: &str =
        "January|February|March|April|May|June|July|August|September|October|November|December";
    let file_re = Regex::new(r"^S_RES_([0-9]+)_[0-9]{4}_EN_GOLD\.txt$").unwrap();
    let heads = [
        Regex::new(&format!(r"^\s*([0-9]+) \(([0-9]{{4}})\)\. Resolution of ([0-9]{{1,2}}) ({M}) ([0-9]{{4}})")).unwrap(),
        Regex::new(&format!(r"(?i)Resolution ([0-9]+) \(([0-9]{{4}})\)\s*\n\s*[a-z]{{2}} ([0-9]{{1,2}}) ({M}) ([0-9]{{4}})")).unwrap(),
        Regex::new(&format!(
            r"(?i)RESOLUTION ([0-9]+) \(([0-9]{{4}})\)\s+Adopted by the Security Council at its[^,]*?,?\s*on ([0-9]{{1,2}}) ({M}) ([0-9]{{4}})"
        ))
        .unwrap(),
    ];
    let mut files = Vec::new();
    collect_files(
        &corpus.join("cr-unsc/res_en_gold"),
        "_EN_GOLD.txt",
        &mut files,
    )?;
    let mut out = BTreeMap::new();
    for f in files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(n) = file_re
            .captures(name)
            .and_then(|c| c[1].parse::<u32>().ok())
        else {
            continue;
        };
        let bytes = fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let head: String = text.chars().take(600).collect();
        let Some(c) = heads.iter().find_map(|re| re.captures(&head)) else {
            continue;
        };
        let date = NaiveDate::from_ymd_opt(
            c[5].parse().unwrap_or(0),
            month_number(&c[4]),
            c[3].parse().unwrap_or(0),
        );
        // The header must be this resolution's and its year must match the date's.
        if c[1].parse::<u32>().ok() == Some(n)
            && let Some(d) = date
            && c[2].parse::<i32>().ok() == Some(d.year())
        {
            out.insert(n, d);
        }
    }
    Ok(out)
}

/// Brings in the dates printed on the resolutions where the meeting tables fall
/// short: a number the tables lack (666 and 695 are typed as 663 and 701 there)
/// gets the printed date if it fits between its neighbours, and a meeting that ran
/// past midnight (338 (1973), 21 -> 22 October) takes the printed next day. Other
/// disagreements are left as the tables have them and only noted.
fn apply_printed_dates(
    rows: &mut Vec<(u32, NaiveDate)>,
    printed: &BTreeMap<u32, NaiveDate>,
    notes: &mut Vec<String>,
) {
    let table: BTreeMap<u32, NaiveDate> = rows.iter().copied().collect();
    let mut merged = table.clone();
    for (&n, &p) in printed {
        match table.get(&n) {
            Some(&t) if t == p => {}
            Some(&t) if t.succ_opt() == Some(p) => {
                notes.push(format!(
                    "{n}: meeting of {t} ran past midnight; printed date {p} used"
                ));
                merged.insert(n, p);
            }
            Some(&t) => notes.push(format!(
                "{n}: tables say {t}, CR-UNSC text says {p}; tables kept"
            )),
            None => {
                let before = table.range(..n).next_back().map(|(_, d)| *d);
                let after = table.range(n + 1..).next().map(|(_, d)| *d);
                if before.is_none_or(|b| b <= p) && after.is_none_or(|a| p <= a) {
                    notes.push(format!("{n}: not in the tables; printed date {p} used"));
                    merged.insert(n, p);
                } else {
                    notes.push(format!(
                        "{n}: not in the tables; printed date {p} out of order, left out"
                    ));
                }
            }
        }
    }
    *rows = merged.into_iter().collect();
}

fn month_number(name: &str) -> u32 {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let key = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| key.starts_with(m))
        .map_or(0, |i| i as u32 + 1)
}

pub fn render_sc(table: &ScTable) -> String {
    let mut out = String::from(
        "# Security Council resolution number, adoption date. Generated by examples/make_tables.rs from the unsc-meetings-tables meeting dates, completed and corrected by the dates printed on the cr-unsc texts; do not edit.\n",
    );
    for (n, d) in &table.rows {
        writeln!(out, "{n}\t{}", d.format("%Y-%m-%d")).unwrap();
    }
    out
}

// ---------------------------------------------------------------------------
// General Assembly, sessions 1-30
// ---------------------------------------------------------------------------

/// The old numbering ran from 1 (I) to 3541 (XXX); 31/1 started the new one.
pub const GA_LAST_OLD_NUMBER: u32 = 3541;
pub const GA_OLD_SESSIONS: u32 = 30;
/// In roll_calls.csv `unres` holds the resolution number only from session 18 on;
/// earlier it holds other record numbers (the vote on 217 A (III) is "R/3/933",
/// 1514 (XV) is "R/15/1273D").
pub const GA_FIRST_SESSION_WITH_NUMBERS: u32 = 18;

/// English corpus texts searched for old-style citations such as "1514 (XV)":
/// (folder, file name suffix), searched recursively.
const GA_CITATION_SOURCES: [(&str, &str); 10] = [
    ("mandate-pipeline-ga/resolutions_text", ".txt"),
    ("mandate-pipeline-ga/drafts_text", ".txt"),
    ("mandate-pipeline-ga/igov_decisions", ".json"),
    ("railcar-ga80", ".md"),
    ("cr-unsc/res_en_gold", ".txt"),
    ("unbench-unsc-drafts", ".json"),
    ("hf-un-ga-55-100-parallel", ".en.txt"),
    ("un-sentences-en-es", ".en.txt"),
    ("unpc-devset", ".en"),
    ("un-segments-en-zh", ".json"),
];

pub fn build_ga(corpus: &Path) -> Result<GaTable, String> {
    let csv_path = corpus.join("unvotes-roll-calls/roll_calls.csv");
    let text = fs::read_to_string(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let records = parse_csv(&text);
    let header = records.first().ok_or("roll_calls.csv is empty")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("roll_calls.csv has no column {name}"))
    };
    let (c_session, c_date, c_unres, c_descr) =
        (col("session")?, col("date")?, col("unres")?, col("descr")?);
    let unres_re = Regex::new(r"^R/([0-9]+)/([0-9]+)[A-Z]*$").unwrap();

    let mut notes = Vec::new();
    // Evidence: (number, session) -> how often seen.
    let mut evidence: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    let mut dates: BTreeMap<u32, (NaiveDate, NaiveDate)> = BTreeMap::new();
    for rec in records.iter().skip(1) {
        let (Some(session), Some(unres), Some(descr)) = (
            rec.get(c_session).and_then(|s| s.parse::<u32>().ok()),
            rec.get(c_unres),
            rec.get(c_descr),
        ) else {
            continue;
        };
        for (n, s) in old_style_citations(descr) {
            *evidence.entry((n, s)).or_default() += 1;
        }
        if !(1..=GA_OLD_SESSIONS).contains(&session) {
            continue;
        }
        let unres_match = unres_re.captures(unres);
        // "R/12/6" filed under session 11 and the like: the row's session is unsure.
        let misfiled = unres_match
            .as_ref()
            .is_some_and(|c| c[1].parse::<u32>().ok() != Some(session));
        if session >= GA_FIRST_SESSION_WITH_NUMBERS
            && !misfiled
            && let Some(n) = unres_match.as_ref().and_then(|c| c[2].parse::<u32>().ok())
        {
            *evidence.entry((n, session)).or_default() += 1;
        }
        // Special and emergency special sessions ("SS/1/59", "ESS/5/70") are filed
        // under a regular session; keep them out of its dates.
        if misfiled || unres.starts_with("SS/") || unres.starts_with("ESS/") {
            continue;
        }
        let Some(d) = rec
            .get(c_date)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        // A regular session votes in the year it opens or, resumed, in the next one;
        // other dates are mistakes (a session 22 vote dated 1966-12-07).
        let opened = 1945 + session as i32;
        if d.year() < opened || d.year() > opened + 1 {
            notes.push(format!(
                "roll call {} of session {session} dated {d}: not used for dates",
                rec[0]
            ));
            continue;
        }
        let e = dates.entry(session).or_insert((d, d));
        e.0 = e.0.min(d);
        e.1 = e.1.max(d);
    }

    for (dir, suffix) in GA_CITATION_SOURCES {
        let mut files = Vec::new();
        collect_files(&corpus.join(dir), suffix, &mut files)?;
        for f in files {
            let bytes = fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            for (n, s) in old_style_citations(&String::from_utf8_lossy(&bytes)) {
                *evidence.entry((n, s)).or_default() += 1;
            }
        }
    }
    evidence.retain(|&(n, _), _| (1..=GA_LAST_OLD_NUMBER).contains(&n));

    let kept = consistent_evidence(&evidence);
    let dropped: Vec<String> = evidence
        .keys()
        .filter(|k| !kept.contains(k))
        .map(|(n, s)| format!("{n} ({})", roman(*s)))
        .collect();
    notes.push(format!(
        "evidence dropped as out of order: {}",
        dropped.join(", ")
    ));

    let mut lo: BTreeMap<u32, u32> = BTreeMap::new();
    let mut hi: BTreeMap<u32, u32> = BTreeMap::new();
    let mut count: BTreeMap<u32, usize> = BTreeMap::new();
    for &(n, s) in &kept {
        let l = lo.entry(s).or_insert(n);
        *l = (*l).min(n);
        let h = hi.entry(s).or_insert(n);
        *h = (*h).max(n);
        *count.entry(s).or_default() += 1;
    }

    let firsts = session_firsts(&lo, &hi);
    let mut sessions = Vec::new();
    for s in 1..=GA_OLD_SESSIONS {
        let first = firsts[s as usize - 1];
        let last = if s == GA_OLD_SESSIONS {
            GA_LAST_OLD_NUMBER
        } else {
            firsts[s as usize] - 1
        };
        let (d0, d1) = *dates
            .get(&s)
            .ok_or(format!("no roll call dated for session {s}"))?;
        // Before 1976 the source's day of month is unreliable (only 01-07 occur),
        // so the dates are widened to whole months.
        let first_date = d0.with_day(1).unwrap();
        let last_date = d1.with_day(1).unwrap() + Months::new(1) - chrono::Days::new(1);
        notes.push(format!(
            "session {s:>2}: {first}-{last}, evidence {} numbers in {}",
            count.get(&s).copied().unwrap_or(0),
            match (lo.get(&s), hi.get(&s)) {
                (Some(l), Some(h)) => format!("{l}-{h}"),
                _ => "none (interpolated)".to_string(),
            }
        ));
        sessions.push(GaSession {
            session: s,
            first,
            last,
            first_date,
            last_date,
        });
    }
    Ok(GaTable { sessions, notes })
}

/// First number of each session 1..=30 (index 0 = session 1). A session with
/// evidence starts at its lowest evidence number; sessions without any share the gap
/// between their neighbours' evidence evenly with the session before them.
fn session_firsts(lo: &BTreeMap<u32, u32>, hi: &BTreeMap<u32, u32>) -> Vec<u32> {
    let mut firsts = vec![0u32; GA_OLD_SESSIONS as usize];
    // Virtual neighbours: nothing before 1 (I), nothing after 3541 (XXX).
    let mut anchors: Vec<(u32, u32, u32)> = vec![(0, 0, 0)];
    anchors.extend(lo.iter().map(|(&s, &l)| (s, l, hi[&s])));
    anchors.push((
        GA_OLD_SESSIONS + 1,
        GA_LAST_OLD_NUMBER + 1,
        GA_LAST_OLD_NUMBER + 1,
    ));
    for w in anchors.windows(2) {
        let ((a, _, hi_a), (b, lo_b, _)) = (w[0], w[1]);
        if b <= GA_OLD_SESSIONS {
            firsts[b as usize - 1] = lo_b;
        }
        // Numbers hi_a+1 ..= lo_b-1 are split into (b - a) equal parts: the tail of
        // session a, then one part per session without evidence.
        let gap = lo_b - hi_a - 1;
        for t in 1..(b - a) {
            firsts[(a + t) as usize - 1] = hi_a + 1 + gap * t / (b - a);
        }
    }
    // Numbering starts at 1 whatever the lowest number cited from session I.
    firsts[0] = 1;
    firsts
}

/// Keeps the heaviest set of (number, session) pairs in which higher numbers never
/// belong to earlier sessions, as consecutive numbering requires; a stray citation
/// ("155 (VII)" for 155 (II)) or a mistyped `unres` then drops out.
fn consistent_evidence(evidence: &BTreeMap<(u32, u32), u32>) -> BTreeSet<(u32, u32)> {
    let items: Vec<((u32, u32), u32)> = evidence.iter().map(|(&k, &w)| (k, w)).collect();
    let mut best = vec![0u64; items.len()];
    let mut prev = vec![usize::MAX; items.len()];
    for i in 0..items.len() {
        let ((n, s), w) = items[i];
        best[i] = w as u64;
        for j in 0..i {
            let (n2, s2) = items[j].0;
            if n2 < n && s2 <= s && best[j] + w as u64 > best[i] {
                best[i] = best[j] + w as u64;
                prev[i] = j;
            }
        }
    }
    let mut kept = BTreeSet::new();
    let mut i = (0..items.len())
        .max_by_key(|&i| (best[i], std::cmp::Reverse(i)))
        .unwrap_or(usize::MAX);
    while i != usize::MAX {
        kept.insert(items[i].0);
        i = prev[i];
    }
    kept
}

/// Old-style citations "217 A (III)", "3411 A and B (XXX)", "1514 (XV)" in `text`,
/// as (number, session) pairs with the session in 1..=30.
pub fn old_style_citations(text: &str) -> Vec<(u32, u32)> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"([0-9]{1,4})\s*(?:[A-Z]{1,2}(?:\s*(?:to|-|–|and|,)\s*[A-Z]{1,2})?\s*)?\(([IVX]{1,6})\)").unwrap()
    });
    let mut out = Vec::new();
    for c in RE.captures_iter(text) {
        let m = c.get(1).unwrap();
        // The number must stand alone: not the tail of "2.1 (I)", "S/2015/1 (I)" or a
        // longer number; "A/RES/1514 (XV)" is still a citation.
        let head = &text[..m.start()];
        let glued = head.ends_with(|ch: char| ch.is_ascii_digit() || ch == '.')
            || (head.ends_with('/') && !head.ends_with("RES/"));
        if glued {
            continue;
        }
        if let (Ok(n), Some(s)) = (m.as_str().parse::<u32>(), session_from_roman(&c[2])) {
            out.push((n, s));
        }
    }
    out
}

fn session_from_roman(r: &str) -> Option<u32> {
    (1..=GA_OLD_SESSIONS).find(|&s| roman(s) == r)
}

fn roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn collect_files(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect_files(&p, suffix, out)?;
        } else if p.to_string_lossy().ends_with(suffix) {
            out.push(p);
        }
    }
    Ok(())
}

/// Minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF rows.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, _) => field.push(ch),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, _) => field.push(ch),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

pub fn render_ga(table: &GaTable) -> String {
    let mut out = String::from(
        "# General Assembly regular sessions 1-30 (old numbering, \"1514 (XV)\"): session, first, last, first_date, last_date.\n\
         # Generated by examples/make_tables.rs from unvotes-roll-calls/roll_calls.csv and old-style citations in the corpus texts; do not edit.\n\
         # Evidence: roll-call resolution numbers (sessions 18-30; earlier sessions record other numbers) and \"NNNN (ROMAN)\" citations; pairs that break numbering-increases-with-session are dropped.\n\
         # Ranges: a session starts at its lowest evidence number (session 1 at 1) and ends where the next starts; session 30 ends at 3541, the last old-style number; sessions without evidence get equal shares of the gap between their neighbours' evidence. Sessions 1-17 and 19-20 rest on few citations, so their bounds are approximate.\n\
         # Dates: first and last recorded vote of the session, widened to whole months because the source's day of month is unreliable before 1976; special sessions, misfiled rows and votes outside the session's opening year and the next are left out.\n",
    );
    for s in &table.sessions {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            s.session,
            s.first,
            s.last,
            s.first_date.format("%Y-%m-%d"),
            s.last_date.format("%Y-%m-%d")
        )
        .unwrap();
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out_dir] = args.as_slice() else {
        eprintln!("usage: make_tables <corpus dir> <output dir>");
        std::process::exit(2);
    };
    let (corpus, out_dir) = (Path::new(corpus), Path::new(out_dir));
    let run = || -> Result<(), String> {
        let sc = build_sc(corpus)?;
        let ga = build_ga(corpus)?;
        for note in sc.notes.iter().chain(&ga.notes) {
            eprintln!("{note}");
        }
        fs::create_dir_all(out_dir).map_err(|e| e.to_string())?;
        let sc_path = out_dir.join("sc_resolutions.tsv");
        fs::write(&sc_path, render_sc(&sc)).map_err(|e| format!("{}: {e}", sc_path.display()))?;
        let ga_path = out_dir.join("ga_sessions.tsv");
        fs::write(&ga_path, render_ga(&ga)).map_err(|e| format!("{}: {e}", ga_path.display()))?;
        eprintln!(
            "wrote {} SC rows and {} GA sessions to {}",
            sc.rows.len(),
            ga.sessions.len(),
            out_dir.display()
        );
        Ok(())
    };
    if let Err(e) = run() {
        eprintln!("make_tables: {e}");
        std::process::exit(1);
    }
}
