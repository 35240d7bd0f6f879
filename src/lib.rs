//! resgraph: find every reference a UN resolution or document makes to other resolutions and
//! documents, and build a dated citation graph of a corpus.
//!
//! Data flows one way, one module per stage:
//! bytes ([`input`]) -> text with its [`layout`] and identity ([`document`]) -> mentions
//! ([`extract`], using [`lang`] tables, [`date`] and [`symbol`]) -> [`graph`] -> [`export`] and
//! [`query`].
//!
//! ```
//! let text = "The General Assembly,\n\nRecalling its resolutions 36/103 of 9 December 1981 \
//!             and 43/78 H of 7 December 1988,\n";
//! let doc = resgraph::analyse_text(text, None);
//! let ids: Vec<String> = doc.mentions.iter().map(|m| m.symbol.id()).collect();
//! assert_eq!(ids, ["A/RES/36/103", "A/RES/43/78H"]);
//! ```

pub mod catalogue;
pub mod corpus;
pub mod date;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
mod hint;
pub mod input;
pub mod known;
pub mod lang;
pub mod layout;
pub mod ordered;
pub mod pages;
mod per_thread;
pub mod query;
mod scan;
pub mod symbol;

pub use error::{Error, Result};

use document::DocumentInfo;
use extract::Mention;
use lang::Lang;
use layout::Layout;
use std::path::Path;

/// One document read: its identity and the references it makes.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file it came from, as given (empty for text passed directly).
    pub file: String,
    /// What the document says about itself.
    pub info: DocumentInfo,
    /// Every reference found, in text order.
    pub mentions: Vec<Mention>,
    /// The text the mentions' offsets refer to: the file's own bytes (`Text`) or the text
    /// extracted from it (`resgraph text FILE` prints it).
    pub source: input::Source,
}

/// Compiles the patterns that reading any document needs, two sets at once: identity's on a
/// thread of its own, the layout's and the extraction patterns of `lang` on the calling one.
/// Each pattern is otherwise compiled where it is first used, and when several jobs start
/// together each thread's first document waits on the other's compile of each pattern in
/// turn (about 2 ms on this project's machine). Not needed before a run of one job.
pub fn compile_patterns(lang: Lang) {
    std::thread::scope(|s| {
        s.spawn(document::compile_patterns);
        layout::compile_patterns();
        extract::compile_patterns(lang);
    });
}

/// Analyses a text: detects its language (unless given), reads its identity and layout, and
/// extracts its references. The text is repaired first (broken words and symbols, odd spaces
/// and digits: [`input::repair`]); offsets still point into `text`.
pub fn analyse_text(text: &str, lang: Option<Lang>) -> Document {
    match input::repair::repair(text) {
        Some(repaired) => analyse_mapped(&repaired, lang, &input::json::Record::default()),
        None => analyse_repaired(text, lang, &input::json::Record::default()),
    }
}

/// [`analyse_text`] for a text handed over: the repair is made in place
/// ([`input::repair::repair_owned`]), so that a large text is not held twice. The same document
/// as `analyse_text(&text, lang)`.
pub fn analyse_owned(text: String, lang: Option<Lang>) -> Document {
    analyse_owned_with(text, lang, &input::json::Record::default())
}

/// Analyses an input read from a file ([`input::read`]): its text, with the identity its record
/// fields give where it has them (a JSON record: [`document::apply_record`]).
pub fn analyse_input(input: input::Input, lang: Option<Lang>) -> Document {
    if !input.catalogue.is_empty() {
        let source = input.source;
        return catalogue::merged(
            analyse_input_documents(input, lang),
            lang.unwrap_or(Lang::En),
            source,
        );
    }
    let mut doc = analyse_owned_with(input.text, lang, &input.record);
    doc.source = input.source;
    doc
}

/// Analyses one input as the documents it holds: one per record of a catalogue export
/// (MARCXML or a CSV table of records: [`catalogue`]), the input itself otherwise.
pub fn analyse_input_documents(input: input::Input, lang: Option<Lang>) -> Vec<Document> {
    if input.catalogue.is_empty() {
        vec![analyse_input(input, lang)]
    } else {
        catalogue::documents(&input, lang)
    }
}

