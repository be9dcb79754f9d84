//! Training the tagger and the parser from a treebank (UD English EWT): averaged perceptrons,
//! the parser taught by a dynamic oracle (Goldberg and Nivre 2012, 2013) so it learns to go on
//! well from its own mistakes, on tags predicted by taggers that never saw the sentence
//! (jack-knifing), as the tags it will meet at run time are predicted too.
//!
//! Only `src/bin/train-syntax.rs` uses this module (cargo feature `train`); the widget ships the
//! weights it writes, pruned and quantised by [`super::model::write`].

use std::collections::HashMap;

use super::atoms::{Atoms, Keys};
use super::conllu::ConlluSentence;
use super::model::bucket;
use super::parser::{self, Move, State, MOVES};
use super::tagger::{self, argmax, UPOS};
use super::Scorer;

/// A small deterministic random number generator (xorshift64*), so a training run with the same
/// seed gives the same weights.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Shuffles `v` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// One weight of the perceptron with what averaging needs: the sum of its past values and when
/// it last changed.
#[derive(Debug, Clone, Copy)]
struct Cell {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// An averaged perceptron over hashed feature keys with sparse rows.
pub struct Perceptron {
    /// The number of classes.
    pub classes: usize,
    rows: HashMap<u32, Vec<Cell>>,
    /// Per feature key, how many times it was seen in an update.
    pub seen: HashMap<u32, u32>,
    clock: u64,
    /// When retraining a pruned model: per feature key, the classes (bit c) it may weigh.
    allowed: Option<HashMap<u32, u128>>,
}

impl Scorer for Perceptron {
    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        for k in keys {
            if let Some(row) = self.rows.get(k) {
                for c in row {
                    scores[c.class as usize] += c.weight;
                }
            }
        }
    }
}

impl Perceptron {
    /// An empty perceptron over `classes` classes.
    pub fn new(classes: usize) -> Perceptron {
        Perceptron { classes, rows: HashMap::new(), seen: HashMap::new(), clock: 0, allowed: None }
    }

    /// Lets only the cells of `allowed` (per key, a bit per class) take weights: retraining a
    /// pruned model, whose kept weights then make up for the ones dropped.
    pub fn restrict(&mut self, allowed: Option<HashMap<u32, u128>>) {
        self.allowed = allowed;
    }

    /// Counts one decision (averaging weighs each weight by the decisions it stood for).
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves the weights toward `truth` and away from `guess` for features `keys`.
    pub fn update(&mut self, keys: &[u32], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let clock = self.clock;
        for &k in keys {
            let mask = match &self.allowed {
                None => u128::MAX,
                Some(allowed) => match allowed.get(&k) {
                    Some(&m) => m,
                    None => continue,
                },
            };
            *self.seen.entry(k).or_default() += 1;
            let row = self.rows.entry(k).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                if mask & (1u128 << class) == 0 {
                    continue;
                }
                match row.iter_mut().find(|c| c.class as usize == class) {
                    Some(c) => {
                        c.total += (clock - c.stamp) as f64 * f64::from(c.weight);
                        c.stamp = clock;
                        c.weight += delta;
                    }
                    None => row.push(Cell { class: class as u16, weight: delta, total: 0.0, stamp: clock }),
                }
            }
        }
    }

    /// The averaged weights: each weight's mean over every decision of training.
    pub fn average(&self) -> Averaged {
        let clock = self.clock.max(1);
        let rows = self
            .rows
            .iter()
            .map(|(&k, row)| {
                let avg = row
                    .iter()
                    .map(|c| (c.class, ((c.total + (clock - c.stamp) as f64 * f64::from(c.weight)) / clock as f64) as f32))
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                (k, avg)
            })
            .collect();
        Averaged { classes: self.classes, rows, fired: HashMap::new() }
    }
}

/// Averaged perceptron weights: per feature key, its nonzero (class, weight) pairs.
pub struct Averaged {
    /// The number of classes.
    pub classes: usize,
    /// The weights.
    pub rows: HashMap<u32, Vec<(u16, f32)>>,
    /// Per feature key, how often it fired when the trained model read the training data
    /// (filled by [`count_tagger_features`] and [`count_parser_features`]).
    pub fired: HashMap<u32, u32>,
}

