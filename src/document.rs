//! The identity of a document: its own symbol, body, session, dates, agenda item, title and the
//! report it was adopted on, read from its heading (and its closing lines).

use crate::date;
use crate::extract::parse_user_reference;
use crate::lang::{BodyName, DateOrder, Lang, Table, script};
use crate::layout::{fold_apostrophes, is_space};
use crate::per_thread::PerThread;
use crate::symbol::{Body, Kind, Symbol};
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

/// What a document says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    /// Canonical id (`A/RES/78/237`), when the document names itself.
    pub id: Option<String>,
    /// The adopting organ (`GA`, `SC`, `ECOSOC`, `HRC`, ...).
    pub body: Option<String>,
    /// `resolution`, `decision` or `document`.
    #[serde(rename = "type")]
    pub kind: Option<Kind>,
    /// The session (`78`), for bodies that number by session.
    pub session: Option<u32>,
    /// Adoption date.
    pub adopted: Option<NaiveDate>,
    /// Date of issue in the heading.
    pub issued: Option<NaiveDate>,
    /// Agenda item as written (`98 (p)`).
    pub agenda_item: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// The committee report it was adopted on (`A/78/404`).
    pub report: Option<String>,
    /// Language of the text.
    pub language: Lang,
    /// The parsed symbol (not serialised: `id` carries it).
    #[serde(skip)]
    pub symbol: Option<Symbol>,
    /// The document's own symbols as written in its heading and running headers.
    #[serde(skip)]
    pub written_symbols: Vec<String>,
    /// The id as the heading wrote it, where it slipped on a Council resolution's year and the
    /// table of Council resolutions gave the year of `id`: the heading is still the document
    /// itself, not a citation.
    #[serde(skip)]
    pub written_id: Option<String>,
}

impl DocumentInfo {
    /// A document of language `lang` that says nothing of itself.
    pub fn unknown(language: Lang) -> DocumentInfo {
        DocumentInfo {
            id: None,
            body: None,
            kind: None,
            session: None,
            adopted: None,
            issued: None,
            agenda_item: None,
            title: None,
            report: None,
            language,
            symbol: None,
            written_symbols: Vec::new(),
            written_id: None,
        }
    }

    /// The body whose possessives (`its resolution`) the document uses.
    pub fn citing_body(&self) -> Option<Body> {
        self.body.as_deref().map(Body::parse)
    }
}

static HEAD_SYMBOL: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?:^|\s)([A-Z]{1,6}(?:\.[0-9]+)?/[A-Za-z0-9./\-]+(?:[ \t]?\([0-9]{4}\))?)(?:\s|$)")
        .expect("static regex")
});

/// The symbol [`HEAD_SYMBOL`] finds in `line` (its group): the match without the white space
/// around it, which the group cannot start or end with. A search, not a capture: the capture
/// engine ran on every heading line with a slash.
fn head_symbol(line: &str) -> Option<&str> {
    HEAD_SYMBOL
        .get()
        .find(line)
        .map(|m| m.as_str().trim_matches(char::is_whitespace))
}

/// A symbol at the end of a line after a gap of white space (a heading's right-hand column), with
/// at most a few words before the gap.
static HEAD_SYMBOL_COLUMN: PerThread<Regex> = PerThread::new(|| {
    Regex::new(
        r"^\S+(?: \S+){0,4}\s{4,}[A-Z]{1,6}(?:\.[0-9]+)?/[A-Za-z0-9./\-]+(?:[ \t]?\([0-9]{4}\))?$",
    )
    .expect("static regex")
});
/// The number of a title line (`78/237`, `1 (1946)`): the first group of [`TITLE_HEAD`] (and
/// of the whole line's pattern the tests hold it to).
const TITLE_NUMBER: &str = r"((?:S-|ES-)?[0-9]{1,3}/[0-9]{1,4}(?:\s[A-Z])?|(?:19[4-9][0-9]|20[0-9]{2})/[0-9]{1,3}|[0-9]{1,4}\s?(?:[A-Z]\s?)?\((?:[IVXLC]+|S-[IVXLC]+|ES-[IVXLC]+|[0-9]{4})\))";
/// A whole title line: the reading [`TITLE_HEAD`] is held to in the tests.
#[cfg(test)]
static TITLE_LINE: PerThread<Regex> = PerThread::new(|| {
    // The number, then a full stop or a dash, or only a space before `Resolution of` (`1
    // (1946) Resolution of 25 January 1946`).
    Regex::new(&format!(r"^\s*{TITLE_NUMBER}(?:(?:\.|[ \t\u{{A0}}]*-)[ \t\u{{A0}}]+(\S.*)|[ \t\u{{A0}}]+((?i:resolution of)[ \t\u{{A0}}].*))$"))
        .expect("static regex")
});
/// A title line (`78/237. Title`, `1 (1946) Resolution of 25 January 1946`) up to the first
/// character of its rest: on a line without a line break, where a whole line's pattern would
/// end with the rest (`.*$`), which always matches there, the same lines and groups but the
/// last two's ends. Captured with the rest of the line, the groups cost about 5,600
/// instructions a title line, most of them in the title's characters.
static TITLE_HEAD: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(r"^\s*{TITLE_NUMBER}(?:(?:\.|[ \t\u{{A0}}]*-)[ \t\u{{A0}}]+(\S)|[ \t\u{{A0}}]+((?i:resolution of)[ \t\u{{A0}}]))"))
        .expect("static regex")
});
/// The number of an agenda item named inside a heading line ([`agenda_inside`]).
static ITEM: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&crate::layout::with_digit_class(
        r"^\d{1,3}(?:\s?\([a-z]\)|\s?[a-z]\))?",
    ))
    .expect("static regex")
});
/// The closing `nth plenary meeting` line's words ([`closing_date`]).
static CLOSING_MEETING: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?:plenary meeting|plenarsitzung|séance plénière|sesión plenaria|пленарное заседание|全体会议|الجلسة العامة)\*?")
        .expect("static regex")
});

/// Compiles the patterns that reading a document's identity uses ([`identify`]), ahead of the
/// first document: see [`crate::compile_patterns`].
pub(crate) fn compile_patterns() {
    for re in [
        &HEAD_SYMBOL,
        &HEAD_SYMBOL_COLUMN,
        &TITLE_HEAD,
        &HEAD_NUMBER,
        &REPORT_SYMBOL,
        &ITEM,
        &CLOSING_MEETING,
    ] {
        re.get();
    }
}

/// Whether a line may match [`TITLE_HEAD`]: its first character after white space opens a
/// number (a digit, or the `S-` or `ES-` of a special session). Most lines of a heading are
/// told by it without a search.
fn may_open_title_line(l: &str) -> bool {
    l.trim_start_matches(char::is_whitespace)
        .starts_with(|c: char| c.is_ascii_digit() || c == 'S' || c == 'E')
}

static HEAD_NUMBER: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^[0-9]{1,4}(?:\s*(?:[A-Z]\s*)?\([^)]{1,8}\))?\.?").expect("static regex")
});
static REPORT_SYMBOL: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"[(（]([A-Z][A-Z0-9.]*/[A-Za-z0-9./\-]+?)[,)\s，）、،;]").expect("static regex")
});

