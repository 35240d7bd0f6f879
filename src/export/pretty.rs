//! JSON written by several threads: the long arrays of a graph file (nodes, edges) are cut into
//! chunks that worker threads serialise while the calling thread writes the finished ones in
//! order, one element to a line as `serde_json::to_writer_pretty` lays out an array's elements
//! (two-space indent). The bytes do not depend on the number of threads.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Bytes of JSON a chunk is cut at (as the items' sizes estimate it): large enough that
/// handing a chunk from one thread to another costs little beside writing it (each hand-over
/// may wake a sleeping thread), small enough that the chunks in flight, a few per thread, stay
/// a few megabytes however many mentions an edge holds.
const CHUNK_BYTES: usize = 256 * 1024;

/// serde_json's pretty layout (two-space indent), starting at a given depth, so that a value
/// nested in a larger document can be serialised on its own.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn new(depth: usize) -> Nested {
        Nested {
            depth,
            has_value: false,
        }
    }
}

/// Spaces for indentation, written a slice at a time.
const SPACES: &[u8; 64] = b"                                                                ";

/// The slices of [`SPACES`] that make `depth` levels of two-space indentation.
fn indentation(depth: usize) -> impl Iterator<Item = &'static [u8]> {
    let n = 2 * depth;
    (0..n)
        .step_by(SPACES.len())
        .map(move |k| &SPACES[..(n - k).min(SPACES.len())])
}

fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    for piece in indentation(depth) {
        w.write_all(piece)?;
    }
    Ok(())
}

impl Nested {
    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// `]` or `}`: on a line of its own after the last element, right after an empty opening.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(bracket)
    }

    /// Before an element or a key: a comma unless first, then a new indented line.
    fn element<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }
}

