//! Fuzz target: any bytes as an EDGAR HTML file; ingest must not panic and its offset map must stay in range.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = pipegraph::ingest::ingest_bytes("fuzz.htm", data) {
        let r = d.original_range(0..d.text.len());
        assert!(r.end <= data.len(), "{r:?} past {}", data.len());
    }
});
