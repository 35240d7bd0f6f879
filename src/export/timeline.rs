//! Lineage diagrams that read as a timeline: Graphviz DOT where time runs left to right, one
//! column per year with the year written on an axis above, nodes coloured by body (with a
//! legend), labelled in the short form people write (`43/78 H`, `1325 (2000)`) with their date
//! and a shortened title, and lines as thick as the citation has mentions.
//!
//! A lineage of more than [`Options::max_nodes`] members (or [`Options::max_per_year`] in one
//! year) keeps the root and the members nearest to it (then the most connected); the others are
//! drawn as one "+ N more" box per year, with one line. Unless [`Options::all_edges`] is set, a citation is not drawn when a chain of other
//! drawn citations already leads from the citing to the cited document (a transitive
//! reduction, which turns the hairball of a long series into its chain). [`Timeline::notes`]
//! says what was left out. [`render`] turns the DOT into SVG, PNG or PDF with the `dot`
//! program.

use super::dot::{body_colour, quote, shorten};
use crate::error::{Error, Result};
use crate::graph::Node;
use crate::query::lineage::{Lineage, Member, Side, time_key};
use crate::query::year;
use graphviz_rust::cmd::{CommandArg, Format};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::algo::{DfsSpace, has_path_connecting};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How to draw.
#[derive(Debug, Clone)]
pub struct Options {
    /// At most this many documents get a box of their own; the rest are grouped per year.
    pub max_nodes: usize,
    /// At most this many boxes of their own in one year.
    pub max_per_year: usize,
    /// Draw every citation, even those a chain of other drawn citations implies.
    pub all_edges: bool,
    /// The caption (default: "Citation lineage of" and the root).
    pub title: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_nodes: 40,
            max_per_year: 12,
            all_edges: false,
            title: None,
        }
    }
}

/// A diagram: its DOT source and what was left out of it.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The DOT source.
    pub dot: String,
    /// One line per kind of omission (grouped documents, citations not drawn), for stderr.
    pub notes: Vec<String>,
}

/// The image formats [`render`] produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    /// Scalable vector graphics.
    Svg,
    /// PNG at 150 dpi.
    Png,
    /// PDF.
    Pdf,
}

impl Image {
    /// `svg`, `png` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Image::Svg => "svg",
            Image::Png => "png",
            Image::Pdf => "pdf",
        }
    }
}

/// Renders DOT with Graphviz's `dot` program (through graphviz-rust). When `dot` is not
/// installed the error says how to install it.
pub fn render(dot: &str, image: Image) -> Result<Vec<u8>> {
    let mut args = vec![CommandArg::Format(match image {
        Image::Svg => Format::Svg,
        Image::Png => Format::Png,
        Image::Pdf => Format::Pdf,
    })];
    if image == Image::Png {
        args.push(CommandArg::Custom("-Gdpi=150".into()));
    }
    graphviz_rust::exec_dot(dot.to_string(), args).map_err(|e| Error::Render {
        format: image.as_str().into(),
        message: if e.kind() == std::io::ErrorKind::NotFound {
            "the Graphviz `dot` program is not installed (apt-get install graphviz, or brew \
             install graphviz); `--format dot` writes the diagram's DOT source without it"
                .into()
        } else {
            format!("dot failed: {}", e.to_string().trim())
        },
    })
}

/// A box of the diagram: one member, or the members of a year grouped together.
#[derive(Debug, Clone)]
enum Drawn<'g> {
    One(&'g Node, Side),
    Group {
        column: Option<i32>,
        members: Vec<&'g Node>,
    },
}

/// Citations spanning more years (of those drawn) than this do not take part in the layout.
const LONG: usize = 3;

/// A column of the diagram: the year, and the month (1-12) in a year split by month (0: no
/// month, 13: the group box).
type Slot = (Column, u32);

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The years (of dated boxes) holding a chain of two citations within the year.
fn split_years(drawn: &[Drawn<'_>], lines: &BTreeMap<(usize, usize), usize>) -> BTreeSet<Column> {
    let dated = |i: usize| matches!(drawn[i], Drawn::One(n, _) if n.date.is_some());
    let within: Vec<(usize, usize)> = lines
        .keys()
        .copied()
        .filter(|&(a, b)| column_of(&drawn[a]) == column_of(&drawn[b]) && dated(a) && dated(b))
        .collect();
    let mut out = BTreeSet::new();
    for &(a, b) in &within {
        if a != b && within.iter().any(|&(c, d)| c == b && d != a && d != b) {
            out.insert(column_of(&drawn[a]));
        }
    }
    out
}

/// The month of an ISO date.
fn month(date: &str) -> Option<u32> {
    date.get(5..7)
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m))
}

