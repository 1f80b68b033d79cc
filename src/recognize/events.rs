//! Storms are named events, no actors: "Hurricane Sandy", "Tropical Storm
//! Harvey". Their names are dropped, and so is the same name standing alone later
//! in the document ("Sandy flooded the subway"), which names the storm again, not
//! a person. (The parties of a court case, "Kitzmiller v. Dover Area School
//! District", are real people and bodies and stay.)

use rustc_hash::FxHashSet as HashSet;

use super::RawMention;

/// Words that open a storm's name. "Storm" opens one only after another
/// word ("Tropical Storm Harvey", "Winter Storm Jonas"): "Storm Lake" is a town.
const STORM_WORDS: &[&str] = &["cyclone", "hurricane", "superstorm", "typhoon"];

fn is_storm_word(w: &str) -> bool {
    STORM_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
}

/// The word ending `before` when only spaces follow it ("Hurricane " -> "Hurricane").
fn word_before(before: &str) -> &str {
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return "";
    }
    let start = trimmed.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    &trimmed[start..]
}

/// The storm's name when the mention is or follows a storm word: "Sandy" of
/// "Hurricane Sandy" (one mention) or of "hurricane Sandy" (the word outside it).
fn storm_name<'t>(text: &'t str, m: &RawMention) -> Option<&'t str> {
    let surface = &text[m.span.start..m.span.end];
    let before = word_before(&text[..m.span.start]);
    if is_storm_word(before) || before == "Storm" {
        return Some(surface);
    }
    let mut words = surface.split(' ');
    let first = words.next()?;
    let rest = surface[first.len()..].trim_start();
    if rest.is_empty() || !starts_upper(rest) {
        return None;
    }
    if is_storm_word(first) {
        return Some(rest.strip_prefix("Storm ").unwrap_or(rest));
    }
    // "Tropical Storm Harvey", "Winter Storm Jonas".
    rest.strip_prefix("Storm ")
        .filter(|name| starts_upper(name))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Drops storms, and later mentions written as their names were.
pub fn drop_named_events(text: &str, mentions: &mut Vec<RawMention>) {
    let mut names: HashSet<&str> = HashSet::default();
    let mut drop = vec![false; mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(name) = storm_name(text, m) {
            names.insert(name);
            drop[i] = true;
        }
    }
    if names.is_empty() {
        return;
    }
    let mut i = 0;
    mentions.retain(|m| {
        let keep = !drop[i] && !names.contains(&text[m.span.start..m.span.end]);
        i += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Span};

    fn mention(text: &str, name: &str, nth: usize) -> RawMention {
        let start = text.match_indices(name).nth(nth).expect("name in text").0;
        RawMention {
            span: Span {
                start,
                end: start + name.len(),
            },
            key: name.to_lowercase(),
            sentence: 0,
            entity_type: EntityType::Person,
            demonym: false,
            gaz: None,
            words: Vec::new(),
            rule: "test",
        }
    }

    fn kept(text: &str, names: &[(&str, usize)]) -> Vec<String> {
        let mut ms: Vec<RawMention> = names.iter().map(|&(n, k)| mention(text, n, k)).collect();
        drop_named_events(text, &mut ms);
        ms.iter()
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    }

    #[test]
    fn storms_and_their_names_alone_are_dropped() {
        let t = "Hurricane Maribel reached Ohio. Maribel killed four, Gov. Ann Lee said.";
        let got = kept(
            t,
            &[
                ("Hurricane Maribel", 0),
                ("Ohio", 0),
                ("Maribel", 1),
                ("Ann Lee", 0),
            ],
        );
        assert_eq!(got, ["Ohio", "Ann Lee"]);
        let t = "After the typhoon Dolores, Tropical Storm Ezra hit. Ezra Pound wrote.";
        let got = kept(
            t,
            &[
                ("Dolores", 0),
                ("Tropical Storm Ezra", 0),
                ("Ezra Pound", 0),
            ],
        );
        assert_eq!(got, ["Ezra Pound"]);
    }

    #[test]
    fn storm_words_elsewhere_keep_names() {
        let t =
            "The storm hit Texas. A hurricane, Ida Perez said, is coming. Storm Lake mayor Bo Ek.";
        let got = kept(
            t,
            &[
                ("Texas", 0),
                ("Ida Perez", 0),
                ("Storm Lake", 0),
                ("Bo Ek", 0),
            ],
        );
        assert_eq!(got, ["Texas", "Ida Perez", "Storm Lake", "Bo Ek"]);
    }
}
