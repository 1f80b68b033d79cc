//! Resolving mentions into entities: first inside each document, then across the
//! corpus by normalised keys.
//!
//! A wrong merge is worse than a split: a short form ("Kerry", "State Department")
//! joins a fuller entity only when exactly one candidate fits, and two people
//! join only when their surnames agree and their given names are compatible
//! (same, transliteration variants, an initial, or one a subsequence of the other).

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::normalize::{
    is_initialism, is_translit_plain, norm_key, repair_mojibake, translit, translit_owned,
    word_count,
};
use crate::recognize::RawMention;

mod across;
mod junk;
pub use across::{resolve_corpus, without_other, GlobalEntity, Locals, Maps, DROPPED};

/// Surface forms with counts: a short sorted vector, since most entities in one
/// document have one or two forms (a map per entity would cost far more memory).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Forms(Vec<(String, usize)>);

impl Forms {
    pub fn add(&mut self, form: String) {
        match self.0.binary_search_by(|(f, _)| f.as_str().cmp(&form)) {
            Ok(i) => self.0[i].1 += 1,
            Err(i) => self.0.insert(i, (form, 1)),
        }
    }

    /// [`Forms::add`] of a borrowed form: only a new form is copied.
    pub fn add_str(&mut self, form: &str) {
        match self.0.binary_search_by(|(f, _)| f.as_str().cmp(form)) {
            Ok(i) => self.0[i].1 += 1,
            Err(i) => self.0.insert(i, (form.to_string(), 1)),
        }
    }

    /// Forms and counts, sorted by form.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &usize)> {
        self.0.iter().map(|(f, c)| (f, c))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(f, _)| f)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An entity inside one document.
#[derive(Clone, Debug)]
pub struct LocalEntity {
    pub entity_type: EntityType,
    pub gaz: Option<usize>,
    /// Surface forms and their counts; nationality words apart in `demonym_forms`.
    pub forms: Forms,
    pub demonym_forms: Forms,
    /// Name words (folded by [`translit`]) of the fullest person name, for cross-document matching.
    pub name_words: Vec<String>,
    /// Was the type decided only by weak evidence (a lone word)?
    pub weak: bool,
    /// Only unknown lone words: kept only if the corpus knows the name.
    pub tentative: bool,
}

impl LocalEntity {
    /// The longest, most frequent surface form (without demonyms).
    pub fn fullest(&self) -> Option<&str> {
        self.forms
            .iter()
            .max_by(|a, b| {
                word_count(a.0)
                    .cmp(&word_count(b.0))
                    .then(a.1.cmp(b.1))
                    .then(b.0.cmp(a.0))
            })
            .map(|(s, _)| s.as_str())
    }
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn new(n: usize) -> Dsu {
        Dsu((0..n).collect())
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    /// Joins `b`'s set into `a`'s.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[rb] = ra;
        }
    }
}

/// Each distinct name word of a document's mentions, folded once (a name is
/// mentioned many times): the folded parts of all of them in one string.
#[derive(Default)]
struct FoldedWords {
    text: String,
    /// Byte ranges of `text`: the parts of one word after another.
    parts: Vec<(usize, usize)>,
    /// Per distinct word, the range of its parts in `parts`.
    words: Vec<(usize, usize)>,
    /// Room to fold a word's letters in ([`translit_letters`]).
    scratch: Vec<u8>,
}

/// [`translit`] of a word of ASCII bytes, in place: "ks", "kh", "ph", "ou" made "x",
/// "h", "f", "u" in turn (each left to right), then "y" made "i" and each run of one
/// letter made one letter.
fn translit_letters(w: &mut Vec<u8>) {
    // Most words hold none of the pairs: one look for all four.
    let pair = |p: &[u8]| matches!(p, b"ks" | b"kh" | b"ph" | b"ou");
    let pairs: &[(&[u8; 2], u8)] = if w.windows(2).any(pair) {
        &[(b"ks", b'x'), (b"kh", b'h'), (b"ph", b'f'), (b"ou", b'u')]
    } else {
        &[]
    };
    for &(a, b) in pairs {
        let Some(first) = w.windows(2).position(|p| p == a) else {
            continue;
        };
        let (mut read, mut write) = (first, first);
        while read < w.len() {
            if w[read..].starts_with(a) {
                w[write] = b;
                read += 2;
            } else {
                w[write] = w[read];
                read += 1;
            }
            write += 1;
        }
        w.truncate(write);
    }
    let mut write = 0;
    for read in 0..w.len() {
        let c = if w[read] == b'y' { b'i' } else { w[read] };
        if write == 0 || w[write - 1] != c {
            w[write] = c;
            write += 1;
        }
    }
    w.truncate(write);
}

impl FoldedWords {
    fn push(&mut self, part: &str) {
        let start = self.text.len();
        self.text.push_str(part);
        self.parts.push((start, self.text.len()));
    }

    /// Folds one word ([`name_word_keys`], then [`translit`] on each key); returns its number.
    fn fold(&mut self, form: &str, lex: &Lexicon) -> usize {
        let first = self.parts.len();
        if !form.is_empty() && form.bytes().all(|b| b.is_ascii_alphabetic()) {
            // Most words: one word of letters.
            self.fold_letters(form, lex);
        } else {
            for raw in form.split_whitespace() {
                if raw.bytes().all(|b| b.is_ascii_alphabetic()) {
                    self.fold_letters(raw, lex);
                } else {
                    for key in name_word_keys(raw, lex) {
                        self.push(&translit_owned(key));
                    }
                }
            }
        }
        self.words.push((first, self.parts.len()));
        self.words.len() - 1
    }

    /// Most words, ASCII letters only: their key is the word in lower case, folded
    /// in place without a string of its own.
    fn fold_letters(&mut self, raw: &str, lex: &Lexicon) {
        let start = self.text.len();
        self.text.push_str(raw);
        self.text[start..].make_ascii_lowercase();
        let key = &self.text[start..];
        let keep = !lex.is_particle(key)
            || (raw.starts_with(char::is_uppercase) && lex.is_first_name(raw));
        if !keep {
            self.text.truncate(start);
            return;
        }
        if !is_translit_plain(key) {
            // Folded without a string of its own: the letters are copied aside, folded
            // there and written back (ASCII letters fold to ASCII letters).
            self.scratch.clear();
            self.scratch
                .extend_from_slice(&self.text.as_bytes()[start..]);
            translit_letters(&mut self.scratch);
            self.text.truncate(start);
            let folded = std::str::from_utf8(&self.scratch).expect("ASCII letters");
            self.text.push_str(folded);
        }
        self.parts.push((start, self.text.len()));
    }

