//! The pipeline graph: entities from all documents merged by alias, over petgraph, with newtype ids.
//!
//! [`PipelineGraph::build`] merges the facts of every document into one graph.
//!
//! **Merging.** Compounds, organizations and targets of all documents are
//! merged (union-find) when any of their names share a [`name_key`]. A
//! two-word nonproprietary name with a short prefix (`ado-trastuzumab
//! emtansine`) also matches the name without it. A document's registrant
//! (`DocInfo::registrant` and its aliases) and every `OrgFact::parent` are
//! organization mentions too (a parent-only company has no roles).
//! Identical links (same ends and [`LinkDetail`]) become one link with all
//! the evidence; a payment told by several documents is one milestone.
//!
//! **Names.** A compound is named by a nonproprietary-looking alias
//! (lowercase ASCII letters, spaces, hyphens), else a code (has a digit),
//! else any alias; ties go to the most frequent, then shortest, then
//! smallest. Organizations and targets take the most frequent given name.
//!
//! **Ids** are stable (same facts → same ids, whatever their order):
//! `compound:<slug>`, `org:<slug>`, `target:<slug>` of the name,
//! `phase:<slug>` (`phase:phase-i-ii`), and
//! `milestone:<payer slug or unknown>-<amount>-<currency>-<date or nodate>`
//! (`milestone:sanofi-3000000-usd-2011-10`). See [`slug`]. Clashes get
//! `-2`, `-3`, ... in sorted order. Nodes are ordered by (kind, id) and
//! links by (source id, target id, details).
//!
//! **Architecture Invariant:** the graph knows nothing about text or files:
//! it is built from [`DocFacts`] and read by exporters and queries, which
//! never mutate it.

use crate::model::{
    DocFacts, DocInfo, Evidence, FuzzyDate, OrgRole, PaymentKind, PaymentStatus, Phase,
    PhaseStatus, name_key,
};
use chrono::NaiveDate;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Handle of a node in one [`PipelineGraph`]; meaningless in another graph.
///
/// Handles follow the canonical node order: a smaller handle is an earlier node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(usize);

/// Handle of a link in one [`PipelineGraph`]; meaningless in another graph.
///
/// Handles follow the canonical link order: a smaller handle is an earlier link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LinkId(usize);

/// The kind of a node, in canonical output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A drug candidate or product.
    Compound,
    /// A company or other body.
    Organization,
    /// A molecular target.
    Target,
    /// A development phase.
    Phase,
    /// A payment (milestone, upfront, license fee or royalty).
    Milestone,
}

impl NodeKind {
    /// All kinds in canonical order.
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Compound,
        NodeKind::Organization,
        NodeKind::Target,
        NodeKind::Phase,
        NodeKind::Milestone,
    ];

    /// The JSON name (`"compound"`, `"organization"`, `"target"`, `"phase"`, `"milestone"`).
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Compound => "compound",
            NodeKind::Organization => "organization",
            NodeKind::Target => "target",
            NodeKind::Phase => "phase",
            NodeKind::Milestone => "milestone",
        }
    }

    /// The inverse of [`NodeKind::name`]; `None` for anything else.
    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// A payment as a node: what is (or may be) paid, when, and for what.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Amount in units of `currency` (not thousands or millions).
    pub amount: f64,
    /// ISO 4217 code (`"USD"`).
    pub currency: String,
    /// What the payment is for.
    pub kind: PaymentKind,
    /// Earned or potential.
    pub status: PaymentStatus,
    /// When it was earned or paid, if known.
    pub date: Option<FuzzyDate>,
    /// The phase event that triggers it, if stated.
    pub trigger_phase: Option<Phase>,
}

/// What is particular to each node kind.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeDetail {
    /// A compound.
    Compound,
    /// An organization and its roles (sorted, unique; may be empty for a
    /// company known only as another's parent).
    Organization {
        /// Roles relative to the registrants of the documents.
        roles: Vec<OrgRole>,
    },
    /// A target.
    Target,
    /// A phase.
    Phase(Phase),
    /// A payment.
    Milestone(Milestone),
}

/// A node: a stable id, a display name, every surface name, and kind details.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable id, `<kind prefix>:<slug>` (see the module docs).
    pub id: String,
    /// Canonical display name; for compounds, organizations and targets one of `aliases`.
    pub name: String,
    /// Every surface name seen, sorted and unique (empty for phases and milestones).
    pub aliases: Vec<String>,
    /// Kind-specific fields.
    pub detail: NodeDetail,
}

impl Node {
    /// The node's kind.
    pub fn kind(&self) -> NodeKind {
        match self.detail {
            NodeDetail::Compound => NodeKind::Compound,
            NodeDetail::Organization { .. } => NodeKind::Organization,
            NodeDetail::Target => NodeKind::Target,
            NodeDetail::Phase(_) => NodeKind::Phase,
            NodeDetail::Milestone(_) => NodeKind::Milestone,
        }
    }

    /// Roles of an organization; empty for other kinds.
    pub fn roles(&self) -> &[OrgRole] {
        match &self.detail {
            NodeDetail::Organization { roles } => roles,
            _ => &[],
        }
    }
}

/// The kind of a link, in canonical output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkKind {
    /// compound → target.
    Targets,
    /// compound → organization.
    PartneredWith,
    /// compound → phase.
    PhaseEvent,
    /// compound → organization (the registrant that stopped it).
    Discontinued,
    /// organization → milestone.
    Pays,
    /// milestone → organization.
    PaidTo,
    /// milestone → compound.
    ForCompound,
    /// organization → parent organization.
    SubsidiaryOf,
}

impl LinkKind {
    /// All kinds in canonical order.
    pub const ALL: [LinkKind; 8] = [
        LinkKind::Targets,
        LinkKind::PartneredWith,
        LinkKind::PhaseEvent,
        LinkKind::Discontinued,
        LinkKind::Pays,
        LinkKind::PaidTo,
        LinkKind::ForCompound,
        LinkKind::SubsidiaryOf,
    ];

