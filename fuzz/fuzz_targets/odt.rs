//! The OpenDocument reader on any bytes: as an `.odt` archive and as flat XML (seed it with
//! `tests/data/doc/*.odt` and `*.fodt`: `fuzz/README.md`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = resgraph::input::odt::to_text(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = resgraph::input::odt::xml_to_text(text, "fuzz");
    }
});
