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

pub mod corpus;
pub mod date;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod known;
pub mod lang;
pub mod layout;
pub mod query;
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
}

/// Analyses a text: detects its language (unless given), reads its identity and layout, and
/// extracts its references.
pub fn analyse_text(text: &str, lang: Option<Lang>) -> Document {
    let lang = lang.unwrap_or_else(|| lang::detect(text));
    let info = document::identify(text, lang);
    let mut own_written = info.written_symbols.clone();
    own_written.extend(info.id.clone());
    let layout = Layout::analyse(text, lang.table(), &own_written);
    let own_ids: Vec<String> = info.id.iter().cloned().collect();
    let ctx = extract::Context {
        lang,
        citing_body: info.citing_body(),
        own_ids: &own_ids,
        layout: &layout,
    };
    let mentions = extract::extract(text, &ctx);
    Document {
        file: String::new(),
        info,
        mentions,
    }
}

/// Reads and analyses one file.
pub fn analyse_file(path: &Path, lang: Option<Lang>) -> Result<Document> {
    let text = input::read_text(path)?;
    let mut doc = analyse_text(&text, lang);
    doc.file = path.display().to_string();
    Ok(doc)
}
