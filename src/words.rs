//! The words of the article, read once for every later stage: each sentence's tokens, and each
//! token's folded form (lower case, apostrophes straightened) as a number, with what the
//! lexicons say of it looked up once per distinct word rather than once per token and stage.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::hash_map::Entry;

use crate::fasthash::{hash_bytes, FastMap};
use crate::lexicon::{self, Alias, Role, StanceClass};
use crate::segment::Sentence;
use crate::text::{fold_into, tokenize_into, Token, TokenKind, WordList, MEMO_SLOTS};
use crate::word_lists::MEMO_LISTS;

/// A distinct folded word of the article.
pub(crate) type WordId = u32;

/// What is known of a word across the article.
#[derive(Debug, Clone, Copy, Default)]
struct WordFacts {
    /// The article writes the word starting in lower case somewhere: a common word, not a name.
    lower_seen: bool,
    /// Its stance class and uses, if it is a stance word.
    stance: Option<(StanceClass, u8)>,
    /// It is the first word of a stance phrase ("cannot accept").
    opens_stance_phrase: bool,
}

/// Every token of the sentences that later stages read (clutter sentences have none).
pub(crate) struct Words<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    /// Per sentence, its tokens: a range of `tokens` and `ids`.
    ranges: Vec<(u32, u32)>,
    /// Per token, its folded word.
    ids: Vec<WordId>,
    /// Per word id, its folded form: the text's own slice when a token of it was folded already
    /// (most words), else a folded copy. Read for nearly every token by every stage, so kept as
    /// a ready `&str`, not a span to slice and check again on each read.
    forms: Vec<Cow<'t, str>>,
    facts: Vec<WordFacts>,
    /// Per word id, what is known of its membership of the memo-slotted word lists: bit `s` is
    /// set once slot `s` was asked about, bit `s + 32` when the list holds the word.
    memo: Vec<Cell<u64>>,
    /// Per word id, its gazetteer alias as a word alone and whether longer aliases start with
    /// it, looked up the first time the actors stage asks (for each capitalised token).
    gazetteer: Vec<Cell<Option<(Option<Alias>, bool)>>>,
    /// Per word id, what it can do in a name as a role word, looked up the first time asked.
    roles: Vec<Cell<Option<Option<Role>>>>,
}

impl<'t> Words<'t> {
    /// Tokenizes and folds the sentences that are not clutter.
    pub fn new(text: &'t str, sentences: &[Sentence]) -> Self {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut ranges = Vec::with_capacity(sentences.len());
        for s in sentences {
            let from = tokens.len() as u32;
            if !s.kind.is_clutter() {
                tokenize_into(text, s.start, s.end, &mut tokens);
            }
            ranges.push((from, tokens.len() as u32));
        }
        let mut words = Words {
            text,
            tokens,
            ranges,
            ids: Vec::new(),
            forms: Vec::new(),
            facts: Vec::new(),
            memo: Vec::new(),
            gazetteer: Vec::new(),
            roles: Vec::new(),
        };
        words.intern();
        words
    }

