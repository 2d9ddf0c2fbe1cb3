//! Capitalised runs of the narrative, split into title and name and classed as
//! a person, a candidate, a place, an organisation or nothing to name.

use std::ops::Range;

use super::{NameRun, RunClass, lower_name};
use crate::analysis::lexicon::{Flags, Lexicon};
use crate::analysis::tokens::{Case, Kind, Token};

/// A capitalised word that can be part of a name.
fn nameable(t: &Token) -> bool {
    if !t.is_capitalised() {
        return false;
    }
    // "US" and "IT" in capitals are not the pronoun and the stop word.
    let stop = t.has(Flags::STOP) && t.kind() != Kind::Word(Case::Upper);
    let cue = t.has(Flags::CUE | Flags::HEADLINE_CUE);
    !(stop || cue) || t.has(Flags::GIVEN)
}

/// A capitalised word that can go on a name already begun: any that can begin
/// one, and a word that is no name alone but no function word either ("Fox
/// News", "Judicial Watch"; not "Ruiz And").
fn continues_name(t: &Token) -> bool {
    let function_word = Flags::DETERMINER
        | Flags::CLAUSE_WORD
        | Flags::PHRASE_BREAK
        | Flags::PRONOUN
        | Flags::RELATIVE
        | Flags::COORDINATOR
        | Flags::AUX
        | Flags::CUE
        | Flags::HEADLINE_CUE
        | Flags::DAY_MONTH;
    nameable(t) || (t.is_capitalised() && t.has(Flags::STOP) && !t.has(function_word))
}

/// Two tokens one to three spaces apart, on one line or two.
fn joined_by_space(a: &Token, b: &Token, text: &str) -> bool {
    let gap = &text[a.end()..b.start()];
    !gap.is_empty()
        && gap.len() <= 3
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '\t' | '\n'))
}

/// The capitalised runs in `tokens`, split and classed, in text order.
/// `headline(block)` says whether a paragraph is set in title case.
pub fn find(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    headline: &dyn Fn(usize) -> bool,
) -> Vec<NameRun> {
    let mut runs: Vec<NameRun> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !nameable(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let end = run_end(tokens, start, text);
        if let Some(mut run) = classify(
            start..end,
            tokens,
            text,
            lex,
            headline(tokens[start].block()),
        ) {
            if matches!(run.class, RunClass::Unlinked | RunClass::Candidate) {
                // A title reaches back no further than the run before ends.
                let floor = runs.last().map_or(0, |r| r.name.end);
                run.title = lowercase_title(run.title.take(), start, tokens, floor);
                // "political science professor Brigid Harrison": a title is
                // evidence of a person, lowercase as well, before a full name
                // (a job word before one word may describe a company: "the
                // oil producer Aramco").
                let titled = run.words > 1
                    && run.title.as_ref().is_some_and(|t| {
                        tokens[t.clone()]
                            .iter()
                            .any(|w| w.is_lowercase_word() && w.has(Flags::TITLE))
                    });
                if run.class == RunClass::Candidate && titled {
                    run.class = RunClass::Unlinked;
                }
            }
            runs.push(run);
        }
        i = end;
    }
    if lex.traits.nouns_capitalised {
        nouns_are_not_names(&mut runs, tokens, text, lex);
    }
    runs
}

