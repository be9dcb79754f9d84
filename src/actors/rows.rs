//! Lines read by their shape rather than as prose: the rows of a results or standings table
//! and lists of names.
//!
//! In a row ("Torquay 2 Exeter 0", "Sutjeska 4 3 0 1 7 5 9", "HOUSTON AT PITTSBURGH") each name
//! is a cell: a cell followed by a score is a team, whatever place it is named after; a cell
//! after "at" is the venue; a cell with an initial, a given name or a country in brackets after
//! it is a player ("S. Law c Tillekeratne b Dharmasena 13", "Florian Rousseau ( France ) beat
//! ..."). A line is a row only when every word outside its cells and brackets is a marker of
//! such tables ("v", "at", "not out", the cricket scorer's "c" and "b") and some cell is
//! followed by a number that is no date: prose, headlines and datelines ("LONDON 1996-08-30")
//! are no rows.
//!
//! A list ("Hashan Tillekeratne , Roshan Mahanama , Kumara Dharmasena ,") is a line of names
//! parted by commas and nothing else: its items are names of one kind, which the sure ones
//! tell (see the clustering).

use crate::lexicon::is_given_name;
use crate::text::{Token, TokenKind};

use super::lists::{CELL_CONNECTORS, FIXTURE_MARKERS, ROW_MARKERS, SCORECARD_MARKERS};

/// The most words an item of a list of names has: longer runs are prose or headlines.
const LIST_ITEM_WORDS: usize = 4;

/// What a cell of a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CellRole {
    /// A competitor with a score after it: a team (or a country's team).
    Team,
    /// A player: an initial, a given name, a scorecard, or a country in brackets after the name.
    Player,
    /// After "at": where the match is played.
    Venue,
    /// Inside brackets after another cell: a player's country, a club's tag ("( Italy )").
    Tag,
    /// An item of a list of names.
    Item,
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

/// The cells of a sentence if it is a table row or a list of names, else `None`. `folded(i)` is
/// token i's folded form; `not_name(i)` says that token i is a word that never makes a name
/// (a month, a day: "May 18 v Worcestershire").
pub(super) fn read_row<'a>(
    text: &str,
    tokens: &[Token],
    folded: impl Fn(usize) -> &'a str,
    not_name: impl Fn(usize) -> bool,
) -> Option<Vec<Cell>> {
    let line = Line { text, tokens, folded: &folded };
    let mut cells = Vec::new();
    let mut scorecard = false;
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        match t.text(text) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        if !line.capital(i) || line.fixture(i) {
            // A lower-case word (or "AT") outside a name and outside brackets: the line is a
            // row only if it is a marker.
            let word = folded(i);
            if depth == 0 && !ROW_MARKERS.contains(&word) && !line.fixture(i) {
                return None;
            }
            scorecard |= SCORECARD_MARKERS.contains(&word) && !line.capital(i);
            i += 1;
            continue;
        }
        let to = line.cell_end(i);
        // Months and days are no names, nor part of one ("May 18 v Worcestershire").
        let (mut from, mut end) = (i, to);
        while from < end && not_name(from) {
            from += 1;
        }
        while end > from && not_name(end - 1) {
            end -= 1;
        }
        if from < end {
            let role = if depth > 0 { CellRole::Tag } else { CellRole::Unknown };
            cells.push(Cell { from, to: end, role });
        }
        i = to;
    }
    let main = cells.iter().filter(|c| c.role != CellRole::Tag).count();
    if main == 0 || main > 16 {
        return None;
    }
    if line.read_table(&mut cells, scorecard) {
        return Some(cells);
    }
    line.read_list(&mut cells).then_some(cells)
}

/// A line's tokens and the questions the readers ask of them.
struct Line<'l, F> {
    text: &'l str,
    tokens: &'l [Token],
    folded: &'l F,
}

