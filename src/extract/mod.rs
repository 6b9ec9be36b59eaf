//! Extract: finds compounds, organizations, targets, partnerships, phase events and payments in one ingested document.
//!
//! **Architecture Invariant:** extract knows nothing about files or the CLI;
//! its input is an ingested [`Document`] and its output is [`DocFacts`].
//!
//! The work happens in three passes over the sentences:
//! 1. *mentions*: compound names (code, nonproprietary, brand, conjugate),
//!    organizations (lexicon, legal suffix, context cues), targets, phases,
//!    dates and money, each with its byte range;
//! 2. *entities*: mentions linked by alias cues (`X (Y)`, `X, formerly Y`,
//!    `X (aka Y or Z)`) into one compound each; organization variants and
//!    lexicon parents folded; every known alias then found again everywhere;
//! 3. *relations*: per sentence, with the section's compound as context for
//!    sentences that name none (`This CD19-targeting ADC ...`).

pub mod dates;
pub mod lexicon;
pub mod mentions;
pub mod relations;
pub mod sentences;

use crate::ingest::Document;
use crate::model::{DocFacts, Evidence};

/// Extracts every fact of one document.
///
/// Never panics on input; an empty or fact-free document gives facts with
/// only the registrant (when known).
///
/// # Example
/// ```
/// use pipegraph::ingest::ingest_bytes;
/// use pipegraph::extract::extract;
/// let doc = ingest_bytes("pr.txt", b"Acme Therapeutics, Inc. announced today that ACM-101 advanced into Phase 2 testing in March 2024 under its license to Pfizer.").unwrap();
/// let facts = extract(&doc);
/// assert_eq!(facts.compounds[0].names, ["ACM-101"]);
/// assert_eq!(facts.phase_events[0].phase.map(|p| p.name()), Some("Phase II"));
/// ```
pub fn extract(doc: &Document) -> DocFacts {
    relations::Extractor::new(doc).run()
}

/// Builds the evidence of the sentence `start..end` (text byte offsets) of `doc`.
pub(crate) fn evidence(doc: &Document, start: usize, end: usize) -> Evidence {
    let r = doc.original_range(start..end);
    Evidence {
        document: doc.info.id.clone(),
        start: r.start,
        end: r.end,
        text: doc
            .text
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}
