//! Positions of one byte in a text, found 64 bytes at a time: a bit mask of the block's
//! matching bytes (sixteen compared per instruction with SSE2 on x86_64, part of every x86_64
//! processor; byte by byte elsewhere), then its bits read off one per hit. Where hits are dense
//! (a line break every fifty bytes), this costs a few instructions a hit; `memchr_iter` enters
//! its search again for each one.

/// Bytes in a block.
const BLOCK: usize = 64;

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

/// The bytes of a block equal to `needle`.
#[inline]
fn mask(block: &[u8; BLOCK], needle: u8) -> u64 {
    // SAFETY: SSE2 is part of every x86_64 processor.
    #[cfg(target_arch = "x86_64")]
    return unsafe { sse2::mask(block, needle) };
    #[cfg(not(target_arch = "x86_64"))]
    return mask_by_byte(block, needle);
}

/// The positions of `needle` in `bytes`, in order: what `memchr::memchr_iter` gives.
pub(crate) struct Positions<'a> {
    bytes: &'a [u8],
    needle: u8,
    /// Offset of the block whose hits are pending in `hits`.
    base: usize,
    hits: u64,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(bytes: &'a [u8], needle: u8) -> Self {
        let mut p = Positions {
            bytes,
            needle,
            base: 0,
            hits: 0,
        };
        p.hits = p.load(0);
        p
    }

    /// The hits of the block at `at`; a last block shorter than 64 bytes is padded with a byte
    /// that is not the needle.
    #[inline]
    fn load(&self, at: usize) -> u64 {
        let rest = self.bytes.get(at..).unwrap_or_default();
        match rest.first_chunk::<BLOCK>() {
            Some(block) => mask(block, self.needle),
            None => {
                let mut block = [!self.needle; BLOCK];
                block[..rest.len()].copy_from_slice(rest);
                mask(&block, self.needle)
            }
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.hits == 0 {
            self.base += BLOCK;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.hits = self.load(self.base);
        }
        let j = self.hits.trailing_zeros() as usize;
        // The lowest bit off.
        self.hits &= self.hits - 1;
        Some(self.base + j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vector_masks_as_by_byte() {
        let block: [u8; BLOCK] = std::array::from_fn(|j| [b'\n', b'a', 0x8A, 0xFF][j % 4]);
        for needle in [b'\n', b'a', 0x8A, 0xFF, 0] {
            assert_eq!(mask(&block, needle), mask_by_byte(&block, needle));
        }
    }

    proptest! {
        /// The same positions as `memchr_iter`, whatever the length and wherever the hits
        /// (at block edges, in a short last block, none at all).
        #[test]
        fn positions_as_memchr(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'\n'), Just(b'x'), Just(0xF5u8), Just(b'\r')
            ], 0..300),
        ) {
            for needle in [b'\n', 0xF5] {
                let got: Vec<usize> = Positions::new(&bytes, needle).collect();
                let want: Vec<usize> = memchr::memchr_iter(needle, &bytes).collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
