//! Canonical ids of UN resolutions, decisions and documents.
//!
//! This module owns the naming convention of `docs/symbols.md`: how a reference is turned into one
//! id (`A/RES/43/78H`, `S/RES/1325(2000)`, `A/78/404` ...), its body, its type and its short label.
//! It also parses the forms users type on the command line back into the same id.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The organ that adopted a resolution or decision, or the series of a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Body {
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
    /// Any other series, named by its symbol prefix (`E/CN.7`, `A/AC.292`, `CEDAW`).
    Series(String),
}

impl Body {
    /// The short name written in every export (`GA`, `SC`, ... or the series prefix).
    pub fn as_str(&self) -> &str {
        match self {
            Body::GA => "GA",
            Body::SC => "SC",
            Body::ECOSOC => "ECOSOC",
            Body::HRC => "HRC",
            Body::CHR => "CHR",
            Body::Series(s) => s,
        }
    }

    /// The series its acts' symbols open with (`A`, `S`, `A/HRC`, ...).
    pub fn series(&self) -> &str {
        match self {
            Body::GA => "A",
            Body::SC => "S",
            Body::ECOSOC => "E",
            Body::HRC => "A/HRC",
            Body::CHR => "E/CN.4",
            Body::Series(s) => s,
        }
    }

    /// Reads a body back from its short name.
    pub fn parse(s: &str) -> Body {
        match s {
            "GA" => Body::GA,
            "SC" => Body::SC,
            "ECOSOC" => Body::ECOSOC,
            "HRC" => Body::HRC,
            "CHR" => Body::CHR,
            other => Body::Series(other.to_string()),
        }
    }

    /// Whether the body numbers its resolutions `session/number` (so a bare `N/N` in its own
    /// texts is one of its own).
    pub fn numbers_by_session(&self) -> bool {
        matches!(self, Body::GA | Body::HRC)
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a node of the graph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A resolution.
    Resolution,
    /// A (numbered) decision.
    Decision,
    /// Any other document with a symbol.
    Document,
}

impl Kind {
    /// The lower-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Resolution => "resolution",
            Kind::Decision => "decision",
            Kind::Document => "document",
        }
    }

    /// Parses `resolution`, `decision` or `document`.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "resolution" => Some(Kind::Resolution),
            "decision" => Some(Kind::Decision),
            "document" => Some(Kind::Document),
            _ => None,
        }
    }
}

/// How the session of a `session/number` resolution is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SessionNo {
    /// A regular session (`78`) or, for ECOSOC and the Commission on Human Rights, a year (`1996`).
    Regular(u32),
    /// A special session (`S-10`).
    Special(u32),
    /// An emergency special session (`ES-10`).
    Emergency(u32),
}

impl fmt::Display for SessionNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionNo::Regular(n) => write!(f, "{n}"),
            SessionNo::Special(n) => write!(f, "S-{n}"),
            SessionNo::Emergency(n) => write!(f, "ES-{n}"),
        }
    }
}

/// A Roman-numbered session of the old numbering (`XV`, `S-VI`, `ES-V`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RomanSession {
    /// Which kind of session.
    pub kind: SessionKind,
    /// The session's number.
    pub number: u32,
}

/// Regular, special or emergency special session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SessionKind {
    /// Regular session.
    Regular,
    /// Special session (`S-`).
    Special,
    /// Emergency special session (`ES-`).
    Emergency,
}

impl fmt::Display for RomanSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.kind {
            SessionKind::Regular => "",
            SessionKind::Special => "S-",
            SessionKind::Emergency => "ES-",
        };
        write!(f, "{prefix}{}", to_roman(self.number))
    }
}

impl RomanSession {
    /// Parses `XV`, `S-VI`, `ES-V` (upper or lower case).
    pub fn parse(s: &str) -> Option<RomanSession> {
        let s = s.trim();
        let (kind, rest) = if let Some(r) = strip_prefix_ci(s, "ES-") {
            (SessionKind::Emergency, r)
        } else if let Some(r) = strip_prefix_ci(s, "S-") {
            (SessionKind::Special, r)
        } else {
            (SessionKind::Regular, s)
        };
        let number = from_roman(rest)?;
        Some(RomanSession { kind, number })
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

/// The part of a resolution adopted in several parts: a letter (`H` in `43/78 H`), and past `Z`
/// the letter doubled (`AA` in `53/77 AA`), as the General Assembly letters them. Parts order as
/// their ids do (`A`, `AA`, `B`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Part {
    /// The letter shifted up one bit, the lowest bit set when doubled: four bytes, and
    /// `Option<Part>` as small (a symbol is held by every mention).
    code: std::num::NonZeroU32,
}

impl Part {
    fn new(letter: char, doubled: bool) -> Part {
        let code = (u32::from(letter) << 1) | u32::from(doubled);
        Part {
            code: std::num::NonZeroU32::new(code).unwrap_or(std::num::NonZeroU32::MIN),
        }
    }

