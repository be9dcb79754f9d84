//! Clustering: the mentions of one entity become one actor (a country's names, capital and
//! demonym; a person's full name, surname and title; an organisation's name and acronym).

use crate::lexicon::{self, EntityKind};
use crate::fasthash::FastMap;
use crate::text::slug;

use super::scan::{is_generational, is_office, Key, RawMention};
use super::{ActorEntry, ActorKind, Cast, Mention};

/// What makes mentions one actor: the country, the gazetteer entity or the full name they stand
/// for (names borrowed from the raw mentions, so a key costs no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ActorKey<'r> {
    Country(&'static str),
    Entity(usize),
    Name(&'r str),
}

/// Merges raw mentions into actors: one actor per country, one per full name, surnames to the
/// person they end; single words named once and nowhere else are dropped as too unsure.
pub(super) fn cluster(text: &str, raw: Vec<RawMention>) -> Cast {
    let mut cast = Cast::default();
    let mut by_key: FastMap<ActorKey, usize> = FastMap::default();
    let mut country_actor: FastMap<usize, usize> = FastMap::default();
    // Full person names, so a lone surname or "Mr X" finds its person.
    let mut persons = FullNames::new(&raw);
    // Organisation names by their initials, so "FOMC" finds "Federal Open Market Committee".
    let mut by_initials: FastMap<String, Option<&str>> = FastMap::default();
    for m in &raw {
        if let Key::Name { name, kind: ActorKind::Organization | ActorKind::Group, .. } = &m.key {
            let initials: String = name.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
            if initials.chars().count() >= 2 && name.contains(' ') {
                let slot = by_initials.entry(initials).or_insert(Some(name));
                if *slot != Some(name.as_str()) {
                    *slot = None; // two names share the initials: no guess
                }
            }
        }
    }
    // How often each name is written where a capital letter means a name (not opening a sentence).
    // (A name is cloned into these tables once, not once per mention.)
    let firm_counts = raw.iter().filter(|m| !m.weak).fold(FastMap::<String, usize>::default(), |mut acc, m| {
        if let Key::Name { name, .. } = &m.key {
            match acc.get_mut(name.as_str()) {
                Some(n) => *n += 1,
                None => {
                    acc.insert(name.clone(), 1);
                }
            }
        }
        acc
    });
    // A name's kind from its surest mention: "in Tavildara" makes a place of a word typed a person elsewhere;
    // a sure mention ("President Obama") also vouches for the name written alone at a sentence's start.
    let mut best_kind: FastMap<String, (f32, ActorKind)> = FastMap::default();
    for m in &raw {
        if let Key::Name { name, kind, .. } = &m.key {
            match best_kind.get_mut(name.as_str()) {
                Some(best) if m.confidence > best.0 => *best = (m.confidence, *kind),
                Some(_) => {}
                None => {
                    best_kind.insert(name.clone(), (m.confidence, *kind));
                }
            }
        }
    }
    // The person last named with each title, for "the prime minister".
    let mut titled: FastMap<&str, (ActorKey, &str, Option<usize>)> = FastMap::default();
    // The alias a mention writes, made in one buffer and copied only when new.
    let mut surface = String::new();
    for m in &raw {
        let (key, name, kind, affiliation) = match &m.key {
            Key::Country(c) => {
                let (id, name) = lexicon::COUNTRIES[*c];
                (ActorKey::Country(id), name, ActorKind::Country, None)
            }
            Key::Entity(e) => {
                let Some((name, ekind, _)) = lexicon::entity(*e) else { continue };
                let kind = match ekind {
                    EntityKind::Place => ActorKind::Place,
                    EntityKind::Group => ActorKind::Group,
                    EntityKind::Organization | EntityKind::Government => ActorKind::Organization,
                };
                (ActorKey::Entity(*e), name, kind, None)
            }
            Key::TitleRef(title) => match titled.get(title.as_str()).or_else(|| titled.get(title.rsplit(' ').next().unwrap_or(""))) {
                Some(&(key, name, affiliation)) => (key, name, ActorKind::Person, affiliation),
                None => continue,
            },
            Key::Name { name, affiliation, .. } if by_initials.get(name.as_str()).is_some_and(Option::is_some) => {
                let full = by_initials.get(name.as_str()).copied().flatten().unwrap_or_default();
                (ActorKey::Name(full), full, ActorKind::Organization, *affiliation)
            }
            Key::Name { name, kind, affiliation } => {
                // A surname ("Netanyahu"), or a given name that opens exactly one full name ("Alan").
                let full = persons.surname(name).or_else(|| persons.given(name).filter(|_| lexicon::is_given_name(name)));
                let firm = firm_counts.get(name).copied().unwrap_or(0);
                match full {
                    Some(full) => (ActorKey::Name(full), full, ActorKind::Person, *affiliation),
                    None if m.weak && firm == 0 => continue,
                    None if !name.contains(' ') && m.confidence <= 0.5 && firm < SINGLE_WORD_FLOOR && best_kind.get(name).is_none_or(|b| b.0 <= 0.5) => continue,
                    None => {
                        let kind = best_kind.get(name).map_or(*kind, |b| b.1);
                        (ActorKey::Name(name), name.as_str(), kind, *affiliation)
                    }
                }
            }
        };
        // "Prime Minister Benjamin Netanyahu" with no country in the title: the office is the
        // country's the text is speaking of there.
        let affiliation = match (&m.title, affiliation) {
            (Some(title), None) if title.split(' ').any(is_office) => country_in_context(&raw, m),
            (_, a) => a,
        };
        if let Some(title) = &m.title {
            let holder = (key, name, affiliation);
            titled.insert(title.rsplit(' ').next().unwrap_or(""), holder);
            titled.insert(title, holder);
        }
        let affiliation = affiliation.map(|c| {
            *country_actor.entry(c).or_insert_with(|| {
                let (_, cname) = lexicon::COUNTRIES[c];
                new_actor(&mut cast, &mut by_key, ActorKey::Country(lexicon::COUNTRIES[c].0), cname, ActorKind::Country, 0.9)
            })
        });
        let actor = match by_key.get(&key) {
            Some(&a) => a,
            None => {
                let a = new_actor(&mut cast, &mut by_key, key, name, kind, m.confidence);
                if let Key::Country(c) = m.key {
                    country_actor.insert(c, a);
                }
                a
            }
        };
        let entry = &mut cast.actors[actor];
        entry.confidence = entry.confidence.max(m.confidence);
        if entry.affiliation.is_none() {
            entry.affiliation = affiliation;
        }
        surface.clear();
        surface_form_into(&text[m.start..m.end], &mut surface);
        if surface != entry.name && !entry.aliases.contains(&surface) {
            entry.aliases.push(surface.clone());
        }
        if kind == ActorKind::Person {
            persons.named(name);
        }
        cast.mentions.push(Mention { start: m.start, end: m.end, sentence: m.sentence, actor, reference: false });
    }
    cast
}

/// The full person names of an article ("Barack Obama"), for the shorter forms that stand for
/// them: a reader takes a lone surname ("Obama", "Mr. Obama") for the person of that name named
/// last before it, so after "Michelle Obama ... Barack Obama", "Mr. Obama" is Barack.
/// The names are borrowed from the raw mentions, so a name found is no copy.
struct FullNames<'r> {
    /// Each full name once, in order of first mention.
    names: Vec<&'r str>,
    /// Per word suffix of a full name ("Obama", "Guajardo Villarreal"): the first full name that
    /// ends with it, and the one of them named last so far.
    by_suffix: FastMap<&'r str, (usize, Option<usize>)>,
    /// Per first word: the one full name it opens, None when it opens several.
    by_given: FastMap<&'r str, Option<usize>>,
    /// Full name → its index in `names`.
    index: FastMap<&'r str, usize>,
}

