//! What a name is said to be, by a copula or an apposition right after it: "Westmere is
//! a hamlet in Albany County, New York", "Acme, a company based in Leeds,", "Jane Roe is
//! an American actress", "Foo is a Canadian rock band from Winnipeg, Manitoba".
//!
//! The description is short (a determiner, up to six modifiers and a head noun), so the
//! relation never leaves the phrase that states it. A place is located in the places the
//! description puts it in ("a town in A, B": in A and in B; "the capital of A"); an
//! organization in the places it is "based/headquartered/located in", or "from" when its
//! head noun is an organization's ("a band from A"); a nationality word describes a person's
//! country ("an American actress": `affiliated_with`, role "citizen"), an organization's
//! or a place's country ("a Norwegian football club", "a Syrian town": `located_in`).
//! "German-born" and "Irish-American" are left alone: birth and descent are not nationality.

use std::ops::Deref;

use super::clauses::{Follow, Sentence};
use super::found::{rules, Collector};
use super::lexicon::class;
use super::units::is_ly_adverb;
use crate::model::{EntityType, RelationKind};

/// The role of a person whose nationality word describes them.
pub(super) const CITIZEN: &str = "citizen";

/// Finds the relations the descriptions of names in `s` state.
pub(super) fn find(s: &Sentence, out: &mut Collector) {
    Descriptions(s).find(out);
}

/// The sentence, seen by the description rules.
struct Descriptions<'s, 'a>(&'s Sentence<'a>);

impl<'a> Deref for Descriptions<'_, 'a> {
    type Target = Sentence<'a>;
    fn deref(&self) -> &Sentence<'a> {
        self.0
    }
}

/// Whether a description's head noun names a person ("actor", "politician", "diplomat"):
/// agent and nationality endings, and a few short words that have none.
fn person_noun(w: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "er", "or", "ist", "ian", "man", "woman", "ess", "ant", "dent", "eer", "ier", "at", "ete",
        "ive",
    ];
    const WORDS: [&str; 14] = [
        "bishop", "chef", "cleric", "judge", "king", "model", "monk", "nun", "pilot", "poet",
        "priest", "prince", "princess", "queen",
    ];
    ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        || WORDS.contains(&w)
}

/// A description read after a name.
#[derive(Default)]
struct Description<'w> {
    /// The nationality word inside it ("an [American] rock band").
    demonym: Option<usize>,
    /// "a [Leeds]-based company".
    based: Option<usize>,
    /// The last modifier or head noun read.
    noun: Option<&'w str>,
    /// The item after the description.
    end: usize,
}

impl Descriptions<'_, '_> {
    fn find(&self, out: &mut Collector) {
        for i in 0..self.items.len() {
            let Some(u) = self.arg(i) else { continue };
            let subj = self.head(u);
            let Some(ty) = self.mentions.get(subj).map(|m| m.entity_type) else {
                continue;
            };
            if self.mentions[subj].demonym || ty == EntityType::Other {
                continue;
            }
            if let Some(k) = self.link_after(i) {
                self.describe(subj, ty, k, out);
            }
        }
        for i in 0..self.items.len() {
            self.nationality_before(i, out);
            self.person_of(i, out);
        }
    }

    /// "Rob Baker of the Tragically Hip", "Uma Bharti of the Janata Party": a person's
    /// name followed by "of" and an organization's.
    fn person_of(&self, i: usize, out: &mut Collector) {
        let Some(p) = self.unit(i).map(|u| self.head(u)) else {
            return;
        };
        if self.mentions[p].entity_type != EntityType::Person || self.word(i + 1) != Some("of") {
            return;
        }
        let mut j = i + 2;
        if self.word(j) == Some("the") {
            j += 1;
        }
        let Some(u) = self.unit(j) else { return };
        let org = self.head(u);
        let plain = self.units[u].first == self.units[u].last;
        if plain
            && self.mentions[org].entity_type == EntityType::Organization
            && self.word(j + 1) != Some("'s")
        {
            out.push(
                RelationKind::AffiliatedWith,
                p,
                org,
                None,
                rules::AFFILIATED_OF,
            );
        }
    }