/// A column: a year, or `None` for documents whose year is unknown (drawn first).
type Column = Option<i32>;

/// Draws a lineage as a timeline.
pub fn timeline(lin: &Lineage<'_>, opts: &Options) -> Timeline {
    let mut notes = Vec::new();

    // Which members get a box: the root, then the nearest, then those most cited within the
    // lineage (the documents the others build on), then those with most mentions.
    let mut cited: HashMap<usize, (usize, usize)> = HashMap::new();
    for &e in &lin.edges {
        if let (Some((a, b)), Some(w)) = (lin.ends(e), lin.edge(e)) {
            cited.entry(b.index()).or_default().0 += 1;
            cited.entry(a.index()).or_default().1 += w.weight;
            cited.entry(b.index()).or_default().1 += w.weight;
        }
    }
    let mut order: Vec<&Member> = lin.members.iter().collect();
    order.sort_by_cached_key(|m| {
        let (by, weight) = cited.get(&m.index.index()).copied().unwrap_or_default();
        (
            m.side != Side::Root,
            m.depth,
            std::cmp::Reverse(by),
            std::cmp::Reverse(weight),
            lin.node(m).id.clone(),
        )
    });
    let keep = opts.max_nodes.max(1);
    let per_column = opts.max_per_year.max(1);
    let mut drawn: Vec<Drawn<'_>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut groups: BTreeMap<Column, Vec<&Member>> = BTreeMap::new();
    let mut in_column: HashMap<Column, usize> = HashMap::new();
    for m in &order {
        let column = year(lin.node(m));
        let used = in_column.entry(column).or_insert(0);
        if m.side == Side::Root || (drawn.len() < keep && *used < per_column) {
            *used += 1;
            slot.insert(m.index.index(), drawn.len());
            drawn.push(Drawn::One(lin.node(m), m.side));
        } else {
            groups.entry(column).or_default().push(m);
        }
    }
    if !groups.is_empty() {
        let total: usize = groups.values().map(Vec::len).sum();
        let mut per_year = Vec::new();
        for (column, ms) in &groups {
            let mut labels: Vec<&str> = ms.iter().map(|m| lin.node(m).label.as_str()).collect();
            labels.sort_by_key(|a| natural(a));
            let shown = labels.len().min(30);
            let more = if labels.len() > shown {
                format!(" and {} more", labels.len() - shown)
            } else {
                String::new()
            };
            per_year.push(format!(
                "{}: {}{more}",
                column_name(*column),
                labels[..shown].join(", ")
            ));
            for m in ms {
                slot.insert(m.index.index(), drawn.len());
            }
            drawn.push(Drawn::Group {
                column: *column,
                members: ms.iter().map(|m| lin.node(m)).collect(),
            });
        }
        notes.push(format!(
            "{total} of {} documents are grouped into one box per year: the diagram draws at \
             most {keep} documents (--max-nodes) and {per_column} a year (--max-per-year), \
             the nearest the root first, then the most cited; `--format text` lists them all. \
             Grouped: {}",
            lin.members.len(),
            per_year.join("; ")
        ));
    }

    // Citations between boxes: weight = mentions summed over the citations they stand for.
    let mut lines: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for &e in &lin.edges {
        let (Some((a, b)), Some(w)) = (lin.ends(e), lin.edge(e)) else {
            continue;
        };
        let (Some(&da), Some(&db)) = (slot.get(&a.index()), slot.get(&b.index())) else {
            continue;
        };
        if da == db {
            continue;
        }
        *lines.entry((da, db)).or_insert(0) += w.weight.max(1);
    }
    let total_lines = lines.len();
    let grouped_lines = group_lines(&drawn, &mut lines, slot.get(&lin.root.index()).copied());
    if grouped_lines > 0 {
        notes.push(format!(
            "{grouped_lines} lines between grouped documents and the rest are not drawn: each \
             group box has one line, to the root where its documents cite it (or it them), \
             else to the box it has most citations with"
        ));
    }
    let mut reduced = 0;
    if !opts.all_edges {
        reduced = reduce(drawn.len(), &mut lines, |i| column_of(&drawn[i]));
        if reduced > 0 {
            notes.push(format!(
                "{reduced} of {total_lines} citations are not drawn because a chain of other \
                 drawn citations leads the same way (--all-edges draws them)"
            ));
        }
    }

    let dot = to_dot(lin, opts, &drawn, &lines, !groups.is_empty(), reduced);
    Timeline { dot, notes }
}

