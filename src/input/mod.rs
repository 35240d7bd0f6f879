//! Reading inputs: walking folders, recognising formats, turning bytes into the text to analyse.
//!
//! [`read`] looks at the content first (magic bytes), then at the extension:
//!
//! | input | how | offsets refer to |
//! |---|---|---|
//! | UTF-8 text, Markdown (with or without a byte order mark) | as is | the file's bytes (`source: "text"`) |
//! | UTF-16 (with a mark, or recognisable without), Windows-1252 and other legacy encodings | [`encoding`] | the UTF-8 text (`"decoded-text"`) |
//! | PDF | [`pdf`] (poppler's `pdftotext`) | the extracted text (`"pdf-text"`) |
//! | HTML | [`html`] | the extracted text (`"html-text"`) |
//! | DOCX | [`docx`] | the extracted text (`"docx-text"`) |
//! | old Word (`.doc`, Word 97-2003) | [`doc`] | the extracted text (`"doc-text"`) |
//! | OpenDocument text (`.odt`, and the flat `.fodt`) | [`odt`] | the extracted text (`"odt-text"`) |
//! | RTF | [`rtf`] | the extracted text (`"rtf-text"`) |
//! | JSON (`.json`) | [`json`]: its string values, one paragraph each | the extracted text (`"json-text"`) |
//! | JSON Lines (`.jsonl`, `.ndjson`) | [`json::read_lines`]: a collection, one record a line | the extracted text (`"json-text"`) |
//! | MARCXML (a UN Digital Library export) | [`marc`]: one document per `record`, from its fields | the file's bytes (`"text"`) |
//! | CSV of catalogue records (a symbol column and a title or related-documents column) | [`table`]: one document per row | the file's bytes (`"text"`) |
//!
//! Whenever the source is not `text`, `resgraph text FILE` prints the text the offsets refer to.
//! Images, gzip, Excel (`.xls`), Word 6/95 and other binary files are refused with their name; so are
//! empty files, PDFs without a text layer (they need OCR) and damaged files, each with the
//! reason. Text repair (broken words, odd spaces and digits) happens later, in [`repair`], with
//! offsets mapped back to this text.

pub mod doc;
pub mod docx;
pub mod encoding;
pub mod html;
pub mod json;
pub mod marc;
pub mod odt;
pub mod pdf;
pub mod repair;
pub mod rtf;
pub mod spare;
pub mod table;
mod xml;

use crate::error::{Error, Result};
pub use encoding_rs::Encoding;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (the largest UN document is a few MB of text).
pub const MAX_FILE: u64 = 1 << 30;

/// What the text of an input is, and so what its offsets refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Source {
    /// The file is UTF-8 text: offsets are byte offsets into the file itself.
    #[default]
    Text,
    /// Text in another encoding (UTF-16, Windows-1252 ...), converted to UTF-8.
    Decoded,
    /// Text extracted from a PDF.
    Pdf,
    /// Text extracted from an HTML page.
    Html,
    /// Text extracted from a Word (DOCX) file.
    Docx,
    /// Text extracted from an old Word (`.doc`) file.
    Doc,
    /// Text extracted from an OpenDocument text (`.odt`, `.fodt`).
    Odt,
    /// Text extracted from an RTF file.
    Rtf,
    /// The string values of a JSON file.
    Json,
}

impl Source {
    /// The name used in outputs: `text`, `decoded-text`, `pdf-text`, `html-text`, `docx-text`, `doc-text`, `odt-text`, `rtf-text`,
    /// `json-text`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Text => "text",
            Source::Decoded => "decoded-text",
            Source::Pdf => "pdf-text",
            Source::Html => "html-text",
            Source::Docx => "docx-text",
            Source::Doc => "doc-text",
            Source::Odt => "odt-text",
            Source::Rtf => "rtf-text",
            Source::Json => "json-text",
        }
    }
}

