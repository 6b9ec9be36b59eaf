//! Questions over the temporal pipeline graph: who reached which phase when, a compound's timeline, payments, partners, targets.
//!
//! Every query is a pure function over a [`PipelineGraph`] that returns
//! typed rows; [`render`] turns rows into an aligned table, JSON or CSV.
//! Nothing here does I/O and nothing panics on any graph or argument.
//!
//! **Time.** Each fact (a link) has an event *date* when the text states one
//! and an *as-of* date: the earliest report date of the documents that
//! state it ([`Link::as_of`]). A fact's *effective date* is its event date,
//! else its as-of day. Fuzzy dates are ranges (`2011-10` is October 2011);
//! a date passes `since S` when it ends on or after the first day of `S`,
//! and `until U` when it starts on or before the last day of `U`.
//!
//! **Reaching a phase.** Only `achieved`, `ongoing` and `completed` phase
//! events count ([`PhaseStatus::is_reached`]). `planned` facts stay in the
//! graph and in timelines but never count; a plan is *superseded* when a
//! reached fact at the same or a later phase is known as of the plan's date
//! or later. Conflicting facts are all kept, each with its evidence.
//!
//! **Names.** Compounds, organizations and targets are looked up by any
//! alias ([`PipelineGraph::find`]). An organization filter also matches its
//! subsidiaries (`subsidiary_of` links, transitively): `--partner Roche`
//! matches a compound partnered with Genentech when Genentech is a
//! subsidiary of Roche. A name that matches nothing is
//! [`QueryError::UnknownName`] with the closest known names.

pub mod render;

use crate::graph::{
    Direction, Link, LinkDetail, LinkKind, NodeDetail, NodeId, NodeKind, PipelineGraph, money,
};
use crate::model::{Evidence, FuzzyDate, PaymentKind, PaymentStatus, Phase, PhaseStatus, name_key};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Why a query could not be answered. The CLI exits with code 2 on any of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No node of that kind has that name or alias.
    #[error("no {kind} named {name:?}{}", suggest_text(.suggestions))]
    UnknownName {
        /// The node kind looked for (`"compound"`, `"organization"`, `"target"`).
        kind: &'static str,
        /// The name as given.
        name: String,
        /// The closest known names, best first (at most 5; may be empty).
        suggestions: Vec<String>,
    },
    /// A phase argument that is not a phase name.
    #[error(
        "unknown phase {0:?}; use one of: Preclinical, IND, Phase I, Phase I/II, Phase II, Phase II/III, Phase III, Filed, Approved"
    )]
    BadPhase(String),
    /// A date argument in none of the accepted forms.
    #[error("bad date {0:?}; use YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY")]
    BadDate(String),
}

/// Serializes a phase by its `GRAPH_JSON.md` name (`"Phase II"`).
fn ser_phase<S: serde::Serializer>(p: &Phase, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(p.name())
}

fn ser_opt_phase<S: serde::Serializer>(p: &Option<Phase>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => s.serialize_str(p.name()),
        None => s.serialize_none(),
    }
}

fn suggest_text(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; closest known: {}", s.join(", "))
    }
}

/// Parses a phase argument (`"Phase II"`, `"phase 2"`, `"approved"`).
///
/// # Errors
/// [`QueryError::BadPhase`] for anything [`Phase::parse`] rejects.
///
/// # Example
/// ```
/// use pipegraph::{model::Phase, query::parse_phase};
/// assert_eq!(parse_phase("Phase 2"), Ok(Phase::PhaseII));
/// assert!(parse_phase("Phase 9").is_err());
/// ```
pub fn parse_phase(s: &str) -> Result<Phase, QueryError> {
    Phase::parse(s).ok_or_else(|| QueryError::BadPhase(s.to_string()))
}

/// Parses a date argument (`2012-06-30`, `2012-06`, `2012-Q2`, `2012-H1`, `2012`).
///
/// # Errors
/// [`QueryError::BadDate`] for anything [`FuzzyDate::parse`] rejects.
///
/// # Example
/// ```
/// use pipegraph::{model::FuzzyDate, query::parse_date};
/// assert_eq!(parse_date("2012-06"), Ok(FuzzyDate::Month(2012, 6)));
/// assert!(parse_date("June 2012").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<FuzzyDate, QueryError> {
    FuzzyDate::parse(s).ok_or_else(|| QueryError::BadDate(s.to_string()))
}

