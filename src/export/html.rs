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

use super::cytoscape::write_compact;
use super::utf8::FmtWriter;
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
        let (head, rest) = TEMPLATE.split_once("/*@CYTOSCAPE@*/").ok_or(fmt::Error)?;
        let (middle, tail) = rest.split_once("/*@DATA@*/").ok_or(fmt::Error)?;
        f.write_str(head)?;
        f.write_str(CYTOSCAPE_JS)?;
        f.write_str(middle)?;
        let mut w = EscapeLt(FmtWriter::new(f));
        write_compact(self.0, &mut w).map_err(|_| fmt::Error)?;
        w.0.finish()?;
        f.write_str(tail)
    }
}

/// Passes bytes on with every `<` written `\u003c`. In the compact JSON
/// of the data `<` only occurs inside strings, where `\u003c` means the
/// same; this keeps `</script>` and `<!--` out of the script element.
struct EscapeLt<W>(W);

impl<W: std::io::Write> std::io::Write for EscapeLt<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut from = 0;
        for lt in memchr::memchr_iter(b'<', buf) {
            self.0.write_all(buf.get(from..lt).unwrap_or_default())?;
            self.0.write_all(b"\\u003c")?;
            from = lt + 1;
        }
        self.0.write_all(buf.get(from..).unwrap_or_default())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::Html;
    use crate::export::cytoscape::elements;
    use crate::graph::PipelineGraph;

    /// The data is streamed with `<` escaped: the page holds exactly the
    /// compact JSON of [`elements`] with every `<` written `\u003c`, and
    /// nothing of an evidence sentence can close the script element.
    #[test]
    fn data_is_the_escaped_elements() {
        let doc = r#"{"id": "doc:a.txt", "path": "a.txt", "registrant": null, "form": null, "report_date": null, "items": [], "sha256": "00"}"#;
        let ev = r#"{"document": "doc:a.txt", "start": 0, "end": 9, "text": "a <b> </script><!-- < é<"}"#;
        let text = format!(
            r#"{{"format": "pipegraph", "version": 1, "graph": {{"documents": [{doc}]}},
            "nodes": [{{"id": "compound:x", "kind": "compound", "name": "X<1", "aliases": ["X<1"]}},
                      {{"id": "org:y", "kind": "organization", "name": "Y", "aliases": [], "roles": []}}],
            "links": [{{"source": "compound:x", "target": "org:y", "kind": "partnered_with", "relation": "licensed_to", "evidence": [{ev}, {ev}]}}]}}"#
        );
        let g = PipelineGraph::from_json(&text).expect("a valid graph");
        let data = serde_json::to_string(&elements(&g))
            .expect("serializes")
            .replace('<', "\\u003c");
        assert!(data.contains("\\u003c/script>"));
        let page = Html(&g).to_string();
        assert!(page.contains(&data), "the page holds the escaped elements");
        assert_eq!(
            page.matches("</script>").count(),
            super::TEMPLATE.matches("</script>").count()
                + super::CYTOSCAPE_JS.matches("</script>").count()
        );
    }
}
