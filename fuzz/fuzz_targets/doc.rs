//! The old Word (`.doc`) reader on any bytes (seed it with `tests/data/doc/*.doc`:
//! `fuzz/README.md`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = resgraph::input::doc::to_text(data);
});
