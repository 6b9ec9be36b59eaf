//! The graph JSON format, version 1 (`shared/schema/GRAPH_JSON.md`): writing with [`Json`], reading with [`PipelineGraph::from_json`].
//!
//! The output is node-link JSON that `networkx.node_link_graph(data,
//! edges="links")` reads. Besides the documented fields, links carry
//! `as_of`: the earliest report date of the documents stating them.

use crate::graph::{
    GraphError, LinkDetail, LinkKind, Milestone, Node, NodeDetail, NodeId, NodeKind, PipelineGraph,
};
use crate::model::{DocInfo, Evidence, FuzzyDate, OrgRole, Phase};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;

/// Renders a graph as pretty-printed JSON per `GRAPH_JSON.md` (version 1).
///
/// Same graph → byte-identical text. Non-finite amounts are written as `null`.
///
/// ```
/// use pipegraph::{export::Json, graph::PipelineGraph};
/// let g = PipelineGraph::build(&[]);
/// let text = Json(&g).to_string();
/// assert!(text.contains("\"format\": \"pipegraph\""));
/// ```
pub struct Json<'a>(pub &'a PipelineGraph);

/// The format name in the `format` field.
pub const FORMAT: &str = "pipegraph";
/// The format version written and read.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    directed: bool,
    multigraph: bool,
    graph: GraphOut<'a>,
    nodes: Vec<NodeOut<'a>>,
    links: Vec<LinkOut<'a>>,
}

#[derive(Serialize)]
struct GraphOut<'a> {
    documents: &'a [DocInfo],
}

#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    #[serde(flatten)]
    extra: NodeExtra<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum NodeExtra<'a> {
    Named {
        aliases: &'a [String],
    },
    Organization {
        aliases: &'a [String],
        roles: Vec<&'static str>,
    },
    Phase {
        rank: u8,
    },
    Milestone {
        #[serde(serialize_with = "write_amount")]
        amount: f64,
        currency: &'a str,
        payment_kind: &'static str,
        status: &'static str,
        date: Option<String>,
        trigger_phase: Option<&'static str>,
    },
}

#[derive(Serialize)]
struct LinkOut<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'static str,
    key: usize,
    #[serde(flatten)]
    extra: LinkExtra<'a>,
    as_of: Option<String>,
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
#[serde(untagged)]
enum LinkExtra<'a> {
    Plain {},
    Relation {
        relation: &'a str,
    },
    PhaseEvent {
        status: &'static str,
        date: Option<String>,
    },
    Date {
        date: Option<String>,
    },
}

/// Whole amounts as integers (`3000000`), others as floats, non-finite as null.
fn write_amount<S: Serializer>(amount: &f64, s: S) -> Result<S::Ok, S::Error> {
    let a = *amount;
    if a.is_finite() && a.fract() == 0.0 && a.abs() < 9.0e15 {
        s.serialize_i64(a as i64)
    } else {
        s.serialize_f64(a)
    }
}

fn node_out(n: &Node) -> NodeOut<'_> {
    let extra = match &n.detail {
        NodeDetail::Compound | NodeDetail::Target => NodeExtra::Named {
            aliases: &n.aliases,
        },
        NodeDetail::Organization { roles } => NodeExtra::Organization {
            aliases: &n.aliases,
            roles: roles.iter().map(|r| r.name()).collect(),
        },
        NodeDetail::Phase(p) => NodeExtra::Phase { rank: p.rank() },
        NodeDetail::Milestone(m) => NodeExtra::Milestone {
            amount: m.amount,
            currency: &m.currency,
            payment_kind: m.kind.name(),
            status: m.status.name(),
            date: m.date.map(|d| d.to_string()),
            trigger_phase: m.trigger_phase.map(Phase::name),
        },
    };
    NodeOut {
        id: &n.id,
        kind: n.kind().name(),
        name: &n.name,
        extra,
    }
}