/// The first day a fuzzy date covers.
fn first_day(d: FuzzyDate) -> NaiveDate {
    let day = match d {
        FuzzyDate::Day(_, _, day) => day,
        _ => 1,
    };
    let (y, m) = d.first_month();
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

/// The last day a fuzzy date covers.
fn last_day(d: FuzzyDate) -> NaiveDate {
    if let FuzzyDate::Day(y, m, day) = d {
        return NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MAX);
    }
    let (y, m) = d.last_month();
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// A report date as a day-precision fuzzy date.
fn day(d: NaiveDate) -> FuzzyDate {
    FuzzyDate::Day(d.year(), d.month(), d.day())
}

/// The event date, else the as-of day.
fn effective(date: Option<FuzzyDate>, as_of: Option<NaiveDate>) -> Option<FuzzyDate> {
    date.or(as_of.map(day))
}

/// Inclusive date bounds; a fuzzy date passes when any part of it is inside.
///
/// # Example
/// ```
/// use pipegraph::{model::FuzzyDate, query::DateRange};
/// let r = DateRange { since: FuzzyDate::parse("2011"), until: None };
/// assert!(r.contains(Some(FuzzyDate::Month(2011, 10))));
/// assert!(!r.contains(Some(FuzzyDate::Month(2010, 10))));
/// assert!(!r.contains(None));
/// assert!(DateRange::default().contains(None));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// Keep dates that end on or after the first day of this date.
    pub since: Option<FuzzyDate>,
    /// Keep dates that start on or before the last day of this date.
    pub until: Option<FuzzyDate>,
}

impl DateRange {
    /// True when there are no bounds.
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a date passes. An unknown date passes only open bounds.
    pub fn contains(&self, d: Option<FuzzyDate>) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(d) = d else { return false };
        self.since.is_none_or(|s| last_day(d) >= first_day(s))
            && self.until.is_none_or(|u| first_day(d) <= last_day(u))
    }
}

/// Looks a node of `kind` up by any alias (see [`PipelineGraph::find`]), or
/// by its stable id (`compound:sar3419`).
///
/// # Errors
/// [`QueryError::UnknownName`] with up to 5 closest names of that kind
/// (by Jaro–Winkler similarity of their [`name_key`]s, substring matches first).
///
/// # Example
/// ```
/// use pipegraph::{graph::{NodeKind, PipelineGraph}, query::{resolve, QueryError}};
/// let g = PipelineGraph::build(&[]);
/// let e = resolve(&g, NodeKind::Compound, "T-DM1").unwrap_err();
/// assert!(matches!(e, QueryError::UnknownName { kind: "compound", .. }));
/// ```
pub fn resolve(g: &PipelineGraph, kind: NodeKind, name: &str) -> Result<NodeId, QueryError> {
    if let Some(n) = g.find(kind, name) {
        return Ok(n);
    }
    if let Some(n) = g.node_by_id(name)
        && g.node(n).is_some_and(|x| x.kind() == kind)
    {
        return Ok(n);
    }
    Err(QueryError::UnknownName {
        kind: kind.name(),
        name: name.to_string(),
        suggestions: suggestions(g, kind, name),
    })
}

/// The closest names of a kind to `name`, best first, at most 5.
fn suggestions(g: &PipelineGraph, kind: NodeKind, name: &str) -> Vec<String> {
    let key = name_key(name);
    let mut scored: Vec<(f64, String)> = Vec::new();
    for (_, n) in g.nodes().filter(|(_, n)| n.kind() == kind) {
        let best = std::iter::once(&n.name)
            .chain(&n.aliases)
            .map(|a| {
                let k = name_key(a);
                let sub =
                    !key.is_empty() && !k.is_empty() && (k.contains(&key) || key.contains(&k));
                let sim = strsim::jaro_winkler(&key, &k);
                if sub { 1.0 + sim } else { sim }
            })
            .fold(0.0_f64, f64::max);
        scored.push((best, n.name.clone()));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let strong: Vec<String> = scored
        .iter()
        .filter(|(s, _)| *s >= 0.7)
        .map(|(_, n)| n.clone())
        .take(5)
        .collect();
    if strong.is_empty() {
        scored.into_iter().map(|(_, n)| n).take(3).collect()
    } else {
        strong
    }
}

/// The document and sentence of a link's first-known evidence: from the
/// document whose report date is the link's `as_of`, else the first.
fn pick_evidence<'a>(g: &PipelineGraph, link: &'a Link) -> Option<&'a Evidence> {
    let reported = |e: &Evidence| {
        g.documents()
            .iter()
            .find(|d| *d.id == *e.document)
            .and_then(|d| d.report_date)
    };
    link.as_of
        .and_then(|a| link.evidence.iter().find(|e| reported(e) == Some(a)))
        .or_else(|| link.evidence.first())
}

fn doc_and_text(g: &PipelineGraph, link: &Link) -> (Option<String>, Option<String>) {
    match pick_evidence(g, link) {
        Some(e) => (Some(e.document.to_string()), Some(e.text.to_string())),
        None => (None, None),
    }
}

fn name_of(g: &PipelineGraph, n: NodeId) -> String {
    g.node(n).map(|x| x.name.clone()).unwrap_or_default()
}