impl<'r> FullNames<'r> {
    /// Indexes the full names of the raw mentions (a person's name of two words or more), once each.
    fn new(raw: &'r [RawMention]) -> Self {
        let mut names = FullNames { names: Vec::new(), by_suffix: FastMap::default(), by_given: FastMap::default(), index: FastMap::default() };
        for m in raw {
            let Key::Name { name, kind: ActorKind::Person, .. } = &m.key else { continue };
            if !name.contains(' ') || names.index.contains_key(name.as_str()) {
                continue;
            }
            let id = names.names.len();
            names.index.insert(name, id);
            for surname in surnames(name) {
                names.by_suffix.entry(surname).or_insert((id, None));
            }
            if let Some((given, _)) = name.split_once(' ') {
                names.by_given.entry(given).and_modify(|slot| *slot = None).or_insert(Some(id));
            }
            names.names.push(name);
        }
        names
    }

    /// The full name a surname stands for: the one ending with it named last before, else the
    /// first named after it.
    fn surname(&self, surname: &str) -> Option<&'r str> {
        let &(first, latest) = self.by_suffix.get(surname)?;
        self.names.get(latest.unwrap_or(first)).copied()
    }

    /// The one full name that a given name opens, if only one does.
    fn given(&self, given: &str) -> Option<&'r str> {
        self.by_given.get(given).copied().flatten().and_then(|id| self.names.get(id)).copied()
    }

    /// Notes that `full` is named here, so the surnames after it go to it.
    fn named(&mut self, full: &str) {
        let Some(&id) = self.index.get(full) else { return };
        for surname in surnames(full) {
            if let Some(slot) = self.by_suffix.get_mut(surname) {
                slot.1 = Some(id);
            }
        }
    }
}