    /// The JSON name (`"targets"`, `"partnered_with"`, `"phase_event"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Targets => "targets",
            LinkKind::PartneredWith => "partnered_with",
            LinkKind::PhaseEvent => "phase_event",
            LinkKind::Discontinued => "discontinued",
            LinkKind::Pays => "pays",
            LinkKind::PaidTo => "paid_to",
            LinkKind::ForCompound => "for_compound",
            LinkKind::SubsidiaryOf => "subsidiary_of",
        }
    }

    /// The inverse of [`LinkKind::name`]; `None` for anything else.
    pub fn parse(s: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// What is particular to each link kind. Two links between the same nodes
/// with equal details are one link.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkDetail {
    /// compound → target.
    Targets,
    /// compound → organization, with the relation (`licensed_to`, `developed_by`, ...).
    PartneredWith {
        /// `licensed_to`, `developed_by`, `licensed_from` or `collaboration`.
        relation: String,
    },
    /// compound → phase.
    PhaseEvent {
        /// Status of the compound relative to the phase.
        status: PhaseStatus,
        /// When, if known.
        date: Option<FuzzyDate>,
    },
    /// compound → organization: development stopped, no phase named.
    Discontinued {
        /// When, if known.
        date: Option<FuzzyDate>,
    },
    /// organization → milestone.
    Pays,
    /// milestone → organization.
    PaidTo,
    /// milestone → compound.
    ForCompound,
    /// organization → parent organization.
    SubsidiaryOf,
}

impl LinkDetail {
    /// The link kind.
    pub fn kind(&self) -> LinkKind {
        match self {
            LinkDetail::Targets => LinkKind::Targets,
            LinkDetail::PartneredWith { .. } => LinkKind::PartneredWith,
            LinkDetail::PhaseEvent { .. } => LinkKind::PhaseEvent,
            LinkDetail::Discontinued { .. } => LinkKind::Discontinued,
            LinkDetail::Pays => LinkKind::Pays,
            LinkDetail::PaidTo => LinkKind::PaidTo,
            LinkDetail::ForCompound => LinkKind::ForCompound,
            LinkDetail::SubsidiaryOf => LinkKind::SubsidiaryOf,
        }
    }
}

/// A link's payload: its details, the sentences that state it, and since when it is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Kind-specific fields.
    pub detail: LinkDetail,
    /// Every sentence stating it, sorted by (document, start), unique.
    pub evidence: Vec<Evidence>,
    /// The earliest report date among the documents of `evidence`, if any is known.
    pub as_of: Option<NaiveDate>,
}

impl Link {
    /// The link kind.
    pub fn kind(&self) -> LinkKind {
        self.detail.kind()
    }
}

/// A link with its endpoints, as iterated from a graph.
#[derive(Debug, Clone, Copy)]
pub struct LinkRef<'a> {
    /// The link's handle.
    pub id: LinkId,
    /// The source node.
    pub source: NodeId,
    /// The target node.
    pub target: NodeId,
    /// The payload.
    pub link: &'a Link,
}

/// Which links of a node to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Links whose source is the node.
    Outgoing,
    /// Links whose target is the node.
    Incoming,
}

/// Why a graph could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// The text is not JSON of the expected shape.
    #[error("invalid graph JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The `format` field is not `"pipegraph"`.
    #[error("not a pipegraph graph (format {0:?})")]
    Format(String),
    /// The `version` field is not a supported version (1).
    #[error("unsupported graph version {0}")]
    Version(u64),
    /// Two nodes share an id.
    #[error("duplicate node id {0:?}")]
    DuplicateNode(String),
    /// A link names a node that does not exist.
    #[error("link {source_id:?} -> {target_id:?}: no node {missing:?}")]
    MissingNode {
        /// The link's source id.
        source_id: String,
        /// The link's target id.
        target_id: String,
        /// The id that is not a node.
        missing: String,
    },
    /// A field holds a value that is not allowed (unknown kind, phase, status, date...).
    #[error("{item:?}: bad {field} {value:?}")]
    BadValue {
        /// The node id or link (`source -> target`) concerned.
        item: String,
        /// The field name.
        field: &'static str,
        /// The value found.
        value: String,
    },
}

/// The merged pipeline graph of a set of documents.
///
/// Nodes are ordered by (kind, id) and links by (source id, target id,
/// kind, details); every iteration follows that order, so output is
/// deterministic.
#[derive(Debug, Clone)]
pub struct PipelineGraph {
    graph: DiGraph<Node, Link>,
    documents: Vec<DocInfo>,
    by_id: FastMap<String, NodeId>,
    by_key: FastMap<(NodeKind, String), NodeId>,
}

/// Links keyed by (source id, target id, details), with their evidence
/// (owned, or borrowed while building).
type LinkMap<E = Vec<Evidence>> = BTreeMap<(String, String, LinkDetail), E>;

impl PipelineGraph {
    /// Merges the facts of all documents into one graph. Never fails: facts
    /// whose indices are out of range are skipped.
    ///
    /// See the module docs for the merge rules and the id scheme. The result
    /// does not depend on the order of documents or of facts within them
    /// (except for ties between entities whose names are all identical).
    /// A phase event without a phase becomes a `discontinued` link to the
    /// document's registrant, else a `discontinued` phase event on the
    /// highest phase the compound reached in that document, else nothing.
    /// A payment's payee defaults to the registrant.
    ///
    /// Per-link work that no other link needs (sorting and copying the
    /// evidence) runs in parallel on the current rayon pool.
    pub fn build(facts: &[DocFacts]) -> PipelineGraph {
        Builder::default().run(facts)
    }

