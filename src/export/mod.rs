//! Writing the graph in other formats: one module per format, each a function from the graph to
//! a string ([`csv`] gives two). [`render`] picks the format, [`write_atomic`] and [`write_folder`]
//! put the result on disk without ever leaving a half-written file.
//!
//! | format | module | loads in |
//! | --- | --- | --- |
//! | NetworkX node-link JSON | [`node_link`] | networkx `node_link_graph`, D3 |
//! | Graphviz DOT | [`dot`] | Graphviz |
//! | GraphML | [`graphml`] | networkx, igraph (Python and R), Gephi, Cytoscape |
//! | GEXF 1.3, dynamic | [`gexf`] | Gephi (timeline), networkx |
//! | `nodes.csv` + `edges.csv` | [`csv`] | Gephi spreadsheet import, pandas, R |
//! | Cytoscape.js JSON | [`cytoscape`] | Cytoscape, Cytoscape.js, networkx `cytoscape_graph` |
//! | Pajek `.net` | [`pajek`] | Pajek, igraph |
//! | lineage timeline (DOT, SVG, PNG, PDF) | [`timeline`] | Graphviz, any viewer |
//!
//! Every text format is correct whatever the ids and titles hold (see [`escape`]); the GraphML,
//! GEXF, CSV and Cytoscape exports carry the same attributes ([`attrs`]). The mentions of one
//! document, before any graph, are written as JSON lines by [`mentions`].

pub mod attrs;
pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod escape;
pub mod gexf;
pub mod graphml;
pub mod mentions;
pub mod node_link;
pub mod pajek;
pub mod pretty;
pub mod timeline;

use crate::error::{Error, Result};
use crate::graph::CitationGraph;
use std::path::Path;

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// NetworkX node-link JSON.
    Json,
    /// GraphML.
    Graphml,
    /// GEXF 1.3 with the dates as a timeline.
    Gexf,
    /// `nodes.csv` and `edges.csv` for spreadsheets, Gephi, pandas and R.
    Csv,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// Pajek `.net`.
    Pajek,
}

/// Settings some formats take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The key of the edge list in node-link JSON.
    pub node_link_key: node_link::EdgeKey,
}

/// A rendered export: one file, or files that go together in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// One file's text.
    File(String),
    /// File names and their texts.
    Folder(Vec<(&'static str, String)>),
}

/// Renders `graph` in `format`.
pub fn render(graph: &CitationGraph, format: Format, options: &Options) -> Output {
    match format {
        Format::Json => Output::File(node_link::to_string_with(graph, options.node_link_key)),
        Format::Dot => Output::File(dot::to_string(graph)),
        Format::Graphml => Output::File(graphml::to_string(graph)),
        Format::Gexf => Output::File(gexf::to_string(graph)),
        Format::Csv => {
            let (nodes, edges) = csv::to_strings(graph);
            Output::Folder(vec![(csv::NODES_FILE, nodes), (csv::EDGES_FILE, edges)])
        }
        Format::Cytoscape => Output::File(cytoscape::to_string(graph)),
        Format::Pajek => Output::File(pajek::to_string(graph)),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// readers see either the old file or the complete new one. A path that is not a regular file
/// (`/dev/null`, `/dev/stdout`, a named pipe) is written to directly: a rename would put a
/// plain file in its place. A symbolic link is followed, and the file it names replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_bytes(path, bytes)
}

/// Like [`write_atomic`], with the content written by `fill` straight into the temporary file.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::metadata(path) {
        // A device or a pipe: there is nothing to replace, only to write into.
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(write_error)?;
            return fill(&mut f).map_err(write_error);
        }
        // A link to a file: the file is replaced, the link kept.
        Ok(_) if path.is_symlink() => {
            if let Ok(target) = std::fs::canonicalize(path) {
                return write_atomic_with(&target, fill);
            }
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let f = std::fs::File::create(&tmp)?;
        std::thread::scope(|scope| fill(&mut Writeback::new(&f, scope)))?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(write_error)
}

/// A file being written whose pages are sent to the disk as it grows, so that the `fsync`
/// that makes the finished file durable waits for the last stretch only, not for all of it.
/// Starting the writes alone was not enough: the disk's own cache (a virtual machine's host, a
/// drive's) is emptied only by a flush, and the final `fsync` still waited as long as the
/// writes had taken (32 ms for a 78 MB graph file, with every page sent long before). So a
/// helper thread flushes what has been written so far while the rest is being written.
struct Writeback<'f, 'scope, 'env> {
    file: &'f std::fs::File,
    scope: &'scope std::thread::Scope<'scope, 'env>,
    /// Wakes the flushing thread, started at the first step; at most one wake-up waits.
    flush: Option<std::sync::mpsc::SyncSender<()>>,
    /// Bytes written so far.
    written: u64,
    /// Bytes whose writeback has been started.
    started: u64,
}

