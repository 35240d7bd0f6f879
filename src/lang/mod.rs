//! Language knowledge: one table per language, and language detection.
//!
//! Everything the extractor knows about how a language words a citation (resolution words, month
//! names, body names, possessives, list connectors, clause openings, heading phrases) lives in a
//! [`Table`]. The extractor itself has no words of any language in its code paths, so adding a
//! language is adding a table file.

mod ar;
mod blocks;
mod de;
mod en;
mod es;
mod fr;
mod ru;
pub mod script;
mod zh;

use crate::symbol::SessionKind;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// A language resgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// German.
    De,
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Chinese.
    Zh,
}

impl Lang {
    /// Every language, in code order.
    pub const ALL: [Lang; 7] = [
        Lang::Ar,
        Lang::De,
        Lang::En,
        Lang::Es,
        Lang::Fr,
        Lang::Ru,
        Lang::Zh,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::De => "de",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// Parses an ISO 639-2 code, bibliographic or terminological (`eng`, `fre`/`fra`,
    /// `chi`/`zho`), as library catalogues (MARC) write them.
    pub fn from_code3(code: &str) -> Option<Lang> {
        Some(match code.trim().to_ascii_lowercase().as_str() {
            "ara" => Lang::Ar,
            "chi" | "zho" => Lang::Zh,
            "eng" => Lang::En,
            "fre" | "fra" => Lang::Fr,
            "rus" => Lang::Ru,
            "spa" => Lang::Es,
            "ger" | "deu" => Lang::De,
            _ => return None,
        })
    }

    /// The language's table.
    pub fn table(self) -> &'static Table {
        match self {
            Lang::Ar => &ar::TABLE,
            Lang::De => &de::TABLE,
            Lang::En => &en::TABLE,
            Lang::Es => &es::TABLE,
            Lang::Fr => &fr::TABLE,
            Lang::Ru => &ru::TABLE,
            Lang::Zh => &zh::TABLE,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A body as a language table names it (the tables are `static`, so no owned strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyName {
    /// General Assembly.
    GA,
    /// Security Council.
    SC,
    /// Economic and Social Council.
    ECOSOC,
    /// Human Rights Council.
    HRC,
    /// Commission on Human Rights.
    CHR,
    /// A functional commission, by its series (`E/CN.7`).
    Series(&'static str),
    /// A body outside the UN system's resolution series (a treaty conference, the World Health
    /// Assembly): its resolutions are not given UN ids.
    Foreign,
    /// "the Council" without a name: the council whose numbering the reference has.
    Council,
    /// "the Commission" without a name: the commission named last before it (the extractor
    /// puts that commission in its place before the name is used).
    Commission,
}

impl BodyName {
    /// The body it names.
    pub fn body(self) -> crate::symbol::Body {
        use crate::symbol::Body;
        match self {
            BodyName::GA => Body::GA,
            BodyName::SC => Body::SC,
            BodyName::ECOSOC => Body::ECOSOC,
            BodyName::HRC => Body::HRC,
            BodyName::CHR => Body::CHR,
            BodyName::Series(s) => Body::Series(s.to_string()),
            BodyName::Foreign => Body::Series(String::new()),
            BodyName::Council => Body::SC,
            // Replaced by the commission it refers to before use; no id of its own.
            BodyName::Commission => Body::Series(String::new()),
        }
    }
}

/// How a language writes a full date; the extractor builds one regular expression from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `9 December 1981`, `9. Dezember 1981`, `1er janvier 2000`, `9 de diciembre de 1994`.
    DayMonthYear,
    /// `1999年8月25日`.
    YearMonthDay,
}

/// What a language table holds. All word lists are matched case-insensitively, longest first.
#[derive(Debug)]
pub struct Table {
    /// The language.
    pub lang: Lang,
    /// Month names in every form (`Dezember`, `déc.`), with their number.
    pub months: &'static [(&'static str, u32)],
    /// Date order.
    pub date_order: DateOrder,
    /// Words allowed between day and month and between month and year (`de` in Spanish); the
    /// spaces around them are implied.
    pub date_glue: &'static [&'static str],
    /// Words after the year that belong to the date (`года`, `г.`).
    pub year_suffix: &'static [&'static str],
    /// Words that name a resolution, in every inflected form.
    pub resolution_words: &'static [&'static str],
    /// Words that name a decision, in every inflected form.
    pub decision_words: &'static [&'static str],
    /// Words that may stand between the resolution word and its number (`No.`, `Nr.`).
    pub number_words: &'static [&'static str],
    /// Body names that stand before the resolution word (`Security Council resolution`).
    pub bodies_before: &'static [(&'static str, BodyName)],
    /// Body phrases that follow the number (`of the General Assembly`, `der Generalversammlung`).
    pub bodies_after: &'static [(&'static str, BodyName)],
    /// Possessives meaning "the citing body's own" (`its`, `ihre`).
    pub possessives: &'static [&'static str],
    /// Words linking a body to a possessive that then means that body (`the Council in its
    /// resolution`): `in`, `by`.
    pub possessive_glue: &'static [&'static str],
    /// Words that join list items (`and`, `as well as`).
    pub and_words: &'static [&'static str],
    /// Words that make a range of part letters (`to`, `bis`).
    pub range_words: &'static [&'static str],
    /// Words that introduce the date of a cited resolution (`of`, `dated`, `vom`).
    pub date_connectors: &'static [&'static str],
    /// Words introducing the paragraph of a report (`para.`, `Ziff.`), which end a symbol.
    pub paragraph_words: &'static [&'static str],
    /// Clause opening words with their normalised English form (`unter Hinweis auf` ->
    /// `recalling`).
    pub verbs: &'static [(&'static str, &'static str)],
    /// Adverbs that may precede a clause's opening verb and are skipped (`also`, `further`).
    pub verb_fillers: &'static [&'static str],
    /// Words that open a preambular paragraph before its verb where the preamble and the
    /// operative part use the same verb (Arabic `وإذ تشير` recalling, `تشير` recalls): an
    /// unnumbered paragraph without one opens with an operative verb. Empty where the forms
    /// differ or nothing tells them apart.
    pub preamble_markers: &'static [&'static str],
    /// Whether an opening word that is not in `verbs` is itself the normalised verb (true for
    /// English, whose words are the vocabulary).
    pub verbs_are_english: bool,
    /// Lines that open the body of a resolution (`The General Assembly,`), with the body.
    pub openers: &'static [(&'static str, BodyName)],
    /// Headings that start an annex.
    pub annex_words: &'static [&'static str],
    /// Heading phrase before the adoption date (`Resolution adopted by the General Assembly on`).
    pub adopted_phrases: &'static [&'static str],
    /// Heading phrase before the agenda item (`Agenda item`).
    pub agenda_words: &'static [&'static str],
    /// The word that follows a session ordinal in the heading (`session`, `Tagung`).
    pub session_words: &'static [&'static str],
    /// Ordinal words: units and tens, with their values, as they compose session ordinals.
    pub ordinals: &'static [(&'static str, u32)],
    /// Heading phrase that introduces the report a resolution was adopted on (`on the report of`).
    pub report_phrases: &'static [&'static str],
    /// Function words that mark the language for detection.
    pub markers: &'static [&'static str],
    /// Whether the script separates words with spaces (not Chinese, where a word may touch the
    /// next one).
    pub spaced: bool,
    /// Clitics that may be glued before a keyword (Arabic `و`, `ب`, `ل`: `بقرارها`, `لقرار`).
    pub keyword_proclitics: &'static [&'static str],
    /// Where a piece of each keyword lies that is rarer in running text than its opening, in
    /// characters (skipped, taken): Russian keywords open with `ре` (`резолюция`, `решение`),
    /// as many Russian words do, and are searched by `золю` and `шени`. `None`: the keywords
    /// are searched whole.
    pub keyword_stems: Option<(usize, usize)>,
    /// Keyword forms that carry a possessive themselves (Arabic `قرارها`, "its resolution").
    pub possessive_keywords: &'static [&'static str],
    /// Body names standing between the keyword and its number (Arabic `قرار مجلس الأمن 1325`,
    /// Russian `резолюции Совета Безопасности 1540 (2004)`).
    pub bodies_inside: &'static [(&'static str, BodyName)],
    /// Words that may follow such a body name before the number (`التابع للأمم المتحدة`,
    /// `Организации Объединенных Наций`).
    pub inside_fillers: &'static [&'static str],
    /// Words that name "the Council" without saying which (`du Conseil`, `Совета`, `المجلس`,
    /// `理事会`): the citing document's council (Security Council, ECOSOC or Human Rights
    /// Council), and nothing when the citing document is not a council's.
    pub council_words: &'static [&'static str],
    /// Session markers written in parentheses in place of a Roman numeral, with the kind of
    /// session: Arabic `(د-17)` = (XVII).
    pub session_markers: &'static [(&'static str, SessionKind)],
    /// Words after a year inside the parentheses (`2118 (2013 год)`).
    pub paren_year_suffix: &'static [&'static str],
    /// Part letters written as words (Arabic `ألف` = A, `باء` = B).
    pub part_names: &'static [(&'static str, char)],
    /// And-words that are glued to the word after them (Arabic `و`: `و2109 (2013)`).
    pub and_prefixes: &'static [&'static str],
    /// Connectors that give one date per item at the end of a list (French `en date des 4 mars,
    /// 13 mars et 18 décembre 1964`).
    pub distributive_connectors: &'static [&'static str],
    /// Words after a number that close it (Chinese `号`).
    pub number_suffixes: &'static [&'static str],
    /// Words between a body name (or a date) and the number it qualifies (Chinese `通过的`, `在`).
    pub bridges: &'static [&'static str],
    /// Openers of a modifier phrase between a body and the number, which ends with one of
    /// `modifier_ends` (Chinese `题为“...”的`, `关于...的`).
    pub modifier_openers: &'static [&'static str],
    /// The words that end such a modifier (Chinese `的`).
    pub modifier_ends: &'static [&'static str],
    /// Words joining the parts of a composed ordinal (`und`, `et`, `و`).
    pub ordinal_joiners: &'static [&'static str],
    /// Whether the session word stands before the ordinal (Arabic `الدورة الثامنة والسبعون`).
    pub session_word_first: bool,
    /// Opening words of operative paragraphs, consulted before `verbs` there, for languages
    /// where an operative verb has the same form as a preambular one (Chinese `回顾`: recalls /
    /// recalling) or is its bare form (Arabic `تشير` recalls, `وإذ تشير` recalling).
    pub operative_verbs: &'static [(&'static str, &'static str)],
    /// Keywords that name their body (`UNSCR` = Security Council resolution, `UNSCR1540`); they
    /// are also in `resolution_words`.
    pub keyword_bodies: &'static [(&'static str, BodyName)],
    /// Words after the agenda item number that are not part of it (`Point 69 b) de l'ordre du
    /// jour`, `البند 69 (ب) من جدول الأعمال`).
    pub agenda_suffixes: &'static [&'static str],
    /// Words that open a description of a list item, after which the list may go on with a
    /// dated item of the same form (`63/71 of 2 December 2008 on the Convention on Cluster
    /// Munitions and 70/54 of 7 December 2015`, `66/288 ..., entitled “The future we want”, and
    /// 68/223 of ...`).
    pub description_words: &'static [&'static str],
    /// Words that lead from a description of a keyword's resolutions to their list, lower case
    /// (`resolutions related to culture and sustainable development, in particular 41/187 of
    /// ...`).
    pub lead_in_words: &'static [&'static str],
    /// Articles that may stand between a lead-in word and the list, lower case (`en
    /// particulier les 41/187`, `en particular la 65/281`).
    pub lead_in_articles: &'static [&'static str],
    /// Phrases that end the sponsors' line of a draft (`Iraq:* draft resolution`), lower case;
    /// the draft's title follows that line.
    pub draft_phrases: &'static [&'static str],
    /// Lines that say what kind of document a report or note is (`Note by the Secretariat`,
    /// `Report of the Secretary-General`), lower case, as they open the line; the document's
    /// title is the paragraph above.
    pub kind_lines: &'static [&'static str],
}

