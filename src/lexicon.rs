//! Word lists and gazetteers of facts, embedded from `data/` and parsed once.
//!
//! Gazetteer names are found with one byte trie walked across the whole document
//! from every pair of bytes that opens a name, leftmost and longest first; matches
//! are kept only where they fall on word boundaries.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::model::{EntityType, Span};
use crate::normalize::{norm_key, translit};
use crate::text::{tokenize, TokenKind};

mod trie;
use trie::Trie;

/// One known entity from the gazetteers (or a user's list).
#[derive(Clone, Debug)]
pub struct GazEntry {
    /// The canonical name, used as label.
    pub name: String,
    /// `name` folded by [`norm_key`].
    pub key: String,
    pub entity_type: EntityType,
    /// For places: the country they are in (canonical name), when known.
    pub country: Option<String>,
    /// A state or province: a first-level division of its country, never inside another.
    pub division: bool,
    /// A government body, armed force or party: a nationality word before its name
    /// names that nation's own ("Swedish Riksdag", "Irish Labour Party").
    pub national: bool,
}

/// How a surface form found in the text relates to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurfaceKind {
    Name,
    /// A nationality word ("Russian") standing for the country.
    Demonym,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazHit {
    pub span: Span,
    pub entry: usize,
    pub kind: SurfaceKind,
}

pub struct Lexicon {
    pub entries: Vec<GazEntry>,
    /// Pattern id -> (entry, kind).
    patterns: Vec<(usize, SurfaceKind)>,
    /// The surfaces by pattern id, walked byte by byte from each place that can
    /// open one.
    surfaces: Trie,
    /// Normalised name or alias -> entry, for lookups by key.
    pub by_key: HashMap<String, usize>,
    /// Entries that are sovereign states (from countries.tsv).
    countries: std::ops::Range<usize>,
    pub first_names: HashSet<String>,
    pub ambiguous_first_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub common: HashSet<String>,
    pub org_cues: HashSet<String>,
    pub loc_prefix: HashSet<String>,
    pub loc_suffix: HashSet<String>,
    pub event_cues: HashSet<String>,
    pub place_nouns: HashSet<String>,
    pub particles: HashSet<String>,
    /// The byte length of the longest particle: a longer word is looked up no further.
    pub particle_max_len: usize,
    /// [`short_key`] of each particle of up to seven bytes (all of them, as shipped).
    particle_keys: HashSet<u64>,
    /// Bit [`key_bit`] of each of `particle_keys`: a word whose bit is clear is no
    /// particle, known without a lookup (most words).
    particle_bits: KeyBits,
    /// Nationality, language and religion words that are never reported (CoNLL MISC).
    pub misc: HashSet<String>,
    /// Pronouns, determiners, question words and interjections: alone, never a name.
    pub function_words: HashSet<String>,
    /// Short forms of given names ("chuck") -> the one formal name they stand for
    /// ("charles"), both folded as name words are ([`crate::normalize::translit`]).
    pub nicknames: HashMap<String, String>,
    /// Titles as lower-case token sequences, grouped by first token.
    titles: HashMap<String, Vec<Vec<String>>>,
    /// [`KeyBits`] of the [`word_key`]s of the first words of `titles`.
    title_bits: KeyBits,
    /// Words that stand before "of" inside a title ("secretary" of "Secretary of State").
    pub title_of_heads: HashSet<String>,
    /// User stoplist: normalised names never to report.
    pub stop: HashSet<String>,
    /// Every word of the sets above that a recogniser asks of one word -> the
    /// [`class`] bits of the sets holding it, given names among them: all of a
    /// word's memberships answered by one lookup ([`Lexicon::classes_of`]).
    classes: WordTable,
}

/// Bits of [`Lexicon::classes_of`]: which word sets hold a lower-case word.
pub mod class {
    /// [`super::Lexicon::common`].
    pub const COMMON: u16 = 1;
    /// [`super::Lexicon::org_cues`].
    pub const ORG_CUE: u16 = 1 << 1;
    /// [`super::Lexicon::loc_prefix`].
    pub const LOC_PREFIX: u16 = 1 << 2;
    /// [`super::Lexicon::loc_suffix`].
    pub const LOC_SUFFIX: u16 = 1 << 3;
    /// [`super::Lexicon::event_cues`].
    pub const EVENT_CUE: u16 = 1 << 4;
    /// [`super::Lexicon::place_nouns`].
    pub const PLACE_NOUN: u16 = 1 << 5;
    /// [`super::Lexicon::misc`].
    pub const MISC: u16 = 1 << 6;
    /// [`super::Lexicon::function_words`].
    pub const FUNCTION: u16 = 1 << 7;
    /// [`super::Lexicon::surnames`].
    pub const SURNAME: u16 = 1 << 8;
    /// [`super::Lexicon::title_of_heads`].
    pub const TITLE_OF_HEAD: u16 = 1 << 9;
    /// [`super::Lexicon::is_first_name`]: in `first_names` or `ambiguous_first_names`.
    pub const GIVEN: u16 = 1 << 10;
    /// [`super::Lexicon::is_unambiguous_first_name`]: in `first_names` only, and no
    /// common word.
    pub const UNAMBIGUOUS_GIVEN: u16 = 1 << 11;
}

/// Words -> [`class`] bits in one open-addressed array, probed from a word's
/// [`table_key`]: no string is hashed, and a word of up to seven bytes (most) is
/// compared as one number.
struct WordTable {
    /// A power of two of slots, at most half of them used.
    slots: Vec<Slot>,
    /// The words of more than seven bytes, which their keys may not tell apart:
    /// compared on a hit.
    long: Vec<Box<str>>,
    /// 64 less the number of bits of a slot's index.
    shift: u32,
}

