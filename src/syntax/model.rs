//! The shipped weights: pruned, quantised and laid out so the widget uses them in place, with
//! nothing to parse, hash or decode when the page starts.
//!
//! A model is its feature keys, sorted (uniform 32-bit hashes, so a key is found by
//! interpolation in a few probes), and per key a row of (class, weight) pairs, the weights as
//! signed bytes times the model's scale. The file (`data/syntax/model.bin`, written by
//! `train-syntax`) holds the tagger, the parser and the label names:
//!
//! ```text
//! "ALSYNTX1"                              magic and version
//! u32 length, bytes                       the label names, one per line
//! model (tagger), model (parser)          each: u32 classes, u32 keys, u32 cells, f32 scale,
//!                                         keys [u32], row ends [u32] (cell index after each row),
//!                                         classes [u8; cells], weights [i8; cells]
//! ```
//! All numbers are little-endian.

use super::Scorer;

/// The magic bytes that open a model file.
pub(crate) const MAGIC: &[u8; 8] = b"ALSYNTX1";

/// One linear model, read in place from the model file's bytes.
#[derive(Debug, Clone, Copy)]
pub struct Weights<'m> {
    /// The number of classes (tags or moves).
    pub classes: usize,
    keys: &'m [u8],
    ends: &'m [u8],
    cell_classes: &'m [u8],
    cell_weights: &'m [u8],
    scale: f32,
}

/// The tagger's and the parser's weights and the parser's label names.
#[derive(Debug, Clone, Copy)]
pub struct Model<'m> {
    /// The tagger's weights (17 classes, the UPOS tags).
    pub tagger: Weights<'m>,
    /// The parser's weights (1 + 2 × labels classes: shift, then left and right per label).
    pub parser: Weights<'m>,
    labels: &'m str,
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
        let scale = f32::from_bits(self.u32()?);
        if classes == 0 || classes > 256 {
            return Err(format!("the syntax model has {classes} classes"));
        }
        Ok(Weights {
            classes,
            keys: self.take(4 * keys)?,
            ends: self.take(4 * keys)?,
            cell_classes: self.take(cells)?,
            cell_weights: self.take(cells)?,
            scale,
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
        let labels = std::str::from_utf8(r.take(n)?).map_err(|_| "the syntax model's labels are not UTF-8".to_string())?;
        let tagger = r.weights()?;
        let parser = r.weights()?;
        if !r.bytes.is_empty() {
            return Err(format!("the syntax model has {} bytes after its end", r.bytes.len()));
        }
        Ok(Model { tagger, parser, labels })
    }

    /// The parser's label names, by index.
    pub fn labels(&self) -> impl Iterator<Item = &'m str> {
        self.labels.lines()
    }
}

impl Weights<'_> {
    /// The number of feature keys.
    pub fn len(&self) -> usize {
        self.keys.len() / 4
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
            let (Some(cs), Some(ws)) = (self.cell_classes.get(start..end), self.cell_weights.get(start..end)) else { continue };
            for (&c, &w) in cs.iter().zip(ws) {
                if let Some(s) = scores.get_mut(c as usize) {
                    *s += f32::from(w as i8) * self.scale;
                }
            }
        }
    }
}

/// Writing model files, for the trainer.
#[cfg(feature = "train")]
pub mod write {
    use super::MAGIC;

    /// A model ready to write: per key (sorted), its (class, quantised weight) pairs.
    pub struct Quantised {
        /// The number of classes.
        pub classes: usize,
        /// The keys, sorted, with their rows.
        pub rows: Vec<(u32, Vec<(u8, i8)>)>,
        /// What a weight of 1 is worth.
        pub scale: f32,
    }

    /// Quantises averaged weights: keeps the `keep` features with the largest weights (by their
    /// largest absolute weight), scales weights so the largest is 127, and drops cells that
    /// round to 0.
    pub fn quantise(classes: usize, rows: &std::collections::HashMap<u32, Vec<(u16, f32)>>, keep: usize) -> Quantised {
        let max = rows.values().flatten().fold(0f32, |m, &(_, w)| m.max(w.abs())).max(1e-9);
        let scale = max / 127.0;
        let importance = |row: &[(u16, f32)]| row.iter().fold(0f32, |m, &(_, w)| m.max(w.abs()));
        let mut ranked: Vec<(f32, u32)> = rows.iter().map(|(&k, row)| (importance(row), k)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let min_weight = ranked.get(keep.min(ranked.len()).saturating_sub(1)).map_or(0.0, |r| r.0);
        let kept: std::collections::HashSet<u32> = ranked.iter().take(keep).map(|r| r.1).collect();
        let _ = min_weight;
        let mut out: Vec<(u32, Vec<(u8, i8)>)> = rows
            .iter()
            .filter(|(k, _)| kept.contains(k))
            .map(|(&k, row)| {
                let mut cells: Vec<(u8, i8)> = row
                    .iter()
                    .map(|&(c, w)| (c as u8, (w / scale).round().clamp(-127.0, 127.0) as i8))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                cells.sort();
                (k, cells)
            })
            .filter(|(_, cells)| !cells.is_empty())
            .collect();
        out.sort_by_key(|&(k, _)| k);
        Quantised { classes, rows: out, scale }
    }

    fn weights(q: &Quantised, out: &mut Vec<u8>) {
        let cells: usize = q.rows.iter().map(|(_, r)| r.len()).sum();
        for v in [q.classes as u32, q.rows.len() as u32, cells as u32, q.scale.to_bits()] {
            out.extend_from_slice(&v.to_le_bytes());
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
        out.extend(q.rows.iter().flat_map(|(_, r)| r.iter().map(|&(_, w)| w as u8)));
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
