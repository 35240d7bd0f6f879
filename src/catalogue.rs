//! Catalogue exports as documents: each record of a MARCXML file ([`input::marc`]) or row of a
//! CSV table of catalogue records ([`input::table`]) stands for one document. Its identity comes from the record's fields (symbol, title, date, agenda item);
//! its references from the documents the record relates it to (a draft's resolution, the
//! committee report) and from the symbols written in its notes (`amendment to draft resolution
//! A/C.3/78/L.51`). Every mention points into the file and has the clause part
//! [`Part::Record`]: the catalogue says it, not the document's own text.

use crate::Document;
use crate::document::{self, DocumentInfo};
use crate::extract::{self, Context, Mention};
use crate::input::{self, json, marc::CatalogueRecord};
use crate::lang::Lang;
use crate::layout::{Clause, Layout, Part};

/// The documents of a catalogue export: one per record ([`input::Input::catalogue`]), in file
/// order; `lang` overrides the cataloguing language.
pub fn documents(input: &input::Input, lang: Option<Lang>) -> Vec<Document> {
    input
        .catalogue
        .iter()
        .map(|r| document(&input.text, r, lang, input.source))
        .collect()
}

/// One record as a document.
fn document(
    text: &str,
    r: &CatalogueRecord,
    lang: Option<Lang>,
    source: input::Source,
) -> Document {
    let language = lang
        .or_else(|| r.cataloguing_language.as_deref().and_then(Lang::from_code3))
        .unwrap_or(Lang::En);
    let mut info = DocumentInfo::unknown(language);
    let mut fields: Vec<(String, String)> = Vec::new();
    if let Some(s) = &r.symbol {
        fields.push(("symbol".into(), s.text.trim().to_string()));
    }
    if let Some(t) = &r.title {
        fields.push(("title".into(), t.clone()));
    }
    if let Some(d) = &r.date {
        fields.push(("date".into(), d.clone()));
    }
    if let Some(a) = r.agenda.first() {
        fields.push(("agendaitem".into(), agenda_item(a)));
    }
    document::apply_record(
        &mut info,
        &json::Record {
            fields,
            collection: false,
        },
    );
    // A session of the catalogue's (191 $c), where the symbol itself gives none (drafts).
    if info.session.is_none() {
        info.session = r.session.as_deref().and_then(|s| s.trim().parse().ok());
    }
    let own: Vec<String> = info.id.iter().cloned().collect();
    let record_clause = || Clause {
        part: Part::Record,
        paragraph: None,
        verb: None,
        section: None,
    };
    let mut mentions: Vec<Mention> = Vec::new();
    for v in &r.related {
        let raw = &text[v.span.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let written = raw.trim();
        if let Some(symbol) = extract::parse_user_reference(&v.text)
            && !own.contains(&symbol.id())
        {
            mentions.push(Mention {
                symbol,
                date: None,
                start: v.span.start + lead,
                end: v.span.start + lead + written.len(),
                text: written.to_string(),
                clause: record_clause(),
            });
        }
    }
    let citing_body = info.citing_body();
    for v in &r.notes {
        // The raw text keeps the offsets of the file; an entity (`&amp;`) stands in no symbol.
        let raw = &text[v.span.clone()];
        let layout = Layout::analyse(raw, language.table(), &[]);
        let ctx = Context {
            lang: language,
            citing_body: citing_body.clone(),
            own_ids: &own,
            layout: &layout,
        };
        for mut m in extract::extract(raw, &ctx) {
            m.start += v.span.start;
            m.end += v.span.start;
            m.clause = record_clause();
            mentions.push(m);
        }
    }
    extract::sort_in_text_order(&mut mentions);
    Document {
        file: String::new(),
        info,
        mentions,
        source,
    }
}

/// An agenda item as the catalogue writes it (`71b`), as documents write it (`71 (b)`); other
/// forms as written.
fn agenda_item(s: &str) -> String {
    let s = s.trim();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    if digits > 0
        && !rest.is_empty()
        && rest.len() <= 2
        && rest.bytes().all(|b| b.is_ascii_lowercase())
    {
        format!("{} ({rest})", &s[..digits])
    } else {
        s.to_string()
    }
}

/// The documents of a catalogue export read as one: no identity of its own, every record's
/// references in file order (what [`crate::analyse_file`] gives for such a file).
pub fn merged(docs: Vec<Document>, language: Lang, source: input::Source) -> Document {
    let mut mentions: Vec<Mention> = docs.into_iter().flat_map(|d| d.mentions).collect();
    extract::sort_in_text_order(&mut mentions);
    Document {
        file: String::new(),
        info: DocumentInfo::unknown(language),
        mentions,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_as_documents_write_them() {
        assert_eq!(agenda_item("71b"), "71 (b)");
        assert_eq!(agenda_item("16"), "16");
        assert_eq!(agenda_item("71b[20]"), "71b[20]");
    }

    #[test]
    fn languages_of_marc_codes() {
        assert_eq!(Lang::from_code3("eng"), Some(Lang::En));
        assert_eq!(Lang::from_code3("FRE"), Some(Lang::Fr));
        assert_eq!(Lang::from_code3("zho"), Some(Lang::Zh));
        assert_eq!(Lang::from_code3("mul"), None);
    }
}
