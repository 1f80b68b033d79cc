//! The gazetteer's surfaces as a byte trie, walked from one place of a text at a
//! time: the longest surface that starts there.
//!
//! The lexicon looks for a name only where one can start (see
//! `Lexicon::find`), so it needs no failure links: aho-corasick's builder spent
//! most of its start-up time computing them (about 0.2 s of every run), and a
//! walk in `fst` cost five times more instructions per byte than this one.

/// No surface ends at a node.
const NONE: u32 = u32::MAX;

/// Nodes in breadth-first order; the edges of each node are contiguous and sorted.
/// The first two levels, where nodes have most edges, are also tables.
pub struct Trie {
    /// The root's child for every byte (or 0, the root itself: no child).
    root: Box<[u32; 256]>,
    /// The node after every pair of bytes (or 0: no surface starts with them).
    pairs: Vec<u32>,
    /// The pairs of bytes that open some surface, one bit each; a surface of one
    /// byte sets every pair it opens. A text's bytes are tested here, in 8 KB.
    opens: Box<[u64; 1024]>,
    nodes: Vec<Node>,
    labels: Vec<u8>,
    targets: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Node {
    first_edge: u32,
    edges: u32,
    /// The id of the surface that ends here, or [`NONE`].
    surface: u32,
}

impl Trie {
    /// The trie of distinct, non-empty `surfaces`; a surface's id is its index.
    pub fn new(surfaces: &[String]) -> Self {
        let mut sorted: Vec<(&[u8], u32)> = (0u32..)
            .zip(surfaces)
            .map(|(id, s)| (s.as_bytes(), id))
            .collect();
        sorted.sort_unstable();
        let mut trie = Trie {
            root: Box::new([0; 256]),
            pairs: vec![0; 1 << 16],
            opens: Box::new([0; 1024]),
            nodes: vec![Node::leaf()],
            labels: Vec::new(),
            targets: Vec::new(),
        };
        let mut queue = std::collections::VecDeque::from([(0u32, 0..sorted.len(), 0, 0)]);
        while let Some((node, range, depth, first)) = queue.pop_front() {
            let group = &sorted[range.clone()];
            let mut i = 0;
            // Sorted, the surface that ends at this depth comes first.
            if let Some(&(s, id)) = group.first().filter(|(s, _)| s.len() == depth) {
                debug_assert!(!s.is_empty(), "no empty surface");
                trie.nodes[node as usize].surface = id;
                i = 1;
            }
            trie.nodes[node as usize].first_edge = trie.labels.len() as u32;
            while i < group.len() {
                let byte = group[i].0[depth];
                let run = group[i..].partition_point(|(s, _)| s[depth] == byte);
                let child = trie.nodes.len() as u32;
                trie.nodes.push(Node::leaf());
                trie.labels.push(byte);
                trie.targets.push(child);
                let pair = usize::from(first) << 8 | usize::from(byte);
                match depth {
                    0 => trie.root[usize::from(byte)] = child,
                    1 => trie.pairs[pair] = child,
                    _ => {}
                }
                let start = range.start + i;
                queue.push_back((child, start..start + run, depth + 1, byte));
                i += run;
            }
            let node = &mut trie.nodes[node as usize];
            node.edges = trie.labels.len() as u32 - node.first_edge;
        }
        trie.set_opens();
        trie
    }

    fn set_opens(&mut self) {
        for first in 0..=u8::MAX {
            let one = self.root[usize::from(first)];
            if one == 0 {
                continue;
            }
            let ends = self.nodes[one as usize].surface != NONE;
            for second in 0..=u8::MAX {
                let pair = usize::from(first) << 8 | usize::from(second);
                if ends || self.pairs[pair] != 0 {
                    self.opens[pair / 64] |= 1 << (pair % 64);
                }
            }
        }
    }

    /// Whether a surface may start with byte `a` followed by `b` (0 after the last
    /// byte of a text): most places in a text open none, and no walk starts there.
    #[inline]
    pub fn opens(&self, a: u8, b: u8) -> bool {
        let pair = usize::from(a) << 8 | usize::from(b);
        self.opens[pair / 64] >> (pair % 64) & 1 != 0
    }

    /// The end and id of the longest surface that is a prefix of `bytes`.
    #[inline]
    pub fn longest_prefix(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        let (&first, rest) = bytes.split_first()?;
        let one = self.root[usize::from(first)];
        if one == 0 {
            return None;
        }
        let mut longest = self.surface(one).map(|s| (1, s));
        let Some(&second) = rest.first() else {
            return longest;
        };
        let mut node = self.pairs[usize::from(first) << 8 | usize::from(second)];
        if node == 0 {
            return longest;
        }
        longest = self.surface(node).map(|s| (2, s)).or(longest);
        for (i, &b) in bytes.iter().enumerate().skip(2) {
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
        let s = self.nodes[node as usize].surface;
        (s != NONE).then_some(s as usize)
    }

    /// The child of a node below the second level: most have one edge, a few many.
    #[inline]
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let n = self.nodes[node as usize];
        let edges = n.first_edge as usize..(n.first_edge + n.edges) as usize;
        let labels = &self.labels[edges.clone()];
        let k = if labels.len() > 8 {
            labels.binary_search(&byte).ok()?
        } else {
            labels.iter().position(|&l| l == byte)?
        };
        Some(self.targets[edges.start + k])
    }
}

impl Node {
    fn leaf() -> Self {
        Node {
            first_edge: 0,
            edges: 0,
            surface: NONE,
        }
    }
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
    fn any_bytes_are_labels() {
        let t = trie(&["São Paulo", "S", "\u{0}x"]);
        assert_eq!(t.longest_prefix("São Paulo".as_bytes()), Some((10, 0)));
        assert_eq!(t.longest_prefix(b"Sa"), Some((1, 1)));
        assert_eq!(t.longest_prefix(b"\x00xy"), Some((2, 2)));
    }
}
