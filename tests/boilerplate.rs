//! Web-page furniture never becomes a node, whatever words it uses; the article's
//! names still do. Texts written for the tests.

use ergraph::{build_graph, Document};

fn labels(text: &str) -> Vec<String> {
    let g = build_graph(vec![Document {
        id: "a".into(),
        source: "a.txt".into(),
        text: text.into(),
        date: Default::default(),
    }]);
    let mut l: Vec<String> = g.nodes().map(|n| n.label.clone()).collect();
    l.sort();
    l
}

#[test]
fn menus_widgets_and_repeated_captions_are_not_entities() {
    let text = "Skip to main content\nLatest Headlines\nSubscribe\nPrint Edition\n\
                Merkel and Macron Pledge Closer Ties\n\
                PHOTO - German Chancellor Angela Merkel greets French President Emmanuel Macron in Berlin.\n\
                PHOTO - German Chancellor Angela Merkel greets French President Emmanuel Macron in Berlin.\n\
                Angela Merkel met Emmanuel Macron in Berlin on Tuesday to discuss trade.\n\
                S\nM\nL\nXL\n\
                Follow us on Twitter.com\n\
                Related Stories\n";
    let l = labels(text);
    assert_eq!(
        l,
        vec![
            "Angela Merkel",
            "Berlin",
            "Emmanuel Macron",
            "France",
            "Germany"
        ],
        "{l:?}"
    );
}

#[test]
fn a_caption_printed_twice_counts_once() {
    let g = build_graph(vec![Document {
        id: "a".into(),
        source: "a.txt".into(),
        text:
            "Olaf Scholz speaks in Hamburg.\nOlaf Scholz speaks in Hamburg.\nThe speech was short."
                .into(),
        date: Default::default(),
    }]);
    let scholz = g
        .nodes()
        .find(|n| n.label == "Olaf Scholz")
        .expect("Scholz is a node");
    assert_eq!(scholz.mentions, 1);
}

/// A staff photographer's credit opens a caption: the newspaper is a node of its
/// own and the person in the picture another, not one name run across both.
#[test]
fn a_newspaper_credit_does_not_run_into_the_caption() {
    let text = "Farmers Wait for Rain\n\n\
                The drought has lasted three summers.\n\n\
                Ann Lowry/The Christian Science Monitor Tom Varga, standing on the farm \
                his family has worked for a century, says the wells are dry.\n\n\
                Varga said he would sell the herd.";
    let l = labels(text);
    assert!(l.contains(&"Tom Varga".to_string()), "{l:?}");
    assert!(
        l.contains(&"The Christian Science Monitor".to_string()),
        "{l:?}"
    );
    assert!(!l.iter().any(|x| x.contains("Monitor Tom")), "{l:?}");
}
