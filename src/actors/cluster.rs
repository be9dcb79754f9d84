//! Clustering: the mentions of one entity become one actor, and the mentions of two entities
//! never do. A reader takes a country's name, capital (where it acts: "Tehran said") and demonym
//! for the country; a surname, an initial and surname ("M. Varga") or a title ("the prime
//! minister") for the person named with it; an acronym for the name it abbreviates; a place
//! that a results table names as a team ("SEATTLE 70 63") for that team wherever the text does
//! not use it as a place; the last word of a team's name ("the Mariners") for the team.
//!
//! Kinds come from the evidence of all an entity's mentions (a given name, a title, an
//! organisation's word, a table's role, "in X"): the surest mention types the lone ones; the items of one list of names share the kind of those known. References that the
//! stances stage resolves ("he", "the company") join an entity through [`Cast::add_references`].

use crate::fasthash::FastMap;
use crate::lexicon::{self, AliasKind, EntityKind, Hit};
use crate::sort;
use crate::text::slug;

use super::mention::{is_generational, title_case, Key, RawMention};
use super::{ActorEntry, ActorKind, Cast, Mention};

/// What makes mentions one entity: the country, the gazetteer entity or the full name they stand
/// for (names borrowed from the raw mentions, so a key costs no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum EntityKey<'r> {
    Country(usize),
    Entity(usize),
    Name(&'r str),
}

/// What the mentions of one entity say of it.
struct Entity<'r> {
    key: EntityKey<'r>,
    /// The evidence for each kind (by [`kind_index`]): the surest mention typed so ("in Tavildara"
    /// makes a place of a word a lone mention types an organisation).
    votes: [f32; 5],
    /// The surest mention's confidence.
    confidence: f32,
    /// Mentions written where a capital letter means a name (not a lone word opening a sentence).
    firm: usize,
    /// Whether some mention is an item of a list of names, and the list's sentence.
    list: Option<usize>,
    /// The first affiliation a mention gives.
    affiliation: Option<&'r Key>,
}

fn kind_index(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Country => 0,
        ActorKind::Person => 1,
        ActorKind::Organization => 2,
        ActorKind::Group => 3,
        ActorKind::Place => 4,
    }
}

const KINDS: [ActorKind; 5] = [ActorKind::Country, ActorKind::Person, ActorKind::Organization, ActorKind::Group, ActorKind::Place];

/// The kind of a gazetteer entity.
fn entity_kind(e: usize) -> Option<(&'static str, ActorKind)> {
    let (name, kind, _) = lexicon::entity(e)?;
    let kind = match kind {
        EntityKind::Place => ActorKind::Place,
        EntityKind::Group => ActorKind::Group,
        EntityKind::Organization | EntityKind::Government => ActorKind::Organization,
    };
    Some((name, kind))
}

