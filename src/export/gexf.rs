//! GEXF 1.3 in dynamic mode, for Gephi's timeline: nodes and links carry start (and, for settled plans, end) dates from [`Timeline`].
//!
//! Written with quick-xml's writer into memory. Node colours follow the
//! DOT palette (`viz:color`). Attributes are declared once per class (see
//! [`super::attrs`]); dates are days (`timeformat="date"`).

use super::attrs::{LINK_ATTRS, NODE_ATTRS, Ty, link_attrs, node_attrs};
use super::timeline::{Span, Timeline};
use super::xml::{XmlWriter, attr, render, rgb};
use crate::graph::PipelineGraph;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::fmt;
use std::io;

/// Renders a graph as a dynamic GEXF 1.3 document.
///
/// Same graph → byte-identical text. No I/O.
///
/// ```
/// use pipegraph::{export::Gexf, graph::PipelineGraph};
/// let text = Gexf(&PipelineGraph::build(&[])).to_string();
/// assert!(text.contains("mode=\"dynamic\""));
/// ```
pub struct Gexf<'a>(pub &'a PipelineGraph);

fn ty_name(t: Ty) -> &'static str {
    match t {
        Ty::Str => "string",
        Ty::Int => "integer",
        Ty::Double => "double",
    }
}

fn declare(w: &mut XmlWriter<'_, '_>, class: &str, attrs: &[(&str, Ty)]) -> io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .with_attribute(("mode", "static"))
        .write_inner_content(|w| {
            for (name, ty) in attrs {
                w.create_element("attribute")
                    .with_attribute(("id", *name))
                    .with_attribute(("title", *name))
                    .with_attribute(("type", ty_name(*ty)))
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn span_attrs(span: Span) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(s) = span.start {
        out.push(("start", s.to_string()));
    }
    if let Some(e) = span.end {
        out.push(("end", e.to_string()));
    }
    out
}

fn attvalues(
    w: &mut XmlWriter<'_, '_>,
    values: &[(&'static str, super::attrs::Value)],
) -> io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (name, v) in values {
            w.create_element("attvalue")
                .with_attribute(("for", *name))
                .with_attribute(attr("value", &v.text()))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

impl fmt::Display for Gexf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = self.0;
        let tl = Timeline::of(g);
        render(f, |w| {
            w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
            w.create_element("gexf")
                .with_attribute(("xmlns", "http://gexf.net/1.3"))
                .with_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"))
                .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
                .with_attribute((
                    "xsi:schemaLocation",
                    "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                ))
                .with_attribute(("version", "1.3"))
                .write_inner_content(|w| {
                    w.create_element("meta").write_inner_content(|w| {
                        w.create_element("creator")
                            .write_text_content(BytesText::new("pipegraph"))?;
                        w.create_element("description")
                            .write_text_content(BytesText::new(
                                "Drug pipeline knowledge graph from SEC filings",
                            ))?;
                        Ok(())
                    })?;
                    w.create_element("graph")
                        .with_attribute(("mode", "dynamic"))
                        .with_attribute(("defaultedgetype", "directed"))
                        .with_attribute(("timeformat", "date"))
                        .with_attribute(("timerepresentation", "interval"))
                        .write_inner_content(|w| {
                            declare(w, "node", &NODE_ATTRS)?;
                            declare(w, "edge", &LINK_ATTRS)?;
                            w.create_element("nodes").write_inner_content(|w| {
                                for (id, n) in g.nodes() {
                                    let span = span_attrs(tl.node(id));
                                    let (r, gr, b) = rgb(super::dot::kind_color(n.kind()));
                                    w.create_element("node")
                                        .with_attribute(attr("id", &n.id))
                                        .with_attribute(attr("label", &n.name))
                                        .with_attributes(span.iter().map(|(k, v)| (*k, v.as_str())))
                                        .write_inner_content(|w| {
                                            attvalues(w, &node_attrs(n))?;
                                            w.create_element("viz:color")
                                                .with_attribute(("r", r.to_string().as_str()))
                                                .with_attribute(("g", gr.to_string().as_str()))
                                                .with_attribute(("b", b.to_string().as_str()))
                                                .write_empty()?;
                                            Ok(())
                                        })?;
                                }
                                Ok(())
                            })?;
                            w.create_element("edges").write_inner_content(|w| {
                                for (i, l) in g.links().enumerate() {
                                    let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target))
                                    else {
                                        continue;
                                    };
                                    let values = link_attrs(g, &l);
                                    let label = values
                                        .iter()
                                        .find(|(k, _)| *k == "label")
                                        .map(|(_, v)| v.text())
                                        .unwrap_or_default();
                                    let span = span_attrs(tl.link(l.id));
                                    w.create_element("edge")
                                        .with_attribute(("id", format!("e{i}").as_str()))
                                        .with_attribute(attr("source", &s.id))
                                        .with_attribute(attr("target", &t.id))
                                        .with_attribute(attr("label", &label))
                                        .with_attributes(span.iter().map(|(k, v)| (*k, v.as_str())))
                                        .write_inner_content(|w| attvalues(w, &values))?;
                                }
                                Ok(())
                            })?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
            Ok(())
        })
    }
}
