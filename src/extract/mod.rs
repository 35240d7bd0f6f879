//! Finding references in a text: resolution and decision citations, lists of them, and document
//! symbols, each resolved to a canonical [`Symbol`] with its date and exact byte span.
//!
//! Extraction runs in three passes over the original text (offsets always point into it):
//! 1. **Lists under a keyword.** Every resolution or decision word of the language anchors a list
//!    parser: items (`36/103`, `43/78 H`, `3419 A to D (XXX)`, `1325 (2000)`, `A/RES/70/1`), each
//!    with an optional date and body qualifier, joined by commas and `and`-words, possibly switching
//!    to a new keyword (`... and decision 71/558`). Page furniture and footnote blocks between items
//!    are stepped over.
//! 2. **Self-identifying forms without a keyword**: `N (YYYY)` when the Security Council table
//!    confirms the pair, and `N (ROMAN)` when the number belongs to that General Assembly session.
//! 3. **Document symbols** (`A/78/404`, `A/77/895-S/2023/363`, `S/RES/2334 (2016)`).
//!
//! A bare `N/N` is only a reference under a keyword, so page counters (`2/56`) and ratios never are.

mod docsym;
mod hooks;
mod mixed;
mod stops;
mod zh;

pub use mixed::by_paragraph_language;

use crate::date;
use crate::known;
use crate::lang::{BodyName, Lang, Table, script};
use crate::layout::{Clause, Layout, is_apostrophe, is_space};
use crate::per_thread::PerThread;
use crate::symbol::{Body, Kind, Number, Part, RomanSession, SessionKind, SessionNo, Symbol};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::rc::Rc;
use std::sync::OnceLock;

/// One reference found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// What is cited.
    pub symbol: Symbol,
    /// The date the text gives for it, if any.
    pub date: Option<NaiveDate>,
    /// Start byte of the reference in the text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The text of the reference, `text[start..end]`.
    pub text: String,
    /// Where in the document it stands.
    pub clause: Clause,
}

/// What the extractor needs to know about the document it reads.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The language of the text.
    pub lang: Lang,
    /// The body of the citing document, for possessives and bare `N/N`.
    pub citing_body: Option<Body>,
    /// The document's own ids, which are never citations of itself.
    pub own_ids: &'a [String],
    /// The document's layout.
    pub layout: &'a Layout,
}

/// Regular expressions built from one language table.
#[derive(Clone)]
struct Compiled {
    keyword: Keywords,
    /// `N [parts] (session)` and `N (YYYY)` anywhere: candidates for pass 2.
    standalone: Regex,
}

/// The patterns of each language of [`Lang::ALL`], compiled on first use (each thread searches
/// with its own copy: [`PerThread`]).
static COMPILED: [PerThread<Option<Compiled>>; 7] = [
    PerThread::new(|| compile(Lang::ALL[0])),
    PerThread::new(|| compile(Lang::ALL[1])),
    PerThread::new(|| compile(Lang::ALL[2])),
    PerThread::new(|| compile(Lang::ALL[3])),
    PerThread::new(|| compile(Lang::ALL[4])),
    PerThread::new(|| compile(Lang::ALL[5])),
    PerThread::new(|| compile(Lang::ALL[6])),
];

/// The search for a table's keywords ([`hooks::keyword_pattern`]).
#[derive(Clone)]
enum Keywords {
    /// Words matched as written, found by a literal search (SIMD over the text), which returns
    /// the match the pattern's leftmost-first alternation would: the regex ran its automaton
    /// forwards and back again over every candidate its own literal search found.
    Words(AhoCorasick),
    /// Words whose letters the pattern lets marks follow (Arabic, `لقــرار`): found as
    /// written by the literal search, and with the pattern only near the marks, which few
    /// texts write (one character in two hundred of the UN's Arabic): the pattern's own
    /// literal search found a candidate at nearly every word, and Arabic was read four times
    /// slower than Russian.
    Marked(Box<Marked>),
    /// Words matched as written, found by a piece inside them ([`Table::keyword_stems`]):
    /// Russian keywords open with `ре`, as many Russian words do, and a search for the words
    /// stopped at most of them.
    Stems(Box<Cored>),
    /// The pattern itself, for words that it matches in more than one way (words of two
    /// parts).
    Pattern(Regex),
}

/// The search of [`Keywords::Marked`].
#[derive(Clone)]
struct Marked {
    /// The words as written, found by their cores: the words that hold no other word (`قرار`,
    /// `مقرر`). Arabic writes most of its words with the article (`القرار`): a search for the
    /// words stopped at every article, one for their cores at few places.
    literal: Cored,
    /// The pattern, anchored at the start of the text it is given.
    anchored: Regex,
    /// The pattern, for a text dense with marks.
    pattern: Regex,
    /// The words' first two characters, one pair of which opens every match with only marks
    /// between them (marks only follow a letter); `None` for a word of one character. The
    /// places before a mark are asked of the anchored pattern only where one stands (a search
    /// from every place was a quarter of the extraction of Arabic, and one from every first
    /// letter a tenth).
    openings: Vec<(char, Option<char>)>,
}

/// Words found by pieces of them, their cores: each word holds a core, at one of
/// `offsets[core]` bytes from its start, and the words are asked (anchored) at the places the
/// cores found give. A search for rarer pieces than the words' openings stops at fewer places.
/// No core holds another, so no two start at one place.
#[derive(Clone)]
struct Cored {
    /// The words as written, asked at a place (anchored).
    words: AhoCorasick,
    cores: Cores,
    offsets: Vec<Vec<usize>>,
    /// The largest of the offsets: a core this far past a word found gives no earlier place.
    reach: usize,
    /// The longest word in bytes.
    longest: usize,
}

impl Cored {
    /// The search of `words` (in the order an alternation tries them) by the pieces of
    /// `pieces` that hold no other. `None` unless every word holds a piece (and none is empty).
    fn new(words: &[&str], pieces: &[&str]) -> Option<Cored> {
        let cores: Vec<&str> = pieces
            .iter()
            .copied()
            .filter(|p| !pieces.iter().any(|o| o.len() < p.len() && p.contains(o)))
            .collect();
        if cores.iter().any(|c| c.is_empty())
            || !words.iter().all(|w| cores.iter().any(|c| w.contains(c)))
        {
            return None;
        }
        let offsets = cores
            .iter()
            .map(|c| {
                let mut at: Vec<usize> = words
                    .iter()
                    .flat_map(|w| w.match_indices(c).map(|(i, _)| i))
                    .collect();
                at.sort_unstable();
                at.dedup();
                at
            })
            .collect::<Vec<Vec<usize>>>();
        let reach = offsets.iter().flatten().max().copied().unwrap_or(0);
        Some(Cored {
            words: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(words)
                .ok()?,
            cores: Cores::new(&cores)?,
            offsets,
            reach,
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
        })
    }

    /// The leftmost word as written (leftmost-first) from `at` if it starts before `end`. A
    /// word at `p` holds a core at `p` plus one of its offsets: the cores are found in order of
    /// their starts (each search from the byte after the last core's start), and the words
    /// asked at the places they give, until no later core can give a place before the word
    /// found.
    fn literal_in(&self, text: &str, at: usize, end: usize) -> Option<(usize, usize)> {
        let to = end.saturating_add(self.longest).min(text.len());
        if at >= end || at > to {
            return None;
        }
        let reach = self.reach;
        let mut best: Option<(usize, usize)> = None;
        let mut from = at;
        while let Some((h, core)) = self.cores.find(text, from, to) {
            if best.is_some_and(|(b, _)| h > b + reach) {
                break;
            }
            for &o in &self.offsets[core] {
                let Some(p) = h.checked_sub(o) else {
                    continue;
                };
                if p < at || p >= end || best.is_some_and(|(b, _)| p >= b) {
                    continue;
                }
                let here = aho_corasick::Input::new(text)
                    .span(p..to)
                    .anchored(aho_corasick::Anchored::Yes);
                if let Some(m) = self.words.find(here) {
                    best = Some((p, m.end()));
                }
            }
            from = h + 1;
        }
        best
    }
}

/// Marks this many, within 64 bytes a mark, are dense: [`Marked`] leaves the rest of its search
/// to the pattern. A text with a mark on every letter (a vocalised quotation) was read five
/// times slower around each mark than by the pattern.
const MARKS_DENSE: usize = 16;

/// How far [`Marked`] looks for the next mark at a time.
const MARKS_STRETCH: usize = 4096;

/// What the last search for a mark in one text found ([`date::next_mark`]): the first mark of
/// `from..to`, if any. The keywords of a text are searched one after the other, each search
/// looking a stretch ahead for marks; with this, a stretch already read without a mark is not
/// read again for the next keyword in it (Arabic text without marks was read a dozen times).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Marks(Option<MarkScan>);

#[derive(Debug, Clone, Copy)]
struct MarkScan {
    from: usize,
    to: usize,
    mark: Option<usize>,
}

impl Marks {
    /// [`date::next_mark`] of `bytes` (the text all the searches are in) from `from` to `to`.
    fn next(&mut self, bytes: &[u8], from: usize, to: usize) -> Option<usize> {
        match self.0 {
            // The first mark at or after `from` is the one found: none stands before it.
            Some(k) if k.from <= from && k.mark.is_some_and(|m| m >= from) => {
                k.mark.filter(|&m| m < to)
            }
            // No mark up to `k.to`: only what lies past it is read.
            Some(k) if k.from <= from && from <= k.to && k.mark.is_none() => {
                if to <= k.to {
                    return None;
                }
                let mark = date::next_mark(bytes, k.to, to);
                self.0 = Some(MarkScan { to, mark, ..k });
                mark
            }
            _ => {
                let mark = date::next_mark(bytes, from, to);
                self.0 = Some(MarkScan { from, to, mark });
                mark
            }
        }
    }
}

impl Marked {
    /// The searches of `words` (in the order the pattern's alternation tries them) and
    /// `anchored`, the pattern anchored at its start.
    fn new(words: &[&str], anchored: Regex, pattern: Regex) -> Option<Marked> {
        let mut openings: Vec<(char, Option<char>)> = words
            .iter()
            .filter_map(|w| {
                let mut c = w.chars();
                c.next().map(|first| (first, c.next()))
            })
            .collect();
        openings.sort_unstable();
        openings.dedup();
        Some(Marked {
            literal: Cored::new(words, words)?,
            anchored,
            pattern,
            openings,
        })
    }

    /// Whether the text at `p` opens as one of the words does ([`Marked::openings`]): its first
    /// two characters, with the marks the pattern lets follow an Arabic first one between.
    fn may_open_at(&self, text: &str, p: usize) -> bool {
        let Some(first) = text.get(p..).and_then(|r| r.chars().next()) else {
            return false;
        };
        if !self.openings.iter().any(|(a, _)| *a == first) {
            return false;
        }
        let mut q = p + first.len_utf8();
        if date::takes_marks(first) {
            q += date::mark_class_len(text.as_bytes().get(q..).unwrap_or_default());
        }
        let second = text.get(q..).and_then(|r| r.chars().next());
        self.openings
            .iter()
            .any(|&(a, b)| a == first && (b.is_none() || b == second))
    }

    /// The pattern's leftmost match from `at` if it starts before `end`. A match that holds a
    /// mark starts at most `longest` bytes before its first mark, so every match that starts
    /// earlier is a word as written, which the literal search finds. The marks are taken in
    /// order: the words as written are looked for up to `longest` before the next mark, and
    /// the places from there to the mark are asked of the anchored pattern. Where marks come
    /// densely (a vocalised text, a mark on every letter) the rest is left to the pattern.
    fn find_in(
        &self,
        text: &str,
        at: usize,
        end: usize,
        marks: &mut Marks,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut from = at;
        // The first of the last marks counted, and how many.
        let (mut run_start, mut run) = (at, 0);
        while from < end {
            // A mark that a match starting before `end` may hold, looked for a stretch at a
            // time: a search from each keyword to the end of a long range without marks read
            // the range again for every keyword in it.
            let longest = self.literal.longest;
            let reach = (end + longest).min(from + MARKS_STRETCH);
            let mark = marks.next(bytes, from, reach);
            // A word as written that starts before the window of the mark (or, with no mark,
            // `longest` before the stretch's end) is the match: a match that holds a mark
            // starts in or after the window.
            let window = match mark {
                Some(m) => m.saturating_sub(longest).max(from),
                None if reach == end + longest => end,
                None => reach - longest,
            };
            if let Some(found) = self.literal.literal_in(text, from, window.min(end)) {
                return Some(found);
            }
            let Some(mark) = mark else {
                from = crate::layout::ceil_char(text, window);
                continue;
            };
            for p in (window..=mark.min(end - 1)).filter(|p| text.is_char_boundary(*p)) {
                if !self.may_open_at(text, p) {
                    continue;
                }
                if let Some(m) = self.anchored.find(&text[p..]) {
                    return Some((p, p + m.end()));
                }
            }
            // Nothing starts at or before the mark. Marks are two bytes long.
            from = mark + 2;
            run += 1;
            if run == MARKS_DENSE {
                if mark - run_start < MARKS_DENSE * 64 {
                    // No match starts before `from`: the pattern's first from there is it.
                    return self
                        .pattern
                        .find_at(text, from)
                        .map(|m| (m.start(), m.end()))
                        .filter(|(s, _)| *s < end);
                }
                (run_start, run) = (from, 0);
            }
        }
        None
    }
}

/// The search for [`Marked`]'s cores. A set of two or three words goes by default to a
/// search for their rarest bytes, rare in English: in Arabic text the lead bytes of its
/// letters, found at every other letter. The vector search of short words (Teddy) is asked for
/// by name where the processor has it.
#[derive(Clone)]
enum Cores {
    Packed(aho_corasick::packed::Searcher),
    General(AhoCorasick),
}

impl Cores {
    fn new(cores: &[&str]) -> Option<Cores> {
        let packed = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(cores)
            .build();
        match packed {
            Some(p) => Some(Cores::Packed(p)),
            None => AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(cores)
                .ok()
                .map(Cores::General),
        }
    }

    /// The first core that starts in `from..to` and ends by `to`: where, and which.
    fn find(&self, text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
        let m = match self {
            Cores::Packed(p) => p.find_in(text, aho_corasick::Span::from(from..to)),
            Cores::General(ac) => ac.find(aho_corasick::Input::new(text).span(from..to)),
        }?;
        Some((m.start(), m.pattern().as_usize()))
    }
}

/// The leftmost match of `words` (leftmost-first) from `at` if it starts before `end`. The
/// search stops a word's length past `end`: a text in several languages is searched for each
/// language's words in its own paragraphs only, not on through the others' text.
fn literal_in(words: &AhoCorasick, text: &str, at: usize, end: usize) -> Option<(usize, usize)> {
    let to = end.saturating_add(words.max_pattern_len()).min(text.len());
    if at >= end || at > to {
        return None;
    }
    words
        .find(aho_corasick::Input::new(text).span(at..to))
        .map(|m| (m.start(), m.end()))
        .filter(|(s, _)| *s < end)
}

impl Keywords {
    fn new(table: &Table) -> Option<Keywords> {
        let forms = hooks::keyword_forms(table);
        let literal = |words: &[&str]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(words)
                .ok()
        };
        if let Some(words) = date::plain_alternation(forms.iter().map(String::as_str)) {
            if let Some((skip, take)) = table.keyword_stems {
                let mut stems: Vec<String> = words
                    .iter()
                    .map(|w| w.chars().skip(skip).take(take).collect())
                    .collect();
                stems.sort_unstable();
                stems.dedup();
                let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
                if let Some(cored) = Cored::new(&words, &stems) {
                    return Some(Keywords::Stems(Box::new(cored)));
                }
            }
            return literal(&words).map(Keywords::Words);
        }
        let pattern = hooks::keyword_pattern(table);
        if let Some(words) = date::marked_alternation(forms.iter().map(String::as_str)) {
            let anchored = Regex::new(&format!("^(?:{pattern})")).ok()?;
            let pattern = Regex::new(&pattern).ok()?;
            return Marked::new(&words, anchored, pattern).map(|m| Keywords::Marked(Box::new(m)));
        }
        Regex::new(&pattern).ok().map(Keywords::Pattern)
    }

    /// The first keyword at or after byte `at` of `text` if it starts before `end`, as the
    /// byte range it covers.
    #[cfg(test)]
    fn find_in(&self, text: &str, at: usize, end: usize) -> Option<(usize, usize)> {
        self.find_from(text, at, end, &mut Marks::default())
    }

    /// [`Keywords::find_in`] for one of several searches in `text`, in which `marks` holds what
    /// the searches before it learned about the marks of the text (see [`Marks`]).
    fn find_from(
        &self,
        text: &str,
        at: usize,
        end: usize,
        marks: &mut Marks,
    ) -> Option<(usize, usize)> {
        match self {
            Keywords::Words(ac) => literal_in(ac, text, at, end),
            Keywords::Marked(m) => m.find_in(text, at, end, marks),
            Keywords::Stems(c) => c.literal_in(text, at, end),
            Keywords::Pattern(re) => re
                .find_at(text, at)
                .map(|m| (m.start(), m.end()))
                .filter(|(s, _)| *s < end),
        }
    }
}

fn compile(lang: Lang) -> Option<Compiled> {
    let t = lang.table();
    let keyword = Keywords::new(t)?;
    let standalone = Regex::new(&hooks::standalone_pattern(t)).ok()?;
    Some(Compiled {
        keyword,
        standalone,
    })
}

/// Compiles the extraction patterns of `lang` ahead of the first document: see
/// [`crate::compile_patterns`].
pub(crate) fn compile_patterns(lang: Lang) {
    compiled(lang);
}

/// This thread's patterns of `lang` (`None` inside if its table does not compile).
fn compiled(lang: Lang) -> Rc<Option<Compiled>> {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    COMPILED[i % COMPILED.len()].get()
}

#[cfg(test)]
/// The document-symbol pattern as a regex: the reference of [`docsym::find`]'s tests.
static DOCSYM: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(docsym::PATTERN).expect("static regex"));

/// The suffix of a symbol's last element as a regex (a range of addenda, `Add.1-45`, keeps its
/// range): what [`suffix_parts`] reads by hand, kept for the tests to hold it against.
#[cfg(test)]
static SUFFIX: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)^(rev|add|corr|amend|supp|sup|part|summary)\.?([0-9]+(?:-[0-9]+)?)$")
        .expect("static regex")
});

/// The suffix words, lower case.
const SUFFIX_WORDS: [&str; 8] = [
    "rev", "add", "corr", "amend", "supp", "sup", "part", "summary",
];

/// Whether `seg` may match [`SUFFIX`], told from its ends: a suffix word's first letter (or
/// the long s, `ſ`, that case folding takes for `s`) and a final digit. Most elements of a
/// symbol (`A`, `78`, `L.11`) fail here, without a search.
fn may_be_suffix(seg: &str) -> bool {
    let b = seg.as_bytes();
    b.last().is_some_and(u8::is_ascii_digit)
        && b.first().is_some_and(|f| {
            matches!(f.to_ascii_lowercase(), b'r' | b'a' | b'c' | b's' | b'p') || *f == 0xC5
        })
}

