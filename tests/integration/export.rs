//! JSON and DOT export: shape per GRAPH_JSON.md, round trip, escaping, Graphviz validity, snapshots.

use crate::common::*;
use pipegraph::export::{Dot, Json};
use pipegraph::graph::{GraphError, PipelineGraph};
use pipegraph::model::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(s: &[&'a str]) -> BTreeSet<&'a str> {
    s.iter().copied().collect()
}

/// The sample plus a weirdly named compound and parallel links.
fn tricky() -> Vec<DocFacts> {
    let mut facts = sample();
    let mut d = doc("004_d \"odd\".txt", Some("Ac\"me\\ Bio®"), "2014-03-01");
    let c = compound(
        &mut d,
        &["AB-\"1\"", "anti-FRα\\DM4", "Zy®lo\nline two", "x & y <b>"],
        0,
    );
    phase_event(
        &mut d,
        c,
        Some(Phase::PhaseI2),
        PhaseStatus::Achieved,
        Some("2013-Q4"),
        10,
    );
    phase_event(
        &mut d,
        c,
        Some(Phase::PhaseI2),
        PhaseStatus::Completed,
        Some("2014-H1"),
        20,
    );
    phase_event(&mut d, c, None, PhaseStatus::Discontinued, Some("2014"), 30);
    d.targets.push(TargetFact {
        compound: c,
        target: "FRα".into(),
        aliases: vec!["folate receptor alpha".into(), "FOLR1".into()],
        evidence: ev(&d, 40, "folate receptor α (FRα)"),
    });
    let p = org(&mut d, "Pharma \"Q\" AG", &[], &[OrgRole::Other], None, 50);
    payment(
        &mut d,
        Some(p),
        Some(c),
        12_500.75,
        None,
        Some(Phase::PhaseI),
        60,
    );
    facts.push(d);
    facts
}

#[test]
fn json_written_to_io_is_the_display_text() {
    for facts in [tricky(), sample()] {
        let g = PipelineGraph::build(&facts);
        let mut bytes = Vec::new();
        Json(&g).write_io(&mut bytes).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), Json(&g).to_string());
    }
}

#[test]
fn json_shape_follows_the_schema() {
    let g = PipelineGraph::build(&tricky());
    let v: Value = serde_json::from_str(&Json(&g).to_string()).unwrap();
    assert_eq!(
        keys(&v),
        set(&[
            "format",
            "version",
            "directed",
            "multigraph",
            "graph",
            "nodes",
            "links"
        ])
    );
    assert_eq!(v["format"], "pipegraph");
    assert_eq!(v["version"], 1);
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    let docs = v["graph"]["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    for d in docs {
        assert_eq!(
            keys(d),
            set(&[
                "id",
                "path",
                "registrant",
                "form",
                "report_date",
                "items",
                "sha256"
            ])
        );
    }
    assert_eq!(docs[0]["report_date"], "2011-10-27");
    let want_node_keys = |kind: &str| -> BTreeSet<&str> {
        let extra: &[&str] = match kind {
            "compound" | "target" => &["aliases"],
            "organization" => &["aliases", "roles"],
            "phase" => &["rank"],
            "milestone" => &[
                "amount",
                "currency",
                "payment_kind",
                "status",
                "date",
                "trigger_phase",
            ],
            other => panic!("unexpected kind {other}"),
        };
        ["id", "kind", "name"]
            .iter()
            .chain(extra)
            .copied()
            .collect()
    };
    for n in v["nodes"].as_array().unwrap() {
        let kind = n["kind"].as_str().unwrap();
        assert_eq!(keys(n), want_node_keys(kind), "{n}");
        let id = n["id"].as_str().unwrap();
        let prefix = if kind == "organization" { "org" } else { kind };
        assert!(id.starts_with(&format!("{prefix}:")), "{id}");
        if let Some(aliases) = n.get("aliases") {
            assert!(aliases.as_array().unwrap().contains(&n["name"]), "{n}");
        }
    }
    let phase = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "phase:phase-i-ii")
        .unwrap();
    assert_eq!(phase["name"], "Phase I/II");
    assert_eq!(phase["rank"], 3);
    let ms: Vec<&Value> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "milestone")
        .collect();
    assert_eq!(ms[0]["amount"], 12500.75);
    assert_eq!(ms[0]["date"], Value::Null);
    assert_eq!(ms[0]["trigger_phase"], "Phase I");
    assert_eq!(ms[1]["amount"], 3000000);
    assert_eq!(ms[1]["payment_kind"], "milestone");
    assert_eq!(ms[1]["status"], "earned");

    let node_ids: BTreeSet<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let mut pairs = std::collections::HashMap::new();
    for l in v["links"].as_array().unwrap() {
        let kind = l["kind"].as_str().unwrap();
        let extra: &[&str] = match kind {
            "partnered_with" => &["relation"],
            "phase_event" => &["status", "date"],
            "discontinued" => &["date"],
            "targets" | "pays" | "paid_to" | "for_compound" | "subsidiary_of" => &[],
            other => panic!("unexpected link kind {other}"),
        };
        let want: BTreeSet<&str> = ["source", "target", "kind", "key", "as_of", "evidence"]
            .iter()
            .chain(extra)
            .copied()
            .collect();
        assert_eq!(keys(l), want, "{l}");
        assert!(node_ids.contains(l["source"].as_str().unwrap()));
        assert!(node_ids.contains(l["target"].as_str().unwrap()));
        let key = pairs
            .entry((l["source"].clone().to_string(), l["target"].to_string()))
            .or_insert(0);
        assert_eq!(l["key"], *key, "keys count parallel links");
        *key += 1;
        for e in l["evidence"].as_array().unwrap() {
            assert_eq!(keys(e), set(&["document", "start", "end", "text"]));
        }
    }
    assert!(
        pairs.values().any(|&n| n == 2),
        "the sample has parallel links"
    );
}