    /// The parts of word `n`.
    fn word(&self, n: usize) -> impl Iterator<Item = &str> {
        let (a, b) = self.words[n];
        self.parts[a..b].iter().map(|&(s, e)| &self.text[s..e])
    }
}

/// Each mention's name words folded by [`translit`], one slice per mention.
struct MentionWords<'p> {
    words: Vec<&'p str>,
    /// Per mention, the range of its words in `words`.
    ranges: Vec<(usize, usize)>,
}

impl<'p> std::ops::Index<usize> for MentionWords<'p> {
    type Output = [&'p str];

    fn index(&self, i: usize) -> &[&'p str] {
        let (a, b) = self.ranges[i];
        &self.words[a..b]
    }
}

/// Each mention's name words folded by [`translit`], as slices of `pool`, which
/// folds each distinct word of the document once.
fn translit_words<'p>(
    text: &str,
    mentions: &[RawMention],
    lex: &Lexicon,
    pool: &'p mut FoldedWords,
) -> MentionWords<'p> {
    let words = mentions.iter().map(|m| m.words.len()).sum();
    // Room for every word folded once: the pool never regrows.
    let bytes = mentions
        .iter()
        .flat_map(|m| &m.words)
        .map(|w| w.end - w.start)
        .sum();
    pool.text.reserve(bytes);
    pool.parts.reserve(words);
    pool.words.reserve(words);
    let mut number: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(words, Default::default());
    let mut numbers = Vec::with_capacity(words);
    for m in mentions {
        for w in &m.words {
            let word = &text[w.start..w.end];
            let n = *number.entry(word).or_insert_with(|| pool.fold(word, lex));
            numbers.push(n);
        }
    }
    let pool: &'p FoldedWords = pool;
    let mut out = MentionWords {
        words: Vec::with_capacity(pool.parts.len().max(words)),
        ranges: Vec::with_capacity(mentions.len()),
    };
    let mut next = numbers.into_iter();
    for m in mentions {
        let start = out.words.len();
        for n in next.by_ref().take(m.words.len()) {
            out.words.extend(pool.word(n));
        }
        out.ranges.push((start, out.words.len()));
    }
    out
}

/// The folded name words of a form as written, particles left out; a
/// capitalised given name that is also a particle ("Ben Tarrow", "Van Orr")
/// is a given name and stays.
fn name_word_keys(form: &str, lex: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    for raw in form.split_whitespace() {
        // Asked only of a particle (few words are).
        let mut given = None;
        let key = norm_key(raw);
        if !key.contains(' ') {
            // One word (most): the key itself is kept, not copied.
            let keep = !key.is_empty()
                && (!lex.is_particle(&key)
                    || (raw.starts_with(char::is_uppercase) && lex.is_first_name(raw)));
            if keep {
                out.push(key);
            }
            continue;
        }
        for w in key.split(' ') {
            if w.is_empty() {
                continue;
            }
            let keep = !lex.is_particle(w)
                || *given.get_or_insert_with(|| {
                    raw.starts_with(char::is_uppercase) && lex.is_first_name(raw)
                });
            if keep {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// Whether two people's name words (folded by [`translit`]) can be one person:
/// same surname, and the shorter name's words appear in order in the longer one
/// (initials allowed).
pub fn person_compatible<S: AsRef<str>>(a: &[S], b: &[S]) -> bool {
    let (Some(la), Some(lb)) = (a.last(), b.last()) else {
        return false;
    };
    if la.as_ref() != lb.as_ref() || !middles_agree(a, b) {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // An initial of the shorter name may stand for a given name of the longer one
    // ("J. Cooper", "Jim Cooper"), but a given name written out never matches a bare
    // initial of a longer name: "Anderson Cooper" and "Jim Cooper" are not
    // "A. Charles J. Cooper". Names of as many words are matched both ways.
    let same_length = a.len() == b.len();
    let mut j = 0;
    for tw in short {
        let tw = tw.as_ref();
        let mut found = false;
        while j < long.len() {
            let tl = long[j].as_ref();
            j += 1;
            let initial = (tw.len() == 1 && tl.starts_with(tw))
                || (same_length && tl.len() == 1 && tw.starts_with(tl));
            if tw == tl || initial {
                found = true;
                break;
            }
        }
        if !found {
            return false;
        }
    }
    true
}

/// Whether the middle names of two full names (words between the first and the
/// last) can be one person's: one has none, or they pair up word by word (an
/// initial for a name: "Donald J. Trump", "Donald John Trump"), or the shorter are
/// written-out names found in order in the longer ("Hillary Rodham Clinton",
/// "Hillary Diane Rodham Clinton"). "George W. Bush" and "George H. W. Bush" do not
/// agree, nor do "Paul D. Ryan" and "Paul S. Ryan".
fn middles_agree<S: AsRef<str>>(a: &[S], b: &[S]) -> bool {
    let (ma, mb) = (middle_names(a), middle_names(b));
    if ma.is_empty() || mb.is_empty() {
        return true;
    }
    let one = |x: &str, y: &str| {
        x == y || (x.len() == 1 && y.starts_with(x)) || (y.len() == 1 && x.starts_with(y))
    };
    if ma.len() == mb.len() {
        return ma.iter().zip(mb).all(|(x, y)| one(x.as_ref(), y.as_ref()));
    }
    let (short, long) = if ma.len() < mb.len() {
        (ma, mb)
    } else {
        (mb, ma)
    };
    let mut rest = long.iter();
    short
        .iter()
        .all(|w| w.as_ref().len() > 1 && rest.any(|l| l.as_ref() == w.as_ref()))
}

/// The words of a name between the first and the last.
fn middle_names<S>(name: &[S]) -> &[S] {
    match name.len() {
        0..=2 => &[],
        n => &name[1..n - 1],
    }
}

/// "UN", "U.N.", "NATO": two or more letters, all capitals.
fn is_acronym_form(surface: &str) -> bool {
    if surface.contains(' ') {
        return false;
    }
    let mut letters = 0;
    for c in surface.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false; // Most forms: the second letter is lower case.
        }
        letters += 1;
    }
    letters >= 2
}

/// Whether a bare form may start at this word: "of Iraq" is no name of its own
/// (else "Government of Iraq" would be the "Islamic State of Iraq").
fn is_name_start(word: &str) -> bool {
    !matches!(
        word,
        "of" | "the" | "and" | "for" | "de" | "&" | "in" | "on" | "at" | "to"
    )
}

/// Initials of a multi-word name: "United Nations" -> "un".
fn initials(key: &str) -> String {
    let mut out = String::with_capacity(8);
    let words = key.split(' ');
    for w in words.filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "&")) {
        out.extend(w.chars().next());
    }
    out
}

/// Groups one document's mentions into entities; returns them and each mention's
/// entity. Mentions that name nothing on their own (a lone head word beside no
/// one full name, a headline's words typed as a person: see [`junk`]) are
/// removed from `mentions`.
pub fn resolve_document(
    text: &str,
    mentions: &mut Vec<RawMention>,
    lex: &Lexicon,
) -> (Vec<LocalEntity>, Vec<usize>) {
    let (entities, assignment, dropped) = group_mentions(text, mentions, lex);
    if !dropped.is_empty() {
        let mut drop = dropped.into_iter();
        mentions.retain(|_| !drop.next().unwrap_or(false));
    }
    (entities, assignment)
}

/// [`resolve_document`]'s grouping: the entities, the kept mentions' entities,
/// and which mentions are dropped (empty when none is).
fn group_mentions(
    text: &str,
    mentions: &[RawMention],
    lex: &Lexicon,
) -> (Vec<LocalEntity>, Vec<usize>, Vec<bool>) {
    let keys = mention_keys(mentions, lex);
    let mut pool = FoldedWords::default();
    let tr = translit_words(text, mentions, lex, &mut pool);
    let mut dsu = Dsu::new(mentions.len());
    let firsts = merge_same_keys(&keys, &mut dsu);
    let names = merge_full_names(mentions, &tr, &mut dsu);
    attach_lone_names(text, mentions, &tr, &names, &firsts, &mut dsu);
    merge_org_forms(text, mentions, &keys, &firsts, lex, &mut dsu);
    let mut dropped = junk::settle_lone_heads(text, mentions, &keys, &mut dsu);
    junk::drop_wording(text, mentions, lex, &mut dsu, &mut dropped);
    let (entities, assignment) = collect_entities(text, mentions, &tr, lex, &mut dsu, &dropped);
    (entities, assignment, dropped)
}

/// A mention's comparison key: a gazetteer entry's key, marked, else the folded
/// surface form. Keys compare as the strings "g:" + an entry's key and the surface
/// form's key would: a form's key that begins with "g:" is read as marked.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key<'k> {
    gaz: bool,
    key: &'k str,
}

