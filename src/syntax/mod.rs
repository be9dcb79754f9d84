//! Grammar for the stages after `words`: every word's part of speech (UPOS), its head and its
//! relation to it (Universal Dependencies), from a tagger and a parser trained on UD English EWT.
//!
//! Both are linear models over hashed features (averaged perceptrons), read greedily: a tagger
//! left to right, then an arc-hybrid transition parser. Their weights (`data/syntax/model.bin`,
//! CC BY-SA 4.0 as the treebank they come from) are compiled in and used in place.
//!
//! A sentence is parsed in UD's words, not the tokenizer's: "don't" is "do" + "n't", "I'm" is
//! "I" + "'m", "cannot" is "can" + "not" ([`words`](self::words)); each UD word keeps the byte span
//! it came from, so the stages can go from a token to its word and back.

pub(crate) mod atoms;
pub mod conllu;
#[cfg(feature = "train")]
pub mod model;
#[cfg(not(feature = "train"))]
pub(crate) mod model;
mod parser;
mod tagger;
#[cfg(feature = "train")]
pub mod train;
mod ud;
mod ud_words;

use self::atoms::Atoms;
use self::model::Model;
use self::parser::{State, NONE};
pub(crate) use self::tagger::UPOS;
pub(crate) use self::ud::{Rel, Upos};

/// A linear model: adds each class's weights for the feature `keys` to `scores`.
pub trait Scorer {
    /// Adds the weights of `keys` to `scores` (one per class).
    fn score(&self, keys: &[u32], scores: &mut [f32]);
}

/// The shipped model: static tables compiled in by `build.rs` (see `data/syntax/README.md`).
pub(crate) fn model() -> Model<'static> {
    model::compiled()
}

/// The parse of one sentence, in its UD words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Parse {
    /// Per word, its UPOS index in [`UPOS`].
    pub tags: Vec<u8>,
    /// Per word, its head's index, or `None` for the sentence's root.
    pub heads: Vec<Option<u16>>,
    /// Per word, its relation's index in the model's labels.
    pub labels: Vec<u8>,
}

/// Tags and parses `forms` (one sentence's UD words) with `model`. A sentence of no words has
/// an empty parse; a state the parser cannot finish (it cannot happen) leaves the words it did
/// not attach as roots.
pub(crate) fn parse_forms<S: AsRef<str>>(model: &Model<'_>, forms: &[S]) -> Parse {
    let mut atoms: Vec<Atoms> = forms.iter().map(|f| Atoms::of(f.as_ref())).collect();
    parse_atoms(model, &mut atoms)
}

/// [`parse_forms`] on the words' atoms (the root's is appended here).
fn parse_atoms(model: &Model<'_>, atoms: &mut Vec<Atoms>) -> Parse {
    let root = model.label_names().position(|l| l == "root").unwrap_or(0) as u8;
    parse_with(&model.tagger, &model.moves, &model.labels, model.labels.classes, root, atoms)
}

/// Tags and parses with the given models (`labels` labels, `root` the root label's index).
pub(crate) fn parse_with(
    tagger_model: &impl Scorer,
    moves: &impl Scorer,
    label_model: &impl Scorer,
    labels: usize,
    root: u8,
    atoms: &mut Vec<Atoms>,
) -> Parse {
    let n = atoms.len();
    if n == 0 || n >= NONE as usize {
        return Parse { tags: vec![16; n], heads: vec![None; n], labels: vec![0; n] };
    }
    let mut tags = Vec::with_capacity(n + 1);
    tagger::tag(tagger_model, atoms, &mut tags);
    tags.push(UPOS.len() as u8);
    atoms.push(Atoms::root());
    let mut state = State::new(n);
    parser::parse(moves, label_model, labels, root, atoms, &tags, &mut state);
    atoms.pop();
    tags.pop();
    let heads = state.heads.iter().map(|&h| if h == NONE || h as usize >= n { None } else { Some(h) }).collect();
    Parse { tags, heads, labels: state.labels }
}

/// Tags and parses each sentence of `sentences` (its words given) and returns how many words
/// were attached to a head: what `article-lens bench --syntax` times.
#[doc(hidden)]
pub fn parse_sentences<S: AsRef<str>>(sentences: &[Vec<S>]) -> usize {
    let model = model();
    sentences.iter().map(|words| parse_forms(&model, words).heads.iter().filter(|h| h.is_some()).count()).sum()
}

/// Tags and parses the sentences of a CoNLL-U text (its words as given) and writes them back
/// with the predicted UPOS, HEAD and DEPREL: what `article-lens parse --conllu` prints.
pub fn parse_conllu(text: &str) -> Result<String, String> {
    let model = model();
    let labels: Vec<&str> = model.label_names().collect();
    let mut out = String::with_capacity(text.len());
    for sentence in conllu::read(text)? {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let parse = parse_forms(&model, &forms);
        let words: Vec<conllu::ConlluWord> = (0..forms.len())
            .map(|i| conllu::ConlluWord {
                form: forms[i].to_string(),
                upos: UPOS.get(parse.tags[i] as usize).unwrap_or(&"X").to_string(),
                head: parse.heads[i].map_or(0, |h| h as usize + 1),
                deprel: if parse.heads[i].is_none() { "root" } else { labels.get(parse.labels[i] as usize).copied().unwrap_or("dep") }
                    .to_string(),
            })
            .collect();
        conllu::write(&sentence, &words, &mut out);
    }
    Ok(out)
}

/// The longest run of words parsed as one sentence: a longer "sentence" (a pasted list, a table
/// with no stops) is parsed in pieces of this many words, each piece's root attached to the
/// first's, so the sentence is still one tree and the time linear.
const MAX_WORDS: usize = 200;

