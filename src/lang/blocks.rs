//! The words of a text found 64 bytes at a time: a bit mask of the bytes that may stand in a
//! word, computed sixteen bytes per instruction with SSE2 on x86_64 (part of every x86_64
//! processor) and byte by byte elsewhere, and then the words read from the mask's edges, a few
//! instructions a word instead of a few a byte.

/// Bytes in a block.
pub(crate) const BLOCK: usize = 64;

/// The bytes of a block that may stand in a word, with the lead bytes C2 (Latin-1 signs: `«`,
/// the no-break space) and E2 (general punctuation: `’`, `–`), whose characters end a word
/// (bit `j` for byte `j`).
/// `word` holds ASCII letters, the apostrophe and every byte of 80-FF but C2 and E2; the
/// continuation bytes of a C2 or E2 character are in it too and are taken out by [`Words`],
/// which knows the previous block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct WordMasks {
    pub word: u64,
    /// C2 and E2.
    pub lead: u64,
    /// E2 alone.
    pub e2: u64,
}

/// [`WordMasks`] byte by byte: the reading off x86_64, and on it the reference the vector code
/// is tested against.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
pub(crate) fn word_masks_by_byte(block: &[u8; BLOCK]) -> WordMasks {
    let mut m = WordMasks::default();
    for (j, &x) in block.iter().enumerate() {
        let bit = 1u64 << j;
        if x.is_ascii_alphabetic() || x == b'\'' || (x >= 0x80 && x != 0xC2 && x != 0xE2) {
            m.word |= bit;
        }
        if x == 0xC2 || x == 0xE2 {
            m.lead |= bit;
        }
        if x == 0xE2 {
            m.e2 |= bit;
        }
    }
    m
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{BLOCK, WordMasks};
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_sad_epu8, _mm_set1_epi8, _mm_setzero_si128,
        _mm_storeu_si128, _mm_sub_epi8,
    };

    /// The `k`-th sixteen bytes of the block.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn load(block: &[u8; BLOCK], k: usize) -> __m128i {
        let part: &[u8; 16] = block[16 * k..16 * k + 16].try_into().unwrap_or(&[b' '; 16]);
        // SAFETY: `part` is sixteen readable bytes; the load has no alignment requirement.
        unsafe { _mm_loadu_si128(part.as_ptr().cast()) }
    }

    /// Bytes in `lo..=hi`: `x - lo` is at most `hi - lo` as unsigned bytes, which the unsigned
    /// minimum tells.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn in_range(v: __m128i, lo: u8, hi: u8) -> __m128i {
        let d = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
        _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((hi - lo) as i8)), d)
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    fn bits(v: __m128i, k: usize) -> u64 {
        u64::from(_mm_movemask_epi8(v) as u16) << (16 * k)
    }

    /// Whether the block holds an ASCII digit.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn any_digit(block: &[u8; BLOCK]) -> bool {
        let mut any = _mm_setzero_si128();
        for k in 0..BLOCK / 16 {
            any = _mm_or_si128(any, in_range(load(block, k), b'0', b'9'));
        }
        _mm_movemask_epi8(any) != 0
    }

    /// The block's four sixteens, and whether all its bytes are ASCII (no top bit set).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn load_all(block: &[u8; BLOCK]) -> ([__m128i; 4], bool) {
        let v = [
            load(block, 0),
            load(block, 1),
            load(block, 2),
            load(block, 3),
        ];
        let any = _mm_or_si128(_mm_or_si128(v[0], v[1]), _mm_or_si128(v[2], v[3]));
        (v, _mm_movemask_epi8(any) == 0)
    }

    /// Adds the block's script lead bytes to the byte counters (`acc`: Latin, Cyrillic,
    /// Arabic, Han, one count per lane): a block of ASCII only is read for its letters alone.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn count_scripts(block: &[u8; BLOCK], acc: &mut [__m128i; 4]) {
        let (v, ascii) = load_all(block);
        // A compare gives -1 in each lane that holds: subtracting it counts.
        let count = |acc: &mut __m128i, hits: __m128i| *acc = _mm_sub_epi8(*acc, hits);
        for x in v {
            let ascii_letter = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', b'z');
            if ascii {
                count(&mut acc[0], ascii_letter);
            } else {
                count(
                    &mut acc[0],
                    _mm_or_si128(ascii_letter, in_range(x, 0xC3, 0xC9)),
                );
                count(&mut acc[1], in_range(x, 0xD0, 0xD3));
                count(&mut acc[2], in_range(x, 0xD8, 0xDB));
                count(&mut acc[3], in_range(x, 0xE4, 0xE9));
            }
        }
    }

    /// The sum of the sixteen byte counters of `acc`.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn sum_bytes(acc: __m128i) -> usize {
        let sums = _mm_sad_epu8(acc, _mm_setzero_si128());
        let mut two = [0u64; 2];
        // SAFETY: `two` is sixteen writable bytes; the store has no alignment requirement.
        unsafe { _mm_storeu_si128(two.as_mut_ptr().cast(), sums) };
        (two[0] + two[1]) as usize
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
        let mut m = WordMasks::default();
        let (v, ascii) = load_all(block);
        // A block of ASCII only (most of a Latin text) has no lead bytes and no bytes of
        // 80-FF: its words are its letters and apostrophes.
        if ascii {
            for (k, x) in v.into_iter().enumerate() {
                let letter = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', b'z');
                let apostrophe = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\'' as i8));
                m.word |= bits(_mm_or_si128(letter, apostrophe), k);
            }
            return m;
        }
        for k in 0..BLOCK / 16 {
            let v = load(block, k);
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
            let apostrophe = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\'' as i8));
            let c2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(0xC2_u8 as i8));
            let e2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(0xE2_u8 as i8));
            let lead = _mm_or_si128(c2, e2);
            // Bytes of 80-FF are negative as signed bytes.
            let high = _mm_andnot_si128(lead, _mm_cmplt_epi8(v, _mm_setzero_si128()));
            m.word |= bits(_mm_or_si128(_mm_or_si128(letter, apostrophe), high), k);
            m.lead |= bits(lead, k);
            m.e2 |= bits(e2, k);
        }
        m
    }
}