/// The text of one input.
#[derive(Debug, Clone)]
pub struct Input {
    /// The text to analyse; mention offsets are byte offsets into it.
    pub text: String,
    /// Where it came from.
    pub source: Source,
    /// The encoding read, for text inputs (`UTF-8`, `windows-1252` ...).
    pub encoding: Option<&'static str>,
    /// What a structured file (JSON) says of the document beside its text
    /// ([`crate::document::apply_record`] reads it); empty for other inputs.
    pub record: json::Record,
    /// The records of a catalogue export (MARCXML, or a CSV table of catalogue records), each a
    /// document of its own, their places in `text` (the file's text); empty for other inputs.
    pub catalogue: Vec<marc::CatalogueRecord>,
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding of text inputs; `None` detects it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Lists the files named by `paths`: files as given, folders read recursively (hidden entries
/// skipped), in sorted order so that results do not depend on the file system's order. Paths
/// that cannot be listed are returned as errors beside the files that could; a symbolic link
/// back to a folder being read is an error, not a second copy of it.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        walk(p, &mut files, &mut errors, &mut Vec::new());
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// `stack`: the canonical paths of the folders being read, outermost first.
fn walk(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>, stack: &mut Vec<PathBuf>) {
    let io_error = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A dangling symbolic link exists but leads nowhere.
            if std::fs::symlink_metadata(path).is_ok() {
                errors.push(io_error(std::io::Error::other(
                    "symbolic link to a missing file",
                )));
            } else {
                errors.push(Error::NotFound(path.to_path_buf()));
            }
            return;
        }
        Err(source) => {
            errors.push(io_error(source));
            return;
        }
    };
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if stack.contains(&canonical) || stack.len() > 64 {
        errors.push(io_error(std::io::Error::other(format!(
            "symbolic link loop (leads back to {})",
            canonical.display()
        ))));
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(source) => {
            errors.push(io_error(source));
            return;
        }
    };
    // Each entry with whether it is a plain file, which the folder listing tells on most
    // file systems: those are listed without looking each one up again. Siblings differ in
    // their last component only, so they sort by their names as the paths would; each name is
    // found once, as where it starts in the path's bytes (a path comparison parses every
    // component of both, and `file_name` the path from its end, once per comparison: 17 M
    // instructions for a folder of 2,000 files, a listing that runs before any file is read).
    let mut children: Vec<(usize, PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let path = e.path();
            let name = path.file_name()?;
            if name.to_str().is_some_and(|n| n.starts_with('.')) {
                return None;
            }
            let at = path.as_os_str().len() - name.len();
            let plain = e.file_type().is_ok_and(|t| t.is_file());
            Some((at, path, plain))
        })
        .collect();
    fn name((at, path, _): &(usize, PathBuf, bool)) -> &[u8] {
        &path.as_os_str().as_encoded_bytes()[*at..]
    }
    children.sort_unstable_by(|a, b| name(a).cmp(name(b)));
    let children = children.into_iter().map(|(_, p, plain)| (p, plain));
    stack.push(canonical);
    for (c, plain) in children {
        if plain {
            files.push(c);
        } else {
            walk(&c, files, errors, stack);
        }
    }
    stack.pop();
}

/// Reads a file and returns the text to analyse, whatever its format (see the module comment).
pub fn read(path: &Path, opts: &ReadOptions) -> Result<Input> {
    read_sized(path, opts).map(|(input, _)| input)
}

/// [`read`], with the size of the file in bytes. The file is opened once and its size asked of
/// the open file: a corpus run looked each path up four times before.
pub(crate) fn read_sized(path: &Path, opts: &ReadOptions) -> Result<(Input, u64)> {
    use std::io::Read;
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > MAX_FILE {
        return Err(unreadable(
            path,
            format!(
                "too large ({} MiB; files up to {} MiB are read)",
                size >> 20,
                MAX_FILE >> 20
            ),
        ));
    }
    // One byte more than the size, so that the read that finds the end needs no new room.
    let mut bytes = spare::take(usize::try_from(size).unwrap_or(0).saturating_add(1));
    crate::pages::advise_huge(&mut bytes);
    crate::pages::populate(&mut bytes);
    if !read_whole_small(&mut file, size, &mut bytes).map_err(io_error)? {
        // Read through `take`: a `File`'s own `read_to_end` would ask for its size and
        // position again, two more system calls per file.
        file.by_ref()
            .take(u64::MAX)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    }
    Ok((convert_owned(path, bytes, opts)?, size))
}

/// Files up to this size are read by [`read_whole_small`].
const SMALL_FILE: u64 = 1 << 20;

