//! The gazetteer's surfaces as a byte trie, walked from one place of a text at a
//! time: the longest surface that starts there.
//!
//! The lexicon looks for a name only where one can start (see
//! `Lexicon::find`), so it needs no failure links: aho-corasick's builder spent
//! most of its start-up time computing them (about 0.2 s of every run), and a
//! walk in `fst` cost five times more instructions per byte than this one.

/// No surface ends at a node.
const NONE: u32 = u32::MAX;

/// A builder of a node and its children: a group of sorted surfaces (with their
/// ids) sharing their first bytes, and how many they share.
type AddNode = fn(&mut Trie, &[(&[u8], u32)], usize) -> u32;

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
/// On an edge's target: a surface ends at the node, whose first word tells which.
const MARKED: u32 = 1 << 31;
/// A node of more edges than this has a slot for every byte after its targets.
const FEW: usize = 8;
/// In a slot: no edge by that byte (a node of 256 edges has no slots read).
const NO_EDGE: u8 = 0xFF;

impl Trie {
    /// The trie of distinct, non-empty `surfaces`; a surface's id is its index.
    pub fn new(surfaces: &[String]) -> Self {
        Trie::build(surfaces, Trie::add_node)
    }

    /// [`Trie::new`], its nodes added by `add` (from the root, depth first).
    fn build(surfaces: &[String], add: AddNode) -> Self {
        // Sorted by their first eight bytes as one number first, which orders them
        // as the bytes do ([`prefix_key`]): most comparisons are of two numbers.
        let mut keyed: Vec<(u64, &[u8], u32)> = (0u32..)
            .zip(surfaces)
            .map(|(id, s)| (prefix_key(s.as_bytes()), s.as_bytes(), id))
            .collect();
        keyed.sort_unstable();
        let sorted: Vec<(&[u8], u32)> = keyed.into_iter().map(|(_, s, id)| (s, id)).collect();
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
            // Four words a node of one child, about two nodes in three bytes of the
            // surfaces (shared prefixes), and the slots of the few nodes of many.
            words: Vec::with_capacity(
                5 * sorted.iter().map(|(s, _)| s.len()).sum::<usize>() / 2 + 4096,
            ),
        };
        add(&mut trie, &sorted, 0);
        // Every node is followed by four words or more, so that a node's head is read
        // with one bounds check (a leaf at the end has two of its own).
        trie.words.extend([0, 0]);
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
    /// depth first, its children; returns its index. A chain of nodes of one child
    /// each (most of a long name) is written in a loop: each node is followed by its
    /// child, four words after it.
    fn add_node(&mut self, mut group: &[(&[u8], u32)], mut depth: usize) -> u32 {
        let top = self.words.len() as u32;
        loop {
            // Sorted, the surface that ends at this depth comes first.
            let ends = group.first().filter(|(s, _)| s.len() == depth);
            let rest = &group[usize::from(ends.is_some())..];
            let (Some(first), Some(last)) = (rest.first(), rest.last()) else {
                break;
            };
            let byte = first.0[depth];
            if last.0[depth] != byte {
                break;
            }
            // One child: the surfaces from the first to the last share the byte.
            let child = self.words.len() + 4;
            assert!(
                child < OPEN as usize,
                "fewer nodes than the flags leave room for"
            );
            let child_ends = first.0.len() == depth + 1;
            self.words.extend([
                ends.map_or(NONE, |&(_, id)| id),
                1,
                u32::from(byte),
                child as u32 | if child_ends { MARKED } else { 0 },
            ]);
            group = rest;
            depth += 1;
        }
        self.add_branch(group, depth);
        top
    }

    /// [`Trie::add_node`] as first written, every node a call.
    #[cfg(test)]
    fn add_node_as_first_written(&mut self, group: &[(&[u8], u32)], depth: usize) -> u32 {
        self.add_branch_with(group, depth, Trie::add_node_as_first_written)
    }

    /// Adds a node of no child or of several, and its children.
    fn add_branch(&mut self, group: &[(&[u8], u32)], depth: usize) -> u32 {
        self.add_branch_with(group, depth, Trie::add_node)
    }

