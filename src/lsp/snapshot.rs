//! One finished analysis of one version of a document, with the rope it was
//! made from, so every position it answers with belongs to that exact text.

use ropey::Rope;

use crate::analysis::material::Material;
use crate::analysis::{Analysis, Finding};
use crate::editor::typing;
use crate::text::Format;

pub struct Snapshot {
    pub generation: u64,
    pub version: i32,
    pub rope: Rope,
    pub text: String,
    pub format: Format,
    pub cursor: Option<usize>,
    pub outcome: Outcome,
    /// The sources the draft declared, as read for this analysis.
    pub material: Material,
}

pub enum Outcome {
    Analysed(Analysis),
    /// Over the size limit: not analysed.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
}

impl Snapshot {
    pub fn analysis(&self) -> Option<&Analysis> {
        match &self.outcome {
            Outcome::Analysed(a) => Some(a),
            Outcome::TooLarge { .. } => None,
        }
    }

    /// The findings to show now: all but those about the quotation being typed.
    pub fn visible_findings(&self) -> impl Iterator<Item = &Finding> {
        let cursor = self.cursor;
        self.analysis()
            .into_iter()
            .flat_map(|a| a.findings.iter())
            .filter(move |f| !cursor.is_some_and(|c| typing::being_typed(&self.text, f, c)))
    }
}