    /// Assembles a graph from nodes and links given by id, as a loader does.
    ///
    /// Nodes and links are put in canonical order; links with equal
    /// (source, target, details) are merged; `as_of` is recomputed from the
    /// documents' report dates.
    ///
    /// # Errors
    /// [`GraphError::DuplicateNode`] when two nodes share an id,
    /// [`GraphError::MissingNode`] when a link names an unknown node.
    pub fn from_parts(
        documents: Vec<DocInfo>,
        nodes: Vec<Node>,
        links: Vec<(String, String, LinkDetail, Vec<Evidence>)>,
    ) -> Result<PipelineGraph, GraphError> {
        let mut ids = HashSet::new();
        for n in &nodes {
            if !ids.insert(n.id.as_str()) {
                return Err(GraphError::DuplicateNode(n.id.clone()));
            }
        }
        let mut map: LinkMap = LinkMap::new();
        for (s, t, detail, evidence) in links {
            for end in [&s, &t] {
                if !ids.contains(end.as_str()) {
                    return Err(GraphError::MissingNode {
                        missing: end.clone(),
                        source_id: s.clone(),
                        target_id: t.clone(),
                    });
                }
            }
            map.entry((s, t, detail)).or_default().extend(evidence);
        }
        Ok(assemble(documents, nodes, map, |mut evidence| {
            evidence.sort();
            evidence.dedup();
            evidence
        }))
    }

    /// Every node in canonical order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.graph
            .node_indices()
            .map(|i| (NodeId(i.index()), &self.graph[i]))
    }

    /// Every link in canonical order.
    pub fn links(&self) -> impl Iterator<Item = LinkRef<'_>> + '_ {
        self.graph.edge_references().map(|e| LinkRef {
            id: LinkId(e.id().index()),
            source: NodeId(e.source().index()),
            target: NodeId(e.target().index()),
            link: e.weight(),
        })
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of links.
    pub fn link_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node behind a handle; `None` for a handle of another graph.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.graph.node_weight(NodeIndex::new(id.0))
    }

    /// The link behind a handle; `None` for a handle of another graph.
    pub fn link(&self, id: LinkId) -> Option<LinkRef<'_>> {
        let e = EdgeIndex::new(id.0);
        let (s, t) = self.graph.edge_endpoints(e)?;
        Some(LinkRef {
            id,
            source: NodeId(s.index()),
            target: NodeId(t.index()),
            link: self.graph.edge_weight(e)?,
        })
    }

    /// The node with a stable id (`"compound:trastuzumab-emtansine"`).
    pub fn node_by_id(&self, id: &str) -> Option<NodeId> {
        self.by_id.get(id).copied()
    }

    /// The node of a kind whose name or any alias has the same [`name_key`]
    /// as `name` (`find(NodeKind::Compound, "T-DM1")`). When several match,
    /// the first in canonical order.
    pub fn find(&self, kind: NodeKind, name: &str) -> Option<NodeId> {
        self.by_key.get(&(kind, name_key(name))).copied()
    }

    /// The links at a node in canonical order: outgoing (node is source) or incoming.
    pub fn links_at(&self, node: NodeId, dir: Direction) -> Vec<LinkRef<'_>> {
        let d = match dir {
            Direction::Outgoing => petgraph::Direction::Outgoing,
            Direction::Incoming => petgraph::Direction::Incoming,
        };
        let idx = NodeIndex::new(node.0);
        if self.graph.node_weight(idx).is_none() {
            return Vec::new();
        }
        let mut out: Vec<LinkRef<'_>> = self
            .graph
            .edges_directed(idx, d)
            .map(|e| LinkRef {
                id: LinkId(e.id().index()),
                source: NodeId(e.source().index()),
                target: NodeId(e.target().index()),
                link: e.weight(),
            })
            .collect();
        out.sort_by_key(|l| l.id);
        out
    }

    /// The nodes at the other end of a node's links of one kind, in
    /// canonical order, unique (`neighbors(c, LinkKind::Targets, Outgoing)`
    /// gives a compound's targets).
    pub fn neighbors(&self, node: NodeId, kind: LinkKind, dir: Direction) -> Vec<NodeId> {
        let set: BTreeSet<NodeId> = self
            .links_at(node, dir)
            .into_iter()
            .filter(|l| l.link.kind() == kind)
            .map(|l| match dir {
                Direction::Outgoing => l.target,
                Direction::Incoming => l.source,
            })
            .collect();
        set.into_iter().collect()
    }

    /// The documents the graph was built from, sorted by id.
    pub fn documents(&self) -> &[DocInfo] {
        &self.documents
    }
}

/// Puts nodes and links in canonical order and indexes them. `sorted`
/// turns a link's evidence into the sorted, unique list; it runs for every
/// link in parallel on the current rayon pool, as links do not depend on
/// each other.
fn assemble<E: Send>(
    mut documents: Vec<DocInfo>,
    mut nodes: Vec<Node>,
    links: LinkMap<E>,
    sorted: impl Fn(E) -> Vec<Evidence> + Sync,
) -> PipelineGraph {
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let report: FastMap<&str, NaiveDate> = documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.report_date?)))
        .collect();
    nodes.sort_by(|a, b| (a.kind(), &a.id).cmp(&(b.kind(), &b.id)));
    let mut graph = DiGraph::with_capacity(nodes.len(), links.len());
    let mut by_id = FastMap::default();
    let mut by_key = FastMap::default();
    for node in nodes {
        let kind = node.kind();
        let keys = keys_of(std::iter::once(&node.name).chain(&node.aliases));
        let id = node.id.clone();
        let ix = NodeId(graph.add_node(node).index());
        by_id.insert(id, ix);
        for k in keys {
            by_key.entry((kind, k)).or_insert(ix);
        }
    }
    let links: Vec<_> = links.into_iter().collect();
    let links: Vec<_> = links
        .into_par_iter()
        .map(|(key, evidence)| {
            let evidence = sorted(evidence);
            // Sorted by document: look each document up once.
            let mut as_of = None;
            let mut last: Option<&std::sync::Arc<str>> = None;
            for e in &evidence {
                if last == Some(&e.document) {
                    continue;
                }
                last = Some(&e.document);
                if let Some(&d) = report.get(&*e.document) {
                    as_of = Some(as_of.map_or(d, |a: NaiveDate| a.min(d)));
                }
            }
            (key, evidence, as_of)
        })
        .collect();
    for ((s, t, detail), evidence, as_of) in links {
        let (Some(&s), Some(&t)) = (by_id.get(&s), by_id.get(&t)) else {
            continue;
        };
        graph.add_edge(
            NodeIndex::new(s.0),
            NodeIndex::new(t.0),
            Link {
                detail,
                evidence,
                as_of,
            },
        );
    }
    PipelineGraph {
        graph,
        documents,
        by_id,
        by_key,
    }
}

