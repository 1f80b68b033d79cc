//! The clause-level rules: a cue word with the subject before it and the object after
//! it, over the sentence as a sequence of units (noun phrases) and the words between.

use super::lexicon::{class, Cue, Frame, Lexicon};
use super::tokens::{Tok, TokKind};
use super::units::{is_ly_adverb, is_number, Unit};
use super::{rules, Collector, SentenceMention};
use crate::model::{EntityType, RelationKind};

/// One element of the sentence as the clause rules see it: a whole unit, or a word or
/// punctuation token outside every unit.
struct Item {
    unit: Option<usize>,
    tok: usize,
}

/// Coordinated units and the item where their phrase starts.
#[derive(Clone, Debug)]
struct Group {
    units: Vec<usize>,
    start: usize,
}

/// What stands before a cue: the subject group and the words between.
struct Left {
    group: Group,
    /// The items between the subject and the cue.
    pre: Vec<usize>,
    /// The words between start with a comma: "Assad, backed by Moscow".
    comma_lead: bool,
    /// The subject was reached through a describing noun: "X, a group linked to Y".
    descriptor: bool,
    /// For a subject reached through a relative pronoun or a describing noun: where the
    /// relative clause starts, the only words whose negation counts.
    scope: Option<usize>,
}

/// What may follow the last of a group of objects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// The object of a verb: not a verb, which would make it a new clause's subject.
    Object,
    /// A phrase that may be a subject itself: a verb may follow.
    Phrase,
}

/// A clause whose subject a later "and <verb>" may share.
struct Clause {
    cue_end: usize,
    group: Group,
}

pub(super) struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Tok],
    mentions: &'a [SentenceMention],
    units: &'a [Unit],
    items: Vec<Item>,
    lex: &'a Lexicon,
}

/// Words after which "X, Y" names a place inside a larger one ("in Geneva, Switzerland").
const PLACE_PREPS: [&str; 19] = [
    "in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "toward",
    "towards", "via", "through", "of", "visited", "visit", "visiting", "based",
];

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