/// Reads a file of `size` bytes (its size when it was opened) of at most [`SMALL_FILE`] into
/// the empty `bytes` in one request, and a second that finds its end. `read_to_end` asks for 8
/// KiB first and twice as much each time the room fills: a 40 KB file took four requests, and a
/// corpus is mostly small files, each request a system call. Returns false, with `bytes` still
/// empty, for a file this does not read (an empty one, which may be a file whose size the
/// system does not know, or a large one): `read_to_end` reads those. Clearing the room first
/// costs less than the requests it saves at these sizes.
fn read_whole_small(
    file: &mut std::fs::File,
    size: u64,
    bytes: &mut Vec<u8>,
) -> std::io::Result<bool> {
    use std::io::Read;
    if size == 0 || size > SMALL_FILE {
        return Ok(false);
    }
    // In range: at most `SMALL_FILE`; one byte more, where a file grown since it was opened
    // shows itself (the rest of it is then read on).
    bytes.resize(size as usize + 1, 0);
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                bytes.clear();
                return Err(e);
            }
        }
    }
    bytes.truncate(filled);
    if filled > size as usize {
        file.read_to_end(bytes)?;
    }
    Ok(true)
}

/// Reads a file as text (see [`read`]).
pub fn read_text(path: &Path) -> Result<String> {
    read(path, &ReadOptions::default()).map(|i| i.text)
}

/// The text of a file's bytes, with the encoding detected (see [`convert`]); `path` names the
/// file in errors and its extension helps tell HTML.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    convert(path, bytes, &ReadOptions::default()).map(|i| i.text)
}

fn unreadable(path: &Path, message: impl Into<String>) -> Error {
    Error::Unreadable {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Converts the bytes of a file to the text to analyse: PDF and DOCX by their magic bytes, HTML
/// by its extension or opening tag, anything else as text in the detected (or given) encoding.
pub fn convert(path: &Path, bytes: &[u8], opts: &ReadOptions) -> Result<Input> {
    convert_owned(path, bytes.to_vec(), opts)
}

/// As [`convert`], taking the bytes (a UTF-8 text file is then not copied).
pub fn convert_owned(path: &Path, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Input> {
    if bytes.is_empty() {
        return Err(unreadable(path, "empty file"));
    }
    // A document format, known by its first bytes, and the reader that extracts its text.
    type Reader = fn(&[u8]) -> std::result::Result<String, String>;
    let pdf_text: Reader = |b| pdf::to_text(b).map_err(|e| e.to_string());
    let zip = bytes.starts_with(b"PK\x03\x04");
    let reader: Option<(Reader, Source)> = if is_pdf(&bytes) {
        Some((pdf_text, Source::Pdf))
    } else if zip && odt::is_odt(&bytes) {
        Some((odt::to_text, Source::Odt))
    } else if zip {
        Some((docx::to_text, Source::Docx))
    } else if bytes.starts_with(b"{\\rtf") {
        Some((rtf::to_text, Source::Rtf))
    } else if bytes.starts_with(OLE2) {
        Some((doc::to_text, Source::Doc))
    } else {
        None
    };
    let input = if let Some((read, source)) = reader {
        let text = guarded(|| read(&bytes)).map_err(|m| unreadable(path, m))?;
        Input {
            text,
            source,
            encoding: None,
            record: json::Record::default(),
            catalogue: Vec::new(),
        }
    } else if let Some(format) = binary_format(&bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            format,
        });
    } else {
        text_input(path, bytes, opts)?
    };
    if input.text.chars().all(crate::layout::is_space) {
        return Err(unreadable(path, "no text (only white space)"));
    }
    Ok(input)
}

fn text_input(path: &Path, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Input> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    let html_ext = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml" | "shtml"));
    let declared = if html_ext || looks_like_html_bytes(&bytes) {
        html::declared_charset(&bytes)
    } else {
        None
    };
    let decoded =
        encoding::decode_owned(bytes, opts.encoding.or(declared)).map_err(|e| Error::Encoding {
            path: path.to_path_buf(),
            offset: e.offset,
            message: e.message,
        })?;
    if opts.encoding.is_none() && is_control_junk(&decoded.text) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            format: "binary (control characters)",
        });
    }
    let encoding = Some(decoded.encoding.name());
    if html_ext || html::looks_like_html(&decoded.text) {
        return Ok(Input {
            text: html::to_text(&decoded.text),
            source: Source::Html,
            encoding,
            record: json::Record::default(),
            catalogue: Vec::new(),
        });
    }
    if odt::is_flat_odt(&decoded.text) {
        let text = guarded(|| odt::xml_to_text(&decoded.text, "the flat OpenDocument file"))
            .map_err(|m| unreadable(path, m))?;
        return Ok(Input {
            text,
            source: Source::Odt,
            encoding,
            record: json::Record::default(),
            catalogue: Vec::new(),
        });
    }
    // A catalogue export (MARCXML, or a CSV table of catalogue records) is read record by
    // record; offsets stay those of the file's text.
    let catalogue = if marc::looks_like_marc(&decoded.text) {
        marc::read(&decoded.text).map_err(|m| unreadable(path, format!("MARCXML: {m}")))?
    } else if ext.as_deref() == Some("csv") {
        table::read(&decoded.text).unwrap_or_default()
    } else {
        Vec::new()
    };
    let source = if decoded.verbatim {
        Source::Text
    } else {
        Source::Decoded
    };
    if !catalogue.is_empty() {
        return Ok(Input {
            text: decoded.text,
            source,
            encoding,
            record: json::Record::default(),
            catalogue,
        });
    }
    // A JSON record is read for its string values, and JSON Lines (`.jsonl`, `.ndjson`) as a
    // collection of records; a file so named that is not JSON, or holds no text (a data set of
    // numbers), is read as the text it is.
    let json = match ext.as_deref() {
        Some("json") => json::read(&decoded.text).ok(),
        Some("jsonl" | "ndjson") => json::read_lines(&decoded.text).ok(),
        _ => None,
    };
    if let Some(j) = json
        && !j.text.trim().is_empty()
    {
        return Ok(Input {
            text: j.text,
            source: Source::Json,
            encoding,
            record: j.record,
            catalogue: Vec::new(),
        });
    }
    Ok(Input {
        source,
        text: decoded.text,
        encoding,
        record: json::Record::default(),
        catalogue: Vec::new(),
    })
}

fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    // HTML opens with `<` after white space: most texts are told apart by their first byte
    // past ASCII white space, without decoding their head.
    if let Some(&b) = bytes.iter().find(|b| !b.is_ascii_whitespace())
        && b.is_ascii()
        && b != b'<'
    {
        return false;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    html::looks_like_html(&head)
}

/// A PDF starts with `%PDF-`, possibly after up to 1 KiB of junk (which readers accept).
fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Runs a converter, turning a panic in it (a bug in a parsing library) into an error.
fn guarded(
    f: impl FnOnce() -> std::result::Result<String, String>,
) -> std::result::Result<String, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err("the file could not be parsed (internal error)".to_string()))
}

/// Whether `b` (UTF-8) holds a control character other than tab, line breaks and form feed:
/// an ASCII one or DEL, looked for in blocks of 64 bytes without an early exit inside (vector
/// code), or a C1 control (C2 followed by 80-9F), found from its lead byte.
fn has_control(b: &[u8]) -> bool {
    has_ascii_control(b)
        || memchr::memchr_iter(0xC2, b)
            .any(|i| b.get(i + 1).is_some_and(|y| y.wrapping_sub(0x80) < 0x20))
}

/// Whether `b` holds an ASCII control other than tab, line breaks and form feed, or DEL.
/// Thirty-two bytes a compare where the processor has AVX2, sixteen elsewhere on x86_64, the
/// last ones padded with spaces: the chunked loop the compiler was left to vectorise read a byte
/// an instruction, and every file of a corpus is read whole (its first 64 KiB) by this check
/// (1.6 % of `build` on the corpus folder with sixteen bytes a compare).
fn has_ascii_control(b: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is present, as just checked.
            return unsafe { avx2::any_control(b) };
        }
        // SAFETY: SSE2 is part of every x86_64 processor.
        crate::scan::any_part(b, b' ', |p| unsafe { sse2::has_control(p) })
    }
    #[cfg(not(target_arch = "x86_64"))]
    has_ascii_control_by_byte(b)
}

