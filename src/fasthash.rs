//! A fast hasher for the short keys the stages hash by the thousand (words, word ids, bags):
//! the multiply-rotate hash rustc uses (FxHash). The standard SipHash resists keys crafted to
//! collide, a defence a text analysed in its own reader's browser does not need, and costs
//! several times more per word.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The FxHash state: one word, rotated, mixed and multiplied per input word.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            // An 8-byte load: `copy_from_slice` stays a call at opt-level "z" in wasm.
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes as a little-endian word, without a copy_from_slice call.
            let tail = rest.iter().rev().fold(0u64, |word, &b| word << 8 | u64::from(b));
            self.add(tail ^ (rest.len() as u64) << 59);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// [`hash_bytes`] of a string.
#[cfg(test)]
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// The FxHash of a string's bytes alone, for keys stored as numbers.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.write_u8(0xff);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_hash_equal_and_near_ones_apart() {
        assert_eq!(hash_str("tehran"), hash_str(&String::from("tehran")));
        let words = ["a", "b", "ab", "ba", "talks", "talk", "urged", "urges", "washingtonian", "washingtonians"];
        let hashes: FastSet<u64> = words.iter().map(|w| hash_str(w)).collect();
        assert_eq!(hashes.len(), words.len());
    }
}