/// Reads the identity of a document from its text.
pub fn identify(text: &str, lang: Lang) -> DocumentInfo {
    let table = lang.table();
    let (head_end, lines) = heading(text, table);
    let head = &text[..head_end];

    // The heading lower-cased once, and each of its lines trimmed from it (about eleven a
    // document; a heading without an opener line runs to 3000 bytes, as a JSON record's text
    // does): three passes below read the lines, two the whole, and the adoption phrases' region
    // starts with it.
    let lower_head = script::to_lowercase(head);
    let lowered = if head.is_ascii() {
        // Lower case keeps an ASCII text's every byte in place: each line's trimmed stretch.
        lines
            .iter()
            .map(|(_, l)| {
                let t = l.trim_matches(is_space);
                let at = t.as_ptr() as usize - head.as_ptr() as usize;
                &lower_head[at..at + t.len()]
            })
            .collect()
    } else {
        lowered_lines(&lower_head)
    };

    let mut info = DocumentInfo::unknown(lang);

    // `Resolution 242 (1967)` as the first line of the text proper, with its date after it.
    for ((off, l), lower) in lines.iter().zip(&lowered).take(12) {
        let t = l.trim_matches(is_space);
        // Chinese puts the number between its number word and the keyword (`第 2712(2023)号决议`).
        let number_first = table
            .number_words
            .iter()
            .find(|w| !table.spaced && lower.starts_with(*w))
            .and_then(|w| {
                let inner = t[w.len()..].trim_matches(is_space);
                ["号决议", "號決議"]
                    .iter()
                    .find_map(|k| inner.strip_suffix(k))
                    .map(|n| (w.len(), n.trim_matches(is_space)))
            });
        let word_len = match number_first {
            Some((len, _)) => len,
            None => {
                let Some(word) = table
                    .resolution_words
                    .iter()
                    .find(|w| lower.starts_with(*w) && lower.len() > w.len())
                else {
                    continue;
                };
                word.len()
            }
        };
        let rest = match number_first {
            Some((_, n)) => n,
            None => t[word_len..].trim_matches(is_space),
        };
        // A heading line is capitalised and holds the number and nothing else (a comma may
        // run it on into the adoption line: `Резолюция 2712 (2023),` / `принятая ...`).
        let Some(num) = HEAD_NUMBER.get().find(rest) else {
            continue;
        };
        let remainder = rest[num.end()..]
            .trim_matches(is_space)
            .trim_end_matches(',')
            .to_lowercase();
        let dated = table
            .date_connectors
            .iter()
            .any(|c| remainder.starts_with(&format!("{c} ")));
        // Scripts without case (Arabic) count as capitalised.
        let capital = t.starts_with(|c: char| c.is_uppercase() || !c.is_lowercase());
        if !capital || !(remainder.is_empty() || dated) {
            continue;
        }
        let rest = rest[..num.end()].trim_end_matches('.');
        let sym = parse_user_reference(rest).or_else(|| bare_sc_number(rest, text, table));
        if let Some(sym) = sym {
            if info.symbol.is_none() {
                info.symbol = Some(sym);
            }
            info.written_symbols.push(rest.to_string());
            // The date follows the number, on the same line or the next.
            let lead = l.len() - l.trim_start_matches(is_space).len();
            let number_end = rest.as_ptr() as usize - t.as_ptr() as usize + rest.len();
            let after = off + lead + number_end;
            if let Some(d) = date::find_date(text, after, 80, lang) {
                info.adopted = Some(d.date);
            }
            break;
        }
    }
    // The symbol in the first lines of the heading (`A/RES/79/40`, `S/RES/1445 (2002)`).
    // A document's heading has its distribution line (`Distr.: General`, `Distr. générale`);
    // a table of meetings or a list of symbols has none.
    let distributed = lines.iter().take(12).any(|(_, l)| l.contains("Distr"));
    for (i, (_, l)) in lines.iter().enumerate().take(12) {
        if info.symbol.is_some() {
            break;
        }
        // A heading line is short (`A/RES/79/40`, `United Nations S/RES/1445 (2002)`); a symbol
        // inside a sentence is a citation. Past the sixth line (a scan's stamps and the
        // heading's words on lines of their own) only a line that is the symbol alone, in a
        // heading with its distribution line.
        // Both patterns need a slash: most heading lines are passed over without a search.
        if !l.as_bytes().contains(&b'/') {
            continue;
        }
        let t = l.trim_matches(is_space);
        // A long line is a heading's only where the symbol stands apart in a column of its own
        // (`Организация Объединенных Наций          S/RES/2712 (2023)`).
        if t.chars().count() > 50 && !HEAD_SYMBOL_COLUMN.get().is_match(t) {
            continue;
        }
        if let Some(symbol) = head_symbol(l)
            && t.ends_with(symbol)
            && (i < 6 || (distributed && t == symbol))
        {
            let written = symbol.trim_end_matches(['.', ',']).to_string();
            if written.bytes().any(|b| b.is_ascii_digit()) {
                info.symbol = parse_user_reference(&written);
                info.written_symbols.push(written);
                break;
            }
        }
    }
    // The title line `78/237. Title`, which also names a GA or HRC resolution.
    for (i, (_, l)) in lines.iter().enumerate().take(60) {
        if !may_open_title_line(l) {
            continue;
        }
        // Most lines that open with a digit are no title line: told by a search, and only a
        // title line is captured.
        if !TITLE_HEAD.get().is_match(l) {
            continue;
        }
        if let Some(c) = TITLE_HEAD.get().captures(l) {
            // The rest runs to the line's end.
            let rest_at = c.get(2).or_else(|| c.get(3)).map_or(l.len(), |m| m.start());
            let rest = &l[rest_at..];
            let mut title = rest.trim_matches(is_space).to_string();
            for (_, next) in lines.iter().skip(i + 1).take(3) {
                let n = next.trim_matches(is_space);
                if n.is_empty() || looks_like_opener(n, table) {
                    break;
                }
                title.push(' ');
                title.push_str(n);
            }
            let title = tidy_title(&title);
            let number = &c[1];
            // `42 (1948). Resolution of 5 March 1948`: the rest is the adoption line, not a title.
            let lower_title = title.to_lowercase();
            let adoption_line = table
                .resolution_words
                .iter()
                .any(|w| lower_title.starts_with(w));
            if adoption_line {
                // Where the words after the number start in the line (a match offset: no
                // search for them, no slicing inside a character).
                let line_start = lines[i].0;
                if let Some(d) = date::find_date(text, line_start + rest_at, 80, lang) {
                    info.adopted = Some(d.date);
                }
            } else {
                info.title = Some(title);
            }
            if info.symbol.is_none() {
                info.symbol = if number.contains('/') {
                    let hrc = table
                        .bodies_before
                        .iter()
                        .chain(table.openers.iter())
                        .any(|(w, b)| *b == BodyName::HRC && lower_head.contains(w));
                    // `Decision adopted by the General Assembly on ...` above `78/528. Title`.
                    let decision = lines[i.saturating_sub(3)..i].iter().any(|(_, l)| {
                        let lower = l.trim_matches(is_space).to_lowercase();
                        table.decision_words.iter().any(|w| {
                            lower.strip_prefix(w).is_some_and(|rest| {
                                rest.starts_with(|c: char| !c.is_alphanumeric())
                            })
                        })
                    });
                    // `2023/5. Title`: the Economic and Social Council numbers by year.
                    let yearly = number.split('/').next().is_some_and(|y| y.len() == 4);
                    let prefix = match (yearly, hrc, decision) {
                        (true, _, false) => "E/RES/",
                        (true, _, true) => "E/DEC/",
                        (false, true, false) => "A/HRC/RES/",
                        (false, true, true) => "A/HRC/DEC/",
                        (false, false, false) => "A/RES/",
                        (false, false, true) => "A/DEC/",
                    };
                    parse_user_reference(&format!("{prefix}{}", number.replace(' ', "")))
                } else {
                    parse_user_reference(number)
                };
            }
            info.written_symbols.push(c[1].to_string());
            break;
        }
    }

    // A Council resolution whose heading slipped on its year (`Resolution 434 (1973)` / `of 18
    // September 1978`): where the table of Council resolutions gives that number exactly the
    // adoption date the heading states, the number names the resolution, and the year is the
    // table's.
    let as_written = info.symbol.as_ref().map(Symbol::id);
    if let (
        Some(Symbol::Act {
            body: Body::SC,
            number: crate::symbol::Number::Year { number, year },
            ..
        }),
        Some(adopted),
    ) = (&mut info.symbol, info.adopted)
        && crate::known::sc_date(*number) == Some(adopted)
        && let Ok(own) = u32::try_from(chrono::Datelike::year(&adopted))
        && *year != own
    {
        info.written_id = as_written;
        *year = own;
    }
    // Body: from the symbol, else from the opener line.
    if let Some(sym) = &info.symbol {
        info.id = Some(sym.id());
        info.kind = Some(sym.kind());
        info.body = Some(organ(sym));
        info.session = sym.session();
    }
    // (The opener is looked for only where the symbol named no body.)
    if info.body.is_none()
        && let Some(body) = opener_body(text, table)
    {
        info.body = Some(body.as_str().to_string());
    }

    // Session from the heading (`Seventy-ninth session`, `Achtundsiebzigste Tagung`).
    for lower in &lowered {
        if let Some(n) = session_ordinal_lower(lower, table) {
            info.session = Some(n);
            break;
        }
    }
    // Agenda item.
    for ((_, l), lower) in lines.iter().zip(&lowered) {
        let t = l.trim_matches(is_space);
        if let Some(w) = table
            .agenda_words
            .iter()
            .filter(|w| lower.starts_with(*w))
            .max_by_key(|w| w.len())
        {
            let rest = t.get(w.len()..).unwrap_or_default().trim_matches(is_space);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                // `Point 69 b) de l'ordre du jour`: the item is `69 b)`.
                let lower_rest = rest.to_lowercase();
                let item = table
                    .agenda_suffixes
                    .iter()
                    .filter_map(|x| find_any_apostrophe(&lower_rest, x))
                    .min()
                    .and_then(|i| rest.get(..i))
                    .unwrap_or(rest)
                    .trim_matches(is_space)
                    // The note on the provisional agenda (`临时议程项目35*`).
                    .trim_end_matches(['*', '\u{FF0A}'])
                    .trim_matches(is_space);
                info.agenda_item = Some(item.to_string());
                break;
            }
        }
    }
    // Heading lines run together (`Eightieth session Agenda item 62 Peacebuilding and
    // sustaining peace`): the agenda word inside a line, and only the item's number and letter.
    if info.agenda_item.is_none() {
        info.agenda_item = lines
            .iter()
            .take(20)
            .find_map(|(_, l)| agenda_inside(l, table));
    }
    // Adoption date after an adoption phrase, else under the closing plenary meeting line, else
    // (Security Council) the table of adoption dates.
    // A draft (`A/C.3/80/L.55`, `S/2015/305` is not one) has not been adopted: a date in its
    // preamble is a citation's.
    let draft = info
        .id
        .as_deref()
        .is_some_and(|id| id.split('/').any(|part| part.starts_with("L.")));
    if draft && info.title.is_none() {
        info.title = draft_title(head, table);
    }
    if info.title.is_none() {
        info.title = kind_line_title(head, table);
    }
    if info.adopted.is_none() && !draft {
        info.adopted = phrase_date(text, (head_end, &lower_head), table.adopted_phrases, lang)
            .or_else(|| closing_date(text, lang))
            .or_else(|| info.symbol.as_ref().and_then(sc_table_date));
    }
    // Date of issue: the date alone on a line under the distribution line (`Distr.: General`),
    // which Arabic, Chinese and Russian documents write in English; else the first heading line
    // that is a date and nothing else in the document's language (an adoption date broken onto
    // a line of its own, `22 декабря 2023 года`, stands below the distribution line).
    let date_alone = |off: usize, l: &str, lang: Lang| {
        let lead = l.len() - l.trim_start_matches(is_space).len();
        date::date_at(text, off + lead, lang)
            // A date may run onto the next line (`4 mars\n2014`): then it is not this line alone.
            .filter(|d| {
                text.get(d.end..off + l.len())
                    .is_some_and(|rest| rest.trim_matches(is_space).is_empty())
            })
            .map(|d| d.date)
    };
    if let Some(k) = lines.iter().position(|(_, l)| l.contains("istr.")) {
        info.issued = lines[k + 1..].iter().take(3).find_map(|(off, l)| {
            date_alone(*off, l, lang).or_else(|| date_alone(*off, l, Lang::En))
        });
    }
    if info.issued.is_none() {
        info.issued = lines.iter().find_map(|(off, l)| date_alone(*off, l, lang));
    }
    // Heading lines run together (`General Assembly Distr.: General 1 December 2025`): the
    // date that ends the distribution line.
    if info.issued.is_none() {
        info.issued = lines.iter().find_map(|(off, l)| {
            // `Distr.`, `distr.`: found by its tail without a lower-cased copy of each line.
            let at = memchr::memmem::find(l.as_bytes(), b"istr.")?.checked_sub(1)?;
            let d = date::find_date(text, off + at, l.len() - at, lang)
                .or_else(|| date::find_date(text, off + at, l.len() - at, Lang::En))?;
            text.get(d.end..off + l.len())
                .is_some_and(|rest| rest.trim_matches(is_space).is_empty())
                .then_some(d.date)
        });
    }
    // The report it was adopted on.
    if lower_head.len() == head.len() {
        for phrase in table.report_phrases {
            if let Some(i) = find_folded(&lower_head, phrase) {
                let window = &head[i..crate::layout::floor_char(head, i + 300)];
                if let Some(c) = REPORT_SYMBOL.get().captures(window) {
                    info.report = Some(c[1].to_string());
                    break;
                }
            }
        }
    }
    info
}