    /// [`Trie::add_branch`], each child added by `add`.
    #[inline(always)]
    fn add_branch_with(&mut self, group: &[(&[u8], u32)], depth: usize, add: AddNode) -> u32 {
        let node = self.words.len();
        // Sorted, the surface that ends at this depth comes first.
        let ends = group.first().filter(|(s, _)| s.len() == depth);
        let rest = &group[usize::from(ends.is_some())..];
        let runs = || {
            let mut i = 0;
            std::iter::from_fn(move || {
                let byte = rest.get(i)?.0[depth];
                // Sorted: when the last surface has the byte too, all from `i` on do
                // (most nodes, one child), and no search is needed.
                let run = if rest.last()?.0[depth] == byte {
                    rest.len() - i
                } else {
                    rest[i..].partition_point(|(s, _)| s[depth] == byte)
                };
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
        if edges > FEW {
            // Each byte's edge, one byte a slot (NO_EDGE for none), 64 words: one load
            // finds an edge among many. With all 256 edges, the byte is its own index.
            let slots = self.words.len();
            self.words
                .resize(slots + 64, u32::from(NO_EDGE) * 0x0101_0101);
            for (k, (byte, _)) in runs().enumerate().filter(|_| edges < 256) {
                let (word, shift) = (slots + usize::from(byte) / 4, 8 * (usize::from(byte) % 4));
                self.words[word] &= !(0xFF << shift);
                self.words[word] |= (k as u32) << shift;
            }
        }
        for (k, (_, run)) in runs().enumerate() {
            let child = add(self, run, depth + 1);
            assert!(child < OPEN, "fewer nodes than the flags leave room for");
            let ends = self.words[child as usize] != NONE;
            self.words[targets + k] = child | if ends { MARKED } else { 0 };
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
            let edge = match self.edge(node, b) {
                Some(edge) => edge,
                None => break,
            };
            node = edge & !MARKED;
            if edge & MARKED != 0 {
                // Read only where a surface ends (few nodes).
                longest = Some((i + 1, self.words[node as usize] as usize));
            }
        }
        longest
    }

    #[inline]
    fn surface(&self, node: u32) -> Option<usize> {
        let s = self.words[node as usize];
        (s != NONE).then_some(s as usize)
    }

    /// The child of a node by one byte.
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        self.edge(node, byte).map(|edge| edge & !MARKED)
    }

    /// The target of a node's edge by one byte, [`MARKED`] when a surface ends there:
    /// a scan of a few labels, one slot by the byte among many.
    #[inline(always)]
    fn edge(&self, node: u32, byte: u8) -> Option<u32> {
        let at = node as usize;
        // The node's surface, edge count, first labels and first target, checked once.
        let head: [u32; 4] = self.words[at..at + 4]
            .try_into()
            .expect("four words from every node");
        if head[1] == 1 {
            // Most nodes below the first levels: one edge, one test.
            return (head[2] as u8 == byte).then_some(head[3]);
        }
        self.edge_among(at, head[1] as usize, byte)
    }

    /// [`Trie::edge`] of a node of `edges` edges other than one.
    #[inline(always)]
    fn edge_among(&self, at: usize, edges: usize, byte: u8) -> Option<u32> {
        let label_words = edges.div_ceil(4);
        let targets = at + 2 + label_words;
        let k = if edges > FEW {
            let byte = usize::from(byte);
            let slot = (self.words[targets + edges + byte / 4] >> (8 * (byte % 4))) as u8;
            match (slot, edges) {
                (_, 256) => byte,
                (NO_EDGE, _) => return None,
                (k, _) => usize::from(k),
            }
        } else {
            find_label(&self.words[at + 2..targets], edges, byte)?
        };
        Some(self.words[targets + k])
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

/// The first eight bytes of `s` as one number, the first byte highest and zero
/// after the last: two strings whose keys differ are in the keys' order (where they
/// first differ, a byte is compared with a byte, or a missing byte, zero, with a
/// byte that is not zero: the shorter string is a prefix, and first).
fn prefix_key(s: &[u8]) -> u64 {
    let mut key = [0u8; 8];
    let n = s.len().min(8);
    key[..n].copy_from_slice(&s[..n]);
    u64::from_be_bytes(key)
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
    fn every_byte_after_a_node_of_many_edges_is_found_or_none() {
        // After "Q": every ASCII byte but "z", and the lead bytes of some wider characters.
        let mut words: Vec<String> = (0u8..0x80)
            .filter(|&b| b != b'z')
            .map(|b| format!("Q{}x", b as char))
            .collect();
        words.extend(["Q\u{e9}", "Q\u{3b1}", "Q\u{4e2d}", "Q\u{1f600}"].map(String::from));
        let t = Trie::new(&words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.longest_prefix(w.as_bytes()), Some((w.len(), i)), "{w:?}");
        }
        assert_eq!(t.longest_prefix(b"Qzx"), None);
        assert_eq!(t.longest_prefix(b"Q\xc4x"), None);
        assert_eq!(t.longest_prefix(b"Q\xffx"), None);
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
    fn chains_written_in_a_loop_make_the_trie_of_a_call_a_node() {
        let mut names: Vec<String> = [
            include_str!("../../data/places.tsv"),
            include_str!("../../data/organizations.tsv"),
            include_str!("../../data/countries.tsv"),
        ]
        .iter()
        .flat_map(|t| t.lines())
        .filter_map(|l| l.split('\t').next())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
        names.extend(["A", "Ab", "Abc", "\u{0}", "Qa", "Qb", "Q\u{e9}"].map(String::from));
        names.extend((0u8..=255).map(|b| format!("Z{}", char::from(b))));
        names.sort();
        names.dedup();
        let new = Trie::build(&names, Trie::add_node);
        let first = Trie::build(&names, Trie::add_node_as_first_written);
        assert!(new.words == first.words);
        assert!(new.pairs[..] == first.pairs[..] && new.root[..] == first.root[..]);
        assert!(new.open_pairs[..] == first.open_pairs[..]);
        for (i, n) in names.iter().enumerate() {
            assert_eq!(
                new.longest_prefix(n.as_bytes()),
                Some((n.len(), i)),
                "{n:?}"
            );
        }
    }

    #[test]
    fn surfaces_sorted_by_key_first_are_sorted_by_bytes() {
        let words: Vec<&[u8]> = vec![
            b"",
            b"\0",
            b"\0\0",
            b"a",
            b"a\0",
            b"a\0\0b",
            b"ab",
            b"abcdefgh",
            b"abcdefgh\0",
            b"abcdefghi",
            b"abcdefgg\xff",
            b"\xff",
            b"\xff\0",
            b"abcdefgh\x01",
            b"Ab",
        ];
        for a in &words {
            for b in &words {
                let by_key = prefix_key(a).cmp(&prefix_key(b)).then_with(|| a.cmp(b));
                assert_eq!(by_key, a.cmp(b), "{a:?} {b:?}");
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