/// Each mention's comparison key ([`Key`]), borrowed: no string is made.
fn mention_keys<'k>(mentions: &'k [RawMention], lex: &'k Lexicon) -> Vec<Key<'k>> {
    mentions
        .iter()
        .map(|m| match m.gaz {
            Some(g) => Key {
                gaz: true,
                key: &lex.entries[g].key,
            },
            // The surface form's key, folded once by recognition.
            None => match m.key.strip_prefix("g:") {
                Some(rest) => Key {
                    gaz: true,
                    key: rest,
                },
                None => Key {
                    gaz: false,
                    key: &m.key,
                },
            },
        })
        .collect()
}

/// Same key, same entity (the type is settled by majority later). Returns each
/// mention's first mention with its key.
fn merge_same_keys(keys: &[Key], dsu: &mut Dsu) -> Vec<usize> {
    let mut by_key: HashMap<Key, usize> =
        HashMap::with_capacity_and_hasher(keys.len(), Default::default());
    let mut firsts = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let first = *by_key.entry(*k).or_insert(i);
        if first != i {
            dsu.union(first, i);
        }
        firsts.push(first);
    }
    firsts
}

/// Full person names of a document indexed by their last and first name words.
struct NameIndex<'a> {
    by_surname: HashMap<&'a str, Vec<usize>>,
    by_given: HashMap<&'a str, Vec<usize>>,
}

/// People: full names with compatible name words (`tr`: each mention's words,
/// folded by [`translit`]). Full names are compared only within a surname, and
/// each distinct name once, so a long document full of names stays cheap.
fn merge_full_names<'a>(
    mentions: &[RawMention],
    tr: &'a MentionWords<'a>,
    dsu: &mut Dsu,
) -> NameIndex<'a> {
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut first_of_name: HashMap<&[&str], usize> = HashMap::default();
    let people = (0..mentions.len())
        .filter(|&i| mentions[i].entity_type == EntityType::Person && tr[i].len() > 1);
    for i in people {
        match first_of_name.get(&tr[i]) {
            Some(&j) => dsu.union(j, i),
            None => {
                first_of_name.insert(&tr[i], i);
                if let Some(last) = tr[i].last() {
                    by_surname.entry(last).or_default().push(i);
                }
            }
        }
    }
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::default();
    for group in by_surname.values() {
        for &i in group {
            if let Some(first) = tr[i].first() {
                by_given.entry(first).or_default().push(i);
            }
        }
    }
    let mut groups: Vec<&Vec<usize>> = by_surname.values().collect();
    groups.sort_unstable();
    for group in groups {
        if group.len() <= PAIRWISE_NAMES {
            merge_pairwise(group, tr, dsu);
        } else {
            merge_by_shared_words(group, tr, dsu);
        }
    }
    NameIndex {
        by_surname,
        by_given,
    }
}

/// Up to this many distinct full names of one surname in a document are compared
/// pair by pair; past it (a list of names, not an article) each name is compared
/// only with the names that share a word with its given name (see
/// [`merge_by_shared_words`]).
const PAIRWISE_NAMES: usize = 64;