#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    classes: u16,
    /// 1 + the word's index in [`WordTable::long`], or 0 for a short word.
    long: u32,
}

/// The key of an unused [`Slot`]: no word's [`table_key`] (whose top byte is a
/// length up to 7, or 0x80).
const EMPTY_KEY: u64 = u64::MAX;

/// A word as one number for [`WordTable`]: its [`short_key`] (exact) or, for a
/// longer word, its [`word_key`] with the top byte 0x80.
#[inline]
fn table_key(w: &str) -> u64 {
    match short_key(w) {
        Some(key) => key,
        None => word_key(w) & 0x00FF_FFFF_FFFF_FFFF | 0x80 << 56,
    }
}

impl WordTable {
    /// The table of `words` and their bits (a word listed twice has the union).
    fn new<'w>(words: impl Iterator<Item = (&'w str, u16)> + Clone) -> WordTable {
        let n = words.clone().count();
        let size = (2 * n).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![
                Slot {
                    key: EMPTY_KEY,
                    classes: 0,
                    long: 0,
                };
                size
            ],
            long: Vec::new(),
            shift: 64 - size.trailing_zeros(),
        };
        for (w, bits) in words {
            let at = table.slot_of(w);
            let slot = &mut table.slots[at];
            if slot.key == EMPTY_KEY {
                slot.key = table_key(w);
                if w.len() > 7 {
                    table.long.push(w.into());
                    slot.long = u32::try_from(table.long.len()).expect("fewer words than u32");
                }
            }
            slot.classes |= bits;
        }
        table
    }

    /// The slot of `w`: its own, or the empty one where it would go.
    #[inline]
    fn slot_of(&self, w: &str) -> usize {
        let key = table_key(w);
        let mask = self.slots.len() - 1;
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            let slot = &self.slots[at];
            if slot.key == EMPTY_KEY
                || slot.key == key && (slot.long == 0 || *self.long[slot.long as usize - 1] == *w)
            {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The bits of `w`, 0 when it is not in the table.
    #[inline]
    fn get(&self, w: &str) -> u16 {
        self.slots[self.slot_of(w)].classes
    }
}

/// A user-supplied entity: a name, its type and other names for it.
#[derive(Clone, Debug)]
pub struct UserEntry {
    pub name: String,
    pub entity_type: EntityType,
    pub aliases: Vec<String>,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim_end())
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Rows of a TAB-separated list: the first field (trimmed, never empty) and all fields.
fn tsv_rows(text: &str) -> impl Iterator<Item = (&str, Vec<&str>)> {
    data_lines(text).filter_map(|line| {
        let f: Vec<&str> = line.split('\t').collect();
        let name = f.first().map(|s| s.trim()).filter(|s| !s.is_empty())?;
        Some((name, f))
    })
}

fn word_set(text: &str) -> HashSet<String> {
    data_lines(text).map(|l| l.trim().to_lowercase()).collect()
}

/// The short forms of given names, each folded as a name word.
fn nicknames(text: &str) -> HashMap<String, String> {
    let fold = |w: &str| translit(&norm_key(w));
    data_lines(text)
        .filter_map(|l| l.split_once('\t'))
        .map(|(short, formal)| (fold(short), fold(formal)))
        .collect()
}

fn split_list(field: Option<&str>) -> impl Iterator<Item = &str> {
    field
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Lower-case word tokens of a phrase, as the recogniser sees them.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    tokenize(phrase, Span::new(0, phrase.len()))
        .iter()
        .map(|t| phrase[t.span.start..t.span.end].to_lowercase())
        .collect()
}

static BUILTIN: OnceLock<Lexicon> = OnceLock::new();

/// The gazetteer's entries (user entries, countries, places, organizations, in that
/// order), every surface form of each, and the entry of each normalised name.
struct Gazetteer {
    entries: Vec<GazEntry>,
    surfaces: Vec<(String, usize, SurfaceKind)>,
    by_key: HashMap<String, usize>,
    countries: std::ops::Range<usize>,
}

impl Gazetteer {
    fn read(user: &[UserEntry]) -> Gazetteer {
        let mut gaz = Gazetteer {
            entries: Vec::new(),
            surfaces: Vec::new(),
            by_key: HashMap::default(),
            countries: 0..0,
        };
        // User entries first so that their surfaces win on exact ties.
        for u in user {
            let aliases = u.aliases.iter().map(String::as_str).collect();
            gaz.add(&u.name, u.entity_type, None, aliases, Vec::new(), true);
        }
        let first_country = gaz.entries.len();
        for (name, f) in tsv_rows(include_str!("../data/countries.tsv")) {
            let aliases = split_list(f.get(1).copied()).collect();
            let demonyms = split_list(f.get(2).copied()).collect();
            gaz.add(name, EntityType::Location, None, aliases, demonyms, false);
        }
        gaz.countries = first_country..gaz.entries.len();
        for (name, f) in tsv_rows(include_str!("../data/places.tsv")) {
            let country = f.get(2).map(|s| s.trim()).filter(|s| !s.is_empty());
            let aliases = split_list(f.get(3).copied()).collect();
            let country = country.map(str::to_string);
            gaz.add(
                name,
                EntityType::Location,
                country,
                aliases,
                Vec::new(),
                false,
            );
            if let Some(e) = gaz.entries.last_mut() {
                e.division = matches!(f.get(1).map(|k| k.trim()), Some("state" | "province"));
            }
        }
        for (name, f) in tsv_rows(include_str!("../data/organizations.tsv")) {
            let aliases = split_list(f.get(2).copied()).collect();
            gaz.add(
                name,
                EntityType::Organization,
                None,
                aliases,
                Vec::new(),
                false,
            );
            if let Some(e) = gaz.entries.last_mut() {
                e.national = matches!(f.get(1), Some(&("government" | "military" | "party")));
            }
        }
        gaz
    }

    /// One entry with its names and demonyms; `overrides` lets its names take the key
    /// of an earlier entry (user entries win).
    fn add(
        &mut self,
        name: &str,
        ty: EntityType,
        country: Option<String>,
        aliases: Vec<&str>,
        demonyms: Vec<&str>,
        overrides: bool,
    ) {
        let id = self.entries.len();
        self.entries.push(GazEntry {
            key: norm_key(name),
            name: name.to_string(),
            entity_type: ty,
            country,
            division: false,
            national: false,
        });
        for s in std::iter::once(name).chain(aliases) {
            let key = norm_key(s);
            if overrides {
                self.by_key.insert(key, id);
            } else {
                self.by_key.entry(key).or_insert(id);
            }
            self.surfaces.push((s.to_string(), id, SurfaceKind::Name));
        }
        for d in demonyms {
            self.surfaces
                .push((d.to_string(), id, SurfaceKind::Demonym));
        }
    }
}

/// One pattern per distinct surface (the first entry, user, country, place, org, wins),
/// plus the capital form of the longer ones, in one trie.
fn surface_map(
    surfaces: Vec<(String, usize, SurfaceKind)>,
    common: &HashSet<String>,
) -> (Vec<(usize, SurfaceKind)>, Trie) {
    let mut seen = HashSet::default();
    let mut patterns = Vec::new();
    let mut pattern_text = Vec::new();
    let mut upper_forms = Vec::new();
    for (s, id, kind) in surfaces {
        // Datelines and all-capital headlines ("GENEVA", "UNITED NATIONS"): the capital
        // form of a longer name that is not also a common word ("NICE", "SPLIT").
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 && s.chars().any(char::is_lowercase) && !common.contains(&s.to_lowercase())
        {
            upper_forms.push((s.to_uppercase(), id, kind));
        }
        if seen.insert(s.clone()) {
            patterns.push((id, kind));
            pattern_text.push(s);
        }
    }
    for (s, id, kind) in upper_forms {
        if seen.insert(s.clone()) {
            patterns.push((id, kind));
            pattern_text.push(s);
        }
    }
    (patterns, Trie::new(&pattern_text))
}

/// Title phrases by their first word, longest first, and the title words followed
/// by "of" ("mayor of", "minister of").
#[allow(clippy::type_complexity)]
fn title_table() -> (HashMap<String, Vec<Vec<String>>>, HashSet<String>) {
    let mut titles: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for line in data_lines(include_str!("../data/titles.txt")) {
        let toks = phrase_tokens(line.trim());
        if let Some(first) = toks.first() {
            titles.entry(first.clone()).or_default().push(toks.clone());
        }
    }
    for list in titles.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.len()));
    }
    let title_of_heads = titles
        .values()
        .flatten()
        .flat_map(|t| {
            t.windows(2)
                .filter(|w| w[1] == "of")
                .map(|w| w[0].clone())
                .collect::<Vec<_>>()
        })
        .collect();
    (titles, title_of_heads)
}

