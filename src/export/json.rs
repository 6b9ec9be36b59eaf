//! The graph JSON format, version 1 (`shared/schema/GRAPH_JSON.md`): writing with [`Json`], reading with [`PipelineGraph::from_json`].
//!
//! The output is node-link JSON that `networkx.node_link_graph(data,
//! edges="links")` reads. Besides the documented fields, links carry
//! `as_of`: the earliest report date of the documents stating them.

use crate::graph::{
    GraphError, LinkDetail, LinkKind, Milestone, Node, NodeDetail, NodeId, NodeKind, PipelineGraph,
};
use crate::model::{DocInfo, Evidence, FuzzyDate, OrgRole, Phase};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::io;

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

impl Json<'_> {
    /// Writes exactly the text of the `Display` impl (trailing newline
    /// included) to `w`, without going through a `fmt::Formatter`: the
    /// output path of the CLI. Text is handed to `w` in chunks of about 64 KiB.
    ///
    /// # Errors
    /// The first error of `w`.
    pub(crate) fn write_io(&self, w: &mut dyn io::Write) -> io::Result<()> {
        let g = self.0;
        let mut p = Pretty::new(w);
        p.open(b'{');
        p.key("format");
        p.str(FORMAT);
        p.key("version");
        p.uint(VERSION);
        p.key("directed");
        p.raw(b"true");
        p.key("multigraph");
        p.raw(b"true");
        p.key("graph");
        p.open(b'{');
        p.key("documents");
        p.open(b'[');
        for d in g.documents() {
            p.elem()?;
            doc_info(&mut p, d);
        }
        p.close(b']');
        p.close(b'}');
        p.key("nodes");
        p.open(b'[');
        for (_, n) in g.nodes() {
            p.elem()?;
            node(&mut p, n);
        }
        p.close(b']');
        p.key("links");
        p.open(b'[');
        let mut keys: HashMap<(NodeId, NodeId), usize> = HashMap::new();
        for l in g.links() {
            let (Some(s), Some(t)) = (g.node(l.source), g.node(l.target)) else {
                continue;
            };
            let key = keys.entry((l.source, l.target)).or_insert(0);
            p.elem()?;
            p.open(b'{');
            p.key("source");
            p.str(&s.id);
            p.key("target");
            p.str(&t.id);
            p.key("kind");
            p.str(l.link.kind().name());
            p.key("key");
            p.uint(*key as u64);
            *key += 1;
            match &l.link.detail {
                LinkDetail::PartneredWith { relation } => {
                    p.key("relation");
                    p.str(relation);
                }
                LinkDetail::PhaseEvent { status, date } => {
                    p.key("status");
                    p.str(status.name());
                    p.key("date");
                    p.display_or_null(date.as_ref());
                }
                LinkDetail::Discontinued { date } => {
                    p.key("date");
                    p.display_or_null(date.as_ref());
                }
                _ => {}
            }
            p.key("as_of");
            p.display_or_null(l.link.as_of.as_ref());
            p.key("evidence");
            p.open(b'[');
            for e in &l.link.evidence {
                p.elem()?;
                p.open(b'{');
                p.key("document");
                p.str(&e.document);
                p.key("start");
                p.uint(e.start as u64);
                p.key("end");
                p.uint(e.end as u64);
                p.key("text");
                p.str(&e.text);
                p.close(b'}');
            }
            p.close(b']');
            p.close(b'}');
        }
        p.close(b']');
        p.close(b'}');
        p.raw(b"\n");
        p.finish()
    }
}

