//! The draft as text: where lines start, and which bytes are prose.
//!
//! The analysis works in byte offsets of the original UTF-8 text. Line and column
//! numbers are derived from them only when something is shown to a person.

pub mod lines;
pub mod prose;

pub use lines::LineIndex;
pub use prose::{Format, ProseMap};
