//! Resolving entities across documents, in compact form.
//!
//! [`Locals`] keeps every document's local entities with their strings interned
//! once (an arena and a hash table of ids), so the corpus pass holds a few dozen
//! bytes per (document, entity) instead of strings. [`resolve_corpus`] merges them:
//! most specific names first (gazetteer names, then the longest), so that short
//! forms find the full form they stand for, and a short form joins only a unique
//! candidate of a compatible type.

use std::collections::BTreeMap;
use std::hash::BuildHasher;

use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};

use super::{
    initials, is_acronym_form, is_name_start, norm_key, person_compatible, translit, word_count,
    LocalEntity,
};
use crate::lexicon::{class, Lexicon};
use crate::model::EntityType;
use crate::timing;

/// The corpus map's value for a tentative entity that named nothing known.
pub const DROPPED: usize = usize::MAX;

/// Candidate lists stop growing here; a short form with this many candidates
/// is ambiguous, and the cap keeps the corpus pass linear.
const MAX_CANDIDATES: usize = 16;

/// A short form that fits several corpus entities joins the one that holds at least
/// `DOMINANT_SHARE` (as num/den) of the evidence among them, at least
/// `DOMINANT_RATIO` times the runner-up's and at least `DOMINANT_MIN` mentions:
/// "Clinton" goes to the Clinton that the corpus's other documents mostly write so;
/// split evidence (two prominent Bushes) leaves it apart.
const DOMINANT_SHARE: (u64, u64) = (2, 3);
const DOMINANT_RATIO: u64 = 3;
const DOMINANT_MIN: u64 = 3;

/// Party words glued before a person's name ("Republican Mitt Romney") are no name
/// words; titles and common words are found in the lexicon.
const PARTY_WORDS: [&str; 8] = [
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "gop",
    "independent",
    "conservative",
];

const NONE: u32 = u32::MAX;

/// Each distinct string once, numbered.
#[derive(Default)]
pub struct Strings {
    arena: String,
    spans: Vec<(u32, u32)>,
    /// (string id, 32-bit hash of the string): a lookup rejects other strings by
    /// their hash without reading the arena, and the table grows without hashing
    /// the strings again.
    table: hashbrown::HashTable<(u32, u32)>,
}

impl Strings {
    fn hash(s: &str) -> u32 {
        FxBuildHasher.hash_one(s) as u32
    }

    /// The table's 64-bit hash of a 32-bit string hash (spread to the high bits,
    /// which the table reads too).
    fn spread(h: u32) -> u64 {
        (h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ h as u64
    }

    pub fn get(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.arena[start as usize..end as usize]
    }

    pub fn find(&self, s: &str) -> Option<u32> {
        self.find_hashed(s, Self::hash(s))
    }

    fn find_hashed(&self, s: &str, h: u32) -> Option<u32> {
        self.table
            .find(Self::spread(h), |&(id, x)| x == h && self.get(id) == s)
            .map(|&(id, _)| id)
    }

    pub fn intern(&mut self, s: &str) -> u32 {
        let h = Self::hash(s);
        if let Some(id) = self.find_hashed(s, h) {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(s);
        self.spans.push((start, self.arena.len() as u32));
        self.table
            .insert_unique(Self::spread(h), (id, h), |&(_, x)| Self::spread(x));
        id
    }
}

/// One local entity: ranges into the shared form and word vectors.
#[derive(Clone, Copy)]
struct Compact {
    gaz: u32,
    forms: u32,
    n_forms: u32,
    n_demonyms: u32,
    words: u32,
    n_words: u32,
    entity_type: EntityType,
    weak: bool,
    tentative: bool,
}

/// Every document's local entities, in input order.
#[derive(Default)]
pub struct Locals {
    strings: Strings,
    entities: Vec<Compact>,
    /// Index in `entities` of each document's first entity.
    starts: Vec<u32>,
    /// (string, count): an entity's forms, then its nationality words.
    forms: Vec<(u32, u32)>,
    /// Name words (folded), for people.
    words: Vec<u32>,
    /// Each form's norm key, by string id; each norm key's transliteration fold.
    norm: IdMap,
    folded: IdMap,
    /// Whether each form is written as an acronym, by string id (`None` for strings
    /// that are no form).
    acronyms: Vec<Option<bool>>,
    /// The keys of each slot of `forms` (unset for nationality words).
    slot_keys: Vec<SlotKey>,
}

impl Locals {
    /// Adds the next document's entities.
    pub fn push_document(&mut self, entities: Vec<LocalEntity>) {
        self.starts.push(self.entities.len() as u32);
        for e in entities {
            let forms = self.forms.len() as u32;
            for (f, &c) in e.forms.iter() {
                let id = self.strings.intern(f);
                self.forms.push((id, c as u32));
                let key = self.form_key(id, f);
                self.slot_keys.push(key);
            }
            for (f, &c) in e.demonym_forms.iter() {
                let id = self.strings.intern(f);
                self.forms.push((id, c as u32));
                self.slot_keys.push(SlotKey::UNSET);
            }
            let words = self.words.len() as u32;
            for w in &e.name_words {
                let id = self.strings.intern(w);
                self.words.push(id);
            }
            self.entities.push(Compact {
                gaz: e.gaz.map_or(NONE, |g| g as u32),
                forms,
                n_forms: e.forms.iter().count() as u32,
                n_demonyms: e.demonym_forms.iter().count() as u32,
                words,
                n_words: self.words.len() as u32 - words,
                entity_type: e.entity_type,
                weak: e.weak,
                tentative: e.tentative,
            });
        }
    }

    /// The keys of form `f` (interned as `id`): its norm key and that key's fold,
    /// interned the first time the form is seen, and whether it is an acronym.
    fn form_key(&mut self, id: u32, f: &str) -> SlotKey {
        let k = match self.norm.get(id) {
            Some(k) => k,
            None => {
                let norm = norm_key(f);
                let k = self.strings.intern(&norm);
                self.norm.insert(id, k);
                if self.folded.get(k).is_none() {
                    let t = self.strings.intern(&translit(&norm));
                    self.folded.insert(k, t);
                }
                if self.acronyms.len() <= id as usize {
                    self.acronyms.resize(id as usize + 1, None);
                }
                self.acronyms[id as usize] = Some(is_acronym_form(f));
                k
            }
        };
        SlotKey {
            k,
            t: self.folded.get(k).unwrap_or(NONE),
            caps: self.acronyms[id as usize] == Some(true),
        }
    }

    pub fn documents(&self) -> usize {
        self.starts.len()
    }

    fn range(&self, d: usize) -> std::ops::Range<usize> {
        let start = self.starts[d] as usize;
        let end = self
            .starts
            .get(d + 1)
            .map_or(self.entities.len(), |&e| e as usize);
        start..end
    }

    fn forms(&self, e: &Compact) -> &[(u32, u32)] {
        &self.forms[e.forms as usize..(e.forms + e.n_forms) as usize]
    }

    fn demonyms(&self, e: &Compact) -> &[(u32, u32)] {
        let start = (e.forms + e.n_forms) as usize;
        &self.forms[start..start + e.n_demonyms as usize]
    }

    fn words(&self, e: &Compact) -> &[u32] {
        &self.words[e.words as usize..(e.words + e.n_words) as usize]
    }

    /// The longest, most frequent surface form (without demonyms).
    fn fullest(&self, e: &Compact) -> Option<u32> {
        fullest(self.forms(e).iter().copied(), &self.strings)
    }
}

/// The longest, most frequent form; ties to the alphabetically first.
fn fullest(forms: impl Iterator<Item = (u32, u32)>, strings: &Strings) -> Option<u32> {
    forms
        .max_by(|a, b| {
            let (x, y) = (strings.get(a.0), strings.get(b.0));
            word_count(x)
                .cmp(&word_count(y))
                .then(a.1.cmp(&b.1))
                .then(y.cmp(x))
        })
        .map(|(s, _)| s)
}

/// The label among an entity's forms: its most frequent full form as written. A
/// full form is clean (starts with a capital, or with a hyphened particle such as
/// "al-"; for a person, starts with no title, party or common word: not "la Donald
/// Trump", "Republican Mitt Romney", "Team Obama") and, when the entity has any,
/// has several words (a surname alone is no full name). Forms in mixed case come
/// before forms in capitals; ties go to more words, then alphabetical order. With
/// no clean form, the fullest form is taken. `generic` tells an organization's
/// head word ("Bureau", "Hospital"), which alone gives way to a name it heads.
fn label_form(
    forms: &[(u32, u32)],
    strings: &Strings,
    t: EntityType,
    glued: impl Fn(&str) -> bool,
    generic: impl Fn(&str) -> bool,
) -> Option<u32> {
    let clean = |f: &str| {
        let first = f.split_whitespace().next().unwrap_or("");
        let capital = first.chars().next().is_some_and(|c| !c.is_lowercase())
            || first.split_once('-').is_some_and(|(p, _)| {
                matches!(
                    p,
                    "al" | "el" | "ad" | "as" | "an" | "ash" | "at" | "az" | "bin" | "ibn"
                )
            });
        let lower = first.trim_end_matches('.').to_lowercase();
        capital && !(t == EntityType::Person && word_count(f) > 1 && glued(&lower))
    };
    let mixed = |f: &str| f.chars().any(|c| c.is_lowercase());
    let cleans: Vec<(u32, u32)> = forms
        .iter()
        .copied()
        .filter(|x| clean(strings.get(x.0)))
        .collect();
    // A person's hyphenated surname is one word: "Ocasio-Cortez" is no full name
    // beside "Alexandria Ocasio-Cortez".
    let words = |f: &str| match t {
        EntityType::Person => f.split_whitespace().count(),
        _ => word_count(f),
    };
    let is_multi = |x: &(u32, u32)| words(strings.get(x.0)) > 1;
    // A person's surname alone is no full name; for anything else a name of several
    // words is preferred only if written at least a third as often as the most
    // frequent one-word name ("Fox News" beside "Fox", not "No Republican" beside
    // "Republican").
    let top_single = match t {
        EntityType::Person => 0,
        _ => cleans
            .iter()
            .filter(|x| !is_multi(x))
            .map(|x| x.1)
            .max()
            .unwrap_or(0),
    };
    // A generic head word written alone ("Bureau") gives way to a name it heads
    // ("Bureau of Refugees", "Children's Hospital") written a tenth as often.
    let single = cleans
        .iter()
        .filter(|x| !is_multi(x) && x.1 == top_single)
        .map(|x| strings.get(x.0))
        .find(|f| generic(&f.to_lowercase()));
    let headed = |x: &(u32, u32)| {
        single.is_some_and(|h| head_word(strings.get(x.0)) == h) && x.1 * 10 >= top_single
    };
    let full = |x: &(u32, u32)| is_multi(x) && (x.1 * 3 >= top_single || headed(x));
    let any_full = cleans.iter().any(full);
    cleans
        .iter()
        .filter(|x| !any_full || full(x) || (t != EntityType::Person && !is_multi(x)))
        .max_by(|a, b| {
            let (x, y) = (strings.get(a.0), strings.get(b.0));
            mixed(x)
                .cmp(&mixed(y))
                .then(full(a).cmp(&full(b)))
                .then(a.1.cmp(&b.1))
                .then(words(x).cmp(&words(y)))
                .then(y.cmp(x))
        })
        .map(|x| x.0)
        .or_else(|| fullest(forms.iter().copied(), strings))
}

/// The head word of an organization's name: the word before its first "of"
/// ("Bureau of Refugees"), else its last word ("Children's Hospital").
fn head_word(f: &str) -> &str {
    let before_of = f.split(" of ").next().unwrap_or(f);
    before_of.split_whitespace().last().unwrap_or(f)
}

/// Where each document's local entities went.
pub struct Maps {
    starts: Vec<u32>,
    targets: Vec<usize>,
}

impl Maps {
    /// Maps made by hand: document `d`'s local entities go to the `targets` from
    /// `starts[d]` on.
    #[cfg(test)]
    pub fn from_parts(starts: Vec<u32>, targets: Vec<usize>) -> Maps {
        Maps { starts, targets }
    }

    /// The corpus entity of document `d`'s local entity `e` ([`DROPPED`] if none).
    pub fn get(&self, d: usize, e: usize) -> Option<usize> {
        let start = *self.starts.get(d)? as usize;
        let end = self
            .starts
            .get(d + 1)
            .map_or(self.targets.len(), |&x| x as usize);
        (start + e < end).then(|| self.targets[start + e])
    }

    /// The corpus entity of every local entity, documents after one another in input
    /// order (as [`Locals::push_document`] took them).
    pub fn targets(&self) -> &[usize] {
        &self.targets
    }
}

/// A resolved corpus-level entity.
#[derive(Clone, Debug)]
pub struct GlobalEntity {
    pub label: String,
    pub entity_type: EntityType,
    pub forms: BTreeMap<String, usize>,
    pub mentions: u64,
    pub documents: u64,
}

/// Kinds of lookup key; a key is (kind, interned string or gazetteer index).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Tag {
    Gazetteer,
    PersonWords,
    Name,
    Alias,
    Translit,
    Initials,
}

type Key = (Tag, u32);

/// A corpus entity being built.
struct Acc {
    votes: [u32; 4],
    mentions: u64,
    gaz: u32,
    words: Vec<u32>,
}

impl Acc {
    fn majority(&self) -> EntityType {
        const TYPES: [EntityType; 4] = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Location,
            EntityType::Other,
        ];
        TYPES
            .iter()
            .zip(self.votes)
            .filter(|(_, c)| *c > 0)
            .max_by_key(|(t, c)| (*c, **t != EntityType::Other, std::cmp::Reverse(**t)))
            .map_or(EntityType::Other, |(t, _)| *t)
    }
}