/// The suffix word (as written) and its number when `seg` is a suffix with its number (`Rev.1`,
/// `add12`, `Add.1-45`), as `(?i)^(rev|add|corr|amend|supp|sup|part|summary)\.?([0-9]+(?:-[0-9]+)?)$`
/// reads it: the word's letters in either case (and the long s, `ſ`, for `s`, as Unicode case
/// folding has it), an optional full stop, digits with an optional range. Read by hand: the
/// regex's captures were a fifth of normalising a document symbol.
fn suffix_parts(seg: &str) -> Option<(&str, &str)> {
    if !may_be_suffix(seg) {
        return None;
    }
    SUFFIX_WORDS.iter().find_map(|w| {
        let mut at = 0;
        for x in w.bytes() {
            let c = seg[at..].chars().next()?;
            if !(c.is_ascii() && c.to_ascii_lowercase() as u8 == x || x == b's' && c == 'ſ') {
                return None;
            }
            at += c.len_utf8();
        }
        let rest = &seg[at..];
        let number = rest.strip_prefix('.').unwrap_or(rest);
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let whole = match number.split_once('-') {
            Some((a, b)) => digits(a) && digits(b),
            None => digits(number),
        };
        whole.then_some((&seg[..at], number))
    })
}

/// Whether `seg` is a suffix with its number (`Rev.1`, `Add.1-45`).
fn is_suffix(seg: &str) -> bool {
    suffix_parts(seg).is_some()
}

/// Symbol prefixes that make a resolution or decision of a body.
const ACT_PREFIXES: &[(&str, Kind, BodyName)] = &[
    ("A/HRC/RES/", Kind::Resolution, BodyName::HRC),
    ("A/HRC/DEC/", Kind::Decision, BodyName::HRC),
    ("A/RES/", Kind::Resolution, BodyName::GA),
    ("A/DEC/", Kind::Decision, BodyName::GA),
    ("S/RES/", Kind::Resolution, BodyName::SC),
    ("E/RES/", Kind::Resolution, BodyName::ECOSOC),
    ("E/DEC/", Kind::Decision, BodyName::ECOSOC),
    ("E/CN.4/RES/", Kind::Resolution, BodyName::CHR),
    ("E/CN.4/DEC/", Kind::Decision, BodyName::CHR),
];

/// Finds every reference in `text`.
pub fn extract(text: &str, ctx: &Context<'_>) -> Vec<Mention> {
    extract_in(text, ctx, &[(0, text.len())])
}

/// Finds the references that start inside the given byte ranges of `text` (sorted, not
/// overlapping); the text around them is still read for context (a list or date running on
/// past the range end, the word before its start).
pub fn extract_in(text: &str, ctx: &Context<'_>, ranges: &[(usize, usize)]) -> Vec<Mention> {
    let mut s = Scanner {
        text,
        ctx,
        table: ctx.lang.table(),
        ranges,
        // Room for the references a text of this length usually holds (one in a few hundred
        // bytes): grown from empty, the list was copied a dozen times into fresh memory.
        out: Vec::with_capacity(covered_len(ranges) / 512),
        covered: Vec::new(),
        consumed: Default::default(),
        covered_hint: Default::default(),
        spare_segment: Vec::new(),
        scratch: Scratch::default(),
    };
    crate::pages::advise_huge(&mut s.out);
    // A very large text's list fills most of this room (three quarters on the 255 MB
    // benchmark file): its pages supplied in one request, not faulted in one by one.
    crate::pages::populate(&mut s.out);
    if ctx.lang == Lang::Zh {
        s.zh_pass();
    } else {
        s.keyword_pass();
    }
    s.normalise_covered();
    s.standalone_pass();
    s.normalise_covered();
    s.symbol_pass();
    let mut out = s.out;
    if !ctx.own_ids.is_empty() {
        let mut id = String::new();
        out.retain(|m| {
            id.clear();
            m.symbol.write_id(&mut id);
            !ctx.own_ids.contains(&id)
        });
    }
    sort_in_text_order(&mut out);
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.symbol == b.symbol);
    with_clauses(text, ctx.layout, &mut out);
    out
}

/// Gives each mention (in text order) the clause it stands in: read in one walk once the
/// passes are done, not as each pass found its mentions (three walks, each restarting from
/// the text's start), and without the mentions dropped since.
fn with_clauses(text: &str, layout: &Layout, mentions: &mut [Mention]) {
    // The clauses' keys first, then each clause's record asked of memory some mentions ahead.
    const AHEAD: usize = 16;
    let keys = layout.clause_keys(mentions.iter().map(|m| m.start));
    for (k, (m, &key)) in mentions.iter_mut().zip(&keys).enumerate() {
        if let Some(&ahead) = keys.get(k + AHEAD) {
            layout.prefetch_clause(ahead);
        }
        m.clause = layout.clause_of(text, key);
    }
}

/// Sorts mentions in text order: by start, end and symbol (symbols order by their parts, which
/// sorts like their ids without building them).
pub fn sort_in_text_order(mentions: &mut [Mention]) {
    mentions.sort_by(|a, b| (a.start, a.end, &a.symbol).cmp(&(b.start, b.end, &b.symbol)));
}

/// The bytes the ranges cover.
fn covered_len(ranges: &[(usize, usize)]) -> usize {
    ranges.iter().map(|(s, e)| e.saturating_sub(*s)).sum()
}

/// The matches of `re` that start inside `ranges` (the tests' reading of the symbol and
/// standalone patterns' matches). Each range is searched from its start with
/// the text before it as context (for `\b`), and the search stops at the first match past its
/// end. That match is kept for the ranges after it: a search from their start would find it
/// again (it is the leftmost match after an earlier position), so ranges without a match do
/// not each scan on to it.
#[cfg(test)]
fn matches_in<'t>(
    find_at: impl Fn(&'t str, usize) -> Option<(usize, usize)> + 't,
    text: &'t str,
    ranges: &'t [(usize, usize)],
) -> impl Iterator<Item = (usize, usize)> + 't {
    let mut ranges = ranges.iter().copied();
    let mut range = ranges.next();
    let mut at = range.map_or(0, |r| r.0);
    // The search that went past a range's end: where it started and what it found (`None`:
    // nothing from there on).
    let mut ahead: Option<(usize, Option<(usize, usize)>)> = None;
    std::iter::from_fn(move || {
        loop {
            let (_, end) = range?;
            let found = match ahead.take() {
                Some((from, m)) if from <= at && m.is_none_or(|m| m.0 >= at) => m,
                _ if at > text.len() => None,
                _ => find_at(text, at),
            };
            match found {
                Some((s, e)) if s < end => {
                    // An empty match would not advance.
                    at = if e > s {
                        e
                    } else {
                        crate::layout::ceil_char(text, e + 1)
                    };
                    return Some((s, e));
                }
                _ => {
                    ahead = Some((at, found));
                    range = ranges.next();
                    // Each range is searched from its own start, as if alone.
                    at = range.map_or(at, |r| r.0);
                }
            }
        }
    })
}

/// Where to try a pattern around one anchor byte: `text[from..to]`. `exhaustive`: no match
/// can hold a byte outside the window, so a window without one rules out every start in it.
struct Window {
    from: usize,
    to: usize,
    exhaustive: bool,
}

/// The matches of `re` that start inside `ranges`, tried only in windows around anchor bytes
/// (most text has none), so that the automaton does not run over the whole text.
/// `anchors(start, limit)` gives the anchor positions in `start..limit`, in order; `window(p,
/// at)` the stretch to try for the anchor at `p`, starting at or after `at` (where the previous
/// match ended). Windows never start before the previous one's start, so one that starts at the
/// range end ends the range; `reach` bounds how far before its anchor a window starts, so
/// anchors more than `reach` bytes past a range's end are not looked for (a search for the next
/// anchor that passes the anchors' test would otherwise run on through the text after each
/// range: a file of many short paragraphs in another language took seconds).
fn anchored_matches_in<'t, I: Iterator<Item = usize> + 't>(
    find: impl Fn(&str) -> Option<(usize, usize)> + Copy + 't,
    text: &'t str,
    ranges: &'t [(usize, usize)],
    reach: usize,
    anchors: impl Fn(usize, usize) -> I + Copy + 't,
    window: impl Fn(usize, usize) -> Window + Copy + 't,
    owns: impl Fn(usize, usize, usize) -> bool + Copy + 't,
) -> impl Iterator<Item = (usize, usize)> + 't {
    ranges.iter().flat_map(move |&(start, end)| {
        let mut at = start;
        let limit = end.saturating_add(reach).min(text.len());
        let mut anchors = anchors(start.min(limit), limit);
        std::iter::from_fn(move || {
            loop {
                let p = anchors.next()?;
                if p < at {
                    continue;
                }
                let w = window(p, at);
                if w.from >= end {
                    return None;
                }
                let Some((s, e)) = find(&text[w.from..w.to]) else {
                    if w.exhaustive {
                        at = w.to;
                    }
                    continue;
                };
                let (ms, me) = (w.from + s, w.from + e);
                if ms >= end {
                    return None;
                }
                // A match that another anchor owns is that anchor's to find: this window may
                // hold only part of it.
                if !owns(p, ms, me) {
                    continue;
                }
                at = me.max(ms + 1);
                return Some((ms, me));
            }
        })
    })
}

/// Whether `c` may open the session in parentheses of the standalone pattern of `table`
/// ([`hooks::standalone_pattern`]): a Roman numeral (`XV`), `S-` or `ES-`, a digit of a year
/// (a digit of [`script::DIGIT_CLASS`], as in the pattern), or a session marker (`د-17`).
fn may_open_session(c: char, table: &Table) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'S' | 'E')
        || script::is_digit(c)
        || table.session_markers.iter().any(|(m, _)| m.starts_with(c))
}

/// Whether the session of the standalone pattern of `table` and its closing parenthesis may
/// stand at `at`, just after an opening one: true of every text the pattern's part from the
/// session on matches (a check that lets more through, never fewer). Of the parentheses a
/// session may open (`(XV)`, `(2000)`, `(10)`, `(Council`, `(CEDAW)`), a third are none, and
/// each was a search of the line before it.
fn may_be_session(text: &str, at: usize, table: &Table) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if !may_open_session(first, table) {
        return false;
    }
    // A session marker (`د-17`) or a year with words after it (`1981 г.`): let through.
    if !table.session_markers.is_empty() || !table.paren_year_suffix.is_empty() {
        return true;
    }
    let closes = |s: &str| {
        s.trim_start_matches(char::is_whitespace)
            .starts_with([')', '）'])
    };
    let b = rest.as_bytes();
    let numeral_at = if b.starts_with(b"ES-") {
        3
    } else if b.starts_with(b"S-") {
        2
    } else {
        0
    };
    let numeral = b[numeral_at..]
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L' | b'C'))
        .count();
    if numeral > 0 {
        return closes(&rest[numeral_at + numeral..]);
    }
    // Four digits of the pattern's scripts, and the parenthesis closing after them.
    let mut year = rest.char_indices();
    for _ in 0..4 {
        if !year.next().is_some_and(|(_, c)| script::is_digit(c)) {
            return false;
        }
    }
    closes(year.next().map_or("", |(i, _)| &rest[i..]))
}

/// The matches of the standalone pattern (`N [parts] (session)`) of `table` that start inside
/// `ranges`, found from their parentheses: the pattern is tried on the stretch of the line
/// before each (`PAREN_REACH` bytes) and the session after it. The same matches as a search of
/// the whole text, but for a number more than `PAREN_REACH` bytes before its parenthesis.
///
/// A match is taken only from the window of its own session parenthesis (its last one: a
/// full-width pair may stand among the words before it), so a parenthesis that no session can
/// follow (`(a)`, `(see`, `(A/78/265)`: half of them) is passed over without a search.
fn paren_matches_in<'t>(
    re: &'t Regex,
    table: &'t Table,
    text: &'t str,
    ranges: &'t [(usize, usize)],
) -> impl Iterator<Item = (usize, usize)> + 't {
    const PAREN_REACH: usize = 64;
    let bytes = text.as_bytes();
    // Parentheses: ASCII `(` and the full-width `（` (EF BC 88).
    let parens = move |start: usize, limit: usize| {
        memchr::memchr2_iter(b'(', 0xBC, &bytes[start..limit])
            .map(move |k| start + k)
            .filter_map(move |p| {
                if bytes[p] == b'(' {
                    Some((p, p + 1))
                } else {
                    (p >= 1 && bytes[p - 1] == 0xEF && bytes.get(p + 1) == Some(&0x88))
                        .then(|| (p - 1, p + 2))
                }
            })
            .filter(move |&(_, after)| may_be_session(text, after, table))
            .map(|(p, _)| p)
    };
    let window = move |p: usize, at: usize| {
        let reach = crate::layout::floor_char(text, p.saturating_sub(PAREN_REACH)).max(at);
        let line = memchr::memrchr(b'\n', &bytes[reach..p]).map_or(reach, |i| reach + i + 1);
        // A parenthesis that opens its line may close a number that ends the line before.
        let from = if line > reach
            && text[line..p]
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | '\u{A0}'))
        {
            let before = text[reach..line - 1].trim_end_matches('\r');
            text[reach..reach + before.len()]
                .rfind('\n')
                .map_or(reach, |i| reach + i + 1)
        } else {
            line
        };
        Window {
            from,
            to: crate::layout::ceil_char(text, p + PAREN_REACH),
            // A match may run past the reach: the next parenthesis tries again.
            exhaustive: false,
        }
    };
    // A match ends with its session in parentheses; a full-width parenthesis may stand before
    // it, among the words between number and session: the match's own is its last one.
    let owns = move |p: usize, ms: usize, me: usize| {
        let piece = &bytes[ms..me];
        // The last `(`, or the last 88 byte that ends a `（` (EF BC 88; other characters hold
        // 88 bytes too).
        let mut upto = piece.len();
        while let Some(k) = memchr::memrchr2(b'(', 0x88, &piece[..upto]) {
            if piece[k] == b'(' {
                return ms + k == p;
            }
            if k >= 2 && piece[k - 2] == 0xEF && piece[k - 1] == 0xBC {
                return ms + k - 2 == p;
            }
            upto = k;
        }
        false
    };
    // A window starts at most `PAREN_REACH` bytes and a character before its parenthesis,
    // which starts a byte before a full-width one's `BC` byte.
    let find = move |w: &str| re.find(w).map(|m| (m.start(), m.end()));
    anchored_matches_in(find, text, ranges, PAREN_REACH + 8, parens, window, owns)
}

/// The matches of the document-symbol pattern ([`docsym`]) that start inside `ranges`, found
/// from their slashes: the pattern is tried on the run of symbol characters around each (at
/// most `LEAD` bytes before it, where a symbol's first element fits). The same matches as a
/// search of the whole text: no match can hold a byte outside that run.
///
/// A slash that no symbol's first element stands right before (`70/1`: no capital in the
/// capitals, digits and dots before it) is passed over: every match is found from its own
/// first slash, whose window holds all of it.
fn slash_matches_in<'t>(
    text: &'t str,
    ranges: &'t [(usize, usize)],
) -> impl Iterator<Item = (usize, usize)> + 't {
    // A capital, nine more letters or digits, a dot and three digits.
    const LEAD: usize = 14;
    let bytes = text.as_bytes();
    let in_symbol = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/');
    // Whether a first element (`A`, `E/CN.4`'s `CN.4`, `A/AC.292`'s `AC.292`) may end at `p`:
    // a capital among the capitals, digits and dots right before it.
    let may_follow_lead = move |p: usize| {
        bytes[p.saturating_sub(LEAD)..p]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || **b == b'.')
            .any(u8::is_ascii_uppercase)
    };
    let slashes = move |start: usize, limit: usize| {
        memchr::memchr_iter(b'/', &bytes[start..limit])
            .map(move |k| start + k)
            .filter(move |&p| may_follow_lead(p))
    };
    let window = move |p: usize, at: usize| Window {
        from: crate::layout::floor_char(text, p.saturating_sub(LEAD)).max(at),
        to: p + bytes[p..].iter().take_while(|b| in_symbol(**b)).count(),
        exhaustive: true,
    };
    // A window starts at most `LEAD` bytes and a character before its slash.
    anchored_matches_in(
        docsym::find,
        text,
        ranges,
        LEAD + 4,
        slashes,
        window,
        |_, _, _| true,
    )
}

/// The session written in parentheses after an old-style number.
#[derive(Debug, Clone, Copy)]
enum OldSession {
    Roman(RomanSession),
    Year(u32),
}

#[derive(Debug, Clone, Copy)]
enum Form {
    Session { session: SessionNo, number: u32 },
    Old { number: u32, session: OldSession },
    Bare(u32),
}

/// The numbering an item's form belongs to, for the items a description may stand between:
/// the Assembly's, old (`2142 (XXI)`) and new (`62/122`), as a chronological list runs from one
/// into the other; the Security Council's (`1325 (2000)`); a bare number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Sessions,
    Years,
    Bare,
}

impl Form {
    fn numbering(&self) -> Numbering {
        match self {
            Form::Session { .. }
            | Form::Old {
                session: OldSession::Roman(_),
                ..
            } => Numbering::Sessions,
            Form::Old {
                session: OldSession::Year(_),
                ..
            } => Numbering::Years,
            Form::Bare(_) => Numbering::Bare,
        }
    }
}

#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    form: Form,
    parts: Vec<Part>,
    /// Kind and body given by a symbol prefix (`S/RES/`).
    prefix: Option<(Kind, BodyName)>,
}

/// A parsed item with what its tail said.
struct Parsed {
    item: Item,
    date: Option<NaiveDate>,
    body_after: Option<BodyName>,
    /// Where the reference ends, for the list that goes on after it.
    end: usize,
    /// Where its text ends: before a page break inside its date (`of 29 June` / furniture /
    /// `2007`), so that the mention holds no page furniture and does not cover the footnotes.
    text_end: usize,
}

struct Scanner<'t, 'c> {
    text: &'t str,
    ctx: &'c Context<'c>,
    table: &'static Table,
    /// Where references may start.
    ranges: &'c [(usize, usize)],
    out: Vec<Mention>,
    /// Spans of the references found so far (later passes skip them).
    covered: Vec<(usize, usize)>,
    /// Keyword positions that a list parser has read as part of its list.
    consumed: rustc_hash::FxHashSet<usize>,
    /// Where the last coverage search ended: the later passes ask in text order.
    covered_hint: crate::hint::Hint,
    /// The room of the last list's segment, lent to the next list: a fresh one for each of
    /// thousands of lists was an allocation and a free each.
    spare_segment: Vec<(Parsed, usize)>,
    /// Buffers lent from one reference to the next, the same way.
    scratch: Scratch,
}

/// The buffers a [`Scanner`] writes each reference's working copies into, kept from one
/// reference to the next: new ones for each were allocations in the hot path (on the 25 MB
/// file about 90,000 of them, two fifths of the extraction's).
#[derive(Default)]
struct Scratch {
    /// The symbols of an item ([`Scanner::resolve`]).
    symbols: Vec<Symbol>,
    /// The document symbols of a match ([`document_symbols`]).
    documents: Vec<(String, usize, usize)>,
    /// A list's keyword as [`hooks::fold_keyword`] gives it.
    keyword: String,
    /// The running text before a keyword when furniture interrupts it, and that text in lower
    /// case ([`Scanner::look_back`], which reads through `&self`).
    window: std::cell::Cell<String>,
    lower: std::cell::Cell<String>,
}

impl Scanner<'_, '_> {
    /// Sorts the covered spans and merges overlapping ones, for binary search.
    fn normalise_covered(&mut self) {
        self.covered.sort();
        // Merged in place: a new list for each pass was fresh memory on a large text.
        self.covered.dedup_by(|next, last| {
            if next.0 <= last.1 {
                last.1 = last.1.max(next.1);
                true
            } else {
                false
            }
        });
    }

    fn is_covered(&self, pos: usize) -> bool {
        let i = self
            .covered_hint
            .partition_point(&self.covered, |r| r.1 <= pos);
        self.covered.get(i).is_some_and(|r| r.0 <= pos && pos < r.1)
    }

    fn push(&mut self, symbol: Symbol, date: Option<NaiveDate>, start: usize, end: usize) {
        if self.ctx.layout.is_furniture(start) {
            return;
        }
        self.out.push(Mention {
            symbol,
            date,
            start,
            end,
            text: self.text[start..end].to_string(),
            // Read for all mentions at once when the passes are done ([`with_clauses`]).
            clause: Clause::heading(),
        });
    }

