//! The gazetteer's surfaces as a byte trie, walked from one place of a text at a
//! time: the longest surface that starts there.
//!
//! The lexicon looks for a name only where one can start (see
//! `Lexicon::find`), so it needs no failure links: aho-corasick's builder spent
//! most of its start-up time computing them (about 0.2 s of every run), and a
//! walk in `fst` cost five times more instructions per byte than this one.

/// No surface ends at a node.
const NONE: u32 = u32::MAX;

/// Nodes in depth-first order in one array of words, each node's surface, edge
/// count, labels (four to a word) and targets together, so that a walk reads one
/// place per node and a chain of single edges (most of a long name) reads memory
/// in order. The first two levels, where nodes have most edges, are tables, and
/// a table of the byte triples that open a surface stops most walks before they
/// touch the nodes.
pub struct Trie {
    /// Whether a pair of bytes opens some surface (a surface of one byte opens every
    /// pair it starts): the scan's test of every byte of a text is one load (64 KB,
    /// of which a text touches the few lines of its letter pairs).
    open_pairs: Box<[bool; 65536]>,
    /// For each pair of bytes that opens a surface, [`OPEN`], with [`SHORT`] when a
    /// surface of one or two bytes starts with it, and the node after it (0 when only
    /// a one-byte surface opens the pair); 0 for the others. One load, no rank to count.
    pairs: Box<[u32; 65536]>,
    /// The root's child for every byte (or 0, the root itself: no child).
    root: Box<[u32; 256]>,
    /// The hashed triples of bytes that open a surface of three bytes or more.
    triples: Box<[u64; 1024]>,
    /// The nodes: `[surface, edges, labels.., targets..]`, the root at 0.
    words: Vec<u32>,
}

/// In `pairs`: a surface of one or two bytes starts with the pair.
const SHORT: u32 = 1 << 31;
/// In `pairs`: some surface starts with the pair.
const OPEN: u32 = 1 << 30;

impl Trie {
    /// The trie of distinct, non-empty `surfaces`; a surface's id is its index.
    pub fn new(surfaces: &[String]) -> Self {
        let mut sorted: Vec<(&[u8], u32)> = (0u32..)
            .zip(surfaces)
            .map(|(id, s)| (s.as_bytes(), id))
            .collect();
        sorted.sort_unstable();
        let mut trie = Trie {
            open_pairs: vec![false; 65536]
                .into_boxed_slice()
                .try_into()
                .expect("65536 pairs"),
            pairs: vec![0; 65536]
                .into_boxed_slice()
                .try_into()
                .expect("65536 pairs"),
            root: Box::new([0; 256]),
            triples: Box::new([0; 1024]),
            words: Vec::new(),
        };
        trie.add_node(&sorted, 0);
        trie.index_pairs();
        for &(s, _) in &sorted {
            if let [a, b, c, ..] = *s {
                let t = triple(a, b, c);
                trie.triples[t / 64] |= 1 << (t % 64);
            }
        }
        trie
    }

    /// Adds the node of `group` (surfaces sharing their first `depth` bytes) and,
    /// depth first, its children; returns its index.
    fn add_node(&mut self, group: &[(&[u8], u32)], depth: usize) -> u32 {
        let node = self.words.len();
        // Sorted, the surface that ends at this depth comes first.
        let ends = group.first().filter(|(s, _)| s.len() == depth);
        let rest = &group[usize::from(ends.is_some())..];
        let runs = || {
            let mut i = 0;
            std::iter::from_fn(move || {
                let byte = rest.get(i)?.0[depth];
                let run = rest[i..].partition_point(|(s, _)| s[depth] == byte);
                i += run;
                Some((byte, &rest[i - run..i]))
            })
        };
        self.words.push(ends.map_or(NONE, |&(_, id)| id));
        let count = self.words.len();
        self.words.push(0);
        // The labels, four to a word, written in place (no list of them per node).
        let mut edges = 0;
        for (byte, _) in runs() {
            if edges % 4 == 0 {
                self.words.push(0);
            }
            let last = self.words.len() - 1;
            self.words[last] |= u32::from(byte) << (8 * (edges % 4));
            edges += 1;
        }
        self.words[count] = edges as u32;
        let targets = self.words.len();
        self.words.resize(targets + edges, 0);
        for (k, (_, run)) in runs().enumerate() {
            self.words[targets + k] = self.add_node(run, depth + 1);
        }
        node as u32
    }

