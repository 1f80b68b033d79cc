//! The place rules: a place inside a larger one, stated by a comma ("in Geneva,
//! Switzerland") or an apposition ("Jarabulus, a town in northern Syria"). Units of the
//! form "the Syrian city of Aleppo" are found earlier, by the chunker.

use std::ops::Deref;

use super::clauses::Sentence;
use super::found::{rules, Collector};
use super::lexicon::class;
use super::tokens::TokKind;
use super::units::{is_ly_adverb, is_number};
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

/// Nouns that make an organization's name the name of a site ("Westminster School",
/// "the University of Kent"), sorted: such an organization "in" a place is there, whatever
/// comes before it, while "NATO in Afghanistan" is no address ("church" is left out: "the
/// Catholic Church in Poland" is no building).
const SITE_WORDS: [&str; 19] = [
    "abbey",
    "academy",
    "cathedral",
    "cemetery",
    "college",
    "conservatory",
    "gallery",
    "hospital",
    "institute",
    "library",
    "monastery",
    "museum",
    "observatory",
    "prison",
    "school",
    "seminary",
    "theater",
    "theatre",
    "university",
];

/// Division nouns after a place's name that name the place itself ("Idlib province in
/// Syria"); "a Rustbelt town in ..." or "the Yangtze river in ..." do not.
const DIVISIONS: [&str; 8] = [
    "province",
    "district",
    "region",
    "governorate",
    "county",
    "prefecture",
    "municipality",
    "oblast",
];

/// Words right before an organization that fights or is fought, which puts it where the
/// fighting is ("strikes against ISIL in Iraq", "to defeat ISIL in Syria"), sorted by use.
const FOUGHT_BEFORE: [&str; 22] = [
    "against",
    "defeat",
    "defeating",
    "defeated",
    "fight",
    "fighting",
    "fought",
    "destroy",
    "destroying",
    "degrade",
    "degrading",
    "combat",
    "combating",
    "combatting",
    "attack",
    "attacking",
    "attacked",
    "engaged",
    "battling",
    "battle",
    "targeting",
    "targeted",
];

/// Prepositions of a fronted place that says where its clause happens ("Near Mosul, ...").
const SCENE_PREPS: [&str; 4] = ["in", "near", "around", "outside"];

/// Adverbs that may come before such a fronted place ("Elsewhere in Syria, ...").
const SCENE_ADVERBS: [&str; 4] = ["elsewhere", "meanwhile", "also", "further"];

/// Verbs of a strike that reaches its target where the strike is ("Near Mosul, one strike
/// engaged an ISIL unit"); not "hit" or "targeted", often said of words ("targeted the
/// committee chairman").
const STRUCK: [&str; 8] = [
    "engaged",
    "attacked",
    "struck",
    "bombed",
    "shelled",
    "raided",
    "suppressed",
    "ambushed",
];

/// Count words before a counted noun ("engaged four ISIL units").
fn is_count(w: &str) -> bool {
    is_number(w)
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
                | "many"
                | "multiple"
                | "dozens"
        )
}

/// Nouns of a defeat before "of X in P" ("the defeat of Daesh in Iraq").
const DEFEAT_NOUNS: [&str; 4] = ["defeat", "destruction", "expulsion", "elimination"];

/// Nouns after "X's" that put X in the place after them ("ISIL's presence in Palmyra").
const PRESENCE_NOUNS: [&str; 8] = [
    "presence",
    "campaign",
    "operations",
    "offensive",
    "fighters",
    "forces",
    "troops",
    "positions",
];

/// Words after which "X, Y" names a place inside a larger one ("in Geneva, Switzerland").
const PLACE_PREPS: [&str; 19] = [
    "in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "toward",
    "towards", "via", "through", "of", "visited", "visit", "visiting", "based",
];

