//! The outline: each person with their quotations, then the speakers named only
//! by a description, then the quotations nobody is credited with.

use std::ops::Range;

use tower_lsp_server::lsp_types::{DocumentSymbol, SymbolKind};

use super::positions::{Encoding, to_range};
use super::snapshot::Snapshot;
use crate::analysis::{QuoteKind, Speaker};
use crate::editor::first_words;

fn symbol(
    snap: &Snapshot,
    enc: Encoding,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range<usize>,
    selection: Range<usize>,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    #[allow(deprecated)] // `deprecated` is a required field of the struct
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: to_range(&snap.rope, &range, enc),
        selection_range: to_range(&snap.rope, &selection, enc),
        children,
    }
}

pub fn outline(snap: &Snapshot, enc: Encoding) -> Vec<DocumentSymbol> {
    let Some(a) = snap.analysis() else {
        return Vec::new();
    };
    let quote_symbol = |i: usize| {
        let q = &a.quotes[i];
        let words = first_words(snap.text.get(q.inner.clone()).unwrap_or(""), 6);
        let kind = match q.kind {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
        };
        symbol(
            snap,
            enc,
            format!("“{words}”"),
            Some(kind.into()),
            SymbolKind::STRING,
            q.span.clone(),
            q.span.clone(),
            None,
        )
    };
    let group = |name: String,
                 detail: Option<String>,
                 first: Range<usize>,
                 quotes: &[usize],
                 more: &[Range<usize>]| {
        let start = quotes
            .iter()
            .map(|&i| a.quotes[i].span.start)
            .chain(more.iter().map(|m| m.start))
            .chain([first.start])
            .min()
            .unwrap_or(first.start);
        let end = quotes
            .iter()
            .map(|&i| a.quotes[i].span.end)
            .chain(more.iter().map(|m| m.end))
            .chain([first.end])
            .max()
            .unwrap_or(first.end);
        let children: Vec<DocumentSymbol> = quotes.iter().map(|&i| quote_symbol(i)).collect();
        symbol(
            snap,
            enc,
            name,
            detail,
            SymbolKind::OBJECT,
            start..end,
            first,
            Some(children),
        )
    };
    let top = |i: &usize| a.quotes[*i].nested_in.is_none();
    let mut out: Vec<(usize, DocumentSymbol)> = Vec::new();
    for p in &a.people {
        let Some(first) = p.mentions.first() else {
            continue;
        };
        let quotes: Vec<usize> = p.quotes.iter().copied().filter(top).collect();
        let detail = (!p.titles.is_empty()).then(|| p.titles.join("; "));
        out.push((
            first.start,
            group(p.name.clone(), detail, first.clone(), &quotes, &p.mentions),
        ));
    }
    let mut described: Vec<(String, Vec<usize>)> = Vec::new();
    let mut unattributed = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        if q.nested_in.is_some() {
            continue;
        }
        match &q.speaker {
            Some(Speaker::Description(d)) => match described.iter_mut().find(|(n, _)| n == d) {
                Some((_, list)) => list.push(i),
                None => described.push((d.clone(), vec![i])),
            },
            None if q.kind != QuoteKind::Term => unattributed.push(i),
            _ => {}
        }
    }
    for (name, quotes) in described {
        let first = a.quotes[quotes[0]].span.clone();
        out.push((
            first.start,
            group(
                name,
                Some("described, not named".into()),
                first,
                &quotes,
                &[],
            ),
        ));
    }
    out.sort_by_key(|(at, _)| *at);
    let mut symbols: Vec<DocumentSymbol> = out.into_iter().map(|(_, s)| s).collect();
    if let Some(&first) = unattributed.first() {
        let span = a.quotes[first].span.clone();
        symbols.push(group(
            "Unattributed quotations".into(),
            None,
            span,
            &unattributed,
            &[],
        ));
    }
    symbols
}
