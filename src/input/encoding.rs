//! Text encodings: byte order marks, UTF-8, UTF-16 and the legacy encodings that old files and
//! other tools still produce (Windows-1252, ISO-8859-x, KOI8-R, Shift_JIS, GBK ...).
//!
//! Detection, in order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); valid UTF-8; UTF-16
//! without a mark (every other byte NUL); otherwise a legacy encoding guessed by chardetng from
//! the byte statistics. Bytes that are mostly UTF-8 but broken somewhere are refused rather than
//! guessed at: reading them as Windows-1252 would turn every accented letter into mojibake, and
//! replacing the bad bytes would hide the damage. `--encoding` overrides all of this.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (a UTF-8 byte order mark, when there is one, is kept so that offsets are the
    /// file's own bytes).
    pub text: String,
    /// The encoding read.
    pub encoding: &'static Encoding,
    /// Whether `text` is byte for byte the file: valid UTF-8 read as is.
    pub verbatim: bool,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the first bad byte.
    pub offset: usize,
    /// What is wrong, and what to do about it.
    pub message: String,
}

/// The encoding an `--encoding` label names (`utf-8`, `utf-16le`, `windows-1252`, `latin1`,
/// `koi8-r`, `shift_jis` ... : the WHATWG labels).
pub fn lookup(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().to_ascii_lowercase();
    let l = match l.as_str() {
        "utf8" => "utf-8",
        "utf16" | "utf-16" => "utf-16le",
        "cp1252" => "windows-1252",
        "cp1251" => "windows-1251",
        other => other,
    };
    Encoding::for_label(l.as_bytes())
}

/// Decodes `bytes`, detecting the encoding unless `forced` names one.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(enc) = forced {
        return Ok(decode_forced(bytes, enc));
    }
    // 0xFF and 0xFE never occur in UTF-8, so UTF-16 byte order marks fail this test.
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            return Ok(Decoded {
                text: s.to_string(),
                encoding: UTF_8,
                verbatim: true,
            });
        }
        Err(e) if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) => {
            return Err(DecodeError {
                offset: e.valid_up_to(),
                message: "invalid UTF-8 (after a UTF-8 byte order mark)".into(),
            });
        }
        Err(_) => {}
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, 2, UTF_16LE);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, 2, UTF_16BE);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return utf16(bytes, 0, enc);
    }
    if let Some(offset) = broken_utf8(bytes) {
        return Err(DecodeError {
            offset,
            message: "invalid UTF-8: the file is UTF-8 with damaged bytes (give --encoding to \
                      read it in another encoding, or --encoding utf-8 to replace them)"
                .into(),
        });
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc,
        verbatim: false,
    })
}

/// As [`decode`], taking the bytes: UTF-8 text, nearly every file, becomes the string without
/// a copy.
pub fn decode_owned(
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if forced.is_none_or(|e| e == UTF_8) {
        // Checked with simdutf8 (32 bytes a step where the processor has AVX2): the check of
        // a 25 MB text took a million instructions a megabyte with the standard library's.
        if simdutf8::basic::from_utf8(&bytes).is_err() {
            return decode(&bytes, forced);
        }
        // SAFETY: `bytes` was just checked to be valid UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok(Decoded {
            text,
            encoding: UTF_8,
            verbatim: true,
        });
    }
    decode(&bytes, forced)
}

/// Decodes with the encoding the user named; bad sequences become U+FFFD.
fn decode_forced(bytes: &[u8], enc: &'static Encoding) -> Decoded {
    if enc == UTF_8
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        return Decoded {
            text: s.to_string(),
            encoding: UTF_8,
            verbatim: true,
        };
    }
    let (text, _) = enc.decode_with_bom_removal(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc,
        verbatim: false,
    }
}

fn utf16(bytes: &[u8], skipped: usize, enc: &'static Encoding) -> Result<Decoded, DecodeError> {
    if bytes.len() % 2 == 1 {
        return Err(DecodeError {
            offset: skipped + bytes.len() - 1,
            message: format!("{}: odd number of bytes (truncated?)", enc.name()),
        });
    }
    let le = enc == UTF_16LE;
    let units = bytes.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut at = skipped;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                at += c.len_utf16() * 2;
                text.push(c);
            }
            Err(_) => {
                return Err(DecodeError {
                    offset: at,
                    message: format!("invalid {}: unpaired surrogate", enc.name()),
                });
            }
        }
    }
    Ok(Decoded {
        text,
        encoding: enc,
        verbatim: false,
    })
}

/// Whether bytes without a byte order mark look like UTF-16 (every other byte NUL).
pub fn looks_like_utf16(bytes: &[u8]) -> bool {
    utf16_without_bom(bytes).is_some()
}

/// UTF-16 without a byte order mark: most even (or odd) bytes are NUL and the others ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut le, mut be) = (0usize, 0usize);
    for c in sample.chunks_exact(2) {
        if c[1] == 0 && c[0] != 0 {
            le += 1;
        } else if c[0] == 0 && c[1] != 0 {
            be += 1;
        }
    }
    if le * 10 >= pairs * 7 {
        Some(UTF_16LE)
    } else if be * 10 >= pairs * 7 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Where invalid UTF-8 first occurs, when the bytes are otherwise UTF-8: they hold valid
/// multi-byte sequences, at least as many as invalid bytes. `None` for text in a legacy encoding.
fn broken_utf8(bytes: &[u8]) -> Option<usize> {
    let mut valid_multi = 0usize;
    let mut invalid = 0usize;
    let mut first_bad = None;
    let mut rest = bytes;
    let mut base = 0usize;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multi += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                valid_multi += std::str::from_utf8(&rest[..good])
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                first_bad.get_or_insert(base + good);
                // An incomplete sequence at the very end counts as one bad byte.
                let skip = e.error_len().unwrap_or(rest.len() - good).max(1);
                invalid += skip;
                base += good + skip;
                rest = rest.get(good + skip..).unwrap_or(&[]);
            }
        }
    }
    (valid_multi > 0 && valid_multi >= invalid).then_some(first_bad.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_verbatim() {
        let d = decode("résolution 70/1".as_bytes(), None).unwrap();
        assert!(d.verbatim);
        assert_eq!(d.text, "résolution 70/1");
        let bom = decode(b"\xEF\xBB\xBFabc", None).unwrap();
        assert_eq!(bom.text, "\u{FEFF}abc");
        assert!(bom.verbatim);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "Rappelant sa résolution 70/1";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le, None).unwrap().text, s);
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be, None).unwrap().text, s);
        let bare: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode(&bare, None).unwrap();
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, s);
        assert!(decode(&le[..le.len() - 1], None).is_err());
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Rappelant sa résolution 70/1 du 25 septembre 2015, intitulée « Transformer notre monde », et réaffirmant la déclaration — été");
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("résolution 70/1"), "{}", d.text);
        assert!(!d.verbatim);
    }

    #[test]
    fn broken_utf8_is_refused_with_offset() {
        let mut b = "Rappelant sa résolution 70/1, réaffirmant "
            .as_bytes()
            .to_vec();
        let at = b.len();
        b.extend(b"\xC3\x28 rest");
        let e = decode(&b, None).unwrap_err();
        assert_eq!(e.offset, at);
        // The user can force a reading.
        let d = decode(&b, Some(UTF_8)).unwrap();
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn labels() {
        assert_eq!(lookup("latin1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(lookup("UTF8"), Some(UTF_8));
        assert_eq!(lookup("cp1251"), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(lookup("no-such"), None);
    }
}