/// The [`WordMasks`] of a block.
pub(crate) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
    // SAFETY: SSE2 is part of every x86_64 processor.
    #[cfg(target_arch = "x86_64")]
    return unsafe { sse2::word_masks(block) };
    #[cfg(not(target_arch = "x86_64"))]
    return word_masks_by_byte(block);
}

/// Whether `b` holds an ASCII digit: 64 bytes a step, thirty-two compared at once where the
/// processor has AVX2 and sixteen elsewhere on x86_64 (the last bytes in a block of spaces).
pub(crate) fn has_ascii_digit(b: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is present, as just checked.
            return unsafe { avx2::has_digit(b) };
        }
        has_ascii_digit_sse2(b)
    }
    #[cfg(not(target_arch = "x86_64"))]
    b.iter().any(u8::is_ascii_digit)
}

/// [`has_ascii_digit`] sixteen bytes a compare.
#[cfg(target_arch = "x86_64")]
fn has_ascii_digit_sse2(b: &[u8]) -> bool {
    // SAFETY: SSE2 is part of every x86_64 processor.
    crate::scan::any_part(b, b' ', |p: &[u8; BLOCK]| unsafe { sse2::any_digit(p) })
}

/// The UTF-8 lead bytes of each script in `b` as `[Latin, Cyrillic, Arabic, Han]`: ASCII
/// letters and C3-C9 (U+00C0-U+024F), D0-D3 (U+0400-U+04FF), D8-DB (U+0600-U+06FF), E4-E9
/// (U+4000-U+9FFF). Counted 64 bytes a step in byte counters on x86_64; a block of ASCII only
/// (most of a Latin text) is read for its letters alone.
pub(crate) fn script_leads(b: &[u8]) -> [usize; 4] {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is present, as just checked.
            return unsafe { avx2::script_leads(b) };
        }
        script_leads_sse2(b)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut n = [0usize; 4];
        let mut blocks = b.chunks_exact(BLOCK);
        for block in blocks.by_ref() {
            add_script_leads(block, &mut n);
        }
        add_script_leads(blocks.remainder(), &mut n);
        n
    }
}