/// Completes a document's identity from what a structured file says of itself
/// ([`crate::input::Input::record`]): a JSON record's string values by key say what the record
/// is more surely than its text's heading; a collection of records is no one document, and
/// its first record's heading is not taken for the file's identity. Keys are compared by their
/// last element, lower case, letters and digits only (`ED_DecisionNumber` is
/// `decisionnumber`):
///
/// - `symbol`, `id`, `documentsymbol`: a full symbol (`S/2024/302`; a number such as `75/514` or
///   a job number is not one);
/// - `decisionnumber`, `resolutionnumber` (`75/514`, `78/528 A`; `75/511 A and B` is the
///   whole decision), with the body from a key ending in `division` or `body` (`GA`, `SC`,
///   `ECOSOC`, `HRC`): the decision or resolution of that body;
/// - `title`; `agendaitem`;
/// - `date` (ISO, `2020-12-07T05:00:00.000Z`, or written, `24 April 2024`): the adoption date of
///   a resolution or decision (the earliest, for one adopted in parts at several meetings), the
///   date of issue of any other document. Dates a record could not hold (before 1945; for a
///   General Assembly act, outside its session's years) are passed over.
pub fn apply_record(info: &mut DocumentInfo, record: &crate::input::json::Record) {
    if record.collection {
        *info = DocumentInfo {
            body: info.body.take(),
            ..DocumentInfo::unknown(info.language)
        };
    }
    let fields = &record.fields;
    if fields.is_empty() {
        return;
    }
    // Each field's last key part, its letters and digits lower-cased (`ED_Meeting.ED_Date` ->
    // `eddate`), made once: a collection's record holds thousands of fields, and each list of
    // names below read them all again.
    let keys: Vec<String> = fields
        .iter()
        .map(|(k, _)| {
            k.rsplit('.')
                .next()
                .unwrap_or(k)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        })
        .collect();
    let values = |names: &[&str], suffix: bool| -> Vec<&str> {
        keys.iter()
            .zip(fields)
            .filter(|(k, _)| {
                names
                    .iter()
                    .any(|n| if suffix { k.ends_with(n) } else { *k == n })
            })
            .map(|(_, (_, v))| v.trim_matches(is_space))
            .filter(|v| !v.is_empty())
            .collect()
    };
    let body = values(&["division", "body"], true)
        .into_iter()
        .find_map(|b| match b.to_ascii_uppercase().as_str() {
            "GA" => Some("A/"),
            "SC" => Some("S/"),
            "ECOSOC" => Some("E/"),
            "HRC" => Some("A/HRC/"),
            _ => None,
        });
    let act = |names: &[&str], kind: &str| {
        let prefix = body?;
        values(names, true).into_iter().find_map(|v| {
            let number: String = v
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '/')
                .collect();
            // One part is the part's record (`78/528 A`); several (`75/511 A and B`) are the
            // whole decision's.
            let rest = v[number.len()..].trim_matches(|c: char| is_space(c) || c == '.');
            let part = if rest.len() == 1 && rest.starts_with(|c: char| c.is_ascii_uppercase()) {
                rest
            } else {
                ""
            };
            (number.contains('/') && number.ends_with(|c: char| c.is_ascii_digit()))
                .then(|| parse_user_reference(&format!("{prefix}{kind}/{number}{part}")))
                .flatten()
        })
    };
    let symbol = act(&["decisionnumber"], "DEC")
        .or_else(|| act(&["resolutionnumber"], "RES"))
        .or_else(|| {
            values(&["symbol", "id", "documentsymbol", "docsymbol"], false)
                .into_iter()
                .filter(|v| {
                    v.starts_with(|c: char| c.is_ascii_uppercase())
                        && v.contains('/')
                        && v.bytes().any(|b| b.is_ascii_digit())
                })
                .find_map(parse_user_reference)
        });
    if let Some(sym) = symbol {
        take_symbol(info, sym);
    }
    if let Some(t) = values(&["title"], true).first() {
        // Control characters stand for spaces in some records (`in\u007fouter space`).
        let t: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        info.title = Some(tidy_title(&t));
    }
    if let Some(a) = values(&["agendaitem"], true).first() {
        info.agenda_item = Some(a.to_string());
    }
    let ga_session = match &info.symbol {
        Some(sym @ Symbol::Act { body: Body::GA, .. }) => sym.session(),
        _ => None,
    };
    let dates: Vec<NaiveDate> = values(&["date"], true)
        .into_iter()
        .filter_map(|v| {
            v.get(..10)
                .and_then(|iso| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok())
                .or_else(|| date::date_at(v, 0, info.language).map(|d| d.date))
        })
        // A database's placeholder for a missing date (`1969-12-31T05:00:00.000Z`) is no date:
        // a General Assembly session adopts from its opening year to the second year after.
        .filter(|d| {
            use chrono::Datelike;
            let year = u32::try_from(d.year()).unwrap_or(0);
            match ga_session {
                Some(session) => {
                    let open = crate::known::ga_session_year(session);
                    (open..=open + 2).contains(&year)
                }
                None => year >= 1945,
            }
        })
        .collect();
    if let Some(first) = dates.iter().min().copied() {
        match info.kind {
            Some(Kind::Resolution | Kind::Decision) => info.adopted = Some(first),
            _ => info.issued = Some(first),
        }
    }
}

/// `Resolution 290` heading a Security Council text: the year comes from the table.
/// The symbol a file's name gives, for a document whose text does not name itself (a draft
/// whose record holds a job number, a scan whose heading the OCR damaged): the stem with `_` for
/// `/` (`A_RES_78_237.txt`, `S_2017_444-EN.json`, `A_C.3_80_L.12.pdf`), trailing tags of two or
/// more letters left out (`-EN`, `_GOLD`: a symbol ends with a digit), and a Council
/// resolution's year as an element of its own (`S_RES_0361_1974`) read as `S/RES/361 (1974)`.
/// Only a stem that is one whole symbol, opening with its series, names the document: a number
/// alone (`2023_10`), or a name with other words in it (`UNSC_Record-Table_2722`,
/// `step06_output01`), does not.
pub fn symbol_from_file_name(path: &std::path::Path) -> Option<Symbol> {
    let mut stem = path.file_stem()?.to_str()?.trim();
    while let Some(i) = stem.rfind(['-', '_', '.', ' ']) {
        let tag = &stem[i + 1..];
        if tag.len() >= 2 && tag.bytes().all(|b| b.is_ascii_alphabetic()) {
            stem = &stem[..i];
        } else {
            break;
        }
    }
    let slashed = stem.replace('_', "/");
    // Every element as symbols write them: the series first, in capitals (`A`, `S`, `UNEP`),
    // then numbers (with a part letter: `78H`), capitals with numbers after a dot or hyphen (`AC.292`, `L.12`, `ES-10`,
    // `PV.8891`) and suffixes (`Rev.1`, `Add.2`). Words are no elements (`Record-Table`,
    // `SESSION`, `committee`): a series and its capitals run to six letters.
    static ELEMENT: PerThread<Regex> = PerThread::new(|| {
        Regex::new(
            r"^(?:[0-9]+[A-Z]?|[A-Z]{1,6}(?:[.\-][0-9]+)*|(?:Rev|Add|Corr|Amend|Sub|Res|Dec)\.[0-9]+)$",
        )
        .expect("static regex")
    });
    let mut elements = slashed.split('/');
    let series = elements.next().unwrap_or("");
    if !(1..=6).contains(&series.len())
        || !series.bytes().all(|b| b.is_ascii_uppercase())
        || !elements.all(|e| ELEMENT.get().is_match(e))
    {
        return None;
    }
    static COUNCIL: PerThread<Regex> = PerThread::new(|| {
        Regex::new(r"(?i)^S/RES/0*([1-9][0-9]{0,3})/((?:19|20)[0-9]{2})$").expect("static regex")
    });
    let written = match COUNCIL.get().captures(&slashed) {
        Some(c) => format!("S/RES/{} ({})", &c[1], &c[2]),
        None => slashed,
    };
    if !written.contains('/') {
        return None;
    }
    let sym = parse_user_reference(&written)?;
    // The whole name, not a symbol found inside it.
    let bare: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    sym.id().eq_ignore_ascii_case(&bare).then_some(sym)
}

