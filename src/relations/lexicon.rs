//! The word lists and cue patterns the relation rules read, embedded from `data/` and
//! parsed once.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::model::{EntityType, RelationKind};
use words::WordTable;

mod words;

const WORDS: &str = include_str!("../../data/relation_words.txt");
const ROLE_HEADS: &str = include_str!("../../data/role_heads.txt");
const CUES: &str = include_str!("../../data/relation_cues.tsv");

/// Word classes, as bits: a word may belong to several.
pub(crate) mod class {
    pub const AUX: u64 = 1 << 0;
    pub const ADV: u64 = 1 << 1;
    pub const PLAN: u64 = 1 << 2;
    pub const DATES: u64 = 1 << 3;
    pub const DET: u64 = 1 << 4;
    pub const LIGHT: u64 = 1 << 5;
    pub const REPORT: u64 = 1 << 6;
    pub const CLOSED: u64 = 1 << 7;
    pub const PREP: u64 = 1 << 8;
    pub const CLAUSE: u64 = 1 << 9;
    pub const NEG: u64 = 1 << 10;
    pub const HEDGE: u64 = 1 << 11;
    pub const STATE: u64 = 1 << 12;
    pub const STATE_MOD: u64 = 1 << 13;
    pub const MEMBERS: u64 = 1 << 14;
    pub const PLACE: u64 = 1 << 15;
    pub const GROUP: u64 = 1 << 16;
    pub const GROUP_ADJ: u64 = 1 << 17;
    pub const VIEW: u64 = 1 << 18;
    pub const TITLE_MOD: u64 = 1 << 19;
    pub const HONORIFIC: u64 = 1 << 20;
    pub const TITLE_CONN: u64 = 1 << 21;
    pub const REL: u64 = 1 << 22;
    pub const COPULA: u64 = 1 << 23;
    /// A head noun of a title, from `role_heads.txt`.
    pub const HEAD: u64 = 1 << 24;
    /// Any word of any cue pattern.
    pub const CUE: u64 = 1 << 25;
    pub const VERBS: u64 = 1 << 26;
    pub const MOTION: u64 = 1 << 27;
    /// Quantity words before a counted relational noun ("almost 300 strikes").
    pub const QUANT: u64 = 1 << 28;
    /// Nouns for what an attack aims at, after an organization ("ISIL targets").
    pub const TARGETS: u64 = 1 << 29;
    /// Nouns that describe an organization ("an American rock band", "a company").
    pub const ORG_NOUN: u64 = 1 << 30;
    /// Participles that say where something is ("based in", "located in").
    pub const SITED: u64 = 1 << 31;
    /// Directions before a place ("in northern Syria").
    pub const DIRECTION: u64 = 1 << 32;
    /// Title heads of a member or employee, not of an office ("bassist", "columnist").
    pub const MEMBER_ROLE: u64 = 1 << 33;

    pub(super) const SECTIONS: [(&str, u64); 32] = [
        ("aux", AUX),
        ("adv", ADV),
        ("plan", PLAN),
        ("dates", DATES),
        ("det", DET),
        ("light", LIGHT),
        ("report", REPORT),
        ("closed", CLOSED),
        ("prep", PREP),
        ("clause", CLAUSE),
        ("negators", NEG),
        ("hedges", HEDGE),
        ("state", STATE),
        ("state_mods", STATE_MOD),
        ("members", MEMBERS),
        ("place", PLACE),
        ("group", GROUP),
        ("group_adj", GROUP_ADJ),
        ("view", VIEW),
        ("title_mods", TITLE_MOD),
        ("honorific", HONORIFIC),
        ("title_connectors", TITLE_CONN),
        ("rel", REL),
        ("copula", COPULA),
        ("verbs", VERBS),
        ("motion", MOTION),
        ("quant", QUANT),
        ("targets", TARGETS),
        ("org_nouns", ORG_NOUN),
        ("sited", SITED),
        ("directions", DIRECTION),
        ("member_roles", MEMBER_ROLE),
    ];
    /// Closed-class words: what may stand between a subject, its cue and its object.
    pub const FUNCTION: u64 =
        CLOSED | PREP | AUX | REPORT | DET | LIGHT | NEG | HEDGE | REL | COPULA | PLAN | CLAUSE;
}

/// How a cue finds its arguments; see the header of `data/relation_cues.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    Verb,
    Joint,
    Noun,
    RelNoun,
    Between,
    Compound,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "verb" => Frame::Verb,
            "joint" => Frame::Joint,
            "noun" => Frame::Noun,
            "relnoun" => Frame::RelNoun,
            "between" => Frame::Between,
            "compound" => Frame::Compound,
            _ => return None,
        })
    }
}

/// One line of `relation_cues.tsv`.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub kind: RelationKind,
    pub rule: &'static str,
    pub frame: Frame,
    /// Word slots matched in sequence; each lists its alternatives.
    pub slots: Vec<Vec<&'static str>>,
    /// Words that may introduce the object after the cue (`[with|to]`).
    pub particles: Vec<&'static str>,
    /// The entity types the object may have; empty for any.
    pub objects: Vec<EntityType>,
}