impl Places<'_, '_> {
    /// "in Geneva, Switzerland", "Jarabulus, a town in northern Syria", "Aleppo, Syria's
    /// second city", "Jarabulus, a Syrian border town".
    fn located(&self, out: &mut Collector) {
        let mut found: Vec<(usize, usize, &'static str)> = self
            .fronted()
            .into_iter()
            .map(|(a, b)| (a, b, rules::LOCATED_FRONTED))
            .collect();
        // Every rule below starts at a unit.
        for (i, _) in self.unit_items() {
            for b in self.in_places(i) {
                if let Some(a) = self.unit(i).map(|u| self.head(u)) {
                    found.push((a, b, rules::LOCATED_IN));
                }
            }
            let address = self.org_address(i);
            for (n, &b) in address.iter().enumerate() {
                found.push((self.head_at(i), b, rules::LOCATED_COMMA));
                for &c in &address[n + 1..] {
                    found.push((b, c, rules::LOCATED_COMMA));
                }
            }
            if let Some(a) = self.plain_place(i) {
                self.place_then(i, a, &mut found);
            }
        }
        for (a, b, rule) in found {
            out.push(RelationKind::LocatedIn, a, b, None, rule);
        }
    }

    /// The places that the place `a` at item `i` is in by what follows it: "the Kunene
    /// Province of Angola", "Geneva, Switzerland", "A, B, C" closed as an address,
    /// "Aleppo, Syria's second city", "Jarabulus, a Syrian border town".
    fn place_then(&self, i: usize, a: usize, found: &mut Vec<(usize, usize, &'static str)>) {
        if let Some(b) = self.named_division_of(i) {
            found.push((a, b, rules::LOCATED_OF));
            return;
        }
        if self.punct(i + 1) != Some(",") {
            return;
        }
        if i >= 2 && self.punct(i - 1) == Some(",") && self.unit(i - 2).is_some() {
            return; // a list "X, Y, Z"
        }
        if let Some(b) = self.in_direction_after(i) {
            found.push((a, b, rules::LOCATED_IN_DIRECTION));
            return;
        }
        let chain = self.place_chain(i);
        if chain.len() >= 3 {
            if self.chain_closed(i, &chain) {
                for (n, &x) in chain.iter().enumerate() {
                    for &y in &chain[n + 1..] {
                        found.push((self.head_at(x), self.head_at(y), rules::LOCATED_COMMA));
                    }
                }
            }
            return;
        }
        let b = if self.plain_place(self.second_at(i)).is_some() {
            self.comma_pair(i)
                .map(|b| (b, rules::LOCATED_COMMA))
                .or_else(|| self.bare_pair(i).map(|b| (b, rules::LOCATED_COMMA_BARE)))
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

    /// "Lyon, in eastern France": the place after a comma, "in" and a direction, closed
    /// there. The direction tells an aside from a list of "in" phrases ("in Lyon, in Paris
    /// and in Nice").
    fn in_direction_after(&self, i: usize) -> Option<usize> {
        if self.word(i + 2) != Some("in") || !self.is(i + 3, class::DIRECTION) {
            return None;
        }
        let j = i + 4;
        let b = self.plain_place(j)?;
        (self.object_follow_ok(j + 1) && !self.and_place(j + 1)).then_some(b)
    }

    /// "the Kunene Province of southern Angola": a place whose name ends in a division
    /// noun, "of", a direction, a place.
    fn named_division_of(&self, i: usize) -> Option<usize> {
        let a = self.plain_place(i)?;
        // The cheaper test first.
        if self.word(i + 1) != Some("of") || !self.division_name(a) {
            return None;
        }
        // "of central Italy": the direction tells a part of a place from a name ("the Free
        // State of Prussia", "the London Borough of Hillingdon").
        if !self.is(i + 2, class::DIRECTION) {
            return None;
        }
        let j = i + 3;
        let b = self.plain_place(j)?;
        (self.object_follow_ok(j + 1) && !self.and_place(j + 1)).then_some(b)
    }

    /// "born in Buttenhausen in Münsingen, Württemberg", "the Kremlin in Moscow", "studied
    /// at the Conservatory in Naples": the places after "in" that hold the place or
    /// institution at item `i`. A place must follow a preposition or start the sentence;
    /// an organization must follow "the" or "at" ("NATO in Afghanistan" is no address),
    /// unless its name is a site's ("graduated from Westminster School in Connecticut"),
    /// or the sentence puts it there (see [`Places::present`]).
    fn in_places(&self, i: usize) -> Vec<usize> {
        let Some((ok, at, present)) = self.held_before(i) else {
            return Vec::new();
        };
        // "Aleppo and other towns in Syria" wherever the phrase stands.
        let (ok, at) = match self.past_other_places(at) {
            past if past != at && self.plain_place(i).is_some() => (true, past),
            _ => (ok, at),
        };
        if !ok || self.word(at) != Some("in") {
            return Vec::new();
        }
        self.places_after_in(at + 1, present)
    }

    /// Whether the place or institution at item `i` can be held by an "in" phrase, the
    /// item where that "in" would stand, and whether the sentence puts it there; `None`
    /// for no unit.
    fn held_before(&self, i: usize) -> Option<(bool, usize, bool)> {
        let unit = &self.units[self.unit(i)?];
        let m = self.mentions.get(unit.head)?;
        let before = i.checked_sub(1).and_then(|j| self.word(j));
        Some(match m.entity_type {
            // "in Mosul in Iraq", "the city of Mosul in Iraq", "Idlib province in Syria".
            EntityType::Location => (
                (self.plain_place(i).is_some() || self.place_of_noun(i))
                    && (i == 0
                        || self.punct(i - 1).is_some()
                        || before.is_some_and(|w| self.lex.is(w, class::PREP | class::DET))),
                i + 1
                    + usize::from(
                        self.plain_place(i).is_some()
                            && self.word(i + 1).is_some_and(|w| DIVISIONS.contains(&w)),
                    ),
                false,
            ),
            EntityType::Organization => match self.present(i) {
                Some(at) => (true, at, true),
                // "the Acme tribe in Anbar": a group noun may end the name's phrase.
                None => (
                    unit.first == unit.last
                        && (matches!(before, Some("the" | "at")) || self.site_name(unit.head)),
                    i + 1 + usize::from(self.is(i + 1, class::GROUP) && !self.part_noun(i + 1)),
                    false,
                ),
            },
            _ => (false, i + 1, false),
        })
    }

    /// The heads of the places named from item `j`, right after "in" (with `present`:
    /// the sentence puts an organization there, and "in Iraq and Syria" is in each);
    /// none when the phrase goes on as a subject or a list.
    fn places_after_in(&self, mut j: usize, present: bool) -> Vec<usize> {
        // "Mount Tyree in the Sentinel Range": a place named with "the".
        if self.word(j) == Some("the") && self.plain_place(j + 1).is_some() {
            j += 1;
        }
        // "ISIL fighters in both Iraq and Syria".
        if present && self.word(j) == Some("both") {
            j += 1;
        }
        if self.is(j, class::DIRECTION) {
            j += 1;
        }
        let mut chain = self.place_chain(j);
        // "ISIL fighters in Iraq and Syria" are in each; "born in Iowa and Ohio" is unclear.
        if present {
            while let Some(&last) = chain.last() {
                if chain.len() >= 4 || !self.and_place(last + 1) {
                    break;
                }
                let mut k = last + 2;
                if self.is(k, class::DIRECTION) {
                    k += 1;
                }
                if self.plain_place(k).is_none() {
                    break;
                }
                chain.push(k);
            }
        }
        let Some(&last) = chain.last() else {
            return Vec::new();
        };
        // "ISIL's presence in Palmyra is a tragedy", "the city of Mosul in Iraq was
        // taken": the phrase may be a subject.
        if self.word(last + 1) == Some("'s")
            || !self.phrase_follow_ok(last + 1)
            || self.and_place(last + 1)
            || (self.punct(last + 1) == Some(",") && self.unit(last + 2).is_some())
        {
            return Vec::new();
        }
        chain.iter().map(|&c| self.head_at(c)).collect()
    }

    /// The item after "and other towns (and villages)" at item `k`, or `k`: "Aleppo and
    /// other cities in Syria" puts Aleppo in Syria.
    fn past_other_places(&self, k: usize) -> usize {
        let plural_place = |j: usize| {
            self.word(j).is_some_and(|w| {
                let one = w
                    .strip_suffix("ies")
                    .map(|s| format!("{s}y"))
                    .or_else(|| w.strip_suffix('s').map(str::to_string));
                one.is_some_and(|one| self.lex.is(&one, class::PLACE))
            })
        };
        if self.word(k) != Some("and") || self.word(k + 1) != Some("other") || !plural_place(k + 2)
        {
            return k;
        }
        if self.word(k + 3) == Some("and") && plural_place(k + 4) {
            k + 5
        } else {
            k + 3
        }
    }

    /// Whether the unit at item `i` names an organization's people or things: "ISIL
    /// fighters", "Coalition military forces", "ISIL targets".
    fn people(&self, i: usize) -> bool {
        self.unit(i).is_some_and(|u| {
            let unit = &self.units[u];
            let last = self.toks.get(unit.last).map(|t| &*t.lower);
            unit.last > unit.first
                && last.is_some_and(|w| {
                    self.lex
                        .is(w, class::STATE | class::MEMBERS | class::TARGETS)
                })
        })
    }

    /// Whether the unit at item `i` is what fighting is aimed at: "against ISIL", "to defeat
    /// the Red Hand", "engaged four ISIL units", "the defeat of Daesh".
    fn fought(&self, i: usize) -> bool {
        let j = self.before_count(i);
        self.word(j).is_some_and(|w| FOUGHT_BEFORE.contains(&w))
            || (self.word(j) == Some("of")
                && j > 0
                && self.word(j - 1).is_some_and(|w| DEFEAT_NOUNS.contains(&w)))
    }

    /// The item before the unit at `i`, past determiners and counts ("engaged four").
    fn before_count(&self, i: usize) -> usize {
        let mut j = i.saturating_sub(1);
        while j > 0 && i - j < 3 && (self.is(j, class::DET) || self.word(j).is_some_and(is_count)) {
            j -= 1;
        }
        j
    }

    /// "Near Mosul, five strikes engaged four ISIL units", "In Syria, Coalition forces
    /// conducted 15 strikes against ISIL targets": a place fronted with its comma says
    /// where its clause happens, so an organization's people or things there are in it:
    /// the clause's subject ("Coalition forces"), the fighters or targets it fights, and
    /// any organization a strike verb reaches ("engaged an ISIL unit"); up to a semicolon,
    /// a colon or a reporting verb, and not when the clause is negated or hedged ("In
    /// Florida, Democrats have ..." puts no party anywhere). Gives (organization, place)
    /// pairs.
    fn fronted(&self) -> Vec<(usize, usize)> {
        let mut k = 0;
        while k < 3
            && self
                .word(k)
                .is_some_and(|w| is_ly_adverb(w) || SCENE_ADVERBS.contains(&w))
        {
            k += 1;
        }
        if !self.word(k).is_some_and(|w| SCENE_PREPS.contains(&w)) {
            return Vec::new();
        }
        k += 1;
        while k < 6 && self.is(k, class::DET | class::DIRECTION) {
            k += 1;
        }
        let chain = self.place_chain(k);
        let Some(&last) = chain.last() else {
            return Vec::new();
        };
        let start = last + 2;
        if self.punct(last + 1) != Some(",") {
            return Vec::new();
        }
        let mut end = start;
        while end < self.items.len()
            && end < start + 80
            && !matches!(self.punct(end), Some(";" | ":"))
            && !self.is(end, class::REPORT)
        {
            end += 1;
        }
        if self.negator_in(start, end) {
            return Vec::new();
        }
        let mut subject = start;
        if self.is(subject, class::DET) {
            subject += 1;
        }
        let mut out = Vec::new();
        for j in start..end {
            let Some(u) = self.arg(j) else { continue };
            let head = self.head(u);
            if self.mentions[head].entity_type != EntityType::Organization {
                continue;
            }
            // Fighters, forces or targets: people and things, not a party's voters.
            let people = self.people(j);
            let acts = j == subject && people && self.phrase_follow_ok(j + 1);
            let struck = self
                .word(self.before_count(j))
                .is_some_and(|w| STRUCK.contains(&w));
            if acts || struck || (people && self.fought(j)) {
                out.extend(chain.iter().map(|&c| (head, self.head_at(c))));
            }
        }
        out
    }

    /// Whether the unit at item `i` is "the city of Mosul": a place noun, "of", the place
    /// last ("the Embassy of the United States" is no place, "U.S. officials" no city).
    fn place_of_noun(&self, i: usize) -> bool {
        self.unit(i).is_some_and(|u| {
            let unit = &self.units[u];
            let word = |t: usize| {
                self.toks
                    .get(t)
                    .filter(|t| t.kind == TokKind::Word)
                    .map(|t| &*t.lower)
            };
            self.place(unit.head)
                && self.toks.get(unit.last).map(|t| t.kind) == Some(TokKind::Mention(unit.head))
                && unit.last >= unit.first + 2
                && word(unit.last - 1) == Some("of")
                && word(unit.last - 2).is_some_and(|w| self.lex.is(w, class::PLACE))
        })
    }

    /// Where "in" follows an organization the sentence puts in a place, for the unit at
    /// item `i`: its fighters, forces or targets ("ISIL fighters in Mosul", "Coalition
    /// forces in Iraq", "strikes against ISIL targets in Syria"); the organization fought
    /// ("strikes against ISIL in Iraq", "to defeat ISIL in Syria", "the defeat of Daesh in
    /// Iraq"); its presence or campaign ("ISIL's presence in Palmyra").
    fn present(&self, i: usize) -> Option<usize> {
        if self.people(i) || self.fought(i) {
            return Some(i + 1);
        }
        let possessed = self.word(i + 1) == Some("'s")
            && self
                .word(i + 2)
                .is_some_and(|w| PRESENCE_NOUNS.contains(&w));
        possessed.then_some(i + 3)
    }

    /// "studied at Acme Institute, Springfield, Ohio, in 1990": an organization after "at"
    /// or "in" (maybe with "the") and the places after its comma, which must close the
    /// phrase; fronted ("At Acme, Paris ...") only punctuation may follow.
    fn org_address(&self, i: usize) -> Vec<usize> {
        let org = self.unit(i).is_some_and(|u| {
            let unit = &self.units[u];
            unit.first == unit.last
                && self.mentions[unit.head].entity_type == EntityType::Organization
        });
        let p = i.saturating_sub(1 + usize::from(i > 1 && self.word(i - 1) == Some("the")));
        if !org
            || p == i
            || !matches!(self.word(p), Some("at" | "in"))
            || self.punct(i + 1) != Some(",")
        {
            return Vec::new();
        }
        let chain = self.place_chain(i + 2);
        let Some(&last) = chain.last() else {
            return Vec::new();
        };
        let k = last + 1;
        let closed = match self.punct(k) {
            _ if k >= self.items.len() => true,
            Some(",") => self.comma_closes(k),
            Some(p) => p != "-",
            None => !self.at_start(p) && self.object_follow_ok(k) && !self.and_place(k),
        };
        if !closed || self.word(k) == Some("'s") {
            return Vec::new();
        }
        chain.iter().map(|&c| self.head_at(c)).collect()
    }

    /// Whether mention `m` names a site: a capitalised word of its name is a site noun.
    fn site_name(&self, m: usize) -> bool {
        let m = &self.mentions[m];
        self.text[m.span.start..m.span.end]
            .split(' ')
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .any(|w| SITE_WORDS.binary_search(&w.to_lowercase().as_str()).is_ok())
    }

    /// The place mention of the unit at item `i`.
    fn head_at(&self, i: usize) -> usize {
        self.unit(i).map_or(usize::MAX, |u| self.head(u))
    }

    /// "in Westmere, Albany County, New York, United States": a chain of three or more
    /// places starting at item `i`, after a preposition or at the start, not a list
    /// ("in Iowa, Ohio, and Utah") and closed by what follows.
    fn chain_closed(&self, i: usize, chain: &[usize]) -> bool {
        let opened = self.after_place_prep(i) || (i > 0 && self.punct(i - 1) == Some("("));
        if !opened && !self.at_start(i) {
            return false;
        }
        let Some(&last) = chain.last() else {
            return false;
        };
        let k = last + 1;
        if let Some(p) = self.punct(k) {
            return match p {
                "," => self.comma_closes(k),
                "-" => false,
                _ => true,
            };
        }
        self.object_follow_ok(k) && !self.and_place(k)
    }

    /// Whether a preposition comes before item `i`, maybe with a direction: "in Aleppo",
    /// "in northern Aleppo".
    fn after_place_prep(&self, i: usize) -> bool {
        let prep = |j: usize| self.word(j).is_some_and(|w| PLACE_PREPS.contains(&w));
        let mut j = i;
        while j > 0 && i - j < 2 && self.is(j - 1, class::DET | class::DIRECTION) {
            j -= 1;
        }
        j > 0 && prep(j - 1)
    }

    /// "in Geneva, Switzerland" with Geneva at item `i`: after a preposition, or a dateline
    /// at the start; what follows must close the phrase.
    fn comma_pair(&self, i: usize) -> Option<usize> {
        let second = self.second_at(i);
        if self.word(second + 1) == Some("'s") {
            return None;
        }
        let b = self.plain_place(second)?;
        let after_prep = self.after_place_prep(i)
            || (i > 0 && self.punct(i - 1) == Some("("))
            || self.second_pair(i);
        if !after_prep && !self.at_start(i) {
            return None;
        }
        // "In Syria, Russia on Friday ...": a fronted phrase; only punctuation may follow.
        // "most of A, northern B as well as western C" is a list: after a direction only
        // punctuation may close the pair.
        let strict = !after_prep || self.at_start(i - 1) || second > i + 2;
        let k = second + 1;
        let end_ok = if k >= self.items.len() {
            true
        } else if let Some(p) = self.punct(k) {
            if p == "," {
                self.comma_closes(k)
            } else {
                p != "-"
            }
        } else if strict || self.unit(k).is_some() {
            false
        } else {
            // "in Astana, Kazakhstan that ...", "to Chestertown, Warren County and engaged".
            self.object_follow_ok(k) && (!self.and_place(k) || self.is_pair(k + 1))
        };
        end_ok.then_some(b)
    }

    /// "the NBC affiliate in Portland", "the party's wing in Gaza": a part of the
    /// body is in the place, not the body.
    fn part_noun(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            Some("affiliate" | "unit" | "wing" | "offshoot" | "branch" | "office")
        )
    }

    /// "to isolate Raqqa, Syria, before ...": "A, B" with A at item `i` after no
    /// preposition, closed by punctuation; not after "and"/"or" or another name, and not
    /// "A, B and C". Whether B is a country the pipeline checks.
    fn bare_pair(&self, i: usize) -> Option<usize> {
        let second = i + 2;
        let b = self.plain_place(second)?;
        let before = i.checked_sub(1);
        let joined = before.is_some_and(|j| {
            matches!(self.word(j), Some("and" | "or" | "between" | "'s")) || self.unit(j).is_some()
        });
        if joined || self.unit(i + 1).is_some() {
            return None;
        }
        let k = second + 1;
        let closed = match self.punct(k) {
            None => k >= self.items.len(),
            Some(",") => {
                // "Kiev, Russia, the European Union and ...": a list goes on, also
                // after an article.
                let next = if self.word(k + 1) == Some("the") {
                    k + 2
                } else {
                    k + 1
                };
                self.unit(next).is_none()
                    && !matches!(self.word(k + 1), Some("and" | "or"))
                    && self.plain_place(next).is_none()
            }
            Some(p) => matches!(p, "." | ";" | ":" | ")"),
        };
        closed.then_some(b)
    }

    /// The item of the second place of "A, B" or "A, northern B" with A at item `i`.
    fn second_at(&self, i: usize) -> usize {
        let direction = self.is(i + 2, class::DIRECTION) && self.plain_place(i + 3).is_some();
        i + 2 + usize::from(direction)
    }

    /// Whether "A, B" at item `i` (A a place, B one) is a place in a larger one, not a list.
    fn is_pair(&self, i: usize) -> bool {
        self.plain_place(i).is_some()
            && self.punct(i + 1) == Some(",")
            && self.plain_place(i + 2).is_some()
            && self.punct(i + 3) != Some(",")
            && !self.and_place(i + 3)
    }

    /// "in Los Angeles, California and [Detroit], Michigan": the second of two pairs
    /// joined by "and" after a preposition.
    fn second_pair(&self, i: usize) -> bool {
        i >= 4
            && self.word(i - 1) == Some("and")
            && self.plain_place(i - 2).is_some()
            && self.punct(i - 3) == Some(",")
            && self.plain_place(i - 4).is_some()
            && self.after_place_prep(i - 4)
    }

    /// Whether the comma at item `k` after "A, B" closes the places rather than continuing
    /// a list: no name follows, or a person's ("Born in Vienna, Austria, Ulrich began").
    fn comma_closes(&self, k: usize) -> bool {
        match self.unit(k + 1) {
            Some(u) => {
                self.mentions
                    .get(self.head(u))
                    .is_some_and(|m| m.entity_type == EntityType::Person)
                    || self.parallel_in(k + 1)
            }
            // ", and continued ...": a new clause; ", and other cities": a list.
            None if matches!(self.word(k + 1), Some("and" | "or")) => {
                self.parallel_in(k + 2)
                    || self.word(k + 2).is_some_and(|w| {
                        w.ends_with("ed")
                            || self.lex.is(w, class::VERBS | class::AUX | class::REPORT)
                    })
            }
            None => true,
        }
    }

    /// "at Acme School in Lakefield, Ontario, [Beta University in] Montreal": an
    /// organization and "in" at item `k` start a parallel phrase, closing the places before.
    fn parallel_in(&self, k: usize) -> bool {
        let org = self.unit(k).is_some_and(|u| {
            self.mentions
                .get(self.head(u))
                .is_some_and(|m| m.entity_type == EntityType::Organization)
        });
        org && self.word(k + 1) == Some("in")
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

    /// "A, a Syrian border town", "A, a town in (northern) B", "A, (the) capital of B",
    /// the description starting
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
        match self.word(k + 1) {
            Some("in") => {}
            // "A, the capital of B", "A, a suburb of B"; not "A, the sister city of B".
            Some("of") if !self.partner_place(k - 1) => {}
            _ => return None,
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