/// Place cue words that come before a name ("Lake", "Mount"), after it ("River",
/// "Province"), or both.
fn loc_cues() -> (HashSet<String>, HashSet<String>) {
    let mut prefix = HashSet::default();
    let mut suffix = HashSet::default();
    for line in data_lines(include_str!("../data/loc_cues.txt")) {
        let mut f = line.split('\t');
        let word = f.next().unwrap_or("").trim().to_lowercase();
        match f.next().map(str::trim).unwrap_or("suffix") {
            "prefix" => {
                prefix.insert(word);
            }
            "both" => {
                prefix.insert(word.clone());
                suffix.insert(word);
            }
            _ => {
                suffix.insert(word);
            }
        }
    }
    (prefix, suffix)
}

impl Lexicon {
    /// The lexicon built from the embedded data files, parsed once per process.
    pub fn builtin() -> &'static Lexicon {
        BUILTIN.get_or_init(|| Lexicon::new(&[], &[]))
    }

    /// The embedded lists plus a user's gazetteer entries (which win) and stoplist.
    pub fn new(user: &[UserEntry], stop: &[String]) -> Lexicon {
        let Gazetteer {
            entries,
            surfaces,
            by_key,
            countries,
        } = Gazetteer::read(user);
        let common = word_set(include_str!("../data/common_words.txt"));
        let (patterns, surfaces) = surface_map(surfaces, &common);
        let (titles, title_of_heads) = title_table();
        let (loc_prefix, loc_suffix) = loc_cues();
        let particles = word_set(include_str!("../data/particles.txt"));
        let first_names = word_set(include_str!("../data/first_names.txt"));
        let ambiguous_first_names = word_set(include_str!("../data/ambiguous_first_names.txt"));
        Lexicon {
            entries,
            patterns,
            surfaces,
            by_key,
            countries,
            first_names,
            ambiguous_first_names,
            nicknames: nicknames(include_str!("../data/nicknames.tsv")),
            surnames: word_set(include_str!("../data/surnames.txt")),
            common,
            org_cues: word_set(include_str!("../data/org_cues.txt")),
            loc_prefix,
            loc_suffix,
            event_cues: word_set(include_str!("../data/event_cues.txt")),
            place_nouns: word_set(include_str!("../data/place_nouns.txt")),
            particle_max_len: particles.iter().map(String::len).max().unwrap_or(0),
            particle_keys: particles.iter().filter_map(|p| short_key(p)).collect(),
            particle_bits: KeyBits::of(particles.iter().filter_map(|p| short_key(p))),
            particles,
            misc: word_set(include_str!("../data/misc_words.txt")),
            function_words: word_set(include_str!("../data/function_words.txt")),
            title_bits: KeyBits::of(titles.keys().map(|w| word_key(w))),
            titles,
            title_of_heads,
            stop: stop.iter().map(|s| norm_key(s)).collect(),
            classes: WordTable::new(std::iter::empty()),
        }
        .with_classes()
    }

    /// The lexicon with its [`Lexicon::classes`] table filled from its sets.
    fn with_classes(mut self) -> Lexicon {
        let sets: [(&HashSet<String>, u16); 10] = [
            (&self.common, class::COMMON),
            (&self.org_cues, class::ORG_CUE),
            (&self.loc_prefix, class::LOC_PREFIX),
            (&self.loc_suffix, class::LOC_SUFFIX),
            (&self.event_cues, class::EVENT_CUE),
            (&self.place_nouns, class::PLACE_NOUN),
            (&self.misc, class::MISC),
            (&self.function_words, class::FUNCTION),
            (&self.surnames, class::SURNAME),
            (&self.title_of_heads, class::TITLE_OF_HEAD),
        ];
        let given = given_classes(&self.first_names, &self.ambiguous_first_names, &self.common);
        let words = sets
            .iter()
            .flat_map(|&(set, bit)| set.iter().map(move |w| (w.as_str(), bit)))
            .chain(given.iter().map(|(w, &g)| {
                let unambiguous = g & UNAMBIGUOUS_GIVEN != 0;
                let bits = class::GIVEN
                    | if unambiguous {
                        class::UNAMBIGUOUS_GIVEN
                    } else {
                        0
                    };
                (w.as_str(), bits)
            }));
        self.classes = WordTable::new(words);
        self
    }

    /// The [`class`] bits of a lower-case word: which of the lexicon's word sets
    /// hold it (0 for none), by one lookup.
    #[inline]
    pub fn classes_of(&self, lower: &str) -> u16 {
        self.classes.get(lower)
    }

    /// Gazetteer names in `text` that start and end on word boundaries. The longest
    /// name at a place that ends inside a word gives way to the longest one there that
    /// ends on a boundary ("Arizona" in "Arizona Republican", not "Arizona Republic").
    pub fn find(&self, text: &str) -> Vec<GazHit> {
        let bytes = text.as_bytes();
        let boundary_before = |i: usize| i == 0 || !is_word_byte_before(text, i);
        let boundary_after = |i: usize| i >= bytes.len() || !is_word_byte_after(text, i);
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((start, m)) = self.leftmost_longest(bytes, pos) {
            pos = m.0;
            if !boundary_before(start) {
                continue;
            }
            let mut hit = Some(m);
            while let Some((end, _)) = hit.filter(|&(end, _)| !boundary_after(end)) {
                hit = self.longest_at(bytes, start, end - 1);
            }
            if let Some((end, pattern)) = hit {
                pos = end;
                let (entry, kind) = self.patterns[pattern];
                out.push(GazHit {
                    span: Span::new(start, end),
                    entry,
                    kind,
                });
            }
        }
        out
    }

    /// The leftmost surface starting at or after `from`, the longest of those that
    /// start there, as its start, end and pattern: tried only where a pair of bytes
    /// opens a surface.
    fn leftmost_longest(&self, bytes: &[u8], from: usize) -> Option<(usize, (usize, usize))> {
        let n = bytes.len();
        let mut i = from;
        // Seven pairs from each eight bytes, read at once and tested together: most
        // places open nothing.
        while i + 8 <= n {
            let x = u64::from_be_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
            let mut open = 0u32;
            for k in 0..7 {
                let pair = (x >> (48 - 8 * k)) as u16;
                open |= u32::from(self.surfaces.opens_pair(pair)) << k;
            }
            while open != 0 {
                let at = i + open.trailing_zeros() as usize;
                open &= open - 1;
                if let Some(hit) = self.longest_at(bytes, at, n) {
                    return Some((at, hit));
                }
            }
            i += 7;
        }
        while i < n {
            // The last byte pairs with 0, which only a one-byte surface opens.
            let next = if i + 1 < n { bytes[i + 1] } else { 0 };
            if self.surfaces.opens(bytes[i], next) {
                if let Some(hit) = self.longest_at(bytes, i, n) {
                    return Some((i, hit));
                }
            }
            i += 1;
        }
        None
    }

    /// The end and pattern of the longest surface that starts at `start` and ends
    /// by `end`: the last surface met on the walk down the trie before it leads nowhere.
    #[inline(always)]
    fn longest_at(&self, bytes: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
        let (len, id) = self.surfaces.longest_prefix(&bytes[start..end])?;
        Some((start + len, id))
    }

    /// Length in tokens of the longest title starting at `lower[0]` (lower-case words).
    pub fn title_at<S: AsRef<str>>(&self, lower: &[S]) -> usize {
        let Some(first) = lower.first() else { return 0 };
        if !self.title_bits.may_hold(word_key(first.as_ref())) {
            return 0; // Most words, without a lookup.
        }
        let Some(list) = self.titles.get(first.as_ref()) else {
            return 0;
        };
        // Every title in the list opens with the first word (its key): only the words
        // after it are compared, and a title of one word matches outright.
        let rest = &lower[1..];
        for t in list {
            let tail = &t[1..];
            if tail.len() <= rest.len() && tail.iter().zip(rest).all(|(a, b)| a == b.as_ref()) {
                return t.len();
            }
        }
        0
    }

    /// The lengths of the titles starting at `lower[0]` (lower-case words), bit `k - 1`
    /// for a title of `k` words: [`Lexicon::title_at`] of `lower[..to]` is the
    /// highest length of them no longer than `to` (titles are listed longest first),
    /// so that one look answers for every end. Titles of more than 64 words are
    /// left out ([`Lexicon::new`] has none).
    pub fn title_lengths<S: AsRef<str>>(&self, lower: &[S]) -> u64 {
        let Some(first) = lower.first() else { return 0 };
        if !self.title_bits.may_hold(word_key(first.as_ref())) {
            return 0; // Most words, without a lookup.
        }
        let Some(list) = self.titles.get(first.as_ref()) else {
            return 0;
        };
        let rest = &lower[1..];
        let mut lengths = 0;
        for t in list {
            let tail = &t[1..];
            if t.len() <= 64
                && tail.len() <= rest.len()
                && tail.iter().zip(rest).all(|(a, b)| a == b.as_ref())
            {
                lengths |= 1 << (t.len() - 1);
            }
        }
        lengths
    }

    /// [`Lexicon::title_at`] as first written, every word of every title compared.
    #[cfg(test)]
    fn title_at_as_first_written<S: AsRef<str>>(&self, lower: &[S]) -> usize {
        let Some(first) = lower.first() else { return 0 };
        let Some(list) = self.titles.get(first.as_ref()) else {
            return 0;
        };
        for t in list {
            if t.len() <= lower.len() && t.iter().zip(lower).all(|(a, b)| a == b.as_ref()) {
                return t.len();
            }
        }
        0
    }

    pub fn is_common(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.is_common_lower(w))
    }

    /// Whether a lower-case word is a common English word, inflections included
    /// ("exploring" from "explore", "talks" from "talk").
    pub fn is_common_lower(&self, w: &str) -> bool {
        if self.common.contains(w) {
            return true;
        }
        let stems: [(&str, &str); 7] = [
            ("ing", ""),
            ("ing", "e"),
            ("ed", ""),
            ("ed", "e"),
            ("ies", "y"),
            ("es", ""),
            ("s", ""),
        ];
        stems.iter().any(|(suffix, add)| {
            if w.len() <= suffix.len() + 2 || !w.ends_with(suffix) {
                return false;
            }
            let stem = &w[..w.len() - suffix.len()];
            if add.is_empty() {
                return self.common.contains(stem);
            }
            with_suffix(stem, add, |s| self.common.contains(s))
        })
    }

    /// Whether a gazetteer entry is a sovereign state.
    pub fn is_country(&self, entry: usize) -> bool {
        self.countries.contains(&entry)
    }

    /// Whether a lower-case word is in [`Lexicon::particles`]: a short word is
    /// looked up as one number, without hashing its bytes.
    pub fn is_particle(&self, lower: &str) -> bool {
        match short_key(lower) {
            Some(key) => self.particle_bits.may_hold(key) && self.particle_keys.contains(&key),
            None => self.particles.contains(lower),
        }
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.is_first_name_lower(w))
    }

    pub fn is_unambiguous_first_name(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.is_unambiguous_first_name_lower(w))
    }

    /// [`Lexicon::is_first_name`] of a word already in lower case.
    #[inline]
    pub fn is_first_name_lower(&self, lower: &str) -> bool {
        self.classes_of(lower) & class::GIVEN != 0
    }

    /// [`Lexicon::is_unambiguous_first_name`] of a word already in lower case.
    #[inline]
    pub fn is_unambiguous_first_name_lower(&self, lower: &str) -> bool {
        self.classes_of(lower) & class::UNAMBIGUOUS_GIVEN != 0
    }
}

