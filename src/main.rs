//! The `resgraph` command line: parses arguments, calls the library, prints, maps errors to exit
//! codes (0 all well, 1 when `path` finds no chain, 2 when any input failed or the usage was
//! wrong).

use clap::{Parser, Subcommand, ValueEnum};
use resgraph::graph::CitationGraph;
use resgraph::lang::Lang;
use resgraph::{Document, Error, export, query};
use serde_json::json;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The allocator of the command: mimalloc. Documents are built on the reading threads and
/// freed on the calling one (printed, or taken into the graph); glibc's allocator locks the
/// arena of every block freed by another thread, and with two jobs the threads waited on each
/// other thousands of times a run (`extract -j 2` of the corpus folder 124 -> 83 ms, one job
/// 142 -> 138 ms). The library leaves the choice to its users.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of the `mi_option_t` of mimalloc 3, the version libmimalloc-sys
/// bundles (pinned in `Cargo.toml`; the crate exports no name for it): how long freed memory is
/// kept before it goes back to the system.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back after 2 ms, not mimalloc's second: the read buffers of large files
/// were kept meanwhile, and `build -j 2` of the 10-fold corpus peaked at 0.56 of its text
/// instead of 0.45 (0.43 with no delay, but 10 % slower).
fn tune_allocator() {
    // SAFETY: sets a plain option; mimalloc reads it at each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 2) };
}
use std::process::ExitCode;

mod progress;
mod timings;

#[derive(Parser)]
#[command(
    name = "resgraph",
    version,
    about = "Find the references UN resolutions make and build a dated citation graph"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Threads that read a corpus and write the graph file (0 = one per core; 1 = one thread).
    #[arg(short = 'j', long, global = true, default_value_t = 0)]
    jobs: usize,
    /// No progress bar.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Stop at the first input that fails.
    #[arg(long, global = true)]
    strict: bool,
    /// Print how long each phase took on stderr at the end: listing, reading, settling the
    /// graph, writing it.
    #[arg(long, global = true)]
    timings: bool,
    /// Encoding of text inputs: auto (detected per file), or utf-8, utf-16le, windows-1252,
    /// latin1, koi8-r ... (WHATWG labels).
    #[arg(long, global = true, default_value = "auto", value_name = "LABEL", value_parser = parse_encoding)]
    encoding: EncodingArg,
}

/// The `--encoding` given: `None` for auto.
#[derive(Clone, Copy)]
struct EncodingArg(Option<&'static resgraph::input::Encoding>);

fn parse_encoding(s: &str) -> Result<EncodingArg, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(EncodingArg(None));
    }
    resgraph::input::encoding::lookup(s)
        .map(|e| EncodingArg(Some(e)))
        .ok_or_else(|| {
            format!("unknown encoding {s:?} (utf-8, utf-16le, windows-1252, latin1 ...)")
        })
}