    /// Fills the tables of the first two levels.
    fn index_pairs(&mut self) {
        for first in 0..=u8::MAX {
            let Some(one) = self.child(0, first) else {
                continue;
            };
            self.root[usize::from(first)] = one;
            for second in 0..=u8::MAX {
                let two = self.child(one, second);
                let short = self.surface(one).is_some()
                    || two.is_some_and(|two| self.surface(two).is_some());
                if short || two.is_some() {
                    let pair = usize::from(first) << 8 | usize::from(second);
                    self.open_pairs[pair] = true;
                    let two = two.unwrap_or(0);
                    assert!(two < OPEN, "fewer nodes than the flags leave room for");
                    self.pairs[pair] = OPEN | two | if short { SHORT } else { 0 };
                }
            }
        }
    }

    /// Whether a surface may start with byte `a` followed by `b` (0 after the last
    /// byte of a text): most places in a text open none, and no walk starts there.
    #[inline]
    pub fn opens(&self, a: u8, b: u8) -> bool {
        self.open_pairs[usize::from(a) << 8 | usize::from(b)]
    }

    /// [`Trie::opens`] of a pair as one number, its first byte high.
    #[inline(always)]
    pub fn opens_pair(&self, pair: u16) -> bool {
        self.open_pairs[usize::from(pair)]
    }

    /// The end and id of the longest surface that is a prefix of `bytes`.
    #[inline]
    pub fn longest_prefix(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        let (first, second) = match *bytes {
            [a, b, ..] => (a, b),
            [a] => (a, 0),
            [] => return None,
        };
        let entry = self.pairs[usize::from(first) << 8 | usize::from(second)];
        if entry == 0 {
            return None;
        }
        let two = entry & !(SHORT | OPEN);
        if entry & SHORT != 0 {
            let one = self.root[usize::from(first)];
            let mut longest = self.surface(one).map(|s| (1, s));
            if bytes.len() < 2 || two == 0 {
                return longest;
            }
            longest = self.surface(two).map(|s| (2, s)).or(longest);
            return self.walk_from(two, bytes, 2, longest);
        }
        let t = match *bytes {
            [a, b, c, ..] => triple(a, b, c),
            _ => return None,
        };
        if self.triples[t / 64] >> (t % 64) & 1 == 0 {
            return None;
        }
        self.walk_from(two, bytes, 2, None)
    }

    /// Walks down from `node`, reached by `bytes[..depth]`.
    #[inline]
    fn walk_from(
        &self,
        mut node: u32,
        bytes: &[u8],
        depth: usize,
        mut longest: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        for (i, &b) in bytes.iter().enumerate().skip(depth) {
            node = match self.child(node, b) {
                Some(child) => child,
                None => break,
            };
            if let Some(s) = self.surface(node) {
                longest = Some((i + 1, s));
            }
        }
        longest
    }

    #[inline]
    fn surface(&self, node: u32) -> Option<usize> {
        let s = self.words[node as usize];
        (s != NONE).then_some(s as usize)
    }

    /// The child of a node by one byte: a scan of a few labels, a binary search of many.
    #[inline(always)]
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let at = node as usize;
        let edges = self.words[at + 1] as usize;
        if edges == 1 {
            // Most nodes below the first levels: one edge, one test.
            return (self.words[at + 2] as u8 == byte).then(|| self.words[at + 3]);
        }
        let label_words = edges.div_ceil(4);
        let labels = &self.words[at + 2..at + 2 + label_words];
        let label = |k: usize| (labels[k / 4] >> (8 * (k % 4))) as u8;
        let k = if edges > 8 {
            let (mut lo, mut hi) = (0, edges);
            while lo < hi {
                let mid = (lo + hi) / 2;
                match label(mid).cmp(&byte) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => {
                        lo = mid;
                        break;
                    }
                }
            }
            (lo < edges && label(lo) == byte).then_some(lo)?
        } else {
            find_label(labels, edges, byte)?
        };
        Some(self.words[at + 2 + label_words + k])
    }
}

/// The index of `byte` among the first `edges` labels packed four to a word, each
/// word tested at once: a byte of `word ^ pattern` is zero where a label is `byte`.
#[inline]
fn find_label(labels: &[u32], edges: usize, byte: u8) -> Option<usize> {
    let pattern = u32::from(byte) * 0x0101_0101;
    for (w, &word) in labels.iter().enumerate() {
        let x = word ^ pattern;
        // The lowest zero byte of `x` sets its high bit here (higher ones may be
        // false hits, but only after a true one).
        let zero = x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080;
        if zero != 0 {
            // The padding after the last label is 0: a hit there is no label.
            let k = w * 4 + (zero.trailing_zeros() / 8) as usize;
            return (k < edges).then_some(k);
        }
    }
    None
}

