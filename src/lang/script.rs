//! What the scripts of the UN languages write differently from ASCII: digits (full-width,
//! Arabic-Indic), full-width punctuation, Arabic marks (tatweel, harakat) that may stand inside any
//! word, and Han characters, which are not separated by spaces.
//!
//! These are properties of scripts, not words of a language: the matchers use them so that the
//! text never has to be normalised (offsets stay byte offsets into the original).

/// The value of a decimal digit in any script the UN writes numbers in: ASCII, full-width,
/// Arabic-Indic and Extended Arabic-Indic (Persian).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// A regex class of those digits: what [`is_digit`] accepts. It compiles far smaller than
/// Unicode's `\d`, which holds the digits of every script.
pub const DIGIT_CLASS: &str = r"[0-9\u{FF10}-\u{FF19}\u{0660}-\u{0669}\u{06F0}-\u{06F9}]";

/// Whether `c` is a decimal digit of any of those scripts.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Reads a run of digits (mixed scripts allowed, as in `٢٠١5`) at the start of `s`: its value
/// and its byte length. At most `max` digits are read; more make it no number.
pub fn leading_number(s: &str, max: usize) -> Option<(u32, usize)> {
    // Most places asked about open with an ASCII byte: a number of ASCII digits followed by
    // anything but the lead byte of another script's digit (EF, D9, DB: a Chinese or Arabic
    // word follows most numbers of those texts) is read on the bytes; the rest goes to the
    // walk.
    let b = s.as_bytes();
    // The ASCII digits counted and summed in one walk: nine of them always fit in a `u32`,
    // more are summed again with checks.
    let mut ascii = 0;
    let mut value: u32 = 0;
    while let Some(&d) = b.get(ascii) {
        let x = d.wrapping_sub(b'0');
        if x > 9 {
            break;
        }
        value = value.wrapping_mul(10).wrapping_add(u32::from(x));
        ascii += 1;
    }
    if !matches!(b.get(ascii), Some(0xEF | 0xD9 | 0xDB)) {
        if ascii == 0 || ascii > max {
            return None;
        }
        if ascii <= 9 {
            return Some((value, ascii));
        }
        return b[..ascii]
            .iter()
            .try_fold(0u32, |v, d| {
                v.checked_mul(10)?.checked_add(u32::from(d - b'0'))
            })
            .map(|v| (v, ascii));
    }
    let mut value: u32 = 0;
    let mut len = 0;
    let mut count = 0;
    for c in s.chars() {
        let Some(d) = digit_value(c) else { break };
        count += 1;
        if count > max {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(d)?;
        len += c.len_utf8();
    }
    (count > 0).then_some((value, len))
}

/// Parses a whole string of digits of any script.
pub fn parse_number(s: &str) -> Option<u32> {
    let (n, len) = leading_number(s, 9)?;
    (len == s.len()).then_some(n)
}

/// Whether `c` lower-cased is `w` and nothing more (`c.to_lowercase()` yields `w` alone). Words
/// are matched letter by letter against the tables' lower-case words, and the standard
/// lower-casing searches Unicode's table for every letter outside ASCII: a fifth of the
/// extraction of Chinese text went to it.
#[inline]
pub fn lowers_to(c: char, w: char) -> bool {
    match plain_lower(c) {
        Some(l) => l == w,
        None => {
            let mut l = c.to_lowercase();
            l.next() == Some(w) && l.next().is_none()
        }
    }
}

/// The first character of `c` lower-cased (`c.to_lowercase().next()`), without the table's
/// search where `plain_lower` knows it.
pub fn first_lower(c: char) -> char {
    plain_lower(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c))
}

/// `s` lower-cased, as `str::to_lowercase` does it, with the characters `plain_lower` knows
/// lower-cased without Unicode's table (Han, Arabic and most of what UN texts write: the
/// standard function searched the table for every character outside ASCII, most of a Chinese
/// clause's reading). A text with a capital sigma, whose lower case depends on the letters
/// around it, goes the standard way.
pub fn to_lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    to_lowercase_into(s, &mut out);
    out
}