/// The type slot of [`Resolver::writer`] that counts local entities of every type.
const ANY_TYPE: u8 = 4;

fn type_index(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Other => 3,
    }
}

/// Merges every document's local entities into corpus entities; returns them and
/// where each local entity went. Nationality words are aliases but not mentions:
/// "Turkish" links Erdogan to Turkey and names it, but is not counted as a mention.
pub fn resolve_corpus(locals: Locals, lex: &Lexicon) -> (Vec<GlobalEntity>, Maps) {
    let mut r = timing::timed("resolve: keys", || Resolver::new(locals, lex));
    let order = timing::timed("resolve: order", || r.order());
    timing::timed("resolve: merge", || {
        order.into_iter().for_each(|i| r.resolve(i))
    });
    timing::timed("resolve: finish", || r.finish())
}

/// Per (norm key, type slot): the two entities written so most often, and the total.
#[derive(Clone, Copy)]
struct Said {
    top: [(u32, u32); 2],
    total: u64,
}

/// A map from string ids to string ids, as a vector (string ids are dense).
#[derive(Default)]
struct IdMap(Vec<u32>);

impl IdMap {
    fn get(&self, s: u32) -> Option<u32> {
        self.0.get(s as usize).copied().filter(|&v| v != NONE)
    }

    fn insert(&mut self, s: u32, v: u32) {
        if self.0.len() <= s as usize {
            self.0.resize(s as usize + 1, NONE);
        }
        self.0[s as usize] = v;
    }
}

struct Resolver<'a> {
    lex: &'a Lexicon,
    l: Locals,
    /// Document of each local entity.
    doc_of: Vec<u32>,
    /// String -> its norm key; norm key -> its transliteration fold.
    norm: IdMap,
    folded: IdMap,
    /// Whether each form is written as an acronym ([`is_acronym_form`]), by string
    /// id, found as documents came in (`None` for other strings).
    acronyms: Vec<Option<bool>>,
    /// The keys of each form (by its place in [`Locals::forms`]), found as documents
    /// came in ([`Locals::push_document`]), so that the merge reads them in a row.
    slot_keys: Vec<SlotKey>,
    acc: Vec<Acc>,
    primary: HashMap<Key, u32>,
    /// Short forms' keys ([`Tag::Alias`], [`Tag::Translit`], [`Tag::Initials`]) ->
    /// corpus entities, by the key's string.
    alias: Lists,
    translit: Lists,
    initials: Lists,
    surname: Lists,
    /// (given name, surname) -> people, so that a crowded surname still finds them.
    full_name: HashMap<(u32, u32), Listed>,
    first_name: Lists,
    /// (document, folded lone word), sorted: "Bashar ... Assad" without the full name.
    doc_words: Vec<(u32, u32)>,
    /// Each local entity's fullest form ([`Locals::fullest`]; [`NONE`] if none).
    fullest: Vec<u32>,
    /// Each local entity's primary key ([`Self::primary_key`]), found before the merge.
    pkeys: Vec<Key>,
    /// The keys [`Self::register_organization`] adds for an organization's fullest
    /// form, by the form's norm key: a range of `org_key_list`, found before the merge.
    org_keys: HashMap<u32, (u32, u32)>,
    org_key_list: Vec<Key>,
    /// (entity, norm key of a form) -> count by type slot: how often local entities
    /// of each type (and of any, [`ANY_TYPE`]) that went to the entity are written
    /// so; per (norm key, type slot) the entity written so most often, and the total.
    said: HashMap<(u32, u32), [u32; 5]>,
    said_best: HashMap<(u32, u8), Said>,
    /// Surname -> the two full-name people of that surname with most mentions, and
    /// the mentions of all of them.
    bearers: HashMap<u32, ([(u32, u64); 2], u64)>,
    targets: Vec<usize>,
}

