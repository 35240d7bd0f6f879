//! JSON records: the UN's data services hand documents out as JSON (the General Assembly's
//! decisions from iGov, draft resolutions with their metadata), with the text in string values
//! whose escapes (`\n`, `\u202f`) would hide its lines and glue its numbers if the file were
//! read as it stands.
//!
//! The text to analyse is every string value in the order the file writes them, each a
//! paragraph of its own (a blank line after it); keys, numbers and booleans are left out. The
//! record's own fields (string values of the top-level object, with the keys that lead to them)
//! are kept beside the text, for [`crate::document`] to read the record's identity from.

use serde_json::Value;

/// A JSON file read: its text and what it says of itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Json {
    /// The string values, one paragraph each.
    pub text: String,
    /// The record.
    pub record: Record,
}

/// What a structured file says of the document beside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// `(key, value)` for each string value of the top-level object, nested keys joined by `.`
    /// (`ED_Meeting.ED_Date` for a string in an array of objects); empty when the file is an
    /// array or a single value.
    pub fields: Vec<(String, String)>,
    /// The file holds several records (an array of two or more texts, or of objects with a
    /// text of their own, at the top or under a key of the top-level object): it is no one
    /// document, whatever the first record's heading or fields say.
    pub collection: bool,
}

/// Deepest nesting read: a file nested deeper is refused rather than walked (serde_json itself
/// refuses beyond 128 levels).
const MAX_DEPTH: usize = 100;

/// Reads a JSON document; the error names the line and column where it stops being JSON.
pub fn read(text: &str) -> Result<Json, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out = Json::default();
    collect_text(&value, &mut out.text, 0)?;
    out.record.collection = match &value {
        Value::Array(items) => records(items),
        Value::Object(map) => map
            .values()
            .any(|v| matches!(v, Value::Array(items) if records(items))),
        _ => false,
    };
    // A collection's fields are its records', not its own.
    if let (Value::Object(map), false) = (&value, out.record.collection) {
        for (key, v) in map {
            collect_fields(key, v, &mut out.record.fields, 0);
        }
    }
    Ok(out)
}

/// Reads JSON Lines (`.jsonl`, `.ndjson`): one JSON value a line, each line a record of a
/// collection (a single line is read as [`read`] reads a file); blank lines are passed over.
/// The error names the line that is not JSON.
pub fn read_lines(text: &str) -> Result<Json, String> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    if let [(_, only)] = lines.as_slice() {
        return read(only);
    }
    let mut out = Json::default();
    for (i, line) in lines {
        let value: Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        collect_text(&value, &mut out.text, 0)?;
    }
    out.record.collection = true;
    Ok(out)
}

