//! The shipped weights: pruned, quantised, and compiled in by `build.rs` as typed static
//! tables, so the widget uses them in place with nothing to parse, hash or decode when the page
//! starts.
//!
//! A model is its feature keys, sorted, and per key a row of (class, weight) cells. Training
//! leaves a few weights that matter and many that barely do; only the cells that matter most
//! are kept and the model is retrained on them (see `train-syntax`). Each weight is one of 64
//! levels of the model's codebook, spaced evenly in the logarithm of the magnitude (a weight is
//! off by at most a few percent, which costs no accuracy). A row's classes are written as the
//! gaps between them, small numbers that gzip packs tightly. A key is found through a
//! directory of its top bits (the keys are uniform hashes, so each entry covers about two), made
//! by `build.rs`.
//!
//! The file `data/syntax/model.bin`, written by `train-syntax`:
//!
//! ```text
//! "ALSYNTX5"                     magic and version
//! u32 length, bytes              the label names, one per line
//! model × 3                      tagger, moves, labels; each: u32 classes, u32 keys, u32 cells,
//!                                f32 codebook [64], keys [u32], row ends [u32] (the cell
//!                                index after each row), class gaps [u8; cells] (each row's
//!                                first class, then the gap from the one before), levels [u8; cells]
//! ```
//! All numbers are little-endian. `build.rs` reads the same layout (a test checks they agree).

use super::Scorer;

/// The magic bytes that open a model file.
pub(crate) const MAGIC: &[u8; 8] = b"ALSYNTX5";

/// How many weight levels the codebook has (6 bits).
pub(crate) const LEVELS: usize = 64;

/// One linear model's tables.
#[derive(Debug, Clone, Copy)]
pub struct Weights<'m> {
    /// The number of classes (tags or moves).
    pub classes: usize,
    codebook: &'m [f32],
    keys: &'m [u32],
    ends: &'m [u32],
    gaps: &'m [u8],
    levels: &'m [u8],
    /// Per value of a key's top bits (`key >> shift`), the index of the first key with at least
    /// that value; one more entry closes the last.
    dir: &'m [u32],
    shift: u32,
}

/// The tagger's and the parser's weights and the parser's label names.
#[derive(Debug, Clone, Copy)]
pub struct Model<'m> {
    /// The tagger (17 classes, the UPOS tags).
    pub tagger: Weights<'m>,
    /// The parser's moves (shift, left, right).
    pub moves: Weights<'m>,
    /// The parser's arc labels.
    pub labels: Weights<'m>,
    names: &'m str,
}

mod compiled {
    use super::Weights;
    include!(concat!(env!("OUT_DIR"), "/syntax_model.rs"));
}

/// The compiled-in model.
pub(crate) fn compiled() -> Model<'static> {
    Model { tagger: compiled::TAGGER, moves: compiled::MOVES, labels: compiled::LABELS, names: compiled::LABEL_NAMES }
}

impl<'m> Model<'m> {
    /// The parser's label names, by index.
    pub fn label_names(&self) -> impl Iterator<Item = &'m str> {
        self.names.lines()
    }
}

/// The number of top bits of the directory over `n` keys: about two keys an entry.
pub(crate) fn directory_bits(n: usize) -> u32 {
    (usize::BITS - (n / 2).max(1).leading_zeros()).clamp(1, 24)
}

/// The directory over sorted `keys` with `bits` top bits (see [`Weights`]).
pub(crate) fn directory(keys: &[u32], bits: u32) -> Vec<u32> {
    let shift = 32 - bits;
    let mut dir = Vec::with_capacity((1 << bits) + 1);
    let mut at = 0usize;
    for top in 0..=(1u64 << bits) {
        while at < keys.len() && u64::from(keys[at] >> shift) < top {
            at += 1;
        }
        dir.push(at as u32);
    }
    dir
}

impl Weights<'_> {
    /// The number of feature keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The row of `key`: the keys under its directory entry, a few, compared in turn.
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        let top = (key >> self.shift) as usize;
        let (Some(&lo), Some(&hi)) = (self.dir.get(top), self.dir.get(top + 1)) else { return None };
        let keys = self.keys.get(lo as usize..hi as usize)?;
        keys.iter().position(|&k| k == key).map(|i| lo as usize + i)
    }
}