impl<'a> Resolver<'a> {
    fn new(l: Locals, lex: &'a Lexicon) -> Resolver<'a> {
        let mut r = Resolver {
            lex,
            doc_of: Vec::with_capacity(l.entities.len()),
            targets: vec![DROPPED; l.entities.len()],
            l,
            norm: IdMap::default(),
            folded: IdMap::default(),
            acronyms: Vec::new(),
            slot_keys: Vec::new(),
            acc: Vec::new(),
            primary: HashMap::default(),
            alias: Lists::default(),
            translit: Lists::default(),
            initials: Lists::default(),
            surname: Lists::default(),
            full_name: HashMap::default(),
            first_name: Lists::default(),
            doc_words: Vec::new(),
            fullest: Vec::new(),
            pkeys: Vec::new(),
            org_keys: HashMap::default(),
            org_key_list: Vec::new(),
            said: HashMap::default(),
            said_best: HashMap::default(),
            bearers: HashMap::default(),
        };
        r.canonicalize_people();
        r.fullest = (r.l.entities.par_iter())
            .map(|e| r.l.fullest(e).unwrap_or(NONE))
            .collect();
        r.norm = std::mem::take(&mut r.l.norm);
        r.folded = std::mem::take(&mut r.l.folded);
        r.acronyms = std::mem::take(&mut r.l.acronyms);
        r.slot_keys = std::mem::take(&mut r.l.slot_keys);
        for d in 0..r.l.documents() {
            let n = r.l.range(d).len();
            r.doc_of.extend(std::iter::repeat(d as u32).take(n));
        }
        r.doc_words = r.lone_words();
        r.pkeys = r.primary_keys();
        r.organization_keys();
        r
    }

    /// Each document's lone words, folded ([`Self::doc_words`]).
    fn lone_words(&self) -> Vec<(u32, u32)> {
        let mut words: Vec<(u32, u32)> = (0..self.l.documents())
            .into_par_iter()
            .flat_map_iter(|d| {
                let entities = &self.l.entities[self.l.range(d)];
                entities.iter().flat_map(move |e| {
                    let slots = e.forms as usize..(e.forms + e.n_forms) as usize;
                    let keys = &self.slot_keys[slots];
                    let lone = keys.iter().filter(|x| x.k != NONE);
                    let lone = lone.filter(|x| !self.l.strings.get(x.k).contains(' '));
                    lone.map(move |x| (d as u32, x.t))
                })
            })
            .collect();
        words.par_sort_unstable();
        words.dedup();
        words
    }

    /// Every local entity's primary key ([`Self::primary_key`]), a full person's
    /// name words joined in parallel beforehand.
    fn primary_keys(&mut self) -> Vec<Key> {
        let strings = &self.l.strings;
        let joined: Vec<Option<String>> = (self.l.entities.par_iter())
            .map(|e| {
                let person = Self::is_full_person(e) && e.gaz == NONE;
                let words = person.then(|| self.name_words(e))?;
                let words: Vec<&str> = words.iter().map(|&w| strings.get(w)).collect();
                Some(words.join(" "))
            })
            .collect();
        let mut keys = Vec::with_capacity(joined.len());
        // Gazetteer keys by entry, interned once.
        let mut gaz = vec![NONE; self.lex.entries.len()];
        for (i, joined) in joined.into_iter().enumerate() {
            keys.push(self.primary_key(i, joined, &mut gaz));
        }
        keys
    }

    /// The form that stands for local entity `i` (its fullest, else its first
    /// nationality word, else nothing).
    fn full(&mut self, i: usize, e: &Compact) -> u32 {
        Some(self.fullest[i])
            .filter(|&f| f != NONE)
            .or_else(|| self.first_demonym(e))
            .unwrap_or_else(|| self.l.strings.intern(""))
    }

    /// Finds [`Self::org_keys`]: the derived names of each organization's fullest
    /// form, worked out in parallel once per norm key, then interned in key order.
    fn organization_keys(&mut self) {
        let mut keys: Vec<u32> = (self.l.entities.iter().zip(&self.fullest))
            .filter(|(e, &f)| e.entity_type == EntityType::Organization && f != NONE)
            .filter_map(|(_, &f)| self.norm.get(f))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let derived: Vec<Vec<(Tag, String)>> = (keys.par_iter())
            .map(|&k| self.derived_names(self.l.strings.get(k)))
            .collect();
        for (k, names) in keys.into_iter().zip(derived) {
            let start = self.org_key_list.len() as u32;
            for (tag, name) in names {
                let id = self.l.strings.intern(&name);
                self.org_key_list.push((tag, id));
            }
            let end = self.org_key_list.len() as u32;
            self.org_keys.insert(k, (start, end));
        }
    }

    /// Bare forms of names prefixed by a place ("us state department" -> "state
    /// department"; "national public radio" gives no "public radio"), initials, and
    /// the name without its cue word, of an organization's norm key.
    fn derived_names(&self, key: &str) -> Vec<(Tag, String)> {
        let ws: Vec<&str> = key.split(' ').collect();
        let mut out = Vec::new();
        for cut in (1..ws.len().saturating_sub(1)).filter(|&c| is_name_start(ws[c])) {
            if self.is_place(&ws[..cut].join(" ")) {
                out.push((Tag::Alias, ws[cut..].join(" ")));
            }
        }
        if ws.len() >= 2 {
            let ini = initials(key);
            if ini.len() >= 2 {
                out.push((Tag::Initials, ini));
            }
            if ws.last().is_some_and(|c| self.lex.org_cues.contains(*c)) {
                out.push((Tag::Alias, ws[..ws.len() - 1].join(" ")));
            }
        }
        out
    }

    /// Whether string `s` is written as an acronym ([`is_acronym_form`]).
    fn is_acronym(&self, s: u32) -> bool {
        match self.acronyms.get(s as usize) {
            Some(&Some(caps)) => caps,
            _ => is_acronym_form(self.l.strings.get(s)),
        }
    }

    /// The interned norm key of an interned string.
    fn norm_of(&mut self, s: u32) -> u32 {
        if let Some(k) = self.norm.get(s) {
            return k;
        }
        let k = self.l.strings.intern(&norm_key(self.l.strings.get(s)));
        self.norm.insert(s, k);
        k
    }

    /// The interned transliteration fold of an interned norm key.
    fn fold_of(&mut self, k: u32) -> u32 {
        if let Some(t) = self.folded.get(k) {
            return t;
        }
        let t = self.l.strings.intern(&translit(self.l.strings.get(k)));
        self.folded.insert(k, t);
        t
    }

    /// Most specific names first, so that short forms find their full form.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.l.entities.len()).collect();
        order.par_sort_by_cached_key(|&i| {
            let e = &self.l.entities[i];
            let full = if Self::is_full_person(e) {
                self.name_words(e).len()
            } else {
                match self.fullest[i] {
                    NONE => 0,
                    f => word_count(self.l.strings.get(f)),
                }
            };
            (
                e.tentative,
                e.gaz == NONE,
                std::cmp::Reverse(full),
                e.weak,
                i,
            )
        });
        order
    }

    fn is_full_person(e: &Compact) -> bool {
        e.entity_type == EntityType::Person && e.n_words > 1
    }

    /// A person's name words as the corpus compares them: [`Self::canonical`].
    fn name_words(&self, e: &Compact) -> &[u32] {
        self.l.words(e)
    }

    /// Replaces every full person's name words by their canonical form.
    fn canonicalize_people(&mut self) {
        // Given names folded as name words are.
        let given: HashSet<String> = (self.lex.first_names.iter())
            .chain(&self.lex.ambiguous_first_names)
            .map(|w| translit(w))
            .collect();
        let formal = self.formal_names();
        // Found in parallel, applied in entity order (so the word vector is the same).
        let canonical: Vec<(usize, Vec<u32>)> = (0..self.l.entities.len())
            .into_par_iter()
            .filter(|&i| Self::is_full_person(&self.l.entities[i]))
            .filter_map(|i| Some((i, self.canonical(&self.l.entities[i], &given, &formal)?)))
            .collect();
        for (i, words) in canonical {
            let start = self.l.words.len() as u32;
            self.l.words.extend(words);
            let e = &mut self.l.entities[i];
            e.words = start;
            e.n_words = self.l.words.len() as u32 - start;
        }
    }

    /// The short forms of given names the corpus writes, by string id, with the id of
    /// the formal name each stands for ([`Lexicon::nicknames`]).
    fn formal_names(&mut self) -> HashMap<u32, u32> {
        let mut shorts: Vec<(&String, &String)> = self.lex.nicknames.iter().collect();
        shorts.sort_unstable();
        let mut out = HashMap::default();
        for (short, formal) in shorts {
            if let Some(s) = self.l.strings.find(short) {
                out.insert(s, self.l.strings.intern(formal));
            }
        }
        out
    }

    /// A person's name words without what the text glued on, if anything was:
    /// leading words before the first given name ("WH John Roberts", "Nevadan Harry
    /// Reid") or that are titles, party words or common words ("Top Republican
    /// Darrell Issa"), while two words are left; and a surname repeated inside the
    /// name ("John Kasich Kasich"). A short form of a given name is compared as the
    /// formal name it stands for ("Bernie Sanders" as "Bernard Sanders").
    fn canonical(
        &self,
        e: &Compact,
        given: &HashSet<String>,
        formal: &HashMap<u32, u32>,
    ) -> Option<Vec<u32>> {
        let words = self.l.words(e);
        let n = words.len();
        // The fullest form's words as written (before transliteration folding),
        // when they line up with the name words.
        let raw: Vec<String> = self.l.fullest(e).map_or(Vec::new(), |f| {
            super::name_word_keys(self.l.strings.get(f), self.lex)
        });
        let text = |i: usize| match raw.len() == n {
            true => raw[i].as_str(),
            false => self.l.strings.get(words[i]),
        };
        let given = |i: usize| {
            self.lex.is_first_name(text(i)) || given.contains(self.l.strings.get(words[i]))
        };
        let mut skip = (0..n - 1).find(|&i| given(i)).unwrap_or(0);
        while n - skip > 2 && self.is_glued_word(text(skip)) {
            skip += 1;
        }
        let last = words[n - 1];
        let mut out: Vec<u32> = Vec::with_capacity(n - skip);
        for (x, &w) in words[skip..].iter().enumerate() {
            let middle_surname = w == last && x + skip + 1 < n;
            if !middle_surname && out.last() != Some(&w) {
                out.push(w);
            }
        }
        if out.len() >= 2 {
            if let Some(&f) = formal.get(&out[0]) {
                out[0] = f;
            }
        }
        (out.len() >= 2 && out != words).then_some(out)
    }

    fn is_glued_word(&self, w: &str) -> bool {
        !self.lex.is_first_name(w)
            && (PARTY_WORDS.contains(&w)
                || self.lex.is_common_lower(w)
                || self.lex.misc.contains(w)
                || self.lex.title_at(&[w]) > 0)
    }

