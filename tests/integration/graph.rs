//! Graph building: alias merging, canonical names, stable ids, links and their evidence, accessors.

use crate::common::*;
use pipegraph::export::Json;
use pipegraph::graph::{Direction, LinkDetail, LinkKind, NodeDetail, NodeKind, PipelineGraph};
use pipegraph::model::*;

fn node<'a>(g: &'a PipelineGraph, id: &str) -> &'a pipegraph::graph::Node {
    let n = g.node_by_id(id).unwrap_or_else(|| panic!("no node {id}"));
    g.node(n).unwrap()
}

fn ids(g: &PipelineGraph, kind: NodeKind) -> Vec<String> {
    g.nodes()
        .filter(|(_, n)| n.kind() == kind)
        .map(|(_, n)| n.id.clone())
        .collect()
}

#[test]
fn compound_names_merge_across_documents() {
    let g = PipelineGraph::build(&sample());
    assert_eq!(
        ids(&g, NodeKind::Compound),
        ["compound:sar3419", "compound:trastuzumab-emtansine"]
    );
    let n = node(&g, "compound:trastuzumab-emtansine");
    assert_eq!(n.name, "trastuzumab emtansine");
    assert_eq!(
        n.aliases,
        [
            "Kadcyla",
            "T-DM1",
            "Trastuzumab-DM1",
            "ado-trastuzumab emtansine",
            "trastuzumab emtansine"
        ]
    );
    for alias in ["kadcyla", "T DM1", "ADO-TRASTUZUMAB EMTANSINE"] {
        assert_eq!(
            g.find(NodeKind::Compound, alias),
            g.node_by_id(&n.id),
            "{alias}"
        );
    }
    assert_eq!(g.find(NodeKind::Organization, "T-DM1"), None);
}

#[test]
fn canonical_compound_name_rules() {
    // (aliases per document, expected name)
    let cases: &[(&[&[&str]], &str)] = &[
        (&[&["AB-123", "Zelbrix"]], "AB-123"),
        (&[&["Zelbrix"]], "Zelbrix"),
        (&[&["AB-123", "abtuzumab"], &["AB 123"]], "abtuzumab"),
        // most frequent nonproprietary name first, then shortest
        (
            &[
                &["AB-1", "abtuzumab vedotin"],
                &["ab1", "abtuzumab vedotin"],
                &["AB1", "abtu vedotin"],
            ],
            "abtuzumab vedotin",
        ),
        (&[&["AB-1", "abc-d"], &["ab1", "abcd ef"]], "abc-d"),
    ];
    for (docs, want) in cases {
        let facts: Vec<DocFacts> = docs
            .iter()
            .enumerate()
            .map(|(i, names)| {
                let mut d = doc(&format!("{i}.txt"), None, "2012-01-01");
                compound(&mut d, names, 0);
                d
            })
            .collect();
        let g = PipelineGraph::build(&facts);
        let names: Vec<&str> = g.nodes().map(|(_, n)| n.name.as_str()).collect();
        assert_eq!(names, [*want], "{docs:?}");
    }
}

#[test]
fn organizations_merge_with_roles_and_parents() {
    let g = PipelineGraph::build(&sample());
    assert_eq!(
        ids(&g, NodeKind::Organization),
        ["org:genentech", "org:immunogen", "org:roche", "org:sanofi"]
    );
    let sanofi = node(&g, "org:sanofi");
    assert_eq!(sanofi.aliases, ["Sanofi", "sanofi-aventis"]);
    assert_eq!(sanofi.roles(), [OrgRole::Partner]);
    assert!(node(&g, "org:roche").roles().is_empty());
    let reg = node(&g, "org:immunogen");
    assert_eq!(reg.roles(), [OrgRole::Registrant]);
    assert_eq!(reg.aliases, ["ImmunoGen", "ImmunoGen, Inc."]);
    let genentech = g.node_by_id("org:genentech").unwrap();
    assert_eq!(
        g.neighbors(genentech, LinkKind::SubsidiaryOf, Direction::Outgoing),
        [g.node_by_id("org:roche").unwrap()]
    );
    assert_eq!(
        g.find(NodeKind::Organization, "SANOFI-AVENTIS"),
        g.node_by_id("org:sanofi")
    );
}

