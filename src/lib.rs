//! pipegraph reads biotech SEC filings and press releases and builds a knowledge graph of the drug pipeline over time.
//!
//! # Overview
//!
//! A filing goes through four stages, each a module:
//!
//! 1. [`ingest`]: bytes (plain text, Markdown, EDGAR HTML, EDGAR full
//!    submissions; UTF-8, windows-1252, UTF-16) become a [`ingest::Document`]:
//!    normalized text whose every byte maps back to the original file, plus
//!    metadata (registrant, form, report date, 8-K items).
//! 2. [`extract`]: a document becomes [`model::DocFacts`]: compounds with all
//!    their names, organizations, targets, partnerships, phase events and
//!    payments, each citing its sentence ([`model::Evidence`]).
//! 3. [`graph`]: the facts of all documents merge into one
//!    [`graph::PipelineGraph`], compounds joined by any shared alias.
//! 4. [`export`]: `Display` wrappers render the graph as JSON, Graphviz DOT,
//!    GEXF, GraphML, Cytoscape.js or an HTML viewer; [`query`] answers
//!    questions over it. [`run`] is the pipeline as the CLI runs it.
//!
//! # Example
//!
//! ```
//! use pipegraph::{extract::extract, graph::PipelineGraph, ingest::ingest_bytes, export::Json};
//!
//! let text = b"Date of Report (Date of earliest event reported): March 12, 2024\n\n\
//!     Acme Therapeutics, Inc.\n\n(Exact name of registrant as specified in its charter)\n\n\
//!     Acme announced that ACM-101 advanced into Phase 2 testing in February 2024, \
//!     triggering a $5 million milestone payment from Pfizer.\n";
//! let doc = ingest_bytes("acme-8k.txt", text)?;
//! assert_eq!(doc.info.registrant.as_deref(), Some("Acme Therapeutics"));
//! let facts = extract(&doc);
//! let event = &facts.phase_events[0];
//! assert_eq!(event.phase.map(|p| p.name()), Some("Phase II"));
//! assert_eq!(event.date.map(|d| d.to_string()).as_deref(), Some("2024-02"));
//! assert_eq!(facts.payments[0].amount, 5_000_000.0);
//!
//! let graph = PipelineGraph::build(&[facts]);
//! let json = Json(&graph).to_string();
//! assert!(json.contains("\"compound:acm-101\""));
//! # Ok::<(), pipegraph::ingest::IngestError>(())
//! ```
//!
//! # Errors
//!
//! Each phase has its typed error: [`ingest::IngestError`] (unreadable,
//! empty, binary or too large input, naming the file),
//! [`graph::GraphError`] (a saved graph that does not load),
//! [`run::OutputError`] (an output that cannot be written or is an input)
//! and [`query::QueryError`] (an unknown name, with the closest known ones).
//! Extraction itself cannot fail: a document with no pipeline facts gives
//! facts with only its registrant. The library never panics on input.
//!
//! # Performance
//!
//! Regexes and lexicon automata are compiled once; one Aho-Corasick pass per
//! document ([`extract::cues`]) tells which rule families each sentence can
//! hold, and the others are not run there; mentions are looked up by binary
//! search, so time grows linearly with a document's length (about 12 MB/s
//! per core on press releases). Documents are independent until the graph
//! is built, so [`run::read_corpus_with`] reads them in parallel and keeps
//! only their facts, whose evidence sentences are shared (`Arc<str>`) with
//! the graph; outputs are streamed to disk. The output is the same for any
//! thread count. `BENCHMARKS.md` has the figures.

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
