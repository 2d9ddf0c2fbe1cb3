//! Quick fixes: each finding's own fixes, converted to workspace edits, and for
//! a name spelled two ways an entry in the house list (`copydesk.toml`, another
//! file than the draft). The editor applies them: the server writes no file.

use std::collections::HashMap;
use std::ops::Range;

use ropey::Rope;
use tower_lsp_server::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, Range as LspRange, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::diagnostic;
use super::positions::{Encoding, to_position, to_range};
use super::snapshot::Snapshot;
use crate::analysis::rules::NAME_SPELLING;
use crate::analysis::{Edit, Finding};
use crate::editor::{fixes, lookup};

/// Where the house list lives for this document.
pub struct HouseList {
    pub uri: Uri,
    /// Its text, or `None` when it does not exist yet.
    pub text: Option<String>,
    /// Names already on it.
    pub listed: Vec<String>,
    /// The client can create files through a workspace edit.
    pub can_create: bool,
}

fn edit_of(snap: &Snapshot, uri: &Uri, edits: &[Edit], enc: Encoding) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| TextEdit::new(to_range(&snap.rope, &e.span, enc), e.new_text.clone()))
        .collect();
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

fn action(
    title: String,
    f: &Finding,
    snap: &Snapshot,
    uri: &Uri,
    enc: Encoding,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic(snap, uri, f, enc)]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

pub fn code_actions(
    snap: &Snapshot,
    uri: &Uri,
    span: Range<usize>,
    house: Option<&HouseList>,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let Some(a) = snap.analysis() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let touches = |f: &Finding| f.span.start <= span.end && span.start <= f.span.end;
    for f in a.findings.iter().filter(|f| touches(f)) {
        for fix in &f.fixes {
            let edit = edit_of(snap, uri, &fix.edits, enc);
            out.push(action(
                fix.title.clone(),
                f,
                snap,
                uri,
                enc,
                edit,
                fix.preferred,
            ));
        }
        if f.rule == NAME_SPELLING.code {
            if let Some(act) = house.and_then(|house| house_action(snap, uri, f, house, enc)) {
                out.push(act);
            }
        }
    }
    out
}

/// "Add this spelling to the house list": the story's spelling as the name, the
/// spelling found here as a wrong variant.
fn house_action(
    snap: &Snapshot,
    uri: &Uri,
    f: &Finding,
    house: &HouseList,
    enc: Encoding,
) -> Option<CodeActionOrCommand> {
    let a = snap.analysis()?;
    let (p, _) = lookup::person_at(a, f.span.start)?;
    let name = &a.people[p].name;
    if name.split_whitespace().count() < 2 || house.listed.iter().any(|l| l == name) {
        return None;
    }
    let variant = snap.text.get(f.span.clone())?.trim();
    let variants: Vec<&str> = if variant != name {
        vec![variant]
    } else {
        Vec::new()
    };
    let entry = fixes::house_entry(name, &variants);
    let title = format!("Add “{name}” to the house list (copydesk.toml)");
    let edit = match &house.text {
        Some(text) => {
            let rope = Rope::from_str(text);
            let end = to_position(&rope, text.len(), enc);
            let sep = if text.is_empty() {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let edit = TextEdit::new(LspRange::new(end, end), format!("{sep}{entry}"));
            WorkspaceEdit::new(HashMap::from([(house.uri.clone(), vec![edit])]))
        }
        None if house.can_create => {
            let start = Position::new(0, 0);
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: house.uri.clone(),
                        options: Some(CreateFileOptions {
                            overwrite: Some(false),
                            ignore_if_exists: Some(true),
                        }),
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            uri: house.uri.clone(),
                            version: None,
                        },
                        edits: vec![OneOf::Left(TextEdit::new(
                            LspRange::new(start, start),
                            entry,
                        ))],
                    }),
                ])),
                ..WorkspaceEdit::default()
            }
        }
        None => return None,
    };
    Some(action(title, f, snap, uri, enc, edit, false))
}