fn analyse_owned_with(text: String, lang: Option<Lang>, record: &input::json::Record) -> Document {
    // The text's memory is kept for the next file this thread reads ([`input::spare`]).
    match input::repair::repair_owned(text) {
        Ok(repaired) => {
            let doc = analyse_mapped(&repaired, lang, record);
            input::spare::give_back(repaired.text);
            doc
        }
        Err(text) => {
            let doc = analyse_repaired(&text, lang, record);
            input::spare::give_back(text);
            doc
        }
    }
}

/// Analyses a repaired text and maps the mentions back to the original: offsets, and texts read
/// back from the repair and the original characters of its edits.
fn analyse_mapped(
    repaired: &input::repair::Repaired,
    lang: Option<Lang>,
    record: &input::json::Record,
) -> Document {
    let mut doc = analyse_repaired(&repaired.text, lang, record);
    // Mentions come in text order: each lookup in the repair's pieces starts from the last.
    let map = repaired.mapper();
    for m in &mut doc.mentions {
        // Most mentions stand clear of every edit: their text, taken from the repaired text,
        // is already the original's, and is not read again from a text long out of cache.
        let unchanged = map.unchanged(m.start, m.end);
        m.start = map.start(m.start);
        m.end = map.end(m.end).max(m.start);
        if !unchanged {
            m.text = repaired.original(m.start, m.end).unwrap_or_default();
        }
    }
    doc
}

fn analyse_repaired(text: &str, lang: Option<Lang>, record: &input::json::Record) -> Document {
    let detected = lang.is_none();
    let lang = lang.unwrap_or_else(|| lang::detect(text));
    let mut info = document::identify(text, lang);
    document::apply_record(&mut info, record);
    let mut own_written = info.written_symbols.clone();
    own_written.extend(info.id.clone());
    let layout = Layout::analyse(text, lang.table(), &own_written);
    let own_ids: Vec<String> = info.id.iter().chain(&info.written_id).cloned().collect();
    let ctx = extract::Context {
        lang,
        citing_body: info.citing_body(),
        own_ids: &own_ids,
        layout: &layout,
    };
    let mut mentions = extract::extract(text, &ctx);
    // A detected language may not be the only one: paragraphs in another are read in theirs.
    if detected {
        extract::by_paragraph_language(text, &ctx, &mut mentions);
    }
    Document {
        file: String::new(),
        info,
        mentions,
        source: input::Source::Text,
    }
}

/// Reads and analyses one file (PDF, DOCX, HTML or text in any encoding: [`input::read`]).
pub fn analyse_file(path: &Path, lang: Option<Lang>) -> Result<Document> {
    analyse_file_with(path, lang, &input::ReadOptions::default())
}

/// Reads and analyses one file, with options for reading it (the encoding of text files).
pub fn analyse_file_with(
    path: &Path,
    lang: Option<Lang>,
    opts: &input::ReadOptions,
) -> Result<Document> {
    let (input, _) = input::read_sized(path, opts)?;
    let catalogue = !input.catalogue.is_empty();
    let mut doc = analyse_input(input, lang);
    doc.file = path.display().to_string();
    if !catalogue {
        document::name_from_file(&mut doc.info, path);
    }
    Ok(doc)
}

/// Reads and analyses one file as the documents it holds: a catalogue export (MARCXML) gives one
/// per record, any other file one.
pub fn analyse_file_documents(path: &Path, lang: Option<Lang>) -> Result<Vec<Document>> {
    analyse_file_sized(path, lang, &input::ReadOptions::default()).map(|(docs, _)| docs)
}

/// The documents of one file ([`analyse_file_documents`]), with the size of the file in bytes.
pub(crate) fn analyse_file_sized(
    path: &Path,
    lang: Option<Lang>,
    opts: &input::ReadOptions,
) -> Result<(Vec<Document>, u64)> {
    let (input, size) = input::read_sized(path, opts)?;
    let catalogue = !input.catalogue.is_empty();
    let mut docs = analyse_input_documents(input, lang);
    let file = path.display().to_string();
    for doc in &mut docs {
        doc.file.clone_from(&file);
    }
    // A file of one document that does not name itself is named after its file.
    if let [doc] = docs.as_mut_slice()
        && !catalogue
    {
        document::name_from_file(&mut doc.info, path);
    }
    Ok((docs, size))
}
