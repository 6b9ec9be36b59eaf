//! Fuzz target: ingest then extract any bytes (as text when the first byte is even, else as HTML), then build and render the graph; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (name, rest) = match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => ("fuzz.htm", rest),
        Some((_, rest)) => ("fuzz.txt", rest),
        None => return,
    };
    if let Ok(doc) = pipegraph::ingest::ingest_bytes(name, rest) {
        let facts = pipegraph::extract::extract(&doc);
        let g = pipegraph::graph::PipelineGraph::build(std::slice::from_ref(&facts));
        let _ = pipegraph::run::render_json(&g);
        let _ = pipegraph::run::render_dot(&g);
    }
});
