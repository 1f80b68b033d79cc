//! The sentence as the rules read it: a sequence of units (noun phrases) and the words
//! between, with what the rules ask of it: clause boundaries, negation, coordinated
//! subjects before a cue and objects after it. It finds no relation itself.

use super::found::SentenceMention;
use super::lexicon::{class, Lexicon};
use super::tokens::{Tok, TokKind};
use super::units::{is_ly_adverb, is_number, Unit};
use crate::model::EntityType;

/// One element of the sentence as the clause rules see it: a whole unit, or a word or
/// punctuation token outside every unit.
pub(super) struct Item<'a> {
    unit: Option<usize>,
    tok: usize,
    /// The lexicon classes of a word outside every unit (0 for anything else), looked up
    /// once for all the rules that ask.
    class: u64,
    /// What the item is, and the lowercase text of its token (empty for a unit), kept
    /// here so that [`Sentence::word`] and [`Sentence::punct`], which the rules ask all
    /// the time, read the item alone.
    kind: ItemKind,
    lower: &'a str,
}

/// What an [`Item`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Unit,
    Word,
    Punct,
    /// A mention outside every unit.
    Mention,
}

/// Coordinated units and the item where their phrase starts.
#[derive(Clone, Debug)]
pub(super) struct Group {
    pub(super) units: Vec<usize>,
    pub(super) start: usize,
}

/// Names in a list read back from its last one, first to last, and how each but the
/// first is joined to the one before it.
struct ListLeft {
    members: Vec<usize>,
    /// Joined by "and" (or "&"), not by a bare comma.
    ands: Vec<bool>,
    /// Joined by ", and", which may join clauses rather than names.
    comma_ands: Vec<bool>,
}

impl ListLeft {
    /// Drops the first `n` members and their joints.
    fn drop_first(&mut self, n: usize) {
        self.members.drain(..n);
        self.ands.drain(..n);
        self.comma_ands.drain(..n);
    }
}

/// What stands before a cue: the subject group and the words between.
pub(super) struct Left {
    pub(super) group: Group,
    /// The items between the subject and the cue.
    pub(super) pre: Vec<usize>,
    /// The words between start with a comma: "Assad, backed by Moscow".
    pub(super) comma_lead: bool,
    /// The subject was reached through a describing noun: "X, a group linked to Y".
    pub(super) descriptor: bool,
    /// For a subject reached through a relative pronoun or a describing noun: where the
    /// relative clause starts, the only words whose negation counts.
    pub(super) scope: Option<usize>,
}

/// What may follow the last of a group of objects.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Follow {
    /// The object of a verb: not a verb, which would make it a new clause's subject.
    Object,
    /// A phrase that may be a subject itself: a verb may follow.
    Phrase,
}

/// A clause whose subject a later "and <verb>" may share.
pub(super) struct Clause {
    pub(super) cue_end: usize,
    pub(super) group: Group,
}

/// A word that a photo caption puts in brackets or commas after a name ("(left)").
fn is_caption(w: &str) -> bool {
    matches!(
        w,
        "left" | "right" | "center" | "centre" | "l" | "r" | "pictured" | "front"
    )
}

