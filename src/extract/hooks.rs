//! Table-driven hooks that let the one list parser of this module read French, Spanish, Russian
//! and Arabic as well as English and German. Each hook does nothing for a table that leaves its
//! field empty, so the languages without the form are untouched:
//!
//! * keywords glued to what precedes them: Arabic clitics (`بقرارها`, `لقرار`) and footnotes run
//!   into the text (`Derechos HumanosResolución 217 A (III)`);
//! * keywords that carry the possessive (Arabic `قرارها`, "its resolution");
//! * a body between the keyword and the number (`قرار مجلس الأمن 1325`, `резолюции Совета
//!   Безопасности 1540 (2004)`);
//! * and-words glued to the next word (Arabic `و2109 (2013)`, `ألف وباء`);
//! * part letters written as words (Arabic `ألف` = A);
//! * sessions written with a marker in place of a Roman numeral (Arabic `(د-17)`) and years with
//!   their word inside the parentheses (`(2013 год)`);
//! * an organ named without saying which (`du Conseil`, `Совета`) before the date;
//! * distributive dates at the end of a list (`en date des 4 mars, 13 mars et 18 décembre 1964`).

use super::{
    OldSession, Parsed, Scanner, eat_any, eat_body, eat_word, ends_with_any, ends_with_body,
    floor_boundary, part_letter,
};
use crate::date;
use crate::lang::script;
use crate::lang::{BodyName, Table};
use crate::layout::is_space;
use crate::symbol::{Body, Part, RomanSession};
use chrono::NaiveDate;

/// A keyword as the tables write it: in lower case, without the Arabic marks that may stand
/// inside it (`لقــرار`). One string per keyword, shared by the checks that need it.
pub(super) fn fold_keyword(word: &str) -> String {
    let mut out = String::new();
    fold_keyword_into(word, &mut out);
    out
}

/// [`fold_keyword`] written over `out`, a buffer the caller keeps from one keyword to the next.
pub(super) fn fold_keyword_into(word: &str, out: &mut String) {
    if word.chars().any(script::is_mark) {
        let bare: String = word.chars().filter(|c| !script::is_mark(*c)).collect();
        script::to_lowercase_into(&bare, out);
    } else {
        script::to_lowercase_into(word, out);
    }
}

impl Scanner<'_, '_> {
    /// Whether a keyword found at `start` begins a word: after a non-letter, after one of the
    /// table's clitics, or glued to the lower-case end of a footnote that was run into the text.
    pub(super) fn keyword_boundary(&self, start: usize) -> bool {
        let text = self.text;
        let before = &text[..start];
        let mut prev = before.chars().rev().skip_while(|c| script::is_mark(*c));
        let Some(p) = prev.next() else { return true };
        if !p.is_alphanumeric() {
            return true;
        }
        if !self.table.spaced && script::is_cjk(p) {
            return true;
        }
        for clitic in self.table.keyword_proclitics {
            if let Some(rest) = before.strip_suffix(clitic)
                && rest.chars().last().is_none_or(|c| !c.is_alphanumeric())
            {
                return true;
            }
        }
        // `HumanosResolución 217 A (III)`: a footnote glued to the word before it.
        let first = text[start..].chars().next();
        self.table.spaced && p.is_lowercase() && first.is_some_and(char::is_uppercase)
    }

    /// A keyword that carries the possessive itself (`قرارها`): the body of the citing document,
    /// or the body named before it with a glue word (`مجلس الأمن في قراره`).
    /// `word` is the keyword at `kw_start` as [`fold_keyword`] gives it.
    pub(super) fn keyword_possessive(
        &self,
        kw_start: usize,
        word: &str,
        found: (Option<BodyName>, bool, usize),
    ) -> (Option<BodyName>, bool, usize) {
        if !self.table.possessive_keywords.contains(&word) {
            return found;
        }
        let text = self.text;
        let from = floor_boundary(text, kw_start.saturating_sub(120));
        let window = text[from..kw_start].trim_end_matches(is_space);
        let lower = script::to_lowercase(window);
        if lower.len() == window.len()
            && let Some(g) = ends_with_any(&lower, self.table.possessive_glue)
        {
            let b = lower[..g].trim_end_matches(|c: char| is_space(c) || script::is_comma(c));
            if let Some((body, _)) = ends_with_body(b, self.table.bodies_before) {
                return (Some(body), false, kw_start);
            }
        }
        (None, true, kw_start)
    }