/// An organization and all its subsidiaries, transitively.
fn org_family(g: &PipelineGraph, org: NodeId) -> BTreeSet<NodeId> {
    let mut seen = BTreeSet::from([org]);
    let mut todo = vec![org];
    while let Some(o) = todo.pop() {
        for s in g.neighbors(o, LinkKind::SubsidiaryOf, Direction::Incoming) {
            if seen.insert(s) {
                todo.push(s);
            }
        }
    }
    seen
}

/// The organizations related to a compound: `partnered_with` targets and
/// payers of its milestones.
fn compound_orgs(g: &PipelineGraph, c: NodeId) -> BTreeSet<NodeId> {
    let mut out: BTreeSet<NodeId> = g
        .neighbors(c, LinkKind::PartneredWith, Direction::Outgoing)
        .into_iter()
        .collect();
    for m in g.neighbors(c, LinkKind::ForCompound, Direction::Incoming) {
        out.extend(g.neighbors(m, LinkKind::Pays, Direction::Incoming));
    }
    out
}

/// One phase fact of a compound, as [`phase_history`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseRecord {
    /// The phase.
    #[serde(serialize_with = "ser_phase")]
    pub phase: Phase,
    /// The status relative to the phase.
    pub status: PhaseStatus,
    /// The event date, when the text states one.
    pub date: Option<FuzzyDate>,
    /// The earliest report date of the documents stating it.
    pub as_of: Option<NaiveDate>,
    /// For `planned` facts: a reached fact at this or a later phase is known
    /// as of this fact's date or later. Always false for other statuses.
    pub superseded: bool,
    /// The document id of the shown evidence (`doc:<file name>`).
    pub document: Option<String>,
    /// The evidence sentence.
    pub evidence: Option<String>,
}

impl PhaseRecord {
    /// The event date, else the as-of day.
    pub fn effective_date(&self) -> Option<FuzzyDate> {
        effective(self.date, self.as_of)
    }
}

/// When a fact shows the phase was reached, for picking the earliest: the
/// first day of its effective date (unknown last), event-dated facts first
/// on ties (`2011-10` beats "as of 2011-10-27").
fn reach_key(r: &PhaseRecord) -> (bool, NaiveDate, bool, Option<FuzzyDate>) {
    let d = r.effective_date();
    (
        d.is_none(),
        d.map_or(NaiveDate::MAX, first_day),
        r.date.is_none(),
        d,
    )
}

/// Sort key: effective date (unknown last), then phase, then status.
fn time_key(d: Option<FuzzyDate>) -> (bool, Option<FuzzyDate>) {
    (d.is_none(), d)
}

/// A compound's phase facts (every `phase_event` link), ordered by
/// effective date (unknown last), then phase rank, then status.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::phase_history};
/// let g = PipelineGraph::build(&[]);
/// assert!(phase_history(&g, "T-DM1").is_err());
/// ```
///
/// # Errors
/// [`QueryError::UnknownName`] when no compound has that name.
pub fn phase_history(g: &PipelineGraph, compound: &str) -> Result<Vec<PhaseRecord>, QueryError> {
    let c = resolve(g, NodeKind::Compound, compound)?;
    Ok(history_of(g, c))
}

fn history_of(g: &PipelineGraph, c: NodeId) -> Vec<PhaseRecord> {
    let mut out: Vec<PhaseRecord> = Vec::new();
    for l in g.links_at(c, Direction::Outgoing) {
        let LinkDetail::PhaseEvent { status, date } = l.link.detail else {
            continue;
        };
        let Some(NodeDetail::Phase(phase)) = g.node(l.target).map(|n| &n.detail) else {
            continue;
        };
        let (document, evidence) = doc_and_text(g, l.link);
        out.push(PhaseRecord {
            phase: *phase,
            status,
            date,
            as_of: l.link.as_of,
            superseded: false,
            document,
            evidence,
        });
    }
    let reached: Vec<(Phase, Option<NaiveDate>)> = out
        .iter()
        .filter(|r| r.status.is_reached())
        .map(|r| (r.phase, r.as_of))
        .collect();
    for r in out.iter_mut().filter(|r| r.status == PhaseStatus::Planned) {
        r.superseded = reached.iter().any(|&(p, a)| {
            p >= r.phase
                && match (a, r.as_of) {
                    (Some(a), Some(b)) => a >= b,
                    _ => true,
                }
        });
    }
    out.sort_by(|a, b| {
        (time_key(a.effective_date()), a.phase, a.status).cmp(&(
            time_key(b.effective_date()),
            b.phase,
            b.status,
        ))
    });
    out
}

