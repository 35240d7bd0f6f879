//! The library's error type: every error names the file (and, where it helps, the position).

use std::path::PathBuf;

/// What can go wrong while reading a corpus or writing results.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is a binary format resgraph does not read (yet).
    #[error("{path}: {format} file, not text")]
    Binary {
        /// The file.
        path: PathBuf,
        /// What it looks like.
        format: &'static str,
    },
    /// The bytes are not valid text in the expected encoding.
    #[error("{path}: byte {offset}: {message}")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// What is wrong.
        message: String,
    },
    /// A graph file could not be parsed.
    #[error("{path}: not a resgraph graph: {message}")]
    Graph {
        /// The file.
        path: PathBuf,
        /// What is wrong (with line and column where known).
        message: String,
    },
    /// An output file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A reference typed by the user could not be understood.
    #[error("not a resolution, decision or document symbol: {0:?}")]
    BadReference(String),
    /// Graphviz could not render a diagram (or is not installed).
    #[error("cannot render {format}: {message}")]
    Render {
        /// The image format asked for.
        format: String,
        /// What went wrong, and what to do about it.
        message: String,
    },
    /// The file is in a format resgraph reads but cannot be read: empty, damaged, truncated,
    /// a scan without a text layer, a ZIP that is not a Word file; the message says which.
    #[error("{path}: {message}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What is wrong, and what to do about it.
        message: String,
    },
    /// A path given on the command line does not exist.
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
