//! Hand-built `DocFacts` in the style of real filings, shared by the graph and export tests.

use pipegraph::model::*;

/// A document with a registrant and a report date (`YYYY-MM-DD`).
pub fn doc(file: &str, registrant: Option<&str>, date: &str) -> DocFacts {
    DocFacts {
        doc: DocInfo {
            id: format!("doc:{file}"),
            path: format!("data/filings/{file}"),
            registrant: registrant.map(str::to_string),
            registrant_aliases: registrant
                .map(|r| vec![format!("{r}, Inc."), r.to_string()])
                .unwrap_or_default(),
            form: Some("8-K".into()),
            report_date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            items: vec!["8.01".into(), "9.01".into()],
            fiscal_year_end_month: None,
            sha256: format!("{:0>64}", file.len()),
        },
        ..DocFacts::default()
    }
}

/// Evidence in document `d` at byte `start`.
pub fn ev(d: &DocFacts, start: usize, text: &str) -> Evidence {
    Evidence {
        document: d.doc.id.as_str().into(),
        start,
        end: start + text.len(),
        text: text.into(),
    }
}

/// Adds a compound; returns its index.
pub fn compound(d: &mut DocFacts, names: &[&str], start: usize) -> usize {
    let evidence = ev(d, start, &format!("{} is in development.", names[0]));
    d.compounds.push(CompoundFact {
        names: names.iter().map(|s| s.to_string()).collect(),
        evidence,
    });
    d.compounds.len() - 1
}

/// Adds an organization; returns its index.
pub fn org(
    d: &mut DocFacts,
    name: &str,
    aliases: &[&str],
    roles: &[OrgRole],
    parent: Option<&str>,
    start: usize,
) -> usize {
    let evidence = ev(d, start, &format!("An agreement with {name}."));
    d.organizations.push(OrgFact {
        name: name.to_string(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        roles: roles.to_vec(),
        parent: parent.map(str::to_string),
        evidence,
    });
    d.organizations.len() - 1
}

/// Adds a phase event.
pub fn phase_event(
    d: &mut DocFacts,
    compound: usize,
    phase: Option<Phase>,
    status: PhaseStatus,
    date: Option<&str>,
    start: usize,
) {
    let evidence = ev(d, start, "The trial began.");
    d.phase_events.push(PhaseEventFact {
        compound,
        phase,
        status,
        date: date.and_then(FuzzyDate::parse),
        evidence,
    });
}

/// Adds an earned milestone payment of `amount` USD.
pub fn payment(
    d: &mut DocFacts,
    payer: Option<usize>,
    compound: Option<usize>,
    amount: f64,
    date: Option<&str>,
    trigger: Option<Phase>,
    start: usize,
) {
    let evidence = ev(d, start, "A milestone payment was earned.");
    d.payments.push(PaymentFact {
        amount,
        currency: "USD".into(),
        payer,
        payee: None,
        compound,
        trigger_phase: trigger,
        kind: PaymentKind::Milestone,
        status: PaymentStatus::Earned,
        date: date.and_then(FuzzyDate::parse),
        evidence,
    });
}

/// Three filings of one registrant about an ADC licensed to a partner,
/// naming it differently each time, plus a subsidiary and a payment told twice.
pub fn sample() -> Vec<DocFacts> {
    let mut a = doc("001_a.txt", Some("ImmunoGen"), "2011-10-27");
    let c = compound(&mut a, &["T-DM1", "Trastuzumab-DM1"], 100);
    let s = compound(&mut a, &["SAR3419"], 200);
    let reg = org(
        &mut a,
        "ImmunoGen",
        &["ImmunoGen, Inc."],
        &[OrgRole::Registrant],
        None,
        0,
    );
    let san = org(
        &mut a,
        "Sanofi",
        &["sanofi-aventis", "Sanofi"],
        &[OrgRole::Partner],
        None,
        300,
    );
    let genentech = org(
        &mut a,
        "Genentech",
        &["Genentech"],
        &[OrgRole::Partner],
        Some("Roche"),
        400,
    );
    let _ = reg;
    a.targets.push(TargetFact {
        compound: c,
        target: "HER2".into(),
        aliases: vec!["ERBB2".into()],
        evidence: ev(&a, 500, "T-DM1 comprises the HER2-targeting antibody."),
    });
    a.partnerships.push(PartnershipFact {
        compound: c,
        org: genentech,
        relation: "licensed_to".into(),
        evidence: ev(&a, 600, "T-DM1 is licensed to Genentech."),
    });
    a.partnerships.push(PartnershipFact {
        compound: s,
        org: san,
        relation: "licensed_to".into(),
        evidence: ev(&a, 700, "SAR3419 is licensed to Sanofi."),
    });
    phase_event(
        &mut a,
        s,
        Some(Phase::PhaseII),
        PhaseStatus::Achieved,
        Some("2011-10"),
        800,
    );
    payment(
        &mut a,
        Some(san),
        Some(s),
        3_000_000.0,
        Some("2011-10"),
        Some(Phase::PhaseII),
        900,
    );

    let mut b = doc("002_b.txt", Some("ImmunoGen"), "2012-02-01");
    let c = compound(&mut b, &["trastuzumab emtansine", "T-DM1"], 50);
    let s = compound(&mut b, &["SAR3419"], 60);
    let san = org(&mut b, "Sanofi", &["Sanofi"], &[OrgRole::Partner], None, 70);
    phase_event(
        &mut b,
        c,
        Some(Phase::Filed),
        PhaseStatus::Planned,
        Some("2012-H2"),
        80,
    );
    phase_event(
        &mut b,
        s,
        Some(Phase::PhaseII),
        PhaseStatus::Achieved,
        Some("2011-10"),
        90,
    );
    payment(
        &mut b,
        Some(san),
        Some(s),
        3_000_000.0,
        Some("2011-10"),
        None,
        95,
    );
    b.targets.push(TargetFact {
        compound: c,
        target: "HER2".into(),
        aliases: vec![],
        evidence: ev(&b, 99, "HER2-positive."),
    });

    let mut c_doc = doc("003_c.txt", Some("ImmunoGen"), "2013-02-22");
    let k = compound(&mut c_doc, &["Kadcyla", "ado-trastuzumab emtansine"], 10);
    phase_event(
        &mut c_doc,
        k,
        Some(Phase::Approved),
        PhaseStatus::Achieved,
        Some("2013-02-22"),
        20,
    );
    vec![a, b, c_doc]
}

/// Compares `actual` with `tests/snapshots/<name>` and panics with a unified
/// diff when they differ; `UPDATE_SNAPSHOTS=1` rewrites the file instead.
pub fn snapshot(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1)", path.display()));
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, actual);
        panic!(
            "{name} changed (UPDATE_SNAPSHOTS=1 to accept):\n{}",
            diff.unified_diff().header("expected", "actual")
        );
    }
}
