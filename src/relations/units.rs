//! Noun phrases built around mentions ("units"): a person with the title before it, a
//! place named by "the Syrian city of Aleppo", "X-backed Y", "Russian forces". Each unit
//! has one head mention that stands for the whole phrase in the clause-level rules; the
//! relations a phrase states by itself (affiliations, located_in, compounds) are found here.

use super::found::{rules, FoundRelation, SentenceMention};
use super::lexicon::{class, Frame, Lexicon};
use super::tokens::{Tok, TokKind};
use crate::model::{EntityType, RelationKind};

#[derive(Clone, Debug)]
pub(crate) struct Unit {
    /// The mention the phrase stands for.
    pub head: usize,
    /// Token range, inclusive.
    pub first: usize,
    pub last: usize,
    /// Whether the phrase can be an argument: false for a mention that only modifies a
    /// noun ("Syrian rebels", "US-backed", "Syria's opposition").
    pub arg: bool,
    /// "his Turkish counterpart Tayyip Erdogan".
    pub counterpart: bool,
    /// The title of a person ("Secretary of State").
    pub role: Option<String>,
    /// The organization or country a title names ("U.S." in "U.S. Secretary of State").
    pub org: Option<usize>,
}

pub(crate) struct Chunks {
    pub units: Vec<Unit>,
    /// The unit each token belongs to; every mention token belongs to one.
    pub owner: Vec<Option<usize>>,
    pub found: Vec<FoundRelation>,
}

/// Lowercase words ending in -ly that are not adverbs, sorted.
const NOT_ADVERBS: &[&str] = &[
    "ally", "anomaly", "assembly", "belly", "bully", "family", "folly", "homily", "italy", "jelly",
    "july", "monopoly", "rally", "reply", "supply", "tally",
];

/// An adverb by its form ("militarily", "strongly").
pub(crate) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && NOT_ADVERBS.binary_search(&w).is_err()
}

pub(crate) fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether most longer words start with a capital ("Kerry, Lavrov Will Again Confer").
fn title_cased(text: &str, toks: &[Tok<'_>]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for t in toks
        .iter()
        .filter(|t| t.kind == TokKind::Word && t.end - t.start >= 4)
    {
        words += 1;
        let upper = match text.as_bytes()[t.start] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[t.start..].starts_with(|c: char| c.is_uppercase()),
        };
        if upper {
            caps += 1;
        }
    }
    words >= 2 && caps * 10 >= words * 6
}

/// Punctuation that may close an apposition.
fn closes_phrase(p: &str) -> bool {
    matches!(
        p,
        "," | "." | ";" | ":" | ")" | "—" | "–" | "\"" | "”" | "'" | "’"
    )
}

struct TitleInfo {
    first: usize,
    org: Option<usize>,
    role: String,
    counterpart: bool,
}

/// The tokens read back before a person that may be its title.
struct TitleScan {
    /// A comma stands between the title and the person.
    comma: bool,
    /// The title's tokens, in order.
    title: Vec<usize>,
    /// The organization or country before the title.
    org_tok: Option<usize>,
    /// `org_tok` is followed by "'s".
    possessive: bool,
}

/// What a mention read back in a title is to it.
enum TitleMention {
    /// Part of the title ("Envoy for Syria").
    Inner,
    /// The organization or country that starts the title.
    Org,
    /// Neither: the title starts after it.
    Stop,
}

struct Chunker<'a> {
    text: &'a str,
    /// A headline in Title Case: capitals say nothing about names there. Found when
    /// first asked ([`Chunker::title_cased`]).
    title_cased: std::cell::OnceCell<bool>,
    toks: &'a [Tok<'a>],
    mentions: &'a [SentenceMention],
    lex: &'a Lexicon,
    owner: Vec<Option<usize>>,
    units: Vec<Unit>,
    found: Vec<FoundRelation>,
}

