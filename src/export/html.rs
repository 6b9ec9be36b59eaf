//! A self-contained interactive HTML viewer: Cytoscape.js (pinned, `assets/cytoscape.min.js`, MIT) and the graph's elements inlined, so it works offline.
//!
//! The page colours nodes by kind, has a date slider (and a `?asof=YYYY-MM-DD`
//! URL parameter) showing the graph as of a day, and shows the evidence
//! sentences of a clicked node or link. After init it sets on `<body>`:
//! `data-status="ok"` (or `"error"` with `data-error`, from `window.onerror`),
//! `data-nodes` (all nodes) and `data-visible-nodes` / `data-visible-edges`
//! (shown as of the chosen day). `window.pipegraphShowAsOf(day)` (a
//! `YYYY-MM-DD` string, or `null` for everything) applies a day and returns
//! the number of visible nodes.

use super::cytoscape::elements;
use crate::graph::PipelineGraph;
use std::fmt;

/// Cytoscape.js 3.30.4, minified, from the npm package.
const CYTOSCAPE_JS: &str = include_str!("../../assets/cytoscape.min.js");
/// The page template; `/*@CYTOSCAPE@*/` and `/*@DATA@*/` mark where the
/// library and the data go.
const TEMPLATE: &str = include_str!("../../assets/viewer.html");

/// Renders a graph as one HTML page with everything inlined.
///
/// Same graph → byte-identical text. No I/O.
///
/// ```
/// use pipegraph::{export::Html, graph::PipelineGraph};
/// let text = Html(&PipelineGraph::build(&[])).to_string();
/// assert!(text.starts_with("<!DOCTYPE html>"));
/// ```
pub struct Html<'a>(pub &'a PipelineGraph);

impl fmt::Display for Html<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let data = serde_json::to_string(&elements(self.0)).map_err(|_| fmt::Error)?;
        // `<` only occurs inside JSON strings, where `\u003c` means the same;
        // this keeps `</script>` and `<!--` out of the script element.
        let data = data.replace('<', "\\u003c");
        let (head, rest) = TEMPLATE.split_once("/*@CYTOSCAPE@*/").ok_or(fmt::Error)?;
        let (middle, tail) = rest.split_once("/*@DATA@*/").ok_or(fmt::Error)?;
        f.write_str(head)?;
        f.write_str(CYTOSCAPE_JS)?;
        f.write_str(middle)?;
        f.write_str(&data)?;
        f.write_str(tail)
    }
}
