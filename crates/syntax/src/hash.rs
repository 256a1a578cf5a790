//! Feature hashing.
//!
//! Features are never materialised as strings: every token attribute is hashed once
//! per sentence into a `u64`, and a feature is a cheap mix of a template number with
//! one or more of those hashes. The functions are fixed (no random seed) because the
//! hashes are part of the model file format: changing them invalidates every model.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// One mixing step (FxHash-like): fast, order-sensitive.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Final avalanche so the low bits (used for table slots) depend on every input bit.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Hash of a byte string (not finished; combine with [`mix`] and [`finish`]).
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h = mix(0x51_7CC1_B727_220A, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The little-endian value of `rest` zero-padded to 8 bytes, assembled
        // in registers: a variable-length copy here would be a `memcpy` call,
        // a noticeable share of tagging time (most words are under 8 bytes).
        let tail = rest
            .iter()
            .rev()
            .fold(0u64, |acc, &b| acc << 8 | u64::from(b));
        h = mix(h, tail);
    }
    h
}

/// Hash of a string (finished).
pub fn str_hash(s: &str) -> u64 {
    finish(bytes(s.as_bytes()))
}

/// A feature: template `t` over attribute hashes `a`.
#[inline]
pub fn feat1(t: u32, a: u64) -> u64 {
    finish(mix(mix(0, u64::from(t)), a))
}

#[inline]
pub fn feat2(t: u32, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0, u64::from(t)), a), b))
}

#[inline]
pub fn feat3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0, u64::from(t)), a), b), c))
}

/// A `Hasher` for maps keyed by already-hashed `u64`s.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = std::hash::BuildHasherDefault<IdHasher>;
pub type IdMap<V> = std::collections::HashMap<u64, V, IdBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_inputs_distinct_hashes() {
        assert_ne!(str_hash("a"), str_hash("b"));
        assert_ne!(str_hash("abcdefgh"), str_hash("abcdefgh\0"));
        assert_ne!(feat2(1, 2, 3), feat2(1, 3, 2));
        assert_ne!(feat1(1, 5), feat1(2, 5));
    }

    /// Hashes are part of the model format: the tail assembly must give the
    /// value of the zero-padded little-endian word, for every tail length.
    #[test]
    fn tail_bytes_hash_as_zero_padded_words() {
        fn reference(b: &[u8]) -> u64 {
            let mut h = mix(0x51_7CC1_B727_220A, b.len() as u64);
            for c in b.chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                h = mix(h, u64::from_le_bytes(w));
            }
            h
        }
        let text: Vec<u8> = (0u8..40).map(|i| i.wrapping_mul(37) ^ 0xA5).collect();
        for len in 0..=text.len() {
            assert_eq!(bytes(&text[..len]), reference(&text[..len]), "length {len}");
        }
        assert_eq!(str_hash("Aleppo"), finish(reference(b"Aleppo")));
    }
}
