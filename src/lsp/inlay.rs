//! Inlay hints: the resolved speaker where the text names them only by a pronoun
//! or a description, or in another sentence.

use tower_lsp_server::lsp_types::{InlayHint, InlayHintLabel, InlayHintTooltip, Range};

use super::positions::{Encoding, to_position, to_span};
use super::snapshot::Snapshot;
use crate::editor::hints;

pub fn inlay_hints(snap: &Snapshot, range: Range, enc: Encoding) -> Vec<InlayHint> {
    let Some(a) = snap.analysis() else {
        return Vec::new();
    };
    let span = to_span(&snap.rope, range, enc).unwrap_or(0..snap.text.len());
    hints::speaker_hints(a, &snap.text)
        .into_iter()
        .filter(|h| span.start <= h.at && h.at <= span.end)
        .map(|h| InlayHint {
            position: to_position(&snap.rope, h.at, enc),
            label: InlayHintLabel::String(format!("({})", h.label)),
            kind: None,
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(h.tooltip)),
            padding_left: Some(true),
            padding_right: Some(false),
            data: None,
        })
        .collect()
}