/// The first bytes of the words of one static list, for telling at once that none of them
/// starts at a place.
#[derive(Clone, Copy)]
pub(crate) struct Firsts {
    /// The list (its address and length): the tables are static, so this names it.
    key: (usize, usize),
    /// The ASCII first bytes other than the space, as a set.
    pub ascii: u128,
    /// Some word starts with a space or a non-ASCII character, or is empty.
    pub other: bool,
    /// The first two bytes of the words that start with a letter of a script without case
    /// ([`script::caseless`]: Arabic, Han), as a set ([`Firsts::caseless_bit`]).
    pub caseless: u64,
    /// Some word starts otherwise than with such a letter (ASCII included: `K`, the Kelvin
    /// sign, lower-cases to `k`), or is empty: a character outside ASCII may start one.
    pub cased: bool,
}

impl Firsts {
    /// The bit of [`Firsts::caseless`] for a character whose UTF-8 opens with `b0`, `b1`.
    pub fn caseless_bit(b0: u8, b1: u8) -> u64 {
        1 << ((u32::from(b0) * 31 + u32::from(b1)) & 63)
    }
}

/// Slots for the lists' first bytes ([`first_bytes`]): the tables hold a few hundred lists in
/// all, so the slots never fill.
const FIRSTS_SLOTS: usize = 4096;