/// Past [`PAIRWISE_NAMES`], a name is compared with at most this many names that
/// share its given name or initial: the work per name stays bounded.
const WORD_CANDIDATES: usize = 256;

/// Every pair of full names of one surname (`group`, distinct names) that can be one
/// person is joined.
fn merge_pairwise(group: &[usize], tr: &MentionWords, dsu: &mut Dsu) {
    for (x, &i) in group.iter().enumerate() {
        for &j in &group[x + 1..] {
            if person_compatible(&tr[i], &tr[j]) {
                dsu.union(i, j);
            }
        }
    }
}

/// [`merge_pairwise`] for a long list of names of one surname, without comparing
/// every pair. Two names can be one person only if the shorter one's given name
/// matches a word of the longer one before the surname ([`person_compatible`]): the
/// same word, an initial of it, or (names of as many words) a word that is its
/// initial. So each name is compared with the names holding its given name or its
/// initial as a word, and a bare initial with the names holding a word that starts
/// with it: at most [`WORD_CANDIDATES`] names in all.
fn merge_by_shared_words(group: &[usize], tr: &MentionWords, dsu: &mut Dsu) {
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_initial: HashMap<u8, Vec<usize>> = HashMap::default();
    for &i in group {
        let words = &tr[i];
        for (x, &w) in words[..words.len() - 1].iter().enumerate() {
            if words[..x].contains(&w) {
                continue;
            }
            by_word.entry(w).or_default().push(i);
            if let Some(&b) = w.as_bytes().first() {
                let list = by_initial.entry(b).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    let none: &[usize] = &[];
    for &i in group {
        let given = tr[i][0];
        let (same, initial): (&[usize], &[usize]) = if given.len() == 1 {
            let starting = given.as_bytes().first().and_then(|b| by_initial.get(b));
            let starting = starting.map_or(none, Vec::as_slice);
            (none, starting)
        } else {
            let initial = given.get(..1).map_or(none, |c| listed(&by_word, c));
            (listed(&by_word, given), initial)
        };
        for &j in same.iter().chain(initial).take(WORD_CANDIDATES) {
            if j != i && person_compatible(&tr[i], &tr[j]) {
                dsu.union(i, j);
            }
        }
    }
}

/// A lone name word joins the one person whose surname it is, else the one
/// person whose given name it is; with two candidates it stays apart. Mentions of
/// one key are one set already (`firsts`, [`merge_same_keys`]): the first that is a
/// lone person word is looked up for all of them, so a surname written a thousand
/// times is looked up once.
fn attach_lone_names(
    text: &str,
    mentions: &[RawMention],
    tr: &MentionWords,
    names: &NameIndex,
    firsts: &[usize],
    dsu: &mut Dsu,
) {
    let mut found = Vec::new();
    let mut looked_up = vec![false; mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        // The cheap tests first: most mentions are no lone person word.
        if m.demonym
            || tr[i].len() != 1
            || !matches!(m.entity_type, EntityType::Person | EntityType::Other)
        {
            continue;
        }
        let w = tr[i][0];
        let surname = listed(&names.by_surname, w);
        // Most lone words are no full name's word: known without the initialism test.
        if (surname.is_empty() && listed(&names.by_given, w).is_empty())
            || is_initialism(&text[m.span.start..m.span.end])
            || std::mem::replace(&mut looked_up[firsts[i]], true)
        {
            continue;
        }
        roots_into(dsu, surname, &mut found);
        if found.len() == 1 {
            dsu.union(found[0], i);
            continue;
        }
        if found.is_empty() {
            roots_into(dsu, listed(&names.by_given, w), &mut found);
            if found.len() == 1 {
                dsu.union(found[0], i);
            }
        }
    }
}

/// One distinct organization name of a document, with what its short forms match.
struct OrgKey<'k> {
    i: usize,
    /// Written in capitals ("UN", "U.N."): may be an acronym.
    caps: bool,
    key: &'k str,
    words: usize,
    initials: String,
    gaz: bool,
}

/// Each distinct organization name once (mentions with one key are one entity
/// already; `firsts`: each mention's first with its key, [`merge_same_keys`]).
fn org_keys<'k>(
    text: &str,
    mentions: &[RawMention],
    keys: &[Key<'k>],
    firsts: &[usize],
) -> Vec<OrgKey<'k>> {
    let mut seen = vec![false; mentions.len()];
    let mut orgs = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.entity_type != EntityType::Organization
            || std::mem::replace(&mut seen[firsts[i]], true)
        {
            continue;
        }
        let key = keys[i].key.trim_start_matches("g:");
        orgs.push(OrgKey {
            i,
            caps: is_acronym_form(&text[m.span.start..m.span.end]),
            key,
            words: word_count(key),
            initials: String::new(),
            gaz: keys[i].gaz,
        });
    }
    // Initials are compared only with an acronym ([`acronym_letters`]), and only
    // of a name of two or more words.
    if orgs.iter().any(|o| o.caps && o.words == 1) {
        for o in orgs.iter_mut().filter(|o| o.words >= 2) {
            o.initials = initials(o.key);
        }
    }
    orgs
}

/// Organizations: an acronym, the bare form of a prefixed name, or the head of
/// a cue name ("Vale" of "Vale Group") joins its one fuller candidate; a lone
/// head word of a body's name is left to [`junk::settle_lone_heads`]. Candidates
/// are looked up in an [`OrgIndex`], never sought among all pairs of names.
fn merge_org_forms(
    text: &str,
    mentions: &[RawMention],
    keys: &[Key],
    firsts: &[usize],
    lex: &Lexicon,
    dsu: &mut Dsu,
) {
    let orgs = org_keys(text, mentions, keys, firsts);
    // Few names (most documents) are compared pairwise, at a bounded cost.
    let index = (orgs.len() > PAIRWISE_ORGS).then(|| OrgIndex::new(&orgs, lex));
    let mut cands = Vec::new();
    let mut found = Vec::new();
    // A lone head word ("the Committee") is settled by [`junk::settle_lone_heads`].
    for o in orgs
        .iter()
        .filter(|o| !o.gaz && !junk::is_lone_head(&mentions[o.i]))
    {
        fuller_orgs(o, &orgs, index.as_ref(), lex, &mut cands);
        roots_into(dsu, &cands, &mut found);
        if found.len() == 1 {
            dsu.union(found[0], o.i);
        }
    }
}

