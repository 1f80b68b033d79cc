//! The cue rules: a cue word from `data/relation_cues.tsv` with its subject before it and
//! its object after it (verbs, joint verbs, nouns, relational nouns, "between"), and the
//! named coalitions against someone. They read the sentence through [`Sentence`] and push
//! what they find into the [`Collector`]; nothing here is called from below.

use std::ops::Deref;

use super::clauses::{Clause, Follow, Group, Left, Sentence};
use super::found::{rules, Collector};
use super::lexicon::{class, Cue, Frame};
use super::units::{is_ly_adverb, is_number};
use crate::model::{EntityType, RelationKind};

/// Finds the relations the cue words of `s` state.
pub(super) fn find(s: &Sentence, out: &mut Collector) {
    Cues(s).cues(out);
}

/// The sentence, seen by the cue rules.
struct Cues<'s, 'a>(&'s Sentence<'a>);

impl<'a> Deref for Cues<'_, 'a> {
    type Target = Sentence<'a>;
    fn deref(&self) -> &Sentence<'a> {
        self.0
    }
}

/// Words before a group of names that make them examples of what another verb's object
/// is, not the subject of a joint verb after them ("the heads of firms like Acme and
/// Brix to discuss"). Participants named after "with" or "of" ("met with A, B and C",
/// "the ministers of A and B met") did meet, all together.
const JOINT_OBJECT_PREPS: [&str; 2] = ["like", "including"];

/// Opposes nouns for a side's own fight: "support for X in its fight against Y".
const FIGHT_NOUNS: [&str; 8] = [
    "fight", "war", "campaign", "battle", "struggle", "battles", "efforts", "effort",
];

/// Nouns and verbs of support before "X in its fight against Y".
const SUPPORT_NOUNS: [&str; 7] = [
    "support",
    "backing",
    "help",
    "assistance",
    "aid",
    "solidarity",
    "commitment",
];
const SUPPORT_VERBS: [&str; 20] = [
    "support",
    "supports",
    "supported",
    "supporting",
    "back",
    "backs",
    "backed",
    "backing",
    "help",
    "helps",
    "helped",
    "helping",
    "assist",
    "assists",
    "assisted",
    "assisting",
    "aid",
    "aids",
    "aided",
    "aiding",
];

/// Opposes nouns a bare source may modify when it is a place ("U.S. airstrikes on Y"); a
/// place before "attacks" or "offensive" is often where they happen ("the Paris attacks").
const STRIKE_NOUNS: [&str; 10] = [
    "strikes",
    "strike",
    "airstrikes",
    "airstrike",
    "air",
    "raids",
    "bombing",
    "bombardment",
    "shelling",
    "sanctions",
];

/// Opposes nouns a bare organization or nationality may modify ("ISIL attacks on Y").
const ACT_NOUNS: [&str; 5] = ["attacks", "attack", "offensive", "assault", "invasion"];

/// Nouns that end a coalition's name ("the Global Coalition against Daesh").
const COALITION_NOUNS: [&str; 4] = ["coalition", "alliance", "coalitions", "alliances"];

const BE: [&str; 7] = ["is", "are", "was", "were", "be", "been", "being"];

impl Cues<'_, '_> {
    /// Whether the unit may be the object of `cue` (its optional type limit).
    fn object_ok(&self, cue: &Cue, u: usize) -> bool {
        cue.objects.is_empty()
            || self
                .mentions
                .get(self.head(u))
                .is_some_and(|m| cue.objects.contains(&m.entity_type))
    }

