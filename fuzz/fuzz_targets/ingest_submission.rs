//! Fuzz target: an EDGAR full-submission header followed by any bytes; ingest must not panic and its offset map must stay in range.
#![no_main]

use libfuzzer_sys::fuzz_target;

const HEAD: &[u8] = b"<SEC-DOCUMENT>0000000000-00-000000.txt : 20200101\n<SEC-HEADER>0000000000-00-000000.hdr.sgml : 20200101\nCONFORMED SUBMISSION TYPE:\t8-K\nCONFORMED PERIOD OF REPORT:\t20200101\nCOMPANY CONFORMED NAME:\t\t\tFUZZ BIO, INC.\nFISCAL YEAR END:\t\t\t0630\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>";

fuzz_target!(|data: &[u8]| {
    let mut v = HEAD.to_vec();
    v.extend_from_slice(data);
    if let Ok(d) = pipegraph::ingest::ingest_bytes("fuzz.txt", &v) {
        let r = d.original_range(0..d.text.len());
        assert!(r.end <= v.len(), "{r:?} past {}", v.len());
    }
});
