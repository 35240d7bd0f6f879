//! Large buffers backed by huge pages where the system offers them.
//!
//! A large text (a whole archive concatenated into one file) is read into a fresh buffer, and
//! its line table and repaired text follow it: every 4 KiB page of them costs a page fault on
//! first write (about two microseconds on the machines measured, a tenth of an extraction).
//! Linux backs a range advised with `MADV_HUGEPAGE` by 2 MiB pages, 512 times fewer faults.
//! Small buffers are left alone: a huge page would round a small file's few pages up to 2 MiB.
//! Very large ones get small pages: measured on a 255 MB text read right after another process
//! had used and freed a gigabyte, the kernel took 0.8 s of system time to supply its huge
//! pages, where small pages took 0.3 s (the 25 MB text gained in the same conditions). They are
//! advised so explicitly (the allocator asks for huge pages for all of its memory) and supplied
//! in one request before they are filled ([`populate`]).
//!
//! A run that keeps many small blocks to its end (a graph) asks for small pages for the memory
//! they come from ([`small_pages_for_small_blocks`]): a 2 MiB page counts whole in the resident
//! memory as soon as one block of it is used.

/// Buffers below this many bytes are not advised.
pub const HUGE_FROM: usize = 4 << 20;

/// Buffers above this many bytes are held to small pages.
pub const HUGE_UPTO: usize = 64 << 20;

/// Asks the system to back the memory of `buf`'s spare capacity and contents with huge pages,
/// if its capacity is between [`HUGE_FROM`] and [`HUGE_UPTO`] bytes, and with small pages if it
/// is larger. Call it before the buffer is first written: pages already touched keep their
/// size. Only advice: nothing changes where the system does not offer huge pages, and outside
/// Linux it does nothing.
pub fn advise_huge<T>(buf: &mut Vec<T>) {
    let bytes = buf.capacity().saturating_mul(size_of::<T>());
    if bytes < HUGE_FROM {
        return;
    }
    // The allocator asks for huge pages for all its memory where the system allows them, so a
    // very large buffer is held to small pages explicitly, not just left unadvised.
    #[cfg(target_os = "linux")]
    advise(
        buf,
        bytes,
        if bytes <= HUGE_UPTO {
            libc::MADV_HUGEPAGE
        } else {
            libc::MADV_NOHUGEPAGE
        },
    );
}

/// Asks the system to supply every page of `buf`'s capacity now, in one call, for a buffer
/// too large for [`advise_huge`] that will be filled whole or mostly (a file read into it, a
/// list sized for what such a text holds): one request instead of a page fault for each of
/// its 4 KiB pages as they are first written (on a 255 MB file, about a fifth less time spent
/// supplying them). Only advice: on systems without it
/// (Linux before 5.14, other systems) nothing happens and the pages come as they are touched.
pub fn populate<T>(buf: &mut Vec<T>) {
    let bytes = buf.capacity().saturating_mul(size_of::<T>());
    if bytes <= HUGE_UPTO {
        return;
    }
    #[cfg(target_os = "linux")]
    advise(buf, bytes, libc::MADV_POPULATE_WRITE);
}

/// Asks the system to back the mapping the allocator takes small blocks from with small pages,
/// for a run that keeps many small blocks alive to its end: a graph built over a corpus.
/// An allocator that asks for huge pages for all of its memory (mimalloc does) has each 2 MiB
/// stretch it starts to use counted whole, where a graph's nodes, edges and mentions fill it
/// only in part: `build` of the 10-fold benchmark corpus peaked at 114 MB with two jobs, 94 MB
/// with small pages, in no more time. Large buffers advised later by [`advise_huge`] keep
/// their huge pages (the later advice holds for their range). Only advice; outside Linux, or
/// where the mapping cannot be found, nothing happens. Returns whether the advice was given.
pub fn small_pages_for_small_blocks() -> bool {
    let probe = std::hint::black_box(Box::new(0u64));
    small_pages_around(&*probe as *const u64 as usize)
}

