//! What the tagger and the parser know of a word before they look at its neighbours: its
//! normalised form, affixes, shape and a few flags, each hashed once per word.
//!
//! Features are hashes of these atoms combined with a template number, so the weight store needs
//! no vocabulary: "Tehran" and "tehran" share the atom `lower` and differ in `shape`.

/// Mixes one more value into a feature hash (FxHash's step: rotate, xor, multiply).
#[inline(always)]
pub(crate) fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// The key a feature is stored under: the high 32 bits of its mixed hash after an avalanche
/// (SplitMix64's finaliser), so keys are uniform and the store can find them by interpolation.
#[inline(always)]
pub(crate) fn key(hash: u64) -> u32 {
    let mut z = hash;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z >> 32) as u32
}

/// The starting value of the atoms' hashes.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of a string atom.
pub(crate) fn hash_str(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| mix(h, u64::from(b))) ^ s.len() as u64
}

/// A word's atoms, hashed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Atoms {
    /// The lower-cased form, with numbers folded to a class ("1999" → "!YEAR", "3.5" → "!NUM").
    pub lower: u64,
    /// The form as written.
    pub form: u64,
    /// The last 1, 2, 3 and 4 characters of the lower-cased form.
    pub suffix: [u64; 4],
    /// The first 1, 2 and 3 characters.
    pub prefix: [u64; 3],
    /// The shape: letters as X or x, digits as d, runs longer than two shortened ("Xxx", "dd,ddd").
    pub shape: u64,
    /// Capitalised, all capitals, has a digit, has a hyphen, has a period (bit flags).
    pub flags: u64,
}

pub(crate) const CAPITALIZED: u64 = 1;
pub(crate) const ALL_CAPS: u64 = 2;
pub(crate) const HAS_DIGIT: u64 = 4;
pub(crate) const HAS_HYPHEN: u64 = 8;
pub(crate) const HAS_PERIOD: u64 = 16;

impl Atoms {
    /// The atoms of `form` (one UD word: "Tehran", "n't", "U.S.", ","), in one pass over its
    /// characters with no allocation: the parser computes them for every word it reads.
    pub fn of(form: &str) -> Atoms {
        let (mut flags, mut letters, mut uppers, mut chars) = (0, 0, 0, 0usize);
        let (mut lower, mut shape, mut cased) = (SEED, SEED, SEED ^ 0x5a5a);
        let (mut last_class, mut run) = ('\0', 0);
        let mut head = ['\0'; 3];
        let mut tail = ['\0'; 4]; // the last four lower-cased characters, newest last
        for c in form.chars() {
            let class = if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                    'X'
                } else {
                    'x'
                }
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
                'd'
            } else {
                if crate::text::is_dash(c) {
                    flags |= HAS_HYPHEN;
                } else if c == '.' {
                    flags |= HAS_PERIOD;
                }
                c
            };
            run = if class == last_class { run + 1 } else { 1 };
            last_class = class;
            if run <= 2 {
                shape = mix(shape, class as u64);
            }
            let l = crate::text::lower(c);
            lower = mix(lower, l as u64);
            cased = mix(cased, c as u64);
            if let Some(slot) = head.get_mut(chars) {
                *slot = l;
            }
            tail = [tail[1], tail[2], tail[3], l];
            chars += 1;
        }
        if form.chars().next().is_some_and(char::is_uppercase) {
            flags |= CAPITALIZED;
        }
        if letters > 1 && uppers == letters {
            flags |= ALL_CAPS;
        }
        // Numbers by class: a year, or any other number.
        if form.chars().next().is_some_and(|c| c.is_numeric()) {
            lower = if form.len() == 4 && form.bytes().all(|b| b.is_ascii_digit()) { hash_str("!YEAR") } else { hash_str("!NUM") };
        }
        let piece = |cs: &[char], tag: u64| cs.iter().fold(mix(SEED, tag), |h, &c| mix(h, c as u64));
        let n = chars.min(4);
        let suffix = [1, 2, 3, 4].map(|k| piece(&tail[4 - k.min(n)..], k as u64));
        let m = chars.min(3);
        let prefix = [1, 2, 3].map(|k| piece(&head[..k.min(m)], 8 + k as u64));
        Atoms { lower, form: cased, suffix, prefix, shape, flags }
    }

    /// The atoms of the parser's root, which stands after the sentence's last word.
    pub fn root() -> Atoms {
        let h = hash_str("!ROOT");
        Atoms { lower: h, form: h, suffix: [h; 4], prefix: [h; 3], shape: h, flags: 0 }
    }

    /// The atoms of a position outside the sentence.
    pub fn none() -> Atoms {
        let h = hash_str("!NONE");
        Atoms { lower: h, form: h, suffix: [h; 4], prefix: [h; 3], shape: h, flags: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_fold_to_classes_and_case_to_shape() {
        assert_eq!(Atoms::of("1999").lower, Atoms::of("2024").lower);
        assert_ne!(Atoms::of("1999").lower, Atoms::of("19,999").lower);
        assert_eq!(Atoms::of("Tehran").lower, Atoms::of("tehran").lower);
        assert_ne!(Atoms::of("Tehran").shape, Atoms::of("tehran").shape);
        assert_eq!(Atoms::of("Tehran").shape, Atoms::of("Boston").shape);
        assert_eq!(Atoms::of("U.S.").flags & HAS_PERIOD, HAS_PERIOD);
        assert_eq!(Atoms::of("walked").suffix[1], Atoms::of("talked").suffix[1]);
    }
}
