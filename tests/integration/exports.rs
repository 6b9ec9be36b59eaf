//! Exports: DOT views, JSON Schema, GEXF, GraphML, Cytoscape.js JSON and the HTML viewer; snapshots of hand-built graphs, loading in Graphviz, networkx and headless Chromium (each skipped when the tool is absent), and freshness of `graphs/`.

use crate::common::*;
use pipegraph::export::{Cytoscape, Dot, Gexf, Graphml, Html, Json, Timeline, View};
use pipegraph::graph::{LinkDetail, PipelineGraph};
use pipegraph::model::*;
use pipegraph::run::{Output, Outputs};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample plus odd names (quotes, backslashes, α, ®, newlines, markup)
/// and a plan that a later filing settles.
fn tricky() -> Vec<DocFacts> {
    let mut facts = sample();
    let mut d = doc("005_d \"odd\".txt", Some("Ac\"me\\ Bio®"), "2014-03-01");
    let c = compound(
        &mut d,
        &["AB-\"1\"", "anti-FRα\\DM4", "Zy®lo\nline two", "x & y <b>"],
        0,
    );
    phase_event(
        &mut d,
        c,
        Some(Phase::PhaseI2),
        PhaseStatus::Planned,
        Some("2014-H2"),
        10,
    );
    let p = org(
        &mut d,
        "Pharma \"Q\" <AG>",
        &[],
        &[OrgRole::Partner],
        None,
        50,
    );
    d.partnerships.push(PartnershipFact {
        compound: c,
        org: p,
        relation: "licensed_to".into(),
        evidence: ev(&d, 60, "AB-\"1\" is licensed to Pharma \"Q\" <AG>."),
    });
    d.targets.push(TargetFact {
        compound: c,
        target: "FRα".into(),
        aliases: vec!["folate receptor alpha".into()],
        evidence: ev(&d, 40, "folate receptor α (FRα)"),
    });
    facts.push(d);
    let mut e = doc("006_e.txt", Some("Ac\"me\\ Bio®"), "2015-01-15");
    let c = compound(&mut e, &["AB-\"1\""], 0);
    phase_event(
        &mut e,
        c,
        Some(Phase::PhaseI2),
        PhaseStatus::Achieved,
        Some("2014-12"),
        10,
    );
    facts.push(e);
    facts
}

fn corpus_graph() -> PipelineGraph {
    let corpus = pipegraph::run::read_corpus(&[root().join("data/filings")]);
    pipegraph::run::build_graph(&corpus, 0)
}

#[test]
fn snapshots_of_a_hand_built_graph() {
    let g = PipelineGraph::build(&sample());
    for v in View::ALL {
        snapshot(
            &format!("sample.{}.dot", v.name()),
            &Dot::new(&g).view(v).to_string(),
        );
    }
    snapshot("sample.gexf", &Gexf(&g).to_string());
    snapshot("sample.graphml", &Graphml(&g).to_string());
    snapshot("sample.cytoscape.json", &Cytoscape(&g).to_string());
}

#[test]
fn output_is_stable() {
    let a = PipelineGraph::build(&tricky());
    let mut rev = tricky();
    rev.reverse();
    let b = PipelineGraph::build(&rev);
    for o in Output::ALL {
        assert_eq!(o.render(&a), o.render(&b), "{o:?}");
    }
}

/// The `label=<...>` HTML-like labels of a DOT text.
fn html_labels(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("label=<") {
        let body = &rest[i + "label=".len()..];
        let mut depth = 0usize;
        let mut end = body.len();
        for (j, c) in body.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        end = j;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push(body[1..end].to_string());
        rest = &body[end..];
    }
    out
}

/// True when `s` is well-formed XML content (tags balanced, entities valid).
fn well_formed(s: &str) -> Result<(), String> {
    let wrapped = format!("<x>{s}</x>");
    let mut r = quick_xml::Reader::from_str(&wrapped);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => return Ok(()),
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                let name: &str = r.as_ref();
                let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name);
                if !known && !name.starts_with('#') {
                    return Err(format!("unknown entity &{name};"));
                }
            }
            Ok(_) => {}
            Err(e) => return Err(e.to_string()),
        }
    }
}

