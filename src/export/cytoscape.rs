//! Cytoscape.js elements JSON (`{"data": ..., "elements": {"nodes": [...], "edges": [...]}}`), also importable by Cytoscape desktop; the HTML viewer embeds the same data.
//!
//! Every element's `data` holds `id`, `label`, `kind`, `color` (of the
//! kind), the typed attributes of [`super::attrs`], and `start` / `end`
//! days (`YYYY-MM-DD`, absent when unbounded; see [`Timeline`]). Edges also
//! hold `evidence` as a list of sentences and `documents` as a list of ids.
//! The top-level `days` lists every start and end day, sorted.

use super::attrs::{Value, link_fields, node_attrs};
use super::timeline::Timeline;
use crate::graph::PipelineGraph;
use serde::Serialize;
use serde_json::Value as J;
use std::collections::BTreeMap;
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

/// One value of an element's `data`, borrowing the graph's evidence.
#[derive(Serialize)]
#[serde(untagged)]
enum Field<'a> {
    Str(String),
    Int(i64),
    /// Non-finite amounts are written `null`, as `serde_json` writes them.
    Double(f64),
    List(Vec<&'a str>),
}

impl From<Value> for Field<'_> {
    fn from(v: Value) -> Self {
        match v {
            Value::Str(s) => Field::Str(s),
            Value::Int(i) => Field::Int(i),
            Value::Double(d) => Field::Double(d),
        }
    }
}

/// A node or an edge. Fields of this and the structs below are in the
/// order of their names, as a `serde_json::Map` (a `BTreeMap`) writes them.
#[derive(Serialize)]
struct Element<'a> {
    data: BTreeMap<&'static str, Field<'a>>,
    group: &'static str,
}

#[derive(Serialize)]
struct Elements<'a> {
    edges: Vec<Element<'a>>,
    nodes: Vec<Element<'a>>,
}

#[derive(Serialize)]
struct Name {
    name: &'static str,
}

/// The document (see the module docs for its shape), borrowing the graph's
/// evidence sentences and document ids: the writers stream it without
/// copying them.
#[derive(Serialize)]
struct Document<'a> {
    data: Name,
    days: Vec<String>,
    elements: Elements<'a>,
    format: &'static str,
    version: u64,
}

fn document(g: &PipelineGraph) -> Document<'_> {
    let tl = Timeline::of(g);
    let span = |m: &mut BTreeMap<&'static str, Field<'_>>, s: super::timeline::Span| {
        if let Some(d) = s.start {
            m.insert("start", Field::Str(d.to_string()));
        }
        if let Some(d) = s.end {
            m.insert("end", Field::Str(d.to_string()));
        }
    };
    let nodes = g
        .nodes()
        .map(|(id, n)| {
            let mut d = BTreeMap::new();
            d.insert("id", Field::Str(n.id.clone()));
            d.insert("label", Field::Str(n.name.clone()));
            d.insert("color", Field::Str(super::dot::kind_color(n.kind()).into()));
            for (k, v) in node_attrs(n) {
                d.insert(k, v.into());
            }
            span(&mut d, tl.node(id));
            Element {
                data: d,
                group: "nodes",
            }
        })
        .collect();
    let mut edges = Vec::new();
    for (i, l) in g.links().enumerate() {
        let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
            continue;
        };
        let mut d = BTreeMap::new();
        d.insert("id", Field::Str(format!("e{i}")));
        d.insert("source", Field::Str(s.id.clone()));
        d.insert("target", Field::Str(t.id.clone()));
        for (k, v) in link_fields(g, &l) {
            d.insert(k, v.into());
        }
        let ev = &l.link.evidence;
        d.insert(
            "evidence",
            Field::List(ev.iter().map(|e| &*e.text).collect()),
        );
        d.insert(
            "documents",
            Field::List(ev.iter().map(|e| &*e.document).collect()),
        );
        span(&mut d, tl.link(l.id));
        edges.push(Element {
            data: d,
            group: "edges",
        });
    }
    Document {
        data: Name { name: "pipegraph" },
        days: tl.days().iter().map(|d| d.to_string()).collect(),
        elements: Elements { edges, nodes },
        format: "pipegraph-cytoscape",
        version: 1,
    }
}

/// The document as a JSON value (see the module docs for its shape).
pub fn elements(g: &PipelineGraph) -> J {
    serde_json::to_value(document(g)).unwrap_or(J::Null)
}

/// Writes the document as compact JSON to `w` (the HTML viewer's data).
///
/// # Errors
/// An error of `w`.
pub(crate) fn write_compact(g: &PipelineGraph, w: impl std::io::Write) -> std::io::Result<()> {
    Ok(serde_json::to_writer(w, &document(g))?)
}

impl fmt::Display for Cytoscape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = super::utf8::FmtWriter::new(f);
        serde_json::to_writer_pretty(&mut w, &document(self.0)).map_err(|_| fmt::Error)?;
        w.finish()?;
        f.write_str("\n")
    }
}
