//! Exporters: `Display` wrappers that render a graph as JSON (GRAPH_JSON.md), Graphviz DOT (three views), GEXF 1.3 (dynamic), GraphML, Cytoscape.js JSON or a self-contained HTML viewer; they do no I/O.
//!
//! **Architecture Invariant:** exporters only read the graph (`&PipelineGraph`);
//! they never mutate it and never touch files. The same graph always renders
//! to the same bytes. XML is written with quick-xml's writer, never glued.

pub mod attrs;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod timeline;
mod utf8;
mod xml;

pub use cytoscape::Cytoscape;
pub use dot::{Dot, View};
pub use gexf::Gexf;
pub use graphml::Graphml;
pub use html::Html;
pub use json::Json;
pub use timeline::{Span, Timeline};
