//! Cytoscape.js elements JSON (`{"data": ..., "elements": {"nodes": [...], "edges": [...]}}`), also importable by Cytoscape desktop; the HTML viewer embeds the same data.
//!
//! Every element's `data` holds `id`, `label`, `kind`, `color` (of the
//! kind), the typed attributes of [`super::attrs`], and `start` / `end`
//! days (`YYYY-MM-DD`, absent when unbounded; see [`Timeline`]). Edges also
//! hold `evidence` as a list of sentences and `documents` as a list of ids.
//! The top-level `days` lists every start and end day, sorted.

use super::attrs::{Value, link_attrs, node_attrs};
use super::timeline::Timeline;
use crate::graph::PipelineGraph;
use serde_json::{Map, Value as J, json};
use std::fmt;

/// Renders a graph as Cytoscape.js elements JSON, pretty-printed.
///
/// Same graph → byte-identical text. No I/O.
///
/// ```
/// use pipegraph::{export::Cytoscape, graph::PipelineGraph};
/// let text = Cytoscape(&PipelineGraph::build(&[])).to_string();
/// assert!(text.contains("\"elements\""));
/// ```
pub struct Cytoscape<'a>(pub &'a PipelineGraph);

fn to_json(v: &Value) -> J {
    match v {
        Value::Str(s) => J::String(s.clone()),
        Value::Int(i) => J::from(*i),
        Value::Double(d) => J::from(*d),
    }
}

/// The document as a JSON value (see the module docs for its shape).
pub fn elements(g: &PipelineGraph) -> J {
    let tl = Timeline::of(g);
    let span = |m: &mut Map<String, J>, s: super::timeline::Span| {
        if let Some(d) = s.start {
            m.insert("start".into(), J::String(d.to_string()));
        }
        if let Some(d) = s.end {
            m.insert("end".into(), J::String(d.to_string()));
        }
    };
    let nodes: Vec<J> = g
        .nodes()
        .map(|(id, n)| {
            let mut d = Map::new();
            d.insert("id".into(), J::String(n.id.clone()));
            d.insert("label".into(), J::String(n.name.clone()));
            d.insert(
                "color".into(),
                J::String(super::dot::kind_color(n.kind()).into()),
            );
            for (k, v) in node_attrs(n) {
                d.insert(k.into(), to_json(&v));
            }
            span(&mut d, tl.node(id));
            json!({ "group": "nodes", "data": d })
        })
        .collect();
    let mut edges = Vec::new();
    for (i, l) in g.links().enumerate() {
        let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
            continue;
        };
        let mut d = Map::new();
        d.insert("id".into(), J::String(format!("e{i}")));
        d.insert("source".into(), J::String(s.id.clone()));
        d.insert("target".into(), J::String(t.id.clone()));
        for (k, v) in link_attrs(g, &l) {
            if k != "evidence" && k != "documents" {
                d.insert(k.into(), to_json(&v));
            }
        }
        let ev = &l.link.evidence;
        d.insert(
            "evidence".into(),
            ev.iter().map(|e| J::String(e.text.to_string())).collect(),
        );
        d.insert(
            "documents".into(),
            ev.iter()
                .map(|e| J::String(e.document.to_string()))
                .collect(),
        );
        span(&mut d, tl.link(l.id));
        edges.push(json!({ "group": "edges", "data": d }));
    }
    let days: Vec<J> = tl.days().iter().map(|d| J::String(d.to_string())).collect();
    json!({
        "format": "pipegraph-cytoscape",
        "version": 1,
        "data": { "name": "pipegraph" },
        "days": days,
        "elements": { "nodes": nodes, "edges": edges },
    })
}

impl fmt::Display for Cytoscape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = super::utf8::FmtWriter::new(f);
        serde_json::to_writer_pretty(&mut w, &elements(self.0)).map_err(|_| fmt::Error)?;
        w.finish()?;
        f.write_str("\n")
    }
}