    /// The body a keyword names itself (`UNSCR1540`: a Security Council resolution); `word` as
    /// [`fold_keyword`] gives it.
    pub(super) fn keyword_body(&self, word: &str) -> Option<BodyName> {
        self.table
            .keyword_bodies
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, b)| *b)
    }

    /// The body named between a keyword and its number (`قرار مجلس الأمن 1325`), if any.
    pub(super) fn inside_body(&self, kw_end: usize) -> Option<BodyName> {
        if self.table.bodies_inside.is_empty() {
            return None;
        }
        let p = self.skip_ws(kw_end);
        match eat_body(self.text, p, self.table.bodies_inside) {
            Some((b, _)) => Some(b),
            None => self.council_word(p).and_then(|(b, _)| b),
        }
    }

    /// Skips a body named between a keyword and its number, with the words that may follow it
    /// (`التابع للأمم المتحدة`, `Организации Объединенных Наций`).
    pub(super) fn skip_inside(&self, pos: usize) -> usize {
        let text = self.text;
        let mut p = pos;
        if self.table.bodies_inside.is_empty() {
            return p;
        }
        if let Some((_, e)) = eat_body(text, p, self.table.bodies_inside) {
            p = self.skip_ws(e);
        } else if let Some((_, e)) = self.council_word(p) {
            p = self.skip_ws(e);
        }
        for _ in 0..2 {
            match eat_any(text, p, self.table.inside_fillers) {
                Some(e) => p = self.skip_ws(e),
                None => break,
            }
        }
        p
    }

    /// The council of the citing document, which `du Conseil`, `Совета`, `المجلس` or `理事会`
    /// name without saying which; none when the citing document is not a council's.
    pub(super) fn citing_council(&self) -> Option<BodyName> {
        match self.ctx.citing_body {
            Some(Body::SC) => Some(BodyName::SC),
            Some(Body::ECOSOC) => Some(BodyName::ECOSOC),
            Some(Body::HRC) => Some(BodyName::HRC),
            _ => None,
        }
    }

    /// A council word at `p` (`résolution 1147 (XLI) du Conseil`): the council it names and its
    /// end.
    pub(super) fn council_word(&self, p: usize) -> Option<(Option<BodyName>, usize)> {
        let e = eat_any(self.text, p, self.table.council_words)?;
        Some((self.citing_council(), e))
    }

    /// Distributive dates after a list whose items have none (or only the last, which took the
    /// first of them): `résolutions 186 (1964), 187 (1964) et 198 (1964) du Conseil de sécurité,
    /// en date des 4 mars, 13 mars et 18 décembre 1964`.
    /// When there is one date per item, each item gets its date; returns where the dates end.
    pub(super) fn distributive_dates(
        &self,
        segment: &mut [(Parsed, usize)],
        pos: usize,
    ) -> Option<usize> {
        let table = self.table;
        let (last, before) = segment.split_last()?;
        if table.distributive_connectors.is_empty()
            || before.is_empty()
            || before.iter().any(|(p, _)| p.date.is_some())
        {
            return None;
        }
        // The last item may have taken the first of the dates as its own (`المؤرخين 14 ...
        // و 15 ...`, `of 4 July 1967 and 14 July 1967`): the dates are read from its end.
        let pos = if last.0.date.is_some() {
            last.0.item.end
        } else {
            pos
        };
        let text = self.text;
        let mut p = self.skip_ws(pos);
        if text[p..].starts_with(script::is_comma) {
            p = self.skip_ws(p + text[p..].chars().next().map_or(1, char::len_utf8));
        }
        let mut q = self.skip_ws(eat_any(text, p, table.distributive_connectors)?);
        // A day may stand alone and share the month after it (`des 14 et 15 décembre 1960`).
        let mut found: Vec<(u32, Option<u32>, Option<i32>)> = Vec::new();
        let end = loop {
            let (day, month, year, e) = match date::day_month_at(text, q, self.ctx.lang) {
                Some((d, m, y, e)) => (d, Some(m), y, e),
                None => {
                    let (d, e) = self.lone_day(q)?;
                    (d, None, None, e)
                }
            };
            found.push((day, month, year));
            if year.is_some() && found.len() >= segment.len() {
                break e;
            }
            let mut r = self.skip_ws(e);
            let mut sep = false;
            if text[r..].starts_with(script::is_comma) {
                r = self.skip_ws(r + text[r..].chars().next().map_or(1, char::len_utf8));
                sep = true;
            }
            if let Some(a) = eat_any(text, r, table.and_words) {
                r = self.skip_ws(a);
                sep = true;
            }
            if !sep || found.len() >= segment.len() {
                break e;
            }
            q = r;
        };
        let last_year = found.last().and_then(|f| f.2)?;
        if found.len() != segment.len() {
            return None;
        }
        // Each lone day takes the month of the next date that has one.
        let mut month = None;
        for f in found.iter_mut().rev() {
            month = f.1.or(month);
            f.1 = month;
        }
        let dates: Vec<NaiveDate> = found
            .iter()
            .map(|(d, m, y)| NaiveDate::from_ymd_opt(y.unwrap_or(last_year), (*m)?, *d))
            .collect::<Option<_>>()?;
        for ((parsed, _), d) in segment.iter_mut().zip(dates) {
            // The dates stand after the list, not in an item's text.
            if parsed.date.is_some() {
                parsed.end = parsed.item.end;
                parsed.text_end = parsed.item.end;
            }
            parsed.date = Some(d);
        }
        Some(end)
    }
}