/// The highest phase a compound reached on or before a date (any time when
/// `as_of` is `None`): the reached fact of highest phase whose effective
/// date starts on or before the last day of `as_of`; on ties the earliest
/// (by first day; an event date before an as-of date on the same day).
/// `Ok(None)` when nothing was reached by then.
///
/// # Errors
/// [`QueryError::UnknownName`] when no compound has that name.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::highest_phase};
/// let g = PipelineGraph::build(&[]);
/// assert!(highest_phase(&g, "ZTX-101", None).is_err());
/// ```
pub fn highest_phase(
    g: &PipelineGraph,
    compound: &str,
    as_of: Option<FuzzyDate>,
) -> Result<Option<PhaseRecord>, QueryError> {
    let c = resolve(g, NodeKind::Compound, compound)?;
    Ok(highest_of(&history_of(g, c), as_of))
}

fn highest_of(history: &[PhaseRecord], as_of: Option<FuzzyDate>) -> Option<PhaseRecord> {
    let range = DateRange {
        since: None,
        until: as_of,
    };
    history
        .iter()
        .filter(|r| r.status.is_reached() && range.contains(r.effective_date()))
        .min_by_key(|r| (std::cmp::Reverse(r.phase), reach_key(r)))
        .cloned()
}

/// Arguments of [`advanced`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvancedQuery {
    /// The phase to have reached.
    pub to: Phase,
    /// Only this phase, not later ones.
    pub exact: bool,
    /// Bounds on the date first reached (see [`DateRange`]).
    pub dates: DateRange,
    /// Only compounds related to this organization or its subsidiaries.
    pub partner: Option<String>,
}

/// A compound that reached a phase, as [`advanced`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdvancedRow {
    /// The compound's display name.
    pub compound: String,
    /// The phase of the earliest qualifying fact (the target phase or later).
    #[serde(serialize_with = "ser_phase")]
    pub phase: Phase,
    /// The event date of that fact; `None` when only an as-of date is known.
    pub first_reached: Option<FuzzyDate>,
    /// The as-of date of that fact (report date of the first document stating it).
    pub as_of: Option<NaiveDate>,
    /// The document id of the evidence.
    pub document: Option<String>,
    /// The evidence sentence.
    pub evidence: Option<String>,
}

/// Compounds that reached `q.to` (or, without `exact`, a later phase) by
/// `achieved`, `ongoing` or `completed` evidence, with the fact that shows
/// it first: the earliest effective date (event date, else as-of day),
/// compared by first day, an event date winning ties (`2011-10` is earlier
/// than "as of 2011-10-27").
/// Rows are sorted by that date (unknown last), then compound name.
///
/// # Errors
/// [`QueryError::UnknownName`] when `q.partner` names no organization.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, model::Phase, query::*};
/// let g = PipelineGraph::build(&[]);
/// let q = AdvancedQuery { to: Phase::PhaseII, exact: false, dates: DateRange::default(), partner: None };
/// assert!(advanced(&g, &q).unwrap().is_empty());
/// ```
pub fn advanced(g: &PipelineGraph, q: &AdvancedQuery) -> Result<Vec<AdvancedRow>, QueryError> {
    let family = q
        .partner
        .as_deref()
        .map(|p| resolve(g, NodeKind::Organization, p).map(|o| org_family(g, o)))
        .transpose()?;
    let mut rows = Vec::new();
    for (c, node) in g.nodes().filter(|(_, n)| n.kind() == NodeKind::Compound) {
        if let Some(f) = &family
            && compound_orgs(g, c).is_disjoint(f)
        {
            continue;
        }
        let first = history_of(g, c)
            .into_iter()
            .filter(|r| r.status.is_reached())
            .filter(|r| {
                if q.exact {
                    r.phase == q.to
                } else {
                    r.phase >= q.to
                }
            })
            .min_by_key(|r| (reach_key(r), r.phase));
        let Some(r) = first else { continue };
        if !q.dates.contains(r.effective_date()) {
            continue;
        }
        rows.push(AdvancedRow {
            compound: node.name.clone(),
            phase: r.phase,
            first_reached: r.date,
            as_of: r.as_of,
            document: r.document,
            evidence: r.evidence,
        });
    }
    rows.sort_by(|a, b| {
        let ka = time_key(effective(a.first_reached, a.as_of));
        let kb = time_key(effective(b.first_reached, b.as_of));
        (ka, &a.compound).cmp(&(kb, &b.compound))
    });
    Ok(rows)
}

/// What a timeline row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// A phase event.
    Phase,
    /// Development stopped, no phase named.
    Discontinued,
    /// A payment (milestone, upfront, license fee, royalty) for the compound.
    Payment,
    /// A partner organization and its relation.
    Partner,
}

impl TimelineKind {
    /// The lowercase name (`"phase"`, `"discontinued"`, `"payment"`, `"partner"`).
    pub fn name(self) -> &'static str {
        match self {
            TimelineKind::Phase => "phase",
            TimelineKind::Discontinued => "discontinued",
            TimelineKind::Payment => "payment",
            TimelineKind::Partner => "partner",
        }
    }
}