/// [`to_lowercase`] written over `out` (emptied first), for a caller that lower-cases many
/// short texts one after the other and keeps one buffer for all of them.
pub fn to_lowercase_into(s: &str, out: &mut String) {
    out.clear();
    // The ASCII opening (most of an English text, often all of it) copied whole and
    // lower-cased in place; the rest a character at a time.
    let ascii = ascii_prefix(s.as_bytes());
    let rest = &s[ascii..];
    if rest.contains('Σ') {
        out.push_str(&s.to_lowercase());
        return;
    }
    out.reserve(s.len());
    out.push_str(&s[..ascii]);
    out.make_ascii_lowercase();
    for c in rest.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_lower(out, c);
        }
    }
}

/// The length of the run of ASCII bytes that opens `b`, read eight bytes at a time.
fn ascii_prefix(b: &[u8]) -> usize {
    let mut words = b.chunks_exact(8);
    let mut n = 0;
    for w in words.by_ref() {
        let w = u64::from_le_bytes(w.try_into().unwrap_or([0x80; 8]));
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + b[n..].iter().take_while(|x| x.is_ascii()).count()
}

/// Appends `c` lower-cased (`c.to_lowercase()`, one character or more) to `out`, without
/// Unicode's table where `plain_lower` knows the answer.
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    match plain_lower(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// The lower case of `c` where it is one character found without Unicode's table: ASCII,
/// Latin-1, basic Cyrillic, full-width Latin, and the scripts without case the UN texts write
/// (Arabic, Han with its punctuation, general punctuation). `None` elsewhere. An exhaustive
/// test holds it to the standard lower-casing.
#[inline]
fn plain_lower(c: char) -> Option<char> {
    let shifted = |by: u32| char::from_u32(c as u32 + by);
    match c as u32 {
        0..=0x7F => Some(c.to_ascii_lowercase()),
        // Capitals 32 below their small letters: Latin-1 (but the multiplication sign), basic
        // Cyrillic `А`-`Я`, full-width Latin; `Ѐ`-`Џ` are 80 below `ѐ`-`џ`.
        0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F | 0xFF21..=0xFF3A => shifted(0x20),
        0x400..=0x40F => shifted(0x50),
        // Their small letters; Hebrew to Arabic Extended-A; general punctuation; CJK
        // punctuation, kana and Han; Hangul syllables; CJK compatibility ideographs; the rest
        // of the full-width and half-width forms: their own lower case.
        0xD7
        | 0xDF..=0xFF
        | 0x430..=0x45F
        | 0x590..=0x8FF
        | 0x2000..=0x206F
        | 0x3000..=0x9FFF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFF20
        | 0xFF3B..=0xFFEF => Some(c),
        _ => None,
    }
}

/// Marks that Arabic text may put inside any word without changing it: tatweel (the
/// justification stroke, `لقــرار`) and the vowel signs (`المؤرَّخ`).
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// The length in bytes of the run of marks ([`is_mark`]) that opens `b` (UTF-8), read on the
/// bytes (D9 80, D9 8B-9F, D9 B0, DB 96-AD): words are matched letter by letter, and every
/// letter of an Arabic word was decoded a second time to ask.
pub fn marks_len(b: &[u8]) -> usize {
    let mut n = 0;
    while let Some(&[x, y]) = b.get(n..n + 2) {
        let mark = match x {
            0xD9 => y == 0x80 || (0x8B..=0x9F).contains(&y) || y == 0xB0,
            0xDB => (0x96..=0xAD).contains(&y),
            _ => false,
        };
        if !mark {
            break;
        }
        n += 2;
    }
    n
}

/// Han characters and the CJK punctuation and full-width forms that go with them: a script
/// without spaces between words, so no word boundary is needed around a Chinese word.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// Whether no character but `c` itself lower-cases to `c` (a test reads every character): the
/// Arabic block and the Han characters, scripts without case. A word's letter of these is
/// matched by that very character alone.
pub fn caseless(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// A comma in any script (`,` `，` `،` and the ideographic `、`).
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '\u{FF0C}' | '\u{060C}' | '\u{3001}')
}

/// A semicolon in any script.
pub fn is_semicolon(c: char) -> bool {
    matches!(c, ';' | '\u{FF1B}' | '\u{061B}')
}

/// A slash, ASCII or full-width.
pub fn is_slash(c: char) -> bool {
    matches!(c, '/' | '\u{FF0F}')
}

/// An opening parenthesis, ASCII or full-width.
pub fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '\u{FF08}')
}

/// A closing parenthesis, ASCII or full-width.
pub fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '\u{FF09}')
}

/// A full stop in any script (`.` `。` `．`).
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{FF0E}')
}