impl Averaged {
    /// The weights and counts as bytes, to compress them later without training again.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut put = |v: u32| out.extend_from_slice(&v.to_le_bytes());
        put(self.classes as u32);
        put(self.rows.len() as u32);
        let mut keys: Vec<&u32> = self.rows.keys().collect();
        keys.sort();
        for k in keys {
            let row = &self.rows[k];
            put(*k);
            put(self.fired.get(k).copied().unwrap_or(0));
            put(row.len() as u32);
            for &(c, w) in row {
                put(u32::from(c));
                put(w.to_bits());
            }
        }
        out
    }

    /// Reads what [`Averaged::to_bytes`] wrote; `at` moves past it.
    pub fn from_bytes(bytes: &[u8], at: &mut usize) -> Result<Averaged, String> {
        let mut get = || -> Result<u32, String> {
            let v = bytes.get(*at..*at + 4).ok_or("the saved weights end early")?;
            *at += 4;
            Ok(u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
        };
        let classes = get()? as usize;
        let n = get()? as usize;
        let (mut rows, mut fired) = (HashMap::with_capacity(n), HashMap::with_capacity(n));
        for _ in 0..n {
            let k = get()?;
            fired.insert(k, get()?);
            let len = get()? as usize;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let c = get()? as u16;
                row.push((c, f32::from_bits(get()?)));
            }
            rows.insert(k, row);
        }
        Ok(Averaged { classes, rows, fired })
    }
}

impl Scorer for Averaged {
    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        for k in keys {
            if let Some(row) = self.rows.get(k) {
                for &(c, w) in row {
                    scores[c as usize] += w;
                }
            }
        }
    }
}

/// A training sentence: forms' atoms (and the root's), gold tags, heads (word `n` is the root)
/// and label indexes.
pub struct Example {
    /// The atoms of each word, then the root's.
    pub atoms: Vec<Atoms>,
    /// The gold UPOS indexes.
    pub tags: Vec<u8>,
    /// The gold heads, 0-based; `n` for the root.
    pub heads: Vec<u16>,
    /// The gold label indexes.
    pub labels: Vec<u8>,
}

/// The label set: labels seen at least `min_count` times in `train`; a rarer one is read as its
/// universal relation if that is in the set ("csubj:pass" → "csubj"), else as "dep".
pub fn label_set(train: &[ConlluSentence], min_count: usize) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in train {
        for w in &s.words {
            *counts.entry(w.deprel.as_str()).or_default() += 1;
        }
    }
    let mut labels: Vec<(&str, usize)> = counts.into_iter().filter(|&(_, c)| c >= min_count).collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out: Vec<String> = labels.into_iter().map(|(l, _)| l.to_string()).collect();
    if !out.iter().any(|l| l == "dep") {
        out.push("dep".to_string());
    }
    out
}

/// The index of `deprel` in `labels`, by the rule of [`label_set`].
pub fn label_index(labels: &[String], deprel: &str) -> u8 {
    let find = |l: &str| labels.iter().position(|x| x == l);
    find(deprel).or_else(|| find(deprel.split(':').next().unwrap_or(deprel))).or_else(|| find("dep")).unwrap_or(0) as u8
}

/// The training examples of `sentences` under `labels`.
pub fn examples(sentences: &[ConlluSentence], labels: &[String]) -> Vec<Example> {
    sentences
        .iter()
        .map(|s| {
            let n = s.words.len();
            let mut atoms: Vec<Atoms> = s.words.iter().map(|w| Atoms::of(&w.form)).collect();
            atoms.push(Atoms::root());
            Example {
                atoms,
                tags: s.words.iter().map(|w| tagger::upos_index(&w.upos).unwrap_or(16)).collect(),
                heads: s.words.iter().map(|w| if w.head == 0 { n as u16 } else { (w.head - 1) as u16 }).collect(),
                labels: s.words.iter().map(|w| label_index(labels, &w.deprel)).collect(),
            }
        })
        .collect()
}