/// One dated fact about a compound, as [`timeline`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    /// The event date, when stated.
    pub date: Option<FuzzyDate>,
    /// The as-of date (report date of the first document stating it).
    pub as_of: Option<NaiveDate>,
    /// What the row is about.
    pub kind: TimelineKind,
    /// A short description: `"Phase II achieved"`, `"Roche USD 5.0M milestone earned (trigger Approved)"`,
    /// `"Genentech (developed_by)"`.
    pub what: String,
    /// The phase, for phase rows; the trigger phase, for payments.
    #[serde(serialize_with = "ser_opt_phase")]
    pub phase: Option<Phase>,
    /// The phase status (`achieved`...) or payment status (`earned`...); `None` for partners.
    pub status: Option<String>,
    /// The organization (payer or partner), when any.
    pub organization: Option<String>,
    /// Payment amount in units of `currency`.
    pub amount: Option<f64>,
    /// ISO 4217 currency of `amount`.
    pub currency: Option<String>,
    /// True for a plan superseded by a reached fact (see [`PhaseRecord::superseded`]).
    pub superseded: bool,
    /// The document id of the evidence.
    pub document: Option<String>,
    /// The evidence sentence.
    pub evidence: Option<String>,
}

/// The dated facts about a compound (any alias): phase events,
/// discontinuations, payments for it and partners, ordered by effective
/// date (unknown last), then kind, then description.
///
/// # Errors
/// [`QueryError::UnknownName`] when no compound has that name.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::timeline};
/// let g = PipelineGraph::build(&[]);
/// assert!(timeline(&g, "T-DM1").is_err());
/// ```
pub fn timeline(g: &PipelineGraph, compound: &str) -> Result<Vec<TimelineRow>, QueryError> {
    let c = resolve(g, NodeKind::Compound, compound)?;
    let mut rows: Vec<TimelineRow> = history_of(g, c)
        .into_iter()
        .map(|r| TimelineRow {
            date: r.date,
            as_of: r.as_of,
            kind: TimelineKind::Phase,
            what: format!(
                "{} {}{}",
                r.phase,
                r.status,
                if r.superseded { " (superseded)" } else { "" }
            ),
            phase: Some(r.phase),
            status: Some(r.status.name().to_string()),
            organization: None,
            amount: None,
            currency: None,
            superseded: r.superseded,
            document: r.document,
            evidence: r.evidence,
        })
        .collect();
    for l in g.links_at(c, Direction::Outgoing) {
        let (document, evidence) = doc_and_text(g, l.link);
        let org = name_of(g, l.target);
        let (kind, date, what, status) = match &l.link.detail {
            LinkDetail::Discontinued { date } => (
                TimelineKind::Discontinued,
                *date,
                format!("discontinued by {org}"),
                Some("discontinued".to_string()),
            ),
            LinkDetail::PartneredWith { relation } => (
                TimelineKind::Partner,
                None,
                format!("{org} ({relation})"),
                None,
            ),
            _ => continue,
        };
        rows.push(TimelineRow {
            date,
            as_of: l.link.as_of,
            kind,
            what,
            phase: None,
            status,
            organization: Some(org),
            amount: None,
            currency: None,
            superseded: false,
            document,
            evidence,
        });
    }
    for l in g.links_at(c, Direction::Incoming) {
        if l.link.kind() != LinkKind::ForCompound {
            continue;
        }
        let Some(p) = payment_of(g, l.source) else {
            continue;
        };
        let (document, evidence) = doc_and_text(g, l.link);
        rows.push(TimelineRow {
            date: p.date,
            as_of: l.link.as_of,
            kind: TimelineKind::Payment,
            what: p.describe(),
            phase: p.trigger,
            status: Some(p.status.name().to_string()),
            organization: p.payer.clone(),
            amount: Some(p.amount),
            currency: Some(p.currency.clone()),
            superseded: false,
            document,
            evidence,
        });
    }
    rows.sort_by(|a, b| {
        (time_key(effective(a.date, a.as_of)), a.kind, &a.what).cmp(&(
            time_key(effective(b.date, b.as_of)),
            b.kind,
            &b.what,
        ))
    });
    Ok(rows)
}

/// Arguments of [`milestones`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MilestoneQuery {
    /// Only payments paid by or to this organization or its subsidiaries.
    pub partner: Option<String>,
    /// Only payments for this compound (any alias).
    pub compound: Option<String>,
    /// Bounds on the payment's effective date (date, else as-of day).
    pub dates: DateRange,
}

