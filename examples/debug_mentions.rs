//! Prints the mentions ergraph recognises in a text given on standard input, with
//! the rule that typed each: `cargo run --example debug_mentions < article.txt`.
use std::io::Read;

use ergraph::lexicon::Lexicon;
use ergraph::recognize::{recognize, settle};
use ergraph::text::{lines, split_sentences};

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("debug_mentions: standard input is not UTF-8 text");
        std::process::exit(2);
    }
    let lex = Lexicon::builtin();
    let line_spans = lines(&text);
    let skip = ergraph::clean::boilerplate_lines(&text, &line_spans, lex);
    let mut sentences = Vec::new();
    for (i, &l) in line_spans.iter().enumerate() {
        split_sentences(&text, l, i, &mut sentences);
    }
    let mut raw = recognize(&text, &sentences, &skip, lex);
    settle(&text, &mut raw, lex);
    for m in raw {
        println!(
            "{}\t{}\t{}\t{}",
            &text[m.span.start..m.span.end],
            m.entity_type,
            m.rule,
            m.sentence
        );
    }
}