#[test]
fn json_round_trip_is_byte_identical() {
    for facts in [sample(), tricky(), Vec::new()] {
        let text = Json(&PipelineGraph::build(&facts)).to_string();
        let loaded = PipelineGraph::from_json(&text).unwrap();
        assert_eq!(Json(&loaded).to_string(), text);
        let dot = Dot::new(&PipelineGraph::build(&facts)).to_string();
        assert_eq!(Dot::new(&loaded).to_string(), dot);
    }
}

#[test]
fn loaded_graph_answers_lookups() {
    let text = Json(&PipelineGraph::build(&sample())).to_string();
    let g = PipelineGraph::from_json(&text).unwrap();
    let id = g
        .find(pipegraph::graph::NodeKind::Compound, "Kadcyla")
        .unwrap();
    assert_eq!(g.node(id).unwrap().id, "compound:trastuzumab-emtansine");
    assert_eq!(g.documents().len(), 3);
}

#[test]
fn bad_json_is_a_typed_error() {
    let good: Value =
        serde_json::from_str(&Json(&PipelineGraph::build(&sample())).to_string()).unwrap();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        PipelineGraph::from_json(&v.to_string())
    };
    assert!(matches!(
        PipelineGraph::from_json("{"),
        Err(GraphError::Json(_))
    ));
    assert!(matches!(
        PipelineGraph::from_json("[]"),
        Err(GraphError::Json(_))
    ));
    assert!(matches!(
        edit(&|v| v["version"] = 2.into()),
        Err(GraphError::Version(2))
    ));
    assert!(matches!(
        edit(&|v| v["format"] = "other".into()),
        Err(GraphError::Format(_))
    ));
    assert!(matches!(
        edit(&|v| v["links"][0]["target"] = "compound:nope".into()),
        Err(GraphError::MissingNode { .. })
    ));
    assert!(matches!(
        edit(&|v| {
            let n = v["nodes"][0].clone();
            v["nodes"].as_array_mut().unwrap().push(n);
        }),
        Err(GraphError::DuplicateNode(_))
    ));
    let event = good["links"]
        .as_array()
        .unwrap()
        .iter()
        .position(|l| l["kind"] == "phase_event")
        .unwrap();
    for (path, value) in [
        ("/nodes/0/kind".to_string(), "drug"),
        ("/links/0/kind".to_string(), "likes"),
        (format!("/links/{event}/date"), "2011-13"),
        (format!("/links/{event}/status"), "stalled"),
    ] {
        let r = edit(&|v| *v.pointer_mut(&path).unwrap() = value.into());
        assert!(
            matches!(r, Err(GraphError::BadValue { .. })),
            "{path}: {r:?}"
        );
    }
    let phase_node = good["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n["kind"] == "phase")
        .unwrap();
    let r = edit(&|v| v["nodes"][phase_node]["name"] = "Phase IV".into());
    assert!(
        matches!(r, Err(GraphError::BadValue { field: "name", .. })),
        "{r:?}"
    );
}