/// One payment, as [`milestones`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneRow {
    /// When earned or paid, if stated.
    pub date: Option<FuzzyDate>,
    /// The as-of date (report date of the first document stating it).
    pub as_of: Option<NaiveDate>,
    /// The payer's display name, if known.
    pub payer: Option<String>,
    /// The payee's display name, if known.
    pub payee: Option<String>,
    /// The compound's display name, if the payment is for one compound.
    pub compound: Option<String>,
    /// Amount in units of `currency` (not thousands or millions).
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// What the payment is for.
    pub kind: PaymentKind,
    /// Earned or potential.
    pub status: PaymentStatus,
    /// The phase event that triggers it, if stated.
    #[serde(serialize_with = "ser_opt_phase")]
    pub trigger: Option<Phase>,
    /// The document id of the evidence.
    pub document: Option<String>,
    /// The evidence sentence.
    pub evidence: Option<String>,
}

impl MilestoneRow {
    fn describe(&self) -> String {
        format!(
            "{} {} {} {}{}",
            self.payer.as_deref().unwrap_or("unknown payer"),
            money(self.amount, &self.currency),
            self.kind.name(),
            self.status.name(),
            self.trigger
                .map_or(String::new(), |t| format!(" (trigger {t})"))
        )
    }
}

/// Totals of one payer in one currency, as [`MilestoneReport::totals`] holds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalRow {
    /// The payer's display name, `None` when unknown.
    pub payer: Option<String>,
    /// ISO 4217 code.
    pub currency: String,
    /// Sum of `earned` payments, in units of `currency`.
    pub earned: f64,
    /// Sum of `potential` payments, in units of `currency`.
    pub potential: f64,
    /// Number of payments summed.
    pub count: usize,
}

/// Payments and their totals per payer and currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MilestoneReport {
    /// Payments ordered by effective date (unknown last), then payer, then amount.
    pub payments: Vec<MilestoneRow>,
    /// One row per (payer, currency), sorted by payer (unknown last), then currency.
    pub totals: Vec<TotalRow>,
}

/// A milestone node as a row, with the evidence of its earliest-known link.
fn payment_of(g: &PipelineGraph, m: NodeId) -> Option<MilestoneRow> {
    let NodeDetail::Milestone(ms) = &g.node(m)?.detail else {
        return None;
    };
    let mut links: Vec<_> = g
        .links_at(m, Direction::Incoming)
        .into_iter()
        .chain(g.links_at(m, Direction::Outgoing))
        .collect();
    links.sort_by_key(|l| (l.link.as_of.is_none(), l.link.as_of, l.id));
    let first = links.first();
    let (document, evidence) = first.map_or((None, None), |l| doc_and_text(g, l.link));
    let one = |kind, dir| g.neighbors(m, kind, dir).first().map(|&n| name_of(g, n));
    Some(MilestoneRow {
        date: ms.date,
        as_of: first.and_then(|l| l.link.as_of),
        payer: one(LinkKind::Pays, Direction::Incoming),
        payee: one(LinkKind::PaidTo, Direction::Outgoing),
        compound: one(LinkKind::ForCompound, Direction::Outgoing),
        amount: ms.amount,
        currency: ms.currency.clone(),
        kind: ms.kind,
        status: ms.status,
        trigger: ms.trigger_phase,
        document,
        evidence,
    })
}

/// Payments (every milestone node) with amount, currency, kind, status and
/// trigger, filtered, plus totals per payer and currency over the rows kept.
///
/// # Errors
/// [`QueryError::UnknownName`] when `q.partner` or `q.compound` names nothing.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::*};
/// let g = PipelineGraph::build(&[]);
/// let r = milestones(&g, &MilestoneQuery::default()).unwrap();
/// assert!(r.payments.is_empty() && r.totals.is_empty());
/// ```
pub fn milestones(g: &PipelineGraph, q: &MilestoneQuery) -> Result<MilestoneReport, QueryError> {
    let family = q
        .partner
        .as_deref()
        .map(|p| resolve(g, NodeKind::Organization, p).map(|o| org_family(g, o)))
        .transpose()?;
    let compound = q
        .compound
        .as_deref()
        .map(|c| resolve(g, NodeKind::Compound, c))
        .transpose()?;
    let mut payments = Vec::new();
    for (m, _) in g.nodes().filter(|(_, n)| n.kind() == NodeKind::Milestone) {
        if let Some(f) = &family {
            let orgs: BTreeSet<NodeId> = g
                .neighbors(m, LinkKind::Pays, Direction::Incoming)
                .into_iter()
                .chain(g.neighbors(m, LinkKind::PaidTo, Direction::Outgoing))
                .collect();
            if orgs.is_disjoint(f) {
                continue;
            }
        }
        if let Some(c) = compound
            && !g
                .neighbors(m, LinkKind::ForCompound, Direction::Outgoing)
                .contains(&c)
        {
            continue;
        }
        let Some(row) = payment_of(g, m) else {
            continue;
        };
        if q.dates.contains(effective(row.date, row.as_of)) {
            payments.push(row);
        }
    }
    payments.sort_by(|a, b| {
        (time_key(effective(a.date, a.as_of)), &a.payer)
            .cmp(&(time_key(effective(b.date, b.as_of)), &b.payer))
            .then(a.amount.total_cmp(&b.amount))
    });
    let mut sums: BTreeMap<(bool, Option<String>, String), TotalRow> = BTreeMap::new();
    for p in &payments {
        let t = sums
            .entry((p.payer.is_none(), p.payer.clone(), p.currency.clone()))
            .or_insert_with(|| TotalRow {
                payer: p.payer.clone(),
                currency: p.currency.clone(),
                earned: 0.0,
                potential: 0.0,
                count: 0,
            });
        match p.status {
            PaymentStatus::Earned => t.earned += p.amount,
            PaymentStatus::Potential => t.potential += p.amount,
        }
        t.count += 1;
    }
    Ok(MilestoneReport {
        payments,
        totals: sums.into_values().collect(),
    })
}