/// The items of a sentence's tokens (each unit once, at its first token; every other
/// token not in a unit), the items that are units with their units, and whether a
/// caption word follows a bracket or comma.
#[allow(clippy::type_complexity)]
fn read_items<'a>(
    toks: &'a [Tok<'a>],
    units: &[Unit],
    owner: &[Option<usize>],
    lex: &Lexicon,
) -> (Vec<Item<'a>>, Vec<(usize, usize)>, bool) {
    let mut items = Vec::with_capacity(owner.len());
    let mut unit_at = Vec::with_capacity(units.len());
    // Whether a caption word follows a bracket or comma at all ("(left)", ", right,"):
    // most sentences hold none. Dropping an aside joins a name to what follows it, so
    // it never puts a caption word after a bracket or comma.
    let mut caption = false;
    let mut after_open = false;
    for (t, o) in owner.iter().enumerate() {
        match o {
            Some(u) if units[*u].first == t => {
                after_open = false;
                unit_at.push((items.len(), *u));
                items.push(Item {
                    unit: Some(*u),
                    tok: t,
                    class: 0,
                    kind: ItemKind::Unit,
                    lower: "",
                });
            }
            Some(_) => {}
            None => {
                let tok = &toks[t];
                let lower: &'a str = &tok.lower;
                let (kind, class) = match tok.kind {
                    TokKind::Word => (ItemKind::Word, lex.class(lower)),
                    TokKind::Punct => (ItemKind::Punct, 0),
                    TokKind::Mention(_) => (ItemKind::Mention, 0),
                };
                caption |= after_open && kind == ItemKind::Word && is_caption(lower);
                after_open = kind == ItemKind::Punct && matches!(lower, "(" | ",");
                items.push(Item {
                    unit: None,
                    tok: t,
                    class,
                    kind,
                    lower,
                });
            }
        }
    }
    (items, unit_at, caption)
}

pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok<'a>],
    pub(super) mentions: &'a [SentenceMention],
    pub(super) units: &'a [Unit],
    pub(super) items: Vec<Item<'a>>,
    /// The items that are units, each with its unit, in order: the items are fixed once
    /// the sentence is made, so this is listed once for the rules that start at a unit.
    unit_at: Vec<(usize, usize)>,
    pub(super) lex: &'a Lexicon,
}