/// A 16-bit hash of three bytes.
#[inline]
fn triple(a: u8, b: u8, c: u8) -> usize {
    (u32::from_le_bytes([a, b, c, 0]).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(words: &[&str]) -> Trie {
        Trie::new(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_longest_surface_at_the_start_wins() {
        let t = trie(&["New York", "New", "New York City", "Newark"]);
        assert_eq!(t.longest_prefix(b"New York City Hall"), Some((13, 2)));
        assert_eq!(t.longest_prefix(b"New York Times"), Some((8, 0)));
        assert_eq!(t.longest_prefix(b"Newark"), Some((6, 3)));
        assert_eq!(t.longest_prefix(b"Newa"), Some((3, 1)));
    }

    #[test]
    fn a_surface_must_start_at_the_first_byte() {
        let t = trie(&["York", "Paris"]);
        assert_eq!(t.longest_prefix(b"New York"), None);
        assert_eq!(t.longest_prefix(b"Pari"), None);
        assert_eq!(t.longest_prefix(b""), None);
    }

    #[test]
    fn pairs_open_only_what_starts_a_surface() {
        let t = trie(&["Paris", "A"]);
        assert!(t.opens(b'P', b'a'));
        assert!(!t.opens(b'P', b'e'));
        assert!(!t.opens(b'a', b'P'));
        // A surface of one byte opens whatever follows it, the end of a text too.
        assert!(t.opens(b'A', b' '));
        assert!(t.opens(b'A', 0));
    }

    #[test]
    fn many_edges_at_one_node() {
        let words: Vec<String> = (b'a'..=b'z').map(|c| format!("Xy{}", c as char)).collect();
        let t = Trie::new(&words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.longest_prefix(w.as_bytes()), Some((3, i)));
        }
        assert_eq!(t.longest_prefix(b"Xy!"), None);
    }

    #[test]
    fn a_label_is_found_among_a_few_and_padding_is_none() {
        // Labels a, b, c, d, e: two words, the second padded with zero bytes.
        let t = trie(&["Qa", "Qb", "Qc", "Qd", "Qe", "R\u{0}", "Ra"]);
        for (i, w) in ["Qa", "Qb", "Qc", "Qd", "Qe"].iter().enumerate() {
            assert_eq!(t.longest_prefix(w.as_bytes()), Some((2, i)));
        }
        assert_eq!(t.longest_prefix(b"Qf"), None);
        assert_eq!(t.longest_prefix(b"Q\x00"), None);
        assert_eq!(t.longest_prefix(b"R\x00"), Some((2, 5)));
        assert_eq!(find_label(&[0x6463_6261, 0x65], 5, 0), None);
        assert_eq!(find_label(&[0x6463_6261, 0x65], 5, b'e'), Some(4));
        assert_eq!(find_label(&[0x0063_6261], 4, 0), Some(3));
    }

    #[test]
    fn the_longest_prefix_is_the_longest_surface_the_bytes_start_with() {
        let words = [
            "A", "Ab", "Abc", "Abcd", "B", "Bc", "Bcde", "Bx", "\u{0}", "xy", "xyz", "zz z",
        ];
        let t = trie(&words);
        let texts = [
            "Abcde", "Bcdx", "Bxy", "\u{0}A", "xyzz", "zz zz", "Ab", "Bc", "q", "",
        ];
        for text in texts {
            let b = text.as_bytes();
            for start in 0..=b.len() {
                for end in start..=b.len() {
                    let naive = words
                        .iter()
                        .enumerate()
                        .filter(|(_, w)| b[start..end].starts_with(w.as_bytes()))
                        .map(|(i, w)| (w.len(), i))
                        .max();
                    assert_eq!(
                        t.longest_prefix(&b[start..end]),
                        naive,
                        "{text:?} {start} {end}"
                    );
                }
            }
        }
    }

    #[test]
    fn any_bytes_are_labels() {
        let t = trie(&["São Paulo", "S", "\u{0}x"]);
        assert_eq!(t.longest_prefix("São Paulo".as_bytes()), Some((10, 0)));
        assert_eq!(t.longest_prefix(b"Sa"), Some((1, 1)));
        assert_eq!(t.longest_prefix(b"\x00xy"), Some((2, 2)));
    }
}