#[test]
fn dot_views_escape_and_stay_well_formed() {
    use pipegraph::export::dot::html;
    assert_eq!(html("a<b>&\"c'\nd"), "a&lt;b&gt;&amp;&quot;c&#39;<BR/>d");
    assert_eq!(html("FRα®\t"), "FRα® ");
    let g = PipelineGraph::build(&tricky());
    for v in View::ALL {
        let text = Dot::new(&g).view(v).to_string();
        assert!(text.contains("charset=\"UTF-8\""), "{v:?}");
        assert!(text.contains("cluster_legend"), "{v:?}");
        for line in text.lines() {
            let t = line.trim();
            assert!(
                t.ends_with(';') || t.ends_with('{') || t == "}" || t.ends_with("; }"),
                "{v:?}: {line}"
            );
        }
        for label in html_labels(&text) {
            well_formed(&label).unwrap_or_else(|e| panic!("{v:?}: {e} in {label}"));
        }
    }
    let full = Dot::new(&g).to_string();
    assert!(full.contains(r#"Zy®lo\nline two"#));
    assert!(full.contains(r#"anti-FRα\\DM4"#));
    let part = Dot::new(&g).view(View::Partnerships).to_string();
    assert!(part.contains(r#"label="Pharma \"Q\" <AG>""#), "{part}");
    assert!(part.contains("cluster_partner_"));
    assert!(
        !part.contains("target:"),
        "no targets in the partnerships view"
    );
    let pipe = Dot::new(&g).view(View::Pipeline).to_string();
    assert!(pipe.contains("AB-&quot;1&quot;"), "{pipe}");
    assert!(pipe.contains("planned 2014-H2"));
    assert!(pipe.contains("rank=same"));
}

/// Runs `dot -Tsvg`; `None` when Graphviz is not installed.
fn render_svg(text: &str) -> Option<(bool, String, String)> {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    Some((
        out.status.success() && out.stdout.starts_with(b"<?xml"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn dot_views_render_without_warnings() {
    for g in [
        PipelineGraph::build(&tricky()),
        PipelineGraph::build(&[]),
        corpus_graph(),
    ] {
        for v in View::ALL {
            for legend in [true, false] {
                let text = Dot::new(&g).view(v).legend(legend).to_string();
                let Some((ok, stderr, _)) = render_svg(&text) else {
                    eprintln!("graphviz `dot` not installed: skipped");
                    return;
                };
                assert!(ok, "dot failed on {v:?}: {stderr}\n{text}");
                assert_eq!(stderr, "", "dot warned on {v:?}:\n{text}");
            }
        }
    }
}

fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schema/graph.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn json_validates_against_the_schema() {
    let validator = schema_validator();
    for (what, g) in [
        ("sample", PipelineGraph::build(&sample())),
        ("tricky", PipelineGraph::build(&tricky())),
        ("empty", PipelineGraph::build(&[])),
        ("corpus", corpus_graph()),
    ] {
        let v: Value = serde_json::from_str(&Json(&g).to_string()).unwrap();
        assert_valid(&validator, &v, what);
    }
    // The schema is not vacuous.
    let good: Value =
        serde_json::from_str(&Json(&PipelineGraph::build(&sample())).to_string()).unwrap();
    let breakers: [fn(&mut Value); 4] = [
        |v| v["nodes"][0]["kind"] = "molecule".into(),
        |v| v["version"] = 2.into(),
        |v| {
            let l = v["links"].as_array_mut().unwrap();
            let i = l.iter().position(|l| l["kind"] == "phase_event").unwrap();
            l[i]["date"] = "October 2011".into();
        },
        |v| {
            v["links"][0].as_object_mut().unwrap().remove("evidence");
        },
    ];
    for (i, b) in breakers.iter().enumerate() {
        let mut bad = good.clone();
        b(&mut bad);
        assert!(!validator.is_valid(&bad), "breaker {i} passed the schema");
    }
}

#[test]
fn timeline_closes_plans_when_reached() {
    let g = PipelineGraph::build(&tricky());
    let tl = Timeline::of(&g);
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let planned = g
        .links()
        .find(|l| {
            matches!(
                l.link.detail,
                LinkDetail::PhaseEvent {
                    status: PhaseStatus::Planned,
                    ..
                }
            ) && g.node(l.source).unwrap().name == "AB-\"1\""
        })
        .unwrap();
    let span = tl.link(planned.id);
    assert_eq!(
        span.start,
        Some(day("2014-03-01")),
        "planned starts when told"
    );
    assert_eq!(span.end, Some(day("2014-12-01")), "ends when reached");
    assert!(span.contains(day("2014-06-01")) && !span.contains(day("2015-01-01")));
    let gexf = Gexf(&g).to_string();
    assert!(gexf.contains("mode=\"dynamic\""));
    assert!(
        gexf.contains("start=\"2014-03-01\" end=\"2014-12-01\""),
        "{gexf}"
    );
    // The earliest facts are from the first filing of the sample.
    assert_eq!(tl.days().first(), Some(&day("2011-10-01")));
}

#[test]
fn graphml_data_use_declared_typed_keys() {
    use quick_xml::events::Event;
    let text = Graphml(&PipelineGraph::build(&tricky())).to_string();
    let mut r = quick_xml::Reader::from_str(&text);
    let mut keys = std::collections::HashMap::new();
    let mut used = Vec::new();
    loop {
        match r.read_event().expect("well-formed GraphML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name)
                        .ok()
                        .flatten()
                        .map(|a| a.value.to_string())
                };
                match e.name().as_ref() {
                    "key" => {
                        let ty = attr("attr.type").or(attr("yfiles.type"));
                        keys.insert(attr("id").unwrap(), ty.expect("typed key"));
                    }
                    "data" => used.push(attr("key").unwrap()),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert!(!used.is_empty());
    for k in &used {
        assert!(keys.contains_key(k), "undeclared key {k}");
    }
    assert_eq!(keys["n_rank"], "int");
    assert_eq!(keys["n_amount"], "double");
    assert_eq!(keys["e_evidence"], "string");
}

#[test]
fn cytoscape_elements_match_the_graph() {
    let g = PipelineGraph::build(&tricky());
    let v: Value = serde_json::from_str(&Cytoscape(&g).to_string()).unwrap();
    let nodes = v["elements"]["nodes"].as_array().unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    assert_eq!(nodes.len(), g.node_count());
    assert_eq!(edges.len(), g.link_count());
    let ids: std::collections::HashSet<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    for e in edges {
        let d = &e["data"];
        assert!(ids.contains(d["source"].as_str().unwrap()));
        assert!(ids.contains(d["target"].as_str().unwrap()));
        assert!(!d["evidence"].as_array().unwrap().is_empty());
        assert!(d["label"].is_string() && d["kind"].is_string());
    }
    assert!(nodes.iter().all(|n| n["data"]["color"].is_string()));
    assert!(!v["days"].as_array().unwrap().is_empty());
}

fn have_python_module(m: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {m}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn networkx_loads_json_gexf_and_graphml() {
    if !have_python_module("networkx") {
        eprintln!("python3 with networkx not available: skipped");
        return;
    }
    let script = "import json, sys, networkx as nx\n\
        j = nx.node_link_graph(json.load(open(sys.argv[1])), edges='links')\n\
        x = nx.read_gexf(sys.argv[2], version='1.3')\n\
        m = nx.read_graphml(sys.argv[3])\n\
        for g in (j, x, m): assert g.is_directed()\n\
        starts = sum(1 for _, d in x.nodes(data=True) if 'start' in d)\n\
        print(j.number_of_nodes(), j.number_of_edges(), x.number_of_nodes(), x.number_of_edges(),\n\
              m.number_of_nodes(), m.number_of_edges(), starts)";
    for (what, g) in [
        ("tricky", PipelineGraph::build(&tricky())),
        ("corpus", corpus_graph()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("g.json"), Json(&g).to_string()).unwrap();
        std::fs::write(p("g.gexf"), Gexf(&g).to_string()).unwrap();
        std::fs::write(p("g.graphml"), Graphml(&g).to_string()).unwrap();
        let out = Command::new("python3")
            .args(["-c", script])
            .args([p("g.json"), p("g.gexf"), p("g.graphml")])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Vec<usize> = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let (n, l) = (g.node_count(), g.link_count());
        assert_eq!(&got[..6], &[n, l, n, l, n, l], "{what}");
        if what == "tricky" {
            assert!(got[6] > 0, "GEXF nodes carry start dates");
        }
    }
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Loads `url` in headless Chromium; returns the dumped DOM and the
/// console lines Chromium logged.
fn chromium_run(exe: &Path, url: &str, extra: &[&str]) -> (String, Vec<String>) {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

/// The value of a `data-*` attribute of `<body>` in a dumped DOM.
fn body_attr(dom: &str, name: &str) -> Option<String> {
    let body = &dom[dom.find("<body")?..];
    let body = &body[..body.find('>')?];
    let key = format!("{name}=\"");
    let at = body.find(&key)? + key.len();
    Some(body[at..].split('"').next()?.to_string())
}

#[test]
fn html_viewer_is_self_contained() {
    let text = Html(&PipelineGraph::build(&tricky())).to_string();
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(!text.contains("<script src"), "no external scripts");
    assert!(!text.contains("<link"), "no external styles");
    assert_eq!(
        text.matches("</script>").count(),
        4,
        "data cannot close a script"
    );
    assert!(text.contains("The Cytoscape Consortium"), "library inlined");
}

#[test]
fn html_viewer_runs_in_headless_chromium() {
    let Some(exe) = chromium() else {
        eprintln!("chromium not installed: skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (what, g) in [
        ("tricky", PipelineGraph::build(&tricky())),
        ("corpus", corpus_graph()),
    ] {
        let path = dir.path().join(format!("{what}.html"));
        std::fs::write(&path, Html(&g).to_string()).unwrap();
        let url = format!("file://{}", path.display());
        let (dom, console) = chromium_run(&exe, &url, &["--dump-dom"]);
        assert_eq!(
            body_attr(&dom, "data-status").as_deref(),
            Some("ok"),
            "{what}: {:?}",
            body_attr(&dom, "data-error")
        );
        assert!(console.is_empty(), "{what}: console output {console:#?}");
        let count = g.node_count().to_string();
        assert_eq!(body_attr(&dom, "data-nodes"), Some(count.clone()), "{what}");
        assert_eq!(body_attr(&dom, "data-visible-nodes"), Some(count), "{what}");
        if what == "tricky" {
            let (early, console) =
                chromium_run(&exe, &format!("{url}?asof=2011-12-31"), &["--dump-dom"]);
            assert!(console.is_empty(), "{console:#?}");
            let visible: usize = body_attr(&early, "data-visible-nodes")
                .and_then(|n| n.parse().ok())
                .expect("visible count");
            assert!(
                visible > 0 && visible < g.node_count(),
                "as of 2011: {visible} of {}",
                g.node_count()
            );
            assert_eq!(
                body_attr(&early, "data-asof").as_deref(),
                Some("2011-12-31")
            );
        } else {
            let shot = dir.path().join("viewer.png");
            chromium_run(
                &exe,
                &url,
                &[
                    &format!("--screenshot={}", shot.display()),
                    "--window-size=1400,900",
                    "--hide-scrollbars",
                ],
            );
            let png = std::fs::read(&shot).expect("screenshot written");
            assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        }
    }
}

#[test]
fn out_dir_writes_every_format_and_flags_pick_some() {
    let exe = env!("CARGO_BIN_EXE_pipegraph");
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(exe)
        .current_dir(root())
        .args(["build", "data/filings", "--out-dir"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    for o in Output::ALL {
        let p = dir.path().join(o.file_name());
        assert!(p.metadata().is_ok_and(|m| m.len() > 0), "{}", p.display());
    }
    let only = tempfile::tempdir().unwrap();
    let status = Command::new(exe)
        .current_dir(root())
        .args(["build", "data/filings", "--view", "pipeline", "--dot"])
        .arg(only.path().join("p.dot"))
        .arg("--gexf")
        .arg(only.path().join("g.gexf"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut names: Vec<String> = std::fs::read_dir(only.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["g.gexf", "p.dot"]);
    let dot = std::fs::read_to_string(only.path().join("p.dot")).unwrap();
    assert!(dot.starts_with("digraph \"pipegraph_pipeline\""));
    let all = Outputs::all_in(Path::new("x"));
    assert_eq!(all.0.len(), Output::ALL.len());
}

/// Drops Graphviz's version comment, which differs between installs.
fn svg_body(svg: &str) -> String {
    svg.lines()
        .filter(|l| !l.starts_with("<!-- Generated by graphviz"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn committed_graphs_are_fresh() {
    let stale = "graphs/ is stale: run scripts/regen-graphs.sh";
    let exe = env!("CARGO_BIN_EXE_pipegraph");
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(exe)
        .current_dir(root())
        .args(["build", "data/filings", "--out-dir"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    for o in Output::ALL {
        let name = o.file_name();
        let fresh = std::fs::read_to_string(dir.path().join(&name)).unwrap();
        let committed = std::fs::read_to_string(root().join("graphs").join(&name))
            .unwrap_or_else(|e| panic!("graphs/{name}: {e}; {stale}"));
        assert!(fresh == committed, "graphs/{name} differs; {stale}");
    }
    for v in View::ALL {
        let dot = std::fs::read_to_string(dir.path().join(Output::Dot(v).file_name())).unwrap();
        let Some((ok, _, svg)) = render_svg(&dot) else {
            eprintln!("graphviz `dot` not installed: SVG comparison skipped");
            return;
        };
        assert!(ok);
        let name = Output::Dot(v).file_name().replace(".dot", ".svg");
        let committed = std::fs::read_to_string(root().join("graphs").join(&name))
            .unwrap_or_else(|e| panic!("graphs/{name}: {e}; {stale}"));
        assert!(
            svg_body(&svg) == svg_body(&committed),
            "graphs/{name} differs; {stale}"
        );
    }
}
