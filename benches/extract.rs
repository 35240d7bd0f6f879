//! Extraction throughput per language: `analyse_text` (repair, language, identity, layout,
//! extraction) on real texts of each language from `../shared/corpus`, reported by criterion
//! in bytes per second.
//!
//! `cargo bench --bench extract`. The texts: for each of the six languages the 4,000-sentence
//! dev set of the UN Parallel Corpus (one sentence a line, so one paragraph a line), English
//! and Chinese segments of 2023 documents, the German seed resolution repeated to 1 MB, and
//! English and Russian sentences of the dev set as paragraphs taking turns.
//! Measured, not asserted: no threshold here.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use resgraph::lang::Lang;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn shared(rel: &str) -> PathBuf {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(rel);
    assert!(
        p.exists(),
        "missing {}: the extraction benchmark reads ../shared beside the checkout",
        p.display()
    );
    p
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(shared(rel)).expect("readable benchmark text")
}

fn bench(c: &mut Criterion) {
    let mut texts: Vec<(String, String, Option<Lang>)> = Vec::new();
    for (code, lang) in [
        ("en", Lang::En),
        ("fr", Lang::Fr),
        ("es", Lang::Es),
        ("ru", Lang::Ru),
        ("zh", Lang::Zh),
        ("ar", Lang::Ar),
    ] {
        let text = read(&format!("corpus/unpc-devset/UNv1.0.devset.{code}"));
        texts.push((format!("devset-{code}"), text, Some(lang)));
    }
    let seed = read("seed/000_0f97d8b438b47207.txt");
    let de = seed.repeat((1_000_000 / seed.len()).max(1));
    texts.push(("seed-de-1MB".into(), de, Some(Lang::De)));
    // The same German text with the language detected.
    let auto = texts.last().map(|t| t.1.clone()).unwrap_or_default();
    texts.push(("seed-de-1MB-auto".into(), auto, None));

    // Paragraphs of two languages taking turns (English and Russian sentences of the dev set,
    // a blank line between): the detected language's reading, then the other language's on
    // each of its many short runs.
    let (en, ru) = (
        read("corpus/unpc-devset/UNv1.0.devset.en"),
        read("corpus/unpc-devset/UNv1.0.devset.ru"),
    );
    let mixed: String = en
        .lines()
        .zip(ru.lines())
        .flat_map(|(e, r)| [e, "\n\n", r, "\n\n"])
        .collect();
    texts.push(("mixed-en-ru-paragraphs".into(), mixed, None));

    let mut group = c.benchmark_group("extract");
    group.measurement_time(Duration::from_secs(3));
    group.sample_size(10);
    for (name, text, lang) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                black_box(resgraph::analyse_text(black_box(text), *lang))
                    .mentions
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