impl Scorer for Weights<'_> {
    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        for &k in keys {
            let Some(row) = self.find(k) else { continue };
            let start = row.checked_sub(1).and_then(|r| self.ends.get(r)).map_or(0, |&e| e as usize);
            let Some(&end) = self.ends.get(row) else { continue };
            let end = end as usize;
            let (Some(gaps), Some(levels)) = (self.gaps.get(start..end), self.levels.get(start..end)) else { continue };
            let mut class = 0usize;
            for (&gap, &level) in gaps.iter().zip(levels) {
                class += gap as usize;
                if let (Some(s), Some(&w)) = (scores.get_mut(class), self.codebook.get(level as usize)) {
                    *s += w;
                }
            }
        }
    }
}

/// A model read from a model file's bytes into tables of its own (the trainer's view of what it
/// wrote; the widget uses the tables `build.rs` compiled in).
#[cfg(any(test, feature = "train"))]
pub mod owned {
    use super::{directory, directory_bits, Model, Weights, LEVELS, MAGIC};

    /// One model's tables.
    pub struct OwnedWeights {
        classes: usize,
        codebook: Vec<f32>,
        keys: Vec<u32>,
        ends: Vec<u32>,
        gaps: Vec<u8>,
        levels: Vec<u8>,
        dir: Vec<u32>,
        shift: u32,
    }

    /// A model file's contents.
    pub struct OwnedModel {
        tagger: OwnedWeights,
        moves: OwnedWeights,
        labels: OwnedWeights,
        names: String,
    }

    struct Reader<'b> {
        bytes: &'b [u8],
    }

    impl<'b> Reader<'b> {
        fn take(&mut self, n: usize) -> Result<&'b [u8], String> {
            if n > self.bytes.len() {
                return Err(format!("the syntax model ends early: {n} bytes wanted, {} left", self.bytes.len()));
            }
            let (head, rest) = self.bytes.split_at(n);
            self.bytes = rest;
            Ok(head)
        }

        fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
            Ok(self.take(4 * n)?.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
        }

        fn u32(&mut self) -> Result<u32, String> {
            Ok(self.u32s(1)?[0])
        }

        fn weights(&mut self) -> Result<OwnedWeights, String> {
            let classes = self.u32()? as usize;
            let n = self.u32()? as usize;
            let cells = self.u32()? as usize;
            let codebook = self.u32s(LEVELS)?.into_iter().map(f32::from_bits).collect();
            let keys = self.u32s(n)?;
            let ends = self.u32s(n)?;
            let gaps = self.take(cells)?.to_vec();
            let levels = self.take(cells)?.to_vec();
            let bits = directory_bits(n);
            let dir = directory(&keys, bits);
            Ok(OwnedWeights { classes, codebook, keys, ends, gaps, levels, dir, shift: 32 - bits })
        }
    }

    impl OwnedModel {
        /// Reads a model file's bytes.
        pub fn read(bytes: &[u8]) -> Result<OwnedModel, String> {
            let mut r = Reader { bytes };
            if r.take(MAGIC.len())? != MAGIC {
                return Err("not a syntax model file (bad magic)".to_string());
            }
            let n = r.u32()? as usize;
            let names = String::from_utf8(r.take(n)?.to_vec()).map_err(|_| "the label names are not UTF-8".to_string())?;
            let tagger = r.weights()?;
            let moves = r.weights()?;
            let labels = r.weights()?;
            if !r.bytes.is_empty() {
                return Err(format!("the syntax model has {} bytes after its end", r.bytes.len()));
            }
            Ok(OwnedModel { tagger, moves, labels, names })
        }

        /// The model, borrowing these tables.
        pub fn view(&self) -> Model<'_> {
            Model { tagger: self.tagger.view(), moves: self.moves.view(), labels: self.labels.view(), names: &self.names }
        }
    }

    impl OwnedWeights {
        fn view(&self) -> Weights<'_> {
            Weights {
                classes: self.classes,
                codebook: &self.codebook,
                keys: &self.keys,
                ends: &self.ends,
                gaps: &self.gaps,
                levels: &self.levels,
                dir: &self.dir,
                shift: self.shift,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// `build.rs` reads the model file with code of its own: its tables must be these.
        #[test]
        fn the_compiled_tables_are_the_model_file() {
            let file = OwnedModel::read(include_bytes!("../../data/syntax/model.bin")).unwrap();
            let (a, b) = (file.view(), super::super::compiled());
            assert_eq!(a.names, b.names);
            for (x, y) in [(a.tagger, b.tagger), (a.moves, b.moves), (a.labels, b.labels)] {
                assert_eq!((x.classes, x.shift), (y.classes, y.shift));
                assert_eq!((x.keys, x.ends, x.gaps, x.levels, x.dir), (y.keys, y.ends, y.gaps, y.levels, y.dir));
                assert_eq!(x.codebook, y.codebook);
            }
        }
    }
}