/// Keeps one line per group box: the one with the root if there is one, else the heaviest.
/// Returns how many lines were dropped.
fn group_lines(
    drawn: &[Drawn<'_>],
    lines: &mut BTreeMap<(usize, usize), usize>,
    root: Option<usize>,
) -> usize {
    let is_group = |i: usize| matches!(drawn[i], Drawn::Group { .. });
    // group box -> ((line to the root, weight), line)
    type Best = ((bool, usize), (usize, usize));
    let mut best: HashMap<usize, Best> = HashMap::new();
    for (&(a, b), &w) in lines.iter() {
        for g in [a, b] {
            if !is_group(g) {
                continue;
            }
            let other = if g == a { b } else { a };
            let score = (Some(other) == root, w);
            let entry = best.entry(g).or_insert((score, (a, b)));
            if score > entry.0 {
                *entry = (score, (a, b));
            }
        }
    }
    let before = lines.len();
    let chosen: BTreeSet<(usize, usize)> = best.values().map(|(_, k)| *k).collect();
    lines.retain(|&(a, b), _| !(is_group(a) || is_group(b)) || chosen.contains(&(a, b)));
    before - lines.len()
}

/// Sort key reading the numbers in a label as numbers (`78/9` before `78/10`).
fn natural(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            num = Some(
                num.unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(u64::from(d)),
            );
        } else {
            if let Some(n) = num.take() {
                out.push((std::mem::take(&mut text), n));
            }
            text.push(c);
        }
    }
    out.push((text, num.unwrap_or(0)));
    out
}

fn column_of(d: &Drawn<'_>) -> Column {
    match d {
        Drawn::One(n, _) => year(n),
        Drawn::Group { column, .. } => *column,
    }
}

fn column_name(c: Column) -> String {
    c.map(|y| y.to_string()).unwrap_or_else(|| "undated".into())
}

/// Removes, one at a time, each line whose cited box stays reachable from its citing box
/// through the remaining lines; the lightest and longest lines go first. Removing one at a
/// time keeps reachability exactly, with cycles too. Returns how many were removed.
fn reduce(
    n: usize,
    lines: &mut BTreeMap<(usize, usize), usize>,
    column: impl Fn(usize) -> Column,
) -> usize {
    if lines.len() > 20_000 {
        return 0;
    }
    let mut g: DiGraph<(), usize> = DiGraph::with_capacity(n, lines.len());
    for _ in 0..n {
        g.add_node(());
    }
    for (&(a, b), &w) in lines.iter() {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), w);
    }
    let span = |a: usize, b: usize| match (column(a), column(b)) {
        (Some(x), Some(y)) => (x - y).abs(),
        _ => 0,
    };
    let mut candidates: Vec<petgraph::graph::EdgeIndex> = g.edge_indices().collect();
    candidates.sort_by_key(|&e| {
        let (a, b) = g.edge_endpoints(e).unwrap_or_default();
        (g[e], std::cmp::Reverse(span(a.index(), b.index())), e)
    });
    let mut gone: BTreeSet<petgraph::graph::EdgeIndex> = BTreeSet::new();
    let mut space = DfsSpace::new(&g);
    for e in candidates {
        let Some((a, b)) = g.edge_endpoints(e) else {
            continue;
        };
        let view = EdgeFiltered::from_fn(&g, |r: petgraph::graph::EdgeReference<'_, usize>| {
            r.id() != e && !gone.contains(&r.id())
        });
        if has_path_connecting(&view, a, b, Some(&mut space)) {
            gone.insert(e);
        }
    }
    for &e in &gone {
        if let Some((a, b)) = g.edge_endpoints(e) {
            lines.remove(&(a.index(), b.index()));
        }
    }
    gone.len()
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

fn html_attr(k: &str, html: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), Id::Html(format!("<{html}>")))
}

/// Escapes text for a Graphviz HTML-like label.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Breaks `s` into at most `lines` lines of about `width` characters, on word boundaries,
/// ending with `…` when cut.
fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let short = shorten(s, width * lines);
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in short.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut().filter(|l| !l.ends_with('…')) {
            last.push('…');
        }
    }
    out
}

