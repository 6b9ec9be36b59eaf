//! Graphviz DOT rendering of a pipeline graph: one shape and colour per node kind, labelled edges, a legend.
//!
//! The writer is our own (petgraph's `Dot` is not used): ids are the stable
//! node ids, every string is quoted and escaped, and the text declares
//! `charset="UTF-8"`, so `dot -Tsvg` renders it without warnings.

use crate::graph::{LinkDetail, LinkKind, Node, NodeDetail, NodeKind, PipelineGraph, money};
use crate::model::{Phase, PhaseStatus};
use std::fmt::{self, Write};

/// Renders a graph as a Graphviz `digraph`, left to right, with a legend cluster.
///
/// Same graph and options → byte-identical text. No I/O.
///
/// ```
/// use pipegraph::{export::Dot, graph::PipelineGraph};
/// let g = PipelineGraph::build(&[]);
/// assert!(Dot::new(&g).to_string().starts_with("digraph \"pipegraph\" {"));
/// ```
pub struct Dot<'a> {
    graph: &'a PipelineGraph,
    legend: bool,
}

impl<'a> Dot<'a> {
    /// A renderer for `graph`, with the legend on.
    pub fn new(graph: &'a PipelineGraph) -> Dot<'a> {
        Dot {
            graph,
            legend: true,
        }
    }

    /// Turns the legend cluster on or off.
    pub fn legend(mut self, on: bool) -> Dot<'a> {
        self.legend = on;
        self
    }
}

/// Quotes a string for DOT: `"` and `\` escaped, line breaks as `\n`
/// (centred lines), `&` as `&amp;` (Graphviz reads entities in labels),
/// other control characters as spaces. Non-ASCII text is kept (UTF-8).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Shape and attributes of each node kind (shape, style, fill colour).
fn style(kind: NodeKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        NodeKind::Compound => ("box", "filled", "#cfe2f3"),
        NodeKind::Organization => ("ellipse", "filled", "#fce5cd"),
        NodeKind::Target => ("hexagon", "filled", "#d9ead3"),
        NodeKind::Phase => ("box", "rounded,filled", "#eeeeee"),
        NodeKind::Milestone => ("note", "filled", "#fff2cc"),
    }
}

/// The label of a node: name and the facts worth seeing at a glance.
fn node_label(n: &Node) -> String {
    let mut label = match &n.detail {
        NodeDetail::Milestone(m) => money(m.amount, &m.currency),
        _ => n.name.clone(),
    };
    match &n.detail {
        NodeDetail::Compound | NodeDetail::Target => {
            let others: Vec<&str> = n
                .aliases
                .iter()
                .filter(|a| **a != n.name)
                .map(String::as_str)
                .collect();
            if !others.is_empty() {
                label.push('\n');
                label.push_str(&others.join(", "));
            }
        }
        NodeDetail::Organization { roles } if !roles.is_empty() => {
            let roles: Vec<&str> = roles.iter().map(|r| r.name()).collect();
            let _ = write!(label, "\n({})", roles.join(", "));
        }
        NodeDetail::Organization { .. } => {}
        NodeDetail::Phase(p) => {
            let _ = write!(label, "\nrank {}", p.rank());
        }
        NodeDetail::Milestone(m) => {
            let _ = write!(label, "\n{}, {}", m.kind.name(), m.status.name());
            if let Some(d) = m.date {
                let _ = write!(label, "\n{d}");
            }
            if let Some(p) = m.trigger_phase {
                let _ = write!(label, "\ntrigger: {p}");
            }
        }
    }
    label
}

/// Label, colour and line style of a link.
fn link_look(detail: &LinkDetail, target: Option<&Node>) -> (String, &'static str, &'static str) {
    let dated = |what: &str, date: &Option<crate::model::FuzzyDate>| match date {
        Some(d) => format!("{what} {d}"),
        None => what.to_string(),
    };
    match detail {
        LinkDetail::Targets => ("targets".into(), "#6aa84f", "solid"),
        LinkDetail::PartneredWith { relation } => (relation.replace('_', " "), "#e69138", "solid"),
        LinkDetail::PhaseEvent { status, date } => {
            let (color, line) = match status {
                PhaseStatus::Planned => ("#999999", "dashed"),
                PhaseStatus::Discontinued => ("#cc0000", "dashed"),
                _ => ("#3c78d8", "solid"),
            };
            (dated(status.name(), date), color, line)
        }
        LinkDetail::Discontinued { date } => (dated("discontinued", date), "#cc0000", "dashed"),
        LinkDetail::Pays => {
            let label = match target.map(|n| &n.detail) {
                Some(NodeDetail::Milestone(m)) => format!("pays {}", money(m.amount, &m.currency)),
                _ => "pays".into(),
            };
            (label, "#bf9000", "solid")
        }
        LinkDetail::PaidTo => ("paid to".into(), "#bf9000", "solid"),
        LinkDetail::ForCompound => ("for".into(), "#bf9000", "dotted"),
        LinkDetail::SubsidiaryOf => ("subsidiary of".into(), "#666666", "dotted"),
    }
}

fn write_node(f: &mut fmt::Formatter<'_>, id: &str, kind: NodeKind, label: &str) -> fmt::Result {
    let (shape, style, fill) = style(kind);
    writeln!(
        f,
        "  {} [label={}, shape={shape}, style={}, fillcolor={}];",
        quote(id),
        quote(label),
        quote(style),
        quote(fill)
    )
}

impl fmt::Display for Dot<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = self.graph;
        writeln!(f, "digraph \"pipegraph\" {{")?;
        writeln!(
            f,
            "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\"];"
        )?;
        writeln!(f, "  node [fontname=\"Helvetica\", fontsize=11];")?;
        writeln!(f, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
        if self.legend {
            writeln!(f, "  subgraph \"cluster_legend\" {{")?;
            writeln!(
                f,
                "    graph [label=\"Legend\", style=\"rounded\", color=\"#999999\"];"
            )?;
            for kind in NodeKind::ALL {
                f.write_str("  ")?;
                write_node(f, &format!("legend:{}", kind.name()), kind, kind.name())?;
            }
            writeln!(f, "  }}")?;
        }
        let mut phases: Vec<(Phase, &str)> = Vec::new();
        for (_, n) in g.nodes() {
            write_node(f, &n.id, n.kind(), &node_label(n))?;
            if let NodeDetail::Phase(p) = n.detail {
                phases.push((p, &n.id));
            }
        }
        // Phases left to right in rank order.
        phases.sort();
        for w in phases.windows(2) {
            writeln!(
                f,
                "  {} -> {} [style=invis, weight=10];",
                quote(w[0].1),
                quote(w[1].1)
            )?;
        }
        for l in g.links() {
            let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
                continue;
            };
            let (label, color, line) = link_look(&l.link.detail, Some(t));
            let width = if l.link.kind() == LinkKind::PhaseEvent {
                ", penwidth=1.5"
            } else {
                ""
            };
            writeln!(
                f,
                "  {} -> {} [label={}, color={}, fontcolor={}, style={line}{width}];",
                quote(&s.id),
                quote(&t.id),
                quote(&label),
                quote(color),
                quote(color)
            )?;
        }
        writeln!(f, "}}")
    }
}