thread_local! {
    /// The lists met, by their address: each in one of its two slots (the address shifted, a
    /// hash of it), else in the first free slot after the first of them. A list is never put out: with one
    /// slot per address, two lists asked in turn whose addresses shared it took it from each
    /// other at every call, and a change of the code elsewhere that moved the static lists
    /// made the 25 MB file's extraction 3 % slower. Empty slots are all zeros (key `(0, 0)`).
    static FIRSTS: [std::cell::Cell<Firsts>; FIRSTS_SLOTS] = const {
        [const {
            std::cell::Cell::new(Firsts {
                key: (0, 0),
                ascii: 0,
                other: false,
                caseless: 0,
                cased: false,
            })
        }; FIRSTS_SLOTS]
    };
}

/// The first bytes of a static list of words (`addr`, `len`: the list; `word(i)`: its word
/// `i`): the set of ASCII ones other than the space, whether any word starts otherwise (a
/// space, a non-ASCII character, or nothing), and the first characters of the words that open
/// with a letter without case. Worked out once per list and thread, and kept by the list's
/// address.
#[inline]
pub(crate) fn first_bytes<'w>(addr: usize, len: usize, word: impl Fn(usize) -> &'w str) -> Firsts {
    // The kept answer is read in a few instructions: most lists sit in their first slot, the
    // address alone (the static lists lie apart in a few tens of kilobytes), and the closure
    // of the thread-local access only reads it, so that it is compiled in place. The second
    // slot (a hash of the address), the others and working the answer out are the rare
    // paths.
    let home = (addr >> 4) % FIRSTS_SLOTS;
    let f = FIRSTS.with(|cells| cells[home].get());
    if f.key == (addr, len) {
        return f;
    }
    let h = (addr as u64 ^ (len as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    first_bytes_slow(addr, len, [home, (h >> 52) as usize % FIRSTS_SLOTS], word)
}

/// [`first_bytes`] past the list's first slot: its second slot, the slots after the first,
/// and the answer worked out and kept where the list is met for the first time.
#[inline(never)]
fn first_bytes_slow<'w>(
    addr: usize,
    len: usize,
    slots: [usize; 2],
    word: impl Fn(usize) -> &'w str,
) -> Firsts {
    let found = FIRSTS.with(|cells| {
        let second = cells[slots[1]].get();
        if second.key == (addr, len) {
            return Ok(second);
        }
        if cells[slots[0]].get().key == (0, 0) {
            return Err(Some(slots[0]));
        }
        if second.key == (0, 0) {
            return Err(Some(slots[1]));
        }
        for k in 0..FIRSTS_SLOTS {
            let slot = (slots[0] + k) % FIRSTS_SLOTS;
            let f = cells[slot].get();
            if f.key == (addr, len) {
                return Ok(f);
            }
            if f.key == (0, 0) {
                return Err(Some(slot));
            }
        }
        Err(None)
    });
    let free = match found {
        Ok(f) => return f,
        Err(free) => free,
    };
    let mut f = Firsts {
        key: (addr, len),
        ascii: 0,
        other: false,
        caseless: 0,
        cased: false,
    };
    for i in 0..len {
        let w = word(i);
        match w.as_bytes().first() {
            Some(&b) if b.is_ascii() && b != b' ' => f.ascii |= 1 << b,
            _ => f.other = true,
        }
        match (w.chars().next(), w.as_bytes()) {
            (Some(c), [b0, b1, ..]) if script::caseless(c) => {
                f.caseless |= Firsts::caseless_bit(*b0, *b1);
            }
            _ => f.cased = true,
        }
    }
    if let Some(slot) = free {
        FIRSTS.with(|cells| cells[slot].set(f));
    }
    f
}

impl Table {
    /// Whether a (trimmed) line may start with one of the openers (`The General Assembly,`)
    /// once lower-cased: its first letter, lower-cased, is one an opener starts with. Checked
    /// before a line is lower-cased whole, which most lines never need.
    #[inline]
    pub fn may_open(&self, line: &str) -> bool {
        // An ASCII first letter lower-cases to one ASCII byte: looked up in the set of the
        // openers' first bytes, worked out once per table (every line of a text is asked).
        if let Some(&b) = line.as_bytes().first()
            && b.is_ascii()
        {
            static FIRSTS: [std::sync::OnceLock<u128>; 7] =
                [const { std::sync::OnceLock::new() }; 7];
            let set = FIRSTS
                .get(self.lang as usize)
                .map(|cell| {
                    *cell.get_or_init(|| {
                        self.openers
                            .iter()
                            .filter_map(|(w, _)| w.as_bytes().first())
                            .filter(|f| f.is_ascii())
                            .fold(0u128, |set, f| set | 1 << f)
                    })
                })
                .unwrap_or(u128::MAX);
            return set >> b.to_ascii_lowercase() & 1 == 1;
        }
        line.chars()
            .next()
            .map(script::first_lower)
            .is_some_and(|c| self.openers.iter().any(|(w, _)| w.starts_with(c)))
    }
}

/// Guesses the language of a text from its script and its function words, read in its first
/// 40 kB.
pub fn detect(text: &str) -> Lang {
    let sample = &text[..crate::layout::floor_char(text, 40_000)];
    let n = script_counts(sample);
    // Han characters carry a word each, so they count more than letters (`script_counts`
    // counts each three times).
    let scores = [
        (Lang::Ar, n.arabic),
        (Lang::Ru, n.cyrillic),
        (Lang::Zh, n.han),
        (Lang::En, n.latin),
    ];
    let best = scores.iter().max_by_key(|(_, n)| *n).map(|(l, _)| *l);
    match best {
        Some(Lang::En) | None => detect_latin(sample),
        Some(l) => l,
    }
}

/// Among the Latin-script languages, the one whose function words occur most often.
fn detect_latin(text: &str) -> Lang {
    let mut best = (Lang::En, 0usize);
    for (lang, n) in LATIN.iter().copied().zip(marker_counts(text).all) {
        if n > best.1 {
            best = (lang, n);
        }
    }
    best.0
}

/// The Latin-script languages told apart by their function words.
const LATIN: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

/// Each function word, packed into a number (its lower-case UTF-8 bytes, at most 8), with the
/// languages (bits in `LATIN` order) it marks, in an open-addressing table of `MARKER_SLOTS`
/// slots (key 0 = empty): one multiplication and usually one comparison per word.
static MARKERS: LazyLock<Vec<(u64, u8)>> = LazyLock::new(|| {
    let mut t = vec![(0u64, 0u8); MARKER_SLOTS];
    for (k, lang) in LATIN.iter().enumerate() {
        for w in lang.table().markers {
            let Some(key) = pack(w.as_bytes()) else {
                continue;
            };
            let mut i = marker_slot(key);
            while t[i].0 != 0 && t[i].0 != key {
                i = (i + 1) % MARKER_SLOTS;
            }
            t[i].0 = key;
            t[i].1 |= 1 << k;
        }
    }
    t
});

const MARKER_SLOTS: usize = 1024;

fn marker_slot(key: u64) -> usize {
    // Fibonacci hashing: the top 10 bits of the product.
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
}

/// The languages a packed word marks (0 for none).
fn marker_bits(markers: &[(u64, u8)], key: u64) -> u8 {
    let mut i = marker_slot(key);
    loop {
        match markers.get(i) {
            Some((k, bits)) if *k == key => return *bits,
            Some((0, _)) | None => return 0,
            Some(_) => i = (i + 1) % MARKER_SLOTS,
        }
    }
}

/// The length in bytes of the longest function word (lower case; upper case letters of the
/// Latin scripts have the same length).
static LONGEST_MARKER: LazyLock<usize> = LazyLock::new(|| {
    LATIN
        .iter()
        .flat_map(|l| l.table().markers.iter())
        .map(|w| w.len())
        .max()
        .unwrap_or(0)
        .min(8)
});

/// A word of at most 8 bytes as a number (0 for none: no word packs to 0).
fn pack(w: &[u8]) -> Option<u64> {
    (!w.is_empty() && w.len() <= 8).then(|| w.iter().fold(0u64, |a, b| (a << 8) | u64::from(*b)))
}

/// The languages the word `text[start..end]` marks (bits in `LATIN` order; 0 for none). An
/// ASCII word is packed from one 8-byte load: its bytes are letters or apostrophes, and setting
/// bit 5 of each lower-cases the letters and keeps the apostrophe (0x27).
fn word_marks(markers: &[(u64, u8)], text: &str, start: usize, end: usize) -> u8 {
    let n = end - start;
    if n == 0 || n > 8 {
        return 0;
    }
    let b = text.as_bytes();
    if end >= 8
        && let Ok(last8) = <[u8; 8]>::try_from(&b[end - 8..end])
    {
        let mask = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        let word = u64::from_be_bytes(last8) & mask;
        if word & 0x8080_8080_8080_8080 == 0 {
            return marker_bits(markers, word | (0x2020_2020_2020_2020 & mask));
        }
    }
    folded_key(&text[start..end]).map_or(0, |key| marker_bits(markers, key))
}

/// A word lower-cased character by character and packed, if it stays within 8 bytes.
fn folded_key(w: &str) -> Option<u64> {
    let mut buf = [0u8; 8];
    let mut len = 0;
    for c in w.chars().flat_map(char::to_lowercase) {
        let l = c.len_utf8();
        if len + l > 8 {
            return None;
        }
        c.encode_utf8(&mut buf[len..]);
        len += l;
    }
    pack(&buf[..len])
}

/// The function words of each `LATIN` language in a text: all of them, and those of that
/// language alone (French and Spanish share `de`, `la`, `en` and `que`, the commonest words of
/// both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Marks {
    all: [usize; 4],
    /// Words by the set of languages they mark (bits in `LATIN` order): one addition a word,
    /// where counting each language's own words was a branch and a bit search.
    by_set: [usize; 16],
}