#[derive(Subcommand)]
enum Command {
    /// The text resgraph reads from a file (PDF, DOCX, HTML, any encoding): the offsets of
    /// `extract` are byte offsets into it.
    Text {
        /// The file.
        path: PathBuf,
    },
    /// Every reference in the given files or folders, one per line.
    Extract {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
        /// Language of the texts (auto detects it per file).
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Files or folders (read recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// The identity of each document, one JSON object per line.
    Info {
        /// Language of the texts (auto detects it per file).
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Build the citation graph of a corpus (NetworkX node-link JSON).
    Build {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output file (stdout when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Output format (`csv` writes nodes.csv and edges.csv into the folder given by -o).
        #[arg(long, value_enum, default_value = "json")]
        format: GraphFormat,
        /// Key of the edge list in node-link JSON (`links` for D3 and networkx before 3.4).
        #[arg(long, value_enum, default_value = "edges")]
        node_link_key: NodeLinkKey,
        /// Language of the texts (auto detects it per file).
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Write a graph in another format.
    Export {
        /// A graph file written by `build`, or a corpus path.
        graph: PathBuf,
        /// Output format (`csv` writes nodes.csv and edges.csv into the folder given by -o).
        #[arg(long, value_enum, default_value = "json")]
        format: GraphFormat,
        /// Key of the edge list in node-link JSON (`links` for D3 and networkx before 3.4).
        #[arg(long, value_enum, default_value = "edges")]
        node_link_key: NodeLinkKey,
        /// Output file (stdout when absent; a folder for `csv`).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// What a document cites.
    Cites(QueryArgs),
    /// Who cites a document.
    CitedBy(QueryArgs),
    /// The lineage of a document: what it cites and what cites it, transitively; as a list or
    /// as a timeline diagram.
    Lineage(LineageArgs),
    /// The citation chains from one document back to another, shortest first.
    Path(PathArgs),
    /// Figures about a graph, the most cited documents, date conflicts and anachronisms.
    Stats(StatsArgs),
}

#[derive(clap::Args)]
struct QueryArgs {
    /// A graph file written by `build`, or a corpus path.
    graph: PathBuf,
    /// The document, in any common form (`78/237`, `A/RES/78/237`, `1514 (XV)`).
    id: String,
    /// How many citation steps to follow.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

/// The filters of `cites`, `cited-by`, `lineage` and `path`: the walk only goes through
/// documents that pass them.
#[derive(clap::Args)]
struct FilterArgs {
    /// Only these bodies, comma-separated (GA, SC, ECOSOC, HRC, CHR or a series prefix).
    #[arg(long, value_delimiter = ',', value_name = "BODY,...")]
    body: Vec<String>,
    /// Only these types, comma-separated.
    #[arg(
        long = "type",
        value_enum,
        value_delimiter = ',',
        value_name = "TYPE,..."
    )]
    kind: Vec<KindArg>,
    /// Only documents of this year or later.
    #[arg(long, value_name = "YYYY")]
    since: Option<i32>,
    /// Only documents of this year or earlier.
    #[arg(long, value_name = "YYYY")]
    until: Option<i32>,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Resolution,
    Decision,
    Document,
}

impl From<&FilterArgs> for query::Filter {
    fn from(f: &FilterArgs) -> Self {
        query::Filter {
            bodies: f.body.clone(),
            kinds: f
                .kind
                .iter()
                .map(|k| match k {
                    KindArg::Resolution => resgraph::symbol::Kind::Resolution,
                    KindArg::Decision => resgraph::symbol::Kind::Decision,
                    KindArg::Document => resgraph::symbol::Kind::Document,
                })
                .collect(),
            since: f.since,
            until: f.until,
        }
    }
}

#[derive(clap::Args)]
struct LineageArgs {
    /// A graph file written by `build`, or a corpus path.
    graph: PathBuf,
    /// The document, in any common form (`78/237`, `A/RES/78/237`, `687 (1991)`).
    id: String,
    /// Only what it cites, transitively.
    #[arg(long, conflicts_with_all = ["descendants", "both"])]
    ancestors: bool,
    /// Only what cites it, transitively.
    #[arg(long, conflicts_with_all = ["ancestors", "both"])]
    descendants: bool,
    /// Both (the default).
    #[arg(long, conflicts_with_all = ["ancestors", "descendants"])]
    both: bool,
    /// At most this many citation steps from the document (all when absent).
    #[arg(long)]
    depth: Option<usize>,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format (default: from the extension of -o, else text).
    #[arg(long, value_enum)]
    format: Option<LineageFormat>,
    /// Output file (stdout when absent).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Diagrams: documents drawn in a box of their own; the rest are grouped per year.
    #[arg(long, default_value_t = 40, value_name = "N")]
    max_nodes: usize,
    /// Diagrams: at most this many boxes of their own in one year.
    #[arg(long, default_value_t = 12, value_name = "N")]
    max_per_year: usize,
    /// Diagrams: also draw citations that a chain of other drawn citations implies.
    #[arg(long)]
    all_edges: bool,
    /// Diagrams: the caption.
    #[arg(long)]
    title: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LineageFormat {
    Text,
    Jsonl,
    Dot,
    Svg,
    Png,
    Pdf,
}

#[derive(clap::Args)]
struct PathArgs {
    /// A graph file written by `build`, or a corpus path.
    graph: PathBuf,
    /// The citing document.
    from: String,
    /// The cited document.
    to: String,
    /// How many chains, shortest first.
    #[arg(short = 'k', long = "paths", default_value_t = 3, value_name = "K")]
    k: usize,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(clap::Args)]
struct StatsArgs {
    /// A graph file written by `build`, or a corpus path.
    graph: PathBuf,
    /// Entries in each ranking.
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: StatsFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum StatsFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Json,
    Dot,
    Graphml,
    Gexf,
    Csv,
    Cytoscape,
    Pajek,
}

impl From<GraphFormat> for export::Format {
    fn from(f: GraphFormat) -> Self {
        match f {
            GraphFormat::Json => export::Format::Json,
            GraphFormat::Dot => export::Format::Dot,
            GraphFormat::Graphml => export::Format::Graphml,
            GraphFormat::Gexf => export::Format::Gexf,
            GraphFormat::Csv => export::Format::Csv,
            GraphFormat::Cytoscape => export::Format::Cytoscape,
            GraphFormat::Pajek => export::Format::Pajek,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum NodeLinkKey {
    Edges,
    Links,
}

impl From<NodeLinkKey> for export::Options {
    fn from(k: NodeLinkKey) -> Self {
        let node_link_key = match k {
            NodeLinkKey::Edges => export::node_link::EdgeKey::Edges,
            NodeLinkKey::Links => export::node_link::EdgeKey::Links,
        };
        export::Options { node_link_key }
    }
}

/// How a run ended.
enum Failure {
    /// Some inputs failed; the rest were processed.
    Inputs,
    /// Nothing could be done.
    Fatal(String),
    /// The question has no answer (no citation chain): exit code 1, like grep.
    Nothing(String),
}

fn main() -> ExitCode {
    let start = std::time::Instant::now();
    tune_allocator();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if cli.timings
        && let Ok(mut t) = TIMINGS.lock()
    {
        *t = Some(timings::Timings::new(start));
    }
    let _ = RUN_FLAGS.set(RunFlags {
        jobs: cli.jobs,
        quiet: cli.quiet,
        strict: cli.strict,
        encoding: cli.encoding.0,
    });
    let result = run(cli);
    if let Ok(t) = TIMINGS.lock()
        && let Some(t) = t.as_ref()
    {
        eprint!("{}", t.report());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Inputs) => ExitCode::from(2),
        Err(Failure::Fatal(msg)) => {
            eprintln!("resgraph: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Nothing(msg)) => {
            eprintln!("resgraph: {msg}");
            ExitCode::from(1)
        }
    }
}

fn parse_lang(s: &str) -> Result<Option<Lang>, Failure> {
    if s == "auto" {
        return Ok(None);
    }
    Lang::from_code(s).map(Some).ok_or_else(|| {
        Failure::Fatal(format!(
            "unknown language {s:?} (ar, de, en, es, fr, ru, zh or auto)"
        ))
    })
}

/// Writes to stdout; a closed pipe (`| head`) ends the program quietly with success.
struct Out {
    w: io::BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    fn new() -> Out {
        Out {
            w: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        }
    }
    fn line(&mut self, s: &str) {
        if let Err(e) = writeln!(self.w, "{s}") {
            quit_on_pipe(e);
        }
    }
    fn bytes(&mut self, b: &[u8]) {
        if let Err(e) = self.w.write_all(b) {
            quit_on_pipe(e);
        }
    }
    fn raw(&mut self, s: &str) {
        if let Err(e) = self.w.write_all(s.as_bytes()) {
            quit_on_pipe(e);
        }
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if let Err(e) = self.w.flush() {
            quit_on_pipe(e);
        }
    }
}

fn quit_on_pipe(e: io::Error) {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("resgraph: cannot write to stdout: {e}");
    std::process::exit(2);
}

/// Analyses every file under `paths`, reporting failures on stderr and carrying on.
/// Flags that apply to every command that reads a corpus.
struct RunFlags {
    jobs: usize,
    quiet: bool,
    strict: bool,
    encoding: Option<&'static resgraph::input::Encoding>,
}

static RUN_FLAGS: std::sync::OnceLock<RunFlags> = std::sync::OnceLock::new();

/// The phases timed for `--timings`; `None` without it.
static TIMINGS: std::sync::Mutex<Option<timings::Timings>> = std::sync::Mutex::new(None);

/// Records a phase for `--timings` (nothing without it).
fn timed(record: impl FnOnce(&mut timings::Timings)) {
    if let Ok(mut t) = TIMINGS.lock()
        && let Some(t) = t.as_mut()
    {
        record(t);
    }
}

/// Analyses every file under `paths` (in parallel, handed back in path order), reporting
/// failures on stderr and carrying on unless `--strict`. Returns whether all went well.
fn analyse_all(paths: &[PathBuf], lang: Option<Lang>, each: impl FnMut(Document)) -> bool {
    let flags = RUN_FLAGS.get();
    let opts = resgraph::corpus::Options {
        lang,
        jobs: flags.map_or(0, |f| f.jobs),
        strict: flags.is_some_and(|f| f.strict),
        encoding: flags.and_then(|f| f.encoding),
    };
    let bar = std::cell::RefCell::new(progress::Bar::new(flags.is_some_and(|f| f.quiet)));
    let summary = resgraph::corpus::analyse_paths(
        paths,
        &opts,
        each,
        |e| {
            bar.borrow_mut().clear();
            eprintln!("resgraph: {e}");
        },
        |p| bar.borrow_mut().update(p),
    );
    bar.borrow_mut().clear();
    timed(|t| t.corpus(&summary));
    if summary.failed > 0 {
        eprintln!(
            "resgraph: {} files read, {} failed",
            summary.read, summary.failed
        );
    }
    summary.failed == 0
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Extract {
            format,
            lang,
            paths,
        } => {
            let lang = parse_lang(&lang)?;
            let mut out = Out::new();
            if let ListFormat::Table = format {
                out.line("file\tstart\tend\tcited\ttype\tbody\tdate\tclause\ttext");
            }
            let ok = analyse_all(&paths, lang, |doc| print_mentions(&mut out, &doc, format));
            ok.then_some(()).ok_or(Failure::Inputs)
        }
        Command::Info { lang, paths } => {
            let lang = parse_lang(&lang)?;
            let mut out = Out::new();
            let ok = analyse_all(&paths, lang, |doc| {
                let mut v = serde_json::to_value(&doc.info).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("file".into(), json!(doc.file));
                }
                out.line(&v.to_string());
            });
            ok.then_some(()).ok_or(Failure::Inputs)
        }
        Command::Build {
            paths,
            output,
            format,
            node_link_key,
            lang,
        } => {
            let lang = parse_lang(&lang)?;
            let (graph, ok) = build(&paths, lang);
            emit(
                &graph,
                format.into(),
                node_link_key.into(),
                output.as_deref(),
            )?;
            // The process ends here: freeing a large graph piece by piece would only add to
            // the run time.
            std::mem::forget(graph);
            ok.then_some(()).ok_or(Failure::Inputs)
        }
        Command::Export {
            graph,
            format,
            node_link_key,
            output,
        } => {
            let (g, ok) = load_or_build(&graph)?;
            emit(&g, format.into(), node_link_key.into(), output.as_deref())?;
            ok.then_some(()).ok_or(Failure::Inputs)
        }
        Command::Cites(q) => answer(q, true),
        Command::CitedBy(q) => answer(q, false),
        Command::Lineage(a) => lineage(a),
        Command::Path(a) => path(a),
        Command::Stats(a) => stats(a),
        Command::Text { path } => print_text(&path),
    }
}

/// Prints the text read from a file, the text that `extract`'s offsets refer to.
fn print_text(path: &Path) -> Result<(), Failure> {
    let opts = resgraph::input::ReadOptions {
        encoding: RUN_FLAGS.get().and_then(|f| f.encoding),
    };
    let input = resgraph::input::read(path, &opts).map_err(|e| Failure::Fatal(e.to_string()))?;
    Out::new().raw(&input.text);
    Ok(())
}

fn print_mentions(out: &mut Out, doc: &Document, format: ListFormat) {
    // JSON rows are gathered a block at a time and handed over in one write, not one call each.
    const BLOCK: usize = 1 << 16;
    let mut block = Vec::new();
    let mut rows = resgraph::export::mentions::Rows::new(doc);
    for m in &doc.mentions {
        match format {
            ListFormat::Jsonl => {
                rows.write(&mut block, m);
                if block.len() >= BLOCK {
                    out.bytes(&block);
                    block.clear();
                }
            }
            ListFormat::Table => {
                let mut clause = match (&m.clause.paragraph, &m.clause.verb) {
                    (Some(p), Some(v)) => format!("{} {p} {v}", m.clause.part.as_str()),
                    (Some(p), None) => format!("{} {p}", m.clause.part.as_str()),
                    (None, Some(v)) => format!("{} {v}", m.clause.part.as_str()),
                    (None, None) => m.clause.part.as_str().to_string(),
                };
                if let Some(section) = m.clause.section {
                    clause = format!("{section} {clause}");
                }
                let text: String = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
                out.line(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    doc.file,
                    m.start,
                    m.end,
                    m.symbol.id(),
                    m.symbol.kind().as_str(),
                    m.symbol.body(),
                    m.date.map_or("-".to_string(), |d| d.to_string()),
                    clause,
                    text
                ));
            }
        }
    }
    out.bytes(&block);
}

fn build(paths: &[PathBuf], lang: Option<Lang>) -> (CitationGraph, bool) {
    // The graph's small blocks live to the end of the run: small pages hold them more tightly.
    resgraph::pages::small_pages_for_small_blocks();
    let mut b = resgraph::graph::Builder::new();
    let ok = analyse_all(paths, lang, |doc| b.add(doc));
    let settling = std::time::Instant::now();
    let g = b.finish_with(resgraph::corpus::effective_jobs(
        RUN_FLAGS.get().map_or(0, |f| f.jobs),
    ));
    timed(|t| {
        let what = format!(
            "settled the graph ({}, {})",
            timings::count(g.graph.node_count() as u64, "node"),
            timings::count(g.graph.edge_count() as u64, "edge")
        );
        t.phase(&what, settling.elapsed());
    });
    for w in &g.meta.warnings {
        eprintln!("resgraph: warning: {w}");
    }
    (g, ok)
}

/// A graph file written by `build`, or a corpus (file or folder) built on the fly.
fn load_or_build(path: &Path) -> Result<(CitationGraph, bool), Failure> {
    if !path.exists() {
        return Err(Failure::Fatal(
            Error::NotFound(path.to_path_buf()).to_string(),
        ));
    }
    if path.is_file() && looks_like_graph(path) {
        let loading = std::time::Instant::now();
        let g = CitationGraph::load(path).map_err(|e| Failure::Fatal(e.to_string()))?;
        timed(|t| t.phase(&format!("loaded {}", path.display()), loading.elapsed()));
        return Ok((g, true));
    }
    Ok(build(&[path.to_path_buf()], None))
}

/// What `--timings` says was written: the output file with its size, or standard output.
fn wrote(output: Option<&Path>) -> String {
    match output {
        Some(p) => match std::fs::metadata(p) {
            Ok(m) if m.is_file() => {
                format!("wrote {} ({:.1} MB)", p.display(), m.len() as f64 / 1e6)
            }
            _ => format!("wrote {}", p.display()),
        },
        None => "wrote standard output".to_string(),
    }
}

fn looks_like_graph(path: &Path) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 256];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut buf))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&buf[..n]);
    head.trim_start().starts_with('{') && head.contains("\"directed\"")
}

/// Writes `graph` in `format` to `output` (stdout without it), timed for `--timings`.
fn emit(
    graph: &CitationGraph,
    format: export::Format,
    options: export::Options,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let writing = std::time::Instant::now();
    write_graph(graph, format, options, output)?;
    timed(|t| t.phase(&wrote(output), writing.elapsed()));
    Ok(())
}

fn write_graph(
    graph: &CitationGraph,
    format: export::Format,
    options: export::Options,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let fatal = |e: Error| Failure::Fatal(e.to_string());
    // The node-link JSON of a large corpus is streamed to its file, never held whole in memory.
    if let (export::Format::Json, Some(p), export::node_link::EdgeKey::Edges) =
        (format, output, options.node_link_key)
    {
        let jobs = resgraph::corpus::effective_jobs(RUN_FLAGS.get().map_or(0, |f| f.jobs));
        return export::write_atomic_with(p, |w| export::node_link::write(graph, w, jobs))
            .map_err(fatal);
    }
    match (export::render(graph, format, &options), output) {
        (export::Output::File(text), Some(p)) => {
            export::write_atomic(p, text.as_bytes()).map_err(fatal)
        }
        (export::Output::File(text), None) => {
            Out::new().raw(&text);
            Ok(())
        }
        (export::Output::Folder(files), Some(dir)) => {
            export::write_folder(dir, &files).map_err(fatal)
        }
        (export::Output::Folder(files), None) => {
            let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
            Err(Failure::Fatal(format!(
                "this format writes {}: give the folder with -o",
                names.join(" and ")
            )))
        }
    }
}

fn answer(q: QueryArgs, outgoing: bool) -> Result<(), Failure> {
    let (g, ok) = load_or_build(&q.graph)?;
    let id = query::resolve_id(&g, &q.id).map_err(|e| Failure::Fatal(e.to_string()))?;
    if g.find(&id).is_none() {
        return Err(Failure::Fatal(format!("{id} is not in the graph")));
    }
    let hits = if outgoing {
        query::cites(&g, &id, Some(q.depth), &(&q.filter).into())
    } else {
        query::cited_by(&g, &id, Some(q.depth), &(&q.filter).into())
    };
    let mut out = Out::new();
    if let ListFormat::Table = q.format {
        out.line("id\tdate\tlabel\ttitle\tmentions");
    }
    for h in hits {
        let n = h.node;
        let date = n.date.clone().or_else(|| h.cited_dates.first().cloned());
        match q.format {
            ListFormat::Jsonl => out.line(
                &json!({
                    "id": n.id, "date": date, "label": n.label, "title": n.title,
                    "type": n.kind.as_str(), "body": n.body, "depth": h.depth,
                    "mentions": h.mentions, "cited_dates": h.cited_dates,
                })
                .to_string(),
            ),
            ListFormat::Table => out.line(&format!(
                "{}\t{}\t{}\t{}\t{}",
                n.id,
                date.as_deref().unwrap_or("-"),
                n.label,
                n.title.as_deref().unwrap_or("-"),
                h.mentions
            )),
        }
    }
    ok.then_some(()).ok_or(Failure::Inputs)
}

/// Loads the graph and resolves a user-typed id to a node of it.
fn graph_and_id(graph: &Path, id: &str) -> Result<(CitationGraph, String, bool), Failure> {
    let (g, ok) = load_or_build(graph)?;
    let id = query::resolve_id(&g, id).map_err(|e| Failure::Fatal(e.to_string()))?;
    if g.find(&id).is_none() {
        return Err(Failure::Fatal(format!("{id} is not in the graph")));
    }
    Ok((g, id, ok))
}

/// Writes bytes to `output`, or to stdout.
fn write_out(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(p) => export::write_atomic(p, bytes).map_err(|e| Failure::Fatal(e.to_string())),
        None => {
            let mut out = Out::new();
            if let Err(e) = out.w.write_all(bytes) {
                quit_on_pipe(e);
            }
            Ok(())
        }
    }
}

