//! Helpers shared by the test files that read mentions.
#![allow(dead_code)]

use resgraph::extract::Mention;
use resgraph::layout::Part;

/// A mention's id and date (empty when it has none).
pub fn id_and_date(m: &Mention) -> (String, String) {
    (
        m.symbol.id(),
        m.date.map(|d| d.to_string()).unwrap_or_default(),
    )
}

/// A mention's id and clause: part, paragraph and verb.
pub type ClauseOf = (String, Part, Option<u32>, Option<String>);

/// The id and clause of every mention of a text analysed with its language detected.
pub fn clauses_of_text(text: &str) -> Vec<ClauseOf> {
    resgraph::analyse_text(text, None)
        .mentions
        .iter()
        .map(clause_of)
        .collect()
}

/// A mention's id and clause: part, paragraph and verb.
pub fn clause_of(m: &Mention) -> ClauseOf {
    (
        m.symbol.id(),
        m.clause.part,
        m.clause.paragraph,
        m.clause.verb.as_deref().map(str::to_string),
    )
}
