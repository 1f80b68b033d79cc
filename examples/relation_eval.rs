//! Measures `relations::extract` against a re3d-style JSONL file with gold entities and
//! relations, using the gold entity spans as mentions (so only the relation rules are
//! measured).
//!
//!     cargo run --example relation_eval -- path/to/re3d-dev.jsonl [--verbose]
//!
//! Each line: `{"text", "entities": [{"start", "end", "type", "text"}], "relations":
//! [{"head", "tail", "type"}]}`, offsets in code points. Gold types are mapped to edge kinds:
//! CommWith -> meets; AlliesOf, Likes -> supports; FightingAgainst, Dislikes -> opposes;
//! BelongsTo, InChargeOf -> affiliated_with (person -> org/place) or linked_to (org-org);
//! CoLocated, IsLocatedIn -> located_in (place-place). A gold relation counts when both
//! ends are in one sentence (split at newlines and sentence-final punctuation).

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use ergraph::relations::{extract, SentenceMention};
use ergraph::{EntityType, RelationKind, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    text: String,
    entities: Vec<Entity>,
    #[serde(default)]
    relations: Vec<Relation>,
}

#[derive(Deserialize)]
struct Entity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    ty: String,
    text: String,
}

#[derive(Deserialize)]
struct Relation {
    head: usize,
    tail: usize,
    #[serde(rename = "type")]
    ty: String,
}

fn entity_type(ty: &str) -> Option<EntityType> {
    match ty {
        "PER" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Organization),
        "LOC" => Some(EntityType::Location),
        "MISC" => Some(EntityType::Other),
        _ => None,
    }
}

/// A single capitalized word ending like a nationality ("Iraqi", "Syrian", "Turkish").
fn looks_demonym(text: &str) -> bool {
    let single = !text.contains(' ') && text.starts_with(|c: char| c.is_uppercase());
    single
        && ["an", "ians", "ans", "ese", "ish", "i", "ch"]
            .iter()
            .any(|s| text.ends_with(s))
}

fn gold_kind(ty: &str, h: EntityType, t: EntityType) -> Option<RelationKind> {
    use EntityType::*;
    let actor = |e| matches!(e, Person | Organization | Location);
    match ty {
        "CommWith" if actor(h) && actor(t) => Some(RelationKind::Meets),
        "AlliesOf" | "Likes" if actor(h) && actor(t) => Some(RelationKind::Supports),
        "FightingAgainst" | "Dislikes" if actor(h) && actor(t) => Some(RelationKind::Opposes),
        "BelongsTo" | "InChargeOf" => match (h, t) {
            (Person, Organization | Location) => Some(RelationKind::AffiliatedWith),
            (Organization, Organization) => Some(RelationKind::LinkedTo),
            _ => None,
        },
        "CoLocated" | "IsLocatedIn" if h == Location && t == Location => {
            Some(RelationKind::LocatedIn)
        }
        _ => None,
    }
}

