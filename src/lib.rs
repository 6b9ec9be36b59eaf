//! pipegraph reads biotech SEC filings and press releases and builds a knowledge graph of the drug pipeline over time.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod export;
// `extract` builds its static regexes with `expect` (never input-reachable);
// allowed there until they are converted.
#[cfg_attr(not(test), allow(clippy::expect_used))]
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod query;
pub mod run;