impl Cue {
    /// Whether `w` fills slot `i`.
    pub fn slot_has(&self, i: usize, w: &str) -> bool {
        self.slots.get(i).is_some_and(|alts| alts.contains(&w))
    }
}

pub(crate) struct Lexicon {
    classes: HashMap<&'static str, u64>,
    pub cues: Vec<Cue>,
    /// Cue indexes by the alternatives of their first slot.
    by_first: HashMap<&'static str, Vec<usize>>,
    /// The words of `classes` of up to 16 bytes, each with its classes and its range of
    /// `first_cues`: the same facts, found faster.
    short: WordTable<(u64, u32, u32)>,
    /// The lists of `by_first` one after another.
    first_cues: Vec<usize>,
}

impl Lexicon {
    /// The embedded lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| match Lexicon::parse(WORDS, ROLE_HEADS, CUES) {
            Ok(lex) => lex,
            // The data is embedded at build time and checked by the tests.
            Err(e) => panic!("embedded relation data: {e}"),
        })
    }

    pub fn parse(
        words: &'static str,
        heads: &'static str,
        cues: &'static str,
    ) -> Result<Lexicon, String> {
        let mut classes: HashMap<&'static str, u64> = HashMap::default();
        add_words(words, &mut classes)?;
        for line in heads.lines() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            *classes.entry(line).or_default() |= class::HEAD;
        }
        let mut parsed = Vec::new();
        for (n, line) in cues.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cue = parse_cue(line)
                .map_err(|msg| format!("relation_cues.tsv: line {}: {msg}", n + 1))?;
            for w in cue.slots.iter().flatten() {
                *classes.entry(w).or_default() |= class::CUE;
            }
            parsed.push(cue);
        }
        Ok(Lexicon::index(classes, parsed))
    }

    /// The lexicon of these word classes and cues, with its lookups built.
    fn index(classes: HashMap<&'static str, u64>, parsed: Vec<Cue>) -> Lexicon {
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::default();
        for (i, cue) in parsed.iter().enumerate() {
            for w in &cue.slots[0] {
                by_first.entry(w).or_default().push(i);
            }
        }
        let mut first_cues = Vec::new();
        let short = WordTable::new(classes.iter().map(|(&w, &c)| {
            let start = first_cues.len();
            first_cues.extend(by_first.get(w).into_iter().flatten());
            (w, (c, start as u32, (first_cues.len() - start) as u32))
        }));
        Lexicon {
            classes,
            cues: parsed,
            by_first,
            short,
            first_cues,
        }
    }

    /// The classes of `w` (lowercase).
    #[inline(always)]
    pub fn class(&self, w: &str) -> u64 {
        match self.short.get(w) {
            Some((c, _, _)) => c,
            None => self.classes.get(w).copied().unwrap_or(0),
        }
    }

    /// The classes of `w` lowercased (lowered without allocating when it is short ASCII).
    pub fn lowered_class(&self, w: &str) -> u64 {
        let mut buf = [0u8; 16];
        match buf.get_mut(..w.len()) {
            Some(lower) if w.is_ascii() => {
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).map_or(0, |l| self.class(l))
            }
            _ => self.class(&w.to_lowercase()),
        }
    }

    /// Whether `w` belongs to any class in `mask`.
    #[inline]
    pub fn is(&self, w: &str, mask: u64) -> bool {
        self.class(w) & mask != 0
    }

    /// The cues whose first slot accepts `w`.
    pub fn cues_starting(&self, w: &str) -> impl Iterator<Item = &Cue> {
        let found: &[usize] = match self.short.get(w) {
            Some((_, start, n)) => &self.first_cues[start as usize..(start + n) as usize],
            None => self.by_first.get(w).map_or(&[], Vec::as_slice),
        };
        found.iter().map(move |&i| &self.cues[i])
    }

    /// Classes of a possibly hyphenated title word ("president-elect", "secretary-general"):
    /// every part must be a title word and the union of their classes counts.
    pub fn title_class(&self, w: &str) -> u64 {
        const TITLE: u64 = class::HEAD | class::TITLE_MOD | class::HONORIFIC;
        let whole = self.class(w);
        if whole & TITLE != 0 || !w.contains('-') {
            return whole;
        }
        let mut union = 0;
        for part in w.split('-') {
            let c = self.class(part);
            if c & (TITLE | class::TITLE_CONN) == 0 {
                return whole;
            }
            union |= c;
        }
        union & TITLE
    }
}

/// Adds the classes of `relation_words.txt` (words under `[section]` lines) to `classes`.
fn add_words(words: &'static str, classes: &mut HashMap<&'static str, u64>) -> Result<(), String> {
    let mut current: Option<u64> = None;
    for (n, line) in words.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let bit = class::SECTIONS
                .iter()
                .find(|(s, _)| *s == name)
                .map(|(_, b)| *b)
                .ok_or_else(|| {
                    format!(
                        "relation_words.txt: line {}: unknown section [{name}]",
                        n + 1
                    )
                })?;
            current = Some(bit);
            continue;
        }
        let bit = current.ok_or_else(|| {
            format!(
                "relation_words.txt: line {}: words before any [section]",
                n + 1
            )
        })?;
        for w in line.split_whitespace() {
            *classes.entry(w).or_default() |= bit;
        }
    }
    Ok(())
}

