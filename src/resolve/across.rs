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

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};

use super::{
    initials, is_acronym_form, is_name_start, norm_key, person_compatible, translit, word_count,
    LocalEntity,
};
use crate::lexicon::Lexicon;
use crate::model::EntityType;

/// The corpus map's value for a tentative entity that named nothing known.
pub const DROPPED: usize = usize::MAX;

/// Candidate lists stop growing here; a short form with this many candidates
/// is ambiguous, and the cap keeps the corpus pass linear.
const MAX_CANDIDATES: usize = 8;

const NONE: u32 = u32::MAX;

/// Each distinct string once, numbered.
#[derive(Default)]
pub struct Strings {
    arena: String,
    spans: Vec<(u32, u32)>,
    table: hashbrown::HashTable<u32>,
}

impl Strings {
    fn hash(s: &str) -> u64 {
        FxBuildHasher.hash_one(s)
    }

    pub fn get(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.arena[start as usize..end as usize]
    }

    pub fn find(&self, s: &str) -> Option<u32> {
        self.table
            .find(Self::hash(s), |&id| self.get(id) == s)
            .copied()
    }

    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(id) = self.find(s) {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(s);
        self.spans.push((start, self.arena.len() as u32));
        let (arena, spans) = (&self.arena, &self.spans);
        let text = |id: u32| {
            let (a, b) = spans[id as usize];
            &arena[a as usize..b as usize]
        };
        self.table
            .insert_unique(Self::hash(s), id, |&other| Self::hash(text(other)));
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
            }
            for (f, &c) in e.demonym_forms.iter() {
                let id = self.strings.intern(f);
                self.forms.push((id, c as u32));
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

/// The label among an entity's forms: the fullest, among the names of several words
/// that are written at least a tenth as often as the most frequent of them, so that a
/// stray longer form ("la Donald Trump" once, beside "Donald Trump" thousands of
/// times) does not become the label.
fn label_form(forms: &[(u32, u32)], strings: &Strings) -> Option<u32> {
    let multi = |f: &&(u32, u32)| word_count(strings.get(f.0)) > 1;
    let top = forms.iter().filter(multi).map(|f| f.1).max().unwrap_or(0);
    fullest(
        forms
            .iter()
            .filter(|f| !multi(f) || f.1 * 10 >= top)
            .copied(),
        strings,
    )
}

/// Where each document's local entities went.
pub struct Maps {
    starts: Vec<u32>,
    targets: Vec<usize>,
}

impl Maps {
    /// The corpus entity of document `d`'s local entity `e` ([`DROPPED`] if none).
    pub fn get(&self, d: usize, e: usize) -> Option<usize> {
        let start = *self.starts.get(d)? as usize;
        let end = self
            .starts
            .get(d + 1)
            .map_or(self.targets.len(), |&x| x as usize);
        (start + e < end).then(|| self.targets[start + e])
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

fn type_index(t: EntityType) -> usize {
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
    let mut r = Resolver::new(locals, lex);
    for i in r.order() {
        r.resolve(i);
    }
    r.finish()
}

struct Resolver<'a> {
    lex: &'a Lexicon,
    l: Locals,
    /// Document of each local entity.
    doc_of: Vec<u32>,
    /// String -> its norm key; norm key -> its transliteration fold.
    norm: HashMap<u32, u32>,
    folded: HashMap<u32, u32>,
    acc: Vec<Acc>,
    primary: HashMap<Key, u32>,
    alias: HashMap<Key, Vec<u32>>,
    surname: HashMap<u32, Vec<u32>>,
    first_name: HashMap<u32, Vec<u32>>,
    /// (document, folded lone word): "Bashar ... Assad" without the full name.
    doc_words: HashSet<(u32, u32)>,
    /// (entity, form) -> count, for forms and for nationality words.
    forms: HashMap<(u32, u32), u32>,
    demonyms: HashMap<(u32, u32), u32>,
    /// (entity, document) for every local entity with forms.
    docs: Vec<(u32, u32)>,
    targets: Vec<usize>,
}

impl<'a> Resolver<'a> {
    fn new(l: Locals, lex: &'a Lexicon) -> Resolver<'a> {
        let mut r = Resolver {
            lex,
            doc_of: Vec::with_capacity(l.entities.len()),
            targets: vec![DROPPED; l.entities.len()],
            l,
            norm: HashMap::default(),
            folded: HashMap::default(),
            acc: Vec::new(),
            primary: HashMap::default(),
            alias: HashMap::default(),
            surname: HashMap::default(),
            first_name: HashMap::default(),
            doc_words: HashSet::default(),
            forms: HashMap::default(),
            demonyms: HashMap::default(),
            docs: Vec::new(),
        };
        for d in 0..r.l.documents() {
            for i in r.l.range(d) {
                r.doc_of.push(d as u32);
                let e = r.l.entities[i];
                for k in 0..e.n_forms {
                    let f = r.l.forms[(e.forms + k) as usize].0;
                    let key = r.norm_of(f);
                    if !r.l.strings.get(key).contains(' ') {
                        let t = r.fold_of(key);
                        r.doc_words.insert((d as u32, t));
                    }
                }
            }
        }
        r
    }

    /// The interned norm key of an interned string.
    fn norm_of(&mut self, s: u32) -> u32 {
        if let Some(&k) = self.norm.get(&s) {
            return k;
        }
        let k = self.l.strings.intern(&norm_key(self.l.strings.get(s)));
        self.norm.insert(s, k);
        k
    }

    /// The interned transliteration fold of an interned norm key.
    fn fold_of(&mut self, k: u32) -> u32 {
        if let Some(&t) = self.folded.get(&k) {
            return t;
        }
        let t = self.l.strings.intern(&translit(self.l.strings.get(k)));
        self.folded.insert(k, t);
        t
    }

    /// Most specific names first, so that short forms find their full form.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.l.entities.len()).collect();
        order.sort_by_cached_key(|&i| {
            let e = &self.l.entities[i];
            let full = self
                .l
                .fullest(e)
                .map_or(0, |f| word_count(self.l.strings.get(f)));
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

    /// Resolves local entity `i` to a corpus entity (or drops it).
    fn resolve(&mut self, i: usize) {
        let e = self.l.entities[i];
        let full = self
            .l
            .fullest(&e)
            .or_else(|| self.first_demonym(&e))
            .unwrap_or_else(|| self.l.strings.intern(""));
        let pkey = self.primary_key(&e, full);
        let mut target = self.primary.get(&pkey).copied();
        if target.is_none() && Self::is_full_person(&e) {
            target = self.by_surname(&e);
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
                    gaz: e.gaz,
                    words: Vec::new(),
                });
                let g = self.acc.len() as u32 - 1;
                self.primary.insert(pkey, g);
                g
            }
        };
        self.targets[i] = g as usize;
        self.fold_into(g, &e, self.doc_of[i]);
        self.register(g, &e);
    }

    /// The smallest nationality word, for entities named only by those.
    fn first_demonym(&self, e: &Compact) -> Option<u32> {
        self.l
            .demonyms(e)
            .iter()
            .map(|x| x.0)
            .min_by(|a, b| self.l.strings.get(*a).cmp(self.l.strings.get(*b)))
    }

    fn primary_key(&mut self, e: &Compact, full: u32) -> Key {
        if e.gaz != NONE {
            // By the entry's key: entries that share one (a country and a state of
            // one name) are one entity, as the in-document pass treats them.
            let key = &self.lex.entries[e.gaz as usize].key;
            return (Tag::Gazetteer, self.l.strings.intern(key));
        }
        if Self::is_full_person(e) {
            let joined: Vec<&str> = self
                .l
                .words(e)
                .iter()
                .map(|&w| self.l.strings.get(w))
                .collect();
            let joined = joined.join(" ");
            return (Tag::PersonWords, self.l.strings.intern(&joined));
        }
        (Tag::Name, self.norm_of(full))
    }

    fn words_of(&self, ids: &[u32]) -> Vec<&str> {
        ids.iter().map(|&w| self.l.strings.get(w)).collect()
    }

    /// A full person name joins the one person of that surname it is compatible with.
    fn by_surname(&self, e: &Compact) -> Option<u32> {
        let words = self.words_of(self.l.words(e));
        let last = *self.l.words(e).last()?;
        let cands: Vec<u32> = self
            .surname
            .get(&last)?
            .iter()
            .copied()
            .filter(|&g| person_compatible(&self.words_of(&self.acc[g as usize].words), &words))
            .collect();
        (cands.len() == 1).then(|| cands[0])
    }

    fn candidates(&self, key: Option<Key>) -> &[u32] {
        key.and_then(|k| self.alias.get(&k))
            .map_or(&[], |v| v.as_slice())
    }

    /// A short or unknown form joins the one corpus entity it can stand for.
    fn by_short_form(&mut self, e: &Compact, full: u32, d: u32) -> Option<u32> {
        let k = self.norm_of(full);
        let tk = self.fold_of(k);
        let full_text = self.l.strings.get(full);
        let acronym = is_acronym_form(full_text).then_some((Tag::Initials, k));
        let fits = |a: &Acc| {
            let t = a.majority();
            e.entity_type == t
                || e.weak
                || e.entity_type == EntityType::Other
                || t == EntityType::Other
        };
        let mut cands: Vec<u32> = [Some((Tag::Alias, k)), Some((Tag::Translit, tk)), acronym]
            .into_iter()
            .flat_map(|key| self.candidates(key))
            .copied()
            .filter(|&g| fits(&self.acc[g as usize]))
            .collect();
        cands.sort_unstable();
        cands.dedup();
        if cands.len() == 1 {
            return Some(cands[0]);
        }
        if !cands.is_empty() {
            return None;
        }
        let key = self.l.strings.get(k).to_string();
        if e.entity_type == EntityType::Organization {
            if let Some(g) = self.known_institution(&key) {
                return Some(g);
            }
        }
        if !key.contains(' ') && matches!(e.entity_type, EntityType::Person | EntityType::Other) {
            return self.by_given_name(tk, d);
        }
        None
    }

    /// "U.S. Treasury Department" is the gazetteer's "Treasury Department": a
    /// prefixed name joins a known institution named by its rest.
    fn known_institution(&self, key: &str) -> Option<u32> {
        let ws: Vec<&str> = key.split(' ').collect();
        for cut in (1..ws.len().saturating_sub(1)).filter(|&c| is_name_start(ws[c])) {
            let Some(rest) = self.l.strings.find(&ws[cut..].join(" ")) else {
                continue;
            };
            let known: Vec<u32> = self
                .candidates(Some((Tag::Alias, rest)))
                .iter()
                .copied()
                .filter(|&g| {
                    let a = &self.acc[g as usize];
                    a.gaz != NONE && a.majority() == EntityType::Organization
                })
                .collect();
            if known.len() == 1 {
                return Some(known[0]);
            }
        }
        None
    }

    /// A lone given name joins the one person with that given name whose surname
    /// the same document also mentions.
    fn by_given_name(&self, tk: u32, d: u32) -> Option<u32> {
        let by_first: Vec<u32> = self
            .first_name
            .get(&tk)?
            .iter()
            .copied()
            .filter(|&g| {
                self.acc[g as usize]
                    .words
                    .last()
                    .is_some_and(|&l| self.doc_words.contains(&(d, l)))
            })
            .collect();
        (by_first.len() == 1).then(|| by_first[0])
    }

    /// Counts the local entity's votes, forms and document into corpus entity `g`.
    fn fold_into(&mut self, g: u32, e: &Compact, d: u32) {
        let a = &mut self.acc[g as usize];
        a.votes[type_index(e.entity_type)] += if e.weak { 1 } else { 3 };
        if a.gaz == NONE {
            a.gaz = e.gaz;
        }
        if e.n_words as usize > a.words.len() {
            a.words = self.l.words(e).to_vec();
        }
        for &(f, c) in self.l.forms(e) {
            *self.forms.entry((g, f)).or_default() += c;
        }
        for &(f, c) in self.l.demonyms(e) {
            *self.demonyms.entry((g, f)).or_default() += c;
        }
        if e.n_forms > 0 {
            self.docs.push((g, d));
        }
    }

    fn add(&mut self, key: Key, g: u32) {
        add_capped(self.alias.entry(key).or_default(), g);
    }

    /// Registers the keys short forms may use to find corpus entity `g`.
    fn register(&mut self, g: u32, e: &Compact) {
        for x in 0..e.n_forms {
            let f = self.l.forms[(e.forms + x) as usize].0;
            let k = self.norm_of(f);
            let t = self.fold_of(k);
            self.add((Tag::Translit, t), g);
            self.add((Tag::Alias, k), g);
        }
        if Self::is_full_person(e) {
            let words = self.l.words(e);
            let (first, last) = (words[0], words[words.len() - 1]);
            add_capped(self.first_name.entry(first).or_default(), g);
            self.add((Tag::Translit, last), g);
            add_capped(self.surname.entry(last).or_default(), g);
        }
        if e.entity_type == EntityType::Organization {
            if let Some(f) = self.l.fullest(e) {
                self.register_organization(g, f);
            }
        }
    }

    /// Bare forms of prefixed names ("US State Department" -> "State Department"),
    /// initials, and the name without its cue word.
    fn register_organization(&mut self, g: u32, full: u32) {
        let k = self.norm_of(full);
        let key = self.l.strings.get(k).to_string();
        let ws: Vec<&str> = key.split(' ').collect();
        for cut in (1..ws.len().saturating_sub(1)).filter(|&c| is_name_start(ws[c])) {
            let bare = self.l.strings.intern(&ws[cut..].join(" "));
            self.add((Tag::Alias, bare), g);
        }
        if ws.len() >= 2 {
            let ini = initials(&key);
            if ini.len() >= 2 {
                let id = self.l.strings.intern(&ini);
                self.add((Tag::Initials, id), g);
            }
            if ws.last().is_some_and(|c| self.lex.org_cues.contains(*c)) {
                let id = self.l.strings.intern(&ws[..ws.len() - 1].join(" "));
                self.add((Tag::Alias, id), g);
            }
        }
    }

    fn finish(mut self) -> (Vec<GlobalEntity>, Maps) {
        let n = self.acc.len();
        let mut forms: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
        for ((g, f), c) in std::mem::take(&mut self.forms) {
            forms[g as usize].push((f, c));
        }
        let mut demonyms: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
        for ((g, f), c) in std::mem::take(&mut self.demonyms) {
            demonyms[g as usize].push((f, c));
        }
        self.docs.sort_unstable();
        self.docs.dedup();
        let mut documents = vec![0u64; n];
        for &(g, _) in &self.docs {
            documents[g as usize] += 1;
        }
        let strings = &self.l.strings;
        let entities = self
            .acc
            .iter()
            .enumerate()
            .map(|(g, a)| {
                let entry = (a.gaz != NONE).then(|| &self.lex.entries[a.gaz as usize]);
                let entity_type = entry.map_or_else(|| a.majority(), |x| x.entity_type);
                let label = match entry {
                    Some(x) => x.name.clone(),
                    None => label_form(&forms[g], strings)
                        .or_else(|| {
                            demonyms[g]
                                .iter()
                                .map(|x| x.0)
                                .min_by(|a, b| strings.get(*a).cmp(strings.get(*b)))
                        })
                        .map(|s| strings.get(s).to_string())
                        .unwrap_or_default(),
                };
                let mentions = forms[g].iter().map(|x| x.1 as u64).sum();
                let mut all: BTreeMap<String, usize> = BTreeMap::new();
                for &(f, c) in forms[g].iter().chain(&demonyms[g]) {
                    *all.entry(strings.get(f).to_string()).or_default() += c as usize;
                }
                GlobalEntity {
                    label,
                    entity_type,
                    forms: all,
                    mentions,
                    documents: documents[g],
                }
            })
            .collect();
        let maps = Maps {
            starts: self.l.starts,
            targets: self.targets,
        };
        (entities, maps)
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

fn add_capped(v: &mut Vec<u32>, g: u32) {
    // Past a few candidates a short form is ambiguous anyway: stop growing.
    if v.len() < MAX_CANDIDATES && !v.contains(&g) {
        v.push(g);
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

    #[test]
    fn a_stray_longer_form_is_not_the_label() {
        let mut s = Strings::default();
        let forms = [
            (s.intern("la Donald Trump"), 1),
            (s.intern("Donald Trump"), 400),
            (s.intern("Trump"), 900),
        ];
        assert_eq!(
            label_form(&forms, &s).map(|f| s.get(f)),
            Some("Donald Trump")
        );
        // A full name written once still beats a surname written often.
        let forms = [(s.intern("Karel Zvonek"), 1), (s.intern("Zvonek"), 30)];
        assert_eq!(
            label_form(&forms, &s).map(|f| s.get(f)),
            Some("Karel Zvonek")
        );
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
