//! Rendering of query rows: an aligned text table, JSON or CSV, optionally with each row's evidence sentence and document.
//!
//! Pure string building; the CLI prints the result.

use super::{
    AdvancedRow, CompoundRow, MilestoneReport, MilestoneRow, PartnerRow, TargetRow, TimelineRow,
    TotalRow,
};
use crate::model::FuzzyDate;
use chrono::NaiveDate;
use serde::Serialize;

/// Output format of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns with a header line; `--explain` adds indented evidence lines under each row.
    #[default]
    Table,
    /// A pretty-printed JSON array of row objects (an object for milestones);
    /// `document` and `evidence` fields only with `--explain`.
    Json,
    /// RFC 4180 CSV with a header row, the table's columns, machine-readable
    /// (amounts in units, unknown empty); `--explain` adds `document` and
    /// `evidence` columns. Milestones: payments only, no totals.
    Csv,
}

/// Why rendering failed (never expected in practice: both write to memory).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// JSON serialization failed.
    #[error("cannot render JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV writing failed.
    #[error("cannot render CSV: {0}")]
    Csv(String),
}

/// A row type that renders as a table line.
pub trait Tabular: Serialize {
    /// Column headers, in order.
    const HEADERS: &'static [&'static str];
    /// The cells, one per header, in order.
    fn cells(&self) -> Vec<String>;
    /// The CSV cells: like [`Tabular::cells`] but machine-readable (raw
    /// amounts, event dates without the `by <as-of>` fallback, empty for unknown).
    fn csv_cells(&self) -> Vec<String> {
        self.cells()
            .into_iter()
            .map(|c| if c == "-" { String::new() } else { c })
            .collect()
    }
    /// The evidence: (document id, sentence), when known.
    fn explanation(&self) -> (Option<&str>, Option<&str>);
}

/// Renders rows in a format; with `explain`, each row's evidence too.
///
/// # Errors
/// [`RenderError`] when serialization fails (not expected).
///
/// # Example
/// ```
/// use pipegraph::query::{targets, render::{render, Format}};
/// let g = pipegraph::graph::PipelineGraph::build(&[]);
/// let out = render(&targets(&g), Format::Csv, false).unwrap();
/// assert_eq!(out, "target,compounds,aliases\n");
/// ```
pub fn render<R: Tabular>(
    rows: &[R],
    format: Format,
    explain: bool,
) -> Result<String, RenderError> {
    match format {
        Format::Table => Ok(table(rows, explain)),
        Format::Json => json(&rows, explain),
        Format::Csv => csv(rows, explain),
    }
}

/// Renders a milestone report: payments then totals (table), one object
/// `{"payments": [...], "totals": [...]}` (JSON), or the payments only (CSV).
///
/// # Errors
/// [`RenderError`] when serialization fails (not expected).
pub fn render_milestones(
    r: &MilestoneReport,
    format: Format,
    explain: bool,
) -> Result<String, RenderError> {
    match format {
        Format::Table => Ok(format!(
            "{}\nTotals per payer and currency\n{}",
            table(&r.payments, explain),
            table(&r.totals, false)
        )),
        Format::Json => json(r, explain),
        Format::Csv => csv(&r.payments, explain),
    }
}

fn table<R: Tabular>(rows: &[R], explain: bool) -> String {
    let lines: Vec<Vec<String>> = rows.iter().map(Tabular::cells).collect();
    let mut widths: Vec<usize> = R::HEADERS.iter().map(|h| h.chars().count()).collect();
    for l in &lines {
        for (w, c) in widths.iter_mut().zip(l) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(w - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let headers: Vec<String> = R::HEADERS.iter().map(|h| h.to_uppercase()).collect();
    let mut out = line(&headers);
    if rows.is_empty() {
        out.push_str("(none)\n");
    }
    for (row, cells) in rows.iter().zip(&lines) {
        out.push_str(&line(cells));
        if explain {
            let (doc, text) = row.explanation();
            out.push_str(&format!(
                "    \"{}\"\n    [{}]\n",
                text.unwrap_or("(no evidence)"),
                doc.unwrap_or("unknown document")
            ));
        }
    }
    out
}

fn json<T: Serialize + ?Sized>(value: &T, explain: bool) -> Result<String, RenderError> {
    let mut v = serde_json::to_value(value)?;
    if !explain {
        strip_evidence(&mut v);
    }
    let mut s = serde_json::to_string_pretty(&v)?;
    s.push('\n');
    Ok(s)
}

/// Removes `document` and `evidence` keys from every object, recursively.
fn strip_evidence(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("document");
            m.remove("evidence");
            m.values_mut().for_each(strip_evidence);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_evidence),
        _ => {}
    }
}

