//! The dependency parser: the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
//! 2011), read greedily with a linear model over hashed features of the stack, the buffer and
//! the children found so far (the templates of Zhang and Nivre 2011, fitted to arc-hybrid).
//!
//! A state is a stack of words waiting for their head and a buffer of words still to read; the
//! root stands after the last word. Three moves build the tree:
//! - SHIFT pushes the buffer's first word;
//! - LEFT(l) pops the stack's top and gives it the buffer's first word as head ("Israel ← urged");
//! - RIGHT(l) pops the top and gives it the word below it as head ("urged → Israel").
//!
//! "Foley's killing prompted a response from Obama": the parse makes "Foley" the `nmod:poss` of
//! "killing" and "Obama" an `obl` of "prompted", so no stage reads Foley as the one who acts.

use super::atoms::{key, mix, Atoms, Keys};
use super::tagger::argmax;
use super::Scorer;

/// No word: a head not yet given, a child not there.
pub(crate) const NONE: u16 = u16::MAX;

/// The transitions, as classes of the move model: SHIFT 0, LEFT 1, RIGHT 2. The label of the
/// arc a LEFT or RIGHT makes is chosen after it, by the label model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Left,
    Right,
}

/// The number of moves (classes of the move model).
pub(crate) const MOVES: usize = 3;

impl Move {
    /// The move of model class `c`.
    pub fn of_class(c: usize) -> Move {
        match c {
            0 => Move::Shift,
            1 => Move::Left,
            _ => Move::Right,
        }
    }
}

/// A parser state over a sentence of `n` words (the root is word `n`).
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub n: usize,
    pub stack: Vec<u16>,
    /// The buffer's first word (`n`: only the root is left).
    pub b: usize,
    pub heads: Vec<u16>,
    pub labels: Vec<u8>,
    /// Per word, its outermost and second outermost children on each side, the number of
    /// children on each side and the set of their labels (bit l for label l < 64).
    left: Vec<[u16; 2]>,
    right: Vec<[u16; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n],
            labels: vec![0; n],
            left: vec![[NONE; 2]; n + 1],
            right: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    /// Whether the tree is built: the stack is empty and only the root is left.
    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// Whether `m` may be made now. The root takes exactly one child, when that child is the
    /// stack's only word.
    pub fn is_valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.b < self.n,
            Move::Left => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// The arc (head, dependent) that move `m` makes, if it makes one.
    pub fn arc(&self, m: Move) -> Option<(usize, usize)> {
        let s0 = *self.stack.last()? as usize;
        match m {
            Move::Shift => None,
            Move::Left => Some((self.b, s0)),
            Move::Right => Some((self.stack_at(1)?, s0)),
        }
    }

    /// Makes move `m` (which must be valid), giving the arc it makes label `label`.
    pub fn apply(&mut self, m: Move, label: u8) {
        if m == Move::Shift {
            self.stack.push(self.b as u16);
            self.b += 1;
        } else if let Some((head, dep)) = self.arc(m) {
            self.stack.pop();
            self.attach(head, dep, label);
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u8) {
        self.heads[dep] = head as u16;
        self.labels[dep] = label;
        let bit = 1u64 << (label & 63);
        if dep < head {
            // Left children come nearest first: the new one is the outermost.
            self.left[head] = [dep as u16, self.left[head][0]];
            self.n_left[head] = self.n_left[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            self.right[head] = [dep as u16, self.right[head][0]];
            self.n_right[head] = self.n_right[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
    }

    pub fn stack_at(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i] as usize)
    }
}

/// A word of the sentence as the parser's features see it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    word: u64,
    tag: u64,
    label: u64,
}

const NO_WORD: u64 = 0x4e4f_4e45;