/// Clusters raw mentions (in text order) into the article's actors: one actor per country, per
/// gazetteer entity and per full name, the shorter forms joined to what they stand for; lone
/// words named once and nowhere else vouched for are dropped as too unsure.
pub(super) fn cluster(text: &str, raw: Vec<RawMention>) -> Cast {
    let names = Names::new(&raw);
    let mut persons = FullNames::new(&raw);
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: FastMap<EntityKey, usize> = FastMap::default();
    // The entity of each raw mention, found in text order (a surname is the person named last before it).
    let mut of_mention: Vec<Option<usize>> = Vec::with_capacity(raw.len());
    // The person last named with each title, for "the prime minister".
    let mut titled: FastMap<&str, usize> = FastMap::default();
    let mut surface = String::new();
    // The countries the text names as such, for a country's ambiguous name it also writes where
    // no place is expected ("Jordan closed its borders" after "cross into Jordan").
    let mut countries: Vec<usize> = raw.iter().filter_map(|m| if let Key::Country(c) = m.key { Some(c) } else { None }).collect();
    crate::sort::sort_by_key(&mut countries, |&c| c as u64);
    countries.dedup();
    for m in &raw {
        let (key, kind) = match &m.key {
            Key::Country(c) => {
                // "Jordan 's film" after "director Neil Jordan": a country's name that is also a
                // name people bear is the person the text names with it.
                surface.clear();
                surface_form_into(&text[m.start..m.end], &mut surface);
                let ambiguous = matches!(lexicon::country_alias(&surface), Some((_, AliasKind::AmbiguousName)));
                match persons.surname(&surface).filter(|_| ambiguous) {
                    Some(full) => (EntityKey::Name(full), ActorKind::Person),
                    None => (EntityKey::Country(*c), ActorKind::Country),
                }
            }
            Key::Entity(e) => {
                let Some((_, kind)) = entity_kind(*e) else {
                    of_mention.push(None);
                    continue;
                };
                surface.clear();
                surface_form_into(&text[m.start..m.end], &mut surface);
                match names.team(&surface).filter(|_| kind == ActorKind::Place && !m.locative) {
                    // "Seattle 's Edgar Martinez" where a table names SEATTLE a team.
                    Some(team) => (EntityKey::Name(team), ActorKind::Organization),
                    None => (EntityKey::Entity(*e), kind),
                }
            }
            Key::TitleRef(title) => {
                let holder = titled.get(title.as_str()).or_else(|| titled.get(title.rsplit(' ').next().unwrap_or("")));
                match holder {
                    Some(&entity) => {
                        of_mention.push(Some(entity));
                        continue;
                    }
                    None => {
                        of_mention.push(None);
                        continue;
                    }
                }
            }
            // "the North" after "North Korea": the country the text names with that word.
            Key::Name { name, .. } if names.compass.get(name.as_str()).copied().flatten().is_some() => {
                let c = names.compass.get(name.as_str()).copied().flatten().unwrap_or_default();
                (EntityKey::Country(c), ActorKind::Country)
            }
            Key::Name { name, kind } => {
                // "the Government of Syria" is Syria, as "the Syrian government" is; "Jordan" where
                // the text also names the country Jordan, unless a person bears the name.
                let country = government_of(name).or_else(|| named_country(name, &countries).filter(|_| persons.surname(name).is_none()));
                match country {
                    Some(c) => (EntityKey::Country(c), ActorKind::Country),
                    None => match (abbreviated_body(name), names.resolve(name, *kind, m.locative, &persons)) {
                        (Some((e, kind)), _) => (EntityKey::Entity(e), kind),
                        (None, Some((full, kind))) => (EntityKey::Name(full), kind),
                        (None, None) => (EntityKey::Name(name.as_str()), *kind),
                    },
                }
            }
        };
        let entity = *by_key.entry(key).or_insert_with(|| {
            entities.push(Entity { key, votes: [0.0; 5], confidence: 0.0, firm: 0, list: None, affiliation: None });
            entities.len() - 1
        });
        let e = &mut entities[entity];
        let vote = &mut e.votes[kind_index(kind)];
        *vote = vote.max(m.confidence);
        e.confidence = e.confidence.max(m.confidence);
        e.firm += usize::from(!m.weak);
        if m.list {
            e.list = Some(m.sentence);
        }
        if e.affiliation.is_none() {
            e.affiliation = m.affiliation.as_ref();
        }
        if let Some(title) = &m.title {
            titled.insert(title.rsplit(' ').next().unwrap_or(""), entity);
            titled.insert(title, entity);
        }
        if let EntityKey::Name(full) = key {
            if kind == ActorKind::Person {
                persons.named(full);
            }
        }
        of_mention.push(Some(entity));
    }
    let kinds = decide_kinds(&entities);
    let keep: Vec<bool> = entities
        .iter()
        .zip(&kinds)
        .map(|(e, &(_, saved))| match e.key {
            EntityKey::Name(name) => e.firm > 0 && (saved || name.contains(' ') || e.confidence > 0.5 || e.firm >= SINGLE_WORD_FLOOR),
            _ => true,
        })
        .collect();
    build_cast(text, &raw, &of_mention, &entities, &kinds, &keep, &names.compass)
}

