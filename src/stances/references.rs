//! References: the actor a pronoun ("he", "it", "they") or a description ("the company", "the
//! senator") stands for, when the text leaves no doubt, and nothing otherwise: a stance given
//! to the wrong holder costs more than a stance not shown.
//!
//! The interface is one function, [`resolve`]: where the reference stands, which kinds of actor
//! it may stand for, and the holders of the stances read just before it; it answers an actor or
//! nothing. The actors stage may take it over for its own clustering of references (issue 17).
//!
//! Rules, in order:
//! - **one candidate nearby**: only one actor of a fitting kind is named in this sentence and the
//!   one before ("Smith met the board. He said ...": Smith), or in the whole reach ("Acme
//!   Corporation cut jobs. The company said ...": Acme);
//! - **subjects first**: among several, the holder of the latest stance of a fitting kind, the
//!   subject a reader carries on ("Obama met Putin. He said ...": Obama);
//! - otherwise **no one**: never merely the last name seen ("Obama spoke of Putin's plan. The
//!   president ..." with no stance before it: no holder).

use crate::actors::{ActorKind, Cast};
use crate::lexicon::{DESCRIBES_COUNTRY, DESCRIBES_GROUP, DESCRIBES_ORGANIZATION, DESCRIBES_PERSON};

/// Sentences back (besides its own) in which a lone candidate is certain.
const NEARBY: usize = 1;

/// A pronoun or description to resolve.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reference {
    /// Byte offset where it stands; only actors named before it count.
    pub pos: usize,
    /// Its sentence.
    pub sentence: usize,
    /// How many sentences back it may reach.
    pub reach: usize,
    /// The kinds of actor it may stand for (bits of `lexicon::DESCRIBES_*`).
    pub kinds: u8,
}

/// The actor `r` stands for, if certain. `recent_holders`: the holders of the stances read before
/// it within its reach, in text order (the latest last).
pub(crate) fn resolve(cast: &Cast, r: Reference, recent_holders: &[usize]) -> Option<usize> {
    let fits = |a: usize| cast.actors.get(a).is_some_and(|x| describes(r.kinds, x.kind));
    let upto = cast.mentions.partition_point(|m| m.start < r.pos);
    let candidates_within = |reach: usize| {
        let mut out: Vec<usize> = Vec::new();
        for m in cast.mentions[..upto].iter().rev().take_while(|m| m.sentence + reach >= r.sentence) {
            if !m.reference && fits(m.actor) && !out.contains(&m.actor) {
                out.push(m.actor);
            }
        }
        out
    };
    if let [only] = candidates_within(NEARBY.min(r.reach)).as_slice() {
        return Some(*only);
    }
    let candidates = candidates_within(r.reach);
    match candidates.as_slice() {
        [] => None,
        [only] => Some(*only),
        _ => recent_holders.iter().rev().copied().find(|&a| fits(a) && candidates.contains(&a)),
    }
}

/// Whether an actor of `kind` fits a reference of `kinds` (bits of `lexicon::DESCRIBES_*`).
pub(crate) fn describes(kinds: u8, kind: ActorKind) -> bool {
    let bit = match kind {
        ActorKind::Person => DESCRIBES_PERSON,
        ActorKind::Organization => DESCRIBES_ORGANIZATION,
        ActorKind::Group => DESCRIBES_GROUP,
        ActorKind::Country => DESCRIBES_COUNTRY,
        ActorKind::Place => 0,
    };
    kinds & bit != 0
}
