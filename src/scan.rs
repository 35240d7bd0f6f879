//! Positions of the bytes of a kind in a text, found 64 bytes at a time: a bit mask of the
//! block's matching bytes (compared sixteen or thirty-two at a time in vector code), then its
//! bits read off one per hit. Where hits are dense (a line break every fifty bytes), this costs a
//! few instructions a hit, where `memchr_iter` enters its search again for each one; and one
//! pass can look for more bytes than `memchr3`'s three.

/// Bytes in a block.
pub(crate) const BLOCK: usize = 64;

/// Invokes the macro `$m` for each width of vector a block mask is read with on x86_64: AVX2
/// (32 bytes) and SSE2 (16), with the width's function name, target feature, bytes, mask type
/// and intrinsics (load, set1, or, cmpeq, sub, min, movemask), which must be in scope where it
/// is invoked. A mask's two readings are then one text, and the lists of intrinsics one too.
#[cfg(target_arch = "x86_64")]
macro_rules! for_both_widths {
    ($m:ident) => {
        $m!(
            avx2,
            "avx2",
            32,
            u32,
            _mm256_loadu_si256,
            _mm256_set1_epi8,
            _mm256_or_si256,
            _mm256_cmpeq_epi8,
            _mm256_sub_epi8,
            _mm256_min_epu8,
            _mm256_movemask_epi8
        );
        $m!(
            sse2,
            "sse2",
            16,
            u16,
            _mm_loadu_si128,
            _mm_set1_epi8,
            _mm_or_si128,
            _mm_cmpeq_epi8,
            _mm_sub_epi8,
            _mm_min_epu8,
            _mm_movemask_epi8
        );
    };
}
#[cfg(target_arch = "x86_64")]
pub(crate) use for_both_widths;

/// The bytes of `block` equal to `needle` (bit `j` for byte `j`), byte by byte: the reading
/// off x86_64, and on it the reference the vector code is tested against.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn mask_by_byte(block: &[u8; BLOCK], needle: u8) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |m, (j, &x)| m | (u64::from(x == needle) << j))
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::BLOCK;
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};

    #[target_feature(enable = "sse2")]
    pub(super) fn mask(block: &[u8; BLOCK], needle: u8) -> u64 {
        let n = _mm_set1_epi8(needle as i8);
        let mut m = 0u64;
        for (k, part) in block.chunks_exact(16).enumerate() {
            // SAFETY: `part` is sixteen readable bytes; the load has no alignment requirement.
            let v = unsafe { _mm_loadu_si128(part.as_ptr().cast()) };
            m |= u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v, n)) as u16) << (16 * k);
        }
        m
    }
}

/// Whether `test` holds for any `N`-byte part of `b` (sixteen for SSE2, thirty-two for AVX2):
/// a vector check of short strings, which a vector loop with a scalar tail would read byte by
/// byte. `test` asks whether some byte of the part has a property (a digit, a control byte),
/// so the bytes past the last whole part are read as the last `N` bytes of `b`, overlapping the
/// part before; a `b` shorter than `N` is filled up with `pad` (a byte without the property).
#[inline]
pub(crate) fn any_part<const N: usize>(b: &[u8], pad: u8, test: impl Fn(&[u8; N]) -> bool) -> bool {
    let mut parts = b.chunks_exact(N);
    let rest = parts.remainder();
    if parts.any(|p| p.try_into().is_ok_and(|p: &[u8; N]| test(p))) {
        return true;
    }
    if rest.is_empty() {
        return false;
    }
    // The tail as the last `N` bytes: no copy where `b` is that long (a copy of a few bytes
    // was a call of `memcpy` for every paragraph's digit check).
    if let Some(last) = b.last_chunk::<N>() {
        return test(last);
    }
    let mut last = [pad; N];
    last[..rest.len()].copy_from_slice(rest);
    test(&last)
}

/// What [`Positions`] looks for: the bytes of a block it marks (bit `j` for byte `j`).
pub(crate) trait BlockMask {
    fn mask(&self, block: &[u8; BLOCK]) -> u64;
}

/// A mask lent to a search (one built once for many).
impl<M: BlockMask> BlockMask for &M {
    #[inline]
    fn mask(&self, block: &[u8; BLOCK]) -> u64 {
        (**self).mask(block)
    }
}

/// One byte value (the tests' reference searches).
#[cfg(test)]
pub(crate) struct Byte(pub u8);

#[cfg(test)]
impl BlockMask for Byte {
    #[inline]
    fn mask(&self, block: &[u8; BLOCK]) -> u64 {
        byte_mask(block, self.0)
    }
}

/// The bytes of a block equal to `needle`.
#[inline]
fn byte_mask(block: &[u8; BLOCK], needle: u8) -> u64 {
    // SAFETY: SSE2 is part of every x86_64 processor.
    #[cfg(target_arch = "x86_64")]
    return unsafe { sse2::mask(block, needle) };
    #[cfg(not(target_arch = "x86_64"))]
    return mask_by_byte(block, needle);
}

/// The positions of the bytes that `mask` marks, in order. A last block shorter than 64 bytes
/// is filled up with `pad`, a byte the mask does not mark.
pub(crate) struct Positions<'a, M> {
    bytes: &'a [u8],
    mask: M,
    pad: u8,
    /// Offset of the block whose hits are pending in `hits`.
    base: usize,
    hits: u64,
    /// The hits below this position are off in `hits`.
    from: usize,
}