/// Joins reference mentions to the entities they stand for ([`Cast::add_references`]): each
/// names its actor; it adds no actor, alias or salience, and keeps the mentions in text order.
/// A reference overlapping a named mention (or an earlier reference) is dropped: the name says more.
pub(super) fn add_references(cast: &mut Cast, references: Vec<Mention>) {
    let actors = cast.actors.len();
    let named = &cast.mentions;
    // Named mentions do not overlap, so the last one starting before `r` ends is the only one that may cover it.
    let covered = |r: &Mention| {
        let before_end = named.partition_point(|m| m.start < r.end);
        before_end.checked_sub(1).and_then(|k| named.get(k)).is_some_and(|m| m.end > r.start)
    };
    let mut candidates: Vec<Mention> = references.into_iter().filter(|r| r.actor < actors && !covered(r)).collect();
    sort::sort_by_key(&mut candidates, |r| r.start as u64);
    let mut kept: Vec<Mention> = Vec::with_capacity(candidates.len());
    for r in candidates {
        if kept.last().is_none_or(|k| k.end <= r.start) {
            kept.push(r);
        }
    }
    if kept.is_empty() {
        return;
    }
    cast.mentions.extend(kept);
    sort::sort_by_key(&mut cast.mentions, |m| m.start as u64);
}

/// Each entity's kind (the one with the most evidence; a gazetteer's entity keeps its own), and
/// whether a list of names vouches for it: a lone word in a list whose other items are known
/// persons is a person too ("Given , Breen , Staunton").
fn decide_kinds(entities: &[Entity]) -> Vec<(ActorKind, bool)> {
    let mut kinds: Vec<(ActorKind, bool)> = entities
        .iter()
        .map(|e| {
            let kind = match e.key {
                EntityKey::Country(_) => ActorKind::Country,
                EntityKey::Entity(id) => entity_kind(id).map_or(ActorKind::Organization, |(_, k)| k),
                EntityKey::Name(_) => {
                    let best = (0..KINDS.len()).fold(0, |b, k| if e.votes[k] > e.votes[b] { k } else { b });
                    KINDS[best]
                }
            };
            (kind, false)
        })
        .collect();
    // Per list (its sentence): the evidence of its sure items for each kind.
    let mut lists: FastMap<usize, [f32; 5]> = FastMap::default();
    for (e, &(kind, _)) in entities.iter().zip(&kinds) {
        if let (Some(list), true) = (e.list, e.confidence >= LIST_SURE) {
            lists.entry(list).or_insert([0.0; 5])[kind_index(kind)] += 1.0;
        }
    }
    for (e, slot) in entities.iter().zip(kinds.iter_mut()) {
        let Some(votes) = e.list.filter(|_| e.confidence < LIST_SURE).and_then(|l| lists.get(&l)) else { continue };
        let best = (0..KINDS.len()).fold(0, |b, k| if votes[k] > votes[b] { k } else { b });
        if votes[best] >= 2.0 && KINDS[best] != ActorKind::Country {
            *slot = (KINDS[best], true);
        }
    }
    kinds
}

/// How sure a list item must be to vouch for the kind of the list's other items.
const LIST_SURE: f32 = 0.6;

/// The actors (in order of first mention, an affiliation before its first affiliate) and their mentions.
fn build_cast(
    text: &str,
    raw: &[RawMention],
    of_mention: &[Option<usize>],
    entities: &[Entity],
    kinds: &[(ActorKind, bool)],
    keep: &[bool],
    compass: &FastMap<&'static str, Option<usize>>,
) -> Cast {
    let mut cast = Cast::default();
    let mut actor_of: Vec<Option<usize>> = vec![None; entities.len()];
    let mut by_affiliation: FastMap<EntityKey, usize> = FastMap::default();
    let mut surface = String::new();
    for (m, entity) in raw.iter().zip(of_mention) {
        let Some(entity) = *entity else { continue };
        if !keep[entity] {
            continue;
        }
        let actor = match actor_of[entity] {
            Some(a) => a,
            None => {
                let e = &entities[entity];
                // What the entity belongs to: an actor of its own (the country of a title).
                let affiliation =
                    e.affiliation.and_then(|k| affiliation_actor(&mut cast, &mut by_affiliation, &actor_of, entities, k, compass));
                let a = match by_affiliation.get(&e.key) {
                    Some(&a) => a,
                    None => new_actor(&mut cast, entity_name(e.key), kinds[entity].0, 0.0),
                };
                cast.actors[a].affiliation = cast.actors[a].affiliation.or(affiliation);
                actor_of[entity] = Some(a);
                a
            }
        };
        let entry = &mut cast.actors[actor];
        entry.confidence = entry.confidence.max(m.confidence);
        surface.clear();
        surface_form_into(&text[m.start..m.end], &mut surface);
        if surface != entry.name && !entry.aliases.contains(&surface) {
            entry.aliases.push(surface.clone());
        }
        cast.mentions.push(Mention { start: m.start, end: m.end, sentence: m.sentence, actor, reference: false });
    }
    cast
}

