//! The shared vocabulary: phases, statuses, dates, money kinds, evidence and the per-document facts that extraction hands to the graph.
//!
//! Every other module speaks in these types. Nothing here does I/O.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A development stage, ordered from earliest to latest.
///
/// The names and ranks are those of `GRAPH_JSON.md` (version 1):
/// `rank` 0 is `Preclinical`, 8 is `Approved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Phase {
    /// Before any clinical-trial filing.
    Preclinical,
    /// An IND (or CTA / first-trial ethics approval) submitted, cleared or active.
    Ind,
    /// Phase I (`Phase 1`, `Phase Ib`, first-in-human, entering the clinic).
    PhaseI,
    /// A combined Phase I/II trial (`Phase 1/2`, `Phase 1b/2`).
    PhaseI2,
    /// Phase II (`Phase 2`, `Phase IIa`, `Phase IIb`).
    PhaseII,
    /// A combined Phase II/III trial.
    PhaseII3,
    /// Phase III (`pivotal Phase 3`, registrational Phase III).
    PhaseIII,
    /// A marketing application (BLA, NDA, MAA) submitted or accepted.
    Filed,
    /// Approved for marketing by a regulator.
    Approved,
}

impl Phase {
    /// All phases in rank order.
    pub const ALL: [Phase; 9] = [
        Phase::Preclinical,
        Phase::Ind,
        Phase::PhaseI,
        Phase::PhaseI2,
        Phase::PhaseII,
        Phase::PhaseII3,
        Phase::PhaseIII,
        Phase::Filed,
        Phase::Approved,
    ];

    /// The exact phase name of `GRAPH_JSON.md`, e.g. `"Phase I/II"`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Preclinical => "Preclinical",
            Phase::Ind => "IND",
            Phase::PhaseI => "Phase I",
            Phase::PhaseI2 => "Phase I/II",
            Phase::PhaseII => "Phase II",
            Phase::PhaseII3 => "Phase II/III",
            Phase::PhaseIII => "Phase III",
            Phase::Filed => "Filed",
            Phase::Approved => "Approved",
        }
    }

    /// The rank of `GRAPH_JSON.md`: 0 (`Preclinical`) to 8 (`Approved`).
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// Parses a phase name as users type it: `"Phase II"`, `"phase 2"`,
    /// `"Phase 1/2"`, `"IND"`, `"approved"`. Case and roman/arabic numerals
    /// do not matter. Returns `None` for anything else.
    ///
    /// # Example
    /// ```
    /// use pipegraph::model::Phase;
    /// assert_eq!(Phase::parse("phase 2"), Some(Phase::PhaseII));
    /// assert_eq!(Phase::parse("Phase I/II"), Some(Phase::PhaseI2));
    /// assert_eq!(Phase::parse("warp 9"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Phase> {
        let t: String = s
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let t = t.strip_prefix("phase").unwrap_or(&t);
        Some(match t {
            "preclinical" => Phase::Preclinical,
            "ind" => Phase::Ind,
            "i" | "1" => Phase::PhaseI,
            "i/ii" | "1/2" => Phase::PhaseI2,
            "ii" | "2" => Phase::PhaseII,
            "ii/iii" | "2/3" => Phase::PhaseII3,
            "iii" | "3" => Phase::PhaseIII,
            "filed" => Phase::Filed,
            "approved" | "approval" => Phase::Approved,
            _ => return None,
        })
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a compound stands relative to a phase, per `GUIDELINES.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhaseStatus {
    /// The transition into the phase happened by the report date.
    Achieved,
    /// The compound is in the phase at the report date.
    Ongoing,
    /// A trial of that phase finished.
    Completed,
    /// Forward-looking: expected, planned, on track.
    Planned,
    /// Development stopped.
    Discontinued,
}

impl PhaseStatus {
    /// The lowercase name used in JSON and DOT (`"achieved"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            PhaseStatus::Achieved => "achieved",
            PhaseStatus::Ongoing => "ongoing",
            PhaseStatus::Completed => "completed",
            PhaseStatus::Planned => "planned",
            PhaseStatus::Discontinued => "discontinued",
        }
    }

    /// True for statuses that mean the phase was reached
    /// (`achieved`, `ongoing`, `completed`).
    pub fn is_reached(self) -> bool {
        matches!(
            self,
            PhaseStatus::Achieved | PhaseStatus::Ongoing | PhaseStatus::Completed
        )
    }
}

