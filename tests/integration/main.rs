//! The one integration-test binary: runs the real `pipegraph` binary in temp dirs and checks graphs, exports and errors against hand-built graphs (exact snapshots) and the sample corpus (loads in external tools), printing readable diffs.

#![allow(dead_code)]

mod build;
mod common;
mod export;
mod exports;
mod graph;
