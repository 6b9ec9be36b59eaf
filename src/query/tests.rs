//! Unit tests of the queries on small hand-built graphs.

use super::render::{Format, render, render_milestones};
use super::*;
use crate::model::{
    CompoundFact, DocFacts, DocInfo, OrgFact, OrgRole, PartnershipFact, PaymentFact,
    PhaseEventFact, TargetFact,
};

fn doc(file: &str, date: &str) -> DocFacts {
    DocFacts {
        doc: DocInfo {
            id: format!("doc:{file}"),
            path: file.to_string(),
            registrant: Some("ImmunoGen".into()),
            registrant_aliases: vec!["ImmunoGen, Inc.".into()],
            report_date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            ..DocInfo::default()
        },
        ..DocFacts::default()
    }
}

/// Evidence with a fresh offset, so every sentence is distinct.
fn ev(d: &DocFacts, text: &str) -> Evidence {
    let start = 100 * (d.compounds.len() + d.organizations.len() + d.phase_events.len())
        + 10 * (d.payments.len() + d.partnerships.len() + d.targets.len());
    Evidence {
        document: d.doc.id.as_str().into(),
        start,
        end: start + text.len(),
        text: text.into(),
    }
}

fn comp(d: &mut DocFacts, names: &[&str]) -> usize {
    let evidence = ev(d, &format!("{} is a compound.", names[0]));
    d.compounds.push(CompoundFact {
        names: names.iter().map(|s| s.to_string()).collect(),
        evidence,
    });
    d.compounds.len() - 1
}

fn org(d: &mut DocFacts, name: &str, aliases: &[&str], parent: Option<&str>) -> usize {
    let evidence = ev(d, &format!("{name} is a partner."));
    d.organizations.push(OrgFact {
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        roles: vec![OrgRole::Partner],
        parent: parent.map(str::to_string),
        evidence,
    });
    d.organizations.len() - 1
}

fn phase(d: &mut DocFacts, c: usize, p: Phase, s: PhaseStatus, date: Option<&str>, text: &str) {
    let evidence = ev(d, text);
    d.phase_events.push(PhaseEventFact {
        compound: c,
        phase: Some(p),
        status: s,
        date: date.and_then(FuzzyDate::parse),
        evidence,
    });
}

#[allow(clippy::too_many_arguments)]
fn pay(
    d: &mut DocFacts,
    payer: usize,
    c: usize,
    amount: f64,
    status: PaymentStatus,
    trigger: Option<Phase>,
    date: Option<&str>,
    text: &str,
) {
    let evidence = ev(d, text);
    d.payments.push(PaymentFact {
        amount,
        currency: "USD".into(),
        payer: Some(payer),
        payee: None,
        compound: Some(c),
        trigger_phase: trigger,
        kind: PaymentKind::Milestone,
        status,
        date: date.and_then(FuzzyDate::parse),
        evidence,
    });
}

fn partner(d: &mut DocFacts, c: usize, o: usize, relation: &str) {
    let evidence = ev(d, "It is licensed.");
    d.partnerships.push(PartnershipFact {
        compound: c,
        org: o,
        relation: relation.into(),
        evidence,
    });
}

fn target(d: &mut DocFacts, c: usize, t: &str) {
    let evidence = ev(d, &format!("It targets {t}."));
    d.targets.push(TargetFact {
        compound: c,
        target: t.into(),
        aliases: Vec::new(),
        evidence,
    });
}

use PhaseStatus::{Achieved, Ongoing, Planned};