    fn rule_for(&self, cue: &Cue, a: usize, b: usize) -> &'static str {
        if cue.kind == RelationKind::Meets
            && (self.units[a].counterpart || self.units[b].counterpart)
        {
            rules::MEETS_COUNTERPART
        } else {
            cue.rule
        }
    }

    fn cues(&self, out: &mut Collector) {
        self.coalition_against(out);
        let mut clauses: Vec<Clause> = Vec::new();
        // Every word that starts a cue is of the class of cue words (an item that is no
        // word has no class): the class is read before the word.
        for i in self.items_of(class::CUE) {
            let Some(w) = self.word(i) else { continue };
            for cue in self.lex.cues_starting(w) {
                if cue.frame == Frame::Compound {
                    continue;
                }
                let mut j = i + 1;
                let matched = (1..cue.slots.len()).all(|s| {
                    let ok = self.word(j).is_some_and(|w| cue.slot_has(s, w));
                    j += 1;
                    ok
                });
                if !matched {
                    continue;
                }
                match cue.frame {
                    Frame::Verb if self.helped_to(cue, i, out) => {}
                    Frame::Verb => self.verb(cue, i, j, &mut clauses, out),
                    Frame::Joint => self.joint(cue, i, j, &mut clauses, out),
                    Frame::Noun => self.noun(cue, i, j, &mut clauses, out),
                    Frame::RelNoun => self.relnoun(cue, i, j, out),
                    Frame::Between => self.between(cue, i, j, out),
                    Frame::Compound => {}
                }
            }
        }
    }

    fn verb_pre(&self) -> impl Fn(&str) -> bool + '_ {
        move |w: &str| {
            self.lex
                .is(w, class::AUX | class::ADV | class::PLAN | class::DATES)
                || w == "to"
                || is_number(w)
                || is_ly_adverb(w)
        }
    }

    /// The subject of a verb cue (before it, or shared with an earlier clause), and the
    /// clause it opens, which a later "and ..." may share.
    fn open_clause(&self, cs: usize, ce: usize, clauses: &mut Vec<Clause>) -> Option<Left> {
        let pre_ok = self.verb_pre();
        let left = self
            .left_subject(cs, &pre_ok)
            .or_else(|| self.shared_subject(cs, &pre_ok, clauses))?;
        clauses.push(Clause {
            cue_end: ce,
            group: left.group.clone(),
        });
        Some(left)
    }

    /// SUBJECT (aux) CUE (det) OBJECT, with the passive reversed.
    fn verb(
        &self,
        cue: &Cue,
        cs: usize,
        ce: usize,
        clauses: &mut Vec<Clause>,
        out: &mut Collector,
    ) {
        let Some(left) = self.open_clause(cs, ce, clauses) else {
            return;
        };
        let Some((objs, by)) = self.right_object(ce, &cue.particles, true, Follow::Object) else {
            return;
        };
        // "is backed by", "is currently led by": the last word before the cue but adverbs.
        let be_before = left
            .pre
            .iter()
            .rev()
            .filter_map(|&i| self.word(i))
            .find(|&w| !self.lex.is(w, class::ADV) && !is_ly_adverb(w))
            .is_some_and(|w| BE.contains(&w));
        let participle = self
            .word(cs)
            .is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"));
        if by && !(be_before || left.comma_lead || left.descriptor) {
            return;
        }
        let linked = cue.kind == RelationKind::LinkedTo;
        if !by && (left.comma_lead || left.descriptor) && !linked {
            return;
        }
        if left.descriptor && !linked && !participle {
            return;
        }
        if self.left_negated(&left, cs) {
            return;
        }
        for &s in &left.group.units {
            // The type limit is the object's of the active verb: in "X is led by Y", X's.
            let typed = |o: usize| self.object_ok(cue, if by { s } else { o });
            for &o in objs.iter().filter(|&&o| typed(o)) {
                let (a, b) = if by { (o, s) } else { (s, o) };
                self.push_cue(cue, a, b, out);
            }
        }
    }

    /// "X and Y met", "X, Y hold talks", "X discussed Syria with Y" (meets).
    fn joint(
        &self,
        cue: &Cue,
        cs: usize,
        ce: usize,
        clauses: &mut Vec<Clause>,
        out: &mut Collector,
    ) {
        let Some(left) = self.open_clause(cs, ce, clauses) else {
            return;
        };
        if left.comma_lead || left.descriptor || self.left_negated(&left, cs) {
            return;
        }
        // "met with the heads of firms like Acme and Brix to discuss": names after a
        // preposition are no subject of the joint verb.
        if self.after_object_prep(left.group.start) {
            return;
        }
        let subj = &left.group.units;
        // "X and his counterpart Y agreed": agreeing counts only between counterparts.
        if cue.rule == rules::MEETS_COUNTERPART && !subj.iter().any(|&u| self.units[u].counterpart)
        {
            return;
        }
        for (n, &a) in subj.iter().enumerate() {
            for &b in &subj[n + 1..] {
                self.push_cue(cue, a, b, out);
            }
        }
        if !cue.particles.contains(&"with") {
            return;
        }
        let end = (ce + 12).min(self.items.len());
        for k in ce..end {
            if self.punct(k).is_some() {
                break;
            }
            let Some(w) = self.word(k) else { continue };
            if w == "with" {
                if let Some((objs, _)) = self.right_object(k + 1, &[], false, Follow::Object) {
                    for &s in subj {
                        for &o in &objs {
                            self.push_cue(cue, s, o, out);
                        }
                    }
                }
                break;
            }
            if self.lex.is(w, class::CLAUSE | class::REL | class::REPORT)
                || matches!(w, "and" | "or" | "but" | "to")
            {
                break;
            }
        }
    }

    /// Whether the names from item `start` back over commas and other names follow one
    /// of [`JOINT_OBJECT_PREPS`] ("like Acme, Brix and Corvo").
    fn after_object_prep(&self, start: usize) -> bool {
        let mut k = start;
        while k > 0 && (self.punct(k - 1) == Some(",") || self.unit(k - 1).is_some()) {
            k -= 1;
        }
        k > 0
            && self
                .word(k - 1)
                .is_some_and(|w| JOINT_OBJECT_PREPS.contains(&w))
    }

    /// "X's talks with Y", "X held talks with Y", "X launched strikes on Y".
    fn noun(
        &self,
        cue: &Cue,
        cs: usize,
        ce: usize,
        clauses: &mut Vec<Clause>,
        out: &mut Collector,
    ) {
        let mut k = cs;
        let mut n = 0;
        while k > 0 && n < 3 && self.adjective(k - 1) {
            k -= 1;
            n += 1;
        }
        let possessive = k >= 2 && self.word(k - 1) == Some("'s") && self.arg(k - 2).is_some();
        if !possessive && self.modified_noun(cue, cs, ce, k, out) {
            return;
        }
        // "Russia's war against Ukraine entered ...": the phrase may be a subject itself.
        let follow = if possessive {
            Follow::Phrase
        } else {
            Follow::Object
        };
        let Some((objs, _)) = self.right_object(ce, &[], false, follow) else {
            return;
        };
        let group = if possessive {
            // "to join the SDF's fight against ISIL": the possessive states it wherever
            // its phrase stands.
            self.group_left(k - 2).or_else(|| {
                Some(Group {
                    units: vec![self.unit(k - 2)?],
                    start: k - 2,
                })
            })
        } else {
            self.noun_subject(k, clauses)
        };
        let Some(group) = group else { return };
        clauses.push(Clause {
            cue_end: ce,
            group: group.clone(),
        });
        // "They want to join the SDF's fight against ISIL": a possessive presupposes its
        // relation, so only a negator inside the phrase drops it ("X's failed attack").
        let negated = if possessive {
            self.negator_in(group.start, cs)
        } else {
            self.negated(group.start, cs)
        };
        if negated {
            return;
        }
        for &s in &group.units {
            for &o in &objs {
                self.push_cue(cue, s, o, out);
            }
        }
    }

    /// The noun cue at `cs` (its phrase starting at `k`) read as fought by the side
    /// supported, or as modified by its source ("US-backed attacks on Y"): whether it
    /// was, and so is done with.
    fn modified_noun(
        &self,
        cue: &Cue,
        cs: usize,
        ce: usize,
        k: usize,
        out: &mut Collector,
    ) -> bool {
        if let Some(g) = self.fight_of_supported(cue, cs, k) {
            self.oppose_objects(&g, cs, (ce, &[], Follow::Phrase), out);
            return true;
        }
        let Some(u) = self.modifier_source(cue, cs, k) else {
            return false;
        };
        if let Some((objs, _)) = self.right_object(ce, &[], false, Follow::Phrase) {
            if !self.negated(k - 1, cs) {
                let rule = if cue.kind == RelationKind::Supports {
                    rules::SUPPORTS_MODIFIER
                } else {
                    rules::OPPOSES_MODIFIER
                };
                self.push_pairs(cue.kind, &[u], &objs, rule, out);
            }
        }
        true
    }

    /// The subject of a noun cue whose phrase starts at `k` without a possessive: who
    /// travelled for it, or the subject of a light verb before it ("X held talks").
    fn noun_subject(&self, mut k: usize, clauses: &[Clause]) -> Option<Group> {
        if let Some(g) = self.travelled_for(k) {
            return Some(g);
        }
        if k > 0 && self.is(k - 1, class::DET) {
            k -= 1;
        }
        let pre_ok = |w: &str| {
            self.lex.is(
                w,
                class::AUX | class::ADV | class::PLAN | class::DATES | class::LIGHT | class::QUANT,
            ) || w == "to"
                || is_number(w)
                || is_ly_adverb(w)
        };
        let left = self
            .left_subject(k, &pre_ok)
            .or_else(|| self.shared_subject(k, &pre_ok, clauses));
        left.filter(|l| {
            !l.comma_lead && !l.descriptor && l.pre.iter().any(|&i| self.is(i, class::LIGHT))
        })
        .map(|l| l.group)
    }

    /// Pushes the cue's relation from unit `a` to unit `b`, under the rule it has for them.
    fn push_cue(&self, cue: &Cue, a: usize, b: usize, out: &mut Collector) {
        out.push(
            cue.kind,
            self.head(a),
            self.head(b),
            None,
            self.rule_for(cue, a, b),
        );
    }

    fn push_pairs(
        &self,
        kind: RelationKind,
        subj: &[usize],
        objs: &[usize],
        rule: &'static str,
        out: &mut Collector,
    ) {
        for &s in subj {
            for &o in objs {
                out.push(kind, self.head(s), self.head(o), None, rule);
            }
        }
    }

    /// "support for X in its fight against Y", "helped X and Y in their war on Y": the
    /// side being supported is the one fighting, for an opposes noun cue at `cs` whose
    /// phrase (past adjectives) starts at `k`.
    fn fight_of_supported(&self, cue: &Cue, cs: usize, k: usize) -> Option<Group> {
        if cue.kind != RelationKind::Opposes || !FIGHT_NOUNS.contains(&self.word(cs)?) {
            return None;
        }
        if !matches!(self.word(k.checked_sub(1)?), Some("its" | "their" | "the"))
            || self.word(k.checked_sub(2)?) != Some("in")
        {
            return None;
        }
        self.supported_group(k - 3)
    }

    /// The supported side ending at item `last`: "support for X (and Y)", "backs X",
    /// "stands by X".
    fn supported_group(&self, mut last: usize) -> Option<Group> {
        self.arg(last)?;
        let mut units = vec![self.unit(last)?];
        // "X and Y", "X, Y and Z" before "in their fight".
        loop {
            let mut j = last;
            if j > 0 && self.is(j - 1, class::DET) {
                j -= 1;
            }
            let joined = j >= 2
                && (matches!(self.word(j - 1), Some("and")) || self.punct(j - 1) == Some(","))
                && self.arg(j - 2).is_some();
            if !joined {
                break;
            }
            last = j - 2;
            units.push(self.unit(last)?);
        }
        let mut s = last;
        if s > 0 && self.is(s - 1, class::DET) {
            s -= 1;
        }
        let before = self.word(s.checked_sub(1)?)?;
        let supported = if matches!(before, "for" | "of" | "by" | "with") {
            let noun = self.word(s.checked_sub(2)?)?;
            SUPPORT_NOUNS.contains(&noun)
                || (matches!(before, "by" | "with")
                    && matches!(noun, "stand" | "stands" | "stood" | "standing"))
        } else {
            SUPPORT_VERBS.contains(&before)
        };
        supported.then_some(Group { units, start: s })
    }

    /// "The UK stands by Iraq to defeat Daesh", "helped X and Y to fight Z": the side
    /// supported fights, for an opposes verb cue at `cs`. Whether it applied.
    fn helped_to(&self, cue: &Cue, cs: usize, out: &mut Collector) -> bool {
        if cue.kind != RelationKind::Opposes {
            return false;
        }
        let Some(to) = self.to_before(cs) else {
            return false;
        };
        let Some(g) = to.checked_sub(1).and_then(|k| self.supported_group(k)) else {
            return false;
        };
        let end = cs + cue.slots.len();
        self.oppose_objects(&g, cs, (end, &cue.particles, Follow::Object), out);
        true
    }

    /// The "to" of the infinitive whose verb is at `cs`: right before it, or before a
    /// first verb joined by "and" ("to degrade and (ultimately) destroy").
    fn to_before(&self, cs: usize) -> Option<usize> {
        let mut k = cs.checked_sub(1)?;
        if self.word(k) == Some("to") {
            return Some(k);
        }
        while self
            .word(k)
            .is_some_and(|w| self.lex.is(w, class::ADV) || is_ly_adverb(w))
        {
            k = k.checked_sub(1)?;
        }
        let joined = self.word(k) == Some("and")
            && self.word(k.checked_sub(1)?).is_some()
            && self.word(k.checked_sub(2)?) == Some("to");
        joined.then(|| k - 2)
    }

    /// The supported group `g` opposes the objects found from `from` (with its particles
    /// and follow), unless the words from the group to the cue at `cs` negate it.
    fn oppose_objects(
        &self,
        g: &Group,
        cs: usize,
        (from, particles, follow): (usize, &[&str], Follow),
        out: &mut Collector,
    ) {
        let Some((objs, _)) = self.right_object(from, particles, false, follow) else {
            return;
        };
        if !self.negated(g.start, cs) {
            self.push_pairs(
                RelationKind::Opposes,
                &g.units,
                &objs,
                rules::OPPOSES_IN_FIGHT,
                out,
            );
        }
    }

    /// "U.S. airstrikes against Y", "Russian strikes on Y", "ISIL attacks on Y", "UK
    /// support for Y": a bare organization or nationality (or, for strikes, raids and
    /// support, a place) right before the noun cue at `cs` whose phrase (past adjectives)
    /// starts at `k`.
    fn modifier_source(&self, cue: &Cue, cs: usize, k: usize) -> Option<usize> {
        let w = self.word(cs)?;
        // "UK support for Iraq": any organization, country or nationality.
        let strike = match cue.kind {
            RelationKind::Opposes => STRIKE_NOUNS.contains(&w),
            RelationKind::Supports => matches!(w, "support" | "backing"),
            _ => false,
        };
        let act = cue.kind == RelationKind::Opposes && ACT_NOUNS.contains(&w);
        if !strike && !act {
            return None;
        }
        let u = self.unit(k.checked_sub(1)?)?;
        let m = self.mentions.get(self.head(u))?;
        let ok = match m.entity_type {
            EntityType::Organization => true,
            EntityType::Location => m.demonym || strike,
            _ => false,
        };
        // "X's US strikes": the possessor, not the modifier, would be the source.
        let free = k < 2 || self.word(k - 2) != Some("'s");
        (ok && free).then_some(u)
    }

    /// "the Global Coalition against Daesh", "the NATO alliance against Russia", "the
    /// U.S.-led coalition against ISIL": a named coalition, or the one who leads it,
    /// opposes what it is against. The name
    /// states it, so only a hedge right before it ("a proposed ...") drops it.
    fn coalition_against(&self, out: &mut Collector) {
        for (i, u) in self.unit_items() {
            let unit = &self.units[u];
            let Some(m) = self.mentions.get(unit.head) else {
                continue;
            };
            // Lowered only after the cheaper tests hold.
            let last_word = || {
                self.text[m.span.start..m.span.end]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
            };
            let named = m.entity_type == EntityType::Organization
                && unit.first == unit.last
                && self.word(i + 1) == Some("against")
                && COALITION_NOUNS.contains(&last_word().as_str());
            let led = self.punct(i + 1) == Some("-")
                && self.word(i + 2) == Some("led")
                && self
                    .word(i + 3)
                    .is_some_and(|w| COALITION_NOUNS.contains(&w))
                && self.word(i + 4) == Some("against");
            // "the NATO alliance against Russia"
            let org_then = m.entity_type == EntityType::Organization
                && unit.first == unit.last
                && self
                    .word(i + 1)
                    .is_some_and(|w| COALITION_NOUNS.contains(&w))
                && self.word(i + 2) == Some("against");
            let at = if named {
                i + 2
            } else if org_then {
                i + 3
            } else if led {
                i + 5
            } else {
                continue;
            };
            if self.negator_in(i.saturating_sub(2), i) {
                continue;
            }
            if let Some((objs, _)) = self.right_object(at, &[], false, Follow::Phrase) {
                self.push_pairs(
                    RelationKind::Opposes,
                    &[u],
                    &objs,
                    rules::OPPOSES_COALITION,
                    out,
                );
            }
        }
    }

    /// "X arrived in Geneva for (talks with Y)": the traveller, for a noun cue at `k`.
    fn travelled_for(&self, k: usize) -> Option<Group> {
        let mut j = k.checked_sub(1)?;
        if self.word(j) != Some("for") {
            return None;
        }
        if j >= 2
            && self.unit(j - 1).is_some()
            && matches!(self.word(j - 2), Some("in" | "to" | "at"))
        {
            j -= 2;
        }
        let verb = j.checked_sub(1)?;
        if !self.is(verb, class::MOTION) {
            return None;
        }
        let pre_ok = self.verb_pre();
        let left = self.left_subject(verb, &pre_ok)?;
        (!left.comma_lead && !left.descriptor).then_some(left.group)
    }

    /// "X is an ally of Y", "X, an affiliate of Y", "X is Y's closest ally", "Y's ally X".
    fn relnoun(&self, cue: &Cue, cs: usize, ce: usize, out: &mut Collector) {
        let mut k = cs;
        let mut n = 0;
        // "the Canadian parent of": a nationality word modifies the noun like an adjective.
        let demonym = |i: usize| {
            self.unit(i).is_some_and(|u| {
                let unit = &self.units[u];
                unit.first == unit.last && self.mentions.get(unit.head).is_some_and(|m| m.demonym)
            })
        };
        while k > 0 && n < 3 && (self.adjective(k - 1) || demonym(k - 1)) {
            k -= 1;
            n += 1;
        }
        let found = if self.word(ce) == Some("of") {
            self.relnoun_of(k, ce)
        } else if k >= 2 && self.word(k - 1) == Some("'s") && self.arg(k - 2).is_some() {
            self.relnoun_possessed(k - 2, ce)
        } else {
            return;
        };
        let Some((group, objs)) = found else { return };
        if self.negated(group.start, cs) {
            return;
        }
        for &s in &group.units {
            for &o in objs.iter().filter(|&&o| self.object_ok(cue, o)) {
                out.push(cue.kind, self.head(s), self.head(o), None, cue.rule);
            }
        }
    }

    /// "X is an ally of Y": the subject and objects of a relation noun (its phrase
    /// starting at `k`) followed by "of" at `ce`.
    fn relnoun_of(&self, mut k: usize, ce: usize) -> Option<(Group, Vec<usize>)> {
        let (objs, _) = self.right_object(ce + 1, &[], false, Follow::Phrase)?;
        if k > 0 && self.is(k - 1, class::DET) {
            k -= 1;
        }
        Some((self.relnoun_subject(k)?, objs))
    }

    /// "X is Y's closest ally", "Syria's closest ally Russia": the subject and object of a
    /// relation noun after the possessive unit at item `o_item`, the noun ending at `ce`.
    fn relnoun_possessed(&self, o_item: usize, ce: usize) -> Option<(Group, Vec<usize>)> {
        let o = self.unit(o_item)?;
        let mut start = o_item;
        if start > 0 && self.is(start - 1, class::DET) {
            start -= 1;
        }
        if self.arg(ce).is_none() {
            return Some((self.relnoun_subject(start)?, vec![o]));
        }
        // "Syria's closest ally Russia"
        let subj = self.group_right(ce, Follow::Phrase);
        if subj.is_empty() {
            return None;
        }
        Some((Group { units: subj, start }, vec![o]))
    }

    /// The subject of a relation noun phrase starting at `k`: a name before its comma
    /// ("X, parent of Y") or the subject of a copula ("X is an ally of").
    fn relnoun_subject(&self, k: usize) -> Option<Group> {
        let pre_ok = |w: &str| {
            self.lex.is(
                w,
                class::AUX | class::ADV | class::COPULA | class::DATES | class::PLAN,
            ) || w == "to"
        };
        if k >= 2 && self.punct(k - 1) == Some(",") {
            let u = self.arg(k - 2)?;
            // "merged with X, parent of Y": an apposition holds wherever X stands.
            return self.group_left(k - 2).or(Some(Group {
                units: vec![u],
                start: k - 2,
            }));
        }
        let left = self.left_subject(k, &pre_ok)?;
        let has_copula = left.pre.iter().any(|&i| self.is(i, class::COPULA));
        (has_copula && !left.comma_lead && !left.descriptor).then_some(left.group)
    }

    /// "talks between X and Y", "discussions on Syria between X and Y".
    fn between(&self, cue: &Cue, cs: usize, ce: usize, out: &mut Collector) {
        let mut k = ce;
        // "the agreement reached yesterday between X and Y", "talks held in May between".
        if matches!(
            self.word(k),
            Some("reached" | "signed" | "struck" | "brokered" | "concluded" | "held")
        ) {
            k += 1;
        }
        while self
            .word(k)
            .is_some_and(|w| w != "on" && (self.lex.is(w, class::DATES) || is_number(w)))
        {
            k += 1;
        }
        if self.word(k) != Some("between") {
            if !matches!(
                self.word(k),
                Some("on" | "about" | "over" | "regarding" | "in" | "at")
            ) {
                return;
            }
            let lim = k + 6;
            k += 1;
            while k < lim
                && (self.unit(k).is_some() || self.word(k).is_some_and(|w| w != "between"))
            {
                k += 1;
            }
            if self.word(k) != Some("between") {
                return;
            }
        }
        k += 1;
        if self.is(k, class::DET) {
            k += 1;
        }
        if self.arg(k).is_none() {
            return;
        }
        // "talks between X and Y ended": the phrase may be a subject.
        let group = self.group_right(k, Follow::Phrase);
        if group.len() < 2 || self.negated(cs, cs) {
            return;
        }
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                let rule = self.rule_for(cue, a, b);
                out.push(cue.kind, self.head(a), self.head(b), None, rule);
                if cue.kind.is_directed() {
                    out.push(cue.kind, self.head(b), self.head(a), None, rule);
                }
            }
        }
    }
}
