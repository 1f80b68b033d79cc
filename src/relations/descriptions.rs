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

/// Title heads that hold an office of a place ("President of Vandalia", "mayor of
/// Springfield"); other titles ("founder", "member") take only organizations.
const PLACE_TITLES: [&str; 26] = [
    "president",
    "king",
    "queen",
    "governor",
    "mayor",
    "minister",
    "chancellor",
    "premier",
    "emperor",
    "empress",
    "sultan",
    "emir",
    "ruler",
    "prince",
    "princess",
    "duke",
    "bishop",
    "archbishop",
    "senator",
    "representative",
    "ambassador",
    "consul",
    "monarch",
    "tsar",
    "regent",
    "leader",
];

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

/// "X is an American actor": a person's nationality is an affiliation, a place's or
/// organization's says where it is.
fn nationality(subj: usize, ty: EntityType, dem: usize, out: &mut Collector) {
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

impl Descriptions<'_, '_> {
    fn find(&self, out: &mut Collector) {
        for (i, u) in self.unit_items() {
            if !self.units[u].arg {
                continue;
            }
            let subj = self.head(u);
            let Some(ty) = self.mentions.get(subj).map(|m| m.entity_type) else {
                continue;
            };
            if self.mentions[subj].demonym || ty == EntityType::Other {
                continue;
            }
            let Some(k) = self.link_after(i) else {
                continue;
            };
            // Negation is read only when a description could follow (it reads the clause
            // back to its start).
            let fruitless = ty != EntityType::Person && !self.may_describe(k);
            if !fruitless && !self.link_negated(i, k) {
                self.describe(subj, ty, k, out);
            }
        }
        // Each of these starts at a unit.
        for (i, _) in self.unit_items() {
            self.nationality_before(i, out);
            self.person_of(i, out);
            self.party_after(i, out);
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
        let j = self.past_org_description(i + 2);
        let Some(u) = self.unit(j) else { return };
        let org = self.head(u);
        let plain = self.units[u].first == self.units[u].last;
        if !plain
            || self.mentions[org].entity_type != EntityType::Organization
            || self.word(j + 1) == Some("'s")
        {
            return;
        }
        // "Anna and Rob Baker of the Tragically Hip": every person of the group.
        for q in self.people_before(i, p) {
            out.push(
                RelationKind::AffiliatedWith,
                q,
                org,
                None,
                rules::AFFILIATED_OF,
            );
        }
    }

    /// "Janne Holm (Conservative Party)": a person's name and, in brackets, a party's.
    fn party_after(&self, i: usize, out: &mut Collector) {
        let Some(p) = self.unit(i).map(|u| self.head(u)) else {
            return;
        };
        let shape = self.punct(i + 1) == Some("(") && self.punct(i + 3) == Some(")");
        let Some(u) = self.unit(i + 2).filter(|_| shape) else {
            return;
        };
        let o = self.head(u);
        let m = &self.mentions[o];
        let party = self.text[m.span.start..m.span.end]
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("party"));
        let plain = self.units[u].first == self.units[u].last;
        if party && plain && self.mentions[p].entity_type == EntityType::Person {
            out.push(
                RelationKind::AffiliatedWith,
                p,
                o,
                None,
                rules::AFFILIATED_PARTY,
            );
        }
    }

    /// The person `p` at item `i` and the people coordinated before it: "A, B and [p]"
    /// (at most four; "and" must join the last two).
    fn people_before(&self, i: usize, p: usize) -> Vec<usize> {
        let mut people = vec![p];
        let mut k = i;
        let person = |j: usize| {
            self.unit(j)
                .map(|u| self.head(u))
                .filter(|&h| self.mentions[h].entity_type == EntityType::Person)
        };
        while k >= 2 && people.len() < 4 {
            let joined = match people.len() {
                1 => self.word(k - 1) == Some("and"),
                _ => self.punct(k - 1) == Some(","),
            };
            let Some(q) = person(k - 2).filter(|_| joined) else {
                break;
            };
            people.push(q);
            k -= 2;
        }
        people
    }

    /// Past "the" and "(the) (Mexican) pop group" before an organization's name at item `k`.
    fn past_org_description(&self, k: usize) -> usize {
        let the = self.word(k) == Some("the");
        let start = k + usize::from(the);
        let mut j = start;
        let demonym = |j: usize| {
            self.unit(j).is_some_and(|u| {
                self.units[u].first == self.units[u].last && self.mentions[self.head(u)].demonym
            })
        };
        while j < start + 4 && (demonym(j) || self.adjective(j)) {
            j += 1;
        }
        let described = j > start && self.word(j - 1).is_some_and(|w| self.org_noun(w));
        if described {
            j
        } else {
            start
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
        while k < i + 6 {
            match (self.word(k), self.punct(k)) {
                (Some("and"), _) if last.is_some() => {}
                // "Polish pianist, composer and teacher X": nouns listed with commas.
                (_, Some(",")) if last.is_some() && self.noun_word(k + 1) => {}
                (Some(w), _) if self.noun_word(k) && !self.is(k, class::SITED) => last = Some(w),
                _ => break,
            }
            k += 1;
        }
        let Some(last) = last else { return };
        // "the Chilean artists A and B", "the German envoys A and B".
        let one = last
            .strip_suffix('s')
            .filter(|s| s.len() > 3)
            .unwrap_or(last);
        let person = person_noun(last) || person_noun(one) || self.lex.is(one, class::HEAD);
        if !(person || self.org_noun(last)) || self.arg(k).is_none() {
            return;
        }
        for u in self.group_right(k, Follow::Phrase) {
            let p = self.head(u);
            match self.mentions[p].entity_type {
                EntityType::Person if person => out.push(
                    RelationKind::AffiliatedWith,
                    p,
                    dem,
                    Some(CITIZEN.to_string()),
                    rules::AFFILIATED_DEMONYM,
                ),
                // "the Danish engineering firms COWI and Ramboll"
                EntityType::Organization if !person => out.push(
                    RelationKind::LocatedIn,
                    p,
                    dem,
                    None,
                    rules::LOCATED_DEMONYM,
                ),
                _ => {}
            }
        }
    }

    /// A word of a description: a modifier or noun ("film", "American"), or a title
    /// noun that is also a cue ("director", "leader").
    fn noun_word(&self, k: usize) -> bool {
        self.adjective(k) || (self.is(k, class::HEAD) && self.word(k).is_some_and(|w| w != "'s"))
    }

    /// An organization's noun, singular or plural: "firm", "firms", "band".
    fn org_noun(&self, w: &str) -> bool {
        const ORG: u64 = class::ORG_NOUN | class::GROUP;
        self.lex.is(w, ORG) || w.strip_suffix('s').is_some_and(|s| self.lex.is(s, ORG))
    }

    /// Whether the link from the name at item `i` to its description at item `k` is negated
    /// or hedged.
    fn link_negated(&self, i: usize, k: usize) -> bool {
        self.is(k, class::NEG | class::HEDGE) || self.negated(i, i + 1)
    }

    /// Whether [`Descriptions::describe`] of a place or an organization can find anything
    /// at item `k`: a sited word before "in", or an article.
    fn may_describe(&self, k: usize) -> bool {
        (self.is(k, class::SITED) && self.word(k + 1) == Some("in"))
            || matches!(self.word(k), Some("a" | "an" | "the"))
    }

    /// The item after "is", "was", "(born 1950) is" or an apposition's comma that follows
    /// the name at item `i`, past adverbs ("is also"), whether negated or not
    /// ([`Descriptions::link_negated`]).
    fn link_after(&self, i: usize) -> Option<usize> {
        let mut k = i + 1;
        // "X, (1837 – 1916) was": a comma may open the aside of a name that starts the
        // sentence (not "Marquis of X, (1848 – 1905) was", whose X is not the subject).
        if self.punct(k) == Some(",") && self.punct(k + 1) == Some("(") && self.at_start(i) {
            k += 1;
        }
        // "X () (1920 – 2014) was": at most two asides.
        for _ in 0..2 {
            if self.punct(k) == Some("(") {
                k = (k + 1..(k + 40).min(self.items.len()))
                    .find(|&j| self.punct(j) == Some(")"))?
                    + 1;
            }
        }
        // "(born 1950), is": the comma closes the aside.
        if k > i + 1 && self.punct(k) == Some(",") && self.copula_len(k + 1) > 0 {
            k += 1;
        }
        let apposition = self.punct(k) == Some(",");
        let copula = self.copula_len(k);
        if !apposition && copula == 0 {
            return None;
        }
        // A list "X, Y and Z" is no apposition.
        if apposition && i >= 2 && self.punct(i - 1) == Some(",") && self.unit(i - 2).is_some() {
            return None;
        }
        k += copula.max(1);
        // "X, which is based in A", "X, who was the mayor of B": the relative clause
        // describes X as an apposition does.
        if apposition && matches!(self.word(k), Some("which" | "who")) {
            let c = self.copula_len(k + 1);
            if c > 0 {
                k += 1 + c;
            }
        }
        while self
            .word(k)
            .is_some_and(|w| self.lex.is(w, class::ADV) || is_ly_adverb(w))
        {
            k += 1;
        }
        Some(k)
    }

    /// How many words at item `k` link a name to its description: "is", "was", "became"
    /// (1); "served as", "reigned as" (2); 0 for none.
    fn copula_len(&self, k: usize) -> usize {
        match self.word(k) {
            Some("is" | "was" | "are" | "were" | "remains" | "remained" | "became") => 1,
            Some("served" | "serves" | "reigned" | "reigns" | "worked" | "works")
                if self.word(k + 1) == Some("as") =>
            {
                2
            }
            _ => 0,
        }
    }

    /// "X was President of Panama", "X is the mayor of Springfield", "X, the first prime
    /// minister of Ghana,": a title (its last word a title head noun) "of" an organization
    /// or a place, from item `k`; the role is the title as written.
    fn title_of(&self, subj: usize, k: usize, out: &mut Collector) {
        let start = k + usize::from(matches!(self.word(k), Some("a" | "an" | "the")));
        let mut e = start;
        while e < start + 5
            && self
                .word(e)
                .is_some_and(|w| w != "of" && (self.adjective(e) || self.lex.is(w, class::HEAD)))
        {
            e += 1;
        }
        if e == start || !self.is(e - 1, class::HEAD) || self.word(e) != Some("of") {
            return;
        }
        let j = e + 1 + usize::from(self.word(e + 1) == Some("the"));
        let Some(u) = self.arg(j) else { return };
        let (unit, o) = (&self.units[u], self.head(u));
        let m = &self.mentions[o];
        let kind_ok = match m.entity_type {
            EntityType::Organization => true,
            // "a founder of Vandalia" is a misread name; a place has rulers and officials.
            EntityType::Location => self.word(e - 1).is_some_and(|w| PLACE_TITLES.contains(&w)),
            _ => false,
        };
        let after = self.word(j + 1);
        if unit.first != unit.last || m.demonym || !kind_ok || matches!(after, Some("'s" | "of")) {
            return;
        }
        if !self.object_follow_ok(j + 1) {
            return;
        }
        // "elected President": the participle is not part of the title.
        let first = (start..e - 1)
            .find(|&x| !self.word(x).is_some_and(|w| w.ends_with("ed")))
            .unwrap_or(e - 1);
        let role = self.words_text(first, e - 1).map(str::to_string);
        out.push(
            RelationKind::AffiliatedWith,
            subj,
            o,
            role,
            rules::AFFILIATED_TITLE_OF,
        );
    }

    /// "X is a footballer who plays for Acme", "X is a Dutch player who plays as a forward
    /// for a Dutch club Acme": the relative clause after a person's description, from item
    /// `k`, names the organization the person plays or works for.
    fn who_works_for(&self, subj: usize, k: usize, out: &mut Collector) {
        let mut k = k;
        // "a footballer from Argentina who played for Acme": the origin is skipped.
        if self.word(k) == Some("from") && self.plain_place(k + 1).is_some() {
            k += 2;
        }
        k += usize::from(self.punct(k) == Some(","));
        // "a Brazilian forward playing for Acme": the participle needs no "who".
        if self.word(k) == Some("who") {
            k += 1;
            while self.is(k, class::ADV) && !self.is(k, class::NEG) {
                k += 1;
            }
        } else if self.word(k) != Some("playing") {
            return;
        }
        let verb = self.word(k).unwrap_or("");
        let plays = matches!(verb, "plays" | "played" | "playing");
        if !plays && !matches!(verb, "works" | "worked" | "signed") {
            return;
        }
        // "as a forward", "as a defender": the position, up to four words; a player plays
        // "for" or "with" a club.
        let from = k + 1;
        let prep =
            |j: usize| self.word(j) == Some("for") || (plays && self.word(j) == Some("with"));
        let Some(f) = (from..from + 6).find(|&j| prep(j)) else {
            return;
        };
        if f > from && (self.word(from) != Some("as") || self.negator_in(from, f)) {
            return;
        }
        // "for Premier League club Acme", "for a Dutch club Acme": modifiers before the name.
        let demonym = |j: usize| {
            self.plain_place(j)
                .is_some_and(|m| self.mentions[m].demonym)
        };
        let mut j = f + 1 + usize::from(matches!(self.word(f + 1), Some("a" | "the")));
        while j < f + 5 && (demonym(j) || (self.arg(j).is_none() && self.adjective(j))) {
            j += 1;
        }
        let Some(u) = self.arg(j) else { return };
        let o = self.head(u);
        if self.mentions[o].entity_type == EntityType::Organization && self.object_follow_ok(j + 1)
        {
            out.push(
                RelationKind::AffiliatedWith,
                subj,
                o,
                None,
                rules::AFFILIATED_WHO,
            );
        }
    }

    /// "X was a U.S. Representative from Illinois", "X is a Labour MP": a/the, an
    /// organization or a place, a title from item `k`. A place needs the title of an office
    /// ("a Paris lawyer" works in Paris, not for it).
    fn named_title(&self, subj: usize, k: usize, out: &mut Collector) {
        if !matches!(self.word(k), Some("a" | "an" | "the")) {
            return;
        }
        let Some(u) = self.arg(k + 1) else { return };
        let (unit, o) = (&self.units[u], self.head(u));
        let m = &self.mentions[o];
        let mut e = k + 2;
        while e < k + 5 && self.adjective(e) && !self.is(e, class::HEAD) {
            e += 1;
        }
        let Some(title) = self.word(e).filter(|w| self.lex.is(w, class::HEAD)) else {
            return;
        };
        let ok = match m.entity_type {
            EntityType::Organization => true,
            EntityType::Location => PLACE_TITLES.contains(&title),
            _ => false,
        };
        if !ok || unit.first != unit.last || m.demonym || !self.phrase_follow_ok(e + 1) {
            return;
        }
        let role = self.words_text(k + 2, e).map(str::to_string);
        out.push(
            RelationKind::AffiliatedWith,
            subj,
            o,
            role,
            rules::AFFILIATED_TITLE,
        );
    }

    /// "X was a Norwegian politician for the Labour Party", "X is a professor at Acme
    /// University": a person's description, then "for" or "at" and an organization, from
    /// item `k`.
    fn works_for(&self, subj: usize, k: usize, out: &mut Collector) {
        if !matches!(self.word(k), Some("for" | "at")) {
            return;
        }
        let j = k + 1 + usize::from(self.word(k + 1) == Some("the"));
        let Some(u) = self.arg(j) else { return };
        let o = self.head(u);
        let org = self.mentions[o].entity_type == EntityType::Organization;
        if org && self.units[u].first == self.units[u].last && self.object_follow_ok(j + 1) {
            out.push(
                RelationKind::AffiliatedWith,
                subj,
                o,
                None,
                rules::AFFILIATED_WHO,
            );
        }
    }

    /// "X is the business school of Acme University", "X is a television channel owned by
    /// Acme": an organization's description, then "of" or "owned/operated/run by" and an
    /// organization, from item `k`.
    fn owner(&self, subj: usize, k: usize, out: &mut Collector) {
        let by = matches!(
            self.word(k),
            Some("owned" | "operated" | "run" | "controlled")
        ) && self.word(k + 1) == Some("by");
        let at = match self.word(k) {
            Some("of") => k + 1,
            _ if by => k + 2,
            _ => return,
        };
        let j = at + usize::from(self.word(at) == Some("the"));
        let Some(u) = self.arg(j) else { return };
        let o = self.head(u);
        let org = self.mentions[o].entity_type == EntityType::Organization;
        if org && self.units[u].first == self.units[u].last && self.object_follow_ok(j + 1) {
            out.push(
                RelationKind::LinkedTo,
                subj,
                o,
                None,
                rules::LINKED_DESCRIPTION,
            );
        }
    }

    /// Reads the description starting at item `k` and pushes what it states of `subj`.
    /// What the description at item `k` says of `subj`; of a place or an organization,
    /// nothing unless [`Descriptions::may_describe`].
    fn describe(&self, subj: usize, ty: EntityType, k: usize, out: &mut Collector) {
        // "X is located in A", "X, based in A,".
        if self.is(k, class::SITED) && self.word(k + 1) == Some("in") {
            self.places_in(subj, ty, k + 2, rules::LOCATED_DESCRIPTION, out);
            return;
        }
        if ty == EntityType::Person {
            self.title_of(subj, k, out);
            self.named_title(subj, k, out);
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
            _ => person_noun(noun) || self.lex.is(noun, class::HEAD),
        };
        if !fits {
            return;
        }
        if ty == EntityType::Person {
            self.who_works_for(subj, d.end, out);
            self.works_for(subj, d.end, out);
        }
        // "the Norwegian CEO's driver": the description is of someone else.
        let owner = self.word(d.end) == Some("'s");
        if let Some(dem) = d.demonym.filter(|_| !owner) {
            nationality(subj, ty, dem, out);
        }
        if ty == EntityType::Person {
            return;
        }
        if ty == EntityType::Organization && org_noun {
            self.owner(subj, d.end, out);
        }
        if let Some(b) = d.based {
            out.push(RelationKind::LocatedIn, subj, b, None, rules::LOCATED_BASED);
        }
        self.located_after(subj, ty, d.end, place_noun, out);
    }

    /// "X is a freeway in Edmonton", "a village of A", "a firm from B": the places a
    /// place's or organization's description ending at item `e` puts `subj` in
    /// (`place_noun`: its noun is a place's).
    fn located_after(
        &self,
        subj: usize,
        ty: EntityType,
        e: usize,
        place_noun: bool,
        out: &mut Collector,
    ) {
        let next = self.word(e);
        let at = if self.is(e, class::SITED) && self.word(e + 1) == Some("in") {
            e + 2
        } else if next == Some("in")
            || (next == Some("of") && place_noun && !self.partner_place(e.saturating_sub(2)))
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
            let next = if let Some(u) = self.unit(k) {
                self.description_name(k, u, &mut d)
            } else if self.punct(k) == Some("-") && self.word(k + 1).is_some() && k > 0 {
                Some(k + 1)
            } else {
                self.description_word(k, &mut d)
            };
            match next {
                Some(next) => k = next,
                None => break,
            }
        }
        d.end = k;
        d
    }

    /// A name (unit `u`, at item `k`) inside a description: the nationality word or the
    /// "Leeds-based" place it gives `d`, and the item after it; `None` where it ends the
    /// description.
    fn description_name(&self, k: usize, u: usize, d: &mut Description<'_>) -> Option<usize> {
        let unit = &self.units[u];
        let h = unit.head;
        let m = &self.mentions[h];
        let joined = self.punct(k + 1) == Some("-") || self.punct(k.wrapping_sub(1)) == Some("-");
        // "a Norwegian military officer": the unit "Norwegian military" is the
        // nationality and a modifier of the noun after it.
        let state = unit.last == unit.first + 1
            && self.lex.is(&self.toks[unit.last].lower, class::STATE)
            && self.noun_word(k + 1);
        if m.demonym && state && d.demonym.is_none() {
            d.demonym = Some(h);
            return Some(k + 1);
        }
        if unit.first != unit.last {
            return None;
        }
        if m.demonym && !joined && d.demonym.is_none() {
            d.demonym = Some(h);
            return Some(k + 1);
        }
        if !m.demonym
            && m.entity_type == EntityType::Location
            && self.punct(k + 1) == Some("-")
            && self.word(k + 2) == Some("based")
        {
            d.based = Some(h);
            return Some(k + 3);
        }
        None
    }

    /// A word at item `k` inside a description: the modifier or noun it gives `d`, and
    /// the item after it; `None` where it ends the description.
    fn description_word<'s>(&'s self, k: usize, d: &mut Description<'s>) -> Option<usize> {
        let w = self.word(k)?;
        // "a school run by Acme": a participle before "by" ends the description.
        let participle = self.word(k + 1) == Some("by");
        // "a Chinese historian best known for", "a photographer specializing in" (not
        // "a vehicle manufacturing company"): what follows qualifies the noun.
        let after_noun = d.noun.is_some()
            && (matches!(w, "best" | "known" | "widely")
                || (w.ends_with("ing") && self.is(k + 1, class::PREP)));
        if !self.noun_word(k) || self.is(k, class::SITED) || w == "born" || participle {
            return None;
        }
        if after_noun {
            return None;
        }
        d.noun = Some(w);
        Some(k + 1)
    }

    /// `subj` is in the places "A, B, C" starting at item `k` (possibly "the town of A"),
    /// and in those of further phrases "in (the) B", ", in the region of C", "within D";
    /// each place is in those of the later phrases ("a village in the district of A,
    /// within B, in northern C": A in B and C, B in C).
    fn places_in(
        &self,
        subj: usize,
        ty: EntityType,
        k: usize,
        rule: &'static str,
        out: &mut Collector,
    ) {
        if ty == EntityType::Person {
            return;
        }
        let mut phrases: Vec<Vec<usize>> = Vec::new();
        let mut at = k;
        let mut end = k;
        while phrases.len() < 4 {
            let chain = self.place_chain(self.phrase_start(at));
            let Some(&last) = chain.last() else { break };
            phrases.push(chain);
            end = last + 1;
            let comma = usize::from(self.punct(end) == Some(","));
            // "in the Kotayk Province of Armenia": a named division is in the place after "of".
            let of = comma == 0
                && self.word(end) == Some("of")
                && self.division_name(self.head_at(last));
            if !of && !matches!(self.word(end + comma), Some("in" | "within")) {
                break;
            }
            at = end + comma + 1;
        }
        if phrases.is_empty() || !self.object_follow_ok(end) || self.and_place(end) {
            return;
        }
        for (n, chain) in phrases.iter().enumerate() {
            for &c in chain {
                out.push(RelationKind::LocatedIn, subj, self.head_at(c), None, rule);
                for &d in phrases[n + 1..].iter().flatten() {
                    out.push(
                        RelationKind::LocatedIn,
                        self.head_at(c),
                        self.head_at(d),
                        None,
                        rule,
                    );
                }
            }
        }
    }

    /// Where the places of a phrase start, from item `k`: past "the", "the town of",
    /// "the administrative district of" and a direction ("northern").
    fn phrase_start(&self, mut k: usize) -> usize {
        let past = self.past_part_of(k);
        if past != k {
            return past;
        }
        if self.word(k) == Some("the") {
            k += 1;
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
        k
    }

    /// Past "the (far) (northeastern) part/corner/edge of" at item `k`: "in the far
    /// northeastern part of the Province of Rieti" is in that province.
    fn past_part_of(&self, k: usize) -> usize {
        if self.word(k) != Some("the") {
            return k;
        }
        let mut j = k + 1;
        while j < k + 3 && (self.word(j) == Some("far") || self.is(j, class::DIRECTION)) {
            j += 1;
        }
        let part = matches!(self.word(j), Some("part" | "corner" | "edge" | "outskirts"));
        if part && self.word(j + 1) == Some("of") {
            self.phrase_start(j + 2)
        } else {
            k
        }
    }

    /// The mention heading the unit at item `i` (usize::MAX for none: `push` drops it).
    fn head_at(&self, i: usize) -> usize {
        self.unit(i).map_or(usize::MAX, |u| self.head(u))
    }
}
