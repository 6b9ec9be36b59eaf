//! Integration tests in one binary: each module tests one area against hand-built graphs (exact snapshots) and the sample corpus (loads in external tools).

#[path = "../common/mod.rs"]
mod common;

mod exports;
