//! CoNLL-U, the Universal Dependencies format: read for training and scoring, written by
//! `article-lens parse`.

/// One word of a CoNLL-U sentence (multiword-token and empty-node lines are kept apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluWord {
    /// The word's form (column 2).
    pub form: String,
    /// Its universal part of speech (column 4).
    pub upos: String,
    /// Its head's 1-based position, 0 for the root (column 7).
    pub head: usize,
    /// Its relation to the head (column 8).
    pub deprel: String,
}

/// A sentence: its words and, for writing it back, its lines as given.
#[derive(Debug, Clone, Default)]
pub struct ConlluSentence {
    /// The words, in order.
    pub words: Vec<ConlluWord>,
    /// Every line of the block as given (comments, multiword tokens, words).
    pub lines: Vec<String>,
}

/// Reads CoNLL-U text into sentences; a line that is not a comment, a word, a multiword token or
/// an empty node is an error naming its line number.
pub fn read(text: &str) -> Result<Vec<ConlluSentence>, String> {
    let mut sentences = Vec::new();
    let mut cur = ConlluSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.lines.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.lines.push(line.to_string());
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: {} columns, CoNLL-U has 10", n + 1, cols.len()));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head = if cols[6] == "_" { 0 } else { cols[6].parse().map_err(|_| format!("line {}: bad HEAD {:?}", n + 1, cols[6]))? };
        cur.words.push(ConlluWord { form: cols[1].to_string(), upos: cols[3].to_string(), head, deprel: cols[7].to_string() });
    }
    if !cur.lines.is_empty() {
        sentences.push(cur);
    }
    Ok(sentences)
}

/// Writes `sentence` back with each word's UPOS, HEAD and DEPREL replaced by `words`' (in
/// order), every other line and column as given.
pub fn write(sentence: &ConlluSentence, words: &[ConlluWord], out: &mut String) {
    let mut next = words.iter();
    for line in &sentence.lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let is_word = !line.starts_with('#') && cols.len() == 10 && !cols[0].contains('-') && !cols[0].contains('.');
        match (is_word, is_word.then(|| next.next()).flatten()) {
            (true, Some(w)) => {
                let head = w.head.to_string();
                let row = [cols[0], cols[1], cols[2], &w.upos, cols[4], cols[5], &head, &w.deprel, cols[8], cols[9]];
                out.push_str(&row.join("\t"));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out.push('\n');
}
