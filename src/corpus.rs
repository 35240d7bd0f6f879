//! Running the pipeline over a corpus: files are read and analysed in parallel, and handed back
//! one by one in sorted path order, so every output is byte-identical whatever the number of
//! jobs. Each text is dropped as soon as it is analysed: memory grows with the results kept by
//! the caller (a graph), not with the corpus.

use crate::error::Error;
use crate::lang::Lang;
use crate::{Document, input};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// How to run over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The language of every text; `None` detects it per file.
    pub lang: Option<Lang>,
    /// Worker threads (0 = one per core).
    pub jobs: usize,
    /// Stop at the first failure instead of carrying on.
    pub strict: bool,
    /// The encoding of text files; `None` detects it per file.
    pub encoding: Option<&'static crate::input::Encoding>,
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files listed.
    pub files: usize,
    /// Files read and analysed.
    pub read: usize,
    /// Files (or paths) that failed.
    pub failed: usize,
    /// Bytes of the files read.
    pub bytes: u64,
    /// References found.
    pub mentions: usize,
}

/// Progress of a run, reported after each file in path order.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Files done so far (read or failed).
    pub done: usize,
    /// Files in all.
    pub total: usize,
    /// Bytes read so far.
    pub bytes: u64,
    /// References found so far.
    pub mentions: usize,
}

/// The number of worker threads `jobs` asks for (0 = one per core).
pub fn effective_jobs(jobs: usize) -> usize {
    if jobs > 0 {
        jobs
    } else {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    }
}

/// Analyses every file under `paths`. `each` receives the documents in sorted path order,
/// `on_error` every failure (paths that cannot be listed first, then files in order), and
/// `progress` a report after each file. With `strict`, the run stops at the first failure.
pub fn analyse_paths(
    paths: &[PathBuf],
    opts: &Options,
    mut each: impl FnMut(Document),
    mut on_error: impl FnMut(&Error),
    mut progress: impl FnMut(Progress),
) -> Summary {
    let (files, errors) = input::collect_files(paths);
    let mut summary = Summary {
        files: files.len(),
        failed: errors.len(),
        ..Summary::default()
    };
    for e in &errors {
        on_error(e);
    }
    if opts.strict && !errors.is_empty() {
        return summary;
    }
    let jobs = effective_jobs(opts.jobs).min(files.len().max(1));
    let read_opts = input::ReadOptions {
        encoding: opts.encoding,
    };
    let read = |path: &PathBuf| {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        (size, crate::analyse_file_with(path, opts.lang, &read_opts))
    };
    // Takes one file's result in order; false when the run is to stop.
    let mut take = |done: usize, size: u64, result: crate::Result<Document>| {
        match result {
            Ok(doc) => {
                summary.read += 1;
                summary.bytes += size;
                summary.mentions += doc.mentions.len();
                each(doc);
            }
            Err(e) => {
                summary.failed += 1;
                on_error(&e);
            }
        }
        progress(Progress {
            done,
            total: files.len(),
            bytes: summary.bytes,
            mentions: summary.mentions,
        });
        !(opts.strict && summary.failed > 0)
    };
    // `jobs` threads in all: the calling thread reads files too, and between two of its own
    // it takes in, in path order, what the others have finished. It waits only when every
    // file is claimed; a separate collecting thread would wake for each file and crowd the
    // readers off the cores. One job is the calling thread alone.
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Results that arrive before every earlier file is done wait in `pending`; the channel's
    // bound stops the other threads from running far ahead of the calling one.
    let (tx, rx) = mpsc::sync_channel::<(usize, u64, crate::Result<Document>)>(jobs * 4);
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            let tx = tx.clone();
            let (next, stop, files) = (&next, &stop, &files);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let (size, result) = read(path);
                    if tx.send((i, size, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, (u64, crate::Result<Document>)> = BTreeMap::new();
        let mut want = 0usize;
        let mut claimed_all = false;
        while want < files.len() {
            while let Ok((i, size, result)) = rx.try_recv() {
                pending.insert(i, (size, result));
            }
            if let Some((size, result)) = pending.remove(&want) {
                want += 1;
                if !take(want, size, result) {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                continue;
            }
            if !claimed_all {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if let Some(path) = files.get(i) {
                    let (size, result) = read(path);
                    pending.insert(i, (size, result));
                    continue;
                }
                claimed_all = true;
            }
            // Every file is claimed and the next one in order is another thread's.
            match rx.recv() {
                Ok((i, size, result)) => {
                    pending.insert(i, (size, result));
                }
                Err(_) => break,
            }
        }
        // Unblock the other threads if the run stopped early.
        stop.store(true, Ordering::Relaxed);
        drop(rx);
    });
    summary
}