impl fmt::Display for PhaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A calendar date as precise as the text allows.
///
/// Displays as `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn` or `YYYY`
/// (the date strings of `GRAPH_JSON.md`). Ordered by first day, then by
/// precision (a day sorts before the month that holds it, a month before
/// the quarter that starts with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuzzyDate {
    /// A day: year, month 1–12, day 1–31.
    Day(i32, u32, u32),
    /// A month: year, month 1–12.
    Month(i32, u32),
    /// A calendar quarter: year, quarter 1–4.
    Quarter(i32, u32),
    /// A calendar half: year, half 1–2.
    Half(i32, u32),
    /// A year.
    Year(i32),
}

impl FuzzyDate {
    /// The first month covered (year, month 1–12).
    pub fn first_month(self) -> (i32, u32) {
        match self {
            FuzzyDate::Day(y, m, _) | FuzzyDate::Month(y, m) => (y, m),
            FuzzyDate::Quarter(y, q) => (y, 3 * q - 2),
            FuzzyDate::Half(y, h) => (y, 6 * h - 5),
            FuzzyDate::Year(y) => (y, 1),
        }
    }

    /// The last month covered (year, month 1–12).
    pub fn last_month(self) -> (i32, u32) {
        match self {
            FuzzyDate::Day(y, m, _) | FuzzyDate::Month(y, m) => (y, m),
            FuzzyDate::Quarter(y, q) => (y, 3 * q),
            FuzzyDate::Half(y, h) => (y, 6 * h),
            FuzzyDate::Year(y) => (y, 12),
        }
    }

    fn sort_key(self) -> (i32, u32, u8, u32) {
        let (y, m) = self.first_month();
        let (p, d) = match self {
            FuzzyDate::Day(_, _, d) => (0, d),
            FuzzyDate::Month(..) => (1, 1),
            FuzzyDate::Quarter(..) => (2, 1),
            FuzzyDate::Half(..) => (3, 1),
            FuzzyDate::Year(..) => (4, 1),
        };
        (y, m, p, d)
    }

    /// Parses the display form back (`"2011-10"`, `"2012-H1"`, `"2013-02-15"`).
    /// Returns `None` when the string is none of the five forms.
    ///
    /// # Example
    /// ```
    /// use pipegraph::model::FuzzyDate;
    /// assert_eq!(FuzzyDate::parse("2012-H1"), Some(FuzzyDate::Half(2012, 1)));
    /// assert_eq!(FuzzyDate::parse("2011-10").unwrap().to_string(), "2011-10");
    /// ```
    pub fn parse(s: &str) -> Option<FuzzyDate> {
        let s = s.trim();
        let mut parts = s.split('-');
        let y: i32 = parts.next()?.parse().ok()?;
        if !(1000..=9999).contains(&y) {
            return None;
        }
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return None;
        }
        match (second, third) {
            (None, None) => Some(FuzzyDate::Year(y)),
            (Some(p), None) if p.starts_with('Q') => {
                let q: u32 = p.get(1..)?.parse().ok()?;
                (1..=4).contains(&q).then_some(FuzzyDate::Quarter(y, q))
            }
            (Some(p), None) if p.starts_with('H') => {
                let h: u32 = p.get(1..)?.parse().ok()?;
                (1..=2).contains(&h).then_some(FuzzyDate::Half(y, h))
            }
            (Some(m), None) => {
                let m: u32 = m.parse().ok()?;
                (1..=12).contains(&m).then_some(FuzzyDate::Month(y, m))
            }
            (Some(m), Some(d)) => {
                let m: u32 = m.parse().ok()?;
                let d: u32 = d.parse().ok()?;
                chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| FuzzyDate::Day(y, m, d))
            }
            (None, Some(_)) => None,
        }
    }

    /// The same date, but no finer than a month (days are dropped).
    pub fn to_month(self) -> FuzzyDate {
        match self {
            FuzzyDate::Day(y, m, _) => FuzzyDate::Month(y, m),
            other => other,
        }
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FuzzyDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FuzzyDate::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            FuzzyDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            FuzzyDate::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            FuzzyDate::Half(y, h) => write!(f, "{y:04}-H{h}"),
            FuzzyDate::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FuzzyDate::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}