    // ---- pass 1: lists under a keyword ----

    fn keyword_pass(&mut self) {
        let patterns = compiled(self.ctx.lang);
        let Some(c) = patterns.as_ref().as_ref() else {
            return;
        };
        let text = self.text;
        let found = self.ranges.iter().flat_map(|&(from, to)| {
            // Each range is searched from its own start, as if alone.
            let mut at = from;
            let mut marks = Marks::default();
            std::iter::from_fn(move || {
                let (s, e) = c.keyword.find_from(text, at, to, &mut marks)?;
                // An empty match would not advance.
                at = if e > s {
                    e
                } else {
                    crate::layout::ceil_char(text, e + 1)
                };
                Some((s, e))
            })
        });
        for (start, end) in found {
            // Keywords a list already read as its own (`... and decision 71/558`) are done;
            // those inside a footnote block that a list stepped over are not.
            if self.consumed.contains(&start)
                || !self.keyword_boundary(start)
                || !abbreviation_apart(text, start, end)
            {
                continue;
            }
            self.parse_list(start, end);
        }
    }

    /// Parses the list that the keyword at `kw_start..kw_end` governs; returns where it ends.
    fn parse_list(&mut self, kw_start: usize, kw_end: usize) -> Option<usize> {
        let text = self.text;
        // Most keywords in running text govern no number (`the resolution adopted`): nothing
        // before the keyword is read for them.
        let mut pos = self.after_keyword(kw_end);
        // A description of the resolutions may stand between keyword and list, led out of by
        // `in particular` or `including`: the list starts after it, and so does its span.
        let (mut item, mut led_in) = match parse_item(text, pos, self.table) {
            Some(item) => (item, false),
            None => {
                pos = self.lead_in(kw_end)?;
                let item = parse_item(text, pos, self.table)
                    .filter(|i| !matches!(i.form, Form::Bare(_)))?;
                (item, true)
            }
        };
        let mut word = std::mem::take(&mut self.scratch.keyword);
        hooks::fold_keyword_into(&text[kw_start..kw_end], &mut word);
        let mut kind = self.keyword_kind(&word);
        let found = self.look_back(kw_start);
        let (mut pre_body, mut possessive, mut seg_start) =
            self.keyword_possessive(kw_start, &word, found);
        pre_body = self
            .inside_body(kw_end)
            .or(self.keyword_body(&word))
            .or(pre_body);
        self.scratch.keyword = word;
        let mut first_in_list = true;
        // Whether the current keyword took the body of the one before (it names none).
        let mut carried = false;
        let mut last_end = None;
        // Items of the current segment, resolved when the segment ends (a trailing qualifier
        // applies to all of them).
        let mut segment = std::mem::take(&mut self.spare_segment);
        segment.clear();
        loop {
            if matches!(item.form, Form::Bare(_)) && !first_in_list {
                break;
            }
            item = self.council_marker(item, pre_body);
            let parsed = self.tail(item);
            // A keyword before a page break does not take the furniture into the span.
            let span_start =
                if segment.is_empty() && !led_in && !self.interrupted(seg_start, parsed.item.start)
                {
                    seg_start
                } else {
                    parsed.item.start
                };
            pos = parsed.end;
            last_end = Some(parsed.end);
            segment.push((parsed, span_start));
            first_in_list = false;
            led_in = false;
            // A separator, possibly with a new keyword; or a description of the item and then
            // a separator.
            // Only a dated item's description is stepped over: the lists that go on after one
            // date each item (`63/71 of 2 December 2008 on ...`).
            let described = segment
                .last()
                .map(|(p, _)| (p.item.form.numbering(), p.date.is_some()))
                .filter(|(n, _)| *n != Numbering::Bare);
            let sep = match self.separator(pos) {
                Some(sep) => sep,
                None => match described.and_then(|(n, d)| self.after_description(pos, n, d)) {
                    Some(sep) => sep,
                    // Dates one per item, then more items (`2253 (ES-V) and 2254 (ES-V) of 4
                    // and 14 July 1967, 32/5 of 28 October 1977`).
                    None => match self.distributive_dates(&mut segment, pos) {
                        Some(e) => {
                            last_end = Some(e);
                            match self.separator(e) {
                                Some(sep) => sep,
                                None => break,
                            }
                        }
                        None => break,
                    },
                },
            };
            if let Some((word, kw_s, kw_e)) = sep.keyword {
                self.consumed.insert(kw_s);
                first_in_list = true;
                share_dates(&mut segment, false);
                self.flush_segment(&mut segment, kind, pre_body, possessive);
                kind = self.keyword_kind(&word);
                let found = self.look_back(kw_s);
                let (b, p, s) = self.keyword_possessive(kw_s, &word, found);
                let named = self.inside_body(kw_e).or(self.keyword_body(&word)).or(b);
                // A bare keyword in an enumeration is the previous one's body's (`Commission
                // ... resolution 27/2 ..., resolution 27/3 ...`, `Human Rights Council
                // resolution 5/1 and resolution 5/2`).
                carried = named.is_none() && !p;
                if !carried {
                    pre_body = named;
                    possessive = p;
                }
                seg_start = s.max(sep.start);
                pos = self.after_keyword(kw_e);
            } else {
                pos = sep.end;
            }
            match parse_item(text, pos, self.table) {
                Some(next) => item = next,
                None => break,
            }
            // The Human Rights Council numbers a session's resolutions below 100: a bare
            // keyword's three-digit number is not the Council's (`Human Rights Council
            // resolution 5/1 and resolution 60/251`), whoever the list named before.
            if carried
                && pre_body == Some(BodyName::HRC)
                && kind == Kind::Resolution
                && item.prefix.is_none()
                && matches!(item.form, Form::Session { number, .. } if number >= 100)
            {
                pre_body = None;
            }
        }
        if let Some(e) = last_end.and_then(|e| self.distributive_dates(&mut segment, e)) {
            last_end = Some(e);
        }
        share_dates(&mut segment, false);
        self.flush_segment(&mut segment, kind, pre_body, possessive);
        self.spare_segment = segment;
        last_end
    }

    /// Decision or resolution, from the keyword as [`hooks::fold_keyword`] gives it.
    fn keyword_kind(&self, word: &str) -> Kind {
        if self.table.decision_words.contains(&word) {
            Kind::Decision
        } else {
            Kind::Resolution
        }
    }

    /// Skips white space and a number word (`No.`) after a keyword.
    fn after_keyword(&self, pos: usize) -> usize {
        let p = self.skip_inside(self.skip_ws(pos));
        match eat_any(self.text, p, self.table.number_words) {
            Some(e) => self.skip_ws(e),
            None => p,
        }
    }

    /// What stands right before a keyword: a body qualifier (`Security Council resolution`) or a
    /// possessive (`its resolutions`, `the Council, in its resolution`). Returns the body named,
    /// whether a possessive was seen, and where the reference text starts.
    fn look_back(&self, kw_start: usize) -> (Option<BodyName>, bool, usize) {
        let text = self.text;
        let layout = self.ctx.layout;
        let running = layout.running_before(text, kw_start, layout.in_footnote(kw_start), 120);
        // The window as the running text reads it; where furniture or footnotes were left out,
        // the pieces are joined by a line break (in a buffer kept for the next keyword) and
        // the reference starts at its keyword.
        match running.as_slice() {
            [] => (None, false, kw_start),
            [only] => self.qualifier_before(&text[only.clone()], 0, only.start, kw_start),
            [first @ .., last] => {
                let mut joined = self.scratch.window.take();
                joined.clear();
                for r in first {
                    joined.push_str(&text[r.clone()]);
                    joined.push('\n');
                }
                let at = joined.len();
                joined.push_str(&text[last.clone()]);
                let found = self.qualifier_before(&joined, at, last.start, kw_start);
                self.scratch.window.set(joined);
                found
            }
        }
    }

    /// [`Scanner::look_back`] on the running text before the keyword at `kw_start`: `window`,
    /// whose part from `last_from` on is the text from `from` to the keyword.
    fn qualifier_before(
        &self,
        window: &str,
        last_from: usize,
        from: usize,
        kw_start: usize,
    ) -> (Option<BodyName>, bool, usize) {
        let text = self.text;
        // A window offset as a text offset: inside the last piece, or where the running text
        // resumes after the furniture and footnotes (`General` / header / `Assembly resolution`).
        let start_at = |p: usize| {
            if p >= last_from {
                from + (p - last_from)
            } else {
                let resumed = text[from..kw_start].trim_start_matches(is_space);
                kw_start - resumed.len()
            }
        };
        let trimmed = window.trim_end_matches(is_space);
        // Most keywords follow a word that ends no possessive or body name (`Recalling
        // resolution`): the window is not lower-cased and searched for them.
        if !may_end_qualifier(trimmed, self.table) {
            return (None, false, kw_start);
        }
        // Lower-cased into a buffer kept for the next keyword.
        let mut lower = self.scratch.lower.take();
        script::to_lowercase_into(trimmed, &mut lower);
        let found = if lower.len() != trimmed.len() {
            // Lower-casing changed byte lengths; qualifiers are then not looked for.
            (None, false, kw_start)
        } else if let Some(p) = ends_with_any(&lower, self.table.possessives) {
            // `the Security Council, in its resolution`: the possessive is that body's.
            let before = lower[..p].trim_end_matches(is_space);
            let body = ends_with_any(before, self.table.possessive_glue).and_then(|g| {
                let b2 = lower[..g].trim_end_matches(|c: char| is_space(c) || c == ',');
                ends_with_body(b2, self.table.bodies_before)
            });
            match body {
                Some((body, s)) => {
                    let body = self.named_body(body, &lower[..s], kw_start);
                    (body, body.is_none(), start_at(p))
                }
                None => (None, true, start_at(p)),
            }
        } else if let Some((body, s)) = ends_with_body(&lower, self.table.bodies_before) {
            match self.named_body(body, &lower[..s], kw_start) {
                Some(body) => (Some(body), false, start_at(s)),
                None => (None, false, kw_start),
            }
        } else {
            (None, false, kw_start)
        };
        self.scratch.lower.set(lower);
        found
    }

    /// A commission named after a reference at `pos` by a phrase that ends with the bare word
    /// at `e` (`of the Commission`): the name it goes on into (`... Commission on the Status of
    /// Women`), else the commission referred back to ([`Scanner::named_body`]); with where the
    /// phrase ends.
    fn commission_after(&self, e: usize, pos: usize) -> (Option<BodyName>, usize) {
        let text = self.text;
        let named = self
            .table
            .bodies_after
            .iter()
            .filter(|(_, b)| *b == BodyName::Commission)
            .filter_map(|(w, _)| w.rsplit(' ').next())
            .filter_map(|bare| {
                let q = floor_boundary(text, e.checked_sub(bare.len())?);
                (eat_word(text, q, bare) == Some(e)).then_some(q)
            })
            .find_map(|q| eat_body(text, q, self.table.bodies_before))
            .filter(|(b, end)| *end > e && *b != BodyName::Commission);
        match named {
            Some((b, end)) => (Some(b), end),
            None => (self.named_body(BodyName::Commission, "", pos), e),
        }
    }

    /// A body name as read before or after a reference at `pos`, with the lower-cased text
    /// just before the name (`before`): "the Commission" without a name is the commission
    /// named last before it (`those of the Commission on Human Rights ..., in particular
    /// Commission resolution 1998/72`), the citing document's own when none is named, and no
    /// id otherwise; `Sub-Commission` is not that word.
    fn named_body(&self, body: BodyName, before: &str, pos: usize) -> Option<BodyName> {
        if body != BodyName::Commission {
            return Some(body);
        }
        if before.ends_with('-') {
            return None;
        }
        Some(
            hooks::last_commission(self.text, pos, self.table)
                .or(match &self.ctx.citing_body {
                    Some(Body::CHR) => Some(BodyName::CHR),
                    Some(Body::Series(s)) => self.table.bodies_before.iter().find_map(|(_, b)| {
                        matches!(b, BodyName::Series(x) if x == s).then_some(*b)
                    }),
                    _ => None,
                })
                .unwrap_or(BodyName::Foreign),
        )
    }

    /// Whether page furniture or footnotes stand between `from` and `to`: whole lines, so only
    /// a stretch with a line break is looked up.
    fn interrupted(&self, from: usize, to: usize) -> bool {
        self.text
            .as_bytes()
            .get(from..to)
            .is_some_and(|b| memchr::memchr(b'\n', b).is_some())
            && !self.ctx.layout.interruptions(from, to).is_empty()
    }

    /// Skips white space, page furniture and footnote blocks that interrupt the running text.
    fn skip_ws(&self, pos: usize) -> usize {
        self.ctx.layout.skip_space_at(self.text, pos)
    }