impl<'g> Json<'g> {
    /// Writes the JSON graph, with the trailing newline, straight to `w`:
    /// the same bytes as the [`fmt::Display`] form, without passing them
    /// through a formatter (the CLI writes files this way).
    ///
    /// # Errors
    /// Any error of `w`, or of serialization (none for a graph this crate
    /// built: every value is a string, number or boolean).
    ///
    /// # Example
    /// ```
    /// use pipegraph::{export::Json, graph::PipelineGraph};
    /// let graph = PipelineGraph::build(&[]);
    /// let mut out = Vec::new();
    /// Json(&graph).write_io(&mut out)?;
    /// assert_eq!(String::from_utf8(out).unwrap(), Json(&graph).to_string());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_io(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        // serde_json writes many small pieces (quotes, keys, indents): into
        // a buffer of a known type they are copies, not calls through `dyn`.
        let mut buf = std::io::BufWriter::with_capacity(1 << 16, w);
        serde_json::to_writer_pretty(&mut buf, &self.document())?;
        std::io::Write::write_all(&mut buf, b"\n")?;
        std::io::Write::flush(&mut buf)
    }

    /// The serializable form of the graph (borrows its strings).
    fn document(&self) -> FileOut<'g> {
        let g = self.0;
        let mut keys: HashMap<(NodeId, NodeId), usize> = HashMap::new();
        let mut links = Vec::with_capacity(g.link_count());
        for l in g.links() {
            let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
                continue;
            };
            let key = keys.entry((l.source, l.target)).or_insert(0);
            let extra = match &l.link.detail {
                LinkDetail::PartneredWith { relation } => LinkExtra::Relation { relation },
                LinkDetail::PhaseEvent { status, date } => LinkExtra::PhaseEvent {
                    status: status.name(),
                    date: date.map(|d| d.to_string()),
                },
                LinkDetail::Discontinued { date } => LinkExtra::Date {
                    date: date.map(|d| d.to_string()),
                },
                _ => LinkExtra::Plain {},
            };
            links.push(LinkOut {
                source: &s.id,
                target: &t.id,
                kind: l.link.kind().name(),
                key: *key,
                extra,
                as_of: l.link.as_of.map(|d| d.to_string()),
                evidence: &l.link.evidence,
            });
            *key += 1;
        }
        FileOut {
            format: FORMAT,
            version: VERSION,
            directed: true,
            multigraph: true,
            graph: GraphOut {
                documents: g.documents(),
            },
            nodes: g.nodes().map(|(_, n)| node_out(n)).collect(),
            links,
        }
    }
}

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Streamed: a large graph is never held twice as text.
        let mut w = super::utf8::FmtWriter::new(f);
        serde_json::to_writer_pretty(&mut w, &self.document()).map_err(|_| fmt::Error)?;
        w.finish()?;
        f.write_str("\n")
    }
}

#[derive(Deserialize)]
struct FileIn {
    format: String,
    version: u64,
    #[serde(default)]
    graph: GraphIn,
    #[serde(default)]
    nodes: Vec<NodeIn>,
    #[serde(default, alias = "edges")]
    links: Vec<LinkIn>,
}

#[derive(Deserialize, Default)]
struct GraphIn {
    #[serde(default)]
    documents: Vec<DocInfo>,
}

#[derive(Deserialize)]
struct NodeIn {
    id: String,
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    amount: Option<f64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    payment_kind: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    trigger_phase: Option<String>,
}