    /// Gives each token the id of its folded form, and each new form its facts.
    fn intern(&mut self) {
        let mut index: FastMap<u64, WordId> = FastMap::default();
        index.reserve(self.tokens.len() / 3);
        let mut ids = Vec::with_capacity(self.tokens.len());
        let mut buf = String::new();
        let text = self.text;
        for t in &self.tokens {
            // Most tokens repeat a word seen before: they are read as bytes, and sliced as text
            // only when their word is new or must be folded.
            let raw = text.as_bytes().get(t.start..t.end).unwrap_or_default();
            let already_folded = !raw.iter().any(|b| b.is_ascii_uppercase() || !b.is_ascii());
            if !already_folded {
                buf.clear();
                fold_into(&text[t.start..t.end], &mut buf);
            }
            let form = if already_folded { raw } else { buf.as_bytes() };
            let hash = hash_bytes(form);
            // One probe of the index, for a new word too (then it inserts where it looked).
            let id = match index.entry(hash) {
                Entry::Occupied(found) if self.form(*found.get()).as_bytes() == form => *found.get(),
                found => {
                    let id = self.forms.len() as WordId;
                    let form = if already_folded { Cow::Borrowed(&text[t.start..t.end]) } else { Cow::Owned(buf.clone()) };
                    let (stance, opens_stance_phrase) =
                        if t.kind == TokenKind::Word { lexicon::stance_facts(&form) } else { (None, false) };
                    self.facts.push(WordFacts { lower_seen: false, stance, opens_stance_phrase });
                    self.forms.push(form);
                    if let Entry::Vacant(slot) = found {
                        slot.insert(id); // a rare hash collision keeps its first owner
                    }
                    id
                }
            };
            let lower_first = match raw.first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => text[t.start..t.end].chars().next().is_some_and(char::is_lowercase),
            };
            if t.kind == TokenKind::Word && lower_first {
                self.facts[id as usize].lower_seen = true;
            }
            ids.push(id);
        }
        self.ids = ids;
        self.memo = vec![Cell::new(0); self.forms.len()];
        self.gazetteer = vec![Cell::new(None); self.forms.len()];
        self.roles = vec![Cell::new(None); self.forms.len()];
    }

    /// The words of sentence `index` (none for clutter or an index out of range).
    pub fn sentence(&self, index: usize) -> SentenceWords<'_> {
        let (a, b) = self.ranges.get(index).map_or((0, 0), |&(a, b)| (a as usize, b as usize));
        SentenceWords { tokens: &self.tokens[a..b], ids: &self.ids[a..b], words: self }
    }

    /// How many distinct folded words the article has (ids run below it).
    pub fn distinct(&self) -> usize {
        self.forms.len()
    }

    /// The folded form of word `id`.
    pub fn form(&self, id: WordId) -> &str {
        self.forms.get(id as usize).map_or("", |form| form)
    }

    /// Whether the article writes word `id` starting in lower case somewhere.
    pub fn lower_seen(&self, id: WordId) -> bool {
        self.facts.get(id as usize).is_some_and(|f| f.lower_seen)
    }

    /// Word `id`'s gazetteer alias as a word alone, and whether longer aliases start with it.
    pub fn gazetteer(&self, id: WordId) -> (Option<Alias>, bool) {
        let Some(cell) = self.gazetteer.get(id as usize) else { return (None, false) };
        remember(cell, || {
            let form = self.form(id);
            (lexicon::alias(form), lexicon::has_longer(form))
        })
    }

    /// Word `id`'s role in names ([`lexicon::role`]), looked up once per distinct word.
    pub fn role(&self, id: WordId) -> Option<Role> {
        remember(self.roles.get(id as usize)?, || lexicon::role(self.form(id)))
    }

    /// Whether `list` holds word `id`: for a list with a memo slot, looked up once per word, as
    /// the stances stage asks the same few lists about every token.
    pub fn in_list(&self, id: WordId, list: &WordList) -> bool {
        let (Some(slot), Some(memo)) = (list.slot(), self.memo.get(id as usize)) else {
            return list.contains(&self.form(id));
        };
        let (asked, held) = (1u64 << slot, 1u64 << (slot + MEMO_SLOTS));
        let mut known = memo.get();
        if known & asked == 0 {
            known |= self.learn(id, list, asked, held);
            memo.set(known);
        }
        known & held != 0
    }

    /// The memo bits to add for word `id` on the first question about a memo-slotted list
    /// (`asked` and `held` its bits): kept out of line so the hot path of [`Words::in_list`],
    /// a memo hit, stays a few instructions.
    #[inline(never)]
    fn learn(&self, id: WordId, list: &WordList, asked: u64, held: u64) -> u64 {
        let form = self.form(id);
        if !list.may_hold(form) {
            asked // the list's masks turn most words away, cheaper than a lookup
        } else if LIST_INDEX.slots & asked != 0 {
            // One lookup answers every indexed list, where a scan of each list cost more.
            LIST_INDEX.slots | u64::from(LIST_INDEX.lists_of(form)) << MEMO_SLOTS
        } else if list.contains(&form) {
            asked | held
        } else {
            asked
        }
    }
}

