//! The language server's document store under arbitrary incremental edits, in
//! UTF-8, UTF-16 and UTF-32 positions, against the plain-string model of
//! `copydesk::fuzzing::documents`: the text always equals the model's, a change
//! set with a position outside the text is refused whole, and every conversion
//! between offsets and positions agrees with the model.
//!
//! 256 cases per property by default; set `COPYDESK_PROPTEST_CASES` for long runs.

use copydesk::fuzzing::{
    self,
    documents::{Change, ENCODINGS, LONG_LINE, PIECES, Script, piece, run},
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(fuzzing::proptest_cases(256))
}

/// Up to a dozen pieces: multi-unit characters, every kind of line break, now
/// and then a line too long to count by reading.
fn text() -> impl Strategy<Value = String> {
    let index = prop_oneof![400 => 0..PIECES.len(), 1 => Just(LONG_LINE)];
    prop::collection::vec(index.prop_map(piece), 0..12).prop_map(|v| v.concat())
}

/// A line or character number: small, or the largest there is.
fn number(small: u32) -> impl Strategy<Value = u32> {
    prop_oneof![8 => 0..small, 1 => Just(u32::MAX)]
}

fn change() -> impl Strategy<Value = Change> {
    let position = || (number(10), number(40));
    prop_oneof![
        6 => (any::<usize>(), any::<usize>(), text())
            .prop_map(|(a, b, text)| Change::Replace { a, b, text }),
        2 => (position(), position(), text())
            .prop_map(|(start, end, text)| Change::Raw { start, end, text }),
        1 => text().prop_map(Change::Full),
    ]
}

fn script() -> impl Strategy<Value = Script> {
    (
        prop::sample::select(&ENCODINGS[..]),
        text(),
        prop::collection::vec(prop::collection::vec(change(), 0..4), 1..16),
    )
        .prop_map(|(encoding, initial, sets)| Script {
            encoding,
            initial,
            sets,
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edits_match_a_string(script in script()) {
        run(&script).map_err(TestCaseError::fail)?;
    }

    /// What the fuzz target runs: any bytes, read as a script (a violation panics).
    #[test]
    fn any_bytes_read_as_a_script_match_a_string(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        fuzzing::documents::fuzz(&bytes);
    }
}