/// In [`Lexicon::given`]: a given name, ambiguous or not.
const GIVEN: u8 = 1;
/// In [`Lexicon::given`]: a given name that is neither ambiguous nor a common word.
const UNAMBIGUOUS_GIVEN: u8 = 2;

/// The table of [`Lexicon::given`].
fn given_classes(
    first: &HashSet<String>,
    ambiguous: &HashSet<String>,
    common: &HashSet<String>,
) -> HashMap<String, u8> {
    let mut given: HashMap<String, u8> = HashMap::default();
    for w in ambiguous {
        given.insert(w.clone(), GIVEN);
    }
    for w in first {
        let unambiguous = !ambiguous.contains(w) && !common.contains(w);
        given.insert(
            w.clone(),
            GIVEN | if unambiguous { UNAMBIGUOUS_GIVEN } else { 0 },
        );
    }
    given
}

/// A set of [`short_key`]s or [`word_key`]s as 8192 bits, one per key's
/// [`key_bit`]: a clear bit says the key is not in the set.
struct KeyBits([u64; 128]);

impl KeyBits {
    fn of(keys: impl Iterator<Item = u64>) -> KeyBits {
        let mut bits = [0u64; 128];
        for key in keys {
            let b = key_bit(key);
            bits[b / 64] |= 1 << (b % 64);
        }
        KeyBits(bits)
    }

    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let b = key_bit(key);
        (self.0[b / 64] >> (b % 64)) & 1 == 1
    }
}