/// Three filings over five years:
/// - 2008: T-DM1 (Genentech, a Roche company) began Phase II in 2007-07;
///   SAR3419 (sanofi-aventis) is in Phase I; IMGN901 is in Phase I.
/// - 2011: SAR3419 began Phase II 2011-10 ($3M milestone); IMGN901 plans
///   Phase II in early 2012; T-DM1 is in Phase III (no date), and Phase II
///   is told with a conflicting date (2007-08).
/// - 2013: IMGN901 Phase II began 2012-03 (supersedes the plan); T-DM1
///   approved 2013-02; a potential $5M Sanofi milestone.
fn corpus() -> Vec<DocFacts> {
    let mut a = doc("a.txt", "2008-01-31");
    let t = comp(&mut a, &["T-DM1", "Trastuzumab-DM1"]);
    let s = comp(&mut a, &["SAR3419"]);
    let n = comp(&mut a, &["IMGN901"]);
    let gen_ = org(&mut a, "Genentech", &[], Some("Roche"));
    let san = org(&mut a, "Sanofi", &["sanofi-aventis"], None);
    partner(&mut a, t, gen_, "developed_by");
    partner(&mut a, s, san, "licensed_to");
    target(&mut a, t, "HER2");
    target(&mut a, s, "CD19");
    phase(
        &mut a,
        t,
        Phase::PhaseII,
        Achieved,
        Some("2007-07"),
        "In July 2007 Genentech initiated a Phase II study of T-DM1.",
    );
    phase(
        &mut a,
        s,
        Phase::PhaseI,
        Ongoing,
        None,
        "SAR3419 is in Phase I.",
    );
    phase(
        &mut a,
        n,
        Phase::PhaseI,
        Ongoing,
        None,
        "IMGN901 is in Phase I.",
    );
    pay(
        &mut a,
        san,
        s,
        1e6,
        PaymentStatus::Earned,
        Some(Phase::PhaseI),
        Some("2007-Q4"),
        "A $1.0 million milestone for SAR3419 Phase I.",
    );

    let mut b = doc("b.txt", "2011-10-27");
    let t = comp(&mut b, &["trastuzumab emtansine", "T-DM1"]);
    let s = comp(&mut b, &["SAR3419"]);
    let n = comp(&mut b, &["lorvotuzumab mertansine", "IMGN901"]);
    let san = org(&mut b, "Sanofi", &[], None);
    phase(
        &mut b,
        s,
        Phase::PhaseII,
        Achieved,
        Some("2011-10"),
        "Phase II testing of SAR3419 began in October 2011.",
    );
    // Same fact without a date: the dated one must win ("2011-10", not "by 2011-10-27").
    phase(
        &mut b,
        s,
        Phase::PhaseII,
        Achieved,
        None,
        "Recent progress includes advancement of SAR3419 to Phase II testing.",
    );
    phase(
        &mut b,
        n,
        Phase::PhaseII,
        Planned,
        Some("2012-H1"),
        "Phase II of IMGN901 is on track to begin in early 2012.",
    );
    phase(
        &mut b,
        t,
        Phase::PhaseIII,
        Ongoing,
        None,
        "T-DM1 is in Phase III testing.",
    );
    phase(
        &mut b,
        t,
        Phase::PhaseII,
        Achieved,
        Some("2007-08"),
        "T-DM1 entered Phase II in August 2007.",
    );
    pay(
        &mut b,
        san,
        s,
        3e6,
        PaymentStatus::Earned,
        Some(Phase::PhaseII),
        Some("2011-10"),
        "triggering a $3 million milestone.",
    );

    let mut c = doc("c.txt", "2013-04-07");
    let t = comp(&mut c, &["Kadcyla", "ado-trastuzumab emtansine"]);
    let s = comp(&mut c, &["SAR3419"]);
    let n = comp(&mut c, &["IMGN901"]);
    let roche = org(&mut c, "Roche", &[], None);
    let san = org(&mut c, "Sanofi", &[], None);
    phase(
        &mut c,
        n,
        Phase::PhaseII,
        Achieved,
        Some("2012-03"),
        "IMGN901 began Phase II in March 2012.",
    );
    phase(
        &mut c,
        t,
        Phase::Approved,
        Achieved,
        Some("2013-02"),
        "Kadcyla was approved in February 2013.",
    );
    pay(
        &mut c,
        roche,
        t,
        5e6,
        PaymentStatus::Earned,
        Some(Phase::Approved),
        None,
        "A $5.0 million milestone from Roche.",
    );
    pay(
        &mut c,
        san,
        s,
        5e6,
        PaymentStatus::Potential,
        Some(Phase::PhaseIII),
        None,
        "ImmunoGen may earn $5 million more.",
    );
    vec![a, b, c]
}

fn graph() -> PipelineGraph {
    PipelineGraph::build(&corpus())
}

/// Compares summary lines with the expected ones, showing both on failure.
fn check(got: Vec<String>, want: &[&str]) {
    assert_eq!(got, want, "\n got: {got:#?}\nwant: {want:#?}");
}

