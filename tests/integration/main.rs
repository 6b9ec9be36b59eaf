//! The one integration-test binary: runs the real `pipegraph` binary in temp dirs and checks graphs, exports, errors and queries, printing readable diffs.

#![allow(dead_code)]

mod build;
mod common;
mod export;
mod graph;
mod query;
