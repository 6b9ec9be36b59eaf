//! Graphviz DOT rendering of a pipeline graph in three views (full, partnerships, pipeline), each with a legend.
//!
//! The writer is our own (petgraph's `Dot` is not used): ids are the stable
//! node ids, every string is quoted and escaped ([`quote`], or [`html`] for
//! HTML-like labels), and the text declares `charset="UTF-8"`, so
//! `dot -Tsvg` renders it without warnings.
//!
//! - [`View::Full`]: every node and link, one shape and colour per kind.
//! - [`View::Partnerships`]: compounds and organizations only, one cluster
//!   per partner (the partner and the compounds it first partners), links
//!   labelled by relation.
//! - [`View::Pipeline`]: one row per compound with phase events, one
//!   column per phase left to right, cells holding each dated status, and
//!   the transitions between them labelled with the date.

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
    view: View,
}

/// Which picture of the graph to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Every node and link.
    #[default]
    Full,
    /// Compounds and organizations, one cluster per partner.
    Partnerships,
    /// A compound per row, phases as columns, dated transitions.
    Pipeline,
}

impl View {
    /// All views, in the order outputs are written.
    pub const ALL: [View; 3] = [View::Full, View::Partnerships, View::Pipeline];

    /// The CLI name (`"full"`, `"partnerships"`, `"pipeline"`).
    pub fn name(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Partnerships => "partnerships",
            View::Pipeline => "pipeline",
        }
    }

    /// The inverse of [`View::name`]; `None` for anything else.
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == s)
    }
}

impl<'a> Dot<'a> {
    /// A renderer for `graph`, with the legend on.
    pub fn new(graph: &'a PipelineGraph) -> Dot<'a> {
        Dot {
            graph,
            legend: true,
            view: View::Full,
        }
    }

    /// Chooses the view (default [`View::Full`]).
    pub fn view(mut self, view: View) -> Dot<'a> {
        self.view = view;
        self
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

/// Escapes text for an HTML-like label: `&`, `<`, `>`, `"` and `'` as
/// entities, line breaks as `<BR/>`, other control characters as spaces.
/// The result is well-formed inside `<...>` label delimiters.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<BR/>");
                }
            }
            '\n' => out.push_str("<BR/>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The fill colour of a node kind (`#rrggbb`), shared by every export.
pub fn kind_color(kind: NodeKind) -> &'static str {
    style(kind).2
}

/// The label of a link as drawn (`licensed to`, `achieved 2011-10`, `pays USD 3.0M`).
pub fn link_label(detail: &LinkDetail, target: Option<&Node>) -> String {
    link_look(detail, target).0
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
        match self.view {
            View::Full => self.full(f),
            View::Partnerships => partnerships(self.graph, self.legend, f),
            View::Pipeline => pipeline(self.graph, self.legend, f),
        }
    }
}

impl Dot<'_> {
    fn full(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
            edge(f, &s.id, &t.id, &label, color, &format!("{line}{width}"))?;
        }
        writeln!(f, "}}")
    }
}

/// Writes the graph header shared by the views.
fn header(f: &mut fmt::Formatter<'_>, name: &str, title: &str, extra: &str) -> fmt::Result {
    writeln!(f, "digraph {} {{", quote(name))?;
    writeln!(
        f,
        "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", label={}, labelloc=t, fontsize=16{extra}];",
        quote(title)
    )?;
    writeln!(f, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(f, "  edge [fontname=\"Helvetica\", fontsize=9];")
}