/// German capitalises every noun. A capitalised word the draft writes after an
/// article somewhere ("der Bericht", "den Worten"), or with an ending only
/// nouns have ("Bedrohung"), is a noun there and everywhere: alone, it is no
/// name. A person's surname takes no article.
fn nouns_are_not_names(runs: &mut [NameRun], tokens: &[Token], text: &str, lex: &Lexicon) {
    // After a comma, or a comma and a preposition, the article may be a
    // relative pronoun, and the word after it the relative clause's subject:
    // "die Marke, die Wolf nannte", "die Reform, für die Wolf warb".
    let comma = |k: usize| tokens[k].is_punct(',');
    let relative = |k: usize| {
        k >= 1 && (comma(k - 1) || k >= 2 && comma(k - 2) && tokens[k - 1].has(Flags::PHRASE_BREAK))
    };
    let nouns: rustc_hash::FxHashSet<&str> = (0..tokens.len().saturating_sub(1))
        .filter(|&k| {
            tokens[k].has(Flags::DETERMINER)
                && tokens[k].is_lowercase_word()
                && tokens[k + 1].is_capitalised()
                && !relative(k)
        })
        .map(|k| tokens[k + 1].stem(text))
        .collect();
    // A surname the draft writes after a given name ("Eva Hornung") is a name
    // whatever its ending.
    let surnames: rustc_hash::FxHashSet<&str> = runs
        .iter()
        .filter(|r| r.name.len() > 1)
        .map(|r| tokens[r.name.end - 1].stem(text))
        .collect();
    for run in runs.iter_mut() {
        let single = run.name.len() == 1;
        let word = tokens[run.name.start].stem(text);
        let noun_ending = lex.suffixes.is_noun(word) && !surnames.contains(word);
        if single && run.class == RunClass::Candidate && (nouns.contains(word) || noun_ending) {
            run.class = RunClass::Other;
        }
    }
}

/// Where the run of name words starting at `start` ends (exclusive).
fn run_end(tokens: &[Token], start: usize, text: &str) -> usize {
    let mut j = start;
    loop {
        let cur = &tokens[j];
        if cur.possessive() {
            break;
        }
        let Some(next) = tokens.get(j + 1) else { break };
        let short = cur.is_word()
            && (cur.end() - cur.start() == 1 || cur.has(Flags::ABBREVIATION | Flags::TITLE));
        if next.is_punct('.') && next.start() == cur.end() && short && cur.is_capitalised() {
            // "J." "Mr." "Sen.": keep going if a name follows.
            if tokens
                .get(j + 2)
                .is_some_and(|n| nameable(n) && n.block() == cur.block())
            {
                j += 2;
                continue;
            }
            break;
        }
        if continues_name(next) && next.block() == cur.block() && joined_by_space(cur, next, text) {
            j += 1;
            continue;
        }
        // "Secretary of State Dana Whitfield", "President of Ukraine", "Council
        // on Foreign Relations", "Bank of England".
        let of_title = cur.is_capitalised()
            && next.is_lowercase_word()
            && (cur.has(Flags::TITLE | Flags::ORG_WORD) && next.has(Flags::OF)
                || cur.has(Flags::ORG_WORD) && next.has(Flags::NAME_JOINER))
            && tokens
                .get(j + 2)
                .is_some_and(|n| nameable(n) && joined_by_space(next, n, text));
        if of_title && joined_by_space(cur, next, text) {
            j += 2;
            continue;
        }
        // "von der Leyen", "bin Salman": particles, then a capitalised word.
        // The definite article leads no particles: "Sprecher der Fraktion"
        // is a spokesman of something, not a name ("Laurence des Cars" is).
        let mut p = j + 1;
        while p < tokens.len()
            && p < j + 4
            && tokens[p].is_lowercase_word()
            && tokens[p].has(Flags::PARTICLE)
            && (p > j + 1 || !tokens[p].has(Flags::THE))
            && joined_by_space(&tokens[p - 1], &tokens[p], text)
        {
            p += 1;
        }
        // "Vorschlag von Michel Wolter": a word that is no given name opening
        // the run, and a given name after the particle, is a noun and then a
        // name of its own.
        let noun_then_name = j == start
            && !cur.has(Flags::GIVEN)
            && tokens.get(p).is_some_and(|n| n.has(Flags::GIVEN));
        if p > j + 1
            && !noun_then_name
            && tokens
                .get(p)
                .is_some_and(|n| nameable(n) && joined_by_space(&tokens[p - 1], n, text))
        {
            j = p;
            continue;
        }
        break;
    }
    j + 1
}