/// Appends the feature keys of state `s` over words with `atoms` and `tags` (one more of each
/// for the root).
pub(crate) fn features(s: &State, atoms: &[Atoms], tags: &[u8], out: &mut Keys) {
    let slot = |i: Option<usize>| -> Slot {
        match i {
            Some(i) if i <= s.n => Slot {
                word: atoms.get(i).map_or(NO_WORD, |a| a.lower),
                tag: tags.get(i).map_or(NO_WORD, |&t| u64::from(t)),
                label: s.labels.get(i).map_or(NO_WORD, |&l| u64::from(l) + 1) * u64::from(s.heads.get(i).is_some_and(|&h| h != NONE)),
            },
            _ => Slot { word: NO_WORD, tag: NO_WORD, label: NO_WORD },
        }
    };
    let child = |i: Option<usize>, side: &[[u16; 2]], k: usize| -> Option<usize> {
        let c = side.get(i?)?[k];
        (c != NONE).then_some(c as usize)
    };
    let (i_s0, i_s1, i_s2) = (s.stack_at(0), s.stack_at(1), s.stack_at(2));
    let i_n0 = Some(s.b);
    let next = |k: usize| (s.b + k <= s.n).then_some(s.b + k);
    let (s0, s1, s2) = (slot(i_s0), slot(i_s1), slot(i_s2));
    let (n0, n1, n2) = (slot(i_n0), slot(next(1)), slot(next(2)));
    let s0l = slot(child(i_s0, &s.left, 0));
    let s0l2 = slot(child(i_s0, &s.left, 1));
    let s0r = slot(child(i_s0, &s.right, 0));
    let s0r2 = slot(child(i_s0, &s.right, 1));
    let n0l = slot(child(i_n0, &s.left, 0));
    let n0l2 = slot(child(i_n0, &s.left, 1));
    let s1r = slot(child(i_s1, &s.right, 0));
    let s1l = slot(child(i_s1, &s.left, 0));
    let dist = |a: Option<usize>, b: Option<usize>| -> u64 {
        match (a, b) {
            (Some(a), Some(b)) => match b.abs_diff(a) {
                d @ 0..=4 => d as u64,
                5..=7 => 5,
                _ => 6,
            },
            _ => 7,
        }
    };
    let d_s0n0 = dist(i_s0, i_n0);
    let d_s1s0 = dist(i_s1, i_s0);
    let count = |v: &[u8], i: Option<usize>| -> u64 { i.and_then(|i| v.get(i)).map_or(99, |&c| u64::from(c)) };
    let labels = |v: &[u64], i: Option<usize>| -> u64 { i.and_then(|i| v.get(i)).map_or(1 << 63, |&c| c) };
    let (s0_vl, s0_vr, n0_vl, s1_vr) = (count(&s.n_left, i_s0), count(&s.n_right, i_s0), count(&s.n_left, i_n0), count(&s.n_right, i_s1));
    let (s0_ll, s0_rl, n0_ll, s1_rl) =
        (labels(&s.left_labels, i_s0), labels(&s.right_labels, i_s0), labels(&s.left_labels, i_n0), labels(&s.right_labels, i_s1));
    let mut t = 0u64;
    let mut f = |values: &[u64]| {
        t += 1;
        let h = values.iter().fold(mix(0x7061_7273, t), |h, &v| mix(h, v));
        out.push(key(h));
    };
    // bias
    f(&[]);
    // single words
    f(&[s0.word]);
    f(&[s0.tag]);
    f(&[s0.word, s0.tag]);
    f(&[n0.word]);
    f(&[n0.tag]);
    f(&[n0.word, n0.tag]);
    f(&[n1.word]);
    f(&[n1.tag]);
    f(&[n1.word, n1.tag]);
    f(&[n2.word]);
    f(&[n2.tag]);
    f(&[s1.word]);
    f(&[s1.tag]);
    f(&[s1.word, s1.tag]);
    f(&[s2.tag]);
    f(&[s2.word]);
    // children
    f(&[s0l.word]);
    f(&[s0l.tag]);
    f(&[s0l.label]);
    f(&[s0r.word]);
    f(&[s0r.tag]);
    f(&[s0r.label]);
    f(&[n0l.word]);
    f(&[n0l.tag]);
    f(&[n0l.label]);
    f(&[s1r.tag, s1r.label]);
    f(&[s1l.tag, s1l.label]);
    // pairs (a word with the other's tag: the pairs of two words made five times the features
    // for little weight)
    f(&[s0.word, s0.tag, n0.tag]);
    f(&[s0.tag, n0.word, n0.tag]);
    f(&[s0.tag, n0.tag]);
    f(&[n0.tag, n1.tag]);
    f(&[s1.tag, s0.tag]);
    f(&[s1.tag, s0.word]);
    f(&[s1.word, s0.tag]);
    // triples of tags
    f(&[n0.tag, n1.tag, n2.tag]);
    f(&[s0.tag, n0.tag, n1.tag]);
    f(&[s1.tag, s0.tag, n0.tag]);
    f(&[s0.tag, s0l.tag, n0.tag]);
    f(&[s0.tag, s0r.tag, n0.tag]);
    f(&[s0.tag, n0.tag, n0l.tag]);
    f(&[s0.tag, s0l.tag, s0l2.tag]);
    f(&[s0.tag, s0r.tag, s0r2.tag]);
    f(&[n0.tag, n0l.tag, n0l2.tag]);
    f(&[s1.tag, s0.tag, s0l.tag]);
    f(&[s1.tag, s0.tag, s0r.tag]);
    f(&[s1.tag, s1r.tag, s0.tag]);
    f(&[s2.tag, s1.tag, s0.tag]);
    // distance
    f(&[s0.tag, d_s0n0]);
    f(&[n0.tag, d_s0n0]);
    f(&[s0.tag, n0.tag, d_s0n0]);
    f(&[s1.tag, s0.tag, d_s1s0]);
    // valency
    f(&[s0.word, s0_vr]);
    f(&[s0.tag, s0_vr]);
    f(&[s0.word, s0_vl]);
    f(&[s0.tag, s0_vl]);
    f(&[n0.word, n0_vl]);
    f(&[n0.tag, n0_vl]);
    f(&[s1.tag, s1_vr]);
    // label sets
    f(&[s0.word, s0_rl]);
    f(&[s0.tag, s0_rl]);
    f(&[s0.word, s0_ll]);
    f(&[s0.tag, s0_ll]);
    f(&[n0.word, n0_ll]);
    f(&[n0.tag, n0_ll]);
    f(&[s1.tag, s1_rl]);
    // second children
    f(&[s0l2.tag, s0l2.label]);
    f(&[s0r2.tag, s0r2.label]);
    f(&[n0l2.tag, n0l2.label]);
    // the words between: right after s0 and right before n0 ("said , adding" vs "said adding")
    let after_s0 = slot(i_s0.map(|i| i + 1).filter(|&i| i < s.b));
    let before_n0 = slot(s.b.checked_sub(1).filter(|&i| i_s0.is_some_and(|s0| i > s0)));
    f(&[s0.tag, after_s0.tag, n0.tag]);
    f(&[s0.tag, before_n0.tag, n0.tag]);
}