/// [`has_ascii_control`] byte by byte: the reading off x86_64, and the reference of the tests.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn has_ascii_control_by_byte(b: &[u8]) -> bool {
    b.iter()
        .any(|&x| (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r' | 0x0c)) || x == 0x7f)
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };

    /// [`super::has_ascii_control`] thirty-two bytes a compare. The loop over the parts is
    /// compiled for AVX2 too, so that the check of each part is inlined into it: from a loop
    /// compiled without AVX2 it was a call for every thirty-two bytes.
    #[target_feature(enable = "avx2")]
    pub(super) fn any_control(b: &[u8]) -> bool {
        crate::scan::any_part(b, b' ', |p| has_control(p))
    }

    /// [`super::sse2::has_control`] on thirty-two bytes.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn has_control(part: &[u8; 32]) -> bool {
        // SAFETY: `part` is thirty-two readable bytes; the load has no alignment requirement.
        let v = unsafe { _mm256_loadu_si256(part.as_ptr().cast()) };
        let is = |c: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c as i8));
        let below = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1F)), v);
        let allowed = _mm256_or_si256(
            _mm256_or_si256(is(b'\t'), is(b'\n')),
            _mm256_or_si256(is(b'\r'), is(0x0c)),
        );
        let control = _mm256_or_si256(_mm256_andnot_si256(allowed, below), is(0x7f));
        _mm256_movemask_epi8(control) != 0
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };

    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn has_control(part: &[u8; 16]) -> bool {
        // SAFETY: `part` is sixteen readable bytes; the load has no alignment requirement.
        let v = unsafe { _mm_loadu_si128(part.as_ptr().cast()) };
        let is = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        // Below 0x20 as unsigned bytes: the minimum with 0x1F leaves the byte as it is.
        let below = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
        let allowed = _mm_or_si128(
            _mm_or_si128(is(b'\t'), is(b'\n')),
            _mm_or_si128(is(b'\r'), is(0x0c)),
        );
        let control = _mm_or_si128(_mm_andnot_si128(allowed, below), is(0x7f));
        _mm_movemask_epi8(control) != 0
    }
}

/// Text with many control characters (other than tab, line breaks and form feed) is binary
/// data that happened to decode.
fn is_control_junk(text: &str) -> bool {
    // The first 64 KiB, counted on bytes in loops the compiler turns into vector code: a
    // character starts at every byte that is not a continuation byte (80-BF); a control
    // character (Unicode Cc) is an ASCII control other than tab, line breaks and form feed,
    // DEL, or a C1 control (U+0080 to U+009F: C2 80 to C2 9F).
    let b = &text.as_bytes()[..crate::layout::floor_char(text, 65536)];
    // Nearly every text holds no control character at all, which one quick pass tells.
    if !has_control(b) {
        return false;
    }
    let (mut n, mut ascii, mut c1) = (0usize, 0usize, 0usize);
    // Byte counters, emptied every 255 bytes before they can overflow.
    for (k, chunk) in b.chunks(255).enumerate() {
        let (mut chars, mut controls, mut c1_here) = (0u8, 0u8, 0u8);
        for &x in chunk {
            chars += u8::from((x as i8) >= -64);
            controls += u8::from(x < 0x20) - u8::from(matches!(x, b'\t' | b'\n' | b'\r' | 0x0c))
                + u8::from(x == 0x7f);
        }
        // C2 followed by 80-9F: each byte of the chunk with the one after it.
        let next = &b[(k * 255 + 1).min(b.len())..(k * 255 + 1 + chunk.len()).min(b.len())];
        for (x, y) in chunk.iter().zip(next) {
            c1_here += u8::from(*x == 0xc2) & u8::from(y.wrapping_sub(0x80) < 0x20);
        }
        n += usize::from(chars);
        ascii += usize::from(controls);
        c1 += usize::from(c1_here);
    }
    (ascii + c1) * 20 > n
}