/// How much is written between two starts of writeback (and two flushes, when the previous one
/// is done).
const WRITEBACK_STEP: u64 = 4 << 20;

/// How much is written before flushes start: the final `fsync` of a smaller file is short, and a
/// flush while the file grows holds its writer up (an 11 MB graph file was written no sooner).
const FLUSH_FROM: u64 = 16 << 20;

impl<'f: 'scope, 'scope, 'env> Writeback<'f, 'scope, 'env> {
    fn new(
        file: &'f std::fs::File,
        scope: &'scope std::thread::Scope<'scope, 'env>,
    ) -> Writeback<'f, 'scope, 'env> {
        Writeback {
            file,
            scope,
            flush: None,
            written: 0,
            started: 0,
        }
    }

    /// Asks for a flush of what is written, unless one is already waiting; the first time,
    /// starts the thread that flushes (it ends when the writer is dropped). Where no thread
    /// can be started, the final `fsync` alone makes the file durable.
    fn request_flush(&mut self) {
        let file = self.file;
        let flush = self.flush.get_or_insert_with(|| {
            let (wake, woken) = std::sync::mpsc::sync_channel::<()>(1);
            let started = std::thread::Builder::new().spawn_scoped(self.scope, move || {
                // A hint like the writeback: a failure here is met again, and reported, by the
                // final `fsync`.
                while woken.recv().is_ok() {
                    let _ = file.sync_data();
                }
            });
            // Without the thread, the wake-ups find no receiver and are dropped.
            drop(started);
            wake
        });
        // Full: a flush is already due, which will take these pages along.
        let _ = flush.try_send(());
    }
}

impl<'f: 'scope, 'scope, 'env> std::io::Write for Writeback<'f, 'scope, 'env> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = (&mut &*self.file).write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_STEP {
            start_writeback(self.file, self.started, self.written - self.started);
            self.started = self.written;
            if self.written >= FLUSH_FROM {
                self.request_flush();
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        (&mut &*self.file).flush()
    }
}

/// Asks the kernel to start writing a range of `file` to the disk, without waiting for it. A
/// hint only: whether it works or not, the `fsync` after the last write makes the file durable
/// and reports any failure.
#[cfg(target_os = "linux")]
fn start_writeback(file: &std::fs::File, offset: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(offset), Ok(len)) = (i64::try_from(offset), i64::try_from(len)) else {
        return;
    };
    // SAFETY: the descriptor belongs to `file`, open for the whole call; the call reads no
    // memory of ours, and with this flag alone it only starts the writes of the range.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), offset, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_file: &std::fs::File, _offset: u64, _len: u64) {}

/// Writes `bytes` atomically; see [`write_atomic_with`].
fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// Creates the folder `dir` (and its parents) if need be and writes each file into it with
/// [`write_atomic`].
pub fn write_folder(dir: &Path, files: &[(&str, String)]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    for (name, text) in files {
        write_atomic(&dir.join(name), text.as_bytes())?;
    }
    Ok(())
}

/// Graphs for the format tests: a small plain one and one whose ids, labels and titles hold
/// everything that breaks a careless writer.
#[cfg(test)]
pub(crate) mod testdata {
    use crate::graph::{CitationGraph, Edge, MentionRecord, Meta, Node, NodeLink};
    use crate::layout::{Clause, Part};
    use crate::symbol::Kind;

    /// Quotes, `&`, `<`, a line break, a tab, NUL and BEL, right-to-left override and Hebrew.
    pub const HOSTILE_ID: &str = "A/RES/\"1\" & <2>\n'x'\t\u{0}\u{7}\u{202E}עברית\u{200F}";
    /// The id GraphML would give the first node.
    pub const CLASHING_ID: &str = "n0";
    /// CSV and Pajek separators, a CDATA end, braces, CRLF, leading space.
    pub const SEPARATOR_ID: &str = " S/RES/1,2;3 ]]> --> {x} (y) *Arcs\r\n";
    /// A title with every kind of trouble.
    pub const HOSTILE_TITLE: &str = "Title \"quoted\", 'single' & <b>bold</b> ]]> \r\nCRLF\nLF \u{1b}[31m \u{feff}bom \u{85}nel \u{202B}العربية\u{202C} 中文 🕊 \\ back";