fn adv(
    g: &PipelineGraph,
    to: Phase,
    exact: bool,
    dates: DateRange,
    partner: Option<&str>,
) -> Vec<String> {
    let q = AdvancedQuery {
        to,
        exact,
        dates,
        partner: partner.map(str::to_string),
    };
    advanced(g, &q)
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.compound,
                r.phase,
                r.first_reached.map_or("-".into(), |d| d.to_string()),
                r.document.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

fn range(since: Option<&str>, until: Option<&str>) -> DateRange {
    DateRange {
        since: since.and_then(FuzzyDate::parse),
        until: until.and_then(FuzzyDate::parse),
    }
}

#[test]
fn advanced_counts_reached_facts_and_the_earliest_date() {
    let g = graph();
    check(
        adv(&g, Phase::PhaseII, false, DateRange::default(), None),
        &[
            "trastuzumab emtansine Phase II 2007-07 doc:a.txt",
            "SAR3419 Phase II 2011-10 doc:b.txt",
            "lorvotuzumab mertansine Phase II 2012-03 doc:c.txt",
        ],
    );
    // Phase III ongoing has no event date: first seen as of the 2011 report.
    check(
        adv(&g, Phase::PhaseIII, true, DateRange::default(), None),
        &["trastuzumab emtansine Phase III - doc:b.txt"],
    );
    check(
        adv(&g, Phase::PhaseIII, false, DateRange::default(), None),
        &["trastuzumab emtansine Phase III - doc:b.txt"],
    );
}

#[test]
fn planned_never_counts_until_superseded() {
    // Without the 2013 filing, IMGN901 only plans Phase II.
    let mut docs = corpus();
    docs.pop();
    let g = PipelineGraph::build(&docs);
    let rows = adv(&g, Phase::PhaseII, false, DateRange::default(), None);
    assert!(
        !rows.iter().any(|r| r.starts_with("lorvotuzumab")),
        "{rows:?}"
    );
    let h = phase_history(&g, "IMGN901").unwrap();
    let plan = h.iter().find(|r| r.status == Planned).unwrap();
    assert!(!plan.superseded);
    let best = highest_phase(&g, "IMGN901", None).unwrap().unwrap();
    assert_eq!(best.phase, Phase::PhaseI);

    // The 2013 filing reports the event: the plan stays, superseded.
    let g = graph();
    let h = phase_history(&g, "IMGN901").unwrap();
    let plan = h.iter().find(|r| r.status == Planned).unwrap();
    assert!(plan.superseded);
    assert_eq!(plan.date, FuzzyDate::parse("2012-H1"));
    let tl = timeline(&g, "IMGN901").unwrap();
    assert!(tl.iter().any(|r| r.what == "Phase II planned (superseded)"));
}

#[test]
fn history_is_ordered_and_keeps_conflicting_facts() {
    let g = graph();
    let h: Vec<String> = phase_history(&g, "Kadcyla")
        .unwrap()
        .iter()
        .map(|r| format!("{} {} {}", r.phase, r.status, r.effective_date().unwrap()))
        .collect();
    check(
        h,
        &[
            "Phase II achieved 2007-07",
            "Phase II achieved 2007-08",
            "Phase III ongoing 2011-10-27",
            "Approved achieved 2013-02",
        ],
    );
}

#[test]
fn highest_phase_as_of_a_date() {
    let g = graph();
    let at = |c: &str, d: Option<&str>| {
        highest_phase(&g, c, d.and_then(FuzzyDate::parse))
            .unwrap()
            .map(|r| r.phase.to_string())
    };
    assert_eq!(at("SAR3419", Some("2007")), None);
    assert_eq!(
        at("SAR3419", Some("2008-01-31")).as_deref(),
        Some("Phase I")
    );
    assert_eq!(at("SAR3419", Some("2011-09")).as_deref(), Some("Phase I"));
    assert_eq!(at("SAR3419", Some("2011-10")).as_deref(), Some("Phase II"));
    assert_eq!(
        at("T-DM1", Some("2012-06-30")).as_deref(),
        Some("Phase III")
    );
    assert_eq!(at("T-DM1", None).as_deref(), Some("Approved"));
    let rows = compounds(
        &g,
        &CompoundQuery {
            as_of: FuzzyDate::parse("2012-06-30"),
            phase: Some(Phase::PhaseII),
            ..CompoundQuery::default()
        },
    )
    .unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r.compound.as_str()).collect();
    assert_eq!(names, ["SAR3419", "lorvotuzumab mertansine"]);
}