#[test]
fn odd_names_survive_json() {
    let g = PipelineGraph::build(&tricky());
    let v: Value = serde_json::from_str(&Json(&g).to_string()).unwrap();
    let names: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| n["aliases"].as_array().into_iter().flatten())
        .map(|a| a.as_str().unwrap())
        .collect();
    for want in [
        "anti-FRα\\DM4",
        "Zy®lo\nline two",
        "AB-\"1\"",
        "Ac\"me\\ Bio®",
        "FRα",
    ] {
        assert!(names.contains(&want), "{want:?} in {names:?}");
    }
    assert!(
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "target:fra")
    );
}

#[test]
fn dot_escapes_strings() {
    use pipegraph::export::dot::quote;
    assert_eq!(quote("a\"b"), r#""a\"b""#);
    assert_eq!(quote("a\\b"), r#""a\\b""#);
    assert_eq!(quote("a\nb\r\nc"), r#""a\nb\nc""#);
    assert_eq!(quote("x & y"), r#""x &amp; y""#);
    assert_eq!(quote("FRα®\t"), "\"FRα® \"");
    let text = Dot::new(&PipelineGraph::build(&tricky())).to_string();
    assert!(text.contains(r#"Zy®lo\nline two"#));
    assert!(text.contains(r#"anti-FRα\\DM4"#));
    assert!(text.contains(r#"AB-\"1\""#));
    assert!(text.contains("charset=\"UTF-8\""));
    assert!(text.contains("rankdir=LR"));
    assert!(text.contains("cluster_legend"));
    assert!(text.contains("USD 12.5K"));
    // every line is a statement or a brace: no raw newline leaked from a label
    for line in text.lines() {
        let t = line.trim();
        assert!(t.ends_with(';') || t.ends_with('{') || t == "}", "{line}");
    }
}

/// Runs `dot -Tsvg` on the text; `None` when Graphviz is not installed.
fn render(text: &str) -> Option<(bool, String)> {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    Some((
        out.status.success() && out.stdout.starts_with(b"<?xml"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn dot_renders_without_warnings() {
    for facts in [tricky(), Vec::new()] {
        let g = PipelineGraph::build(&facts);
        for dot in [Dot::new(&g), Dot::new(&g).legend(false)] {
            let text = dot.to_string();
            let Some((ok, stderr)) = render(&text) else {
                eprintln!("graphviz `dot` not installed: skipped");
                return;
            };
            assert!(ok, "dot failed: {stderr}\n{text}");
            assert_eq!(stderr, "", "dot warned on:\n{text}");
        }
    }
}

#[test]
fn networkx_reads_the_json() {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("python3 with networkx not available: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.json");
    std::fs::write(&path, Json(&PipelineGraph::build(&tricky())).to_string()).unwrap();
    let script = "import json, sys, networkx\n\
        g = networkx.node_link_graph(json.load(open(sys.argv[1])), edges='links')\n\
        assert g.is_directed() and g.is_multigraph()\n\
        print(g.number_of_nodes(), g.number_of_edges())";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g = PipelineGraph::build(&tricky());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{} {}", g.node_count(), g.link_count())
    );
}

#[test]
fn snapshots() {
    let g = PipelineGraph::build(&sample());
    snapshot("sample.json", &Json(&g).to_string());
    snapshot("sample.dot", &Dot::new(&g).to_string());
}
