//! Flat, typed attributes of nodes and links, shared by the table-like formats (GEXF, GraphML): one declaration list per element class and the values of each element.

use crate::graph::{LinkDetail, LinkRef, Node, NodeDetail, PipelineGraph};

/// The declared type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// Text.
    Str,
    /// A whole number.
    Int,
    /// A floating-point number.
    Double,
}

/// A typed attribute value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Str(String),
    /// A whole number.
    Int(i64),
    /// A floating-point number (finite).
    Double(f64),
}

impl Value {
    /// The value as written in XML.
    pub fn text(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Double(d) => d.to_string(),
        }
    }
}

/// Node attributes in declaration order: name and type. Lists (aliases,
/// roles) are joined with `"; "`; `amount` is in units of `currency`.
pub const NODE_ATTRS: [(&str, Ty); 11] = [
    ("kind", Ty::Str),
    ("name", Ty::Str),
    ("aliases", Ty::Str),
    ("roles", Ty::Str),
    ("rank", Ty::Int),
    ("amount", Ty::Double),
    ("currency", Ty::Str),
    ("payment_kind", Ty::Str),
    ("status", Ty::Str),
    ("date", Ty::Str),
    ("trigger_phase", Ty::Str),
];

/// Link attributes in declaration order: name and type. `evidence` holds
/// the sentences, one per line; `documents` the document ids, `"; "`-joined.
pub const LINK_ATTRS: [(&str, Ty); 8] = [
    ("kind", Ty::Str),
    ("label", Ty::Str),
    ("relation", Ty::Str),
    ("status", Ty::Str),
    ("date", Ty::Str),
    ("as_of", Ty::Str),
    ("evidence", Ty::Str),
    ("documents", Ty::Str),
];

/// The attributes a node has (absent ones are left out), in declaration order.
pub fn node_attrs(n: &Node) -> Vec<(&'static str, Value)> {
    let s = |v: &str| Value::Str(v.to_string());
    let mut out = vec![("kind", s(n.kind().name())), ("name", s(&n.name))];
    if !n.aliases.is_empty() {
        out.push(("aliases", Value::Str(n.aliases.join("; "))));
    }
    match &n.detail {
        NodeDetail::Organization { roles } if !roles.is_empty() => {
            let r: Vec<&str> = roles.iter().map(|r| r.name()).collect();
            out.push(("roles", Value::Str(r.join("; "))));
        }
        NodeDetail::Phase(p) => out.push(("rank", Value::Int(i64::from(p.rank())))),
        NodeDetail::Milestone(m) => {
            if m.amount.is_finite() {
                out.push(("amount", Value::Double(m.amount)));
            }
            out.push(("currency", s(&m.currency)));
            out.push(("payment_kind", s(m.kind.name())));
            out.push(("status", s(m.status.name())));
            if let Some(d) = m.date {
                out.push(("date", Value::Str(d.to_string())));
            }
            if let Some(p) = m.trigger_phase {
                out.push(("trigger_phase", s(p.name())));
            }
        }
        _ => {}
    }
    out
}

/// The attributes a link has (absent ones are left out), in declaration order.
pub fn link_attrs(g: &PipelineGraph, l: &LinkRef<'_>) -> Vec<(&'static str, Value)> {
    let mut out = link_fields(g, l);
    let ev = &l.link.evidence;
    if !ev.is_empty() {
        let texts: Vec<&str> = ev.iter().map(|e| &*e.text).collect();
        out.push(("evidence", Value::Str(texts.join("\n"))));
        let mut docs: Vec<&str> = ev.iter().map(|e| &*e.document).collect();
        docs.dedup();
        out.push(("documents", Value::Str(docs.join("; "))));
    }
    out
}

/// [`link_attrs`] without `evidence` and `documents`: for formats that
/// write the evidence as lists of their own (joining it would copy every
/// sentence for nothing).
pub fn link_fields(g: &PipelineGraph, l: &LinkRef<'_>) -> Vec<(&'static str, Value)> {
    let s = |v: &str| Value::Str(v.to_string());
    let label = super::dot::link_label(&l.link.detail, g.node(l.target));
    let mut out = vec![
        ("kind", s(l.link.kind().name())),
        ("label", Value::Str(label)),
    ];
    match &l.link.detail {
        LinkDetail::PartneredWith { relation } => out.push(("relation", s(relation))),
        LinkDetail::PhaseEvent { status, date } => {
            out.push(("status", s(status.name())));
            if let Some(d) = date {
                out.push(("date", Value::Str(d.to_string())));
            }
        }
        LinkDetail::Discontinued { date: Some(d) } => {
            out.push(("date", Value::Str(d.to_string())));
        }
        _ => {}
    }
    if let Some(d) = l.link.as_of {
        out.push(("as_of", Value::Str(d.to_string())));
    }
    out
}
