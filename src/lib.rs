//! pipegraph reads biotech SEC filings and press releases and builds a knowledge graph of the drug pipeline over time.

pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod query;
pub mod run;
