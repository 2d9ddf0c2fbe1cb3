//! `analyze`: the stages in order, on one thread, each a function of what the
//! stages before it made.

use std::ops::Range;

use super::attribution::{self, Attribution};
use super::kinds::{self, Shape};
use super::lexicon::{Flags, Lexicon};
use super::marks::{self, RawQuote};
use super::model::{Analysis, How, Quote, QuoteKind, Speaker};
use super::options::Options;
use super::people::People;
use super::rules::{self, Context};
use super::spelling::{self, Draft};
use super::{cast, headlines, material, sentences, tokens};
use crate::text::ProseMap;

/// Analyses a draft. Offsets are kept in four bytes: a draft of 4 GiB or more
/// (a thousand times the command line's and the server's limit) gives an empty
/// analysis.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    if u32::try_from(text.len()).is_err() {
        return Analysis::default();
    }
    let (language, language_origin) = options.language_of(text);
    let lex = options.lexicon(language);
    // Prose map: a same-length copy with everything but prose blanked.
    let prose = ProseMap::new(text, options.format);
    let masked: &str = &prose.masked;
    // Quotations, and the narrative around them as paragraphs and sentences.
    let (raw, lone_marks) = marks::scan(masked, &prose.blocks, lex);
    let tokens = tokens::tokenize(masked, &prose.blocks, &raw, lex);
    let headlines = headlines::find(&tokens, masked, prose.blocks.len());
    let sentences = sentences::split(&tokens, masked, &raw);
    // People and their mentions, then who said what.
    let headline = |b: usize| headlines.get(b).copied().unwrap_or(false);
    let mut people = People::find(&tokens, masked, lex, &headline);
    let attributions = attribution::attribute(
        &tokens,
        &sentences,
        &headlines,
        masked,
        &raw,
        &mut people,
        lex,
    );
    let shapes = kinds::shapes(&raw, masked, &prose.blocks, &headlines, lex);
    let mut quotes = quotations(&raw, attributions, &shapes, masked, lex);
    // One spelling per person.
    let tops: Vec<Range<usize>> = raw
        .iter()
        .filter(|q| q.parent.is_none())
        .map(|q| q.span.clone())
        .collect();
    let aside = |at: usize| {
        let in_quote = tops
            .partition_point(|q| q.start <= at)
            .checked_sub(1)
            .is_some_and(|i| at < tops[i].end);
        let block = prose
            .blocks
            .partition_point(|b| b.start <= at)
            .saturating_sub(1);
        in_quote || headline(block) || prose.in_heading(at)
    };
    let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
    let quoted_runs = People::names_in_quotations(masked, &raw, lex);
    let draft = Draft {
        text: masked,
        tokens: &tokens,
        sentence_starts: &sentence_starts,
        aside: &aside,
        quoted_runs: &quoted_runs,
    };
    let spellings = spelling::resolve(&mut people, &draft, &options.people, lex);
    // The cast, and the quotations credited to each person.
    let (mut persons, index) = cast::people_of(&people, &spellings, text, &options.people);
    cast::credit(&mut quotes, &mut persons, &index, &people);
    let mut analysis = Analysis {
        quotes,
        people: persons,
        findings: Vec::new(),
        language,
        language_origin,
    };
    // Each quotation looked up in the draft's sources.
    material::look_up(&mut analysis, text, &options.material);
    // Findings, from every rule that is on.
    let context = Context {
        text,
        format: options.format,
        prose: &prose,
        analysis: &analysis,
        lone_marks: &lone_marks,
        names: &spellings.clusters,
        line_ending: if text.contains("\r\n") { "\r\n" } else { "\n" },
        title_case_blocks: &headlines,
        material: &options.material,
    };
    analysis.findings = rules::check(&context, options);
    analysis
}

/// Whether a speech verb governs the term after it, across the words
/// `between`: a few words and no new clause. "said “CNN” five times", "called
/// Mrs. Hale an “Iron Lady”", "a sign reading “Hale for Mayor”" credit the term;
/// "said she watched “Meet the Press”" names a show, and credits nobody.
fn governs(between: &str, lex: &Lexicon) -> bool {
    const REACH: usize = 3;
    kinds::at_most_words(between, REACH)
        && !between.split_whitespace().any(|w| {
            lex.word(w.trim_matches(|c: char| !c.is_alphanumeric()))
                .has(Flags::PRONOUN | Flags::CLAUSE_WORD)
        })
}

/// Each quotation as reported: its kind settled, its attribution turned into a
/// speaker and cue.
fn quotations(
    raw: &[RawQuote],
    attributions: Vec<Option<Attribution>>,
    shapes: &[Shape],
    masked: &str,
    lex: &Lexicon,
) -> Vec<Quote> {
    // Quotations that name a cue's source: an outlet in quotation marks
    // (schrieb „Die Zeit“) is a name, not words of its own.
    let sources: rustc_hash::FxHashSet<(usize, usize)> = attributions
        .iter()
        .flatten()
        .filter_map(|a| a.cue.as_ref().map(|c| (c.source.start, c.source.end)))
        .collect();
    raw.iter()
        .zip(attributions)
        .zip(shapes)
        .map(|((q, att), &shape)| {
            // A headline quotes a word as someone's only when it names them:
            // “Ruiz Says Vote Is ‘Historic’”, not “Mayor Calls Vote ‘Historic’”.
            let att =
                att.filter(|a| !shape.headline_fragment || matches!(a.speaker, Speaker::Person(_)));
            let a_source = sources.contains(&(q.span.start, q.span.end));
            let att = att.filter(|_| !a_source);
            let how = att.as_ref().map(|a| a.how);
            let kind = if a_source {
                QuoteKind::Term
            } else {
                kinds::kind_of(shape, &masked[q.inner.clone()], how, lex)
            };
            // A term by its surroundings or its words is credited to nobody, even
            // in a sentence with a cue ("appeared on “Meet the Press” and said"),
            // unless it is nested in speech, its cue's verb governs it ("said
            // “CNN” five times"), or it is worked into a sentence whose subject
            // uses it ("Trump identified the judge as “Spanish”").
            let att = att.filter(|a| {
                kind != QuoteKind::Term
                    || q.parent.is_some()
                    || a.how == How::Subject
                    || a.cue.as_ref().is_some_and(|c| {
                        c.verb.end <= q.span.start
                            && governs(&masked[c.verb.end..q.span.start], lex)
                    })
            });
            Quote {
                span: q.span.clone(),
                inner: q.inner.clone(),
                kind,
                nested_in: q.parent,
                continues: shape.continues,
                multi_paragraph: q.multi_paragraph,
                speaker: att.as_ref().map(|a| a.speaker.clone()),
                cue: att.as_ref().and_then(|a| a.cue.clone()),
                how: att.as_ref().map(|a| a.how),
                found: None,
            }
        })
        .collect()
}
