//! The lexicon's words of up to 16 bytes in an open-addressing table keyed by their bytes
//! packed into integers: a lookup is a few integer operations and compares, with no
//! string hashing or byte comparison. Longer words stay in a string map beside it.

/// A word of 1 to 16 bytes packed with its length: equal words give equal keys, and
/// different words different keys.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    lo: u64,
    hi: u64,
    /// 0 marks an empty slot.
    len: u64,
}

fn read4(w: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes([w[at], w[at + 1], w[at + 2], w[at + 3]]))
}

fn read8(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&w[at..at + 8]);
    u64::from_le_bytes(b)
}

/// The key of `w`, or `None` when it is empty or longer than 16 bytes. Reads that
/// overlap cover every byte once the length is known.
#[inline]
fn key(w: &[u8]) -> Option<Key> {
    let n = w.len();
    let (lo, hi) = match n {
        1..=3 => (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        ),
        4..=7 => (read4(w, 0) | read4(w, n - 4) << 32, 0),
        8..=16 => (read8(w, 0), read8(w, n - 8)),
        _ => return None,
    };
    Some(Key {
        lo,
        hi,
        len: n as u64,
    })
}

#[derive(Clone, Copy, Default)]
struct Slot<V> {
    key: Key,
    value: V,
}

/// Short words to values; [`WordTable::get`] is `None` for a word it cannot hold
/// (empty or longer than 16 bytes), which the caller looks up elsewhere.
pub(crate) struct WordTable<V> {
    slots: Vec<Slot<V>>,
    shift: u32,
}

impl<V: Copy + Default> WordTable<V> {
    /// A table of the words of `entries` that it can hold, at most a quarter full; a
    /// word given twice keeps its last value.
    pub(crate) fn new<'w>(entries: impl IntoIterator<Item = (&'w str, V)>) -> WordTable<V> {
        let entries: Vec<(Key, V)> = entries
            .into_iter()
            .filter_map(|(w, v)| Some((key(w.as_bytes())?, v)))
            .collect();
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (k, v) in entries {
            let mut i = table.home(&k);
            while table.slots[i].key.len != 0 && table.slots[i].key != k {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = Slot { key: k, value: v };
        }
        table
    }

    #[inline]
    fn home(&self, k: &Key) -> usize {
        let h = (k.lo ^ k.hi.rotate_left(23) ^ k.len).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// `Some(value)` of `w` (the default when absent), or `None` when `w` cannot be held.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        let k = key(w.as_bytes())?;
        let mask = self.slots.len() - 1;
        let mut i = self.home(&k);
        loop {
            let s = &self.slots[i];
            if s.key == k {
                return Some(s.value);
            }
            if s.key.len == 0 {
                return Some(V::default());
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_length_are_told_apart() {
        let words: Vec<String> = (1..=20)
            .flat_map(|n| ["a".repeat(n), format!("{}b", "a".repeat(n - 1))])
            .collect();
        let table = WordTable::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i + 1)));
        for (i, w) in words.iter().enumerate() {
            let expect = (w.len() <= 16).then_some(i + 1);
            assert_eq!(table.get(w), expect, "{w}");
        }
        assert_eq!(table.get("abb"), Some(0));
        assert_eq!(table.get("ba"), Some(0));
        assert_eq!(table.get("aaaaaaaaaaaaaaba"), Some(0));
        assert_eq!(table.get(""), None);
        assert_eq!(table.get("é"), Some(0));
    }
}