fn node_html(n: &Node, root: bool) -> String {
    let size = if root { 13 } else { 11 };
    let mut s = format!(
        "<font point-size=\"{size}\"><b>{}</b></font>",
        esc(&n.label)
    );
    if let Some(d) = &n.date {
        s.push_str(&format!(
            "<br/><font point-size=\"9\">{}</font>",
            esc(&day(d))
        ));
    }
    if let Some(t) = &n.title {
        for line in wrap(t, 26, 2) {
            s.push_str(&format!(
                "<br/><font point-size=\"8\" color=\"#333333\">{}</font>",
                esc(&line)
            ));
        }
    }
    s
}

/// `2023-12-22` as `22 Dec`: the year is on the axis above.
fn day(date: &str) -> String {
    let mut parts = date.split('-').skip(1);
    let month = parts.next().and_then(|m| m.parse::<usize>().ok());
    let d = parts.next().and_then(|d| d.parse::<u32>().ok());
    match (month.and_then(|m| MONTHS.get(m.wrapping_sub(1))), d) {
        (Some(m), Some(d)) => format!("{d} {m}"),
        _ => date.to_string(),
    }
}

fn group_html(members: &[&Node]) -> String {
    let mut by: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for n in members {
        *by.entry((n.body.as_str(), n.kind.as_str())).or_insert(0) += 1;
    }
    let what: Vec<String> = by
        .iter()
        .map(|((body, kind), c)| {
            let plural = if *c == 1 { "" } else { "s" };
            format!("{c} {body} {kind}{plural}")
        })
        .collect();
    format!(
        "<font point-size=\"11\"><b>+ {} more</b></font><br/><font point-size=\"9\">{}</font>",
        members.len(),
        esc(&what.join(", "))
    )
}

fn line_width(w: usize) -> String {
    format!("{:.1}", (1.0 + 1.4 * (w.max(1) as f64).ln()).min(7.0))
}

