//! Fuzz target: any bytes as a plain-text/Markdown file; ingest must not panic and its offset map must stay in range.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = pipegraph::ingest::ingest_bytes("fuzz.txt", data) {
        let r = d.original_range(0..d.text.len());
        assert!(r.end <= data.len(), "{r:?} past {}", data.len());
        let _ = d.original_range(d.text.len()..d.text.len() + 7);
    }
});
