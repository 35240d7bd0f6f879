//! The DOCX reader on any bytes (seed it with real .docx files: `fuzz/README.md`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = resgraph::input::docx::to_text(data);
});