/// A lowercase ASCII slug: letters and digits, other runs folded to one `-`.
/// Greek and accented letters fold as in [`name_key`]. Never empty (`"unnamed"`).
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        let mut buf = [0u8; 4];
        let folded;
        let part: &str = if c.is_ascii_alphanumeric() {
            // An ASCII letter or digit is its own (lowercase) fold.
            c.to_ascii_lowercase().encode_utf8(&mut buf)
        } else if c.is_ascii() {
            ""
        } else {
            folded = name_key(c.encode_utf8(&mut buf));
            &folded
        };
        if part.is_empty() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push('-');
        }
        gap = false;
        out.push_str(part);
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    out
}

/// Gives each base id a unique id: the base itself for the first in
/// (base, tiebreak) order, then `base-2`, `base-3`, ... Returns ids in input order.
fn assign_ids<K: Ord>(bases: Vec<(String, K)>) -> Vec<String> {
    let mut order: Vec<usize> = (0..bases.len()).collect();
    order.sort_by(|&a, &b| bases[a].cmp(&bases[b]));
    let mut used: FastSet<String> = FastSet::default();
    let mut out = vec![String::new(); bases.len()];
    for i in order {
        let base = &bases[i].0;
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        out[i] = id;
    }
    out
}

/// Union-find over items, merged when they share a key.
struct Dsu(Vec<usize>);

