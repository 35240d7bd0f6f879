//! Document symbols (`A/78/404`, `E/CN.4/1998/53/Add.2`): a series element, then
//! slash-separated elements, the pattern [`PATTERN`] read by hand in the short windows around
//! slashes where the symbol pass looks for it. A regex search there cost its set-up for each of
//! the corpus's slashes, where the pattern needs a few byte tests.
//!
//! The match is the leftmost, as the regex gives it. Every quantifier is greedy and what follows
//! it can never start with a byte it stops at, so the first way that fails at a start fails
//! every way: no backtracking is needed. No boundary in front: the byte before a match is
//! checked by the caller.

/// The pattern this module reads (the tests hold the reading to it).
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const PATTERN: &str =
    r"[A-Z][A-Z0-9]{0,9}(?:\.[0-9]{1,3})?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+";

/// The leftmost match of the document-symbol pattern in `hay`, as byte offsets.
pub(super) fn find(hay: &str) -> Option<(usize, usize)> {
    let h = hay.as_bytes();
    (0..h.len())
        .filter(|&s| h[s].is_ascii_uppercase())
        .find_map(|s| match_at(h, s).map(|e| (s, e)))
}

/// The end of the match that starts at `s` (a capital), if one does.
fn match_at(h: &[u8], s: usize) -> Option<usize> {
    let at = |i: usize| h.get(i).copied().unwrap_or(0);
    // The first element: up to nine more capitals or digits (a tenth would stand where only a
    // dot or a slash may)...
    let mut i = s + 1;
    while i - s <= 9 && (at(i).is_ascii_uppercase() || at(i).is_ascii_digit()) {
        i += 1;
    }
    // ... and a dot with one to three digits (`CN.4`, `AC.292`).
    if at(i) == b'.' && at(i + 1).is_ascii_digit() {
        i += 1;
        let digits = i;
        while i - digits < 3 && at(i).is_ascii_digit() {
            i += 1;
        }
    }
    // Then one element or more, each a slash, a letter or digit, and letters, digits, dots and
    // hyphens.
    let mut end = None;
    while at(i) == b'/' && at(i + 1).is_ascii_alphanumeric() {
        i += 2;
        while at(i).is_ascii_alphanumeric() || matches!(at(i), b'.' | b'-') {
            i += 1;
        }
        end = Some(i);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The hand reading finds the regex's match, wherever the text has one or none.
        #[test]
        fn finds_what_the_regex_finds(
            text in proptest::collection::vec(prop_oneof![
                Just("A/RES/78/237".to_string()), Just("A/AC.292/2023/INF/5".to_string()),
                Just("E/CN.4/1998/53/Add.2".to_string()), Just("/".to_string()),
                Just("//".to_string()), Just(" ".to_string()), Just(".".to_string()),
                Just("-".to_string()), Just("é".to_string()), Just("Ｓ/".to_string()),
                "[A-Z]{1,12}", "[0-9]{1,4}", "[a-z./-]{1,6}", "[A-Z0-9.]{1,14}",
            ], 0..24).prop_map(|v| v.concat()),
        ) {
            let want = super::super::DOCSYM.find(&text).map(|m| (m.start(), m.end()));
            prop_assert_eq!(find(&text), want, "{:?}", text);
        }
    }

    #[test]
    fn symbols_and_near_misses() {
        for (text, want) in [
            ("see A/78/404.", Some((4, 13))),
            ("A/AC.292/2023/INF/5", Some((0, 19))),
            ("ABCDEFGHIJK/1", Some((1, 13))),
            ("AB.1234/5", None),
            ("AB./5", None),
            ("A/-x A/x/", Some((5, 8))),
            ("S/RES/2334 (2016)", Some((0, 10))),
            ("70/1", None),
        ] {
            assert_eq!(find(text), want, "{text}");
            assert_eq!(
                super::super::DOCSYM
                    .find(text)
                    .map(|m| (m.start(), m.end())),
                want,
                "regex, {text}"
            );
        }
    }
}