impl<'a, F: Fn(usize) -> &'a str> Line<'_, F> {
    fn word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn capital(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_capitalized(self.text))
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.text(self.text) == s)
    }

    /// Whether token `i` touches the one before it (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && self.tokens.get(i).is_some_and(|t| self.tokens.get(i - 1).is_some_and(|p| p.end == t.start))
    }

    fn fixture(&self, i: usize) -> bool {
        self.word(i) && FIXTURE_MARKERS.contains(&(self.folded)(i))
    }

    /// The end of the cell that starts at token `i`: capitalised words, with initials ("M.
    /// Waugh"), glued joins ("MG-Technogym", "A.de Silva") and connectors ("Duke of Norfolk").
    fn cell_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            if self.capital(j) && !self.fixture(j) {
                j += 1;
            } else if self.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Punct)
                && self.glued(j)
                && self.glued(j + 1)
                && self.word(j + 1)
            {
                j += 2;
            } else if self.is(j, ".") && self.glued(j) && self.tokens[j - 1].end - self.tokens[j - 1].start == 1 && self.capital(j + 1) {
                j += 2;
            } else if self.word(j) && CELL_CONNECTORS.contains(&(self.folded)(j)) && self.capital(j + 1) {
                j += 2;
            } else {
                return j;
            }
        }
    }

    /// What follows a cell ending at `to`, past a bracketed tag ("( Italy )"): its token, and
    /// whether there was a tag.
    fn after(&self, to: usize) -> (usize, bool) {
        if self.is(to, "(") {
            if let Some(close) = (to + 1..self.tokens.len().min(to + 6)).find(|&k| self.is(k, ")")) {
                return (close + 1, true);
            }
        }
        // "R. Irani not out 45", "D. Gough run out 0": a scorecard's words before the score.
        let mut k = to;
        while k < to + 2 && self.word(k) && !self.capital(k) && SCORECARD_MARKERS.contains(&(self.folded)(k)) {
            k += 1;
        }
        if k > to && self.score(k) {
            return (k, false);
        }
        (to, false)
    }

    /// A score at token `k`: a number of at most three digits (no year, so no dateline), or ".515".
    fn score(&self, k: usize) -> bool {
        match self.tokens.get(k) {
            Some(t) if t.kind == TokenKind::Number => {
                let s = t.text(self.text);
                s.bytes().filter(u8::is_ascii_digit).count() <= 3 || s.contains('.')
            }
            Some(_) if self.is(k, ".") => self.tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Number) && self.glued(k + 1),
            _ => false,
        }
    }

    /// Gives the cells their roles if the line is a results or standings row; whether it is.
    fn read_table(&self, cells: &mut [Cell], scorecard: bool) -> bool {
        // Per cell: whether a tag follows it, whether a score does, and whether a score or a
        // fixture marker does.
        let tagged: Vec<(bool, bool, bool)> = cells
            .iter()
            .map(|c| {
                let (next, bracket) = self.after(c.to);
                (bracket, self.score(next), self.score(next) || self.fixture(next))
            })
            .collect();
        // A bracketed tag on both sides of a score is two clubs' countries ("Benetton ( Italy ) 92
        // Dinamo ( Russia ) 81"); on one side, a player's ("Samokhvalova ( Russia ) 3:45.011").
        let clubs = cells.iter().zip(&tagged).filter(|(c, &(bracket, score, _))| c.role != CellRole::Tag && bracket && score).count() >= 2;
        let mut scored = false;
        for (cell, &(bracket, _, score)) in cells.iter_mut().zip(&tagged) {
            let before = cell.from.checked_sub(1).filter(|&b| self.fixture(b));
            let initial = self.is(cell.from + 1, ".") && self.glued(cell.from + 1);
            let given = cell.to - cell.from >= 2 && self.tokens.get(cell.from).is_some_and(|t| is_given_name(t.text(self.text)));
            if cell.role == CellRole::Tag {
                // A scorecard in brackets: "Surrey 468 ( C. Lewis 94 , M. Butcher 70 )".
                if initial && self.score(cell.to) {
                    cell.role = CellRole::Player;
                }
                continue;
            }
            cell.role = if before.is_some_and(|b| (self.folded)(b) == "at") {
                CellRole::Venue
            } else if initial || given || scorecard || (bracket && !clubs) {
                CellRole::Player
            } else if score || before.is_some() {
                CellRole::Team
            } else {
                CellRole::Unknown
            };
            // "May 18 v Worcestershire": the side after "v" of a fixture with no score yet.
            scored |= score || before.is_some_and(|b| matches!((self.folded)(b), "v" | "vs" | "vs."));
        }
        if !scored {
            return false;
        }
        // The two sides of "X beat Y" are alike: a player's rival is a player ("Pete Sampras ( U.S. )
        // beat Todd Martin").
        let main: Vec<usize> = (0..cells.len()).filter(|&c| cells[c].role != CellRole::Tag).collect();
        for pair in main.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if !cells[b].from.checked_sub(1).is_some_and(|m| self.fixture(m)) {
                continue;
            }
            match (cells[a].role, cells[b].role) {
                (CellRole::Player, CellRole::Team) => cells[b].role = CellRole::Player,
                (CellRole::Team, CellRole::Player) if !self.score(self.after(cells[a].to).0) => cells[a].role = CellRole::Player,
                _ => {}
            }
        }
        // In capitals every word looks like a name: a row there must say what each cell is
        // ("HOUSTON AT PITTSBURGH"; not "SOCCER - FRANCE BEAT MEXICO 2-0 IN FRIENDLY").
        let shouting = cells.iter().all(|c| (c.from..c.to).all(|k| !self.tokens[k].text(self.text).chars().any(char::is_lowercase)));
        !(shouting && cells.iter().any(|c| c.role == CellRole::Unknown))
    }

    /// Gives the cells the role of items if the line is a list of names: two or more short
    /// cells parted by commas (an "and" or "or" before the last), in mixed case; whether it is.
    fn read_list(&self, cells: &mut [Cell]) -> bool {
        let main: Vec<usize> = (0..cells.len()).filter(|&c| cells[c].role != CellRole::Tag).collect();
        if main.len() < 2 {
            return false;
        }
        let words = |c: &Cell| (c.from..c.to).filter(|&k| self.word(k)).count();
        let mixed = |c: &Cell| (c.from..c.to).any(|k| self.tokens[k].text(self.text).chars().any(char::is_lowercase));
        if main.iter().any(|&c| words(&cells[c]) > LIST_ITEM_WORDS || !mixed(&cells[c])) {
            return false;
        }
        // Between two items: a comma (maybe past a bracketed tag), or "and"/"or".
        let parted = main.windows(2).all(|pair| {
            let (a, b) = (&cells[pair[0]], &cells[pair[1]]);
            let mut depth = 0i32;
            let mut commas = 0;
            for k in a.to..b.from {
                match self.tokens[k].text(self.text) {
                    "(" => depth += 1,
                    ")" => depth -= 1,
                    "," if depth == 0 => commas += 1,
                    "and" | "or" | "&" => {}
                    _ if depth > 0 => {}
                    _ => return false,
                }
            }
            commas >= 1 || (b.from > 0 && matches!(self.tokens[b.from - 1].text(self.text), "and" | "or"))
        });
        if !parted || !main.windows(2).any(|pair| (cells[pair[0]].to..cells[pair[1]].from).any(|k| self.is(k, ","))) {
            return false;
        }
        for &c in &main {
            cells[c].role = CellRole::Item;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, tokenize};

    fn roles(line: &str) -> Option<Vec<(String, CellRole)>> {
        let tokens = tokenize(line, 0, line.len());
        let folded: Vec<String> = tokens.iter().map(|t| fold(t.text(line))).collect();
        let months = ["may", "august", "friday"];
        read_row(
            line,
            &tokens,
            |i| folded.get(i).map_or("", String::as_str),
            |i| folded.get(i).is_some_and(|w| months.contains(&w.as_str())),
        )
        .map(|cells| cells.iter().map(|c| (line[tokens[c.from].start..tokens[c.to - 1].end].to_string(), c.role)).collect())
    }

    #[test]
    fn results_standings_and_fixtures_are_rows_of_teams() {
        use CellRole::*;
        // Invented clubs and players: the shapes of results, standings, fixtures and scorecards.
        let r = |s: &str| roles(s).unwrap_or_else(|| panic!("{s:?} is a row"));
        assert_eq!(r("Karvosk 2 Port Illin 0"), [("Karvosk".into(), Team), ("Port Illin".into(), Team)]);
        assert_eq!(r("Karvosk 4 3 0 1 7 5 9"), [("Karvosk".into(), Team)]);
        assert_eq!(r("KARVOSK 69 65 .515 5 1/2"), [("KARVOSK".into(), Team)]);
        assert_eq!(r("KARVOSK AT PORT ILLIN"), [("KARVOSK".into(), Team), ("PORT ILLIN".into(), Venue)]);
        assert_eq!(r("Postponed : Karvosk v Illin"), [("Postponed".into(), Unknown), ("Karvosk".into(), Team), ("Illin".into(), Team)]);
        assert_eq!(r("May 18 v Illin"), [("Illin".into(), Team)]);
        assert_eq!(r("M. Varga c Oster b Linde 13"), [("M. Varga".into(), Player), ("Oster".into(), Player), ("Linde".into(), Player)]);
        assert_eq!(r("Tomas Varga ( Freedonia ) 3:45.011"), [("Tomas Varga".into(), Player), ("Freedonia".into(), Tag)]);
        assert_eq!(r("Varga ( Freedonia ) beat Linde 2-0")[2], ("Linde".into(), Player));
        assert_eq!(r("Karvo Stal ( Freedonia ) 92 Illin ( Ruritania ) 81")[0], ("Karvo Stal".into(), Team));
    }

    #[test]
    fn names_parted_by_commas_are_a_list() {
        let items = roles("Hashan Tillekeratne , Roshan Mahanama , Kumara Dharmasena ,").expect("a list");
        assert!(items.iter().all(|(_, r)| *r == CellRole::Item) && items.len() == 3, "{items:?}");
        let items = roles("Given , Breen , Staunton and O'Neill .").expect("a list");
        assert_eq!(items.len(), 4);
    }

    #[test]
    fn prose_headlines_and_datelines_are_no_rows() {
        for line in [
            "KARVOSK 1996-08-30",
            "Karvosk beat the visitors 2-0 on Friday",
            "Women 's 1,500 metres",
            "Karvosk Seals Victory",
            "SOCCER - KARVOSK BEAT ILLIN 2-0 IN FRIENDLY .",
            "TARANGO , O'BRIEN SPRING TWIN UPSETS UNDER THE LIGHTS .",
            "Karvosk , the capital , fell .",
        ] {
            assert_eq!(roles(line), None, "{line:?}");
        }
    }
}