fn legend_bodies(drawn: &[Drawn<'_>]) -> Vec<(&'static str, String)> {
    let mut seen: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    for d in drawn {
        if let Drawn::One(n, _) = d {
            let name = match n.body.as_str() {
                b @ ("GA" | "SC" | "ECOSOC" | "HRC" | "CHR") => b.to_string(),
                _ => "other".to_string(),
            };
            seen.entry(body_colour(&n.body)).or_default().insert(name);
        }
    }
    let full = |b: &str| match b {
        "GA" => "General Assembly",
        "SC" => "Security Council",
        "ECOSOC" => "Economic and Social Council",
        "HRC" => "Human Rights Council",
        "CHR" => "Commission on Human Rights",
        _ => "other documents",
    };
    let mut out: Vec<(&'static str, String)> = seen
        .into_iter()
        .map(|(colour, names)| {
            let text: Vec<&str> = names.iter().map(|n| full(n)).collect();
            (colour, text.join(", "))
        })
        .collect();
    out.sort_by(|a, b| (a.1 == "other documents", &a.1).cmp(&(b.1 == "other documents", &b.1)));
    out
}

fn to_dot(
    lin: &Lineage<'_>,
    opts: &Options,
    drawn: &[Drawn<'_>],
    lines: &BTreeMap<(usize, usize), usize>,
    grouped: bool,
    reduced: usize,
) -> String {
    let root = &lin.graph.graph[lin.root];
    let has = |s: Side| {
        lin.members
            .iter()
            .any(|m| m.side == s || m.side == Side::Both)
    };
    let what = match (has(Side::Ancestor), has(Side::Descendant)) {
        (true, true) => "what it cites and what cites it",
        (true, false) => "what it cites",
        (false, true) => "what cites it",
        (false, false) => "no citations",
    };
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("Citation lineage of {}", root.label));
    let mut subtitle = root.id.clone();
    if let Some(d) = &root.date {
        subtitle.push_str(&format!(" of {d}"));
    }
    subtitle.push_str(&format!(": {what}"));

    // Caption and legend, as an HTML table in the graph label.
    let mut legend = format!(
        "<table border=\"0\" cellborder=\"0\" cellspacing=\"4\" cellpadding=\"2\">\
         <tr><td colspan=\"2\" align=\"left\"><font point-size=\"18\"><b>{}</b></font></td></tr>\
         <tr><td colspan=\"2\" align=\"left\"><font point-size=\"11\">{}</font></td></tr>",
        esc(&title),
        esc(&subtitle)
    );
    if let Some(t) = &root.title {
        legend.push_str(&format!(
            "<tr><td colspan=\"2\" align=\"left\"><font point-size=\"11\"><i>{}</i></font></td></tr>",
            esc(&shorten(t, 110))
        ));
    }
    // One line of text: a nested table would be stretched to the caption's width.
    let mut key: Vec<String> = legend_bodies(drawn)
        .into_iter()
        .map(|(colour, name)| {
            // The pale fill of other documents would not show as a solid square.
            let square = if colour == body_colour("") {
                "<font color=\"#777777\">□</font>".to_string()
            } else {
                format!("<font color=\"{colour}\">■</font>")
            };
            format!("<font point-size=\"16\">{square}</font> {}", esc(&name))
        })
        .collect();
    key.push("dashed border: cited, not in the corpus".into());
    key.push("arrow: cites".into());
    key.push("line width: mentions".into());
    if grouped {
        key.push("grey box: grouped documents".into());
    }
    legend.push_str(&format!(
        "<tr><td colspan=\"2\" align=\"left\"><font point-size=\"11\">{}</font></td></tr>",
        key.join(" · ")
    ));
    if reduced > 0 {
        legend.push_str(&format!(
            "<tr><td colspan=\"2\" align=\"left\"><font point-size=\"10\" color=\"#555555\">\
             Not drawn: {reduced} citation{} already implied by a chain of drawn ones.</font>\
             </td></tr>",
            if reduced == 1 { "" } else { "s" }
        ));
    }
    legend.push_str("</table>");

    let mut stmts: Vec<Stmt> = vec![
        Stmt::Attribute(attr("rankdir", "LR")),
        Stmt::Attribute(attr("newrank", "true")),
        Stmt::Attribute(attr("ranksep", "0.2")),
        Stmt::Attribute(attr("nodesep", "0.08")),
        // Arial rather than Helvetica: on Linux it resolves to the metric-compatible Liberation
        // Sans, so boxes fit their labels (Helvetica falls back to a wider font there).
        Stmt::Attribute(attr("fontname", "Arial")),
        Stmt::Attribute(attr("labelloc", "t")),
        Stmt::Attribute(attr("labeljust", "l")),
        Stmt::Attribute(html_attr("label", &legend)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fontname", "Arial"),
            attr("margin", "0.08,0.04"),
            attr("width", "0.3"),
            attr("height", "0.3"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("color", "#4d4d4dc0"),
            attr("arrowsize", "0.6"),
        ])),
    ];

    // Columns: one per year; a year in which one box cites another that cites a third gets a
    // column per month instead, so that the chains within the year run left to right too.
    let split = split_years(drawn, lines);
    let slot_of = |d: &Drawn<'_>| -> Slot {
        let y = column_of(d);
        if !split.contains(&y) {
            return (y, 0);
        }
        match d {
            Drawn::One(n, _) => (y, n.date.as_deref().and_then(month).unwrap_or(0)),
            Drawn::Group { .. } => (y, 13),
        }
    };
    let split = &split;
    let mut columns: BTreeMap<Slot, Vec<usize>> = BTreeMap::new();
    for (i, d) in drawn.iter().enumerate() {
        columns.entry(slot_of(d)).or_default().push(i);
    }
    let axis_id = |c: Slot| format!("axis:{}:{}", column_name(c.0), c.1);

    // The axis: one plain-text node per column, chained left to right; the year is written
    // over its first column, the month (in a year split by month) under it.
    let mut prev: Option<Slot> = None;
    for &c in columns.keys() {
        let first_of_year = prev.is_none_or(|p| p.0 != c.0);
        let year = if first_of_year {
            column_name(c.0)
        } else {
            " ".into()
        };
        let mut label = format!("<font point-size=\"14\"><b>{year}</b></font>");
        if split.contains(&c.0) {
            let m = MONTHS
                .get((c.1 as usize).wrapping_sub(1))
                .copied()
                .unwrap_or(if c.1 == 13 { "more" } else { "" });
            label.push_str(&format!("<br/><font point-size=\"10\">{m}</font>"));
        }
        stmts.push(Stmt::Node(DotNode::new(
            NodeId(quote(&axis_id(c)), None),
            vec![
                html_attr("label", &label),
                attr("shape", "plaintext"),
                attr("style", ""),
            ],
        )));
        if let Some(p) = prev {
            let gap = match (p.0, c.0) {
                (Some(a), Some(b)) => b - a > 1,
                (a, b) => a != b,
            };
            stmts.push(Stmt::Edge(DotEdge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(quote(&axis_id(p)), None)),
                    Vertex::N(NodeId(quote(&axis_id(c)), None)),
                ),
                attributes: vec![
                    attr("arrowhead", "none"),
                    attr("color", "#9a9a9a"),
                    attr("penwidth", if p.0 == c.0 { "1" } else { "2" }),
                    attr("style", if gap { "dashed" } else { "solid" }),
                    attr("weight", "1000"),
                ],
            }));
        }
        prev = Some(c);
    }

    let years: Vec<Column> = columns
        .keys()
        .map(|c| c.0)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let position = |c: Column| years.iter().position(|&x| x == c).unwrap_or(0);
    let box_id = |i: usize| match &drawn[i] {
        Drawn::One(n, _) => n.id.clone(),
        Drawn::Group { column, .. } => format!("group:{}", column_name(*column)),
    };
    for (c, members) in columns.iter_mut() {
        members.sort_by_cached_key(|&i| match &drawn[i] {
            Drawn::One(n, _) => (0, time_key(n)),
            Drawn::Group { .. } => (1, Default::default()),
        });
        let mut above = axis_id(*c);
        let mut sub = vec![
            Stmt::Attribute(attr("rank", "same")),
            Stmt::Node(DotNode::new(NodeId(quote(&axis_id(*c)), None), vec![])),
        ];
        for &i in members.iter() {
            let attrs = match &drawn[i] {
                Drawn::One(n, side) => {
                    let root = *side == Side::Root;
                    let mut style = "rounded,filled".to_string();
                    if !n.in_corpus {
                        style.push_str(",dashed");
                    }
                    let mut a = vec![
                        html_attr("label", &node_html(n, root)),
                        attr("fillcolor", body_colour(&n.body)),
                        attr("style", &style),
                        attr("URL", &n.url),
                        attr("tooltip", n.title.as_deref().unwrap_or(&n.id)),
                    ];
                    if root {
                        a.push(attr("penwidth", "2.5"));
                    }
                    a
                }
                Drawn::Group { members, .. } => vec![
                    html_attr("label", &group_html(members)),
                    attr("fillcolor", "#f1f1f1"),
                    attr("color", "#8a8a8a"),
                    attr("fontcolor", "#333333"),
                ],
            };
            sub.push(Stmt::Node(DotNode::new(
                NodeId(quote(&box_id(i)), None),
                attrs,
            )));
            // Keeps the year at the top of its column and the column in date order.
            sub.push(Stmt::Edge(DotEdge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(quote(&above), None)),
                    Vertex::N(NodeId(quote(&box_id(i)), None)),
                ),
                attributes: vec![attr("style", "invis")],
            }));
            above = box_id(i);
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quote(&format!("column {} {}", column_name(c.0), c.1)),
            stmts: sub,
        }));
    }

    // Citations, drawn from the cited (earlier) box to the citing one with the arrow head at
    // the cited end, so that the layout runs forward in time.
    for (&(a, b), &w) in lines {
        let to_group =
            matches!(drawn[a], Drawn::Group { .. }) || matches!(drawn[b], Drawn::Group { .. });
        let mut attributes = vec![
            attr("dir", "back"),
            attr(
                "penwidth",
                &if to_group {
                    "1.2".into()
                } else {
                    line_width(w)
                },
            ),
            attr(
                "tooltip",
                &format!("{} cites {} ({w} mentions)", box_id(a), box_id(b)),
            ),
        ];
        if to_group {
            attributes.push(attr("style", "dashed"));
            attributes.push(attr("color", "#8a8a8a"));
        }
        // A citation across many years does not shape the layout: it would push a box of each
        // year in between aside, and the lineage of a long series would become a staircase.
        let (ia, ib) = (
            position(column_of(&drawn[a])),
            position(column_of(&drawn[b])),
        );
        if ia.abs_diff(ib) > LONG {
            attributes.push(attr("constraint", "false"));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quote(&box_id(b)), None)),
                Vertex::N(NodeId(quote(&box_id(a)), None)),
            ),
            attributes,
        }));
    }

    let graph = Graph::DiGraph {
        id: quote("lineage"),
        strict: false,
        stmts,
    };
    let mut out = graph.print(&mut PrinterContext::default());
    out.push('\n');
    out
}