/// A key's bit in [`KeyBits`]: the top thirteen bits of a multiplicative hash.
#[inline]
fn key_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 51) as usize
}

/// The longest of the title `lengths` ([`Lexicon::title_lengths`]) no longer than
/// `words`, or 0.
#[inline]
pub fn longest_within(lengths: u64, words: usize) -> usize {
    let within = if words >= 64 {
        lengths
    } else {
        lengths & ((1u64 << words) - 1)
    };
    64 - within.leading_zeros() as usize
}

/// A word as one number for [`KeyBits`]: its [`short_key`], or for a longer word
/// its length and its first and last eight bytes, mixed (equal words, equal keys).
#[inline]
fn word_key(w: &str) -> u64 {
    if let Some(key) = short_key(w) {
        return key;
    }
    let b = w.as_bytes();
    let eight = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    eight(0) ^ eight(b.len() - 8).rotate_left(29) ^ (b.len() as u64) << 56
}

/// A word of up to seven bytes as one number: its bytes and its length.
fn short_key(w: &str) -> Option<u64> {
    if w.len() > 7 {
        return None;
    }
    Some(packed(w.as_bytes()) | (w.len() as u64) << 56)
}

/// Up to eight bytes as one number, the first lowest and zero after the last: two
/// loads that overlap (a byte read twice lands on itself), no loop and no copy.
#[inline]
pub fn packed(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        _ => {
            let four = |at: usize| {
                u64::from(u32::from_le_bytes(
                    b[at..at + 4].try_into().expect("four bytes"),
                ))
            };
            four(0) | four(n - 4) << (8 * (n - 4))
        }
    }
}