    /// The part of one letter (`H`).
    pub fn letter(letter: char) -> Part {
        Part::new(letter, false)
    }

    /// The part of a doubled letter (`AA`).
    pub fn doubled(letter: char) -> Part {
        Part::new(letter, true)
    }

    /// Its letter (`A` for both `A` and `AA`).
    pub fn base(self) -> char {
        char::from_u32(self.code.get() >> 1).unwrap_or('A')
    }

    /// Whether the letter is doubled.
    pub fn is_doubled(self) -> bool {
        self.code.get() & 1 == 1
    }

    /// The place in the lettering: `A` 0, `Z` 25, `AA` 26.
    pub fn rank(self) -> u32 {
        (self.base() as u32).saturating_sub('A' as u32) + if self.is_doubled() { 26 } else { 0 }
    }

    /// The part after this one in a range (`A to D`): the next letter; `AA` after `Z`.
    pub fn next(self) -> Option<Part> {
        match self.base() {
            'Z' if !self.is_doubled() => Some(Part::doubled('A')),
            c @ 'A'..='Y' => Some(Part::new(char::from(c as u8 + 1), self.is_doubled())),
            _ => None,
        }
    }

    /// Appends the part as the id writes it.
    fn push_to(self, out: &mut String) {
        out.push(self.base());
        if self.is_doubled() {
            out.push(self.base());
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(2);
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

/// The numbering form of a resolution or decision.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Number {
    /// `session/number`, as GA resolutions from 1976, HRC, ECOSOC (`1996/31`) and commissions.
    Session {
        /// The session (or year).
        session: SessionNo,
        /// The number within it.
        number: u32,
        /// Part (`H` in `43/78 H`).
        part: Option<Part>,
    },
    /// `number (ROMAN)`, the GA and ECOSOC numbering before 1976 and 1978.
    Roman {
        /// The running number.
        number: u32,
        /// Part (`A` in `217 A (III)`).
        part: Option<Part>,
        /// The session.
        session: RomanSession,
    },
    /// `number (year)`, the Security Council.
    Year {
        /// The running number.
        number: u32,
        /// Year of adoption.
        year: u32,
    },
}

/// A canonical reference: what a node of the graph is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Symbol {
    /// A resolution or decision of a body.
    Act {
        /// Resolution or decision.
        kind: Kind,
        /// Adopting body.
        body: Body,
        /// Its number.
        number: Number,
    },
    /// Any other document, by its symbol as written (normalised).
    Document(String),
}

impl Symbol {
    /// The canonical id (`A/RES/78/237`, `S/RES/1325(2000)`, `A/78/404`).
    pub fn id(&self) -> String {
        let mut out = String::with_capacity(24);
        self.write_id(&mut out);
        out
    }

    /// Appends the id to `out` (no allocation where `out` has room: ids are built for every
    /// mention written).
    pub fn write_id(&self, out: &mut String) {
        match self {
            Symbol::Document(s) => out.push_str(s),
            Symbol::Act { kind, body, number } => {
                out.push_str(body.series());
                out.push_str(if *kind == Kind::Decision {
                    "/DEC/"
                } else {
                    "/RES/"
                });
                // Numbers written by hand: ids are written for every mention and node, and
                // `write!` costs several times more. The same text as the `Display` forms.
                match number {
                    Number::Session {
                        session,
                        number,
                        part,
                    } => {
                        push_session(out, *session);
                        out.push('/');
                        push_u32(out, *number);
                        if let Some(p) = part {
                            p.push_to(out);
                        }
                    }
                    Number::Roman {
                        number,
                        part,
                        session,
                    } => {
                        push_u32(out, *number);
                        if let Some(p) = part {
                            p.push_to(out);
                        }
                        out.push('(');
                        out.push_str(match session.kind {
                            SessionKind::Regular => "",
                            SessionKind::Special => "S-",
                            SessionKind::Emergency => "ES-",
                        });
                        push_roman(out, session.number);
                        out.push(')');
                    }
                    Number::Year { number, year } => {
                        push_u32(out, *number);
                        out.push('(');
                        push_u32(out, *year);
                        out.push(')');
                    }
                }
            }
        }
    }