impl Scanner<'_, '_> {
    /// A day without its month at `q` (`14` in `14 et 15 décembre`, `14.` in `14. und 15.
    /// Dezember`), followed by a comma or an `and`-word: the day and where it ends.
    fn lone_day(&self, q: usize) -> Option<(u32, usize)> {
        let text = self.text;
        let digits = text[q..].bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let mut e = q + digits;
        if text[e..].starts_with('.') {
            e += 1;
        }
        let r = self.skip_ws(e);
        let separated = text[r..].starts_with(script::is_comma)
            || eat_any(text, r, self.table.and_words).is_some();
        let day: u32 = text[q..q + digits].parse().ok()?;
        ((1..=31).contains(&day) && separated).then_some((day, e))
    }
}

/// An and-word at `pos`, standing alone or glued to the next word (Arabic `و2109`, `وباء`);
/// returns its end.
pub(super) fn eat_and(text: &str, pos: usize, table: &Table) -> Option<usize> {
    if let Some(e) = eat_any(text, pos, table.and_words) {
        return Some(e);
    }
    for prefix in table.and_prefixes {
        if let Some(rest) = text[pos..].strip_prefix(prefix)
            && rest.starts_with(|c: char| c.is_alphanumeric())
        {
            return Some(pos + prefix.len());
        }
    }
    None
}

/// One part at `pos`: a letter (`H`, Cyrillic `А`), doubled (`AA`), or a letter's name (`ألف`).
pub(super) fn part_at(text: &str, pos: usize, table: &Table) -> Option<(Part, usize)> {
    let named = table
        .part_names
        .iter()
        .filter_map(|(w, c)| eat_word(text, pos, w).map(|e| (Part::letter(*c), e)))
        .max_by_key(|(_, e)| *e);
    named.or_else(|| part_letter(text, pos))
}

/// The inside of a session parenthesis written with a marker (`د-17`, `د - 3`).
fn session_marker(inner: &str, table: &Table) -> Option<RomanSession> {
    for (marker, kind) in table.session_markers {
        let Some(e) = eat_word(inner, 0, marker) else {
            continue;
        };
        let rest = inner[e..].trim_start_matches(is_space);
        let Some(rest) = rest.strip_prefix(['-', '–', '‐']) else {
            continue;
        };
        let n = script::parse_number(rest.trim_matches(is_space))?;
        if n == 0 || n > 99 {
            return None;
        }
        return Some(RomanSession {
            kind: *kind,
            number: n,
        });
    }
    None
}

/// A year inside parentheses, with the table's words after it (`2013 год`).
fn paren_year(inner: &str, table: &Table) -> Option<u32> {
    let (y, len) = script::leading_number(inner, 4)?;
    let rest = inner[len..].trim_matches(is_space);
    let ok = rest.is_empty()
        || table
            .paren_year_suffix
            .iter()
            .any(|w| eat_word(rest, 0, w) == Some(rest.len()));
    (ok && len > 0 && (1946..=2100).contains(&y)).then_some(y)
}

