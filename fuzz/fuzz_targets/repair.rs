//! The in-place repair on any text: the same text as the repair into a new string, and valid
//! UTF-8 (the in-place repair skips its second validation when every copied piece is whole
//! characters).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resgraph::input::repair::{repair, repair_owned};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let copied = repair(&text).map(|r| r.text);
    match repair_owned(text.clone()) {
        Ok(r) => {
            assert!(std::str::from_utf8(r.text.as_bytes()).is_ok());
            assert_eq!(Some(r.text), copied);
        }
        Err(back) => {
            assert_eq!(back, text);
            assert!(copied.is_none());
        }
    }
});