impl Dsu {
    fn new(n: usize) -> Dsu {
        Dsu((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// Groups items that share any key; returns each item's group and each
    /// group's items (groups numbered 0.., items in input order).
    fn group(keys: &ItemKeys<'_>) -> (Vec<usize>, Vec<Vec<usize>>) {
        let n = keys.len();
        let mut dsu = Dsu::new(n);
        let mut first = vec![usize::MAX; keys.key_count()];
        for i in 0..n {
            for &k in keys.of(i) {
                let k = k as usize;
                if first[k] == usize::MAX {
                    first[k] = i;
                } else {
                    let (a, b) = (dsu.find(i), dsu.find(first[k]));
                    dsu.0[a] = b;
                }
            }
        }
        let mut group_of_root = vec![usize::MAX; n];
        let mut group = Vec::with_capacity(n);
        let mut members: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let r = dsu.find(i);
            if group_of_root[r] == usize::MAX {
                group_of_root[r] = members.len();
                members.push(Vec::new());
            }
            let g = group_of_root[r];
            members[g].push(i);
            group.push(g);
        }
        (group, members)
    }
}

/// The merge keys of a list of items, numbered: each distinct key gets a
/// number, each distinct name's keys are computed once.
#[derive(Default)]
struct ItemKeys<'a> {
    /// Key numbers of all items, one item after another.
    ids: Vec<u32>,
    /// End of each item's key numbers in `ids`.
    ends: Vec<usize>,
    /// Key numbers of each name seen (`u32::MAX` for none); compound names
    /// (`true`) can have two keys.
    by_name: FastMap<(&'a str, bool), [u32; 2]>,
    /// Number of each distinct key.
    by_key: FastMap<String, u32>,
}

impl<'a> ItemKeys<'a> {
    /// Adds an item with the non-empty keys of its names: [`compound_keys`]
    /// when `compound`, else [`name_key`].
    fn push_item(&mut self, names: impl IntoIterator<Item = &'a str>, compound: bool) {
        for name in names {
            let numbers = match self.by_name.get(&(name, compound)) {
                Some(&k) => k,
                None => {
                    let keys = if compound {
                        compound_keys(name)
                    } else {
                        keys_of([name])
                    };
                    let mut numbers = [u32::MAX; 2];
                    for (slot, key) in numbers.iter_mut().zip(keys) {
                        let next = self.by_key.len() as u32;
                        *slot = *self.by_key.entry(key).or_insert(next);
                    }
                    self.by_name.insert((name, compound), numbers);
                    numbers
                }
            };
            self.ids
                .extend(numbers.into_iter().filter(|&k| k != u32::MAX));
        }
        self.ends.push(self.ids.len());
    }

    /// Number of items.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Number of distinct keys.
    fn key_count(&self) -> usize {
        self.by_key.len()
    }

    /// The key numbers of item `i`.
    fn of(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.ids[start..self.ends[i]]
    }
}

/// The non-empty [`name_key`]s of some names.
fn keys_of<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Vec<String> {
    names
        .into_iter()
        .map(|n| name_key(n.as_ref()))
        .filter(|k| !k.is_empty())
        .collect()
}

/// True for names shaped like a nonproprietary name (`trastuzumab emtansine`):
/// a lowercase ASCII first letter, then only ASCII letters, spaces and hyphens.
fn is_nonproprietary(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
}

/// Merge keys of a compound name: its [`name_key`], and for a two-word
/// nonproprietary name with a short distinguishing prefix
/// (`ado-trastuzumab emtansine`, `fam-trastuzumab deruxtecan`) also the key
/// of the name without the prefix.
fn compound_keys(name: &str) -> Vec<String> {
    let mut keys = vec![name_key(name)];
    if is_nonproprietary(name)
        && let Some((pre, rest)) = name.split_once('-')
        && (2..=4).contains(&pre.len())
        && rest.contains(' ')
        && is_nonproprietary(rest)
    {
        keys.push(name_key(rest));
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// Picks the best non-empty name: smallest (class, -count, length, text);
/// empty when every candidate is empty. Sorts `cands` in place.
fn pick_name(cands: &mut [(u8, &str)]) -> String {
    cands.sort_unstable();
    let mut best: Option<((u8, &str), usize)> = None;
    for run in cands.chunk_by(|a, b| a == b) {
        let (c, n) = (run[0], run.len());
        if c.1.is_empty() {
            continue;
        }
        let better = match best {
            None => true,
            Some(((cb, b), nb)) => {
                (c.0, std::cmp::Reverse(n), c.1.chars().count(), c.1).cmp(&(
                    cb,
                    std::cmp::Reverse(nb),
                    b.chars().count(),
                    b,
                )) == std::cmp::Ordering::Less
            }
        };
        if better {
            best = Some((c, n));
        }
    }
    best.map(|((_, n), _)| n.to_string()).unwrap_or_default()
}

/// The non-empty names, sorted and unique.
fn sorted_unique<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut v: Vec<S> = names
        .into_iter()
        .filter(|n| !n.as_ref().is_empty())
        .collect();
    v.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
    v.dedup_by(|a, b| a.as_ref() == b.as_ref());
    v.into_iter().map(|n| n.as_ref().to_string()).collect()
}

/// Amount as written in milestone ids and labels' numbers: an integer when whole.
pub(crate) fn amount_text(amount: f64) -> String {
    if amount.is_finite() && amount.fract() == 0.0 && amount.abs() < 1e15 {
        format!("{}", amount as i64)
    } else {
        format!("{amount}")
    }
}

/// A compact amount with currency: `USD 3.0M`, `EUR 250.0K`, `CHF 1.2B`.
pub fn money(amount: f64, currency: &str) -> String {
    let a = amount.abs();
    let text = if a >= 1e9 {
        format!("{:.1}B", amount / 1e9)
    } else if a >= 1e6 {
        format!("{:.1}M", amount / 1e6)
    } else if a >= 1e3 {
        format!("{:.1}K", amount / 1e3)
    } else {
        amount_text(amount)
    };
    format!("{currency} {text}")
}

/// One organization mention, real or implied (a registrant, a parent).
struct OrgItem<'a> {
    /// The display name, first of the names.
    first: &'a str,
    /// The other names.
    more: &'a [String],
    /// 0 for names a document gives the organization, 1 for parent-only names.
    class: u8,
    roles: &'a [OrgRole],
}

impl<'a> OrgItem<'a> {
    /// Every name: the display name, then the others.
    fn names(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        std::iter::once(self.first).chain(self.more.iter().map(String::as_str))
    }
}

/// Key of a milestone node: payer id, amount bits, currency, compound id, kind, status, date.
type MilestoneKey = (
    Option<String>,
    u64,
    String,
    Option<String>,
    PaymentKind,
    PaymentStatus,
    Option<FuzzyDate>,
);

/// [`MilestoneKey`] while merging: node indices for the ids, the currency borrowed.
type PendingKey<'a> = (
    Option<usize>,
    u64,
    &'a str,
    Option<usize>,
    PaymentKind,
    PaymentStatus,
    Option<FuzzyDate>,
);

/// One document's telling of a payment: evidence, trigger phase, payee node index.
type PaymentMention<'a> = (&'a Evidence, Option<Phase>, Option<usize>);

/// A milestone's mentions with its payer and compound node indices.
type MilestoneMentions<'a> = (Option<usize>, Option<usize>, Vec<PaymentMention<'a>>);

/// Merges facts into nodes and links. Nodes are referred to by their index
/// in `nodes` while merging; links are keyed by (source index, target
/// index, details) and turn into id-keyed [`LinkMap`] entries at the end,
/// so that order and ids are exactly those of the id scheme. Evidence is
/// borrowed from the facts until each link's list is sorted and unique:
/// most mentions repeat a link, and a borrow is an eighth of the memory
/// and no reference counting.
#[derive(Default)]
struct Builder<'a> {
    nodes: Vec<Node>,
    links: FastMap<(usize, usize, LinkDetail), Vec<&'a Evidence>>,
    /// Node index of each phase (by rank), once a link needs it.
    phases: [Option<usize>; Phase::ALL.len()],
}

impl<'a> Builder<'a> {
    fn link(&mut self, s: usize, t: usize, detail: LinkDetail, ev: &'a Evidence) {
        self.links.entry((s, t, detail)).or_default().push(ev);
    }

    /// The node index of a phase, making the node on first use.
    fn phase(&mut self, p: Phase) -> usize {
        let slot = &mut self.phases[usize::from(p.rank())];
        if let Some(i) = *slot {
            return i;
        }
        let i = self.nodes.len();
        *slot = Some(i);
        self.nodes.push(Node {
            id: phase_id(p),
            name: p.name().to_string(),
            aliases: Vec::new(),
            detail: NodeDetail::Phase(p),
        });
        i
    }