impl Marks {
    fn add(&mut self, bits: u8) {
        for (k, c) in self.all.iter_mut().enumerate() {
            *c += usize::from(bits >> k & 1);
        }
        self.by_set[usize::from(bits & 15)] += 1;
    }

    /// The words of language `k` alone.
    fn only(&self, k: usize) -> usize {
        self.by_set[1 << k]
    }

    /// Whether one language is clear already: 8 words and three times any other.
    fn clear(&self) -> bool {
        let (mut first, mut second) = (0, 0);
        for &c in &self.all {
            if c > first {
                (first, second) = (c, first);
            } else if c > second {
                second = c;
            }
        }
        first >= 8 && second * 3 <= first
    }

    /// The language these words mark, if one leads clearly: at least 4 of its words, and twice
    /// the words of the next; or, where the two share words, at least 2 words of its own and
    /// three times the next one's own. Without the second reading, two thirds of the Spanish
    /// sentences with a number in the UN dev set were left undecided against French.
    fn leader(&self) -> Option<Lang> {
        let mut order = [0usize, 1, 2, 3];
        // Stable: of languages with equal counts, the first in `LATIN` order leads.
        order.sort_by_key(|&k| std::cmp::Reverse(self.all[k]));
        let (best, next) = (order[0], order[1]);
        let n = self.all[best];
        let own = self.only(best);
        (n >= 4 && (n >= 2 * self.all[next] || (own >= 2 && own >= 3 * self.only(next))))
            .then_some(LATIN[best])
    }
}

