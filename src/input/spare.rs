//! The read buffer each thread keeps for its next file.
//!
//! A corpus is read file after file on each thread, and each file's text lives until its
//! analysis ends. Freed, a text's memory went back to the system within milliseconds (the
//! allocator's purge delay, kept short for the peak memory of large corpora), and with two
//! threads the next file's buffer came as fresh pages, each zeroed by the kernel: 4 % of the CPU
//! time of `extract -j 2` on the corpus. The text's memory is handed back here instead and the
//! next file is read into it.

use std::cell::Cell;

/// Buffers up to this many bytes are kept: every thread holds at most one, and a corpus with a
/// few very large files would otherwise keep their room for the rest of the run.
pub const KEEP_UPTO: usize = 8 << 20;

thread_local! {
    static SPARE: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// An empty buffer with room for `capacity` bytes: this thread's spare one when it is large
/// enough, else a new one.
pub fn take(capacity: usize) -> Vec<u8> {
    let spare = SPARE.with(Cell::take);
    if spare.capacity() >= capacity {
        return spare;
    }
    // The spare is too small: it is dropped, and its room is the allocator's again.
    drop(spare);
    Vec::with_capacity(capacity)
}

/// Keeps the memory of a text whose analysis is done for the next [`take`] on this thread
/// (the larger of it and the buffer kept, if it is no larger than [`KEEP_UPTO`]).
pub fn give_back(text: String) {
    let mut buf = text.into_bytes();
    if buf.capacity() > KEEP_UPTO {
        return;
    }
    buf.clear();
    SPARE.with(|s| {
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
}
