//! The language server's document store: any bytes read as a starting text and
//! change sets in one of the three position encodings, run against the
//! plain-string model of `copydesk::fuzzing::documents`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    copydesk::fuzzing::documents::fuzz(data);
});
