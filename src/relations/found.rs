//! What the rules produce and how it is kept: the mention view, the relation found, the
//! stable rule ids, and the collector that keeps only well-typed, new relations.

use std::sync::{Mutex, OnceLock};

use crate::model::{EntityType, RelationKind, Span};

/// A mention as the relation rules see it: where it is in the sentence and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceMention {
    /// Byte offsets into the sentence text given to `relations::extract`.
    pub span: Span,
    /// The local entity it resolved to; two mentions of one entity share it.
    pub entity: usize,
    pub entity_type: EntityType,
    /// A nationality word ("Russian") standing for its country.
    pub demonym: bool,
    /// A pronoun or description standing for a named entity of an earlier sentence
    /// ("she", "the company"); see `relations::DocContext`.
    pub reference: bool,
}

/// One relation found in a sentence, between two of its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundRelation {
    pub kind: RelationKind,
    /// Indexes into the mentions given to `relations::extract`; for directed kinds, source -> target.
    pub source: usize,
    pub target: usize,
    /// The title for `affiliated_with` ("Secretary of State").
    pub role: Option<String>,
    /// Stable id of the rule that fired.
    pub rule: &'static str,
}

/// Rule ids set by the code; the cue rules take theirs from `data/relation_cues.tsv`
/// (see the table in the module documentation).
pub mod rules {
    /// "X and his Turkish counterpart Y discussed ...", "X met his counterpart Y".
    pub const MEETS_COUNTERPART: &str = "meets.counterpart";
    /// "U.S. Secretary of State John Kerry", "State Department spokesman John Kirby".
    pub const AFFILIATED_TITLE: &str = "affiliated.title";
    /// "Ukraine's Zelensky", "the Kremlin's Dmitry Peskov": no title, no role.
    pub const AFFILIATED_POSSESSIVE: &str = "affiliated.possessive";
    /// "Russian Foreign Minister Sergei Lavrov": the nationality word stands for the country.
    pub const AFFILIATED_DEMONYM_TITLE: &str = "affiliated.demonym-title";
    /// "John Smith, a spokesman for Acme," / "Jane Doe, the UN chief,".
    pub const AFFILIATED_APPOSITION: &str = "affiliated.apposition";
    /// "his Turkish counterpart Tayyip Erdogan" -> Turkey.
    pub const AFFILIATED_COUNTERPART: &str = "affiliated.counterpart";
    /// "support for Iraq in its fight against ISIL": the supported side fights.
    pub const OPPOSES_IN_FIGHT: &str = "opposes.in-fight";
    /// "The UK stands by Iraq to defeat Daesh": who supports a side in its fight opposes
    /// the enemy too.
    pub const OPPOSES_SUPPORTER: &str = "opposes.supporter";
    /// "U.S. airstrikes against al-Qaeda", "ISIL attacks on the Kurds".
    pub const OPPOSES_MODIFIER: &str = "opposes.modifier";
    /// "the Global Coalition against Daesh", "the U.S.-led coalition against ISIL".
    pub const OPPOSES_COALITION: &str = "opposes.coalition";
    /// "UK support for Iraq", "Iranian backing for the Houthis".
    pub const SUPPORTS_MODIFIER: &str = "supports.modifier";
    /// "in Geneva, Switzerland".
    pub const LOCATED_COMMA: &str = "located.comma";
    /// "to isolate Raqqa, Syria, before": "A, B" after no preposition; the pipeline keeps
    /// it only when the gazetteers know B as a country and A as no country.
    pub const LOCATED_COMMA_BARE: &str = "located.comma-bare";
    /// "the Syrian city of Aleppo", "the Damascus suburb of Daraya".
    pub const LOCATED_OF_NOUN: &str = "located.of-noun";
    /// "Jarabulus, a town in northern Syria", "Aleppo, Syria's second city".
    pub const LOCATED_APPOSITION: &str = "located.apposition";
    /// "Chile's Punta Arenas", "Turkey's Defense Industry Committee".
    pub const LOCATED_POSSESSIVE: &str = "located.possessive";
    /// "Westmere is a hamlet in Albany County, New York", "Acme, a firm based in Leeds".
    pub const LOCATED_DESCRIPTION: &str = "located.description";
    /// "Acme is a Norwegian football club": an organization or place in a country.
    pub const LOCATED_DEMONYM: &str = "located.demonym";
    /// "born in Buttenhausen in Münsingen", "the Kremlin in Moscow".
    pub const LOCATED_IN: &str = "located.in";
    /// "Near Mosul, five strikes engaged four ISIL units": a fronted place holds the
    /// organizations of its clause.
    pub const LOCATED_FRONTED: &str = "located.fronted";
    /// "the Kunene Province of southern Angola".
    pub const LOCATED_OF: &str = "located.of";
    /// "Lyon, in eastern France".
    pub const LOCATED_IN_DIRECTION: &str = "located.in-direction";
    /// "a Leeds-based company", "the Leeds-based Acme".
    pub const LOCATED_BASED: &str = "located.based";
    /// "Rob Baker of the Tragically Hip".
    pub const AFFILIATED_OF: &str = "affiliated.of";
    pub const AFFILIATED_PARTY: &str = "affiliated.party";
    /// "Jane Roe was President of Panama", "Jane Roe, the mayor of Springfield,".
    pub const AFFILIATED_TITLE_OF: &str = "affiliated.title-of";
    /// "Jane Roe is a footballer who plays for Acme", "Jane Roe is a politician for Acme".
    pub const AFFILIATED_WHO: &str = "affiliated.who";
    /// "X is the business school of Acme University", "X is a channel owned by Acme".
    pub const LINKED_DESCRIPTION: &str = "linked.description";
    /// "a lake in Gogebic County in the U.S. state of Michigan": the lake is in Michigan.
    pub const LOCATED_TRANSITIVE: &str = "located.transitive";
    /// "Jane Roe is an American actress": nationality, role "citizen".
    pub const AFFILIATED_DEMONYM: &str = "affiliated.demonym";
}