/// The magic bytes of an OLE2 compound file: an old Word document (read: [`doc`]), or an Excel
/// or PowerPoint file (refused by [`doc::to_text`], which tells them apart).
const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Recognises binary formats that resgraph does not read by their magic bytes, and anything
/// else with NUL bytes that is not UTF-16. PDF, ZIP (DOCX) and OLE2 (`.doc`) files are read: see [`convert`].
pub fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image (it needs OCR)"),
        (b"\xFF\xD8\xFF", "JPEG image (it needs OCR)"),
        (b"GIF8", "GIF image"),
        (b"II*\0", "TIFF image (it needs OCR)"),
        (b"MM\0*", "TIFF image (it needs OCR)"),
        (b"\x1F\x8B", "gzip (uncompress it first)"),
        (b"7z\xBC\xAF", "7-Zip archive"),
        (b"Rar!", "RAR archive"),
    ];
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(name);
        }
    }
    // NUL bytes first (one `memchr`): only where there are some is UTF-16 looked for.
    let nul = memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some();
    let utf16 = || {
        bytes.starts_with(&[0xFF, 0xFE])
            || bytes.starts_with(&[0xFE, 0xFF])
            || encoding::looks_like_utf16(bytes)
    };
    (nul && !utf16()).then_some("binary")
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The control check sixteen and thirty-two bytes at a time finds what the byte-by-byte
        /// one finds, at any place and in any tail.
        #[test]
        fn control_bytes_as_by_byte(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just(b' '), proptest::strategy::Just(b'a'),
                proptest::strategy::Just(b'\t'), proptest::strategy::Just(b'\n'),
                proptest::strategy::Just(b'\r'), proptest::strategy::Just(0x0c),
                proptest::strategy::Just(0x7f), proptest::strategy::Just(0x80),
                0u8..0x20, 0x20u8..=0xff,
            ], 0..70),
        ) {
            proptest::prop_assert_eq!(has_ascii_control(&bytes), has_ascii_control_by_byte(&bytes));
            // The sixteen-byte reading too, where AVX2 is taken.
            #[cfg(target_arch = "x86_64")]
            // SAFETY: SSE2 is part of every x86_64 processor.
            proptest::prop_assert_eq!(
                crate::scan::any_part(&bytes, b' ', |p| unsafe { sse2::has_control(p) }),
                has_ascii_control_by_byte(&bytes)
            );
        }
    }

    /// A small file is read whole in one request, also when it has grown or shrunk since its
    /// size was asked; empty and large files are left to `read_to_end`.
    #[test]
    fn small_files_read_whole_whatever_their_size_did() {
        use std::io::Write;
        let tmp = tempfile::Builder::new()
            .prefix("resgraph-small-")
            .tempdir()
            .expect("temp dir");
        let path = tmp.path().join("small.txt");
        let text: Vec<u8> = (0..5000u32)
            .map(|i| b"resolution 70/1 "[(i % 16) as usize])
            .collect();
        let read = |size: u64, grow: &[u8], cut: Option<u64>| {
            assert!(std::fs::write(&path, &text).is_ok());
            let mut file = std::fs::File::open(&path).ok()?;
            let mut other = std::fs::OpenOptions::new().append(true).open(&path).ok()?;
            other.write_all(grow).ok()?;
            if let Some(len) = cut {
                other.set_len(len).ok()?;
            }
            let mut bytes = Vec::with_capacity(16);
            let whole = read_whole_small(&mut file, size, &mut bytes).ok()?;
            Some((whole, bytes))
        };
        let size = text.len() as u64;
        assert_eq!(read(size, b"", None), Some((true, text.clone())));
        let grown = [&text[..], b" and 70/2"].concat();
        assert_eq!(read(size, b" and 70/2", None), Some((true, grown)));
        assert_eq!(
            read(size, b"", Some(100)),
            Some((true, text[..100].to_vec()))
        );
        assert_eq!(read(0, b"", None), Some((false, Vec::new())));
        assert_eq!(read(SMALL_FILE + 1, b"", None), Some((false, Vec::new())));
    }

    /// A folder's files come in the order of their paths, folders walked where they fall.
    #[test]
    fn folders_are_listed_in_path_order() {
        let tmp = tempfile::Builder::new()
            .prefix("resgraph-walk-")
            .tempdir()
            .expect("temp dir");
        let dir = tmp.path().to_path_buf();
        let names = [
            "b", "a", "A", "a.txt", "a-b", "ab", "a b", "10", "9", "é", "z_", "Z", "sub/x",
            "sub/a", "sub.txt", "su", ".hidden",
        ];
        for n in names {
            let p = dir.join(n);
            if let Some(parent) = p.parent() {
                assert!(std::fs::create_dir_all(parent).is_ok());
            }
            assert!(std::fs::write(&p, "x").is_ok());
        }
        let (files, errors) = collect_files(std::slice::from_ref(&dir));
        assert!(errors.is_empty(), "{errors:?}");
        let mut expected: Vec<PathBuf> = names
            .iter()
            .filter(|n| !n.starts_with('.'))
            .map(|n| dir.join(n))
            .collect();
        expected.sort();
        assert_eq!(files, expected);
    }

    /// The byte count of control characters is the count by characters of the same 64 KiB.
    #[test]
    fn control_junk_by_bytes_equals_by_characters() {
        let by_chars = |text: &str| {
            let mut n = 0usize;
            let mut ctrl = 0usize;
            for c in text[..crate::layout::floor_char(text, 65536)].chars() {
                n += 1;
                if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
                    ctrl += 1;
                }
            }
            ctrl * 20 > n
        };
        for text in [
            "plain text\n".to_string(),
            "a\u{1}b\u{7f}c\u{85}d\u{9f}é\u{a0}".repeat(3),
            "\u{1}\u{2}\u{3}résolution".to_string(),
            "\u{80}\u{81}ab".repeat(10),
            format!("{}{}", "é".repeat(30_000), "\u{1}".repeat(4_000)),
            format!("{}{}", "x".repeat(65_535), "\u{1}".repeat(40_000)),
            format!("{}{}", "\u{85}".repeat(30_000), "x".repeat(40_000)),
        ] {
            assert_eq!(is_control_junk(&text), by_chars(&text), "{:?}", &text[..20]);
        }
        // The quick pass: a control of each kind, alone among plain letters, and the signs
        // that are not controls (tab, line breaks, form feed, the no-break space C2 A0).
        for c in ['\u{1}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}'] {
            let text = format!("{}{c}{}", "a".repeat(100), "b".repeat(100));
            assert!(has_control(text.as_bytes()), "{c:?}");
        }
        assert!(!has_control(
            "a\tb\nc\rd\x0ce\u{a0}f é".repeat(50).as_bytes()
        ));
    }

    fn conv(name: &str, bytes: &[u8]) -> Result<Input> {
        convert(Path::new(name), bytes, &ReadOptions::default())
    }

    #[test]
    fn dispatch_on_content() {
        assert_eq!(
            conv("a.txt", b"resolution 70/1").unwrap().source,
            Source::Text
        );
        let h = conv(
            "a.txt",
            b"<html><body><p>resolution&nbsp;70/1</p></body></html>",
        )
        .unwrap();
        assert_eq!(h.source, Source::Html);
        assert_eq!(h.text, "resolution\u{A0}70/1\n");
        let d = docx::tests::make_docx("<w:p><w:r><w:t>resolution 70/1</w:t></w:r></w:p>", None);
        let x = conv("renamed.bin", &d).unwrap();
        assert_eq!(
            (x.source, x.text.as_str()),
            (Source::Docx, "resolution 70/1\n")
        );
        let l = conv("a.txt", b"R\xe9solution 1514 (XV)").unwrap();
        assert_eq!(
            (l.source, l.text.as_str()),
            (Source::Decoded, "Résolution 1514 (XV)")
        );
    }

    #[test]
    fn bad_inputs_say_why() {
        let msg = |name: &str, b: &[u8]| conv(name, b).unwrap_err().to_string();
        assert!(msg("e.txt", b"").contains("empty file"));
        assert!(msg("s.txt", b"  \n\t ").contains("no text"));
        assert!(
            msg(
                "j.bin",
                b"\x01\x02\x03\x04\x05\x06abc\x07\x08\x0b\x0e\x0f\x10"
            )
            .contains("binary")
        );
        assert!(msg("n.bin", b"ab\0cd\x01\x02").contains("binary"));
        assert!(msg("z.docx", b"PK\x03\x04\x14\0\0\0").contains("ZIP"));
        assert!(msg("i.png", b"\x89PNG\r\n\x1a\n").contains("PNG"));
        assert!(msg("d.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").contains("OLE2"));
    }
}