/// Sentence byte ranges: split at newlines and at . ! ? followed by space and a capital.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(off, c)) in chars.iter().enumerate() {
        let end = off + c.len_utf8();
        let split = if c == '\n' {
            true
        } else if matches!(c, '.' | '!' | '?') {
            let next = chars.get(i + 1).map(|x| x.1);
            let after = chars.get(i + 2).map(|x| x.1);
            let word: String = text[start..off]
                .chars()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .collect();
            let abbrev = word.contains('.')
                || matches!(
                    word.chars().rev().collect::<String>().as_str(),
                    "Mr" | "Mrs"
                        | "Dr"
                        | "Gen"
                        | "Lt"
                        | "Col"
                        | "Maj"
                        | "St"
                        | "No"
                        | "Capt"
                        | "Sgt"
                        | "Adm"
                );
            next.is_some_and(char::is_whitespace)
                && after.is_some_and(|a| a.is_uppercase() || a == '"' || a == '“')
                && !abbrev
        } else {
            false
        };
        if split {
            if text[start..end].trim().len() > 1 {
                out.push((start, end));
            }
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push((start, text.len()));
    }
    out
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    parent[x] = r;
    r
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: relation_eval FILE.jsonl [--verbose]");
        return ExitCode::FAILURE;
    };
    let verbose = args.iter().any(|a| a == "--verbose");
    let data = match std::fs::read_to_string(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("relation_eval: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // kind -> (predicted, correct, gold, found gold)
    let mut stats: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut reversed = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("relation_eval: {path}: line {}: {e}", n + 1);
                return ExitCode::FAILURE;
            }
        };
        let byte_at: Vec<usize> = doc
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(doc.text.len()))
            .collect();
        // Entities: same text (or IsSynonymOf) is one entity.
        let ne = doc.entities.len();
        let mut parent: Vec<usize> = (0..ne).collect();
        let norm = |t: &str| {
            t.trim()
                .trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_lowercase()
        };
        for i in 0..ne {
            for j in 0..i {
                if norm(&doc.entities[i].text) == norm(&doc.entities[j].text) {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
        for r in doc.relations.iter().filter(|r| r.ty == "IsSynonymOf") {
            if r.head < ne && r.tail < ne {
                let (a, b) = (find(&mut parent, r.head), find(&mut parent, r.tail));
                parent[a] = b;
            }
        }
        let cluster: Vec<usize> = (0..ne).map(|i| find(&mut parent, i)).collect();
        for (s0, s1) in sentences(&doc.text) {
            let sentence = &doc.text[s0..s1];
            let mut idx: Vec<usize> = (0..ne)
                .filter(|&i| {
                    let e = &doc.entities[i];
                    entity_type(&e.ty).is_some()
                        && e.end < byte_at.len()
                        && byte_at[e.start] >= s0
                        && byte_at[e.end] <= s1
                })
                .collect();
            idx.sort_by_key(|&i| {
                (
                    doc.entities[i].start,
                    std::cmp::Reverse(doc.entities[i].end),
                )
            });
            let mut mentions = Vec::new();
            let mut owners = Vec::new();
            let mut last_end = 0;
            for &i in &idx {
                let e = &doc.entities[i];
                let (a, b) = (byte_at[e.start] - s0, byte_at[e.end] - s0);
                if a < last_end {
                    continue;
                }
                last_end = b;
                let ty = entity_type(&e.ty).unwrap_or(EntityType::Other);
                mentions.push(SentenceMention {
                    span: Span::new(a, b),
                    entity: cluster[i],
                    entity_type: ty,
                    demonym: ty != EntityType::Person && looks_demonym(&e.text),
                    reference: false,
                });
                owners.push(i);
            }
            let inside: BTreeSet<usize> = owners.iter().copied().collect();
            // Gold edges in this sentence, by entity cluster.
            let mut gold: BTreeSet<(RelationKind, usize, usize)> = BTreeSet::new();
            for r in &doc.relations {
                if !inside.contains(&r.head) || !inside.contains(&r.tail) {
                    continue;
                }
                let (h, t) = (&doc.entities[r.head], &doc.entities[r.tail]);
                let (Some(ht), Some(tt)) = (entity_type(&h.ty), entity_type(&t.ty)) else {
                    continue;
                };
                let Some(kind) = gold_kind(&r.ty, ht, tt) else {
                    continue;
                };
                let (a, b) = (cluster[r.head], cluster[r.tail]);
                if a == b {
                    continue;
                }
                let (a, b) = if kind.is_directed() {
                    (a, b)
                } else {
                    (a.min(b), a.max(b))
                };
                gold.insert((kind, a, b));
            }
            let found = extract(sentence, &mentions);
            let mut predicted: BTreeSet<(RelationKind, usize, usize)> = BTreeSet::new();
            for r in &found {
                let (a, b) = (mentions[r.source].entity, mentions[r.target].entity);
                let key = if r.kind.is_directed() {
                    (r.kind, a, b)
                } else {
                    (r.kind, a.min(b), a.max(b))
                };
                if !predicted.insert(key) {
                    continue;
                }
                let ok = gold.contains(&key);
                if !ok && r.kind.is_directed() && gold.contains(&(r.kind, b, a)) {
                    reversed += 1;
                }
                let st = stats.entry(r.kind.as_str()).or_default();
                st[0] += 1;
                st[1] += ok as usize;
                if verbose {
                    let text = |m: usize| &sentence[mentions[m].span.start..mentions[m].span.end];
                    println!(
                        "{} {} {} -> {} [{}]{}\n    {}",
                        if ok { "OK " } else { "-- " },
                        r.kind,
                        text(r.source),
                        text(r.target),
                        r.rule,
                        r.role
                            .as_ref()
                            .map(|r| format!(" ({r})"))
                            .unwrap_or_default(),
                        sentence.trim().replace('\n', " ")
                    );
                }
            }
            for g in &gold {
                let st = stats.entry(g.0.as_str()).or_default();
                st[2] += 1;
                st[3] += predicted.contains(g) as usize;
                if verbose && !predicted.contains(g) {
                    let name = |c: usize| {
                        owners
                            .iter()
                            .find(|&&i| cluster[i] == c)
                            .map_or("?", |&i| doc.entities[i].text.as_str())
                    };
                    println!(
                        "MISS {} {} -> {}\n    {}",
                        g.0,
                        name(g.1),
                        name(g.2),
                        sentence.trim().replace('\n', " ")
                    );
                }
            }
        }
    }
    println!(
        "{:<16} {:>9} {:>8} {:>9} {:>5} {:>9} {:>7}",
        "kind", "predicted", "correct", "precision", "gold", "found", "recall"
    );
    for (kind, [p, c, g, f]) in &stats {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.2}", a as f64 / b as f64)
            }
        };
        println!(
            "{kind:<16} {p:>9} {c:>8} {:>9} {g:>5} {f:>9} {:>7}",
            ratio(*c, *p),
            ratio(*f, *g)
        );
    }
    println!("directed edges found with the gold direction reversed: {reversed}");
    ExitCode::SUCCESS
}
