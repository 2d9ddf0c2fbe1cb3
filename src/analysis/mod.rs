//! The pure analysis: text in, quotations, people and findings out.
//!
//! [`analyze`] runs one pass in one direction (see `pipeline.rs`): prose map →
//! paragraphs and sentences → quotations → people and mentions → attribution →
//! spelling → sources → findings. It knows nothing of editors, files or the protocol, so the
//! command line and the language server show identical findings.

pub mod attribution;
pub mod cast;
pub mod headlines;
pub mod kinds;
pub mod lexicon;
pub mod marks;
pub mod material;
pub mod model;
pub mod options;
pub mod people;
pub mod pipeline;
pub mod rules;
pub mod sentences;
pub mod spelling;
pub mod tokens;

pub use lexicon::Language;
pub use model::{
    Analysis, Cue, Description, Edit, Finding, Fix, Found, How, Person, Quote, QuoteKind, Related,
    SourcePlace, Speaker,
};
pub use options::Options;
pub use pipeline::analyze;
pub use rules::Severity;