#[test]
fn dates_and_partner_filters() {
    let g = graph();
    check(
        adv(
            &g,
            Phase::PhaseII,
            false,
            range(Some("2011"), Some("2011-12-31")),
            None,
        ),
        &["SAR3419 Phase II 2011-10 doc:b.txt"],
    );
    check(
        adv(
            &g,
            Phase::PhaseII,
            false,
            range(Some("2011-11"), None),
            None,
        ),
        &["lorvotuzumab mertansine Phase II 2012-03 doc:c.txt"],
    );
    // Genentech is a Roche company: a Roche filter matches its compounds.
    check(
        adv(
            &g,
            Phase::PhaseII,
            false,
            DateRange::default(),
            Some("Roche"),
        ),
        &["trastuzumab emtansine Phase II 2007-07 doc:a.txt"],
    );
    check(
        adv(
            &g,
            Phase::PhaseII,
            false,
            DateRange::default(),
            Some("sanofi-aventis"),
        ),
        &["SAR3419 Phase II 2011-10 doc:b.txt"],
    );
}

#[test]
fn any_alias_finds_a_compound() {
    let g = graph();
    for name in [
        "T-DM1",
        "trastuzumab-dm1",
        "Kadcyla",
        "ADO-TRASTUZUMAB EMTANSINE",
    ] {
        let tl = timeline(&g, name).unwrap();
        assert!(
            tl.iter().any(|r| r.what == "Approved achieved"),
            "{name}: {tl:#?}"
        );
    }
    let tl = timeline(&g, "lorvotuzumab mertansine").unwrap();
    assert!(!tl.is_empty());
}

#[test]
fn unknown_names_suggest_the_closest() {
    let g = graph();
    match timeline(&g, "T-DM2") {
        Err(QueryError::UnknownName {
            kind, suggestions, ..
        }) => {
            assert_eq!(kind, "compound");
            assert_eq!(
                suggestions.first().map(String::as_str),
                Some("trastuzumab emtansine")
            );
        }
        other => panic!("{other:?}"),
    }
    let e = milestones(
        &g,
        &MilestoneQuery {
            partner: Some("Sanofy".into()),
            ..MilestoneQuery::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("closest known: Sanofi"), "{e}");
    assert!(
        compounds(
            &g,
            &CompoundQuery {
                target: Some("HER3".into()),
                ..Default::default()
            }
        )
        .is_err()
    );
    assert!(matches!(
        parse_phase("Phase 9"),
        Err(QueryError::BadPhase(_))
    ));
    assert!(matches!(parse_date("2012-13"), Err(QueryError::BadDate(_))));
}

#[test]
fn timeline_has_phases_payments_and_partners_in_order() {
    let g = graph();
    let tl: Vec<String> = timeline(&g, "T-DM1")
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.kind.name(), r.what))
        .collect();
    check(
        tl,
        &[
            "phase Phase II achieved",
            "phase Phase II achieved",
            "partner Genentech (developed_by)",
            "phase Phase III ongoing",
            "phase Approved achieved",
            "payment Roche USD 5.0M milestone earned (trigger Approved)",
        ],
    );
}

#[test]
fn milestones_with_totals_per_payer_and_currency() {
    let g = graph();
    let r = milestones(
        &g,
        &MilestoneQuery {
            partner: Some("sanofi-aventis".into()),
            ..MilestoneQuery::default()
        },
    )
    .unwrap();
    let rows: Vec<String> = r.payments.iter().map(|p| p.describe()).collect();
    check(
        rows,
        &[
            "Sanofi USD 1.0M milestone earned (trigger Phase I)",
            "Sanofi USD 3.0M milestone earned (trigger Phase II)",
            "Sanofi USD 5.0M milestone potential (trigger Phase III)",
        ],
    );
    assert_eq!(r.totals.len(), 1);
    assert_eq!(
        (r.totals[0].earned, r.totals[0].potential, r.totals[0].count),
        (4e6, 5e6, 3)
    );

    let all = milestones(&g, &MilestoneQuery::default()).unwrap();
    let payers: Vec<_> = all
        .totals
        .iter()
        .map(|t| t.payer.clone().unwrap())
        .collect();
    assert_eq!(payers, ["Roche", "Sanofi"]);
    let by_compound = milestones(
        &g,
        &MilestoneQuery {
            compound: Some("Kadcyla".into()),
            dates: range(None, Some("2013-12")),
            ..MilestoneQuery::default()
        },
    )
    .unwrap();
    assert_eq!(by_compound.payments.len(), 1);
    assert_eq!(
        by_compound.payments[0].as_of,
        NaiveDate::from_ymd_opt(2013, 4, 7)
    );
}