/// A document with at most this many distinct organization names compares
/// them pairwise; past it, short forms look their names up in an [`OrgIndex`].
const PAIRWISE_ORGS: usize = 24;

/// The names (their first mentions, into `out`) that organization `o` may stand
/// for ([`is_fuller_org`]): looked up in `index`, or sought among all of `orgs`
/// when there is none.
fn fuller_orgs(
    o: &OrgKey,
    orgs: &[OrgKey],
    index: Option<&OrgIndex>,
    lex: &Lexicon,
    out: &mut Vec<usize>,
) {
    let compact = acronym_letters(o);
    let fuller = |p: &&OrgKey| is_fuller_org(o, &compact, p, lex);
    out.clear();
    match index {
        None => out.extend(orgs.iter().filter(fuller).map(|p| p.i)),
        Some(index) => {
            // Empty letters (no acronym) stand for no name.
            let acronym = (compact.len() >= 2).then(|| index.listed(Part::Initials, &compact));
            let listed = (acronym.into_iter().flatten())
                .chain(index.listed(Part::Ending, o.key))
                .chain(index.listed(Part::Beginning, o.key));
            out.extend(listed.map(|x| &orgs[x]).filter(fuller).map(|p| p.i));
        }
    }
}

/// The letters an organization's name would have as an acronym: only a one-word
/// name in capitals may be one (else empty).
fn acronym_letters(o: &OrgKey) -> String {
    if o.caps && o.words == 1 {
        o.key.chars().filter(|c| *c != ' ').collect()
    } else {
        String::new()
    }
}

/// Whether `p` is a fuller name that `o` may stand for: `o` its acronym
/// (`compact`: [`acronym_letters`]), its bare form ("Group" of "Vale Group" is
/// not, "Times" of "New York Times" is), or its head before a cue word.
fn is_fuller_org(o: &OrgKey, compact: &str, p: &OrgKey, lex: &Lexicon) -> bool {
    if p.i == o.i || p.key == o.key {
        return false;
    }
    let longer = p.words > o.words;
    let acronym = compact.len() >= 2 && p.words >= 2 && p.initials == compact;
    let bare = longer && ends_with_word(p.key, o.key);
    let head = longer
        && p.words == o.words + 1
        && starts_with_word(p.key, o.key)
        && p.key
            .rsplit(' ')
            .next()
            .is_some_and(|c| lex.org_cues.contains(c));
    acronym || bare || head
}

/// Whether `long` ends with `short` after a space.
fn ends_with_word(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes()[long.len() - short.len() - 1] == b' '
}

/// Whether `long` begins with `short` before a space.
fn starts_with_word(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.starts_with(short) && long.as_bytes()[short.len()] == b' '
}

/// What part of a distinct organization name an [`OrgIndex`] entry is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// The initials of a name of two or more words.
    Initials,
    /// The rest after a space ("times" of "new york times").
    Ending,
    /// The words before a space, of a name ending in a cue word ("vale" of "vale group").
    Beginning,
}

/// A document's distinct organization names by their parts ([`Part`]), sorted:
/// each short form finds the names it may stand for by binary search.
struct OrgIndex<'o>(Vec<(Part, &'o str, usize)>);

impl<'o> OrgIndex<'o> {
    fn new(orgs: &'o [OrgKey], lex: &Lexicon) -> OrgIndex<'o> {
        let mut entries = Vec::new();
        for (x, p) in orgs.iter().enumerate() {
            if p.words >= 2 {
                entries.push((Part::Initials, p.initials.as_str(), x));
            }
            let cue = p
                .key
                .rsplit(' ')
                .next()
                .is_some_and(|c| lex.org_cues.contains(c));
            for (k, _) in p.key.match_indices(' ') {
                entries.push((Part::Ending, &p.key[k + 1..], x));
                if cue {
                    entries.push((Part::Beginning, &p.key[..k], x));
                }
            }
        }
        entries.sort_unstable();
        OrgIndex(entries)
    }

    /// The names (by their place in the list) with this part.
    fn listed<'a>(&'a self, part: Part, key: &'a str) -> impl Iterator<Item = usize> + 'a {
        let first = self.0.partition_point(|&(p, k, _)| (p, k) < (part, key));
        self.0[first..]
            .iter()
            .take_while(move |&&(p, k, _)| p == part && k == key)
            .map(|&(_, _, x)| x)
    }
}

/// A fresh entity, before any mention is added: typed later by the votes.
fn empty_entity() -> LocalEntity {
    LocalEntity {
        entity_type: EntityType::Other,
        gaz: None,
        forms: Forms::default(),
        demonym_forms: Forms::default(),
        name_words: Vec::new(),
        weak: true,
        tentative: true,
    }
}

/// The weighted votes for each type of an entity, by the type's number.
#[derive(Default)]
struct Votes([usize; 4]);

impl Votes {
    /// The types in their order, each at its number (`EntityType as usize`).
    const TYPES: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Other,
    ];
}

/// Rules whose type is weak evidence: a lone word, a preposition, a default.
fn is_weak_rule(rule: &str) -> bool {
    matches!(
        rule,
        "unknown"
            | "location.preposition"
            | "location.comma-place"
            | "person.says"
            | "person.default"
            | "org.default"
    )
}