/// The actor of an affiliation: the country of a title, made an actor if the text does not
/// name it on its own; "the North's leader" is North Korea's where the text names that country.
fn affiliation_actor<'r>(
    cast: &mut Cast,
    by_affiliation: &mut FastMap<EntityKey<'r>, usize>,
    actor_of: &[Option<usize>],
    entities: &[Entity<'r>],
    key: &'r Key,
    compass: &FastMap<&'static str, Option<usize>>,
) -> Option<usize> {
    let key = match key {
        Key::Country(c) => EntityKey::Country(*c),
        Key::Entity(e) => EntityKey::Entity(*e),
        Key::Name { name, .. } => match compass.get(name.as_str()).copied().flatten() {
            Some(c) => EntityKey::Country(c),
            None => EntityKey::Name(name),
        },
        Key::TitleRef(_) => return None,
    };
    if let Some(a) = entities.iter().position(|e| e.key == key).and_then(|e| actor_of.get(e).copied().flatten()) {
        return Some(a);
    }
    if let Some(&a) = by_affiliation.get(&key) {
        return Some(a);
    }
    let kind = match key {
        EntityKey::Country(_) => ActorKind::Country,
        EntityKey::Entity(e) => entity_kind(e).map_or(ActorKind::Organization, |(_, k)| k),
        EntityKey::Name(_) => ActorKind::Organization,
    };
    let a = new_actor(cast, entity_name(key), kind, 0.9);
    by_affiliation.insert(key, a);
    Some(a)
}

/// An entity's name as the report shows it.
fn entity_name(key: EntityKey<'_>) -> &str {
    match key {
        EntityKey::Country(c) => lexicon::COUNTRIES.get(c).map_or("", |c| c.1),
        EntityKey::Entity(e) => entity_kind(e).map_or("", |(name, _)| name),
        EntityKey::Name(name) => name,
    }
}

/// The names of an article by what they can stand for: organisations by their initials
/// ("FOMC"), teams by the place they are named after ("SEATTLE" in a table) and by their last
/// word ("Mariners" of "Seattle Mariners").
struct Names<'r> {
    /// Initials of a name of several words → the one name with them (None when two share them).
    by_initials: FastMap<String, Option<&'r str>>,
    /// A team's name as a table writes it, title-cased ("Seattle") → that name.
    teams: FastMap<String, &'r str>,
    /// The parts of a body's name that holds a place, title-cased: "Seattle" and "Mariners" of
    /// "Seattle Mariners", "Real" of "Real Madrid" → that name (None when two names share a part).
    parts: FastMap<String, Option<&'r str>>,
    /// Every name found by pattern that is no person's, so a singular finds its plural
    /// ("Moslem" → "Moslems", "All Black" → "All Blacks").
    plurals: FastMap<&'r str, &'r str>,
    /// The countries the text names whose name opens with a point of the compass ("North Korea"),
    /// by that word: "the North" is the one (None when two are named).
    compass: FastMap<&'static str, Option<usize>>,
}

