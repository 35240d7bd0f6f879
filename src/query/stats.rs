//! Figures about a graph, and the checks a reader should look at: date conflicts and
//! anachronisms, each with the file and byte offset of the text to check.
//!
//! Everything here is one or a few linear passes over the graph (PageRank is a fixed number of
//! them), so `stats` on a graph of a million edges takes a fraction of a second.

use super::{Adjacency, id_year, year};
use crate::graph::{CitationGraph, Node};
use petgraph::Direction;
use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The damping factor of [`Stats::pagerank`].
pub const DAMPING: f64 = 0.85;
/// The number of power iterations of [`Stats::pagerank`].
pub const ITERATIONS: usize = 50;

/// Everything `resgraph stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Files read to build the graph.
    pub documents: usize,
    /// Nodes.
    pub nodes: usize,
    /// Nodes that are a file of the corpus.
    pub in_corpus: usize,
    /// Nodes by type (`resolution`, `decision`, `document`).
    pub by_type: BTreeMap<String, usize>,
    /// Nodes by body or series.
    pub by_body: BTreeMap<String, usize>,
    /// Edges (citing document, cited document).
    pub edges: usize,
    /// Mentions: every reference found, in every file (language versions each count).
    pub mentions: usize,
    /// Edges from a node to itself (a graph built by resgraph has none; a file may).
    pub self_citations: usize,
    /// Most cited, by mentions (each edge counts its [`crate::graph::Edge::weight`]).
    pub most_cited_by_mentions: Vec<Ranked>,
    /// Most cited, by the number of documents citing them.
    pub most_cited_by_documents: Vec<Ranked>,
    /// Highest PageRank (damping [`DAMPING`], [`ITERATIONS`] iterations; rank flows from citing
    /// to cited documents).
    pub pagerank: Vec<Scored>,
    /// The dated nodes' time span.
    pub span: Option<Span>,
    /// The time span of the documents of the corpus.
    pub corpus_span: Option<Span>,
    /// Cited documents that are not files of the corpus.
    pub not_in_corpus: usize,
    /// The most cited of them, by citing documents.
    pub not_in_corpus_most_cited: Vec<Ranked>,
    /// Nodes whose dates disagree.
    pub date_conflicts: Vec<DateConflict>,
    /// Citations of a document dated after the citing one.
    pub anachronisms: Vec<Anachronism>,
    /// Security Council citations whose text writes a year other than the resolution's.
    pub year_slips: Vec<YearSlip>,
    /// Weakly connected components.
    pub components: Components,
    /// Groups of documents that cite each other in a circle (strongly connected components of
    /// more than one node), each sorted by id.
    pub cycles: Vec<Vec<String>>,
}

/// A node with a count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Canonical id.
    pub id: String,
    /// Short form.
    pub label: String,
    /// The count.
    pub count: usize,
}

/// A node with a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    /// Canonical id.
    pub id: String,
    /// Short form.
    pub label: String,
    /// The score.
    pub score: f64,
}

/// The first and last dated node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// Earliest date.
    pub first: String,
    /// A node with that date.
    pub first_id: String,
    /// Latest date.
    pub last: String,
    /// A node with that date.
    pub last_id: String,
}

/// A place in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The file.
    pub file: String,
    /// Start byte of the reference.
    pub start: usize,
}

/// One date some texts give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedDate {
    /// The date.
    pub date: String,
    /// Where the texts give it.
    pub places: Vec<Place>,
}

/// A node whose dates disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateConflict {
    /// Canonical id.
    pub id: String,
    /// The date chosen, if any.
    pub date: Option<String>,
    /// Where it comes from (`document`, `table`, `cited`).
    pub date_source: Option<String>,
    /// Every date the citing texts give, with where.
    pub cited: Vec<CitedDate>,
}

/// A citation of a document dated after the citing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anachronism {
    /// The citing document.
    pub citing: String,
    /// Its date.
    pub citing_date: String,
    /// The cited document.
    pub cited: String,
    /// The later date.
    pub cited_date: String,
    /// Where that date comes from: the node's (`document`, `table`, `cited`), `text` (the date
    /// the citing text gives) or `symbol` (the year the symbol implies).
    pub cited_date_source: String,
    /// The file of the citation.
    pub file: String,
    /// Its start byte.
    pub start: usize,
    /// Its text.
    pub text: String,
}