/// Calls `f` with `stem` + `add`, joined on the stack when short (most words).
fn with_suffix<R>(stem: &str, add: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    let len = stem.len() + add.len();
    if len > SHORT {
        return f(&format!("{stem}{add}"));
    }
    let mut buf = [0u8; SHORT];
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()..len].copy_from_slice(add.as_bytes());
    // Two strings joined: valid UTF-8.
    f(std::str::from_utf8(&buf[..len]).unwrap_or_default())
}

/// Calls `f` with `word.to_lowercase()`; a short ASCII word (most words) is
/// lowered on the stack, without allocating.
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        // Lowered in a string kept for the purpose: no allocation, and no check that
        // the bytes are UTF-8 (a string stays one when lowered).
        LOWERED.with(|buf| match buf.try_borrow_mut() {
            Ok(mut buf) => {
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
                f(&buf)
            }
            // Only if `f` itself lowers a word this way.
            Err(_) => f(&word.to_ascii_lowercase()),
        })
    } else {
        f(&word.to_lowercase())
    }
}

thread_local! {
    /// The buffer of [`with_lowercase`].
    static LOWERED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Whether the character ending at byte `i` is part of a word.
fn is_word_byte_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

fn is_word_byte_after(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

/// Whether a token kind can be part of a name.
pub fn is_wordish(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Word)
}

/// Parses a user gazetteer CSV (`name,entity_type,aliases` with `|`-separated aliases).
pub fn parse_user_gazetteer(path: &str, text: &str) -> Result<Vec<UserEntry>, crate::error::Error> {
    let bad = |line: usize, message: String| crate::error::Error::BadLine {
        path: path.to_string(),
        line,
        message,
    };
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        let rec = match rdr.records().next() {
            Some(Ok(r)) => r,
            Some(Err(e)) => return Err(bad(n, format!("not valid CSV: {e}"))),
            None => continue,
        };
        let name = rec.get(0).unwrap_or("").trim();
        let ty = rec.get(1).unwrap_or("").trim();
        if n == 1 && name.eq_ignore_ascii_case("name") && ty.eq_ignore_ascii_case("entity_type") {
            continue;
        }
        if name.is_empty() {
            return Err(bad(
                n,
                "empty name; expected name,entity_type,aliases".into(),
            ));
        }
        let Some(entity_type) = EntityType::parse(ty) else {
            return Err(bad(
                n,
                format!("unknown entity_type {ty:?}; use person, organization, location or other"),
            ));
        };
        let aliases = rec
            .get(2)
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        out.push(UserEntry {
            name: name.to_string(),
            entity_type,
            aliases,
        });
    }
    Ok(out)
}