impl<'r> Names<'r> {
    fn new(raw: &'r [RawMention]) -> Self {
        let mut names = Names {
            by_initials: FastMap::default(),
            teams: FastMap::default(),
            parts: FastMap::default(),
            plurals: FastMap::default(),
            compass: FastMap::default(),
        };
        for m in raw {
            if let Key::Country(c) = m.key {
                let name = lexicon::COUNTRIES.get(c).map_or("", |c| c.1);
                if let Some((point @ ("North" | "South" | "East" | "West"), _)) = name.split_once(' ') {
                    let slot = names.compass.entry(point).or_insert(Some(c));
                    if *slot != Some(c) {
                        *slot = None;
                    }
                }
            }
            let Key::Name { name, kind } = &m.key else { continue };
            if *kind != ActorKind::Person {
                if let Some(singular) = name.strip_suffix('s').filter(|s| s.len() >= 3) {
                    names.plurals.insert(singular, name);
                }
            }
            // "Maghawir al Thawra (MaT)": an acronym that keeps a small word's small letter names
            // the body whatever kind its spelled-out name was first taken for.
            if name.split(' ').any(|w| w.starts_with(char::is_lowercase)) {
                let initials: String = name.split([' ', '-']).filter_map(|w| w.chars().next()).collect();
                if initials.chars().count() >= 3 && initials.chars().any(char::is_lowercase) {
                    names.add_initials(initials, name);
                }
            }
            if !matches!(kind, ActorKind::Organization | ActorKind::Group) {
                continue;
            }
            if m.table && !name.contains(' ') {
                names.teams.insert(title_case(name), name);
            }
            names.add_parts(name);
            if name.contains(' ') {
                let initials: String = name.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
                if initials.chars().count() >= 2 {
                    names.add_initials(initials, name);
                }
            }
        }
        names
    }

    /// Registers the parts of `name` if a place's name opens or closes it: "Seattle Mariners" is
    /// "Seattle" (where the text does not use it as the city) and "Mariners"; "Real Madrid" is
    /// "Real". A place's name on its own is left to the place when it closes the name ("Madrid").
    fn add_parts(&mut self, name: &'r str) {
        let is_place =
            |s: &str| matches!(lexicon::lookup(s), Some(Hit::Entity(e)) if entity_kind(e).is_some_and(|(_, k)| k == ActorKind::Place));
        for (at, _) in name.match_indices(' ') {
            let (head, tail) = (&name[..at], &name[at + 1..]);
            let parts: &[&str] = if is_place(head) {
                &[head, tail]
            } else if is_place(tail) {
                &[head]
            } else {
                continue;
            };
            for part in parts {
                let slot = self.parts.entry(title_case(part)).or_insert(Some(name));
                if *slot != Some(name) {
                    *slot = None;
                }
            }
            return;
        }
    }

    /// Records that `initials` abbreviate `name`; two names with the same initials leave no guess.
    fn add_initials(&mut self, initials: String, name: &'r str) {
        let slot = self.by_initials.entry(initials).or_insert(Some(name));
        if *slot != Some(name) {
            *slot = None;
        }
    }

    /// The team a place's name stands for in this article, if a table names it so, or the body
    /// whose name it opens ("Seattle" of "Seattle Mariners").
    fn team(&self, surface: &str) -> Option<&'r str> {
        let key = title_case(surface);
        self.teams.get(key.as_str()).copied().or_else(|| self.parts.get(key.as_str()).copied().flatten())
    }

    /// What a name found by pattern stands for, when not itself: the organisation an acronym
    /// abbreviates, the person a surname, an initial and surname or a given name shortens, the
    /// team or body a part of its name stands for, the plural of a group's name.
    fn resolve(&self, name: &'r str, kind: ActorKind, locative: bool, persons: &FullNames<'r>) -> Option<(&'r str, ActorKind)> {
        if let Some(full) = self.by_initials.get(name).copied().flatten() {
            return Some((full, ActorKind::Organization));
        }
        let person = persons
            .surname(name)
            .or_else(|| persons.initialled(name))
            .or_else(|| persons.given(name).filter(|_| lexicon::is_given_name(name) || !locative));
        if let Some(full) = person {
            return Some((full, ActorKind::Person));
        }
        if let Some(team) = self.team(name).filter(|t| *t != name && !locative) {
            return Some((team, ActorKind::Organization));
        }
        if let Some(&plural) = self.plurals.get(name) {
            return Some((plural, kind));
        }
        None
    }
}

/// The country a name "Government of <country>" names.
fn government_of(name: &str) -> Option<usize> {
    let (head, rest) = name.split_once(" of ")?;
    if !head.eq_ignore_ascii_case("government") {
        return None;
    }
    match lexicon::country_alias(rest) {
        Some((c, AliasKind::Name)) => Some(c),
        _ => None,
    }
}

