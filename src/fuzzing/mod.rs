//! The invariants the fuzz targets (`fuzz/`) and the property tests check, in one
//! place: each check returns a [`Violation`] saying what broke instead of
//! panicking, so a property test can shrink on it and a fuzz target can panic
//! with it.
//!
//! - [`analysis`]: `analyze` on any text, plain or Markdown: every offset inside
//!   the text on char boundaries, indices in range, fixes that apply cleanly, and
//!   the same of the editor's views of the analysis.
//! - [`documents`]: the language server's document store under any sequence of
//!   incremental edits, in every position encoding, against a plain-string model.

pub mod analysis;
pub mod documents;

/// What broke, as a sentence for the failure report.
pub type Violation = String;

/// Fails with the formatted message unless the condition holds.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}
pub(crate) use ensure;

/// How many cases a property test runs: `COPYDESK_PROPTEST_CASES` when set (for
/// long runs), else `default`.
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("COPYDESK_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(default)
}