/// A Security Council resolution cited with a year other than its own (`2122 (2014)` for the
/// resolution of 2013): the id follows the number, and the text is worth checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearSlip {
    /// The citing document.
    pub citing: String,
    /// The cited resolution (with its real year).
    pub cited: String,
    /// The year the text writes.
    pub written_year: u32,
    /// The file of the citation.
    pub file: String,
    /// Its start byte.
    pub start: usize,
    /// Its text.
    pub text: String,
}

/// Weakly connected components.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Components {
    /// How many.
    pub count: usize,
    /// The sizes of the largest, largest first (at most the top N).
    pub largest: Vec<usize>,
    /// Nodes without any citation in or out.
    pub isolated: usize,
}

/// Computes the figures, keeping `top` entries in each ranking.
pub fn stats(graph: &CitationGraph, top: usize) -> Stats {
    let g = &graph.graph;
    let mut by_type = BTreeMap::new();
    let mut by_body = BTreeMap::new();
    let mut in_corpus = 0;
    for n in g.node_weights() {
        *by_type.entry(n.kind.as_str().to_string()).or_insert(0) += 1;
        *by_body.entry(n.body.clone()).or_insert(0) += 1;
        in_corpus += usize::from(n.in_corpus);
    }
    let mut mentions = 0;
    let mut self_citations = 0;
    let mut by_mentions = vec![0usize; g.node_count()];
    let mut by_documents = vec![0usize; g.node_count()];
    for e in g.edge_references() {
        mentions += e.weight().mentions.len();
        if e.source() == e.target() {
            self_citations += 1;
            continue;
        }
        by_mentions[e.target().index()] += e.weight().weight;
        by_documents[e.target().index()] += 1;
    }
    let ranked = |counts: &[usize], keep: &dyn Fn(&Node) -> bool| -> Vec<Ranked> {
        let mut v: Vec<(usize, NodeIndex)> = g
            .node_indices()
            .filter(|&i| counts[i.index()] > 0 && keep(&g[i]))
            .map(|i| (counts[i.index()], i))
            .collect();
        let order = |a: &(usize, NodeIndex), b: &(usize, NodeIndex)| {
            b.0.cmp(&a.0).then_with(|| g[a.1].id.cmp(&g[b.1].id))
        };
        top_n(&mut v, top, order);
        v.into_iter()
            .map(|(count, i)| Ranked {
                id: g[i].id.clone(),
                label: g[i].label.clone(),
                count,
            })
            .collect()
    };
    let adj = Adjacency::new(graph);
    let ranks = page_rank_on(&adj, DAMPING, ITERATIONS);
    let mut pr: Vec<(f64, NodeIndex)> = g.node_indices().map(|i| (ranks[i.index()], i)).collect();
    top_n(&mut pr, top, |a, b| {
        b.0.total_cmp(&a.0).then_with(|| g[a.1].id.cmp(&g[b.1].id))
    });

    let not_in_corpus = g.node_weights().filter(|n| !n.in_corpus).count();
    let mut cycles: Vec<Vec<String>> = tarjan_scc(&adj)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut ids: Vec<String> = c.into_iter().map(|i| g[i].id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    cycles.sort();

    Stats {
        documents: graph.meta.documents,
        nodes: g.node_count(),
        in_corpus,
        by_type,
        by_body,
        edges: g.edge_count(),
        mentions,
        self_citations,
        most_cited_by_mentions: ranked(&by_mentions, &|_| true),
        most_cited_by_documents: ranked(&by_documents, &|_| true),
        pagerank: pr
            .into_iter()
            .map(|(score, i)| Scored {
                id: g[i].id.clone(),
                label: g[i].label.clone(),
                score,
            })
            .collect(),
        span: span(g.node_weights()),
        corpus_span: span(g.node_weights().filter(|n| n.in_corpus)),
        not_in_corpus,
        not_in_corpus_most_cited: ranked(&by_documents, &|n| !n.in_corpus),
        date_conflicts: date_conflicts(graph),
        anachronisms: anachronisms(graph),
        year_slips: year_slips(graph),
        components: components(graph, &adj, top),
        cycles,
    }
}

/// Keeps the first `n` of `v` in `order`, sorted, without sorting the rest.
fn top_n<T>(v: &mut Vec<T>, n: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if v.len() > n && n > 0 {
        v.select_nth_unstable_by(n - 1, &order);
    }
    v.truncate(n);
    v.sort_by(order);
}

fn span<'a>(nodes: impl Iterator<Item = &'a Node>) -> Option<Span> {
    let mut first: Option<(&str, &str)> = None;
    let mut last: Option<(&str, &str)> = None;
    for n in nodes {
        let Some(d) = n.date.as_deref() else {
            continue;
        };
        let here = (d, n.id.as_str());
        if first.is_none_or(|f| here < f) {
            first = Some(here);
        }
        if last.is_none_or(|l| here.0 > l.0 || (here.0 == l.0 && here.1 < l.1)) {
            last = Some(here);
        }
    }
    let (first, first_id) = first?;
    let (last, last_id) = last?;
    Some(Span {
        first: first.into(),
        first_id: first_id.into(),
        last: last.into(),
        last_id: last_id.into(),
    })
}

