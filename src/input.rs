//! Reading inputs: walking folders, recognising binary formats, decoding bytes into text.
//!
//! Offsets reported by extraction are byte offsets into the decoded UTF-8 text. For UTF-8 files
//! (the common case) that is the file itself, byte for byte.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Lists the files named by `paths`: files as given, folders read recursively (hidden entries
/// skipped), in sorted order so that results do not depend on the file system's order. Paths
/// that cannot be listed are returned as errors beside the files that could.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        walk(p, &mut files, &mut errors, 0);
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>, depth: usize) {
    // Symlink loops end here rather than recursing for ever.
    if depth > 64 {
        errors.push(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("folders nested too deeply (a symlink loop?)"),
        });
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            errors.push(Error::NotFound(path.to_path_buf()));
            return;
        }
        Err(source) => {
            errors.push(Error::Io {
                path: path.to_path_buf(),
                source,
            });
            return;
        }
    };
    if meta.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Error::Io {
                path: path.to_path_buf(),
                source,
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| !n.starts_with('.'))
        })
        .collect();
    children.sort();
    for c in children {
        walk(&c, files, errors, depth + 1);
    }
}

/// Reads a file as text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, &bytes)
}

/// Decodes the bytes of a file: UTF-8 (with or without a byte order mark) or UTF-16 with a byte
/// order mark. Known binary formats are refused with their name.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    if let Some(format) = binary_format(bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            format,
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(path, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(path, rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Error::Encoding {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
            message: "invalid UTF-8".into(),
        }),
    }
}

fn utf16(path: &Path, bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| Error::Encoding {
        path: path.to_path_buf(),
        offset: 0,
        message: "invalid UTF-16".into(),
    })
}

/// Recognises binary formats by their magic bytes, and anything else with NUL bytes.
pub fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "ZIP (DOCX/ODT/XLSX)"),
        (b"\xD0\xCF\x11\xE0", "OLE2 (DOC/XLS)"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x1F\x8B", "gzip"),
    ];
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(name);
        }
    }
    let utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16_bom && bytes.iter().take(8192).any(|b| *b == 0) {
        return Some("binary");
    }
    None
}
