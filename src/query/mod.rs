//! Questions asked of a graph: what a document cites, and who cites it.

use crate::error::{Error, Result};
use crate::graph::{CitationGraph, Node};
use crate::symbol::Symbol;
use petgraph::Direction;
use std::collections::{HashSet, VecDeque};

/// One answer row: a node, how far it is from the start, and the mentions on the edge that
/// reached it.
#[derive(Debug, Clone)]
pub struct Hit<'g> {
    /// The node.
    pub node: &'g Node,
    /// 1 for a direct citation, 2 for a citation of a citation, ...
    pub depth: usize,
    /// Mentions on the edge through which it was reached.
    pub mentions: usize,
    /// The dates the citing text gives for it (for `cites`), sorted and distinct.
    pub cited_dates: Vec<String>,
}

/// Normalises an id typed by a user (`78/237`, `A/RES/78/237`, `1514 (XV)`) to the canonical id
/// of a node of the graph.
pub fn resolve_id(graph: &CitationGraph, input: &str) -> Result<String> {
    if graph.find(input).is_some() {
        return Ok(input.to_string());
    }
    let sym = Symbol::parse_user(input).ok_or_else(|| Error::BadReference(input.into()))?;
    Ok(sym.id())
}

/// What `id` cites, up to `depth` steps away (breadth first, each node once, sorted by depth
/// then id).
pub fn cites<'g>(graph: &'g CitationGraph, id: &str, depth: usize) -> Vec<Hit<'g>> {
    walk(graph, id, depth, Direction::Outgoing)
}

/// Who cites `id`, up to `depth` steps away.
pub fn cited_by<'g>(graph: &'g CitationGraph, id: &str, depth: usize) -> Vec<Hit<'g>> {
    walk(graph, id, depth, Direction::Incoming)
}

fn walk<'g>(graph: &'g CitationGraph, id: &str, depth: usize, dir: Direction) -> Vec<Hit<'g>> {
    let Some(start) = graph.find(id) else {
        return Vec::new();
    };
    let g = &graph.graph;
    let mut seen = HashSet::from([start]);
    let mut queue = VecDeque::from([(start, 0usize)]);
    let mut out = Vec::new();
    while let Some((n, d)) = queue.pop_front() {
        if d >= depth {
            continue;
        }
        for e in g.edges_directed(n, dir) {
            use petgraph::visit::EdgeRef;
            let other = if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            if !seen.insert(other) {
                continue;
            }
            let w = e.weight();
            let mut dates: Vec<String> = w.mentions.iter().filter_map(|m| m.date.clone()).collect();
            dates.sort();
            dates.dedup();
            out.push(Hit {
                node: &g[other],
                depth: d + 1,
                mentions: w.weight,
                cited_dates: dates,
            });
            queue.push_back((other, d + 1));
        }
    }
    out.sort_by(|a, b| (a.depth, &a.node.id).cmp(&(b.depth, &b.node.id)));
    out
}