    fn node(id: &str, kind: Kind, body: &str, date: Option<&str>, label: &str) -> Node {
        Node {
            id: id.to_string(),
            kind,
            body: body.to_string(),
            date: date.map(str::to_string),
            date_source: date.map(|_| "document".to_string()),
            cited_dates: date.iter().map(|d| d.to_string()).collect(),
            date_conflict: false,
            label: label.to_string(),
            url: format!("https://undocs.org/{id}"),
            title: None,
            in_corpus: date.is_some(),
            sources: Vec::new(),
        }
    }

    fn mention(file: &str, part: Part, date: Option<&str>) -> MentionRecord {
        MentionRecord {
            file: file.into(),
            start: 10,
            end: 20,
            text: "resolution 1".to_string(),
            clause: Clause {
                part,
                paragraph: Some(1),
                verb: Some("recalling".into()),
                section: None,
            },
            date: date.and_then(|d| d.parse().ok()),
        }
    }

    fn edge(source: &str, target: &str, mentions: Vec<MentionRecord>) -> Edge {
        Edge {
            source: source.to_string(),
            target: target.to_string(),
            weight: mentions.len(),
            mentions,
        }
    }

    fn graph(nodes: Vec<Node>, edges: Vec<Edge>) -> CitationGraph {
        CitationGraph::from_node_link(NodeLink {
            directed: true,
            multigraph: false,
            graph: Meta {
                name: "resgraph".into(),
                format: 1,
                documents: 2,
                warnings: vec!["a <warning> & \"more\"".into()],
            },
            nodes,
            edges,
        })
    }

    /// `A/RES/1` (2002) cites `S/RES/2(2001)` twice, which cites the undated `A/3` once.
    pub fn small() -> CitationGraph {
        let mut a = node("A/RES/1", Kind::Resolution, "GA", Some("2002-01-02"), "1");
        a.title = Some("A plain title".into());
        a.sources = vec!["a.txt".into(), "b.txt".into()];
        let s = node(
            "S/RES/2(2001)",
            Kind::Resolution,
            "SC",
            Some("2001-05-06"),
            "2 (2001)",
        );
        let d = node("A/3", Kind::Document, "A", None, "A/3");
        let e1 = edge(
            "A/RES/1",
            "S/RES/2(2001)",
            vec![
                mention("a.txt", Part::Preamble, Some("2001-05-06")),
                mention("a.txt", Part::Operative, None),
            ],
        );
        let e2 = edge(
            "S/RES/2(2001)",
            "A/3",
            vec![mention("s.txt", Part::Heading, None)],
        );
        graph(vec![a, s, d], vec![e1, e2])
    }

    /// Three nodes with hostile ids, labels and titles, and edges between all of them.
    pub fn hostile() -> CitationGraph {
        let mut a = node(
            HOSTILE_ID,
            Kind::Resolution,
            "GA&<>\"",
            Some("2003-04-05"),
            "43/78 \"H\"\n<b>",
        );
        a.title = Some(HOSTILE_TITLE.into());
        a.sources = vec!["dir, with comma/a;b \"c\".txt".into()];
        a.date_conflict = true;
        let mut b = node(
            CLASHING_ID,
            Kind::Decision,
            "SC",
            Some("2001-01-01"),
            "  spaced   label ",
        );
        b.title = Some(" \u{202E}right-to-left override, ends in a tab\t".into());
        let c = node(SEPARATOR_ID, Kind::Document, "S", None, "1,2;3");
        let edges = vec![
            edge(
                HOSTILE_ID,
                CLASHING_ID,
                vec![
                    mention("x.txt", Part::Preamble, Some("2001-01-01")),
                    mention("x.txt", Part::Footnote, Some("2001-01-02")),
                    mention("x.txt", Part::Annex, None),
                ],
            ),
            edge(
                HOSTILE_ID,
                SEPARATOR_ID,
                vec![mention("x.txt", Part::Operative, None)],
            ),
            edge(
                CLASHING_ID,
                SEPARATOR_ID,
                vec![mention("y.txt", Part::Heading, None)],
            ),
        ];
        graph(vec![a, b, c], edges)
    }
}
