//! Scratch: prints every mention of a text file in a language (`lang_peek xx FILE BODY`).
use resgraph::extract::{Context, extract};
use resgraph::lang::Lang;
use resgraph::layout::Layout;
use resgraph::symbol::Body;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let lang = Lang::from_code(&a[1]).unwrap();
    let text = std::fs::read_to_string(&a[2]).unwrap();
    let body = a.get(3).map(|b| Body::parse(b));
    let layout = Layout::analyse(&text, lang.table(), &[]);
    let ctx = Context { lang, citing_body: body, own_ids: &[], layout: &layout };
    for m in extract(&text, &ctx) {
        println!("{}\t{:?}\t{:?}\t{:?}\t{:?}\t{}", m.symbol.id(), m.date, m.clause.part, m.clause.paragraph, m.clause.verb, m.text);
    }
}