/// Gives `info` the identity of `sym` (read from outside the text: a record, a file name).
fn take_symbol(info: &mut DocumentInfo, sym: Symbol) {
    info.id = Some(sym.id());
    info.kind = Some(sym.kind());
    info.body = Some(organ(&sym));
    info.session = sym.session().or(info.session);
    if !info.written_symbols.contains(&sym.id()) {
        info.written_symbols.push(sym.id());
    }
    info.symbol = Some(sym);
}

/// Names a document whose text does not name itself after its file
/// ([`symbol_from_file_name`]); a document that names itself keeps its name.
pub fn name_from_file(info: &mut DocumentInfo, path: &std::path::Path) {
    if info.id.is_none()
        && let Some(sym) = symbol_from_file_name(path)
    {
        take_symbol(info, sym);
    }
}

fn bare_sc_number(rest: &str, text: &str, table: &Table) -> Option<Symbol> {
    let n: u32 = rest.trim_matches(is_space).parse().ok()?;
    if opener_body(text, table)? != Body::SC {
        return None;
    }
    let year = crate::known::sc_year(n)?;
    Some(Symbol::Act {
        kind: Kind::Resolution,
        body: Body::SC,
        number: crate::symbol::Number::Year { number: n, year },
    })
}

fn sc_table_date(sym: &Symbol) -> Option<NaiveDate> {
    match sym {
        Symbol::Act {
            body: Body::SC,
            number: crate::symbol::Number::Year { number, .. },
            ..
        } => crate::known::sc_date(*number),
        _ => None,
    }
}

/// The organ of a symbol, for documents the principal organ of its series.
fn organ(sym: &Symbol) -> String {
    match sym {
        Symbol::Act { body, .. } => body.as_str().to_string(),
        Symbol::Document(s) => {
            if s.starts_with("A/HRC/") {
                "HRC".into()
            } else if s.starts_with("A/") {
                "GA".into()
            } else if s.starts_with("S/") {
                "SC".into()
            } else if s.starts_with("E/") {
                "ECOSOC".into()
            } else {
                sym.body_name().to_string()
            }
        }
    }
}

#[cfg(test)]
fn line_offsets(s: &str) -> Vec<(usize, &str)> {
    lines_from(s).collect()
}

/// The non-blank lines of a heading trimmed and lower-cased, taken from the heading lower-cased
/// whole (`lower_head`): lower-casing keeps every line break and white space character, so its
/// lines are the lower-cased lines (a capital sigma's lower case, which depends on its
/// neighbours, stops at white space as at a line's ends).
fn lowered_lines(lower_head: &str) -> Vec<&str> {
    lines_from(lower_head)
        .map(|(_, l)| l.trim_matches(is_space))
        .filter(|l| !l.is_empty())
        .collect()
}

/// `text[..end]` lower-cased, from the heading lower-cased already (`head`: where it ends and
/// its lower case) and the rest up to `end` (at or past the heading's end), unless a capital
/// sigma stands in it (its lower case depends on its neighbours).
fn lower_prefix(text: &str, (head_end, lower_head): (usize, &str), end: usize) -> String {
    match text.get(head_end..end) {
        Some(rest) if !text[..end].contains('Σ') => {
            let mut lower = String::with_capacity(lower_head.len() + rest.len());
            lower.push_str(lower_head);
            lower.push_str(&script::to_lowercase(rest));
            lower
        }
        _ => script::to_lowercase(&text[..end]),
    }
}

/// The lines of `s` with their byte offsets, lazily (the heading is read, not the whole text).
///
/// The pieces `split_inclusive('\n')` cuts, from line breaks found by `memchr` (the
/// character searcher entered its search again for every line: a tenth of the cost of the
/// heading's lines).
fn lines_from(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', s.as_bytes())
        .map(|nl| nl + 1)
        .chain(std::iter::once(s.len()));
    let mut start = 0;
    ends.filter_map(move |end| {
        // The end of a text that ends with a line break starts no line.
        let at = start;
        start = end;
        (at < end).then(|| (at, s[at..end].trim_end_matches(['\n', '\r'])))
    })
}

/// An agenda item named inside a heading line (`... session Agenda item 62 Peacebuilding`):
/// the number with a letter that may follow it (`62`, `25 (b)`, `69 b)`).
fn agenda_inside(line: &str, table: &Table) -> Option<String> {
    // The item has a number: lines without a digit are passed over unread.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    table.agenda_words.iter().find_map(|w| {
        let at = memchr::memmem::find(lower.as_bytes(), w.as_bytes())?;
        // A heading writes the word capitalised (`Agenda item 62`); in a sentence it is a
        // citation's (`rapport ..., пункт 94`).
        let capital = line[at..].starts_with(char::is_uppercase);
        if at == 0 || !lower[..at].ends_with(char::is_whitespace) || !capital {
            return None;
        }
        let rest = line[at + w.len()..].trim_start_matches(is_space);
        ITEM.get().find(rest).map(|m| m.as_str().to_string())
    })
}

/// A title as one line: runs of white space (line breaks of the layout among them) become one
/// space, except between two Chinese characters, where a line break or a stray space stands in
/// the middle of a word (`对普遍旅行自由权的尊重和家 庭团聚`).
pub fn tidy_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space
            && !(out.chars().next_back().is_some_and(script::is_cjk) && script::is_cjk(c))
        {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// The title of a report or note: the paragraph right above the line that says what the
/// document is (`Organization of work of the Second Committee` above `Note by the
/// Secretariat`), of at most four lines, set apart by blank lines, and none of them a line of
/// the heading's own (a symbol, the session, an agenda item, a distribution line or a date).
fn kind_line_title(head: &str, table: &Table) -> Option<String> {
    let lines: Vec<&str> = lines_from(head)
        .map(|(_, l)| l.trim_matches(is_space))
        .take(80)
        .collect();
    let k = lines.iter().position(|l| {
        let lower = l.to_lowercase();
        table.kind_lines.iter().any(|p| lower.starts_with(p))
    })?;
    let mut end = k;
    while end > 0 && lines[end - 1].is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !lines[start - 1].is_empty() && end - start < 4 {
        start -= 1;
    }
    // Nothing above, or a paragraph longer than a title: no blank line sets it apart.
    if start == end || (start > 0 && !lines[start - 1].is_empty()) || end == k {
        return None;
    }
    let block = &lines[start..end];
    let heading_line = |l: &&str| {
        let lower = l.to_lowercase();
        (l.as_bytes().contains(&b'/') && HEAD_SYMBOL.get().is_match(l))
            || lower.contains("distr")
            || table.agenda_words.iter().any(|w| lower.starts_with(w))
            || session_ordinal(l, table).is_some()
            || date::date_at(l, 0, table.lang).is_some()
    };
    if block.iter().any(heading_line) {
        return None;
    }
    let title = tidy_title(&block.join(" "));
    (!title.is_empty() && title.len() <= 300).then_some(title)
}

/// The title of a draft: the lines after its sponsors' line (`Iraq:* draft resolution`,
/// `Ukraine:* amendment to draft resolution A/80/L.3`), up to a blank line or the opener, at
/// most four. A sponsors' line that opens with the phrase (`Draft resolution submitted by the
/// Chair ...`), or whose phrase comes after the sponsors' `:*` in a paragraph that runs on,
/// runs on to the next blank line.
fn draft_title(head: &str, table: &Table) -> Option<String> {
    let lines: Vec<&str> = lines_from(head)
        .map(|(_, l)| l.trim_matches(is_space))
        .collect();
    let sponsors = lines.iter().enumerate().find_map(|(i, l)| {
        let lower = l.trim_end_matches(['*', ' ']).to_lowercase();
        table.draft_phrases.iter().find_map(|p| {
            let at = memchr::memmem::find(lower.as_bytes(), p.as_bytes())?;
            let bounded = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = lower[at + p.len()..].trim_matches(is_space);
            // Nothing after the phrase, or the symbol of the draft it amends or replaces.
            let ends = rest.is_empty() || (rest.contains('/') && !rest.contains(' '));
            (bounded && (ends || at == 0)).then_some((i, at == 0 && !ends))
        })
    });
    // The phrase in the middle of a sponsors' paragraph that runs on (`... Sweden:* amendment
    // to draft` / `resolution 6 recommended by the Second Committee in its report contained
    // in` / `document A/80/555`): the paragraph, from the line with the sponsors' colon, is
    // the sponsors' line.
    let (sponsors, opens) = sponsors.or_else(|| {
        let i = lines.iter().position(|l| l.contains(":*"))?;
        let block: Vec<&str> = lines[i..]
            .iter()
            .take_while(|l| !l.is_empty())
            .copied()
            .collect();
        let joined = block.join(" ").to_lowercase();
        let after_colon = &joined[joined.find(":*")?..];
        table
            .draft_phrases
            .iter()
            .any(|p| after_colon.contains(p))
            .then_some((i, true))
    })?;
    let mut k = sponsors + 1;
    if opens {
        while lines.get(k).is_some_and(|l| !l.is_empty()) {
            k += 1;
        }
    }
    let title: Vec<&str> = lines[k.min(lines.len())..]
        .iter()
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !looks_like_opener(l, table))
        .take(4)
        .copied()
        .collect();
    let title = tidy_title(&title.join(" "));
    (!title.is_empty() && title.len() <= 400).then_some(title)
}

