//! PDF to text, through poppler's `pdftotext -layout` run as a separate process.
//!
//! Why poppler (see `docs/inputs.md` for the measurements): on the 20 born-digital UN PDFs of the
//! shared corpus it gives the words of the reference texts in order, keeps each footnote with
//! its number, and never fails, where the pure-Rust extractors (pdf-extract, lopdf) mangle the
//! spacing of the UN fonts or fail on some files. A separate process also means that a hostile
//! PDF cannot crash resgraph or take its memory: it is killed after [`TIMEOUT`].
//!
//! The layout text is then tidied into what [`crate::layout`] reads: each page starts with a
//! form feed, columns of the page heading (`United Nations ... A/RES/79/100`) go on lines of their
//! own, indentation goes, a paragraph's indented first line gets a blank line before it, runs of
//! spaces become one, and a footnote number alone on its line joins its text (`1 Resolution 217
//! A (III).`). Offsets reported for a PDF are offsets into this text, which `resgraph text FILE`
//! prints.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long pdftotext may take for one file.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The program run: `RESGRAPH_PDFTOTEXT` if set, else `pdftotext` from the PATH.
pub fn program() -> String {
    std::env::var("RESGRAPH_PDFTOTEXT").unwrap_or_else(|_| "pdftotext".to_string())
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// pdftotext is not installed.
    MissingProgram(String),
    /// The file is damaged, truncated or encrypted; the message says which.
    Damaged(String),
    /// No text layer: a scan that needs OCR.
    NoText,
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::MissingProgram(p) => write!(
                f,
                "PDF needs poppler's {p}, which is not installed (apt-get install poppler-utils; \
                 or set RESGRAPH_PDFTOTEXT to the program)"
            ),
            PdfError::Damaged(m) => write!(f, "damaged PDF: {m}"),
            PdfError::NoText => write!(
                f,
                "PDF without a text layer (scanned pages): it needs OCR first, for example \
                 `ocrmypdf in.pdf out.pdf`"
            ),
        }
    }
}

/// Converts the bytes of a PDF to tidied text.
pub fn to_text(bytes: &[u8]) -> Result<String, PdfError> {
    let raw = match run_pdftotext(bytes) {
        Err(PdfError::Damaged(why)) if truncated(bytes) => {
            return Err(PdfError::Damaged(format!(
                "truncated: no %%EOF marker at the end ({why})"
            )));
        }
        r => r?,
    };
    let text = tidy(&raw);
    if text.chars().all(|c| c.is_whitespace()) {
        return Err(if truncated(bytes) {
            PdfError::Damaged("truncated: no %%EOF marker at the end and no text".into())
        } else {
            PdfError::NoText
        });
    }
    if truncated(bytes) {
        return Err(PdfError::Damaged(
            "truncated: no %%EOF marker at the end (some pages may be missing)".into(),
        ));
    }
    Ok(text)
}

/// A PDF ends with `%%EOF` (a few bytes of padding may follow).
fn truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(8192)..];
    !tail.windows(5).any(|w| w == b"%%EOF")
}

fn run_pdftotext(bytes: &[u8]) -> Result<String, PdfError> {
    run_program(program(), bytes)
}