    /// Resolves local entity `i` to a corpus entity (or drops it).
    fn resolve(&mut self, i: usize) {
        let e = self.l.entities[i];
        let fullest = Some(self.fullest[i]).filter(|&f| f != NONE);
        let full = self.full(i, &e);
        let pkey = self.pkeys[i];
        let mut target = self.primary.get(&pkey).copied();
        if target.is_none() && Self::is_full_person(&e) {
            target = self.by_surname(&e).or_else(|| {
                let k = self.norm_of(full);
                self.same_name(k, EntityType::Person, false)
            });
        }
        if target.is_none() && e.gaz == NONE && !Self::is_full_person(&e) {
            target = self.by_short_form(&e, full, self.doc_of[i]);
        }
        let g = match target {
            Some(g) => g,
            None if e.tentative => return,
            None => {
                self.acc.push(Acc {
                    votes: [0; 4],
                    mentions: 0,
                    gaz: e.gaz,
                    words: Vec::new(),
                });
                let g = self.acc.len() as u32 - 1;
                self.primary.insert(pkey, g);
                g
            }
        };
        self.targets[i] = g as usize;
        self.fold_into(g, &e);
        self.register(g, &e, fullest);
    }

    /// The smallest nationality word, for entities named only by those.
    fn first_demonym(&self, e: &Compact) -> Option<u32> {
        self.l
            .demonyms(e)
            .iter()
            .map(|x| x.0)
            .min_by(|a, b| self.l.strings.get(*a).cmp(self.l.strings.get(*b)))
    }

    /// Local entity `i`'s key among the corpus entities: its gazetteer entry, else a
    /// full person's name words (`joined`), else the norm key of its form. `gaz`
    /// holds the entries' keys interned so far.
    fn primary_key(&mut self, i: usize, joined: Option<String>, gaz: &mut [u32]) -> Key {
        let e = self.l.entities[i];
        if e.gaz != NONE {
            // By the entry's key: entries that share one (a country and a state of
            // one name) are one entity, as the in-document pass treats them.
            let id = &mut gaz[e.gaz as usize];
            if *id == NONE {
                *id = self.l.strings.intern(&self.lex.entries[e.gaz as usize].key);
            }
            return (Tag::Gazetteer, *id);
        }
        if let Some(joined) = joined {
            return (Tag::PersonWords, self.l.strings.intern(&joined));
        }
        let full = self.full(i, &e);
        (Tag::Name, self.norm_of(full))
    }

    fn words_of(&self, ids: &[u32]) -> Vec<&str> {
        ids.iter().map(|&w| self.l.strings.get(w)).collect()
    }

    /// A full person name joins the one person of that surname it is compatible
    /// with, or the dominant one by mentions among several ("Paul Ryan" beside a
    /// much-mentioned "Paul D. Ryan" and a rare "Paul S. Ryan").
    fn by_surname(&self, e: &Compact) -> Option<u32> {
        let ids = self.name_words(e);
        let words = self.words_of(ids);
        let (first, last) = (ids[0], ids[ids.len() - 1]);
        let mut theirs: Vec<&str> = Vec::with_capacity(words.len() + 2);
        let mut compatible = |g: u32| {
            theirs.clear();
            let acc = &self.acc[g as usize].words;
            theirs.extend(acc.iter().map(|&w| self.l.strings.get(w)));
            person_compatible(&theirs, &words)
        };
        let mut cands = Cands::default();
        let full_name = self
            .full_name
            .get(&(first, last))
            .map_or(&[][..], Listed::as_slice);
        let surname = self.surname.get(last);
        // The people of a full name are mostly among the surname's: each is compared once.
        let others = full_name.iter().filter(|g| !surname.contains(g));
        for &g in surname.iter().chain(others) {
            if compatible(g) {
                cands.push(g);
            }
        }
        let cands = cands.distinct();
        if cands.len() == 1 {
            return Some(cands[0]);
        }
        // Several people agree with the name ("George Bush"; "Hillary Rodham Clinton"
        // beside "Hillary Diane Rodham Clinton" and a rare "Hillary R. Clinton"): the
        // dominant one by mentions takes it. Names whose middles disagree ("Paul D.
        // Ryan", "Paul S. Ryan") are no candidates of each other.
        dominant(cands, |g| self.acc[g as usize].mentions)
    }

    /// The corpus entity that holds a dominant share ([`DOMINANT_SHARE`]) of the
    /// mentions written with norm key `k` by local entities of type slot `t`.
    fn writer(&self, k: u32, t: u8) -> Option<u32> {
        let Said {
            top: [(g, best), (_, second)],
            total,
        } = *self.said_best.get(&(k, t))?;
        is_dominant(best as u64, second as u64, total).then_some(g)
    }

    /// One name, one node: a name of uncertain type here (`unsure`), or of a type
    /// that bears it in under a quarter of its mentions ("Florida" read as an
    /// organization, "Middle-East" as a person), joins the entity the corpus
    /// mostly writes it for, of whatever type.
    fn same_name(&self, k: u32, t: EntityType, unsure: bool) -> Option<u32> {
        let total = |t: u8| self.said_best.get(&(k, t)).map_or(0, |x| x.total);
        let rare = total(type_index(t)) * 4 < total(ANY_TYPE);
        self.writer(k, ANY_TYPE).filter(|_| unsure || rare)
    }

    /// A lone surname written as a person's ("Carson said") joins the full-name
    /// person who dominates (see [`is_dominant`]) the mentions of the people who
    /// bear that surname, when the corpus seldom writes it alone for anyone.
    fn bearer(&self, e: &Compact, k: u32, tk: u32) -> Option<u32> {
        if e.entity_type != EntityType::Person || self.l.strings.get(k).contains(' ') {
            return None;
        }
        let (top, total) = self.bearers.get(&tk)?;
        is_dominant(top[0].1, top[1].1, *total).then_some(top[0].0)
    }

    /// Counts `c` mentions of corpus entity `g` written with norm key `k` by a
    /// local entity of type slot `t`, and under [`ANY_TYPE`].
    fn count_said(&mut self, g: u32, k: u32, t: u8, c: u32) {
        let counts = self.said.entry((g, k)).or_default();
        for t in [t, ANY_TYPE] {
            counts[t as usize] += c;
            let n = counts[t as usize];
            let said = self.said_best.entry((k, t)).or_insert(Said {
                top: [(NONE, 0); 2],
                total: 0,
            });
            lead(&mut said.top, g, n);
            said.total += c as u64;
        }
    }

    fn candidates(&self, key: Option<Key>) -> &[u32] {
        match key {
            Some((tag, s)) => self.lists(tag).map_or(&[], |l| l.get(s)),
            None => &[],
        }
    }

    /// The candidate lists of short forms' keys of kind `tag`.
    fn lists(&self, tag: Tag) -> Option<&Lists> {
        match tag {
            Tag::Alias => Some(&self.alias),
            Tag::Translit => Some(&self.translit),
            Tag::Initials => Some(&self.initials),
            _ => None,
        }
    }

    /// A short or unknown form joins the one corpus entity it can stand for.
    fn by_short_form(&mut self, e: &Compact, full: u32, d: u32) -> Option<u32> {
        let k = self.norm_of(full);
        // A lone head word ("News", "Center", "Radio") names no one across documents.
        let head = self.l.strings.get(k);
        if self.lex.org_cues.contains(head) && !self.lex.by_key.contains_key(head) {
            return None;
        }
        let tk = self.fold_of(k);
        let caps = self.is_acronym(full);
        let acronym = caps.then_some((Tag::Initials, k));
        let folded = (!caps).then_some((Tag::Translit, tk));
        let fits = |a: &Acc| {
            let t = a.majority();
            e.entity_type == t
                || e.weak
                || e.entity_type == EntityType::Other
                || t == EntityType::Other
        };
        let mut cands = Cands::default();
        for key in [Some((Tag::Alias, k)), folded, acronym] {
            for &g in self.candidates(key) {
                if fits(&self.acc[g as usize]) {
                    cands.push(g);
                }
            }
        }
        let cands = cands.distinct();
        if cands.len() == 1 {
            return Some(cands[0]);
        }
        if let Some(g) = self.writer(k, type_index(e.entity_type)) {
            return Some(g);
        }
        if let Some(g) = self.bearer(e, k, tk) {
            return Some(g);
        }
        let unsure = e.weak || e.entity_type == EntityType::Other || cands.is_empty();
        if let Some(g) = self.same_name(k, e.entity_type, unsure) {
            return Some(g);
        }
        if !cands.is_empty() {
            return None;
        }
        let key = self.l.strings.get(k);
        if e.entity_type == EntityType::Organization {
            if let Some(g) = self.known_institution(key) {
                return Some(g);
            }
        }
        if !key.contains(' ') && matches!(e.entity_type, EntityType::Person | EntityType::Other) {
            return self.by_given_name(tk, d);
        }
        None
    }

    /// "U.S. Treasury Department" is the gazetteer's "Treasury Department": a name
    /// made of a place and a known institution's name joins that institution.
    /// Anything else before the rest ("Iowa Public Radio", "Ames Research Center",
    /// "ABC News-Washington Post") is a name of its own.
    fn known_institution(&self, key: &str) -> Option<u32> {
        let ws: Vec<&str> = key.split(' ').collect();
        for cut in (1..ws.len().saturating_sub(1)).filter(|&c| is_name_start(ws[c])) {
            if !self.is_place(&ws[..cut].join(" ")) {
                continue;
            }
            let Some(&entry) = self.lex.by_key.get(&ws[cut..].join(" ")) else {
                continue;
            };
            let known = &self.lex.entries[entry];
            if known.entity_type != EntityType::Organization {
                continue;
            }
            let Some(id) = self.l.strings.find(&known.key) else {
                continue;
            };
            if let Some(&g) = self.primary.get(&(Tag::Gazetteer, id)) {
                return Some(g);
            }
        }
        None
    }

