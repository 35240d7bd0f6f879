//! Values made once for the process and used through a copy on each thread: the compiled
//! regular expressions.
//!
//! A `regex::Regex` keeps the scratch space of its searches in a pool. The first thread that
//! searches with it owns the pool's fast path; every other thread takes a lock on a shared
//! stack for each search (and a fresh scratch space when the stack is busy). With two jobs the
//! second thread spent about 2 % of its time there. A clone shares the compiled program and has
//! a pool of its own: each thread keeps its own clones, and each search is an owner's search.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The next free slot of the threads' tables of copies.
static NEXT_SLOT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's copies, by slot.
    static COPIES: RefCell<Vec<Option<Rc<dyn Any>>>> = const { RefCell::new(Vec::new()) };
}

/// A value made by `make` the first time it is asked for, then cloned once into each thread
/// that asks for it.
pub struct PerThread<T> {
    make: fn() -> T,
    /// The value, and its slot in the threads' tables.
    shared: OnceLock<(T, usize)>,
}

impl<T: Clone + 'static> PerThread<T> {
    /// A value that `make` builds on first use.
    pub const fn new(make: fn() -> T) -> PerThread<T> {
        PerThread {
            make,
            shared: OnceLock::new(),
        }
    }

    /// This thread's copy (made from the shared value the first time this thread asks).
    pub fn get(&self) -> Rc<T> {
        let (value, slot) = self
            .shared
            .get_or_init(|| ((self.make)(), NEXT_SLOT.fetch_add(1, Ordering::Relaxed)));
        let copy = COPIES.with(|copies| {
            let mut copies = copies.borrow_mut();
            if copies.len() <= *slot {
                copies.resize(*slot + 1, None);
            }
            copies[*slot]
                .get_or_insert_with(|| Rc::new(value.clone()))
                .clone()
        });
        // The slot holds a `T`: it was filled from this value.
        copy.downcast::<T>()
            .unwrap_or_else(|_| Rc::new(value.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static WORDS: PerThread<Vec<String>> = PerThread::new(|| vec!["resolution".into()]);
    static OTHER: PerThread<u32> = PerThread::new(|| 70);

    /// Each thread gets its own copy, the same copy on each call, holding the value made.
    #[test]
    fn one_copy_per_thread() {
        let a = WORDS.get();
        let b = WORDS.get();
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(*a, vec!["resolution".to_string()]);
        assert_eq!(*OTHER.get(), 70);
        let there = std::thread::spawn(|| {
            let c = WORDS.get();
            (c.as_ptr() as usize, c.len(), *OTHER.get())
        })
        .join()
        .unwrap_or_default();
        assert_ne!(there.0, a.as_ptr() as usize);
        assert_eq!((there.1, there.2), (1, 70));
    }
}
