//! The one integration-test binary: runs the real `pipegraph` binary in temp dirs and checks graphs, exports, errors, bad inputs, queries, properties and thread-count independence against hand-built graphs (exact snapshots) and the sample corpus, printing readable diffs.

#![allow(dead_code)]

mod build;
mod common;
mod export;
mod exports;
mod graph;
mod invented;
mod perf;
mod props;
mod query;
mod robust;
