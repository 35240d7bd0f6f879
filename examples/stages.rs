//! Time spent in each stage of reading one text file, for profiling the extraction:
//! `cargo run --release --example stages -- FILE [RUNS]` prints the median milliseconds and MB/s
//! of each stage (repair, language, identity, layout, extraction, other-language paragraphs,
//! JSON lines) over RUNS runs (default 5).

use resgraph::{document, extract, input, lang, layout::Layout};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: stages FILE [RUNS]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let raw = std::fs::read(&path)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let mb = text.len() as f64 / 1e6;
    let mut times: Vec<Vec<(&str, f64)>> = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        // The text handed over, as `analyse_owned` takes a file's text: repaired in place.
        let owned = text.clone();
        let mut t = Vec::new();
        let mut clock = Instant::now();
        let mut lap = |name, t: &mut Vec<(&str, f64)>| {
            t.push((name, clock.elapsed().as_secs_f64() * 1000.0));
            clock = Instant::now();
        };
        let repaired = match input::repair::repair_owned(owned) {
            Ok(r) => r.text,
            Err(unchanged) => unchanged,
        };
        let text = repaired.as_str();
        lap("repair", &mut t);
        let lang = lang::detect(text);
        lap("language", &mut t);
        let info = document::identify(text, lang);
        lap("identity", &mut t);
        // As `analyse_text` does: running headers may carry the symbol as written.
        let own: Vec<String> = info.id.iter().cloned().collect();
        let mut own_written = info.written_symbols.clone();
        own_written.extend(info.id.clone());
        let layout = Layout::analyse(text, lang.table(), &own_written);
        lap("layout", &mut t);
        let ctx = extract::Context {
            lang,
            citing_body: info.citing_body(),
            own_ids: &own,
            layout: &layout,
        };
        let mut mentions = extract::extract(text, &ctx);
        lap("extract", &mut t);
        // Finds the paragraphs in other languages (from the layout's blocks) and reads them.
        extract::by_paragraph_language(text, &ctx, &mut mentions);
        lap("other languages", &mut t);
        let mut out = Vec::new();
        for m in &mentions {
            serde_json::to_writer(&mut out, &m.symbol.id())?;
            out.push(b'\n');
        }
        lap("output", &mut t);
        found = mentions.len();
        times.push(t);
    }
    println!("{path}: {mb:.1} MB, {found} mentions, medians of {runs} runs");
    let mut total = 0.0;
    for i in 0..times[0].len() {
        let mut v: Vec<f64> = times.iter().map(|t| t[i].1).collect();
        v.sort_by(f64::total_cmp);
        let m = v[v.len() / 2];
        total += m;
        println!(
            "{:>16} {:>8.1} ms {:>8.0} MB/s",
            times[0][i].0,
            m,
            mb / m * 1000.0
        );
    }
    println!(
        "{:>16} {:>8.1} ms {:>8.0} MB/s",
        "total",
        total,
        mb / total * 1000.0
    );
    Ok(())
}