/// Trains a tagger for `epochs` passes over `train` (shuffled with `rng` each pass).
pub fn train_tagger(train: &[&Example], epochs: usize, rng: &mut Rng, allowed: Option<HashMap<u32, u128>>, log: bool) -> Averaged {
    let mut model = Perceptron::new(UPOS.len());
    model.restrict(allowed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Keys::default();
    let (mut first, mut tags) = (Vec::new(), Vec::new());
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &e in &order {
            let ex = train[e];
            let words = &ex.atoms[..ex.atoms.len() - 1];
            // Both passes learn: the first without the tags after the word, the second with the
            // first's.
            learn_pass(&mut model, words, None, &ex.tags, &mut first, &mut feats);
            right += learn_pass(&mut model, words, Some(&first), &ex.tags, &mut tags, &mut feats);
            total += words.len();
        }
        if log {
            eprintln!("  tagger epoch {}: train accuracy {:.2}", epoch + 1, 100.0 * right as f64 / total.max(1) as f64);
        }
    }
    model.average()
}

/// One pass of the tagger over `words` that learns from each word's gold tag in `truth`;
/// returns how many it got right.
fn learn_pass(model: &mut Perceptron, words: &[Atoms], right: Option<&[u8]>, truth: &[u8], out: &mut Vec<u8>, feats: &mut Keys) -> usize {
    out.clear();
    let mut correct = 0;
    for i in 0..words.len() {
        feats.clear();
        tagger::features(words, out, right, i, feats);
        let mut scores = [0f32; UPOS.len()];
        model.score(feats, &mut scores);
        let guess = argmax(&scores, |_| true);
        let t = truth[i] as usize;
        model.update(feats, t, guess);
        model.tick();
        correct += usize::from(guess == t);
        out.push(guess as u8);
    }
    correct
}

/// Tags every example with `model`.
pub fn tag_all(model: &impl Scorer, examples: &[&Example]) -> Vec<Vec<u8>> {
    let mut out = Vec::with_capacity(examples.len());
    for ex in examples {
        let mut tags = Vec::new();
        tagger::tag(model, &ex.atoms[..ex.atoms.len() - 1], &mut tags);
        out.push(tags);
    }
    out
}

/// The cost of move `m` in state `s` under the gold tree: how many gold arcs it makes
/// unreachable (arc-hybrid's dynamic oracle, Goldberg and Nivre 2013).
fn cost(s: &State, m: Move, heads: &[u16]) -> usize {
    let n = s.n;
    let gold = |d: usize| heads[d] as usize;
    // Gold dependents of `h` in the buffer (b..n).
    let deps_in_buffer = |h: usize| (s.b..n).filter(|&d| gold(d) == h).count();
    match m {
        Move::Shift => {
            let b = s.b;
            let top = s.stack.last().map(|&x| x as usize);
            let below = s.stack.iter().filter(|&&k| Some(k as usize) != top && gold(b) == k as usize).count();
            let deps = s.stack.iter().filter(|&&d| gold(d as usize) == b).count();
            below + deps
        }
        Move::Left => {
            let Some(&s0) = s.stack.last() else { return usize::MAX };
            let s0 = s0 as usize;
            let h = gold(s0);
            let lost_head = usize::from(Some(h) == s.stack_at(1) || (h > s.b && h <= n));
            lost_head + deps_in_buffer(s0)
        }
        Move::Right => {
            let Some(&s0) = s.stack.last() else { return usize::MAX };
            let s0 = s0 as usize;
            let h = gold(s0);
            let lost_head = usize::from(h >= s.b && h <= n);
            lost_head + deps_in_buffer(s0)
        }
    }
}

/// Parser training settings.
pub struct ParserTraining {
    /// Passes over the data.
    pub epochs: usize,
    /// From this pass on, the parser follows its own (possibly wrong) move with probability
    /// `explore` and learns what is best from where it lands.
    pub explore_from: usize,
    /// See `explore_from`.
    pub explore: f64,
    /// Rows of the hashed move model, or `None` for a keyed one.
    pub move_rows: Option<usize>,
}

/// Replaces each feature key by its row in a hashed table of `rows` rows, as the shipped hashed
/// model reads it.
pub fn to_rows(keys: &mut [u32], rows: Option<usize>) {
    if let Some(rows) = rows {
        for k in keys {
            *k = bucket(*k, rows) as u32;
        }
    }
}

/// A model trained on the rows of a hashed table, scoring feature keys.
pub struct Bucketed<'a, S>(pub &'a S, pub Option<usize>);

