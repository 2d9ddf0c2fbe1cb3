//! The story's cast: one person for each entity the spelling stage kept apart,
//! with every mention and spelling, in order of first mention; and the
//! quotations credited to each.

use std::ops::Range;

use super::model::{Person, Quote, Speaker};
use super::people::People;
use super::spelling::{HouseName, Spellings, house_matches};
use crate::text::spaced;

/// The people of the story, and each entity's place among them (`None` for an
/// entity folded into another or never mentioned).
pub fn people_of(
    people: &People,
    spellings: &Spellings,
    text: &str,
    house: &[HouseName],
) -> (Vec<Person>, Vec<Option<usize>>) {
    let canonical = &spellings.canonical;
    let n = people.entities.len();
    let mut mentions: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
    let mut titles: Vec<Vec<String>> = vec![Vec::new(); n];
    for (e, ent) in people.entities.iter().enumerate() {
        let c = canonical[e];
        mentions[c].extend(ent.mentions.iter().cloned());
        for t in &ent.titles {
            if !titles[c].iter().any(|x| x.eq_ignore_ascii_case(t)) {
                titles[c].push(t.clone());
            }
        }
    }
    for (c, span) in &spellings.extra_mentions {
        mentions[*c].push(span.clone());
    }
    for m in &mut mentions {
        m.sort_by_key(|r| r.start);
        m.dedup();
    }
    let mut order: Vec<usize> = (0..n)
        .filter(|&e| canonical[e] == e && !mentions[e].is_empty())
        .collect();
    order.sort_by_key(|&e| mentions[e][0].start);
    let mut index = vec![None; n];
    for (i, &e) in order.iter().enumerate() {
        index[e] = Some(i);
    }
    let persons = order
        .iter()
        .map(|&e| {
            let mut spellings: Vec<(String, usize)> = Vec::new();
            for m in &mentions[e] {
                let s = spaced(&text[m.clone()]);
                match spellings.iter_mut().find(|(k, _)| *k == *s) {
                    Some((_, count)) => *count += 1,
                    None => spellings.push((s.into_owned(), 1)),
                }
            }
            let name = &people.entities[e].name;
            let listed = house.iter().find(|h| house_matches(h, name));
            let mut titles = std::mem::take(&mut titles[e]);
            if let Some(t) = listed.and_then(|h| h.title.clone()) {
                if !titles.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                    titles.push(t);
                }
            }
            let name = listed.map_or(name.as_str(), |h| h.name.as_str());
            Person {
                name: spaced(name).into_owned(),
                titles,
                mentions: std::mem::take(&mut mentions[e]),
                spellings,
                quotes: Vec::new(),
            }
        })
        .collect();
    let index = (0..n).map(|e| index[canonical[e]]).collect();
    (persons, index)
}

/// Quotation speakers renumbered from entities to the people of the story, and
/// each person's quotations listed. An entity that is no person of the story is
/// left as a description by its name.
pub fn credit(
    quotes: &mut [Quote],
    persons: &mut [Person],
    index: &[Option<usize>],
    people: &People,
) {
    for (i, q) in quotes.iter_mut().enumerate() {
        let Some(Speaker::Person(e)) = q.speaker else {
            continue;
        };
        match index[e] {
            Some(p) => {
                q.speaker = Some(Speaker::Person(p));
                persons[p].quotes.push(i);
            }
            None => {
                q.speaker = Some(Speaker::Description(super::model::Description {
                    text: people.entities[e].name.clone(),
                    span: q.cue.as_ref().map_or(q.span.clone(), |c| c.source.clone()),
                    anonymous: false,
                    gender: people.entities[e].gender,
                }));
            }
        }
    }
}
