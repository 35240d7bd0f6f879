//! The extractor on any text, in every language: it returns, and every mention's offsets hold
//! its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resgraph::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    let lang = Lang::ALL
        .get(usize::from(first) % (Lang::ALL.len() + 1))
        .copied();
    let doc = resgraph::analyse_text(text, lang);
    for m in &doc.mentions {
        assert!(m.start <= m.end && m.end <= text.len());
        assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
    }
});
