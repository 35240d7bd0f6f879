//! Files that mix languages paragraph by paragraph (a bilingual document, a French quotation in
//! an English report): each paragraph clearly written in another language is read with that
//! language's table. Offsets stay those of the whole text: the text is read once per language
//! present, and each reading keeps the mentions that start in its own paragraphs.

use super::{Context, Mention, extract_in};
use crate::lang::{Lang, other_language_blocks, script};
use crate::layout::{Part, verb_in};

/// Re-reads the paragraphs of `text` written in another language than `ctx.lang` with their
/// own language: `mentions` (found with `ctx.lang`) loses the ones in those paragraphs and gains
/// what their language finds there.
pub fn by_paragraph_language(text: &str, ctx: &Context<'_>, mentions: &mut Vec<Mention>) {
    let runs = other_language_blocks(text, ctx.layout.blocks(), ctx.lang);
    if runs.is_empty() {
        return;
    }
    // Runs are in order and apart: the one that may hold `pos` is the last to start at or
    // before it (a search, not a walk over all of them for each mention).
    let inside = |pos: usize, lang: Option<Lang>| {
        let i = runs.partition_point(|r| r.0 <= pos);
        i > 0 && {
            let (_, e, l) = runs[i - 1];
            pos < e && lang.is_none_or(|x| x == l)
        }
    };
    mentions.retain(|m| !inside(m.start, None));
    let mut langs: Vec<Lang> = runs.iter().map(|r| r.2).collect();
    langs.sort();
    langs.dedup();
    for lang in langs {
        let other = Context {
            lang,
            ..ctx.clone()
        };
        let ranges: Vec<(usize, usize)> = runs
            .iter()
            .filter(|r| r.2 == lang)
            .map(|r| (r.0, r.1))
            .collect();
        for mut m in extract_in(text, &other, &ranges) {
            if !inside(m.start, Some(lang)) {
                continue;
            }
            // The layout read the clauses with the main language; the opening verb of this
            // paragraph is read again with its own.
            if matches!(m.clause.part, Part::Preamble | Part::Operative) {
                let para = paragraph_at(text, m.start);
                let para = if m.clause.part == Part::Operative {
                    para.trim_start_matches(|c: char| {
                        script::is_digit(c)
                            || matches!(c, '.' | '．' | '-' | '–' | '*' | ' ' | '\t')
                    })
                } else {
                    para
                };
                m.clause.verb = verb_in(para, lang.table(), m.clause.part == Part::Operative);
            }
            mentions.push(m);
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
}

/// The paragraph (after the last blank line) in which `pos` stands, up to `pos`. Read
/// backwards line by line, so that the cost is the paragraph's, not the text's.
fn paragraph_at(text: &str, pos: usize) -> &str {
    let before = &text[..pos];
    let mut end = before.len();
    while end > 0 {
        let body_end = if before[..end].ends_with('\n') {
            end - 1
        } else {
            end
        };
        let start = before[..body_end].rfind('\n').map_or(0, |i| i + 1);
        if before[start..end].trim().is_empty() {
            return &text[end..pos];
        }
        end = start;
    }
    before
}