/// Keeps the relations that are well typed, between two entities, and new.
pub(super) struct Collector<'a> {
    pub(super) mentions: &'a [SentenceMention],
    pub(super) found: Vec<FoundRelation>,
}

impl Collector<'_> {
    pub(super) fn push(
        &mut self,
        kind: RelationKind,
        source: usize,
        target: usize,
        role: Option<String>,
        rule: &'static str,
    ) {
        let (Some(s), Some(t)) = (self.mentions.get(source), self.mentions.get(target)) else {
            return;
        };
        if s.entity == t.entity || !well_typed(kind, s, t) {
            return;
        }
        let (source, target) = if kind.is_directed() || source < target {
            (source, target)
        } else {
            (target, source)
        };
        let key = |r: &FoundRelation| {
            let (a, b) = (
                self.mentions[r.source].entity,
                self.mentions[r.target].entity,
            );
            (r.kind, a, b)
        };
        let rule = if s.reference || t.reference {
            through_reference(rule)
        } else {
            rule
        };
        let new = FoundRelation {
            kind,
            source,
            target,
            role,
            rule,
        };
        let (k, a, b) = key(&new);
        let same = |r: &FoundRelation| {
            let (k2, a2, b2) = key(r);
            k2 == k && ((a2, b2) == (a, b) || (!k.is_directed() && (b2, a2) == (a, b)))
        };
        if !self.found.iter().any(same) {
            self.found.push(new);
        }
    }

    /// "The UK stands by Iraq to defeat Daesh", "UK support for Iraq in its fight against
    /// ISIL": the supporter of a side that [`rules::OPPOSES_IN_FIGHT`] found fighting
    /// opposes the enemy too.
    pub(super) fn close_supported(&mut self) {
        let fights: Vec<(usize, usize)> = self
            .found
            .iter()
            .filter(|r| r.rule == rules::OPPOSES_IN_FIGHT)
            .map(|r| (r.source, r.target))
            .collect();
        if fights.is_empty() {
            return;
        }
        let backers: Vec<(usize, usize)> = self
            .found
            .iter()
            .filter(|r| r.kind == RelationKind::Supports)
            .map(|r| (r.source, r.target))
            .collect();
        for &(side, enemy) in &fights {
            let e = self.mentions[side].entity;
            for &(x, _) in backers
                .iter()
                .filter(|(_, y)| self.mentions[*y].entity == e)
            {
                self.push(
                    RelationKind::Opposes,
                    x,
                    enemy,
                    None,
                    rules::OPPOSES_SUPPORTER,
                );
            }
        }
    }

    /// "Clark Lake is a lake in Gogebic County in the U.S. state of Michigan": a place in
    /// one that is in another is in that one too. Two rounds over the sentence's own
    /// `located_in` relations, skipped for sentences with very many.
    pub(super) fn close_located(&mut self) {
        const MAX: usize = 24;
        for _ in 0..2 {
            let pairs: Vec<(usize, usize)> = self
                .found
                .iter()
                // A bare "A, B" waits for the gazetteers' word; it chains nothing.
                .filter(|r| {
                    r.kind == RelationKind::LocatedIn && r.rule != rules::LOCATED_COMMA_BARE
                })
                .map(|r| (r.source, r.target))
                .collect();
            if pairs.len() > MAX {
                return;
            }
            let before = self.found.len();
            for &(a, b) in &pairs {
                let e = self.mentions[b].entity;
                for &(_, d) in pairs.iter().filter(|(c, _)| self.mentions[*c].entity == e) {
                    self.push(
                        RelationKind::LocatedIn,
                        a,
                        d,
                        None,
                        rules::LOCATED_TRANSITIVE,
                    );
                }
            }
            if self.found.len() == before {
                return;
            }
        }
    }
}

/// The id of `rule` fired through a reference: `rule` with `.ref` appended, made once per
/// rule (the rules are a fixed set, so the table stays small).
fn through_reference(rule: &'static str) -> &'static str {
    static TABLE: OnceLock<Mutex<Vec<(&'static str, &'static str)>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| Mutex::new(Vec::new()));
    let mut t = match table.lock() {
        Ok(t) => t,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(&(_, r)) = t.iter().find(|(k, _)| *k == rule) {
        return r;
    }
    let r: &'static str = Box::leak(format!("{rule}.ref").into_boxed_str());
    t.push((rule, r));
    r
}

fn well_typed(kind: RelationKind, s: &SentenceMention, t: &SentenceMention) -> bool {
    use EntityType::*;
    let actor = |m: &SentenceMention| matches!(m.entity_type, Person | Organization | Location);
    match kind {
        RelationKind::Meets | RelationKind::Supports | RelationKind::Opposes => {
            actor(s) && actor(t)
        }
        RelationKind::AffiliatedWith => {
            s.entity_type == Person && matches!(t.entity_type, Organization | Location)
        }
        RelationKind::LinkedTo => s.entity_type == Organization && t.entity_type == Organization,
        RelationKind::LocatedIn => {
            matches!(s.entity_type, Location | Organization)
                && t.entity_type == Location
                && !s.demonym
        }
        RelationKind::CoMention => false,
    }
}
