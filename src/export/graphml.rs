//! GraphML for yEd and Cytoscape desktop: typed attribute keys, one `data` per present attribute, yFiles node graphics (label, colour, a column per kind) that yEd shows at once.
//!
//! Written with quick-xml's writer into memory. Links also carry `start`
//! and `end` days from [`Timeline`] (strings, `YYYY-MM-DD`).

use super::attrs::{LINK_ATTRS, NODE_ATTRS, Ty, link_attrs, node_attrs};
use super::timeline::{Span, Timeline};
use super::xml::{XmlWriter, attr, render};
use crate::graph::{NodeKind, PipelineGraph};
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::fmt;
use std::io;

/// Renders a graph as GraphML (with yFiles extensions for yEd).
///
/// Same graph → byte-identical text. No I/O.
///
/// ```
/// use pipegraph::{export::Graphml, graph::PipelineGraph};
/// let text = Graphml(&PipelineGraph::build(&[])).to_string();
/// assert!(text.contains("<graphml"));
/// ```
pub struct Graphml<'a>(pub &'a PipelineGraph);

fn ty_name(t: Ty) -> &'static str {
    match t {
        Ty::Str => "string",
        Ty::Int => "int",
        Ty::Double => "double",
    }
}

const SPAN_ATTRS: [(&str, Ty); 2] = [("start", Ty::Str), ("end", Ty::Str)];

fn declare(
    w: &mut XmlWriter<'_, '_>,
    prefix: &str,
    class: &str,
    attrs: &[(&str, Ty)],
) -> io::Result<()> {
    for (name, ty) in attrs {
        w.create_element("key")
            .with_attribute(("id", format!("{prefix}_{name}").as_str()))
            .with_attribute(("for", class))
            .with_attribute(("attr.name", *name))
            .with_attribute(("attr.type", ty_name(*ty)))
            .write_empty()?;
    }
    Ok(())
}

fn data(w: &mut XmlWriter<'_, '_>, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&super::xml::clean(value)))?;
    Ok(())
}

fn span_values(span: Span) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(s) = span.start {
        out.push(("start", s.to_string()));
    }
    if let Some(e) = span.end {
        out.push(("end", e.to_string()));
    }
    out
}

/// yEd shape of a node kind.
fn shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Compound => "rectangle",
        NodeKind::Organization => "ellipse",
        NodeKind::Target => "hexagon",
        NodeKind::Phase => "roundrectangle",
        NodeKind::Milestone => "parallelogram",
    }
}

impl fmt::Display for Graphml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = self.0;
        let tl = Timeline::of(g);
        render(f, |w| {
            w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
            w.create_element("graphml")
                .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
                .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
                .with_attribute(("xmlns:y", "http://www.yworks.com/xml/graphml"))
                .with_attribute((
                    "xsi:schemaLocation",
                    "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd",
                ))
                .write_inner_content(|w| {
                    declare(w, "n", "node", &NODE_ATTRS)?;
                    declare(w, "n", "node", &SPAN_ATTRS)?;
                    declare(w, "e", "edge", &LINK_ATTRS)?;
                    declare(w, "e", "edge", &SPAN_ATTRS)?;
                    w.create_element("key")
                        .with_attribute(("id", "n_graphics"))
                        .with_attribute(("for", "node"))
                        .with_attribute(("yfiles.type", "nodegraphics"))
                        .write_empty()?;
                    w.create_element("graph")
                        .with_attribute(("id", "pipegraph"))
                        .with_attribute(("edgedefault", "directed"))
                        .write_inner_content(|w| {
                            let mut row = [0usize; NodeKind::ALL.len()];
                            for (id, n) in g.nodes() {
                                let kind = n.kind();
                                let col = NodeKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                                let (x, y) = (col * 260, row[col] * 70);
                                row[col] += 1;
                                w.create_element("node")
                                    .with_attribute(attr("id", &n.id))
                                    .write_inner_content(|w| {
                                        for (k, v) in node_attrs(n) {
                                            data(w, &format!("n_{k}"), &v.text())?;
                                        }
                                        for (k, v) in span_values(tl.node(id)) {
                                            data(w, &format!("n_{k}"), &v)?;
                                        }
                                        w.create_element("data")
                                            .with_attribute(("key", "n_graphics"))
                                            .write_inner_content(|w| {
                                                w.create_element("y:ShapeNode").write_inner_content(|w| {
                                                    w.create_element("y:Geometry")
                                                        .with_attribute(("x", x.to_string().as_str()))
                                                        .with_attribute(("y", y.to_string().as_str()))
                                                        .with_attribute(("width", "200"))
                                                        .with_attribute(("height", "40"))
                                                        .write_empty()?;
                                                    w.create_element("y:Fill")
                                                        .with_attribute(("color", super::dot::kind_color(kind)))
                                                        .with_attribute(("transparent", "false"))
                                                        .write_empty()?;
                                                    w.create_element("y:NodeLabel")
                                                        .write_text_content(BytesText::new(&super::xml::clean(&n.name)))?;
                                                    w.create_element("y:Shape")
                                                        .with_attribute(("type", shape(kind)))
                                                        .write_empty()?;
                                                    Ok(())
                                                })?;
                                                Ok(())
                                            })?;
                                        Ok(())
                                    })?;
                            }
                            for (i, l) in g.links().enumerate() {
                                let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
                                    continue;
                                };
                                w.create_element("edge")
                                    .with_attribute(("id", format!("e{i}").as_str()))
                                    .with_attribute(attr("source", &s.id))
                                    .with_attribute(attr("target", &t.id))
                                    .write_inner_content(|w| {
                                        for (k, v) in link_attrs(g, &l) {
                                            data(w, &format!("e_{k}"), &v.text())?;
                                        }
                                        for (k, v) in span_values(tl.link(l.id)) {
                                            data(w, &format!("e_{k}"), &v)?;
                                        }
                                        Ok(())
                                    })?;
                            }
                            Ok(())
                        })?;
                    Ok(())
                })?;
            Ok(())
        })
    }
}