impl<S: Scorer> Scorer for Bucketed<'_, S> {
    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        let mut rows = keys.to_vec();
        to_rows(&mut rows, self.1);
        self.0.score(&rows, scores);
    }
}

/// Trains the parser's move and label models on `train` with predicted tags `tags`.
pub fn train_parser(
    train: &[&Example],
    tags: &[Vec<u8>],
    labels: usize,
    root: u8,
    settings: &ParserTraining,
    rng: &mut Rng,
    allowed: (Option<HashMap<u32, u128>>, Option<HashMap<u32, u128>>),
    log: bool,
) -> (Averaged, Averaged) {
    let mut moves = Perceptron::new(MOVES);
    let mut labeller = Perceptron::new(labels);
    moves.restrict(allowed.0);
    labeller.restrict(allowed.1);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Keys::default();
    let mut label_feats = Keys::default();
    let mut label_scores = vec![0f32; labels];
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut labelled, mut total) = (0usize, 0usize, 0usize);
        for &e in &order {
            let ex = train[e];
            let n = ex.tags.len();
            let mut t = tags[e].clone();
            t.push(UPOS.len() as u8); // the root's tag
            let mut s = State::new(n);
            while !s.is_final() {
                feats.clear();
                parser::features(&s, &ex.atoms, &t, &mut feats);
                to_rows(&mut feats, settings.move_rows);
                let mut scores = [0f32; MOVES];
                moves.score(&feats, &mut scores);
                let mut costs = [usize::MAX; MOVES];
                for (c, cost_c) in costs.iter_mut().enumerate() {
                    let m = Move::of_class(c);
                    if s.is_valid(m) {
                        *cost_c = cost(&s, m, &ex.heads);
                    }
                }
                let min_cost = *costs.iter().min().unwrap_or(&0);
                let guess = argmax(&scores, |c| costs[c] != usize::MAX);
                let best = argmax(&scores, |c| costs[c] == min_cost);
                if costs[guess] > min_cost {
                    moves.update(&feats, best, guess);
                }
                moves.tick();
                let explore = epoch >= settings.explore_from && (rng.next() % 1_000_000) as f64 / 1e6 < settings.explore;
                let m = Move::of_class(if explore { guess } else { best });
                // The arc's label: learnt on arcs of the gold tree, kept gold there so the
                // features of later moves see what the labeller should have said.
                let label = match s.arc(m) {
                    Some((h, d)) => {
                        let guess = parser::label(&labeller, &s, h, d, root, &ex.atoms, &t, &mut label_feats, &mut label_scores);
                        if h == ex.heads[d] as usize && h < n {
                            let truth = ex.labels[d];
                            labeller.update(&label_feats, truth as usize, guess as usize);
                            labeller.tick();
                            labelled += usize::from(truth == guess);
                            truth
                        } else {
                            guess
                        }
                    }
                    None => 0,
                };
                s.apply(m, label);
            }
            for d in 0..n {
                right += usize::from(s.heads[d] == ex.heads[d]);
            }
            total += n;
        }
        if log {
            eprintln!(
                "  parser epoch {}: train UAS {:.2}, labels right on gold arcs {:.2}",
                epoch + 1,
                100.0 * right as f64 / total.max(1) as f64,
                100.0 * labelled as f64 / right.max(1) as f64
            );
        }
    }
    (moves.average(), labeller.average())
}

/// Accuracy figures over a treebank, in percent of words (punctuation included, as `score.py
/// syntax` counts): UPOS, unlabelled and labelled attachment (LAS on the universal relation).
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    /// Part-of-speech accuracy.
    pub upos: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score, on the relation before any ":" subtype.
    pub las: f64,
}