/// Parses a stoplist: one name per line, `#` comments.
pub fn parse_stoplist(text: &str) -> Vec<String> {
    data_lines(text).map(|l| l.trim().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_common_words_are_common_and_names_are_not() {
        let lex = Lexicon::builtin();
        for w in ["exploring", "talked", "hoped", "makes", "parties", "taking"] {
            assert!(lex.is_common_lower(w), "{w}");
        }
        for w in ["xqzing", "obamaed", "zzzies", "x".repeat(40).as_str()] {
            assert!(!lex.is_common_lower(w), "{w}");
        }
        let long = format!("{}ing", "a".repeat(40));
        assert!(!lex.is_common_lower(&long));
        assert_eq!(with_suffix("hop", "e", str::to_string), "hope");
        let stem = "b".repeat(40);
        assert_eq!(with_suffix(&stem, "e", str::len), 41);
    }

    #[test]
    fn titles_compared_past_their_first_word_are_the_titles_found_before() {
        let lex = Lexicon::builtin();
        let mut words: Vec<&str> = lex
            .titles
            .values()
            .flatten()
            .flatten()
            .map(String::as_str)
            .collect();
        words.extend(["the", "of", "john", "smith", "new", "state", ""]);
        words.sort_unstable();
        words.dedup();
        let mut phrases: Vec<Vec<&str>> = Vec::new();
        for list in lex.titles.values() {
            for t in list {
                let t: Vec<&str> = t.iter().map(String::as_str).collect();
                for cut in 0..=t.len() {
                    phrases.push(t[..cut].to_vec());
                    for w in &words[..words.len().min(40)] {
                        let mut p = t[..cut].to_vec();
                        p.push(w);
                        phrases.push(p);
                    }
                }
            }
        }
        for p in &phrases {
            assert_eq!(lex.title_at(p), lex.title_at_as_first_written(p), "{p:?}");
            let lengths = lex.title_lengths(p);
            for to in 0..=p.len() {
                assert_eq!(
                    lex.title_at(&p[..to]),
                    longest_within(lengths, to),
                    "{p:?} {to}"
                );
            }
        }
        assert!(lex.titles.values().flatten().all(|t| t.len() <= 64));
        assert!(phrases.iter().any(|p| lex.title_at(p) > 1));
    }

    #[test]
    fn long_words_of_one_key_are_told_apart() {
        // Same length, first and last eight bytes: one key.
        let (a, b) = ("abcdefghXabcdefgh", "abcdefghYabcdefgh");
        assert_eq!(table_key(a), table_key(b));
        let table = WordTable::new([(a, 1), ("short", 2), (a, 4)].into_iter());
        assert_eq!(table.get(a), 5);
        assert_eq!(table.get(b), 0);
        assert_eq!(table.get("short"), 2);
        assert_eq!(table.get("shorts"), 0);
        assert_eq!(table.get(""), 0);
        let table = WordTable::new([(a, 1), (b, 2), ("", 8)].into_iter());
        assert_eq!((table.get(a), table.get(b), table.get("")), (1, 2, 8));
    }

    proptest::proptest! {
        #[test]
        fn a_word_table_answers_as_a_map(
            words in proptest::collection::vec(("[a-cé]{0,12}", 1u16..8), 0..60),
            asked in proptest::collection::vec("[a-cé]{0,12}", 0..40),
        ) {
            let table = WordTable::new(words.iter().map(|(w, b)| (w.as_str(), *b)));
            let mut map: HashMap<&str, u16> = HashMap::default();
            for (w, b) in &words {
                *map.entry(w.as_str()).or_insert(0) |= b;
            }
            for w in words.iter().map(|(w, _)| w).chain(&asked) {
                proptest::prop_assert_eq!(table.get(w), map.get(w.as_str()).copied().unwrap_or(0));
            }
        }
    }

    #[test]
    fn word_classes_by_one_lookup_are_the_memberships_of_the_sets() {
        let lex = Lexicon::builtin();
        let sets: [(&HashSet<String>, u16); 10] = [
            (&lex.common, class::COMMON),
            (&lex.org_cues, class::ORG_CUE),
            (&lex.loc_prefix, class::LOC_PREFIX),
            (&lex.loc_suffix, class::LOC_SUFFIX),
            (&lex.event_cues, class::EVENT_CUE),
            (&lex.place_nouns, class::PLACE_NOUN),
            (&lex.misc, class::MISC),
            (&lex.function_words, class::FUNCTION),
            (&lex.surnames, class::SURNAME),
            (&lex.title_of_heads, class::TITLE_OF_HEAD),
        ];
        let mut words: Vec<&str> = sets
            .iter()
            .flat_map(|(set, _)| set.iter().map(String::as_str))
            .collect();
        words.extend(lex.first_names.iter().map(String::as_str));
        words.extend([
            "", "x", "zzyzx", "the", "Smith", "smiths", "talks", "new york",
        ]);
        let mut seen_bits = 0;
        for w in words {
            let classes = lex.classes_of(w);
            seen_bits |= classes;
            for (set, bit) in sets {
                assert_eq!(classes & bit != 0, set.contains(w), "{w:?} {bit}");
            }
            let given = lex.first_names.contains(w) || lex.ambiguous_first_names.contains(w);
            assert_eq!(classes & class::GIVEN != 0, given, "{w:?}");
            assert_eq!(classes >> 12, 0, "{w:?}");
        }
        assert_eq!(seen_bits, (1 << 12) - 1, "every class holds a word");
    }

    #[test]
    fn given_names_by_one_lookup_are_the_given_names_of_the_lists() {
        let lex = Lexicon::builtin();
        let mut words: Vec<&String> = lex.first_names.iter().collect();
        words.extend(&lex.ambiguous_first_names);
        words.extend(lex.common.iter().take(2000));
        words.extend(lex.surnames.iter().take(2000));
        let extra = ["", "john", "may", "the", "jean-pierre", "x"].map(String::from);
        words.extend(&extra);
        for w in words {
            let first = lex.first_names.contains(w);
            let ambiguous = lex.ambiguous_first_names.contains(w);
            assert_eq!(lex.is_first_name_lower(w), first || ambiguous, "{w}");
            assert_eq!(
                lex.is_unambiguous_first_name_lower(w),
                first && !ambiguous && !lex.common.contains(w),
                "{w}"
            );
        }
        assert!(lex.is_unambiguous_first_name_lower("john"));
        assert!(!lex.is_first_name_lower("the"));
    }

    #[test]
    fn titles_are_found_past_the_filter() {
        let lex = Lexicon::builtin();
        for first in lex.titles.keys() {
            assert!(
                lex.title_at(&[first.as_str()]) > 0
                    || lex.titles[first].iter().all(|t| t.len() > 1),
                "{first}"
            );
        }
        assert_eq!(lex.title_at(&["president"]), 1);
        assert_eq!(lex.title_at(&["the"]), 0);
    }

    #[test]
    fn every_title_word_passes_the_filter_and_most_words_do_not() {
        let lex = Lexicon::builtin();
        assert!(lex
            .titles
            .keys()
            .all(|w| lex.title_bits.may_hold(word_key(w))));
        let others = [
            "the",
            "said",
            "government",
            "yesterday",
            "administration",
            "x",
        ];
        let passed = others
            .iter()
            .filter(|w| lex.title_bits.may_hold(word_key(w)))
            .count();
        assert!(passed < others.len(), "{passed}");
        let owned = String::from("secretary general");
        assert_eq!(word_key("secretary general"), word_key(owned.as_str()));
        assert_ne!(word_key("secretaries"), word_key("secretary"));
        assert_eq!(lex.title_at(&["secretary", "of", "state"]), 3);
        assert_eq!(
            lex.title_at(&["undersecretary"]),
            lex.titles.contains_key("undersecretary") as usize
        );
    }

    #[test]
    fn particles_by_number_are_the_particles_by_name() {
        let lex = Lexicon::builtin();
        assert!(lex.particles.iter().all(|p| lex.is_particle(p)));
        for w in ["van", "de", "l'", "the", "v", "vanx", "", "deutschland"] {
            assert_eq!(lex.is_particle(w), lex.particles.contains(w), "{w}");
        }
        assert!(!lex.is_particle("the") && lex.is_particle("van"));
        // The length is part of the key: "d" is no "d\0".
        assert_ne!(short_key("d"), short_key("d\0"));
        // Read in overlapping loads, a key is its bytes one by one.
        let all = "abcdefgh\u{e9}\0";
        for start in 0..all.len() {
            for end in start..=all.len() {
                let Some(w) = all.get(start..end) else {
                    continue;
                };
                let by_byte = (w.len() <= 7).then(|| {
                    w.bytes()
                        .enumerate()
                        .fold((w.len() as u64) << 56, |k, (i, b)| {
                            k | u64::from(b) << (8 * i)
                        })
                });
                assert_eq!(short_key(w), by_byte, "{w:?}");
            }
        }
        assert_eq!(short_key("eightbyt"), None);
    }

    #[test]
    fn stack_lowercase_is_to_lowercase() {
        let long = "A".repeat(40);
        for w in ["Maria", "MARIA", "Élodie", "ÉLODIE", "", long.as_str()] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase());
        }
        // Lowered within a lowering: the inner word does not overwrite the outer one.
        let both = with_lowercase("Outer", |o| {
            let inner = with_lowercase("INNER", str::to_string);
            format!("{o} {inner}")
        });
        assert_eq!(both, "outer inner");
        let lex = Lexicon::builtin();
        assert!(lex.is_first_name("MARIA") && !lex.is_first_name("Xqzv"));
    }

    #[test]
    fn every_particle_fits_the_particle_length_bound() {
        let lex = Lexicon::builtin();
        assert!(lex
            .particles
            .iter()
            .all(|p| p.len() <= lex.particle_max_len));
        assert!(lex
            .particles
            .iter()
            .any(|p| p.len() == lex.particle_max_len));
    }

    fn found(text: &str) -> Vec<(&str, &str)> {
        let lex = Lexicon::builtin();
        lex.find(text)
            .iter()
            .map(|h| {
                (
                    &text[h.span.start..h.span.end],
                    lex.entries[h.entry].name.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn capital_forms_of_longer_names_are_found_in_datelines() {
        assert_eq!(found("GENEVA 1996-08-22"), vec![("GENEVA", "Geneva")]);
        assert_eq!(found("Talks in Geneva."), vec![("Geneva", "Geneva")]);
        // Short or common-word names are not matched in capitals: "US" stays exact only.
        assert!(found("NICE WORK").is_empty());
        assert!(found("geneva").is_empty(), "lower case is never a name");
    }

    /// [`Lexicon::leftmost_longest`] as first written: one pair of bytes at a time.
    fn leftmost_byte_by_byte(
        lex: &Lexicon,
        bytes: &[u8],
        from: usize,
    ) -> Option<(usize, (usize, usize))> {
        let n = bytes.len();
        (from..n).find_map(|i| {
            let next = if i + 1 < n { bytes[i + 1] } else { 0 };
            if !lex.surfaces.opens(bytes[i], next) {
                return None;
            }
            lex.longest_at(bytes, i, n).map(|hit| (i, hit))
        })
    }

    #[test]
    fn pairs_read_eight_bytes_at_a_time_find_what_one_at_a_time_finds() {
        let lex = Lexicon::builtin();
        let text = "In Paris, the New York Times said Syria and al-Bab, GENEVA; \u{c9}ire, \
            S\u{e3}o Paulo, the Comoros and xAI met. Iraq. A";
        let bytes = text.as_bytes();
        for end in 0..=bytes.len() {
            for from in 0..=end {
                assert_eq!(
                    lex.leftmost_longest(&bytes[..end], from),
                    leftmost_byte_by_byte(lex, &bytes[..end], from),
                    "{end} {from}"
                );
            }
        }
    }

    #[test]
    fn names_match_only_on_word_boundaries() {
        assert!(found("Syrians").iter().all(|(s, _)| *s != "Syria"));
        assert_eq!(found("in Syria."), vec![("Syria", "Syria")]);
    }

    #[test]
    fn user_gazetteer_lines_are_checked() {
        let ok = parse_user_gazetteer(
            "g.csv",
            "name,entity_type,aliases\nAcme Corp,organization,Acme|ACME\n",
        )
        .unwrap();
        assert_eq!(ok[0].aliases, vec!["Acme", "ACME"]);
        let err = parse_user_gazetteer("g.csv", "Acme,company,\n")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "g.csv: line 1: unknown entity_type \"company\"; use person, organization, location or other");
    }
}