/// Appends the feature keys for labelling the arc `head` → `dep` in state `s` (before the arc
/// is made): the two words, their tags, the direction and distance, the dependent's children
/// (a "by" child marks an agent) and the head's ("urged" with a subject already).
pub(crate) fn label_features(s: &State, head: usize, dep: usize, atoms: &[Atoms], tags: &[u8], out: &mut Keys) {
    let word = |i: usize| atoms.get(i).map_or(NO_WORD, |a| a.lower);
    let tag = |i: usize| tags.get(i).map_or(NO_WORD, |&t| u64::from(t));
    let child = |i: usize, side: &[[u16; 2]]| side.get(i).map_or(NONE, |c| c[0]);
    let (hw, ht, dw, dt) = (word(head), tag(head), word(dep), tag(dep));
    let dir = u64::from(head < dep);
    let dist = match head.abs_diff(dep) {
        d @ 0..=3 => d as u64,
        4..=6 => 4,
        _ => 5,
    };
    let dl = child(dep, &s.left);
    let dr = child(dep, &s.right);
    let (dlw, dlt) = (word(dl as usize), tag(dl as usize));
    let drt = tag(dr as usize);
    let d_ll = s.left_labels.get(dep).copied().unwrap_or(0);
    let d_rl = s.right_labels.get(dep).copied().unwrap_or(0);
    let h_ll = s.left_labels.get(head).copied().unwrap_or(0);
    let h_rl = s.right_labels.get(head).copied().unwrap_or(0);
    let next_t = tag(dep + 1);
    let prev_t = if dep > 0 { tag(dep - 1) } else { NO_WORD };
    let mut t = 0u64;
    let mut f = |values: &[u64]| {
        t += 1;
        let h = values.iter().fold(mix(0x6c61_6265_6c, t), |h, &v| mix(h, v));
        out.push(key(h));
    };
    f(&[]);
    f(&[dir]);
    f(&[dt, dir]);
    f(&[dw, dir]);
    f(&[dw, dt, dir]);
    f(&[ht, dir]);
    f(&[hw, dir]);
    f(&[ht, dt, dir]);
    f(&[hw, dt, dir]);
    f(&[ht, dw, dir]);
    f(&[hw, dw, dir]);
    f(&[ht, dt, dir, dist]);
    f(&[dt, dlw, dir]);
    f(&[dt, dlt, ht, dir]);
    f(&[dt, drt, dir]);
    f(&[dt, d_ll, dir]);
    f(&[dt, d_rl, dir]);
    f(&[ht, h_ll, dt, dir]);
    f(&[ht, h_rl, dt, dir]);
    f(&[dt, next_t, dir]);
    f(&[dt, prev_t, dir]);
    f(&[hw, dlw, dir]);
}

/// The label of the arc `head` → `dep`: the root label for the root's child, else the best of
/// the others.
pub(crate) fn label(
    model: &impl Scorer,
    s: &State,
    head: usize,
    dep: usize,
    root: u8,
    atoms: &[Atoms],
    tags: &[u8],
    feats: &mut Keys,
    scores: &mut [f32],
) -> u8 {
    if head >= s.n {
        return root;
    }
    feats.clear();
    label_features(s, head, dep, atoms, tags, feats);
    scores.fill(0.0);
    model.score(feats, scores);
    argmax(scores, |l| l != root as usize) as u8
}

/// Parses a tagged sentence: fills `s` (a new state over `atoms.len() - 1` words; the last atom
/// is the root's) greedily with the best valid move each time, each arc labelled as it is made.
pub(crate) fn parse(moves: &impl Scorer, labels: &impl Scorer, n_labels: usize, root: u8, atoms: &[Atoms], tags: &[u8], s: &mut State) {
    let mut feats = Keys::default();
    let mut scores = [0f32; MOVES];
    let mut label_scores = vec![0f32; n_labels];
    while !s.is_final() {
        feats.clear();
        features(s, atoms, tags, &mut feats);
        scores.fill(0.0);
        moves.score(&feats, &mut scores);
        let m = Move::of_class(argmax(&scores, |c| s.is_valid(Move::of_class(c))));
        if !s.is_valid(m) {
            break; // no valid move: cannot happen for a state that is not final
        }
        let l = match s.arc(m) {
            Some((h, d)) => label(labels, s, h, d, root, atoms, tags, &mut feats, &mut label_scores),
            None => 0,
        };
        s.apply(m, l);
    }
}