impl<'a> Sentence<'a> {
    pub(super) fn new(
        text: &'a str,
        toks: &'a [Tok],
        mentions: &'a [SentenceMention],
        units: &'a [Unit],
        owner: &[Option<usize>],
        lex: &'a Lexicon,
    ) -> Sentence<'a> {
        let mut items = Vec::new();
        for (t, o) in owner.iter().enumerate() {
            match o {
                Some(u) if units[*u].first == t => items.push(Item {
                    unit: Some(*u),
                    tok: t,
                }),
                Some(_) => {}
                None => items.push(Item { unit: None, tok: t }),
            }
        }
        let mut s = Sentence {
            text,
            toks,
            mentions,
            units,
            items,
            lex,
        };
        s.drop_caption_asides();
        s
    }

    /// Drops photo-caption asides after a name: "Kerry (right) meets Lavrov", "Kerry, left,
    /// and Lavrov".
    fn drop_caption_asides(&mut self) {
        let caption = |w: Option<&str>| {
            matches!(
                w,
                Some("left" | "right" | "center" | "centre" | "l" | "r" | "pictured" | "front")
            )
        };
        let mut i = 1;
        while i + 2 < self.items.len() {
            let after_name = self.unit(i - 1).is_some();
            if after_name
                && self.punct(i) == Some("(")
                && caption(self.word(i + 1))
                && self.punct(i + 2) == Some(")")
            {
                self.items.drain(i..i + 3);
            } else if after_name
                && self.punct(i) == Some(",")
                && caption(self.word(i + 1))
                && self.punct(i + 2) == Some(",")
            {
                if matches!(self.word(i + 3), Some("and" | "or")) {
                    self.items.drain(i + 1..i + 3);
                } else {
                    self.items.drain(i..i + 3);
                }
            }
            i += 1;
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let it = self.items.get(i)?;
        let t = &self.toks[it.tok];
        (it.unit.is_none() && t.kind == TokKind::Word).then_some(t.lower.as_str())
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        let it = self.items.get(i)?;
        let t = &self.toks[it.tok];
        (it.unit.is_none() && t.kind == TokKind::Punct).then_some(t.lower.as_str())
    }

    fn unit(&self, i: usize) -> Option<usize> {
        self.items.get(i)?.unit
    }

    /// The unit at `i` if it can be an argument.
    fn arg(&self, i: usize) -> Option<usize> {
        self.unit(i).filter(|&u| self.units[u].arg)
    }

    fn is(&self, i: usize, mask: u32) -> bool {
        self.word(i).is_some_and(|w| self.lex.is(w, mask))
    }

    fn head(&self, u: usize) -> usize {
        self.units[u].head
    }

    /// Whether the item at `k` may follow an object: the end, punctuation, a preposition,
    /// a conjunction, a date, an adverb; not a verb or a noun the object would modify.
    fn object_follow_ok(&self, k: usize) -> bool {
        let Some(it) = self.items.get(k) else {
            return true;
        };
        if it.unit.is_some() {
            return false;
        }
        let t = &self.toks[it.tok];
        match t.kind {
            TokKind::Word => {
                let w = t.lower.as_str();
                const OK: u32 = class::CLOSED
                    | class::PREP
                    | class::DATES
                    | class::ADV
                    | class::REL
                    | class::CLAUSE;
                w != "'s" && (self.lex.is(w, OK) || is_ly_adverb(w))
            }
            _ => true,
        }
    }

    /// Whether the item at `k` may follow a noun phrase that can itself be a subject
    /// ("Russia's war against Ukraine entered ...", "talks between X and Y ended").
    fn phrase_follow_ok(&self, k: usize) -> bool {
        if self.object_follow_ok(k) {
            return true;
        }
        const VERBISH: u32 = class::AUX
            | class::REPORT
            | class::LIGHT
            | class::PLAN
            | class::COPULA
            | class::CUE
            | class::NEG
            | class::HEDGE
            | class::VERBS;
        self.word(k)
            .is_some_and(|w| w != "'s" && (w.ends_with("ed") || self.lex.is(w, VERBISH)))
    }

    /// Whether the item at `i` ends the clause before it, for the negation window.
    fn boundary(&self, i: usize) -> bool {
        if let Some(p) = self.punct(i) {
            if p == "-" {
                let t = &self.toks[self.items[i].tok];
                let next_space = self
                    .items
                    .get(i + 1)
                    .map_or(true, |n| self.toks[n.tok].space_before);
                return t.space_before && next_space;
            }
            return matches!(
                p,
                ";" | ":"
                    | "("
                    | ")"
                    | "["
                    | "]"
                    | "—"
                    | "–"
                    | "\""
                    | "“"
                    | "”"
                    | "‘"
                    | "’"
                    | "'"
                    | "«"
                    | "»"
                    | "."
                    | "!"
                    | "?"
            );
        }
        if let Some(w) = self.word(i) {
            if self.lex.is(w, class::CLAUSE) {
                return true;
            }
            if matches!(w, "and" | "but" | "or") && i > 0 && self.punct(i - 1) == Some(",") {
                return true;
            }
        }
        false
    }

    /// Whether a negator or hedge stands between the start of the clause holding `from`
    /// (back to the previous comma) and `to`, or a comma-separated phrase starting with
    /// "if"/"unless" comes before it in the clause ("If they agree, X will meet Y").
    fn negated(&self, from: usize, to: usize) -> bool {
        let mut s = from;
        while s > 0 && !self.boundary(s - 1) && self.punct(s - 1) != Some(",") {
            s -= 1;
        }
        if self.negator_in(s, to) {
            return true;
        }
        let mut c = s;
        while c > 0 && !self.boundary(c - 1) {
            c -= 1;
            let segment_start = c == 0 || self.boundary(c - 1) || self.punct(c - 1) == Some(",");
            if segment_start && matches!(self.word(c), Some("if" | "unless")) {
                return true;
            }
        }
        false
    }

    fn negator_in(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            self.word(i)
                .is_some_and(|w| self.lex.is(w, class::NEG | class::HEDGE) || w.ends_with("n't"))
        })
    }

    /// Negation of the clause a subject was found in: a relative clause ("X, which Y views
    /// as a group linked to Z") is judged on its own words only.
    fn left_negated(&self, left: &Left, cs: usize) -> bool {
        match left.scope {
            Some(start) => self.negator_in(start, cs),
            None => self.negated(left.group.start, cs),
        }
    }

    /// A word that can be an adjective before a relational noun ("closest", "bilateral").
    fn adjective(&self, i: usize) -> bool {
        const FUNCTION: u32 = class::FUNCTION | class::CUE | class::VIEW;
        self.word(i).is_some_and(|w| {
            w != "'s"
                && !self.lex.is(w, FUNCTION)
                && w.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
    }

    /// Whether nothing but punctuation comes before item `i` (a headline's start).
    fn at_start(&self, i: usize) -> bool {
        (0..i).all(|k| self.punct(k).is_some())
    }

    /// The coordinated units ending with the unit at item `last`: "X", "X and Y",
    /// "X, Y and Z", "X and his Turkish counterpart Y"; "X, Y" only at a headline's start.
    /// A first unit inside a prepositional phrase or after a verb is dropped.
    fn group_left(&self, last: usize) -> Option<Group> {
        let mut members = vec![last];
        let mut ands: Vec<bool> = Vec::new();
        // ", and": may join clauses rather than names.
        let mut comma_ands: Vec<bool> = Vec::new();
        let mut cur = last;
        loop {
            let mut j = cur;
            if j > 0 && self.is(j - 1, class::DET) && self.word(j - 1) != Some("both") {
                j -= 1;
            }
            let mut comma_and = false;
            let is_and = if j > 0 && matches!(self.word(j - 1), Some("and" | "&")) {
                j -= 1;
                if j > 0 && self.punct(j - 1) == Some(",") {
                    j -= 1;
                    comma_and = true;
                }
                true
            } else if j > 0 && self.punct(j - 1) == Some(",") {
                j -= 1;
                false
            } else {
                break;
            };
            match j.checked_sub(1).and_then(|p| self.arg(p).map(|_| p)) {
                Some(p) => {
                    members.push(p);
                    ands.push(is_and);
                    comma_ands.push(comma_and);
                    cur = p;
                }
                None => break,
            }
        }
        members.reverse();
        ands.reverse();
        comma_ands.reverse();
        // A bare comma joins only inside a list closed by "and", or in a headline
        // ("Kerry, Lavrov to meet").
        let bad = (0..ands.len())
            .rev()
            .find(|&i| !ands[i] && !ands[i + 1..].iter().any(|&x| x));
        if let Some(i) = bad {
            let ty = |m: usize| {
                self.unit(m)
                    .and_then(|u| self.mentions.get(self.units[u].head))
                    .map(|m| m.entity_type)
            };
            let headline = !ands.iter().any(|&a| a)
                && self.at_start(members[0])
                && members.iter().all(|&m| ty(m) == ty(members[0]));
            if !headline {
                members.drain(..=i);
                ands.drain(..=i);
                comma_ands.drain(..=i);
            }
        }
        // The first member must start a clause, not sit after a preposition or a verb.
        loop {
            let first = *members.first()?;
            let mut s = first;
            if s > 0 && self.is(s - 1, class::DET) {
                s -= 1;
            }
            // "In Geneva Kerry met Lavrov": a fronted place without its comma.
            let fronted = s == 2
                && self.word(0) == Some("in")
                && self.unit(1).is_some_and(|u| {
                    self.mentions[self.head(u)].entity_type == EntityType::Location
                });
            let ok = s == 0
                || fronted
                || self.punct(s - 1).is_some()
                || self.word(s - 1).is_some_and(|w| {
                    self.lex.is(
                        w,
                        class::CLOSED
                            | class::CLAUSE
                            | class::REPORT
                            | class::ADV
                            | class::DATES
                            | class::REL,
                    ) && !self.lex.is(w, class::PREP)
                        || is_number(w)
                        || is_ly_adverb(w)
                });
            if ok {
                let units = members.iter().filter_map(|&m| self.unit(m)).collect();
                return Some(Group { units, start: s });
            }
            if members.len() > 1 && (!ands[0] || comma_ands[0]) {
                members.remove(0);
                ands.remove(0);
                comma_ands.remove(0);
            } else {
                return None;
            }
        }
    }

    /// The coordinated units starting at item `first`: "X", "X and Y", "X, Y and Z".
    /// The last one must not be followed by a verb (it would start a new clause).
    fn group_right(&self, first: usize, follow: Follow) -> Vec<usize> {
        let mut members = vec![first];
        let mut ands: Vec<bool> = Vec::new();
        let mut cur = first;
        loop {
            let mut j = cur + 1;
            let is_and = if self.punct(j) == Some(",") {
                if matches!(self.word(j + 1), Some("and" | "&")) {
                    j += 2;
                    true
                } else {
                    j += 1;
                    false
                }
            } else if matches!(self.word(j), Some("and" | "&")) {
                j += 1;
                true
            } else if self.word(j) == Some("as")
                && self.word(j + 1) == Some("well")
                && self.word(j + 2) == Some("as")
            {
                j += 3;
                true
            } else {
                break;
            };
            if self.is(j, class::DET) {
                j += 1;
            }
            if self.arg(j).is_none() {
                break;
            }
            members.push(j);
            ands.push(is_and);
            cur = j;
        }
        if let Some(pos) = ands.iter().position(|&a| !a) {
            if !ands[pos..].iter().any(|&a| a) {
                members.truncate(pos + 1);
                ands.truncate(pos);
            }
        }
        while let Some(&last) = members.last() {
            let ok = match follow {
                Follow::Object => self.object_follow_ok(last + 1),
                Follow::Phrase => self.phrase_follow_ok(last + 1),
            };
            if ok {
                break;
            }
            members.pop();
            ands.pop();
        }
        members.iter().filter_map(|&m| self.unit(m)).collect()
    }

    /// The object group after a cue ending at `ce`, past determiners, dates and adverbs,
    /// one of the cue's particles ("met with") and a passive "by"; and whether "by" was seen.
    fn right_object(
        &self,
        ce: usize,
        particles: &[&str],
        allow_by: bool,
        follow: Follow,
    ) -> Option<(Vec<usize>, bool)> {
        let mut k = ce;
        let mut by = false;
        let mut used = false;
        while let Some(w) = self.word(k) {
            if self.lex.is(w, class::DET | class::DATES | class::ADV)
                || is_number(w)
                || is_ly_adverb(w)
            {
                k += 1;
            } else if !used && particles.contains(&w) {
                used = true;
                k += 1;
            } else if allow_by && !by && w == "by" {
                by = true;
                k += 1;
            } else {
                break;
            }
        }
        self.arg(k)?;
        let objs = self.group_right(k, follow);
        (!objs.is_empty()).then_some((objs, by))
    }

    /// The subject group before the cue starting at `cs`, past words `pre_ok` accepts
    /// (and enclosed ", adverb," pairs); through a relative pronoun ("Russia, which backs")
    /// or a describing noun ("X, a group linked to", "X, which Y views as a group linked to").
    fn left_subject(&self, cs: usize, pre_ok: &dyn Fn(&str) -> bool) -> Option<Left> {
        let mut k = cs;
        while k > 0 {
            let i = k - 1;
            match self.word(i) {
                Some(w) if pre_ok(w) => k = i,
                None if self.punct(i) == Some(",") => k = i,
                _ => break,
            }
        }
        let pre: Vec<usize> = (k..cs).collect();
        let commas = pre.iter().filter(|&&i| self.punct(i).is_some()).count();
        let comma_lead = commas % 2 == 1;
        if comma_lead && (commas != 1 || self.punct(k).is_none()) {
            return None;
        }
        let i = k.checked_sub(1)?;
        let (anchor, descriptor) = if self.arg(i).is_some() {
            (i, false)
        } else if self.is(i, class::REL) && !comma_lead {
            let mut j = i;
            if j > 0 && self.punct(j - 1) == Some(",") {
                j -= 1;
            }
            let a = j.checked_sub(1)?;
            self.arg(a)?;
            (a, false)
        } else if self.is(i, class::GROUP) && !comma_lead {
            (self.descriptor(i)?, true)
        } else {
            return None;
        };
        let group = self.group_left(anchor)?;
        let scope = (anchor != i).then_some(anchor + 1);
        Some(Left {
            group,
            pre,
            comma_lead,
            descriptor,
            scope,
        })
    }

    /// The organization a describing noun at `i` stands for: "X, a terrorist group" or
    /// "X, which Washington views as a terrorist group".
    fn descriptor(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0 && self.is(j - 1, class::GROUP_ADJ) {
            j -= 1;
        }
        if j > 0 && self.is(j - 1, class::DET) {
            j -= 1;
        }
        if j >= 2 && self.punct(j - 1) == Some(",") && self.arg(j - 2).is_some() {
            return Some(j - 2);
        }
        let mut v = j;
        if v > 0 && self.word(v - 1) == Some("as") {
            v -= 1;
        }
        if v == 0 || !self.is(v - 1, class::VIEW) {
            return None;
        }
        let viewer = v.checked_sub(2)?;
        self.unit(viewer)?;
        let mut r = viewer;
        if r > 0 && self.is(r - 1, class::DET) {
            r -= 1;
        }
        let rel = r.checked_sub(1)?;
        if !self.is(rel, class::REL) {
            return None;
        }
        let mut a = rel;
        if a > 0 && self.punct(a - 1) == Some(",") {
            a -= 1;
        }
        let ante = a.checked_sub(1)?;
        self.arg(ante)?;
        Some(ante)
    }

    /// "X backs the opposition and has accused Y": the second verb shares the subject of
    /// the first when only the first verb's object stands between them.
    fn shared_subject(
        &self,
        cs: usize,
        pre_ok: &dyn Fn(&str) -> bool,
        clauses: &[Clause],
    ) -> Option<Left> {
        let mut k = cs;
        while k > 0 && self.word(k - 1).is_some_and(pre_ok) {
            k -= 1;
        }
        let and = k.checked_sub(1)?;
        if self.word(and) != Some("and") {
            return None;
        }
        let clause = clauses.iter().rev().find(|c| c.cue_end <= and)?;
        const STOP: u32 = class::AUX
            | class::REPORT
            | class::REL
            | class::CLAUSE
            | class::NEG
            | class::HEDGE
            | class::CUE;
        let clean = (clause.cue_end..and)
            .all(|i| self.unit(i).is_some() || self.word(i).is_some_and(|w| !self.lex.is(w, STOP)));
        clean.then(|| Left {
            group: clause.group.clone(),
            pre: (k..cs).collect(),
            comma_lead: false,
            descriptor: false,
            scope: None,
        })
    }

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

    pub(super) fn cues(&self, out: &mut Collector) {
        self.coalition_against(out);
        let mut clauses: Vec<Clause> = Vec::new();
        for i in 0..self.items.len() {
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

    /// SUBJECT (aux) CUE (det) OBJECT, with the passive reversed.
    fn verb(
        &self,
        cue: &Cue,
        cs: usize,
        ce: usize,
        clauses: &mut Vec<Clause>,
        out: &mut Collector,
    ) {
        let pre_ok = self.verb_pre();
        let Some(left) = self
            .left_subject(cs, &pre_ok)
            .or_else(|| self.shared_subject(cs, &pre_ok, clauses))
        else {
            return;
        };
        clauses.push(Clause {
            cue_end: ce,
            group: left.group.clone(),
        });
        let Some((objs, by)) = self.right_object(ce, &cue.particles, true, Follow::Object) else {
            return;
        };
        let be_before = left
            .pre
            .last()
            .and_then(|&i| self.word(i))
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
            for &o in objs.iter().filter(|&&o| self.object_ok(cue, o)) {
                let (a, b) = if by { (o, s) } else { (s, o) };
                out.push(
                    cue.kind,
                    self.head(a),
                    self.head(b),
                    None,
                    self.rule_for(cue, a, b),
                );
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
        let pre_ok = self.verb_pre();
        let Some(left) = self
            .left_subject(cs, &pre_ok)
            .or_else(|| self.shared_subject(cs, &pre_ok, clauses))
        else {
            return;
        };
        clauses.push(Clause {
            cue_end: ce,
            group: left.group.clone(),
        });
        if left.comma_lead || left.descriptor || self.left_negated(&left, cs) {
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
                out.push(
                    cue.kind,
                    self.head(a),
                    self.head(b),
                    None,
                    self.rule_for(cue, a, b),
                );
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
                            out.push(
                                cue.kind,
                                self.head(s),
                                self.head(o),
                                None,
                                self.rule_for(cue, s, o),
                            );
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
        if !possessive {
            if let Some(g) = self.fight_of_supported(cue, cs, k) {
                if let Some((objs, _)) = self.right_object(ce, &[], false, Follow::Phrase) {
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
                return;
            }
            if let Some(u) = self.modifier_source(cue, cs, k) {
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
                return;
            }
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
            self.group_left(k - 2)
        } else if let Some(g) = self.travelled_for(k) {
            Some(g)
        } else {
            if k > 0 && self.is(k - 1, class::DET) {
                k -= 1;
            }
            let pre_ok = |w: &str| {
                self.lex.is(
                    w,
                    class::AUX
                        | class::ADV
                        | class::PLAN
                        | class::DATES
                        | class::LIGHT
                        | class::QUANT,
                ) || w == "to"
                    || is_number(w)
                    || is_ly_adverb(w)
            };
            let left = self
                .left_subject(k, &pre_ok)
                .or_else(|| self.shared_subject(k, &pre_ok, clauses.as_slice()));
            left.filter(|l| {
                !l.comma_lead && !l.descriptor && l.pre.iter().any(|&i| self.is(i, class::LIGHT))
            })
            .map(|l| l.group)
        };
        let Some(group) = group else { return };
        clauses.push(Clause {
            cue_end: ce,
            group: group.clone(),
        });
        if self.negated(group.start, cs) {
            return;
        }
        for &s in &group.units {
            for &o in &objs {
                out.push(
                    cue.kind,
                    self.head(s),
                    self.head(o),
                    None,
                    self.rule_for(cue, s, o),
                );
            }
        }
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
        let mut last = k - 3;
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
        for i in 0..self.items.len() {
            let Some(u) = self.unit(i) else { continue };
            let unit = &self.units[u];
            let Some(m) = self.mentions.get(unit.head) else {
                continue;
            };
            let last_word = self.text[m.span.start..m.span.end]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let named = m.entity_type == EntityType::Organization
                && unit.first == unit.last
                && COALITION_NOUNS.contains(&last_word.as_str())
                && self.word(i + 1) == Some("against");
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
        while k > 0 && n < 3 && self.adjective(k - 1) {
            k -= 1;
            n += 1;
        }
        let copular = |k: usize| -> Option<Group> {
            let pre_ok = |w: &str| {
                self.lex.is(
                    w,
                    class::AUX | class::ADV | class::COPULA | class::DATES | class::PLAN,
                ) || w == "to"
            };
            if k >= 2 && self.punct(k - 1) == Some(",") && self.arg(k - 2).is_some() {
                return self.group_left(k - 2);
            }
            let left = self.left_subject(k, &pre_ok)?;
            let has_copula = left.pre.iter().any(|&i| self.is(i, class::COPULA));
            (has_copula && !left.comma_lead && !left.descriptor).then_some(left.group)
        };
        let (group, objs): (Group, Vec<usize>) = if self.word(ce) == Some("of") {
            let Some((objs, _)) = self.right_object(ce + 1, &[], false, Follow::Phrase) else {
                return;
            };
            if k > 0 && self.is(k - 1, class::DET) {
                k -= 1;
            }
            let Some(g) = copular(k) else { return };
            (g, objs)
        } else if k >= 2 && self.word(k - 1) == Some("'s") && self.arg(k - 2).is_some() {
            let o_item = k - 2;
            let Some(o) = self.unit(o_item) else { return };
            if self.arg(ce).is_some() {
                // "Syria's closest ally Russia"
                let subj = self.group_right(ce, Follow::Phrase);
                if subj.is_empty() {
                    return;
                }
                let mut start = o_item;
                if start > 0 && self.is(start - 1, class::DET) {
                    start -= 1;
                }
                (Group { units: subj, start }, vec![o])
            } else {
                let mut j = o_item;
                if j > 0 && self.is(j - 1, class::DET) {
                    j -= 1;
                }
                let Some(g) = copular(j) else { return };
                (g, vec![o])
            }
        } else {
            return;
        };
        if self.negated(group.start, cs) {
            return;
        }
        for &s in &group.units {
            for &o in &objs {
                out.push(cue.kind, self.head(s), self.head(o), None, cue.rule);
            }
        }
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

    /// Whether the unit at item `i` is a single place mention and nothing else.
    fn plain_place(&self, i: usize, mentions_ok: &dyn Fn(usize) -> bool) -> Option<usize> {
        let u = self.unit(i)?;
        let unit = &self.units[u];
        (unit.first == unit.last && mentions_ok(unit.head)).then_some(unit.head)
    }

    /// "in Geneva, Switzerland", "Jarabulus, a town in northern Syria", "Aleppo, Syria's
    /// second city", "Jarabulus, a Syrian border town".
    pub(super) fn located(&self, out: &mut Collector) {
        // A place name, capitalized ("Geneva", not "the airfield").
        let place = |m: usize| {
            self.mentions.get(m).is_some_and(|m| {
                m.entity_type == EntityType::Location
                    && !m.demonym
                    && self.text[m.span.start..m.span.end]
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .trim_start_matches("the ")
                        .starts_with(|c: char| c.is_uppercase())
            })
        };
        let demonym = |m: usize| self.mentions.get(m).is_some_and(|m| m.demonym);
        let mut found = Vec::new();
        for i in 0..self.items.len() {
            let Some(a) = self.plain_place(i, &place) else {
                continue;
            };
            if self.punct(i + 1) != Some(",") {
                continue;
            }
            if i >= 2 && self.punct(i - 1) == Some(",") && self.unit(i - 2).is_some() {
                continue; // a list "X, Y, Z"
            }
            // "in Geneva, Switzerland": after a preposition, or a dateline at the start.
            if let Some(b) = self
                .plain_place(i + 2, &place)
                .filter(|_| self.word(i + 3) != Some("'s"))
            {
                let after_prep =
                    i > 0 && self.word(i - 1).is_some_and(|w| PLACE_PREPS.contains(&w));
                if !after_prep && !self.at_start(i) {
                    continue;
                }
                // "In Syria, Russia on Friday ...": a fronted phrase; only punctuation may follow.
                let strict = !after_prep || self.at_start(i - 1);
                let k = i + 3;
                let end_ok = if k >= self.items.len() {
                    true
                } else if let Some(p) = self.punct(k) {
                    if p == "," {
                        self.unit(k + 1).is_none()
                            && !matches!(self.word(k + 1), Some("and" | "or"))
                    } else {
                        p != "-"
                    }
                } else if let Some(w) = self.word(k) {
                    !strict
                        && self.lex.is(w, class::PREP | class::DATES)
                        && !matches!(w, "and" | "or")
                } else {
                    false
                };
                if end_ok {
                    found.push((a, b, rules::LOCATED_COMMA));
                }
                continue;
            }
            // "A, B's second city"
            let mut k = i + 2;
            if let Some(b) = self.plain_place(k, &place) {
                if self.word(k + 1) == Some("'s") {
                    let mut j = k + 2;
                    while j < k + 5 && self.adjective(j) && !self.is(j, class::PLACE) {
                        j += 1;
                    }
                    if self.is(j, class::PLACE)
                        && self.object_follow_ok(j + 1)
                        && self.word(j + 1) != Some("of")
                    {
                        found.push((a, b, rules::LOCATED_APPOSITION));
                    }
                }
                continue;
            }
            // "A, a Syrian border town", "A, a town in (northern) B"
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
                continue;
            }
            if let Some(d) = dem {
                if self.object_follow_ok(k + 1) && self.word(k + 1) != Some("of") {
                    found.push((a, d, rules::LOCATED_APPOSITION));
                }
                continue;
            }
            if self.word(k + 1) != Some("in") {
                continue;
            }
            let mut j = k + 2;
            if self.is(j, class::DET) {
                j += 1;
            }
            while j < k + 5 && self.adjective(j) {
                j += 1;
            }
            if let Some(b) = self.plain_place(j, &place) {
                if self.object_follow_ok(j + 1) {
                    found.push((a, b, rules::LOCATED_APPOSITION));
                }
            }
        }
        for (a, b, rule) in found {
            out.push(RelationKind::LocatedIn, a, b, None, rule);
        }
    }
}
