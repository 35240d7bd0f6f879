//! A date's shape read by hand: the day, an optional day suffix, the month name, the year and
//! its suffix, tried in the order a regular expression of the same shape would try them.
//!
//! Each language's shape is built from its table in microseconds; compiling the equivalent
//! regular expression (Unicode case folding, the Arabic mark class after every letter) cost
//! about a millisecond per language, more than most texts spend reading their dates. The shape
//! is the one the tests hold against a regular expression of the same table
//! (`date::tests::shapes_read_as_the_pattern`):
//!
//! - day-month-year: `(?i)^(?P<d>D{1,2})(?:\.|er|º|°)?S*G(?P<m>MONTH)\.?S+G(?P<y>D{4})Y`, where
//!   `D` is a digit of any script ([`script::is_digit`]), `S` white space, `G` an optional glue
//!   word and its white space (`de `), `Y` an optional year suffix after optional white space
//!   (`года`); with `day_month`, the part from the year's white space on is optional and no
//!   period follows the month;
//! - year-month-day: `^(?P<y>D{4})\s*年\s*(?P<mn>D{1,2})\s*月\s*(?P<d>D{1,2})\s*日`, the year
//!   and its `年` optional with `day_month`.
//!
//! Alternatives are tried in the regular expression's order (longest word first), so where
//! more than one reading fits, the same one is taken. Inside a word, a space stands for any run
//! of white space, a slash may have white space around it and an Arabic letter may be followed
//! by tatweel and vowel marks, as in [`super::alternation`].

use crate::lang::{DateOrder, Table, script};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// The characters a pattern character matches when case is ignored (Unicode simple case
/// folding, as a regular expression with `(?i)` reads it): `k` also matches `K` and the Kelvin
/// sign.
#[derive(Debug, Clone)]
struct Fold {
    chars: Vec<char>,
    /// The ASCII ones among them, twice if one (`NUL` twice if none): compared without a
    /// search of `chars`.
    ascii: [u8; 2],
    /// An Arabic letter: tatweel and vowel marks may follow it.
    marks: bool,
}

impl Fold {
    fn new(c: char) -> Fold {
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        class.case_fold_simple();
        let chars: Vec<char> = class.iter().flat_map(|r| r.start()..=r.end()).collect();
        let mut ascii = chars
            .iter()
            .filter_map(|&c| u8::try_from(c).ok().filter(u8::is_ascii));
        let first = ascii.next().unwrap_or(0);
        Fold {
            ascii: [first, ascii.next().unwrap_or(first)],
            chars,
            marks: ('\u{0620}'..='\u{06FF}').contains(&c),
        }
    }

    fn has(&self, c: char) -> bool {
        self.chars.contains(&c)
    }

    /// The length of the character at `pos` if it is one of these. An ASCII byte is compared
    /// without decoding.
    #[inline]
    fn len_at(&self, hay: &str, pos: usize) -> Option<usize> {
        let b = *hay.as_bytes().get(pos)?;
        if b.is_ascii() {
            return (b != 0 && (b == self.ascii[0] || b == self.ascii[1])).then_some(1);
        }
        let c = hay.get(pos..)?.chars().next()?;
        self.has(c).then_some(c.len_utf8())
    }
}

/// One step of a word.
#[derive(Debug, Clone)]
enum Unit {
    Char(Fold),
    /// A space of the table's word: one or more white-space characters.
    Space,
    /// A slash with optional white space on both sides.
    Slash,
}

/// A word of the table (a month name, a glue word, a year suffix) as steps, with the bytes
/// its first character may start with: most words are ruled out by the first byte.
#[derive(Debug, Clone)]
struct Word {
    units: Vec<Unit>,
    lead: ByteSet,
}

/// A set of bytes, a bit each.
type ByteSet = [u64; 4];

/// Whether the byte at `pos` of `hay` is in `set`.
#[inline]
fn byte_at_in(set: &ByteSet, hay: &str, pos: usize) -> bool {
    hay.as_bytes()
        .get(pos)
        .is_some_and(|&b| set[usize::from(b >> 6)] >> (b & 63) & 1 != 0)
}

/// The marks an Arabic letter may carry in a word: tatweel and the vowel signs.
fn is_word_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