    /// Reads what follows an item: date connectors with a date, and body qualifiers.
    fn tail(&self, item: Item) -> Parsed {
        let item = self.two_digit_marker(item);
        let text = self.text;
        let mut end = item.end;
        let mut date = None;
        let mut body_after = None;
        let mut broken_at = None;
        let mut designated_at = None;
        for _ in 0..3 {
            // A footnote marker glued to a number cut before it (`54/3340 of`: 54/33, note 40).
            let mut p = self.skip_ws(skip_marker(text, end));
            if let Some(c) = text[p..].chars().next().filter(|c| script::is_comma(*c)) {
                p = self.skip_ws(p + c.len_utf8());
            }
            // A page break before what follows: the mention's text ends before it.
            let gap = self.interrupted(end, p).then_some(end);
            // Each step reads one piece: where it ends, and where a page break inside a date
            // broke its text.
            let step: Option<(usize, Option<usize>)> = 'step: {
                if date.is_none()
                    && let Some(found) = self.connector_date(p)
                {
                    date = Some(found.0);
                    break 'step Some((found.1, found.2));
                }
                // `423 (1978) of 14 March, 424 (1978) of 17 March`: the year is the item's own.
                if date.is_none()
                    && let Form::Old {
                        session: OldSession::Year(year),
                        ..
                    } = item.form
                    && let Some((d, e)) = self.date_in_year(p, year)
                {
                    date = Some(d);
                    break 'step Some((e, None));
                }
                if body_after.is_none()
                    && let Some((b, e)) = eat_body(text, p, self.table.bodies_after)
                {
                    let (b, e) = match b {
                        BodyName::Commission => self.commission_after(e, item.start),
                        b => (Some(b), e),
                    };
                    body_after = b;
                    break 'step Some((e, None));
                }
                // `45/248 B, section VI, of 21 December 1990`: a part of the resolution, then
                // its date.
                if date.is_none()
                    && let Some(e) = self.designation_before_date(p)
                {
                    break 'step Some((e, None));
                }
                // `52/214, sect. C, para. 3; 55/222, ...`: designations of parts of the item,
                // then the next item. The mention ends before them.
                if let Some(e) = self.designations_before_item(p) {
                    designated_at.get_or_insert(end);
                    break 'step Some((e, None));
                }
                // `du Conseil`, `Совета`: the citing council, with the date that may follow.
                if let Some((b, e)) = self.council_word(p) {
                    body_after = body_after.or(b);
                    break 'step Some((e, None));
                }
                None
            };
            let Some((e, inside)) = step else {
                break;
            };
            broken_at = broken_at.or(gap).or(inside);
            end = e;
        }
        Parsed {
            item,
            date,
            body_after,
            end,
            text_end: broken_at.or(designated_at).unwrap_or(end),
        }
    }

    /// An item whose number was cut before a glued footnote marker of one digit (`77/2285`:
    /// 77/228 and note 5, as [`parse_item`] reads it) when the marker has two (`55/2831` is
    /// 55/28 and note 31): the two-digit note stands in the footnotes of the page, the one-digit
    /// note does not.
    fn two_digit_marker(&self, mut item: Item) -> Item {
        let bytes = self.text.as_bytes();
        let e = item.end;
        let Form::Session { number, .. } = &mut item.form else {
            return item;
        };
        let (Some(&d1), Some(&d2)) = (bytes.get(e.wrapping_sub(1)), bytes.get(e)) else {
            return item;
        };
        if !(d1.is_ascii_digit() && d2.is_ascii_digit()) || *number < 100 || !item.parts.is_empty()
        {
            return item;
        }
        let one = u32::from(d2 - b'0');
        let two = u32::from(d1 - b'0') * 10 + one;
        let layout = self.ctx.layout;
        if d1 != b'0'
            && layout.footnote_follows(self.text, e, two)
            && !layout.footnote_follows(self.text, e, one)
        {
            *number /= 10;
            item.end -= 1;
        }
        item
    }

    /// A Human Rights Council number cut before a glued footnote marker (`Human Rights Council
    /// resolution 55/197`: 55/19 and note 7): the Council adopts well under a hundred
    /// resolutions a session, so a three-digit number of it whose last digit is a note of the
    /// page holds the marker (unless its last two digits are a note there too: which marker
    /// it is, is then unclear).
    fn council_marker(&self, mut item: Item, body: Option<BodyName>) -> Item {
        let named = item.prefix.map(|(_, b)| b).or(body);
        if named != Some(BodyName::HRC) || !item.parts.is_empty() {
            return item;
        }
        let Form::Session { number, .. } = &mut item.form else {
            return item;
        };
        let note = *number % 10;
        let text = self.text;
        if *number >= 100
            && note > 0
            && text.as_bytes().get(item.end.wrapping_sub(1)) == Some(&(b'0' + note as u8))
            && self.ctx.layout.footnote_follows(text, item.end, note)
            && !self
                .ctx
                .layout
                .footnote_follows(text, item.end, *number % 100)
        {
            *number /= 10;
            item.end -= 1;
        }
        item
    }

    /// A date connector and a day and month without a year at `p`, for an item whose year is
    /// known (`423 (1978) of 14 March`): the date in that year and where it ends.
    fn date_in_year(&self, p: usize, year: u32) -> Option<(NaiveDate, usize)> {
        let text = self.text;
        self.table.date_connectors.iter().find_map(|w| {
            let q = self.skip_ws(eat_word(text, p, w)?);
            let (day, month, y, e) = date::day_month_at(text, q, self.ctx.lang)?;
            if y.is_some() {
                return None;
            }
            Some((
                NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?,
                e,
            ))
        })
    }

    /// A designation of a part of the item at `p` (`section VI`, `sect. XI`, `para. 3`) that a
    /// date follows (after a comma): where the designation ends.
    fn designation_before_date(&self, p: usize) -> Option<usize> {
        let text = self.text;
        let e = eat_any(text, p, self.table.paragraph_words)?;
        let d = skip_hspace(text, e);
        let len = text[d..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 || len > 8 {
            return None;
        }
        let end = d + len;
        let mut q = self.skip_ws(end);
        if let Some(c) = text[q..].chars().next().filter(|c| script::is_comma(*c)) {
            q = self.skip_ws(q + c.len_utf8());
        }
        self.connector_date(q).map(|_| end)
    }

    /// Designations of parts of the item at `p` (`sect. C, para. 3`, `sect. V, paras. 61–76`),
    /// when a list separator and another item follow them (`; 55/222, ...`): where the last
    /// designation ends.
    fn designations_before_item(&self, p: usize) -> Option<usize> {
        let text = self.text;
        // A designation's value: a number, letter or numeral, or a range of them (`61–76`).
        let value = |q: usize| {
            let len = |at: usize| {
                text[at..]
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()
            };
            let n = len(q);
            if n == 0 || n > 8 {
                return None;
            }
            let mut e = q + n;
            if let Some(c) = text[e..].chars().next().filter(|c| matches!(c, '-' | '–')) {
                let m = len(e + c.len_utf8());
                if (1..=8).contains(&m) {
                    e += c.len_utf8() + m;
                }
            }
            Some(e)
        };
        let mut q = p;
        let mut end = None;
        while let Some(w) = eat_any(text, q, self.table.paragraph_words) {
            let Some(e) = value(skip_hspace(text, w)) else {
                break;
            };
            end = Some(e);
            let r = self.skip_ws(e);
            match text[r..].chars().next().filter(|c| script::is_comma(*c)) {
                Some(c) => q = self.skip_ws(r + c.len_utf8()),
                None => break,
            }
        }
        let end = end?;
        self.separator(end).map(|_| end)
    }

    /// A date connector and its date at `p`: the date, where it ends, and where its text
    /// breaks off when a page break stands inside it ([`Scanner::date_across_break`]).
    fn connector_date(&self, p: usize) -> Option<(NaiveDate, usize, Option<usize>)> {
        let text = self.text;
        let mut best: Option<(NaiveDate, usize, Option<usize>)> = None;
        for w in self.table.date_connectors {
            if let Some(e) = eat_word(text, p, w).or_else(|| eat_word_before_digit(text, p, w)) {
                let q = self.skip_ws(e);
                // A page break between connector and date: the text ends before it.
                let broken = self.interrupted(e, q).then_some(e);
                let found = date::date_at(text, q, self.ctx.lang)
                    .map(|d| (d.date, d.end, broken))
                    .or_else(|| {
                        self.date_across_break(q)
                            .map(|(d, end, at)| (d, end, Some(at)))
                    });
                if let Some(d) = found
                    && best.is_none_or(|b| d.1 > b.1)
                {
                    best = Some(d);
                }
            }
        }
        best
    }

    /// A date at `q` broken by a page break: `of 29 June` / footnotes, running header, page
    /// number / `2007, 64/269 of ...`. The day and month end their line, the furniture is
    /// stepped over, and the year (or the rest of the date) opens the running text again.
    /// Returns the date, where it ends after the break, and where its line ends before it.
    fn date_across_break(&self, q: usize) -> Option<(NaiveDate, usize, usize)> {
        let text = self.text;
        if !text.as_bytes().get(q).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        // Only the tail of a line: a date is short.
        let window = &text[q..floor_boundary(text, (q + 40).min(text.len()))];
        let line_end = q + window.find('\n')?;
        let head = text[q..line_end].trim_end_matches(is_space);
        if head.is_empty() || !head.starts_with(script::is_digit) {
            return None;
        }
        let plain = line_end
            + (text.len() - line_end - text[line_end..].trim_start_matches(is_space).len());
        let resumed = self.skip_ws(line_end);
        if resumed == plain {
            return None;
        }
        let tail = &text[resumed..floor_boundary(text, (resumed + 24).min(text.len()))];
        let joined = format!("{head} {tail}");
        let d = date::date_at(&joined, 0, self.ctx.lang)?;
        // The date must reach past the break (else it would have been read before it).
        let after = d.end.checked_sub(head.len() + 1).filter(|n| *n > 0)?;
        Some((d.date, resumed + after, q + head.len()))
    }

    /// A list separator at `pos`: comma or `and`-word, possibly followed by a new keyword. Returns
    /// `None` when the list ends here.
    fn separator(&self, pos: usize) -> Option<Separator> {
        let text = self.text;
        // A footnote marker glued to the previous token (`20082`: 2008 and note 2).
        let mut p = self.spaced_marker(self.skip_ws(skip_marker(text, pos)));
        let mut seen = false;
        if let Some(c) = text[p..].chars().next()
            && (script::is_comma(c) || script::is_semicolon(c))
        {
            // `2014,4 32/21`: a marker glued to the comma.
            p = self.spaced_marker(self.skip_ws(skip_marker(text, p + c.len_utf8())));
            seen = true;
        }
        if let Some(e) = hooks::eat_and(text, p, self.table) {
            p = self.skip_ws(e);
            seen = true;
        }
        if !seen {
            return None;
        }
        // A new keyword may follow, with its own qualifiers.
        let q = {
            let mut q = p;
            if let Some(e) = eat_any(text, q, self.table.possessives) {
                q = self.skip_ws(e);
            }
            if let Some((_, e)) = eat_body(text, q, self.table.bodies_before) {
                q = self.skip_ws(e);
            }
            q
        };
        // The longest keyword of either kind.
        let keyword = eat_any(text, q, self.table.resolution_words)
            .max(eat_any(text, q, self.table.decision_words))
            .filter(|&e| abbreviation_apart(text, q, e));
        if let Some(e) = keyword {
            let after = self.after_keyword(e);
            parse_item(text, after, self.table)?;
            return Some(Separator {
                start: p,
                end: after,
                keyword: Some((hooks::fold_keyword(&text[q..e]), q, e)),
            });
        }
        parse_item(text, p, self.table)?;
        Some(Separator {
            start: p,
            end: p,
            keyword: None,
        })
    }

    /// Where the list of the keyword ending at `kw_end` starts after a description of its
    /// resolutions and a lead-in word (`resolutions related to culture and sustainable
    /// development, in particular 41/187 of ...`, `resolutions on the follow-up to ...,
    /// including 78/177 of ...`). The description stays within its sentence and 250 bytes: a
    /// semicolon, colon, full stop, paragraph break or another keyword ends it, and the list
    /// starts at its first digit.
    fn lead_in(&self, kw_end: usize) -> Option<usize> {
        let text = self.text;
        let table = self.table;
        if table.lead_in_words.is_empty() {
            return None;
        }
        // Most keywords without a number stand in running text: one pass over the bytes to
        // the first digit or end of sentence settles them.
        let bytes = text.as_bytes();
        let limit = (kw_end + 250).min(bytes.len());
        let window = &bytes[kw_end..limit];
        let mut digit = None;
        // Only the bytes that may stop the reading are looked at ([`stops`]).
        for k in crate::scan::Positions::new(window, stops::LeadInStops, b' ') {
            match window[k] {
                b'0'..=b'9' => {
                    digit = Some(kw_end + k);
                    break;
                }
                b';' | b':' | b'.' => return None,
                // The Arabic semicolon (U+061B).
                0x9B if bytes[kw_end + k - 1] == 0xD8 => return None,
                // A paragraph break: another line break after white space only.
                b'\n' => {
                    let rest = &window[k + 1..];
                    let blank = rest
                        .iter()
                        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
                        .count();
                    if rest.get(blank) == Some(&b'\n') {
                        return None;
                    }
                }
                _ => {}
            }
        }
        let digit = digit?;
        // The lead-in word ends right before the digit (a comma and spaces between).
        let before = text[kw_end..digit].trim_end_matches(is_space);
        let before = before
            .strip_suffix(script::is_comma)
            .unwrap_or(before)
            .trim_end_matches(is_space);
        // An article after the lead-in word (`en particulier les 41/187`).
        let before = table
            .lead_in_articles
            .iter()
            .find_map(|a| {
                let at = before.len().checked_sub(a.len())?;
                let word = before.get(at..)?;
                let spaced = before[..at].chars().next_back().is_some_and(is_space);
                (spaced && word.chars().flat_map(char::to_lowercase).eq(a.chars()))
                    .then(|| before[..at].trim_end_matches(is_space))
            })
            .unwrap_or(before);
        let word_start = table.lead_in_words.iter().find_map(|w| {
            let at = before.len().checked_sub(w.len())?;
            let tail = before.get(at..)?;
            let boundary = before[..at]
                .chars()
                .next_back()
                .is_none_or(|c| is_space(c) || script::is_comma(c));
            (boundary && tail.chars().flat_map(char::to_lowercase).eq(w.chars()))
                .then_some(kw_end + at)
        })?;
        // No other keyword in the description: it would govern the list itself.
        let keyword_inside = text[kw_end..word_start]
            .char_indices()
            .filter(|(k, c)| {
                !is_space(*c)
                    && text[..kw_end + k]
                        .chars()
                        .next_back()
                        .is_some_and(|p| is_space(p) || script::is_comma(p))
            })
            .any(|(k, _)| {
                eat_any(text, kw_end + k, table.resolution_words).is_some()
                    || eat_any(text, kw_end + k, table.decision_words).is_some()
            });
        (!keyword_inside).then_some(digit)
    }

    /// The separator after a description of the list item that ends at `pos` (`on the
    /// Convention on Cluster Munitions`, `, entitled “The future we want”,`), when the item
    /// after it has the item's `numbering` and is `dated` as it is: a number of the same kind in
    /// the same sentence goes on the list (`63/71 of 2 December 2008 on ... and 70/54 of ...`,
    /// `5/1 on institution-building of the Council and 5/2 on ...`), another does not. The
    /// description is bounded (400 bytes, a quoted title whole) and ends at a semicolon, a
    /// colon, a full stop, a paragraph break, a keyword or a numbered reference.
    fn after_description(
        &self,
        pos: usize,
        numbering: Numbering,
        dated: bool,
    ) -> Option<Separator> {
        let text = self.text;
        let table = self.table;
        if table.description_words.is_empty() {
            return None;
        }
        // A footnote marker may be glued to the date (`7 July 202512 on the safety of ...`).
        let mut p = self.spaced_marker(self.skip_ws(skip_marker(text, pos)));
        if let Some(c) = text[p..].chars().next().filter(|c| script::is_comma(*c)) {
            p = self.spaced_marker(self.skip_ws(skip_marker(text, p + c.len_utf8())));
        }
        let from = eat_any(text, p, table.description_words)?;
        let bytes = text.as_bytes();
        let limit = floor_boundary(text, (from + 400).min(text.len()));
        // The first bytes of the keywords, in either case: a keyword inside the description
        // ends it (`..., and resolution 45/95`, `as well as Council resolutions 2019/15`).
        let mut keyword_first = [false; 256];
        for w in table.resolution_words.iter().chain(table.decision_words) {
            if let Some(&b) = w.as_bytes().first() {
                keyword_first[usize::from(b)] = true;
                keyword_first[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        // ASCII white space or punctuation before a place: a word starts there (a lead byte
        // of another script after a letter of it is no word start; such words are not read).
        let starts_word =
            |q: usize| q == 0 || (bytes[q - 1].is_ascii() && !bytes[q - 1].is_ascii_alphanumeric());
        // The bytes the scan stops at; the others (most letters and spaces) are passed over
        // in a tight loop.
        let mut stop = keyword_first;
        for b in [
            b'"', 0xE2, 0xC2, 0xEF, 0xE3, b';', b':', b'.', b'\n', b',', b'E', b'S',
        ] {
            stop[usize::from(b)] = true;
        }
        for b in b'0'..=b'9' {
            stop[usize::from(b)] = true;
        }
        let mut commas: Vec<usize> = Vec::new();
        let mut q = from;
        while q < limit {
            while q < limit && !stop[usize::from(bytes[q])] {
                q += 1;
            }
            if q >= limit {
                break;
            }
            let rest = &bytes[q..limit];
            let b = rest[0];
            // A quoted title is passed over whole.
            let quote: Option<(usize, &[u8])> = if rest.starts_with("“".as_bytes()) {
                Some(("“".len(), "”".as_bytes()))
            } else if rest.starts_with("«".as_bytes()) {
                Some(("«".len(), "»".as_bytes()))
            } else if rest.starts_with("„".as_bytes()) {
                Some(("„".len(), "“".as_bytes()))
            } else if b == b'"' {
                Some((1, b"\""))
            } else {
                None
            };
            if let Some((open, close)) = quote {
                let inside = &bytes[q + open..limit];
                q = memchr::memmem::find(inside, close)
                    .map_or(limit, |i| q + open + i + close.len());
                continue;
            }
            let ends = match b {
                b';' | b':' => true,
                b'.' => rest.get(1).is_none_or(|n| n.is_ascii_whitespace()),
                b'\n' => rest[1..]
                    .iter()
                    .find(|x| !matches!(x, b' ' | b'\t' | b'\r'))
                    .is_some_and(|x| *x == b'\n'),
                _ => {
                    rest.starts_with("；".as_bytes())
                        || rest.starts_with("：".as_bytes())
                        || rest.starts_with("。".as_bytes())
                }
            };
            if ends {
                return None;
            }
            if b == b',' {
                commas.push(q);
            } else if keyword_first[usize::from(b)]
                && starts_word(q)
                && text.is_char_boundary(q)
                && (eat_any(text, q, table.resolution_words).is_some()
                    || eat_any(text, q, table.decision_words).is_some())
            {
                // The keyword of the next item of the enumeration, right after the description's
                // last comma (`..., entitled “...”,13 resolution 27/3 of 18 May 2018`), goes on
                // the list when that item is dated and numbered alike; any other ends it.
                let last = commas.last().copied()?;
                let between = &bytes[last + 1..q];
                if !between
                    .iter()
                    .all(|c| c.is_ascii_whitespace() || c.is_ascii_digit())
                {
                    return None;
                }
                let sep = self.separator(last)?;
                let item = parse_item(text, sep.end, table)?;
                return (item.form.numbering() == numbering
                    && self.tail(item).date.is_some() == dated)
                    .then_some(sep);
            } else if (b.is_ascii_digit() || rest.starts_with(b"ES-") || rest.starts_with(b"S-"))
                && starts_word(q)
            {
                // A numbered reference ends the description: it goes on the list when it has
                // the item's form and a date and a separator stands before it.
                let Some(item) = parse_item(text, q, table) else {
                    q += 1;
                    continue;
                };
                if matches!(item.form, Form::Bare(_)) {
                    q = item.end.max(q + 1);
                    continue;
                }
                if item.form.numbering() != numbering || self.tail(item).date.is_some() != dated {
                    return None;
                }
                // The separator: after the last comma, or an `and`-word just before.
                let near = floor_boundary(text, q.saturating_sub(24).max(from));
                let tries = commas
                    .last()
                    .copied()
                    .into_iter()
                    .chain((near..q).filter(|&i| text.is_char_boundary(i) && starts_word(i)));
                for s in tries {
                    if let Some(sep) = self.separator(s)
                        && sep.keyword.is_none()
                        && sep.end == q
                    {
                        return Some(sep);
                    }
                }
                return None;
            }
            q += 1;
        }
        None
    }

    /// A footnote marker that PDF text sets apart with spaces (`77/228 5 and`, `2011, 1 19/25`,
    /// `”, 16 resolution 33/1`): 1-3 digits, then a comma, an `and`-word, a numbered item, or a
    /// keyword with its item. Returns where the list goes on.
    fn spaced_marker(&self, p: usize) -> usize {
        let text = self.text;
        let q = skip_marker(text, p);
        if q == p || !text[q..].starts_with(is_space) {
            return p;
        }
        let r = self.skip_ws(q);
        let numbered = |at: usize| {
            parse_item(text, at, self.table).is_some_and(|i| !matches!(i.form, Form::Bare(_)))
        };
        let keyword = || {
            eat_any(text, r, self.table.resolution_words)
                .max(eat_any(text, r, self.table.decision_words))
                .is_some_and(|e| numbered(self.after_keyword(e)))
        };
        let goes_on = text[r..].starts_with(|c: char| script::is_comma(c))
            || hooks::eat_and(text, r, self.table).is_some()
            || numbered(r)
            || keyword();
        if goes_on { r } else { p }
    }

    fn flush_segment(
        &mut self,
        segment: &mut Vec<(Parsed, usize)>,
        kind: Kind,
        pre_body: Option<BodyName>,
        possessive: bool,
    ) {
        let trailing = segment.last().and_then(|(p, _)| p.body_after);
        for (parsed, span_start) in segment.drain(..) {
            let explicit = parsed
                .item
                .prefix
                .map(|(_, b)| b)
                .or(parsed.body_after)
                .or(pre_body)
                .or(trailing);
            let kind = parsed.item.prefix.map(|(k, _)| k).unwrap_or(kind);
            // The footnotes and furniture a reference steps over are not covered by it: the
            // symbols in them are read on their own.
            let mut from = span_start;
            // Only a reference over a line break can step over anything.
            let hops = if memchr::memchr(b'\n', &self.text.as_bytes()[span_start..parsed.text_end])
                .is_some()
            {
                self.ctx.layout.interruptions(span_start, parsed.text_end)
            } else {
                &[]
            };
            for hop in hops {
                if hop.start > from {
                    self.covered.push((from, hop.start));
                }
                from = from.max(hop.end);
            }
            self.covered.push((from, parsed.text_end));
            self.push_resolved(&parsed, kind, explicit, possessive, span_start);
        }
    }

    /// Turns an item into symbols (several for a list of parts), written over `out` (emptied
    /// first: the callers lend it from one item to the next).
    fn resolve(
        &self,
        item: &Item,
        kind: Kind,
        explicit: Option<BodyName>,
        possessive: bool,
        date: Option<NaiveDate>,
        out: &mut Vec<Symbol>,
    ) {
        out.clear();
        if matches!(explicit, Some(BodyName::Foreign | BodyName::Commission)) {
            return;
        }
        // "the Council": which council the numbering says (`N/N` the Human Rights Council,
        // `YYYY/N` the Economic and Social Council, `N (YYYY)` the Security Council).
        let explicit = match explicit {
            Some(BodyName::Council) => Some(match item.form {
                Form::Session {
                    session: SessionNo::Regular(s),
                    ..
                } if s >= 1946 => BodyName::ECOSOC,
                Form::Session { .. } => BodyName::HRC,
                Form::Old {
                    session: OldSession::Roman(_),
                    ..
                } => BodyName::ECOSOC,
                _ => BodyName::SC,
            }),
            other => other,
        };
        // Borrowed: a series body's name is a string, cloned only where a possessive takes it.
        let citing = self.ctx.citing_body.as_ref();
        let body = match (explicit, possessive) {
            (Some(b), _) => Some(b.body()),
            (None, true) => citing.cloned(),
            _ => None,
        };
        resolve_item(item, kind, body, explicit.is_some(), citing, date, out);
    }

    // ---- pass 2: self-identifying forms ----

    fn standalone_pass(&mut self) {
        let text = self.text;
        let patterns = compiled(self.ctx.lang);
        let Some(c) = patterns.as_ref().as_ref() else {
            return;
        };
        // The spans found here join `covered` after the pass: `is_covered` needs it sorted, and a
        // match early in the text would otherwise land after the later lists' spans.
        let mut found = Vec::new();
        // The pattern has no boundary group in front (it would slow the search down); the
        // character before the number is checked here.
        for (m_start, m_end) in paren_matches_in(&c.standalone, self.table, text, self.ranges) {
            // The leftmost match may start at an earlier number whose words run on into this
            // parenthesis (`of 20 June, 193 (1964)`): each number before it is tried in turn.
            let Some(item) = std::iter::once(m_start)
                .chain(number_starts(text, m_start + 1, m_end))
                .filter(|&s| !glued_before(text, s) && !self.is_covered(s))
                .find_map(|s| {
                    parse_item(text, s, self.table)
                        .filter(|i| matches!(i.form, Form::Old { .. }) && i.end <= m_end)
                })
            else {
                continue;
            };
            let Form::Old { number, session } = item.form else {
                continue;
            };
            let confirmed = match session {
                OldSession::Year(y) => match known::sc_year(number) {
                    Some(k) => k == y,
                    None => {
                        let last = known::sc_last_known();
                        let last_year = known::sc_year(last).unwrap_or(2022);
                        number > last && (last_year..=2100).contains(&y)
                    }
                },
                OldSession::Roman(r) => match r.kind {
                    // The session ranges are derived from sparse evidence: a neighbouring
                    // session is close enough.
                    SessionKind::Regular => {
                        known::ga_old_session(number).is_some_and(|s| s.abs_diff(r.number) <= 1)
                    }
                    _ => true,
                },
            };
            if !confirmed {
                continue;
            }
            let parsed = self.tail(item);
            let start = parsed.item.start;
            let explicit = parsed.body_after;
            self.push_resolved(&parsed, Kind::Resolution, explicit, false, start);
            found.push((start, parsed.text_end));
        }
        self.covered.extend(found);
    }

    // ---- pass 3: document symbols ----

    fn symbol_pass(&mut self) {
        let text = self.text;
        for (m_start, m_end) in slash_matches_in(text, self.ranges) {
            let glued = glued_before(text, m_start);
            if glued || self.is_covered(m_start) {
                continue;
            }
            let written = &text[m_start..m_end];
            // A resolution or decision written as a symbol.
            if ACT_PREFIXES.iter().any(|(p, _, _)| written.starts_with(p))
                || commission_prefix(written).is_some()
            {
                if let Some(item) = parse_item(text, m_start, self.table) {
                    let parsed = self.tail(item);
                    let kind = parsed
                        .item
                        .prefix
                        .map(|(k, _)| k)
                        .unwrap_or(Kind::Resolution);
                    let explicit = parsed.item.prefix.map(|(_, b)| b);
                    let start = parsed.item.start;
                    self.push_resolved(&parsed, kind, explicit, false, start);
                }
                continue;
            }
            let mut documents = std::mem::take(&mut self.scratch.documents);
            document_symbols(text, m_start, m_end, self.table, &mut documents);
            for (sym, s, e) in documents.drain(..) {
                self.push(Symbol::Document(sym), None, s, e);
            }
            self.scratch.documents = documents;
        }
    }

    /// Pushes the symbols of a parsed reference ([`Scanner::resolve`]), from `start` to its
    /// text's end; the symbols' list is the scanner's, lent from one reference to the next.
    fn push_resolved(
        &mut self,
        parsed: &Parsed,
        kind: Kind,
        explicit: Option<BodyName>,
        possessive: bool,
        start: usize,
    ) {
        let mut symbols = std::mem::take(&mut self.scratch.symbols);
        self.resolve(
            &parsed.item,
            kind,
            explicit,
            possessive,
            parsed.date,
            &mut symbols,
        );
        for s in symbols.drain(..) {
            self.push(s, parsed.date, start, parsed.text_end);
        }
        self.scratch.symbols = symbols;
    }
}

/// The session an item's number belongs to, with its symbol prefix, and the number: items
/// that agree on the first were adopted in the same session. `None` for a bare number and for
/// a Security Council number (its year holds many meetings).
#[derive(PartialEq)]
enum SessionKey {
    Session(SessionNo, Option<(Kind, BodyName)>),
    Roman(RomanSession, Option<(Kind, BodyName)>),
}

fn session_key(item: &Item) -> Option<(SessionKey, u32)> {
    match item.form {
        Form::Session { session, number } => {
            Some((SessionKey::Session(session, item.prefix), number))
        }
        Form::Old {
            session: OldSession::Roman(r),
            number,
        } => Some((SessionKey::Roman(r, item.prefix), number)),
        Form::Old { .. } | Form::Bare(_) => None,
    }
}

/// Numbers further apart than this were not adopted at one meeting as a rule.
const SHARED_DATE_GAP: u32 = 5;

/// A date written once after several undated items of one session, numbered close together, is
/// theirs too, as UN texts cite resolutions adopted together (`resolutions 3201 (S-VI) and 3202
/// (S-VI) of 1 May 1974`, `71/31 and 71/32 of 5 December 2016`, `75/290 A and 75/290 B`). Items
/// of another session (`71/243 and 75/233 of 21 December 2020`), or numbered far apart within
/// one (`1514 (XV) and 1541 (XV) of 15 December 1960`: 1514 is of 14 December), keep no date.
/// `before`: the language writes the date before the items (Chinese: `1974年5月1日第3201(S-VI)和
/// 3202(S-VI)号决议`), so it is shared with the items after it. Security Council items share it
/// only where the table of Council resolutions confirms the day.
fn share_dates(segment: &mut [(Parsed, usize)], before: bool) {
    let n = segment.len();
    // Positions in the order the date is shared in: from the dated item away from the date.
    let at = |k: usize| if before { k } else { n - 1 - k };
    for i in 0..n {
        let Some(date) = segment[at(i)].0.date else {
            continue;
        };
        let Some((key, mut number)) = session_key(&segment[at(i)].0.item) else {
            continue;
        };
        for j in i + 1..n {
            let other = &mut segment[at(j)].0;
            let Some((k, m)) = session_key(&other.item) else {
                break;
            };
            if other.date.is_some() || k != key || m.abs_diff(number) > SHARED_DATE_GAP {
                break;
            }
            other.date = Some(date);
            number = m;
        }
    }
    // Security Council items: a year holds many meetings, so the date is shared only with the
    // items that the table of Council resolutions dates to that very day (`358 (1974) and
    // 359 (1974) of 15 August`).
    let council = |item: &Item| match item.form {
        Form::Old {
            number,
            session: OldSession::Year(_),
        } if item.prefix.is_none_or(|(_, b)| b == BodyName::SC) => Some(number),
        _ => None,
    };
    for i in 0..n {
        let Some(date) = segment[at(i)].0.date else {
            continue;
        };
        if council(&segment[at(i)].0.item).is_none() {
            continue;
        }
        for j in i + 1..n {
            let other = &mut segment[at(j)].0;
            match council(&other.item) {
                Some(m) if other.date.is_none() && crate::known::sc_date(m) == Some(date) => {
                    other.date = Some(date);
                }
                _ => break,
            }
        }
    }
}

struct Separator {
    start: usize,
    end: usize,
    /// A new keyword ([`hooks::fold_keyword`]) and where it stands.
    keyword: Option<(String, usize, usize)>,
}

/// Whether a keyword at `start..end` that is an abbreviation (`res.`, as catalogues and
/// footnotes write `GA res. 33/182 A`) stands apart: white space after it, and no slash before it
/// (`UNEP/EA.4/Res.1` and `CM/Res.1153` are symbols). Other keywords always do.
fn abbreviation_apart(text: &str, start: usize, end: usize) -> bool {
    !text[..end].ends_with('.')
        || (text[end..].starts_with(char::is_whitespace) && !text[..start].ends_with('/'))
}

/// Whether a session-numbered resolution of `body` can date from `year`.
fn session_fits(body: &Body, session: u32, year: u32) -> bool {
    match body {
        // Session n opens in September of 1945 + n and may adopt into the next year.
        Body::GA => (1945 + session..=1947 + session).contains(&year),
        // Two sessions in 2006-2007, then three a year from the seventh (March 2008).
        Body::HRC => {
            let est = if session < 7 {
                2006 + session / 4
            } else {
                2008 + (session - 7) / 3
            };
            est.abs_diff(year) <= 1
        }
        _ => true,
    }
}

/// The ends of a table's possessives and body names before a reference: the lower-cased run of
/// letters and digits each ends with, and the other characters that end one.
struct QualifierEnds {
    runs: rustc_hash::FxHashSet<String>,
    others: Vec<char>,
}

static QUALIFIER_ENDS: [OnceLock<QualifierEnds>; 7] = [const { OnceLock::new() }; 7];

/// The run of letters and digits at the end of `s` (empty when it ends otherwise).
fn trailing_run(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// Whether `window` (its end trimmed of white space) may end with one of the table's
/// possessives or body names before a reference: its last run of letters and digits, lower-
/// cased, ends one of them (a name that ends the window ends with its run: the character before
/// a name is no letter or digit), or its last character ends one.
fn may_end_qualifier(window: &str, table: &'static Table) -> bool {
    let i = Lang::ALL.iter().position(|l| *l == table.lang).unwrap_or(0);
    let ends = QUALIFIER_ENDS[i].get_or_init(|| {
        let words = table
            .possessives
            .iter()
            .copied()
            .chain(table.bodies_before.iter().map(|(w, _)| *w));
        let mut runs = rustc_hash::FxHashSet::default();
        let mut others = Vec::new();
        for w in words {
            let run = trailing_run(w);
            if run.is_empty() {
                others.extend(w.chars().last());
            } else {
                runs.insert(run.to_string());
            }
        }
        QualifierEnds { runs, others }
    });
    let Some(last) = window.chars().last() else {
        return false;
    };
    if !last.is_alphanumeric() {
        return ends
            .others
            .iter()
            .any(|c| *c == last || (is_apostrophe(*c) && is_apostrophe(last)));
    }
    let run = trailing_run(window);
    if run.is_ascii() && run.bytes().all(|b| !b.is_ascii_uppercase()) {
        ends.runs.contains(run)
    } else {
        ends.runs.contains(&run.to_lowercase())
    }
}

/// Whether two years differ by one slip of the keyboard: one digit changed, or two neighbouring
/// digits swapped (`2015` and `2025`, `2017` and `2107`).
fn one_key_apart(a: u32, b: u32) -> bool {
    let (a, b) = (a.to_string().into_bytes(), b.to_string().into_bytes());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// The earliest year in which session `session` of a session-numbered body can adopt anything.
fn session_opening(body: &Body, session: u32) -> u32 {
    match body {
        Body::GA => 1945 + session,
        // A year early, as `session_fits` allows.
        Body::HRC if session < 7 => 2005 + session / 4,
        Body::HRC => 2007 + (session - 7) / 3,
        _ => 0,
    }
}

/// Moves an inferred GA/HRC reference to the other body when only that one fits the date.
fn reconsider_body(body: Body, session: u32, year: u32) -> Body {
    let other = match body {
        Body::GA => Body::HRC,
        Body::HRC => Body::GA,
        _ => return body,
    };
    if !session_fits(&body, session, year) && session_fits(&other, session, year) {
        other
    } else {
        body
    }
}

/// The Human Rights Council holds special sessions since 2006, numbered like the Assembly's:
/// an inferred Assembly `S-29/1 of 12 February 2021` is the Council's (the Assembly's S-29 met
/// in 2014), an inferred Council `S-10/2` dated before 2006 the Assembly's.
fn special_session_body(body: Body, session: u32, year: u32) -> Body {
    const HRC_FIRST_YEAR: u32 = 2006;
    match body {
        Body::GA if year >= HRC_FIRST_YEAR => match known::ga_special_session_year(session) {
            Some(y) if y.abs_diff(year) <= 1 => Body::GA,
            _ => Body::HRC,
        },
        Body::HRC if year < HRC_FIRST_YEAR => Body::GA,
        _ => body,
    }
}

/// Whether the character before `pos` joins a match to a longer token (`x70/1`, `/A/78/1`,
/// `12345 (2000)`): the patterns have no boundary group in front, which would slow them down.
/// Where the numbers in `text[from..to]` start (a digit of any script after a character that is
/// none).
fn number_starts(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    let from = crate::layout::ceil_char(text, from);
    let piece = text.get(from..to).unwrap_or_default();
    let mut prev_digit = text
        .get(..from)
        .and_then(|t| t.chars().next_back())
        .is_some_and(script::is_digit);
    piece.char_indices().filter_map(move |(k, c)| {
        let digit = script::is_digit(c);
        let starts = digit && !prev_digit;
        prev_digit = digit;
        starts.then_some(from + k)
    })
}

fn glued_before(text: &str, pos: usize) -> bool {
    // Chinese sets symbols and numbers against its characters without a space (`见A/78/265`).
    text[..pos].chars().next_back().is_some_and(|c| {
        (c.is_alphanumeric() && !script::is_cjk(c)) || matches!(c, '/' | '.' | '-')
    })
}

/// A General Assembly resolution of the old numbering, `number part (session)`.
fn old_ga(kind: Kind, number: u32, part: Option<Part>, session: u32) -> Symbol {
    Symbol::Act {
        kind,
        body: Body::GA,
        number: Number::Roman {
            number,
            part,
            session: RomanSession {
                kind: SessionKind::Regular,
                number: session,
            },
        },
    }
}

/// A Security Council resolution `number (year)`.
fn sc(number: u32, year: u32) -> Symbol {
    Symbol::Act {
        kind: Kind::Resolution,
        body: Body::SC,
        number: Number::Year { number, year },
    }
}

/// The year of the id of Security Council resolution `number` written with `year`. The number
/// alone names the resolution; a year one off the known one is a slip of the text (a translation
/// writing `2122 (2014)` for the resolution of 2013), and the id follows the number so that every
/// language's citation joins the same node. `stats` lists each such mention. A year further off
/// is kept as written: the number may then be another body's.
fn written_sc_year(number: u32, year: u32) -> u32 {
    match known::sc_year(number) {
        Some(k) if k.abs_diff(year) == 1 => k,
        _ => year,
    }
}

/// Builds the symbols of one item once its kind and body are known.
fn resolve_item(
    item: &Item,
    kind: Kind,
    body: Option<Body>,
    explicit: bool,
    citing: Option<&Body>,
    date: Option<NaiveDate>,
    out: &mut Vec<Symbol>,
) {
    // One symbol without a part, or one for each part.
    let parts = item.parts.iter().map(|p| Some(*p));
    let unparted = item.parts.is_empty().then_some(None);
    for part in unparted.into_iter().chain(parts) {
        let sym = match item.form {
            Form::Session { session, number } => {
                let year_like = matches!(session, SessionNo::Regular(s) if s >= 1946);
                // General Assembly decisions are numbered from 301 in each session; a lower
                // "decision 15/4" belongs to another body (a treaty conference).
                let ga_like = matches!(body, Some(Body::GA) | None)
                    && !year_like
                    && citing.is_none_or(|b| *b != Body::HRC);
                let regular = matches!(session, SessionNo::Regular(_));
                if kind == Kind::Decision && ga_like && regular && number < 301 {
                    continue;
                }
                let body = match body.clone() {
                    Some(Body::SC) | None => {
                        if year_like {
                            Body::ECOSOC
                        } else {
                            match citing {
                                Some(b) if b.numbers_by_session() && !explicit => b.clone(),
                                _ => Body::GA,
                            }
                        }
                    }
                    Some(b) => b,
                };
                // A body inferred from the form is checked against the date the text gives:
                // `39/11 of 28 September 2018` cannot be the Assembly's 39th session (1984).
                let body = match (explicit, date, session) {
                    (false, Some(d), SessionNo::Regular(s)) => {
                        let year = d.year() as u32;
                        // Dated before the session (of either council or assembly) opened: it
                        // is another body's resolution (`79/8 of 19 May 2023` is ESCAP's).
                        if matches!(body, Body::GA | Body::HRC)
                            && year < session_opening(&Body::GA, s)
                            && year < session_opening(&Body::HRC, s)
                        {
                            continue;
                        }
                        // Dated long after the Assembly's session and outside the Council's:
                        // another body's too (`31/1 of 20 May 2022` is a commission's), unless
                        // the year is a slip of one key from the session's (`70/202 of 22
                        // December 2025`, `72/256 of 24 December 2107`).
                        if matches!(body, Body::GA | Body::HRC)
                            && year > 1947 + s
                            && !session_fits(&Body::HRC, s, year)
                            && !(1945 + s..=1947 + s).any(|y| one_key_apart(y, year))
                        {
                            continue;
                        }
                        reconsider_body(body, s, year)
                    }
                    (false, Some(d), SessionNo::Special(s)) => {
                        special_session_body(body, s, d.year() as u32)
                    }
                    _ => body,
                };
                // The Assembly numbers `session/number` only from its 31st session (1976): an
                // inferred `10/6` is another body's (a treaty conference's), which has no id here.
                if !explicit
                    && body == Body::GA
                    && matches!(session, SessionNo::Regular(s) if s < 31)
                {
                    continue;
                }
                Symbol::Act {
                    kind,
                    body,
                    number: Number::Session {
                        session,
                        number,
                        part,
                    },
                }
            }
            Form::Old {
                number,
                session: OldSession::Year(year),
            } => {
                // The Security Council adopts no numbered decisions: `decision 267 (2009)` is
                // another body's (a governing council's).
                if kind == Kind::Decision && !matches!(body, Some(Body::GA)) {
                    continue;
                }
                if matches!(body, Some(Body::GA))
                    && let Some(s) = known::ga_old_session(number)
                    && known::ga_session_year(s) <= year
                    && year <= known::ga_session_year(s) + 1
                {
                    old_ga(kind, number, part, s)
                } else {
                    sc(number, written_sc_year(number, year))
                }
            }
            Form::Old {
                number,
                session: OldSession::Roman(session),
            } => {
                let body = match body.clone() {
                    Some(Body::SC) | None => Body::GA,
                    Some(b) => b,
                };
                Symbol::Act {
                    kind,
                    body,
                    number: Number::Roman {
                        number,
                        part,
                        session,
                    },
                }
            }
            Form::Bare(number) => {
                let body = body.clone().or_else(|| citing.cloned());
                match body {
                    // The year comes from the table; a date in the text must agree with it.
                    Some(Body::SC) => match known::sc_year(number) {
                        Some(year) if date.is_none_or(|d| d.year() as u32 == year) => {
                            sc(number, year)
                        }
                        _ => continue,
                    },
                    // An old Assembly number: the session comes from the table, when the
                    // qualifier is explicit or the date given falls in that session.
                    Some(Body::GA) => match known::ga_old_session(number) {
                        Some(s)
                            if explicit
                                || date.is_some_and(|d| {
                                    session_fits(&Body::GA, s, d.year() as u32)
                                }) =>
                        {
                            old_ga(kind, number, part, s)
                        }
                        _ => continue,
                    },
                    _ => continue,
                }
            }
        };
        out.push(sym);
    }
}

/// Parses one item (`78/237`, `43/78 H`, `S-10/2`, `3411 A and B (XXX)`, `1325 (2000)`,
/// `S/RES/2334 (2016)`, a bare `1540`) starting exactly at `pos`.
fn parse_item(text: &str, pos: usize, table: &Table) -> Option<Item> {
    let start = pos;
    let mut p = pos;
    let mut prefix = None;
    let mut special = None;
    // Symbol prefixes and `S-`, `ES-` open with a letter: an item that opens with a digit (most
    // items, and every number the Chinese scan tries) has none of them.
    if !text.as_bytes().get(p).is_some_and(u8::is_ascii_digit) {
        for (pre, kind, body) in ACT_PREFIXES {
            if text[p..].starts_with(pre) {
                prefix = Some((*kind, *body));
                p += pre.len();
                break;
            }
        }
        if prefix.is_none()
            && let Some((series, len)) = commission_prefix(&text[p..])
        {
            prefix = Some((Kind::Resolution, BodyName::Series(series)));
            p += len;
        }
        for (pre, kind) in [
            ("ES-", SessionKind::Emergency),
            ("S-", SessionKind::Special),
        ] {
            if text[p..].starts_with(pre) {
                special = Some(kind);
                p += pre.len();
                break;
            }
        }
    }
    // The table's own words for a special session before the number (Arabic `دإ-10/2` for
    // S-10/2, `دإط-11/1` for ES-11/1), the longest first.
    if special.is_none()
        && !text.as_bytes().get(p).is_some_and(u8::is_ascii)
        && let Some((m, kind)) = table
            .session_markers
            .iter()
            .filter(|(_, k)| *k != SessionKind::Regular)
            .filter(|(m, _)| {
                text[p..]
                    .strip_prefix(m)
                    .is_some_and(|r| r.starts_with(['-', '\u{2011}']))
            })
            .max_by_key(|(m, _)| m.len())
    {
        special = Some(*kind);
        p += m.len();
        p += text[p..].chars().next().map_or(0, char::len_utf8);
    }
    let (n1, e1) = number_at(text, p)?;
    p = e1;
    if let Some(slash) = text[p..].chars().next().filter(|c| script::is_slash(*c)) {
        let (mut n2, mut e2) = number_at(text, p + slash.len_utf8())?;
        // A date connector may touch the number where a space was lost (`59/111of 6 December`).
        let letter_after = text
            .as_bytes()
            .get(e2)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80);
        let connector_glued = letter_after
            && table.date_connectors.iter().any(|w| {
                eat_word(text, e2, w).is_some_and(|e| {
                    text[e..].starts_with(is_space)
                        && text[skip_ws_plain(text, e)..].starts_with(|c: char| c.is_ascii_digit())
                })
            });
        // A Chinese word may touch the number (`第60/1号决议`).
        if !connector_glued
            && (text[e2..].starts_with(script::is_slash)
                || text[e2..].starts_with(|c: char| c.is_alphanumeric() && !script::is_cjk(c)))
        {
            // `12/05/2020`, `78/404/Add.1`, `78/237abc`: not a resolution number. A canonical id
            // may glue the part on (`43/78H`, `53/77AA`).
            let glued = text[e2..].chars().next().filter(|c| c.is_ascii_uppercase());
            let doubled = glued.is_some_and(|c| text[e2 + 1..].starts_with(c));
            let after = e2 + 1 + usize::from(doubled);
            let ok = glued.is_some()
                && !text[after..].starts_with(|c: char| c.is_alphanumeric() || c == '/');
            if !ok {
                return None;
            }
            let glued = glued.map(|c| {
                if doubled {
                    Part::doubled(c)
                } else {
                    Part::letter(c)
                }
            });
            let session = match special {
                Some(SessionKind::Special) => SessionNo::Special(n1),
                Some(SessionKind::Emergency) => SessionNo::Emergency(n1),
                _ => SessionNo::Regular(n1),
            };
            return Some(Item {
                start,
                end: after,
                form: Form::Session {
                    session,
                    number: n2,
                },
                parts: glued.into_iter().collect(),
                prefix,
            });
        }
        let session = match special {
            Some(SessionKind::Special) => SessionNo::Special(n1),
            Some(SessionKind::Emergency) => SessionNo::Emergency(n1),
            _ => SessionNo::Regular(n1),
        };
        // No body numbers a session's resolutions into the thousands: `77/2285` is 77/228 with
        // footnote marker 5 glued on.
        if special.is_none() && n1 <= 99 && n2 >= 1000 {
            n2 /= 10;
            e2 -= text[..e2].chars().next_back().map_or(0, char::len_utf8);
        }
        let (parts, end) = match parse_parts(text, e2, table) {
            Some((parts, end)) => (parts, end),
            None => (Vec::new(), e2),
        };
        return Some(Item {
            start,
            end,
            form: Form::Session {
                session,
                number: n2,
            },
            parts,
            prefix,
        });
    }
    if special.is_some() {
        return None;
    }
    let (parts, after_parts) = match parse_parts(text, p, table) {
        Some(x) => x,
        None => (Vec::new(), p),
    };
    if let Some((session, end)) =
        hooks::paren_session(text, skip_ws_plain(text, after_parts), table)
    {
        return Some(Item {
            start,
            end,
            form: Form::Old {
                number: n1,
                session,
            },
            parts,
            prefix,
        });
    }
    // A symbol names a number without its year or session only where the number alone is
    // unique: a Security Council resolution (`S/RES/1402`, as catalogues write it) or an old
    // Assembly one (`A/RES/1514`); the tables give the rest.
    if prefix.is_some_and(|(kind, body)| {
        kind != Kind::Resolution || !matches!(body, BodyName::SC | BodyName::GA)
    }) || (prefix.is_some() && {
        // The symbol goes on (`S/RES/1402/Add.1`, `A/RES/1514.2`): not this number alone.
        let rest = text[p..].trim_start_matches('.');
        text[p..].starts_with(|c: char| c.is_alphanumeric() || c == '/')
            || (rest.len() < text.len() - p && rest.starts_with(char::is_alphanumeric))
    }) {
        return None;
    }
    // `resolution 32 (1)`: a number with a parenthesis that is no session is not bare.
    if text[skip_ws_plain(text, p)..].starts_with(script::is_open_paren) {
        return None;
    }
    Some(Item {
        start,
        end: p,
        form: Form::Bare(n1),
        parts: Vec::new(),
        prefix,
    })
}

/// `E/CN.7/RES/`: a functional commission's resolution symbol; returns the series and length.
fn commission_prefix(s: &str) -> Option<(&'static str, usize)> {
    const SERIES: &[&str] = &[
        "E/CN.3", "E/CN.5", "E/CN.6", "E/CN.7", "E/CN.9", "E/CN.15", "E/CN.16", "E/CN.17",
        "E/CN.18",
    ];
    // Most symbols asked about are of no commission: one comparison rules them out.
    if !s.starts_with("E/CN.") {
        return None;
    }
    for series in SERIES {
        if let Some(rest) = s.strip_prefix(series)
            && rest.starts_with("/RES/")
        {
            return Some((series, series.len() + 5));
        }
    }
    None
}

/// Skips a footnote marker glued on at `pos`: one to three digits followed by white space,
/// punctuation or the end (not by `/`, which would make them a resolution number).
fn skip_marker(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut e = pos;
    while e < bytes.len() && bytes[e].is_ascii_digit() && e - pos < 4 {
        e += 1;
    }
    if e == pos || e - pos > 3 {
        return pos;
    }
    match text[e..].chars().next() {
        None => e,
        Some(c) if is_space(c) || matches!(c, ',' | ';' | '.' | ')') => e,
        _ => pos,
    }
}

/// A decimal number of 1-4 digits at `pos`, not glued to other digits or letters before it.
fn number_at(text: &str, pos: usize) -> Option<(u32, usize)> {
    // Full-width and Arabic-Indic digits count as digits (`１２６１`, `١٨٠٣`).
    let (n, len) = script::leading_number(text.get(pos..)?, 4)?;
    Some((n, pos + len))
}

fn skip_hspace(text: &str, pos: usize) -> usize {
    skip_spaces_where(text, pos, |c| c != '\n' && c != '\r')
}

/// Maps a part letter written with a Cyrillic look-alike to its Latin letter.
fn latin_part(c: char) -> Option<char> {
    let l = match c {
        'A'..='Z' => c,
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        _ => return None,
    };
    Some(l)
}

/// One part at `pos`, standing alone as a word: a letter (`H`), or a letter doubled (`AA`), as
/// parts are lettered past `Z`.
fn part_letter(text: &str, pos: usize) -> Option<(Part, usize)> {
    let c = text[pos..].chars().next()?;
    let l = latin_part(c)?;
    let mut e = pos + c.len_utf8();
    let mut part = Part::letter(l);
    if let Some(c2) = text[e..].chars().next()
        && latin_part(c2) == Some(l)
    {
        e += c2.len_utf8();
        part = Part::doubled(l);
    }
    match text[e..].chars().next() {
        None => Some((part, e)),
        // A Chinese word may touch the letter (`A和B`).
        Some(n) if (n.is_alphanumeric() && !script::is_cjk(n)) || n == '/' || n == '-' => None,
        Some('.') if text[e + 1..].starts_with(|c: char| c.is_alphanumeric()) => None,
        Some(_) => Some((part, e)),
    }
}

/// Part letters after a number: `H`, `A and B`, `A to D`, `A, B and C`, `A-D`.
fn parse_parts(text: &str, pos: usize, table: &Table) -> Option<(Vec<Part>, usize)> {
    let p = skip_hspace(text, pos);
    if p == pos && p < text.len() {
        // A part letter is separated from its number by a space (`43/78 H`), but for one glued
        // on before an old-style session, as canonical ids and some texts write it (`217A(III)`,
        // `377A (V)`).
        let glued = text[p..].chars().next().filter(char::is_ascii_uppercase);
        let before_session = glued.is_some_and(|c| {
            let rest = &text[p + 1..];
            let rest = rest.strip_prefix(c).unwrap_or(rest);
            // A Roman session (`(III)`, `(S-VI)`): a year is the Security Council's, whose
            // numbers have no parts (`70S (1991)` is an OCR error for 705).
            rest.trim_start_matches(' ')
                .strip_prefix('(')
                .is_some_and(|r| r.starts_with(['I', 'V', 'X', 'L', 'C', 'S', 'E']))
        });
        if !before_session {
            return None;
        }
    }
    let (first, mut end) = hooks::part_at(text, p, table)?;
    let mut parts = vec![first];
    loop {
        let q = skip_hspace(text, end);
        let (is_range, r) = if text[q..].starts_with(',') {
            (false, skip_hspace(text, q + 1))
        } else if text[q..].starts_with(['-', '–']) {
            (
                true,
                skip_hspace(text, q + text[q..].chars().next().map_or(1, char::len_utf8)),
            )
        } else if let Some(e) = eat_any(text, q, table.range_words) {
            (true, skip_hspace(text, e))
        } else if let Some(e) = hooks::eat_and(text, q, table) {
            (false, skip_hspace(text, e))
        } else {
            break;
        };
        let Some((l, e)) = hooks::part_at(text, r, table) else {
            break;
        };
        let last = *parts.last().unwrap_or(&l);
        if is_range && l.rank() > last.rank() {
            let mut p = last;
            while let Some(n) = p.next().filter(|n| n.rank() <= l.rank()) {
                parts.push(n);
                p = n;
            }
        } else if !is_range {
            parts.push(l);
        } else {
            break;
        }
        end = e;
    }
    Some((parts, end))
}

/// The pieces of a symbol match that a dash followed by a new series splits
/// (`A/77/895-S/2023/363`), as byte ranges of `raw`: read as their ends are found, without a
/// list of them (one for each of thousands of matches was an allocation).
fn series_pieces(raw: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let new_series = |i: usize| {
        let rest = &raw[i + 1..];
        let series_len = rest.bytes().take_while(|b| b.is_ascii_uppercase()).count();
        series_len > 0 && rest[series_len..].starts_with('/')
    };
    let mut piece_start = 0;
    let mut dashes = memchr::memchr_iter(b'-', raw.as_bytes());
    std::iter::from_fn(move || {
        if piece_start > raw.len() {
            return None;
        }
        let s = piece_start;
        // A dash right at a piece's start splits nothing.
        let e = dashes
            .by_ref()
            .find(|&i| i > s && new_series(i))
            .unwrap_or(raw.len());
        piece_start = e + 1;
        Some((s, e))
    })
}

/// Document symbols in the match `start..end`: splits double symbols, trims punctuation,
/// normalises suffixes, and adds `and Corr.1`-style siblings.
///
/// Written over `out` (emptied first), which the caller lends from one match to the next.
fn document_symbols(
    text: &str,
    start: usize,
    end: usize,
    table: &Table,
    out: &mut Vec<(String, usize, usize)>,
) {
    out.clear();
    let raw = &text[start..end];
    for (s, e) in series_pieces(raw) {
        let mut piece = raw[s..e].trim_end_matches(['.', '-', ',']);
        // `S/20976.57`: a footnote marker after a full stop; UN symbols put a dotted number only
        // after letters (`L.11`, `Rev.1`).
        let last = &piece[memchr::memrchr(b'/', piece.as_bytes()).map_or(0, |i| i + 1)..];
        if let Some((a, b)) = last.split_once('.')
            && !a.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
        {
            piece = &piece[..piece.len() - b.len() - 1];
        }
        // `A/62/,`, `A/80/___`: a symbol cut short after its slash names no document (a slash
        // before white space is a stray one: `CEDAW/C/JAM/Q/5/ and Add.1`).
        let cut_short = e == raw.len()
            && text[end..]
                .strip_prefix('/')
                .is_some_and(|r| !r.starts_with(char::is_whitespace) && !r.is_empty());
        // `S/330/Corr. 1`: the suffix's number set apart by a space.
        let spaced = if e == raw.len() && raw.ends_with('.') {
            spaced_suffix_number(text, start + s, end)
        } else {
            None
        };
        if let Some((sym, e)) = spaced {
            out.push((sym, start + s, e));
        } else if !cut_short && let Some(sym) = normalise_document(piece) {
            out.push((sym, start + s, start + s + piece.len()));
        }
    }
    // `A/55/602/Add.2 and Corr.1`
    // The last symbol is borrowed, not copied, until a suffix is seen to follow it.
    if let Some((s0, e0)) = out.last().map(|(_, s, e)| (*s, *e)) {
        // Past a stray slash (`CEDAW/C/JAM/Q/5/ and Add.1`).
        let e0 = match text[e0..].strip_prefix('/') {
            Some(r) if r.starts_with([' ', '\t']) => e0 + 1,
            _ => e0,
        };
        let p = skip_hspace(text, e0);
        if let Some(e) = eat_any(text, p, table.and_words) {
            let q = skip_hspace(text, e);
            let word: String = text[q..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect();
            let word = word.trim_end_matches('.');
            if let Some((w, n)) = suffix_parts(word) {
                let last = out.last().map_or("", |(l, _, _)| l.as_str());
                let suffix = suffix_form(w, n);
                // `S/7930/Add.64 and Add.65`: another of the same kind replaces the last.
                let same_kind = last.rsplit_once('/').filter(|(_, t)| {
                    t.split_once('.')
                        .is_some_and(|(w, _)| suffix.split_once('.').is_some_and(|(x, _)| w == x))
                });
                let sibling = match same_kind {
                    Some((base, _)) => format!("{base}/{suffix}"),
                    None => format!("{last}/{suffix}"),
                };
                out.push((sibling, s0, q + word.len()));
            }
        }
    }
    // More numbers of the last suffix: `S/26060 and Add.1 and 2`, `S/2001/15/Add.37, 39 and 46`.
    if let Some((s0, mut e)) = out.last().map(|(_, s, e)| (*s, *e))
        && let Some((base, word)) = out.last().and_then(|(last, _, _)| {
            let (base, tail) = last.rsplit_once('/')?;
            let (word, _) = tail.split_once('.')?;
            ["Add", "Corr", "Rev", "Amend"]
                .contains(&word)
                .then(|| (base.to_string(), word.to_string()))
        })
    {
        while let Some((n, end)) = next_suffix_number(text, e, table) {
            out.push((format!("{base}/{word}.{n}"), s0, end));
            e = end;
        }
    }
}

/// A number that goes on a list of suffix numbers at `pos` (`, 39`, ` and 46`, `, and 2`):
/// one to three digits standing alone, with where they end.
fn next_suffix_number<'t>(text: &'t str, pos: usize, table: &Table) -> Option<(&'t str, usize)> {
    let mut p = skip_hspace(text, pos);
    let mut joined = false;
    let mut after_comma = false;
    if text[p..].starts_with(',') {
        p = skip_hspace(text, p + 1);
        joined = true;
        after_comma = true;
    }
    if let Some(e) = eat_any(text, p, table.and_words) {
        p = skip_hspace(text, e);
        joined = true;
        after_comma = false;
    }
    if !joined {
        return None;
    }
    let digits = text[p..].bytes().take_while(u8::is_ascii_digit).count();
    let end = p + digits;
    // Standing alone, as the last of a list or before more of it: not a year, a symbol, a
    // decimal or a count (`2023`, `39/1`, `3.5`, `5 pages`).
    // After a comma the list must go on (a comma and a number at the end of a line is a
    // footnote marker: `S/12350 and Add.1, 36`); after an `and`-word it may end.
    let after = skip_hspace(text, end);
    let next_number =
        |q: usize| text[skip_hspace(text, q)..].starts_with(|c: char| c.is_ascii_digit());
    let goes_on = if text[after..].starts_with(',') {
        let q = skip_hspace(text, after + 1);
        next_number(eat_any(text, q, table.and_words).unwrap_or(q))
    } else {
        eat_any(text, after, table.and_words).is_some_and(next_number)
    };
    let ends = match text[after..].chars().next() {
        None => true,
        Some('.') => !text[after + 1..].starts_with(|d: char| d.is_ascii_digit()),
        Some(c) => matches!(c, ';' | ')' | ']' | ',' | '\n' | '\r'),
    };
    let and_after = eat_any(text, after, table.and_words).is_some();
    let alone = goes_on || (!after_comma && (ends || and_after));
    ((1..=3).contains(&digits) && alone).then(|| (&text[p..end], end))
}

fn suffix_form(word: &str, n: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let mut cs = lower.chars();
    let title: String = cs
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(cs)
        .collect();
    format!("{title}.{n}")
}

/// A symbol at `start..end` that ends with a suffix word and its full stop, and whose number
/// follows after one space (`S/330/Corr. 1`, `A/6874/ADD. 1`): the symbol with its number, and
/// where the number ends.
fn spaced_suffix_number(text: &str, start: usize, end: usize) -> Option<(String, usize)> {
    let rest = text[end..].strip_prefix(' ')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].chars().next();
    if !(1..=2).contains(&digits) || after.is_some_and(|c| c.is_alphanumeric() || c == '/') {
        return None;
    }
    let num_end = end + 1 + digits;
    let joined = format!("{}{}", &text[start..end], &rest[..digits]);
    let last = joined.rsplit('/').next()?;
    is_suffix(last).then_some(())?;
    normalise_document(&joined).map(|sym| (sym, num_end))
}

/// A suffix whose number was read from print with a letter for the digit one (`Rev.l`,
/// `Add.I`, `Corr.l`): these suffixes always take a number, so the letters stand for ones.
fn misread_suffix(seg: &str) -> Option<String> {
    // Cut at the first full stop on the bytes: asked of nearly every element of every symbol.
    let stop = seg.bytes().position(|b| b == b'.')?;
    let (word, n) = (&seg[..stop], &seg[stop + 1..]);
    let known = ["rev", "add", "corr", "amend"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w));
    let misread = n.contains(['l', 'I']);
    let digits_or_ones = !n.is_empty()
        && n.bytes()
            .all(|b| b.is_ascii_digit() || b == b'l' || b == b'I');
    (known && misread && digits_or_ones).then(|| suffix_form(word, &n.replace(['l', 'I'], "1")))
}

/// Canonical form of a document symbol, or `None` when it is not one.
fn normalise_document(piece: &str) -> Option<String> {
    let mut segs: Vec<&str> = crate::symbol::elements(piece).collect();
    // Cut short in the text: a suffix without its number (`A/C.6/62/L.3/Corr.`) names the
    // document before it; an `L` without its number (`A/C.6/62/L.`) names none.
    if let Some(last) = segs.last() {
        if ["rev", "add", "corr", "amend"]
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
        {
            segs.pop();
        } else if last.eq_ignore_ascii_case("l") {
            return None;
        }
    }
    if segs.len() < 2 || segs.iter().any(|s| s.is_empty()) {
        return None;
    }
    // A series is letters (`A`, `CEDAW`), or several with a session (`IDB.51`): a lone letter
    // with a number (`L.15/Rev.1`) or a suffix (`Rev.1/Add.1`) is the tail of a symbol whose
    // head the text split off.
    let head = segs[0];
    if head.len() > 1 && head.as_bytes()[1] == b'.' || is_suffix(head) {
        return None;
    }
    if !piece.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // `IX/16`, `X/1`: decisions of treaty bodies numbered by Roman session, not UN symbols;
    // nor are other bodies' series that read as numerals (`CM/Res.1153`, the OAU's Council of
    // Ministers; `C/24` for the Committee of 24). The Conference on Disarmament is a UN body
    // whose series `CD` reads as one (`CD/1839`).
    if segs[0] != "CD" && crate::symbol::from_roman(segs[0]).is_some() {
        return None;
    }
    let mut out = String::with_capacity(piece.len());
    for (i, s) in segs.into_iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        if let Some((w, n)) = suffix_parts(s) {
            out.push_str(&suffix_form(w, n));
        } else if let Some(fixed) = misread_suffix(s) {
            out.push_str(&fixed);
        } else {
            let at = out.len();
            out.push_str(s);
            out[at..].make_ascii_uppercase();
        }
    }
    Some(out)
}

// ---- small matching helpers ----

/// Matches `word` (lower case; a space matches any run of white space) at `pos`,
/// case-insensitively, ending at a word boundary. Returns the end.
#[inline]
pub(crate) fn eat_word(text: &str, pos: usize, word: &str) -> Option<usize> {
    // Most calls (a list of words tried at one place) fail on the first letter: an ASCII
    // letter against an ASCII byte is decided here, without a call and a walk through both.
    if let (Some(&w), Some(&b)) = (word.as_bytes().first(), text.as_bytes().get(pos))
        && w.is_ascii()
        && w != b' '
        && b.is_ascii()
        && b != w
        && b.to_ascii_lowercase() != w
    {
        return None;
    }
    eat_word_walk(text, pos, word)
}

/// [`eat_word`] for a word glued to the number after it (`of29 August 2013`, a typing slip
/// the texts keep): the word must end right before an ASCII digit.
fn eat_word_before_digit(text: &str, pos: usize, word: &str) -> Option<usize> {
    let end = pos.checked_add(word.len())?;
    text.as_bytes()
        .get(end)
        .filter(|b| b.is_ascii_digit())
        .and_then(|_| eat_word(text.get(..end)?, pos, word))
        .filter(|e| *e == end)
}

/// [`eat_word`] past its first-letter check.
fn eat_word_walk(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut p = pos;
    let wchars = word.chars().peekable();
    for w in wchars {
        if w == ' ' {
            let q = skip_ws_plain(text, p);
            if q == p {
                return None;
            }
            p = q;
            continue;
        }
        let b = *text.as_bytes().get(p)?;
        // ASCII against ASCII is decided on the byte (most calls fail on the first letter).
        if b.is_ascii() && w.is_ascii() {
            if b != w as u8 && b.to_ascii_lowercase() != w as u8 {
                return None;
            }
            p += 1;
        } else {
            let c = text[p..].chars().next()?;
            // An Arabic or Han letter matches itself alone (script::caseless).
            let matches = c == w
                || (!script::caseless(w)
                    && (script::lowers_to(c, w) || (is_apostrophe(c) && is_apostrophe(w))));
            if !matches {
                return None;
            }
            p += c.len_utf8();
        }
        // Arabic tatweel and vowel marks may stand inside any word (`لقــرار`).
        if text.as_bytes().get(p).is_some_and(|b| !b.is_ascii()) {
            p += script::marks_len(&text.as_bytes()[p..]);
        }
    }
    let last = word.chars().last()?;
    // Chinese words need no boundary; a word of another script ends where Chinese begins.
    if last.is_alphanumeric()
        && !script::is_cjk(last)
        && text[p..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && !script::is_cjk(c))
    {
        return None;
    }
    Some(p)
}

fn skip_ws_plain(text: &str, pos: usize) -> usize {
    skip_spaces_where(text, pos, |_| true)
}

/// Past the white space at `pos` ([`is_space`]) whose characters `keep` accepts. Read on the
/// bytes: an ASCII byte is white space or not by itself, and of the others only the few lead
/// bytes of white space outside ASCII ([`crate::layout::may_be_space`]) are decoded. Chinese
/// text asks after every number, and decoding its characters to ask was a tenth of the cost of
/// reading an item.
#[inline]
fn skip_spaces_where(text: &str, mut pos: usize, keep: impl Fn(char) -> bool) -> usize {
    let b = text.as_bytes();
    loop {
        match b.get(pos) {
            Some(&x) if x.is_ascii() => {
                if !(matches!(x, b'\t'..=b'\r' | b' ') && keep(char::from(x))) {
                    return pos;
                }
                pos += 1;
            }
            Some(_) if crate::layout::may_be_space(b, pos) => {
                match text.get(pos..).and_then(|r| r.chars().next()) {
                    Some(c) if is_space(c) && keep(c) => pos += c.len_utf8(),
                    _ => return pos,
                }
            }
            _ => return pos,
        }
    }
}

/// The longest of `words` at `pos`.
pub(crate) fn eat_any(text: &str, pos: usize, words: &[&str]) -> Option<usize> {
    if !may_start(text, pos, words.as_ptr() as usize, words.len(), |i| {
        words[i]
    }) {
        return None;
    }
    words.iter().filter_map(|w| eat_word(text, pos, w)).max()
}

fn eat_body(text: &str, pos: usize, bodies: &[(&str, BodyName)]) -> Option<(BodyName, usize)> {
    if !may_start(text, pos, bodies.as_ptr() as usize, bodies.len(), |i| {
        bodies[i].0
    }) {
        return None;
    }
    bodies
        .iter()
        .filter_map(|(w, b)| eat_word(text, pos, w).map(|e| (*b, e)))
        .max_by_key(|(_, e)| *e)
}

/// Whether a word of a list (`addr`, `len`: the list; `word(i)`: its word `i`) may start at
/// `pos`. False only where [`eat_word`] would turn down every word on its first character: an
/// ASCII byte, not a space, that no word starts with in either case; or, where all the words
/// open with a letter without case (Arabic, Han), a character with none of their first two
/// bytes (Arabic and Chinese text asked at every number whether a body's or a suffix's word
/// follows).
fn may_start<'w>(
    text: &str,
    pos: usize,
    addr: usize,
    len: usize,
    word: impl Fn(usize) -> &'w str,
) -> bool {
    let b = text.as_bytes();
    let Some(&b0) = b.get(pos) else {
        return true;
    };
    if b0 == b' ' {
        return true;
    }
    let f = crate::lang::first_bytes(addr, len, word);
    if b0.is_ascii() {
        return f.other || f.ascii >> b0 & 1 == 1 || f.ascii >> b0.to_ascii_lowercase() & 1 == 1;
    }
    f.cased
        || b.get(pos + 1)
            .is_some_and(|&b1| f.caseless & crate::lang::Firsts::caseless_bit(b0, b1) != 0)
}