/// Writes a legend cluster holding one HTML-like table node of
/// (colour, swatch text, caption) rows.
fn legend_table(f: &mut fmt::Formatter<'_>, rows: &[(&str, &str, &str)]) -> fmt::Result {
    writeln!(f, "  subgraph \"cluster_legend\" {{")?;
    writeln!(
        f,
        "    graph [label=\"Legend\", style=\"rounded\", color=\"#999999\", fontsize=11];"
    )?;
    let mut table =
        String::from("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
    for (color, swatch, caption) in rows {
        let _ = write!(
            table,
            "<TR><TD BGCOLOR=\"{}\"><FONT COLOR=\"{}\">{}</FONT></TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
            html(color),
            html(color),
            html(swatch),
            html(caption)
        );
    }
    table.push_str("</TABLE>");
    writeln!(
        f,
        "    \"legend:table\" [shape=plaintext, fontsize=10, label=<{table}>];"
    )?;
    writeln!(f, "  }}")
}

/// Colour of a partnership relation.
fn relation_color(relation: &str) -> &'static str {
    match relation {
        "licensed_to" => "#e69138",
        "licensed_from" => "#6aa84f",
        "developed_by" => "#3c78d8",
        "collaboration" => "#8e7cc3",
        _ => "#666666",
    }
}

/// The partnerships view: compounds and organizations, one cluster per partner.
fn partnerships(g: &PipelineGraph, legend: bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    use crate::graph::NodeId;
    use std::collections::{BTreeMap, BTreeSet};
    header(
        f,
        "pipegraph_partnerships",
        "Partnerships",
        ", nodesep=0.3, ranksep=0.8",
    )?;
    let mut shown: BTreeSet<NodeId> = BTreeSet::new();
    // partner → compounds placed in its cluster (each compound in its first partner's).
    let mut clusters: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    let mut placed: BTreeSet<NodeId> = BTreeSet::new();
    let mut relations: BTreeSet<&str> = BTreeSet::new();
    for l in g.links() {
        match &l.link.detail {
            LinkDetail::PartneredWith { relation } => {
                shown.insert(l.source);
                shown.insert(l.target);
                relations.insert(relation);
                let members = clusters.entry(l.target).or_default();
                if placed.insert(l.source) {
                    members.push(l.source);
                }
            }
            LinkDetail::SubsidiaryOf => {}
            _ => continue,
        }
    }
    // Parents and subsidiaries of shown organizations.
    let subs: Vec<_> = g
        .links()
        .filter(|l| l.link.kind() == LinkKind::SubsidiaryOf)
        .filter(|l| shown.contains(&l.source) || shown.contains(&l.target))
        .collect();
    for l in &subs {
        shown.insert(l.source);
        shown.insert(l.target);
    }
    if legend {
        let mut rows = vec![
            ("#cfe2f3", "  ", "compound"),
            ("#fce5cd", "  ", "organization"),
        ];
        for r in &relations {
            rows.push((relation_color(r), "——", r));
        }
        rows.push(("#666666", "····", "subsidiary_of"));
        legend_table(f, &rows)?;
    }
    for (i, (partner, members)) in clusters.iter().enumerate() {
        let Some(p) = g.node(*partner) else { continue };
        writeln!(f, "  subgraph \"cluster_partner_{i}\" {{")?;
        writeln!(
            f,
            "    graph [label={}, style=\"rounded,filled\", fillcolor=\"#fdf6ec\", color=\"#e69138\"];",
            quote(&p.name)
        )?;
        f.write_str("  ")?;
        write_node(f, &p.id, p.kind(), &node_label(p))?;
        for m in members {
            if let Some(n) = g.node(*m) {
                f.write_str("  ")?;
                write_node(f, &n.id, n.kind(), &node_label(n))?;
            }
        }
        writeln!(f, "  }}")?;
    }
    for id in &shown {
        if clusters.contains_key(id) || placed.contains(id) {
            continue;
        }
        if let Some(n) = g.node(*id) {
            write_node(f, &n.id, n.kind(), &node_label(n))?;
        }
    }
    for l in g.links() {
        let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
            continue;
        };
        let (label, color, line) = match &l.link.detail {
            LinkDetail::PartneredWith { relation } => (
                relation.replace('_', " "),
                relation_color(relation),
                "solid",
            ),
            LinkDetail::SubsidiaryOf if shown.contains(&l.source) => {
                ("subsidiary of".to_string(), "#666666", "dotted")
            }
            _ => continue,
        };
        edge(f, &s.id, &t.id, &label, color, line)?;
    }
    writeln!(f, "}}")
}

