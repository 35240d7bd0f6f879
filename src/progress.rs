//! The progress bar of long runs: files done, MB/s, references found, ETA, on stderr, only when
//! stderr is a terminal.

use resgraph::corpus::Progress;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A one-line progress display, redrawn at most ten times a second.
pub struct Bar {
    enabled: bool,
    start: Instant,
    last: Option<Instant>,
    drawn: bool,
}

impl Bar {
    /// A bar that shows itself only on a terminal and when not `quiet`.
    pub fn new(quiet: bool) -> Bar {
        Bar {
            enabled: !quiet && std::io::stderr().is_terminal(),
            start: Instant::now(),
            last: None,
            drawn: false,
        }
    }

    /// Redraws the bar for `p`.
    pub fn update(&mut self, p: Progress) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = self
            .last
            .is_none_or(|l| now - l >= Duration::from_millis(100));
        if !due && p.done < p.total {
            return;
        }
        self.last = Some(now);
        let secs = (now - self.start).as_secs_f64().max(1e-3);
        let mbs = p.bytes as f64 / 1e6 / secs;
        let eta = if p.done > 0 {
            secs * (p.total - p.done) as f64 / p.done as f64
        } else {
            0.0
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[K{}/{} files  {:.1} MB/s  {} references  ETA {:.0}s",
            p.done, p.total, mbs, p.mentions, eta
        );
        let _ = err.flush();
        self.drawn = true;
    }

    /// Removes the bar (before a message, and at the end).
    pub fn clear(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
            self.drawn = false;
        }
    }
}