/// Tags and parses `data` with the given models and scores the result against its gold.
pub fn evaluate(
    tagger_model: &impl Scorer,
    moves: &impl Scorer,
    label_model: &impl Scorer,
    labels: &[String],
    data: &[ConlluSentence],
) -> Scores {
    let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
    let (mut n, mut upos, mut uas, mut las) = (0usize, 0usize, 0usize, 0usize);
    for s in data {
        let mut atoms: Vec<Atoms> = s.words.iter().map(|w| Atoms::of(&w.form)).collect();
        let p = super::parse_with(tagger_model, moves, label_model, labels.len(), root, &mut atoms);
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += usize::from(UPOS.get(p.tags[i] as usize) == Some(&w.upos.as_str()));
            let head = p.heads[i].map_or(0, |h| h as usize + 1);
            if head == w.head {
                uas += 1;
                let rel = if head == 0 { "root" } else { labels.get(p.labels[i] as usize).map_or("dep", String::as_str) };
                las += usize::from(rel.split(':').next() == w.deprel.split(':').next());
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    Scores { upos: pct(upos), uas: pct(uas), las: pct(las) }
}

/// Counts how often each feature fires when the trained tagger tags the training data.
pub fn count_tagger_features(model: &mut Averaged, train: &[&Example]) {
    let mut feats = Keys::default();
    let mut fired: HashMap<u32, u32> = HashMap::new();
    for ex in train {
        let words = &ex.atoms[..ex.atoms.len() - 1];
        let mut first = Vec::new();
        tagger::pass(model, words, None, &mut first);
        let mut tags = Vec::new();
        for (right, out) in [(None, &mut Vec::new()), (Some(first.as_slice()), &mut tags)] {
            for i in 0..words.len() {
                feats.clear();
                tagger::features(words, out, right, i, &mut feats);
                let mut scores = [0f32; UPOS.len()];
                model.score(&feats, &mut scores);
                for &k in feats.iter() {
                    *fired.entry(k).or_default() += 1;
                }
                out.push(argmax(&scores, |_| true) as u8);
            }
        }
    }
    model.fired = fired;
}

/// Counts how often each feature fires when the trained parser parses the training data (with
/// the jack-knifed tags), for its move and its label model.
pub fn count_parser_features(
    moves: &mut Averaged,
    label_model: &mut Averaged,
    move_rows: Option<usize>,
    train: &[&Example],
    tags: &[Vec<u8>],
    root: u8,
) {
    let (mut fired, mut label_fired): (HashMap<u32, u32>, HashMap<u32, u32>) = (HashMap::new(), HashMap::new());
    let mut feats = Keys::default();
    let mut label_feats = Keys::default();
    let mut label_scores = vec![0f32; label_model.classes];
    for (ex, t) in train.iter().zip(tags) {
        let n = ex.tags.len();
        let mut t = t.clone();
        t.push(UPOS.len() as u8);
        let mut s = State::new(n);
        while !s.is_final() {
            feats.clear();
            parser::features(&s, &ex.atoms, &t, &mut feats);
            to_rows(&mut feats, move_rows);
            let mut scores = [0f32; MOVES];
            moves.score(&feats, &mut scores);
            for &k in feats.iter() {
                *fired.entry(k).or_default() += 1;
            }
            let m = Move::of_class(argmax(&scores, |c| s.is_valid(Move::of_class(c))));
            let label = match s.arc(m) {
                Some((h, d)) => {
                    let l = parser::label(label_model, &s, h, d, root, &ex.atoms, &t, &mut label_feats, &mut label_scores);
                    for &k in label_feats.iter() {
                        *label_fired.entry(k).or_default() += 1;
                    }
                    l
                }
                None => 0,
            };
            s.apply(m, label);
        }
    }
    moves.fired = fired;
    label_model.fired = label_fired;
}

/// What `model` scores like after keeping its `keep` most important cells (as
/// [`super::model::write::quantise`] ranks them) and rounding each weight to the nearest of
/// `2^bits` levels spaced evenly in the logarithm (`bits` 0: no rounding): for choosing the
/// shipped model's size.
pub fn simulate(model: &Averaged, keep: usize, bits: u32) -> Averaged {
    let mut cells: Vec<(f32, u32, u16, f32)> = model
        .rows
        .iter()
        .flat_map(|(&k, row)| {
            let f = (model.fired.get(&k).copied().unwrap_or(0) as f32 + 1.0).sqrt();
            row.iter().map(move |&(c, w)| (w.abs() * f, k, c, w))
        })
        .collect();
    cells.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    cells.truncate(keep);
    let mut mags: Vec<f32> = cells.iter().map(|c| c.3.abs()).filter(|&m| m > 0.0).collect();
    mags.sort_by(f32::total_cmp);
    let lo = mags.get(mags.len() / 50).copied().unwrap_or(1.0).max(1e-6);
    let hi = mags.last().copied().unwrap_or(1.0).max(lo);
    let steps = if bits == 0 { 0 } else { (1u32 << (bits - 1)) - 1 };
    let round = |w: f32| -> f32 {
        if steps == 0 || w == 0.0 {
            return w;
        }
        let t = ((w.abs().max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln()) * steps as f32).round();
        w.signum() * lo * (hi / lo).powf(t / steps as f32)
    };
    let mut rows: HashMap<u32, Vec<(u16, f32)>> = HashMap::new();
    for &(_, k, c, w) in &cells {
        rows.entry(k).or_default().push((c, round(w)));
    }
    Averaged { classes: model.classes, rows, fired: model.fired.clone() }
}

/// The `keep` most important cells of `model` (as [`simulate`] ranks them), per key a bit per
/// class: what a pruned model may retrain.
pub fn top_cells(model: &Averaged, keep: usize) -> HashMap<u32, u128> {
    let mut cells: Vec<(f32, u32, u16)> = model
        .rows
        .iter()
        .flat_map(|(&k, row)| {
            let f = (model.fired.get(&k).copied().unwrap_or(0) as f32 + 1.0).sqrt();
            row.iter().map(move |&(c, w)| (w.abs() * f, k, c))
        })
        .collect();
    cells.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out: HashMap<u32, u128> = HashMap::new();
    for &(_, k, c) in cells.iter().take(keep) {
        *out.entry(k).or_default() |= 1u128 << c;
    }
    out
}

/// The tagger's UPOS accuracy on `data`, in percent.
pub fn tag_accuracy(model: &impl Scorer, data: &[ConlluSentence]) -> f64 {
    let (mut right, mut n) = (0usize, 0usize);
    for s in data {
        let atoms: Vec<Atoms> = s.words.iter().map(|w| Atoms::of(&w.form)).collect();
        let mut tags = Vec::new();
        tagger::tag(model, &atoms, &mut tags);
        for (t, w) in tags.iter().zip(&s.words) {
            right += usize::from(UPOS.get(*t as usize) == Some(&w.upos.as_str()));
            n += 1;
        }
    }
    100.0 * right as f64 / n.max(1) as f64
}

/// Per feature template of the move model (its place in `parser::features`' output), how much
/// the trained weights lean on it: the summed largest absolute weight times firing count of the
/// features it made on the training data, and how many distinct features it made. For choosing
/// the templates worth their weights.
pub fn template_weights(moves: &Averaged, train: &[&Example], tags: &[Vec<u8>]) -> Vec<(f64, usize)> {
    let mut seen: Vec<HashMap<u32, u32>> = Vec::new();
    let mut feats = Keys::default();
    for (ex, t) in train.iter().zip(tags) {
        let n = ex.tags.len();
        let mut t = t.clone();
        t.push(UPOS.len() as u8);
        let mut s = State::new(n);
        while !s.is_final() {
            feats.clear();
            parser::features(&s, &ex.atoms, &t, &mut feats);
            if seen.len() < feats.len() {
                seen.resize_with(feats.len(), HashMap::new);
            }
            for (i, &k) in feats.iter().enumerate() {
                *seen[i].entry(k).or_default() += 1;
            }
            let mut scores = [0f32; MOVES];
            moves.score(&feats, &mut scores);
            let m = Move::of_class(argmax(&scores, |c| s.is_valid(Move::of_class(c))));
            s.apply(m, 1);
        }
    }
    seen.iter()
        .map(|keys| {
            let mass = keys
                .iter()
                .map(|(k, &c)| f64::from(c) * moves.rows.get(k).map_or(0.0, |r| r.iter().fold(0f32, |m, &(_, w)| m.max(w.abs())) as f64))
                .sum();
            (mass, keys.len())
        })
        .collect()
}

/// `sentence` (words split at spaces) with each word's tag: "she/PRON plans/VERB".
pub fn tag_words(model: &impl Scorer, sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let atoms: Vec<Atoms> = words.iter().map(|w| Atoms::of(w)).collect();
    let mut tags = Vec::new();
    tagger::tag(model, &atoms, &mut tags);
    words.iter().zip(&tags).map(|(w, &t)| format!("{w}/{}", UPOS.get(t as usize).unwrap_or(&"X"))).collect::<Vec<_>>().join(" ")
}
