//! Large buffers backed by huge pages where the system offers them.
//!
//! A large text (a whole archive concatenated into one file) is read into a fresh buffer, and
//! its line table and repaired text follow it: every 4 KiB page of them costs a page fault on
//! first write (about two microseconds on the machines measured, a tenth of an extraction).
//! Linux backs a range advised with `MADV_HUGEPAGE` by 2 MiB pages, 512 times fewer faults.
//! Small buffers are left alone: a huge page would round a small file's few pages up to 2 MiB.
//! Very large ones too: measured on a 255 MB text read right after another process had used
//! and freed a gigabyte, the kernel took 0.8 s of system time to supply its huge pages, where
//! small pages took 0.3 s (the 25 MB text gained in the same conditions). Those are instead
//! supplied in one request before they are filled ([`populate`]).

/// Buffers below this many bytes are not advised.
pub const HUGE_FROM: usize = 4 << 20;

/// Buffers above this many bytes are not advised.
pub const HUGE_UPTO: usize = 64 << 20;

/// Asks the system to back the memory of `buf`'s spare capacity and contents with huge pages,
/// if its capacity is between [`HUGE_FROM`] and [`HUGE_UPTO`] bytes. Call it before the buffer
/// is first written: pages already touched stay small. Only advice: nothing changes where the
/// system does not offer huge pages, and outside Linux it does nothing.
pub fn advise_huge<T>(buf: &mut Vec<T>) {
    let bytes = buf.capacity().saturating_mul(size_of::<T>());
    if !(HUGE_FROM..=HUGE_UPTO).contains(&bytes) {
        return;
    }
    #[cfg(target_os = "linux")]
    advise(buf, bytes, libc::MADV_HUGEPAGE);
}

/// Asks the system to supply every page of `buf`'s capacity now, in one call, for a buffer
/// too large for [`advise_huge`] that will be filled whole (a file read into it): one request
/// instead of a page fault for each of its 4 KiB pages as they are first written (on a 255 MB
/// file, about a fifth less time spent supplying them). Only advice: on systems without it
/// (Linux before 5.14, other systems) nothing happens and the pages come as they are touched.
pub fn populate<T>(buf: &mut Vec<T>) {
    let bytes = buf.capacity().saturating_mul(size_of::<T>());
    if bytes <= HUGE_UPTO {
        return;
    }
    #[cfg(target_os = "linux")]
    advise(buf, bytes, libc::MADV_POPULATE_WRITE);
}

/// Gives `advice` for the whole pages of the first `bytes` bytes of `buf`'s allocation.
#[cfg(target_os = "linux")]
fn advise<T>(buf: &mut Vec<T>, bytes: usize, advice: libc::c_int) {
    // The advice is for whole pages inside the allocation: round the start up to a page.
    const PAGE: usize = 4096;
    let start = buf.as_mut_ptr() as usize;
    let aligned = start.next_multiple_of(PAGE);
    let len = (start + bytes).saturating_sub(aligned) & !(PAGE - 1);
    if len > 0 {
        // SAFETY: `aligned..aligned + len` lies inside the vector's own allocation (`bytes` is
        // its capacity in bytes), and the advice given here (MADV_HUGEPAGE, and
        // MADV_POPULATE_WRITE, which faults pages in zeroed as a first write would find them)
        // changes only how and when the kernel backs the pages, never what the vector holds.
        unsafe {
            libc::madvise(aligned as *mut libc::c_void, len, advice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn populated_buffers_are_filled_as_before() {
        // A large buffer populated, then filled as a file read fills it; a written one keeps
        // its bytes when asked again.
        for n in [10, HUGE_UPTO + 4097] {
            let mut v: Vec<u8> = Vec::with_capacity(n);
            populate(&mut v);
            v.extend((0..n).map(|i| (i % 251) as u8));
            populate(&mut v);
            assert_eq!(v.len(), n);
            assert!(v.iter().enumerate().all(|(i, b)| *b == (i % 251) as u8));
        }
    }

    #[test]
    fn advised_buffers_keep_their_contents() {
        // Advice on a buffer already written (and on a small one) leaves its bytes alone.
        for n in [10, HUGE_FROM + 12_345, HUGE_UPTO + 1] {
            let mut v: Vec<u8> = (0..n).map(|i| (i % 251) as u8).collect();
            advise_huge(&mut v);
            assert!(v.iter().enumerate().all(|(i, b)| *b == (i % 251) as u8));
            v.extend_from_slice(b"more");
            assert_eq!(v.len(), n + 4);
        }
    }
}