/// Counts the function words of each `LATIN` language in `text`: words are runs of letters and
/// apostrophes ([`blocks::Words`]), compared in lower case, and only those as short as a
/// function word are looked up. Stops once one language is clearly ahead. No allocation.
fn marker_counts(text: &str) -> Marks {
    let markers = &*MARKERS;
    // Function words are short: longer words are passed over unread.
    let longest = *LONGEST_MARKER;
    let mut marks = Marks::default();
    for (start, end) in blocks::Words::new(text.as_bytes()) {
        if end - start > longest {
            continue;
        }
        let bits = word_marks(markers, text, start, end);
        if bits != 0 {
            marks.add(bits);
            // Counts only grow: the lead can become clear only when the leader's count grows,
            // and it needs 8, so the check waits for a language of this word to reach 8.
            let reached = (0..4).any(|k| bits >> k & 1 != 0 && marks.all[k] >= 8);
            if reached && marks.clear() {
                break;
            }
        }
    }
    marks
}

/// Letters of each script in `text`, read from the UTF-8 lead bytes (Han counted three times:
/// a character carries a word).
struct ScriptCounts {
    arabic: usize,
    cyrillic: usize,
    han: usize,
    latin: usize,
}

fn script_counts(text: &str) -> ScriptCounts {
    // Each script is a range of lead bytes ([`blocks::script_leads`]).
    let [latin, cyrillic, arabic, han] = blocks::script_leads(text.as_bytes());
    ScriptCounts {
        arabic,
        cyrillic,
        han: han * 3,
        latin,
    }
}