/// Every node flagged with `date_conflict`, with the dates its citing texts give and where.
pub fn date_conflicts(graph: &CitationGraph) -> Vec<DateConflict> {
    let g = &graph.graph;
    let mut out: Vec<DateConflict> = g
        .node_indices()
        .filter(|&i| g[i].date_conflict)
        .map(|i| {
            let mut cited: BTreeMap<String, Vec<Place>> = BTreeMap::new();
            for e in g.edges_directed(i, Direction::Incoming) {
                for m in &e.weight().mentions {
                    if let Some(d) = &m.date {
                        cited.entry(d.to_string()).or_default().push(Place {
                            file: m.file.to_string(),
                            start: m.start,
                        });
                    }
                }
            }
            let n = &g[i];
            DateConflict {
                id: n.id.clone(),
                date: n.date.clone(),
                date_source: n.date_source.clone(),
                cited: cited
                    .into_iter()
                    .map(|(date, mut places)| {
                        places.sort_by(|a, b| (&a.file, a.start).cmp(&(&b.file, b.start)));
                        CitedDate { date, places }
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Every citation of a Security Council resolution whose text writes a year other than the one
/// in its id. Years are read in any digits (`(٢٠١٤)`, `（2014）`).
pub fn year_slips(graph: &CitationGraph) -> Vec<YearSlip> {
    let g = &graph.graph;
    let mut out = Vec::new();
    for e in g.raw_edges() {
        let t = &g[e.target()];
        if !t.id.starts_with("S/RES/") {
            continue;
        }
        let Some(year) = id_year(&t.id).and_then(|y| u32::try_from(y).ok()) else {
            continue;
        };
        for m in &e.weight.mentions {
            if let Some(written) = written_year(&m.text)
                && written != year
            {
                out.push(YearSlip {
                    citing: g[e.source()].id.clone(),
                    cited: t.id.clone(),
                    written_year: written,
                    file: m.file.to_string(),
                    start: m.start,
                    text: m.text.split_whitespace().collect::<Vec<_>>().join(" "),
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.start, &a.cited).cmp(&(&b.file, b.start, &b.cited)));
    out
}

/// The year written in parentheses in a reference's text: the `YYYY` of `N (YYYY)`.
fn written_year(text: &str) -> Option<u32> {
    use crate::lang::script::{digit_value, is_close_paren, is_open_paren};
    let mut last = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if !is_open_paren(c) {
            continue;
        }
        let inner: String = chars
            .clone()
            .take_while(|c| !is_close_paren(*c))
            .filter(|c| !c.is_whitespace())
            .collect();
        let digits: Option<Vec<u32>> = inner.chars().map(digit_value).collect();
        if let Some(d) = digits.filter(|d| d.len() == 4) {
            last = Some(d.iter().fold(0, |a, d| a * 10 + d));
        }
    }
    last
}

/// Every mention of a document dated after the document that cites it. The cited date is the
/// cited node's date where known, else the date the citing text gives, else the year its
/// symbol implies (compared by year only). Citing documents without a date are skipped.
pub fn anachronisms(graph: &CitationGraph) -> Vec<Anachronism> {
    let g = &graph.graph;
    // Full dates as numbers, so that most edges are decided without touching the nodes.
    let day: Vec<Option<u32>> = g
        .node_weights()
        .map(|n| n.date.as_deref().and_then(day_number))
        .collect();
    let mut out = Vec::new();
    for e in g.raw_edges() {
        let (si, ti) = (e.source(), e.target());
        if let (Some(a), Some(b)) = (day[si.index()], day[ti.index()])
            && b <= a
        {
            continue;
        }
        let (s, t) = (&g[si], &g[ti]);
        let Some(citing_date) = s.date.as_deref() else {
            continue;
        };
        let by_symbol = || {
            let citing_year = year(s);
            id_year(&t.id)
                .filter(|y| citing_year.is_some_and(|c| *y > c))
                .map(|y| (y.to_string(), "symbol".to_string()))
        };
        for m in &e.weight.mentions {
            let later = if let Some(d) = t.date.as_deref() {
                (d > citing_date).then(|| {
                    let source = t.date_source.as_deref().unwrap_or("cited");
                    (d.to_string(), source.to_string())
                })
            } else if let Some(d) = m.date.map(|d| d.to_string()) {
                (d.as_str() > citing_date).then(|| (d, "text".to_string()))
            } else {
                by_symbol()
            };
            if let Some((cited_date, cited_date_source)) = later {
                out.push(Anachronism {
                    citing: s.id.clone(),
                    citing_date: citing_date.to_string(),
                    cited: t.id.clone(),
                    cited_date,
                    cited_date_source,
                    file: m.file.to_string(),
                    start: m.start,
                    text: m.text.split_whitespace().collect::<Vec<_>>().join(" "),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.citing, &a.cited, &a.file, a.start).cmp(&(&b.citing, &b.cited, &b.file, b.start))
    });
    out
}

/// `YYYY-MM-DD` as the number `YYYYMMDD` (ordered as the text is), for anything else `None`.
fn day_number(d: &str) -> Option<u32> {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| d.get(r).and_then(|x| x.parse::<u32>().ok());
    Some(num(0..4)? * 10_000 + num(5..7)? * 100 + num(8..10)?)
}

/// Weakly connected components (petgraph's union-find over the edges).
fn components(graph: &CitationGraph, adj: &Adjacency, top: usize) -> Components {
    let g = &graph.graph;
    let mut uf = UnionFind::<usize>::new(g.node_count());
    for e in g.raw_edges() {
        uf.union(e.source().index(), e.target().index());
    }
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for i in 0..g.node_count() {
        *sizes.entry(uf.find(i)).or_insert(0) += 1;
    }
    let mut largest: Vec<usize> = sizes.values().copied().collect();
    largest.sort_by(|a, b| b.cmp(a));
    let count = largest.len();
    largest.truncate(top);
    let isolated = (0..g.node_count())
        .filter(|&i| {
            adj.row(i, Direction::Outgoing).is_empty() && adj.row(i, Direction::Incoming).is_empty()
        })
        .count();
    Components {
        count,
        largest,
        isolated,
    }
}

/// PageRank with the same definition as `petgraph::algo::page_rank` (and the same results, see
/// the tests), computed in time linear in the edges per iteration: petgraph's version looks at
/// every pair of nodes in each iteration, which is too slow beyond a few thousand nodes.
///
/// In each iteration a node `w` gives `d·r(w)/out(w)` to each node it cites, `(1-d)·r(w)/n` to
/// each node it does not cite, and `d·r(w)/n` to every node when it cites nothing; the ranks are
/// then scaled to sum to 1. Indexed by node index.
pub fn page_rank(graph: &CitationGraph, damping: f64, iterations: usize) -> Vec<f64> {
    page_rank_on(&Adjacency::new(graph), damping, iterations)
}

fn page_rank_on(adj: &Adjacency, damping: f64, iterations: usize) -> Vec<f64> {
    let n = adj.node_count();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    // Distinct citing nodes of each node (petgraph counts a node once however many edges it
    // has to the cited one), and out-degrees counting every edge.
    let mut start = Vec::with_capacity(n + 1);
    let mut citing: Vec<u32> = Vec::new();
    let mut last_row = vec![usize::MAX; n];
    for v in 0..n {
        start.push(citing.len());
        for &(w, _) in adj.row(v, Direction::Incoming) {
            if last_row[w as usize] != v {
                last_row[w as usize] = v;
                citing.push(w);
            }
        }
    }
    start.push(citing.len());
    let out: Vec<f64> = (0..n)
        .map(|v| adj.row(v, Direction::Outgoing).len() as f64)
        .collect();
    let mut ranks = vec![1.0 / nf; n];
    let mut give = vec![0.0; n];
    for _ in 0..iterations {
        let (mut dangling, mut citing_sum) = (0.0, 0.0);
        for (w, (r, o)) in ranks.iter().zip(&out).enumerate() {
            if *o == 0.0 {
                dangling += r;
                give[w] = 0.0;
            } else {
                citing_sum += r;
                // What w gives each node it cites, beyond the random jump all others get.
                give[w] = damping * r / o - (1.0 - damping) * r / nf;
            }
        }
        let base = damping * dangling / nf + (1.0 - damping) * citing_sum / nf;
        let mut sum = 0.0;
        for (v, r) in ranks.iter_mut().enumerate() {
            let x: f64 = base
                + citing[start[v]..start[v + 1]]
                    .iter()
                    .map(|&w| give[w as usize])
                    .sum::<f64>();
            *r = x;
            sum += x;
        }
        for r in ranks.iter_mut() {
            *r = if sum > 0.0 { *r / sum } else { 1.0 / nf };
        }
    }
    ranks
}

impl Stats {
    /// The report as text: figures first, then the rankings, then the things to check.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let join = |m: &BTreeMap<String, usize>, keep: usize| -> String {
            let mut v: Vec<(&String, &usize)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            let rest: usize = v.iter().skip(keep).map(|(_, c)| **c).sum();
            let mut parts: Vec<String> = v
                .iter()
                .take(keep)
                .map(|(k, c)| format!("{k} {c}"))
                .collect();
            if v.len() > keep {
                parts.push(format!("{} others {rest}", v.len() - keep));
            }
            parts.join(", ")
        };
        let _ = writeln!(s, "documents read     {}", self.documents);
        let _ = writeln!(
            s,
            "nodes              {} ({} in the corpus, {} cited only)",
            self.nodes, self.in_corpus, self.not_in_corpus
        );
        let _ = writeln!(s, "  by type          {}", join(&self.by_type, 10));
        let _ = writeln!(s, "  by body          {}", join(&self.by_body, 8));
        let _ = writeln!(s, "edges              {}", self.edges);
        let _ = writeln!(s, "mentions           {}", self.mentions);
        if self.self_citations > 0 {
            let _ = writeln!(s, "self-citations     {}", self.self_citations);
        }
        for (name, span) in [
            ("time span", &self.span),
            ("corpus span", &self.corpus_span),
        ] {
            if let Some(sp) = span {
                let _ = writeln!(
                    s,
                    "{name:<18} {} ({}) to {} ({})",
                    sp.first, sp.first_id, sp.last, sp.last_id
                );
            }
        }
        let c = &self.components;
        let _ = writeln!(
            s,
            "components         {} weakly connected; largest {}; {} isolated nodes",
            c.count,
            c.largest
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            c.isolated
        );
        let _ = writeln!(s, "citation cycles    {}", self.cycles.len());
        for cyc in &self.cycles {
            let _ = writeln!(s, "  {}", cyc.join(" "));
        }
        let ranking = |s: &mut String, title: &str, v: &[Ranked]| {
            let _ = writeln!(s, "\n{title}");
            for (i, r) in v.iter().enumerate() {
                let _ = writeln!(s, "{:>3}. {:<22} {:>6}  {}", i + 1, r.label, r.count, r.id);
            }
        };
        ranking(
            &mut s,
            "most cited, by mentions",
            &self.most_cited_by_mentions,
        );
        ranking(
            &mut s,
            "most cited, by citing documents",
            &self.most_cited_by_documents,
        );
        let _ = writeln!(s, "\nPageRank");
        for (i, r) in self.pagerank.iter().enumerate() {
            let _ = writeln!(s, "{:>3}. {:<22} {:.5}  {}", i + 1, r.label, r.score, r.id);
        }
        ranking(
            &mut s,
            "most cited documents not in the corpus, by citing documents",
            &self.not_in_corpus_most_cited,
        );
        let _ = writeln!(s, "\ndate conflicts     {}", self.date_conflicts.len());
        for d in &self.date_conflicts {
            let chosen = match (&d.date, &d.date_source) {
                (Some(date), Some(src)) => format!("{date} ({src})"),
                (Some(date), None) => date.clone(),
                _ => "no date chosen".into(),
            };
            let _ = writeln!(s, "  {}: {chosen}", d.id);
            for c in &d.cited {
                let places: Vec<String> = c
                    .places
                    .iter()
                    .map(|p| format!("{}:{}", p.file, p.start))
                    .collect();
                let _ = writeln!(s, "    cited as {}: {}", c.date, places.join(", "));
            }
        }
        let _ = writeln!(s, "\nyear slips         {}", self.year_slips.len());
        for y in &self.year_slips {
            let _ = writeln!(
                s,
                "  {} cites {} written with {}: {}:{} {:?}",
                y.citing, y.cited, y.written_year, y.file, y.start, y.text
            );
        }
        let _ = writeln!(s, "\nanachronisms       {}", self.anachronisms.len());
        for a in &self.anachronisms {
            let _ = writeln!(
                s,
                "  {} ({}) cites {} ({}, {}): {}:{} {:?}",
                a.citing,
                a.citing_date,
                a.cited,
                a.cited_date,
                a.cited_date_source,
                a.file,
                a.start,
                a.text
            );
        }
        s
    }
}
