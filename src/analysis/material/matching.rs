//! Finding a quotation's words in the sources.
//!
//! The newsroom's editing conventions are honoured: an ellipsis (`…`, `...`)
//! stands for words left out, in order and within one source; `[bracketed]`
//! words stand for a few words replaced (or for none, when they clarify); the
//! case of a letter never counts. When no passage has the words exactly, the
//! closest passage is the one sharing most of the quotation's words in order.

use super::{Material, Source, fold, words_in};
use crate::analysis::model::Found;

/// The most words an ellipsis may stand for.
const OMISSION: usize = 300;
/// The most words a bracketed replacement may stand for.
const REPLACEMENT: usize = 8;
/// A word this common in a source casts no vote for where a quotation stands.
const TOO_COMMON: usize = 5_000;
/// The longest quotation compared word by word when it is not found exactly.
const LONGEST_COMPARED: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Omission,
    Replacement,
}

/// A quotation as a pattern: runs of words, and what stands between them.
struct Pattern {
    segments: Vec<Vec<String>>,
    /// `gaps[i]` stands between `segments[i]` and `segments[i + 1]`.
    gaps: Vec<Gap>,
}

impl Pattern {
    fn new(quote: &str) -> Pattern {
        let mut segments: Vec<Vec<String>> = Vec::new();
        let mut gaps = Vec::new();
        let mut pending: Option<Gap> = None;
        let mut from = 0;
        let push = |segments: &mut Vec<Vec<String>>,
                    gaps: &mut Vec<Gap>,
                    pending: &mut Option<Gap>,
                    text: &str| {
            let words: Vec<String> = words_in(text, 0..text.len())
                .into_iter()
                .map(|w| w.folded)
                .collect();
            if words.is_empty() {
                return;
            }
            if !segments.is_empty() {
                gaps.push(pending.take().unwrap_or(Gap::Omission));
            }
            *pending = None;
            segments.push(words);
        };
        let mut i = 0;
        while i < quote.len() {
            let rest = &quote[i..];
            let marker = if rest.starts_with('[') {
                rest.find(']').map(|e| (e + 1, Gap::Replacement))
            } else if rest.starts_with('…') {
                Some(('…'.len_utf8(), Gap::Omission))
            } else if rest.starts_with("...") || rest.starts_with(". . .") {
                let len = rest.len() - rest.trim_start_matches(['.', ' ']).len();
                Some((len, Gap::Omission))
            } else {
                None
            };
            match marker {
                Some((len, gap)) => {
                    push(&mut segments, &mut gaps, &mut pending, &quote[from..i]);
                    pending = Some(match pending {
                        Some(Gap::Omission) => Gap::Omission,
                        _ => gap,
                    });
                    i += len;
                    from = i;
                }
                None => i += rest.chars().next().map_or(1, char::len_utf8),
            }
        }
        push(&mut segments, &mut gaps, &mut pending, &quote[from..]);
        Pattern { segments, gaps }
    }

    fn words(&self) -> Vec<&str> {
        self.segments.iter().flatten().map(String::as_str).collect()
    }
}

/// Looks a quotation's inner text up in the material. `is_speaker` tells
/// whether a source's speaker label names the draft's speaker: of several
/// exact occurrences, one in that speaker's words is preferred.
pub fn find(quote: &str, material: &Material, is_speaker: &dyn Fn(&str) -> bool) -> Option<Found> {
    let pattern = Pattern::new(quote);
    let total = pattern.words().len();
    if total == 0 {
        return None;
    }
    let mut exact: Vec<(&Source, usize, usize)> = Vec::new();
    for source in &material.sources {
        exact.extend(exact_matches(source, &pattern).map(|(a, b)| (&**source, a, b)));
    }
    let fits =
        |(s, a, b): &&(&Source, usize, usize)| s.speaker(*a, *b).is_some_and(|l| is_speaker(&l));
    if let Some(&(s, a, b)) = exact.iter().find(fits).or(exact.first()) {
        return Some(found(s, a, b, true, total, total));
    }
    if total > LONGEST_COMPARED {
        return None;
    }
    let words = pattern.words();
    let best = material
        .sources
        .iter()
        .filter_map(|s| closest(s, &words).map(|c| (s, c)))
        .max_by_key(|(_, (shared, a, b))| (*shared, std::cmp::Reverse(b - a)))?;
    let (source, (shared, first, last)) = best;
    // Half the words, in order, makes a passage the one the quotation was
    // taken from; less is a quotation the sources do not hold.
    (shared * 2 >= total && shared >= 2).then(|| found(source, first, last, false, shared, total))
}

fn found(s: &Source, first: usize, last: usize, exact: bool, shared: usize, words: usize) -> Found {
    Found {
        place: s.place(first, last),
        passage: s.passage(first, last),
        exact,
        shared,
        words,
        speaker: s.speaker(first, last),
    }
}

/// Where `segment` occurs in the source, starting within `from..=to`.
fn occurrences<'a>(
    s: &'a Source,
    segment: &'a [String],
    from: usize,
    to: usize,
) -> impl Iterator<Item = usize> + 'a {
    // Look up the rarest word, then check the words around it.
    let (k, rarest) = segment
        .iter()
        .enumerate()
        .min_by_key(|(_, w)| s.index.get(*w).map_or(0, Vec::len))
        .expect("segments are never empty");
    let at: &[u32] = s.index.get(rarest).map_or(&[], Vec::as_slice);
    at.iter().filter_map(move |&p| {
        let start = (p as usize).checked_sub(k)?;
        let fits = start >= from
            && start <= to
            && s.words
                .get(start..start + segment.len())
                .is_some_and(|ws| ws.iter().zip(segment).all(|(w, q)| w.folded == *q));
        fits.then_some(start)
    })
}

