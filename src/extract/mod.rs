//! Extract: finds compounds, organizations, targets, partnerships, phase events and payments in one ingested document.
//!
//! **Architecture Invariant:** extract knows nothing about files or the CLI.