    /// The short form people write (`43/78 H`, `1514 (XV)`, `1325 (2000)`; documents: the id).
    pub fn label(&self) -> String {
        match self {
            Symbol::Document(s) => s.clone(),
            Symbol::Act { number, .. } => match number {
                Number::Session {
                    session,
                    number,
                    part,
                } => match part {
                    Some(p) => format!("{session}/{number} {p}"),
                    None => format!("{session}/{number}"),
                },
                Number::Roman {
                    number,
                    part,
                    session,
                } => match part {
                    Some(p) => format!("{number} {p} ({session})"),
                    None => format!("{number} ({session})"),
                },
                Number::Year { number, year } => format!("{number} ({year})"),
            },
        }
    }

    /// Resolution, decision or document.
    pub fn kind(&self) -> Kind {
        match self {
            Symbol::Act { kind, .. } => *kind,
            Symbol::Document(_) => Kind::Document,
        }
    }

    /// The body (for documents, the series prefix of the symbol).
    pub fn body(&self) -> Body {
        match self {
            Symbol::Act { body, .. } => body.clone(),
            Symbol::Document(s) => document_series(s),
        }
    }

    /// The name of [`Symbol::body`] (`GA`, `A/HRC`), borrowed from the symbol.
    pub fn body_name(&self) -> &str {
        match self {
            Symbol::Act { body, .. } => body.as_str(),
            Symbol::Document(s) => series_name(s),
        }
    }

    /// `https://undocs.org/` + id.
    pub fn url(&self) -> String {
        Symbol::url_of(&self.id())
    }

    /// The undocs.org address of the document whose id is `id` (see [`Symbol::url`]).
    pub fn url_of(id: &str) -> String {
        const BASE: &str = "https://undocs.org/";
        let mut url = String::with_capacity(BASE.len() + id.len());
        url.push_str(BASE);
        url.push_str(id);
        url
    }

    /// The GA session a resolution or decision belongs to, where its number says it.
    pub fn session(&self) -> Option<u32> {
        match self {
            Symbol::Act {
                body: Body::GA | Body::HRC,
                number:
                    Number::Session {
                        session: SessionNo::Regular(s),
                        ..
                    },
                ..
            } => Some(*s),
            Symbol::Act {
                number:
                    Number::Roman {
                        session:
                            RomanSession {
                                kind: SessionKind::Regular,
                                number,
                            },
                        ..
                    },
                ..
            } => Some(*number),
            _ => None,
        }
    }