/// Writing model files, for the trainer.
#[cfg(feature = "train")]
pub mod write {
    use std::collections::HashMap;

    use super::{LEVELS, MAGIC};

    /// A model ready to write: per key (sorted), its (class, level) cells, and the codebook.
    pub struct Quantised {
        /// The number of classes.
        pub classes: usize,
        /// The keys, sorted, with their rows.
        pub rows: Vec<(u32, Vec<(u8, u8)>)>,
        /// The weight of each level.
        pub codebook: [f32; LEVELS],
    }

    impl Quantised {
        /// How many cells the model keeps.
        pub fn cells(&self) -> usize {
            self.rows.iter().map(|(_, r)| r.len()).sum()
        }
    }

    /// Gives each weight of `rows` the nearest of 64 levels, 32 a sign, spaced evenly in the
    /// logarithm of the magnitude from the smallest weights (the 2nd percentile) to the largest.
    pub fn quantise(classes: usize, rows: &HashMap<u32, Vec<(u16, f32)>>) -> Quantised {
        let mut mags: Vec<f32> = rows.values().flatten().map(|c| c.1.abs()).filter(|&m| m > 0.0).collect();
        mags.sort_by(f32::total_cmp);
        let lo = mags.get(mags.len() / 50).copied().unwrap_or(1.0).max(1e-6);
        let hi = mags.last().copied().unwrap_or(1.0).max(lo * 1.0001);
        let half = LEVELS / 2;
        let mut codebook = [0f32; LEVELS];
        for (i, level) in codebook.iter_mut().enumerate() {
            let (sign, step) = if i < half { (1.0, i) } else { (-1.0, i - half) };
            *level = sign * lo * (hi / lo).powf(step as f32 / (half - 1) as f32);
        }
        let level_of = |w: f32| -> u8 {
            let t = ((w.abs().max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln()) * (half - 1) as f32).round() as usize;
            (t.min(half - 1) + if w < 0.0 { half } else { 0 }) as u8
        };
        let mut out: Vec<(u32, Vec<(u8, u8)>)> = rows
            .iter()
            .map(|(&k, row)| {
                let mut cells: Vec<(u8, u8)> = row.iter().filter(|c| c.1 != 0.0).map(|&(c, w)| (c as u8, level_of(w))).collect();
                cells.sort();
                (k, cells)
            })
            .filter(|(_, cells)| !cells.is_empty())
            .collect();
        out.sort_by_key(|&(k, _)| k);
        Quantised { classes, rows: out, codebook }
    }

    fn weights(q: &Quantised, out: &mut Vec<u8>) {
        let cells = q.cells();
        for v in [q.classes as u32, q.rows.len() as u32, cells as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for l in q.codebook {
            out.extend_from_slice(&l.to_bits().to_le_bytes());
        }
        for (k, _) in &q.rows {
            out.extend_from_slice(&k.to_le_bytes());
        }
        let mut end = 0u32;
        for (_, r) in &q.rows {
            end += r.len() as u32;
            out.extend_from_slice(&end.to_le_bytes());
        }
        for (_, r) in &q.rows {
            let mut prev = 0;
            for &(c, _) in r {
                out.push(c - prev);
                prev = c;
            }
        }
        out.extend(q.rows.iter().flat_map(|(_, r)| r.iter().map(|&(_, l)| l)));
    }

    /// The bytes of a model file.
    pub fn file(labels: &[String], tagger: &Quantised, moves: &Quantised, label_model: &Quantised) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let names = labels.join("\n");
        out.extend_from_slice(&(names.len() as u32).to_le_bytes());
        out.extend_from_slice(names.as_bytes());
        for q in [tagger, moves, label_model] {
            weights(q, &mut out);
        }
        out
    }
}
