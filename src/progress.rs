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
        let since_last = self.last.map(|l| now - l);
        if !due(now - self.start, since_last, p.done >= p.total) {
            return;
        }
        self.last = Some(now);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{}", line(&p, now - self.start));
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

/// How long a run goes before its bar first shows: a bar that flashes for a moment tells
/// nothing, and an estimate made after the first file or two (which also wait for the patterns
/// to be compiled) is far off.
const FIRST_DRAW: Duration = Duration::from_millis(300);

/// How often the bar is redrawn at most.
const REDRAW: Duration = Duration::from_millis(100);

/// Whether to draw the bar `elapsed` into the run, `since_last` after the last drawing (none
/// yet: `None`); `finished` when every file is done (the last state is drawn without waiting).
fn due(elapsed: Duration, since_last: Option<Duration>, finished: bool) -> bool {
    match since_last {
        None => elapsed >= FIRST_DRAW,
        Some(d) => finished || d >= REDRAW,
    }
}

/// The bar's text for `p`, `elapsed` into the run: the rate in megabytes a second and the time
/// left at the rate of the files done so far.
fn line(p: &Progress, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    let mbs = p.bytes as f64 / 1e6 / secs;
    let eta = if p.done > 0 {
        secs * p.total.saturating_sub(p.done) as f64 / p.done as f64
    } else {
        0.0
    };
    format!(
        "{}/{} files  {:.1} MB/s  {} references  ETA {:.0}s",
        p.done, p.total, mbs, p.mentions, eta
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_run_shows_no_bar_and_a_long_one_is_redrawn_ten_times_a_second() {
        let ms = Duration::from_millis;
        // Nothing in the first 300 ms, finished or not.
        assert!(!due(ms(50), None, false));
        assert!(!due(ms(299), None, true));
        assert!(due(ms(300), None, false));
        // Then every 100 ms, and the last state at once.
        assert!(!due(ms(1000), Some(ms(99)), false));
        assert!(due(ms(1000), Some(ms(100)), false));
        assert!(due(ms(1000), Some(ms(1)), true));
    }

    #[test]
    fn the_line_gives_rate_and_time_left() {
        let p = Progress {
            done: 250,
            total: 1000,
            bytes: 50_000_000,
            mentions: 4321,
        };
        assert_eq!(
            line(&p, Duration::from_secs(2)),
            "250/1000 files  25.0 MB/s  4321 references  ETA 6s"
        );
        let none = Progress {
            done: 0,
            total: 10,
            bytes: 0,
            mentions: 0,
        };
        assert_eq!(
            line(&none, Duration::from_millis(400)),
            "0/10 files  0.0 MB/s  0 references  ETA 0s"
        );
    }
}
