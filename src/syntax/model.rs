//! The shipped weights: pruned, quantised and laid out so the widget uses them in place, with
//! nothing to parse, hash or decode when the page starts.
//!
//! A model is its feature keys, sorted (uniform 32-bit hashes, so a key is found by
//! interpolation in a few probes), and per key a row of (class, weight) cells. Training leaves
//! a few weights that matter and many that barely do; only the cells that matter most are kept
//! and the model retrained on them (see `train-syntax`). Each weight is one of 256 levels of the
//! model's codebook, spaced evenly in the logarithm of the magnitude (a weight is off by at most
//! a few percent; gzip then packs the levels, most of them small, into fewer bits). The file
//! (`data/syntax/model.bin`) holds the tagger, the parser and the label names:
//!
//! ```text
//! "ALSYNTX3"                     magic and version
//! u32 length, bytes              the label names, one per line
//! model × 2                      tagger, parser; each: u32 classes, u32 keys, u32 cells,
//!                                f32 codebook [256], keys [u32], row ends [u32] (the cell
//!                                index after each row), classes [u8; cells], levels [u8; cells]
//! ```
//! All numbers are little-endian.

use super::Scorer;

/// The magic bytes that open a model file.
pub(crate) const MAGIC: &[u8; 8] = b"ALSYNTX3";

/// How many weight levels the codebook has (a byte).
pub(crate) const LEVELS: usize = 256;

/// One linear model, read in place from the model file's bytes.
#[derive(Debug, Clone, Copy)]
pub struct Weights<'m> {
    /// The number of classes (tags or moves).
    pub classes: usize,
    codebook: [f32; LEVELS],
    keys: &'m [u8],
    ends: &'m [u8],
    cell_classes: &'m [u8],
    levels: &'m [u8],
}

/// The tagger's and the parser's weights and the parser's label names.
#[derive(Debug, Clone, Copy)]
pub struct Model<'m> {
    /// The tagger (17 classes, the UPOS tags).
    pub tagger: Weights<'m>,
    /// The parser (1 + 2 × labels classes: shift, then left and right with each label).
    pub parser: Weights<'m>,
    names: &'m str,
}

/// Reads the little-endian u32 at word `i` of `bytes` (0 past the end).
#[inline(always)]
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    match bytes.get(4 * i..4 * i + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// A cursor over the model file's sections.
struct Reader<'m> {
    bytes: &'m [u8],
}

impl<'m> Reader<'m> {
    fn take(&mut self, n: usize) -> Result<&'m [u8], String> {
        if n > self.bytes.len() {
            return Err(format!("the syntax model ends early: {n} bytes wanted, {} left", self.bytes.len()));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32_at(self.take(4)?, 0))
    }

    fn weights(&mut self) -> Result<Weights<'m>, String> {
        let classes = self.u32()? as usize;
        let keys = self.u32()? as usize;
        let cells = self.u32()? as usize;
        if classes == 0 || classes > 256 {
            return Err(format!("the syntax model has {classes} classes"));
        }
        let mut codebook = [0f32; LEVELS];
        for level in &mut codebook {
            *level = f32::from_bits(self.u32()?);
        }
        Ok(Weights {
            classes,
            codebook,
            keys: self.take(4 * keys)?,
            ends: self.take(4 * keys)?,
            cell_classes: self.take(cells)?,
            levels: self.take(cells)?,
        })
    }
}

impl<'m> Model<'m> {
    /// Reads a model file's sections (no copying: the model points into `bytes`).
    pub fn read(bytes: &'m [u8]) -> Result<Model<'m>, String> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a syntax model file (bad magic)".to_string());
        }
        let n = r.u32()? as usize;
        let names = std::str::from_utf8(r.take(n)?).map_err(|_| "the syntax model's labels are not UTF-8".to_string())?;
        let tagger = r.weights()?;
        let parser = r.weights()?;
        if !r.bytes.is_empty() {
            return Err(format!("the syntax model has {} bytes after its end", r.bytes.len()));
        }
        Ok(Model { tagger, parser, names })
    }

    /// The parser's label names, by index.
    pub fn label_names(&self) -> impl Iterator<Item = &'m str> {
        self.names.lines()
    }
}

impl Weights<'_> {
    /// The number of feature keys.
    pub fn len(&self) -> usize {
        self.keys.len() / 4
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The row index of `key`, found by interpolation over the uniform sorted keys.
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        let (mut lo, mut hi) = (0usize, n - 1);
        let (mut klo, mut khi) = (u32_at(self.keys, lo), u32_at(self.keys, hi));
        while lo <= hi && key >= klo && key <= khi {
            let span = u64::from(khi - klo);
            let at = if span == 0 { lo } else { lo + ((u64::from(key - klo) * (hi - lo) as u64) / span) as usize };
            let k = u32_at(self.keys, at);
            if k == key {
                return Some(at);
            }
            if k < key {
                lo = at + 1;
                klo = u32_at(self.keys, lo);
            } else {
                if at == 0 {
                    return None;
                }
                hi = at - 1;
                khi = u32_at(self.keys, hi);
            }
        }
        None
    }
}

impl Scorer for Weights<'_> {
    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        for &k in keys {
            let Some(row) = self.find(k) else { continue };
            let start = if row == 0 { 0 } else { u32_at(self.ends, row - 1) as usize };
            let end = u32_at(self.ends, row) as usize;
            let (Some(cs), Some(ls)) = (self.cell_classes.get(start..end), self.levels.get(start..end)) else { continue };
            for (&class, &level) in cs.iter().zip(ls) {
                if let Some(s) = scores.get_mut(class as usize) {
                    *s += self.codebook[level as usize];
                }
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

    /// Gives each weight of `rows` the nearest of 256 levels, 128 a sign, spaced evenly in the
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
        out.extend(q.rows.iter().flat_map(|(_, r)| r.iter().map(|&(c, _)| c)));
        out.extend(q.rows.iter().flat_map(|(_, r)| r.iter().map(|&(_, l)| l)));
    }

    /// The bytes of a model file.
    pub fn file(labels: &[String], tagger: &Quantised, parser: &Quantised) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let names = labels.join("\n");
        out.extend_from_slice(&(names.len() as u32).to_le_bytes());
        out.extend_from_slice(names.as_bytes());
        weights(tagger, &mut out);
        weights(parser, &mut out);
        out
    }
}