fn collect_text(value: &Value, out: &mut String, depth: usize) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested more than {MAX_DEPTH} levels deep"));
    }
    match value {
        Value::String(s) if !s.trim().is_empty() => {
            // Line breaks as the text writes them; a record's text ends its paragraph.
            out.push_str(s.trim_end());
            out.push_str("\n\n");
        }
        Value::Array(items) => {
            for v in items {
                collect_text(v, out, depth + 1)?;
            }
        }
        Value::Object(map) => {
            for v in map.values() {
                collect_text(v, out, depth + 1)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `items` are records: two or more texts (strings of 200 bytes or more, as drafts
/// are), or objects each with such a text of its own (the meetings listed in one record have
/// none).
fn records(items: &[Value]) -> bool {
    let text = |x: &Value| x.as_str().is_some_and(|s| s.len() >= 200);
    let record = |v: &Value| text(v) || v.as_object().is_some_and(|o| o.values().any(text));
    items.len() > 1 && items.iter().all(record)
}

/// The string values under `key`: the value itself, the strings of an array, and the fields of
/// objects (in arrays too), one level down.
fn collect_fields(key: &str, value: &Value, out: &mut Vec<(String, String)>, depth: usize) {
    match value {
        Value::String(s) => out.push((key.to_string(), s.clone())),
        Value::Array(items) if depth < 2 => {
            for v in items {
                collect_fields(key, v, out, depth + 1);
            }
        }
        Value::Object(map) if depth < 2 => {
            for (k, v) in map {
                // Joined by hand: `format!` was a quarter of the reading of a file of records.
                let mut path = String::with_capacity(key.len() + 1 + k.len());
                path.push_str(key);
                path.push('.');
                path.push_str(k);
                collect_fields(&path, v, out, depth + 1);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_in_order_with_escapes_decoded() {
        let j = read(
            r#"{"ID": "S/2024/302", "n": 3, "ok": true, "Authors": ["Albania", " "],
               "Content": "The Security Council,\nRecalling its resolution\u202f2345 (2017),\n"}"#,
        )
        .unwrap_or_default();
        assert_eq!(
            j.text,
            "S/2024/302\n\nAlbania\n\nThe Security Council,\nRecalling its resolution\u{202f}2345 (2017),\n\n"
        );
        assert_eq!(
            j.record.fields,
            [
                ("ID".to_string(), "S/2024/302".to_string()),
                ("Authors".to_string(), "Albania".to_string()),
                ("Authors".to_string(), " ".to_string()),
                (
                    "Content".to_string(),
                    "The Security Council,\nRecalling its resolution\u{202f}2345 (2017),\n"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn nested_fields_and_collections() {
        let j = read(r#"{"ED_Meeting": [{"ED_Date": "2020-12-07T05:00:00.000Z", "n": 1}]}"#)
            .unwrap_or_default();
        assert_eq!(
            j.record.fields,
            [(
                "ED_Meeting.ED_Date".to_string(),
                "2020-12-07T05:00:00.000Z".to_string()
            )]
        );
        // A collection of records has text but no fields of its own, at the top or under a
        // key; a record's list of meetings is no collection.
        let long = "x".repeat(200);
        let j = read(&format!(
            r#"[{{"ID": "S/2024/302", "Content": "{long}"}}, {{"ID": "S/2024/303", "Content": "{long}"}}]"#
        ))
        .unwrap_or_default();
        assert_eq!(
            j.text,
            format!("S/2024/302\n\n{long}\n\nS/2024/303\n\n{long}\n\n")
        );
        assert!(j.record.fields.is_empty());
        assert!(j.record.collection);
        let j = read(&format!(
            r#"{{"drafts": [{{"ID": "S/1", "Content": "{long}"}}, {{"ID": "S/2", "Content": "{long}"}}]}}"#
        ))
        .unwrap_or_default();
        assert!(j.record.collection && j.record.fields.is_empty());
        let j = read(&format!(
            r#"{{"drafts": ["{long}", "{long}"], "labels": [1, 0]}}"#
        ))
        .unwrap_or_default();
        assert!(j.record.collection && j.record.fields.is_empty());
        let j = read(
            r#"{"ID": "A/DEC/1", "Meeting": [{"Date": "2020-12-07"}, {"Date": "2020-12-08"}]}"#,
        )
        .unwrap_or_default();
        assert!(!j.record.collection);
        assert_eq!(j.record.fields.len(), 3);
        let j =
            read(&format!(r#"[{{"ID": "S/2024/302", "Content": "{long}"}}]"#)).unwrap_or_default();
        assert!(!j.record.collection);
    }

    #[test]
    fn json_lines_are_a_collection() {
        let text = "{\"symbol\": \"A/RES/70/1\", \"text\": \"La r\\u00e9solution 70\\/1\"}\n\n\
                    {\"symbol\": \"A/RES/71/1\", \"text\": \"Recalling resolution 69/1\"}\r\n";
        let j = read_lines(text).unwrap_or_default();
        assert_eq!(
            j.text,
            "A/RES/70/1\n\nLa résolution 70/1\n\nA/RES/71/1\n\nRecalling resolution 69/1\n\n"
        );
        assert!(j.record.collection);
        assert!(j.record.fields.is_empty());
        // One line is one record, with its fields.
        let one = read_lines("{\"symbol\": \"A/RES/70/1\"}\n").unwrap_or_default();
        assert!(!one.record.collection);
        assert_eq!(
            one.record.fields,
            [("symbol".to_string(), "A/RES/70/1".to_string())]
        );
        let bad = read_lines("{\"a\": \"x\"}\n{\"a\": \n");
        assert!(bad.is_err_and(|e| e.starts_with("line 2:")));
    }

    #[test]
    fn bad_json_names_its_place() {
        let e = read("{\"a\": \n  [1, 2,, 3]}").err().unwrap_or_default();
        assert!(e.contains("line 2"), "{e}");
        let deep = format!("{}{}", "[".repeat(120), "]".repeat(120));
        assert!(read(&deep).is_err());
    }
}