    /// A place or nationality word of the gazetteer ("US", "Russian").
    fn is_place(&self, key: &str) -> bool {
        self.lex.misc.contains(key)
            || self
                .lex
                .by_key
                .get(key)
                .is_some_and(|&g| self.lex.entries[g].entity_type == EntityType::Location)
    }

    /// A lone given name joins the one person with that given name whose surname
    /// the same document also mentions.
    fn by_given_name(&self, tk: u32, d: u32) -> Option<u32> {
        let by_first: Vec<u32> = self
            .first_name
            .get(tk)
            .iter()
            .copied()
            .filter(|&g| {
                self.acc[g as usize]
                    .words
                    .last()
                    .is_some_and(|&l| self.doc_words.binary_search(&(d, l)).is_ok())
            })
            .collect();
        (by_first.len() == 1).then(|| by_first[0])
    }

    /// Counts the local entity's votes and mentions into corpus entity `g` (its forms
    /// and document are gathered by [`Self::gathered_forms`] and [`Self::documents`]).
    fn fold_into(&mut self, g: u32, e: &Compact) {
        let words = self.l.words(e);
        let a = &mut self.acc[g as usize];
        a.votes[type_index(e.entity_type) as usize] += if e.weak { 1 } else { 3 };
        if a.gaz == NONE {
            a.gaz = e.gaz;
        }
        if words.len() > a.words.len() {
            a.words = words.to_vec();
        }
        for x in (e.forms..e.forms + e.n_forms).map(|x| x as usize) {
            let c = self.l.forms[x].1;
            self.acc[g as usize].mentions += c as u64;
            let k = self.slot_keys[x].k;
            self.count_said(g, k, type_index(e.entity_type), c);
        }
        if e.entity_type == EntityType::Person && self.acc[g as usize].words.len() > 1 {
            let a = &self.acc[g as usize];
            let (last, n) = (a.words[a.words.len() - 1], a.mentions);
            let added: u64 = self.l.forms(e).iter().map(|x| x.1 as u64).sum();
            let (top, total) = self.bearers.entry(last).or_insert(([(NONE, 0); 2], 0));
            lead(top, g, n);
            *total += added;
        }
    }

    fn add(&mut self, (tag, s): Key, g: u32) {
        match tag {
            Tag::Alias => self.alias.add(s, g),
            Tag::Translit => self.translit.add(s, g),
            Tag::Initials => self.initials.add(s, g),
            _ => {}
        }
    }

    /// Registers the keys short forms may use to find corpus entity `g`.
    fn register(&mut self, g: u32, e: &Compact, fullest: Option<u32>) {
        for x in e.forms..e.forms + e.n_forms {
            let SlotKey { k, t, caps } = self.slot_keys[x as usize];
            // Spelling variants fold together ("Sergey", "Sergei"); the letters of
            // an acronym do not ("FFL" is not "FL").
            if !caps {
                self.translit.add(t, g);
            }
            self.alias.add(k, g);
        }
        if Self::is_full_person(e) {
            let words = self.name_words(e);
            let (first, last) = (words[0], words[words.len() - 1]);
            self.first_name.add(first, g);
            self.translit.add(last, g);
            self.surname.add(last, g);
            add_capped(&mut self.full_name, (first, last), g);
        }
        if e.entity_type == EntityType::Organization {
            if let Some(f) = fullest {
                self.register_organization(g, f);
            }
        }
    }

    /// Registers the derived names of an organization's fullest form `full` (see
    /// [`Self::derived_names`]).
    fn register_organization(&mut self, g: u32, full: u32) {
        let k = self.norm_of(full);
        let Some(&(start, end)) = self.org_keys.get(&k) else {
            return;
        };
        for at in start..end {
            self.add(self.org_key_list[at as usize], g);
        }
    }

    /// The corpus entities, those of the same label folded into one, and the maps
    /// from the documents' entities to them.
    fn finish(mut self) -> (Vec<GlobalEntity>, Maps) {
        let n = self.acc.len();
        let (mut forms, mut demonyms) = self.gathered_forms();
        let mut labels: Vec<String> = (0..n)
            .into_par_iter()
            .map(|g| self.label(g, self.acc[g].majority(), &forms[g], &demonyms[g]))
            .collect();
        let root = self.same_label_roots(&forms, &labels);
        let (id, kept, grew) = self.fold_to_roots(&root, &mut forms, &mut demonyms);
        let documents = self.documents(&root);
        for t in self.targets.iter_mut().filter(|t| **t != DROPPED) {
            *t = id[root[*t] as usize] as usize;
        }
        let first_labels: Vec<String> = kept
            .iter()
            .map(|&g| std::mem::take(&mut labels[g]))
            .collect();
        let entities = kept
            .par_iter()
            .zip(first_labels)
            .map(|(&g, first_label)| {
                let label = (!grew[g]).then_some(first_label);
                self.global_entity(g, label, &forms[g], &demonyms[g], documents[g])
            })
            .collect();
        let maps = Maps {
            starts: self.l.starts,
            targets: self.targets,
        };
        (entities, maps)
    }

    /// Folds each entity into its `root` (votes, gazetteer entry, forms and
    /// nationality words): the dense ids of the roots (by entity), the roots kept in
    /// order, and which of them grew.
    fn fold_to_roots(
        &mut self,
        root: &[u32],
        forms: &mut [Vec<(u32, u32)>],
        demonyms: &mut [Vec<(u32, u32)>],
    ) -> (Vec<u32>, Vec<usize>, Vec<bool>) {
        let n = self.acc.len();
        let mut grew = vec![false; n];
        // Dense ids for the entities that stay; the others fold into their root.
        let mut id = vec![NONE; n];
        let mut kept: Vec<usize> = Vec::new();
        for g in (0..n).filter(|&g| root[g] as usize == g) {
            id[g] = kept.len() as u32;
            kept.push(g);
        }
        for g in (0..n).filter(|&g| root[g] as usize != g) {
            let r = root[g] as usize;
            grew[r] = true;
            let (f, d) = (
                std::mem::take(&mut forms[g]),
                std::mem::take(&mut demonyms[g]),
            );
            forms[r].extend(f);
            demonyms[r].extend(d);
            let votes = self.acc[g].votes;
            let gaz = self.acc[g].gaz;
            let a = &mut self.acc[r];
            a.votes.iter_mut().zip(votes).for_each(|(x, y)| *x += y);
            if a.gaz == NONE {
                a.gaz = gaz;
            }
        }
        for &g in kept.iter().filter(|&&g| grew[g]) {
            merge_counts(&mut forms[g]);
            merge_counts(&mut demonyms[g]);
        }
        (id, kept, grew)
    }

    /// The corpus entity of root `g`; `label` is its label unless it grew, when it
    /// is made again from all its forms.
    fn global_entity(
        &self,
        g: usize,
        label: Option<String>,
        forms: &[(u32, u32)],
        demonyms: &[(u32, u32)],
        documents: u64,
    ) -> GlobalEntity {
        let a = &self.acc[g];
        let entry = (a.gaz != NONE).then(|| &self.lex.entries[a.gaz as usize]);
        let entity_type = entry.map_or_else(|| a.majority(), |x| x.entity_type);
        let label = label.unwrap_or_else(|| self.label(g, entity_type, forms, demonyms));
        let mentions = forms.iter().map(|x| x.1 as u64).sum();
        let mut all: BTreeMap<String, usize> = BTreeMap::new();
        for &(f, c) in forms.iter().chain(demonyms) {
            *all.entry(self.l.strings.get(f).to_string()).or_default() += c as usize;
        }
        GlobalEntity {
            label,
            entity_type,
            forms: all,
            mentions,
            documents,
        }
    }

    /// Each corpus entity's forms and nationality words with their counts, sorted by
    /// string id; gathered in parallel, entity by entity.
    #[allow(clippy::type_complexity)]
    fn gathered_forms(&self) -> (Vec<Vec<(u32, u32)>>, Vec<Vec<(u32, u32)>>) {
        let (starts, members) = self.members();
        (0..self.acc.len())
            .into_par_iter()
            .map(|g| {
                let (mut forms, mut demonyms) = (Vec::new(), Vec::new());
                for &i in &members[starts[g] as usize..starts[g + 1] as usize] {
                    let e = &self.l.entities[i as usize];
                    forms.extend_from_slice(self.l.forms(e));
                    demonyms.extend_from_slice(self.l.demonyms(e));
                }
                merge_counts(&mut forms);
                merge_counts(&mut demonyms);
                (forms, demonyms)
            })
            .unzip()
    }

    /// The local entities of each corpus entity, in input order: those of `g` are
    /// `members[starts[g]..starts[g + 1]]`.
    fn members(&self) -> (Vec<u32>, Vec<u32>) {
        let mut starts = vec![0u32; self.acc.len() + 1];
        for &g in self.targets.iter().filter(|&&g| g != DROPPED) {
            starts[g + 1] += 1;
        }
        for g in 0..self.acc.len() {
            starts[g + 1] += starts[g];
        }
        let mut at = starts.clone();
        let mut members = vec![0u32; starts[self.acc.len()] as usize];
        for (i, &g) in self.targets.iter().enumerate() {
            if g != DROPPED {
                members[at[g] as usize] = i as u32;
                at[g] += 1;
            }
        }
        (starts, members)
    }

    /// How many documents name each corpus entity (by its form, not only by
    /// nationality words), the entities joined to their `root`.
    fn documents(&self, root: &[u32]) -> Vec<u64> {
        let mut docs: Vec<(u32, u32)> = (self.l.entities.iter().zip(&self.targets))
            .zip(&self.doc_of)
            .filter(|((e, &g), _)| g != DROPPED && e.n_forms > 0)
            .map(|((_, &g), &d)| (root[g], d))
            .collect();
        docs.par_sort_unstable();
        docs.dedup();
        let mut documents = vec![0u64; root.len()];
        for &(g, _) in &docs {
            documents[g as usize] += 1;
        }
        documents
    }