/// Extends a title leftwards over the lowercase words that give it: "Venezuelan
/// leader Andrés Caldera", "operations director Martin Hale", "economist Jane Doe".
fn lowercase_title(
    title: Option<Range<usize>>,
    run_start: usize,
    tokens: &[Token],
    floor: usize,
) -> Option<Range<usize>> {
    let start = title.as_ref().map_or(run_start, |t| t.start);
    let end = title.as_ref().map_or(run_start, |t| t.end);
    let Some(before) = start.checked_sub(1) else {
        return title;
    };
    let t = &tokens[before];
    let head = t.is_lowercase_word()
        && t.has(Flags::TITLE | Flags::DESCRIPTION)
        && !t.has(Flags::DETERMINER)
        && t.end() + 3 >= tokens[start].start();
    if !head {
        return title;
    }
    let mut first = before;
    while first > 0 && before - first < 4 {
        let p = &tokens[first - 1];
        let joined = p.end() + 3 >= tokens[first].start();
        let modifier = p.is_word()
            && !p.has(Flags::STOP | Flags::CUE | Flags::DETERMINER)
            && (p.is_lowercase_word() || p.has(Flags::ADJECTIVE) || p.possessive())
            && first > floor;
        if !(joined && modifier) {
            break;
        }
        first -= 1;
    }
    Some(first..end)
}