/// The word suffixes of a full name that may stand for it alone ("Obama", "Guajardo Villarreal"),
/// with and without a generational suffix: "Martin Luther King Jr." is "King" too.
fn surnames(full: &str) -> impl Iterator<Item = &str> {
    fn word_suffixes(name: &str) -> impl Iterator<Item = &str> {
        name.match_indices(' ').map(move |(at, _)| &name[at + 1..])
    }
    let core = full.rsplit_once(' ').filter(|(_, last)| is_generational(last)).map(|(core, _)| core);
    word_suffixes(full).filter(|s| !is_generational(s)).chain(core.into_iter().flat_map(word_suffixes))
}

/// The country most named around a mention: in its sentence (weight 2) and the one before (1),
/// ties going to the country named nearest before it. None when no country is named there.
fn country_in_context(raw: &[RawMention], m: &RawMention) -> Option<usize> {
    let mut score: FastMap<usize, (u32, usize)> = FastMap::default();
    // `raw` is in text order, so its sentences are too: look only at this sentence and the one before.
    let from = raw.partition_point(|r| r.sentence + 1 < m.sentence);
    let to = raw.partition_point(|r| r.sentence <= m.sentence);
    for r in &raw[from..to.max(from)] {
        let Key::Country(c) = r.key else { continue };
        let weight = if r.sentence == m.sentence {
            2
        } else if r.sentence + 1 == m.sentence {
            1
        } else {
            continue;
        };
        let e = score.entry(c).or_insert((0, usize::MAX));
        e.0 += weight;
        e.1 = e.1.min(m.start.abs_diff(r.start));
    }
    score.into_iter().max_by_key(|&(c, (w, dist))| (w, std::cmp::Reverse(dist), std::cmp::Reverse(c))).map(|(c, _)| c)
}

/// How often a lone unknown capitalised word must be written as a name to be kept: once is too
/// often a stray capital (measured on the CoNLL and alias dev sets: 1 costs typed F1, 3 recall).
const SINGLE_WORD_FLOOR: usize = 2;

fn new_actor<'r>(
    cast: &mut Cast,
    by_key: &mut FastMap<ActorKey<'r>, usize>,
    key: ActorKey<'r>,
    name: &str,
    kind: ActorKind,
    confidence: f32,
) -> usize {
    if let Some(&a) = by_key.get(&key) {
        return a;
    }
    let mut id = slug(name);
    if cast.actors.iter().any(|a| a.id == id) {
        id = format!("{id}-{}", kind.as_str());
    }
    cast.actors.push(ActorEntry { id, name: name.to_string(), kind, aliases: Vec::new(), affiliation: None, confidence });
    by_key.insert(key, cast.actors.len() - 1);
    cast.actors.len() - 1
}

/// A mention's text as an alias: curly apostrophes folded, white space collapsed.
pub(super) fn surface_form(s: &str) -> String {
    // One pass, one allocation: this runs for every capitalised run of the article.
    let mut out = String::with_capacity(s.len());
    surface_form_into(s, &mut out);
    out
}

/// [`surface_form`], appended to an empty `out`.
pub(super) fn surface_form_into(s: &str, out: &mut String) {
    // Most names are ASCII words apart by single spaces: their own surface form, seen in one
    // byte pass with no splitting or decoding.
    let bytes = s.as_bytes();
    let single_spaced = bytes.iter().enumerate().all(|(i, &b)| match b {
        b' ' => i > 0 && i + 1 < bytes.len() && bytes[i - 1] != b' ',
        b'\t'..=b'\r' => false,
        _ => b.is_ascii(),
    });
    if single_spaced && out.is_empty() {
        out.push_str(s);
        return;
    }
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.push_str(word);
        } else {
            out.extend(word.chars().map(|c| if crate::text::is_apostrophe(c) { '\'' } else { c }));
        }
    }
}