/// What a payment is for, per `GUIDELINES.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// Paid on a development, regulatory or commercial event.
    Milestone,
    /// Paid on signing a deal.
    Upfront,
    /// A license fee not tied to one event.
    LicenseFee,
    /// A share of sales.
    Royalty,
}

impl PaymentKind {
    /// The JSON name (`"milestone"`, `"upfront"`, `"license_fee"`, `"royalty"`).
    pub fn name(self) -> &'static str {
        match self {
            PaymentKind::Milestone => "milestone",
            PaymentKind::Upfront => "upfront",
            PaymentKind::LicenseFee => "license_fee",
            PaymentKind::Royalty => "royalty",
        }
    }
}

/// Whether a payment happened or may happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentStatus {
    /// Earned, received, recognized or triggered.
    Earned,
    /// Eligible for, up to: not yet paid.
    Potential,
}

impl PaymentStatus {
    /// The JSON name (`"earned"`, `"potential"`).
    pub fn name(self) -> &'static str {
        match self {
            PaymentStatus::Earned => "earned",
            PaymentStatus::Potential => "potential",
        }
    }
}

/// Roles of an organization relative to the documents' registrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgRole {
    /// The company that filed or issued the document.
    Registrant,
    /// Licenses, develops, co-develops, commercializes, funds or pays for a compound.
    Partner,
    /// Another business relation (lender, buyer, manufacturer, ...).
    Other,
}

impl OrgRole {
    /// The JSON name (`"registrant"`, `"partner"`, `"other"`).
    pub fn name(self) -> &'static str {
        match self {
            OrgRole::Registrant => "registrant",
            OrgRole::Partner => "partner",
            OrgRole::Other => "other",
        }
    }
}

/// Where a fact was read: a sentence of a document.
///
/// `start..end` are **byte** offsets into the document's original file
/// (before decoding, tag stripping or normalization); `text` is the
/// normalized sentence.
///
/// The strings are shared (`Arc<str>`): every fact of one sentence, and the
/// graph's links built from them, point at one copy of the sentence and of
/// the document id, so memory grows with the sentences a corpus cites, not
/// with the number of facts and links that cite them. Serialized as plain
/// strings.
///
/// Ordered by (document, start, end, text), strings by their bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The document id, `doc:<file name>`.
    pub document: Arc<str>,
    /// First byte of the sentence in the original file.
    pub start: usize,
    /// One past the last byte of the sentence in the original file.
    pub end: usize,
    /// The sentence, normalized (markup removed, whitespace folded).
    pub text: Arc<str>,
}

impl Ord for Evidence {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        /// Shared strings compare equal without reading them.
        fn shared(a: &Arc<str>, b: &Arc<str>) -> std::cmp::Ordering {
            if Arc::ptr_eq(a, b) {
                std::cmp::Ordering::Equal
            } else {
                a.cmp(b)
            }
        }
        shared(&self.document, &other.document)
            .then(self.start.cmp(&other.start))
            .then(self.end.cmp(&other.end))
            .then_with(|| shared(&self.text, &other.text))
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Metadata of one ingested document, as listed in `graph.documents` of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// `doc:<file name>`; unique within a run (a suffix is added on clashes).
    pub id: String,
    /// The path as given on the command line (or found under a directory).
    pub path: String,
    /// Registrant or issuer display name, legal suffix removed (`"Acme"`).
    pub registrant: Option<String>,
    /// Every name the registrant goes by in the document
    /// (`"Acme, Inc."`, `"Acme"`, ticker not included).
    #[serde(skip)]
    pub registrant_aliases: Vec<String>,
    /// Form type (`"8-K"`), when stated.
    pub form: Option<String>,
    /// Report date, `YYYY-MM-DD`: the 8-K's "Date of Report" line, else the press-release dateline.
    pub report_date: Option<chrono::NaiveDate>,
    /// 8-K item numbers (`"2.02"`, `"9.01"`).
    pub items: Vec<String>,
    /// Month (1–12) in which the registrant's fiscal year ends, when stated.
    #[serde(skip)]
    pub fiscal_year_end_month: Option<u32>,
    /// SHA-256 of the original bytes, lowercase hex.
    pub sha256: String,
}

