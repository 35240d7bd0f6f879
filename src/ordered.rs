//! Work spread over threads, results taken in order: how a corpus is read (files in path order)
//! and how a graph file is written (chunks of JSON in array order). The calling thread works
//! too, so `jobs` threads in all share the cores; it takes in what the others have finished
//! between two items of its own, and sleeps only when it has nothing else to do.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Runs `work` on the items `0..n` with `jobs` threads (the calling thread one of them) and hands
/// each result to `take` in item order, on the calling thread. `take` returns false to stop the
/// run: no item is started after that, and no result taken.
///
/// Results finished ahead of their turn wait; `ahead` bounds how many (beyond one per thread),
/// which bounds the memory they hold. The items a thread runs depend on timing, the order of
/// `take` never does.
pub fn map_in_order<R: Send>(
    n: usize,
    jobs: usize,
    ahead: usize,
    work: impl Fn(usize) -> R + Sync,
    mut take: impl FnMut(usize, R) -> bool,
) {
    let jobs = jobs.clamp(1, n.max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The channel's bound stops the other threads from running far ahead of the calling one.
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(ahead.max(1));
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    if tx.send((i, work(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut want = 0usize;
        let mut claimed_all = false;
        while want < n {
            while let Ok((i, r)) = rx.try_recv() {
                pending.insert(i, r);
            }
            if let Some(r) = pending.remove(&want) {
                if !take(want, r) {
                    break;
                }
                want += 1;
                continue;
            }
            // Work of its own while the next result is another thread's, unless enough
            // results already wait.
            if !claimed_all && pending.len() < ahead.max(1) {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i < n {
                    pending.insert(i, work(i));
                    continue;
                }
                claimed_all = true;
            }
            match rx.recv() {
                Ok((i, r)) => {
                    pending.insert(i, r);
                }
                // Every other thread is done and the next result is not here: only when a
                // thread stopped early, which the stop flag below answers.
                Err(_) => break,
            }
        }
        // Unblock the other threads if the run stopped early.
        stop.store(true, Ordering::Relaxed);
        drop(rx);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_for_any_number_of_threads() {
        for jobs in 1..5 {
            for n in [0, 1, 2, 7, 100] {
                let mut seen = Vec::new();
                map_in_order(
                    n,
                    jobs,
                    3,
                    |i| {
                        // Uneven work, so that threads finish out of order.
                        if i % 3 == 0 {
                            std::thread::sleep(std::time::Duration::from_micros(200));
                        }
                        i * 10
                    },
                    |i, r| {
                        seen.push((i, r));
                        true
                    },
                );
                let want: Vec<(usize, usize)> = (0..n).map(|i| (i, i * 10)).collect();
                assert_eq!(seen, want, "jobs {jobs}, n {n}");
            }
        }
    }

    #[test]
    fn stopping_takes_nothing_more() {
        for jobs in 1..4 {
            let mut seen = Vec::new();
            map_in_order(
                50,
                jobs,
                2,
                |i| i,
                |i, _| {
                    seen.push(i);
                    i < 4
                },
            );
            assert_eq!(seen, vec![0, 1, 2, 3, 4], "jobs {jobs}");
        }
    }
}