/// Whether `text` holds a decimal digit of any script ([`script::is_digit`]), read from bytes:
/// ASCII digits, then the Arabic-Indic (D9 A0-A9), Extended Arabic-Indic (DB B0-B9) and
/// full-width (EF BC 90-99) ones, found from their lead bytes.
fn has_digit(text: &str) -> bool {
    let b = text.as_bytes();
    blocks::has_ascii_digit(b)
        || memchr::memchr3_iter(0xD9, 0xDB, 0xEF, b).any(|i| match (b[i], b.get(i + 1)) {
            (0xD9, Some(0xA0..=0xA9)) | (0xDB, Some(0xB0..=0xB9)) => true,
            (0xEF, Some(0xBC)) => matches!(b.get(i + 2), Some(0x90..=0x99)),
            _ => false,
        })
}

/// Where the number that labels a paragraph ends (`12.`, `3)`, `(4)`, followed by white space),
/// or 0 where none opens it: a paragraph whose only digits are its label's holds no reference
/// either (a quarter of the corpus's paragraphs with a digit).
fn label_end(text: &str) -> usize {
    let b = text.as_bytes();
    let mut i = b.iter().take_while(|x| x.is_ascii_whitespace()).count();
    let open = b.get(i) == Some(&b'(');
    i += usize::from(open);
    let digits = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return 0;
    }
    i += digits;
    let closed = match b.get(i) {
        Some(b')') => true,
        Some(b'.') => !open,
        _ => false,
    };
    if closed && b.get(i + 1).is_some_and(|x| x.is_ascii_whitespace()) {
        i + 1
    } else {
        0
    }
}