    /// A corpus entity's label: its gazetteer name, else [`label_form`], else its
    /// first nationality word.
    fn label(
        &self,
        g: usize,
        t: EntityType,
        forms: &[(u32, u32)],
        demonyms: &[(u32, u32)],
    ) -> String {
        let strings = &self.l.strings;
        if let Some(gaz) = (self.acc[g].gaz != NONE).then_some(self.acc[g].gaz) {
            return self.lex.entries[gaz as usize].name.clone();
        }
        let generic = |w: &str| self.lex.classes_of(w) & class::ORG_CUE != 0;
        label_form(forms, strings, t, |w| self.is_glued_word(w), generic)
            .or_else(|| {
                demonyms
                    .iter()
                    .map(|x| x.0)
                    .min_by(|a, b| strings.get(*a).cmp(strings.get(*b)))
            })
            .map(|s| strings.get(s).to_string())
            .unwrap_or_default()
    }

    /// One name, one node: entities whose labels fold to one key ("Fox News" and
    /// "FOX News", "The Times" and "Times", "Florida" and "Florida") join the one
    /// with most mentions when it has at least four times as many as each of them
    /// (else the evidence for two entities is strong and both stay), unless both
    /// are different gazetteer entries. Returns each entity's root.
    fn same_label_roots(&self, forms: &[Vec<(u32, u32)>], labels: &[String]) -> Vec<u32> {
        let n = self.acc.len();
        let mentions: Vec<u64> = forms
            .iter()
            .map(|f| f.iter().map(|x| x.1 as u64).sum())
            .collect();
        // The keys are found in parallel and grouped in entity order.
        let keys: Vec<Option<String>> = (labels.par_iter().enumerate())
            .map(|(g, label)| (!label.is_empty() && mentions[g] > 0).then(|| norm_key(label)))
            .collect();
        let mut groups: HashMap<String, Vec<u32>> = HashMap::default();
        for (g, key) in keys.into_iter().enumerate() {
            if let Some(key) = key {
                groups.entry(key).or_default().push(g as u32);
            }
        }
        let mut root: Vec<u32> = (0..n as u32).collect();
        let joins = |g: u32, big: u32| {
            let (gaz, big_gaz) = (self.acc[g as usize].gaz, self.acc[big as usize].gaz);
            let two_entries = gaz != NONE && big_gaz != NONE && gaz != big_gaz;
            !two_entries && mentions[g as usize] * 4 < mentions[big as usize]
        };
        for group in groups.values().filter(|v| v.len() > 1) {
            let big = *group
                .iter()
                .max_by_key(|&&g| (mentions[g as usize], std::cmp::Reverse(g)))
                .unwrap_or(&group[0]);
            for &g in group.iter().filter(|&&g| g != big && joins(g, big)) {
                root[g as usize] = big;
            }
        }
        // A node named only by a short form that the corpus mostly writes for
        // another entity ("Obama" left over from "Team Obama") joins that entity.
        for (key, group) in &groups {
            let Some(w) = self
                .l
                .strings
                .find(key)
                .and_then(|k| self.writer(k, ANY_TYPE))
            else {
                continue;
            };
            let w = find(&mut root, w);
            for &g in group {
                if find(&mut root, g) == g && g != w && joins(g, w) {
                    root[g as usize] = w;
                }
            }
        }
        (0..n as u32).map(|g| find(&mut root, g)).collect()
    }
}

/// The candidate whose `score` dominates the others' (see [`is_dominant`]), if one does.
fn dominant(cands: &[u32], score: impl Fn(u32) -> u64) -> Option<u32> {
    let (mut best, mut second, mut total) = ((0, NONE), 0, 0);
    for &g in cands {
        let s = score(g);
        total += s;
        if s > best.0 {
            second = best.0;
            best = (s, g);
        } else {
            second = second.max(s);
        }
    }
    is_dominant(best.0, second, total).then_some(best.1)
}

/// The dominance rule: see [`DOMINANT_SHARE`].
fn is_dominant(best: u64, second: u64, total: u64) -> bool {
    let (num, den) = DOMINANT_SHARE;
    best >= DOMINANT_MIN && best >= DOMINANT_RATIO * second && best * den >= total * num
}

/// The root of `x` among parent links (each entity starts as its own root).
fn find(parent: &mut [u32], x: u32) -> u32 {
    let mut r = x;
    while parent[r as usize] != r {
        r = parent[r as usize];
    }
    let mut y = x;
    while parent[y as usize] != r {
        let next = parent[y as usize];
        parent[y as usize] = r;
        y = next;
    }
    r
}

/// Sums the counts of repeated strings.
fn merge_counts(v: &mut Vec<(u32, u32)>) {
    v.sort_unstable();
    v.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 += b.1;
        }
        same
    });
}

/// Updates the two leaders of a count after entity `g`'s count grew to `n`
/// (counts only grow, so the two leaders stay exact).
fn lead<T: Copy + PartialOrd>(top: &mut [(u32, T); 2], g: u32, n: T) {
    if top[0].0 == g {
        top[0].1 = n;
    } else if n > top[0].1 {
        top[1] = top[0];
        top[0] = (g, n);
    } else if top[1].0 == g || n > top[1].1 {
        top[1] = (g, n);
    }
}

/// Leaves out the corpus entities whose type is `Other` (their mentions and links
/// are dropped as [`DROPPED`]) and renumbers the rest: the graph holds people,
/// organizations and places. Such an entity is mostly lone unknown words that no
/// document typed ("Medicare" capitalised mid-sentence), joined to a name one
/// document typed by weak evidence alone.
pub fn without_other(entities: Vec<GlobalEntity>, mut maps: Maps) -> (Vec<GlobalEntity>, Maps) {
    if entities.iter().all(|e| e.entity_type != EntityType::Other) {
        return (entities, maps);
    }
    let mut number = Vec::with_capacity(entities.len());
    let mut kept = Vec::with_capacity(entities.len());
    for e in entities {
        if e.entity_type == EntityType::Other {
            number.push(DROPPED);
        } else {
            number.push(kept.len());
            kept.push(e);
        }
    }
    for t in maps.targets.iter_mut().filter(|t| **t != DROPPED) {
        *t = number[*t];
    }
    (kept, maps)
}

/// A form's keys: its norm key, the norm key's fold and whether the form is written
/// as an acronym; [`NONE`] keys for strings that are no form.
#[derive(Clone, Copy)]
struct SlotKey {
    k: u32,
    t: u32,
    caps: bool,
}

impl SlotKey {
    /// The keys of a slot that is no form.
    const UNSET: SlotKey = SlotKey {
        k: NONE,
        t: NONE,
        caps: false,
    };
}

/// Candidate lists by string id, as [`Listed`] keeps them in a map: a list of one
/// is its entity ([`MANY`] clear), a longer one an index in `many` ([`MANY`] set).
#[derive(Default)]
struct Lists {
    head: Vec<u32>,
    many: Vec<Vec<u32>>,
}

/// The mark of a [`Lists`] entry that is an index in `many`.
const MANY: u32 = 1 << 31;

impl Lists {
    fn get(&self, s: u32) -> &[u32] {
        match self.head.get(s as usize) {
            None | Some(&NONE) => &[],
            Some(&x) if x & MANY != 0 => &self.many[(x & !MANY) as usize],
            Some(x) => std::slice::from_ref(x),
        }
    }

    /// [`Listed::add`]: adds `g` to the candidates of `s`.
    fn add(&mut self, s: u32, g: u32) {
        if self.head.len() <= s as usize {
            self.head.resize((s as usize + 1).next_power_of_two(), NONE);
        }
        let x = self.head[s as usize];
        if x == NONE {
            self.head[s as usize] = g;
        } else if x & MANY == 0 {
            if x != g {
                self.head[s as usize] = MANY | self.many.len() as u32;
                self.many.push(vec![x, g]);
            }
        } else {
            let v = &mut self.many[(x & !MANY) as usize];
            if v.len() < MAX_CANDIDATES && !v.contains(&g) {
                v.push(g);
            }
        }
    }
}

/// Candidates gathered from up to three lists of at most [`MAX_CANDIDATES`], on the
/// stack.
struct Cands {
    n: usize,
    v: [u32; 3 * MAX_CANDIDATES],
}

impl Default for Cands {
    fn default() -> Self {
        Cands {
            n: 0,
            v: [0; 3 * MAX_CANDIDATES],
        }
    }
}

impl Cands {
    fn push(&mut self, g: u32) {
        if let Some(slot) = self.v.get_mut(self.n) {
            *slot = g;
            self.n += 1;
        }
    }

    /// The candidates sorted, each once.
    fn distinct(&mut self) -> &[u32] {
        let v = &mut self.v[..self.n];
        v.sort_unstable();
        let mut kept = 0;
        for i in 0..v.len() {
            if i == 0 || v[i] != v[kept - 1] {
                v[kept] = v[i];
                kept += 1;
            }
        }
        &self.v[..kept]
    }
}

/// Adds `g` to the candidates of `key`.
fn add_capped<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Listed>, key: K, g: u32) {
    map.entry(key)
        .and_modify(|list| list.add(g))
        .or_insert(Listed::One(g));
}

/// The candidates of a key, in the order they came; most keys have one, kept
/// without an allocation of its own.
enum Listed {
    One(u32),
    Many(Vec<u32>),
}

