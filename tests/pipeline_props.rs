//! Any text, however hostile, goes through the whole pipeline without a panic, and every
//! mention's character offsets give back its text.

use ergraph::analyze::analyze;
use ergraph::lexicon::Lexicon;
use ergraph::{build_graph, Document};
use proptest::prelude::*;

/// Pieces that exercise the tokenizer and recogniser: names, titles, particles, dotted
/// abbreviations, hyphens, apostrophes, quotes, non-ASCII letters, combining marks,
/// control characters, right-to-left marks, emoji, line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("John Kerry".to_string()),
        Just("Secretary of State".to_string()),
        Just("U.S.".to_string()),
        Just("al-Assad".to_string()),
        Just("de Mistura".to_string()),
        Just("US-backed".to_string()),
        Just("Erdoğan's".to_string()),
        Just("Zoe\u{301}".to_string()),
        Just("GENEVA".to_string()),
        Just("Mr.".to_string()),
        Just("\u{201c}".to_string()),
        Just("'s".to_string()),
        Just(" - ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(". ".to_string()),
        Just("\u{202e}".to_string()),
        Just("😀".to_string()),
        Just("\u{0}".to_string()),
        Just("Moscow".to_string()),
        Just("the State Department".to_string()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "\\PC{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_builds_and_offsets_are_true(parts in prop::collection::vec(piece(), 0..40), seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just(", ")], 40)) {
        let mut text = String::new();
        for (p, s) in parts.iter().zip(&seps) {
            text.push_str(p);
            text.push_str(s);
        }
        let doc = Document { id: "p".into(), source: "p.txt".into(), text: text.clone(), date: None };
        let analysis = analyze(&doc, Lexicon::builtin());
        let chars: Vec<char> = text.chars().collect();
        for m in &analysis.mentions {
            prop_assert!(m.start < m.end && m.end <= chars.len());
            let got: String = chars[m.start..m.end].iter().collect();
            prop_assert_eq!(&got, &m.text);
            prop_assert!(m.entity < analysis.entities.len());
        }
        for s in &analysis.sentences {
            let got: String = chars[s.start..s.end].iter().collect();
            prop_assert_eq!(&got, &s.text);
        }
        for l in &analysis.links {
            prop_assert!(analysis.sentences.iter().any(|s| s.index == l.sentence));
        }
        let graph = build_graph(vec![doc]);
        for n in graph.nodes() {
            prop_assert!(!n.id.is_empty() && n.id.is_ascii());
        }
        for (_, _, e) in graph.edges() {
            prop_assert!(e.weight >= 1 && e.documents == 1);
        }
    }
}