/// Writes one labelled edge; `style` is the style value plus any extra
/// attributes (`"solid, penwidth=1.5"`).
fn edge(
    f: &mut fmt::Formatter<'_>,
    source: &str,
    target: &str,
    label: &str,
    color: &str,
    style: &str,
) -> fmt::Result {
    writeln!(
        f,
        "  {} -> {} [label={}, color={}, fontcolor={}, style={style}];",
        quote(source),
        quote(target),
        quote(label),
        quote(color),
        quote(color)
    )
}

/// Fill colour of a pipeline cell by its most telling status.
fn status_color(status: PhaseStatus) -> &'static str {
    match status {
        PhaseStatus::Discontinued => "#f4cccc",
        PhaseStatus::Planned => "#f3f3f3",
        PhaseStatus::Ongoing => "#d9ead3",
        PhaseStatus::Achieved | PhaseStatus::Completed => "#c9daf8",
    }
}

/// The pipeline view: a compound per row, phases as columns, dated transitions.
fn pipeline(g: &PipelineGraph, legend: bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    use crate::graph::{Direction, NodeId};
    use crate::model::FuzzyDate;
    use std::collections::{BTreeMap, BTreeSet};
    type Cell = Vec<(PhaseStatus, Option<FuzzyDate>)>;
    header(
        f,
        "pipegraph_pipeline",
        "Development pipeline",
        ", newrank=true, nodesep=0.2, ranksep=0.5",
    )?;
    writeln!(
        f,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#999999\"];"
    )?;
    // compound → phase → events; compound → stop dates.
    let mut rows: BTreeMap<NodeId, BTreeMap<Phase, Cell>> = BTreeMap::new();
    let mut stops: BTreeMap<NodeId, Vec<Option<FuzzyDate>>> = BTreeMap::new();
    let mut columns: BTreeSet<Phase> = BTreeSet::new();
    for l in g.links() {
        match &l.link.detail {
            LinkDetail::PhaseEvent { status, date } => {
                let Some(NodeDetail::Phase(p)) = g.node(l.target).map(|n| &n.detail) else {
                    continue;
                };
                columns.insert(*p);
                let cell = rows.entry(l.source).or_default().entry(*p).or_default();
                cell.push((*status, *date));
            }
            LinkDetail::Discontinued { date } => stops.entry(l.source).or_default().push(*date),
            _ => {}
        }
    }
    if legend {
        legend_table(
            f,
            &[
                (
                    status_color(PhaseStatus::Achieved),
                    "    ",
                    "achieved / completed",
                ),
                (status_color(PhaseStatus::Ongoing), "    ", "ongoing"),
                (
                    status_color(PhaseStatus::Planned),
                    "    ",
                    "planned (dashed)",
                ),
                (
                    status_color(PhaseStatus::Discontinued),
                    "    ",
                    "discontinued",
                ),
            ],
        )?;
    }
    let col_id = |p: Phase| format!("col:{}", crate::graph::phase_id(p));
    writeln!(
        f,
        "  \"col:compound\" [label=\"Compound\", shape=plaintext, style=\"\", fontsize=12];"
    )?;
    for p in &columns {
        writeln!(
            f,
            "  {} [label={}, shape=plaintext, style=\"\", fontsize=12];",
            quote(&col_id(*p)),
            quote(p.name())
        )?;
    }
    let mut prev = "col:compound".to_string();
    for p in &columns {
        writeln!(
            f,
            "  {} -> {} [style=invis];",
            quote(&prev),
            quote(&col_id(*p))
        )?;
        prev = col_id(*p);
    }
    let mut ranks: BTreeMap<Phase, Vec<String>> = BTreeMap::new();
    let mut heads = Vec::new();
    for (compound, cells) in &rows {
        let Some(c) = g.node(*compound) else { continue };
        let head = format!("row:{}", c.id);
        let partners: Vec<&str> = g
            .neighbors(*compound, LinkKind::PartneredWith, Direction::Outgoing)
            .into_iter()
            .filter_map(|o| g.node(o).map(|n| n.name.as_str()))
            .collect();
        let mut label = format!("<B>{}</B>", html(&c.name));
        if !partners.is_empty() {
            let _ = write!(
                label,
                "<BR/><FONT POINT-SIZE=\"9\">with {}</FONT>",
                html(&partners.join(", "))
            );
        }
        for stop in stops.get(compound).into_iter().flatten() {
            let when = stop.map_or(String::new(), |d| format!(" {d}"));
            let _ = write!(
                label,
                "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#cc0000\">discontinued{}</FONT>",
                html(&when)
            );
        }
        writeln!(
            f,
            "  {} [label=<{label}>, style=\"filled\", fillcolor=\"#cfe2f3\"];",
            quote(&head)
        )?;
        heads.push(head.clone());
        let mut prev = head;
        for (phase, events) in cells {
            let mut events = events.clone();
            events.sort_by_key(|(s, d)| (*d, *s));
            let cell = format!("cell:{}:{}", c.id, crate::graph::phase_id(*phase));
            let strongest = events
                .iter()
                .map(|(s, _)| *s)
                .max_by_key(|s| match s {
                    PhaseStatus::Planned => 0,
                    PhaseStatus::Ongoing => 1,
                    PhaseStatus::Achieved | PhaseStatus::Completed => 2,
                    PhaseStatus::Discontinued => 3,
                })
                .unwrap_or(PhaseStatus::Planned);
            let mut lines: Vec<String> = events
                .iter()
                .map(|(s, d)| match d {
                    Some(d) => html(&format!("{s} {d}")),
                    None => html(s.name()),
                })
                .collect();
            lines.dedup();
            let dashed = if strongest == PhaseStatus::Planned {
                "rounded,filled,dashed"
            } else {
                "rounded,filled"
            };
            writeln!(
                f,
                "  {} [label=<<FONT POINT-SIZE=\"10\">{}</FONT>>, style={}, fillcolor={}];",
                quote(&cell),
                lines.join("<BR/>"),
                quote(dashed),
                quote(status_color(strongest))
            )?;
            // The transition into the cell, dated by its earliest reached event, else planned.
            let reached = events
                .iter()
                .filter(|(s, _)| s.is_reached())
                .filter_map(|(_, d)| *d)
                .min();
            let planned = events
                .iter()
                .filter(|(s, _)| *s == PhaseStatus::Planned)
                .filter_map(|(_, d)| *d)
                .min();
            let (label, style) = match (reached, planned) {
                (Some(d), _) => (d.to_string(), "solid"),
                (None, Some(d)) => (format!("planned {d}"), "dashed"),
                (None, None) if strongest == PhaseStatus::Planned => (String::new(), "dashed"),
                (None, None) => (String::new(), "solid"),
            };
            writeln!(
                f,
                "  {} -> {} [label={}, style={style}, color=\"#3c78d8\"];",
                quote(&prev),
                quote(&cell),
                quote(&label)
            )?;
            ranks.entry(*phase).or_default().push(cell.clone());
            prev = cell;
        }
    }
    // Rows top to bottom in canonical order.
    let mut prev = "col:compound".to_string();
    for h in &heads {
        writeln!(f, "  {} -> {} [style=invis];", quote(&prev), quote(h))?;
        prev = h.clone();
    }
    let mut same = vec!["col:compound".to_string()];
    same.extend(heads);
    write_rank(f, &same)?;
    for p in &columns {
        let mut same = vec![col_id(*p)];
        same.extend(ranks.remove(p).unwrap_or_default());
        write_rank(f, &same)?;
    }
    writeln!(f, "}}")
}

fn write_rank(f: &mut fmt::Formatter<'_>, ids: &[String]) -> fmt::Result {
    let ids: Vec<String> = ids.iter().map(|i| quote(i)).collect();
    writeln!(f, "  {{ rank=same; {}; }}", ids.join("; "))
}