impl<'a> Sentence<'a> {
    pub(super) fn new(
        text: &'a str,
        toks: &'a [Tok<'a>],
        mentions: &'a [SentenceMention],
        units: &'a [Unit],
        owner: &[Option<usize>],
        lex: &'a Lexicon,
    ) -> Sentence<'a> {
        let (items, unit_at, caption) = read_items(toks, units, owner, lex);
        let mut s = Sentence {
            text,
            toks,
            mentions,
            units,
            items,
            unit_at,
            lex,
        };
        if caption {
            // Dropping asides moves the items after them: listed again.
            s.drop_caption_asides();
            s.unit_at = s
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, it)| Some((i, it.unit?)))
                .collect();
        }
        s
    }

    /// Drops photo-caption asides after a name: "Kerry (right) meets Lavrov", "Kerry, left,
    /// and Lavrov".
    pub(super) fn drop_caption_asides(&mut self) {
        let caption = |w: Option<&str>| w.is_some_and(is_caption);
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

    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let it = self.items.get(i)?;
        (it.kind == ItemKind::Word).then_some(it.lower)
    }

    pub(super) fn punct(&self, i: usize) -> Option<&'a str> {
        let it = self.items.get(i)?;
        (it.kind == ItemKind::Punct).then_some(it.lower)
    }

    /// The sentence's text from the word at item `first` to the word at item `last`.
    pub(super) fn words_text(&self, first: usize, last: usize) -> Option<&'a str> {
        let (a, b) = (self.items.get(first)?, self.items.get(last)?);
        let (s, e) = (self.toks[a.tok].start, self.toks[b.tok].end);
        (s < e && a.unit.is_none() && b.unit.is_none()).then(|| self.text[s..e].trim())
    }

    pub(super) fn unit(&self, i: usize) -> Option<usize> {
        self.items.get(i)?.unit
    }

    /// The items that are units, each with its unit, in order: where the rules that
    /// start at a unit look.
    pub(super) fn unit_items(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.unit_at.iter().copied()
    }

    /// The items that are words of any class in `mask`, in order.
    pub(super) fn items_of(&self, mask: u64) -> impl Iterator<Item = usize> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, it)| it.class & mask != 0)
            .map(|(i, _)| i)
    }

    /// The unit at `i` if it can be an argument.
    pub(super) fn arg(&self, i: usize) -> Option<usize> {
        self.unit(i).filter(|&u| self.units[u].arg)
    }

    /// Whether the item at `i` is a word of any class in `mask`.
    pub(super) fn is(&self, i: usize, mask: u64) -> bool {
        self.class(i) & mask != 0
    }

    /// The lexicon classes of the word at item `i`; 0 for a unit, punctuation or the end.
    pub(super) fn class(&self, i: usize) -> u64 {
        self.items.get(i).map_or(0, |it| it.class)
    }

    pub(super) fn head(&self, u: usize) -> usize {
        self.units[u].head
    }

    /// Whether the item at `k` may follow an object: the end, punctuation, a preposition,
    /// a conjunction, a date, an adverb; not a verb or a noun the object would modify.
    pub(super) fn object_follow_ok(&self, k: usize) -> bool {
        let Some(it) = self.items.get(k) else {
            return true;
        };
        if it.unit.is_some() {
            return false;
        }
        let t = &self.toks[it.tok];
        match t.kind {
            TokKind::Word => {
                let w = &*t.lower;
                const OK: u64 = class::CLOSED
                    | class::PREP
                    | class::DATES
                    | class::ADV
                    | class::REL
                    | class::CLAUSE;
                w != "'s" && (it.class & OK != 0 || is_ly_adverb(w))
            }
            _ => true,
        }
    }

    /// Whether the item at `k` may follow a noun phrase that can itself be a subject
    /// ("Russia's war against Ukraine entered ...", "talks between X and Y ended").
    pub(super) fn phrase_follow_ok(&self, k: usize) -> bool {
        if self.object_follow_ok(k) {
            return true;
        }
        const VERBISH: u64 = class::AUX
            | class::REPORT
            | class::LIGHT
            | class::PLAN
            | class::COPULA
            | class::CUE
            | class::NEG
            | class::HEDGE
            | class::VERBS;
        self.word(k)
            .is_some_and(|w| w != "'s" && (w.ends_with("ed") || self.is(k, VERBISH)))
    }

    /// Whether the item at `i` ends the clause before it, for the negation window.
    pub(super) fn boundary(&self, i: usize) -> bool {
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
            if self.is(i, class::CLAUSE) {
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
    pub(super) fn negated(&self, from: usize, to: usize) -> bool {
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

    pub(super) fn negator_in(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            self.word(i)
                .is_some_and(|w| self.is(i, class::NEG | class::HEDGE) || w.ends_with("n't"))
        })
    }

    /// Negation of the clause a subject was found in: a relative clause ("X, which Y views
    /// as a group linked to Z") is judged on its own words only.
    pub(super) fn left_negated(&self, left: &Left, cs: usize) -> bool {
        match left.scope {
            Some(start) => self.negator_in(start, cs),
            None => self.negated(left.group.start, cs),
        }
    }

    /// A word that can be an adjective before a relational noun ("closest", "bilateral").
    pub(super) fn adjective(&self, i: usize) -> bool {
        const FUNCTION: u64 = class::FUNCTION | class::CUE | class::VIEW;
        self.word(i).is_some_and(|w| {
            w != "'s" && !self.is(i, FUNCTION) && w.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
    }

    /// Whether nothing but punctuation comes before item `i` (a headline's start).
    pub(super) fn at_start(&self, i: usize) -> bool {
        (0..i).all(|k| self.punct(k).is_some())
    }

    /// The coordinated units ending with the unit at item `last`: "X", "X and Y",
    /// "X, Y and Z", "X and his Turkish counterpart Y"; "X, Y" only at a headline's start.
    /// A first unit inside a prepositional phrase or after a verb is dropped.
    pub(super) fn group_left(&self, last: usize) -> Option<Group> {
        let mut list = self.list_left(last);
        self.drop_bare_commas(&mut list);
        // The first member must start a clause, not sit after a preposition or a verb.
        loop {
            let first = *list.members.first()?;
            let mut s = first;
            if s > 0 && self.is(s - 1, class::DET) {
                s -= 1;
            }
            if self.starts_clause(s) {
                let units = list.members.iter().filter_map(|&m| self.unit(m)).collect();
                return Some(Group { units, start: s });
            }
            if list.members.len() > 1 && (!list.ands[0] || list.comma_ands[0]) {
                list.drop_first(1);
            } else {
                return None;
            }
        }
    }

    /// The names read back from the unit at item `last` over "and", "&" and commas.
    fn list_left(&self, last: usize) -> ListLeft {
        let mut list = ListLeft {
            members: vec![last],
            ands: Vec::new(),
            comma_ands: Vec::new(),
        };
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
                    list.members.push(p);
                    list.ands.push(is_and);
                    list.comma_ands.push(comma_and);
                    cur = p;
                }
                None => break,
            }
        }
        list.members.reverse();
        list.ands.reverse();
        list.comma_ands.reverse();
        list
    }

    /// A bare comma joins only inside a list closed by "and", or in a headline ("Kerry,
    /// Lavrov to meet"): the members up to the last other bare comma are dropped.
    fn drop_bare_commas(&self, list: &mut ListLeft) {
        let ands = &list.ands;
        let bad = (0..ands.len())
            .rev()
            .find(|&i| !ands[i] && !ands[i + 1..].iter().any(|&x| x));
        let Some(i) = bad else { return };
        let ty = |m: usize| {
            self.unit(m)
                .and_then(|u| self.mentions.get(self.units[u].head))
                .map(|m| m.entity_type)
        };
        let members = &list.members;
        let headline = !ands.iter().any(|&a| a)
            && self.at_start(members[0])
            && members.iter().all(|&m| ty(m) == ty(members[0]));
        if !headline {
            list.drop_first(i + 1);
        }
    }

    /// Whether a subject starting at item `s` starts a clause: at the sentence's start,
    /// after punctuation or a word that may open a clause, not after a preposition or a
    /// verb.
    fn starts_clause(&self, s: usize) -> bool {
        // "In Geneva Kerry met Lavrov": a fronted place without its comma.
        let fronted = s == 2
            && self.word(0) == Some("in")
            && self
                .unit(1)
                .is_some_and(|u| self.mentions[self.head(u)].entity_type == EntityType::Location);
        s == 0
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
            })
    }

    /// The coordinated units starting at item `first`: "X", "X and Y", "X, Y and Z".
    /// The last one must not be followed by a verb (it would start a new clause).
    pub(super) fn group_right(&self, first: usize, follow: Follow) -> Vec<usize> {
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
    pub(super) fn right_object(
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
            } else if let Some(n) = self.members_of(k).filter(|_| !used) {
                // "killed 70 members of X", "met officials of X", "the government and
                // people of X": the people stand for X.
                used = true;
                k += n;
            } else {
                break;
            }
        }
        self.arg(k)?;
        let objs = self.group_right(k, follow);
        (!objs.is_empty()).then_some((objs, by))
    }

    /// How many words "members of", "fighters of", "officials of" (people of an
    /// organization or a state, not "group of") or "the government and people of" take
    /// from item `k`.
    fn members_of(&self, k: usize) -> Option<usize> {
        let members = |j: usize| {
            self.word(j)
                .is_some_and(|w| w != "group" && self.lex.is(w, class::MEMBERS | class::STATE))
        };
        if !members(k) {
            return None;
        }
        if self.word(k + 1) == Some("of") {
            return Some(2);
        }
        let pair = self.word(k + 1) == Some("and")
            && (members(k + 2) || self.word(k + 2) == Some("people"))
            && self.word(k + 3) == Some("of");
        pair.then_some(4)
    }

    /// The subject group before the cue starting at `cs`, past words `pre_ok` accepts
    /// (and enclosed ", adverb," pairs); through a relative pronoun ("Russia, which backs")
    /// or a describing noun ("X, a group linked to", "X, which Y views as a group linked to").
    pub(super) fn left_subject(&self, cs: usize, pre_ok: &dyn Fn(&str) -> bool) -> Option<Left> {
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
        let relative = anchor != i && !descriptor;
        let group = self.group_left(anchor).or_else(|| {
            // "... comprise the 134th Squadron, which will fly missions against ISIL": the
            // antecedent of a relative pronoun may stand anywhere, but not inside a phrase
            // of another noun ("the wife of X, who ...", "a lawyer with X who ...").
            let mut s = anchor;
            if s > 0 && self.is(s - 1, class::DET) {
                s -= 1;
            }
            let of = s > 0 && self.is(s - 1, class::PREP) && self.word(s - 1) != Some("to");
            let u = self.unit(anchor).filter(|_| relative && !of)?;
            Some(Group {
                units: vec![u],
                start: s,
            })
        })?;
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
    pub(super) fn descriptor(&self, i: usize) -> Option<usize> {
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
    pub(super) fn shared_subject(
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
        const STOP: u64 = class::AUX
            | class::REPORT
            | class::REL
            | class::CLAUSE
            | class::NEG
            | class::HEDGE
            | class::CUE;
        // Prepositions and dates may be cue words too ("sanctions on"); here they only
        // close the first verb's object ("met Y on Monday and later accused Z").
        let stop = |w: &str| self.lex.is(w, STOP) && !self.lex.is(w, class::PREP | class::DATES);
        let clean = (clause.cue_end..and)
            .all(|i| self.unit(i).is_some() || self.word(i).is_some_and(|w| !stop(w)));
        clean.then(|| Left {
            group: clause.group.clone(),
            pre: (k..cs).collect(),
            comma_lead: false,
            descriptor: false,
            scope: None,
        })
    }

    /// A place name, capitalized ("Geneva", "al-Hilla", not "the airfield").
    pub(super) fn place(&self, m: usize) -> bool {
        self.mentions.get(m).is_some_and(|m| {
            if m.entity_type != EntityType::Location || m.demonym {
                return false;
            }
            let name = &self.text[m.span.start..m.span.end];
            // Most names start with a capital letter, which no trimming below removes.
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                return true;
            }
            let name = name
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_start_matches("the ");
            // An Arabic article before the name: "al-Hilla", "el-Arish".
            let name = match name.split_once('-') {
                Some((article, rest)) if article.len() <= 2 && article.starts_with(['a', 'e']) => {
                    rest
                }
                _ => name,
            };
            name.starts_with(|c: char| c.is_uppercase())
        })
    }

    /// Whether mention `m` is a name ending in a division noun ("Kunene Province").
    pub(super) fn division_name(&self, m: usize) -> bool {
        let Some(m) = self.mentions.get(m) else {
            return false;
        };
        let last = self.text[m.span.start..m.span.end].rsplit(' ').next();
        last.is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && self.lex.lowered_class(w) & class::PLACE != 0
        })
    }

    /// Whether the word at item `i` makes a following "(place noun) of B" a partner of B,
    /// not a part of it ("the sister city of B", "a satellite town of B").
    pub(super) fn partner_place(&self, i: usize) -> bool {
        const KIN: [&str; 6] = [
            "sister",
            "twin",
            "partner",
            "satellite",
            "neighbouring",
            "neighboring",
        ];
        self.word(i).is_some_and(|w| KIN.contains(&w))
    }

    /// The place at item `i` if its unit is a single place name and nothing else.
    pub(super) fn plain_place(&self, i: usize) -> Option<usize> {
        let u = self.unit(i)?;
        let unit = &self.units[u];
        (unit.first == unit.last && self.place(unit.head)).then_some(unit.head)
    }

    /// Whether the unit at item `i` ends or starts with its place: "the California town of
    /// Ojai", "the Lazio region of central Italy".
    pub(super) fn edge_place(&self, i: usize) -> bool {
        self.unit(i).is_some_and(|u| {
            let unit = &self.units[u];
            let at = |t: usize| self.toks.get(t).map(|t| t.kind);
            let head = Some(TokKind::Mention(unit.head));
            self.place(unit.head) && (at(unit.last) == head || at(unit.first) == head)
        })
    }

    /// The items of the places "A, B, C" from item `k`: plain place names joined by single
    /// commas, as far as they go (the caller judges what follows).
    pub(super) fn place_chain(&self, k: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut j = k;
        // The first may be "the California town of Ojai" or "the Lazio region of central
        // Italy": a unit that ends or starts with its place.
        while (self.plain_place(j).is_some() || (chain.is_empty() && self.edge_place(j)))
            && chain.len() < 8
        {
            chain.push(j);
            if self.punct(j + 1) != Some(",") {
                break;
            }
            j += 2;
            // "in Aleppo, northern Syria".
            if self.is(j, class::DIRECTION) && self.plain_place(j + 1).is_some() {
                j += 1;
            }
            // "in Campbell County, Tennessee, in the southeastern United States", "in the
            // district of A, within B, C, in northern D"
            let within = self.word(j) == Some("within");
            if (self.word(j) == Some("in") && chain.len() >= 2) || within {
                j += 1;
                while j < k + 20 && self.is(j, class::DET | class::DIRECTION) {
                    j += 1;
                }
            }
        }
        chain
    }

    /// Whether "and" or "or" at item `k` joins another name ("in Iowa and Ohio"), rather
    /// than a new phrase ("in Edmonton, Canada and named after ...").
    pub(super) fn and_place(&self, k: usize) -> bool {
        let mut j = k;
        if self.punct(j) == Some(",") {
            j += 1;
        }
        if !matches!(self.word(j), Some("and" | "or" | "&")) {
            return false;
        }
        j += 1;
        if self.is(j, class::DET | class::DIRECTION) {
            j += 1;
        }
        self.unit(j).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions;
    use super::super::{tokens, units};
    use super::*;

    /// The items' own kind and text, and the listed unit items, read as the tokens and
    /// units they were made from read (after the caption asides are dropped).
    #[test]
    fn items_read_as_their_tokens() {
        let lex = Lexicon::get();
        for (text, spec) in [
            (
                "Kerry (left) met Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland.",
                &[
                    ("Kerry", EntityType::Person),
                    ("*Russian", EntityType::Location),
                    ("Sergei Lavrov", EntityType::Person),
                    ("Geneva", EntityType::Location),
                    ("Switzerland", EntityType::Location),
                ][..],
            ),
            (
                "Acme, left, and Beta Corp. said \u{201c}it\u{2019}s over\u{201d} - not so.",
                &[
                    ("Acme", EntityType::Organization),
                    ("Beta Corp.", EntityType::Organization),
                ][..],
            ),
        ] {
            let ms = mentions(text, spec);
            let lower = text.to_ascii_lowercase();
            let toks = tokens::tokenize(text, &lower, &ms);
            let chunks = units::chunk(text, &toks, &ms, lex);
            let s = Sentence::new(text, &toks, &ms, &chunks.units, &chunks.owner, lex);
            let mut listed = Vec::new();
            for (i, it) in s.items.iter().enumerate() {
                let t = &toks[it.tok];
                let alone = it.unit.is_none();
                let word = (alone && t.kind == TokKind::Word).then_some(&*t.lower);
                let punct = (alone && t.kind == TokKind::Punct).then_some(&*t.lower);
                assert_eq!(s.word(i), word, "{text}: item {i}");
                assert_eq!(s.punct(i), punct, "{text}: item {i}");
                if let Some(u) = it.unit {
                    listed.push((i, u));
                }
            }
            assert_eq!(s.unit_items().collect::<Vec<_>>(), listed, "{text}");
            assert!(!listed.is_empty());
            // The caption aside is gone: no "left" item remains after a name.
            assert!(
                !(0..s.items.len()).any(|i| s.word(i) == Some("left")),
                "{text}"
            );
        }
    }
}