impl<'a, M: BlockMask> Positions<'a, M> {
    pub(crate) fn new(bytes: &'a [u8], mask: M, pad: u8) -> Self {
        let mut p = Positions {
            bytes,
            mask,
            pad,
            base: 0,
            hits: 0,
            from: 0,
        };
        p.hits = p.load(0);
        p
    }

    /// The hits of the block at `at`.
    #[inline]
    fn load(&self, at: usize) -> u64 {
        let rest = self.bytes.get(at..).unwrap_or_default();
        match rest.first_chunk::<BLOCK>() {
            Some(block) => self.mask.mask(block),
            None => {
                let mut block = [self.pad; BLOCK];
                block[..rest.len()].copy_from_slice(rest);
                self.mask.mask(&block)
            }
        }
    }

    /// The first position at or after `from`, anywhere (before the last one given too); the
    /// next calls go on from it.
    pub(crate) fn next_from(&mut self, from: usize) -> Option<usize> {
        let base = from - from % BLOCK;
        if base != self.base || from < self.from {
            self.base = base;
            self.hits = self.load(base);
        }
        // The bits below `from` off.
        self.hits &= u64::MAX << (from - base);
        self.from = from;
        self.next()
    }
}

impl<M: BlockMask> Iterator for Positions<'_, M> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.hits == 0 {
            self.base += BLOCK;
            if self.base >= self.bytes.len() {
                // Nothing is kept: a search from any place loads its block again.
                self.from = usize::MAX;
                return None;
            }
            self.hits = self.load(self.base);
        }
        let j = self.hits.trailing_zeros() as usize;
        // The lowest bit off.
        self.hits &= self.hits - 1;
        self.from = self.base + j + 1;
        Some(self.base + j)
    }
}

/// Line feeds, noting on the way whether any block held a form feed (`\x0c`): the line table
/// is cut in one pass over the text, and a second one for page breaks alone read a large text
/// from memory again.
pub(crate) struct LineFeeds<'c> {
    pub(crate) form_feed: &'c std::cell::Cell<bool>,
}

impl BlockMask for LineFeeds<'_> {
    #[inline]
    fn mask(&self, block: &[u8; BLOCK]) -> u64 {
        if byte_mask(block, b'\x0c') != 0 {
            self.form_feed.set(true);
        }
        byte_mask(block, b'\n')
    }
}

/// The positions of `needle` in `bytes`: what `memchr::memchr_iter` gives.
#[cfg(test)]
pub(crate) fn positions(bytes: &[u8], needle: u8) -> impl Iterator<Item = usize> + '_ {
    Positions::new(bytes, Byte(needle), !needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vector_masks_as_by_byte() {
        let block: [u8; BLOCK] = std::array::from_fn(|j| [b'\n', b'a', 0x8A, 0xFF][j % 4]);
        for needle in [b'\n', b'a', 0x8A, 0xFF, 0] {
            assert_eq!(byte_mask(&block, needle), mask_by_byte(&block, needle));
        }
    }

    proptest! {
        /// A part check asks about every byte once at least, whatever the length: the bytes
        /// past the last whole part read as an overlapping last part, or padded.
        #[test]
        fn any_part_as_any_byte(
            bytes in proptest::collection::vec(prop_oneof![Just(b'7'), Just(b'x')], 0..150),
        ) {
            let want = bytes.contains(&b'7');
            prop_assert_eq!(any_part::<16>(&bytes, b' ', |p| p.contains(&b'7')), want);
            prop_assert_eq!(any_part::<64>(&bytes, b' ', |p| p.contains(&b'7')), want);
        }

        /// Line feeds where `memchr_iter` finds them, and a form feed noted wherever it stands
        /// (in the short last block too), once the positions are all read.
        #[test]
        fn line_feeds_note_form_feeds(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'\n'), Just(b'x'), Just(0x0Cu8), Just(b' ')
            ], 0..300),
        ) {
            let seen = std::cell::Cell::new(false);
            let got: Vec<usize> =
                Positions::new(&bytes, LineFeeds { form_feed: &seen }, b' ').collect();
            let want: Vec<usize> = memchr::memchr_iter(b'\n', &bytes).collect();
            prop_assert_eq!(got, want);
            prop_assert_eq!(seen.get(), bytes.contains(&0x0C));
        }

        /// The same positions as `memchr_iter`, whatever the length and wherever the hits
        /// (at block edges, in a short last block, none at all); and from any place, forward
        /// or back, what a plain search from there finds, the next ones after it.
        #[test]
        fn positions_as_memchr(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'\n'), Just(b'x'), Just(0xF5u8), Just(b'\r')
            ], 0..300),
            froms in proptest::collection::vec(0usize..320, 0..8),
        ) {
            for needle in [b'\n', 0xF5] {
                let got: Vec<usize> = positions(&bytes, needle).collect();
                let want: Vec<usize> = memchr::memchr_iter(needle, &bytes).collect();
                prop_assert_eq!(got, want);
            }
            let plain = |from: usize| (from..bytes.len()).find(|&i| bytes[i] == b'\r');
            let mut p = Positions::new(&bytes, Byte(b'\r'), b' ');
            for from in froms {
                let from = from.min(bytes.len());
                let hit = p.next_from(from);
                prop_assert_eq!(hit, plain(from));
                let after = hit.map_or(bytes.len(), |h| h + 1);
                prop_assert_eq!(p.next(), plain(after));
            }
        }
    }
}
