//! Perfect hash tables that `build.rs` lays out in full, so a lookup on the page's first
//! analysis finds them ready: nothing is parsed, hashed or allocated at start-up.
//!
//! A table maps byte-string keys to a few bytes of value each. Its `n` entries sit in slot
//! order, each at the one slot its key hashes to (hash and displace, as rust-phf and CHD do):
//! the key's hash picks a bucket, and the bucket's two displacements, chosen by `build.rs` so
//! that no two keys share a slot, pick the slot. A lookup is one hash, one displacement read,
//! a short walk to the slot and one key comparison: a word that is not a key lands on some
//! slot whose key differs, so the comparison answers for misses too.
//!
//! The entries are one byte string (each key's length, its bytes, its value) with the offset of
//! every [`STRIDE`]-th entry: no table of string slices, whose pointers would weigh and compress
//! badly in the .wasm. `build.rs` compiles this file too (`#[path]`), so the slot it computes
//! for a key is the slot the widget computes.

use crate::fasthash::hash_bytes;

/// Entries between two stored offsets: a lookup walks past at most `STRIDE - 1` entries.
pub(crate) const STRIDE: usize = 8;

/// A perfect hash table laid out by `build.rs`.
#[derive(Debug)]
pub(crate) struct Table {
    /// How many entries (and slots) it has.
    pub len: usize,
    /// Per bucket, its displacements `d1 << 16 | d2`.
    pub displacements: &'static [u32],
    /// The entries in slot order: the key's length (one byte), the key, `value_len` bytes.
    pub entries: &'static [u8],
    /// The byte offset in `entries` of entries `0, STRIDE, 2 * STRIDE, ...`.
    pub offsets: &'static [u32],
    /// Bytes of value per entry.
    pub value_len: u8,
}

/// A key's three hashes: its bucket's (`g`) and the two the displacements weigh (`f1`, `f2`).
pub(crate) fn hashes(key: &[u8]) -> (u32, u32, u32) {
    let a = mix(hash_bytes(key));
    let b = mix(a);
    ((a >> 32) as u32, a as u32, b as u32)
}

/// The slot of a key with hashes `f1`, `f2` under displacements `d` in a table of `n` slots.
pub(crate) fn slot(f1: u32, f2: u32, d: u32, n: usize) -> usize {
    let (d1, d2) = (d >> 16, d & 0xFFFF);
    f2.wrapping_add(f1.wrapping_mul(d1)).wrapping_add(d2) as usize % n
}

/// MurmurHash3's finaliser: every bit of `h` reaches every bit of the result (FxHash alone
/// leaves the low bits of short keys poorly mixed).
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[allow(dead_code)] // build.rs compiles this file too, and uses none of the lookups
impl Table {
    /// The value of `key`, if it is a key of the table.
    pub fn get(&self, key: &str) -> Option<&'static [u8]> {
        let (stored, value) = self.entry(key)?;
        (stored == key.as_bytes()).then_some(value)
    }

    /// The entry at `key`'s slot, (its key as stored, its value), which the caller compares
    /// with `key`: a key stored empty stands for one the value names (see build.rs).
    // Used by the widget, not by build.rs, which compiles this file too.
    #[allow(dead_code)]
    pub fn entry(&self, key: &str) -> Option<(&'static [u8], &'static [u8])> {
        let key = key.as_bytes();
        let n = self.len;
        let buckets = self.displacements.len();
        if n == 0 || buckets == 0 || key.is_empty() || key.len() > usize::from(u8::MAX) {
            return None;
        }
        let (g, f1, f2) = hashes(key);
        let s = slot(f1, f2, *self.displacements.get(g as usize % buckets)?, n);
        let value_len = usize::from(self.value_len);
        let mut at = *self.offsets.get(s / STRIDE)? as usize;
        for _ in 0..s % STRIDE {
            at += 1 + usize::from(*self.entries.get(at)?) + value_len;
        }
        let len = usize::from(*self.entries.get(at)?);
        Some((self.entries.get(at + 1..at + 1 + len)?, self.entries.get(at + 1 + len..at + 1 + len + value_len)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{GAZETTEER, GIVEN_NAMES, ROLES, STANCE_WORDS};

    /// Every entry of `table` as (key, value), in slot order, walked without the hash.
    fn entries(table: &Table) -> Vec<(&'static str, &'static [u8])> {
        let (mut at, mut out) = (0, Vec::new());
        while at < table.entries.len() {
            let len = usize::from(table.entries[at]);
            let key = std::str::from_utf8(&table.entries[at + 1..at + 1 + len]).unwrap();
            let end = at + 1 + len + usize::from(table.value_len);
            out.push((key, &table.entries[at + 1 + len..end]));
            at = end;
        }
        out
    }

    #[test]
    fn every_key_is_found_at_its_slot_and_nothing_else_is() {
        for table in [&GAZETTEER, &GIVEN_NAMES, &ROLES, &STANCE_WORDS] {
            let all = entries(table);
            assert_eq!(all.len(), table.len);
            assert_eq!(table.offsets.len(), table.len.div_ceil(STRIDE));
            for (key, value) in all.iter().filter(|(key, _)| !key.is_empty()) {
                assert_eq!(table.get(key), Some(*value), "{key:?}");
                // A key one letter longer or shorter is another word, not this one.
                for other in [format!("{key}x"), key.chars().skip(1).collect::<String>()] {
                    if !all.iter().any(|(k, _)| *k == other) {
                        assert_eq!(table.get(&other), None, "{other:?}");
                    }
                }
            }
            assert_eq!(table.get(""), None);
            assert_eq!(table.get(&"a".repeat(300)), None);
        }
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let empty = Table { len: 0, displacements: &[], entries: &[], offsets: &[], value_len: 0 };
        assert_eq!(empty.get("anything"), None);
    }
}