/// Splits a run into title and name and decides what it is. `None` for a run
/// with nothing name-like left.
fn classify(
    run: Range<usize>,
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    headline: bool,
) -> Option<NameRun> {
    let words: Vec<usize> = run.clone().filter(|&i| tokens[i].is_word()).collect();
    let has = |i: usize, f: Flags| tokens[i].has(f);
    // The title runs up to the last title word that still leaves a name after it.
    let mut title_end = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|&i| has(i, Flags::TITLE));
    // "Guitarist Ian Coles", "Chief Executive Diane Castellanos": words before a
    // known given name that is followed by a surname are a title too.
    let from = title_end.map_or(0, |k| k + 1);
    let initial = |i: usize| {
        tokens[i].end() - tokens[i].start() == 1
            && tokens.get(i + 1).is_some_and(|n| n.is_punct('.'))
    };
    if let Some(g) = words[from..words.len().saturating_sub(1)]
        .iter()
        .position(|&i| (has(i, Flags::GIVEN) || initial(i)) && !has(i, Flags::TITLE))
    {
        if g > 0
            && !words[from..from + g]
                .iter()
                .any(|&i| has(i, Flags::PARTICLE))
        {
            title_end = Some(from + g - 1);
        }
    }
    let (title, name_words) = match title_end {
        Some(k) => {
            let mut name_start = words[k] + 1;
            while name_start < run.end && !tokens[name_start].is_word() {
                name_start += 1;
            }
            (Some(run.start..name_start), &words[k + 1..])
        }
        None => (None, &words[..]),
    };
    let &first = name_words.first()?;
    let &last = name_words.last()?;
    let single = name_words.len() == 1;
    let upper = |i: usize| tokens[i].kind() == Kind::Word(Case::Upper);
    // A name of several words is asked of the place and organisation lists as
    // one lowercase phrase.
    let phrase = lower_name(&text[tokens[first].start()..tokens[last].stem_end()]);
    let (place, organisation) = if single {
        (false, false)
    } else {
        (lex.is_place(&phrase), lex.is_organisation(&phrase))
    };
    // A capitalised adjective right beside a cue verb, with no article before
    // it, is a surname: “…,” Cuban said; "said Young".
    let surname_by_cue = single && title.is_none() && has(first, Flags::ADJECTIVE) && {
        let cue_after = tokens.get(run.end).is_some_and(|t| t.has(Flags::CUE));
        let before = run.start.checked_sub(1).map(|p| &tokens[p]);
        let cue_before = before.is_some_and(|t| t.has(Flags::CUE));
        let article = before.is_some_and(|t| t.has(Flags::DETERMINER));
        (cue_after || cue_before) && !article
    };
    if single && title.is_none() && !surname_by_cue {
        let letters = tokens[first]
            .stem(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        // "Officials", "Others", "M": never a name on its own.
        if letters < 2
            || (has(first, Flags::DESCRIPTION) && !has(first, Flags::GIVEN))
            || has(first, Flags::ADJECTIVE)
        {
            return None;
        }
    }
    let all = |f: Flags| {
        name_words
            .iter()
            .all(|&i| has(i, f) && !has(i, Flags::GIVEN))
    };
    let class = if surname_by_cue {
        RunClass::Candidate
    } else if (single && has(first, Flags::PLACE)) || place {
        RunClass::Place
    } else if (single && has(first, Flags::ORGANISATION))
        || organisation
        // "Farm Bill" is a thing, "Bill Clinton" a person: a given name leading
        // a name is not the word that makes an organisation.
        || name_words
            .iter()
            .enumerate()
            .any(|(n, &i)| has(i, Flags::ORG_WORD) && !(n == 0 && !single && has(i, Flags::GIVEN)))
        // An acronym alone ("ESA", "FNSEA") names an organisation; so does an
        // outlet's name leading a run ("BBC Wales").
        || (single && upper(first) && !has(first, Flags::GIVEN) && title.is_none())
        || name_words.iter().any(|&i| upper(i) && has(i, Flags::ORGANISATION))
    {
        RunClass::Organisation
    } else if all(Flags::ADJECTIVE)
        || all(Flags::DAY_MONTH)
        || name_words
            .iter()
            .any(|&i| tokens[i].kind() == Kind::Word(Case::Other))
        || (!single && has(first, Flags::PLACE) && !has(first, Flags::GIVEN))
        // A people, a faith or a party ends a group's name, not a person's:
        // "Hispanic Republicans", "Young Latinos", "Carolina Democrats" (but
        // "Mark Cuban").
        || (!single
            && has(last, Flags::ADJECTIVE)
            && (!has(first, Flags::GIVEN) || tokens[last].stem(text).ends_with('s')))
    {
        RunClass::Other
    } else if headline {
        // In a title-case headline only names known from the story count.
        RunClass::HeadlineWord
    } else if title.is_some() || (!single && has(first, Flags::GIVEN)) {
        RunClass::Unlinked
    } else if !single && name_words.iter().all(|&i| upper(i)) {
        // "ON NOW", "BREAKING NEWS": page furniture, not names.
        RunClass::Other
    } else {
        RunClass::Candidate
    };
    Some(NameRun {
        name: first..last + 1,
        title,
        class,
        words: name_words.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Language;
    use crate::analysis::tokens;

    /// The class of each one-word run of `text` read in `language`.
    fn single_word_classes(text: &str, language: Language) -> Vec<(String, RunClass)> {
        let lex = Lexicon::for_language(language);
        let paragraph = 0..text.len();
        let toks = tokens::tokenize(text, std::slice::from_ref(&paragraph), &[], lex);
        find(&toks, text, lex, &|_| false)
            .into_iter()
            .filter(|r| r.name.len() == 1)
            .map(|r| (toks[r.name.start].stem(text).to_string(), r.class))
            .collect()
    }

    #[test]
    fn a_german_noun_written_after_an_article_is_no_name() {
        let text = "Im Rat sprach der Ausschuss. Ausschuss und Rat stritten. Wolf kam spät.";
        let classes = single_word_classes(text, Language::German);
        assert!(
            classes.contains(&("Ausschuss".into(), RunClass::Other)),
            "{classes:?}"
        );
        // A surname with no article stays a possible name.
        assert!(
            classes.contains(&("Wolf".into(), RunClass::Candidate)),
            "{classes:?}"
        );
    }
}
