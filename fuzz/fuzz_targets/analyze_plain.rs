//! `analyze` on any bytes, decoded lossily, as plain text: no panic, and every
//! invariant of `copydesk::fuzzing::analysis` holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    copydesk::fuzzing::analysis::fuzz(data, copydesk::Format::PlainText);
});
