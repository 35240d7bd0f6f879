//! Questions asked of a graph: what a document cites and who cites it ([`cites`],
//! [`cited_by`]), the whole line a resolution belongs to ([`lineage`]), the citation chains
//! between two documents ([`path`]) and figures about the corpus ([`stats`]).
//!
//! Every query visits each node at most once, so cycles, self-citations and ids that are not in
//! the graph never make it loop or fail: an unknown id gives an empty answer. A [`Filter`]
//! restricts the graph a query walks on (by body, type and year); the starting node is always
//! kept.

mod adjacency;
pub mod lineage;
pub mod path;
pub mod stats;

pub(crate) use adjacency::{Adjacency, bfs};

use crate::error::{Error, Result};
use crate::graph::{CitationGraph, Node};
use crate::symbol::{Kind, Symbol, from_roman};
use petgraph::Direction;
use petgraph::graph::NodeIndex;

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

/// Which nodes a query may visit. An empty list accepts everything; the years compare with
/// [`year`], and a node whose year is unknown fails any `since`/`until` bound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Bodies (`GA`, `SC`, `ECOSOC`, `HRC`, `CHR` or a series prefix), compared without case.
    pub bodies: Vec<String>,
    /// Types.
    pub kinds: Vec<Kind>,
    /// First year kept.
    pub since: Option<i32>,
    /// Last year kept.
    pub until: Option<i32>,
}

impl Filter {
    /// A filter that accepts every node.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// Whether the filter accepts every node (queries then skip the checks).
    pub fn is_all(&self) -> bool {
        self == &Filter::default()
    }

    /// Whether `n` passes.
    pub fn accepts(&self, n: &Node) -> bool {
        if !self.bodies.is_empty() && !self.bodies.iter().any(|b| b.eq_ignore_ascii_case(&n.body)) {
            return false;
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&n.kind) {
            return false;
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(y) = year(n) else {
            return false;
        };
        self.since.is_none_or(|s| y >= s) && self.until.is_none_or(|u| y <= u)
    }
}

/// The year of a node: from its date, else from the one date its citing texts give, else
/// estimated from its symbol (`S/RES/687(1991)` is 1991; a General Assembly session `78` or
/// `XV` is the year it opened, 1945 + session; `S/2023/123` is 2023).
pub fn year(n: &Node) -> Option<i32> {
    let from_date = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
    if let Some(y) = n.date.as_deref().and_then(from_date) {
        return Some(y);
    }
    if let [only] = n.cited_dates.as_slice()
        && let Some(y) = from_date(only)
    {
        return Some(y);
    }
    id_year(&n.id)
}

/// The year a canonical id implies, if any (see [`year`]).
pub fn id_year(id: &str) -> Option<i32> {
    // `S/RES/687(1991)`, `A/RES/1514(XV)`: the parenthesised tail.
    if let Some(open) = id.rfind('(') {
        let inner = id[open + 1..].strip_suffix(')')?;
        if inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit()) {
            return inner.parse().ok();
        }
        let session = from_roman(inner)?;
        return i32::try_from(session).ok().map(|s| 1945 + s);
    }
    // `A/RES/78/237`, `A/DEC/78/541`, `A/78/404`: the General Assembly session.
    let Some(rest) = id
        .strip_prefix("A/RES/")
        .or_else(|| id.strip_prefix("A/DEC/"))
        .or_else(|| id.strip_prefix("A/"))
    else {
        return symbol_year(id);
    };
    let first = rest.split('/').next()?;
    match first.parse::<i32>() {
        Ok(session) if (1..200).contains(&session) => Some(1945 + session),
        _ => symbol_year(id),
    }
}

/// The year element of a document symbol (`S/2023/123`, `E/CN.6/2023/1`,
/// `A/AC.292/2023/INF/5`), if any: four digits followed by a further element. A last element
/// (`A/2170`, `A/AC.109/2114`) or one followed by a revision (`S/2017/Rev.1`) is a running
/// number of the old series, not a year.
fn symbol_year(id: &str) -> Option<i32> {
    let parts: Vec<&str> = id.split('/').collect();
    parts.windows(2).find_map(|w| {
        let (p, next) = (w[0], w[1]);
        let revision = ["Rev.", "Add.", "Corr.", "Amend."]
            .iter()
            .any(|r| next.starts_with(r));
        if p.len() != 4 || !p.bytes().all(|b| b.is_ascii_digit()) || revision {
            return None;
        }
        p.parse::<i32>().ok().filter(|y| (1945..2200).contains(y))
    })
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

/// What `id` cites, up to `depth` steps away (`None`: all the way), through nodes `filter`
/// accepts (breadth first, each node once, sorted by depth then id).
pub fn cites<'g>(
    graph: &'g CitationGraph,
    id: &str,
    depth: Option<usize>,
    filter: &Filter,
) -> Vec<Hit<'g>> {
    hits(graph, id, depth, filter, Direction::Outgoing)
}

/// Who cites `id`, up to `depth` steps away, through nodes `filter` accepts.
pub fn cited_by<'g>(
    graph: &'g CitationGraph,
    id: &str,
    depth: Option<usize>,
    filter: &Filter,
) -> Vec<Hit<'g>> {
    hits(graph, id, depth, filter, Direction::Incoming)
}

fn hits<'g>(
    graph: &'g CitationGraph,
    id: &str,
    depth: Option<usize>,
    filter: &Filter,
    dir: Direction,
) -> Vec<Hit<'g>> {
    let Some(start) = graph.find(id) else {
        return Vec::new();
    };
    let g = &graph.graph;
    let all = filter.is_all();
    let accept = |n: NodeIndex| all || filter.accepts(&g[n]);
    let mut out: Vec<Hit<'g>> = bfs(&Adjacency::new(graph), start, depth, accept, dir)
        .into_iter()
        .skip(1)
        .filter_map(|(n, d, via)| {
            let w = g.edge_weight(via?)?;
            let mut dates: Vec<String> = w
                .mentions
                .iter()
                .filter_map(|m| m.date.map(|d| d.to_string()))
                .collect();
            dates.sort();
            dates.dedup();
            Some(Hit {
                node: &g[n],
                depth: d,
                mentions: w.weight,
                cited_dates: dates,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.depth, &a.node.id).cmp(&(b.depth, &b.node.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_ids() {
        assert_eq!(id_year("S/RES/687(1991)"), Some(1991));
        assert_eq!(id_year("A/RES/1514(XV)"), Some(1960));
        assert_eq!(id_year("A/RES/78/237"), Some(2023));
        assert_eq!(id_year("A/RES/43/78H"), Some(1988));
        assert_eq!(id_year("A/78/404"), Some(2023));
        assert_eq!(id_year("A/DEC/78/541"), Some(2023));
        assert_eq!(id_year("E/CN.6/2023/1"), Some(2023));
        assert_eq!(id_year("A/AC.292/2023/INF/5"), Some(2023));
        assert_eq!(id_year("S/2023/123"), Some(2023));
        assert_eq!(id_year("A/HRC/RES/52/1"), None);
        assert_eq!(id_year("A/2170"), None);
        assert_eq!(id_year("A/AC.109/2114"), None);
        assert_eq!(id_year("S/2017/Rev.1"), None);
        assert_eq!(id_year("S/AGENDA/2185"), None);
        assert_eq!(id_year("A/RES/ES-10/1"), None);
        assert_eq!(id_year("S/RES/1(x"), None);
    }
}