/// Turns the merged sets into entities: forms, gazetteer entry, name words, and
/// the type by weighted vote (a gazetteer entry's type wins); `dropped` mentions
/// are left out, and the others' entities returned in order.
fn collect_entities(
    text: &str,
    mentions: &[RawMention],
    tr: &MentionWords,
    lex: &Lexicon,
    dsu: &mut Dsu,
    dropped: &[bool],
) -> (Vec<LocalEntity>, Vec<usize>) {
    // Per set (its root mention), its entity once made.
    let mut root_to_entity = vec![usize::MAX; mentions.len()];
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut assignment = Vec::with_capacity(mentions.len());
    let mut type_votes: Vec<Votes> = Vec::new();
    // Mojibake is written with the byte 0xC3 ([`repair_mojibake`]): a document without
    // it (most) has none in any of its forms, known by one look at its text.
    let mojibake = memchr::memchr(0xC3, text.as_bytes()).is_some();
    for (i, m) in mentions.iter().enumerate() {
        if dropped.get(i) == Some(&true) {
            continue;
        }
        let root = dsu.find(i);
        if root_to_entity[root] == usize::MAX {
            root_to_entity[root] = entities.len();
            entities.push(empty_entity());
            type_votes.push(Votes::default());
        }
        let e = root_to_entity[root];
        assignment.push(e);
        let ent = &mut entities[e];
        // Labels as the writer meant them: "PelÃ©" is "Pelé" (offsets keep the text as given).
        let surface = &text[m.span.start..m.span.end];
        let s = if mojibake {
            repair_mojibake(surface)
        } else {
            std::borrow::Cow::Borrowed(surface)
        };
        if m.demonym {
            ent.demonym_forms.add_str(&s);
        } else {
            ent.forms.add_str(&s);
            if m.rule != "unknown" {
                ent.tentative = false;
            }
            let strong = !is_weak_rule(m.rule);
            type_votes[e].0[m.entity_type as usize] += if strong { 3 } else { 1 };
            if strong {
                ent.weak = false;
            }
        }
        if m.gaz.is_some() && ent.gaz.is_none() {
            ent.gaz = m.gaz;
        }
        if m.entity_type == EntityType::Person && tr[i].len() > ent.name_words.len() {
            ent.name_words = tr[i].iter().map(|w| w.to_string()).collect();
        }
    }
    for (e, votes) in entities.iter_mut().zip(type_votes) {
        settle_type(e, &votes, lex);
    }
    (entities, assignment)
}

/// The entity's type: its gazetteer entry's, else the heaviest vote (a real type
/// before `Other`); a known or empty entity is neither weak nor tentative.
fn settle_type(e: &mut LocalEntity, votes: &Votes, lex: &Lexicon) {
    e.entity_type = match e.gaz {
        Some(g) => lex.entries[g].entity_type,
        // A real type, however few its votes, before the unknown words' `Other`.
        None => Votes::TYPES
            .iter()
            .zip(votes.0)
            .filter(|&(_, c)| c > 0)
            .max_by_key(|&(t, c)| (*t != EntityType::Other, c, std::cmp::Reverse(*t)))
            .map(|(t, _)| *t)
            .unwrap_or(EntityType::Other),
    };
    if e.gaz.is_some() || e.forms.is_empty() {
        e.weak = false;
        e.tentative = false;
    }
}

/// The mentions `index` lists under `w`.
fn listed<'i>(index: &'i HashMap<&str, Vec<usize>>, w: &str) -> &'i [usize] {
    index.get(w).map_or(&[], Vec::as_slice)
}

