//! Rows of a results or standings table, read by their shape rather than as prose: in
//! "Torquay 2 Exeter 0", "Sutjeska 4 3 0 1 7 5 9" or "HOUSTON AT PITTSBURGH" each name is a
//! cell, and a cell followed by a score is a team, whatever place it is named after; a cell
//! after "at" is the venue; a cell with an initial or a country in brackets after it is a person
//! ("S. Law c Tillekeratne b Dharmasena 13", "Florian Rousseau ( France ) beat ...").
//!
//! A line is a row only when every word outside its cells is a marker of such tables ("v",
//! "at", "not out", the cricket scorer's "c" and "b") and some cell is followed by a number
//! that is no date: prose, headlines and datelines ("LONDON 1996-08-30") are no rows.

use crate::text::{word_list, Token, TokenKind, WordList};

/// Lower-case words a table row holds between its names.
const ROW_MARKERS: WordList = word_list![
    "v", "vs", "vs.", "at", "c", "b", "lbw", "st", "not", "out", "run", "retired", "hurt", "and", "or", "beat", "bt",
    "drew", "halftime", "ht", "ft", "aet", "pen", "pens", "og",
];
/// Markers that stand between two teams of a fixture ("Walsall v Wrexham", "BOSTON AT OAKLAND"), in any case.
const FIXTURE_MARKERS: WordList = word_list!["v", "vs", "vs.", "at"];
/// Markers of a cricket scorecard: its cells are players.
const SCORECARD_MARKERS: WordList = word_list!["c", "b", "lbw", "st", "out"];
/// Words joining the parts of one name inside a cell ("Duke of Norfolk", "Van der Westhuizen").
const CELL_CONNECTORS: WordList = word_list!["of", "de", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "da", "di", "del", "y"];

/// What a cell of a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CellRole {
    /// A competitor with a score after it: a team (or a country's team).
    Team,
    /// A player: an initial, a scorecard, or a country in brackets after the name.
    Player,
    /// After "at": where the match is played.
    Venue,
    /// A name in the row whose role the row does not tell.
    Unknown,
}

/// One name of a row: its tokens `from..to` (in the sentence's tokens) and its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cell {
    pub from: usize,
    pub to: usize,
    pub role: CellRole,
}