/// [`script_leads`] sixteen bytes a compare (x86_64 without AVX2).
#[cfg(target_arch = "x86_64")]
fn script_leads_sse2(b: &[u8]) -> [usize; 4] {
    use std::arch::x86_64::_mm_setzero_si128;
    let mut blocks = b.chunks_exact(BLOCK);
    let mut n = [0usize; 4];
    // SAFETY (all three blocks): SSE2 is part of every x86_64 processor.
    let zero = unsafe { _mm_setzero_si128() };
    let mut acc = [zero; 4];
    let mut steps = 0;
    for block in blocks.by_ref() {
        let block: &[u8; BLOCK] = block.try_into().unwrap_or(&[0; BLOCK]);
        unsafe { sse2::count_scripts(block, &mut acc) };
        steps += 1;
        // A lane gains at most 4 a block: emptied before it can pass 255 (the last block
        // adds 4 more at most).
        if steps == 62 {
            for (k, a) in acc.iter_mut().enumerate() {
                n[k] += unsafe { sse2::sum_bytes(*a) };
                *a = zero;
            }
            steps = 0;
        }
    }
    // The last bytes in a block of spaces (no script's).
    let rest = blocks.remainder();
    if !rest.is_empty() {
        let mut last = [b' '; BLOCK];
        last[..rest.len()].copy_from_slice(rest);
        unsafe { sse2::count_scripts(&last, &mut acc) };
    }
    for (k, a) in acc.iter().enumerate() {
        n[k] += unsafe { sse2::sum_bytes(*a) };
    }
    n
}

/// The script counts thirty-two bytes a compare: half the instructions of SSE2's sixteen, on a
/// count that reads every file of a corpus (its first 40 kB) and each paragraph with a digit
/// again.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::BLOCK;
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_sad_epu8, _mm256_set1_epi8, _mm256_setzero_si256,
        _mm256_storeu_si256, _mm256_sub_epi8,
    };

    /// [`super::has_ascii_digit`] with AVX2. The loop over the blocks is compiled for AVX2 too,
    /// so that the check of each block is inlined into it: from a loop compiled without AVX2 it
    /// was a call for every block.
    #[target_feature(enable = "avx2")]
    pub(super) fn has_digit(b: &[u8]) -> bool {
        crate::scan::any_part(b, b' ', |p: &[u8; BLOCK]| any_digit(p))
    }

    /// Whether the block holds an ASCII digit (as `sse2::any_digit`).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn any_digit(block: &[u8; BLOCK]) -> bool {
        // SAFETY: both halves are thirty-two readable bytes; loads have no alignment
        // requirement.
        let (a, b) = unsafe {
            (
                _mm256_loadu_si256(block.as_ptr().cast()),
                _mm256_loadu_si256(block.as_ptr().add(32).cast()),
            )
        };
        let any = _mm256_or_si256(in_range(a, b'0', b'9'), in_range(b, b'0', b'9'));
        _mm256_movemask_epi8(any) != 0
    }

    /// Bytes in `lo..=hi` (as `sse2::in_range`).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn in_range(v: __m256i, lo: u8, hi: u8) -> __m256i {
        let d = _mm256_sub_epi8(v, _mm256_set1_epi8(lo as i8));
        _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8((hi - lo) as i8)), d)
    }

    /// Adds the block's script lead bytes to the byte counters (as `sse2::count_scripts`).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn count_scripts(block: &[u8; BLOCK], acc: &mut [__m256i; 4]) {
        // SAFETY: both halves are thirty-two readable bytes; loads have no alignment
        // requirement.
        let v = unsafe {
            [
                _mm256_loadu_si256(block.as_ptr().cast()),
                _mm256_loadu_si256(block.as_ptr().add(32).cast()),
            ]
        };
        let ascii = _mm256_movemask_epi8(_mm256_or_si256(v[0], v[1])) == 0;
        let count = |acc: &mut __m256i, hits: __m256i| *acc = _mm256_sub_epi8(*acc, hits);
        for x in v {
            let ascii_letter = in_range(_mm256_or_si256(x, _mm256_set1_epi8(0x20)), b'a', b'z');
            if ascii {
                count(&mut acc[0], ascii_letter);
            } else {
                count(
                    &mut acc[0],
                    _mm256_or_si256(ascii_letter, in_range(x, 0xC3, 0xC9)),
                );
                count(&mut acc[1], in_range(x, 0xD0, 0xD3));
                count(&mut acc[2], in_range(x, 0xD8, 0xDB));
                count(&mut acc[3], in_range(x, 0xE4, 0xE9));
            }
        }
    }

    /// The sum of the thirty-two byte counters of `acc`.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn sum_bytes(acc: __m256i) -> usize {
        let sums = _mm256_sad_epu8(acc, _mm256_setzero_si256());
        let mut four = [0u64; 4];
        // SAFETY: `four` is thirty-two writable bytes; the store has no alignment requirement.
        unsafe { _mm256_storeu_si256(four.as_mut_ptr().cast(), sums) };
        four.iter().sum::<u64>() as usize
    }

    #[target_feature(enable = "avx2")]
    pub(super) fn script_leads(b: &[u8]) -> [usize; 4] {
        let mut blocks = b.chunks_exact(BLOCK);
        let mut n = [0usize; 4];
        let zero = _mm256_setzero_si256();
        let mut acc = [zero; 4];
        let mut steps = 0;
        for block in blocks.by_ref() {
            let block: &[u8; BLOCK] = block.try_into().unwrap_or(&[0; BLOCK]);
            count_scripts(block, &mut acc);
            steps += 1;
            // A lane gains at most 2 a block: emptied long before it can pass 255.
            if steps == 62 {
                for (k, a) in acc.iter_mut().enumerate() {
                    n[k] += sum_bytes(*a);
                    *a = zero;
                }
                steps = 0;
            }
        }
        let rest = blocks.remainder();
        if !rest.is_empty() {
            let mut last = [b' '; BLOCK];
            last[..rest.len()].copy_from_slice(rest);
            count_scripts(&last, &mut acc);
        }
        for (k, a) in acc.iter().enumerate() {
            n[k] += sum_bytes(*a);
        }
        n
    }
}