#[test]
fn targets_phases_and_partnerships() {
    let g = PipelineGraph::build(&sample());
    let her2 = node(&g, "target:her2");
    assert_eq!(her2.aliases, ["ERBB2", "HER2"]);
    let tdm1 = g.node_by_id("compound:trastuzumab-emtansine").unwrap();
    let targets = g.neighbors(tdm1, LinkKind::Targets, Direction::Outgoing);
    assert_eq!(targets, [g.node_by_id("target:her2").unwrap()]);
    let t = g.links_at(tdm1, Direction::Outgoing);
    let t = t
        .iter()
        .find(|l| l.link.kind() == LinkKind::Targets)
        .unwrap();
    assert_eq!(t.link.evidence.len(), 2, "both documents' sentences");
    assert_eq!(
        t.link.as_of,
        chrono::NaiveDate::from_ymd_opt(2011, 10, 27),
        "earliest report date"
    );
    assert_eq!(
        ids(&g, NodeKind::Phase),
        ["phase:approved", "phase:filed", "phase:phase-ii"]
    );
    let ph = g
        .node(g.find(NodeKind::Phase, "phase ii").unwrap())
        .unwrap();
    assert_eq!(ph.detail, NodeDetail::Phase(Phase::PhaseII));
    let sar = g.node_by_id("compound:sar3419").unwrap();
    let events: Vec<_> = g
        .links_at(sar, Direction::Outgoing)
        .into_iter()
        .filter(|l| l.link.kind() == LinkKind::PhaseEvent)
        .collect();
    assert_eq!(events.len(), 1, "one event told twice is one link");
    assert_eq!(events[0].link.evidence.len(), 2);
    assert_eq!(
        events[0]
            .link
            .evidence
            .iter()
            .map(|e| &*e.document)
            .collect::<Vec<_>>(),
        ["doc:001_a.txt", "doc:002_b.txt"]
    );
    let partners = g.neighbors(sar, LinkKind::PartneredWith, Direction::Outgoing);
    assert_eq!(partners, [g.node_by_id("org:sanofi").unwrap()]);
}

#[test]
fn payment_told_twice_is_one_milestone() {
    let g = PipelineGraph::build(&sample());
    assert_eq!(
        ids(&g, NodeKind::Milestone),
        ["milestone:sanofi-3000000-usd-2011-10"]
    );
    let m = node(&g, "milestone:sanofi-3000000-usd-2011-10");
    let NodeDetail::Milestone(ms) = &m.detail else {
        panic!()
    };
    assert_eq!(ms.amount, 3_000_000.0);
    assert_eq!(ms.trigger_phase, Some(Phase::PhaseII));
    assert_eq!(m.name, "Sanofi USD 3.0M milestone");
    let mid = g.node_by_id(&m.id).unwrap();
    let kinds: Vec<(LinkKind, usize)> = g
        .links_at(mid, Direction::Outgoing)
        .into_iter()
        .chain(g.links_at(mid, Direction::Incoming))
        .map(|l| (l.link.kind(), l.link.evidence.len()))
        .collect();
    assert_eq!(
        kinds,
        [
            (LinkKind::ForCompound, 2),
            (LinkKind::PaidTo, 2),
            (LinkKind::Pays, 2)
        ]
    );
    assert_eq!(
        g.neighbors(mid, LinkKind::PaidTo, Direction::Outgoing),
        [g.node_by_id("org:immunogen").unwrap()],
        "payee defaults to the registrant"
    );
}

#[test]
fn milestone_id_clashes_get_suffixes() {
    let mut d = doc("x.txt", Some("Acme"), "2012-01-01");
    let p = org(&mut d, "Bigpharma", &[], &[OrgRole::Partner], None, 0);
    let a = compound(&mut d, &["XY-1"], 10);
    let b = compound(&mut d, &["XY-2"], 20);
    payment(&mut d, Some(p), Some(b), 1_500_000.5, None, None, 30);
    payment(&mut d, Some(p), Some(a), 1_500_000.5, None, None, 40);
    payment(&mut d, None, None, 250.0, Some("2012-Q1"), None, 50);
    let g = PipelineGraph::build(&[d]);
    assert_eq!(
        ids(&g, NodeKind::Milestone),
        [
            "milestone:bigpharma-1500000-5-usd-nodate",
            "milestone:bigpharma-1500000-5-usd-nodate-2",
            "milestone:unknown-250-usd-2012-q1"
        ]
    );
    let first = g
        .node_by_id("milestone:bigpharma-1500000-5-usd-nodate")
        .unwrap();
    assert_eq!(
        g.neighbors(first, LinkKind::ForCompound, Direction::Outgoing),
        [g.node_by_id("compound:xy-1").unwrap()],
        "clashes resolve in sorted order, not input order"
    );
}

#[test]
fn discontinuation_without_phase() {
    // With a registrant: a `discontinued` link to it.
    let mut d = doc("d.txt", Some("Acme"), "2014-01-15");
    let c = compound(&mut d, &["AC-7"], 0);
    phase_event(
        &mut d,
        c,
        Some(Phase::PhaseI),
        PhaseStatus::Achieved,
        None,
        5,
    );
    phase_event(
        &mut d,
        c,
        None,
        PhaseStatus::Discontinued,
        Some("2014-01"),
        10,
    );
    let g = PipelineGraph::build(std::slice::from_ref(&d));
    let links: Vec<_> = g.links().map(|l| l.link.detail.clone()).collect();
    assert!(links.contains(&LinkDetail::Discontinued {
        date: FuzzyDate::parse("2014-01")
    }));

    // Without: a discontinued phase event on the highest phase reached.
    d.doc.registrant = None;
    phase_event(
        &mut d,
        c,
        Some(Phase::PhaseII),
        PhaseStatus::Ongoing,
        None,
        7,
    );
    phase_event(
        &mut d,
        c,
        Some(Phase::PhaseIII),
        PhaseStatus::Planned,
        None,
        8,
    );
    let g = PipelineGraph::build(std::slice::from_ref(&d));
    let disc: Vec<_> = g
        .links()
        .filter(|l| {
            matches!(
                l.link.detail,
                LinkDetail::PhaseEvent {
                    status: PhaseStatus::Discontinued,
                    ..
                }
            )
        })
        .map(|l| g.node(l.target).unwrap().id.clone())
        .collect();
    assert_eq!(disc, ["phase:phase-ii"]);
    assert_eq!(
        g.links()
            .filter(|l| l.link.kind() == LinkKind::Discontinued)
            .count(),
        0
    );

    // Neither: dropped.
    let mut e = doc("e.txt", None, "2014-01-15");
    let c = compound(&mut e, &["AC-8"], 0);
    phase_event(&mut e, c, None, PhaseStatus::Discontinued, None, 10);
    assert_eq!(PipelineGraph::build(&[e]).link_count(), 0);
}