/// The country among `countries` (those the text names as such) whose ambiguous name `name` is:
/// "Jordan" once the text has named the country Jordan where a place is expected.
fn named_country(name: &str, countries: &[usize]) -> Option<usize> {
    match lexicon::country_alias(name) {
        Some((c, AliasKind::AmbiguousName)) if countries.contains(&c) => Some(c),
        _ => None,
    }
}

/// The gazetteer's body a longer name spells out with its opening words in full, where the
/// initials of those words and the rest are the body's alias: "United Nations Security Council"
/// is the "UN Security Council", one body, not a second one beside it.
fn abbreviated_body(name: &str) -> Option<(usize, ActorKind)> {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    for k in 2..words.len() {
        let opening = &words[..k];
        if !opening.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
        let mut form: String = opening.iter().filter_map(|w| w.chars().next()).collect();
        for w in &words[k..] {
            form.push(' ');
            form.push_str(w);
        }
        if let Some(lexicon::Hit::Entity(e)) = lexicon::lookup(&form) {
            if let Some((_, kind @ (ActorKind::Organization | ActorKind::Group))) = entity_kind(e) {
                return Some((e, kind));
            }
        }
    }
    None
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
    /// Per initial and last word ("M", "Waugh"): the one full name of that shape, None when several.
    by_initial: FastMap<(char, &'r str), Option<usize>>,
    /// Full name → its index in `names`.
    index: FastMap<&'r str, usize>,
}

impl<'r> FullNames<'r> {
    /// Indexes the full names of the raw mentions (a person's name of two words or more), once each.
    fn new(raw: &'r [RawMention]) -> Self {
        let mut names = FullNames {
            names: Vec::new(),
            by_suffix: FastMap::default(),
            by_given: FastMap::default(),
            by_initial: FastMap::default(),
            index: FastMap::default(),
        };
        for m in raw {
            // A name only a headline writes ("Warren Hammers Wells Fargo") owns no surname.
            let Key::Name { name, kind: ActorKind::Person, .. } = &m.key else { continue };
            if m.weak {
                continue;
            }
            // "M. Varga" is a full name for a lone "Varga", but it opens no name and does not
            // stand in the way of "M. Varga" → "Mark Varga".
            let initialled = name.split_once(". ").is_some_and(|(initial, _)| initial.chars().count() == 1);
            if !name.contains(' ') || names.index.contains_key(name.as_str()) {
                continue;
            }
            let id = names.names.len();
            names.index.insert(name, id);
            for surname in surnames(name) {
                names.by_suffix.entry(surname).or_insert((id, None));
            }
            if let Some((given, _)) = name.split_once(' ').filter(|_| !initialled) {
                names.by_given.entry(given).and_modify(|slot| *slot = None).or_insert(Some(id));
                if let (Some(initial), Some((_, last))) = (given.chars().next(), name.rsplit_once(' ')) {
                    names.by_initial.entry((initial, last)).and_modify(|slot| *slot = None).or_insert(Some(id));
                }
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

    /// The one full name an initial and surname stand for ("M. Waugh" → "Mark Waugh").
    fn initialled(&self, name: &str) -> Option<&'r str> {
        let (initial, last) = name.split_once(". ")?;
        let mut letters = initial.chars();
        let (Some(letter), None) = (letters.next(), letters.next()) else { return None };
        self.by_initial.get(&(letter, last)).copied().flatten().and_then(|id| self.names.get(id)).copied()
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

/// How often a lone unknown capitalised word must be written as a name to be kept: once is too
/// often a stray capital (measured on the CoNLL and alias dev sets: 1 costs typed F1, 3 recall).
const SINGLE_WORD_FLOOR: usize = 2;

/// A new actor named `name`, its id the name's slug (with its kind after it if another actor has that slug).
fn new_actor(cast: &mut Cast, name: &str, kind: ActorKind, confidence: f32) -> usize {
    let mut id = slug(name);
    if cast.actors.iter().any(|a| a.id == id) {
        id = format!("{id}-{}", kind.as_str());
    }
    cast.actors.push(ActorEntry { id, name: name.to_string(), kind, aliases: Vec::new(), affiliation: None, confidence });
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