/// [`script_leads`] byte by byte, added to `n`: the reading off x86_64, and the reference the
/// vector code is tested against.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn add_script_leads(b: &[u8], n: &mut [usize; 4]) {
    for &x in b {
        let k = match x {
            b'a'..=b'z' | b'A'..=b'Z' | 0xC3..=0xC9 => 0,
            0xD0..=0xD3 => 1,
            0xD8..=0xDB => 2,
            0xE4..=0xE9 => 3,
            _ => continue,
        };
        n[k] += 1;
    }
}

/// The words of a text as byte ranges, in order: maximal runs of word bytes ([`WordMasks`]),
/// where a character led by C2 or E2 ends a word with all its bytes. Found from the edges of
/// each block's word mask, a few instructions a word.
pub(crate) struct Words<'a> {
    b: &'a [u8],
    /// Offset of the block whose edges are pending, and of the next block.
    base: usize,
    next: usize,
    /// Positions in the block where a word starts or ends (the first byte after it).
    edges: u64,
    /// Where the open word started, if one is open.
    open: Option<usize>,
    /// Continuation bytes of a C2 or E2 character begun in the previous block.
    carry: u64,
    /// Whether the previous block's last byte is a word byte.
    last: u64,
}

impl<'a> Words<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Self {
        Words {
            b,
            base: 0,
            next: 0,
            edges: 0,
            open: None,
            carry: 0,
            last: 0,
        }
    }
}

impl Words<'_> {
    /// Reads the next block's edges; false at the end of the text.
    #[inline(never)]
    fn refill(&mut self) -> bool {
        let Some(rest) = self.b.get(self.next..).filter(|r| !r.is_empty()) else {
            return false;
        };
        let m = match rest
            .get(..BLOCK)
            .and_then(|full| <&[u8; BLOCK]>::try_from(full).ok())
        {
            Some(block) => word_masks(block),
            None => {
                let mut block = [b' '; BLOCK];
                let n = rest.len().min(BLOCK);
                block[..n].copy_from_slice(&rest[..n]);
                word_masks(&block)
            }
        };
        // A lead byte's next byte, and an E2's second next, continue its character.
        let continuation = (m.lead << 1) | (m.e2 << 2) | self.carry;
        self.carry = (m.lead >> 63) | (m.e2 >> 62);
        let word = m.word & !continuation;
        self.edges = word ^ ((word << 1) | self.last);
        self.last = word >> 63;
        self.base = self.next;
        self.next += BLOCK;
        true
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            if self.edges != 0 {
                let at = self.base + self.edges.trailing_zeros() as usize;
                self.edges &= self.edges - 1;
                match self.open.take() {
                    Some(start) => return Some((start, at)),
                    // A word starts: most end in the same block, at the next edge.
                    None if self.edges != 0 => {
                        let end = self.base + self.edges.trailing_zeros() as usize;
                        self.edges &= self.edges - 1;
                        return Some((at, end));
                    }
                    None => self.open = Some(at),
                }
            } else if !self.refill() {
                // A word that runs to the end of a text of whole blocks.
                return self.open.take().map(|start| (start, self.b.len()));
            }
        }
    }
}

