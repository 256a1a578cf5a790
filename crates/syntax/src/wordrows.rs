//! Precomputed score rows of the tagger's cached (frequent) words.
//!
//! A cached word has five rows: its own static-feature scores, and the scores
//! of its features as the next-but-one, next, previous and previous-but-one
//! word of the token being tagged. All five live in one block per word, in the
//! order a left-to-right pass reaches them: word `j`'s next-but-one row is read
//! for token `j - 2`, its next row for `j - 1`, its own row for `j`, and so
//! on. One block is about 1.2 KB of adjacent memory, so once its first row is
//! fetched the hardware prefetcher streams in the rest, instead of five
//! separate cache misses into five tables. Memory reads bound tagging speed.
//!
//! Invariant: block `k` holds exactly the rows pushed for word `k`; a
//! neighbour row whose sums do not fit in `i16` is absent (`None`) and the
//! caller scores that word's features through the weight table instead, so
//! results never depend on the narrowing.

/// Where a cached word stands relative to the token being scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Right2 = 0,
    Right = 1,
    Left = 2,
    Left2 = 3,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Right2, Role::Right, Role::Left, Role::Left2];
}

/// One block per cached word: `[right2 | right | own | left | left2]`, the
/// neighbour rows as `n` `i16`s packed two to an `i32` word (`half` words), the
/// own row as `n` `i32`s (its sums usually exceed `i16`).
#[derive(Clone, Debug, Default)]
pub struct WordRows {
    n: usize,
    half: usize,
    stride: usize,
    data: Vec<i32>,
    /// Per word: bit `role` set if that neighbour row fits in `i16`.
    fits: Vec<u8>,
}

/// `v` viewed as `i16`s (twice as many).
fn as_i16(v: &[i32]) -> &[i16] {
    // SAFETY: every bit pattern is a valid `i16`, `i16`'s alignment divides
    // `i32`'s, and the view covers exactly the bytes of `v`.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<i16>(), v.len() * 2) }
}

fn as_i16_mut(v: &mut [i32]) -> &mut [i16] {
    // SAFETY: as in `as_i16`; the exclusive borrow of `v` is carried over.
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<i16>(), v.len() * 2) }
}

impl WordRows {
    /// Empty rows for a model with `n` classes.
    pub fn new(n: usize) -> WordRows {
        let half = n.div_ceil(2);
        WordRows {
            n,
            half,
            stride: 4 * half + n,
            data: Vec::new(),
            fits: Vec::new(),
        }
    }

    /// Offset, inside a block, of a neighbour row (in `i32` words).
    fn neighbour_offset(&self, role: Role) -> usize {
        match role {
            Role::Right2 => 0,
            Role::Right => self.half,
            Role::Left => 2 * self.half + self.n,
            Role::Left2 => 3 * self.half + self.n,
        }
    }

    /// Appends the next word's block. Every row must have `n` values;
    /// `neighbours` is in [`Role::ALL`] order.
    pub fn push(&mut self, own: &[i32], neighbours: [&[i32]; 4]) {
        debug_assert!(own.len() == self.n && neighbours.iter().all(|r| r.len() == self.n));
        let start = self.data.len();
        self.data.resize(start + self.stride, 0);
        let own_at = start + 2 * self.half;
        self.data[own_at..own_at + self.n].copy_from_slice(own);
        let mut fits = 0u8;
        for (role, row) in Role::ALL.into_iter().zip(neighbours) {
            if !row.iter().all(|&v| i16::try_from(v).is_ok()) {
                continue;
            }
            fits |= 1 << role as u8;
            let at = start + self.neighbour_offset(role);
            let dst = &mut as_i16_mut(&mut self.data[at..at + self.half])[..self.n];
            for (d, &v) in dst.iter_mut().zip(row) {
                *d = i16::try_from(v).unwrap_or(0);
            }
        }
        self.fits.push(fits);
    }

    /// Asks the CPU to start loading block `k` into the cache (no effect on
    /// results; a no-op off x86-64). Called when a sentence's words are
    /// looked up, well before their rows are added.
    #[inline]
    pub fn prefetch(&self, k: usize) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T1};
            let Some(block) = k
                .checked_mul(self.stride)
                .and_then(|at| self.data.get(at..at + self.stride))
            else {
                return;
            };
            // One hint per 64-byte line (16 `i32`s).
            for line in block.chunks(16) {
                // SAFETY: a prefetch hint never faults and reads nothing the
                // program sees; the address is inside `block` anyway.
                unsafe { _mm_prefetch::<_MM_HINT_T1>(line.as_ptr().cast::<i8>()) };
            }
        }
    }

    /// Own row of word `k` (`usize::MAX` = uncached word).
    #[inline]
    pub fn own(&self, k: usize) -> Option<&[i32]> {
        let at = k.checked_mul(self.stride)?.checked_add(2 * self.half)?;
        self.data.get(at..at.checked_add(self.n)?)
    }

    /// Row of word `k` in `role`, if the word is cached and the row fits.
    #[inline]
    pub fn neighbour(&self, k: usize, role: Role) -> Option<&[i16]> {
        if self.fits.get(k)? & (1 << role as u8) == 0 {
            return None;
        }
        let at = k * self.stride + self.neighbour_offset(role);
        let words = self.data.get(at..at + self.half)?;
        as_i16(words).get(..self.n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_back_as_pushed() {
        for n in [1usize, 2, 5, 99] {
            let mut rows = WordRows::new(n);
            let row = |k: usize, scale: i32| -> Vec<i32> {
                (0..n as i32).map(|c| scale * (c + 1) + k as i32).collect()
            };
            for k in 0..3 {
                let nb: Vec<Vec<i32>> = (1..=4).map(|r| row(k, -50 * r)).collect();
                rows.push(&row(k, 70_000), [&nb[0], &nb[1], &nb[2], &nb[3]]);
            }
            for k in 0..3 {
                assert_eq!(rows.own(k).unwrap(), &row(k, 70_000)[..]);
                for (r, role) in Role::ALL.into_iter().enumerate() {
                    let want: Vec<i16> = row(k, -50 * (r as i32 + 1))
                        .into_iter()
                        .map(|v| v as i16)
                        .collect();
                    assert_eq!(rows.neighbour(k, role).unwrap(), &want[..]);
                }
            }
            assert!(rows.own(3).is_none() && rows.own(usize::MAX).is_none());
            assert!(rows.neighbour(usize::MAX, Role::Left).is_none());
        }
    }

    #[test]
    fn rows_that_overflow_i16_are_absent() {
        let mut rows = WordRows::new(3);
        let small = [1, -2, 3];
        let big = [1, 40_000, 3];
        rows.push(&big, [&small, &big, &small, &[-40_000, 0, 0]]);
        assert_eq!(rows.own(0).unwrap(), &big);
        assert_eq!(rows.neighbour(0, Role::Right2).unwrap(), &[1, -2, 3]);
        assert!(rows.neighbour(0, Role::Right).is_none());
        assert_eq!(rows.neighbour(0, Role::Left).unwrap(), &[1, -2, 3]);
        assert!(rows.neighbour(0, Role::Left2).is_none());
    }
}