impl Listed {
    fn as_slice(&self) -> &[u32] {
        match self {
            Listed::One(g) => std::slice::from_ref(g),
            Listed::Many(v) => v,
        }
    }

    fn add(&mut self, g: u32) {
        match self {
            Listed::One(x) if *x != g => *self = Listed::Many(vec![*x, g]),
            Listed::One(_) => {}
            // Past a few candidates a short form is ambiguous anyway: stop growing.
            Listed::Many(v) => {
                if v.len() < MAX_CANDIDATES && !v.contains(&g) {
                    v.push(g);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(label: &str, entity_type: EntityType) -> GlobalEntity {
        GlobalEntity {
            label: label.into(),
            entity_type,
            forms: BTreeMap::new(),
            mentions: 1,
            documents: 1,
        }
    }

    #[test]
    fn corpus_entities_of_type_other_leave_the_graph() {
        let entities = vec![
            entity("Ana Ruiz", EntityType::Person),
            entity("Medicare", EntityType::Other),
            entity("Oslo", EntityType::Location),
        ];
        let maps = Maps {
            starts: vec![0, 2],
            targets: vec![0, 1, 2, DROPPED],
        };
        let (kept, maps) = without_other(entities, maps);
        let labels: Vec<&str> = kept.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, vec!["Ana Ruiz", "Oslo"]);
        assert_eq!(maps.get(0, 0), Some(0));
        assert_eq!(maps.get(0, 1), Some(DROPPED));
        assert_eq!(maps.get(1, 0), Some(1));
        assert_eq!(maps.get(1, 1), Some(DROPPED));
    }

    fn label(forms: &[(&str, u32)], t: EntityType) -> String {
        let mut s = Strings::default();
        let forms: Vec<(u32, u32)> = forms.iter().map(|&(f, c)| (s.intern(f), c)).collect();
        let glued = |w: &str| matches!(w, "republican" | "team" | "sen");
        let generic = |w: &str| matches!(w, "bureau" | "legislature");
        let id = label_form(&forms, &s, t, glued, generic).expect("a label");
        s.get(id).to_string()
    }

    #[test]
    fn the_label_is_the_most_frequent_full_form_as_written() {
        let person = EntityType::Person;
        let trump = [
            ("la Donald Trump", 1),
            ("Donald J. Trump", 40),
            ("Donald Trump", 400),
            ("DONALD TRUMP", 900),
            ("Republican Donald Trump", 30),
            ("Trump", 900),
        ];
        assert_eq!(label(&trump, person), "Donald Trump");
        // A full name written once still beats a surname written often.
        assert_eq!(
            label(&[("Karel Zvonek", 1), ("Zvonek", 30)], person),
            "Karel Zvonek"
        );
        // A glued title or party word is no full form, even when more frequent.
        let romney = [
            ("Republican Vera Lodz", 50),
            ("Vera Lodz", 20),
            ("Team Lodz", 9),
        ];
        assert_eq!(label(&romney, person), "Vera Lodz");
        // A hyphenated surname is one word, however often it is written alone.
        assert_eq!(
            label(&[("Lena Ostrava-Kim", 2), ("Ostrava-Kim", 30)], person),
            "Lena Ostrava-Kim"
        );
        // With no clean full name, a clean surname; with nothing clean, the fullest form.
        assert_eq!(label(&[("Team Lodz", 9), ("Lodz", 3)], person), "Lodz");
        assert_eq!(
            label(&[("la Vera Lodz", 2), ("Team Lodz", 9)], person),
            "la Vera Lodz"
        );
    }

    #[test]
    fn organizations_prefer_their_longer_name_unless_it_is_rare() {
        let org = EntityType::Organization;
        assert_eq!(label(&[("Fox", 30), ("Fox News", 20)], org), "Fox News");
        assert_eq!(
            label(&[("Dunmore", 300), ("No Dunmore", 4)], org),
            "Dunmore"
        );
        assert_eq!(
            label(&[("al-Nusra Front", 5), ("Nusra", 2)], org),
            "al-Nusra Front"
        );
    }

    #[test]
    fn a_lone_head_word_gives_way_to_a_name_it_heads() {
        let org = EntityType::Organization;
        let bureau = [("Bureau", 4), ("Bureau of Refugees", 1)];
        assert_eq!(label(&bureau, org), "Bureau of Refugees");
        // Not to a name written far less often, nor to one it does not head.
        let legislature = [("Legislature", 150), ("Ohio Legislature", 2)];
        assert_eq!(label(&legislature, org), "Legislature");
        let bureau = [("Bureau", 4), ("Bureau Chiefs Club", 1)];
        assert_eq!(label(&bureau, org), "Bureau");
    }

    #[test]
    fn dominance_needs_a_share_a_lead_and_a_minimum() {
        assert!(is_dominant(80, 10, 100));
        // Two prominent bearers: no lead of three to one.
        assert!(!is_dominant(60, 40, 100));
        // Many small ones: no two-thirds share.
        assert!(!is_dominant(50, 10, 100));
        // Too little evidence.
        assert!(!is_dominant(2, 0, 2));
        let scores = [0u64, 90, 5, 12];
        assert_eq!(dominant(&[1, 2, 3], |g| scores[g as usize]), Some(1));
        assert_eq!(dominant(&[0, 2], |g| scores[g as usize]), Some(2));
        assert_eq!(dominant(&[2, 3], |g| scores[g as usize]), None);
    }

    use crate::resolve::Forms;

    fn local(t: EntityType, forms: &[(&str, usize)], words: &str, weak: bool) -> LocalEntity {
        let mut f = Forms::default();
        for &(form, n) in forms {
            for _ in 0..n {
                f.add(form.to_string());
            }
        }
        let lex = Lexicon::builtin();
        let gaz = forms
            .first()
            .and_then(|x| lex.by_key.get(&norm_key(x.0)))
            .copied();
        let gaz = gaz.filter(|_| {
            t == EntityType::Location || forms[0].0 == "NPR" || forms[0].0 == "State Department"
        });
        LocalEntity {
            entity_type: t,
            gaz,
            forms: f,
            demonym_forms: Forms::default(),
            name_words: words.split_whitespace().map(translit).collect(),
            weak,
            tentative: false,
        }
    }

    fn person(forms: &[(&str, usize)], words: &str) -> LocalEntity {
        local(EntityType::Person, forms, words, false)
    }

    fn org(forms: &[(&str, usize)]) -> LocalEntity {
        local(EntityType::Organization, forms, "", false)
    }

    /// Resolves documents of one entity each; returns each document's corpus entity.
    fn resolve(docs: Vec<LocalEntity>) -> (Vec<GlobalEntity>, Vec<usize>) {
        let mut locals = Locals::default();
        let n = docs.len();
        for e in docs {
            locals.push_document(vec![e]);
        }
        let (entities, maps) = resolve_corpus(locals, Lexicon::builtin());
        let at = (0..n).map(|d| maps.get(d, 0).unwrap()).collect();
        (entities, at)
    }

    fn marta(quellman: usize) -> LocalEntity {
        person(
            &[("Marta Quellman", 1), ("Quellman", quellman)],
            "marta quellman",
        )
    }

    fn dirk(quellman: usize) -> LocalEntity {
        person(
            &[("Dirk Quellman", 1), ("Quellman", quellman)],
            "dirk quellman",
        )
    }

    fn bare_quellman() -> LocalEntity {
        person(&[("Quellman", 2)], "quellman")
    }

    #[test]
    fn a_short_given_name_joins_the_formal_one_of_the_same_surname() {
        let (entities, at) = resolve(vec![
            person(&[("Bernie Quellman", 3)], "bernie quellman"),
            person(&[("Bernard Quellman", 1)], "bernard quellman"),
            person(&[("Chuck Quellman", 2)], "chuck quellman"),
            person(&[("Charles E. Quellman", 1)], "charles e quellman"),
        ]);
        assert_eq!(at[0], at[1]);
        assert_eq!(at[2], at[3]);
        assert_ne!(at[0], at[2]);
        assert_eq!(entities[at[0]].label, "Bernie Quellman");
        // A short form of several formal names ("Ted": Edward or Theodore) joins none,
        // and a short form never joins another surname.
        let (_, at) = resolve(vec![
            person(&[("Ted Quellman", 2)], "ted quellman"),
            person(&[("Edward Quellman", 2)], "edward quellman"),
            person(&[("Bernie Dorrance", 2)], "bernie dorrance"),
            person(&[("Bernard Quellman", 2)], "bernard quellman"),
        ]);
        assert_ne!(at[0], at[1]);
        assert_ne!(at[2], at[3]);
    }

    #[test]
    fn strings_are_numbered_once_in_order_of_first_sight() {
        let mut strings = Strings::default();
        let mut seen: HashMap<String, u32> = HashMap::default();
        // Enough strings for the table to grow many times; every third one repeats.
        for i in 0..20_000u32 {
            let s = format!("w{}", if i % 3 == 0 { i / 7 } else { i });
            let next = seen.len() as u32;
            let want = *seen.entry(s.clone()).or_insert(next);
            assert_eq!(strings.intern(&s), want);
        }
        for (s, &id) in &seen {
            assert_eq!(strings.find(s), Some(id));
            assert_eq!(strings.get(id), s);
        }
        assert_eq!(strings.find("w-1"), None);
        assert_eq!(strings.find(""), None);
        assert_eq!(strings.intern(""), seen.len() as u32);
        assert_eq!(strings.find(""), Some(seen.len() as u32));
    }

    #[test]
    fn form_keys_are_found_as_documents_come_in() {
        let mut l = Locals::default();
        l.push_document(vec![org(&[("Fox News", 2), ("FOX", 1)])]);
        l.push_document(vec![org(&[("Fox News", 1), ("Sergei Lavrov's", 1)])]);
        assert_eq!(l.slot_keys.len(), l.forms.len());
        for (slot, &(f, _)) in l.forms.iter().enumerate() {
            let (form, key) = (l.strings.get(f), l.slot_keys[slot]);
            let norm = norm_key(form);
            assert_eq!(l.strings.get(key.k), norm, "{form}");
            assert_eq!(l.strings.get(key.t), translit(&norm), "{form}");
            assert_eq!(key.caps, is_acronym_form(form), "{form}");
        }
        // A form seen again reuses its keys.
        let fox: Vec<usize> = (0..l.forms.len())
            .filter(|&x| l.strings.get(l.forms[x].0) == "Fox News")
            .collect();
        assert_eq!(fox.len(), 2);
        assert_eq!(l.forms[fox[0]].0, l.forms[fox[1]].0);
        assert_eq!(l.slot_keys[fox[0]].k, l.slot_keys[fox[1]].k);
    }

    #[test]
    fn acronyms_are_letters_not_spellings() {
        // "Sergey"/"Sergei" fold together, but doubled capitals are other letters:
        // "FFL" is not "FL", nor "AAFI" "AFI".
        let (g, at) = resolve(vec![
            org(&[("FFL", 3)]),
            org(&[("FL", 2)]),
            org(&[("AAFI", 1)]),
            org(&[("AFI", 1)]),
        ]);
        assert_ne!(at[0], at[1], "{g:?}");
        assert_ne!(at[2], at[3], "{g:?}");
        let (g, at) = resolve(vec![
            person(&[("Sergey Vellin", 2)], "sergey vellin"),
            person(&[("Sergei Vellin", 1)], "sergei vellin"),
        ]);
        assert_eq!(at[0], at[1], "{g:?}");
    }

    #[test]
    fn a_bare_surname_joins_the_person_who_dominates_it() {
        let (g, at) = resolve(vec![marta(3), marta(2), dirk(1), bare_quellman()]);
        assert_eq!(at[3], at[0], "{g:?}");
        assert_ne!(at[2], at[0]);
        assert_eq!(g[at[0]].label, "Marta Quellman");
    }

    #[test]
    fn a_bare_surname_never_written_alone_joins_the_dominant_bearer() {
        let full = |name: &str, n: usize| person(&[(name, n)], &name.to_lowercase());
        let (g, at) = resolve(vec![
            full("Marta Quellman", 6),
            full("Marta Quellman", 4),
            full("Dirk Quellman", 2),
            bare_quellman(),
        ]);
        assert_eq!(at[3], at[0], "{g:?}");
        let (g, at) = resolve(vec![
            full("Marta Quellman", 6),
            full("Dirk Quellman", 5),
            bare_quellman(),
        ]);
        assert_ne!(at[2], at[0], "{g:?}");
        assert_ne!(at[2], at[1], "{g:?}");
    }

    #[test]
    fn a_bare_surname_stays_apart_when_the_evidence_is_split() {
        let (g, at) = resolve(vec![marta(3), dirk(3), bare_quellman()]);
        assert_ne!(at[2], at[0], "{g:?}");
        assert_ne!(at[2], at[1], "{g:?}");
        assert_eq!(g[at[2]].label, "Quellman");
    }

    #[test]
    fn middle_initials_join_and_conflicting_middles_stay_apart() {
        let (g, at) = resolve(vec![
            person(&[("Walter K. Brandt", 1), ("Brandt", 2)], "walter k brandt"),
            person(&[("Walter Brandt", 2)], "walter brandt"),
            person(&[("Walter Brandt", 3)], "walter brandt"),
            person(
                &[("Republican Walter Brandt", 1)],
                "republican walter brandt",
            ),
        ]);
        assert!(at.iter().all(|&x| x == at[0]), "{g:?}");
        assert_eq!(g[at[0]].label, "Walter Brandt");
        let d = person(&[("Oskar D. Vellin", 1), ("Vellin", 9)], "oskar d vellin");
        let (g, at) = resolve(vec![
            d.clone(),
            d,
            person(&[("Oskar S. Vellin", 1)], "oskar s vellin"),
            person(&[("Oskar Vellin", 2)], "oskar vellin"),
        ]);
        assert_ne!(at[0], at[2], "{g:?}");
        // The plain form joins the dominant one.
        assert_eq!(at[3], at[0], "{g:?}");
    }

    #[test]
    fn a_name_with_a_middle_joins_the_dominant_of_the_people_it_agrees_with() {
        let (g, at) = resolve(vec![
            person(
                &[("Marta Anna Lenz Kowal", 1), ("Kowal", 30)],
                "marta anna lenz kowal",
            ),
            person(&[("Marta L. Kowal", 1)], "marta l kowal"),
            person(&[("Marta Lenz Kowal", 2), ("Kowal", 3)], "marta lenz kowal"),
        ]);
        assert_ne!(at[1], at[0], "{g:?}");
        assert_eq!(at[2], at[0], "{g:?}");
    }

    #[test]
    fn a_plain_name_between_two_equal_middles_joins_neither() {
        let (g, at) = resolve(vec![
            person(&[("Oskar D. Vellin", 1), ("Vellin", 4)], "oskar d vellin"),
            person(&[("Oskar S. Vellin", 1), ("Vellin", 4)], "oskar s vellin"),
            person(&[("Oskar Vellin", 2)], "oskar vellin"),
        ]);
        assert_ne!(at[2], at[0], "{g:?}");
        assert_ne!(at[2], at[1], "{g:?}");
    }

    #[test]
    fn a_name_read_as_another_type_joins_the_entity_the_corpus_writes_it_for() {
        let state = || local(EntityType::Location, &[("Nebraska", 5)], "", false);
        let (g, at) = resolve(vec![state(), state(), org(&[("Nebraska", 2)])]);
        assert_eq!(at[2], at[0], "{g:?}");
        assert_eq!(g[at[0]].entity_type, EntityType::Location);
        // A person well attested under that name keeps the person's mentions.
        let (g, at) = resolve(vec![
            state(),
            state(),
            person(&[("Ada Nebraska", 1), ("Nebraska", 4)], "ada nebraska"),
            person(&[("Nebraska", 2)], "nebraska"),
        ]);
        assert_eq!(at[3], at[2], "{g:?}");
        assert_ne!(at[3], at[0], "{g:?}");
    }

    #[test]
    fn an_organizations_initials_and_name_without_its_head_word_join_it() {
        let (g, at) = resolve(vec![
            org(&[("Varnholt Research Institute", 3)]),
            org(&[("VRI", 1)]),
            org(&[("Varnholt Research", 1)]),
            org(&[("Research Institute", 1)]),
        ]);
        assert_eq!(at[1], at[0], "{g:?}");
        assert_eq!(at[2], at[0], "{g:?}");
        // What follows a word that is no place is no bare form of the name.
        assert_ne!(at[3], at[0], "{g:?}");
    }

    #[test]
    fn candidate_lists_keep_order_and_each_entity_once_up_to_the_cap() {
        let mut map: HashMap<u32, Listed> = HashMap::default();
        for g in [7, 7, 3, 7, 5] {
            add_capped(&mut map, 1, g);
        }
        assert_eq!(map[&1].as_slice(), &[7, 3, 5]);
        for g in 0..40 {
            add_capped(&mut map, 2, g);
        }
        assert_eq!(map[&2].as_slice(), &(0..16).collect::<Vec<u32>>()[..]);
        let mut cands = Cands::default();
        for g in [9, 2, 9, 4, 2] {
            cands.push(g);
        }
        assert_eq!(cands.distinct(), &[2, 4, 9]);
    }

    #[test]
    fn lists_by_string_keep_what_listed_keeps() {
        let mut map: HashMap<u32, Listed> = HashMap::default();
        let mut lists = Lists::default();
        let mut x = 12345u32;
        for _ in 0..5000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let (key, g) = ((x >> 8) % 37 * 3, (x >> 16) % 23);
            add_capped(&mut map, key, g);
            lists.add(key, g);
        }
        for key in 0..120 {
            let want = map.get(&key).map_or(&[][..], Listed::as_slice);
            assert_eq!(lists.get(key), want, "{key}");
        }
        assert_eq!(lists.get(1 << 20), &[] as &[u32]);
    }

    #[test]
    fn partial_forms_do_not_join_through_a_head_word() {
        let (g, at) = resolve(vec![
            org(&[("NPR", 4), ("National Public Radio", 1)]),
            org(&[("Ohio Public Radio", 2)]),
            org(&[("Fox News", 5), ("News", 1)]),
            org(&[("News", 1)]),
            org(&[("State Department", 5)]),
            org(&[("U.S. State Department", 1)]),
        ]);
        assert_ne!(at[1], at[0], "{g:?}");
        assert_ne!(at[3], at[2], "{g:?}");
        // A place before a known institution's name is still that institution.
        assert_eq!(at[5], at[4], "{g:?}");
    }

    #[test]
    fn strings_are_interned_once() {
        let mut s = Strings::default();
        let a = s.intern("Kerry");
        let b = s.intern("Lavrov");
        assert_eq!(s.intern("Kerry"), a);
        assert_ne!(a, b);
        assert_eq!(s.get(b), "Lavrov");
        assert_eq!(s.find("Lavrov"), Some(b));
        assert_eq!(s.find("Putin"), None);
        for i in 0..10_000 {
            s.intern(&format!("name {i}"));
        }
        assert_eq!(s.find("name 9999").map(|id| s.get(id)), Some("name 9999"));
        assert_eq!(s.get(a), "Kerry");
    }
}
