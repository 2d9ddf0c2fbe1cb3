//! References, highlights and rename for a person: every mention, in every
//! spelling the story uses.

use std::collections::HashMap;

use tower_lsp_server::lsp_types::{
    DocumentHighlight, DocumentHighlightKind, Location, PrepareRenameResponse, TextEdit, Uri,
    WorkspaceEdit,
};

use super::positions::{Encoding, to_range};
use super::snapshot::Snapshot;
use crate::editor::{lookup, rename};

pub fn references(
    snap: &Snapshot,
    uri: &Uri,
    offset: usize,
    with_first: bool,
    enc: Encoding,
) -> Option<Vec<Location>> {
    let a = snap.analysis()?;
    let (p, _) = lookup::person_at(a, offset)?;
    let skip = usize::from(!with_first);
    Some(
        a.people[p]
            .mentions
            .iter()
            .skip(skip)
            .map(|m| Location::new(uri.clone(), to_range(&snap.rope, m, enc)))
            .collect(),
    )
}

pub fn highlights(snap: &Snapshot, offset: usize, enc: Encoding) -> Option<Vec<DocumentHighlight>> {
    let a = snap.analysis()?;
    let (p, _) = lookup::person_at(a, offset)?;
    Some(
        a.people[p]
            .mentions
            .iter()
            .map(|m| DocumentHighlight {
                range: to_range(&snap.rope, m, enc),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    )
}

pub fn prepare_rename(
    snap: &Snapshot,
    offset: usize,
    enc: Encoding,
) -> Option<PrepareRenameResponse> {
    let a = snap.analysis()?;
    let (p, mention) = lookup::person_at(a, offset)?;
    let core = rename::without_possessive(&snap.text, &mention);
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: to_range(&snap.rope, &core, enc),
        placeholder: a.people[p].name.clone(),
    })
}

/// The rename as a workspace edit; `Err` says why the new name cannot be used,
/// `Ok(None)` that no person is at the offset.
pub fn rename(
    snap: &Snapshot,
    uri: &Uri,
    offset: usize,
    new_name: &str,
    enc: Encoding,
) -> Result<Option<WorkspaceEdit>, String> {
    let Some(a) = snap.analysis() else {
        return Ok(None);
    };
    let Some((p, _)) = lookup::person_at(a, offset) else {
        return Ok(None);
    };
    let edits = rename::rename_edits(a, &snap.text, p, new_name)?;
    let edits: Vec<TextEdit> = edits
        .into_iter()
        .map(|e| TextEdit::new(to_range(&snap.rope, &e.span, enc), e.new_text))
        .collect();
    Ok(Some(WorkspaceEdit::new(HashMap::from([(
        uri.clone(),
        edits,
    )]))))
}