impl Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.element(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.element(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` pretty-printed as if it stood `depth` levels deep in a larger document.
pub fn write_at<W: Write, T: Serialize + ?Sized>(
    w: &mut W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Nested::new(depth));
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// Writes one element of an array into a buffer, pretty, as standing `depth` levels deep.
type ItemWriter<T> = dyn Fn(&T, &mut Vec<u8>, usize) -> io::Result<()> + Sync;

/// The elements of a chunk of an array `depth` levels deep, each with the separator and indent
/// that go before it (`first`: the chunk opens the array, so its first element has no comma).
fn elements<T>(
    items: &[T],
    first: bool,
    depth: usize,
    item: &ItemWriter<T>,
    estimate: usize,
) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(estimate + estimate / 8);
    let inside = Nested::new(depth + 1);
    for (k, x) in items.iter().enumerate() {
        inside.element(&mut out, first && k == 0)?;
        item(x, &mut out, depth + 1)?;
    }
    Ok(out)
}

/// Writes `items` as a pretty JSON array standing `depth` levels deep, serialised by `jobs`
/// threads (1: by the calling thread alone). The bytes do not depend on `jobs`.
pub fn write_array<W: Write, T: Serialize + Sync>(
    w: &mut W,
    items: &[T],
    depth: usize,
    jobs: usize,
) -> io::Result<()> {
    write_array_with(
        w,
        items,
        depth,
        jobs,
        &|x, out, d| write_at(out, x, d),
        &|_| 1024,
    )
}

/// [`write_array`] with each element written by `item` (the bytes [`write_at`] would give:
/// elements that write themselves by hand), and `size` a rough estimate of an element's bytes,
/// by which the array is cut into chunks. The bytes do not depend on the estimate.
pub fn write_array_with<W: Write, T: Sync>(
    w: &mut W,
    items: &[T],
    depth: usize,
    jobs: usize,
    item: &ItemWriter<T>,
    size: &(dyn Fn(&T) -> usize + Sync),
) -> io::Result<()> {
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let chunks = chunks_by_size(items, size);
    // The calling thread serialises chunks too and writes them in order; a chunk's bytes are
    // those of its elements alone, so where the cuts fall changes nothing in the file.
    let mut result = Ok(());
    crate::ordered::map_in_order(
        chunks.len(),
        jobs,
        jobs * 2,
        |i| {
            let (c, estimate) = chunks[i];
            elements(c, i == 0, depth, item, estimate)
        },
        |_, buf| {
            result = buf.and_then(|b| w.write_all(&b));
            result.is_ok()
        },
    );
    result?;
    w.write_all(b"\n")?;
    indent(w, depth)?;
    w.write_all(b"]")
}

/// `items` cut into runs of about [`CHUNK_BYTES`] by the estimated `size` of each, with the
/// estimate of each run.
fn chunks_by_size<'t, T>(items: &'t [T], size: &dyn Fn(&T) -> usize) -> Vec<(&'t [T], usize)> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, x) in items.iter().enumerate() {
        bytes += size(x);
        if bytes >= CHUNK_BYTES {
            chunks.push((&items[start..=i], bytes));
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < items.len() {
        chunks.push((&items[start..], bytes));
    }
    chunks
}

fn indent_vec(out: &mut Vec<u8>, depth: usize) {
    // One copy at the depths graph files have; the general loop beyond.
    match SPACES.get(..2 * depth) {
        Some(spaces) => out.extend_from_slice(spaces),
        None => {
            for piece in indentation(depth) {
                out.extend_from_slice(piece);
            }
        }
    }
}

/// A JSON array on one line (`["a", "b"]`), its elements written by `each`.
pub fn inline_array<T>(out: &mut Vec<u8>, items: &[T], mut each: impl FnMut(&T, &mut Vec<u8>)) {
    out.push(b'[');
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.extend_from_slice(b", ");
        }
        each(x, out);
    }
    out.push(b']');
}

/// A pretty JSON array `depth` levels deep whose elements `each` writes (each given the buffer
/// and the depth of the elements).
pub fn array_into<T>(
    out: &mut Vec<u8>,
    items: &[T],
    depth: usize,
    mut each: impl FnMut(&T, &mut Vec<u8>, usize),
) {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
        return;
    }
    out.push(b'[');
    for (k, x) in items.iter().enumerate() {
        out.extend_from_slice(if k == 0 { b"\n" } else { b",\n" });
        indent_vec(out, depth + 1);
        each(x, out, depth + 1);
    }
    out.push(b'\n');
    indent_vec(out, depth);
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Nested values come out exactly as serde_json lays them out inside the whole document,
    /// for any number of threads and any number of elements around the chunk size.
    #[test]
    fn same_bytes_as_serde_pretty() {
        // `write_array` estimates 1 KB an element.
        let per = CHUNK_BYTES / 1024;
        for n in [0, 1, 2, per - 1, per, per + 1, 3 * per + 7] {
            let items: Vec<serde_json::Value> = (0..n)
                .map(|i| {
                    json!({
                        "id": format!("A/RES/{i}/1"),
                        "list": [i, {"x": null, "y": []}, {}],
                        "empty": [],
                        "text": "quote \" and\nline",
                    })
                })
                .collect();
            let whole = json!({"graph": {"name": "g", "warnings": []}, "items": items});
            let expected = serde_json::to_string_pretty(&whole).unwrap();
            for jobs in [1, 2, 3] {
                let mut out = Vec::new();
                out.extend_from_slice(b"{\n  \"graph\": ");
                write_at(&mut out, &whole["graph"], 1).unwrap();
                out.extend_from_slice(b",\n  \"items\": ");
                write_array(&mut out, &items, 1, jobs).unwrap();
                out.extend_from_slice(b"\n}");
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    expected,
                    "n {n}, jobs {jobs}"
                );
            }
        }
    }

    /// Chunks cover the items in order, each but the last reaching the size it is cut at.
    #[test]
    fn chunks_cover_the_items() {
        let items: Vec<usize> = (0..5000).map(|i| (i * 7919) % 100_000).collect();
        let chunks = chunks_by_size(&items, &|x| *x);
        let joined: Vec<usize> = chunks.iter().flat_map(|(c, _)| c.iter().copied()).collect();
        assert_eq!(joined, items);
        for (k, (c, bytes)) in chunks.iter().enumerate() {
            assert_eq!(*bytes, c.iter().sum::<usize>());
            if k + 1 < chunks.len() {
                assert!(*bytes >= CHUNK_BYTES && bytes - c[c.len() - 1] < CHUNK_BYTES);
            }
        }
        assert!(chunks_by_size(&[] as &[usize], &|x| *x).is_empty());
    }
}