/// The distinct sets of `items`, sorted, into `out` (cleared first).
fn roots_into(dsu: &mut Dsu, items: &[usize], out: &mut Vec<usize>) {
    out.clear();
    out.extend(items.iter().map(|&i| dsu.find(i)));
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn w(s: &str) -> Vec<String> {
        s.split(' ').map(translit).collect()
    }

    #[test]
    fn words_folded_in_the_pool_are_their_keys_folded_one_by_one() {
        let lex = Lexicon::builtin();
        let words = [
            "Obama",
            "SERGEY",
            "Aleksei",
            "Khodorkovsky",
            "Phillips",
            "Moussa",
            "de",
            "De",
            "van",
            "Van",
            "Ben",
            "bin",
            "al",
            "Al",
            "el",
            "al-Assad",
            "Al-Nusra",
            "O'Brien",
            "U.N.",
            "J.",
            "Jean-Pierre",
            "Erdo\u{11f}an",
            "Pel\u{c3}\u{a9}",
            "the",
            "The",
            "Ghazzawi",
            "Muammar",
            "x",
            "Bush's",
            "dos",
            "Dos",
            "la",
            "La",
            "von",
        ];
        let mut pool = FoldedWords::default();
        for w in words {
            let n = pool.fold(w, lex);
            let want: Vec<String> = name_word_keys(w, lex)
                .into_iter()
                .map(translit_owned)
                .collect();
            assert_eq!(pool.word(n).collect::<Vec<_>>(), want, "{w}");
        }
    }

    #[test]
    fn letters_fold_in_place_as_translit_folds_them() {
        for w in [
            "khokhlov",
            "kseniya",
            "phillipps",
            "moussa",
            "yyy",
            "kks",
            "kssh",
            "oou",
            "",
        ] {
            let mut b = w.as_bytes().to_vec();
            translit_letters(&mut b);
            assert_eq!(String::from_utf8(b).unwrap(), translit(w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_letters_fold_in_place_as_translit_folds_them(w in "[a-zA-Z]{0,12}|[khpsouyx]{0,12}") {
            let mut b = w.as_bytes().to_vec();
            translit_letters(&mut b);
            proptest::prop_assert_eq!(String::from_utf8(b).unwrap(), translit(&w));
        }
    }

    /// Organization names of words from a few, some ending in cue words.
    const ORG_WORDS: [&str; 10] = [
        "un", "united", "nations", "vale", "group", "new", "york", "times", "bank", "of",
    ];

    fn org_key(i: usize, key: &str, caps: bool) -> OrgKey<'_> {
        let words = word_count(key);
        OrgKey {
            i,
            caps,
            key,
            words,
            initials: if words >= 2 {
                initials(key)
            } else {
                String::new()
            },
            gaz: false,
        }
    }

    proptest::proptest! {
        #[test]
        fn short_forms_find_in_the_index_what_pairwise_comparison_finds(
            names in proptest::collection::vec(
                (proptest::collection::vec(0..ORG_WORDS.len(), 1..4), proptest::bool::ANY),
                1..40,
            )
        ) {
            let lex = Lexicon::builtin();
            let keys: Vec<String> = names
                .iter()
                .map(|(ws, _)| ws.iter().map(|&w| ORG_WORDS[w]).collect::<Vec<_>>().join(" "))
                .collect();
            let orgs: Vec<OrgKey> = (keys.iter().zip(&names))
                .enumerate()
                .map(|(i, (k, (_, caps)))| org_key(i * 2, k, *caps))
                .collect();
            let index = OrgIndex::new(&orgs, lex);
            let (mut keyed, mut pairwise) = (Vec::new(), Vec::new());
            for o in &orgs {
                fuller_orgs(o, &orgs, Some(&index), lex, &mut keyed);
                fuller_orgs(o, &orgs, None, lex, &mut pairwise);
                // Duplicates are no matter: the candidates' sets are what count.
                keyed.sort_unstable();
                keyed.dedup();
                pairwise.sort_unstable();
                proptest::prop_assert_eq!(&keyed, &pairwise, "{}", o.key);
            }
        }
    }

    /// The sets of `0..n` that `dsu` holds, each as its sorted members, sorted.
    fn partition(dsu: &mut Dsu, n: usize) -> Vec<Vec<usize>> {
        let mut sets: HashMap<usize, Vec<usize>> = HashMap::default();
        for i in 0..n {
            sets.entry(dsu.find(i)).or_default().push(i);
        }
        let mut sets: Vec<Vec<usize>> = sets.into_values().collect();
        sets.sort_unstable();
        sets
    }

    /// Name words for [`MentionWords`]: given names, initials and middle names that
    /// share letters, so that many pairs are compatible.
    const NAME_WORDS: [&str; 9] = ["j", "jim", "john", "a", "ann", "anna", "d", "don", "r"];

    fn mention_words<'p>(names: &[Vec<&'p str>]) -> MentionWords<'p> {
        let mut out = MentionWords {
            words: Vec::new(),
            ranges: Vec::new(),
        };
        for name in names {
            let start = out.words.len();
            out.words.extend(name);
            out.ranges.push((start, out.words.len()));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn names_compared_by_shared_words_join_as_names_compared_pairwise(
            names in proptest::collection::btree_set(
                proptest::collection::vec(0..NAME_WORDS.len(), 1..4),
                1..40,
            )
        ) {
            let names: Vec<Vec<&str>> = names
                .iter()
                .map(|ws| {
                    let mut name: Vec<&str> = ws.iter().map(|&w| NAME_WORDS[w]).collect();
                    name.push("smith");
                    name
                })
                .collect();
            let tr = mention_words(&names);
            let group: Vec<usize> = (0..names.len()).collect();
            let (mut pairwise, mut indexed) = (Dsu::new(group.len()), Dsu::new(group.len()));
            merge_pairwise(&group, &tr, &mut pairwise);
            merge_by_shared_words(&group, &tr, &mut indexed);
            proptest::prop_assert_eq!(
                partition(&mut pairwise, group.len()),
                partition(&mut indexed, group.len())
            );
        }
    }

    #[test]
    fn a_long_list_of_one_given_name_compares_each_name_a_bounded_number_of_times() {
        // "John A0 Smith" .. "John A999 Smith" and "John Smith": every long name is
        // compatible with "John Smith", none with another long one.
        let middles: Vec<String> = (0..1000).map(|i| format!("a{i}")).collect();
        let mut names: Vec<Vec<&str>> = middles.iter().map(|m| vec!["john", m, "smith"]).collect();
        names.push(vec!["john", "smith"]);
        let tr = mention_words(&names);
        let group: Vec<usize> = (0..names.len()).collect();
        let mut dsu = Dsu::new(group.len());
        merge_by_shared_words(&group, &tr, &mut dsu);
        let sets = partition(&mut dsu, group.len());
        // The capped comparisons still join "John Smith" with the names it is
        // compared with, and never two long names that disagree.
        let joined = sets.iter().find(|s| s.contains(&1000)).unwrap();
        assert!(joined.len() > WORD_CANDIDATES / 2, "{}", joined.len());
        assert!(joined.len() <= WORD_CANDIDATES + 1, "{}", joined.len());
    }

    #[test]
    fn short_forms_find_their_fuller_organization_names() {
        let lex = Lexicon::builtin();
        let keys = [
            "un",
            "united nations",
            "vale",
            "vale group",
            "times",
            "new york times",
        ];
        let orgs: Vec<OrgKey> = (keys.iter().enumerate())
            .map(|(i, k)| org_key(i, k, i == 0))
            .collect();
        let index = OrgIndex::new(&orgs, lex);
        let mut out = Vec::new();
        for (short, full) in [(0, 1), (2, 3), (4, 5)] {
            fuller_orgs(&orgs[short], &orgs, Some(&index), lex, &mut out);
            assert_eq!(out, [full], "{}", keys[short]);
        }
        fuller_orgs(&orgs[1], &orgs, Some(&index), lex, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn same_keys_are_one_set_and_point_to_their_first_mention() {
        let key = |gaz, key| Key { gaz, key };
        let keys = [
            key(false, "a"),
            key(true, "a"),
            key(false, "a"),
            key(true, "a"),
            key(false, "b"),
        ];
        let mut dsu = Dsu::new(keys.len());
        assert_eq!(merge_same_keys(&keys, &mut dsu), [0, 1, 0, 1, 4]);
        assert_eq!(dsu.find(2), dsu.find(0));
        assert_eq!(dsu.find(3), dsu.find(1));
        assert_ne!(dsu.find(0), dsu.find(1));
    }

    proptest::proptest! {
        #[test]
        fn initials_are_the_first_letters_of_the_words_that_count(
            key in "((of|the|and|de|&|[a-z\u{e9}]{0,4}) ){0,5}[a-z]{0,3}"
        ) {
            let want: String = key
                .split(' ')
                .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "&"))
                .filter_map(|w| w.chars().next())
                .collect();
            proptest::prop_assert_eq!(initials(&key), want);
        }
    }

    #[test]
    fn roots_are_the_distinct_sets_sorted() {
        let mut dsu = Dsu::new(6);
        dsu.union(4, 1);
        dsu.union(4, 5);
        let mut out = vec![9, 9];
        roots_into(&mut dsu, &[5, 0, 1, 3, 0], &mut out);
        assert_eq!(out, [0, 3, 4]);
        roots_into(&mut dsu, &[], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn vote_types_are_in_order_at_their_numbers() {
        assert!(Votes::TYPES.windows(2).all(|w| w[0] < w[1]));
        for (i, t) in Votes::TYPES.iter().enumerate() {
            assert_eq!(*t as usize, i);
        }
        // The heaviest vote wins; at a tie, the type first in order.
        let lex = Lexicon::builtin();
        let mut e = empty_entity();
        e.forms.add_str("Hayle");
        settle_type(&mut e, &Votes([3, 3, 1, 0]), lex);
        assert_eq!(e.entity_type, EntityType::Person);
        settle_type(&mut e, &Votes([1, 0, 3, 9]), lex);
        assert_eq!(e.entity_type, EntityType::Location);
    }

    #[test]
    fn keys_compare_as_their_marked_strings() {
        let lex = Lexicon::builtin();
        let g = (0..lex.entries.len())
            .find(|&g| !lex.entries[g].key.is_empty())
            .expect("an entry");
        let gkey = format!("g:{}", lex.entries[g].key);
        let mention = |key: &str, gaz: Option<usize>| RawMention {
            span: Span::new(0, 0),
            key: key.to_string(),
            sentence: 0,
            entity_type: EntityType::Organization,
            demonym: false,
            gaz,
            words: Vec::new(),
            rule: "unknown",
        };
        let ms = [
            mention("acme", None),
            mention(&lex.entries[g].key, None),
            mention("x", Some(g)),
            mention(&gkey, None),
            mention("g:acme", None),
            mention("g:g:acme", None),
        ];
        let strings = [
            "acme".to_string(),
            lex.entries[g].key.clone(),
            gkey.clone(),
            gkey.clone(),
            "g:acme".into(),
            "g:g:acme".into(),
        ];
        let keys = mention_keys(&ms, lex);
        for i in 0..ms.len() {
            for j in 0..ms.len() {
                assert_eq!(keys[i] == keys[j], strings[i] == strings[j], "{i} {j}");
            }
            assert_eq!(keys[i].gaz, strings[i].starts_with("g:"));
            assert_eq!(
                keys[i].key.trim_start_matches("g:"),
                strings[i].trim_start_matches("g:")
            );
        }
    }

    #[test]
    fn forms_added_borrowed_count_as_forms_added_owned() {
        let (mut owned, mut borrowed) = (Forms::default(), Forms::default());
        for f in ["Obama", "Barack Obama", "Obama", "obama", "Obama"] {
            owned.add(f.to_string());
            borrowed.add_str(f);
        }
        assert_eq!(owned, borrowed);
        assert_eq!(
            borrowed
                .iter()
                .find(|(f, _)| *f == "Obama")
                .map(|(_, c)| *c),
            Some(3)
        );
    }

    #[test]
    fn a_real_type_wins_over_unknown_words_however_many() {
        let lex = Lexicon::builtin();
        let mut e = empty_entity();
        e.forms.add_str("Hayle");
        let votes = Votes([1, 0, 0, 6]);
        settle_type(&mut e, &votes, lex);
        assert_eq!(e.entity_type, EntityType::Person);
        let votes = Votes([0, 0, 0, 2]);
        settle_type(&mut e, &votes, lex);
        assert_eq!(e.entity_type, EntityType::Other);
    }

    #[test]
    fn acronym_forms_are_two_or_more_capitals_in_one_word() {
        for yes in ["UN", "U.N.", "NATO", "AT&T"] {
            assert!(is_acronym_form(yes), "{yes}");
        }
        for no in ["Nato", "A", "U N", "Obama", "", "G7x"] {
            assert!(!is_acronym_form(no), "{no}");
        }
    }

    #[test]
    fn keys_fold_case_accents_articles_and_possessives() {
        assert_eq!(norm_key("Bashar al-Assad"), "bashar assad");
        assert_eq!(norm_key("U.N."), "un");
        assert_eq!(norm_key("The Kremlin"), "kremlin");
        assert_eq!(norm_key("Erdoğan's"), "erdogan");
        assert_eq!(norm_key("al Nusra Front"), norm_key("al-Nusra Front"));
    }

    #[test]
    fn transliteration_variants_fold_together() {
        assert_eq!(translit("sergey"), translit("sergei"));
        assert_eq!(translit("aleksei"), translit("alexei"));
        assert_ne!(translit("sergei"), translit("serge"));
    }

    #[test]
    fn people_are_compatible_only_with_the_same_surname() {
        assert!(person_compatible(&w("sergey lavrov"), &w("sergei lavrov")));
        assert!(person_compatible(
            &w("tayyip erdogan"),
            &w("recep tayyip erdogan")
        ));
        assert!(person_compatible(&w("george w bush"), &w("george bush")));
        assert!(!person_compatible(&w("jeb bush"), &w("george bush")));
        assert!(!person_compatible(&w("john kerry"), &w("john kirby")));
        // Initials of the shorter name expand; a longer name's initials do not
        // swallow written-out given names.
        assert!(person_compatible(&w("j cooper"), &w("jim cooper")));
        assert!(person_compatible(&w("jim cooper"), &w("j cooper")));
        assert!(person_compatible(&w("c cooper"), &w("a charles j cooper")));
        assert!(person_compatible(
            &w("charles cooper"),
            &w("a charles j cooper")
        ));
        assert!(!person_compatible(
            &w("anderson cooper"),
            &w("a charles j cooper")
        ));
        assert!(!person_compatible(
            &w("jim cooper"),
            &w("a charles j cooper")
        ));
    }

    #[test]
    fn conflicting_middle_names_are_two_people() {
        assert!(person_compatible(
            &w("donald j trump"),
            &w("donald john trump")
        ));
        assert!(person_compatible(&w("donald j trump"), &w("donald trump")));
        assert!(person_compatible(
            &w("hillary rodham clinton"),
            &w("hillary diane rodham clinton")
        ));
        assert!(person_compatible(
            &w("george herbert walker bush"),
            &w("george h w bush")
        ));
        assert!(!person_compatible(
            &w("george w bush"),
            &w("george h w bush")
        ));
        assert!(!person_compatible(
            &w("george w bush"),
            &w("george herbert walker bush")
        ));
        assert!(!person_compatible(&w("paul d ryan"), &w("paul s ryan")));
        assert!(!person_compatible(
            &w("anna rodham clinton"),
            &w("anna d clinton")
        ));
    }
}