/// What `cell` holds, or what `find` gives, kept in `cell` for the next question.
fn remember<T: Copy>(cell: &Cell<Option<T>>, find: impl FnOnce() -> T) -> T {
    if let Some(known) = cell.get() {
        return known;
    }
    let found = find();
    cell.set(Some(found));
    found
}

/// Slots of [`LIST_INDEX`]: a power of two, at least twice the lists' words, so a probe stops
/// after a slot or two.
const LIST_INDEX_SLOTS: usize = {
    let (mut words, mut i) = (0, 0);
    while i < MEMO_LISTS.len() {
        words += MEMO_LISTS[i].parts().1.len();
        i += 1;
    }
    (2 * words).next_power_of_two()
};

/// The words of the memo-slotted lists, each with the slot bits of the lists that hold it, built
/// by the compiler: most words are asked about by several lists, and one lookup answers them all.
static LIST_INDEX: ListIndex = ListIndex::build();

/// An open-addressing table of the lists' words (linear probing on [`list_hash`]).
struct ListIndex {
    /// Per slot: (list in [`MEMO_LISTS`] + 1, or 0 for an empty slot; the word's length; its
    /// byte offset in the list's letters; the slot bits of every list that holds it).
    table: [(u8, u8, u16, u32); LIST_INDEX_SLOTS],
    /// The bits of the slots indexed.
    slots: u64,
}

impl ListIndex {
    const fn build() -> ListIndex {
        let mut index = ListIndex { table: [(0, 0, 0, 0); LIST_INDEX_SLOTS], slots: 0 };
        let mut l = 0;
        while l < MEMO_LISTS.len() {
            let (letters, lens) = MEMO_LISTS[l].parts();
            let bit = match MEMO_LISTS[l].slot() {
                Some(slot) => 1u32 << slot,
                None => panic!("an indexed list has no memo slot"),
            };
            index.slots |= bit as u64;
            let (mut w, mut at) = (0, 0);
            while w < lens.len() {
                let len = lens[w] as usize;
                let word = letters.as_bytes().split_at(at).1.split_at(len).0;
                let mut s = list_hash(word) as usize % LIST_INDEX_SLOTS;
                loop {
                    let (list, _, _, bits) = index.table[s];
                    if list == 0 {
                        index.table[s] = ((l + 1) as u8, len as u8, at as u16, bit);
                        break;
                    }
                    if bytes_eq(index.word(s), word) {
                        index.table[s].3 = bits | bit;
                        break;
                    }
                    s = (s + 1) % LIST_INDEX_SLOTS;
                }
                at += len;
                w += 1;
            }
            l += 1;
        }
        index
    }

    /// The word in slot `s` (empty for an empty slot).
    const fn word(&self, s: usize) -> &'static [u8] {
        let (list, len, at, _) = self.table[s];
        if list == 0 {
            return &[];
        }
        let letters = MEMO_LISTS[list as usize - 1].parts().0.as_bytes();
        letters.split_at(at as usize).1.split_at(len as usize).0
    }

    /// The slot bits of the lists that hold `form` (0 for none).
    fn lists_of(&self, form: &str) -> u32 {
        let mut s = list_hash(form.as_bytes()) as usize % LIST_INDEX_SLOTS;
        for _ in 0..LIST_INDEX_SLOTS {
            let (list, _, _, bits) = self.table[s];
            if list == 0 {
                return 0;
            }
            if self.word(s) == form.as_bytes() {
                return bits;
            }
            s = (s + 1) % LIST_INDEX_SLOTS;
        }
        0
    }
}

/// FNV-1a: a hash the compiler can run while it builds [`LIST_INDEX`].
const fn list_hash(bytes: &[u8]) -> u64 {
    let (mut h, mut i) = (0xcbf2_9ce4_8422_2325u64, 0);
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(0x100_0000_01b3);
        i += 1;
    }
    h
}

