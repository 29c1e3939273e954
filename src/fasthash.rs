//! A fast, non-cryptographic hasher for in-memory maps keyed by our own data (coordinates,
//! ids from the dataset). The standard library's SipHash resists hash flooding, which a
//! static map of a loaded file does not need, and costs a large share of building the
//! basemap's paths and the catalog's indexes in wasm.
//!
//! The mixing step is the one rustc uses (FxHash): rotate, xor, multiply by a constant.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Clone, Copy, Default)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.mix(u64::from(value));
    }

    fn write_u32(&mut self, value: u32) {
        self.mix(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.mix(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.mix(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_store_and_find_keys() {
        let mut map: FastMap<(u64, u64), usize> = FastMap::default();
        for i in 0..10_000u64 {
            map.insert((i, i * 7), i as usize);
        }
        assert_eq!(map.len(), 10_000);
        assert_eq!(map.get(&(1234, 1234 * 7)), Some(&1234));
        assert_eq!(map.get(&(1234, 1)), None);
    }

    #[test]
    fn strings_that_differ_only_in_their_tail_hash_apart() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let build = BuildHasherDefault::<FastHasher>::default();
        assert_ne!(
            build.hash_one("2010-11-23-shelling-a"),
            build.hash_one("2010-11-23-shelling-b")
        );
        assert_ne!(build.hash_one("ab"), build.hash_one("ba"));
    }
}