/// Index of a compound within one [`DocFacts`].
pub type CompoundIdx = usize;
/// Index of an organization within one [`DocFacts`].
pub type OrgIdx = usize;

/// A compound as one document names it: all its aliases in that document.
#[derive(Debug, Clone, PartialEq)]
pub struct CompoundFact {
    /// Every surface name, first seen first (`["T-DM1", "Trastuzumab-DM1"]`).
    pub names: Vec<String>,
    /// The first sentence that names it.
    pub evidence: Evidence,
}

/// An organization as one document names it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgFact {
    /// Canonical display name, legal suffix removed (`"Sanofi"`).
    pub name: String,
    /// Every surface name (`"sanofi-aventis"`, `"Sanofi"`).
    pub aliases: Vec<String>,
    /// Roles in this document.
    pub roles: Vec<OrgRole>,
    /// Parent company display name, when the text or the company lexicon gives one.
    pub parent: Option<String>,
    /// The first sentence that names it.
    pub evidence: Evidence,
}

/// A compound–target pair.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetFact {
    /// The compound.
    pub compound: CompoundIdx,
    /// Canonical target name (`"FOLR1"`, `"HER2"`, `"CD19"`).
    pub target: String,
    /// Other names of the target (`"FRα"`, `"folate receptor alpha"`).
    pub aliases: Vec<String>,
    /// The sentence stating it.
    pub evidence: Evidence,
}

/// A compound–organization development or licensing relation.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnershipFact {
    /// The compound.
    pub compound: CompoundIdx,
    /// The organization.
    pub org: OrgIdx,
    /// `licensed_to`, `developed_by`, `licensed_from` or `collaboration`.
    pub relation: String,
    /// The sentence stating it.
    pub evidence: Evidence,
}

/// A phase event of one compound.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseEventFact {
    /// The compound.
    pub compound: CompoundIdx,
    /// The phase; `None` only for a discontinuation with no phase named.
    pub phase: Option<Phase>,
    /// Status of the compound relative to the phase.
    pub status: PhaseStatus,
    /// When it happened (or is planned), resolved against the report date.
    pub date: Option<FuzzyDate>,
    /// The sentence stating it.
    pub evidence: Evidence,
}

/// A milestone, upfront, license-fee or royalty payment.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentFact {
    /// Amount in units of `currency` (not thousands or millions).
    pub amount: f64,
    /// ISO 4217 code (`"USD"`, `"EUR"`, `"CHF"`).
    pub currency: String,
    /// The organization that pays, when known.
    pub payer: Option<OrgIdx>,
    /// The organization paid (usually the registrant), when known.
    pub payee: Option<OrgIdx>,
    /// The compound it is for; `None` when several or none are named.
    pub compound: Option<CompoundIdx>,
    /// The phase event that triggers it, when stated.
    pub trigger_phase: Option<Phase>,
    /// What the payment is for.
    pub kind: PaymentKind,
    /// Earned or potential.
    pub status: PaymentStatus,
    /// When it was earned or paid.
    pub date: Option<FuzzyDate>,
    /// The sentence stating it.
    pub evidence: Evidence,
}

/// Everything extracted from one document: the input of graph building.
///
/// Indices in facts point into `compounds` and `organizations` of the same
/// value; extraction guarantees they are in range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFacts {
    /// The document's metadata.
    pub doc: DocInfo,
    /// Compounds, one per entity in this document.
    pub compounds: Vec<CompoundFact>,
    /// Organizations, one per entity in this document.
    pub organizations: Vec<OrgFact>,
    /// Compound–target pairs.
    pub targets: Vec<TargetFact>,
    /// Compound–organization relations.
    pub partnerships: Vec<PartnershipFact>,
    /// Phase events.
    pub phase_events: Vec<PhaseEventFact>,
    /// Payments.
    pub payments: Vec<PaymentFact>,
    /// Subsidiary → parent pairs, as organization indices.
    pub subsidiaries: Vec<(OrgIdx, OrgIdx, Evidence)>,
}