/// A document's metadata as `graph.documents` lists it (the fields of
/// [`DocInfo`] that are serialized, in declaration order).
fn doc_info(p: &mut Pretty<'_>, d: &DocInfo) {
    p.open(b'{');
    p.key("id");
    p.str(&d.id);
    p.key("path");
    p.str(&d.path);
    p.key("registrant");
    p.str_or_null(d.registrant.as_deref());
    p.key("form");
    p.str_or_null(d.form.as_deref());
    p.key("report_date");
    // chrono serializes a date through its `Debug` form.
    match &d.report_date {
        Some(date) => p.fmt_str(format_args!("{date:?}")),
        None => p.raw(b"null"),
    }
    p.key("items");
    p.open(b'[');
    for i in &d.items {
        // Never fails: only arrays of documents, nodes, links and evidence flush.
        p.elem_unflushed();
        p.str(i);
    }
    p.close(b']');
    p.key("sha256");
    p.str(&d.sha256);
    p.close(b'}');
}

/// A node object: `id`, `kind`, `name`, then the fields of its kind.
fn node(p: &mut Pretty<'_>, n: &Node) {
    p.open(b'{');
    p.key("id");
    p.str(&n.id);
    p.key("kind");
    p.str(n.kind().name());
    p.key("name");
    p.str(&n.name);
    let strings = |p: &mut Pretty<'_>, items: &mut dyn Iterator<Item = &str>| {
        p.open(b'[');
        for s in items {
            p.elem_unflushed();
            p.str(s);
        }
        p.close(b']');
    };
    match &n.detail {
        NodeDetail::Compound | NodeDetail::Target => {
            p.key("aliases");
            strings(p, &mut n.aliases.iter().map(String::as_str));
        }
        NodeDetail::Organization { roles } => {
            p.key("aliases");
            strings(p, &mut n.aliases.iter().map(String::as_str));
            p.key("roles");
            strings(p, &mut roles.iter().map(|r| r.name()));
        }
        NodeDetail::Phase(ph) => {
            p.key("rank");
            p.uint(u64::from(ph.rank()));
        }
        NodeDetail::Milestone(m) => {
            p.key("amount");
            p.amount(m.amount);
            p.key("currency");
            p.str(&m.currency);
            p.key("payment_kind");
            p.str(m.kind.name());
            p.key("status");
            p.str(m.status.name());
            p.key("date");
            p.display_or_null(m.date.as_ref());
            p.key("trigger_phase");
            p.str_or_null(m.trigger_phase.map(Phase::name));
        }
    }
    p.close(b'}');
}

/// Bytes gathered before they are handed to the writer (64 KiB).
const CHUNK: usize = 1 << 16;

/// `"\n"` and the indentation of nesting levels 0 to 15 (two spaces a level).
const NEWLINE_INDENT: &[u8; 33] = b"\n                                ";

/// A pretty-printing JSON writer that gives byte for byte what
/// `serde_json::to_writer_pretty` gives (two-space indent, `": "` after
/// keys, `[]` and `{}` when empty, serde_json's string escapes), written
/// straight into a buffer: the fast path of [`Json`].
///
/// Keys are plain ASCII names and are written unescaped.
struct Pretty<'w> {
    out: &'w mut dyn io::Write,
    buf: Vec<u8>,
    /// Open arrays and objects.
    depth: usize,
    /// True until the innermost open container has a value.
    first: bool,
}

impl<'w> Pretty<'w> {
    fn new(out: &'w mut dyn io::Write) -> Self {
        Pretty {
            out,
            buf: Vec::with_capacity(CHUNK + CHUNK / 4),
            depth: 0,
            first: true,
        }
    }

    /// A newline and the indentation of the current level.
    fn newline(&mut self) {
        let n = 1 + 2 * self.depth;
        match NEWLINE_INDENT.get(..n) {
            Some(s) => self.buf.extend_from_slice(s),
            None => {
                self.buf.push(b'\n');
                for _ in 0..self.depth {
                    self.buf.extend_from_slice(b"  ");
                }
            }
        }
    }

