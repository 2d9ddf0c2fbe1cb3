//! The outline: each person with their quotations, then the speakers named only
//! by a description, then the quotations nobody is credited with.

use std::ops::Range;

use tower_lsp_server::lsp_types::{DocumentSymbol, SymbolKind};

use super::positions::{Encoding, to_range};
use super::snapshot::Snapshot;
use crate::analysis::{Analysis, QuoteKind, Speaker};
use crate::editor::first_words;

struct Outline<'a> {
    snap: &'a Snapshot,
    a: &'a Analysis,
    enc: Encoding,
}

impl Outline<'_> {
    #[allow(deprecated)] // `deprecated` is a field the struct still requires
    fn symbol(
        &self,
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        range: Range<usize>,
        selection: Range<usize>,
    ) -> DocumentSymbol {
        DocumentSymbol {
            name,
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: to_range(&self.snap.rope, &range, self.enc),
            selection_range: to_range(&self.snap.rope, &selection, self.enc),
            children: None,
        }
    }

    fn quote(&self, i: usize) -> DocumentSymbol {
        let q = &self.a.quotes[i];
        let words = first_words(self.snap.text.get(q.inner.clone()).unwrap_or(""), 6);
        let kind = match q.kind {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
        };
        self.symbol(
            format!("“{words}”"),
            Some(kind.into()),
            SymbolKind::STRING,
            q.span.clone(),
            q.span.clone(),
        )
    }

    /// A speaker (or the unattributed) with their quotations; the range runs over
    /// every mention and quotation so the children sit inside it.
    fn group(
        &self,
        name: String,
        detail: Option<String>,
        first: Range<usize>,
        quotes: &[usize],
        mentions: &[Range<usize>],
    ) -> DocumentSymbol {
        let spans = quotes
            .iter()
            .map(|&i| self.a.quotes[i].span.clone())
            .chain(mentions.iter().cloned())
            .chain([first.clone()]);
        let (start, end) = spans.fold((usize::MAX, 0), |(s, e), r| (s.min(r.start), e.max(r.end)));
        let mut sym = self.symbol(name, detail, SymbolKind::OBJECT, start..end, first);
        sym.children = Some(quotes.iter().map(|&i| self.quote(i)).collect());
        sym
    }
}

pub fn outline(snap: &Snapshot, enc: Encoding) -> Vec<DocumentSymbol> {
    let Some(a) = snap.analysis() else {
        return Vec::new();
    };
    let o = Outline { snap, a, enc };
    let mut out: Vec<(usize, DocumentSymbol)> = Vec::new();
    for p in &a.people {
        let Some(first) = p.mentions.first() else {
            continue;
        };
        let quotes: Vec<usize> = p
            .quotes
            .iter()
            .copied()
            .filter(|&i| a.quotes[i].nested_in.is_none())
            .collect();
        let detail = (!p.titles.is_empty()).then(|| p.titles.join("; "));
        out.push((
            first.start,
            o.group(p.name.clone(), detail, first.clone(), &quotes, &p.mentions),
        ));
    }
    let mut described: Vec<(String, Vec<usize>)> = Vec::new();
    let mut unattributed = Vec::new();
    for (i, q) in a
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.nested_in.is_none())
    {
        match &q.speaker {
            Some(Speaker::Description(d)) => match described.iter_mut().find(|(n, _)| *n == d.text)
            {
                Some((_, list)) => list.push(i),
                None => described.push((d.text.clone(), vec![i])),
            },
            None if q.kind != QuoteKind::Term => unattributed.push(i),
            _ => {}
        }
    }
    for (name, quotes) in described {
        let first = a.quotes[quotes[0]].span.clone();
        out.push((
            first.start,
            o.group(
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
        symbols.push(o.group(
            "Unattributed quotations".into(),
            None,
            span,
            &unattributed,
            &[],
        ));
    }
    symbols
}