/// Punctuation that ends a clause in any script, as the layout reads paragraphs.
pub fn ends_clause(c: char) -> bool {
    is_comma(c) || is_semicolon(c) || is_full_stop(c) || matches!(c, ':' | '\u{FF1A}')
}

/// A full-width ASCII form (`Ａ`, `１`) mapped to its ASCII letter or digit.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// Strings lower-case as `str::to_lowercase` does, sigmas and letters that lower-case
        /// to two characters included.
        #[test]
        fn strings_lower_case_as_the_standard_does(
            s in "[aZ Σσ΄İÄЯ决ق１Ａ\u{1E9E}\u{2126}.,]{0,12}"
        ) {
            proptest::prop_assert_eq!(super::to_lowercase(&s), s.to_lowercase());
        }

        /// A number is read as digit by digit, whatever script follows its ASCII digits.
        #[test]
        fn numbers_read_as_digit_by_digit(
            s in "[0-9０-９٠-٩۰-۹年号ﬀ（，ـ ]{0,8}|[0-9]{8,12}",
            max in 1usize..12,
        ) {
            let mut value = Some(0u32);
            let (mut count, mut len) = (0, 0);
            for c in s.chars() {
                let Some(d) = super::digit_value(c) else { break };
                count += 1;
                value = value.and_then(|v| v.checked_mul(10)?.checked_add(d));
                len += c.len_utf8();
            }
            let want = (count > 0 && count <= max).then_some(()).and(value).map(|v| (v, len));
            proptest::prop_assert_eq!(super::leading_number(&s, max), want);
        }
    }

    /// Every character's answer is the standard lower-casing's: for its own lower case (when
    /// that is one character), for itself and for letters of other scripts.
    #[test]
    fn lowers_to_as_the_standard_lower_casing() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let std_says = |w: char| c.to_lowercase().eq(std::iter::once(w));
            assert_eq!(
                first_lower(c),
                c.to_lowercase().next().unwrap_or(c),
                "{c:?}"
            );
            let mut ws = vec![c, 'a', 'é', 'я', 'ѐ', '决', 'ق'];
            let mut l = c.to_lowercase();
            if let (Some(w), None) = (l.next(), l.next()) {
                ws.push(w);
            }
            for w in ws {
                assert_eq!(
                    lowers_to(c, w),
                    std_says(w),
                    "{c:?} ({:X}) to {w:?}",
                    c as u32
                );
            }
        }
    }

    use super::*;

    #[test]
    fn marks_read_on_their_bytes() {
        // Each character, alone, twice and before a letter, is a mark run as far as
        // `is_mark` says.
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let n = c.len_utf8();
            let want = if is_mark(c) { n } else { 0 };
            for (text, runs) in [(c.to_string(), 1), (format!("{c}{c}ب"), 2)] {
                assert_eq!(marks_len(text.as_bytes()), want * runs, "{c:?}");
            }
        }
    }

    #[test]
    fn caseless_characters_are_only_their_own_lower_case() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let mut l = c.to_lowercase();
            if let (Some(w), None) = (l.next(), l.next()) {
                assert!(!caseless(w) || w == c, "{c:?} lower-cases to {w:?}");
            }
            assert!(!caseless(c) || !crate::layout::is_apostrophe(c) && !c.is_whitespace());
        }
    }

    #[test]
    fn digits_of_every_script() {
        assert_eq!(leading_number("1803 (", 4), Some((1803, 4)));
        assert_eq!(leading_number("１２６１", 4), Some((1261, 12)));
        assert_eq!(leading_number("١٨٠٣", 4), Some((1803, 8)));
        assert_eq!(leading_number("٢٠١5", 4), Some((2015, 7)));
        assert_eq!(leading_number("12345", 4), None);
        assert_eq!(leading_number("x1", 4), None);
        assert_eq!(parse_number("٢٠١٣"), Some(2013));
        assert_eq!(parse_number("20a"), None);
    }

    #[test]
    fn width_and_punctuation() {
        assert_eq!(fold_width('Ａ'), 'A');
        assert_eq!(fold_width('／'), '/');
        assert!(is_comma('،') && is_comma('，') && is_comma('、'));
        assert!(is_cjk('号') && is_cjk('（') && !is_cjk('A'));
        assert!(is_mark('\u{0640}') && !is_mark('ا'));
    }
}
