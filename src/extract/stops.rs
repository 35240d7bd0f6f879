//! The bytes at which the reading of a keyword's lead-in stops (`Scanner::lead_in`: a digit
//! starts the list; `;`, `:`, `.` and a paragraph break end the sentence; 9B may be the
//! Arabic semicolon's last byte), marked 64 bytes at a time: a description of resolutions
//! runs for hundreds of bytes without any of them, and was read byte by byte.

use crate::scan::{BLOCK, BlockMask};

/// Digits, `;`, `:`, `.`, the line feed and 9B.
pub(super) struct LeadInStops;

impl BlockMask for LeadInStops {
    #[inline]
    fn mask(&self, block: &[u8; BLOCK]) -> u64 {
        // SAFETY: SSE2 is part of every x86_64 processor.
        #[cfg(target_arch = "x86_64")]
        return unsafe { sse2::lead_in_stops(block) };
        #[cfg(not(target_arch = "x86_64"))]
        return lead_in_stops_by_byte(block);
    }
}

/// [`LeadInStops`] byte by byte: the reading off x86_64, and the reference of the tests.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn lead_in_stops_by_byte(block: &[u8; BLOCK]) -> u64 {
    block.iter().enumerate().fold(0, |m, (j, &x)| {
        let stop = x.is_ascii_digit() || matches!(x, b';' | b':' | b'.' | b'\n' | 0x9B);
        m | (u64::from(stop) << j)
    })
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use crate::scan::BLOCK;
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };

    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn lead_in_stops(block: &[u8; BLOCK]) -> u64 {
        let mut m = 0u64;
        for (k, part) in block.chunks_exact(16).enumerate() {
            // SAFETY: `part` is sixteen readable bytes; the load has no alignment requirement.
            let v = unsafe { _mm_loadu_si128(part.as_ptr().cast()) };
            // `0`-`9` and `:`, `;` are one run (30-3B): `x - 0x30` at most 11, unsigned.
            let d = _mm_sub_epi8(v, _mm_set1_epi8(0x30));
            let run = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(11)), d);
            let dot = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'.' as i8));
            let newline = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8));
            let arabic = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x9B_u8 as i8));
            let stop = _mm_or_si128(_mm_or_si128(run, dot), _mm_or_si128(newline, arabic));
            m |= u64::from(_mm_movemask_epi8(stop) as u16) << (16 * k);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The vector reading marks what the byte-by-byte one marks, for any bytes (the
        /// neighbours of the run 30-3B, `/` and `<`, are not stops).
        #[test]
        fn stops_as_byte_by_byte(
            bytes in proptest::collection::vec(prop_oneof![
                any::<u8>(), Just(b'/'), Just(b'0'), Just(b'9'), Just(b':'), Just(b';'),
                Just(b'<'), Just(b'.'), Just(b'\n'), Just(0x9Bu8), Just(b'a'),
            ], BLOCK),
        ) {
            let block: [u8; BLOCK] = bytes.as_slice().try_into().unwrap_or([0; BLOCK]);
            prop_assert_eq!(LeadInStops.mask(&block), lead_in_stops_by_byte(&block));
        }
    }
}
