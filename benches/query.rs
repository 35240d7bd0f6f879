//! `lineage`, `path` and `stats` on a synthetic citation graph of 100,000 documents and about a
//! million citations (each document cites ten earlier ones, most of them recent, a few far
//! back; a few cite later ones, so that there are cycles, and a few cite themselves).
//!
//! `cargo bench --bench query`. Each query must take well under a second.

use criterion::{Criterion, criterion_group, criterion_main};
use resgraph::graph::{CitationGraph, Edge, MentionRecord, Meta, Node, NodeLink};
use resgraph::layout::{Clause, Part};
use resgraph::query::lineage::{self, Options, Scope};
use resgraph::query::{Filter, path, stats};
use resgraph::symbol::Kind;
use std::hint::black_box;
use std::time::Duration;

const NODES: u64 = 100_000;
const CITES: u64 = 10;

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn id(i: u64) -> String {
    // 1,250 resolutions a session, sessions 1 to 80.
    format!("A/RES/{}/{}", 1 + i / 1250, 1 + i % 1250)
}

fn date(i: u64) -> String {
    let year = 1946 + i / 1250;
    let day = i % 1250 * 365 / 1250;
    format!("{year}-{:02}-{:02}", 1 + day / 31 % 12, 1 + day % 28)
}

fn synthetic() -> CitationGraph {
    let mut rng = Lcg(42);
    let nodes: Vec<Node> = (0..NODES)
        .map(|i| Node {
            id: id(i),
            kind: Kind::Resolution,
            body: "GA".into(),
            date: Some(date(i)),
            date_source: Some("document".into()),
            cited_dates: Vec::new(),
            date_conflict: false,
            label: id(i),
            url: String::new(),
            title: None,
            in_corpus: true,
            sources: Vec::new(),
        })
        .collect();
    let mut edges = Vec::with_capacity((NODES * CITES) as usize);
    let mut seen = std::collections::HashSet::new();
    for i in 1..NODES {
        seen.clear();
        for k in 0..CITES {
            let target = match (k, rng.next() % 100) {
                (0, 0) => i,                                                  // a self-citation
                (0, 1) => (i + 1 + rng.next() % 50).min(NODES - 1),           // a later one: cycles
                (_, r) if r < 80 => i.saturating_sub(1 + rng.next() % 2_500), // recent
                _ => rng.next() % i,                                          // anything earlier
            };
            if !seen.insert(target) {
                continue;
            }
            edges.push(Edge {
                source: id(i),
                target: id(target),
                weight: 1 + (rng.next() % 3) as usize,
                mentions: vec![MentionRecord {
                    file: "f".into(),
                    start: k as usize,
                    end: k as usize + 1,
                    text: "r".into(),
                    clause: Clause {
                        part: Part::Preamble,
                        paragraph: None,
                        verb: None,
                        section: None,
                    },
                    date: None,
                }],
            });
        }
    }
    CitationGraph::from_node_link(NodeLink {
        directed: true,
        multigraph: false,
        graph: Meta::default(),
        nodes,
        edges,
    })
}

fn queries(c: &mut Criterion) {
    let g = synthetic();
    eprintln!(
        "synthetic graph: {} nodes, {} edges",
        g.graph.node_count(),
        g.graph.edge_count()
    );
    let last = id(NODES - 1);
    let first = id(0);
    let middle = id(NODES / 2);

    let mut group = c.benchmark_group("query_1M_edges");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));

    let all = Options {
        direction: Scope::Ancestors,
        ..Options::default()
    };
    group.bench_function("lineage ancestors of the newest (whole graph)", |b| {
        b.iter(|| {
            let l = lineage::lineage(&g, black_box(&last), &all).map(|l| l.members.len());
            black_box(l)
        })
    });
    let both = Options {
        direction: Scope::Both,
        ..Options::default()
    };
    group.bench_function("lineage both ways of a middle one", |b| {
        b.iter(|| {
            let l = lineage::lineage(&g, black_box(&middle), &both).map(|l| l.members.len());
            black_box(l)
        })
    });
    let near = Options {
        direction: Scope::Both,
        depth: Some(2),
        filter: Filter {
            since: Some(1980),
            ..Filter::all()
        },
    };
    group.bench_function("lineage depth 2, since 1980", |b| {
        b.iter(|| {
            let l = lineage::lineage(&g, black_box(&middle), &near).map(|l| l.members.len());
            black_box(l)
        })
    });
    group.bench_function("path newest to oldest, 3 chains", |b| {
        b.iter(|| black_box(path::paths(&g, &last, &first, 3, &Filter::all()).len()))
    });
    group.bench_function("stats (PageRank 50 iterations)", |b| {
        b.iter(|| black_box(stats::stats(&g, 10).nodes))
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