/// Advises small pages for the whole mapping that holds `addr` (found in /proc/self/maps).
fn small_pages_around(addr: usize) -> bool {
    #[cfg(target_os = "linux")]
    {
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return false;
        };
        let Some((start, end)) = maps
            .lines()
            .filter_map(mapping_range)
            .find(|(a, b)| (*a..*b).contains(&addr))
        else {
            return false;
        };
        // SAFETY: the range is a whole mapping of this process (page-aligned, as the kernel
        // lists it); MADV_NOHUGEPAGE changes only the size of the pages that back it from now
        // on, never what the memory holds.
        unsafe {
            libc::madvise(
                start as *mut libc::c_void,
                end - start,
                libc::MADV_NOHUGEPAGE,
            ) == 0
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = addr;
        false
    }
}

/// The address range a line of `/proc/self/maps` or `/proc/self/smaps` opens with
/// (`7f12a000-7f12c000 rw-p ...`); `None` for the other lines of `smaps`.
#[cfg(target_os = "linux")]
fn mapping_range(line: &str) -> Option<(usize, usize)> {
    let (a, b) = line.split_whitespace().next()?.split_once('-')?;
    Some((
        usize::from_str_radix(a, 16).ok()?,
        usize::from_str_radix(b, 16).ok()?,
    ))
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
        // its capacity in bytes), and the advice given here (MADV_HUGEPAGE, MADV_NOHUGEPAGE,
        // and MADV_POPULATE_WRITE, which faults pages in zeroed as a first write would find them)
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

    /// The flags the kernel keeps for the mapping that holds `addr` (`VmFlags` of
    /// `/proc/self/smaps`: `hg` for huge pages advised, `nh` for small pages).
    #[cfg(target_os = "linux")]
    fn vm_flags(addr: usize) -> Vec<String> {
        let smaps = std::fs::read_to_string("/proc/self/smaps").expect("smaps of Linux");
        let mut inside = false;
        for line in smaps.lines() {
            if let Some((a, b)) = mapping_range(line) {
                inside = (a..b).contains(&addr);
            } else if inside && let Some(flags) = line.strip_prefix("VmFlags:") {
                return flags.split_whitespace().map(str::to_string).collect();
            }
        }
        Vec::new()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn large_buffers_are_advised_by_size() {
        // Within the range, huge pages are asked for; above it, small pages (whatever the
        // allocator asked for the memory before).
        let mut mid: Vec<u8> = Vec::with_capacity(HUGE_FROM + (8 << 20));
        advise_huge(&mut mid);
        let at = (mid.as_ptr() as usize).next_multiple_of(4096) + 4096;
        let flags = vm_flags(at);
        assert!(flags.contains(&"hg".to_string()), "{flags:?}");
        let mut big: Vec<u8> = Vec::with_capacity(HUGE_UPTO + (8 << 20));
        advise_huge(&mut big);
        let at = (big.as_ptr() as usize).next_multiple_of(4096) + 4096;
        let flags = vm_flags(at);
        assert!(flags.contains(&"nh".to_string()), "{flags:?}");
        assert!(!flags.contains(&"hg".to_string()), "{flags:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn small_blocks_get_small_pages() {
        // The mapping a small block lies in is advised as a whole, and the block still reads
        // and writes as before.
        assert!(small_pages_for_small_blocks());
        let mut block = Box::new([7u8; 48]);
        assert!(small_pages_around(block.as_ptr() as usize));
        let flags = vm_flags(block.as_ptr() as usize);
        assert!(flags.contains(&"nh".to_string()), "{flags:?}");
        assert!(!flags.contains(&"hg".to_string()), "{flags:?}");
        block[3] = 9;
        assert_eq!(
            block.iter().map(|b| usize::from(*b)).sum::<usize>(),
            47 * 7 + 9
        );
        // A large buffer advised later still asks for huge pages.
        let mut mid: Vec<u8> = Vec::with_capacity(HUGE_FROM + (8 << 20));
        advise_huge(&mut mid);
        let flags = vm_flags((mid.as_ptr() as usize).next_multiple_of(4096) + 4096);
        assert!(flags.contains(&"hg".to_string()), "{flags:?}");
        // No mapping holds address 0.
        assert!(!small_pages_around(0));
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
