//! The text readers on any bytes: encoding detection, HTML, JSON records, CSV tables of
//! catalogue records and, through the magic bytes, DOCX. Whatever they return is analysed too
//! (a JSON record's fields and a catalogue's records with it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resgraph::input::{ReadOptions, convert};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // PDFs start pdftotext, which is fuzzed by its own target.
    if data.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return;
    }
    // The tidying of pdftotext's output, on any text.
    let tidied = resgraph::input::pdf::tidy(&String::from_utf8_lossy(data));
    let doc = resgraph::analyse_text(&tidied, None);
    for m in &doc.mentions {
        assert_eq!(tidied.get(m.start..m.end), Some(m.text.as_str()));
    }
    for name in ["x.txt", "x.html", "x.json", "x.jsonl", "x.csv"] {
        if let Ok(input) = convert(Path::new(name), data, &ReadOptions::default()) {
            let text = input.text.clone();
            // The record's fields (a JSON file's identity) are read with the text.
            for doc in resgraph::analyse_input_documents(input, None) {
                for m in &doc.mentions {
                    assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
                }
            }
        }
    }
});