fn csv<R: Tabular>(rows: &[R], explain: bool) -> Result<String, RenderError> {
    let err = |e: &dyn std::fmt::Display| RenderError::Csv(e.to_string());
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut headers: Vec<&str> = R::HEADERS.to_vec();
    if explain {
        headers.extend(["document", "evidence"]);
    }
    w.write_record(&headers).map_err(|e| err(&e))?;
    for r in rows {
        let mut cells = r.csv_cells();
        if explain {
            let (doc, text) = r.explanation();
            cells.push(doc.unwrap_or_default().to_string());
            cells.push(text.unwrap_or_default().to_string());
        }
        w.write_record(&cells).map_err(|e| err(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| err(&e))?;
    String::from_utf8(bytes).map_err(|e| err(&e))
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or("-".to_string(), ToString::to_string)
}

/// The event date, else `by <as-of>`, else `-`.
fn when(date: Option<FuzzyDate>, as_of: Option<NaiveDate>) -> String {
    match (date, as_of) {
        (Some(d), _) => d.to_string(),
        (None, Some(a)) => format!("by {a}"),
        (None, None) => "-".to_string(),
    }
}

fn raw<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or(String::new(), ToString::to_string)
}

/// An amount for people: `3.0 million`, `2.25 million`, `1.2 billion`, `500,000`.
///
/// # Example
/// ```
/// use pipegraph::query::render::amount;
/// assert_eq!(amount(3_000_000.0), "3.0 million");
/// assert_eq!(amount(2_250_000.0), "2.25 million");
/// assert_eq!(amount(500_000.0), "500,000");
/// ```
pub fn amount(a: f64) -> String {
    let scaled = |v: f64, unit: &str| {
        let mut s = format!("{v:.3}");
        while s.ends_with('0') && !s.ends_with(".0") {
            s.pop();
        }
        format!("{s} {unit}")
    };
    if a.abs() >= 1e9 {
        scaled(a / 1e9, "billion")
    } else if a.abs() >= 1e6 {
        scaled(a / 1e6, "million")
    } else {
        let whole = format!("{:.0}", a.abs());
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if a < 0.0 { format!("-{out}") } else { out }
    }
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "-".to_string()
    } else {
        v.join(", ")
    }
}

impl Tabular for AdvancedRow {
    const HEADERS: &'static [&'static str] = &["compound", "phase", "first reached", "as of"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.compound.clone(),
            self.phase.to_string(),
            when(self.first_reached, self.as_of),
            opt(&self.as_of),
        ]
    }
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.compound.clone(),
            self.phase.to_string(),
            raw(&self.first_reached),
            raw(&self.as_of),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (self.document.as_deref(), self.evidence.as_deref())
    }
}

impl Tabular for TimelineRow {
    const HEADERS: &'static [&'static str] = &["date", "kind", "event", "as of"];
    fn cells(&self) -> Vec<String> {
        vec![
            when(self.date, self.as_of),
            self.kind.name().to_string(),
            self.what.clone(),
            opt(&self.as_of),
        ]
    }
    fn csv_cells(&self) -> Vec<String> {
        vec![
            raw(&self.date),
            self.kind.name().to_string(),
            self.what.clone(),
            raw(&self.as_of),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (self.document.as_deref(), self.evidence.as_deref())
    }
}

impl Tabular for MilestoneRow {
    const HEADERS: &'static [&'static str] = &[
        "date", "payer", "compound", "amount", "currency", "kind", "status", "trigger",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            when(self.date, self.as_of),
            opt(&self.payer),
            opt(&self.compound),
            amount(self.amount),
            self.currency.clone(),
            self.kind.name().to_string(),
            self.status.name().to_string(),
            opt(&self.trigger),
        ]
    }
    fn csv_cells(&self) -> Vec<String> {
        vec![
            raw(&self.date),
            raw(&self.payer),
            raw(&self.compound),
            self.amount.to_string(),
            self.currency.clone(),
            self.kind.name().to_string(),
            self.status.name().to_string(),
            raw(&self.trigger),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (self.document.as_deref(), self.evidence.as_deref())
    }
}

impl Tabular for TotalRow {
    const HEADERS: &'static [&'static str] =
        &["payer", "currency", "earned", "potential", "payments"];
    fn cells(&self) -> Vec<String> {
        vec![
            opt(&self.payer),
            self.currency.clone(),
            amount(self.earned),
            amount(self.potential),
            self.count.to_string(),
        ]
    }
    fn csv_cells(&self) -> Vec<String> {
        vec![
            raw(&self.payer),
            self.currency.clone(),
            self.earned.to_string(),
            self.potential.to_string(),
            self.count.to_string(),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (None, None)
    }
}

impl Tabular for CompoundRow {
    const HEADERS: &'static [&'static str] = &[
        "compound",
        "highest phase",
        "since",
        "targets",
        "partners",
        "discontinued",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.compound.clone(),
            opt(&self.highest_phase),
            opt(&self.since),
            list(&self.targets),
            list(&self.partners),
            if self.discontinued { "yes" } else { "" }.to_string(),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (self.document.as_deref(), self.evidence.as_deref())
    }
}

impl Tabular for PartnerRow {
    const HEADERS: &'static [&'static str] = &["organization", "parent", "compounds", "relations"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.organization.clone(),
            list(&self.parents),
            list(&self.compounds),
            list(&self.relations),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (self.document.as_deref(), self.evidence.as_deref())
    }
}

impl Tabular for TargetRow {
    const HEADERS: &'static [&'static str] = &["target", "compounds", "aliases"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.target.clone(),
            list(&self.compounds),
            list(&self.aliases),
        ]
    }
    fn explanation(&self) -> (Option<&str>, Option<&str>) {
        (self.document.as_deref(), self.evidence.as_deref())
    }
}
