//! When each node and link holds: start and end days derived from the graph's dates, shared by the dynamic exports (GEXF, Cytoscape.js, the HTML viewer).
//!
//! **Rules.** A link starts on the day its fact became true or known:
//! - a reached (`achieved`, `ongoing`, `completed`) or `discontinued`
//!   phase event, or a `discontinued` link: the first day of its own date,
//!   else its `as_of` (earliest report date of its evidence);
//! - a `planned` phase event: its `as_of` (when the plan was told; its own
//!   date is when the event is expected);
//! - any other link: its `as_of`, else (for `pays`, `paid_to`,
//!   `for_compound`) the payment's date.
//!
//! A `planned` phase event ends on the start of the earliest later link
//! that settles it: a reached event of the same compound and phase, or a
//! discontinuation of the compound. Other links never end.
//!
//! A node starts with its earliest link; a node with an undated link, or
//! with no link at all, has no start (it is always shown). Nodes never end.
//! Hence a link's endpoints always exist whenever the link does.

use crate::graph::{LinkDetail, LinkId, NodeDetail, NodeId, PipelineGraph};
use crate::model::{FuzzyDate, PhaseStatus};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A lifetime in days: present from `start` (inclusive) until `end`
/// (exclusive). `None` means unbounded on that side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    /// First day present; `None`: since always.
    pub start: Option<NaiveDate>,
    /// First day no longer present; `None`: still present.
    pub end: Option<NaiveDate>,
}

impl Span {
    /// True when the span covers `day`.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= day) && self.end.is_none_or(|e| day < e)
    }
}

/// The spans of every node and link of one graph (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    nodes: HashMap<NodeId, Span>,
    links: HashMap<LinkId, Span>,
}

/// The first day a fuzzy date covers (`2012-H2` → 2012-07-01); `None` for
/// an impossible date.
pub fn first_day(d: FuzzyDate) -> Option<NaiveDate> {
    match d {
        FuzzyDate::Day(y, m, day) => NaiveDate::from_ymd_opt(y, m, day),
        other => {
            let (y, m) = other.first_month();
            NaiveDate::from_ymd_opt(y, m, 1)
        }
    }
}

impl Timeline {
    /// Computes the spans of `g`. Never fails.
    pub fn of(g: &PipelineGraph) -> Timeline {
        let mut links = HashMap::new();
        for l in g.links() {
            let own = match &l.link.detail {
                LinkDetail::PhaseEvent { status, date } if *status != PhaseStatus::Planned => {
                    date.and_then(first_day)
                }
                LinkDetail::Discontinued { date } => date.and_then(first_day),
                _ => None,
            };
            // Payment links fall back on the payment's date.
            let paid = [l.source, l.target]
                .into_iter()
                .filter_map(|n| match g.node(n).map(|n| &n.detail) {
                    Some(NodeDetail::Milestone(m)) => m.date.and_then(first_day),
                    _ => None,
                })
                .next();
            let start = own.or(l.link.as_of).or(paid);
            links.insert(l.id, Span { start, end: None });
        }
        // Close planned events by the first later settling fact.
        for l in g.links() {
            let LinkDetail::PhaseEvent {
                status: PhaseStatus::Planned,
                ..
            } = l.link.detail
            else {
                continue;
            };
            let Some(start) = links[&l.id].start else {
                continue;
            };
            let end = g
                .links()
                .filter(|o| o.source == l.source)
                .filter(|o| match &o.link.detail {
                    LinkDetail::PhaseEvent { status, .. } => {
                        *status == PhaseStatus::Discontinued
                            || (status.is_reached() && o.target == l.target)
                    }
                    LinkDetail::Discontinued { .. } => true,
                    _ => false,
                })
                .filter_map(|o| links[&o.id].start)
                .filter(|s| *s > start)
                .min();
            if let Some(span) = links.get_mut(&l.id) {
                span.end = end;
            }
        }
        let mut nodes: HashMap<NodeId, Option<NaiveDate>> = HashMap::new();
        for l in g.links() {
            let s = links[&l.id].start;
            for n in [l.source, l.target] {
                let e = nodes.entry(n).or_insert(s);
                *e = match (*e, s) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    _ => None,
                };
            }
        }
        let nodes = g
            .nodes()
            .map(|(id, _)| {
                let start = nodes.get(&id).copied().flatten();
                (id, Span { start, end: None })
            })
            .collect();
        Timeline { nodes, links }
    }

    /// The span of a node; unbounded for a handle of another graph.
    pub fn node(&self, id: NodeId) -> Span {
        self.nodes.get(&id).copied().unwrap_or_default()
    }

    /// The span of a link; unbounded for a handle of another graph.
    pub fn link(&self, id: LinkId) -> Span {
        self.links.get(&id).copied().unwrap_or_default()
    }

    /// Every distinct start and end day, sorted: the steps of a timeline slider.
    pub fn days(&self) -> Vec<NaiveDate> {
        let mut d: Vec<NaiveDate> = self
            .nodes
            .values()
            .chain(self.links.values())
            .flat_map(|s| [s.start, s.end])
            .flatten()
            .collect();
        d.sort();
        d.dedup();
        d
    }
}