    /// Parses any common way of writing a reference (`78/237`, `A/RES/78/237`, `1514 (XV)`,
    /// `resolution 1514 (XV)`, `S/RES/1325 (2000)`, `A/78/404`, `decision 31/301`) into its symbol.
    /// A bare `N/N` is taken as a General Assembly resolution.
    pub fn parse_user(input: &str) -> Option<Symbol> {
        crate::extract::parse_user_reference(input)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

/// The series of a document symbol: its first element, or the first two where the first is a
/// principal organ and the second a subsidiary body (`A/AC.292`, `E/CN.6`, `A/HRC`, `A/C.1`).
pub fn document_series(symbol: &str) -> Body {
    Body::Series(series_name(symbol).to_string())
}

/// The elements of a symbol between its slashes, as `str::split('/')` gives them, cut on the
/// bytes: symbols are short, and the standard searcher's setup for each element cost more than
/// reading it (every symbol mentioned is split to be normalised, and again for its series).
pub(crate) fn elements(symbol: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(symbol);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.bytes().position(|b| b == b'/') {
            Some(i) => {
                rest = Some(&s[i + 1..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// [`document_series`] as the part of `symbol` it names, without a copy.
fn series_name(symbol: &str) -> &str {
    let mut parts = elements(symbol);
    let first = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    let sub = second.contains('.')
        || matches!(second, "HRC" | "CONF" | "PRST" | "PV" | "INF" | "AC" | "CN");
    let digitless = !second.is_empty() && !second.bytes().any(|b| b.is_ascii_digit());
    if matches!(first, "A" | "S" | "E") && (sub || (digitless && second != "RES")) && second != "L"
    {
        // `first/second`: the two elements and the slash between them.
        &symbol[..first.len() + 1 + second.len()]
    } else {
        first
    }
}

/// The decimal digits of `n`, written into the end of `buf` (the ids here and the numbers of
/// the JSON writers).
pub(crate) fn decimal(n: u64, buf: &mut [u8; 20]) -> &[u8] {
    // Two digits a step from a table of the hundred pairs: offsets run to eight digits, and a
    // division per digit was most of writing one.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut i = buf.len();
    let mut n = n;
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

/// Appends `n` in decimal digits.
fn push_u32(out: &mut String, n: u32) {
    let mut buf = [0u8; 20];
    out.extend(
        decimal(u64::from(n), &mut buf)
            .iter()
            .map(|&b| char::from(b)),
    );
}

/// Appends a session number as [`SessionNo`]'s `Display` writes it.
fn push_session(out: &mut String, session: SessionNo) {
    let n = match session {
        SessionNo::Regular(n) => n,
        SessionNo::Special(n) => {
            out.push_str("S-");
            n
        }
        SessionNo::Emergency(n) => {
            out.push_str("ES-");
            n
        }
    };
    push_u32(out, n);
}

/// The Roman numerals of [`to_roman`], appended to `out`.
fn push_roman(out: &mut String, mut n: u32) {
    for (v, s) in ROMAN {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
}

const ROMAN: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Writes a number in upper-case Roman numerals (1..=3999; 0 gives an empty string).
pub fn to_roman(n: u32) -> String {
    let mut out = String::new();
    push_roman(&mut out, n);
    out
}

/// Reads a Roman numeral (either case); `None` unless it is written in the canonical form.
pub fn from_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    // Reject non-canonical spellings such as `IIII` or `VX`.
    (to_roman(total).eq_ignore_ascii_case(s)).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Numbers written two digits a step read as `to_string` writes them.
        #[test]
        fn decimal_as_to_string(n in prop_oneof![0u64..1000, any::<u64>()]) {
            let mut buf = [0u8; 20];
            let want = n.to_string();
            prop_assert_eq!(decimal(n, &mut buf), want.as_bytes());
        }
    }

    #[test]
    fn decimal_edges() {
        for n in [
            0,
            1,
            9,
            10,
            11,
            99,
            100,
            101,
            999,
            1000,
            10_000,
            99_999_999,
            u64::MAX,
        ] {
            let mut buf = [0u8; 20];
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes(), "{n}");
        }
    }

    /// The id as `write!` formatting wrote it before the numbers were written by hand.
    fn id_by_format(kind: Kind, body: &Body, number: &Number) -> String {
        let series = body.series();
        let kind = if kind == Kind::Decision {
            "/DEC/"
        } else {
            "/RES/"
        };
        let part = |p: &Option<Part>| p.map(|p| p.to_string()).unwrap_or_default();
        let number = match number {
            Number::Session {
                session,
                number,
                part: p,
            } => format!("{session}/{number}{}", part(p)),
            Number::Roman {
                number,
                part: p,
                session,
            } => format!("{number}{}({session})", part(p)),
            Number::Year { number, year } => format!("{number}({year})"),
        };
        format!("{series}{kind}{number}")
    }

    proptest! {
        #[test]
        fn ids_written_by_hand_are_the_formatted_ones(
            n in prop_oneof![0u32..20, 0u32..5000, Just(u32::MAX)],
            m in prop_oneof![0u32..100, 1900u32..2100, Just(u32::MAX)],
            which in 0usize..3,
            session_kind in 0usize..3,
            part in proptest::option::of(prop_oneof![
                Just(Part::letter('A')), Just(Part::letter('H')), Just(Part::letter('Б')),
                Just(Part::doubled('A')), Just(Part::doubled('Z')),
            ]),
            decision in any::<bool>(),
        ) {
            let session = match session_kind {
                0 => SessionNo::Regular(m),
                1 => SessionNo::Special(m),
                _ => SessionNo::Emergency(m),
            };
            let roman = RomanSession {
                kind: [SessionKind::Regular, SessionKind::Special, SessionKind::Emergency][session_kind],
                number: m % 4000,
            };
            let number = match which {
                0 => Number::Session { session, number: n, part },
                1 => Number::Roman { number: n, part, session: roman },
                _ => Number::Year { number: n, year: m },
            };
            let kind = if decision { Kind::Decision } else { Kind::Resolution };
            for body in [Body::GA, Body::SC, Body::HRC, Body::Series("E/CN.6".to_string())] {
                let expected = id_by_format(kind, &body, &number);
                let symbol = Symbol::Act { kind, body, number: number.clone() };
                prop_assert_eq!(symbol.id(), expected);
            }
        }
    }

    #[test]
    fn parts_run_from_a_to_z_then_doubled() {
        let mut p = Part::letter('A');
        let mut written = vec![p.to_string()];
        while let Some(n) = p.next() {
            assert_eq!(n.rank(), p.rank() + 1);
            written.push(n.to_string());
            p = n;
        }
        assert_eq!(written.len(), 52);
        assert_eq!(written[25..28], ["Z", "AA", "BB"]);
        assert_eq!(written[51], "ZZ");
        // Parts order as their ids do.
        assert!(Part::letter('A') < Part::doubled('A'));
        assert!(Part::doubled('A') < Part::letter('B'));
    }

    #[test]
    fn ids_follow_the_convention() {
        let ga = Symbol::Act {
            kind: Kind::Resolution,
            body: Body::GA,
            number: Number::Session {
                session: SessionNo::Regular(43),
                number: 78,
                part: Some(Part::letter('H')),
            },
        };
        assert_eq!(ga.id(), "A/RES/43/78H");
        assert_eq!(ga.label(), "43/78 H");
        let doubled = Symbol::Act {
            kind: Kind::Resolution,
            body: Body::GA,
            number: Number::Session {
                session: SessionNo::Regular(53),
                number: 77,
                part: Some(Part::doubled('A')),
            },
        };
        assert_eq!(doubled.id(), "A/RES/53/77AA");
        assert_eq!(doubled.label(), "53/77 AA");
        let old = Symbol::Act {
            kind: Kind::Resolution,
            body: Body::GA,
            number: Number::Roman {
                number: 3201,
                part: None,
                session: RomanSession::parse("S-VI").unwrap(),
            },
        };
        assert_eq!(old.id(), "A/RES/3201(S-VI)");
        assert_eq!(old.label(), "3201 (S-VI)");
        let sc = Symbol::Act {
            kind: Kind::Resolution,
            body: Body::SC,
            number: Number::Year {
                number: 1325,
                year: 2000,
            },
        };
        assert_eq!(sc.id(), "S/RES/1325(2000)");
        let chr = Symbol::Act {
            kind: Kind::Resolution,
            body: Body::CHR,
            number: Number::Session {
                session: SessionNo::Regular(2005),
                number: 69,
                part: None,
            },
        };
        assert_eq!(chr.id(), "E/CN.4/RES/2005/69");
        let hrc = Symbol::Act {
            kind: Kind::Decision,
            body: Body::HRC,
            number: Number::Session {
                session: SessionNo::Special(1),
                number: 1,
                part: None,
            },
        };
        assert_eq!(hrc.id(), "A/HRC/DEC/S-1/1");
    }

    proptest::proptest! {
        /// Elements cut on the bytes are the ones `split('/')` gives, empty ones too.
        #[test]
        fn elements_as_split(s in "[A/a.é1/]{0,12}") {
            let got: Vec<&str> = elements(&s).collect();
            let want: Vec<&str> = s.split('/').collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn document_series_names_the_subsidiary_body() {
        assert_eq!(document_series("A/AC.292/2023/INF/5").as_str(), "A/AC.292");
        assert_eq!(document_series("A/78/404").as_str(), "A");
        assert_eq!(document_series("E/CN.6/2024/3").as_str(), "E/CN.6");
        assert_eq!(document_series("A/HRC/55/28").as_str(), "A/HRC");
        assert_eq!(document_series("CEDAW/C/JAM/5").as_str(), "CEDAW");
        assert_eq!(document_series("S/PRST/2023/1").as_str(), "S/PRST");
        assert_eq!(document_series("S/2023/363").as_str(), "S");
        for s in [
            "A/AC.292/2023/INF/5",
            "A",
            "",
            "S/PRST",
            "E/CN.6/2024/3",
            "A/L.5",
            "A/RES/78/1",
        ] {
            let symbol = Symbol::Document(s.to_string());
            assert_eq!(symbol.body_name(), symbol.body().as_str(), "{s}");
        }
    }

    #[test]
    fn roman_round_trip() {
        for n in 1..200 {
            assert_eq!(from_roman(&to_roman(n)), Some(n));
        }
        assert_eq!(from_roman("IIII"), None);
        assert_eq!(from_roman("xv"), Some(15));
    }
}