/// The language of a paragraph when it is clear: a script that makes up most of its letters,
/// or Latin-script function words of one language well ahead of the others. Short paragraphs
/// (symbols, numbers, names) have none, nor have paragraphs without a digit: they hold no
/// reference, so their language does not matter.
fn detect_paragraph(text: &str) -> Option<Lang> {
    // The opening of a paragraph tells its language; a whole file without blank lines is one
    // paragraph, and reading all of it would cost more than its extraction.
    if !has_digit(&text[label_end(text)..]) {
        return None;
    }
    let sample = &text[..crate::layout::floor_char(text, 4096)];
    let n = script_counts(sample);
    let total = n.arabic + n.cyrillic + n.han + n.latin;
    // A script of one language tells it from a few words (`大会第70/1号决议。`, a segment of
    // six characters); the Latin languages need 40 letters for their function words.
    if total < 12 {
        return None;
    }
    for (lang, k) in [
        (Lang::Ar, n.arabic),
        (Lang::Ru, n.cyrillic),
        (Lang::Zh, n.han),
    ] {
        if k * 10 >= total * 6 {
            return Some(lang);
        }
    }
    if total < 40 || n.latin * 10 < total * 6 {
        return None;
    }
    // A kilobyte (about 150 words) of running text shows its function words.
    marker_counts(&sample[..crate::layout::floor_char(sample, 1024)]).leader()
}

/// The paragraphs (runs of non-blank lines) of `text` that are clearly written in another
/// language than `main`, as byte ranges with their language; adjacent paragraphs of one
/// language form one range. A file that mixes languages is read paragraph by paragraph with
/// these.
pub fn other_language_paragraphs(text: &str, main: Lang) -> Vec<(usize, usize, Lang)> {
    let mut blocks = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if line.trim().is_empty() {
            blocks.extend(para.take());
        } else {
            para = Some((para.map_or(start, |p| p.0), end));
        }
        start = end;
    }
    blocks.extend(para);
    other_language_blocks(text, &blocks, main)
}