fn looks_like_opener(line: &str, table: &Table) -> bool {
    let lower = fold_apostrophes(line.to_lowercase());
    table.openers.iter().any(|(w, _)| lower.starts_with(w))
}

/// Where the heading ends (at the opener line, `The General Assembly,`, else after 3000
/// bytes), and its lines that are not blank, with their offsets (each without its line
/// break), from the one walk through the text's first lines that finds its end.
fn heading<'t>(text: &'t str, table: &Table) -> (usize, Vec<(usize, &'t str)>) {
    let mut lines = Vec::new();
    for (off, l) in lines_from(text) {
        let t = l.trim_matches(is_space);
        if table.may_open(t) && opener_line(&fold_apostrophes(t.to_lowercase()), table).is_some() {
            return (off, lines);
        }
        if off > 6000 {
            break;
        }
        if !t.is_empty() {
            lines.push((off, l));
        }
    }
    let e = crate::layout::floor_char(text, 3000.min(text.len()));
    // The lines of the first 3000 bytes: the one that runs past them cut there.
    lines.retain(|(off, _)| *off < e);
    if let Some((off, l)) = lines.last_mut()
        && *off + l.len() > e
    {
        *l = l[..e - *off].trim_end_matches(['\n', '\r']);
        if l.trim_matches(is_space).is_empty() {
            lines.pop();
        }
    }
    (e, lines)
}

/// Where the heading ends: at the opener line (`The General Assembly,`), else after 3000 bytes.
#[cfg(test)]
fn heading_end(text: &str, table: &Table) -> usize {
    for (off, l) in lines_from(text) {
        let t = l.trim_matches(is_space);
        if table.may_open(t) && opener_line(&fold_apostrophes(t.to_lowercase()), table).is_some() {
            return off;
        }
        if off > 6000 {
            break;
        }
    }
    let mut e = text.len().min(3000);
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

/// The body of an opener line (`The General Assembly,`, `大会，`, `إن الجمعية العامة،`): the
/// opener followed by a comma of any script. `t` is lower case.
fn opener_line(t: &str, table: &Table) -> Option<BodyName> {
    table.openers.iter().find_map(|(w, b)| {
        let rest = t.strip_prefix(w)?.trim_start_matches(is_space);
        rest.starts_with(script::is_comma).then_some(*b)
    })
}

fn opener_body(text: &str, table: &Table) -> Option<Body> {
    for (off, l) in lines_from(text) {
        let t = l.trim_matches(is_space);
        if table.may_open(t)
            && let Some(b) = opener_line(&fold_apostrophes(t.to_lowercase()), table)
        {
            return Some(b.body());
        }
        if off > 8000 {
            break;
        }
    }
    None
}

/// Reads a session ordinal line (`Seventy-ninth session`).
fn session_ordinal(line: &str, table: &Table) -> Option<u32> {
    session_ordinal_lower(&line.trim_matches(is_space).to_lowercase(), table)
}

/// [`session_ordinal`] of a line already trimmed and lower-cased.
fn session_ordinal_lower(t: &str, table: &Table) -> Option<u32> {
    if table.session_word_first {
        // `الدورة الثامنة والسبعون`
        let word = table
            .session_words
            .iter()
            .find(|w| t.starts_with(*w) && t.len() > w.len())?;
        return parse_ordinal(t[word.len()..].trim_matches(is_space), table);
    }
    let word = table
        .session_words
        .iter()
        .find(|w| t.ends_with(*w) && t.len() > w.len())?;
    let ordinal = t[..t.len() - word.len()].trim_matches(is_space);
    parse_ordinal(ordinal, table)
}

/// Composes an ordinal from the table's words (`seventy-ninth` = 70 + 9,
/// `achtundsiebzigste` = 8 + 70).
pub fn parse_ordinal(s: &str, table: &Table) -> Option<u32> {
    let mut rest: &str = s;
    let mut total = 0;
    let mut any = false;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(['-', ' ', '\u{A0}']);
        if rest.is_empty() {
            break;
        }
        let Some((w, v)) = table
            .ordinals
            .iter()
            .filter(|(w, _)| rest.starts_with(*w))
            .max_by_key(|(w, _)| w.len())
        else {
            // `und`, `et`, `و` join the parts (`achtundsiebzigste`, `vingt et unième`).
            let joiner = table
                .ordinal_joiners
                .iter()
                .find(|j| rest.starts_with(*j))?;
            rest = &rest[joiner.len()..];
            continue;
        };
        total += v;
        any = true;
        rest = &rest[w.len()..];
    }
    any.then_some(total)
}

/// Where `needle` first stands in `hay`, its apostrophes matching the typographic ones too
/// (`de l’ordre du jour` for `de l'ordre du jour`).
fn find_any_apostrophe(hay: &str, needle: &str) -> Option<usize> {
    if !needle.contains('\'') {
        return memchr::memmem::find(hay.as_bytes(), needle.as_bytes());
    }
    ['\'', '\u{2019}', '\u{02BC}']
        .iter()
        .filter_map(|a| hay.find(&needle.replace('\'', a.encode_utf8(&mut [0; 4]))))
        .min()
}

/// Where `phrase` (lower case, words apart by any white space, `*` or `_`) ends in
/// `hay_lower`, at its leftmost place: where the pattern of its words joined by
/// `[\s\u{A0}*_]+` ends its match (the tests hold the two to each other), apostrophes
/// matching the typographic ones.
fn find_folded(hay_lower: &str, phrase: &'static str) -> Option<usize> {
    thread_local! {
        static FINDERS: std::cell::RefCell<Vec<PhraseFinders>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    FINDERS.with(|cell| {
        let mut all = cell.borrow_mut();
        let i = match all.iter().position(|f| std::ptr::eq(f.phrase, phrase)) {
            Some(i) => i,
            None => {
                all.push(PhraseFinders::new(phrase));
                all.len() - 1
            }
        };
        all[i].find(hay_lower)
    })
}

/// The searchers of one phrase of the tables, built once per thread (building one cost more
/// than the search it made, a few times per document): its longest word and the opening of
/// its first word.
struct PhraseFinders {
    phrase: &'static str,
    /// The longest word without an apostrophe (a word with one may be written with a
    /// typographic one: not that word).
    longest: Option<memchr::memmem::Finder<'static>>,
    /// The first word up to its apostrophe, if it has one.
    opening: memchr::memmem::Finder<'static>,
    /// The phrase's words, cut once.
    words: Vec<&'static str>,
}

impl PhraseFinders {
    fn new(phrase: &'static str) -> PhraseFinders {
        let longest = phrase
            .split(' ')
            .filter(|w| !w.contains('\''))
            .max_by_key(|w| w.len())
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()));
        let first = phrase.split(' ').next().unwrap_or_default();
        let opening = first.split('\'').next().unwrap_or_default();
        PhraseFinders {
            phrase,
            longest,
            opening: memchr::memmem::Finder::new(opening.as_bytes()),
            words: phrase.split(' ').collect(),
        }
    }

    fn find(&self, hay_lower: &str) -> Option<usize> {
        let hay = hay_lower.as_bytes();
        // Most heads hold none of the phrases: the phrase's longest word, searched as plain
        // bytes, rules most out before the phrase is followed (its first word, `on`, is
        // everywhere).
        if let Some(longest) = &self.longest {
            longest.find(hay)?;
        }
        // Read by hand, word after word from each place the first word's opening stands (a
        // pattern per phrase cost a hash of the phrase and a search per call, 5.4k
        // instructions). The leftmost place the whole phrase follows from is the pattern's
        // match: a run of separators is taken whole, as the next word cannot start with one.
        let (first, later) = self.words.split_first()?;
        let opening = self.opening.needle();
        let mut from = 0;
        while from <= hay.len() {
            let start = if opening.is_empty() {
                from
            } else {
                from + self.opening.find(&hay[from..])?
            };
            let end = hay_lower.get(start..).and_then(|rest| {
                let mut at = start + word_at(rest, first)?;
                for w in later {
                    let gap = separators_at(&hay_lower[at..]);
                    if gap == 0 {
                        return None;
                    }
                    at += gap;
                    at += word_at(&hay_lower[at..], w)?;
                }
                Some(at)
            });
            if end.is_some() {
                return end;
            }
            from = start + 1;
        }
        None
    }
}

/// The length of `word` at the start of `s`, its apostrophes matching the typographic ones too.
fn word_at(s: &str, word: &str) -> Option<usize> {
    let mut rest = s.chars();
    for w in word.chars() {
        let c = rest.next()?;
        let same = c == w || (w == '\'' && matches!(c, '\u{2019}' | '\u{02BC}'));
        if !same {
            return None;
        }
    }
    Some(s.len() - rest.as_str().len())
}

/// The length of the run of white space, `*` and `_` at the start of `s`.
fn separators_at(s: &str) -> usize {
    s.find(|c: char| !(c.is_whitespace() || c == '*' || c == '_'))
        .unwrap_or(s.len())
}