#[test]
fn out_of_range_indices_are_skipped() {
    let mut d = doc("bad.txt", None, "2012-01-01");
    compound(&mut d, &["ZZ-1"], 0);
    phase_event(
        &mut d,
        7,
        Some(Phase::PhaseI),
        PhaseStatus::Achieved,
        None,
        1,
    );
    payment(&mut d, Some(9), Some(9), 1.0, None, None, 2);
    d.partnerships.push(PartnershipFact {
        compound: 3,
        org: 4,
        relation: "licensed_to".into(),
        evidence: ev(&d, 3, "x"),
    });
    d.subsidiaries.push((5, 6, ev(&d, 4, "y")));
    let g = PipelineGraph::build(&[d]);
    assert_eq!(ids(&g, NodeKind::Compound), ["compound:zz-1"]);
    assert_eq!(
        ids(&g, NodeKind::Milestone),
        ["milestone:unknown-1-usd-nodate"]
    );
    assert_eq!(g.link_count(), 0);
}

/// Reverses and rotates every fact list (fixing up indices), and the documents.
fn shuffled(facts: &[DocFacts]) -> Vec<DocFacts> {
    let mut out: Vec<DocFacts> = facts
        .iter()
        .map(|d| {
            let nc = d.compounds.len();
            let no = d.organizations.len();
            let c = |i: usize| nc - 1 - i;
            let o = |i: usize| no - 1 - i;
            let mut e = d.clone();
            e.compounds.reverse();
            e.organizations.reverse();
            for t in &mut e.targets {
                t.compound = c(t.compound);
            }
            for p in &mut e.partnerships {
                p.compound = c(p.compound);
                p.org = o(p.org);
            }
            for p in &mut e.phase_events {
                p.compound = c(p.compound);
            }
            for p in &mut e.payments {
                p.compound = p.compound.map(c);
                p.payer = p.payer.map(o);
                p.payee = p.payee.map(o);
            }
            for s in &mut e.subsidiaries {
                s.0 = o(s.0);
                s.1 = o(s.1);
            }
            e.targets.reverse();
            let n = 1.min(e.partnerships.len());
            e.partnerships.rotate_left(n);
            e.phase_events.reverse();
            e.payments.reverse();
            e
        })
        .collect();
    out.reverse();
    out
}

#[test]
fn output_does_not_depend_on_input_order() {
    let facts = sample();
    let a = Json(&PipelineGraph::build(&facts)).to_string();
    let b = Json(&PipelineGraph::build(&shuffled(&facts))).to_string();
    similar_asserts(&a, &b);
    assert_eq!(a, Json(&PipelineGraph::build(&facts)).to_string());
}

fn similar_asserts(a: &str, b: &str) {
    if a != b {
        let diff = similar::TextDiff::from_lines(a, b);
        panic!("outputs differ:\n{}", diff.unified_diff().header("a", "b"));
    }
}

#[test]
fn documents_are_listed_sorted() {
    let g = PipelineGraph::build(&shuffled(&sample()));
    let ids: Vec<&str> = g.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["doc:001_a.txt", "doc:002_b.txt", "doc:003_c.txt"]);
}

#[test]
fn slugs() {
    use pipegraph::graph::slug;
    for (name, want) in [
        ("Phase I/II", "phase-i-ii"),
        ("BAY 94-9343", "bay-94-9343"),
        ("FRα", "fra"),
        ("Bayer HealthCare AG", "bayer-healthcare-ag"),
        ("  --Müller®--  ", "muller"),
        ("®", "unnamed"),
    ] {
        assert_eq!(slug(name), want, "{name}");
    }
}

#[test]
fn empty_display_names_fall_back_to_an_alias() {
    let mut d = doc("e.txt", None, "2012-01-01");
    org(&mut d, "", &["Some Pharma"], &[OrgRole::Other], None, 0);
    compound(&mut d, &["", "QX-9"], 5);
    let g = PipelineGraph::build(&[d]);
    let names: Vec<(&str, &str)> = g
        .nodes()
        .map(|(_, n)| (n.id.as_str(), n.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("compound:qx-9", "QX-9"),
            ("org:some-pharma", "Some Pharma")
        ]
    );
}
