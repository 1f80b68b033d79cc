//! Typed relations stated by one sentence, between the entities it mentions.

use crate::model::{EntityType, RelationKind, Span};

/// A mention as the relation rules see it: where it is in the sentence and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceMention {
    /// Byte offsets into the sentence text given to [`extract`].
    pub span: Span,
    /// The local entity it resolved to; two mentions of one entity share it.
    pub entity: usize,
    pub entity_type: EntityType,
    /// A nationality word ("Russian") standing for its country.
    pub demonym: bool,
}

/// One relation found in a sentence, between two of its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundRelation {
    pub kind: RelationKind,
    /// Indexes into the mentions given to [`extract`]; for directed kinds, source -> target.
    pub source: usize,
    pub target: usize,
    /// The title for `affiliated_with` ("Secretary of State").
    pub role: Option<String>,
    /// Stable id of the rule that fired.
    pub rule: &'static str,
}

/// Finds the typed relations `sentence` states between `mentions` (sorted by span).
pub fn extract(_sentence: &str, _mentions: &[SentenceMention]) -> Vec<FoundRelation> {
    Vec::new()
}