impl Word {
    fn new(word: &str) -> Word {
        let units: Vec<Unit> = word
            .chars()
            .map(|c| match c {
                ' ' => Unit::Space,
                '/' => Unit::Slash,
                _ => Unit::Char(Fold::new(c)),
            })
            .collect();
        let mut lead = [0u64; 4];
        // A word that opens with white space or a slash is refused by `is_greedy`.
        if let Some(Unit::Char(f)) = units.first() {
            for c in &f.chars {
                let b = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
                lead[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        Word { units, lead }
    }

    /// Whether each step can be taken greedily: no step after a run of white space or marks
    /// could match what that run ate, and the word starts with a character that is neither.
    /// Then the first way the word matches is its only one, and no step needs to be tried again.
    fn is_greedy(&self) -> bool {
        let eaten_by_run = |f: &Fold| {
            f.chars
                .iter()
                .any(|&c| c.is_whitespace() || is_word_mark(c))
        };
        let starts_plain = matches!(self.units.first(), Some(Unit::Char(f)) if !eaten_by_run(f));
        starts_plain
            && self.units.iter().all(|u| match u {
                Unit::Char(f) => !eaten_by_run(f) && f.chars.iter().all(|&c| c != '/'),
                Unit::Space | Unit::Slash => true,
            })
    }

    /// Where the word ends if it matches at `pos`.
    fn match_at(&self, hay: &str, mut pos: usize) -> Option<usize> {
        if !byte_at_in(&self.lead, hay, pos) {
            return None;
        }
        for unit in &self.units {
            match unit {
                Unit::Char(f) => {
                    pos += f.len_at(hay, pos)?;
                    if f.marks {
                        pos = skip(hay, pos, is_word_mark);
                    }
                }
                Unit::Space => pos = skip_some(hay, pos, char::is_whitespace)?,
                Unit::Slash => {
                    pos = skip(hay, pos, char::is_whitespace);
                    if hay.as_bytes().get(pos) != Some(&b'/') {
                        return None;
                    }
                    pos = skip(hay, pos + 1, char::is_whitespace);
                }
            }
        }
        Some(pos)
    }
}

/// Words tried in order at one position, with the bytes any of them may start with.
#[derive(Debug)]
struct Alternation {
    words: Vec<Word>,
    lead: ByteSet,
}

impl Alternation {
    fn new(words: Vec<Word>) -> Alternation {
        let mut lead = [0u64; 4];
        for w in &words {
            for (a, b) in lead.iter_mut().zip(w.lead) {
                *a |= b;
            }
        }
        Alternation { words, lead }
    }

    /// Where each word that matches at `pos` ends, in the alternation's order.
    fn ends<'a>(&'a self, hay: &'a str, pos: usize) -> impl Iterator<Item = usize> + 'a {
        let words: &[Word] = if byte_at_in(&self.lead, hay, pos) {
            &self.words
        } else {
            &[]
        };
        words.iter().filter_map(move |w| w.match_at(hay, pos))
    }
}

/// Where the run of characters that pass `f` at `pos` ends.
fn skip(hay: &str, pos: usize, f: impl Fn(char) -> bool) -> usize {
    let rest = hay.get(pos..).unwrap_or_default();
    pos + rest.find(|c: char| !f(c)).unwrap_or(rest.len())
}

/// [`skip`], for a run of at least one character.
fn skip_some(hay: &str, pos: usize, f: impl Fn(char) -> bool) -> Option<usize> {
    let end = skip(hay, pos, f);
    (end > pos).then_some(end)
}

/// Where a run of at least `min` and at most `max` digits at `pos` ends (greedy).
fn digits(hay: &str, pos: usize, min: usize, max: usize) -> Option<usize> {
    let mut end = pos;
    let mut n = 0;
    for c in hay.get(pos..)?.chars().take(max) {
        if !script::is_digit(c) {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    (n >= min).then_some(end)
}

/// A date as read: day, month (`Ok`: a name, `Err`: a number), year and end, as written.
pub(super) type Read<'h> = (&'h str, Result<&'h str, &'h str>, Option<&'h str>, usize);

/// One table's date shape.
#[derive(Debug)]
pub(super) struct Shape {
    order: DateOrder,
    /// `.`, `er`, `º`, `°`.
    day_suffixes: Alternation,
    months: Alternation,
    glue: Alternation,
    year_suffixes: Alternation,
}

/// Words in the order a regular-expression alternation of them is tried: longest first, then
/// in byte order, each once.
pub(super) fn ordered<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<&str> = words.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v
}

impl Shape {
    /// The shape of `table`'s dates; `None` if one of its words could not be read greedily
    /// (none of the tables has such a word; the tests check each).
    pub(super) fn new(table: &Table) -> Option<Shape> {
        let words = |list: Vec<&str>| -> Option<Alternation> {
            let words: Vec<Word> = list.into_iter().map(Word::new).collect();
            words
                .iter()
                .all(Word::is_greedy)
                .then(|| Alternation::new(words))
        };
        Some(Shape {
            order: table.date_order,
            day_suffixes: words(vec![".", "er", "º", "°"])?,
            months: words(ordered(table.months.iter().map(|(m, _)| *m)))?,
            glue: words(ordered(table.date_glue.iter().copied()))?,
            year_suffixes: words(ordered(table.year_suffix.iter().copied()))?,
        })
    }

    /// Reads the date at the start of `hay` (`day_month`: a day and month with an optional
    /// year).
    pub(super) fn read<'h>(&self, hay: &'h str, day_month: bool) -> Option<Read<'h>> {
        match self.order {
            DateOrder::DayMonthYear => self.day_month_year(hay, day_month),
            DateOrder::YearMonthDay => year_month_day(hay, day_month),
        }
    }

    fn day_month_year<'h>(&self, hay: &'h str, day_month: bool) -> Option<Read<'h>> {
        // One or two digits: when two are taken, one would leave a digit where only a suffix,
        // white space or a letter may stand, so the greedy reading is the only one.
        let day_end = digits(hay, 0, 1, 2)?;
        let day = &hay[..day_end];
        for after_day in self.day_suffixes.ends(hay, day_end).chain([day_end]) {
            let at = skip(hay, after_day, char::is_whitespace);
            for month_at in self.glued(hay, at) {
                for month_end in self.months.ends(hay, month_at) {
                    let name = Ok(&hay[month_at..month_end]);
                    if day_month {
                        // The year and what follows it are optional, and nothing comes after.
                        return Some(match self.year(hay, month_end) {
                            Some((year, end)) => (day, name, Some(year), end),
                            None => (day, name, None, month_end),
                        });
                    }
                    let dotted =
                        (hay.as_bytes().get(month_end) == Some(&b'.')).then_some(month_end + 1);
                    for after_month in dotted.into_iter().chain([month_end]) {
                        if let Some((year, end)) = self.year(hay, after_month) {
                            return Some((day, name, Some(year), end));
                        }
                    }
                }
            }
        }
        None
    }