/// Every exact occurrence of the whole pattern, as first and last word.
fn exact_matches<'a>(s: &'a Source, p: &'a Pattern) -> impl Iterator<Item = (usize, usize)> + 'a {
    occurrences(s, &p.segments[0], 0, usize::MAX).filter_map(move |start| {
        let mut end = start + p.segments[0].len();
        for (segment, gap) in p.segments[1..].iter().zip(&p.gaps) {
            let reach = match gap {
                Gap::Omission => OMISSION,
                Gap::Replacement => REPLACEMENT,
            };
            let next = occurrences(s, segment, end, end + reach).min()?;
            end = next + segment.len();
        }
        Some((start, end - 1))
    })
}

/// The passage sharing most of `words` in order: the count shared, and its
/// first and last word, widened over the quotation's words it lacks at either end.
fn closest(s: &Source, words: &[&str]) -> Option<(usize, usize, usize)> {
    let n = words.len();
    // Each shared word votes for where the quotation would start.
    let mut votes: rustc_hash::FxHashMap<usize, u32> = Default::default();
    for (i, w) in words.iter().enumerate() {
        let Some(at) = s.index.get(*w).filter(|a| a.len() <= TOO_COMMON) else {
            continue;
        };
        for &p in at {
            *votes.entry((p as usize).saturating_sub(i) / 4).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, u32)> = votes.into_iter().collect();
    ranked.sort_by_key(|&(bucket, v)| (std::cmp::Reverse(v), bucket));
    ranked
        .iter()
        .take(3)
        .filter_map(|&(bucket, _)| {
            let from = (bucket * 4).saturating_sub(n / 2 + 4);
            let to = (bucket * 4 + n + n / 2 + 8).min(s.words.len());
            let window: Vec<&str> = s.words[from..to]
                .iter()
                .map(|w| w.folded.as_str())
                .collect();
            let pairs = densest(&tightened(common_words(words, &window), words, &window));
            let (&(qa, sa), &(qb, sb)) = (pairs.first()?, pairs.last()?);
            // Widen over the words the quotation has before the first shared
            // word and after the last, within the turn.
            let first = widen(s, from + sa, qa, false);
            let last = widen(s, from + sb, n - 1 - qb, true);
            Some((pairs.len(), first, last))
        })
        .max_by_key(|&(shared, a, b)| (shared, std::cmp::Reverse(b - a)))
}

fn widen(s: &Source, at: usize, by: usize, forward: bool) -> usize {
    let turn = s.turn_of[at];
    let mut i = at;
    for _ in 0..by {
        let next = if forward { i + 1 } else { i.wrapping_sub(1) };
        if s.turn_of.get(next) != Some(&turn) {
            break;
        }
        i = next;
    }
    i
}

/// The longest stretch of shared words that stand together in the source (no
/// more than a few words further apart than in the quotation), so a stray
/// "with" three lines up does not stretch the passage to it.
fn densest(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    const SLACK: usize = 3;
    let mut best: &[(usize, usize)] = &[];
    let mut start = 0;
    for i in 1..=pairs.len() {
        let apart = |k: usize| {
            let (q0, s0) = pairs[k - 1];
            let (q1, s1) = pairs[k];
            s1 - s0 > q1 - q0 + SLACK
        };
        if i == pairs.len() || apart(i) {
            if i - start > best.len() {
                best = &pairs[start..i];
            }
            start = i;
        }
    }
    best.to_vec()
}

/// Moves each shared word to its last occurrence before the next shared word,
/// so a passage starts where the quotation does, not at an earlier "the".
fn tightened(mut pairs: Vec<(usize, usize)>, a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    for k in (0..pairs.len().saturating_sub(1)).rev() {
        let (qi, sj) = pairs[k];
        let next = pairs[k + 1].1;
        if let Some(j) = (sj..next).rev().find(|&j| b[j] == a[qi]) {
            pairs[k].1 = j;
        }
    }
    pairs
}

/// The longest run of words the two share in order, as index pairs.
fn common_words(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Two texts word by word: each word's byte range and whether the other text
/// lacks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordDiff {
    pub draft: Vec<(std::ops::Range<usize>, bool)>,
    pub source: Vec<(std::ops::Range<usize>, bool)>,
}

/// Which words of a quotation and of the source's passage differ.
pub fn word_diff(draft: &str, source: &str) -> WordDiff {
    let a = words_in(draft, 0..draft.len());
    let b = words_in(source, 0..source.len());
    let fa: Vec<String> = a.iter().map(|w| fold(&draft[w.span.clone()])).collect();
    let fb: Vec<String> = b.iter().map(|w| fold(&source[w.span.clone()])).collect();
    let ra: Vec<&str> = fa.iter().map(String::as_str).collect();
    let rb: Vec<&str> = fb.iter().map(String::as_str).collect();
    let pairs = common_words(&ra, &rb);
    let kept_a: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let kept_b: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    WordDiff {
        draft: a
            .into_iter()
            .enumerate()
            .map(|(i, w)| (w.span, !kept_a.contains(&i)))
            .collect(),
        source: b
            .into_iter()
            .enumerate()
            .map(|(i, w)| (w.span, !kept_b.contains(&i)))
            .collect(),
    }
}