/// If `s` (lower case) ends with one of `words` as a whole word, where that word starts.
fn ends_with_any(s: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter(|w| s.ends_with(*w))
        .map(|w| s.len() - w.len())
        .filter(|&i| s[..i].chars().last().is_none_or(|c| !c.is_alphanumeric()))
        .min()
}

fn ends_with_body(s: &str, bodies: &[(&str, BodyName)]) -> Option<(BodyName, usize)> {
    // Compare with white space folded, so a body name broken across lines still matches.
    bodies
        .iter()
        .filter_map(|(w, b)| ends_with_folded(s, w).map(|i| (*b, i)))
        .min_by_key(|(_, i)| *i)
}

/// Where `s` ends with `word`, treating any white-space run in `s` as one space.
#[inline]
fn ends_with_folded(s: &str, word: &str) -> Option<usize> {
    // Most names are told apart by their last letter: ASCII against ASCII is decided here,
    // before the walk backwards through both.
    if let (Some(&a), Some(&b)) = (s.as_bytes().last(), word.as_bytes().last())
        && a.is_ascii()
        && b.is_ascii()
        && b != b' '
        && a != b
    {
        return None;
    }
    ends_with_folded_walk(s, word)
}

/// [`ends_with_folded`] past its last-letter check.
fn ends_with_folded_walk(s: &str, word: &str) -> Option<usize> {
    let (sb, wb) = (s.as_bytes(), word.as_bytes());
    let mut si = sb.len();
    let mut wi = wb.len();
    while wi > 0 {
        if wb[wi - 1] == b' ' {
            let before = si;
            while si > 0 {
                // ASCII white space on its byte (what `is_space` takes of ASCII); another
                // character decoded.
                let b = sb[si - 1];
                if matches!(b, b' ' | b'\t'..=b'\r') {
                    si -= 1;
                    continue;
                }
                if b.is_ascii() {
                    break;
                }
                let c = s[..si].chars().last()?;
                if !is_space(c) {
                    break;
                }
                si -= c.len_utf8();
            }
            if si == before {
                return None;
            }
            wi -= 1;
            continue;
        }
        // An ASCII letter of the word against an ASCII byte of the text, on the bytes (against
        // a wider character, such as an apostrophe's other forms, it goes the general way).
        let w = wb[wi - 1];
        if w.is_ascii() {
            match sb.get(si.wrapping_sub(1)) {
                Some(&b) if b == w => {
                    si -= 1;
                    wi -= 1;
                    continue;
                }
                Some(&b) if b.is_ascii() => return None,
                None => return None,
                Some(_) => {}
            }
        }
        let c = s[..si].chars().last()?;
        let w = word[..wi].chars().last()?;
        if c != w && !(is_apostrophe(c) && is_apostrophe(w)) {
            return None;
        }
        si -= c.len_utf8();
        wi -= w.len_utf8();
    }
    let boundary = s[..si].chars().last().is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(si)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A General Assembly resolution's symbol as documents print it in their headings, and
/// nothing else (`A/RES/78/237`: a session and a number of up to three digits each; a fourth
/// digit may be a footnote marker glued on, which the extractor weighs), read as the
/// extractor reads it. Half the symbols a corpus of resolutions gives
/// [`parse_user_reference`] have this form, and the extractor's passes cost about 10,000
/// instructions a call.
fn plain_ga_resolution(input: &str) -> Option<Symbol> {
    let (session, number) = input.strip_prefix("A/RES/")?.split_once('/')?;
    let digits = |d: &str, most: usize| {
        (1..=most).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(session, 3) || !digits(number, 3) {
        return None;
    }
    Some(Symbol::Act {
        kind: Kind::Resolution,
        body: Body::GA,
        number: Number::Session {
            session: SessionNo::Regular(session.parse().ok()?),
            number: number.parse().ok()?,
            part: None,
        },
    })
}

/// A Security Council resolution as its heading line gives it (`242 (1967)`, `1325(2000)`)
/// where the year is the one the known table holds for the number: read as the extractor
/// reads it, which checks a number and year against that table (a year one off is a slip it
/// mends: `1 (1947)` is resolution 1 of 1946); any other pair goes to the extractor. Nine in
/// ten of the symbols the Security Council texts of a corpus give [`parse_user_reference`].
fn plain_sc_resolution(input: &str) -> Option<Symbol> {
    let (number, rest) = input.split_once('(')?;
    let number = number.strip_suffix(' ').unwrap_or(number);
    let year = rest.strip_suffix(')')?;
    let digits = |d: &str, least: usize, most: usize| {
        (least..=most).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(number, 1, 4) || !digits(year, 4, 4) || number.starts_with('0') {
        return None;
    }
    let (number, year): (u32, u32) = (number.parse().ok()?, year.parse().ok()?);
    (crate::known::sc_year(number) == Some(year)).then_some(Symbol::Act {
        kind: Kind::Resolution,
        body: Body::SC,
        number: Number::Year { number, year },
    })
}

/// Parses a reference typed by a user (`78/237`, `A/RES/43/78H`, `1514 (XV)`,
/// `S/RES/1325 (2000)`, `decision 31/301`, `A/78/404`).
pub fn parse_user_reference(input: &str) -> Option<Symbol> {
    let input = input.trim();
    plain_ga_resolution(input)
        .or_else(|| plain_sc_resolution(input))
        .or_else(|| parse_by_extraction(input))
}

/// [`parse_user_reference`] by the extractor: the reference read as a text of one line.
fn parse_by_extraction(input: &str) -> Option<Symbol> {
    // Canonical ids glue the part on (`217A(III)`, `217AA(III)`); give it its space back.
    // One or two capitals (a doubled part, `AA`, is checked below): an alternation of the
    // doubled letters would make the search look for them everywhere in a long input.
    static GLUED: PerThread<Regex> =
        PerThread::new(|| Regex::new(r"([0-9])([A-Z]{1,2})(\s*\()").expect("static regex"));
    let spaced = GLUED.get().replace_all(input, |c: &regex::Captures<'_>| {
        let part = &c[2];
        if part.len() == 2 && part[..1] != part[1..] {
            c[0].to_string()
        } else {
            format!("{} {}{}", &c[1], part, &c[3])
        }
    });
    let starts_bare = spaced.starts_with(|c: char| c.is_ascii_digit())
        || spaced.starts_with("S-")
        || spaced.starts_with("ES-");
    let text = if starts_bare {
        format!("resolution {spaced}")
    } else {
        spaced.to_string()
    };
    let layout = Layout::default();
    let ctx = Context {
        lang: Lang::En,
        citing_body: None,
        own_ids: &[],
        layout: &layout,
    };
    let found = extract(&text, &ctx);
    if let Some(m) = found.first() {
        return Some(m.symbol.clone());
    }
    // A bare Security Council number typed as `S/RES/1540`.
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn years_one_key_apart() {
        assert!(one_key_apart(2015, 2025));
        assert!(one_key_apart(2017, 2107));
        assert!(one_key_apart(1977, 1976));
        assert!(!one_key_apart(1976, 2022));
        assert!(!one_key_apart(2017, 2710));
        assert!(!one_key_apart(2015, 2015 + 11));
        assert!(!one_key_apart(999, 1999));
    }

    /// Every keyword of every table is found as texts write it: in lower case, with a capital
    /// and in capitals, and within a sentence the whole word is the match.
    #[test]
    fn keywords_in_each_written_case() {
        for lang in Lang::ALL {
            let t = lang.table();
            let patterns = compiled(lang);
            let Some(c) = patterns.as_ref().as_ref() else {
                panic!("{lang:?}: keyword pattern does not compile");
            };
            for w in t.resolution_words.iter().chain(t.decision_words.iter()) {
                let mut chars = w.chars();
                let capital: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                for form in [w.to_string(), capital, w.to_uppercase()] {
                    let text = format!("see {form} 1");
                    let m = c
                        .keyword
                        .find_in(&text, 0, text.len())
                        .map(|(s, e)| &text[s..e]);
                    assert_eq!(m, Some(form.as_str()), "{lang:?}: {form:?}");
                }
            }
        }
    }

    /// A text with a mark on every letter of some words (vocalised), where the search leaves
    /// the rest to the pattern, finds from every start what the pattern finds.
    #[test]
    fn keywords_in_a_vocalised_text() {
        let Some(Keywords::Marked(marked)) = Keywords::new(Lang::Ar.table()) else {
            panic!("the Arabic keywords are searched near marks");
        };
        let re = Regex::new(&hooks::keyword_pattern(Lang::Ar.table())).expect("pattern");
        let vocalised = |w: &str| w.chars().flat_map(|c| [c, '\u{064E}']).collect::<String>();
        // Runs of vocalised words that are no keywords (more marks than the search looks
        // around), each run ending in a keyword glued to its last mark, plain or vocalised.
        let other = ["الجمعية", "العامة", "في", "دورتها"];
        let keys = ["قرار", "القرار", "مقرر", "للقرارات", "قراري"];
        let mut text = String::new();
        for (i, k) in keys.iter().cycle().take(12).enumerate() {
            for w in other.iter().cycle().skip(i).take(3 + i % 4) {
                text.push_str(&vocalised(w));
                text.push(' ');
            }
            text.push_str(&vocalised("ثم"));
            text.push_str(&if i % 2 == 0 {
                vocalised(k)
            } else {
                k.to_string()
            });
            text.push(' ');
        }
        // One record of the marks for all the searches, as the keyword pass keeps it.
        let mut marks = Marks::default();
        for at in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
            assert_eq!(
                marked.find_in(&text, at, text.len(), &mut marks),
                find_with(&re)(&text, at),
                "from {at}"
            );
        }
    }

    /// Static lists, as the tables are (the first bytes are kept by a list's address).
    static WORD_LISTS: [&[&str]; 5] = [
        &["号", "第", "决议"],
        &["مجلس الأمن", "الجمعية العامة", "قرار"],
        &["of", "dated", " and", "de"],
        &["резолюции", "Совета"],
        &["号", "of", "قرار"],
    ];

    proptest! {
        /// A list's words are turned down at a place without reading them only where none of
        /// them starts there.
        #[test]
        fn words_turned_down_only_where_none_starts(
            pieces in proptest::collection::vec(prop_oneof![
                Just("号"), Just("年"), Just("第"), Just("决议"), Just("قرار"), Just("مجلس الأمن"),
                Just("ال"), Just("OF"), Just("of"), Just("dated"), Just(" "), Just("\u{A0}"),
                Just("Совета"), Just("1"), Just("K"), Just("\u{212A}"), Just("é"),
            ], 0..10),
        ) {
            let text = pieces.concat();
            for pos in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for words in WORD_LISTS {
                    let all = words.iter().filter_map(|w| eat_word(&text, pos, w)).max();
                    prop_assert_eq!(eat_any(&text, pos, words), all, "{:?} at {}", words, pos);
                }
            }
        }
    }

    /// The walk of [`ends_with_folded_walk`] character by character throughout: what the
    /// reading on bytes must give.
    fn ends_with_folded_by_chars(s: &str, word: &str) -> Option<usize> {
        let mut si = s.len();
        let wb = word.as_bytes();
        let mut wi = wb.len();
        while wi > 0 {
            if wb[wi - 1] == b' ' {
                let before = si;
                while si > 0 && s.is_char_boundary(si) {
                    let c = s[..si].chars().last()?;
                    if is_space(c) {
                        si -= c.len_utf8();
                    } else {
                        break;
                    }
                }
                if si == before {
                    return None;
                }
                wi -= 1;
                continue;
            }
            let c = s[..si].chars().last()?;
            let w = word[..wi].chars().last()?;
            if c != w && !(is_apostrophe(c) && is_apostrophe(w)) {
                return None;
            }
            si -= c.len_utf8();
            wi -= w.len_utf8();
        }
        let boundary = s[..si].chars().last().is_none_or(|c| !c.is_alphanumeric());
        boundary.then_some(si)
    }

    proptest! {
        /// A name's end matched on the bytes is the end matched character by character: white
        /// space of any width folded, apostrophes of any form, a word boundary before it. The
        /// text is the name itself (each space written as a run of white space, one letter
        /// perhaps replaced) after some words, or only words.
        #[test]
        fn ends_with_folded_on_bytes_as_by_chars(
            before in proptest::collection::vec(prop_oneof![
                Just("the"), Just(" "), Just("x"), Just("é"), Just("1"), Just("-"), Just("\u{A0}"),
            ], 0..4),
            word in prop_oneof![
                Just("security council"), Just("council"), Just("peoples' rights"),
                Just("peoples\u{2019} council"), Just("é council"), Just("генеральной ассамблеи"),
                Just("مجلس الأمن"), Just("1 x"),
            ],
            runs in proptest::collection::vec(prop_oneof![
                Just(" "), Just("  "), Just("\n"), Just("\t"), Just("\u{0B}"), Just("\u{0C}"),
                Just("\r\n"), Just("\u{A0}"), Just("\u{2003}"), Just(" \u{3000}"), Just(""),
                Just("x"),
            ], 3),
            swap in proptest::option::of((0usize..24, prop_oneof![
                Just('\''), Just('\u{2019}'), Just('\u{02BC}'), Just('C'), Just('c'), Just('й'),
            ])),
            whole in proptest::bool::ANY,
        ) {
            let mut k = 0;
            let mut name = String::new();
            for c in word.chars() {
                if c == ' ' {
                    name.push_str(runs[k % runs.len()]);
                    k += 1;
                } else {
                    name.push(c);
                }
            }
            if let Some((at, with)) = swap {
                let n = name.chars().count();
                if n > 0 {
                    let at = at % n;
                    name = name
                        .chars()
                        .enumerate()
                        .map(|(i, c)| if i == at { with } else { c })
                        .collect();
                }
            }
            let s = if whole { format!("{}{name}", before.concat()) } else { before.concat() };
            prop_assert_eq!(ends_with_folded_walk(&s, word), ends_with_folded_by_chars(&s, word), "{:?}", s);
        }
    }

    /// The former split of a symbol match at a dash before a new series, byte by byte into a
    /// list: what [`series_pieces`] must give.
    fn series_pieces_by_byte(raw: &str) -> Vec<(usize, usize)> {
        let mut pieces = Vec::new();
        let mut piece_start = 0;
        for (i, b) in raw.bytes().enumerate() {
            if b == b'-' && i > piece_start {
                let rest = &raw[i + 1..];
                let series_len = rest.bytes().take_while(|b| b.is_ascii_uppercase()).count();
                if series_len > 0 && rest[series_len..].starts_with('/') {
                    pieces.push((piece_start, i));
                    piece_start = i + 1;
                }
            }
        }
        pieces.push((piece_start, raw.len()));
        pieces
    }

    #[test]
    fn double_symbols_split_at_the_new_series() {
        let raw = "A/77/895-S/2023/363";
        assert_eq!(series_pieces(raw).collect::<Vec<_>>(), [(0, 8), (9, 19)]);
        assert_eq!(
            series_pieces("A/C.1/78/L.11-").collect::<Vec<_>>(),
            [(0, 14)]
        );
        assert_eq!(series_pieces("").collect::<Vec<_>>(), [(0, 0)]);
    }

    proptest! {
        /// The pieces read as their ends are found are the pieces the byte loop listed.
        #[test]
        fn series_pieces_as_by_byte(
            pieces in proptest::collection::vec(prop_oneof![
                Just("-"), Just("--"), Just("A/"), Just("S/"), Just("E/CN."), Just("78/"),
                Just("L.11"), Just("S"), Just("/"), Just("a/"), Just("-S/"), Just("é"), Just("1"),
            ], 0..12),
        ) {
            let raw = pieces.concat();
            prop_assert_eq!(series_pieces(&raw).collect::<Vec<_>>(), series_pieces_by_byte(&raw));
        }
    }

    proptest! {
        /// What the record of marks answers, whatever the searches asked before, is what a
        /// search of the text answers.
        #[test]
        fn marks_recorded_as_searched(
            pieces in proptest::collection::vec(prop_oneof![
                Just("قرار"), Just("ـ"), Just("َ"), Just("ف"), Just(" "), Just("x"), Just("é"),
            ], 0..60),
            queries in proptest::collection::vec((0usize..400, 0usize..600), 1..40),
        ) {
            let text = pieces.concat();
            let b = text.as_bytes();
            let mut marks = Marks::default();
            for (from, len) in queries {
                let from = from.min(b.len());
                let to = from + len;
                prop_assert_eq!(marks.next(b, from, to), date::next_mark(b, from, to), "{} {}", from, to);
            }
        }
    }

    proptest! {
        /// White space skipped on the bytes is the white space skipped character by character.
        #[test]
        fn spaces_skipped_as_by_characters(
            pieces in proptest::collection::vec(prop_oneof![
                Just(" "), Just("\t"), Just("\n"), Just("\r"), Just("\u{0B}"), Just("\u{0C}"),
                Just("\u{1C}"), Just("\u{A0}"), Just("\u{85}"), Just("\u{AD}"), Just("\u{1680}"),
                Just("\u{2003}"), Just("\u{200B}"), Just("\u{2028}"), Just("\u{202F}"),
                Just("\u{2060}"), Just("\u{2070}"), Just("\u{3000}"), Just("\u{3001}"),
                Just("\u{FEFF}"), Just("x"), Just("1"), Just("第"), Just("，"), Just("é"), Just("–"),
            ], 0..12),
        ) {
            let text = pieces.concat();
            for pos in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let by_chars = |keep: &dyn Fn(char) -> bool| {
                    let mut p = pos;
                    while let Some(c) = text[p..].chars().next().filter(|&c| is_space(c) && keep(c)) {
                        p += c.len_utf8();
                    }
                    p
                };
                prop_assert_eq!(skip_ws_plain(&text, pos), by_chars(&|_| true));
                prop_assert_eq!(skip_hspace(&text, pos), by_chars(&|c| c != '\n' && c != '\r'));
            }
        }
    }

    proptest! {
        /// A General Assembly symbol read directly is the symbol the extractor reads, leading
        /// zeros and all; what the shortcut leaves (a part, a suffix, five digits, a special
        /// session) goes to the extractor.
        #[test]
        fn plain_ga_symbols_read_as_the_extractor_reads_them(
            session in "[0-9]{1,3}",
            number in "[0-9]{1,4}",
            tail in prop_oneof![
                Just(""), Just(" A"), Just("B"), Just("/Add.1"), Just("0"), Just("/"), Just(" "),
            ],
        ) {
            let input = format!("A/RES/{session}/{number}{tail}");
            prop_assert_eq!(parse_user_reference(&input), parse_by_extraction(&input));
        }
    }

    /// A Security Council number and year read directly are the symbol the extractor reads:
    /// every number of the known table with its year, written with a space and without, and
    /// with the years around it, which the shortcut leaves to the extractor (a slip it may
    /// mend, or another body's number).
    #[test]
    fn plain_sc_symbols_read_as_the_extractor_reads_them() {
        let mut direct = 0;
        for number in 1..=crate::known::sc_last_known() + 2 {
            let known = crate::known::sc_year(number);
            let years = known.map_or(vec![2000], |y| vec![y - 1, y, y + 1, y + 10]);
            for year in years {
                for input in [
                    format!("{number} ({year})"),
                    format!("{number}({year})"),
                    format!("0{number} ({year})"),
                ] {
                    direct += usize::from(plain_sc_resolution(&input).is_some());
                    assert_eq!(
                        parse_user_reference(&input),
                        parse_by_extraction(&input),
                        "{input}"
                    );
                }
            }
        }
        // Two spellings of each known number are read directly.
        assert!(direct > 2 * 2000, "{direct}");
    }

    proptest! {
        /// The quick test before the suffix pattern never turns away one it matches.
        #[test]
        fn suffix_check_keeps_every_suffix(
            word in prop_oneof![
                Just("rev"), Just("Add"), Just("CORR"), Just("amend"), Just("Supp"),
                Just("sup"), Just("part"), Just("Summary"), Just("ſupp"), Just("L"), Just("A"),
            ],
            dot in proptest::bool::ANY,
            number in "[0-9]{1,3}(-[0-9]{1,2})?",
            tail in "[a-z0-9.]{0,2}",
        ) {
            let seg = format!("{word}{}{number}{tail}", if dot { "." } else { "" });
            prop_assert!(!SUFFIX.is_match(&seg) || may_be_suffix(&seg), "{:?}", seg);
            let by_regex = SUFFIX.captures(&seg).map(|c| {
                (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str()))
            });
            prop_assert_eq!(suffix_parts(&seg), by_regex, "{:?}", seg);
        }

        /// Suffixes read by hand as the regex reads them, for elements of any case, long s,
        /// stops, ranges and stray characters (the words cut short and run on too).
        #[test]
        fn suffixes_read_as_the_regex_reads_them(seg in "[rRaAdDcCoOeEmMnNsSſuUpPtTyYvVK.0-9\\-é]{0,9}") {
            let by_regex = SUFFIX.captures(&seg).map(|c| {
                (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str()))
            });
            prop_assert_eq!(suffix_parts(&seg), by_regex, "{:?}", seg);
        }
    }

    /// Text made of the pieces the standalone pattern cares about.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("1325".to_string()),
            Just("43/78 H".to_string()),
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("（".to_string()),
            Just("）".to_string()),
            Just("(2000)".to_string()),
            Just("(XV)".to_string()),
            Just("A and B ".to_string()),
            Just("résolution ".to_string()),
            Just("2106 A (XX)".to_string()),
            Just("(د-17)".to_string()),
            Just("(د إ-5)".to_string()),
            Just("(S-X)".to_string()),
            Just("(a)".to_string()),
            Just("(A/78/265)".to_string()),
            Just("١٢".to_string()),
            Just("\u{2008}".to_string()),
            Just("（1325）".to_string()),
            Just("1325 (2000\u{2008})".to_string()),
            // Sessions the check after a parenthesis must let through.
            Just("(ES-IV )".to_string()),
            Just("(S-".to_string()),
            Just("IVX".to_string()),
            Just("(٢٠٠٠)".to_string()),
            Just("(２０００）".to_string()),
            Just("(1981 г.)".to_string()),
            Just("\u{A0}".to_string()),
            "[0-9]{1,5}",
            "[a-zA-Z ]{1,12}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    /// Text made of the pieces the document-symbol pattern cares about.
    /// A regex's search from a position, as [`matches_in`] takes it.
    fn find_with(re: &Regex) -> impl Fn(&str, usize) -> Option<(usize, usize)> + '_ {
        |text, at| re.find_at(text, at).map(|m| (m.start(), m.end()))
    }

    /// Texts of every table's keyword forms, their first letters, and other words.
    fn keyword_text() -> impl Strategy<Value = String> {
        let forms: Vec<String> = Lang::ALL
            .iter()
            .flat_map(|l| hooks::keyword_forms(l.table()))
            .collect();
        let cut: Vec<String> = forms
            .iter()
            .filter_map(|f| f.char_indices().nth(3).map(|(i, _)| f[..i].to_string()))
            .collect();
        // A word with a mark after one of its letters (`قرَار`, `مقــرر`): each mark the
        // pattern allows, and one it does not (U+06D6).
        let marks = [
            "\u{0640}", "\u{064B}", "\u{064E}", "\u{0651}", "\u{065F}", "\u{0670}", "\u{06D6}",
        ];
        let marked = (
            proptest::sample::select(forms.clone()),
            1..8usize,
            proptest::sample::select(marks.to_vec()),
        )
            .prop_map(|(f, k, mark)| {
                let at = f.char_indices().nth(k).map_or(f.len(), |(i, _)| i);
                format!("{}{mark}{}", &f[..at], &f[at..])
            });
        let piece = prop_oneof![
            4 => proptest::sample::select(forms),
            2 => proptest::sample::select(cut),
            2 => marked,
            1 => "[ a-zA-Z.é\\n]{1,4}",
            1 => proptest::sample::select(marks.to_vec()).prop_map(str::to_string),
            1 => Just("  ".to_string()),
            1 => Just("ال".to_string()),
            1 => Just("لل".to_string()),
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    fn symbol_pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("A/RES/78/237".to_string()),
            Just("A/AC.292/2023/INF/5".to_string()),
            Just("/".to_string()),
            Just("//".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just(".".to_string()),
            Just("-".to_string()),
            Just("é".to_string()),
            Just("Ｓ/".to_string()),
            "[A-Z]{1,12}",
            "[0-9]{1,4}",
            "[a-z./-]{1,6}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        /// The literal search for a table's keywords finds, from every start, the match that
        /// the table's keyword pattern finds; it is the search used for every table, and
        /// for Arabic, whose pattern lets marks follow letters, it is helped by the pattern
        /// near the marks; for Russian it goes by the keywords' stems.
        #[test]
        fn keyword_search_finds_what_the_pattern_finds(text in keyword_text()) {
            for lang in Lang::ALL {
                let table = lang.table();
                let keywords = Keywords::new(table);
                match keywords {
                    Some(Keywords::Words(_)) => prop_assert!(!matches!(lang, Lang::Ar | Lang::Ru)),
                    Some(Keywords::Marked(_)) => prop_assert_eq!(lang, Lang::Ar),
                    Some(Keywords::Stems(_)) => prop_assert_eq!(lang, Lang::Ru),
                    _ => return Err(TestCaseError::fail(format!("{lang:?}: no literal search"))),
                }
                let Ok(re) = Regex::new(&hooks::keyword_pattern(table)) else {
                    return Err(TestCaseError::fail("keyword pattern does not compile"));
                };
                let bounds: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
                // One record of the marks for all the searches of the text, in any order.
                let mut marks = Marks::default();
                for &at in &bounds {
                    // Up to the text's end, and up to a few ends inside it.
                    for &end in bounds.iter().filter(|e| **e == text.len() || **e % 7 == 3) {
                        prop_assert_eq!(
                            keywords.as_ref().and_then(|k| k.find_from(&text, at, end, &mut marks)),
                            find_with(&re)(&text, at).filter(|(s, _)| *s < end),
                            "{:?} from {} to {}", lang, at, end
                        );
                    }
                }
            }
        }

        /// The first-letter check of `eat_word` rejects only what the walk rejects: the words
        /// of every table, tried at every position of texts made of their pieces and others.
        #[test]
        fn eat_word_first_letter_check_equals_the_walk(
            pieces in proptest::collection::vec(prop_oneof![
                Just("Of ".to_string()), Just("OF\n".to_string()), Just("of the ".to_string()),
                Just("du ".to_string()), Just("Du\u{A0}".to_string()), Just("de l’".to_string()),
                Just("от ".to_string()), Just("ОТ ".to_string()), Just("المؤرخ ".to_string()),
                Just("İ".to_string()), Just("ſ".to_string()), Just("K".to_string()),
                Just("É".to_string()), Just(" ".to_string()), Just(", ".to_string()),
                "[a-zA-Z ]{1,8}",
            ], 0..12),
        ) {
            let text = pieces.concat();
            for lang in Lang::ALL {
                let t = lang.table();
                let words = t.date_connectors.iter().chain(t.possessives).chain(t.resolution_words)
                    .chain(t.bodies_after.iter().map(|(w, _)| w));
                for w in words {
                    for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                        prop_assert_eq!(eat_word(&text, pos, w), eat_word_walk(&text, pos, w), "{:?} at {}", w, pos);
                    }
                }
            }
        }

        /// A list's first-byte check (`may_start`) turns away only places where no word of the
        /// list starts: `eat_any` and `eat_body` give what trying every word gives, for the
        /// lists of every table.
        #[test]
        fn list_first_byte_check_equals_trying_every_word(
            pieces in proptest::collection::vec(prop_oneof![
                Just("and ".to_string()), Just("AND\n".to_string()), Just("et ".to_string()),
                Just("и ".to_string()), Just("И ".to_string()), Just("و".to_string()),
                Just("和".to_string()), Just("General Assembly".to_string()),
                Just("(".to_string()), Just(", ".to_string()), Just("-".to_string()),
                Just("resolution".to_string()), Just("Résolution".to_string()), Just(" ".to_string()),
                Just("İ".to_string()), Just("K".to_string()), "[a-zA-Z0-9 ,.;()/-]{1,8}",
            ], 0..12),
        ) {
            let text = pieces.concat();
            for lang in Lang::ALL {
                let t = lang.table();
                let lists: [&[&str]; 8] = [
                    t.and_words, t.resolution_words, t.decision_words, t.possessives,
                    t.number_words, t.range_words, t.paragraph_words, t.description_words,
                ];
                for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                    for words in lists {
                        let every = words.iter().filter_map(|w| eat_word(&text, pos, w)).max();
                        prop_assert_eq!(eat_any(&text, pos, words), every, "{:?} at {}", lang, pos);
                    }
                    for bodies in [t.bodies_before, t.bodies_after, t.bodies_inside] {
                        let every = bodies.iter().filter_map(|(w, _)| eat_word(&text, pos, w)).max();
                        prop_assert_eq!(eat_body(&text, pos, bodies).map(|b| b.1), every, "{:?} at {}", lang, pos);
                    }
                }
            }
        }

        /// A window that `may_end_qualifier` turns away ends with no possessive and no body
        /// name of any table, as the full search reads them.
        #[test]
        fn qualifier_end_check_rejects_only_what_the_search_rejects(
            pieces in proptest::collection::vec(prop_oneof![
                Just("the General Assembly".to_string()), Just("its".to_string()), Just("ITS".to_string()),
                Just("Security\nCouncil".to_string()), Just("ihre".to_string()), Just("l’homme".to_string()),
                Just("des droits de l'homme".to_string()), Just("(GA".to_string()), Just("Sub-Commission".to_string()),
                Just("Совета Безопасности".to_string()), Just("HRC,".to_string()), Just("sa".to_string()),
                Just("大会".to_string()), Just("الجمعية العامة".to_string()), Just("İ".to_string()),
                Just("K".to_string()), Just(" ".to_string()), "[a-zA-Z ]{1,8}",
            ], 0..6),
        ) {
            let w = pieces.concat();
            let trimmed = w.trim_end_matches(is_space);
            for lang in Lang::ALL {
                let t = lang.table();
                let lower = trimmed.to_lowercase();
                // `look_back` reads no qualifier where lower-casing changes byte lengths.
                if !may_end_qualifier(trimmed, t) && lower.len() == trimmed.len() {
                    prop_assert!(ends_with_any(&lower, t.possessives).is_none(), "{:?} {:?}", lang, trimmed);
                    prop_assert!(ends_with_body(&lower, t.bodies_before).is_none(), "{:?} {:?}", lang, trimmed);
                }
            }
        }

        /// The last-letter check of `ends_with_folded` rejects only what the walk rejects, for
        /// every table's body names before and after a reference.
        #[test]
        fn ends_with_first_check_equals_the_walk(
            pieces in proptest::collection::vec(prop_oneof![
                Just("the General Assembly".to_string()), Just("general assembly".to_string()),
                Just("Security\nCouncil".to_string()), Just("council ".to_string()), Just(" ".to_string()),
                Just("Совета Безопасности".to_string()), Just("الجمعية العامة".to_string()),
                Just("大会".to_string()), Just("Assemblée générale".to_string()), "[a-zA-Z ]{1,8}",
            ], 0..6),
        ) {
            let s = pieces.concat();
            for lang in Lang::ALL {
                let t = lang.table();
                for (w, _) in t.bodies_before.iter().chain(t.bodies_after).chain(t.bodies_inside) {
                    prop_assert_eq!(ends_with_folded(&s, w), ends_with_folded_walk(&s, w), "{:?} {:?}", s, w);
                    let lower = s.to_lowercase();
                    prop_assert_eq!(ends_with_folded(&lower, w), ends_with_folded_walk(&lower, w), "{:?} {:?}", lower, w);
                }
            }
        }

        /// Found from the slashes, the document-symbol matches are those of a search of the
        /// whole text, in any range of it.
        #[test]
        fn slash_anchored_search_equals_whole_text_search(
            text in symbol_pieces(),
            cut in 0usize..200,
        ) {
            let a = crate::layout::floor_char(&text, cut.min(text.len()));
            let b = crate::layout::floor_char(&text, (cut * 2).min(text.len())).max(a);
            for ranges in [vec![(0, text.len())], vec![(a, b), (b, text.len())], vec![(0, a)]] {
                let whole: Vec<(usize, usize)> = matches_in(find_with(&DOCSYM), &text, &ranges)
                    .collect();
                let anchored: Vec<(usize, usize)> =
                    slash_matches_in(&text, &ranges).collect();
                prop_assert_eq!(anchored, whole);
            }
        }

        /// Found from the parentheses, the standalone matches are those of a search of the
        /// whole text (for matches shorter than the reach, which all real ones are).
        #[test]
        fn paren_anchored_search_equals_whole_text_search(text in pieces()) {
            // English, Arabic with its session markers (`(د-17)`) and Russian with its year
            // words (`(1981 г.)`).
            for lang in [Lang::En, Lang::Ar, Lang::Ru] {
                let patterns = compiled(lang);
            let Some(c) = patterns.as_ref().as_ref() else {
                    return Err(TestCaseError::fail("no patterns"));
                };
                let table = lang.table();
                // In one range, and in two: each is searched on its own, as the whole-text
                // search does.
                let half = crate::layout::floor_char(&text, text.len() / 2);
                for ranges in [vec![(0, text.len())], vec![(0, half), (half, text.len())]] {
                    let whole: Vec<(usize, usize)> =
                        matches_in(find_with(&c.standalone), &text, &ranges)
                        .filter(|(s, e)| e - s <= 64)
                        .collect();
                    let anchored: Vec<(usize, usize)> =
                        paren_matches_in(&c.standalone, table, &text, &ranges).collect();
                    prop_assert_eq!(anchored, whole);
                }
            }
        }
    }
}