    /// Where a month may start after optional glue at `at` (after a glue word and its white
    /// space, in the alternation's order, and then at `at` itself).
    fn glued<'a>(&'a self, hay: &'a str, at: usize) -> impl Iterator<Item = usize> + 'a {
        self.glue
            .ends(hay, at)
            .filter_map(move |end| skip_some(hay, end, char::is_whitespace))
            .chain([at])
    }

    /// White space, optional glue, a four-digit year and an optional year suffix, from `at`:
    /// the year and the end.
    fn year<'h>(&self, hay: &'h str, at: usize) -> Option<(&'h str, usize)> {
        let at = skip_some(hay, at, char::is_whitespace)?;
        for year_at in self.glued(hay, at) {
            let Some(year_end) = digits(hay, year_at, 4, 4) else {
                continue;
            };
            let after = skip(hay, year_end, char::is_whitespace);
            let end = self
                .year_suffixes
                .ends(hay, after)
                .next()
                .unwrap_or(year_end);
            return Some((&hay[year_at..year_end], end));
        }
        None
    }
}

/// `2023年12月22日`, with white space allowed around each unit; with `day_month`, the year and
/// its `年` may be missing (`12月22日`).
fn year_month_day(hay: &str, day_month: bool) -> Option<Read<'_>> {
    // A full date opens with its year, four digits: a run of ASCII digits of another length,
    // followed by no lead byte of another script's digits (EF, D9, DB), is none. Chinese text
    // asks at every number.
    if !day_month {
        let b = hay.as_bytes();
        let n = b.iter().take(5).take_while(|x| x.is_ascii_digit()).count();
        if n > 0 && n != 4 && !matches!(b.get(n), Some(0xEF | 0xD9 | 0xDB)) {
            return None;
        }
    }
    let unit = |pos: usize, c: char| -> Option<usize> {
        let pos = skip(hay, pos, char::is_whitespace);
        hay.get(pos..)?.starts_with(c).then(|| pos + c.len_utf8())
    };
    let rest = |from: usize| -> Option<(usize, usize, usize, usize, usize)> {
        let month_end = digits(hay, from, 1, 2)?;
        let day_at = skip(hay, unit(month_end, '月')?, char::is_whitespace);
        let day_end = digits(hay, day_at, 1, 2)?;
        Some((month_end, day_at, day_end, unit(day_end, '日')?, from))
    };
    let with_year = digits(hay, 0, 4, 4).and_then(|year_end| {
        let month_at = skip(hay, unit(year_end, '年')?, char::is_whitespace);
        Some((year_end, rest(month_at)?))
    });
    let (year, (month_end, day_at, day_end, end, month_at)) = match with_year {
        Some((year_end, r)) => (Some(&hay[..year_end]), r),
        None if day_month => (None, rest(0)?),
        None => return None,
    };
    Some((
        &hay[day_at..day_end],
        Err(&hay[month_at..month_end]),
        year,
        end,
    ))
}
