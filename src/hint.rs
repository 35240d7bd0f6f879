//! Searches of sorted arrays that start where the previous one ended.

/// Where the previous search of a sorted array ended, for the next search to start from: the
/// stages ask about nearby positions in turn (the layout many times per reference, the repair
/// map once per mention, in order), and a full binary search over the spans of a large text
/// waits for memory at each of its steps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hint(std::cell::Cell<usize>);

impl Hint {
    /// `v.partition_point(pred)` (`pred` holds on a prefix of `v`), trying the previous answer
    /// and the one after it first.
    pub(crate) fn partition_point<T>(&self, v: &[T], pred: impl Fn(&T) -> bool) -> usize {
        let fits = |i: usize| (i == 0 || pred(&v[i - 1])) && (i == v.len() || !pred(&v[i]));
        let h = self.0.get().min(v.len());
        let i = if fits(h) {
            h
        } else if h < v.len() && fits(h + 1) {
            h + 1
        } else {
            v.partition_point(&pred)
        };
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
            mut starts in proptest::collection::vec(0usize..500, 0..60),
            queries in proptest::collection::vec(0usize..520, 1..40),
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