    /// "American rapper and singer Nicki Minaj", "the Chilean artists A and B": a
    /// nationality word at item `i`, person nouns, the names.
    fn nationality_before(&self, i: usize, out: &mut Collector) {
        let Some(dem) = self.unit(i).map(|u| self.head(u)) else {
            return;
        };
        let joined = self.punct(i + 1) == Some("-") || (i > 0 && self.punct(i - 1) == Some("-"));
        if !self.mentions[dem].demonym || joined {
            return;
        }
        let mut k = i + 1;
        let mut last = None;
        while k < i + 5 {
            match self.word(k) {
                Some("and") if last.is_some() => {}
                Some(w) if self.adjective(k) && !self.is(k, class::SITED) => last = Some(w),
                _ => break,
            }
            k += 1;
        }
        if !last.is_some_and(person_noun) || self.arg(k).is_none() {
            return;
        }
        for u in self.group_right(k, Follow::Phrase) {
            let p = self.head(u);
            if self.mentions[p].entity_type == EntityType::Person {
                let role = Some(CITIZEN.to_string());
                out.push(
                    RelationKind::AffiliatedWith,
                    p,
                    dem,
                    role,
                    rules::AFFILIATED_DEMONYM,
                );
            }
        }
    }

    /// The item after "is", "was", "(born 1950) is" or an apposition's comma that follows
    /// the name at item `i`, past adverbs ("is also"); None when negated or hedged.
    fn link_after(&self, i: usize) -> Option<usize> {
        let mut k = i + 1;
        if self.punct(k) == Some("(") {
            k = (k + 1..(k + 40).min(self.items.len())).find(|&j| self.punct(j) == Some(")"))? + 1;
        }
        let apposition = self.punct(k) == Some(",");
        let copula = self.word(k).is_some_and(|w| {
            matches!(
                w,
                "is" | "was" | "are" | "were" | "remains" | "remained" | "became"
            )
        });
        if !apposition && !copula {
            return None;
        }
        // A list "X, Y and Z" is no apposition.
        if apposition && i >= 2 && self.punct(i - 1) == Some(",") && self.unit(i - 2).is_some() {
            return None;
        }
        k += 1;
        while self
            .word(k)
            .is_some_and(|w| self.lex.is(w, class::ADV) || is_ly_adverb(w))
        {
            k += 1;
        }
        if self.is(k, class::NEG | class::HEDGE) || self.negated(i, i + 1) {
            return None;
        }
        Some(k)
    }

    /// Reads the description starting at item `k` and pushes what it states of `subj`.
    fn describe(&self, subj: usize, ty: EntityType, k: usize, out: &mut Collector) {
        // "X is located in A", "X, based in A,".
        if self.is(k, class::SITED) && self.word(k + 1) == Some("in") {
            self.places_in(subj, ty, k + 2, rules::LOCATED_DESCRIPTION, out);
            return;
        }
        if !matches!(self.word(k), Some("a" | "an" | "the")) {
            return;
        }
        let d = self.description(k + 1);
        let Some(noun) = d.noun else { return };
        let place_noun = self.lex.is(noun, class::PLACE);
        let org_noun = self.lex.is(noun, class::ORG_NOUN | class::GROUP);
        let in_next = self.word(d.end) == Some("in");
        // "X is an NHS trust based in London": whatever X is said to be is based there.
        let sited_next = self.is(d.end, class::SITED) && self.word(d.end + 1) == Some("in");
        let fits = match ty {
            // "X is a freeway in Edmonton": a place is in what it is said to be in.
            EntityType::Location => place_noun || in_next || sited_next,
            EntityType::Organization => org_noun || sited_next,
            _ => person_noun(noun),
        };
        if !fits {
            return;
        }
        if let Some(dem) = d.demonym {
            if ty == EntityType::Person {
                out.push(
                    RelationKind::AffiliatedWith,
                    subj,
                    dem,
                    Some(CITIZEN.to_string()),
                    rules::AFFILIATED_DEMONYM,
                );
            } else {
                out.push(
                    RelationKind::LocatedIn,
                    subj,
                    dem,
                    None,
                    rules::LOCATED_DEMONYM,
                );
            }
        }
        if ty == EntityType::Person {
            return;
        }
        if let Some(b) = d.based {
            out.push(RelationKind::LocatedIn, subj, b, None, rules::LOCATED_BASED);
        }
        let e = d.end;
        let next = self.word(e);
        let at = if self.is(e, class::SITED) && self.word(e + 1) == Some("in") {
            e + 2
        } else if next == Some("in")
            || (next == Some("of") && place_noun)
            || (next == Some("from") && ty == EntityType::Organization)
        {
            e + 1
        } else {
            return;
        };
        self.places_in(subj, ty, at, rules::LOCATED_DESCRIPTION, out);
    }

