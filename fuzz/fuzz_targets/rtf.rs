//! The RTF reader on any bytes after an RTF opening (seed it with `tests/data/doc/*.rtf`:
//! `fuzz/README.md`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut rtf = b"{\\rtf1".to_vec();
    rtf.extend_from_slice(data);
    let _ = resgraph::input::rtf::to_text(&rtf);
});