pub(crate) fn chunk(
    text: &str,
    toks: &[Tok<'_>],
    mentions: &[SentenceMention],
    lex: &Lexicon,
) -> Chunks {
    let mut c = Chunker {
        text,
        title_cased: std::cell::OnceCell::new(),
        toks,
        mentions,
        lex,
        owner: vec![None; toks.len()],
        units: Vec::new(),
        found: Vec::new(),
    };
    // Every rule below starts at a mention token and does nothing at another: they
    // are found once.
    let at_mentions = mention_tokens(toks, mentions);
    let at = || at_mentions.iter().copied();
    for p in at() {
        if c.free(p) && c.m(p).is_some_and(|m| m.entity_type == EntityType::Person) {
            c.person(p);
        }
    }
    for a in at() {
        c.of_noun(a);
    }
    for a in at() {
        c.compound(a);
    }
    for a in at() {
        c.possessive_place(a);
    }
    for a in at() {
        c.single(a);
    }
    c.counterparts();
    Chunks {
        units: c.units,
        owner: c.owner,
        found: c.found,
    }
}

/// The indexes of the mention tokens of `toks`, in order, found from the mentions: a
/// mention's token is the one that starts where it starts (tokens start at different
/// bytes), when the tokenizer kept it.
fn mention_tokens(toks: &[Tok<'_>], mentions: &[SentenceMention]) -> Vec<usize> {
    let mut at = Vec::with_capacity(mentions.len());
    let mut from = 0;
    for (i, m) in mentions.iter().enumerate() {
        let k = from + toks[from..].partition_point(|t| t.start < m.span.start);
        if toks.get(k).is_some_and(|t| t.kind == TokKind::Mention(i)) {
            at.push(k);
            from = k + 1;
        }
    }
    at
}

impl<'a> Chunker<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word).then_some(&*t.lower)
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Punct).then_some(&*t.lower)
    }

    fn mention(&self, i: usize) -> Option<usize> {
        match self.toks.get(i)?.kind {
            TokKind::Mention(m) => Some(m),
            _ => None,
        }
    }

    fn m(&self, i: usize) -> Option<&'a SentenceMention> {
        self.mention(i).and_then(|m| self.mentions.get(m))
    }

    fn free(&self, i: usize) -> bool {
        i < self.toks.len() && self.owner[i].is_none()
    }

    /// An organization or place mention (a nationality word only if `demonym`).
    fn org_or_place(&self, i: usize, demonym: bool) -> bool {
        self.m(i).is_some_and(|m| {
            matches!(
                m.entity_type,
                EntityType::Organization | EntityType::Location
            ) && (demonym || !m.demonym)
        })
    }

    fn title_word(&self, w: &str) -> bool {
        self.lex.title_class(w) & (class::HEAD | class::TITLE_MOD | class::HONORIFIC) != 0
    }

    /// A word of a title at token `k`: a known title word, or (outside headlines) an
    /// unknown capitalized word that is not the sentence's first ("Crown Prince").
    fn title_tok(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else { return false };
        if self.title_word(w) {
            return true;
        }
        let t = &self.toks[k];
        // The cheapest tests first: most words are lowercase.
        k > 0
            && self.text[t.start..].starts_with(|c: char| c.is_uppercase())
            && !self.title_cased()
            && self.lex.class(w) == 0
            && !is_ly_adverb(w)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    }

    /// Whether the sentence is a headline in Title Case ([`title_cased`]).
    fn title_cased(&self) -> bool {
        *self
            .title_cased
            .get_or_init(|| title_cased(self.text, self.toks))
    }

    fn head_word(&self, w: &str) -> bool {
        self.lex.title_class(w) & class::HEAD != 0
    }

    fn verb_cue(&self, w: &str) -> bool {
        self.lex.cues_starting(w).any(|c| c.frame == Frame::Verb)
    }

    fn connector(&self, w: &str) -> bool {
        self.lex.is(w, class::TITLE_CONN)
    }

    /// A word that can sit inside a noun phrase ("border" in "border town").
    fn content_word(&self, w: &str) -> bool {
        const FUNCTION: u64 = class::FUNCTION;
        !self.lex.is(w, FUNCTION) && w.chars().all(|c| c.is_alphanumeric() || c == '-')
    }

    /// Whether the token at `k` lets the phrase before it be an argument rather than
    /// a modifier of a following noun.
    fn follows_lenient(&self, k: usize) -> bool {
        match self.toks.get(k) {
            Some(t) if t.kind == TokKind::Word => {
                let w = &*t.lower;
                const OK: u64 = class::CLOSED
                    | class::PREP
                    | class::AUX
                    | class::ADV
                    | class::PLAN
                    | class::DATES
                    | class::REPORT
                    | class::NEG
                    | class::HEDGE
                    | class::LIGHT
                    | class::REL
                    | class::COPULA
                    | class::CUE
                    | class::CLAUSE;
                w != "'s" && (self.lex.is(w, OK) || is_ly_adverb(w) || w.ends_with("n't"))
            }
            // A name or punctuation: as after a name.
            _ => self.follows_name(k),
        }
    }

    /// Whether a name ending before token `k` can head its phrase: not when a hyphen joins
    /// it to the next word ("US-backed") or another name follows ("US State Department").
    /// Whether it is a subject or an object is the clause rules' business.
    fn follows_name(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return true;
        };
        match t.kind {
            TokKind::Mention(_) => false,
            TokKind::Punct => {
                let attached = t.lower == "-"
                    && !t.space_before
                    && self.toks.get(k + 1).is_some_and(|n| !n.space_before);
                !attached
            }
            TokKind::Word => true,
        }
    }

    /// The last token of "X forces", "X government", "X fighters" (or `a` itself).
    fn extend(&self, a: usize) -> usize {
        let Some(m) = self.m(a) else {
            return a;
        };
        let mut nouns = match m.entity_type {
            EntityType::Organization => class::STATE | class::MEMBERS,
            EntityType::Person | EntityType::Location => class::STATE,
            EntityType::Other => return a,
        };
        // "strikes against ISIL targets"; after a subject "targets" is a verb.
        if m.entity_type == EntityType::Organization
            && a > 0
            && self
                .word(a - 1)
                .is_some_and(|w| self.lex.is(w, class::PREP))
        {
            nouns |= class::TARGETS;
        }
        let mut best = a;
        let mut k = a + 1;
        while k <= a + 3 && self.free(k) {
            let Some(w) = self.word(k) else { break };
            if !self.lex.is(w, nouns | class::STATE_MOD) {
                break;
            }
            if self.lex.is(w, nouns) {
                best = k;
            }
            k += 1;
        }
        best
    }

    /// Claims tokens `first..=last` for a unit headed by mention `head`, with no
    /// counterpart, role or organization.
    fn claim_plain(&mut self, head: usize, first: usize, last: usize, arg: bool) -> usize {
        self.claim(Unit {
            head,
            first,
            last,
            arg,
            counterpart: false,
            role: None,
            org: None,
        })
    }

    fn claim(&mut self, unit: Unit) -> usize {
        let u = self.units.len();
        for o in &mut self.owner[unit.first..=unit.last] {
            *o = Some(u);
        }
        self.units.push(unit);
        u
    }

    fn emit(
        &mut self,
        kind: RelationKind,
        source: usize,
        target: usize,
        role: Option<String>,
        rule: &'static str,
    ) {
        let role = role.filter(|r| !r.is_empty());
        self.found.push(FoundRelation {
            kind,
            source,
            target,
            role,
            rule,
        });
    }

    fn text_of(&self, first: usize, last: usize) -> String {
        self.text[self.toks[first].start..self.toks[last].end]
            .trim()
            .to_string()
    }

    /// A person with its title: "U.S. Secretary of State John Kerry", "Russia's foreign
    /// minister, Sergei Lavrov", "John Smith, a spokesman for Acme".
    fn person(&mut self, p: usize) {
        let Some(pm) = self.mention(p) else { return };
        let mut first = p;
        let mut last = p;
        let mut org = None;
        let mut role = None;
        let mut counterpart = false;
        let mut rule = rules::AFFILIATED_TITLE;
        if let Some(t) = self.title_before(p) {
            first = t.first;
            rule = self.title_rule(&t);
            org = t.org;
            role = Some(t.role);
            counterpart = t.counterpart;
            // "Foreign Minister Sergei Lavrov of Russia"
            if org.is_none() && !counterpart && self.of_org_after(p) {
                org = self.mention(p + 2);
                last = p + 2;
            }
        } else {
            while first > 0
                && self.free(first - 1)
                && self
                    .word(first - 1)
                    .is_some_and(|w| self.lex.is(w, class::HONORIFIC))
            {
                first -= 1;
            }
        }
        if org.is_none() && !counterpart {
            if let Some((o, r, end)) = self.apposition(p) {
                org = Some(o);
                role = Some(r);
                last = end;
                rule = rules::AFFILIATED_APPOSITION;
            }
        }
        if last == p {
            last = self.extend(p);
        }
        let arg = self.follows_name(last + 1) || self.punct(last) == Some(",");
        self.claim(Unit {
            head: pm,
            first,
            last,
            arg,
            counterpart,
            role: role.clone(),
            org,
        });
        if let (Some(o), false) = (org, counterpart) {
            self.emit(RelationKind::AffiliatedWith, pm, o, role, rule);
        }
    }

    /// The rule of the affiliation a title states: by a nationality word ("Russian
    /// Foreign Minister"), by a possessive alone ("Ukraine's Zelensky"), or by a title.
    fn title_rule(&self, t: &TitleInfo) -> &'static str {
        if t.role.is_empty() {
            rules::AFFILIATED_POSSESSIVE
        } else if t
            .org
            .is_some_and(|o| self.mentions.get(o).is_some_and(|m| m.demonym))
        {
            rules::AFFILIATED_DEMONYM_TITLE
        } else {
            rules::AFFILIATED_TITLE
        }
    }

    /// Whether "of" and an organization or place that heads its phrase follow the
    /// person at `p` ("Foreign Minister Sergei Lavrov of Russia").
    fn of_org_after(&self, p: usize) -> bool {
        self.word(p + 1) == Some("of")
            && self.free(p + 2)
            && self.org_or_place(p + 2, false)
            && self.follows_name(p + 3)
            && self.word(p + 3) != Some("'s")
    }

    /// The title right before the person at `p`, and the organization or country that
    /// starts it.
    fn title_before(&self, p: usize) -> Option<TitleInfo> {
        let TitleScan {
            comma,
            title,
            mut org_tok,
            possessive,
        } = self.scan_title(p);
        if title.is_empty() {
            return self.possessive_title(org_tok.filter(|_| possessive)?, comma);
        }
        let lead = title
            .iter()
            .take_while(|&&t| self.word(t).is_some_and(|w| self.connector(w)))
            .count();
        if lead > 0 {
            // "Russia and Foreign Minister X": the country does not start the title.
            org_tok = None;
        }
        let title = &title[lead..];
        let &last = title.last()?;
        if self.word(last).is_some_and(|w| self.connector(w)) || title.len() > 8 {
            return None;
        }
        let is_head = |t: &usize| self.word(*t).is_some_and(|w| self.head_word(w));
        let mut title = title;
        // "will host President X": with no organization before it, a role word that is
        // also a verb cue ("host") is the verb.
        if org_tok.is_none() && self.word(title[0]).is_some_and(|w| self.verb_cue(w)) {
            title = &title[1..];
        }
        let &last = title.last()?;
        if org_tok.is_none() && self.mention(last).is_some() {
            if let Some(of) = self.org_after_of(title) {
                org_tok = Some(last);
                title = &title[..of];
            }
        }
        if !title.iter().any(is_head) || (comma && org_tok.is_none()) {
            return None;
        }
        if org_tok.is_some_and(|o| self.member_of_place(title, o)) {
            return None;
        }
        let counterpart = title
            .iter()
            .any(|&t| self.word(t).is_some_and(|w| w.starts_with("counterpart")));
        let end = self.role_end(title);
        Some(TitleInfo {
            first: org_tok.map_or(title[0], |o| o.min(title[0])),
            org: org_tok.and_then(|t| self.mention(t)),
            role: self.text_of(title[0], title[end - 1]),
            counterpart,
        })
    }

    /// Reads back from the person at `p` (over one comma) the free title words and
    /// mentions that can be part of a title, up to the organization or country that
    /// starts it.
    fn scan_title(&self, p: usize) -> TitleScan {
        let mut j = p;
        let comma = j > 0 && self.punct(j - 1) == Some(",") && self.free(j - 1);
        if comma {
            j -= 1;
        }
        let mut scan = TitleScan {
            comma,
            title: Vec::new(),
            org_tok: None,
            possessive: false,
        };
        while j > 0 {
            let k = j - 1;
            if !self.free(k) {
                break;
            }
            match self.toks[k].kind {
                TokKind::Word => {
                    let w = &*self.toks[k].lower;
                    if w == "'s" {
                        if k > 0 && self.free(k - 1) && self.org_or_place(k - 1, true) {
                            scan.org_tok = Some(k - 1);
                            scan.possessive = true;
                        }
                        break;
                    }
                    if !(self.title_tok(k) || self.connector(w)) {
                        break;
                    }
                }
                TokKind::Mention(_) => match self.title_mention(k, p) {
                    TitleMention::Inner => {}
                    TitleMention::Org => {
                        scan.org_tok = Some(k);
                        break;
                    }
                    TitleMention::Stop => break,
                },
                TokKind::Punct => break,
            }
            scan.title.push(k);
            j = k;
        }
        scan.title.reverse();
        scan
    }

    /// What the mention at `k`, read back from the person at `p`, is to the title.
    fn title_mention(&self, k: usize, p: usize) -> TitleMention {
        if !self.org_or_place(k, true) {
            return TitleMention::Stop;
        }
        // "Envoy for Syria", "Ambassador to the United States": part of the title.
        let the = usize::from(k >= 1 && self.word(k - 1) == Some("the"));
        let inner = k >= 2 + the
            && matches!(
                self.word(k - 1 - the),
                Some("for" | "to" | "of" | "on" | "in")
            )
            && self.title_tok(k - 2 - the)
            && self.free(k - 2 - the);
        if inner {
            return TitleMention::Inner;
        }
        // "In Turkey Minister Ellwood met ...": a fronted place without its
        // comma is where, not whose ("In Obama's view" keeps the title).
        let fronted = k == 1
            && self.word(0) == Some("in")
            && self
                .m(k)
                .is_some_and(|m| m.entity_type == EntityType::Location && !m.demonym)
            && self.word(p + 1) != Some("'s");
        if fronted {
            TitleMention::Stop
        } else {
            TitleMention::Org
        }
    }

    /// "Ukraine's Zelensky": the possessive `org` names the organization or country, with
    /// no title between (none after a comma or for a nationality word).
    fn possessive_title(&self, org: usize, comma: bool) -> Option<TitleInfo> {
        if comma || self.m(org).is_some_and(|m| m.demonym) {
            return None;
        }
        Some(TitleInfo {
            first: org,
            org: self.mention(org),
            role: String::new(),
            counterpart: false,
        })
    }

    /// "Secretary-General of the United Nations Antonio Guterres": where "of" stands in a
    /// title that ends with an organization or place named after it, when a head word
    /// comes before.
    fn org_after_of(&self, title: &[usize]) -> Option<usize> {
        let last = *title.last()?;
        let is_head = |t: &usize| self.word(*t).is_some_and(|w| self.head_word(w));
        let the = usize::from(title.len() >= 2 && self.word(title[title.len() - 2]) == Some("the"));
        let of = title
            .len()
            .checked_sub(2 + the)
            .filter(|&i| self.word(title[i]) == Some("of"))?;
        (title[..of].iter().any(is_head) && self.org_or_place(last, false)).then_some(of)
    }

    /// How many of the title's tokens make the role: "commander Gen.": a trailing rank
    /// abbreviation or honorific is not the role.
    fn role_end(&self, title: &[usize]) -> usize {
        let is_head = |t: &usize| self.word(*t).is_some_and(|w| self.head_word(w));
        let mut end = title.len();
        while end > 1 {
            let w = self.word(title[end - 1]).unwrap_or("");
            let strip = self.lex.is(w, class::HONORIFIC) || w.ends_with('.');
            if strip && title[..end - 1].iter().any(is_head) {
                end -= 1;
            } else {
                break;
            }
        }
        end
    }

    /// "Chicago singer X": a member's or employee's title ("singer", "columnist") before a
    /// place named at token `org` says where, not whose (a nationality word says whose).
    fn member_of_place(&self, title: &[usize], org: usize) -> bool {
        let place = self
            .m(org)
            .is_some_and(|m| m.entity_type == EntityType::Location && !m.demonym);
        let office = title.iter().any(|&t| {
            self.word(t)
                .is_some_and(|w| self.head_word(w) && !self.lex.is(w, class::MEMBER_ROLE))
        });
        place && !office
    }

    /// "P, a spokesman for ORG," / "P, chief executive of ORG" / "P, the ORG chief,":
    /// the organization, the role and the last token of the phrase.
    fn apposition(&self, p: usize) -> Option<(usize, String, usize)> {
        if self.punct(p + 1) != Some(",") || !self.free(p + 1) {
            return None;
        }
        let mut k = p + 2;
        if matches!(self.word(k), Some("a" | "an" | "the")) {
            k += 1;
        }
        if self.free(k) && self.org_or_place(k, true) {
            return self.org_then_title(k);
        }
        // "P, a spokesman for ORG" / "P, president of COUNTRY"
        let ts = k;
        let te = self.title_run(ts);
        if ts == p + 2 {
            if let Some(found) = self.bare_title_then_org(ts, te) {
                return Some(found);
            }
        }
        self.title_of_org(ts, te)
    }

    /// "P, the UN chief," / "P, Russia's foreign minister,": the organization at `k`,
    /// then the title.
    fn org_then_title(&self, k: usize) -> Option<(usize, String, usize)> {
        let m = self.mention(k)?;
        let mut ts = k + 1;
        if self.word(ts) == Some("'s") {
            ts += 1;
        }
        let te = self.title_run(ts);
        if self.good_title(ts, te) && self.closed(te) {
            return Some((m, self.text_of(ts, te - 1), self.end_at(te)));
        }
        None
    }

    /// "P, commander, ORG": a bare title `ts..te` between commas, then the organization.
    fn bare_title_then_org(&self, ts: usize, te: usize) -> Option<(usize, String, usize)> {
        if !(self.good_title(ts, te) && self.punct(te) == Some(",") && self.free(te)) {
            return None;
        }
        let org = te + 1;
        let is_org = self
            .m(org)
            .is_some_and(|m| m.entity_type == EntityType::Organization);
        let ends = self.closed(org + 1)
            || self
                .word(org + 1)
                .is_some_and(|w| !matches!(w, "and" | "or" | "of" | "'s"));
        if is_org && self.free(org) && ends {
            return Some((
                self.mention(org)?,
                self.text_of(ts, te - 1),
                self.end_at(org + 1),
            ));
        }
        None
    }

    /// "a spokesman for ORG", "president of COUNTRY": the title run `ts..te` ends with
    /// "of" (or "for", "at", "with" before an organization) and the mention at `te`.
    fn title_of_org(&self, ts: usize, mut te: usize) -> Option<(usize, String, usize)> {
        if !self.free(te) || !self.org_or_place(te, false) {
            return None;
        }
        let m_tok = te;
        let m = self.mention(m_tok)?;
        if te > ts && self.word(te - 1) == Some("the") {
            te -= 1;
        }
        if te <= ts {
            return None;
        }
        let prep = self.word(te - 1)?;
        let is_org = self
            .m(m_tok)
            .is_some_and(|m| m.entity_type == EntityType::Organization);
        if !(prep == "of" || (matches!(prep, "for" | "at" | "with") && is_org)) {
            return None;
        }
        te -= 1;
        if self.good_title(ts, te) && self.closed(m_tok + 1) {
            return Some((m, self.text_of(ts, te - 1), self.end_at(m_tok + 1)));
        }
        None
    }

    /// The end of the run of free title words and connectors from token `j`.
    fn title_run(&self, mut j: usize) -> usize {
        while self.free(j) && (self.title_tok(j) || self.word(j).is_some_and(|w| self.connector(w)))
        {
            j += 1;
        }
        j
    }

    /// Whether tokens `from..to` make a title: at most eight, not ending with a
    /// connector, with a head word.
    fn good_title(&self, from: usize, to: usize) -> bool {
        to > from
            && to - from <= 8
            && !self.word(to - 1).is_some_and(|w| self.connector(w))
            && (from..to).any(|t| self.word(t).is_some_and(|w| self.head_word(w)))
    }

    /// Whether the apposition is closed at token `j`: the end, or punctuation that may
    /// close it.
    fn closed(&self, j: usize) -> bool {
        j >= self.toks.len() || self.punct(j).is_some_and(closes_phrase)
    }

    /// The last token of an apposition closed at `j`: its comma, or the token before.
    fn end_at(&self, j: usize) -> usize {
        if self.punct(j) == Some(",") {
            j
        } else {
            j - 1
        }
    }

    /// "the Syrian city of Aleppo", "the Damascus suburb of Daraya".
    fn of_noun(&mut self, a: usize) {
        if !self.free(a)
            || !self
                .m(a)
                .is_some_and(|m| m.entity_type == EntityType::Location)
        {
            return;
        }
        let mut k = a + 1;
        while k <= a + 3 && self.free(k) && self.word(k).is_some_and(|w| self.content_word(w)) {
            k += 1;
        }
        if k == a + 1
            || !self
                .word(k - 1)
                .is_some_and(|w| self.lex.is(w, class::PLACE))
        {
            return;
        }
        let b = k + 1;
        if self.word(k) == Some("of")
            && self
                .word(b)
                .is_some_and(|w| self.lex.is(w, class::DIRECTION))
        {
            self.part_of(a, b + 1);
            return;
        }
        if self.word(k) != Some("of")
            || !self.free(b)
            || !self
                .m(b)
                .is_some_and(|m| m.entity_type == EntityType::Location && !m.demonym)
        {
            return;
        }
        let (Some(ma), Some(mb)) = (self.mention(a), self.mention(b)) else {
            return;
        };
        // "the Hayward City Center district of Hayward": a place named after the other is
        // the smaller one, the reverse of "the Damascus suburb of Daraya"; leave it.
        let name = |i: usize| {
            self.m(i)
                .map_or("", |m| &self.text[m.span.start..m.span.end])
        };
        if name(a).starts_with(name(b)) {
            return;
        }
        let arg = self.follows_name(b + 1);
        self.claim_plain(mb, a, b, arg);
        self.emit(
            RelationKind::LocatedIn,
            mb,
            ma,
            None,
            rules::LOCATED_OF_NOUN,
        );
    }

    /// "the Lazio region of central Italy": after a direction, the place at token `b`
    /// holds the one named at token `a`, and the phrase stands for the latter.
    fn part_of(&mut self, a: usize, b: usize) {
        let place = |m: &SentenceMention| m.entity_type == EntityType::Location && !m.demonym;
        if !self.free(b) || !self.m(a).is_some_and(place) || !self.m(b).is_some_and(place) {
            return;
        }
        let (Some(ma), Some(mb)) = (self.mention(a), self.mention(b)) else {
            return;
        };
        let arg = self.follows_name(b + 1);
        self.claim_plain(ma, a, b, arg);
        self.emit(RelationKind::LocatedIn, ma, mb, None, rules::LOCATED_OF);
    }

    /// "Chile's Punta Arenas", "Sweden's capital Stockholm", "Turkey's Defense Industry
    /// Committee": a place's possessive before a place or an organization that ends its
    /// phrase puts the latter in the former ("Warsaw's Acme steelworks" gives nothing).
    fn possessive_place(&mut self, a: usize) {
        let place = |m: &SentenceMention| m.entity_type == EntityType::Location && !m.demonym;
        if !self.free(a) || !self.m(a).is_some_and(place) || self.word(a + 1) != Some("'s") {
            return;
        }
        // "St. Paul's Church", "Saint Martin's College": a saint's name is part of the name.
        let saint = self.m(a).is_some_and(|m| {
            let name = &self.text[m.span.start..m.span.end];
            name.starts_with("St.") || name.starts_with("St ") || name.starts_with("Saint ")
        });
        if saint || (a > 0 && matches!(self.word(a - 1), Some("st" | "saint"))) {
            return;
        }
        let b = a
            + 2
            + usize::from(
                self.word(a + 2)
                    .is_some_and(|w| self.lex.is(w, class::PLACE)),
            );
        let held = |m: &SentenceMention| {
            !m.demonym
                && matches!(
                    m.entity_type,
                    EntityType::Location | EntityType::Organization
                )
        };
        if !self.free(b) || !self.m(b).is_some_and(held) {
            return;
        }
        const ENDS: u64 = class::PREP
            | class::CLOSED
            | class::AUX
            | class::REL
            | class::CLAUSE
            | class::REPORT
            | class::COPULA;
        let ends = match self.toks.get(b + 1) {
            None => true,
            Some(t) if t.kind == TokKind::Punct => t.lower != "-",
            // "Syria's Idlib province killed ...": a verb after the phrase ends it too.
            Some(t) => {
                t.kind == TokKind::Word
                    && t.lower != "'s"
                    && (self.lex.is(&t.lower, ENDS | class::VERBS) || t.lower.ends_with("ed"))
            }
        };
        if let (true, Some(ma), Some(mb)) = (ends, self.mention(a), self.mention(b)) {
            self.emit(
                RelationKind::LocatedIn,
                mb,
                ma,
                None,
                rules::LOCATED_POSSESSIVE,
            );
        }
    }

    /// "US-backed Kurdish YPG", "al-Qaeda-linked al-Nusra"; "Leeds-based Acme" puts the
    /// named thing in the place (`located_in` runs from target to source).
    fn compound(&mut self, a: usize) {
        if !self.free(a) || self.punct(a + 1) != Some("-") || self.toks[a + 1].space_before {
            return;
        }
        let (Some(w), Some(ma), Some(mb)) =
            (self.word(a + 2), self.mention(a), self.mention(a + 3))
        else {
            return;
        };
        if self.toks[a + 2].space_before || !self.toks[a + 3].space_before || !self.free(a + 2) {
            return;
        }
        let Some(cue) = self
            .lex
            .cues_starting(w)
            .find(|c| c.frame == Frame::Compound)
        else {
            return;
        };
        let source_ok = self
            .m(a)
            .is_some_and(|m| m.entity_type != EntityType::Other);
        let (kind, rule) = (cue.kind, cue.rule);
        let located = kind == RelationKind::LocatedIn;
        if let Some(u) = self.owner[a + 3] {
            // "Saudi-backed Hadi forces": the target phrase is a person already built.
            if source_ok && self.units[u].first == a + 3 && self.units[u].arg {
                for o in &mut self.owner[a..a + 3] {
                    *o = Some(u);
                }
                self.units[u].first = a;
                let head = self.units[u].head;
                let (s, t) = if located { (head, ma) } else { (ma, head) };
                self.emit(kind, s, t, None, rule);
            }
            return;
        }
        let target_ok = self
            .m(a + 3)
            .is_some_and(|m| m.entity_type != EntityType::Other && !m.demonym);
        let last = self.extend(a + 3);
        if !source_ok || !target_ok || !self.follows_name(last + 1) {
            return;
        }
        // "a Houston-based LNG company", "a Gaza-based Hamas official": the name only
        // qualifies the noun after it.
        let qualifier = self
            .word(last + 1)
            .is_some_and(|w| self.lex.is(w, class::ORG_NOUN | class::GROUP) || self.head_word(w));
        if located && (qualifier || self.m(a).is_some_and(|m| m.demonym)) {
            return;
        }
        self.claim_plain(mb, a, last, true);
        let (s, t) = if located { (mb, ma) } else { (ma, mb) };
        self.emit(kind, s, t, None, rule);
    }

    /// Any mention not yet in a phrase, with "forces"/"government" after it.
    fn single(&mut self, a: usize) {
        if !self.free(a) {
            return;
        }
        let Some(m) = self.m(a) else { return };
        let Some(head) = self.mention(a) else { return };
        if m.demonym {
            // "Russian and Syrian forces": each nationality stands for its country.
            let mut group = vec![a];
            let mut k = a + 1;
            while (self.word(k) == Some("and") || self.punct(k) == Some(","))
                && self.free(k + 1)
                && self.m(k + 1).is_some_and(|m| m.demonym)
            {
                group.push(k + 1);
                k += 2;
            }
            let tail = k - 1;
            let mut last = tail;
            // "against the Syrian people": the nation, attacked as its state would be.
            // Elsewhere "the American people" are the public ("met with the American
            // people", "support for the Iranian people"), not the state.
            let the =
                a > 1 && self.word(a - 1) == Some("the") && self.word(a - 2) == Some("against");
            if the && self.free(tail + 1) && self.word(tail + 1) == Some("people") {
                last = tail + 1;
            }
            let mut j = last + 1;
            while j <= tail + 3 && self.free(j) {
                let Some(w) = self.word(j) else { break };
                if !self.lex.is(w, class::STATE | class::STATE_MOD) {
                    break;
                }
                if self.lex.is(w, class::STATE) {
                    last = j;
                }
                j += 1;
            }
            if last > tail {
                for (i, &d) in group.iter().enumerate() {
                    let end = if i + 1 == group.len() { last } else { d };
                    if let Some(h) = self.mention(d) {
                        self.claim_plain(h, d, end, true);
                    }
                }
                return;
            }
            // "the Russians": a plural nationality noun is an argument, "Russian" is not.
            let text = &self.text[m.span.start..m.span.end];
            let arg = self.follows_lenient(a + 1) && text.ends_with(['s', 'S']);
            self.claim_plain(head, a, a, arg);
            return;
        }
        let last = self.extend(a);
        let arg = m.entity_type != EntityType::Other && self.follows_name(last + 1);
        self.claim_plain(head, a, last, arg);
    }

    /// "X and his Turkish counterpart Y": Y's role is X's if stated.
    fn counterparts(&mut self) {
        for u in 0..self.units.len() {
            if !self.units[u].counterpart {
                continue;
            }
            let first = self.units[u].first;
            let before = self
                .units
                .iter()
                .filter(|o| {
                    o.last < first
                        && !o.counterpart
                        && self
                            .mentions
                            .get(o.head)
                            .is_some_and(|m| m.entity_type == EntityType::Person)
                })
                .max_by_key(|o| o.last);
            let role = before.and_then(|o| o.role.clone());
            self.units[u].role = role.clone();
            if let Some(org) = self.units[u].org {
                let head = self.units[u].head;
                self.emit(
                    RelationKind::AffiliatedWith,
                    head,
                    org,
                    role,
                    rules::AFFILIATED_COUNTERPART,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn mention_tokens_are_the_tokens_of_mention_kind(
            t in "([ aA.,'\u{2019}]|Mr|\u{e9}){0,30}",
            cuts in proptest::collection::vec(0usize..60, 0..8),
        ) {
            let mut cuts = cuts;
            cuts.sort_unstable();
            let ms: Vec<SentenceMention> = cuts
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| SentenceMention {
                    span: crate::model::Span::new(c[0], c[1]),
                    entity: 0,
                    entity_type: EntityType::Person,
                    demonym: false,
                    reference: false,
                })
                .collect();
            let lower = t.to_ascii_lowercase();
            let toks = super::super::tokens::tokenize(&t, &lower, &ms);
            let by_kind: Vec<usize> = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| matches!(t.kind, TokKind::Mention(_)))
                .map(|(i, _)| i)
                .collect();
            proptest::prop_assert_eq!(mention_tokens(&toks, &ms), by_kind);
        }
    }

    #[test]
    fn not_adverbs_are_sorted() {
        assert!(NOT_ADVERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_ly_adverb("militarily"));
        assert!(!is_ly_adverb("ally"));
    }

    #[test]
    fn title_case_counts_capitals_of_any_script() {
        let case = |t: &str| {
            let lower = t.to_ascii_lowercase();
            let toks = super::super::tokens::tokenize(t, &lower, &[]);
            title_cased(t, &toks)
        };
        assert!(case("Kerry, Lavrov Will Again Confer"));
        assert!(case("\u{c9}lys\u{e9}e Talks \u{c9}mile Zola Rally"));
        assert!(!case("\u{e9}lys\u{e9}e talks \u{e9}mile zola Rally"));
        assert!(!case(
            "Kerry met the foreign minister of Russia about the treaty on Monday"
        ));
        assert!(!case("Kerry"));
    }
}