    fn run(mut self, facts: &'a [DocFacts]) -> PipelineGraph {
        let compound_ids = self.compounds(facts);
        let (org_ids, registrant_ids) = self.organizations(facts);
        self.targets(facts, &compound_ids);
        let mut pending: FastMap<PendingKey<'_>, Vec<PaymentMention<'a>>> = FastMap::default();
        for (d, doc) in facts.iter().enumerate() {
            let comp = |i: usize| compound_ids[d].get(i).copied();
            let org = |i: usize| org_ids[d].get(i).copied();
            let registrant = registrant_ids[d];
            for p in &doc.partnerships {
                if let (Some(c), Some(o)) = (comp(p.compound), org(p.org)) {
                    let relation = p.relation.clone();
                    self.link(c, o, LinkDetail::PartneredWith { relation }, &p.evidence);
                }
            }
            for (s, t, ev) in &doc.subsidiaries {
                if let (Some(s), Some(t)) = (org(*s), org(*t))
                    && s != t
                {
                    self.link(s, t, LinkDetail::SubsidiaryOf, ev);
                }
            }
            for e in &doc.phase_events {
                let Some(c) = comp(e.compound) else { continue };
                let (phase, status) = match (e.phase, registrant) {
                    (Some(p), _) => (p, e.status),
                    (None, Some(r)) => {
                        let detail = LinkDetail::Discontinued { date: e.date };
                        self.link(c, r, detail, &e.evidence);
                        continue;
                    }
                    (None, None) => {
                        let reached = doc
                            .phase_events
                            .iter()
                            .filter(|x| x.compound == e.compound && x.status.is_reached())
                            .filter_map(|x| x.phase)
                            .max();
                        match reached {
                            Some(p) => (p, PhaseStatus::Discontinued),
                            None => continue,
                        }
                    }
                };
                let ph = self.phase(phase);
                let detail = LinkDetail::PhaseEvent {
                    status,
                    date: e.date,
                };
                self.link(c, ph, detail, &e.evidence);
            }
            for p in &doc.payments {
                let payer = p.payer.and_then(org);
                let payee = p.payee.and_then(org).or(registrant);
                let compound = p.compound.and_then(comp);
                let bits = if p.amount == 0.0 {
                    0
                } else {
                    p.amount.to_bits()
                };
                let key = (
                    payer,
                    bits,
                    p.currency.as_str(),
                    compound,
                    p.kind,
                    p.status,
                    p.date,
                );
                pending
                    .entry(key)
                    .or_default()
                    .push((&p.evidence, p.trigger_phase, payee));
            }
        }
        // Node ids decide milestone order and id clashes: key by them now.
        let id = |i: usize| self.nodes[i].id.clone();
        let milestones: BTreeMap<MilestoneKey, MilestoneMentions<'a>> = pending
            .into_iter()
            .map(
                |((payer, bits, currency, compound, kind, status, date), m)| {
                    let key = (
                        payer.map(id),
                        bits,
                        currency.to_string(),
                        compound.map(id),
                        kind,
                        status,
                        date,
                    );
                    (key, (payer, compound, m))
                },
            )
            .collect();
        self.milestones(milestones);
        let mut links: LinkMap<Vec<&Evidence>> = LinkMap::new();
        for ((s, t, detail), evidence) in self.links {
            let key = (self.nodes[s].id.clone(), self.nodes[t].id.clone(), detail);
            links.insert(key, evidence);
        }
        assemble(
            facts.par_iter().map(|d| d.doc.clone()).collect(),
            self.nodes,
            links,
            |mut evidence: Vec<&Evidence>| {
                evidence.sort();
                evidence.dedup();
                evidence.into_iter().cloned().collect()
            },
        )
    }

    /// Makes compound nodes; returns each document's compound index → node index.
    fn compounds(&mut self, facts: &'a [DocFacts]) -> Vec<Vec<usize>> {
        let items: Vec<&[String]> = facts
            .iter()
            .flat_map(|d| d.compounds.iter().map(|c| c.names.as_slice()))
            .collect();
        let mut keys = ItemKeys::default();
        for names in &items {
            keys.push_item(names.iter().map(String::as_str), true);
        }
        let (group, members) = Dsu::group(&keys);
        let mut made = Vec::with_capacity(members.len());
        let mut cands = Vec::new();
        for m in &members {
            let aliases = sorted_unique(m.iter().flat_map(|&i| items[i].iter()));
            cands.clear();
            for &i in m {
                let names = items[i];
                for (j, s) in names.iter().enumerate() {
                    // Each name once per document.
                    if names[..j].contains(s) {
                        continue;
                    }
                    let class = if is_nonproprietary(s) {
                        0
                    } else if s.chars().any(|c| c.is_ascii_digit()) {
                        1
                    } else {
                        2
                    };
                    cands.push((class, s.as_str()));
                }
            }
            made.push((pick_name(&mut cands), aliases));
        }
        let ids = self.push_nodes("compound:", made, |_| NodeDetail::Compound);
        per_doc(facts.iter().map(|d| d.compounds.len()), &group, &ids)
    }