    /// Opens an array (`[`) or an object (`{`).
    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Closes an array (`]`) or an object (`}`).
    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.buf.push(bracket);
        self.first = false;
    }

    /// Starts a value of an array.
    fn elem_unflushed(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        self.newline();
    }

    /// Starts a value of an array, first handing the buffer to the writer when it is full.
    fn elem(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        self.elem_unflushed();
        Ok(())
    }

    /// Starts a member of an object: the key, then `": "`.
    fn key(&mut self, key: &str) {
        self.elem_unflushed();
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn uint(&mut self, mut v: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&digits[i..]);
    }

    /// Whole amounts as integers (`3000000`), others as floats, non-finite as null.
    fn amount(&mut self, a: f64) {
        if a.is_finite() && a.fract() == 0.0 && a.abs() < 9.0e15 {
            let i = a as i64;
            if i < 0 {
                self.buf.push(b'-');
            }
            self.uint(i.unsigned_abs());
        } else {
            // serde_json's float form (and `null` for NaN and infinities);
            // writing into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut self.buf, &a);
        }
    }

    /// A JSON string, escaped as serde_json does.
    fn str(&mut self, s: &str) {
        self.buf.push(b'"');
        escape_into(&mut self.buf, s.as_bytes());
        self.buf.push(b'"');
    }

    fn str_or_null(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw(b"null"),
        }
    }

    /// A JSON string of formatted text.
    fn fmt_str(&mut self, args: fmt::Arguments<'_>) {
        let text = fmt::format(args);
        self.str(&text);
    }

    fn display_or_null(&mut self, v: Option<&impl fmt::Display>) {
        match v {
            Some(v) => self.fmt_str(format_args!("{v}")),
            None => self.raw(b"null"),
        }
    }

    /// Hands what is left to the writer.
    fn finish(self) -> io::Result<()> {
        self.out.write_all(&self.buf)
    }
}

/// What serde_json writes after a backslash for each byte; 0 for bytes
/// written as they are, `u` for `\u00XX`.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// True when any byte of the word is a control character, `"` or `\`.
fn word_needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    (below_space
        | zero_byte(w ^ (ONES * u64::from(b'"')))
        | zero_byte(w ^ (ONES * u64::from(b'\\'))))
        != 0
}

