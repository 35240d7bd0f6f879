//! The read buffer each thread keeps for its next file, and the other scratch tables kept the
//! same way ([`take_from`]).
//!
//! A corpus is read file after file on each thread, and each file's text lives until its
//! analysis ends. Freed, a text's memory went back to the system within milliseconds (the
//! allocator's purge delay, kept short for the peak memory of large corpora), and with two
//! threads the next file's buffer came as fresh pages, each zeroed by the kernel: 4 % of the CPU
//! time of `extract -j 2` on the corpus. The text's memory is handed back here instead and the
//! next file is read into it.

use std::cell::Cell;
use std::thread::LocalKey;

/// Buffers up to this many bytes are kept: every thread holds at most one, and a corpus with a
/// few very large files would otherwise keep their room for the rest of the run.
pub const KEEP_UPTO: usize = 8 << 20;

thread_local! {
    static SPARE: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// An empty buffer with room for `capacity` bytes: this thread's spare one when it is large
/// enough, else a new one.
pub fn take(capacity: usize) -> Vec<u8> {
    take_from(&SPARE, capacity)
}

/// Keeps the memory of a text whose analysis is done for the next [`take`] on this thread
/// (the larger of it and the buffer kept, if it is no larger than [`KEEP_UPTO`]).
pub fn give_back(text: String) {
    give_back_to(&SPARE, text.into_bytes());
}

/// [`take`] for another per-thread table (`slot`), of any element type: the layout's line
/// table, as large as a third of its text, was allocated and freed for every file too.
pub fn take_from<T>(slot: &'static LocalKey<Cell<Vec<T>>>, capacity: usize) -> Vec<T> {
    let mut spare = slot.with(Cell::take);
    if spare.capacity() >= capacity {
        spare.clear();
        return spare;
    }
    // The spare is too small: it is dropped, and its room is the allocator's again.
    drop(spare);
    Vec::with_capacity(capacity)
}

/// [`give_back`] for another per-thread table: `buf` is kept in `slot` (emptied) if it is larger
/// than the one kept there and no larger than [`KEEP_UPTO`] bytes.
pub fn give_back_to<T>(slot: &'static LocalKey<Cell<Vec<T>>>, mut buf: Vec<T>) {
    if buf.capacity().saturating_mul(size_of::<T>()) > KEEP_UPTO {
        return;
    }
    buf.clear();
    slot.with(|s| {
        let kept = s.take();
        s.set(if kept.capacity() >= buf.capacity() {
            kept
        } else {
            buf
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A buffer handed back is the next one taken when large enough, and empty; larger
    /// requests and buffers over the limit get and keep nothing of it.
    #[test]
    fn the_spare_is_reused_when_it_fits() {
        let mut text = String::with_capacity(1000);
        text.push_str("resolution 70/1");
        let at = text.as_ptr();
        give_back(text);
        let b = take(500);
        assert!(b.is_empty() && b.capacity() >= 1000);
        assert_eq!(b.as_ptr(), at);
        give_back(String::from_utf8(b).unwrap_or_default());
        // Too small for this request: a new buffer.
        let big = take(5000);
        assert_ne!(big.as_ptr(), at);
        assert!(big.capacity() >= 5000);
        // The larger buffer is kept; one over the limit is not.
        give_back(String::from_utf8(big).unwrap_or_default());
        give_back(String::with_capacity(KEEP_UPTO + 1));
        assert!(take(0).capacity() >= 5000);
        assert_eq!(take(0).capacity(), 0);
    }

    thread_local! {
        static WIDE: Cell<Vec<u64>> = const { Cell::new(Vec::new()) };
    }

    /// A table of wider elements is kept by its size in bytes: one of [`KEEP_UPTO`] bytes is
    /// kept, one element more is not; a table taken back is empty.
    #[test]
    fn tables_are_kept_by_their_bytes() {
        let limit = KEEP_UPTO / size_of::<u64>();
        let mut t: Vec<u64> = Vec::with_capacity(limit);
        t.push(7);
        give_back_to(&WIDE, t);
        let back = take_from(&WIDE, 10);
        assert!(back.is_empty() && back.capacity() >= limit);
        give_back_to(&WIDE, Vec::with_capacity(limit + 1));
        assert_eq!(take_from(&WIDE, 0).capacity(), 0);
    }
}