#[derive(Deserialize)]
struct LinkIn {
    source: String,
    target: String,
    kind: String,
    #[serde(default)]
    relation: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

fn bad(item: &str, field: &'static str, value: &str) -> GraphError {
    GraphError::BadValue {
        item: item.to_string(),
        field,
        value: value.to_string(),
    }
}

/// Reads a model enum (`PhaseStatus`, `OrgRole`, ...) from its JSON name.
fn named<T: serde::de::DeserializeOwned>(
    item: &str,
    field: &'static str,
    value: Option<&str>,
) -> Result<T, GraphError> {
    use serde::de::IntoDeserializer;
    let v = value.unwrap_or("");
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = v.into_deserializer();
    T::deserialize(de).map_err(|_| bad(item, field, v))
}

fn date(item: &str, value: Option<&str>) -> Result<Option<FuzzyDate>, GraphError> {
    value
        .map(|s| FuzzyDate::parse(s).ok_or_else(|| bad(item, "date", s)))
        .transpose()
}

fn phase(item: &str, field: &'static str, value: &str) -> Result<Phase, GraphError> {
    Phase::ALL
        .into_iter()
        .find(|p| p.name() == value)
        .ok_or_else(|| bad(item, field, value))
}

fn node_in(n: NodeIn) -> Result<Node, GraphError> {
    let id = n.id.as_str();
    let kind = NodeKind::parse(&n.kind).ok_or_else(|| bad(id, "kind", &n.kind))?;
    let detail = match kind {
        NodeKind::Compound => NodeDetail::Compound,
        NodeKind::Target => NodeDetail::Target,
        NodeKind::Organization => {
            let mut roles = n
                .roles
                .iter()
                .map(|r| named::<OrgRole>(id, "role", Some(r)))
                .collect::<Result<Vec<_>, _>>()?;
            roles.sort();
            roles.dedup();
            NodeDetail::Organization { roles }
        }
        NodeKind::Phase => NodeDetail::Phase(phase(id, "name", &n.name)?),
        NodeKind::Milestone => NodeDetail::Milestone(Milestone {
            amount: n.amount.unwrap_or(f64::NAN),
            currency: n.currency.clone().unwrap_or_default(),
            kind: named(id, "payment_kind", n.payment_kind.as_deref())?,
            status: named(id, "status", n.status.as_deref())?,
            date: date(id, n.date.as_deref())?,
            trigger_phase: n
                .trigger_phase
                .as_deref()
                .map(|p| phase(id, "trigger_phase", p))
                .transpose()?,
        }),
    };
    let mut aliases = n.aliases;
    if !matches!(
        kind,
        NodeKind::Compound | NodeKind::Organization | NodeKind::Target
    ) {
        aliases.clear();
    }
    aliases.sort();
    aliases.dedup();
    Ok(Node {
        id: n.id,
        name: n.name,
        aliases,
        detail,
    })
}

type LinkParts = (String, String, LinkDetail, Vec<Evidence>);

fn link_in(l: LinkIn) -> Result<LinkParts, GraphError> {
    let item = format!("{} -> {}", l.source, l.target);
    let item = item.as_str();
    let kind = LinkKind::parse(&l.kind).ok_or_else(|| bad(item, "kind", &l.kind))?;
    use LinkKind as K;
    let detail = match kind {
        K::Targets => LinkDetail::Targets,
        K::PartneredWith => LinkDetail::PartneredWith {
            relation: l.relation.unwrap_or_default(),
        },
        K::PhaseEvent => LinkDetail::PhaseEvent {
            status: named(item, "status", l.status.as_deref())?,
            date: date(item, l.date.as_deref())?,
        },
        K::Discontinued => LinkDetail::Discontinued {
            date: date(item, l.date.as_deref())?,
        },
        K::Pays => LinkDetail::Pays,
        K::PaidTo => LinkDetail::PaidTo,
        K::ForCompound => LinkDetail::ForCompound,
        K::SubsidiaryOf => LinkDetail::SubsidiaryOf,
    };
    Ok((l.source, l.target, detail, l.evidence))
}

impl PipelineGraph {
    /// Loads a graph saved as JSON by [`Json`] (format `pipegraph`, version 1).
    ///
    /// `key` and `as_of` of links are not read (they are recomputed); unknown
    /// fields are ignored. Saving the loaded graph gives the same bytes.
    ///
    /// # Errors
    /// [`GraphError::Json`] for malformed JSON or a missing required field,
    /// [`GraphError::Format`] / [`GraphError::Version`] for another format,
    /// [`GraphError::BadValue`] for an unknown kind, phase, status, role or
    /// date, and the errors of [`PipelineGraph::from_parts`].
    pub fn from_json(text: &str) -> Result<PipelineGraph, GraphError> {
        let file: FileIn = serde_json::from_str(text)?;
        if file.format != FORMAT {
            return Err(GraphError::Format(file.format));
        }
        if file.version != VERSION {
            return Err(GraphError::Version(file.version));
        }
        let nodes = file
            .nodes
            .into_iter()
            .map(node_in)
            .collect::<Result<Vec<_>, _>>()?;
        let links = file
            .links
            .into_iter()
            .map(link_in)
            .collect::<Result<Vec<_>, _>>()?;
        PipelineGraph::from_parts(file.graph.documents, nodes, links)
    }
}

#[cfg(test)]
mod tests {
    use super::Json;
    use crate::graph::PipelineGraph;

    /// `write_io` (buffered, for files) writes the bytes of the `Display`
    /// rendering, on the graph of the sample filings.
    #[test]
    fn write_io_writes_the_display_rendering() {
        let facts: Vec<_> = crate::extract::sample_filings()
            .iter()
            .enumerate()
            .filter_map(|(i, text)| {
                crate::ingest::ingest_bytes(&format!("s{i}.txt"), text.as_bytes()).ok()
            })
            .map(|doc| crate::extract::extract(&doc))
            .collect();
        let g = PipelineGraph::build(&facts);
        assert!(g.link_count() > 0);
        let mut out = Vec::new();
        Json(&g).write_io(&mut out).expect("writes to a Vec");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), Json(&g).to_string());
    }
}
