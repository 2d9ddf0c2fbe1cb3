//! Shared by the benchmarks.

pub mod drafts;