/// The cells of a sentence if it is a table row, else `None`. `folded(i)` is token i's folded form.
pub(super) fn read_row<'a>(text: &str, tokens: &[Token], folded: impl Fn(usize) -> &'a str) -> Option<Vec<Cell>> {
    let is_word = |i: usize| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word);
    let capital = |i: usize| tokens.get(i).is_some_and(|t| t.is_capitalized(text));
    let glued = |i: usize| i > 0 && tokens.get(i).is_some_and(|t| tokens.get(i - 1).is_some_and(|p| p.end == t.start));
    let fixture = |i: usize| is_word(i) && FIXTURE_MARKERS.contains(&folded(i));
    let mut cells = Vec::new();
    let mut i = 0;
    let mut scorecard = false;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let word = folded(i);
        if !capital(i) || fixture(i) {
            // A lower-case word (or "AT") outside a name: the line is a row only if it is a marker.
            if !ROW_MARKERS.contains(&word) && !fixture(i) {
                return None;
            }
            scorecard |= SCORECARD_MARKERS.contains(&word) && !capital(i);
            i += 1;
            continue;
        }
        let from = i;
        let mut j = i + 1;
        loop {
            if capital(j) && !fixture(j) {
                j += 1;
            } else if tokens.get(j).is_some_and(|t| t.kind == TokenKind::Punct) && glued(j) && (glued(j + 1) && is_word(j + 1)) {
                j += 2; // "MG-Technogym", "A.de Silva": joined without a space
            } else if tokens.get(j).is_some_and(|t| t.text(text) == ".") && glued(j) && tokens[j - 1].end - tokens[j - 1].start == 1 && capital(j + 1) {
                j += 2; // "M. Waugh": an initial and its dot
            } else if is_word(j) && CELL_CONNECTORS.contains(&folded(j)) && capital(j + 1) {
                j += 2;
            } else {
                break;
            }
        }
        cells.push(Cell { from, to: j, role: CellRole::Unknown });
        i = j;
    }
    if cells.is_empty() || cells.len() > 16 {
        return None;
    }
    // What follows a cell, past a bracketed country or club tag: "( Italy )", "( B )".
    let after = |to: usize| -> (usize, bool) {
        if tokens.get(to).is_some_and(|t| t.text(text) == "(") {
            if let Some(close) = (to + 1..tokens.len().min(to + 6)).find(|&k| tokens[k].text(text) == ")") {
                return (close + 1, true);
            }
        }
        (to, false)
    };
    // A score: a number of at most three digits (no year, so no dateline), or ".515".
    let score_at = |k: usize| match tokens.get(k) {
        Some(t) if t.kind == TokenKind::Number => t.text(text).bytes().filter(u8::is_ascii_digit).count() <= 3 || t.text(text).contains('.'),
        Some(t) if t.text(text) == "." => tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Number && glued(k + 1)),
        _ => false,
    };
    // Per cell: what follows it (past a bracketed tag) and whether that is a score.
    let tagged: Vec<(bool, bool)> = cells.iter().map(|c| {
        let (next, bracket) = after(c.to);
        (bracket, score_at(next) || fixture(next))
    }).collect();
    // A bracketed tag on both sides of a score is two clubs' countries ("Benetton ( Italy ) 92
    // Dinamo ( Russia ) 81"); on one side, a player's ("Samokhvalova ( Russia ) 3:45.011").
    let clubs = tagged.iter().filter(|&&(bracket, score)| bracket && score).count() >= 2;
    let mut scored = false;
    for (cell, &(bracket, score)) in cells.iter_mut().zip(&tagged) {
        let before = cell.from.checked_sub(1);
        let initial = tokens.get(cell.from + 1).is_some_and(|t| t.text(text) == "." && glued(cell.from + 1));
        cell.role = if before.is_some_and(|b| fixture(b) && folded(b) == "at") {
            CellRole::Venue
        } else if initial || scorecard || (bracket && !clubs) {
            CellRole::Player
        } else if score || before.is_some_and(fixture) {
            CellRole::Team
        } else {
            CellRole::Unknown
        };
        scored |= score;
    }
    scored.then_some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, tokenize};

    fn roles(line: &str) -> Option<Vec<(String, CellRole)>> {
        let tokens = tokenize(line, 0, line.len());
        let folded: Vec<String> = tokens.iter().map(|t| fold(t.text(line))).collect();
        read_row(line, &tokens, |i| folded.get(i).map_or("", String::as_str))
            .map(|cells| cells.iter().map(|c| (line[tokens[c.from].start..tokens[c.to - 1].end].to_string(), c.role)).collect())
    }

    #[test]
    fn results_standings_and_fixtures_are_rows_of_teams() {
        use CellRole::*;
        // Invented clubs: the shapes of a results line, a standings row and fixtures.
        let r = |s: &str| roles(s).unwrap_or_else(|| panic!("{s:?} is a row"));
        assert_eq!(r("Karvosk 2 Port Illin 0"), [("Karvosk".into(), Team), ("Port Illin".into(), Team)]);
        assert_eq!(r("Karvosk 4 3 0 1 7 5 9"), [("Karvosk".into(), Team)]);
        assert_eq!(r("KARVOSK 69 65 .515 5 1/2"), [("KARVOSK".into(), Team)]);
        assert_eq!(r("KARVOSK AT PORT ILLIN"), [("KARVOSK".into(), Team), ("PORT ILLIN".into(), Venue)]);
        assert_eq!(r("Postponed : Karvosk v Illin"), [("Postponed".into(), Unknown), ("Karvosk".into(), Team), ("Illin".into(), Team)]);
        assert_eq!(r("M. Varga c Oster b Linde 13"), [("M. Varga".into(), Player), ("Oster".into(), Player), ("Linde".into(), Player)]);
        assert_eq!(r("Tomas Varga ( Freedonia ) 3:45.011")[0], ("Tomas Varga".into(), Player));
    }

    #[test]
    fn prose_headlines_and_datelines_are_no_rows() {
        for line in ["KARVOSK 1996-08-30", "Karvosk beat the visitors 2-0 on Friday", "Women 's 1,500 metres", "Karvosk Seals Victory"] {
            assert_eq!(roles(line), None, "{line:?}");
        }
    }
}