fn lineage(a: LineageArgs) -> Result<(), Failure> {
    use query::lineage::{Options, Scope};
    use resgraph::export::timeline;
    let format = a.format.unwrap_or_else(|| {
        let ext = a.output.as_deref().and_then(Path::extension);
        match ext.and_then(|e| e.to_str()) {
            Some("dot" | "gv") => LineageFormat::Dot,
            Some("svg") => LineageFormat::Svg,
            Some("png") => LineageFormat::Png,
            Some("pdf") => LineageFormat::Pdf,
            Some("jsonl" | "json") => LineageFormat::Jsonl,
            _ => LineageFormat::Text,
        }
    });
    let (g, id, ok) = graph_and_id(&a.graph, &a.id)?;
    let opts = Options {
        direction: if a.ancestors {
            Scope::Ancestors
        } else if a.descendants {
            Scope::Descendants
        } else {
            Scope::Both
        },
        depth: a.depth,
        filter: (&a.filter).into(),
    };
    let lin = query::lineage::lineage(&g, &id, &opts)
        .ok_or_else(|| Failure::Fatal(format!("{id} is not in the graph")))?;
    eprintln!("resgraph: {}", lin.summary());
    let bytes = match format {
        LineageFormat::Text => lin.to_text().into_bytes(),
        LineageFormat::Jsonl => lin.to_jsonl().into_bytes(),
        LineageFormat::Dot | LineageFormat::Svg | LineageFormat::Png | LineageFormat::Pdf => {
            let t = timeline::timeline(
                &lin,
                &timeline::Options {
                    max_nodes: a.max_nodes,
                    max_per_year: a.max_per_year,
                    all_edges: a.all_edges,
                    title: a.title.clone(),
                },
            );
            for note in &t.notes {
                eprintln!("resgraph: {note}");
            }
            let image = match format {
                LineageFormat::Svg => Some(timeline::Image::Svg),
                LineageFormat::Png => Some(timeline::Image::Png),
                LineageFormat::Pdf => Some(timeline::Image::Pdf),
                _ => None,
            };
            match image {
                Some(i) => {
                    timeline::render(&t.dot, i).map_err(|e| Failure::Fatal(e.to_string()))?
                }
                None => t.dot.into_bytes(),
            }
        }
    };
    write_out(a.output.as_deref(), &bytes)?;
    ok.then_some(()).ok_or(Failure::Inputs)
}