    /// Determiner-less modifiers and a head noun from item `k`: "American rock band",
    /// "census-designated place", "Leeds-based software company".
    fn description(&self, mut k: usize) -> Description<'_> {
        let mut d = Description::default();
        let lim = k + 10;
        while k < lim {
            // "an unincorporated community and census-designated place (CDP) in ..."
            if matches!(self.word(k), Some("and" | "or"))
                && d.noun.is_some()
                && self.adjective(k + 1)
            {
                k += 1;
                continue;
            }
            if self.punct(k) == Some("(") && d.noun.is_some() {
                match (k + 1..k + 5).find(|&j| self.punct(j) == Some(")")) {
                    Some(close) => {
                        k = close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            if let Some(u) = self.unit(k) {
                let unit = &self.units[u];
                let h = unit.head;
                let m = &self.mentions[h];
                let joined =
                    self.punct(k + 1) == Some("-") || self.punct(k.wrapping_sub(1)) == Some("-");
                if unit.first != unit.last {
                    break;
                }
                if m.demonym && !joined && d.demonym.is_none() {
                    d.demonym = Some(h);
                    k += 1;
                    continue;
                }
                if !m.demonym
                    && m.entity_type == EntityType::Location
                    && self.punct(k + 1) == Some("-")
                    && self.word(k + 2) == Some("based")
                {
                    d.based = Some(h);
                    k += 3;
                    continue;
                }
                break;
            }
            if self.punct(k) == Some("-") && self.word(k + 1).is_some() && k > 0 {
                k += 1;
                continue;
            }
            let Some(w) = self.word(k) else { break };
            if !self.adjective(k) || self.is(k, class::SITED) || w == "born" {
                break;
            }
            d.noun = Some(w);
            k += 1;
        }
        d.end = k;
        d
    }

    /// `subj` is in the places "A, B, C" starting at item `k` (possibly "the town of A").
    fn places_in(
        &self,
        subj: usize,
        ty: EntityType,
        mut k: usize,
        rule: &'static str,
        out: &mut Collector,
    ) {
        if ty == EntityType::Person {
            return;
        }
        if self.word(k) == Some("the") {
            k += 1;
            // "in the town of A"
            let mut j = k;
            while j < k + 3 && self.adjective(j) && !self.is(j, class::PLACE) {
                j += 1;
            }
            if self.is(j, class::PLACE) && self.word(j + 1) == Some("of") {
                k = j + 2;
            }
        }
        if self.is(k, class::DIRECTION) {
            k += 1;
        }
        let chain = self.place_chain(k);
        let Some(&last) = chain.last() else { return };
        if !self.object_follow_ok(last + 1) || self.and_place(last + 1) {
            return;
        }
        for &c in &chain {
            if let Some(u) = self.unit(c) {
                out.push(RelationKind::LocatedIn, subj, self.head(u), None, rule);
            }
        }
    }
}