/// Runs `prog` as pdftotext: `bytes` on its input, its output as text once it has exited well.
fn run_program(prog: String, bytes: &[u8]) -> Result<String, PdfError> {
    let mut child = Command::new(&prog)
        .args(["-layout", "-enc", "UTF-8", "-eol", "unix", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PdfError::MissingProgram(prog.clone()),
            _ => PdfError::Damaged(format!("cannot run {prog}: {e}")),
        })?;
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(PdfError::Damaged(format!("cannot talk to {prog}")));
    };
    let result = std::thread::scope(|s| {
        // Writing and reading at once: pdftotext may start writing before it has read all.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let err = s.spawn(move || {
            let mut e = Vec::new();
            let _ = stderr.by_ref().take(64 << 10).read_to_end(&mut e);
            e
        });
        let (ended, output_ended) = std::sync::mpsc::channel::<()>();
        let out = s.spawn(move || {
            let mut o = Vec::new();
            let r = stdout.read_to_end(&mut o);
            let _ = ended.send(());
            (o, r)
        });
        let deadline = Instant::now() + TIMEOUT;
        // The output ends as pdftotext exits: its exit is looked for from then on, not every
        // 5 ms from the start, a wait of 2.5 ms a PDF on average (a sixth of the time of
        // `build` on the 22 PDFs of the shared corpus). A program that closes its output and
        // runs on is still waited for until the deadline, less and less often.
        let _ = output_ended.recv_timeout(TIMEOUT);
        let mut pause = Duration::from_micros(50);
        let status = loop {
            match child.try_wait() {
                Ok(Some(st)) => break Ok(st),
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(PdfError::Damaged(format!(
                        "{prog} took more than {} s",
                        TIMEOUT.as_secs()
                    )));
                }
                Ok(None) => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(5));
                }
                Err(e) => break Err(PdfError::Damaged(format!("{prog}: {e}"))),
            }
        };
        let (out, read) = out
            .join()
            .unwrap_or_else(|_| (Vec::new(), Err(std::io::Error::other("reader failed"))));
        let err = err.join().unwrap_or_default();
        (status, out, read, err)
    });
    let (status, out, read, err) = result;
    let status = status?;
    let err = String::from_utf8_lossy(&err);
    let first_error = err
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    if !status.success() {
        let why = if first_error.contains("ncrypt") || first_error.contains("password") {
            "encrypted (a password is needed)".to_string()
        } else if first_error.is_empty() {
            format!("{prog} failed ({status})")
        } else {
            first_error
        };
        return Err(PdfError::Damaged(why));
    }
    read.map_err(|e| PdfError::Damaged(format!("reading {prog}'s output: {e}")))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Columns further apart than this are separate lines (page headings); justified text has gaps
/// of up to 17 spaces in the UN PDFs, headings 40 and more.
const COLUMN_GAP: usize = 20;

/// Tidies `pdftotext -layout` output (see the module comment).
pub fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let pages: Vec<&str> = raw.split('\x0c').collect();
    let last = pages.len().saturating_sub(1);
    for (p, page) in pages.iter().enumerate() {
        if p == last && page.trim().is_empty() {
            break;
        }
        if p > 0 {
            out.push('\x0c');
        }
        tidy_page(page, &mut out);
    }
    // At most one blank line in a row, none at the ends.
    let mut clean = String::with_capacity(out.len());
    let mut blank = true;
    for line in out.lines() {
        let is_blank = line.trim().is_empty() && !line.contains('\x0c');
        if is_blank && blank {
            continue;
        }
        blank = is_blank;
        clean.push_str(if is_blank { "" } else { line });
        clean.push('\n');
    }
    while clean.ends_with("\n\n") {
        clean.pop();
    }
    clean
}