/// `head`: where the heading ends, and the heading lower-cased.
fn phrase_date(
    text: &str,
    (head_end, lower_head): (usize, &str),
    phrases: &[&'static str],
    lang: Lang,
) -> Option<NaiveDate> {
    let mut region_end = (head_end + 400).min(text.len());
    while !text.is_char_boundary(region_end) {
        region_end -= 1;
    }
    // The adoption line stands above the text: `The General Assembly,` ends the region, or a
    // preamble's "adopted on 8 September 2006" would date the document.
    let table = lang.table();
    let mut at = head_end.min(region_end);
    for line in text[at..region_end].split_inclusive('\n') {
        if looks_like_opener(line.trim_matches(is_space), table) {
            region_end = at;
            break;
        }
        at += line.len();
    }
    let lower = lower_prefix(text, (head_end, lower_head), region_end);
    if lower.len() != region_end {
        return None;
    }
    let mut sorted: Vec<&&str> = phrases.iter().collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let date_first = lang.table().date_order == DateOrder::YearMonthDay;
    for p in sorted {
        let Some(e) = find_folded(&lower, p) else {
            continue;
        };
        // `2000年12月4日第81次全体会议`, `2023年12月22日大会通过的决议`: the date comes before the
        // phrase.
        if date_first {
            let from = crate::layout::floor_char(text, e.saturating_sub(p.len() + 60));
            if let Some(d) = date::find_date(text, from, e - from, lang) {
                return Some(d.date);
            }
        }
        if let Some(d) = date::find_date(text, e, 60, lang) {
            return Some(d.date);
        }
    }
    None
}

/// The date under the closing `nth plenary meeting` line.
fn closing_date(text: &str, lang: Lang) -> Option<NaiveDate> {
    // The closing line starts with the meeting (`81st plenary meeting`, `Adopted at the 81st
    // plenary meeting`); the words deep in a sentence ("the 2005 World Summit Outcome adopted at
    // the high-level plenary meeting of the General Assembly on 16 September 2005") date
    // something else.
    // The last such line, looked for in the last few kilobytes first (where it stands), then
    // in ever larger stretches before them: a match cannot span a line break, so stretches
    // cut after one give the same matches, and the first stretch (from the end) with one
    // holds the last. A long file of many documents is then not searched from its start.
    let possessives = lang.table().possessives;
    let last_in = |from: usize, to: usize| {
        CLOSING_MEETING
            .get()
            .find_iter(&text[from..to])
            .map(|m| (from + m.start(), from + m.end()))
            .filter(|&(s, _)| {
                let start = text[..s].rfind('\n').map_or(0, |i| i + 1);
                // A body's own meeting (`At its 50th plenary meeting, on 17 November 2014, the
                // Council took the following action ...`) is reported, not closing the text.
                let lead: Vec<String> = text[start..s]
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect();
                lead.len() <= 4 && !lead.iter().any(|w| possessives.contains(&w.as_str()))
            })
            .last()
    };
    let line_start_before =
        |p: usize| memchr::memrchr(b'\n', &text.as_bytes()[..p]).map_or(0, |i| i + 1);
    let (mut to, mut size) = (text.len(), 4096);
    let (start, end) = loop {
        let cut = line_start_before(to.saturating_sub(size));
        if let Some(found) = last_in(cut, to) {
            break found;
        }
        if cut == 0 {
            return None;
        }
        (to, size) = (cut, size * 8);
    };
    date::find_date(text, end, 60, lang)
        .or_else(|| {
            // Chinese writes the date above the meeting (`2023年12月22日` / `第50次全体会议`).
            (lang.table().date_order == DateOrder::YearMonthDay).then_some(())?;
            let line = line_start_before(start);
            let from = crate::layout::floor_char(text, line.saturating_sub(60));
            date::find_date(text, from, line - from, lang)
        })
        .map(|d| d.date)
}

/// The table of a language (re-exported for callers that only have a [`Lang`]).
pub fn table(lang: Lang) -> &'static Table {
    lang.table()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Every pattern compiled ahead of a run of several jobs compiles, on a thread of its own
    /// as there, and each language's extraction patterns with them: a pattern reached by few
    /// documents would otherwise fail only when one of them is read.
    #[test]
    fn patterns_compiled_ahead_all_compile() {
        for lang in crate::Lang::ALL {
            crate::compile_patterns(lang);
        }
        // The patterns are in use afterwards: a heading is read with them.
        let info = super::identify(
            "United Nations A/RES/78/237\n\nResolution adopted by the General Assembly on \
             22 December 2023\n\n78/237. Fiftieth anniversary\n",
            crate::Lang::En,
        );
        assert_eq!(info.id.as_deref(), Some("A/RES/78/237"));
    }

    /// The former reading of [`find_folded`], the reference of its test: a pattern of the
    /// phrase's words joined by runs of separators, apostrophes as any of the three.
    fn find_folded_by_regex(hay_lower: &str, phrase: &str) -> Option<usize> {
        let pattern = phrase
            .split(' ')
            .map(|w| regex::escape(w).replace('\'', "['\u{2019}\u{02BC}]"))
            .collect::<Vec<_>>()
            .join(r"[\s\u{A0}*_]+");
        regex::Regex::new(&pattern)
            .ok()?
            .find(hay_lower)
            .map(|m| m.end())
    }

    /// Every phrase the tables look for in a document's head.
    fn table_phrases() -> Vec<&'static str> {
        Lang::ALL
            .iter()
            .flat_map(|l| {
                let t = l.table();
                t.report_phrases.iter().chain(t.adopted_phrases).copied()
            })
            .collect()
    }

    #[test]
    fn phrases_are_words_apart_by_one_space() {
        for p in table_phrases() {
            assert!(
                p.split(' ').all(|w| !w.is_empty()
                    && !w.starts_with(|c: char| c.is_whitespace() || c == '*' || c == '_')),
                "{p:?}"
            );
        }
    }

    proptest! {
        /// The heading's end and lines from one walk are its end as found, and the lines
        /// of the text up to it that are not blank: with and without an opener line, before
        /// 3000 bytes, after them and after 6000, and with a line that runs past 3000 bytes cut
        /// there (in a character, a line break, white space).
        #[test]
        fn heading_from_one_walk(
            pieces in proptest::collection::vec(prop_oneof![
                proptest::sample::select(&[
                    "The General Assembly,", "The General Assembly", "\n", "\r\n", "\r",
                    " \u{a0}\t", "\u{2003}", "é", "Σ", "\n\n   \n", " ", "\r", "\n ",
                ][..]).prop_map(str::to_string),
                "[A-Za-z ]{1,400}",
                "[a\r ]{1,4}",
            ], 0..30),
            lead in 0usize..310,
        ) {
            // Lines of ten bytes first, most often up to a few bytes before the 3000 where a
            // heading without an opener line is cut, and the line cut there from the pieces.
            let lines = if lead < 10 { lead } else { 290 + lead % 10 };
            let text = "Heading.\r\n".repeat(lines) + &"x".repeat(lead % 7) + &pieces.concat();
            let table = crate::Lang::En.table();
            let end = super::heading_end(&text, table);
            let lines: Vec<(usize, &str)> = super::line_offsets(&text[..end])
                .into_iter()
                .filter(|(_, l)| !l.trim_matches(super::is_space).is_empty())
                .collect();
            prop_assert_eq!(super::heading(&text, table), (end, lines));
        }

        /// The heading's lines taken from the heading lower-cased whole are its lines
        /// lower-cased one by one, and a prefix lower-cased from the heading's lower case and
        /// the rest is the prefix lower-cased: across line breaks, blank lines, white space of
        /// every kind, capital sigmas and letters whose lower case is longer.
        #[test]
        fn lower_cased_heading_as_line_by_line(
            pieces in proptest::collection::vec(prop_oneof![
                proptest::sample::select(&[
                    "The General Assembly,", "\n", "\r\n", " \u{a0}\t", "\u{2003}", "ΑΣ", "Σ ",
                    "İ", "RÉSOLUTION", "Резолюция",
                ][..]).prop_map(str::to_string),
                "[A-Za-z0-9/ ]{1,6}",
            ], 0..16),
            cut in 0usize..200,
            more in 0usize..200,
        ) {
            let text = pieces.concat();
            let head_end = crate::layout::floor_char(&text, cut);
            let head = &text[..head_end];
            let lines: Vec<(usize, &str)> = super::line_offsets(head)
                .into_iter()
                .filter(|(_, l)| !l.trim_matches(super::is_space).is_empty())
                .collect();
            let one_by_one: Vec<String> = lines
                .iter()
                .map(|(_, l)| l.trim_matches(super::is_space).to_lowercase())
                .collect();
            let lower_head = head.to_lowercase();
            prop_assert_eq!(super::lowered_lines(&lower_head), one_by_one);
            let end = crate::layout::floor_char(&text, head_end + more).max(head_end);
            prop_assert_eq!(
                super::lower_prefix(&text, (head_end, &lower_head), end),
                text[..end].to_lowercase()
            );
        }
    }

    proptest! {
        /// The phrases are found where their pattern finds them, in heads that run through
        /// the phrase's words again and again, each one whole, cut short, left out, replaced,
        /// or with a typographic apostrophe, with separators of every kind or none between.
        #[test]
        fn find_folded_as_the_pattern(
            pick in 0usize..1000,
            steps in proptest::collection::vec((0usize..12, 0usize..14), 0..40),
        ) {
            const SEPS: [&str; 9] = ["", " ", "  ", "\u{A0}", "*", "_\n", "\t ", "x", "-"];
            let phrases = table_phrases();
            // Every other case a phrase with an apostrophe (`l'assemblée`).
            let with: Vec<&str> = phrases.iter().copied().filter(|p| p.contains('\'')).collect();
            let phrase = if pick % 2 == 0 && !with.is_empty() {
                with[pick / 2 % with.len()]
            } else {
                phrases[pick % phrases.len()]
            };
            let words: Vec<&str> = phrase.split(' ').collect();
            let mut hay = String::new();
            for (k, (form, sep)) in steps.into_iter().enumerate() {
                let word = words[k % words.len()];
                let word = match form {
                    1 => word.replace('\'', "\u{2019}"),
                    2 => word.replace('\'', "\u{02BC}"),
                    // Cut short by its first character, left out, another word.
                    3 => word.chars().skip(1).collect(),
                    4 => String::new(),
                    5 => "o'".to_string(),
                    _ => word.to_string(),
                };
                hay.push_str(&word);
                // Mostly a plain space, as the phrase is written.
                hay.push_str(SEPS.get(sep).copied().unwrap_or(" "));
            }
            prop_assert_eq!(find_folded(&hay, phrase), find_folded_by_regex(&hay, phrase), "{:?} in {:?}", phrase, hay);
        }

        /// A line the first-character check passes over is one the title pattern never
        /// matches; and the heading patterns never match a line without a slash.
        #[test]
        fn heading_prefilters_never_hide_a_match(
            line in proptest::collection::vec(prop_oneof![
                Just("78/237".to_string()), Just("2142 (XXI)".to_string()), Just("S-10/2".to_string()),
                Just("ES-11/1".to_string()), Just("2023/5".to_string()), Just(". ".to_string()),
                Just(" - ".to_string()), Just("Resolution of 5 March 1948".to_string()),
                Just("\u{A0}".to_string()), Just("\u{2003}".to_string()), Just("\t".to_string()),
                Just("A/RES/79/40".to_string()), Just("Title".to_string()), "[ A-Za-z0-9().]{0,6}",
            ], 0..6).prop_map(|v| v.concat()),
        ) {
            if !may_open_title_line(&line) {
                prop_assert!(!TITLE_LINE.get().is_match(&line), "{:?}", line);
                prop_assert!(!TITLE_HEAD.get().is_match(&line), "{:?}", line);
            }
            if !line.contains('/') {
                prop_assert!(!HEAD_SYMBOL.get().is_match(&line), "{:?}", line);
                prop_assert!(!HEAD_SYMBOL_COLUMN.get().is_match(&line), "{:?}", line);
            }
        }

        /// On a title line, the head pattern's groups are the title pattern's: the number, and
        /// where the rest starts (the rest itself runs to the line's end).
        #[test]
        fn title_head_groups_are_the_title_lines(
            line in proptest::collection::vec(prop_oneof![
                Just("78/237".to_string()), Just("2142 (XXI)".to_string()), Just("S-10/2".to_string()),
                Just("ES-11/1".to_string()), Just("2023/5".to_string()), Just("1 (1946)".to_string()),
                Just("43/78 H".to_string()), Just("3411 A (XXX)".to_string()), Just(". ".to_string()),
                Just(" - ".to_string()), Just(" -".to_string()), Just("-".to_string()),
                Just("Resolution of 5 March 1948".to_string()), Just("RESOLUTION OF ".to_string()),
                Just("\u{A0}".to_string()), Just("\u{2003}".to_string()), Just("\t".to_string()),
                Just("\r".to_string()), Just("Title".to_string()), Just(" ".to_string()),
                "[ A-Za-z0-9().\\-/]{0,6}",
            ], 0..7).prop_map(|v| v.concat()),
        ) {
            let full = TITLE_LINE.get().captures(&line);
            let head = TITLE_HEAD.get().captures(&line);
            prop_assert_eq!(full.is_some(), head.is_some(), "{:?}", line);
            if let (Some(f), Some(h)) = (full, head) {
                prop_assert_eq!(f.get(1).map(|m| m.range()), h.get(1).map(|m| m.range()));
                let rest = |c: &regex::Captures<'_>| c.get(2).or_else(|| c.get(3)).map(|m| m.start());
                prop_assert_eq!(rest(&f), rest(&h), "{:?}", line);
                prop_assert_eq!(f.get(2).is_some(), h.get(2).is_some(), "{:?}", line);
            }
        }
    }

    fn record(fields: &[(&str, &str)]) -> crate::input::json::Record {
        crate::input::json::Record {
            fields: fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            collection: false,
        }
    }

    #[test]
    fn titles_as_one_line() {
        assert_eq!(
            tidy_title("  Scale of\n  assessments "),
            "Scale of assessments"
        );
        assert_eq!(tidy_title("和家 庭团聚\n的极端"), "和家庭团聚的极端");
        // Between a Chinese character and a Latin word or a number the space stays.
        assert_eq!(tidy_title("第 55/100 号决议"), "第 55/100 号决议");
        assert_eq!(tidy_title("Résolution\u{3000}X"), "Résolution X");
    }

    #[test]
    fn record_fields_name_the_document() {
        let mut info = DocumentInfo::unknown(Lang::En);
        apply_record(
            &mut info,
            &record(&[
                ("ED_Division", "GA"),
                ("ED_DecisionNumber", "78/528 A"),
                ("ED_Title", "Scale of  assessments"),
                ("ED_Meeting.ED_Date", "2024-02-07T05:00:00.000Z"),
                ("ED_Meeting.ED_Date", "1969-12-31T05:00:00.000Z"),
                ("ED_Meeting.ED_Date", "2023-12-07T05:00:00.000Z"),
            ]),
        );
        assert_eq!(info.id.as_deref(), Some("A/DEC/78/528A"));
        assert_eq!((info.body.as_deref(), info.session), (Some("GA"), Some(78)));
        assert_eq!(info.title.as_deref(), Some("Scale of assessments"));
        // The earliest meeting; the placeholder date is outside the session's years.
        assert_eq!(info.adopted, NaiveDate::from_ymd_opt(2023, 12, 7));

        let mut info = DocumentInfo::unknown(Lang::En);
        apply_record(
            &mut info,
            &record(&[
                ("ED_Division", "GA"),
                ("ED_DecisionNumber", "75/511 A and B"),
            ]),
        );
        assert_eq!(info.id.as_deref(), Some("A/DEC/75/511"));

        // A symbol names the document; a job number or a bare number does not.
        for (id, expect) in [
            ("S/2024/302", Some("S/2024/302")),
            ("19-08846", None),
            ("75/514", None),
            ("5fecbd029b661c0917d13bbd", None),
        ] {
            let mut info = DocumentInfo::unknown(Lang::En);
            apply_record(&mut info, &record(&[("ID", id), ("Date", "24 April 2024")]));
            assert_eq!(info.id.as_deref(), expect, "{id}");
            assert_eq!(info.issued, NaiveDate::from_ymd_opt(2024, 4, 24), "{id}");
        }
    }

    #[test]
    fn a_collection_names_no_document() {
        let mut info = identify("S/2024/788\n\nThe Security Council,\n", Lang::En);
        assert_eq!(info.id.as_deref(), Some("S/2024/788"));
        apply_record(
            &mut info,
            &crate::input::json::Record {
                fields: Vec::new(),
                collection: true,
            },
        );
        assert_eq!((info.id, info.symbol, info.issued), (None, None, None));
        assert_eq!(info.body.as_deref(), Some("SC"));
    }
    use super::*;

    /// A Council heading that slipped on its year is the resolution the table dates to the
    /// heading's own adoption day (434 (1978), adopted on 18 September 1978); on another day
    /// the heading's year stands.
    #[test]
    fn council_heading_year_slip() {
        let text = "Resolution 434 (1973)\nof 18 September 1978\n\nThe Security Council,\n\n\
            Recalling its resolution 425 (1978),\n";
        let info = identify(text, Lang::En);
        assert_eq!(info.id.as_deref(), Some("S/RES/434(1978)"));
        assert_eq!(info.written_id.as_deref(), Some("S/RES/434(1973)"));
        let text = "Resolution 434 (1973)\nof 19 September 1978\n\nThe Security Council,\n";
        let info = identify(text, Lang::En);
        assert_eq!(info.id.as_deref(), Some("S/RES/434(1973)"));
        assert_eq!(info.written_id, None);
        let text = "Resolution 434 (1978)\nof 18 September 1978\n\nThe Security Council,\n";
        let info = identify(text, Lang::En);
        assert_eq!(info.id.as_deref(), Some("S/RES/434(1978)"));
        assert_eq!(info.written_id, None);
    }

    /// The closing date is the one under the last meeting line, however much text follows it
    /// (an annex of any length, lines or none), and a meeting named deep in a sentence is not
    /// one.
    #[test]
    fn titles_of_reports_and_notes() {
        let title = |text: &str, lang| identify(text, lang).title;
        let report = "United Nations A/78/265\nGeneral Assembly Distr.: General\n1 August 2023\n\n\
                      Seventy-eighth session\nItem 94 of the provisional agenda*\nDevelopments in the \
                      field of information\n\n\n\nDevelopments in the field of information and \
                      telecommunications\nin the context of international security\n\n\n\
                      Report of the Secretary-General\n\n\nSummary\n";
        assert_eq!(
            title(report, Lang::En).as_deref(),
            Some(
                "Developments in the field of information and telecommunications in the context of international security"
            )
        );
        let note = "A/C.2/80/L.1\nDistr.: Limited\n\nQuatre-vingtième session\nDeuxième Commission\n\n\n\
                    Organisation des travaux de la Deuxième Commission\n\n\nNote du Secrétariat\n";
        assert_eq!(
            title(note, Lang::Fr).as_deref(),
            Some("Organisation des travaux de la Deuxième Commission")
        );
        // The paragraph above is the heading's own (an agenda item), or no blank line sets the
        // kind line apart: no title.
        let agenda =
            "A/78/1\nDistr.: General\n\nAgenda item 94\n\nReport of the Secretary-General\n";
        assert_eq!(title(agenda, Lang::En), None);
        let dense = "A/78/1\nDistr.: General\nSome words\nReport of the Secretary-General\n";
        assert_eq!(title(dense, Lang::En), None);
    }

    #[test]
    fn title_lines_of_council_resolutions_and_of_decisions() {
        let id = |text: &str| identify(text, Lang::En).id;
        // The Economic and Social Council numbers by year.
        let ecosoc = "Resolution adopted by the Economic and Social Council on 6 June 2023\n\n\
                      2023/5. Science, technology and innovation for development\n\n\
                      The Economic and Social Council,\n";
        assert_eq!(id(ecosoc).as_deref(), Some("E/RES/2023/5"));
        assert_eq!(
            identify(ecosoc, Lang::En).title.as_deref(),
            Some("Science, technology and innovation for development")
        );
        let decision = "Decision adopted by the General Assembly on 22 December 2023\n\n\
                        78/528. Scale of assessments\n\nThe General Assembly,\n";
        assert_eq!(id(decision).as_deref(), Some("A/DEC/78/528"));
        let hrc = "Human Rights Council\nFifty-fifth session\n\
                   Decision adopted by the Human Rights Council on 3 April 2024\n\n\
                   55/101. Outcome of the universal periodic review\n";
        assert_eq!(id(hrc).as_deref(), Some("A/HRC/DEC/55/101"));
        let resolution = "Resolution adopted by the General Assembly on 22 December 2023\n\n\
                          78/237. Developments in the field\n\nThe General Assembly,\n";
        assert_eq!(id(resolution).as_deref(), Some("A/RES/78/237"));
    }

    #[test]
    fn an_adoption_line_in_arabic_after_the_number() {
        // The words after the number open with a two-byte letter: the adoption date is read
        // from where they start (a slice of their first three bytes had cut a letter).
        let text = "1514 (XV). القرار المؤرخ 14 كانون الأول/ديسمبر 1960\n";
        let info = identify(text, Lang::Ar);
        assert_eq!(info.id.as_deref(), Some("A/RES/1514(XV)"));
        assert_eq!(info.adopted, NaiveDate::from_ymd_opt(1960, 12, 14));
    }

    #[test]
    fn a_number_and_its_adoption_line_without_a_full_stop() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let text = "MILITARY STAFF COMMITTEE\n\n1 (1946) Resolution of 25 January 1946\n\nBy Article 47 \
                    of the Charter ...\n";
        let info = identify(text, Lang::En);
        assert_eq!(info.id.as_deref(), Some("S/RES/1(1946)"));
        assert_eq!(info.adopted, date(1946, 1, 25));
        // A number and words without the full stop are no title line.
        let info = identify(
            "United Nations\n\n78/237 Developments in the field\n",
            Lang::En,
        );
        assert_eq!(info.id, None);
    }

    #[test]
    fn items_of_the_provisional_agenda() {
        for (lang, line) in [
            (Lang::En, "Item 35 of the provisional agenda*"),
            (Lang::Fr, "Point 35 de l'ordre du jour provisoire*"),
            (Lang::Es, "Tema 35 del programa provisional*"),
            (Lang::Ru, "Пункт 35 предварительной повестки дня*"),
            (Lang::Zh, "临时议程项目35*"),
            (Lang::Ar, "البند 35 من جدول الأعمال المؤقت*"),
            (Lang::De, "Punkt 35 der vorläufigen Tagesordnung*"),
        ] {
            let text = format!(
                "United Nations\nA/80/L.1\nDistr.: Limited\n\n{line}\nQuestion of Palestine\n"
            );
            assert_eq!(
                identify(&text, lang).agenda_item.as_deref(),
                Some("35"),
                "{lang}"
            );
        }
        // Agenda items as most headings write them still read so.
        let text = "A/80/L.2\nEightieth session\nAgenda items 13 and 117\n";
        assert_eq!(
            identify(text, Lang::En).agenda_item.as_deref(),
            Some("13 and 117")
        );
    }

    #[test]
    fn a_symbol_alone_deep_in_a_scanned_heading() {
        // A scan's stamps push the symbol to the seventh line of the heading.
        let scan = "UN LIBRARY\n\nocr i - 1.w\nUNITED\nDistr.\n\nLIMITED\nGENERAL\nA/L.632\n\n\
                    29 September 1971\nASSEMBLY\n\nThe General Assembly,\n\nRecalling ...\n";
        assert_eq!(identify(scan, Lang::En).id.as_deref(), Some("A/L.632"));
        // Without a distribution line, a symbol alone on a line there is a table's cell.
        let table = "Meetings conducted by the Security Council in 1947\n(in reverse order)\n\
                     Meeting\nRecord\tDate\tTopic\tOutcome\nS/PV.224\t31 December\tIndia-Pakistan\n\
                     S/PV.223\t30 December\tThe Greek question\nS/PV.222\n29 December\n\
                     S/RES/34 (1947)\n";
        assert_eq!(identify(table, Lang::En).id, None);
    }

    #[test]
    fn a_body_s_own_meeting_reported_in_a_sentence_closes_nothing() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let reported = "The Council,\n\nAt its 50th plenary meeting, on 17 November 2014, the \
                        Economic and Social Council took the following action:\n";
        assert_eq!(closing_date(reported, Lang::En), None);
        let french =
            "À sa 50e séance plénière, le 17 novembre 2014, le Conseil a pris la décision:\n";
        assert_eq!(closing_date(french, Lang::Fr), None);
        let adopted = "Adopted at the 81st plenary meeting, on 4 December 2000, on the \
                       recommendation of the Committee (A/55/602/Add.2, para. 94)\n";
        assert_eq!(closing_date(adopted, Lang::En), date(2000, 12, 4));
    }

    #[test]
    fn closing_date_under_the_last_meeting_line_at_any_distance() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let head = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n\n";
        let first = "80th plenary meeting\n20 December 2023\n\n";
        let last = "81st plenary meeting\n22 December 2023\n\n";
        let sentence = "Annex\n\nAs adopted at the high-level plenary meeting of the General Assembly on 16 September 2005.\n";
        for filler_len in [0, 100, 4_000, 4_200, 40_000, 300_000] {
            for line in ["Annex text and more words.\n", "x"] {
                let filler = line.repeat(filler_len / line.len());
                let text = format!("{head}{first}{last}{sentence}{filler}");
                assert_eq!(
                    closing_date(&text, Lang::En),
                    date(2023, 12, 22),
                    "{filler_len} {line:?}"
                );
                let text = format!("{head}{first}{filler}");
                assert_eq!(closing_date(&text, Lang::En), date(2023, 12, 20));
                let text = format!("{head}{sentence}{filler}");
                assert_eq!(closing_date(&text, Lang::En), None);
            }
        }
    }

    #[test]
    fn symbols_from_file_names() {
        let id = |name: &str| symbol_from_file_name(std::path::Path::new(name)).map(|s| s.id());
        for (name, want) in [
            ("A_RES_78_237.txt", "A/RES/78/237"),
            ("dir/A_RES_43_78H.pdf", "A/RES/43/78H"),
            ("S_2017_444-EN.json", "S/2017/444"),
            ("A_C.3_80_L.12.docx", "A/C.3/80/L.12"),
            ("A_C.1_78_L.11_Rev.1.doc", "A/C.1/78/L.11/Rev.1"),
            ("S_RES_0361_1974_EN_GOLD.txt", "S/RES/361(1974)"),
            ("A_HRC_RES_5_1.txt", "A/HRC/RES/5/1"),
            ("A_AC.292_2023_INF_5-FR.html", "A/AC.292/2023/INF/5"),
            ("A_RES_ES-10_1.txt", "A/RES/ES-10/1"),
        ] {
            assert_eq!(id(name).as_deref(), Some(want), "{name}");
        }
        for name in [
            "2023_10.txt",
            "78_237.txt",
            "UNSC_Record-Table_2722.csv",
            "step06_output01.graphml",
            "session_78_committee_3_drafts.xml",
            "SESSION_78_COMMITTEE_3.txt",
            "a_res_78_237.txt",
            "report.txt",
            "notes_on_A_RES_78_237.txt",
            "A_77_895-S_2023_363.txt",
        ] {
            assert_eq!(id(name), None, "{name}");
        }
    }

    proptest! {
        /// Lines and their offsets as `split_inclusive` cuts them, line breaks and returns
        /// taken off.
        #[test]
        fn lines_as_split_inclusive(
            pieces in proptest::collection::vec(prop_oneof![
                Just("\n"), Just("\r\n"), Just("a"), Just("é"), Just(" "), Just("\r"),
            ], 0..30),
        ) {
            let s = pieces.concat();
            let mut off = 0;
            let want: Vec<(usize, &str)> = s
                .split_inclusive('\n')
                .map(|piece| {
                    let at = off;
                    off += piece.len();
                    (at, piece.trim_end_matches(['\n', '\r']))
                })
                .collect();
            prop_assert_eq!(lines_from(&s).collect::<Vec<_>>(), want);
        }
    }

    proptest! {
        /// The symbol found by a search and trimmed is the pattern's group, on heading lines
        /// of symbols, years, spaces, tabs and other white space.
        #[test]
        fn head_symbol_as_the_group(
            pieces in proptest::collection::vec(prop_oneof![
                Just("A/RES/78/237"), Just("S/2024/1"), Just("A/C.3/78/L.11/Rev.1"), Just(" "),
                Just("\t"), Just("\u{A0}"), Just("\u{2003}"), Just("(2023)"), Just(" (2023)"),
                Just("Distr."), Just("x"), Just("E/"), Just("."), Just(","), Just("/"),
            ], 0..10),
        ) {
            let line = pieces.concat();
            let want = HEAD_SYMBOL.get().captures(&line).and_then(|c| c.get(1)).map(|m| m.as_str());
            prop_assert_eq!(head_symbol(&line), want);
        }
    }
}