#[cfg(test)]
/// Words cut byte by byte: a run of word bytes ends at an ASCII byte that is neither a
/// letter nor an apostrophe, or at a character led by C2 or E2, which is stepped over.
pub(crate) fn words_by_byte(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let x = b[i];
        let step = match x {
            0xC2 => 2,
            0xE2 => 3,
            _ if x.is_ascii_alphabetic() || x == b'\'' || x >= 0x80 => 0,
            _ => 1,
        };
        if step == 0 {
            i += 1;
            continue;
        }
        if i > start {
            out.push((start, i));
        }
        i += step;
        start = i;
    }
    if b.len() > start {
        out.push((start, b.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_block() -> impl Strategy<Value = [u8; BLOCK]> {
        proptest::collection::vec(any::<u8>(), BLOCK)
            .prop_map(|v| <[u8; BLOCK]>::try_from(v.as_slice()).unwrap_or([0; BLOCK]))
    }

    proptest! {
        /// The vector mask is the byte-by-byte one, for any bytes.
        #[test]
        fn masks_as_byte_by_byte(block in any_block()) {
            prop_assert_eq!(word_masks(&block), word_masks_by_byte(&block));
        }

        /// And for blocks of ASCII only, which are read for their letters and apostrophes
        /// alone.
        #[test]
        fn ascii_masks_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                0u8..0x80, Just(b'\''), Just(b'@'), Just(b'['), Just(b'`'), Just(b'{'),
            ], BLOCK),
        ) {
            let block: [u8; BLOCK] = bytes.as_slice().try_into().unwrap_or([0; BLOCK]);
            prop_assert_eq!(word_masks(&block), word_masks_by_byte(&block));
        }

        /// A digit is found wherever it stands (in a block or after the last one), and only a
        /// digit: the bytes next to `0` and `9` are not. At most one digit, so that each place
        /// is tried alone.
        #[test]
        fn digits_as_byte_by_byte(
            mut bytes in proptest::collection::vec(prop_oneof![
                Just(b'/'), Just(b':'), Just(b'a'), Just(0xB0u8), Just(0xD0u8), Just(b' '),
            ], 0..200),
            digit in proptest::option::of((0usize..200, prop_oneof![Just(b'0'), Just(b'5'), Just(b'9')])),
        ) {
            if let Some((at, d)) = digit {
                bytes.insert(at.min(bytes.len()), d);
            }
            prop_assert_eq!(has_ascii_digit(&bytes), bytes.iter().any(u8::is_ascii_digit));
            #[cfg(target_arch = "x86_64")]
            prop_assert_eq!(has_ascii_digit_sse2(&bytes), bytes.iter().any(u8::is_ascii_digit));
        }

        /// Script lead bytes counted in vector code are those counted byte by byte, for any
        /// bytes and lengths (blocks of ASCII only and mixed ones, a short tail, and more
        /// blocks than the byte counters hold between two emptyings).
        #[test]
        fn script_leads_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                any::<u8>(), Just(b'a'), Just(b'Z'), Just(b' '), Just(0xC3u8), Just(0xD0u8),
                Just(0xDBu8), Just(0xE9u8),
            ], 0..600),
            ascii_lead in 0usize..5000,
        ) {
            let mut b = vec![b'x'; ascii_lead];
            b.extend(&bytes);
            let mut want = [0usize; 4];
            add_script_leads(&b, &mut want);
            prop_assert_eq!(script_leads(&b), want);
            // The sixteen-byte reading too, where AVX2 is taken.
            #[cfg(target_arch = "x86_64")]
            prop_assert_eq!(script_leads_sse2(&b), want);
        }

        /// Words from mask edges are the words cut byte by byte, across block ends and at the
        /// end of the text.
        #[test]
        fn words_as_byte_by_byte(
            pieces in proptest::collection::vec(prop_oneof![
                "[a-zA-Z']{1,12}", Just(" ".to_string()), Just(", ".to_string()),
                Just("«".to_string()), Just("\u{A0}".to_string()), Just("’".to_string()),
                Just("–".to_string()), Just("é".to_string()), Just("Résolution".to_string()),
                Just("резолюция".to_string()), Just("决议".to_string()), Just("70/1".to_string()),
            ], 0..80),
            lead in 0usize..70,
        ) {
            let text = format!("{}{}", "x".repeat(lead), pieces.concat());
            let b = text.as_bytes();
            prop_assert_eq!(Words::new(b).collect::<Vec<_>>(), words_by_byte(b));
        }
    }
}