    /// Makes organization nodes and parent links; returns each document's
    /// organization index → node index, and each document's registrant node index.
    fn organizations(&mut self, facts: &'a [DocFacts]) -> (Vec<Vec<usize>>, Vec<Option<usize>>) {
        let mut items: Vec<OrgItem<'_>> = Vec::new();
        for d in facts {
            for o in &d.organizations {
                items.push(OrgItem {
                    first: &o.name,
                    more: &o.aliases,
                    class: 0,
                    roles: &o.roles,
                });
            }
        }
        // Implied items after the real ones, so that real indices match `per_doc`.
        let mut registrant_item = vec![None; facts.len()];
        let mut parent_item = Vec::new();
        for (di, d) in facts.iter().enumerate() {
            if let Some(r) = &d.doc.registrant {
                registrant_item[di] = Some(items.len());
                items.push(OrgItem {
                    first: r,
                    more: &d.doc.registrant_aliases,
                    class: 0,
                    roles: &[OrgRole::Registrant],
                });
            }
            for (oi, o) in d.organizations.iter().enumerate() {
                if let Some(p) = &o.parent {
                    parent_item.push((di, oi, items.len()));
                    items.push(OrgItem {
                        first: p,
                        more: &[],
                        class: 1,
                        roles: &[],
                    });
                }
            }
        }
        let mut keys = ItemKeys::default();
        for it in &items {
            keys.push_item(it.names(), false);
        }
        let (group, members) = Dsu::group(&keys);
        let mut made = Vec::with_capacity(members.len());
        let mut roles = Vec::with_capacity(members.len());
        let mut cands = Vec::new();
        for m in &members {
            let aliases = sorted_unique(m.iter().flat_map(|&i| items[i].names()));
            cands.clear();
            cands.extend(m.iter().map(|&i| (items[i].class, items[i].first)));
            let name = pick_name(&mut cands);
            let mut r: Vec<OrgRole> = m
                .iter()
                .flat_map(|&i| items[i].roles.iter().copied())
                .collect();
            r.sort_unstable();
            r.dedup();
            roles.push(r);
            made.push((name, aliases));
        }
        let ids = self.push_nodes("org:", made, |g| NodeDetail::Organization {
            roles: std::mem::take(&mut roles[g]),
        });
        let by_doc = per_doc(facts.iter().map(|d| d.organizations.len()), &group, &ids);
        for (di, oi, item) in parent_item {
            let (s, t) = (by_doc[di][oi], ids[group[item]]);
            if s != t {
                let ev = &facts[di].organizations[oi].evidence;
                self.link(s, t, LinkDetail::SubsidiaryOf, ev);
            }
        }
        let registrants = facts
            .iter()
            .enumerate()
            .map(|(di, d)| match registrant_item[di] {
                Some(item) => Some(ids[group[item]]),
                None => d
                    .organizations
                    .iter()
                    .position(|o| o.roles.contains(&OrgRole::Registrant))
                    .map(|oi| by_doc[di][oi]),
            })
            .collect();
        (by_doc, registrants)
    }

    /// Makes target nodes and `targets` links.
    fn targets(&mut self, facts: &'a [DocFacts], compound_ids: &[Vec<usize>]) {
        let items: Vec<(usize, &crate::model::TargetFact)> = facts
            .iter()
            .enumerate()
            .flat_map(|(d, f)| f.targets.iter().map(move |t| (d, t)))
            .collect();
        let mut keys = ItemKeys::default();
        for (_, t) in &items {
            keys.push_item(names(t), false);
        }
        let (group, members) = Dsu::group(&keys);
        let mut cands = Vec::new();
        let made = members
            .iter()
            .map(|m| {
                let aliases = sorted_unique(m.iter().flat_map(|&i| names(items[i].1)));
                cands.clear();
                cands.extend(m.iter().map(|&i| (0, items[i].1.target.as_str())));
                (pick_name(&mut cands), aliases)
            })
            .collect();
        let ids = self.push_nodes("target:", made, |_| NodeDetail::Target);
        for (i, (d, t)) in items.iter().enumerate() {
            if let Some(&c) = compound_ids[*d].get(t.compound) {
                self.link(c, ids[group[i]], LinkDetail::Targets, &t.evidence);
            }
        }
    }

    /// Makes milestone nodes and their `pays`, `paid_to`, `for_compound` links.
    fn milestones(&mut self, milestones: BTreeMap<MilestoneKey, MilestoneMentions<'a>>) {
        let entries: Vec<_> = milestones.into_iter().collect();
        let bases = entries
            .iter()
            .map(|(k, _)| {
                let (payer, bits, currency, _, _, _, date) = k;
                let payer_slug = payer
                    .as_deref()
                    .and_then(|p| p.strip_prefix("org:"))
                    .unwrap_or("unknown");
                let amount = slug(&amount_text(f64::from_bits(*bits)));
                let date = date.map_or("nodate".to_string(), |d| slug(&d.to_string()));
                let base = format!("milestone:{payer_slug}-{amount}-{}-{date}", slug(currency));
                (base, k)
            })
            .collect();
        let ids = assign_ids(bases);
        for ((key, (payer, compound, mut facts)), id) in entries.into_iter().zip(ids) {
            let (_, bits, currency, _, kind, status, date) = key;
            facts.sort_by(|a, b| a.0.cmp(b.0));
            let amount = f64::from_bits(bits);
            let trigger_phase = facts.iter().find_map(|f| f.1);
            let payer_name = payer.map_or("unknown payer", |p| self.nodes[p].name.as_str());
            let name = format!("{payer_name} {} {}", money(amount, &currency), kind.name());
            let me = self.nodes.len();
            self.nodes.push(Node {
                id,
                name,
                aliases: Vec::new(),
                detail: NodeDetail::Milestone(Milestone {
                    amount,
                    currency,
                    kind,
                    status,
                    date,
                    trigger_phase,
                }),
            });
            for &(ev, _, payee) in &facts {
                if let Some(p) = payer {
                    self.link(p, me, LinkDetail::Pays, ev);
                }
                if let Some(p) = payee {
                    self.link(me, p, LinkDetail::PaidTo, ev);
                }
                if let Some(c) = compound {
                    self.link(me, c, LinkDetail::ForCompound, ev);
                }
            }
        }
    }

    /// Pushes one node per group (name, aliases) with ids `prefix` + slug of
    /// the name (the first alias when the name is empty); returns the node
    /// indices by group.
    fn push_nodes(
        &mut self,
        prefix: &str,
        made: Vec<(String, Vec<String>)>,
        mut detail: impl FnMut(usize) -> NodeDetail,
    ) -> Vec<usize> {
        let made: Vec<(String, Vec<String>)> = made
            .into_iter()
            .map(|(name, aliases)| match (name.is_empty(), aliases.first()) {
                (true, Some(first)) => (first.clone(), aliases),
                _ => (name, aliases),
            })
            .collect();
        let bases = made
            .iter()
            .map(|(name, aliases)| (format!("{prefix}{}", slug(name)), (name, aliases)))
            .collect();
        let ids = assign_ids(bases);
        let first = self.nodes.len();
        for (g, ((name, aliases), id)) in made.into_iter().zip(ids).enumerate() {
            self.nodes.push(Node {
                id,
                name,
                aliases,
                detail: detail(g),
            });
        }
        (first..self.nodes.len()).collect()
    }
}