fn tidy_page(page: &str, out: &mut String) {
    let lines: Vec<&str> = page.lines().collect();
    let margin = body_margin(&lines);
    let mut prev_blank = true;
    let mut pending_note: Option<String> = None;
    for line in &lines {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let columns = split_columns(line);
        if columns.is_empty() {
            if let Some(n) = pending_note.take() {
                push_line(out, &n);
            }
            if !prev_blank {
                push_line(out, "");
            }
            prev_blank = true;
            continue;
        }
        if let Some(n) = pending_note.take() {
            // A footnote number alone on its line, then its text.
            let joined = format!("{n} {}", columns.join(" "));
            push_line(out, &joined);
            prev_blank = false;
            continue;
        }
        if columns.len() == 1 && is_note_number(&columns[0]) && indent < margin {
            pending_note = Some(columns[0].clone());
            continue;
        }
        if columns.len() == 1 && indent >= margin + 3 && !prev_blank {
            // An indented first line: a new paragraph.
            push_line(out, "");
        }
        for c in columns {
            push_line(out, &c);
        }
        prev_blank = false;
    }
    if let Some(n) = pending_note {
        push_line(out, &n);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// The body text's left margin: the most common indentation of long lines.
fn body_margin(lines: &[&str]) -> usize {
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for l in lines {
        let t = l.trim_start_matches(' ');
        if t.len() >= 50 {
            *counts.entry(l.len() - t.len()).or_default() += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(indent, n)| (**n, usize::MAX - **indent))
        .map(|(i, _)| *i)
        .unwrap_or(0)
}

/// The columns of a line, each with its runs of spaces made one.
fn split_columns(line: &str) -> Vec<String> {
    let mut cols = Vec::new();
    let mut cur = String::new();
    let mut spaces = 0usize;
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces > 0 && !cur.is_empty() {
            if spaces >= COLUMN_GAP {
                cols.push(std::mem::take(&mut cur));
            } else {
                cur.push(' ');
            }
        }
        spaces = 0;
        cur.push(c);
    }
    if !cur.is_empty() {
        cols.push(cur);
    }
    cols
}

fn is_note_number(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && s != "0"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shell script standing in for pdftotext, in a directory of its own, removed when the
    /// returned guard is dropped (also on a panic).
    #[cfg(unix)]
    fn script(name: &str, body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::Builder::new()
            .prefix(&format!("resgraph-pdf-{name}-"))
            .tempdir()
            .expect("script folder");
        let path = dir.path().join("pdftotext");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("script written");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("script made executable");
        (dir, path)
    }

    #[cfg(unix)]
    #[test]
    fn the_program_is_waited_for_after_its_output_ends() {
        // Output, then the output closed and the program still running: its exit status is
        // what counts, read once it has exited.
        let (_late_dir, late_failure) = script(
            "late",
            "cat >/dev/null; echo 'Resolution 1/2'; exec >&-; sleep 0.3; exit 3",
        );
        let got = run_program(late_failure.display().to_string(), b"%PDF-1.4");
        assert!(
            matches!(&got, Err(PdfError::Damaged(m)) if m.contains("exit status: 3")),
            "{got:?}"
        );
        let (_fine_dir, fine) = script("fine", "cat >/dev/null; echo 'Resolution 1/2'");
        let got = run_program(fine.display().to_string(), b"%PDF-1.4");
        assert_eq!(got, Ok("Resolution 1/2\n".to_string()));
    }

    #[test]
    fn tidies_layout_text() {
        let raw = "                United Nations                                                    A/RES/79/100\n\
                   \n\
                   \x20                    The General Assembly,\n\
                   \x20                    Having considered the question of Anguilla and examined the report of the\n\
                   \x20               Special Committee on the Situation with regard to the Implementation of the\n\
                   \x20               2024, 1\n\
                   \x20       __________________\n\
                   \x20           1\n\
                   \x20             Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 23.\n\
                   \n\
                   \x2024-23545 (E)     230724\n\
                   \x20*2423545*\n\x0c\
                   A/RES/79/100                                                     Question of Anguilla\n\
                   \n\
                   \x20                    Recognizing that the specific characteristics and the aspirations of the people of\n\x0c";
        let t = tidy(raw);
        assert_eq!(
            t,
            "United Nations\nA/RES/79/100\n\nThe General Assembly,\n\nHaving considered the question of Anguilla and examined the report of the\n\
             Special Committee on the Situation with regard to the Implementation of the\n2024, 1\n__________________\n\
             1 Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 23.\n\n24-23545 (E) 230724\n*2423545*\n\
             \x0cA/RES/79/100\nQuestion of Anguilla\n\nRecognizing that the specific characteristics and the aspirations of the people of\n"
        );
    }

    #[test]
    fn missing_program_is_named() {
        let e = PdfError::MissingProgram("pdftotext".into()).to_string();
        assert!(e.contains("poppler-utils"), "{e}");
    }
}