#[test]
fn partners_and_targets() {
    let g = graph();
    let p: Vec<String> = partners(&g, Some("SAR3419"))
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.organization, r.relations.join("+")))
        .collect();
    check(p, &["Sanofi licensed_to+pays"]);
    let all = partners(&g, None).unwrap();
    let gen_ = all.iter().find(|r| r.organization == "Genentech").unwrap();
    assert_eq!(gen_.parents, ["Roche"]);
    let t: Vec<String> = targets(&g)
        .iter()
        .map(|r| format!("{} {}", r.target, r.compounds.join("+")))
        .collect();
    check(t, &["CD19 SAR3419", "HER2 trastuzumab emtansine"]);
}

#[test]
fn csv_and_json_shapes() {
    let g = graph();
    let q = AdvancedQuery {
        to: Phase::PhaseII,
        exact: true,
        dates: range(Some("2011"), Some("2011")),
        partner: None,
    };
    let rows = advanced(&g, &q).unwrap();
    let csv = render(&rows, Format::Csv, false).unwrap();
    assert_eq!(
        csv,
        "compound,phase,first reached,as of\nSAR3419,Phase II,2011-10,2011-10-27\n"
    );
    let csv = render(&rows, Format::Csv, true).unwrap();
    assert_eq!(
        csv,
        "compound,phase,first reached,as of,document,evidence\n\
         SAR3419,Phase II,2011-10,2011-10-27,doc:b.txt,Phase II testing of SAR3419 began in October 2011.\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&rows, Format::Json, false).unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{"compound": "SAR3419", "phase": "Phase II", "first_reached": "2011-10", "as_of": "2011-10-27"}])
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&rows, Format::Json, true).unwrap()).unwrap();
    assert_eq!(json[0]["document"], "doc:b.txt");
    let table = render(&rows, Format::Table, true).unwrap();
    assert_eq!(
        table,
        "COMPOUND  PHASE     FIRST REACHED  AS OF\n\
         SAR3419   Phase II  2011-10        2011-10-27\n    \
         \"Phase II testing of SAR3419 began in October 2011.\"\n    [doc:b.txt]\n"
    );
    let r = milestones(&g, &MilestoneQuery::default()).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&render_milestones(&r, Format::Json, false).unwrap()).unwrap();
    assert_eq!(json["payments"].as_array().unwrap().len(), 4);
    assert_eq!(json["payments"][0]["amount"], 1e6);
    assert_eq!(json["payments"][0]["kind"], "milestone");
    assert_eq!(json["totals"][1]["earned"], 4e6);
    let csv = render_milestones(&r, Format::Csv, false).unwrap();
    assert_eq!(csv.lines().count(), 5);
    assert!(
        csv.contains(",SAR3419,1000000,USD,milestone,earned,Phase I\n"),
        "{csv}"
    );
    assert!(
        render(&targets(&g), Format::Table, false)
            .unwrap()
            .starts_with("TARGET")
    );
}

#[test]
fn empty_graph_and_odd_arguments_never_panic() {
    let g = PipelineGraph::build(&[]);
    assert!(
        adv(
            &g,
            Phase::Approved,
            false,
            range(Some("1000"), Some("9999-12-31")),
            None
        )
        .is_empty()
    );
    assert!(compounds(&g, &CompoundQuery::default()).unwrap().is_empty());
    assert_eq!(
        render(&Vec::<AdvancedRow>::new(), Format::Table, false).unwrap(),
        "COMPOUND  PHASE  FIRST REACHED  AS OF\n(none)\n"
    );
    assert!(
        DateRange {
            since: FuzzyDate::parse("9999"),
            until: FuzzyDate::parse("1000")
        }
        .contains(Some(FuzzyDate::Year(2000)))
        .eq(&false)
    );
    assert_eq!(
        last_day(FuzzyDate::Month(2012, 2)),
        NaiveDate::from_ymd_opt(2012, 2, 29).unwrap()
    );
    assert_eq!(
        last_day(FuzzyDate::Quarter(2012, 4)),
        NaiveDate::from_ymd_opt(2012, 12, 31).unwrap()
    );
}