fn path(a: PathArgs) -> Result<(), Failure> {
    let (g, from, ok) = graph_and_id(&a.graph, &a.from)?;
    let to = query::resolve_id(&g, &a.to).map_err(|e| Failure::Fatal(e.to_string()))?;
    if g.find(&to).is_none() {
        return Err(Failure::Fatal(format!("{to} is not in the graph")));
    }
    let filter: query::Filter = (&a.filter).into();
    let chains = query::path::paths(&g, &from, &to, a.k, &filter);
    if chains.is_empty() {
        let back = !query::path::paths(&g, &to, &from, 1, &filter).is_empty();
        let hint = if back {
            format!(" (but {to} leads back to {from}: swap the two)")
        } else {
            String::new()
        };
        return Err(Failure::Nothing(format!(
            "no citation chain from {from} back to {to}{hint}"
        )));
    }
    let text = match a.format {
        ListFormat::Table => query::path::to_text(&g, &chains),
        ListFormat::Jsonl => query::path::to_jsonl(&g, &chains),
    };
    Out::new().raw(&text);
    ok.then_some(()).ok_or(Failure::Inputs)
}

fn stats(a: StatsArgs) -> Result<(), Failure> {
    let (g, ok) = load_or_build(&a.graph)?;
    let s = query::stats::stats(&g, a.top);
    let text = match a.format {
        StatsFormat::Text => s.to_text(),
        StatsFormat::Json => serde_json::to_string_pretty(&s).unwrap_or_default() + "\n",
    };
    Out::new().raw(&text);
    ok.then_some(()).ok_or(Failure::Inputs)
}

#[cfg(test)]
mod tests {
    /// The option set as the purge delay is mimalloc's: read before it is set, it holds the
    /// default mimalloc 3 gives it (1,000 ms), and afterwards the delay set.
    #[test]
    fn purge_delay_option_is_mimallocs() {
        // SAFETY: reads a plain option.
        let read = || unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(read(), 1000);
        super::tune_allocator();
        assert_eq!(read(), 2);
    }
}
