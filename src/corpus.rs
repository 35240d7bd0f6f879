//! Running the pipeline over a corpus: files are read and analysed in parallel, and handed back
//! one by one in sorted path order, so every output is byte-identical whatever the number of
//! jobs. Each text is dropped as soon as it is analysed: memory grows with the results kept by
//! the caller (a graph), not with the corpus.

use crate::error::Error;
use crate::lang::Lang;
use crate::{Document, input};
use std::path::PathBuf;
use std::time::{Duration, Instant};

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
    /// Threads that read the files (the calling thread among them).
    pub jobs: usize,
    /// How long listing the paths took.
    pub listing: Duration,
    /// How long reading and analysing the files took, with what the caller did with each
    /// document (from the end of the listing to the last file taken in).
    pub reading: Duration,
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

/// Analyses every file under `paths`. `each` receives the documents in sorted path order (a
/// catalogue export's records one after the other, in file order),
/// `on_error` every failure (paths that cannot be listed first, then files in order), and
/// `progress` a report after each file. With `strict`, the run stops at the first failure.
pub fn analyse_paths(
    paths: &[PathBuf],
    opts: &Options,
    mut each: impl FnMut(Document),
    mut on_error: impl FnMut(&Error),
    mut progress: impl FnMut(Progress),
) -> Summary {
    let start = Instant::now();
    let (files, errors) = input::collect_files(paths);
    let listed = Instant::now();
    let jobs = effective_jobs(opts.jobs).min(files.len().max(1));
    let mut summary = Summary {
        files: files.len(),
        failed: errors.len(),
        jobs,
        listing: listed - start,
        ..Summary::default()
    };
    for e in &errors {
        on_error(e);
    }
    if opts.strict && !errors.is_empty() {
        return summary;
    }
    let read_opts = input::ReadOptions {
        encoding: opts.encoding,
    };
    let read = |path: &PathBuf| match crate::analyse_file_sized(path, opts.lang, &read_opts) {
        Ok((docs, size)) => (size, Ok(docs)),
        Err(e) => (0, Err(e)),
    };
    // Takes one file's result in order; false when the run is to stop.
    let mut take = |done: usize, size: u64, result: crate::Result<Vec<Document>>| {
        match result {
            Ok(docs) => {
                summary.read += 1;
                summary.bytes += size;
                for doc in docs {
                    summary.mentions += doc.mentions.len();
                    each(doc);
                }
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
    if jobs >= 2 {
        // English is the likeliest language where none is given; another is compiled where
        // first met, as before.
        crate::compile_patterns(opts.lang.unwrap_or(Lang::En));
    }
    // The calling thread reads files too, and takes in, in path order, what the others have
    // finished; a separate collecting thread would wake for each file and crowd the readers off
    // the cores. Documents hold mentions, not texts: a few dozen waiting cost little memory.
    crate::ordered::map_in_order(
        files.len(),
        jobs,
        jobs * 16,
        |i| read(&files[i]),
        |i, (size, result)| take(i + 1, size, result),
    );
    summary.reading = listed.elapsed();
    summary
}