/// Month number (1–12) of an English month name or its three-letter
/// abbreviation, with or without a period (`"Sept."`, `"october"`).
/// Returns `None` for anything else.
///
/// # Example
/// ```
/// use pipegraph::model::month_number;
/// assert_eq!(month_number("Sept."), Some(9));
/// assert_eq!(month_number("Foo"), None);
/// ```
pub fn month_number(s: &str) -> Option<u32> {
    let k = s.trim_end_matches('.').get(..3)?.to_ascii_lowercase();
    let m = match k.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Folds a name to its matching key: lowercase letters and digits only,
/// Greek letters spelled out by their Latin initial (`α` → `a`).
///
/// This is the key under which aliases are merged across documents; it
/// mirrors the scorer's name matching (`GUIDELINES.md`, "Scoring").
///
/// # Example
/// ```
/// use pipegraph::model::name_key;
/// assert_eq!(name_key("XYZ 12-3456"), "xyz123456");
/// assert_eq!(name_key("FRα"), "fra");
/// ```
pub fn name_key(s: &str) -> String {
    if s.is_ascii() {
        // Most names: no Greek or accented letter to fold, so a byte pass.
        let mut out = String::with_capacity(s.len());
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    name_key_chars(s)
}

/// [`name_key`] char by char: the general form, which the ASCII byte pass
/// of [`name_key`] agrees with on ASCII names (a test checks).
fn name_key_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'α' | 'Α' => 'a',
            'β' | 'Β' => 'b',
            'γ' | 'Γ' => 'g',
            'δ' | 'Δ' => 'd',
            'κ' | 'Κ' => 'k',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() {
            // Fold accents the simple way: keep only ASCII letters of common Latin-1 letters.
            let folded = match c {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                _ => continue,
            };
            out.push(folded);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_key_ascii_pass_matches_the_char_walk() {
        for text in crate::extract::sample_filings() {
            for line in text.lines() {
                assert_eq!(name_key(line), name_key_chars(line));
                for w in line.split_whitespace() {
                    assert_eq!(name_key(w), name_key_chars(w));
                }
            }
        }
        assert_eq!(name_key("Zentrix-7 Bio, Inc."), "zentrix7bioinc");
    }

    proptest::proptest! {
        #[test]
        fn name_key_matches_the_char_walk(s in "\\PC{0,16}|[ -~]{0,16}|[a-zA-Z0-9αβÉé -]{0,16}") {
            proptest::prop_assert_eq!(name_key(&s), name_key_chars(&s));
        }
    }

    #[test]
    fn phase_parse_roundtrip() {
        for p in Phase::ALL {
            assert_eq!(Phase::parse(p.name()), Some(p), "{p}");
        }
        assert_eq!(Phase::parse("Phase 3"), Some(Phase::PhaseIII));
    }

    #[test]
    fn evidence_orders_by_document_start_end_text() {
        let shared: Arc<str> = "doc:b".into();
        let ev = |d: &Arc<str>, start, end, t: &str| Evidence {
            document: d.clone(),
            start,
            end,
            text: t.into(),
        };
        let other: Arc<str> = "doc:a".into();
        let copy: Arc<str> = "doc:b".into();
        let all = [
            ev(&shared, 5, 9, "x"),
            ev(&copy, 5, 9, "x"),
            ev(&shared, 5, 9, "w"),
            ev(&shared, 5, 8, "z"),
            ev(&shared, 4, 20, "z"),
            ev(&other, 9, 9, "a"),
            ev(&copy, 0, 1, ""),
        ];
        // The same order as comparing the fields as plain values, in order.
        let plain = |e: &Evidence| (e.document.to_string(), e.start, e.end, e.text.to_string());
        for a in &all {
            for b in &all {
                assert_eq!(a.cmp(b), plain(a).cmp(&plain(b)), "{a:?} vs {b:?}");
                assert_eq!(a == b, plain(a) == plain(b));
            }
        }
    }

    #[test]
    fn date_order_and_display() {
        let d = [
            FuzzyDate::Year(2012),
            FuzzyDate::Month(2011, 10),
            FuzzyDate::Day(2011, 10, 27),
            FuzzyDate::Quarter(2011, 4),
        ];
        let mut s = d.to_vec();
        s.sort();
        let shown: Vec<String> = s.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, ["2011-10-27", "2011-10", "2011-Q4", "2012"]);
        for x in d {
            assert_eq!(FuzzyDate::parse(&x.to_string()), Some(x));
        }
        assert_eq!(FuzzyDate::parse("2011-13"), None);
        assert_eq!(FuzzyDate::parse("2011-Q5"), None);
    }
}
