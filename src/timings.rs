//! `--timings`: how long each phase of a run took, on stderr once the run is over. The phases
//! are timed where the command line calls the library (the listing and the reading by the
//! corpus run itself, which reports them in its summary).

use resgraph::corpus::Summary;
use std::time::{Duration, Instant};

/// The phases of one run, in the order they ran.
pub struct Timings {
    start: Instant,
    lines: Vec<String>,
}

impl Timings {
    /// Timings of a run that began at `start`.
    pub fn new(start: Instant) -> Timings {
        Timings {
            start,
            lines: Vec::new(),
        }
    }

    /// The corpus run's two phases: listing the paths, and reading and analysing the files.
    pub fn corpus(&mut self, s: &Summary) {
        self.lines.push(format!(
            "listed {} in {}",
            count(s.files as u64, "file"),
            ms(s.listing)
        ));
        let rate = s.bytes as f64 / 1e6 / s.reading.as_secs_f64().max(1e-9);
        self.lines.push(format!(
            "read {} ({:.1} MB, {}) in {} with {}: {rate:.1} MB/s",
            count(s.read as u64, "file"),
            s.bytes as f64 / 1e6,
            count(s.mentions as u64, "reference"),
            ms(s.reading),
            count(s.jobs as u64, "job"),
        ));
    }

    /// Any other phase: `what` took `took`.
    pub fn phase(&mut self, what: &str, took: Duration) {
        self.lines.push(format!("{what} in {}", ms(took)));
    }

    /// The report, a line for each phase and one for the whole run so far, each led by
    /// `resgraph: `.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for line in self
            .lines
            .iter()
            .cloned()
            .chain([format!("{} in all", ms(self.start.elapsed()))])
        {
            out.push_str("resgraph: ");
            out.push_str(&line);
            out.push('\n');
        }
        out
    }
}

/// A duration in milliseconds, to a tenth.
fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// `n` and `noun`, the noun in the plural unless `n` is 1; `n` with thousands separated
/// (`1,997 files`).
pub fn count(n: u64, noun: &str) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_and_nouns_agree() {
        assert_eq!(count(0, "file"), "0 files");
        assert_eq!(count(1, "job"), "1 job");
        assert_eq!(count(999, "file"), "999 files");
        assert_eq!(count(1_997, "file"), "1,997 files");
        assert_eq!(count(1_234_567, "reference"), "1,234,567 references");
    }

    #[test]
    fn report_lists_the_phases_in_order_then_the_whole() {
        let mut t = Timings::new(Instant::now());
        t.corpus(&Summary {
            files: 3,
            read: 2,
            bytes: 2_500_000,
            mentions: 1,
            jobs: 2,
            listing: Duration::from_micros(1_500),
            reading: Duration::from_millis(10),
            ..Summary::default()
        });
        t.phase("settled the graph", Duration::from_micros(8_140));
        let r = t.report();
        let lines: Vec<&str> = r.lines().collect();
        assert_eq!(lines.len(), 4, "{r}");
        assert_eq!(lines[0], "resgraph: listed 3 files in 1.5 ms");
        assert_eq!(
            lines[1],
            "resgraph: read 2 files (2.5 MB, 1 reference) in 10.0 ms with 2 jobs: 250.0 MB/s"
        );
        assert_eq!(lines[2], "resgraph: settled the graph in 8.1 ms");
        assert!(
            lines[3].starts_with("resgraph: ") && lines[3].ends_with(" ms in all"),
            "{r}"
        );
    }
}
