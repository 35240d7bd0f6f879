//! The command line's allocator: the system allocator, with large blocks (the text of a big
//! file, its repaired copy, the line table, the output buffer) backed by transparent huge pages
//! where the kernel gives them on request (`madvise` mode, the default of most distributions).
//!
//! Measured on one 25 MB text: a sixth of an `extract` run went to faulting in fresh 4 KiB pages
//! (24,000 faults); with huge pages it takes under 5,000, and the run is 15 % shorter. Small
//! blocks are left alone, so a graph build's memory does not grow by whole 2 MiB pages.

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks of at least this size are advised.
const LARGE: usize = 2 << 20;
/// A transparent huge page on x86-64 and most arm64 kernels; only whole, aligned ones count.
const HUGE: usize = 2 << 20;

/// [`System`], advising large blocks to be backed by huge pages.
pub struct HugeForLarge;

// SAFETY: every call is passed to `System` unchanged; the advice only names memory inside the
// block just returned and changes how the kernel backs it, not its contents or its mapping.
unsafe impl GlobalAlloc for HugeForLarge {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is `System`'s.
        let p = unsafe { System.alloc(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        advise(p, new_size);
        p
    }
}

/// Asks for huge pages over the whole 2 MiB pages inside `len` bytes at `p` (a hint: errors,
/// and kernels without transparent huge pages, change nothing).
fn advise(p: *mut u8, len: usize) {
    if p.is_null() || len < LARGE {
        return;
    }
    let start = (p as usize).next_multiple_of(HUGE);
    let end = (p as usize + len) & !(HUGE - 1);
    if end > start {
        #[cfg(target_os = "linux")]
        // SAFETY: `start..end` lies inside the block just allocated; MADV_HUGEPAGE neither
        // unmaps nor changes the memory.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}