/// Arguments of [`compounds`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompoundQuery {
    /// Only compounds acting on this target (any alias).
    pub target: Option<String>,
    /// Only compounds related to this organization or its subsidiaries.
    pub partner: Option<String>,
    /// Only compounds whose highest phase (as of `as_of`) is this one.
    pub phase: Option<Phase>,
    /// Compute the highest phase as of this date (default: everything known).
    pub as_of: Option<FuzzyDate>,
}

/// A compound, as [`compounds`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompoundRow {
    /// Display name.
    pub compound: String,
    /// Every other name, sorted.
    pub aliases: Vec<String>,
    /// Target display names, sorted.
    pub targets: Vec<String>,
    /// Partner and payer display names, sorted.
    pub partners: Vec<String>,
    /// Highest phase reached by the query date; `None` when none.
    #[serde(serialize_with = "ser_opt_phase")]
    pub highest_phase: Option<Phase>,
    /// Effective date of the fact showing the highest phase.
    pub since: Option<FuzzyDate>,
    /// True when a discontinuation is known (by the query date, if any).
    pub discontinued: bool,
    /// The document id of the highest-phase evidence.
    pub document: Option<String>,
    /// The highest-phase evidence sentence.
    pub evidence: Option<String>,
}

/// Compounds with their targets, partners and highest phase reached
/// (as of a date), filtered; sorted by highest phase (highest first), then name.
///
/// # Errors
/// [`QueryError::UnknownName`] when `q.target` or `q.partner` names nothing.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::*};
/// let g = PipelineGraph::build(&[]);
/// assert!(compounds(&g, &CompoundQuery::default()).unwrap().is_empty());
/// ```
pub fn compounds(g: &PipelineGraph, q: &CompoundQuery) -> Result<Vec<CompoundRow>, QueryError> {
    let target = q
        .target
        .as_deref()
        .map(|t| resolve(g, NodeKind::Target, t))
        .transpose()?;
    let family = q
        .partner
        .as_deref()
        .map(|p| resolve(g, NodeKind::Organization, p).map(|o| org_family(g, o)))
        .transpose()?;
    let until = DateRange {
        since: None,
        until: q.as_of,
    };
    let mut rows = Vec::new();
    for (c, node) in g.nodes().filter(|(_, n)| n.kind() == NodeKind::Compound) {
        let targets = g.neighbors(c, LinkKind::Targets, Direction::Outgoing);
        if target.is_some_and(|t| !targets.contains(&t)) {
            continue;
        }
        let orgs = compound_orgs(g, c);
        if family.as_ref().is_some_and(|f| orgs.is_disjoint(f)) {
            continue;
        }
        let history = history_of(g, c);
        let best = highest_of(&history, q.as_of);
        if q.phase.is_some() && q.phase != best.as_ref().map(|b| b.phase) {
            continue;
        }
        let discontinued =
            history
                .iter()
                .filter(|r| r.status == PhaseStatus::Discontinued)
                .map(|r| effective(r.date, r.as_of))
                .chain(g.links_at(c, Direction::Outgoing).iter().filter_map(
                    |l| match l.link.detail {
                        LinkDetail::Discontinued { date } => Some(effective(date, l.link.as_of)),
                        _ => None,
                    },
                ))
                .any(|d| q.as_of.is_none() || until.contains(d));
        let names = |ids: &[NodeId]| {
            let mut v: Vec<String> = ids.iter().map(|&n| name_of(g, n)).collect();
            v.sort();
            v.dedup();
            v
        };
        let targets = names(&targets);
        let partners = names(&orgs.into_iter().collect::<Vec<_>>());
        rows.push(CompoundRow {
            compound: node.name.clone(),
            aliases: node
                .aliases
                .iter()
                .filter(|a| **a != node.name)
                .cloned()
                .collect(),
            targets,
            partners,
            highest_phase: best.as_ref().map(|b| b.phase),
            since: best.as_ref().and_then(|b| b.effective_date()),
            discontinued,
            document: best.as_ref().and_then(|b| b.document.clone()),
            evidence: best.and_then(|b| b.evidence),
        });
    }
    rows.sort_by(|a, b| {
        b.highest_phase
            .cmp(&a.highest_phase)
            .then_with(|| a.compound.cmp(&b.compound))
    });
    Ok(rows)
}

