//! The place rules: a place inside a larger one, stated by a comma ("in Geneva,
//! Switzerland") or an apposition ("Jarabulus, a town in northern Syria"). Units of the
//! form "the Syrian city of Aleppo" are found earlier, by the chunker.

use std::ops::Deref;

use super::clauses::Sentence;
use super::found::{rules, Collector};
use super::lexicon::class;
use crate::model::{EntityType, RelationKind};

/// Finds the `located_in` relations between the places of `s`.
pub(super) fn find(s: &Sentence, out: &mut Collector) {
    Places(s).located(out);
}

/// The sentence, seen by the place rules.
struct Places<'s, 'a>(&'s Sentence<'a>);

impl<'a> Deref for Places<'_, 'a> {
    type Target = Sentence<'a>;
    fn deref(&self) -> &Sentence<'a> {
        self.0
    }
}

/// Words after which "X, Y" names a place inside a larger one ("in Geneva, Switzerland").
const PLACE_PREPS: [&str; 19] = [
    "in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "toward",
    "towards", "via", "through", "of", "visited", "visit", "visiting", "based",
];

impl Places<'_, '_> {
    /// A place name, capitalized ("Geneva", not "the airfield").
    fn place(&self, m: usize) -> bool {
        self.mentions.get(m).is_some_and(|m| {
            m.entity_type == EntityType::Location
                && !m.demonym
                && self.text[m.span.start..m.span.end]
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .trim_start_matches("the ")
                    .starts_with(|c: char| c.is_uppercase())
        })
    }

    /// The place at item `i` if its unit is a single place name and nothing else.
    fn plain_place(&self, i: usize) -> Option<usize> {
        let u = self.unit(i)?;
        let unit = &self.units[u];
        (unit.first == unit.last && self.place(unit.head)).then_some(unit.head)
    }

    /// "in Geneva, Switzerland", "Jarabulus, a town in northern Syria", "Aleppo, Syria's
    /// second city", "Jarabulus, a Syrian border town".
    fn located(&self, out: &mut Collector) {
        let mut found = Vec::new();
        for i in 0..self.items.len() {
            let Some(a) = self.plain_place(i) else {
                continue;
            };
            if self.punct(i + 1) != Some(",") {
                continue;
            }
            if i >= 2 && self.punct(i - 1) == Some(",") && self.unit(i - 2).is_some() {
                continue; // a list "X, Y, Z"
            }
            let b = if self.plain_place(i + 2).is_some() {
                self.comma_pair(i)
                    .map(|b| (b, rules::LOCATED_COMMA))
                    .or_else(|| {
                        self.second_city(i + 2)
                            .map(|b| (b, rules::LOCATED_APPOSITION))
                    })
            } else {
                self.apposition(i + 2)
                    .map(|b| (b, rules::LOCATED_APPOSITION))
            };
            if let Some((b, rule)) = b {
                found.push((a, b, rule));
            }
        }
        for (a, b, rule) in found {
            out.push(RelationKind::LocatedIn, a, b, None, rule);
        }
    }

    /// "in Geneva, Switzerland" with Geneva at item `i`: after a preposition, or a dateline
    /// at the start; what follows must close the phrase.
    fn comma_pair(&self, i: usize) -> Option<usize> {
        if self.word(i + 3) == Some("'s") {
            return None;
        }
        let b = self.plain_place(i + 2)?;
        let after_prep = i > 0 && self.word(i - 1).is_some_and(|w| PLACE_PREPS.contains(&w));
        if !after_prep && !self.at_start(i) {
            return None;
        }
        // "In Syria, Russia on Friday ...": a fronted phrase; only punctuation may follow.
        let strict = !after_prep || self.at_start(i - 1);
        let k = i + 3;
        let end_ok = if k >= self.items.len() {
            true
        } else if let Some(p) = self.punct(k) {
            if p == "," {
                self.unit(k + 1).is_none() && !matches!(self.word(k + 1), Some("and" | "or"))
            } else {
                p != "-"
            }
        } else if let Some(w) = self.word(k) {
            !strict && self.lex.is(w, class::PREP | class::DATES) && !matches!(w, "and" | "or")
        } else {
            false
        };
        end_ok.then_some(b)
    }

    /// "A, B's second city" with B at item `k`.
    fn second_city(&self, k: usize) -> Option<usize> {
        let b = self.plain_place(k)?;
        if self.word(k + 1) != Some("'s") {
            return None;
        }
        let mut j = k + 2;
        while j < k + 5 && self.adjective(j) && !self.is(j, class::PLACE) {
            j += 1;
        }
        (self.is(j, class::PLACE) && self.object_follow_ok(j + 1) && self.word(j + 1) != Some("of"))
            .then_some(b)
    }

    /// "A, a Syrian border town", "A, a town in (northern) B", the description starting
    /// at item `k`.
    fn apposition(&self, mut k: usize) -> Option<usize> {
        let demonym = |m: usize| self.mentions.get(m).is_some_and(|m| m.demonym);
        if matches!(self.word(k), Some("a" | "an" | "the")) {
            k += 1;
        }
        let mut dem = None;
        let lim = k + 4;
        while k < lim {
            if let Some(u) = self.unit(k) {
                let h = self.units[u].head;
                if dem.is_none() && demonym(h) && self.units[u].first == self.units[u].last {
                    dem = Some(h);
                    k += 1;
                    continue;
                }
                break;
            }
            if self.is(k, class::PLACE) || !self.adjective(k) {
                break;
            }
            k += 1;
        }
        if !self.is(k, class::PLACE) {
            return None;
        }
        if let Some(d) = dem {
            return (self.object_follow_ok(k + 1) && self.word(k + 1) != Some("of")).then_some(d);
        }
        if self.word(k + 1) != Some("in") {
            return None;
        }
        let mut j = k + 2;
        if self.is(j, class::DET) {
            j += 1;
        }
        while j < k + 5 && self.adjective(j) {
            j += 1;
        }
        let b = self.plain_place(j)?;
        self.object_follow_ok(j + 1).then_some(b)
    }
}
