//! The PDF reader on any bytes: pdftotext runs in its own process, so this checks resgraph's
//! side (the pipe, the time limit, the tidying of whatever comes back). Slow: one process per
//! input. Seed it with the corpus PDFs (`fuzz/README.md`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = resgraph::input::pdf::to_text(data);
});
