//! What stands at a byte offset: a quotation, a person's mention.

use std::ops::Range;

use crate::Analysis;

/// The innermost quotation whose marks enclose `offset` (the closing mark included).
pub fn quote_at(a: &Analysis, offset: usize) -> Option<usize> {
    a.quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span.start <= offset && offset < q.span.end)
        .max_by_key(|(_, q)| q.span.start)
        .map(|(i, _)| i)
}

/// The person mentioned at `offset`, with the mention. The offset just past a
/// mention counts too: a cursor at the end of a name is on it.
pub fn person_at(a: &Analysis, offset: usize) -> Option<(usize, Range<usize>)> {
    a.people.iter().enumerate().find_map(|(p, person)| {
        person
            .mentions
            .iter()
            .find(|m| m.start <= offset && offset <= m.end)
            .map(|m| (p, m.clone()))
    })
}

/// The last person named before `offset` outside quotations: the likeliest speaker
/// of an unattributed quotation.
pub fn last_named_before(a: &Analysis, offset: usize) -> Option<(usize, Range<usize>)> {
    let quoted = |m: &Range<usize>| {
        a.quotes
            .iter()
            .any(|q| q.nested_in.is_none() && q.span.start <= m.start && m.end <= q.span.end)
    };
    a.people
        .iter()
        .enumerate()
        .flat_map(|(p, person)| person.mentions.iter().map(move |m| (p, m)))
        .filter(|(_, m)| m.end <= offset && !quoted(m))
        .max_by_key(|(_, m)| m.start)
        .map(|(p, m)| (p, m.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, analyze};

    #[test]
    fn finds_quotes_and_people_at_offsets() {
        let text = "Maria Alvarez said the plan was “a step in the right direction.”\n\n“Nobody asked us.” The hall emptied.\n";
        let a = analyze(text, &Options::default());
        let at = text.find("step").unwrap();
        assert_eq!(
            a.quotes[quote_at(&a, at).unwrap()].span.start,
            text.find('“').unwrap()
        );
        let (p, m) = person_at(&a, 2).unwrap();
        assert_eq!(a.people[p].name, "Maria Alvarez");
        assert_eq!(&text[m], "Maria Alvarez");
        assert!(person_at(&a, text.find("plan").unwrap()).is_none());
        let nobody = text.find("“Nobody").unwrap();
        assert_eq!(last_named_before(&a, nobody).map(|x| x.0), Some(p));
    }
}