/// [`other_language_paragraphs`] for paragraphs already found (`blocks`: byte ranges of runs of
/// non-blank lines, in order, as [`crate::layout::Layout::blocks`] gives them).
pub fn other_language_blocks(
    text: &str,
    blocks: &[(usize, usize)],
    main: Lang,
) -> Vec<(usize, usize, Lang)> {
    let mut out: Vec<(usize, usize, Lang)> = Vec::new();
    for &(s, e) in blocks {
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        if let Some(lang) = detect_paragraph(piece)
            && lang != main
        {
            match out.last_mut() {
                Some(last) if last.2 == lang && text[last.1..s].trim().is_empty() => last.1 = e,
                _ => out.push((s, e, lang)),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The former reading, kept to check [`marker_counts`] against: the function words of each
    /// `LATIN` language in `text`, words cut byte by byte and lower-cased by characters.
    fn marker_counts_by_chars(text: &str) -> Marks {
        let markers = &*MARKERS;
        // Function words are short: longer words are passed over unread.
        let longest = *LONGEST_MARKER;
        // The languages a word marks (bits in `LATIN` order).
        let bits_of = |w: &str| -> u8 {
            let key = if w.is_ascii() {
                pack(w.to_ascii_lowercase().as_bytes())
            } else {
                folded_key(w)
            };
            key.map_or(0, |key| marker_bits(markers, key))
        };
        let mut counts = [0usize; 4];
        let mut by_set = [0usize; 16];
        let add = |bits: u8, counts: &mut [usize; 4], by_set: &mut [usize; 16]| {
            for (k, c) in counts.iter_mut().enumerate() {
                if bits & (1 << k) != 0 {
                    *c += 1;
                }
            }
            by_set[usize::from(bits)] += 1;
        };
        // Only words as short as a function word are looked up.
        for (start, end) in blocks::words_by_byte(text.as_bytes()) {
            if end - start > longest {
                continue;
            }
            let bits = bits_of(&text[start..end]);
            if bits != 0 {
                add(bits, &mut counts, &mut by_set);
                // Clear already: one language has 8 and three times any other.
                let mut sorted = counts;
                sorted.sort_unstable();
                if sorted[3] >= 8 && sorted[2] * 3 <= sorted[3] {
                    break;
                }
            }
        }
        Marks {
            all: counts,
            by_set,
        }
    }

    proptest! {
        /// Words packed from one load count as words lower-cased by characters did.
        #[test]
        fn marker_counts_as_by_characters(
            words in proptest::collection::vec(prop_oneof![
                Just("the".to_string()), Just("THE".to_string()), Just("Der".to_string()), Just("des".to_string()), Just("l'Assemblée".to_string()),
                Just("la".to_string()), Just("LA".to_string()), Just("y".to_string()), Just("À".to_string()), Just("für".to_string()), Just("Über".to_string()),
                Just("del".to_string()), Just("und".to_string()), Just("and".to_string()), Just("résolution".to_string()), Just("et".to_string()),
                Just("’".to_string()), Just("«".to_string()), Just("\u{A0}".to_string()), Just("–".to_string()), Just(" ".to_string()), Just(", ".to_string()),
                Just("70/1".to_string()), Just("of".to_string()), Just("de".to_string()), Just("en".to_string()), Just("le".to_string()), Just("los".to_string()),
                Just("die".to_string()), Just("a".to_string()), Just("in".to_string()), Just("zu".to_string()), Just("ſ".to_string()), Just("K".to_string()),
                "[a-zA-Z'éÉäÄ]{1,10}",
            ], 0..120),
            lead in 0usize..9,
        ) {
            let text = format!("{}{}", "x".repeat(lead), words.concat());
            prop_assert_eq!(marker_counts(&text), marker_counts_by_chars(&text));
            prop_assert_eq!(marker_counts(&words.concat()), marker_counts_by_chars(&words.concat()));
        }
    }

    /// The byte-class counts equal a count by characters, across many of the counting blocks.
    #[test]
    fn script_counts_match_a_count_by_characters() {
        let piece = "Résolution 70/1 de l'Assemblée générale, резолюция 2118 (2013), القرار ٢١١٨، 第２１１８号决议 一丁. ";
        let text = piece.repeat(200);
        let n = script_counts(&text);
        let count = |f: fn(char) -> bool| text.chars().filter(|c| f(*c)).count();
        assert_eq!(n.arabic, count(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
        assert_eq!(
            n.cyrillic,
            count(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        );
        assert_eq!(n.han, 3 * count(|c| ('\u{4000}'..='\u{9FFF}').contains(&c)));
        assert_eq!(
            n.latin,
            count(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
        );
        assert!(has_digit(&text));
        assert!(!has_digit("no digits here, ни цифр ＡＢ ٪"));
        for digit in ["القرار ٢١١٨", "۱۲", "第２号", "70/1"] {
            assert!(has_digit(digit), "{digit}");
        }
        // Past a 64-byte block, and the same as a search by characters.
        for text in [format!("{}7", "é".repeat(40)), "x".repeat(200)] {
            assert_eq!(has_digit(&text), text.chars().any(script::is_digit));
        }
    }

    #[test]
    fn function_words_by_language() {
        // fr: la, de, et, des (`l'Assemblée` is one word: the apostrophe belongs to words).
        let fr = "Rappelant la résolution 1514 (XV) de l'Assemblée générale et des résolutions";
        let [en, de, fr_n, es] = marker_counts(fr).all;
        assert_eq!((en, de), (0, 0));
        assert_eq!(fr_n, 4);
        // `la` and `de` are Spanish function words too.
        assert_eq!(es, 2);
        let en_text = "Recalling THE resolutions of the General Assembly and in particular";
        assert_eq!(marker_counts(en_text).all[0], 5);
        assert_eq!(detect_paragraph(&format!("{fr} 1, {fr}")), Some(Lang::Fr));
        assert_eq!(detect_paragraph("short 1"), None);
        // Four Chinese characters are enough; four Latin words are not.
        assert_eq!(detect_paragraph("大会第70/1号决议。"), Some(Lang::Zh));
        assert_eq!(detect_paragraph("See resolution 70/1 and annex."), None);
        assert_eq!(detect_paragraph("决议 1"), None);
    }

    #[test]
    fn a_paragraph_label_is_not_a_digit_of_its_text() {
        for (text, end) in [
            ("12. Prie", 3),
            ("  3) Decides", 4),
            ("(4) Notes", 3),
            ("(a) Notes", 0),
            ("1234. Notes", 0),
            ("70/1 Notes", 0),
            ("4.5 Notes", 0),
            ("(4. Notes", 0),
            ("12.", 0),
            ("", 0),
        ] {
            assert_eq!(label_end(text), end, "{text:?}");
        }
        let fr = "Prie le Secrétaire général de lui présenter un rapport sur les mesures prises \
                  par les États et les organisations du système des Nations Unies pour donner \
                  suite aux recommandations";
        assert_eq!(detect_paragraph(&format!("2. {fr}")), None);
        assert_eq!(
            detect_paragraph(&format!("2. {fr}, de la résolution 70/1")),
            Some(Lang::Fr)
        );
        assert_eq!(detect_paragraph(&format!("En 2020, {fr}")), Some(Lang::Fr));
    }
}