/// A UD word of the article with its parse; indices are its sentence's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// The index of the token it is (part of) in its sentence's tokens.
    pub token: usize,
    pub upos: Upos,
    /// The head's index in the sentence, `None` for the root.
    pub head: Option<usize>,
    pub rel: Rel,
}

/// The parse of every sentence the stages read (clutter sentences have no words).
#[derive(Debug, Default)]
pub(crate) struct Syntax {
    words: Vec<Word>,
    /// Per sentence, its range of `words`.
    ranges: Vec<(usize, usize)>,
    /// Per token of every sentence (in `Words` order), the index of its first UD word in its sentence.
    token_word: Vec<u32>,
    /// Per sentence, where its tokens start in `token_word`.
    token_ranges: Vec<(usize, usize)>,
}

impl Syntax {
    /// Tags and parses every sentence of `words` (those not clutter).
    pub fn new(text: &str, words: &crate::words::Words<'_>, sentences: usize) -> Syntax {
        let mut syntax = Syntax::default();
        let model = model();
        let rels: Vec<Rel> = model.label_names().map(Rel::of).collect();
        let mut ud = Vec::new();
        let mut atoms = Vec::new();
        for i in 0..sentences {
            let tokens = words.sentence(i).tokens;
            ud.clear();
            ud_words::ud_words(text, tokens, &mut ud);
            let from = syntax.words.len();
            for piece_start in (0..ud.len()).step_by(MAX_WORDS) {
                let piece = &ud[piece_start..(piece_start + MAX_WORDS).min(ud.len())];
                atoms.clear();
                atoms.extend(piece.iter().map(|w| Atoms::of(&text[w.start..w.end])));
                let parse = parse_atoms(&model, &mut atoms);
                for (k, w) in piece.iter().enumerate() {
                    let head = match parse.heads[k] {
                        Some(h) => Some(piece_start + h as usize),
                        None if piece_start > 0 => syntax.words[from..].iter().position(|w| w.head.is_none()),
                        None => None,
                    };
                    let rel = match (head, parse.heads[k]) {
                        (None, _) => Rel::Root,
                        (Some(_), None) => Rel::Dep,
                        (Some(_), Some(_)) => rels.get(parse.labels[k] as usize).copied().unwrap_or(Rel::Dep),
                    };
                    let upos = Upos::of(parse.tags[k]);
                    syntax.words.push(Word { start: w.start, end: w.end, token: w.token, upos, head, rel });
                }
            }
            syntax.ranges.push((from, syntax.words.len()));
            let tfrom = syntax.token_word.len();
            syntax.token_word.extend(std::iter::repeat(u32::MAX).take(tokens.len()));
            for (j, w) in ud.iter().enumerate().rev() {
                if let Some(slot) = syntax.token_word.get_mut(tfrom + w.token) {
                    *slot = j as u32;
                }
            }
            syntax.token_ranges.push((tfrom, syntax.token_word.len()));
        }
        syntax
    }

    /// The parse of sentence `i` (no words for clutter or an index out of range).
    pub fn sentence(&self, i: usize) -> SentenceSyntax<'_> {
        let (a, b) = self.ranges.get(i).copied().unwrap_or((0, 0));
        let (ta, tb) = self.token_ranges.get(i).copied().unwrap_or((0, 0));
        SentenceSyntax { words: &self.words[a..b], token_word: &self.token_word[ta..tb] }
    }
}

/// One sentence's UD words and their parse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SentenceSyntax<'s> {
    pub words: &'s [Word],
    token_word: &'s [u32],
}

impl<'s> SentenceSyntax<'s> {
    /// Word `j`, if there is one.
    pub fn word(&self, j: usize) -> Option<&'s Word> {
        self.words.get(j)
    }

    /// The (first) UD word of token `t`: "do" of "don't".
    pub fn word_of_token(&self, t: usize) -> Option<usize> {
        self.token_word.get(t).filter(|&&w| w != u32::MAX).map(|&w| w as usize)
    }

    /// The part of speech of token `t`'s (first) word.
    #[allow(dead_code)] // for the stages being rebuilt on the parse
    pub fn upos_of_token(&self, t: usize) -> Option<Upos> {
        self.word(self.word_of_token(t)?).map(|w| w.upos)
    }

    /// The words whose head is word `j`, in order.
    pub fn children(&self, j: usize) -> impl Iterator<Item = usize> + 's {
        self.words.iter().enumerate().filter(move |(_, w)| w.head == Some(j)).map(|(k, _)| k)
    }
}

/// The parse of an article's sentences as CoNLL-U, for a person to read: what
/// `article-lens parse FILE` prints (clutter sentences left out).
pub fn parse_article(text: &str) -> Result<String, crate::Error> {
    if text.len() > crate::MAX_INPUT_BYTES {
        return Err(crate::Error::too_large(text.len(), crate::MAX_INPUT_BYTES));
    }
    let sentences = crate::segment::segment(text, &crate::clean::clean(text));
    let words = crate::words::Words::new(text, &sentences);
    let syntax = Syntax::new(text, &words, sentences.len());
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        let parse = syntax.sentence(i);
        if parse.words.is_empty() {
            continue;
        }
        out.push_str(&format!("# sent_id = {}\n# text = {}\n", i + 1, text[s.start..s.end].replace('\n', " ")));
        for (j, w) in parse.words.iter().enumerate() {
            let head = w.head.map_or(0, |h| h + 1);
            out.push_str(&format!("{}\t{}\t_\t{}\t_\t_\t{}\t{}\t_\t_\n", j + 1, &text[w.start..w.end], w.upos.name(), head, w.rel.name()));
        }
        out.push('\n');
    }
    Ok(out)
}