/// `a == b`, as the compiler can run it.
const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One sentence's tokens with their folded words; indices are the sentence's own.
#[derive(Clone, Copy)]
pub(crate) struct SentenceWords<'w> {
    pub tokens: &'w [Token],
    ids: &'w [WordId],
    words: &'w Words<'w>,
}

impl<'w> SentenceWords<'w> {
    /// The folded word at token `i` ("" past the end, so lookahead never fails).
    pub fn folded(&self, i: usize) -> &'w str {
        self.ids.get(i).map_or("", |&id| self.words.form(id))
    }

    /// The word id at token `i`.
    pub fn id(&self, i: usize) -> Option<WordId> {
        self.ids.get(i).copied()
    }

    /// The stance class and uses of the word at token `i`, if it is a stance word.
    pub fn stance(&self, i: usize) -> Option<(StanceClass, u8)> {
        self.words.facts.get(*self.ids.get(i)? as usize)?.stance
    }

    /// Whether the word at token `i` is the first of a stance phrase ("cannot accept").
    pub fn opens_stance_phrase(&self, i: usize) -> bool {
        self.ids.get(i).and_then(|&id| self.words.facts.get(id as usize)).is_some_and(|f| f.opens_stance_phrase)
    }

    /// [`Words::role`] of the word at token `i`.
    pub fn role(&self, i: usize) -> Option<Role> {
        self.ids.get(i).and_then(|&id| self.words.role(id))
    }

    /// [`Words::gazetteer`] of the word at token `i`.
    pub fn gazetteer(&self, i: usize) -> (Option<Alias>, bool) {
        self.ids.get(i).map_or((None, false), |&id| self.words.gazetteer(id))
    }

    /// Whether `list` holds the word at token `i` (no list holds the "" past the end).
    pub fn in_list(&self, i: usize, list: &WordList) -> bool {
        self.ids.get(i).is_some_and(|&id| self.words.in_list(id, list))
    }

    /// Whether the article writes the word at token `i` in lower case somewhere.
    pub fn lower_seen(&self, i: usize) -> bool {
        self.ids.get(i).is_some_and(|&id| self.words.lower_seen(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clean, segment};

    #[test]
    fn indexed_lists_have_distinct_slots() {
        let slots: Vec<u8> = MEMO_LISTS.iter().filter_map(WordList::slot).collect();
        let distinct: std::collections::BTreeSet<u8> = slots.iter().copied().collect();
        assert_eq!(slots.len(), distinct.len());
        assert_eq!(u64::from(LIST_INDEX.slots.count_ones()), slots.len() as u64);
    }

    #[test]
    fn the_list_index_answers_as_the_lists_do() {
        let mut words = std::collections::BTreeSet::new();
        for list in &MEMO_LISTS {
            words.extend(list.iter());
        }
        assert!(words.len() > 100);
        for word in words.iter().copied().chain(["", "said", "xyzzy", "the-"]) {
            let want = MEMO_LISTS.iter().filter(|l| l.contains(&word)).fold(0, |bits, l| bits | 1 << l.slot().unwrap_or(0));
            assert_eq!(LIST_INDEX.lists_of(word), want, "{word:?}");
        }
    }

    #[test]
    fn tokens_fold_once_and_share_ids() {
        let text = "The talks resumed. Talks with the envoy’s team went on; the team’s aides say so.";
        let sentences = segment::segment(text, &clean::clean(text));
        let words = Words::new(text, &sentences);
        let first = words.sentence(0);
        assert_eq!(first.folded(0), "the");
        assert_eq!(first.folded(1), "talks");
        let second = words.sentence(1);
        assert_eq!(second.id(0), first.id(1), "Talks and talks are one word");
        assert_eq!(second.id(2), first.id(0));
        assert!(second.lower_seen(0) && first.lower_seen(0));
        assert_eq!(second.stance(0).map(|(c, _)| c), Some(StanceClass::Negotiate));
        assert_eq!(first.folded(99), "");
        assert_eq!(words.sentence(99).tokens.len(), 0);
    }
}