/// An organization related to compounds, as [`partners`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerRow {
    /// Display name.
    pub organization: String,
    /// Parent organizations (`subsidiary_of`), sorted.
    pub parents: Vec<String>,
    /// Compounds it is partnered with or pays for, sorted.
    pub compounds: Vec<String>,
    /// Relations (`licensed_to`, ...; `pays` for payers), sorted, unique.
    pub relations: Vec<String>,
    /// The document id of the first partnership evidence.
    pub document: Option<String>,
    /// The first partnership evidence sentence.
    pub evidence: Option<String>,
}

/// Organizations partnered with (or paying for) compounds, optionally only
/// those of one compound; sorted by name.
///
/// # Errors
/// [`QueryError::UnknownName`] when `compound` names no compound.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::partners};
/// let g = PipelineGraph::build(&[]);
/// assert!(partners(&g, None).unwrap().is_empty());
/// ```
pub fn partners(g: &PipelineGraph, compound: Option<&str>) -> Result<Vec<PartnerRow>, QueryError> {
    let only = compound
        .map(|c| resolve(g, NodeKind::Compound, c))
        .transpose()?;
    type Acc<'a> = (BTreeSet<String>, BTreeSet<String>, Option<&'a Link>);
    let mut by_org: BTreeMap<NodeId, Acc<'_>> = BTreeMap::new();
    for l in g.links() {
        let (org, comp, relation) = match &l.link.detail {
            LinkDetail::PartneredWith { relation } => (l.target, l.source, relation.clone()),
            LinkDetail::Pays => {
                let comps = g.neighbors(l.target, LinkKind::ForCompound, Direction::Outgoing);
                for c in comps {
                    if only.is_some_and(|o| o != c) {
                        continue;
                    }
                    let e = by_org.entry(l.source).or_default();
                    e.0.insert(name_of(g, c));
                    e.1.insert("pays".to_string());
                    e.2.get_or_insert(l.link);
                }
                continue;
            }
            _ => continue,
        };
        if only.is_some_and(|o| o != comp) {
            continue;
        }
        let e = by_org.entry(org).or_default();
        e.0.insert(name_of(g, comp));
        e.1.insert(relation);
        if e.2.is_none_or(|x| x.kind() != LinkKind::PartneredWith) {
            e.2 = Some(l.link);
        }
    }
    let mut rows: Vec<PartnerRow> = by_org
        .into_iter()
        .map(|(o, (comps, rels, link))| {
            let (document, evidence) = link.map_or((None, None), |l| doc_and_text(g, l));
            let mut parents: Vec<String> = g
                .neighbors(o, LinkKind::SubsidiaryOf, Direction::Outgoing)
                .into_iter()
                .map(|p| name_of(g, p))
                .collect();
            parents.sort();
            PartnerRow {
                organization: name_of(g, o),
                parents,
                compounds: comps.into_iter().collect(),
                relations: rels.into_iter().collect(),
                document,
                evidence,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.organization.cmp(&b.organization));
    Ok(rows)
}

/// A target and the compounds acting on it, as [`targets`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// Display name.
    pub target: String,
    /// Every other name, sorted.
    pub aliases: Vec<String>,
    /// Compounds acting on it, sorted.
    pub compounds: Vec<String>,
    /// The document id of the first evidence.
    pub document: Option<String>,
    /// The first evidence sentence.
    pub evidence: Option<String>,
}

/// Every target with its compounds, sorted by name.
///
/// # Example
/// ```
/// use pipegraph::{graph::PipelineGraph, query::targets};
/// assert!(targets(&PipelineGraph::build(&[])).is_empty());
/// ```
pub fn targets(g: &PipelineGraph) -> Vec<TargetRow> {
    let mut rows: Vec<TargetRow> = g
        .nodes()
        .filter(|(_, n)| n.kind() == NodeKind::Target)
        .map(|(t, n)| {
            let links: Vec<_> = g
                .links_at(t, Direction::Incoming)
                .into_iter()
                .filter(|l| l.link.kind() == LinkKind::Targets)
                .collect();
            let mut compounds: Vec<String> = links.iter().map(|l| name_of(g, l.source)).collect();
            compounds.sort();
            compounds.dedup();
            let (document, evidence) = links
                .first()
                .map_or((None, None), |l| doc_and_text(g, l.link));
            TargetRow {
                target: n.name.clone(),
                aliases: n
                    .aliases
                    .iter()
                    .filter(|a| **a != n.name)
                    .cloned()
                    .collect(),
                compounds,
                document,
                evidence,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.target.cmp(&b.target));
    rows
}

#[cfg(test)]
mod tests;