/// One line of `relation_cues.tsv`, or what is wrong with it.
fn parse_cue(line: &'static str) -> Result<Cue, String> {
    let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
    let (kind, rule, frame, pattern, objects) = match cols[..] {
        [k, r, f, p] => (k, r, f, p, ""),
        [k, r, f, p, o] => (k, r, f, p, o),
        _ => return Err("expected kind<TAB>rule_id<TAB>frame<TAB>pattern[<TAB>types]".into()),
    };
    let objects = objects
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| EntityType::parse(t).ok_or_else(|| format!("unknown entity type {t:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let kind = RelationKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind && *k != RelationKind::CoMention)
        .ok_or_else(|| format!("unknown kind {kind:?}"))?;
    let frame = Frame::parse(frame).ok_or_else(|| format!("unknown frame {frame:?}"))?;
    let (slots, particles) = parse_pattern(pattern, frame)?;
    Ok(Cue {
        kind,
        rule,
        frame,
        slots,
        particles,
        objects,
    })
}

/// The word slots and trailing `[particle|...]` of a cue's pattern, checked against
/// what its frame allows.
#[allow(clippy::type_complexity)]
fn parse_pattern(
    pattern: &'static str,
    frame: Frame,
) -> Result<(Vec<Vec<&'static str>>, Vec<&'static str>), String> {
    let mut slots = Vec::new();
    let mut particles = Vec::new();
    for slot in pattern.split_whitespace() {
        if let Some(inner) = slot.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            particles.extend(inner.split('|'));
        } else if !particles.is_empty() {
            return Err("a [particle] slot must come last".into());
        } else {
            slots.push(slot.split('|').collect::<Vec<_>>());
        }
    }
    if slots.is_empty() {
        return Err("empty pattern".into());
    }
    if frame == Frame::RelNoun {
        // "ally of": the noun is matched alone, "of" is checked by the frame.
        if slots.len() != 2 || slots[1] != ["of"] {
            return Err("a relnoun pattern is `noun|noun of`".into());
        }
        slots.pop();
    }
    if frame == Frame::Compound && slots.len() != 1 {
        return Err("a compound pattern is one word slot".into());
    }
    Ok((slots, particles))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        let lex = Lexicon::parse(WORDS, ROLE_HEADS, CUES).unwrap();
        assert!(lex.is("minister", class::HEAD));
        assert!(lex.is("spokesman", class::HEAD));
        assert!(lex.is("not", class::NEG));
        assert!(lex.is("met", class::CUE));
        assert!(!lex.is("may", class::DATES), "'may' is a hedge, not a date");
        assert_eq!(
            lex.title_class("president-elect") & class::HEAD,
            class::HEAD
        );
        assert_eq!(
            lex.title_class("secretary-general") & class::HEAD,
            class::HEAD
        );
        assert_eq!(lex.title_class("well-known"), 0);
    }

    #[test]
    fn the_short_word_table_agrees_with_the_maps() {
        let lex = Lexicon::get();
        for (&w, &c) in &lex.classes {
            assert_eq!(lex.class(w), c, "{w}");
            let cues: Vec<*const Cue> = lex.cues_starting(w).map(|c| c as *const Cue).collect();
            let want: Vec<*const Cue> = lex
                .by_first
                .get(w)
                .into_iter()
                .flatten()
                .map(|&i| &lex.cues[i] as *const Cue)
                .collect();
            assert_eq!(cues, want, "{w}");
        }
        assert_eq!(lex.class("zzzq"), 0);
        assert_eq!(lex.lowered_class("Province"), lex.class("province"));
        assert_ne!(lex.lowered_class("PROVINCE") & class::PLACE, 0);
        assert_ne!(lex.lowered_class("Prefecture") & class::PLACE, 0);
        assert_eq!(lex.lowered_class("Provincé"), 0);
        assert_eq!(lex.lowered_class("Abcdefghijklmnopqrstuvwxyz"), 0);
        assert_eq!(lex.cues_starting("zzzq").count(), 0);
    }

    #[test]
    fn every_rule_id_names_its_kind() {
        let lex = Lexicon::get();
        for cue in &lex.cues {
            let prefix = cue.rule.split('.').next().unwrap_or("");
            assert!(
                cue.kind.as_str().starts_with(prefix),
                "{} does not start with the kind {}",
                cue.rule,
                cue.kind
            );
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = Lexicon::parse("[nosuch]\nx\n", "", "").err().unwrap();
        assert!(err.contains("line 1"), "{err}");
        let err = Lexicon::parse("", "", "# c\nmeets\tmeets.verb\tverb\n")
            .err()
            .unwrap();
        assert!(err.contains("line 2"), "{err}");
        let err = Lexicon::parse("", "", "meets\tx\tnope\tmet\n")
            .err()
            .unwrap();
        assert!(err.contains("unknown frame"), "{err}");
    }
}