/// A target's names: the canonical one, then its aliases.
fn names(t: &crate::model::TargetFact) -> impl Iterator<Item = &str> {
    std::iter::once(t.target.as_str()).chain(t.aliases.iter().map(String::as_str))
}

/// Splits item groups back per document: `lens` are the item counts per
/// document, in item order; returns per document, per item, the group's node index.
fn per_doc(lens: impl Iterator<Item = usize>, group: &[usize], ids: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    for len in lens {
        out.push(group[i..i + len].iter().map(|&g| ids[g]).collect());
        i += len;
    }
    out
}

/// The stable id of a phase node (`phase:phase-i-ii`).
pub fn phase_id(p: Phase) -> String {
    format!("phase:{}", slug(p.name()))
}

/// A hash map with rustc's Fx hash (`rustc-hash`): much cheaper than
/// SipHash on the short keys of graph building and the same on every run.
/// For lookups only: it does not resist crafted collisions (they could only
/// slow the merge), and no map keyed by it is iterated in an order that
/// reaches the output.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A hash set with rustc's Fx hash (see [`FastMap`]).
type FastSet<K> = rustc_hash::FxHashSet<K>;

#[cfg(test)]
mod tests {
    use super::{Dsu, FastMap, ItemKeys, pick_name, slug, sorted_unique};
    use crate::model::name_key;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The straightforward slug: fold every character, then join the kept runs.
    fn slug_reference(s: &str) -> String {
        let mut out = String::new();
        let mut gap = false;
        for c in s.chars() {
            let folded = if c.is_ascii() {
                c.to_ascii_lowercase().to_string()
            } else {
                name_key(c.encode_utf8(&mut [0; 4]))
            };
            let folded = if c.is_ascii_alphanumeric() || !c.is_ascii() {
                folded
            } else {
                String::new()
            };
            if folded.is_empty() {
                gap = true;
                continue;
            }
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push_str(&folded);
        }
        if out.is_empty() {
            out.push_str("unnamed");
        }
        out
    }

    /// The straightforward pick: count in a sorted map, take the minimum.
    fn pick_reference(cands: &[(u8, &str)]) -> String {
        let mut counts: BTreeMap<(u8, &str), usize> = BTreeMap::new();
        for c in cands.iter().filter(|c| !c.1.is_empty()) {
            *counts.entry(*c).or_default() += 1;
        }
        counts
            .into_iter()
            .min_by(|((ca, a), na), ((cb, b), nb)| {
                (ca, std::cmp::Reverse(na), a.chars().count(), a).cmp(&(
                    cb,
                    std::cmp::Reverse(nb),
                    b.chars().count(),
                    b,
                ))
            })
            .map(|((_, n), _)| n.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn slug_examples() {
        assert_eq!(slug("Phase I/II"), "phase-i-ii");
        assert_eq!(slug("  FRα -- ünïcode 12 "), "fra-unicode-12");
        // Letters outside the fold table are gaps, like punctuation.
        assert_eq!(slug("Ünïcode"), "nicode");
        assert_eq!(slug("aÜb"), "a-b");
        assert_eq!(slug("→ ← "), "unnamed");
    }

    proptest! {
        #[test]
        fn slug_matches_reference(s in "\\PC{0,24}|[ -~αβéÜ→]{0,24}") {
            prop_assert_eq!(slug(&s), slug_reference(&s));
        }

        #[test]
        fn pick_name_matches_reference(
            raw in proptest::collection::vec((0u8..3, "[abAB1é ]{0,3}"), 0..12),
        ) {
            let cands: Vec<(u8, &str)> = raw.iter().map(|(c, s)| (*c, s.as_str())).collect();
            let mut work = cands.clone();
            prop_assert_eq!(pick_name(&mut work), pick_reference(&cands));
        }

        #[test]
        fn sorted_unique_matches_a_set(names in proptest::collection::vec("[ab]{0,2}", 0..10)) {
            let set: BTreeSet<&String> = names.iter().filter(|n| !n.is_empty()).collect();
            let want: Vec<String> = set.into_iter().cloned().collect();
            prop_assert_eq!(sorted_unique(&names), want);
        }
    }

    #[test]
    fn items_sharing_a_key_are_grouped_transitively() {
        let mut keys = ItemKeys::default();
        for names in [&["A-1"][..], &["b 2"], &["c"], &["a1", "B2"], &["", "—"]] {
            keys.push_item(names.iter().copied(), false);
        }
        assert_eq!(keys.of(4), &[] as &[u32]);
        let (group, members) = Dsu::group(&keys);
        assert_eq!(group, [0, 0, 1, 0, 2]);
        assert_eq!(members, [vec![0, 1, 3], vec![2], vec![4]]);
        // A prefixed nonproprietary name also merges with the bare name.
        let mut keys = ItemKeys::default();
        for names in [
            &["ado-trastuzumab emtansine"][..],
            &["Trastuzumab Emtansine"],
        ] {
            keys.push_item(names.iter().copied(), true);
        }
        assert_eq!(Dsu::group(&keys).0, [0, 0]);
    }

    #[test]
    fn fast_map_finds_what_it_holds() {
        let mut m: FastMap<String, usize> = FastMap::default();
        for i in 0..1000 {
            m.insert(format!("key {i}"), i);
        }
        assert!((0..1000).all(|i| m.get(&format!("key {i}")) == Some(&i)));
        assert_eq!(m.get("key 1000"), None);
    }
}
