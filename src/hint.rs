//! Searches of sorted arrays that start where the previous one ended.

/// Where the previous search of a sorted array ended, for the next search to start from: the
/// stages ask about nearby positions in turn (the layout many times per reference, the repair
/// map once per mention, in order), and a full binary search over the spans of a large text
/// waits for memory at each of its steps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hint(std::cell::Cell<usize>);

impl Hint {
    /// `v.partition_point(pred)` (`pred` holds on a prefix of `v`), searched outwards from the
    /// previous answer in steps that double (1, 2, 4, ...), then by halves within the last
    /// step: an answer near the previous one is found among nearby, cached entries, and one far
    /// off in twice the steps of a binary search at most.
    pub(crate) fn partition_point<T>(&self, v: &[T], pred: impl Fn(&T) -> bool) -> usize {
        let h = self.0.get().min(v.len());
        // The answer lies in `lo..=hi`: `pred` holds before `lo` and fails from `hi` on.
        let (lo, hi) = if h < v.len() && pred(&v[h]) {
            // Forwards: the answer is past `h`.
            let (mut lo, mut step) = (h + 1, 1);
            loop {
                let probe = h + step;
                if probe >= v.len() {
                    break (lo, v.len());
                }
                if !pred(&v[probe]) {
                    break (lo, probe);
                }
                lo = probe + 1;
                step *= 2;
            }
        } else {
            // Backwards: the answer is `h` or before it.
            let (mut hi, mut step) = (h, 1);
            loop {
                let Some(probe) = h.checked_sub(step) else {
                    break (0, hi);
                };
                if pred(&v[probe]) {
                    break (probe + 1, hi);
                }
                hi = probe;
                step *= 2;
            }
        };
        let i = lo + v[lo..hi].partition_point(&pred);
        self.0.set(i);
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::ops::Range;

    proptest! {
        /// Whatever the previous searches were, a hinted search finds what a full one finds.
        #[test]
        fn hinted_search_equals_partition_point(
            mut starts in proptest::collection::vec(0usize..5000, 0..600),
            queries in proptest::collection::vec(0usize..5020, 1..60),
        ) {
            starts.sort_unstable();
            let spans: Vec<Range<usize>> = starts.iter().map(|&s| s..s + 3).collect();
            let (a, b) = (Hint::default(), Hint::default());
            for q in queries {
                prop_assert_eq!(
                    a.partition_point(&starts, |s| *s <= q),
                    starts.partition_point(|s| *s <= q)
                );
                prop_assert_eq!(
                    b.partition_point(&spans, |r| r.end <= q),
                    spans.partition_point(|r| r.end <= q)
                );
            }
        }
    }
}