/// Appends `s` with JSON string escapes: `\"`, `\\`, `\b`, `\t`, `\n`,
/// `\f`, `\r` and `\u00xx` for other control characters; every other byte
/// (non-ASCII included) as it is.
fn escape_into(buf: &mut Vec<u8>, s: &[u8]) {
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        // Eight clean bytes at a time.
        if let Some(word) = s.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            if !word_needs_escape(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(s.len());
        while i < end {
            let b = s[i];
            let e = ESCAPE[b as usize];
            if e != 0 {
                buf.extend_from_slice(&s[start..i]);
                if e == b'u' {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    buf.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(b >> 4) as usize],
                        HEX[(b & 0xF) as usize],
                    ]);
                } else {
                    buf.extend_from_slice(&[b'\\', e]);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    buf.extend_from_slice(&s[start..]);
}

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Streamed: a large graph is never held twice as text.
        let mut w = super::utf8::FmtWriter::new(f);
        self.write_io(&mut w).map_err(|_| fmt::Error)?;
        w.finish()
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

/// The straightforward writer the fast path ([`Pretty`]) must match: serde
/// derives and `serde_json::to_string_pretty`.
#[cfg(test)]
mod reference {
    use crate::graph::{LinkDetail, Node, NodeDetail, NodeId, PipelineGraph};
    use crate::model::{DocInfo, Evidence, Phase};
    use serde::{Serialize, Serializer};
    use std::collections::HashMap;

    use super::{FORMAT, VERSION};

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

    /// The graph as JSON text, the serde way.
    pub(super) fn render(g: &PipelineGraph) -> String {
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
        let out = FileOut {
            format: FORMAT,
            version: VERSION,
            directed: true,
            multigraph: true,
            graph: GraphOut {
                documents: g.documents(),
            },
            nodes: g.nodes().map(|(_, n)| node_out(n)).collect(),
            links,
        };
        serde_json::to_string_pretty(&out).expect("serializing to a String cannot fail") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::{Json, escape_into, reference};
    use crate::graph::{LinkDetail, Milestone, Node, NodeDetail, PipelineGraph};
    use crate::model::{
        DocInfo, Evidence, FuzzyDate, OrgRole, PaymentKind, PaymentStatus, Phase, PhaseStatus,
    };
    use proptest::prelude::*;

    fn escaped(s: &str) -> String {
        let mut buf = Vec::new();
        escape_into(&mut buf, s.as_bytes());
        String::from_utf8(buf).expect("escaping keeps UTF-8")
    }

    /// serde_json's string form without the quotes.
    fn serde_escaped(s: &str) -> String {
        let q = serde_json::to_string(s).expect("a str serializes");
        q[1..q.len() - 1].to_string()
    }

    #[test]
    fn every_ascii_byte_escapes_as_serde_json_does() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            // At every position within and across an eight-byte word.
            for pad in 0..10 {
                let s = format!("{}{c}{}é", "a".repeat(pad), "z".repeat(9 - pad));
                assert_eq!(escaped(&s), serde_escaped(&s), "byte {b:#04x} at {pad}");
            }
        }
        let mixed = "tab\there \"quoted\" back\\slash \u{1}\u{1f}\u{7f} é→𝔸 end\n";
        assert_eq!(escaped(mixed), serde_escaped(mixed));
        assert_eq!(escaped(""), "");
    }

    proptest! {
        #[test]
        fn random_strings_escape_as_serde_json_does(s in "\\PC*|[\\x00-\\x7f]*") {
            prop_assert_eq!(escaped(&s), serde_escaped(&s));
        }
    }

    fn ev(doc: &str, start: usize, text: &str) -> Evidence {
        Evidence {
            document: doc.into(),
            start,
            end: start + text.len(),
            text: text.into(),
        }
    }

    fn named(id: &str, name: &str, detail: NodeDetail, aliases: &[&str]) -> Node {
        Node {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            detail,
        }
    }

    fn milestone(id: &str, amount: f64, date: Option<FuzzyDate>, trigger: Option<Phase>) -> Node {
        named(
            id,
            "m",
            NodeDetail::Milestone(Milestone {
                amount,
                currency: "USD".into(),
                kind: PaymentKind::LicenseFee,
                status: PaymentStatus::Potential,
                date,
                trigger_phase: trigger,
            }),
            &[],
        )
    }

    /// A graph with every node and link kind, odd strings, odd amounts and
    /// empty and non-empty lists.
    fn sample() -> PipelineGraph {
        let docs = vec![
            DocInfo {
                id: "doc:a.txt".into(),
                path: "dir/a \"quoted\".txt".into(),
                registrant: Some("Acme\\Co\t".into()),
                registrant_aliases: vec!["Acme".into()],
                form: Some("8-K".into()),
                report_date: chrono::NaiveDate::from_ymd_opt(2011, 10, 27),
                items: vec!["2.02".into(), "9.01".into()],
                fiscal_year_end_month: Some(12),
                sha256: "ab".repeat(32),
            },
            DocInfo {
                id: "doc:b.htm".into(),
                path: "b.htm".into(),
                ..DocInfo::default()
            },
        ];
        let nodes = vec![
            named(
                "compound:x",
                "X-1 \u{1}é",
                NodeDetail::Compound,
                &["X-1", "x one"],
            ),
            named("compound:y", "Y", NodeDetail::Compound, &[]),
            named(
                "org:acme",
                "Acme",
                NodeDetail::Organization {
                    roles: vec![OrgRole::Registrant, OrgRole::Partner],
                },
                &["Acme", "Acme, Inc."],
            ),
            named(
                "org:parent",
                "Parent",
                NodeDetail::Organization { roles: vec![] },
                &[],
            ),
            named(
                "target:her2",
                "HER2",
                NodeDetail::Target,
                &["HER2", "ErbB2"],
            ),
            named(
                "phase:phase-ii",
                "Phase II",
                NodeDetail::Phase(Phase::PhaseII),
                &[],
            ),
            milestone(
                "milestone:a",
                3_000_000.0,
                Some(FuzzyDate::Month(2011, 10)),
                None,
            ),
            milestone("milestone:b", 2.5, None, Some(Phase::PhaseIII)),
            milestone(
                "milestone:c",
                f64::NAN,
                Some(FuzzyDate::Half(2012, 1)),
                None,
            ),
            milestone("milestone:d", -7.0, None, None),
            milestone("milestone:e", 1e300, None, None),
            milestone("milestone:f", f64::NEG_INFINITY, None, None),
        ];
        let e1 = ev("doc:a.txt", 10, "X-1 targets \"HER2\"\\ \u{7}.");
        let e2 = ev("doc:b.htm", 0, "Acme → Parent.");
        let links = vec![
            (
                "compound:x",
                "target:her2",
                LinkDetail::Targets,
                vec![e1.clone()],
            ),
            (
                "compound:x",
                "org:acme",
                LinkDetail::PartneredWith {
                    relation: "licensed_to".into(),
                },
                vec![e1.clone(), e2.clone()],
            ),
            (
                "compound:x",
                "org:acme",
                LinkDetail::Discontinued { date: None },
                vec![e2.clone()],
            ),
            (
                "compound:y",
                "org:acme",
                LinkDetail::Discontinued {
                    date: Some(FuzzyDate::Year(2013)),
                },
                vec![],
            ),
            (
                "compound:x",
                "phase:phase-ii",
                LinkDetail::PhaseEvent {
                    status: PhaseStatus::Achieved,
                    date: Some(FuzzyDate::Day(2011, 10, 1)),
                },
                vec![e1.clone()],
            ),
            (
                "compound:y",
                "phase:phase-ii",
                LinkDetail::PhaseEvent {
                    status: PhaseStatus::Planned,
                    date: None,
                },
                vec![e2.clone()],
            ),
            (
                "org:acme",
                "milestone:a",
                LinkDetail::Pays,
                vec![e1.clone()],
            ),
            (
                "milestone:a",
                "org:acme",
                LinkDetail::PaidTo,
                vec![e1.clone()],
            ),
            (
                "milestone:a",
                "compound:x",
                LinkDetail::ForCompound,
                vec![e1],
            ),
            ("org:acme", "org:parent", LinkDetail::SubsidiaryOf, vec![e2]),
        ];
        let links = links
            .into_iter()
            .map(|(s, t, d, e)| (s.to_string(), t.to_string(), d, e))
            .collect();
        PipelineGraph::from_parts(docs, nodes, links).expect("a consistent graph")
    }

    #[test]
    fn fast_writer_matches_serde_on_every_kind() {
        let g = sample();
        let fast = Json(&g).to_string();
        assert_eq!(fast, reference::render(&g));
        // The io path gives the same bytes as Display.
        let mut bytes = Vec::new();
        Json(&g)
            .write_io(&mut bytes)
            .expect("a Vec takes everything");
        assert_eq!(bytes, fast.as_bytes());
        assert!(fast.contains("\"amount\": null"));
        assert!(fast.contains("\"amount\": -7,"));
    }

    #[test]
    fn fast_writer_matches_serde_on_empty_and_large_graphs() {
        let empty = PipelineGraph::build(&[]);
        assert_eq!(Json(&empty).to_string(), reference::render(&empty));
        // More than one chunk of text, flushed in pieces.
        let g = sample();
        let mut nodes: Vec<Node> = g.nodes().map(|(_, n)| n.clone()).collect();
        let big = ev("doc:a.txt", 1, &"long é sentence ".repeat(400));
        let links = (0..100)
            .map(|i| {
                (
                    "compound:x".to_string(),
                    "target:her2".to_string(),
                    LinkDetail::Targets,
                    vec![Evidence {
                        start: i,
                        ..big.clone()
                    }],
                )
            })
            .collect();
        nodes.truncate(5);
        let g = PipelineGraph::from_parts(g.documents().to_vec(), nodes, links)
            .expect("a consistent graph");
        let fast = Json(&g).to_string();
        assert!(fast.len() > 3 * super::CHUNK);
        assert_eq!(fast, reference::render(&g));
    }
}