/// The session or year in parentheses at `pos` (`(XV)`, `(S-VI)`, `(2000)`, `（2014）`, `(د-17)`,
/// `(2013 год)`), with the end of the closing parenthesis.
pub(super) fn paren_session(text: &str, pos: usize, table: &Table) -> Option<(OldSession, usize)> {
    let rest = text.get(pos..)?;
    let open = rest.chars().next().filter(|c| script::is_open_paren(*c))?;
    let from = open.len_utf8();
    let window = &rest[..crate::layout::floor_char(rest, 40)];
    let close = from + window.get(from..)?.find(script::is_close_paren)?;
    let close_len = window[close..].chars().next().map_or(1, char::len_utf8);
    let inner = rest[from..close].trim_matches(is_space);
    let end = pos + close + close_len;
    if inner.starts_with(script::is_digit) {
        return paren_year(inner, table).map(|y| (OldSession::Year(y), end));
    }
    if let Some(r) = session_marker(inner, table) {
        return Some((OldSession::Roman(r), end));
    }
    let folded: String = inner.chars().map(script::fold_width).collect();
    let r = RomanSession::parse(&folded)?;
    // Roman sessions are written in capitals; `(iv)` is a sub-paragraph.
    if folded.chars().any(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some((OldSession::Roman(r), end))
}

/// The pattern of pass 2 for one table: `N [parts] (session)` and `N (YYYY)` anywhere, with the
/// table's part names, session markers and year words.
pub(super) fn standalone_pattern(table: &Table) -> String {
    let mut lead = String::from(r"[A-Z\u{0400}-\u{04FF}]");
    if !table.part_names.is_empty() {
        let names = date::alternation(table.part_names.iter().map(|(w, _)| *w));
        lead = format!("(?:{lead}|{names})");
    }
    let mut sessions = String::from(r"[IVXLC]{1,7}|S-[IVXLC]{1,6}|ES-[IVXLC]{1,6}");
    let year_words = if table.paren_year_suffix.is_empty() {
        String::new()
    } else {
        format!(
            r"(?:[\s\u{{A0}}]*(?:{}))?",
            date::alternation(table.paren_year_suffix.iter().copied())
        )
    };
    let d = script::DIGIT_CLASS;
    sessions.push_str(&format!(r"|{d}{{4}}{year_words}"));
    if !table.session_markers.is_empty() {
        let markers = date::alternation(table.session_markers.iter().map(|(w, _)| *w));
        sessions.push_str(&format!(r"|(?:{markers})\s*[-–‐]\s*{d}{{1,2}}"));
    }
    // The parenthesis may open the next line (`and 566` / `(1985)`, as PDF text breaks it).
    format!(
        r"{d}{{1,4}}[ \t\u{{A0}}]*(?:{lead}[^()\n]{{0,30}})?(?:\r?\n[ \t\u{{A0}}]*)?[(（](?:{sessions})\s*[)）]"
    )
}

/// The keyword pattern of one table: its resolution and decision words, letters that Arabic
/// marks may interrupt. The boundary before a match is checked by
/// [`Scanner::keyword_boundary`].
///
/// Each word is matched as texts write it: in lower case, with a capital, or in capitals
/// (`resolution`, `Resolution`, `RESOLUTION`). A case-insensitive pattern also took mixed
/// cases that no text writes and Unicode's other forms of `s` and `k`, and searched for all
/// of them: the search for the keywords took twice as long.
pub(super) fn keyword_pattern(table: &Table) -> String {
    let words = date::alternation(keyword_forms(table).iter().map(String::as_str));
    format!("({words})")
}

/// The written forms of `table`'s resolution and decision words that [`keyword_pattern`]
/// matches: each word, with a capital, and in capitals.
pub(super) fn keyword_forms(table: &Table) -> Vec<String> {
    table
        .resolution_words
        .iter()
        .chain(table.decision_words.iter())
        .flat_map(|w| {
            let mut chars = w.chars();
            let capital: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            [w.to_string(), capital, w.to_uppercase()]
        })
        .collect()
}

/// How far back [`last_commission`] looks: a few paragraphs.
const COMMISSION_REACH: usize = 3000;

/// The commission named last before `pos`, for a bare "Commission resolution" (a body name of
/// the table that is [`BodyName::Commission`]): among the table's names of commissions, those
/// that hold the bare word (`commission on human rights`, `statistical commission`), the one
/// that ends last within a few paragraphs before `pos`, white space folded, case ignored and
/// apostrophes read as `'`.
pub(super) fn last_commission(text: &str, pos: usize, table: &Table) -> Option<BodyName> {
    let all = || {
        table
            .bodies_before
            .iter()
            .chain(table.bodies_after)
            .chain(table.bodies_inside)
    };
    let bare: Vec<&str> = all()
        .filter(|(_, b)| *b == BodyName::Commission)
        .filter_map(|(w, _)| w.rsplit(' ').next())
        .collect();
    let from = floor_boundary(text, pos.saturating_sub(COMMISSION_REACH));
    let mut window = String::with_capacity(pos - from);
    let mut space = false;
    for c in text[from..pos].chars() {
        if is_space(c) {
            space = true;
            continue;
        }
        if space && !window.is_empty() {
            window.push(' ');
        }
        space = false;
        if crate::layout::is_apostrophe(c) {
            window.push('\'');
        } else {
            script::push_lower(&mut window, c);
        }
    }
    all()
        .filter(|(w, b)| {
            matches!(b, BodyName::CHR | BodyName::Series(_) | BodyName::Foreign)
                && bare.iter().any(|x| w.contains(x))
        })
        .filter_map(|(w, b)| {
            let at = window.rfind(w)?;
            let before_ok = window[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = window[at + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            (before_ok && after_ok).then_some((at + w.len(), w.len(), *b))
        })
        .max_by_key(|(end, len, _)| (*end, *len))
        .map(|(_, _, b)| b)
}
