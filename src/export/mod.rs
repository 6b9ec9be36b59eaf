//! Exporters: `Display` wrappers that render a graph as JSON (GRAPH_JSON.md) or Graphviz DOT; they do no I/O.
//!
//! **Architecture Invariant:** exporters only read the graph (`&PipelineGraph`);
//! they never mutate it and never touch files. The same graph always renders
//! to the same bytes.

pub mod dot;
pub mod json;

pub use dot::Dot;
pub use json::Json;
