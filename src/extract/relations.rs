//! The extraction passes: entity building (alias cues, organization folding) and per-sentence relations (targets, partnerships, phase events, payments) with section context.

use super::cues::{self, Cues};
use super::dates::{DateContext, DateMention};
use super::lexicon::{self, LEXICON};
use super::mentions::{self, Found, NameShape, PhaseWord};
use super::sentences::{self, Sentence};
use crate::ingest::Document;
use crate::model::{
    CompoundFact, DocFacts, FuzzyDate, OrgFact, OrgRole, PartnershipFact, PaymentFact, PaymentKind,
    PaymentStatus, Phase, PhaseEventFact, PhaseStatus, TargetFact, name_key,
};
use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// A regex compiled once, on first use, where it is written.
macro_rules! re {
    ($pat:expr) => {{
        static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("static regex"));
        &*RE
    }};
}

/// A mention of an entity at a byte range of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Mention {
    start: usize,
    end: usize,
    entity: usize,
}

/// Union-find over compound surface names.
#[derive(Default)]
struct Compounds {
    key_to_id: FxHashMap<String, usize>,
    parent: Vec<usize>,
    /// Surface names per id, in first-seen order.
    names: Vec<Vec<String>>,
    shapes: Vec<BTreeSet<NameShape>>,
    first_seen: Vec<usize>,
}

impl Compounds {
    fn add(&mut self, surface: &str, shape: NameShape, at: usize) -> usize {
        let key = name_key(surface);
        if let Some(&id) = self.key_to_id.get(&key) {
            let r = self.find(id);
            if let Some(n) = self.names.get_mut(id)
                && !n.iter().any(|x| x == surface)
            {
                n.push(surface.to_string());
            }
            if let Some(s) = self.shapes.get_mut(r) {
                s.insert(shape);
            }
            return r;
        }
        let id = self.parent.len();
        self.parent.push(id);
        self.names.push(vec![surface.to_string()]);
        self.shapes.push(BTreeSet::from([shape]));
        self.first_seen.push(at);
        self.key_to_id.insert(key, id);
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, drop) = if self.first_seen.get(ra) <= self.first_seen.get(rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        if let Some(slot) = self.parent.get_mut(drop) {
            *slot = keep;
        }
        let moved: BTreeSet<NameShape> = self.shapes.get(drop).cloned().unwrap_or_default();
        if let Some(s) = self.shapes.get_mut(keep) {
            s.extend(moved);
        }
    }
}

/// An organization entity of this document.
#[derive(Debug, Clone)]
struct Org {
    name: String,
    /// `name_key` of `name`.
    key: String,
    /// Surface names, in the order first seen; change them only through
    /// [`Org::add_alias`], which keeps `alias_keys` in step.
    aliases: Vec<String>,
    /// Per alias: its `name_key` and the `name_key` of each word of it
    /// without a legal suffix (for [`prefix_variant`]), computed once.
    alias_keys: Vec<(String, Vec<String>)>,
    parent: Option<String>,
    lexicon: Option<usize>,
    registrant: bool,
    listed_partner: bool,
}

impl Org {
    /// A new entity without aliases; `key` is `name_key(&name)`.
    fn new(name: String, key: String, parent: Option<String>, lexicon: Option<usize>) -> Org {
        Org {
            key,
            name,
            aliases: Vec::new(),
            alias_keys: Vec::new(),
            parent,
            lexicon,
            registrant: false,
            listed_partner: false,
        }
    }

    /// Adds `a` unless it is an alias already.
    fn add_alias(&mut self, a: &str) {
        if self.aliases.iter().any(|x| x == a) {
            return;
        }
        let words = mentions::strip_legal_suffix(a)
            .split_whitespace()
            .map(name_key)
            .collect();
        self.alias_keys.push((name_key(a), words));
        self.aliases.push(a.to_string());
    }

    /// [`Org::add_alias`] with the keys it would compute given:
    /// `key` must be `name_key(a)` and `words` the `name_key` of each word
    /// of `strip_legal_suffix(a)` (see [`OrgCand`], which holds both).
    fn add_alias_keyed(&mut self, a: &str, key: &str, words: &[String]) {
        if self.aliases.iter().any(|x| x == a) {
            return;
        }
        self.alias_keys.push((key.to_string(), words.to_vec()));
        self.aliases.push(a.to_string());
    }

    /// True when an alias has the key `k`.
    fn has_alias_key(&self, k: &str) -> bool {
        self.alias_keys.iter().any(|(ak, _)| ak == k)
    }
}

/// What [`Extractor::org_for`] makes of one surface and lexicon argument
/// before it looks at the organizations found so far.
#[derive(Debug, Clone)]
struct OrgPrep {
    /// The `lexicon` argument this was computed for.
    lexicon: Option<usize>,
    /// The preparation of the same surface for another `lexicon`
    /// argument, if one was made (position in `Extractor::org_preps`).
    next: Option<usize>,
    /// The candidate for the surface as it stands (after the title and
    /// trim steps); `None` when it names no organization.
    whole: Option<OrgCand>,
    /// The text after a heading glued to the first word (see
    /// [`glued_tail`]), if the first word has such a seam.
    tail: Option<GluedTail>,
}

impl OrgPrep {
    /// The steps of [`Extractor::org_for`] that read nothing but `surface`
    /// and `lexicon`: a person's title before the name is dropped, service
    /// providers are rejected, quotes and possessives trimmed; then the
    /// candidate for the result and the glued tail.
    fn new(surface: &str, lexicon: Option<usize>) -> OrgPrep {
        let none = OrgPrep {
            lexicon,
            next: None,
            whole: None,
            tail: None,
        };
        // "Jane Roe, Managing Director, Acme Advisors": keep what follows the
        // last title word (found in one walk, without collecting the words).
        let last_title = surface
            .split_whitespace()
            .enumerate()
            .filter(|(_, w)| TITLE_WORDS.contains(&w.trim_end_matches(',')))
            .map(|(i, _)| i)
            .last();
        let surface = match last_title {
            Some(i) => {
                let skip: usize = surface
                    .split_whitespace()
                    .take(i + 1)
                    .map(|w| w.len() + 1)
                    .sum();
                surface.get(skip.min(surface.len())..).unwrap_or("").trim()
            }
            None => surface,
        };
        let last = surface
            .split_whitespace()
            .last()
            .unwrap_or("")
            .trim_end_matches(['.', ',']);
        if SERVICE_LAST_WORDS.contains(&last) {
            return none;
        }
        let surface = surface.trim().trim_end_matches(['\'', '’']);
        let surface = trim_possessive(surface);
        let tail = glued_tail(surface).map(|t| {
            let key = name_key(mentions::strip_legal_suffix(t));
            GluedTail {
                text: t.to_string(),
                in_lexicon: LEXICON.company_by_key.contains_key(&key),
                key,
                cand: None,
            }
        });
        OrgPrep {
            lexicon,
            next: None,
            whole: OrgCand::new(surface, lexicon),
            tail,
        }
    }
}

/// The text after converter glue in a surface's first word (see
/// [`glued_tail`]), with what [`Extractor::org_known`] reads of it.
#[derive(Debug, Clone)]
struct GluedTail {
    text: String,
    /// `name_key` of `text` without its legal suffix.
    key: String,
    /// `key` names a lexicon company.
    in_lexicon: bool,
    /// [`OrgCand::new`] of `text`, once needed.
    cand: Option<Option<OrgCand>>,
}

/// The organization a (trimmed, unglued) surface stands for, as far as it
/// follows from the surface and the lexicon argument alone.
#[derive(Debug, Clone)]
struct OrgCand {
    /// The surface, an alias of the organization.
    surface: String,
    /// The surface without its legal suffix, also an alias.
    display: String,
    /// The lexicon company: the argument, else the display name's.
    lex: Option<usize>,
    /// The entity's name (the lexicon's, else the display name) and parent.
    name: String,
    parent: Option<String>,
    /// `name_key(name)`, `name_key(surface)`.
    key: String,
    surface_key: String,
    /// `name_key` of each word of `display`.
    words: Vec<String>,
}

impl OrgCand {
    /// `None` when the display name is shorter than 2 bytes or a known
    /// non-organization.
    ///
    /// The keys come from one `name_key` pass per word: `name_key` maps
    /// each char alone and drops whitespace, so the key of `display` is
    /// its words' keys joined, and the key of `surface` that plus the keys
    /// of what surrounds `display` in it (a test compares them with
    /// `name_key` of the whole).
    fn new(surface: &str, lexicon: Option<usize>) -> Option<OrgCand> {
        let display = mentions::strip_legal_suffix(surface).trim().to_string();
        if display.len() < 2 {
            return None;
        }
        let words: Vec<String> = display.split_whitespace().map(name_key).collect();
        let display_key = words.concat();
        if LEXICON.not_org.contains(&display_key) {
            return None;
        }
        let lex = lexicon.or_else(|| LEXICON.company_by_key.get(&display_key).copied());
        let (name, parent) = match lex.and_then(|i| lexicon::COMPANIES.get(i)) {
            Some(c) => (c.name.to_string(), c.parent.map(str::to_string)),
            None => (display.clone(), None),
        };
        // `display` is `surface` from its first non-space byte on, cut
        // (see `strip_legal_suffix`).
        let lead = surface.len() - surface.trim_start().len();
        let surface_key = match surface.get(lead..lead + display.len()) {
            Some(d) if d == display => {
                let rest = surface.get(lead + display.len()..).unwrap_or("");
                [display_key.as_str(), &name_key(rest)].concat()
            }
            _ => name_key(surface),
        };
        let key = if name == display {
            display_key
        } else {
            name_key(&name)
        };
        Some(OrgCand {
            surface: surface.to_string(),
            surface_key,
            words,
            display,
            lex,
            name,
            parent,
            key,
        })
    }
}

/// Converter glue: a heading run into a name (`DetailsAcme
/// Therapeutics`, from `Details` + `Acme Therapeutics`). When the first
/// word joins a lowercase letter to a capital, the text from that capital
/// on; [`Extractor::org_for`] takes it for the name when it is an
/// organization already known (the registrant, an earlier mention, the
/// lexicon: [`Extractor::org_known`]). Camel-case names (`BioNTech`,
/// `AstraZeneca`) stay whole unless their tail alone is a known
/// organization, which then is the same one.
fn glued_tail(surface: &str) -> Option<&str> {
    let first = surface.split_whitespace().next()?;
    let b = first.as_bytes();
    let k = (1..b.len()).find(|&k| {
        b.get(k - 1).is_some_and(u8::is_ascii_lowercase)
            && b.get(k).is_some_and(u8::is_ascii_uppercase)
    })?;
    surface.get(k..)
}

/// A defined short name right after an organization's mention (see
/// [`Extractor::add_defined_term`]).
static DEFINED_TERM_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^,?\s*\((?:the\s+)?["“]([A-Z][A-Za-z0-9&.-]*(?:\s[A-Z][A-Za-z0-9&.-]*){0,3})["”]\)"#,
    )
    .expect("static regex")
});

/// False when `after` cannot start with a [`DEFINED_TERM_RE`] match: its
/// first byte after an optional comma and ASCII whitespace (the vertical
/// tab included) is neither `(` nor a non-ASCII byte, which may start a
/// Unicode space of the pattern's `\s`, so this only over-approximates.
fn may_open_defined_term(after: &str) -> bool {
    let b = after.as_bytes();
    let b = b.strip_prefix(b",").unwrap_or(b);
    b.iter()
        .find(|&&x| !(x.is_ascii_whitespace() || x == 0x0B))
        .is_some_and(|&x| x == b'(' || x >= 0x80)
}

/// Defined terms of agreements that stand for a role, not a name
/// (`Acme Inc. (the "Company")`).
const DEFINED_TERMS_NOT_NAMES: &[&str] = &[
    "Company",
    "Registrant",
    "Licensee",
    "Licensor",
    "Partner",
    "Collaborator",
    "Buyer",
    "Seller",
    "Purchaser",
    "Parent",
    "Investor",
    "Investors",
    "Agent",
    "Sponsor",
    "Agreement",
    "Parties",
    "Party",
];

/// Words that may follow an organization's distinctive first word without
/// making it another organization (`Acme` = `Acme Therapeutics`).
const ORG_DESCRIPTORS: &[&str] = &[
    "pharmaceuticals",
    "pharmaceutical",
    "therapeutics",
    "biosciences",
    "biotherapeutics",
    "oncology",
    "biologics",
    "biotech",
    "biotechnology",
    "biopharma",
    "biopharmaceuticals",
    "pharma",
    "bio",
    "genetics",
    "medicines",
    "sciences",
    "laboratories",
    "labs",
    "healthcare",
    "health",
    "holdings",
    "group",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "limited",
    "ag",
    "gmbh",
    "plc",
    "sa",
    "nv",
    "co",
    "llc",
    "international",
    "global",
    "usa",
    "us",
    "immunotherapeutics",
    "vaccines",
    "diagnostics",
    "company",
];

/// Job titles: words before them in a name are a person's.
const TITLE_WORDS: &[&str] = &[
    "Director",
    "Officer",
    "President",
    "CEO",
    "CFO",
    "CMO",
    "COO",
    "Chairman",
    "Chair",
    "Founder",
    "Head",
    "Manager",
    "Partner",
    "Principal",
    "Vice",
    "Managing",
    "Chief",
    "EVP",
    "SVP",
    "VP",
];

/// Last words of service providers' names (investor relations, PR, law
/// firms), which are not partners (`GUIDELINES.md`).
const SERVICE_LAST_WORDS: &[&str] = &[
    "Advisors",
    "Advisers",
    "Communications",
    "Consulting",
    "Relations",
    "PR",
    "Newswire",
    "Wire",
    "LLP",
    "Associates",
];

/// Common words that cannot stand alone for a company (`American` of
/// `American Pharmaceuticals`).
const GENERIC_FIRST_WORDS: &[&str] = &[
    "American",
    "National",
    "International",
    "Global",
    "United",
    "General",
    "Advanced",
    "First",
    "New",
    "Pacific",
    "Atlantic",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Royal",
    "Life",
    "Bio",
    "Applied",
    "Clinical",
    "Medical",
    "Health",
    "Precision",
    "Cell",
    "Gene",
    "Molecular",
    "Immune",
    "Cancer",
    "Oncology",
    "Novel",
    "Next",
    "Bright",
    "Blue",
    "Green",
    "Red",
    "Black",
    "White",
    "Golden",
    "Silver",
    "Star",
    "Sun",
    "Moon",
    "Pharma",
    "Therapeutics",
    "Alpha",
    "Beta",
    "Omega",
    "Delta",
    "Prime",
    "Summit",
    "Vision",
    "Nova",
];

/// The state of one document's extraction.
pub struct Extractor<'a> {
    doc: &'a Document,
    text: &'a str,
    sents: Vec<Sentence>,
    /// Per sentence: the rule families it may hold (see [`cues`]).
    cues: Vec<Cues>,
    dates: DateContext,
    compounds: Compounds,
    compound_mentions: Vec<Mention>,
    orgs: Vec<Org>,
    /// [`OrgPrep`] per surface given to [`Extractor::org_for`]: the
    /// position in `org_preps` of the surface's first one (one look-up per
    /// call); those for other `lexicon` arguments follow `OrgPrep::next`.
    org_prep_at: FxHashMap<String, usize>,
    org_preps: Vec<OrgPrep>,
    org_mentions: Vec<Mention>,
    /// Target mentions: range and (name, aliases).
    target_mentions: Vec<Found<mentions::TargetName>>,
    /// Per sentence: the compound that sentences without one refer to.
    context: Vec<Option<usize>>,
}

static ALIAS_BETWEEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[®™]?\s*(?:\(|,|—|–|-)\s*(?:(?:formerly|previously|also\s+known\s+as|also\s+called|a\.?k\.?a\.?|formerly\s+(?:identified|known|called)\s+as|known\s+as|referred\s+to\s+as|or)\s+)?$")
        .expect("static regex")
});
static ALIAS_LIST_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:,|or|,\s*or|and)\s*$").expect("static regex"));
static ALIAS_GROUP_OPEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*(?:formerly|previously|also\s+known\s+as|a\.?k\.?a\.?|formerly\s+(?:identified|known)\s+as)\s+[^()]*$")
        .expect("static regex")
});
static PAREN_ABBR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[®™]?\s*\(\s*([A-Z][A-Za-z]{0,5}-?[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,6})?)\s*\)")
        .expect("static regex")
});

/// Cues before an organization name that make it a developer/licensee.
/// The last word of every cue is in [`ORG_CUE_LAST_WORDS`], with what
/// comes before it, which [`may_hold_org_cue_in`] relies on: a cue added
/// here must be added there too. Every cue also holds one of the gate's
/// [`Cues::ORG_CUE`] anchors (`by`, `from`, `partner`, `licen`, ...), so
/// the pattern runs only on sentences with that mark: a cue added here
/// must hold one of them or add its own.
static ORG_CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&super::without_prefilter(
        r"(?x)
        (?-u:\b)(?:licen[sc]ed\s+(?:it\s+)?(?:exclusively\s+)?to|out-licensed\s+to|sublicensed\s+to|
        in\s+(?:global\s+|clinical\s+)?development\s+by|being\s+developed(?:\s+and\s+commercialized)?\s+by|developed\s+(?:and\s+commercialized\s+)?by|
        commercialized\s+by|marketed(?:\s+in\s+the\s+\w+)?\s+by|partnered\s+with|in\s+partnership\s+with|
        (?:collaborations?|partnerships?|alliance|agreements?|license|licensing\s+agreement|joint\s+venture)\s+with|
        (?:milestones?|payments?|royalt(?:y|ies)|fees?|funding|grant)\s+(?:payments?\s+)?(?:received\s+)?from|
        (?:fully\s+|partially\s+|partly\s+)?(?:funded|supported|sponsored|financed)\s+(?:in\s+part\s+)?by|
        (?:agreement|collaboration|partnership|license)\s+(?:is|was)\s+with|
        opted\s+in|by|from|partner|licensee|licensor)
        \s+(?:its\s+partner\s+|our\s+partner\s+|partner\s+|the\s+)?
        (?P<name>[A-Z][A-Za-z0-9&'’.-]*(?:(?:[\s-]+|\s+(?:of|for)\s+)[A-Z][A-Za-z0-9&'’.-]*){0,3})
    ",
    ))
    .expect("static regex")
});

/// "from the collaboration", "under this partnership": a compound tied to
/// the collaboration of the section's compound. Without its prefilter: the
/// prefixes (`of`, `in`) are common words, and the prefilter ran the pattern
/// at 140 MB/s on sample sentences where the plain DFA runs at 420 MB/s.
static FROM_THE_COLLABORATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&super::without_prefilter(
        r"(?i)(?-u:\b)(?:from|under|of|in|through)\s+(?:the|this|that)\s+(?:research\s+)?(?:collaboration|partnership|alliance)(?-u:\b)",
    ))
    .expect("static regex")
});

/// `trademark`, searched once per sentence for trademark notices: a
/// prebuilt `memmem` finder, where `str::contains` builds its two-way
/// searcher on every call.
static TRADEMARK: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("trademark"));

/// Each [`ORG_CUE_RE`] match in `st`: the byte range of the whole match and
/// of its `name` group, which ends the match. [`org_cues_in`] for a text
/// that is one sentence.
#[cfg(test)]
fn org_cues(st: &str) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    org_cues_in(st, 0, st.len())
}

/// Each [`ORG_CUE_RE`] match in the sentence `text[start..end]`: the byte
/// ranges (in the sentence) of the whole match and of its `name` group,
/// which ends the match. The cue words before the name are lowercase
/// ASCII, so the name starts at the match's first capital; the capture
/// engine runs only where that does not hold (`marketed in the US by`,
/// whose country may be capitalized, and non-ASCII text). The pattern runs
/// only where [`may_hold_org_cue_in`] lets it.
fn org_cues_in(
    text: &str,
    start: usize,
    end: usize,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let Some(st) = text.get(start..end) else {
        return out;
    };
    if !may_hold_org_cue_in(text.as_bytes(), start, end) {
        return out;
    }
    for m in ORG_CUE_RE.find_iter(st) {
        let t = m.as_str();
        let name_at = if t.is_ascii() && !t.contains("marketed") {
            t.find(|c: char| c.is_ascii_uppercase())
        } else {
            ORG_CUE_RE
                .captures(t)
                .and_then(|c| c.name("name"))
                .map(|n| n.start())
        };
        if let Some(k) = name_at {
            out.push((m.range(), m.start() + k..m.end()));
        }
    }
    out
}

/// The word right before the whitespace that precedes an [`ORG_CUE_RE`]
/// name: the last word of every cue (`licensed to`, `developed by`,
/// `agreement with`, `payments from`, `opted in`, `partner`, `licensee`,
/// `licensor`) or of the optional lead-in (`its partner`, `the`); with
/// each, what must come before it (after a word boundary, which
/// [`ORG_CUE_RE`] puts before its cues) for it to end a cue: nothing for
/// the words that are cues alone (`by`, `from`, `partner`, `licensee`,
/// `licensor`); for the others, whitespace after a word ending in one of
/// the words listed: `licensed to`, `licensed it to`, `licensed
/// exclusively to`, `out-licensed to`; `partnered with`, `collaboration
/// with`, `agreement is with`, `joint venture with`; `opted in`. `the`
/// follows a cue ([`ORG_CUE_THE`]). A cue added to [`ORG_CUE_RE`] must be
/// added here.
const ORG_CUE_LAST_WORDS: &[(&[u8], &[&[u8]])] = &[
    (b"to", &[b"licensed", b"licenced", b"it", b"exclusively"]),
    (b"by", &[]),
    (
        b"with",
        &[
            b"partnered",
            b"partnership",
            b"partnerships",
            b"collaboration",
            b"collaborations",
            b"alliance",
            b"agreement",
            b"agreements",
            b"license",
            b"venture",
            b"is",
            b"was",
        ],
    ),
    (b"from", &[]),
    (b"in", &[b"opted"]),
    (b"partner", &[]),
    (b"licensee", &[]),
    (b"licensor", &[]),
    (b"the", &[]),
];

/// The words one of which must end the word before `cue` (see
/// [`ORG_CUE_LAST_WORDS`]); empty when `cue` is a cue alone.
fn org_cue_word_before(cue: &[u8]) -> &'static [&'static [u8]] {
    ORG_CUE_LAST_WORDS
        .iter()
        .find(|(w, _)| *w == cue)
        .map_or(&[], |(_, before)| before)
}

/// The lead-in word of [`ORG_CUE_LAST_WORDS`] that follows a cue rather
/// than ending one (`licensed to the Acme`).
const ORG_CUE_THE: &[u8] = b"the";

/// False when the sentence `text[start..end]` cannot hold an
/// [`ORG_CUE_RE`] match: no ASCII capital follows whitespace that follows
/// a cue's last word ([`org_cue_at`]). Any non-ASCII byte counts as
/// whitespace here (the pattern's `\s` is Unicode), as does the vertical
/// tab (in `\s`, not in `u8::is_ascii_whitespace`), so this only
/// over-approximates. On the sample filings it lets 31 of 574 sentences
/// through (11 % of their bytes), the 31 that hold a cue (the former
/// check, on the last word alone, let 127 through).
///
/// The text goes by blocks of [`ORG_CUE_BLOCK`] bytes: a branch-free test
/// ([`org_cue_capitals`], which the compiler vectorizes) marks the ASCII
/// capitals after whitespace, the byte before each of those is looked up
/// in [`ORG_CUE_BEFORE_TABLE`] (together the two tests are
/// [`org_cue_candidate`]), and [`org_cue_at`] looks back from each byte
/// that passes both. The vectorized part is the cheap half of the test:
/// the last-letter half, seven comparisons per byte when it was in the
/// block, now runs once per capital after whitespace. The blocks read the
/// text around the sentence (the bytes before it as look-back, the bytes
/// after it are masked off), so they never copy a partial block; the
/// look-back of [`org_cue_at`] stays within the sentence.
fn may_hold_org_cue_in(text: &[u8], start: usize, end: usize) -> bool {
    let Some(st) = text.get(start..end) else {
        return false;
    };
    let mut k = start;
    while k < end {
        let mut m = org_cue_capitals(text, k);
        if let Some(left) = end.checked_sub(k).filter(|&n| n < ORG_CUE_BLOCK) {
            m &= (1u32 << left) - 1;
        }
        while m != 0 {
            let at = k + m.trailing_zeros() as usize;
            let p2 = at
                .checked_sub(2)
                .and_then(|q| text.get(q))
                .copied()
                .unwrap_or(0);
            if ORG_CUE_BEFORE_TABLE.get(usize::from(p2)) == Some(&true)
                && org_cue_at(st, at - start)
            {
                return true;
            }
            m &= m - 1;
        }
        k += ORG_CUE_BLOCK;
    }
    false
}

/// [`may_hold_org_cue_in`] for a text that is one sentence.
#[cfg(test)]
fn may_hold_org_cue(st: &str) -> bool {
    may_hold_org_cue_in(st.as_bytes(), 0, st.len())
}

/// Whether `x` counts as whitespace for the organization-cue pre-check:
/// ASCII whitespace, the vertical tab, or any non-ASCII byte.
fn org_cue_space(x: u8) -> bool {
    x.is_ascii_whitespace() || x == 0x0B || x >= 0x80
}

/// The end of the last word of `h` (after its last byte that is not
/// [`org_cue_space`]), 0 if none.
fn word_end(h: &[u8]) -> usize {
    h.iter()
        .rposition(|&x| !org_cue_space(x))
        .map_or(0, |k| k + 1)
}

/// Whether byte `i` of the sentence `b` is an ASCII capital that may start
/// an [`ORG_CUE_RE`] name: after whitespace after one of
/// [`ORG_CUE_LAST_WORDS`] that starts at a word boundary and has what
/// [`org_cue_word_before`] asks before it (`the` after such a word). Every
/// name of a match starts at such a byte: the test [`may_hold_org_cue_in`]
/// makes at each marked byte.
fn org_cue_at(b: &[u8], i: usize) -> bool {
    if !b.get(i).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let head = b.get(..i).unwrap_or(&[]);
    let end = word_end(head);
    end < head.len() && head.get(..end).is_some_and(|h| ends_with_org_cue(h, true))
}

/// Whether `h` ends with one of [`ORG_CUE_LAST_WORDS`] at a word boundary
/// (no ASCII letter, digit or `_` before it) with what
/// [`org_cue_word_before`] asks before it; `the` only when `lead_in`, and
/// then after whitespace after such a word (`lead_in` false: one lead-in
/// at most).
fn ends_with_org_cue(h: &[u8], lead_in: bool) -> bool {
    let Some(cue) = org_cue_last_word(h) else {
        return false;
    };
    let before = h.get(..h.len() - cue.len()).unwrap_or(&[]);
    if before
        .last()
        .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'_')
    {
        return false;
    }
    let need = org_cue_word_before(cue);
    if need.is_empty() && cue != ORG_CUE_THE {
        return true;
    }
    let end = word_end(before);
    let prev = before.get(..end).unwrap_or(&[]);
    end < before.len()
        && if cue == ORG_CUE_THE {
            lead_in && ends_with_org_cue(prev, false)
        } else {
            need.iter().any(|w| prev.ends_with(w))
        }
}

/// The one of [`ORG_CUE_LAST_WORDS`] that `h` ends with, if any (no two
/// of them end alike): picked by the last byte, then compared, so that
/// the many words that end no cue cost a byte comparison or two. A test
/// compares it with a scan of the list.
fn org_cue_last_word(h: &[u8]) -> Option<&'static [u8]> {
    let cue: &'static [u8] = match h.last()? {
        b'o' => b"to",
        b'y' => b"by",
        b'h' => b"with",
        b'm' => b"from",
        b'n' => b"in",
        b'r' if h.ends_with(b"or") => b"licensor",
        b'r' => b"partner",
        b'e' if h.ends_with(b"he") => ORG_CUE_THE,
        b'e' => b"licensee",
        _ => return None,
    };
    h.ends_with(cue).then_some(cue)
}

/// Bytes per block of [`may_hold_org_cue_in`]'s branch-free scan.
const ORG_CUE_BLOCK: usize = 32;

/// Bytes [`org_cue_capitals`] looks back from a capital.
const ORG_CUE_BACK: usize = 1;

/// Whether the capital-like byte `c` follows `p2 p1` as in a cue: `p1`
/// whitespace as [`org_cue_space`] counts it, and `p2` either the last
/// letter of one of [`ORG_CUE_LAST_WORDS`] or whitespace too (a run of
/// it, whose word [`org_cue_at`] then finds). [`may_hold_org_cue_in`]
/// makes it in two halves, [`org_cue_capital`] by blocks and
/// [`org_cue_before`] at the bytes that pass the first; this whole form is
/// what the tests read. A byte outside the text is passed as 0, which is
/// neither.
#[cfg(test)]
fn org_cue_candidate(p2: u8, p1: u8, c: u8) -> bool {
    org_cue_capital(p1, c) & org_cue_before(p2)
}

/// Whitespace as [`org_cue_space`] counts it, branch-free: `' '`, the
/// bytes `\t` to `\r` (the vertical tab among them), any non-ASCII byte.
#[inline(always)]
const fn org_cue_ws(x: u8) -> bool {
    (x == b' ') | (x.wrapping_sub(b'\t') < 5) | (x >= 0x80)
}

/// The first half of [`org_cue_candidate`]: `c` an ASCII capital after
/// whitespace `p1`. Branch-free, so a block of it vectorizes.
#[inline(always)]
fn org_cue_capital(p1: u8, c: u8) -> bool {
    (c.wrapping_sub(b'A') < 26) & org_cue_ws(p1)
}

/// The second half of [`org_cue_candidate`]: `p2` the last letter of one
/// of [`ORG_CUE_LAST_WORDS`] or whitespace.
const fn org_cue_before(p2: u8) -> bool {
    let last = (p2 == b'o')
        | (p2 == b'y')
        | (p2 == b'h')
        | (p2 == b'm')
        | (p2 == b'n')
        | (p2 == b'r')
        | (p2 == b'e');
    last | org_cue_ws(p2)
}

/// [`org_cue_before`] of every byte, looked up once per capital after
/// whitespace by [`may_hold_org_cue_in`].
const ORG_CUE_BEFORE_TABLE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = org_cue_before(i as u8);
        i += 1;
    }
    t
};

/// The bytes of `b` from `k` on (up to [`ORG_CUE_BLOCK`] of them) where
/// [`org_cue_capital`] holds, as bits (bit `j` for byte `k + j`),
/// looking back into the byte before `k`; bytes outside `b` count as 0.
/// Every byte where [`org_cue_at`] holds for a sentence of `b` is marked.
fn org_cue_capitals(b: &[u8], k: usize) -> u32 {
    let full = k
        .checked_sub(ORG_CUE_BACK)
        .and_then(|lo| b.get(lo..k + ORG_CUE_BLOCK))
        .and_then(|w| <[u8; ORG_CUE_BACK + ORG_CUE_BLOCK]>::try_from(w).ok());
    let w = full.unwrap_or_else(|| {
        let mut w = [0u8; ORG_CUE_BACK + ORG_CUE_BLOCK];
        let lo = k.saturating_sub(ORG_CUE_BACK);
        let src = b.get(lo..(k + ORG_CUE_BLOCK).min(b.len())).unwrap_or(&[]);
        for (d, &c) in w.iter_mut().skip(ORG_CUE_BACK - (k - lo)).zip(src) {
            *d = c;
        }
        w
    });
    // One 0/1 byte per position (a loop the compiler vectorizes), then
    // eight of them at a time gathered into bits by a multiplication: bit
    // `j` of `(x * ORG_CUE_GATHER) >> 56` is byte `j` of `x` when each byte
    // of `x` is 0 or 1.
    let at = |d: usize| w.get(d..d + ORG_CUE_BLOCK).unwrap_or(&[]);
    let mut hits = [0u8; ORG_CUE_BLOCK];
    for (h, (&p1, &c)) in hits.iter_mut().zip(at(0).iter().zip(at(1))) {
        *h = u8::from(org_cue_capital(p1, c));
    }
    let mut m = 0u32;
    for (q, eight) in hits.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(eight).unwrap_or([0; 8]));
        m |= ((x.wrapping_mul(ORG_CUE_GATHER) >> 56) as u32) << (8 * q);
    }
    m
}

/// The multiplier that gathers eight 0/1 bytes into the bits of a byte
/// (see [`org_cue_capitals`]).
const ORG_CUE_GATHER: u64 = 0x0102_0408_1020_4080;

/// A weak cue (`by X`, `from X`, `partner X`, in any ASCII case), which
/// only confirms names seen elsewhere: the cue's first bytes compared
/// ignoring ASCII case, without a lowercased copy of the cue.
fn weak_org_cue(cue: &str) -> bool {
    let cue = cue.as_bytes();
    [b"by ".as_slice(), b"from ", b"partner "].iter().any(|w| {
        cue.get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
    })
}

/// Organization lists after `partners include` / `partnerships with`. The
/// first word of each cue is an anchor of the sentence gate
/// ([`Cues::PARTNER_LIST`]): a cue added here must be added there too.
static PARTNER_LIST_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:partners\s+(?:include|are|such\s+as)|partnerships\s+with|collaborations\s+with|partnered\s+with|licensees\s+include)\s+(?P<list>[^.;:]+)")
        .expect("static regex")
});

/// The byte range of the `list` group of each [`PARTNER_LIST_RE`] match
/// in `st`. The group ends the match and starts after the cue's words and
/// the whitespace after them, so on ASCII matches it is read off the text
/// ([`partner_list_start`]) and the capture engine runs only on the others
/// (`ſ` is a case variant of `s`, and `\s` takes non-ASCII spaces).
fn partner_lists(st: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for m in PARTNER_LIST_RE.find_iter(st) {
        let t = m.as_str();
        let list = if t.is_ascii() {
            partner_list_start(t).map(|k| m.start() + k..m.end())
        } else {
            PARTNER_LIST_RE
                .captures(t)
                .and_then(|c| c.name("list"))
                .map(|l| m.start() + l.start()..m.start() + l.end())
        };
        out.extend(list);
    }
    out
}

/// Where the `list` group starts in `t`, an ASCII [`PARTNER_LIST_RE`]
/// match: after the cue's two words (three for `partners such as`) and the
/// whitespace after them, which the pattern's `\s+` takes whole unless
/// nothing would be left for the list, which then is the last whitespace
/// byte. `None` if `t` is not such a match.
fn partner_list_start(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let space = |x: &u8| x.is_ascii_whitespace() || *x == 0x0B;
    let skip = |i: usize, f: &dyn Fn(&u8) -> bool| {
        i + b
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|x| f(x)).count())
    };
    let word = |i: usize| skip(i, &|x: &u8| x.is_ascii_alphabetic());
    let w1 = word(0);
    let s1 = skip(w1, &space);
    let w2 = word(s1);
    let mut end = w2;
    let such = b
        .get(s1..w2)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"such"));
    if such
        && b.get(..w1)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"partners"))
    {
        end = word(skip(w2, &space));
    }
    let list = skip(end, &space);
    if w1 == 0 || s1 == w1 || w2 == s1 || list == end {
        return None;
    }
    Some(if list < b.len() { list } else { b.len() - 1 })
}

static FORWARD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:expects?|expected|expecting|anticipat\w*|plans?|planned|planning|intends?|intended|on\s+track|will|shall|to\s+(?:begin|start|initiate|commence|enter|advance|file|submit|apply|launch|dose|open)|scheduled|towards?|aims?|goal|remains?\s+on\s+track|upcoming|forthcoming|would|could|potential(?:ly)?\s+to|next\s+step|prepar\w*|seeks?\s+to|is\s+set\s+to|clearance\s+to|cleared\s+to|approval\s+to|permission\s+to)(?-u:\b)")
        .expect("static regex")
});
static START_VERB_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:begin(?:ning)?|start(?:ing)?|initiat\w*|commenc\w*|enter(?:ing)?|advanc\w*|file|filing|submit\w*|submission|apply(?:ing)?|launch\w*|dos(?:e|ing)|open(?:ing)?|enrol\w*|mov(?:e|ing)|progress\w*|conduct(?:ing)?|evaluat\w*|assess(?:ing)?|test\w*)(?-u:\b)")
        .expect("static regex")
});
static ACHIEVED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:began|begun|initiated|initiation|started|entered|entry|advanced|advancement|opened|launched|launch|commenced|dosed|dosing\s+of\s+the\s+first|submitted|submission|filed|cleared|clearance|accepted|acceptance|approved|received|granted|triggering|triggered|moved|progressed|now\s+active|active|enrolled\s+(?:the\s+)?first|first\s+patient)(?-u:\b)")
        .expect("static regex")
});
static ONGOING_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:ongoing|underway|under\s+way|is\s+in|are\s+in|currently\s+in|enrolling|enrollment|recruiting|continues?|continuing|evaluating|being\s+evaluated|in\s+development|being\s+developed|nearing\s+completion|expansion|undergoing|conducting|is\s+being)(?-u:\b)")
        .expect("static regex")
});
static COMPLETED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:completed|completion\s+of|concluded|finished)(?-u:\b)")
        .expect("static regex")
});
static ENROLLMENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:enrollment|enrolment|enrolling|recruitment|nearing)(?-u:\b)")
        .expect("static regex")
});
/// A state right before a phase mention: `currently in a`, `now being
/// evaluated in the` (matched on lowercased text).
const CURRENTLY_IN: &str = r"(?-u:\b)(?:currently|now)\s+(?:being\s+(?:evaluated|studied|tested)\s+)?in\s+(?:an?\s+|the\s+|its\s+|our\s+)?(?:[a-z0-9-]+\s+){0,2}$";
/// A stop right before a phase mention: `terminated the ongoing`.
const HALTED_BEFORE: &str = r"(?-u:\b)(?:terminat\w*|discontinu\w*|halt\w*|stopp\w*|suspend\w*|clos(?:e|ed|ing))\s+(?:the\s+|its\s+|our\s+|their\s+|a\s+)?(?:ongoing\s+|pivotal\s+|global\s+)?$";
/// A forward adjective at most two words before a phase mention: `the
/// planned pivotal` (see [`planned_from`]).
const FORWARD_ADJECTIVE_BEFORE: &str = r"(?-u:\b)(?:upcoming|forthcoming|planned|anticipated|expected|proposed|intended|future)\s+(?:[a-z0-9-]+\s+){0,2}$";
/// `... was completed` right after a phase mention.
const COMPLETED_AFTER: &str = r"^[^,;]{0,30}(?-u:\b)(?:was|has\s+been|were)\s+completed";
/// A transition verb right after a phase mention: `... began`, `... was
/// cleared`.
const ACHIEVED_AFTER: &str = r"^[^;]{0,40}?(?-u:\b)(?:began|begun|was\s+initiated|has\s+been\s+initiated|initiated|started|commenced|opened|was\s+submitted|submitted|was\s+cleared|cleared|was\s+accepted|accepted|was\s+approved|approved|dosed|now\s+active|is\s+now\s+active|triggering)(?-u:\b)";
/// A start in the future right after a phase mention: `... will begin`.
const WILL_START_AFTER: &str =
    r"^[^,;]{0,30}(?-u:\b)(?:will\s+(?:begin|start|commence|be\s+initiated))";

/// The patterns [`LeftCues`] tests on the text left of a phase mention, in
/// the order of its fields.
fn left_cue_patterns() -> [&'static str; 8] {
    [
        FORWARD_RE.as_str(),
        COMPLETED_RE.as_str(),
        ACHIEVED_RE.as_str(),
        ONGOING_RE.as_str(),
        ENROLLMENT_RE.as_str(),
        CURRENTLY_IN,
        HALTED_BEFORE,
        FORWARD_ADJECTIVE_BEFORE,
    ]
}

/// The patterns [`RightCues`] tests on the text right after a phase
/// mention, in the order of its fields.
fn right_cue_patterns() -> [&'static str; 5] {
    [
        ONGOING_RE.as_str(),
        ENROLLMENT_RE.as_str(),
        COMPLETED_AFTER,
        ACHIEVED_AFTER,
        WILL_START_AFTER,
    ]
}

static LEFT_CUES: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(left_cue_patterns()).expect("static regex set"));
static RIGHT_CUES: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(right_cue_patterns()).expect("static regex set"));

/// Which of [`classify`]'s cue patterns match `l`, the lowercased text left
/// of a phase mention. All of them are found in one pass of [`LEFT_CUES`]
/// instead of one search per pattern (most mentions test most of them).
/// Each flag is exactly `Regex::new(pattern).is_match(l)` for its pattern
/// in [`left_cue_patterns`]: a [`RegexSet`] reports a pattern as matched
/// if and only if that pattern alone matches somewhere in the haystack,
/// and the set is built from the very pattern strings (the statics'
/// `as_str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LeftCues {
    /// [`FORWARD_RE`]: a forward cue (`plans to`, `expects`).
    forward: bool,
    /// [`COMPLETED_RE`].
    completed: bool,
    /// [`ACHIEVED_RE`].
    achieved: bool,
    /// [`ONGOING_RE`].
    ongoing: bool,
    /// [`ENROLLMENT_RE`].
    enrollment: bool,
    /// [`CURRENTLY_IN`].
    currently_in: bool,
    /// [`HALTED_BEFORE`].
    halted: bool,
    /// [`FORWARD_ADJECTIVE_BEFORE`].
    forward_adjective: bool,
}

impl LeftCues {
    /// The flags of `l`, from one [`LEFT_CUES`] search. (Unlike
    /// [`RightCues::of`], no `is_match` goes first: most texts left of a
    /// mention hold a cue, and the pre-check only added its own search.)
    fn of(l: &str) -> LeftCues {
        let m = LEFT_CUES.matches(l);
        LeftCues {
            forward: m.matched(0),
            completed: m.matched(1),
            achieved: m.matched(2),
            ongoing: m.matched(3),
            enrollment: m.matched(4),
            currently_in: m.matched(5),
            halted: m.matched(6),
            forward_adjective: m.matched(7),
        }
    }
}

/// Which of [`classify`]'s cue patterns match `r_head`, the lowercased
/// text right after a phase mention (its first 60 chars), found in one
/// pass of [`RIGHT_CUES`]. Each flag is exactly
/// `Regex::new(pattern).is_match(r_head)` for its pattern in
/// [`right_cue_patterns`], as for [`LeftCues`]; the `^` of the anchored
/// ones anchors each at the start of `r_head` inside the set as well.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct RightCues {
    /// [`ONGOING_RE`].
    ongoing: bool,
    /// [`ENROLLMENT_RE`].
    enrollment: bool,
    /// [`COMPLETED_AFTER`].
    completed: bool,
    /// [`ACHIEVED_AFTER`].
    achieved: bool,
    /// [`WILL_START_AFTER`].
    will_start: bool,
}

impl RightCues {
    /// The flags of `r_head`, from one [`RIGHT_CUES`] search.
    ///
    /// The set's `is_match` goes first: it stops at the first cue and runs
    /// the fast forward search, while `matches` steps the slower
    /// overlapping search over all of `r_head`. Most texts right of a
    /// mention hold no cue (three in four in the profiled documents),
    /// and for them every flag is false.
    fn of(r_head: &str) -> RightCues {
        if !RIGHT_CUES.is_match(r_head) {
            return RightCues::default();
        }
        let m = RIGHT_CUES.matches(r_head);
        RightCues {
            ongoing: m.matched(0),
            enrollment: m.matched(1),
            completed: m.matched(2),
            achieved: m.matched(3),
            will_start: m.matched(4),
        }
    }
}
/// A verb that makes an `IND` mention an event: submitted, cleared,
/// active, file, submission.
static IND_VERB_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:submit\w*|submission|file[ds]?|filing|clear\w*|accept\w*|active|allow\w*|effective|approv\w*|open\w*)(?-u:\b)")
        .expect("static regex")
});
/// Forward-looking-statement boilerplate: a sentence whose
/// ASCII-lowercased text holds one of these phrases states no phase event.
/// Prebuilt `memmem` searchers: `str::contains` builds a substring searcher
/// per phrase and call.
static BOILERPLATE: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
    [
        "forward-looking",
        "risks and uncertainties",
        "differ materially",
        "uncertainties as to",
    ]
    .map(memchr::memmem::Finder::new)
});
/// `, and `, searched from the end of the text before a phase mention for
/// the start of its clause. The phrase cannot overlap itself, so its
/// occurrences from the end are those of `str::rmatch_indices`, at the same
/// byte offsets (an ASCII phrase only matches at char boundaries).
static AND_REV: LazyLock<memchr::memmem::FinderRev<'static>> =
    LazyLock::new(|| memchr::memmem::FinderRev::new(", and "));
/// `, while`, the last clause start before a phase mention when neither
/// `;` nor `, and` gives one (`str::rfind`'s offset).
static WHILE_REV: LazyLock<memchr::memmem::FinderRev<'static>> =
    LazyLock::new(|| memchr::memmem::FinderRev::new(", while"));
/// Whether a sentence's phase mentions can matter, from its compound
/// mentions `comps`, its context compound `ctx` and its amounts `money`.
/// Phase mentions serve phase events and payment triggers only. A phase
/// event goes to the subjects of its mention, which are compounds of the
/// sentence or, in a sentence without one, its context compound: with
/// neither, [`Extractor::phase_events`] finds no subject and records
/// nothing. A trigger belongs to an amount. So a sentence with only
/// organizations and no amount is not scanned for phase mentions.
fn phases_used(comps: &[Mention], ctx: Option<usize>, money: &[Found<mentions::Money>]) -> bool {
    !comps.is_empty() || ctx.is_some() || !money.is_empty()
}

/// The mentions of `ms` not in a comparator position (`comparator`), or
/// all of them if every one is. With fewer than two mentions that is `ms`
/// whatever `comparator` says (one mention is kept or, alone dropped,
/// restored), so the test is not run.
fn without_comparators(ms: Vec<Mention>, comparator: impl Fn(&Mention) -> bool) -> Vec<Mention> {
    if ms.len() < 2 {
        return ms;
    }
    let kept: Vec<Mention> = ms.iter().filter(|m| !comparator(m)).copied().collect();
    if kept.is_empty() { ms } else { kept }
}

/// Whether `lower`, an ASCII-lowercased sentence, is forward-looking-
/// statement boilerplate (holds a [`BOILERPLATE`] phrase).
fn is_boilerplate(lower: &str) -> bool {
    BOILERPLATE
        .iter()
        .any(|f| f.find(lower.as_bytes()).is_some())
}

/// The byte offset in `seg` (the text from the previous phase mention to
/// this one) where the mention's clause starts: the last `;`, else the
/// last `, and` before a lowercase word (`..., and are progressing X`; not
/// a list's `A, B, and C`), else the last `, while`. The three searches are
/// pure: each runs only when the ones before it found nothing. `;` is
/// ASCII, so its last byte is its last char (`str::rfind`'s offset).
fn clause_break(seg: &str) -> Option<usize> {
    let and_clause = || {
        AND_REV.rfind_iter(seg.as_bytes()).find(|&k| {
            seg.get(k + 6..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_lowercase())
        })
    };
    memchr::memrchr(b';', seg.as_bytes())
        .or_else(and_clause)
        .or_else(|| WHILE_REV.rfind(seg.as_bytes()))
}

static PAYMENT_WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:milestones?|up-?front|upfront|license\s+fees?|licensing\s+fees?|royalt(?:y|ies)|signing\s+fee|option\s+fee|payments?)(?-u:\b)")
        .expect("static regex")
});
static AGGREGATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:license\s+and\s+milestone\s+fees|revenues?\s+(?:for|were|was|of|in)(?-u:\b)|total\s+revenues?(?-u:\b)|net\s+(?:loss|income)(?-u:\b)|operating\s+expenses(?-u:\b)|compared\s+(?:to|with)\s+\$|research\s+and\s+development\s+(?:support|expenses)(?-u:\b))")
        .expect("static regex")
});
/// Words saying a payment was made: its condition has happened.
static PAID_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:received|earned|recognized|collected|paid|triggered)(?-u:\b)")
        .expect("static regex")
});
static POTENTIAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:up\s+to|eligible|potential(?:ly)?|remaining|could\s+(?:receive|earn)|may\s+(?:receive|earn)|additional|future|contingent|aggregate\s+of\s+up|would\s+(?:receive|earn)|entitled)(?-u:\b)")
        .expect("static regex")
});
static COMPARATOR_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:compared\s+(?:to|with)|versus|(?-u:\b)vs\.?|(?-u:\b)than|(?-u:\b)plus|in\s+combination\s+with|combined\s+with|standard\s+of\s+care,?|standard\s+care|trademarks?\s+of|treated\s+with|treatment\s+with|regimen\s+(?:of|with|that\s+included)|(?:after|following|prior)\s+(?:treatment\s+with\s+)?|refractory\s+to|resistant\s+to|failed|therap(?:y|ies),?\s+including|regimens?,?\s+including)\s*(?:the\s+)?(?:[a-z0-9®™-]+\s*){0,2}[(\[]?$")
        .expect("static regex")
});
static COMPARATOR_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[®™]?\s*(?:\([^)]*\)\s*)?(?:plus(?-u:\b)|and\s+chemotherapy|\+\s*chemo|-based\s+(?:therapy|regimen)|-containing|-refractory|-resistant|-pretreated|-naive|is\s+a\s+registered\s+trademark)")
        .expect("static regex")
});
static CLEARED_TO_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:clearance|cleared|approval|allowance|allowed|permission|authori[sz]ation|go-ahead)\s+(?:from\s+the\s+\w+\s+)?(?:to|for)\s+(?:progress|proceed|begin|start|initiate|advance|commence|move)")
        .expect("static regex")
});
/// "These compounds", "both product candidates": the sentence speaks of
/// the previous sentence's compounds. Anchored at the start; every match
/// starts with one of [`THESE_HEADS`], which [`these_ref`] tests first.
static THESE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:these|both|all\s+(?:three|four|five|of\s+these))\s+(?:\w+\s+)?(?:compounds|product\s+candidates|candidates|programs|products|drugs|ADCs|antibodies|assets)(?-u:\b)")
        .expect("static regex")
});
static BRAND_BEFORE_PAREN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s,;:])([A-Z][a-z]{3,}[A-Za-z]*)[®™]?\s*\($").expect("static regex")
});
/// "This", "it", "the compound": the sentence speaks of the section's
/// compound. Anchored at the start; every match starts with one of
/// [`THIS_REF_HEADS`], which [`this_ref`] tests first.
static THIS_REF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:this|these|it|its|the\s+(?:compound|product|candidate|drug|adc|antibody|program))(?-u:\b)")
        .expect("static regex")
});

/// The first two letters (ASCII-lowercased) of the words that start a
/// [`THIS_REF_RE`] match: `th` (`this`, `these`, `the ...`) and `it`
/// (`it`, `its`). A word added to the pattern adds its letters here.
const THIS_REF_HEADS: [[u8; 2]; 2] = [*b"th", *b"it"];

/// The first two letters (ASCII-lowercased) of the words that start a
/// [`THESE_RE`] match: `th` (`these`), `bo` (`both`), `al` (`all ...`).
/// A word added to the pattern adds its letters here.
const THESE_HEADS: [[u8; 2]; 3] = [*b"th", *b"bo", *b"al"];

/// True when `t` starts with one of `heads`, ignoring ASCII case: the
/// exact skip before an anchored pattern each of whose matches starts with
/// one of them. Why: the anchored patterns run on nearly every sentence
/// with a compound or context, and the regex engine's setup per call costs
/// more than the few bytes it reads. `(?i)` folds no non-ASCII character
/// onto these letters (only `ſ` and the Kelvin sign fold onto ASCII
/// letters, `s` and `k`; see `FOLDS_TO_ASCII` in `cues.rs`), so a `t`
/// without such a head cannot match.
fn starts_with_head(t: &str, heads: &[[u8; 2]]) -> bool {
    match t.as_bytes() {
        [a, b, ..] => heads.contains(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()]),
        _ => false,
    }
}

/// [`THIS_REF_RE`] on `t`, run only where [`THIS_REF_HEADS`] allow a
/// match.
fn this_ref(t: &str) -> bool {
    starts_with_head(t, &THIS_REF_HEADS) && THIS_REF_RE.is_match(t)
}

/// [`THESE_RE`] on `t`, run only where [`THESE_HEADS`] allow a match.
fn these_ref(t: &str) -> bool {
    starts_with_head(t, &THESE_HEADS) && THESE_RE.is_match(t)
}

fn is_heading(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.len() < 90
        && !t.ends_with(['.', ',', ';', ':'])
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.contains('\t')
}

fn strip_bullet(line: &str) -> (usize, &str) {
    let t = line.trim_start();
    let mut off = line.len() - t.len();
    let mut s = t;
    loop {
        let before = s.len();
        for b in ["·", "•", "- ", "– ", "* ", "o ", "▪", "●", "◦"] {
            if let Some(r) = s.strip_prefix(b) {
                s = r.trim_start();
            }
        }
        if s.len() == before {
            break;
        }
    }
    off += t.len() - s.len();
    (off, s)
}

impl<'a> Extractor<'a> {
    /// Prepares the extraction of `doc`: sentence split and date context.
    pub fn new(doc: &'a Document) -> Extractor<'a> {
        let text = doc.text.as_str();
        let sents = sentences::split(text);
        Extractor {
            doc,
            text,
            cues: cues::sentence_cues(text, &sents),
            sents,
            dates: DateContext {
                report: doc.info.report_date,
                fiscal_year_end_month: doc.info.fiscal_year_end_month.unwrap_or(12),
            },
            compounds: Compounds::default(),
            compound_mentions: Vec::new(),
            orgs: Vec::new(),
            org_prep_at: FxHashMap::default(),
            org_preps: Vec::new(),
            org_mentions: Vec::new(),
            target_mentions: Vec::new(),
            context: Vec::new(),
        }
    }

    fn sent_text(&self, s: &Sentence) -> &'a str {
        self.text.get(s.start..s.end).unwrap_or("")
    }

    /// The rule families sentence `si` may hold ([`Cues::ALL`] if unknown).
    fn gate(&self, si: usize) -> Cues {
        self.cues.get(si).copied().unwrap_or(Cues::ALL)
    }

    /// Runs all passes and returns the document's facts.
    pub fn run(mut self) -> DocFacts {
        self.find_compounds();
        self.find_orgs();
        self.find_targets();
        self.compute_context();
        let mut out = Relations::default();
        let mut at = MentionCursors::default();
        for i in 0..self.sents.len() {
            self.sentence_relations(i, &mut at, &mut out);
        }
        self.payment_tables(&mut out);
        self.finish(out)
    }

    // ------------------------------------------------------------ compounds

    fn find_compounds(&mut self) {
        let text = self.text;
        let mut raw: Vec<(usize, usize, usize)> = Vec::new(); // start, end, id
        for si in 0..self.sents.len() {
            let Some(s) = self.sents.get(si).copied() else {
                continue;
            };
            let st = self.sent_text(&s);
            let mut found = mentions::find_compounds_cued(st, self.gate(si));
            // Trademark notices list brands of every kind (comparators,
            // platforms); a brand is a compound only where it is used.
            if TRADEMARK.find(st.as_bytes()).is_some() {
                found.retain(|f| f.what != NameShape::Brand);
            }
            // "Brandname (inn)": a capitalized word right before a
            // parenthesized nonproprietary name is its brand.
            let mut brands = Vec::new();
            for f in &found {
                if f.what != NameShape::Nonproprietary {
                    continue;
                }
                let before = st.get(..f.start).unwrap_or("");
                let closes = st.get(f.end..).is_some_and(|r| r.starts_with(')'));
                if let (Some(c), true) = (BRAND_BEFORE_PAREN_RE.captures(before), closes)
                    && let Some(w) = c.get(1)
                {
                    let word = w.as_str();
                    let known = LEXICON.company_by_key.contains_key(&name_key(word))
                        || LEXICON.not_org.contains(&name_key(word));
                    if !known
                        && !mentions::BRAND_STOP.contains(&word)
                        && !lexicon::is_inn_word(word)
                    {
                        brands.push(Found {
                            start: w.start(),
                            end: w.end(),
                            what: NameShape::Brand,
                        });
                    }
                }
            }
            found.extend(brands);
            found.sort_by_key(|f| f.start);
            for f in &found {
                let surface = st.get(f.start..f.end).unwrap_or("");
                let id = self.compounds.add(surface, f.what, s.start + f.start);
                raw.push((s.start + f.start, s.start + f.end, id));
                // "name (ABBR)" where ABBR is not otherwise a compound.
                let after = st.get(f.end..).unwrap_or("");
                if let Some(c) = PAREN_ABBR_RE.captures(after) {
                    let Some(abbr) = c.get(1) else { continue };
                    let a = abbr.as_str();
                    let has_digit = a.chars().any(|c| c.is_ascii_digit());
                    let is_target = LEXICON.target_by_key.contains_key(&name_key(a));
                    let taken = found.iter().any(|g| g.start == f.end + abbr.start());
                    if has_digit && !is_target && !taken && a.len() >= 4 {
                        let at = s.start + f.end + abbr.start();
                        let aid = self.compounds.add(a, NameShape::Alias, at);
                        self.compounds.union(id, aid);
                    }
                }
            }
        }
        // Every alias, found again everywhere (a brand seen once with ® is a
        // brand everywhere; `T-DM1` named in a heading is named in the text).
        let mut pats: Vec<String> = Vec::new();
        let mut pat_ids: Vec<usize> = Vec::new();
        for id in 0..self.compounds.names.len() {
            let names = self.compounds.names.get(id).cloned().unwrap_or_default();
            for n in names {
                let mut forms = vec![n.clone()];
                let mut cs = n.chars();
                if let Some(c) = cs.next() {
                    let rest: String = cs.collect();
                    let flipped = if c.is_uppercase() {
                        c.to_lowercase().collect::<String>() + &rest
                    } else {
                        c.to_uppercase().collect::<String>() + &rest
                    };
                    forms.push(flipped);
                }
                for f in forms {
                    if !pats.contains(&f) {
                        pats.push(f);
                        pat_ids.push(id);
                    }
                }
            }
        }
        let mut all: Vec<(usize, usize, usize)> = raw;
        for (start, end, p) in mentions::find_names(text, &pats) {
            if !mentions::word_bounded(text, start, end) {
                continue;
            }
            if let Some(&id) = pat_ids.get(p) {
                all.push((start, end, id));
            }
        }
        all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        all.dedup_by(|b, a| b.0 < a.1);
        // Alias cues between consecutive mentions of one sentence:
        // "X (Y)", "X, formerly Y", "X (aka Y or Z)".
        for si in 0..self.sents.len() {
            let Some(s) = self.sents.get(si).copied() else {
                continue;
            };
            let st = self.sent_text(&s);
            let from = all.partition_point(|m| m.0 < s.start);
            let inside: Vec<(usize, usize, usize)> = all
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.0 < s.end)
                .filter(|m| m.1 <= s.end)
                .map(|m| (m.0 - s.start, m.1 - s.start, m.2))
                .collect();
            for w in inside.windows(2) {
                let [a, b] = w else { continue };
                let between = st.get(a.1..b.0).unwrap_or("");
                let lower = between.to_ascii_lowercase();
                // An open "(aka ..." group: only the text just before B matters.
                let in_group = ALIAS_LIST_RE.is_match(between) && {
                    let mut lo = b.0.saturating_sub(160);
                    while lo > 0 && !st.is_char_boundary(lo) {
                        lo -= 1;
                    }
                    ALIAS_GROUP_OPEN_RE.is_match(st.get(lo..b.0).unwrap_or(""))
                };
                let paren_alias = ALIAS_BETWEEN_RE.is_match(between)
                    && (between.contains('(')
                        || lower.contains("formerly")
                        || lower.contains("known")
                        || lower.contains("aka"));
                let list_alias = in_group && ALIAS_LIST_RE.is_match(between);
                // "ABC-101/Brandname®": a code and a name of another shape.
                let slash_alias = between == "/" && {
                    let (ra, rb) = (self.compounds.find(a.2), self.compounds.find(b.2));
                    let sa = self.compounds.shapes.get(ra).cloned().unwrap_or_default();
                    let sb = self.compounds.shapes.get(rb).cloned().unwrap_or_default();
                    sa.contains(&NameShape::Code) != sb.contains(&NameShape::Code)
                };
                // "A (B)" and "A (aka B or C)": the parenthesis closes soon
                // after B, with no other parenthesis opening first.
                let closes = !between.contains('(')
                    || st.get(b.1..).is_some_and(|r| match r.find(')') {
                        Some(k) => k <= 40 && !r.get(..k).unwrap_or("").contains('('),
                        None => false,
                    });
                if (paren_alias && closes) || list_alias || slash_alias {
                    self.compounds.union(a.2, b.2);
                }
            }
        }
        let mut out = Vec::with_capacity(all.len());
        for (start, end, id) in all {
            let entity = self.compounds.find(id);
            out.push(Mention { start, end, entity });
        }
        self.compound_mentions = out;
    }

    // ------------------------------------------------------------ organizations

    /// The organization entity `surface` names (a new one, or an earlier
    /// one that gains `surface` and its display form as aliases), `None`
    /// when it names none; `lexicon` is the lexicon company it matched, if
    /// any.
    ///
    /// What depends on the arguments alone (title and trim steps, display
    /// name, keys, lexicon entry: an [`OrgPrep`]) is computed once per
    /// surface, `lexicon` argument and document and kept in `org_preps`
    /// (found by surface through `org_prep_at`, one hash per call when
    /// known, then by `lexicon` along the surface's chain). An [`OrgPrep`]
    /// depends on these two and the static lexicon alone, so a kept one is
    /// what a new one would be, and a surface met both with and without its
    /// lexicon entry is prepared once for each. What depends on the
    /// organizations found so far runs on every call: whether a glued
    /// heading comes off ([`Extractor::unglued`]) and which entity the name
    /// joins.
    fn org_for(&mut self, surface: &str, lexicon: Option<usize>) -> Option<usize> {
        let at = match self.org_prep_at.get(surface) {
            Some(&first) => {
                // The surface's preparations, one per `lexicon` argument
                // seen, chained through `next`.
                let mut at = first;
                loop {
                    let p = self.org_preps.get(at)?;
                    if p.lexicon == lexicon {
                        break at;
                    }
                    match p.next {
                        Some(n) => at = n,
                        None => {
                            let new = self.org_preps.len();
                            if let Some(p) = self.org_preps.get_mut(at) {
                                p.next = Some(new);
                            }
                            self.org_preps.push(OrgPrep::new(surface, lexicon));
                            break new;
                        }
                    }
                }
            }
            None => {
                let at = self.org_preps.len();
                self.org_preps.push(OrgPrep::new(surface, lexicon));
                self.org_prep_at.insert(surface.to_string(), at);
                at
            }
        };
        let prep = self.org_preps.get_mut(at)?;
        let unglue = prep
            .tail
            .as_ref()
            .is_some_and(|t| t.in_lexicon || self.orgs.iter().any(|o| o.has_alias_key(&t.key)));
        let cand = match (unglue, prep.tail.as_mut()) {
            (true, Some(t)) => t
                .cand
                .get_or_insert_with(|| OrgCand::new(&t.text, lexicon))
                .as_ref(),
            _ => prep.whole.as_ref(),
        }?;
        // Existing entity: same lexicon company, same key, or a prefix variant.
        for (i, o) in self.orgs.iter_mut().enumerate() {
            let same = (cand.lex.is_some() && o.lexicon == cand.lex)
                || o.key == cand.key
                || o.has_alias_key(&cand.surface_key)
                || o.has_alias_key(&cand.key)
                || prefix_variant(&o.alias_keys, &cand.words);
            if same {
                o.add_alias_keyed(&cand.surface, &cand.surface_key, &cand.words);
                o.add_alias(&cand.display);
                return Some(i);
            }
        }
        let mut o = Org::new(
            cand.name.clone(),
            cand.key.clone(),
            cand.parent.clone(),
            cand.lex,
        );
        o.add_alias_keyed(&cand.surface, &cand.surface_key, &cand.words);
        o.add_alias(&cand.display);
        self.orgs.push(o);
        Some(self.orgs.len() - 1)
    }

    fn find_orgs(&mut self) {
        let text = self.text;
        // The registrant first.
        let mut reg_names: Vec<String> = self.doc.info.registrant_aliases.clone();
        if let Some(r) = &self.doc.info.registrant {
            reg_names.insert(0, r.clone());
        }
        if reg_names.is_empty()
            && let Some(r) = registrant_from_text(text)
        {
            reg_names.push(r);
        }
        for n in &reg_names {
            if let Some(i) = self.org_for(n, None)
                && let Some(o) = self.orgs.get_mut(i)
            {
                o.registrant = true;
            }
        }
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let sents = self.sents.clone();
        for (si, s) in sents.iter().enumerate() {
            let st = self.sent_text(s);
            let gate = self.gate(si);
            let lexicon_companies = gate
                .has(Cues::COMPANY)
                .then(|| mentions::find_lexicon_companies(st));
            for f in lexicon_companies.into_iter().flatten() {
                let surface = st.get(f.start..f.end).unwrap_or("");
                if let Some(i) = self.org_for(surface, Some(f.what)) {
                    found.push((s.start + f.start, s.start + f.end, i));
                    self.add_defined_term(s.start + f.end, i);
                }
            }
            let suffixed = gate
                .has(Cues::ORG_SUFFIX)
                .then(|| mentions::find_orgs_by_suffix_spans(st));
            for f in suffixed.into_iter().flatten() {
                if self.overlaps_compound(s.start + f.start, s.start + f.end) {
                    continue;
                }
                let name = st.get(f.what).unwrap_or("");
                if let Some(i) = self.org_for(name, None) {
                    found.push((s.start + f.start, s.start + f.end, i));
                    self.add_defined_term(s.start + f.end, i);
                }
            }
            let cued = gate
                .has(Cues::ORG_CUE)
                .then(|| org_cues_in(text, s.start, s.end));
            for (whole, n) in cued.into_iter().flatten() {
                let weak = weak_org_cue(st.get(whole).unwrap_or(""));
                let name = trim_org_name(st.get(n.clone()).unwrap_or(""));
                if name.is_empty() || !plausible_org(name) {
                    continue;
                }
                let abs = s.start + n.start;
                if self.overlaps_compound(abs, abs + name.len()) {
                    continue;
                }
                // Weak cues ("by X", "from X") only confirm names seen elsewhere.
                if weak && !self.org_known(name) {
                    continue;
                }
                if let Some(i) = self.org_for(name, None) {
                    found.push((abs, abs + name.len(), i));
                    self.add_defined_term(abs + name.len(), i);
                }
            }
            let lists = gate.has(Cues::PARTNER_LIST).then(|| partner_lists(st));
            for list in lists.into_iter().flatten() {
                for part in split_list(st.get(list.clone()).unwrap_or("")) {
                    let name = trim_org_name(part.1);
                    if name.is_empty() || !plausible_org(name) {
                        continue;
                    }
                    let abs = s.start + list.start + part.0;
                    if let Some(i) = self.org_for(name, None) {
                        if let Some(o) = self.orgs.get_mut(i)
                            && !o.registrant
                        {
                            o.listed_partner = true;
                        }
                        found.push((abs, abs + name.len(), i));
                    }
                }
            }
        }
        // "Zentrix" for "Zentrix Biosciences": a distinctive first word before
        // industry descriptors is the short name.
        for o in self.orgs.iter_mut() {
            let display = mentions::strip_legal_suffix(&o.name).to_string();
            let words: Vec<&str> = display.split_whitespace().collect();
            if let [first, rest @ ..] = words.as_slice() {
                let descriptors = !rest.is_empty()
                    && rest
                        .iter()
                        .all(|w| ORG_DESCRIPTORS.contains(&name_key(w).as_str()));
                if descriptors
                    && first.len() >= 4
                    && first.chars().next().is_some_and(|c| c.is_uppercase())
                    && !GENERIC_FIRST_WORDS.contains(first)
                {
                    o.add_alias(first);
                }
            }
        }
        // Every alias found again everywhere.
        let mut pats = Vec::new();
        let mut ids = Vec::new();
        for (i, o) in self.orgs.iter().enumerate() {
            for a in &o.aliases {
                if a.len() >= 2 && !pats.contains(a) {
                    pats.push(a.clone());
                    ids.push(i);
                }
            }
        }
        let mut all: Vec<Mention> = found
            .into_iter()
            .map(|(start, end, entity)| Mention { start, end, entity })
            .collect();
        for (start, end, p) in mentions::find_names(text, &pats) {
            if !mentions::word_bounded(text, start, end) {
                continue;
            }
            if let Some(&entity) = ids.get(p) {
                all.push(Mention { start, end, entity });
            }
        }
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        all.dedup_by(|b, a| b.start < a.end);
        self.org_mentions = all;
    }

    /// A defined short name right after a mention ending at `end` (text
    /// byte offset) of organization `i` becomes its alias: `Ono
    /// Pharmaceutical Co., Ltd. ("Ono")`, `Pfizer Inc. (“Pfizer”)`. Role
    /// terms (`(the "Company")`) are not names.
    ///
    /// Most mentions are not followed by a parenthesis, so the pattern
    /// runs only where [`may_open_defined_term`] lets it.
    fn add_defined_term(&mut self, end: usize, i: usize) {
        let after = self.text.get(end..).unwrap_or("");
        if !may_open_defined_term(after) {
            return;
        }
        let Some(term) = DEFINED_TERM_RE.captures(after).and_then(|c| c.get(1)) else {
            return;
        };
        let term = term.as_str();
        if !DEFINED_TERMS_NOT_NAMES.contains(&term)
            && let Some(o) = self.orgs.get_mut(i)
        {
            o.add_alias(term);
        }
    }

    /// True when `name` without its legal suffix is a lexicon company or
    /// an alias of an organization found so far.
    fn org_known(&self, name: &str) -> bool {
        let k = name_key(mentions::strip_legal_suffix(name));
        LEXICON.company_by_key.contains_key(&k) || self.orgs.iter().any(|o| o.has_alias_key(&k))
    }

    fn overlaps_compound(&self, start: usize, end: usize) -> bool {
        self.compound_mentions
            .iter()
            .any(|m| m.start < end && start < m.end)
    }

    // ------------------------------------------------------------ targets

    fn find_targets(&mut self) {
        let joins = mentions::bispecific_join_offsets(self.text);
        for (si, s) in self.sents.iter().enumerate() {
            let st = self.text.get(s.start..s.end).unwrap_or("");
            let gate = self.gate(si);
            // Bispecific notation (`CD3xCD20`) names two targets. The gate
            // saw the joined form, so a split sentence runs every finder.
            let spaced = mentions::split_bispecific_in(self.text, s.start, s.end, &joins);
            let gate = match spaced {
                std::borrow::Cow::Borrowed(_) => gate,
                std::borrow::Cow::Owned(_) => Cues::ALL,
            };
            // Names are copied out of the lexicon only for the targets kept.
            let found = mentions::find_target_refs_cued(&spaced, gate);
            let mut cued: Vec<bool> = Vec::with_capacity(found.len());
            for f in &found {
                // "X (BTK)": a target in parentheses right after a compound.
                let after_compound = st.get(..f.start).is_some_and(|b| b.ends_with('('))
                    && st.get(f.end..).is_some_and(|a| a.starts_with(')'))
                    && {
                        let open = s.start + f.start - 1;
                        let k = self.compound_mentions.partition_point(|m| m.end <= open);
                        k.checked_sub(1)
                            .and_then(|i| self.compound_mentions.get(i))
                            .is_some_and(|m| {
                                self.text
                                    .get(m.end..open)
                                    .is_some_and(|g| g.trim().is_empty())
                            })
                    };
                cued.push(after_compound || mentions::target_cue(st, f.start, f.end));
            }
            // Coordinated targets share a cue: "targeting PD-1 and VEGF",
            // "a dual HER2 and HER3 inhibitor", "CD19, CD20 or CD22-directed".
            // `joined[k]`: targets k and k + 1 are joined by a coordinator.
            let joined: Vec<bool> = found
                .windows(2)
                .map(|w| {
                    let gap = w
                        .first()
                        .zip(w.get(1))
                        .and_then(|(a, b)| st.get(a.end..b.start));
                    matches!(
                        gap,
                        Some(
                            " and " | " or " | ", " | ", and " | ", or " | "/" | " & " | "x" | "×"
                        )
                    )
                })
                .collect();
            for k in 1..cued.len() {
                if joined.get(k - 1) == Some(&true) && cued.get(k - 1) == Some(&true) {
                    cued[k] = true;
                }
            }
            for k in (0..cued.len().saturating_sub(1)).rev() {
                if joined.get(k) == Some(&true) && cued.get(k + 1) == Some(&true) {
                    cued[k] = true;
                }
            }
            for (f, _) in found.into_iter().zip(cued).filter(|x| x.1) {
                self.target_mentions.push(Found {
                    start: s.start + f.start,
                    end: s.start + f.end,
                    what: f.what.into_name(),
                });
            }
            let cued = gate
                .has(Cues::TARGET_CUE)
                .then(|| mentions::find_cue_targets(st));
            for f in cued.into_iter().flatten() {
                let (a, b) = (s.start + f.start, s.start + f.end);
                let taken = self
                    .target_mentions
                    .iter()
                    .any(|t| t.start < b && a < t.end);
                if taken || self.overlaps_compound(a, b) {
                    continue;
                }
                self.target_mentions.push(Found {
                    start: a,
                    end: b,
                    what: f.what,
                });
            }
        }
        self.target_mentions.sort_by_key(|t| t.start);
    }

    // ------------------------------------------------------------ context

    /// For each sentence, the compound a sentence without one refers to:
    /// the compound that leads its line, else the section's compound. A
    /// heading without a compound ends a section.
    fn compute_context(&mut self) {
        let mut section: Option<usize> = None;
        let mut line_lead: Option<usize> = None;
        let mut ctx = Vec::with_capacity(self.sents.len());
        let mut last_line = usize::MAX;
        for s in &self.sents {
            if s.line != last_line {
                last_line = s.line;
                // The whole line: from this sentence to the line's end.
                let line_end = self
                    .text
                    .as_bytes()
                    .get(s.start..)
                    .and_then(|r| memchr::memchr(b'\n', r))
                    .map_or(self.text.len(), |p| s.start + p);
                let line = self.text.get(s.start..line_end).unwrap_or("");
                let (off, _) = strip_bullet(line);
                let bullet = off > 0 && line.get(..off).is_some_and(|b| !b.trim().is_empty());
                let lead = leading_compound(&self.compound_mentions, s.start + off, line_end);
                line_lead = lead;
                if let Some(c) = lead {
                    if !bullet || is_heading(line) {
                        section = Some(c);
                    }
                } else if is_heading(line) && !bullet {
                    section = None;
                }
            }
            ctx.push(line_lead.or(section));
        }
        self.context = ctx;
    }

    fn compounds_in(&self, start: usize, end: usize) -> Vec<Mention> {
        mentions_in(&self.compound_mentions, start, end)
    }

    fn registrant_idx(&self) -> Option<usize> {
        self.orgs.iter().position(|o| o.registrant)
    }

    // ------------------------------------------------------------ relations

    /// The relations of sentence `si`. `at` holds where the previous
    /// call's sentence started in the mention lists (see
    /// [`MentionCursors`]).
    fn sentence_relations(&self, si: usize, at: &mut MentionCursors, out: &mut Relations) {
        let Some(s) = self.sents.get(si).copied() else {
            return;
        };
        let st = self.sent_text(&s);
        let comps = mentions_in_from(&self.compound_mentions, &mut at.compounds, s.start, s.end);
        let ctx = self.context.get(si).copied().flatten();
        let orgs = mentions_in_from(&self.org_mentions, &mut at.orgs, s.start, s.end);
        // Every rule below ties a fact to a compound of the sentence, its
        // context compound, or an organization of the sentence (a payment
        // with neither payer nor compound is dropped when facts are built):
        // a sentence with none of the three yields nothing, so its money,
        // phase and date patterns are not run.
        if comps.is_empty() && orgs.is_empty() && ctx.is_none() {
            return;
        }
        let ctx_ok = ctx.is_some() && (comps.is_empty() || this_ref(st.trim_start()));

        // Targets.
        let from = advance_to(&self.target_mentions, &mut at.targets, s.start, |t| t.start);
        for t in self.target_mentions.get(from..).unwrap_or(&[]) {
            if t.start >= s.end {
                break;
            }
            if t.end > s.end {
                continue;
            }
            let c = nearest(&comps, t.start, t.end).or(if comps.is_empty() { ctx } else { None });
            if let Some(c) = c {
                out.targets
                    .insert((c, t.what.name.clone()), (t.what.aliases.clone(), si));
            }
        }

        // Money and phase mentions, found once for the three rule families;
        // dates are found only when a phase event or a payment needs one.
        let gate = self.gate(si);
        let money = if gate.has(Cues::MONEY) {
            mentions::find_money(st)
        } else {
            Vec::new()
        };
        let phases = if gate.has(Cues::PHASE) && phases_used(&comps, ctx, &money) {
            mentions::find_phases(st)
        } else {
            Vec::new()
        };
        let v = SentenceView {
            si,
            st,
            respectively: st.contains("respectively"),
            s,
            money,
            phases,
            comps,
            orgs,
            ctx,
            ctx_ok,
            dates: std::cell::OnceCell::new(),
        };
        self.partnerships(&v, out);
        self.phase_events(&v, out);
        self.payments(&v, out);
    }

    /// The date mentions of `v`'s sentence, found on the first call (the
    /// date pattern is the costliest single scan, see BENCHMARKS.md).
    fn dates_of<'v>(&self, v: &'v SentenceView<'_>) -> &'v [DateMention] {
        v.dates.get_or_init(|| self.dates.find(v.st))
    }

    fn partnerships(&self, v: &SentenceView<'_>, out: &mut Relations) {
        let (si, st, s, comps, ctx, orgs) = (
            v.si,
            v.st,
            &v.s,
            v.comps.as_slice(),
            v.ctx,
            v.orgs.as_slice(),
        );
        let reg = self.registrant_idx();
        // "These compounds are ...": the previous sentence's compounds.
        let anaphora: Vec<usize> = if comps.is_empty() && these_ref(st.trim_start()) {
            si.checked_sub(1)
                .and_then(|p| self.sents.get(p))
                .map(|p| dedup_entities(&self.compounds_in(p.start, p.end)))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        // Respectively: "A and B ... with X and Y, respectively".
        if v.respectively {
            // The registrant stays in the list: "in development by Acme, Pfizer
            // and Novartis, respectively" pairs the first compound with Acme.
            let partner_orgs: Vec<usize> = dedup_entities(orgs);
            let cs = if comps.is_empty() {
                anaphora.clone()
            } else {
                dedup_entities(comps)
            };
            let counts: Vec<(usize, usize)> = partner_orgs
                .iter()
                .map(|&o| {
                    let m = orgs.iter().find(|m| m.entity == o);
                    let after = m.and_then(|m| self.text.get(m.end..)).unwrap_or("");
                    let n = if after.starts_with(" (two)") {
                        2
                    } else if after.starts_with(" (three)") {
                        3
                    } else {
                        1
                    };
                    (o, n)
                })
                .collect();
            let total: usize = counts.iter().map(|c| c.1).sum();
            if total == cs.len() && !cs.is_empty() && cues_partnership(st) {
                let mut k = 0;
                for (o, n) in counts {
                    for _ in 0..n {
                        if let Some(&c) = cs.get(k)
                            && Some(o) != reg
                        {
                            out.partner(c, o, "collaboration", si);
                        }
                        k += 1;
                    }
                }
                return;
            }
        }
        // "another ADC from the collaboration, X": X shares the partners of
        // the collaboration the section's compound was just tied to.
        // The pattern is a full scan of the sentence, so it runs last: only
        // when the context compound has partners to share and the sentence
        // names another compound (else the loop below adds nothing).
        if orgs.iter().all(|m| Some(m.entity) == reg)
            && let Some(c0) = ctx
            && comps.iter().any(|m| m.entity != c0)
        {
            let partners: Vec<(usize, &'static str)> = out
                .partnerships
                .range((c0, 0, "")..)
                .map(|(k, _)| *k)
                .take_while(|k| k.0 == c0)
                .filter(|k| Some(k.1) != reg)
                .map(|k| (k.1, k.2))
                .collect();
            if !partners.is_empty() && FROM_THE_COLLABORATION_RE.is_match(st) {
                for c in dedup_entities(comps) {
                    for &(o, relation) in &partners {
                        if c != c0 {
                            out.partner(c, o, relation, si);
                        }
                    }
                }
            }
        }
        for om in orgs {
            if Some(om.entity) == reg {
                continue;
            }
            let before = self.text.get(s.start..om.start).unwrap_or("");
            let after = self.text.get(om.end..s.end).unwrap_or("");
            let relation = org_relation(before, after);
            let Some(relation) = relation else { continue };
            // Possessive "X's CODE (and CODE)": the compound right after.
            if relation == "developed_by" && (after.starts_with("'s") || after.starts_with("’s"))
            {
                let follow: Vec<Mention> = comps
                    .iter()
                    .filter(|c| c.start >= om.end)
                    .copied()
                    .collect();
                if let Some(first) = follow.first() {
                    let gap = self.text.get(om.end..first.start).unwrap_or("");
                    if gap.len() <= 40 && !gap.contains(',') {
                        for c in list_from(self.text, &follow) {
                            out.partner(c, om.entity, relation, si);
                        }
                        continue;
                    }
                }
            }
            let targets: Vec<usize> = if !anaphora.is_empty() {
                anaphora.clone()
            } else if comps.is_empty() {
                ctx.into_iter().collect()
            } else {
                // Compounds of the same clause: amounts and semicolons
                // separate clauses ("$5.0 million from X for A and $2.2
                // million from Y" pairs A with X only).
                let (lo, hi) = clause_bounds(st, &v.money, om.start - s.start);
                let same: Vec<Mention> = comps
                    .iter()
                    .filter(|c| c.start - s.start >= lo && c.end - s.start <= hi)
                    .map(|c| Mention {
                        start: c.start - s.start,
                        end: c.end - s.start,
                        entity: c.entity,
                    })
                    .collect();
                // The list of compounds right before the organization ("A and
                // B, partnered with X"), else right after it ("collaboration
                // with X to develop A").
                let at = om.start - s.start;
                let before: Vec<Mention> = same.iter().filter(|c| c.end <= at).copied().collect();
                let after: Vec<Mention> = same.iter().filter(|c| c.start >= at).copied().collect();
                if !before.is_empty() {
                    list_ending_at(st, &before)
                } else {
                    list_from(st, &after)
                }
            };
            for c in targets {
                out.partner(c, om.entity, relation, si);
            }
        }
    }

    fn phase_events(&self, v: &SentenceView<'_>, out: &mut Relations) {
        let (si, st, s, comps, ctx, ctx_ok) =
            (v.si, v.st, &v.s, v.comps.as_slice(), v.ctx, v.ctx_ok);
        let mut phases = v.phases.clone();
        // An explicit phase says more than "clinical trials" around it.
        if phases.iter().any(|p| matches!(p.what, PhaseWord::Phase(_))) {
            phases.retain(|p| p.what != PhaseWord::Clinic);
        }
        // "New Drug Application (NDA)": one mention.
        let mut k = 1;
        while k < phases.len() {
            let (Some(a), Some(b)) = (phases.get(k - 1), phases.get(k)) else {
                break;
            };
            let gap = st.get(a.end..b.start).unwrap_or("x").trim();
            if a.what == b.what && gap == "(" {
                let end = b.end
                    + st.get(b.end..)
                        .map_or(0, |r| usize::from(r.starts_with(')')));
                if let Some(x) = phases.get_mut(k - 1) {
                    x.end = end;
                }
                phases.remove(k);
            } else {
                k += 1;
            }
        }
        // "IND approval" is about the IND, not a marketing approval.
        let mut k = 1;
        while k < phases.len() {
            let (Some(a), Some(b)) = (phases.get(k - 1), phases.get(k)) else {
                break;
            };
            let gap = st.get(a.end..b.start).unwrap_or("x").trim();
            if a.what == PhaseWord::Phase(Phase::Ind)
                && b.what == PhaseWord::Approval
                && gap.is_empty()
            {
                phases.remove(k);
            } else {
                k += 1;
            }
        }
        if phases.is_empty() {
            return;
        }
        let lower = st.to_ascii_lowercase();
        // Skip statements about other things: forward-looking-statement boilerplate.
        if is_boilerplate(&lower) {
            return;
        }
        let rel_comps: Vec<Mention> = comps
            .iter()
            .map(|m| Mention {
                start: m.start - s.start,
                end: m.end - s.start,
                entity: m.entity,
            })
            .collect();
        // Combination partners and comparators are not what the trial
        // tests: "X in combination with pembrolizumab (Keytruda®) in a
        // Phase 1b/2 study" is X's study. Kept when nothing else is named.
        let rel_comps = without_comparators(rel_comps, |m| {
            self.in_comparator_position(s.start + m.start, s.start + m.end)
        });
        // Pass 1: the compounds each phase mention speaks of, and its context.
        let mut plans: Vec<(Vec<usize>, usize, usize)> = Vec::with_capacity(phases.len());
        let mut prev_end = 0usize;
        for (pi, p) in phases.iter().enumerate() {
            let next_start = phases.get(pi + 1).map_or(st.len(), |n| n.start);
            // The clause boundary (";", ", and", ", while") before this mention.
            let seg = st.get(prev_end..p.start).unwrap_or("");
            let clause_start = match clause_break(seg) {
                Some(k) => prev_end + k,
                None => prev_end,
            };
            let before: Vec<Mention> = rel_comps
                .iter()
                .filter(|m| m.end <= p.start && m.start >= clause_start)
                .copied()
                .collect();
            let after: Vec<Mention> = rel_comps
                .iter()
                .filter(|m| m.start >= p.end && m.end <= next_start)
                .copied()
                .collect();
            // "discontinue X development", "Phase II testing of X": a compound
            // right after the mention is its subject.
            let close_after = after.first().filter(|m| {
                m.start <= p.end + 25 && !st.get(p.end..m.start).unwrap_or("").contains([',', ';'])
            });
            let subjects: Vec<usize> = if close_after.is_some()
                && (p.what == PhaseWord::Discontinued || before.is_empty())
            {
                list_from(st, &after)
            } else if !before.is_empty() {
                list_ending_at(st, &before)
            } else if !after.is_empty() {
                list_from(st, &after)
            } else if rel_comps.is_empty() && ctx_ok {
                ctx.into_iter().collect()
            } else {
                // The sentence's subject: "X is in trials in A (phase 2) and B (phase 3)".
                let earlier: Vec<Mention> = rel_comps
                    .iter()
                    .filter(|m| m.end <= p.start)
                    .copied()
                    .collect();
                let distinct = dedup_entities(&rel_comps);
                match earlier.first() {
                    Some(first) if first.start < 40 => list_from(st, &earlier),
                    // The one compound of the sentence: "Submitted an IND for
                    // X; Acme plans to initiate a Phase 1 trial".
                    Some(_) if distinct.len() == 1 => distinct,
                    _ => vec![],
                }
            };
            plans.push((subjects, clause_start, next_start));
            prev_end = p.end;
        }
        // "A and B entered Phase I and Phase II, respectively": one each.
        let mut zipped = false;
        if v.respectively && phases.len() > 1 {
            let lists: Vec<&Vec<usize>> = plans.iter().map(|x| &x.0).collect();
            let first = lists.first().map(|l| (*l).clone()).unwrap_or_default();
            let all_same_or_empty = lists.iter().all(|l| l.is_empty() || **l == first);
            if all_same_or_empty && first.len() == phases.len() {
                for (i, x) in plans.iter_mut().enumerate() {
                    x.0 = first.get(i).map(|&c| vec![c]).unwrap_or_default();
                }
                zipped = true;
            }
        }
        // Coordinated phases share subjects: "both the Phase I and Phase II trials of X".
        for pi in (0..plans.len()).rev() {
            let empty = plans.get(pi).is_some_and(|x| x.0.is_empty());
            let (Some(p), Some(n)) = (phases.get(pi), phases.get(pi + 1)) else {
                continue;
            };
            let between = st
                .get(p.end..n.start)
                .unwrap_or("x")
                .trim()
                .to_ascii_lowercase();
            let coordinated = matches!(
                between.as_str(),
                "and" | "," | "or" | "and the" | "/" | "and a" | "to"
            );
            if empty && coordinated {
                let next = plans.get(pi + 1).map(|x| x.0.clone()).unwrap_or_default();
                if let Some(x) = plans.get_mut(pi) {
                    x.0 = next;
                }
            }
        }
        // Pass 2: status and date.
        for (pi, p) in phases.iter().enumerate() {
            let Some((subjects, clause_start, next_start)) = plans.get(pi) else {
                continue;
            };
            if subjects.is_empty() {
                continue;
            }
            let left_start = if zipped {
                plans.first().map_or(*clause_start, |x| x.1)
            } else {
                *clause_start
            };
            let left_end = if zipped {
                phases.first().map_or(p.start, |f| f.start)
            } else {
                p.start
            };
            let left = st.get(left_start..left_end).unwrap_or("");
            let mut right_end = (p.end + 100).min(*next_start).min(st.len());
            while right_end > p.end && !st.is_char_boundary(right_end) {
                right_end -= 1;
            }
            // A milestone's condition is no event: "$10.0 million upon the
            // first dosing of a patient in a Phase 3 trial" (unless the
            // payment was received: then the trial began).
            // The two searches are pure, so the rarely matching, `$`-anchored
            // condition goes first and the paid check runs only after it.
            if !v.money.is_empty()
                && re!(r"(?i)(?-u:\b)(?:upon|on\s+the|following\s+the|triggered\s+by)\s+(?:the\s+)?(?:first\s+|successful\s+)?(?:dosing|initiation|start|commencement|completion|achievement|enrollment|submission|filing|acceptance|approval)(?-u:\b)[^,;$]{0,60}$")
                    .is_match(left)
                && !PAID_RE.is_match(left)
            {
                continue;
            }
            let Some((phase, status)) = classify(
                p.what,
                lower.get(left_start..left_end).unwrap_or(""),
                lower.get(p.end..right_end).unwrap_or(""),
                st.get(p.start..p.end).unwrap_or(""),
            ) else {
                continue;
            };
            let date = match status {
                PhaseStatus::Ongoing => self.report_month(),
                PhaseStatus::Discontinued => {
                    nearest_date(self.dates_of(v), p.start, p.end).or(self.report_month())
                }
                _ => {
                    let in_clause: Vec<DateMention> = self
                        .dates_of(v)
                        .iter()
                        .filter(|d| zipped || d.start >= *clause_start && d.end <= *next_start)
                        .copied()
                        .collect();
                    nearest_date(&in_clause, p.start, p.end)
                }
                .or_else(|| {
                    if status == PhaseStatus::Achieved && news_today(&lower) {
                        self.report_month()
                    } else {
                        None
                    }
                }),
            };
            for &c in subjects {
                out.phase(c, phase, status, date, si);
            }
            // "received FDA clearance to progress into Phase 1b": the IND is active.
            if status == PhaseStatus::Planned && CLEARED_TO_RE.is_match(left) {
                let d = nearest_date(self.dates_of(v), p.start, p.end);
                for &c in subjects {
                    out.phase(c, Some(Phase::Ind), PhaseStatus::Achieved, d, si);
                }
            }
        }
    }

    fn report_month(&self) -> Option<FuzzyDate> {
        use chrono::Datelike;
        self.doc
            .info
            .report_date
            .map(|d| FuzzyDate::Month(d.year(), d.month()))
    }

    fn payments(&self, v: &SentenceView<'_>, out: &mut Relations) {
        let (si, st, s, comps, ctx, orgs) = (
            v.si,
            v.st,
            &v.s,
            v.comps.as_slice(),
            v.ctx,
            v.orgs.as_slice(),
        );
        if v.money.is_empty() || !PAYMENT_WORD_RE.is_match(st) || st.contains('\t') {
            return;
        }
        let reg = self.registrant_idx();
        let money = &v.money;
        for (mi, m) in money.iter().enumerate() {
            // The clause around this amount: up to the next amount.
            let end = money.get(mi + 1).map_or(st.len(), |n| n.start);
            let start = if mi == 0 {
                0
            } else {
                money.get(mi - 1).map_or(0, |p| p.end)
            };
            let clause = st.get(m.start..end).unwrap_or("");
            let near_after = head_chars(clause, 100).to_ascii_lowercase();
            let near_before =
                tail_chars(st.get(start..m.start).unwrap_or(""), 50).to_ascii_lowercase();
            // The kind word closest to the amount: after it up to the clause's
            // end first ("$3 million milestone"), else before it.
            let after_clause: &str = near_after.split([',', ';']).next().unwrap_or(&near_after);
            // Kind words may follow a list ("up to $1.2 billion in
            // development, regulatory and commercial milestones") but not
            // another payment ("..., plus tiered royalties").
            let kind_text: &str = [" plus ", ";", " as well as ", " and tiered"]
                .iter()
                .filter_map(|cut| near_after.find(cut))
                .min()
                .and_then(|k| near_after.get(..k))
                .unwrap_or(&near_after);
            let kind = kind_word(kind_text)
                .or_else(|| kind_word_last(&near_before))
                .or_else(|| {
                    (after_clause.contains("payment") || near_before.contains("payment"))
                        .then_some(PaymentKind::Milestone)
                });
            let Some(kind) = kind else { continue };
            if AGGREGATE_RE.is_match(&near_before)
                || near_after.starts_with_any(&["of license and milestone", "of research"])
            {
                continue;
            }
            if near_after.contains("license and milestone fees") {
                continue;
            }
            // Payer: an organization in "from X"/"by X"/"X paid" near the amount,
            // else the partner of the compound in the sentence.
            let abs_lo = s.start + start;
            let abs_amount = s.start + m.start;
            let abs_hi = s.start + end;
            // "from X" after the amount first, then before it in the clause.
            let in_range = |o: &&Mention| o.start >= abs_amount && o.end <= abs_hi;
            let before_range = |o: &&Mention| o.start >= abs_lo && o.end <= abs_amount;
            let payer_mention = orgs
                .iter()
                .filter(|o| Some(o.entity) != reg)
                .filter(in_range)
                .chain(
                    orgs.iter()
                        .filter(|o| Some(o.entity) != reg)
                        .filter(before_range),
                )
                .find(|o| {
                    let b = self
                        .text
                        .get(s.start..o.start)
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    let b = b.trim_end();
                    b.ends_with("from")
                        || b.ends_with("by")
                        || b.ends_with("with")
                        || b.ends_with("paid by")
                })
                .or_else(|| orgs.iter().find(|o| Some(o.entity) != reg));
            let payer = payer_mention.map(|o| o.entity);
            let payer_after =
                payer_mention.is_some_and(|o| o.start >= abs_amount && o.end <= abs_hi);
            // Status from the words leading to the amount ("received a",
            // "is eligible for up to") and right after it ("in potential").
            let lead_in = tail_chars(&near_before, 45);
            let right_of_amount = after_clause.split(" and ").next().unwrap_or(after_clause);
            // "$10 million upon the first dosing ..." is owed only if it happens,
            // unless the lead-in says it was received.
            let conditional = st
                .get(m.end..end)
                .and_then(|a| a.split([',', ';']).next())
                .is_some_and(|a| re!(r"(?i)(?-u:\b)upon(?-u:\b)").is_match(a))
                && !PAID_RE.is_match(lead_in);
            let status = if conditional
                || POTENTIAL_RE.is_match(lead_in)
                || POTENTIAL_RE.is_match(right_of_amount)
            {
                PaymentStatus::Potential
            } else {
                PaymentStatus::Earned
            };
            let sent_comps = dedup_entities(comps);
            // The compound of the amount's clause: after the amount when the
            // payer is named there ("$5.0 million from X for A and $2.2
            // million from Y": Y's payment names none), else around it.
            let (clo, chi) = if payer_after && mi > 0 {
                (m.start, end)
            } else {
                (start, end)
            };
            let clause_comps: Vec<Mention> = comps
                .iter()
                .filter(|c| c.start - s.start >= clo && c.end - s.start <= chi)
                .copied()
                .collect();
            let in_clause = dedup_entities(&clause_comps);
            let compound = match (in_clause.len(), sent_comps.len()) {
                (1, _) => in_clause.first().copied(),
                (0, 0) => ctx,
                (0, _) => None,
                _ => nearest(&clause_comps, s.start + m.start, s.start + m.end),
            };
            // Trigger: a phase mention in the amount's clause ("up to $120
            // million, including $10 million upon ... a Phase 3 trial": the
            // Phase 3 is the $10 million's trigger only).
            let trigger = v
                .phases
                .iter()
                .filter(|p| p.start >= start && p.start < end)
                .find_map(|p| match p.what {
                    PhaseWord::Phase(ph) => Some(ph),
                    PhaseWord::Approval => Some(Phase::Approved),
                    PhaseWord::Clinic => Some(Phase::PhaseI),
                    _ => None,
                });
            let trigger = if kind == PaymentKind::Milestone {
                trigger
            } else {
                None
            };
            let date = nearest_date(self.dates_of(v), m.start, m.end);
            out.payments.push(PaymentDraft {
                amount: m.what.amount,
                currency: m.what.currency.to_string(),
                payer,
                payee: reg,
                compound,
                trigger,
                kind,
                status,
                date,
                sentence: si,
            });
        }
    }

    /// Payment tables: a header row whose cells name payments ("Cash
    /// Collected", "Remaining Milestone Potential") over rows that start with
    /// the paying organization. Each money cell is a payment of its column's
    /// kind; a compound named in the row is what it is for.
    fn payment_tables(&mut self, out: &mut Relations) {
        let text = self.text;
        let mut header: Option<(Vec<String>, bool)> = None; // cells, title says milestone
        let mut prev_line = "";
        let mut pos = 0usize;
        for line in super::lines_inclusive(text) {
            let start = pos;
            pos += line.len();
            let body = line.trim_end();
            if memchr::memchr(b'\t', body.as_bytes()).is_none() {
                header = None;
                if !body.trim().is_empty() {
                    prev_line = body;
                }
                continue;
            }
            let cells: Vec<&str> = body.split('\t').map(str::trim).collect();
            let has_money = cells
                .iter()
                .any(|c| mentions::may_hold_money(c) && !mentions::find_money(c).is_empty());
            if !has_money {
                let lower: Vec<String> = cells.iter().map(|c| c.to_ascii_lowercase()).collect();
                let pays = lower.iter().any(|c| {
                    PAYMENT_WORD_RE.is_match(c) || c.contains("collected") || c.contains("received")
                });
                header = pays.then(|| {
                    let title = format!("{} {}", prev_line, body).to_ascii_lowercase();
                    (lower, title.contains("milestone"))
                });
                continue;
            }
            let Some((head, milestone_title)) = &header else {
                continue;
            };
            let Some(first) = cells.first() else { continue };
            if first.is_empty()
                || mentions::may_hold_money(first) && !mentions::find_money(first).is_empty()
                || !plausible_org(first)
            {
                continue;
            }
            let Some(org) = self.org_for(first, None) else {
                continue;
            };
            if self.orgs.get(org).is_some_and(|o| o.registrant) {
                continue;
            }
            let row_start = start;
            let row_end = start + body.len();
            let first_off = line.find(first).unwrap_or(0);
            self.org_mentions.push(Mention {
                start: start + first_off,
                end: start + first_off + first.len(),
                entity: org,
            });
            let comps = dedup_entities(&self.compounds_in(row_start, row_end));
            let compound = if comps.len() == 1 {
                comps.first().copied()
            } else {
                None
            };
            let Some(si) = self.sents.iter().position(|x| {
                x.start <= row_start + first_off && row_start + first_off < x.end.max(x.start + 1)
            }) else {
                continue;
            };
            if let Some(c) = compound {
                out.partner(c, org, "licensed_to", si);
            }
            for (ci, cell) in cells.iter().enumerate().skip(1) {
                if !mentions::may_hold_money(cell) {
                    continue;
                }
                let Some(m) = mentions::find_money(cell).into_iter().next() else {
                    continue;
                };
                let h = head.get(ci).map(String::as_str).unwrap_or("");
                let kind = if h.contains("royalt") {
                    PaymentKind::Royalty
                } else if h.contains("upfront") || h.contains("up-front") {
                    PaymentKind::Upfront
                } else if h.contains("license fee") {
                    PaymentKind::LicenseFee
                } else if h.contains("milestone") || *milestone_title {
                    PaymentKind::Milestone
                } else {
                    continue;
                };
                let status = if POTENTIAL_RE.is_match(h)
                    || h.contains("remaining")
                    || h.contains("outstanding")
                {
                    PaymentStatus::Potential
                } else {
                    PaymentStatus::Earned
                };
                out.payments.push(PaymentDraft {
                    amount: m.what.amount,
                    currency: m.what.currency.to_string(),
                    payer: Some(org),
                    payee: self.registrant_idx(),
                    compound,
                    trigger: None,
                    kind,
                    status,
                    date: None,
                    sentence: si,
                });
            }
        }
        self.org_mentions
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    }

    // ------------------------------------------------------------ output

    /// A compound named only as a comparator, combination partner or standard
    /// of care ("compared to X", "in combination with X", "X plus chemotherapy"),
    /// or only as the antibody part of another compound's name (`trastuzumab`
    /// of `trastuzumab emtansine`) with no phase event of its own.
    /// Whether the compound mention at `start..end` (text byte offsets)
    /// stands as a comparator, combination partner or prior therapy:
    /// `compared to X`, `in combination with X`, `X plus chemotherapy`,
    /// `X-refractory`.
    fn in_comparator_position(&self, start: usize, end: usize) -> bool {
        let mut lo = start.saturating_sub(60);
        while lo > 0 && !self.text.is_char_boundary(lo) {
            lo -= 1;
        }
        let before = self.text.get(lo..start).unwrap_or("").to_ascii_lowercase();
        let after = head_chars(self.text.get(end..).unwrap_or(""), 40).to_ascii_lowercase();
        COMPARATOR_BEFORE_RE.is_match(&before) || COMPARATOR_AFTER_RE.is_match(&after)
    }

    /// True when compound entity `r`, mentioned at `ms` (its mentions, in
    /// text order), is a comparator or standard of care rather than a
    /// pipeline compound: every mention sits in a comparator position or a
    /// trademark notice, or one of its names is a word of another
    /// compound's name; a compound with a phase fact never is.
    fn is_comparator<'n>(
        &self,
        r: usize,
        ms: &[Mention],
        phased: &BTreeSet<usize>,
        parts: &NameParts,
        names: impl Iterator<Item = &'n str>,
    ) -> bool {
        if ms.is_empty() {
            return false;
        }
        if phased.contains(&r) {
            return false;
        }
        let all_comparator = ms.iter().all(|m| {
            // A trademark notice says nothing of what a compound is for.
            let si = self.sents.partition_point(|s| s.start <= m.start);
            let in_notice = si
                .checked_sub(1)
                .and_then(|i| self.sents.get(i))
                .filter(|s| m.end <= s.end)
                .is_some_and(|s| {
                    self.text
                        .get(s.start..s.end)
                        .is_some_and(|t| t.contains("trademark"))
                });
            if in_notice {
                return true;
            }
            self.in_comparator_position(m.start, m.end)
        });
        // Component of another compound's name.
        all_comparator || parts.any_is_part_of_other(r, names)
    }

    fn finish(mut self, rel: Relations) -> DocFacts {
        let evidences = super::Evidences::new(self.doc);
        let phased: BTreeSet<usize> = rel.phases.keys().map(|k| k.0).collect();
        let mut compounds = std::mem::take(&mut self.compounds);
        // The entity of each compound name id (the union-find is final here).
        let root_of: Vec<usize> = (0..compounds.names.len())
            .map(|id| compounds.find(id))
            .collect();
        // Each entity's name ids, in id order.
        let mut roots: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (id, &r) in root_of.iter().enumerate() {
            roots.entry(r).or_default().push(id);
        }
        // Each entity's mentions, in text order.
        let mut mentions_of: BTreeMap<usize, Vec<Mention>> = BTreeMap::new();
        for m in &self.compound_mentions {
            mentions_of.entry(m.entity).or_default().push(*m);
        }
        let parts = NameParts::new(&compounds.names, &root_of);
        let comparators: BTreeSet<usize> = mentions_of
            .iter()
            .filter(|&(&r, ms)| {
                let ids = roots.get(&r).map(Vec::as_slice).unwrap_or(&[]);
                let names = ids
                    .iter()
                    .filter_map(|&id| compounds.names.get(id))
                    .flatten()
                    .map(String::as_str);
                self.is_comparator(r, ms, &phased, &parts, names)
            })
            .map(|(&r, _)| r)
            .collect();
        let mut facts = DocFacts {
            doc: self.doc.info.clone(),
            ..DocFacts::default()
        };
        let reg_idx = self.registrant_idx();
        // Which compound entities carry pipeline facts?
        let mut used: BTreeSet<usize> = BTreeSet::new();
        for (c, _) in rel.targets.keys() {
            used.insert(*c);
        }
        for (c, _, _) in rel.partnerships.keys() {
            used.insert(*c);
        }
        for (c, _, _, _) in rel.phases.keys() {
            used.insert(*c);
        }
        for p in &rel.payments {
            if let Some(c) = p.compound {
                used.insert(c);
            }
        }
        // Code names and conjugates are pipeline names by shape; INNs and
        // brands need a fact (comparators and standard of care have none).
        let mut comp_index: FxHashMap<usize, usize> = FxHashMap::default();
        let mut order: Vec<(usize, usize)> = roots
            .keys()
            .map(|&r| (compounds.first_seen.get(r).copied().unwrap_or(0), r))
            .collect();
        order.sort();
        let no_shapes = BTreeSet::new();
        for (_, r) in order {
            let shapes = compounds.shapes.get(r).unwrap_or(&no_shapes);
            let ms = mentions_of.get(&r).map(Vec::as_slice).unwrap_or(&[]);
            let mentions = ms.len();
            let mentioned = mentions > 0;
            let keep = used.contains(&r)
                || shapes.contains(&NameShape::Code) && mentioned
                || shapes.contains(&NameShape::Nonproprietary) && mentions >= 2
                || shapes.contains(&NameShape::Conjugate) && mentioned && shapes.len() > 1;
            if !keep || comparators.contains(&r) {
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for &id in roots.get(&r).map(Vec::as_slice).unwrap_or(&[]) {
                for nm in compounds.names.get(id).into_iter().flatten() {
                    if !names.contains(nm) {
                        names.push(nm.clone());
                    }
                }
            }
            let ev = match ms
                .first()
                .and_then(|m| sentence_holding(&self.sents, m.start, m.end))
            {
                Some(s) => evidences.get(s.start, s.end),
                None => evidences.get(0, 0),
            };
            comp_index.insert(r, facts.compounds.len());
            facts.compounds.push(CompoundFact {
                names,
                evidence: ev,
            });
        }
        // Organizations: registrant, partners, and those named with a legal
        // suffix or from the lexicon.
        let mut partner_orgs: BTreeSet<usize> = rel.partnerships.keys().map(|k| k.1).collect();
        // A payment whose sentence names no payer is paid by the compound's partner.
        let mut rel = rel;
        for p in rel.payments.iter_mut() {
            if p.payer.is_none()
                && let Some(c) = p.compound
            {
                p.payer = rel
                    .partnerships
                    .keys()
                    .find(|k| k.0 == c && Some(k.1) != reg_idx)
                    .map(|k| k.1);
            }
        }
        partner_orgs.extend(rel.payments.iter().filter_map(|p| p.payer));
        // A partner that pays milestones or royalties on a compound is that
        // compound's partner, whether or not a partnership cue said so.
        let paid: Vec<(usize, usize, usize)> = rel
            .payments
            .iter()
            .filter_map(|p| Some((p.compound?, p.payer?, p.sentence)))
            .filter(|&(_, payer, _)| Some(payer) != reg_idx)
            .collect();
        for (c, payer, si) in paid {
            rel.partner(c, payer, "collaboration", si);
        }
        let mut org_index: FxHashMap<usize, usize> = FxHashMap::default();
        // Each organization's first mention.
        let mut first_org_mention: Vec<Option<Mention>> = vec![None; self.orgs.len()];
        for m in &self.org_mentions {
            if let Some(slot @ None) = first_org_mention.get_mut(m.entity) {
                *slot = Some(*m);
            }
        }
        for (i, o) in self.orgs.iter().enumerate() {
            let first = first_org_mention.get(i).copied().flatten();
            if !(o.registrant || first.is_some()) {
                continue;
            }
            let mut roles = Vec::new();
            if o.registrant {
                roles.push(OrgRole::Registrant);
            } else if partner_orgs.contains(&i) || o.listed_partner {
                roles.push(OrgRole::Partner);
            } else {
                roles.push(OrgRole::Other);
            }
            let ev = match first.and_then(|m| sentence_holding(&self.sents, m.start, m.end)) {
                Some(s) => evidences.get(s.start, s.end),
                None => evidences.get(0, 0),
            };
            org_index.insert(i, facts.organizations.len());
            facts.organizations.push(OrgFact {
                name: o.name.clone(),
                aliases: o.aliases.clone(),
                roles,
                parent: o.parent.clone(),
                evidence: ev,
            });
        }
        // Parents (from the company lexicon) that the text also names; the
        // graph creates nodes for parents the text does not name.
        let mut subsidiaries = Vec::new();
        let org_keys: Vec<String> = facts
            .organizations
            .iter()
            .map(|x| name_key(&x.name))
            .collect();
        for (i, o) in facts.organizations.iter().enumerate() {
            let Some(p) = &o.parent else { continue };
            let pk = name_key(p);
            if let Some(pi) = org_keys.iter().position(|k| *k == pk) {
                subsidiaries.push((i, pi, o.evidence.clone()));
            }
        }
        facts.subsidiaries = subsidiaries;
        let sent_ev = |si: usize| -> crate::model::Evidence {
            match self.sents.get(si) {
                Some(s) => evidences.get(s.start, s.end),
                None => evidences.get(0, 0),
            }
        };
        for ((c, t), (aliases, si)) in &rel.targets {
            if let Some(&ci) = comp_index.get(&compounds.find(*c)) {
                facts.targets.push(TargetFact {
                    compound: ci,
                    target: t.clone(),
                    aliases: aliases.clone(),
                    evidence: sent_ev(*si),
                });
            }
        }
        for ((c, o, relation), si) in &rel.partnerships {
            if let (Some(&ci), Some(&oi)) = (comp_index.get(&compounds.find(*c)), org_index.get(o))
            {
                facts.partnerships.push(PartnershipFact {
                    compound: ci,
                    org: oi,
                    relation: relation.to_string(),
                    evidence: sent_ev(*si),
                });
            }
        }
        // Planned events of a phase the compound already reached in this document are dropped.
        let reached: BTreeSet<(usize, Option<Phase>)> = rel
            .phases
            .keys()
            .filter(|k| k.2.is_reached())
            .map(|k| (k.0, k.1))
            .collect();
        for ((c, phase, status, date), si) in &rel.phases {
            if *status == PhaseStatus::Planned && reached.contains(&(*c, *phase)) {
                continue;
            }
            if let Some(&ci) = comp_index.get(&compounds.find(*c)) {
                facts.phase_events.push(PhaseEventFact {
                    compound: ci,
                    phase: *phase,
                    status: *status,
                    date: *date,
                    evidence: sent_ev(*si),
                });
            }
        }
        for p in &rel.payments {
            let Some(&payer) = p.payer.and_then(|x| org_index.get(&x)) else {
                continue;
            };
            facts.payments.push(PaymentFact {
                amount: p.amount,
                currency: p.currency.clone(),
                payer: Some(payer),
                payee: p.payee.and_then(|x| org_index.get(&x).copied()),
                compound: p
                    .compound
                    .and_then(|c| comp_index.get(&compounds.find(c)).copied()),
                trigger_phase: p.trigger,
                kind: p.kind,
                status: p.status,
                date: p.date,
                evidence: sent_ev(p.sentence),
            });
        }
        facts
    }
}

/// The first of `sents` that holds the byte range `start..end`: the
/// sentence `sents.iter().find(|s| s.start <= start && end <= s.end)` finds.
///
/// Sentences come from [`sentences::split`], in text order and without
/// overlaps, so their starts and their ends both rise: the sentences that
/// start at or before `start` are a prefix, those that end at or after
/// `end` a suffix, and the answer is the first of the suffix when it lies
/// in the prefix. Two binary searches instead of a scan (a test checks the
/// two agree on real text).
fn sentence_holding(sents: &[Sentence], start: usize, end: usize) -> Option<&Sentence> {
    let starting = sents.partition_point(|s| s.start <= start);
    let first_ending = sents.partition_point(|s| s.end < end);
    if first_ending < starting {
        sents.get(first_ending)
    } else {
        None
    }
}

/// The words of compound names, for telling whether a name of one entity is
/// a word of a longer name of another (`trastuzumab` in `trastuzumab
/// emtansine`): each word (split at spaces and hyphens) of each name,
/// lowercased, that is not the whole name, with the entities whose names
/// hold it.
struct NameParts {
    owners: FxHashMap<String, Vec<usize>>,
}

impl NameParts {
    /// The words of `names` (per name id) with the entity `root_of` each id.
    fn new(names: &[Vec<String>], root_of: &[usize]) -> NameParts {
        let mut owners: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (ns, &r) in names.iter().zip(root_of) {
            for n in ns {
                let lower = n.to_ascii_lowercase();
                for w in lower.split([' ', '-']) {
                    if w.len() < lower.len() {
                        let rs = owners.entry(w.to_string()).or_default();
                        if !rs.contains(&r) {
                            rs.push(r);
                        }
                    }
                }
            }
        }
        NameParts { owners }
    }

    /// True when one of `names` (of entity `r`), lowercased and without a
    /// space, is a word of a longer name of another entity.
    fn any_is_part_of_other<'n>(&self, r: usize, mut names: impl Iterator<Item = &'n str>) -> bool {
        names.any(|n| {
            let k = n.to_ascii_lowercase();
            !k.contains(' ')
                && self
                    .owners
                    .get(&k)
                    .is_some_and(|rs| rs.iter().any(|&o| o != r))
        })
    }
}

/// [`sentence_holding`] and [`NameParts`] of `finish`, and [`leading_compound`] of
/// `compute_context`, against the scans they replace.
#[cfg(test)]
mod finish_tests {
    /// The sentence a linear scan finds: the first holding `start..end`.
    fn sentence_holding_by_scan(
        sents: &[super::Sentence],
        start: usize,
        end: usize,
    ) -> Option<&super::Sentence> {
        sents.iter().find(|s| s.start <= start && end <= s.end)
    }

    /// Checks [`super::sentence_holding`] against the scan for every range
    /// between two of `points` of `text`.
    fn check_sentence_holding(text: &str, points: &[usize]) {
        let sents = super::sentences::split(text);
        for &a in points {
            for &b in points {
                assert_eq!(
                    super::sentence_holding(&sents, a, b),
                    sentence_holding_by_scan(&sents, a, b),
                    "{a}..{b} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn sentence_holding_is_the_first_sentence_a_scan_finds() {
        for text in crate::extract::sample_filings() {
            let sents = super::sentences::split(&text);
            // Every word edge and sentence edge of a stretch of sentences,
            // and one past the text.
            for w in sents.chunks(6) {
                let (Some(first), Some(last)) = (w.first(), w.last()) else {
                    continue;
                };
                let mut points: Vec<usize> = w.iter().flat_map(|s| [s.start, s.end]).collect();
                let body = text.get(first.start..last.end).unwrap_or("");
                points.extend(
                    body.match_indices(' ')
                        .flat_map(|(i, _)| [first.start + i, first.start + i + 1]),
                );
                points.push(text.len() + 1);
                points.sort_unstable();
                points.dedup();
                for &a in &points {
                    for &b in &points {
                        assert_eq!(
                            super::sentence_holding(&sents, a, b),
                            sentence_holding_by_scan(&sents, a, b)
                        );
                    }
                }
            }
        }
        check_sentence_holding("", &[0, 1]);
        check_sentence_holding("One. Two.\n\nThree", &(0..20).collect::<Vec<_>>());
    }

    proptest::proptest! {
        #[test]
        fn sentence_holding_matches_the_scan(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Acme", "zentrix", ". ", "! ", "? ", "Inc. ", " ", "\n", "\n\n", "é",
                    "Ω. ", "\u{a0}", "3.5", "\"", ")", "\u{2003}",
                ]),
                0..30,
            ),
            points in proptest::collection::vec(0usize..140, 0..12),
        ) {
            let text = parts.concat();
            check_sentence_holding(&text, &points);
        }
    }

    /// The component check as `finish` first did it: every pair of a name
    /// of entity `r` and a name of another entity, lowercased each time.
    fn is_part_of_other_by_pairs(r: usize, names: &[Vec<String>], root_of: &[usize]) -> bool {
        let my_names: Vec<&String> = names
            .iter()
            .zip(root_of)
            .filter(|&(_, &x)| x == r)
            .flat_map(|(n, _)| n)
            .collect();
        let others: Vec<&String> = names
            .iter()
            .zip(root_of)
            .filter(|&(_, &x)| x != r)
            .flat_map(|(n, _)| n)
            .collect();
        my_names.iter().any(|n| {
            let k = n.to_ascii_lowercase();
            !k.contains(' ')
                && others.iter().any(|o| {
                    let o = o.to_ascii_lowercase();
                    o.split([' ', '-']).any(|w| w == k) && o.len() > k.len()
                })
        })
    }

    /// Checks [`super::NameParts`] against the pairwise check for every entity.
    fn check_name_parts(names: &[Vec<String>], root_of: &[usize]) {
        let parts = super::NameParts::new(names, root_of);
        let mut roots: Vec<usize> = root_of.to_vec();
        roots.sort_unstable();
        roots.dedup();
        for r in roots {
            let mine = names
                .iter()
                .zip(root_of)
                .filter(|&(_, &x)| x == r)
                .flat_map(|(n, _)| n)
                .map(String::as_str);
            assert_eq!(
                parts.any_is_part_of_other(r, mine),
                is_part_of_other_by_pairs(r, names, root_of),
                "entity {r} of {names:?}"
            );
        }
    }

    #[test]
    fn name_parts_agree_with_the_pairwise_check() {
        // Every compound and organization name the samples yield, one entity
        // per fact, each name its own id; then each word of a name as an
        // entity of its own, so that parts are found.
        for text in crate::extract::sample_filings() {
            let Ok(doc) = crate::ingest::ingest_bytes("sample.txt", text.as_bytes()) else {
                continue;
            };
            let facts = crate::extract::extract(&doc);
            let mut names: Vec<Vec<String>> = Vec::new();
            let mut root_of: Vec<usize> = Vec::new();
            let entities = facts.compounds.iter().map(|c| c.names.clone()).chain(
                facts.organizations.iter().map(|o| {
                    std::iter::once(o.name.clone())
                        .chain(o.aliases.iter().cloned())
                        .collect()
                }),
            );
            let mut next = 0;
            for ns in entities {
                for n in &ns {
                    names.push(vec![n.clone()]);
                    root_of.push(next);
                    for w in n.split([' ', '-']) {
                        names.push(vec![w.to_uppercase()]);
                        root_of.push(next + 1);
                    }
                }
                next += 2;
            }
            check_name_parts(&names, &root_of);
        }
        check_name_parts(
            &[
                vec!["Zentrimab".into(), "ZX-101".into()],
                vec!["zentrimab vedotin".into()],
                vec!["ZX".into()],
                vec!["a-".into(), String::new()],
            ],
            &[0, 1, 2, 3],
        );
    }

    proptest::proptest! {
        #[test]
        fn name_parts_match_the_pairwise_check(
            entities in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::collection::vec(
                        proptest::sample::select(vec![
                            "ab", "AB", "c", " ", "-", "é", "É", "ß", "ab-c", "",
                        ]),
                        0..4,
                    ),
                    0..3,
                ),
                0..6,
            ),
            roots in proptest::collection::vec(0usize..4, 6),
        ) {
            let names: Vec<Vec<String>> = entities
                .iter()
                .map(|ns| ns.iter().map(|n| n.concat()).collect())
                .collect();
            let root_of: Vec<usize> = (0..names.len())
                .map(|i| roots.get(i).copied().unwrap_or(0))
                .collect();
            check_name_parts(&names, &root_of);
        }
    }

    /// The leading compound a scan of the mentions from `at` on finds (the
    /// code [`super::leading_compound`] replaces).
    fn leading_compound_by_scan(
        sorted: &[super::Mention],
        at: usize,
        line_end: usize,
    ) -> Option<usize> {
        let from = sorted.partition_point(|m| m.start < at);
        sorted
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .find(|m| m.start >= at && m.start <= at + 4 && m.start < line_end)
            .map(|m| m.entity)
    }

    #[test]
    fn leading_compound_is_what_the_scan_finds() {
        let mut leads = 0;
        for text in crate::extract::sample_filings() {
            let Ok(doc) = crate::ingest::ingest_bytes("sample.txt", text.as_bytes()) else {
                continue;
            };
            let mut ex = super::Extractor::new(&doc);
            ex.find_compounds();
            let ms = &ex.compound_mentions;
            // Every mention start and the bytes around it, with line ends
            // before, at and after the mention.
            for m in ms {
                for at in m.start.saturating_sub(6)..=m.start + 1 {
                    for line_end in [m.start, m.start + 1, m.end, usize::MAX] {
                        let want = leading_compound_by_scan(ms, at, line_end);
                        leads += usize::from(want.is_some());
                        assert_eq!(
                            super::leading_compound(ms, at, line_end),
                            want,
                            "{at} {line_end}"
                        );
                    }
                }
            }
        }
        assert!(leads > 0, "no leading compound: the check is void");
    }

    proptest::proptest! {
        #[test]
        fn leading_compound_matches_the_scan(
            starts in proptest::collection::vec(0usize..40, 0..12),
            at in 0usize..44,
            line_end in 0usize..48,
        ) {
            let mut starts = starts;
            starts.sort();
            let ms: Vec<super::Mention> = starts
                .iter()
                .enumerate()
                .map(|(entity, &start)| super::Mention { start, end: start + 2, entity })
                .collect();
            proptest::prop_assert_eq!(
                super::leading_compound(&ms, at, line_end),
                leading_compound_by_scan(&ms, at, line_end)
            );
        }
    }
}

trait StartsWithAny {
    fn starts_with_any(&self, pats: &[&str]) -> bool;
}
impl StartsWithAny for String {
    fn starts_with_any(&self, pats: &[&str]) -> bool {
        pats.iter().any(|p| self.trim_start().starts_with(p))
    }
}

/// One sentence with what its relation rules share: its mentions, its
/// context compound, its dates, money and phase mentions (found once).
struct SentenceView<'t> {
    si: usize,
    st: &'t str,
    /// Whether `st` holds `respectively`, searched once for the
    /// partnership and the phase rules.
    respectively: bool,
    s: Sentence,
    comps: Vec<Mention>,
    orgs: Vec<Mention>,
    ctx: Option<usize>,
    /// A sentence without a compound may speak of the context compound.
    ctx_ok: bool,
    /// Its dates, found on first use ([`Extractor::dates_of`]): most
    /// sentences with an amount or a phase yield no fact that needs one.
    dates: std::cell::OnceCell<Vec<DateMention>>,
    money: Vec<Found<mentions::Money>>,
    phases: Vec<Found<PhaseWord>>,
}

/// Relations found so far, keyed so that repeats merge (first sentence kept).
#[derive(Default)]
struct Relations {
    targets: BTreeMap<(usize, String), (Vec<String>, usize)>,
    partnerships: BTreeMap<(usize, usize, &'static str), usize>,
    phases: BTreeMap<(usize, Option<Phase>, PhaseStatus, Option<FuzzyDate>), usize>,
    payments: Vec<PaymentDraft>,
}

impl Relations {
    fn partner(&mut self, c: usize, o: usize, relation: &'static str, si: usize) {
        // One relation per pair: the first cue wins.
        if self.partnerships.keys().any(|k| k.0 == c && k.1 == o) {
            return;
        }
        self.partnerships.entry((c, o, relation)).or_insert(si);
    }

    fn phase(
        &mut self,
        c: usize,
        p: Option<Phase>,
        s: PhaseStatus,
        d: Option<FuzzyDate>,
        si: usize,
    ) {
        self.phases.entry((c, p, s, d)).or_insert(si);
    }
}

struct PaymentDraft {
    amount: f64,
    currency: String,
    /// `None` until resolved: the compound's partner pays.
    payer: Option<usize>,
    payee: Option<usize>,
    compound: Option<usize>,
    trigger: Option<Phase>,
    kind: PaymentKind,
    status: PaymentStatus,
    date: Option<FuzzyDate>,
    sentence: usize,
}

/// The first `n` chars of `s` (all of `s` if it has fewer), as a slice:
/// `s.chars().take(n).collect::<String>()` without the copy.
///
/// Fast paths, equal to the char walk: a char takes at least one byte, so
/// a string of at most `n` bytes has at most `n` chars and is its own head;
/// and when the first `n` bytes are ASCII they are exactly the first `n`
/// chars (the slice fails, and the walk runs, when byte `n` is inside a
/// char, which is then not ASCII).
fn head_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    if let Some(h) = s.get(..n)
        && h.is_ascii()
    {
        return h;
    }
    match s.char_indices().nth(n) {
        Some((k, _)) => s.get(..k).unwrap_or(s),
        None => s,
    }
}

/// The last `n` chars of `s` (all of `s` if it has fewer), as a slice.
///
/// Fast paths as in [`head_chars`]: a string of at most `n` bytes is its
/// own tail (for `n = 0` that string is empty), and `n` ASCII bytes at the
/// end are the last `n` chars.
fn tail_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    if let Some(t) = s.get(s.len() - n..)
        && t.is_ascii()
    {
        return t;
    }
    let Some(k) = n.checked_sub(1) else {
        return "";
    };
    match s.char_indices().rev().nth(k) {
        Some((k, _)) => s.get(k..).unwrap_or(s),
        None => s,
    }
}

/// True when the phase mention between `l` and `r_head`/`r_long` (its
/// lowercased context, see [`classify`]) is planned: a forward cue governing
/// a start verb before it, a forward adjective, or "is expected to begin"
/// after it; not for an expansion cohort. `lc` and `rc` are the cue flags
/// of `l` and `r_head`.
///
/// The checks are pure, so their order is free: literal tests and flags
/// come first. A flag that is false skips the search it guards, which
/// could not have matched: [`FORWARD_RE`] finds nothing in `l`, or
/// [`FORWARD_ADJECTIVE_BEFORE`] does not match it. The "expected to
/// begin" pattern needs the literal `to` (its `\s+to\s+`), so `r_long`
/// without `to` cannot match it.
fn planned_from(l: &str, r_head: &str, r_long: &str, lc: &LeftCues, rc: &RightCues) -> bool {
    if r_head.trim_start().starts_with("expansion") {
        return false;
    }
    let forward_right = r_head.trim_start().starts_with("submission is expected")
        || rc.will_start
        || r_long.contains("to")
            && re!(r"^[^,;]{0,90}?(?-u:\b)(?:is|are|remains?)?\s*(?:expected|on\s+track|planned|scheduled|anticipated|set|slated)\s+to\s+(?:begin|start|commence|initiate|open|be\s+initiated|be\s+submitted|be\s+filed)").is_match(r_long);
    forward_right
        || lc.forward
            && FORWARD_RE.find_iter(l).last().is_some_and(|m| {
                // The forward cue governs a start verb after it (or is "towards",
                // or "prepare for").
                let tail = l.get(m.start()..).unwrap_or("");
                START_VERB_RE.is_match(tail)
                    || tail.starts_with("toward")
                    || tail.starts_with("to ")
                    || re!(r"^prepar\w*\s+for\s*$").is_match(tail)
            })
        || lc.forward_adjective && forward_noun_after(r_head)
}

/// Classifies a phase mention by the words around it: `l` and `r`, the
/// text left and right of the mention, ASCII-lowercased.
/// Returns `None` when the mention is not a phase event.
fn classify(w: PhaseWord, l: &str, r: &str, surface: &str) -> Option<(Option<Phase>, PhaseStatus)> {
    let r_head = head_chars(r, 60);
    let r_long = head_chars(r, 130);
    // The cue flags of both sides and whether the mention is planned,
    // worked out on first use: the arms that reject a mention early (no
    // verb for an IND, "marketing approval", an IND-enabling study) never
    // scan `l`.
    let lc = std::cell::LazyCell::new(|| LeftCues::of(l));
    let rc = std::cell::LazyCell::new(|| RightCues::of(r_head));
    let planned = std::cell::LazyCell::new(|| planned_from(l, r_head, r_long, &lc, &rc));
    let status_of = |allow_default: bool| -> Option<PhaseStatus> {
        if *planned {
            return Some(PhaseStatus::Planned);
        }
        let completed = lc.completed || rc.completed;
        if completed {
            // "completed enrollment" is a trial still under way.
            let enrollment = lc.enrollment || rc.enrollment;
            return Some(if enrollment {
                PhaseStatus::Ongoing
            } else {
                PhaseStatus::Completed
            });
        }
        if r_head.trim_start().starts_with("expansion")
            || r_head.contains(" is ongoing")
            || r_head.contains(" are ongoing")
            || r_head.contains("underway")
        {
            return Some(PhaseStatus::Ongoing);
        }
        let ach_r = rc.achieved;
        // "X, a TROP2-directed ADC currently in a Phase 1/2 trial": a state
        // right before the mention outweighs a transition verb earlier in
        // the sentence ("entered into an agreement ...").
        if !ach_r && lc.currently_in {
            return Some(PhaseStatus::Ongoing);
        }
        if ach_r || lc.achieved {
            return Some(PhaseStatus::Achieved);
        }
        if lc.ongoing || rc.ongoing {
            return Some(PhaseStatus::Ongoing);
        }
        allow_default.then_some(PhaseStatus::Ongoing)
    };
    match w {
        PhaseWord::Discontinued => Some((None, PhaseStatus::Discontinued)),
        PhaseWord::Preclinical => {
            // "in preclinical studies", "preclinical development of X": an
            // activity, not results ("preclinical data suggest ...") or a
            // portfolio ("preclinical pipeline"); "IND-enabling" is no event.
            if surface.to_ascii_lowercase().ends_with("enabling")
                || !re!(r"^\s*(?:studies|study|development|testing|models?|research|evaluation|stage)(?-u:\b)")
                    .is_match(r_head)
            {
                return None;
            }
            let s = match status_of(true)? {
                // Preclinical work is not a transition: it is under way.
                PhaseStatus::Achieved => PhaseStatus::Ongoing,
                s => s,
            };
            Some((Some(Phase::Preclinical), s))
        }
        PhaseWord::Phase(Phase::Ind) => {
            // "IND" needs a verb: submitted, cleared, active, file, submission.
            // Every match of the verb pattern is word characters only, so none
            // spans the space that `{l} {surface} {r_head}` would put between
            // the parts, and next to that space or at a part's end the ASCII
            // `\b` sees a non-word byte alike: the joined text matches if and
            // only if one of its parts does, so the parts are searched as they
            // are instead of formatted into a new string.
            if [l, surface, r_head].iter().any(|t| IND_VERB_RE.is_match(t)) {
                status_of(false)
                    .map(|s| (Some(Phase::Ind), s))
                    .or(Some((Some(Phase::Ind), PhaseStatus::Achieved)))
            } else {
                None
            }
        }
        PhaseWord::Phase(Phase::Filed) => {
            if (*planned || surface.to_ascii_lowercase().contains("apply"))
                && (*planned || l.contains("expect") || l.contains("plan"))
            {
                return Some((Some(Phase::Filed), PhaseStatus::Planned));
            }
            let near = format!("{l} {r_head}");
            if re!(r"(?i)(?-u:\b)(?:submit\w*|filed|accept\w*|under\s+review|pdufa)(?-u:\b)")
                .is_match(&near)
            {
                status_of(false).map(|s| (Some(Phase::Filed), s))
            } else {
                None
            }
        }
        PhaseWord::Approval => {
            // "approved for marketing", "was approved", "approval of X in the EU" (achieved),
            // "expects approval" (planned). Not "marketing approval" to apply for (Filed handles).
            if l.trim_end().ends_with("marketing") || l.contains("apply") {
                return None;
            }
            if r_head.trim_start().starts_with("drug") || l.trim_end().ends_with("orphan") {
                return None;
            }
            if *planned {
                return Some((Some(Phase::Approved), PhaseStatus::Planned));
            }
            let s = surface.to_ascii_lowercase();
            let passive = s == "approved"
                && (l.trim_end().ends_with("was")
                    || l.trim_end().ends_with("were")
                    || l.trim_end().ends_with("been")
                    || l.contains(" was ")
                    || r_head.starts_with(" and launched")
                    || r_head.starts_with(" for")
                    || r_head.starts_with(" by")
                    || r_head.starts_with(" in"));
            // Active voice with a regulator as subject: "the FDA approved X".
            let by_regulator = s == "approved"
                && re!(r"(?-u:\b)(?:fda|ema|european\s+commission|health\s+canada|nmpa|pmda|mhra|tga|swissmedic|anvisa|agency)(?:\s+(?:has|had|also|formally|officially))?$")
                    .is_match(l.trim_end());
            let noun = (s == "approval" || s.contains("authori"))
                && (r_head.trim_start().starts_with("of")
                    || r_head.trim_start().starts_with("for")
                    || l.contains("obtain")
                    || l.contains("receiv")
                    || l.contains("with the")
                    || l.contains("following")
                    || l.contains("granted"));
            if passive || noun || by_regulator {
                Some((Some(Phase::Approved), PhaseStatus::Achieved))
            } else {
                None
            }
        }
        PhaseWord::Clinic => {
            // Entering the clinic with no phase named is Phase I; being "in
            // clinical testing" is ongoing Phase I only with a start cue.
            let st = status_of(false)?;
            let start_cue =
                lc.achieved || *planned || l.contains("into") || surface.contains("clinic");
            if !start_cue {
                return None;
            }
            Some((Some(Phase::PhaseI), st))
        }
        PhaseWord::Phase(p) => {
            // "terminated the Phase 2 trial of X": the phase is what stopped.
            if lc.halted && !*planned {
                return Some((None, PhaseStatus::Discontinued));
            }
            // "the recommended Phase 2 dose" names a dose, not a trial.
            if l.trim_end().ends_with("recommended") && r_head.trim_start().starts_with("dose") {
                return None;
            }
            status_of(true).map(|s| (Some(p), s))
        }
    }
}

/// The noun half of a forward-looking adjective on the phase's own noun
/// phrase: "the forthcoming Phase 1b trial", "a planned pivotal Phase 3
/// study". The adjective before the mention is [`FORWARD_ADJECTIVE_BEFORE`]
/// (a [`LeftCues`] flag); `r_head`, the text after the mention, must name
/// a trial, study or program (so "expected Phase 2 data" of a running
/// trial is not a plan).
fn forward_noun_after(r_head: &str) -> bool {
    re!(r"^\s*(?:[A-Za-z0-9-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|programs?|development|testing)(?-u:\b)")
        .is_match(r_head)
}

/// The relation an organization has to the compounds of its sentence, from
/// the words right before and after it.
fn org_relation(before: &str, after: &str) -> Option<&'static str> {
    let b = before.to_ascii_lowercase();
    let b = b.trim_end();
    // "funded by the National Cancer Institute": the article is not the cue.
    let b = b.strip_suffix(" the").unwrap_or(b);
    let a = after.to_ascii_lowercase();
    if a.starts_with("'s ") || a.starts_with("’s ") {
        return Some("developed_by");
    }
    let ends = |pats: &[&str]| pats.iter().any(|p| b.ends_with(p));
    if ends(&[
        "licensed to",
        "out-licensed to",
        "sublicensed to",
        "licensed exclusively to",
    ]) {
        return Some("licensed_to");
    }
    // "granted Zeta Inc. an exclusive license to develop X".
    if ends(&["granted", "grants", "granting", "has granted"])
        && re!(r"^[\s,]*(?:an?\s+)?(?:exclusive\s+|non-exclusive\s+|worldwide\s+|global\s+)*(?:license|licence|rights|sublicense)")
            .is_match(&a)
    {
        return Some("licensed_to");
    }
    if ends(&[
        "licensed from",
        "in-licensed from",
        "license from",
        "acquired from",
        "rights from",
    ]) {
        return Some("licensed_from");
    }
    if ends(&[
        "developed by",
        "development by",
        "commercialized by",
        "developed and commercialized by",
        "marketed by",
        "being developed by",
        "sponsored by",
        "conducted by",
        "initiated by",
        "in development by",
    ]) || re!(r"(?:marketed|sold|launched|commercialized)\s+in\s+the\s+\w+\s+by$").is_match(b)
        || re!(
            r"(?:developed|development|commercialized|testing|trials?|study|studies)(?-u:\b).{0,40}(?-u:\b)by$"
        )
        .is_match(b)
    {
        return Some("developed_by");
    }
    if ends(&[
        "collaboration with",
        "collaborations with",
        "partnership with",
        "partnered with",
        "alliance with",
        "agreement with",
        "agreements with",
        "license with",
        "co-development with",
        "co-developed with",
        "co-developing with",
        "co-commercialized with",
        "co-commercializing with",
        "jointly developed with",
        "jointly with",
        "partner",
        "our partner",
        "its partner",
        "funded by",
        "grant from",
        "supported by",
        "support from",
    ]) {
        return Some("collaboration");
    }
    if ends(&[
        "milestone from",
        "milestone payment from",
        "payment from",
        "payments from",
        "royalties from",
        "fees from",
        "upfront from",
        "funding from",
    ]) {
        return Some("collaboration");
    }
    // The organization as the subject of a development verb.
    if re!(r"^\s*(?:has\s+|have\s+|also\s+)?(?:initiated|opened|began|started|is\s+developing|develops|has\s+opted|opted\s+in|is\s+conducting|plans\s+to\s+(?:initiate|assess|start|begin)|expects\s+to\s+(?:apply|file|submit|initiate|begin)|continues\s+to\s+expect|reported|is\s+evaluating|will\s+(?:initiate|begin|develop|commercialize)|licensed|acquired|has\s+the\s+(?:exclusive\s+)?rights?)(?-u:\b)").is_match(&a)
    {
        return Some("developed_by");
    }
    None
}

/// The payment kind words of [`kind_word`] and [`kind_word_last`]. No
/// word is a prefix of another, so two words never start at the same
/// place: the first (last) start names one kind.
const KIND_WORDS: [(&str, PaymentKind); 6] = [
    ("royalt", PaymentKind::Royalty),
    ("upfront", PaymentKind::Upfront),
    ("up-front", PaymentKind::Upfront),
    ("milestone", PaymentKind::Milestone),
    ("license fee", PaymentKind::LicenseFee),
    ("licensing fee", PaymentKind::LicenseFee),
];

/// A prebuilt forward and reverse `memmem` searcher per [`KIND_WORDS`]
/// word: `str::find` and `str::rfind` build a substring searcher per word
/// and call. Byte offsets are those of `find`/`rfind` (a word is valid
/// UTF-8, so it only matches at char boundaries).
static KIND_FINDERS: LazyLock<
    [(
        memchr::memmem::Finder<'static>,
        memchr::memmem::FinderRev<'static>,
        PaymentKind,
    ); 6],
> = LazyLock::new(|| {
    KIND_WORDS.map(|(w, k)| {
        (
            memchr::memmem::Finder::new(w),
            memchr::memmem::FinderRev::new(w),
            k,
        )
    })
});

/// The payment kind a phrase names first.
fn kind_word(s: &str) -> Option<PaymentKind> {
    KIND_FINDERS
        .iter()
        .filter_map(|(f, _, k)| f.find(s.as_bytes()).map(|i| (i, *k)))
        .min_by_key(|x| x.0)
        .map(|x| x.1)
}

/// The payment kind a phrase names last (closest to what follows it).
fn kind_word_last(s: &str) -> Option<PaymentKind> {
    KIND_FINDERS
        .iter()
        .filter_map(|(_, f, k)| f.rfind(s.as_bytes()).map(|i| (i, *k)))
        .max_by_key(|x| x.0)
        .map(|x| x.1)
}

fn cues_partnership(st: &str) -> bool {
    let l = st.to_ascii_lowercase();
    [
        "collaboration",
        "development by",
        "developed by",
        "licensed",
        "partner",
        "agreement",
    ]
    .iter()
    .any(|c| l.contains(c))
}

/// The mentions inside `start..end` of a list sorted by start (binary search,
/// so a long document does not make every sentence scan every mention).
fn mentions_in(sorted: &[Mention], start: usize, end: usize) -> Vec<Mention> {
    mentions_from(sorted, sorted.partition_point(|m| m.start < start), end)
}

/// The mentions of `sorted` from index `from` on that lie before `end`.
fn mentions_from(sorted: &[Mention], from: usize, end: usize) -> Vec<Mention> {
    sorted
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|m| m.start < end)
        .filter(|m| m.end <= end)
        .copied()
        .collect()
}

/// Where the sentences seen so far start in the extractor's sorted
/// mention lists: for each list, the number of its mentions that start
/// before the last sentence given to [`advance_to`].
#[derive(Default)]
struct MentionCursors {
    compounds: usize,
    orgs: usize,
    targets: usize,
}

/// `sorted.partition_point(|x| start_of(x) < start)` (`sorted` is sorted by
/// `start_of`), found by moving `*cursor`, that point for an earlier
/// call, forward over the items that start before `start`; `*cursor`
/// becomes the point.
///
/// The sentences are visited in text order, so each list is walked once
/// per document instead of binary-searched per sentence. The walk gives
/// the partition point whenever every item before `*cursor` starts before
/// `start` (the items from `*cursor` on that do are exactly the ones the
/// walk steps over, as the list is sorted); that holds when `start` is at
/// least the earlier call's start. Otherwise (the item before `*cursor`
/// does not start before `start`) the binary search is run, so the result
/// never depends on the order of calls.
fn advance_to<T>(
    sorted: &[T],
    cursor: &mut usize,
    start: usize,
    start_of: impl Fn(&T) -> usize,
) -> usize {
    let behind = cursor.checked_sub(1).map_or(*cursor == 0, |k| {
        sorted.get(k).is_some_and(|x| start_of(x) < start)
    });
    if !behind {
        *cursor = sorted.partition_point(|x| start_of(x) < start);
        return *cursor;
    }
    while sorted.get(*cursor).is_some_and(|x| start_of(x) < start) {
        *cursor += 1;
    }
    *cursor
}

/// [`mentions_in`] with the binary search replaced by [`advance_to`]
/// (same start point, so the same mentions).
fn mentions_in_from(
    sorted: &[Mention],
    cursor: &mut usize,
    start: usize,
    end: usize,
) -> Vec<Mention> {
    mentions_from(sorted, advance_to(sorted, cursor, start, |m| m.start), end)
}

/// The entity of the first mention of `sorted` (sorted by start) that starts
/// at `at` or up to 4 bytes after it, and before `line_end`: the compound
/// that leads a line whose text (bullet stripped) starts at `at`.
///
/// It replaces a scan for the first mention of the suffix starting at `at`
/// or later that meets both bounds: the starts of that suffix rise, so when
/// its first mention starts past either bound every later one does too, and
/// the first mention is the only candidate. One binary search instead of a
/// walk to the end of the list for every line without a leading compound
/// (which made `compute_context` quadratic in the mentions of a document).
/// A test checks it against the scan.
fn leading_compound(sorted: &[Mention], at: usize, line_end: usize) -> Option<usize> {
    let from = sorted.partition_point(|m| m.start < at);
    sorted
        .get(from)
        .filter(|m| m.start <= at + 4 && m.start < line_end)
        .map(|m| m.entity)
}

/// Compounds of a pure list ("A, B, and C") that ends with the last mention.
fn list_ending_at(s: &str, ms: &[Mention]) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(last) = ms.last() else { return out };
    out.push(last.entity);
    for w in ms.windows(2).rev() {
        let [a, b] = w else { break };
        let between = s.get(a.end..b.start).unwrap_or("x");
        if is_list_sep(between) {
            if !out.contains(&a.entity) {
                out.push(a.entity);
            }
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// Compounds of a pure list that starts with the first mention.
fn list_from(s: &str, ms: &[Mention]) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(first) = ms.first() else { return out };
    out.push(first.entity);
    for w in ms.windows(2) {
        let [a, b] = w else { break };
        let between = s.get(a.end..b.start).unwrap_or("x");
        if is_list_sep(between) {
            if !out.contains(&b.entity) {
                out.push(b.entity);
            }
        } else {
            break;
        }
    }
    out
}

fn is_list_sep(between: &str) -> bool {
    let t = between.trim().trim_start_matches(['®', '™']).trim();
    matches!(
        t,
        "," | "and"
            | ", and"
            | "or"
            | ", or"
            | "&"
            | "/"
            | ""
            | "as well as"
            | ", as well as"
            | ", along with"
            | "along with"
            | ", together with"
    ) || t.strip_prefix(')').is_some_and(is_list_sep)
}

fn dedup_entities(ms: &[Mention]) -> Vec<usize> {
    let mut out = Vec::new();
    for m in ms {
        if !out.contains(&m.entity) {
            out.push(m.entity);
        }
    }
    out
}

fn nearest(ms: &[Mention], start: usize, end: usize) -> Option<usize> {
    ms.iter()
        .min_by_key(|m| {
            if m.end <= start {
                start - m.end
            } else {
                m.start.saturating_sub(end)
            }
        })
        .map(|m| m.entity)
}

/// The clause of sentence `st` around byte `at`: bounded by semicolons and
/// money amounts (each amount opens a clause).
fn clause_bounds(st: &str, money: &[Found<mentions::Money>], at: usize) -> (usize, usize) {
    let mut cuts: Vec<usize> = st.match_indices(';').map(|(i, _)| i).collect();
    cuts.extend(money.iter().map(|m| m.start));
    cuts.sort_unstable();
    let lo = cuts.iter().rev().find(|&&c| c <= at).copied().unwrap_or(0);
    let hi = cuts.iter().find(|&&c| c > at).copied().unwrap_or(st.len());
    (lo, hi)
}

fn nearest_date(dates: &[DateMention], start: usize, end: usize) -> Option<FuzzyDate> {
    // Prefer the first date after the mention within the clause, else the closest before.
    dates
        .iter()
        .min_by_key(|d| {
            if d.start >= end {
                d.start - end
            } else if d.end <= start {
                (start - d.end) * 2
            } else {
                0
            }
        })
        .map(|d| d.date)
}

fn news_today(lower: &str) -> bool {
    lower.contains("today") || lower.contains("announced") || lower.contains("announces")
}

/// Words that cannot be part of a name, each between spaces: a cue's
/// name ends before the first of them.
const NAME_STOPS: [&str; 7] = [" In ", " On ", " The ", " For ", " As ", " To ", " At "];

/// A cue's name without trailing punctuation, cut before the first word
/// of [`NAME_STOPS`] and without a possessive `'s`.
///
/// The stops are applied in order, each cutting at its first occurrence
/// in what the earlier ones left. That is the first occurrence in the
/// whole name when it still fits in what is left, else none (a later
/// occurrence ends later still). So the first occurrence of every stop is
/// found in one pass over the name's spaces (each stop starts with one),
/// with no substring searcher set up per stop; a test compares it with
/// the stop-by-stop cut.
fn trim_org_name(n: &str) -> &str {
    let t = n.trim().trim_end_matches([',', '.', ')', ';', ':']);
    let b = t.as_bytes();
    let mut first: [Option<usize>; 7] = [None; 7];
    for i in memchr::memchr_iter(b' ', b) {
        let rest = b.get(i..).unwrap_or(&[]);
        for (f, stop) in first.iter_mut().zip(NAME_STOPS) {
            if f.is_none() && rest.starts_with(stop.as_bytes()) {
                *f = Some(i);
            }
        }
    }
    let mut end = t.len();
    for (f, stop) in first.iter().zip(NAME_STOPS) {
        if let Some(p) = *f
            && p + stop.len() <= end
        {
            end = p;
        }
    }
    trim_possessive(t.get(..end).unwrap_or(t)).trim()
}

/// `t.trim_end_matches("'s").trim_end_matches("’s")`: every trailing
/// `'s`, then every trailing `’s`, removed by `strip_suffix`, which
/// needs no substring searcher. Neither pattern overlaps itself (no proper
/// prefix of it is a suffix of it), so removing it from the end while it
/// is there is what `trim_end_matches` does; a test compares the two.
fn trim_possessive(t: &str) -> &str {
    let mut t = t;
    while let Some(r) = t.strip_suffix("'s") {
        t = r;
    }
    while let Some(r) = t.strip_suffix("’s") {
        t = r;
    }
    t
}

/// First words of capitalized phrases that are not organization names
/// (see [`plausible_org`]).
const NOT_ORG_FIRST_WORDS: &[&str] = &[
    "The",
    "This",
    "These",
    "That",
    "Our",
    "Its",
    "A",
    "An",
    "Phase",
    "Company",
    "Companies",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mr",
    "Mr.",
    "Ms.",
    "Dr.",
    "Dr",
    "We",
    "It",
    "In",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "US",
    "U.S.",
    "EU",
    "Europe",
    "Japan",
    "China",
    "Management",
    "Investors",
    "Investor",
    "Media",
    "Item",
    "Exhibit",
    "Form",
    "Section",
    "Rule",
    "Each",
    "All",
    "Both",
    "Such",
    "Other",
    "Under",
    "ADC",
    "ADCs",
    "TAP",
    "IND",
    "BLA",
    "NDA",
    "Nasdaq",
    "NASDAQ",
    "FDA",
    "Patients",
    "Patient",
    "Data",
    "Results",
    "Revenue",
    "Revenues",
    "Net",
    "Total",
    "Cash",
    "Pursuant",
    "Registrant",
    "Commission",
    "Securities",
    "Today",
    "Clinical",
    "Additional",
    "Further",
    "Following",
    "Based",
    "Also",
];

/// [`NOT_ORG_FIRST_WORDS`] as a set: one hash look-up per name instead of
/// a comparison with each word.
static NOT_ORG_FIRST: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| NOT_ORG_FIRST_WORDS.iter().copied().collect());

/// Rejects capitalized phrases that are not organization names.
///
/// The name's key is computed once for its three uses, and the first word
/// looked up in a set rather than compared with each of
/// [`NOT_ORG_FIRST_WORDS`]; each test reads only the name, so their order
/// does not change the answer.
fn plausible_org(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    if first.len() < 2 {
        return false;
    }
    let key = name_key(name);
    let known = LEXICON.company_by_key.contains_key(&key);
    if !known && !first.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    if NOT_ORG_FIRST.contains(first.trim_end_matches(',')) {
        return false;
    }
    if LEXICON.not_org.contains(&key) {
        return false;
    }
    // All-caps short acronyms of diseases/conferences are not partners.
    !(name.len() <= 4 && name.chars().all(|c| c.is_ascii_uppercase()) && !known)
}

/// Splits "A, B, C and D" into (offset, item) parts.
fn split_list(list: &str) -> Vec<(usize, &str)> {
    fn push<'a>(list: &'a str, out: &mut Vec<(usize, &'a str)>, s: usize, e: usize) {
        if let Some(item) = list.get(s..e) {
            let lead = item.len() - item.trim_start().len();
            let it = item.trim();
            let it = it.strip_prefix("and ").unwrap_or(it);
            let off = s + lead + (item.trim().len() - it.len());
            if !it.is_empty() {
                out.push((off, it));
            }
        }
    }
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = list.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b',') {
            push(list, &mut out, start, i);
            start = i + 1;
        } else if list.get(i..).is_some_and(|r| r.starts_with(" and ")) {
            push(list, &mut out, start, i);
            start = i + 5;
            i += 4;
        }
        i += 1;
    }
    push(list, &mut out, start, list.len());
    out
}

/// `words` (name keys of a name's words) share the distinctive first word of
/// one of `alias_keys` (see [`Org::alias_keys`]) and differ only by
/// descriptors.
fn prefix_variant(alias_keys: &[(String, Vec<String>)], words: &[String]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if first.len() < 4 {
        return false;
    }
    alias_keys.iter().any(|(_, aw)| {
        let (short, long) = if aw.len() <= words.len() {
            (&aw[..], words)
        } else {
            (words, &aw[..])
        };
        !short.is_empty()
            && long.len() >= short.len()
            && long.get(..short.len()) == Some(short)
            && long
                .get(short.len()..)
                .unwrap_or(&[])
                .iter()
                .all(|w| ORG_DESCRIPTORS.contains(&w.as_str()))
    })
}

/// Registrant from the text when ingest found none: the line before
/// "(Exact name of registrant", else the first organization with a legal
/// suffix in the first 3000 bytes.
fn registrant_from_text(text: &str) -> Option<String> {
    if let Some(p) = text.find("(Exact name of registrant") {
        let before = text.get(..p)?.trim_end();
        let line = before.rsplit('\n').next()?.trim();
        if !line.is_empty() {
            return Some(line.to_string());
        }
    }
    let head = text.get(..text.len().min(3000)).unwrap_or(text);
    mentions::find_orgs_by_suffix(head)
        .into_iter()
        .next()
        .map(|f| f.what)
}

#[cfg(test)]
mod tests {

    use crate::ingest::ingest_bytes;

    /// The head tests of the anchored anaphora patterns skip only texts
    /// the patterns do not match: every sentence of the samples (trimmed
    /// as the extractor trims it) and every line start.
    #[test]
    fn anaphora_heads_skip_only_unmatched_sample_sentences() {
        let (mut this, mut these, mut total) = (0, 0, 0);
        for text in crate::extract::sample_filings() {
            let sents = crate::extract::sentences::split(&text);
            let starts = sents
                .iter()
                .filter_map(|s| text.get(s.start..s.end))
                .chain(text.lines());
            for st in starts {
                let t = st.trim_start();
                let (a, b) = (super::THIS_REF_RE.is_match(t), super::THESE_RE.is_match(t));
                assert_eq!(super::this_ref(t), a, "{:?}", t.get(..40));
                assert_eq!(super::these_ref(t), b, "{:?}", t.get(..40));
                this += usize::from(a);
                these += usize::from(b);
                total += 1;
            }
        }
        assert!(this > 0 && this < total, "{this} {these} {total}");
    }

    /// Every word that starts an anaphora match, in every case, passes
    /// the head test; Unicode case folding adds no head (`ſ` and the
    /// Kelvin sign fold onto `s` and `k`, which start no word here).
    #[test]
    fn anaphora_heads_edges() {
        let cases = [
            "this",
            "This",
            "THIS",
            "these",
            "These",
            "tHeSe",
            "it",
            "It",
            "IT",
            "its",
            "Its",
            "the compound",
            "The product",
            "THE ADC",
            "the  antibody",
            "the\tprogram",
            "both",
            "Both",
            "BOTH",
            "all",
            "All",
            "ALL",
            "theſe",
            "thiſ",
            "the Kompound",
            "ſhe",
            "\u{212A}",
            "ıt",
            "İt",
            "ît",
            "it-",
            "it.",
            "its\u{2011}",
            "t",
            "i",
            "",
            "b",
            "a",
            "\u{17F}",
            "xit",
            " it",
            "tH",
            "Th",
            "aL",
            "bO",
            "iT",
        ];
        let tails = [
            "",
            " ",
            " compounds",
            " product candidates",
            " three candidates",
            " of these programs",
            " new ADCs",
            " drugs",
            " antibodies",
            " assets",
            "x",
            " \u{212A}",
            " ſ",
        ];
        for head in cases {
            for tail in tails {
                let t = format!("{head}{tail}");
                assert_eq!(
                    super::this_ref(&t),
                    super::THIS_REF_RE.is_match(&t),
                    "{t:?}"
                );
                assert_eq!(super::these_ref(&t), super::THESE_RE.is_match(&t), "{t:?}");
            }
        }
        for t in ["This", "it is", "Its", "The compound", "these ADCs"] {
            assert!(super::this_ref(t), "{t:?}");
        }
        for t in [
            "These compounds",
            "Both drugs",
            "All three candidates",
            "all of these programs",
        ] {
            assert!(super::these_ref(t), "{t:?}");
        }
        // The head letters' whole case-insensitive class is ASCII: no
        // character outside ASCII matches one of them under `(?i)`.
        let class = regex::Regex::new("(?i)[thiobla]").expect("class");
        let non_ascii: String = ('\u{80}'..=char::MAX).collect();
        assert!(!class.is_match(&non_ascii));
    }

    proptest::proptest! {
        /// The head tests agree with the anaphora patterns on texts built
        /// from the patterns' words, other words, case variants and
        /// characters that Unicode case folding maps onto ASCII.
        #[test]
        fn anaphora_heads_agree_with_patterns(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "this", "These", "THESE", "it", "Its", "the", "The", "both", "BOTH", "all",
                    "All", "three", "of", "compound", "product", "candidates", "programs",
                    "ADCs", "drug", "assets", "new", "ſ", "\u{212A}", "theſe", "ıt", "x", "-",
                    ".", "é", "\u{2011}", "\t",
                ]),
                0..6,
            ),
            first in proptest::sample::select(vec![
                "this", "THIS", "these", "it", "ITS", "the", "both", "Both", "all", "ALL",
                "theſe", "ıt", "x",
            ]),
            lead in proptest::sample::select(vec!["", " ", "\n", "\u{a0}"]),
            sep in proptest::sample::select(vec![" ", "", "  "]),
        ) {
            let st = format!("{lead}{first}{sep}{}", words.join(sep));
            let t = st.trim_start();
            proptest::prop_assert_eq!(super::this_ref(t), super::THIS_REF_RE.is_match(t), "{:?}", t);
            proptest::prop_assert_eq!(super::these_ref(t), super::THESE_RE.is_match(t), "{:?}", t);
        }
    }

    /// `DEFINED_TERM_RE` finds a term in `after`.
    fn defined_term_matches(after: &str) -> bool {
        super::DEFINED_TERM_RE.is_match(after)
    }

    /// The defined-term pre-check never rejects a text the pattern
    /// matches: every suffix of every line of the sample filings, and
    /// openings with every kind of space and comma.
    #[test]
    fn defined_term_precheck_is_sound() {
        let mut kept = 0;
        for text in crate::extract::sample_filings() {
            for (k, _) in text.char_indices() {
                let after = text.get(k..).unwrap_or("");
                if defined_term_matches(after) {
                    assert!(super::may_open_defined_term(after), "{:?}", after.get(..40));
                }
                kept += usize::from(super::may_open_defined_term(after));
            }
        }
        assert!(kept > 0);
        for after in [
            " (\"Acme\")",
            ", (the \"Acme Bio\")",
            ",\u{a0}(\"Acme\")",
            "\u{2003}(“Acme”)",
            "\u{85}(\"Acme\")",
            "\x0B(\"Acme\")",
            "\x0C\r\n\t(\"Acme\")",
            "(\"Acme\")",
            ",(\"Acme\")",
        ] {
            assert!(defined_term_matches(after), "{after:?}");
            assert!(super::may_open_defined_term(after), "{after:?}");
        }
        for after in [
            "",
            ",",
            " ",
            ",, (\"Acme\")",
            " x (\"Acme\")",
            "; (\"Acme\")",
        ] {
            assert!(!super::may_open_defined_term(after), "{after:?}");
        }
    }

    proptest::proptest! {
        /// The same on openings built from commas, spaces of every kind,
        /// parentheses, quotes and names.
        #[test]
        fn defined_term_precheck_agrees_with_the_pattern(
            after in "(?:,|;| |\\t|\\n|\\x0B|\\x0C|\\u{85}|\\u{a0}|\\u{2003}|\\u{3000}|\\(|\\)|the |\"|“|”|Acme|Bio|ſ|K|x){0,8}"
        ) {
            proptest::prop_assert!(!defined_term_matches(&after) || super::may_open_defined_term(&after));
        }
    }

    proptest::proptest! {
        /// The organization-cue pre-check never rejects a sentence the
        /// pattern matches: sentences built from cue words, lead-ins, names
        /// and every kind of whitespace the pattern's `\s` takes.
        #[test]
        fn org_cue_precheck_is_sound(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "by", "from", "with", "to", "in", "opted", "licensed", "exclusively",
                    "partner", "its", "the", "licensee", "licensor", "marketed", "US",
                    "agreement", "was", "Acme", "Zentrix", "Bio", "of", "and", "x", "",
                    "it", "licenced", "out-licensed", "sublicensed", "partnered",
                    "partnership", "partnerships", "collaboration", "collaborations",
                    "alliance", "agreements", "license", "licensing", "joint", "venture",
                    "is", "our", "developed", "commercialized", "being", "royalties",
                    "funded", "fully", "part", "received", "payments", "nearby", "é",
                    "(by", "_by", "xwith", "Über", "ſ", "thereby", "BY", "By", "From",
                    "sublicensee", "Partner", "Licensed",
                ]),
                0..12,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}",
                    "\u{85}", "\u{3000}", ", ", "-", "",
                ]),
                0..12,
            ),
        ) {
            let mut st = String::new();
            for (i, w) in words.iter().enumerate() {
                st.push_str(w);
                st.push_str(gaps.get(i).copied().unwrap_or(" "));
            }
            if super::ORG_CUE_RE.is_match(&st) {
                proptest::prop_assert!(super::may_hold_org_cue(&st), "{:?}", st);
                proptest::prop_assert!(org_cue_gated(&st), "gate missed {:?}", st);
            }
        }
    }

    /// Whether the cue gate marks `st`, taken as one sentence, with
    /// [`Cues::ORG_CUE`](super::Cues::ORG_CUE).
    fn org_cue_gated(st: &str) -> bool {
        let whole = super::super::sentences::Sentence {
            start: 0,
            end: st.len(),
            line: 0,
            line_start: true,
        };
        super::super::cues::sentence_cues(st, &[whole])
            .first()
            .is_some_and(|c| c.has(super::Cues::ORG_CUE))
    }

    /// The gate marks every sentence of the samples that holds a cue
    /// (gated as the extractor gates it: all sentences of a filing at
    /// once), and leaves most others unmarked.
    #[test]
    fn org_cue_gate_marks_every_cued_sample_sentence() {
        let (mut cued, mut marked, mut total) = (0, 0, 0);
        for text in super::super::sample_filings() {
            let sents = super::super::sentences::split(&text);
            let gates = super::super::cues::sentence_cues(&text, &sents);
            for (s, g) in sents.iter().zip(&gates) {
                let st = text.get(s.start..s.end).unwrap_or("");
                let has = g.has(super::Cues::ORG_CUE);
                if !super::org_cues(st).is_empty() {
                    cued += 1;
                    assert!(has, "gate missed {st:?}");
                }
                marked += usize::from(has);
                total += 1;
            }
        }
        assert!(cued > 0 && marked < total, "{cued} {marked} {total}");
    }

    /// The organization-cue pre-check byte by byte (the look-back from
    /// every byte), which `may_hold_org_cue_in`'s blocks must agree with.
    fn may_hold_org_cue_bytewise(st: &str) -> bool {
        let b = st.as_bytes();
        (0..b.len()).any(|i| super::org_cue_at(b, i))
    }

    proptest::proptest! {
        /// The block pre-check agrees with the byte-by-byte one on text
        /// made of cue words, names, other words and whitespace of every
        /// kind (ASCII, the vertical tab, non-ASCII), cut anywhere.
        #[test]
        fn org_cue_precheck_blocks_agree_with_bytes(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "by", "from", "with", "to", "in", "the", "partner", "licensee",
                    "licensor", "Acme", "Zentrix", "ÜBER", "émile", "é", "Ö", "x", "A", "",
                    "term", "rho", "moon", "ten", "year", "bye", "into",
                ]),
                0..40,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}",
                    "\u{85}", "\u{3000}", ", ", "-", "", "\0",
                ]),
                0..40,
            ),
            cut in 0usize..200,
        ) {
            let mut st = String::new();
            for (i, w) in words.iter().enumerate() {
                st.push_str(w);
                st.push_str(gaps.get(i).copied().unwrap_or(" "));
            }
            let mut cut = cut.min(st.len());
            while !st.is_char_boundary(cut) {
                cut -= 1;
            }
            for part in [st.as_str(), st.get(..cut).unwrap_or(""), st.get(cut..).unwrap_or("")] {
                proptest::prop_assert_eq!(
                    super::may_hold_org_cue(part),
                    may_hold_org_cue_bytewise(part),
                    "{:?}",
                    part
                );
            }
            // The same parts as sentences of the whole text, whose blocks
            // read the bytes around them.
            for (a, z) in [(0, cut), (cut, st.len()), (cut / 2, cut), (0, st.len())] {
                let Some(part) = st.get(a..z) else { continue };
                proptest::prop_assert_eq!(
                    super::may_hold_org_cue_in(st.as_bytes(), a, z),
                    may_hold_org_cue_bytewise(part),
                    "{:?} in {:?}",
                    part,
                    st
                );
            }
        }

        /// The same on arbitrary text, weighted towards letters, cue words
        /// and whitespace.
        #[test]
        fn org_cue_precheck_blocks_agree_with_bytes_on_any_text(
            st in "(?:[ A-Za-z\\t\\n\\x0B]|by |in |the |to |with |licensed |opted |\\u{a0}|é|\\PC){0,300}",
            a in 0usize..300,
            z in 0usize..300,
        ) {
            proptest::prop_assert_eq!(
                super::may_hold_org_cue(&st),
                may_hold_org_cue_bytewise(&st)
            );
            let (a, z) = (a.min(z).min(st.len()), z.max(a).min(st.len()));
            if let Some(part) = st.get(a..z) {
                proptest::prop_assert_eq!(
                    super::may_hold_org_cue_in(st.as_bytes(), a, z),
                    may_hold_org_cue_bytewise(part)
                );
            }
        }
    }

    proptest::proptest! {
        /// The partner-list gate never rejects a sentence the pattern
        /// matches: sentences built from its cue words in any case, words
        /// that contain them, names, and every kind of whitespace the
        /// pattern's `\s` takes (non-ASCII among them).
        #[test]
        fn partner_list_gate_is_sound(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "partners", "Partners", "PARTNERS", "partnerships", "collaborations",
                    "Collaborations", "partnered", "licensees", "Licensees", "include",
                    "INCLUDE", "are", "such", "as", "with", "With", "copartners",
                    "partner", "partnerſ", "ſuch", "Acme", "Zentrix", "é", "x", "_", "",
                ]),
                0..12,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}",
                    "\u{85}", ", ", "-", "", ".", ";",
                ]),
                0..12,
            ),
        ) {
            let mut st = String::new();
            for (i, w) in words.iter().enumerate() {
                st.push_str(w);
                st.push_str(gaps.get(i).copied().unwrap_or(" "));
            }
            let (missed, _) = partner_list_gate_misses(&st);
            proptest::prop_assert!(missed.is_empty(), "{:?}", missed);
        }

        /// The same on arbitrary text, weighted towards the cue words.
        #[test]
        fn partner_list_gate_is_sound_on_any_text(
            st in "(?:partners |partnered |licensees |[Cc]ollaborations |with |include |are |such as |[ A-Za-z_\\t\\n\\x0B]|\\u{a0}|é|ſ|\\PC){0,200}"
        ) {
            let (missed, _) = partner_list_gate_misses(&st);
            proptest::prop_assert!(missed.is_empty(), "{:?}", missed);
        }
    }

    /// `partner_lists`' reference: the `list` group of each match from
    /// the capture engine.
    fn partner_lists_by_captures(st: &str) -> Vec<std::ops::Range<usize>> {
        super::PARTNER_LIST_RE
            .captures_iter(st)
            .filter_map(|c| Some(c.name("list")?.range()))
            .collect()
    }

    proptest::proptest! {
        /// Partner lists read off the matches are the capture engine's, on
        /// text made of the cues' words in any case, names, list marks and
        /// whitespace of every kind (non-ASCII among them).
        #[test]
        fn partner_lists_agree_with_the_captures(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "partners", "Partners", "PARTNERS", "partnerships", "collaborations",
                    "partnered", "licensees", "include", "INCLUDE", "are", "such", "as",
                    "AS", "with", "With", "partnerſ", "ſuch", "Acme", "Zentrix", "and",
                    "é", "x", "", ".", ";", ":",
                ]),
                0..14,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}",
                    "\u{85}", ", ", "", ".", ";", " \u{a0}",
                ]),
                0..14,
            ),
        ) {
            let mut st = String::new();
            for (i, w) in words.iter().enumerate() {
                st.push_str(w);
                st.push_str(gaps.get(i).copied().unwrap_or(" "));
            }
            proptest::prop_assert_eq!(
                super::partner_lists(&st),
                partner_lists_by_captures(&st),
                "{:?}",
                st
            );
        }
    }

    /// The same on every sentence of the sample filings, and on each cue
    /// followed by every kind of list end.
    #[test]
    fn partner_lists_agree_with_the_captures_on_samples() {
        let mut lists = 0;
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                let want = partner_lists_by_captures(st);
                lists += want.len();
                assert_eq!(super::partner_lists(st), want, "{st:?}");
            }
        }
        assert!(lists > 0);
        for cue in [
            "partners include",
            "Partners are",
            "partners such  as",
            "partnerships with",
            "collaborations\twith",
            "PARTNERED WITH",
            "licensees include",
        ] {
            for end in [
                "Acme and Beta.",
                "  Acme",
                " ",
                "  .",
                "\u{b}x",
                "\n\n;",
                "ſ",
                "",
            ] {
                let st = format!("Our {cue} {end}");
                assert_eq!(
                    super::partner_lists(&st),
                    partner_lists_by_captures(&st),
                    "{st:?}"
                );
            }
        }
    }

    /// The sentences of `text` that the pattern matches but the sentence
    /// gate does not mark as holding a partner list: there must be none
    /// (the gate's anchors are the cues' first words). Also the number of
    /// sentences the pattern matches.
    fn partner_list_gate_misses(text: &str) -> (Vec<&str>, usize) {
        let sents = super::sentences::split(text);
        let cues = super::cues::sentence_cues(text, &sents);
        let (mut missed, mut matched) = (Vec::new(), 0);
        for (s, c) in sents.iter().zip(&cues) {
            let st = text.get(s.start..s.end).unwrap_or("");
            if super::PARTNER_LIST_RE.is_match(st) {
                matched += 1;
                if !c.has(super::Cues::PARTNER_LIST) {
                    missed.push(st);
                }
            }
        }
        (missed, matched)
    }

    /// The partner-list gate lets every sentence of the sample filings
    /// through that the pattern matches (and some cues of each kind).
    #[test]
    fn partner_list_gate_is_sound_on_samples() {
        for cue in [
            "partners include",
            "partners are",
            "Partners such as",
            "partnerships with",
            "collaborations with",
            "PARTNERED WITH",
            "licensees include",
        ] {
            let st = format!("Our {cue} Acme Bio and Zentrix.");
            assert_eq!(partner_list_gate_misses(&st), (vec![], 1), "{st:?}");
        }
        let mut matched = 0;
        for text in super::super::sample_filings() {
            let (missed, m) = partner_list_gate_misses(&text);
            assert!(missed.is_empty(), "{missed:?}");
            matched += m;
        }
        assert!(matched > 0);
    }

    /// The block pre-check's fixed set of last letters covers every cue
    /// word: a word added to `ORG_CUE_LAST_WORDS` with a new last letter
    /// must be added to `org_cue_candidate` too.
    #[test]
    fn org_cue_candidate_knows_every_cue_words_last_letter() {
        for (w, _) in super::ORG_CUE_LAST_WORDS {
            let last = *w.last().expect("cue words are not empty");
            assert!(
                super::org_cue_candidate(last, b' ', b'Z'),
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
    }

    /// The block pre-check agrees with the byte-by-byte one on every
    /// sentence of the sample filings and on every suffix of each (so that
    /// capitals fall at every offset of a block).
    #[test]
    fn org_cue_precheck_blocks_agree_with_bytes_on_samples() {
        let mut kept = 0;
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                let want = may_hold_org_cue_bytewise(st);
                kept += usize::from(want);
                assert_eq!(super::may_hold_org_cue(st), want, "{st:?}");
                assert_eq!(
                    super::may_hold_org_cue_in(text.as_bytes(), s.start, s.end),
                    want,
                    "{st:?}"
                );
                for k in (1..st.len().min(80)).filter(|&k| st.is_char_boundary(k)) {
                    let part = st.get(k..).unwrap_or("");
                    assert_eq!(
                        super::may_hold_org_cue(part),
                        may_hold_org_cue_bytewise(part),
                        "{part:?}"
                    );
                }
            }
        }
        assert!(kept > 0);
    }

    proptest::proptest! {
        /// The weak-cue check agrees with the former lowercased copy on
        /// cue-like and arbitrary text (non-ASCII included).
        #[test]
        fn weak_org_cue_agrees_with_lowercased_copy(
            cue in "(?:[Bb][Yy]|[Ff][Rr][Oo][Mm]|[Pp][Aa][Rr][Tt][Nn][Ee][Rr]|ſ|K|\\PC{0,3})[ \\u{a0}\\t]?\\PC{0,12}"
        ) {
            let lower = cue.to_ascii_lowercase();
            let want = lower.starts_with("by ")
                || lower.starts_with("from ")
                || lower.starts_with("partner ");
            proptest::prop_assert_eq!(super::weak_org_cue(&cue), want);
        }
    }

    /// The same on the samples' organization cues.
    #[test]
    fn weak_org_cue_agrees_on_samples() {
        let mut weak = 0;
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                for (whole, _) in super::org_cues(st) {
                    let cue = st.get(whole).unwrap_or("");
                    let lower = cue.to_ascii_lowercase();
                    let want = lower.starts_with("by ")
                        || lower.starts_with("from ")
                        || lower.starts_with("partner ");
                    weak += usize::from(want);
                    assert_eq!(super::weak_org_cue(cue), want, "{cue:?}");
                }
            }
        }
        assert!(weak > 0);
    }

    /// `find_money` as `payment_tables` calls it, skip first: the same
    /// answer as the unconditional call (the reference) on `s`.
    fn money_skip_agrees(s: &str) -> bool {
        let unconditional = !super::mentions::find_money(s).is_empty();
        let skipped =
            super::mentions::may_hold_money(s) && !super::mentions::find_money(s).is_empty();
        unconditional == skipped
    }

    /// Edge cases of the money skip: every sign, code and word, numbers
    /// outside ASCII, `ſ` and the Kelvin sign in codes and words.
    const MONEY_EDGES: &[&str] = &[
        "$５ million",
        "USD \u{663} million",
        "€ 2",
        "€5",
        "£5",
        "¥5",
        "5€",
        "US$5",
        "U.S. $5",
        "$1,000",
        "$ 3.5 bn",
        "USD 5",
        "usd5",
        "EUR 26.6 million",
        "CHF 5",
        "GBP 5",
        "gbp 5",
        "JPY 5",
        "CAD 5",
        "AUD 5",
        "CNY 5",
        "RMB 5",
        "DKK 5",
        "D\u{212A}\u{212A} 5",
        "SEK 5",
        "\u{17F}EK 5",
        "5 CHF",
        "5 EUR",
        "5 USD",
        "5 GBP",
        "5 JPY",
        "5 euro",
        "5 EUROS",
        "5 euro\u{17F}",
        "5 dollars",
        "5 dollar\u{17F}",
        "5 million Swiss francs",
        "5 \u{17F}wi\u{17F}\u{17F} franc\u{17F}",
        "5 pounds",
        "5 million pounds",
        "two million dollars",
        "$",
        "USD five",
        "12 months",
        "2023",
        "45%",
        "",
    ];

    /// Every amount `find_money` finds is in text that `may_hold_money`
    /// keeps, so the skip changes no answer: on the samples' table cells,
    /// lines and words, and on the edge cases. The amounts checked below
    /// each need one part of the rule (a non-ASCII sign, a code whose only
    /// letter of the five is `d`, `e`, `r`, `p` or `c`), so a stricter skip
    /// fails. A number with a non-ASCII digit matches the pattern but
    /// gives no amount (it does not parse), so the skip's digit part is
    /// wider than needed rather than tested to be tight.
    #[test]
    fn money_skip_agrees_with_the_unconditional_call() {
        let mut pieces: Vec<String> = MONEY_EDGES.iter().map(|s| s.to_string()).collect();
        for text in crate::extract::sample_filings() {
            for line in text.lines() {
                pieces.extend(line.split('\t').map(|c| c.trim().to_string()));
                pieces.push(line.to_string());
            }
            pieces.extend(text.split_whitespace().map(String::from));
        }
        let mut found = 0;
        for p in &pieces {
            found += usize::from(!super::mentions::find_money(p).is_empty());
            assert!(money_skip_agrees(p), "{p:?}");
        }
        assert!(found > 10, "the check is void: {found} amounts");
        for e in [
            "€5",
            "D\u{212A}\u{212A} 5",
            "SEK 5",
            "RMB 5",
            "JPY 5",
            "5 CHF",
        ] {
            assert!(!super::mentions::find_money(e).is_empty(), "{e:?}");
        }
        assert!(!super::mentions::may_hold_money("two million dollars"));
        assert!(!super::mentions::may_hold_money("12 months"));
        assert!(!super::mentions::may_hold_money("45%"));
        assert!(super::mentions::may_hold_money("$５ million"));
    }

    proptest::proptest! {
        /// The money skip agrees with the unconditional call on cells built
        /// from signs, codes and words (some with `ſ` or the Kelvin sign),
        /// multipliers, numbers (some outside ASCII), letters and spaces.
        #[test]
        fn money_skip_agrees_on_built_cells(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "$", "€", "£", "¥", "US", "U.S.", "usd", "EUR", "Chf", "gbp", "JPY",
                    "cad", "AUD", "cny", "RMB", "dkk", "D\u{212A}\u{212A}", "SEK",
                    "\u{17F}ek", "euro", "euros", "dollars", "Swiss", "francs",
                    "pounds", "million", "bn", "m", "k", "\u{212A}", "\u{17F}", "5",
                    "1,000", ".5", "\u{663}", "５", " ", "\u{a0}", "-", "%", "x",
                    "months", "Phase", "",
                ]),
                0..8,
            )
        ) {
            let s = parts.concat();
            proptest::prop_assert!(money_skip_agrees(&s), "{:?}", s);
        }
    }

    /// `trim_org_name` as it was: each stop cut with `str::find`, in order.
    fn trim_org_name_reference(n: &str) -> &str {
        let mut t = n.trim().trim_end_matches([',', '.', ')', ';', ':']);
        for stop in [" In ", " On ", " The ", " For ", " As ", " To ", " At "] {
            if let Some(p) = t.find(stop) {
                t = t.get(..p).unwrap_or(t);
            }
        }
        t.trim_end_matches("'s").trim_end_matches("’s").trim()
    }

    proptest::proptest! {
        /// The one-pass stop cut equals the stop-by-stop one on names built
        /// from stop words (both cases), names, possessives, punctuation
        /// and whitespace, overlapping stops (` On In `) included.
        #[test]
        fn trim_org_name_cuts_like_stop_by_stop(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "In", "On", "The", "For", "As", "To", "At", "in", "the", "Acme",
                    "Zentrix", "Inc.", "’s", "'s", "s", "Über", "",
                ]),
                0..9,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", "\u{a0}", ",", ".", ")", ";", ":", "'s", "’s", "'", "",
                ]),
                0..9,
            ),
        ) {
            let mut n = String::new();
            for (i, w) in words.iter().enumerate() {
                n.push_str(w);
                n.push_str(gaps.get(i).copied().unwrap_or(" "));
            }
            proptest::prop_assert_eq!(super::trim_org_name(&n), trim_org_name_reference(&n));
        }

        /// `trim_possessive` equals the two `trim_end_matches` it replaces.
        #[test]
        fn trim_possessive_is_trim_end_matches(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["'", "’", "s", "'s", "’s", "S", "a", " ", "é"]),
                0..10,
            ),
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(
                super::trim_possessive(&t),
                t.trim_end_matches("'s").trim_end_matches("’s")
            );
        }
    }

    /// `plausible_org` as it was: the key computed per use, the first word
    /// compared with each word of the list.
    fn plausible_org_reference(name: &str) -> bool {
        use super::{LEXICON, NOT_ORG_FIRST_WORDS, name_key};
        let first = name.split_whitespace().next().unwrap_or("");
        if first.len() < 2 {
            return false;
        }
        let known = LEXICON.company_by_key.contains_key(&name_key(name));
        if !known && !first.chars().next().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
        if NOT_ORG_FIRST_WORDS.contains(&first.trim_end_matches(',')) {
            return false;
        }
        if LEXICON.not_org.contains(&name_key(name)) {
            return false;
        }
        !(name.len() <= 4
            && name.chars().all(|c| c.is_ascii_uppercase())
            && !LEXICON.company_by_key.contains_key(&name_key(name)))
    }

    #[test]
    fn plausible_org_agrees_with_the_list_scan() {
        let mut names: Vec<String> = [
            "Acme",
            "The Acme",
            "Acme, Inc.",
            "ACME",
            "AB",
            "A",
            "",
            "In, Acme",
            "Nasdaq,",
            "US",
            "U.S.",
            "acme",
            "über Bio",
            "Über Bio",
            "Zentrix Biosciences",
            "FDA Acme",
            "ZTX",
            "Mr. Acme",
            "Mr",
            "Q1 Acme",
            "X",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // A lexicon company as written and lowercased (the `known` path).
        for c in super::lexicon::COMPANIES.iter().take(3) {
            names.push(c.name.to_string());
            names.push(c.name.to_lowercase());
        }
        names.extend(
            super::NOT_ORG_FIRST_WORDS
                .iter()
                .map(|w| format!("{w} Zentrix")),
        );
        names.extend(
            super::NOT_ORG_FIRST_WORDS
                .iter()
                .map(|w| format!("{w}, Acme")),
        );
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                for (_, n) in super::org_cues(st) {
                    names.push(super::trim_org_name(st.get(n).unwrap_or("")).to_string());
                }
            }
        }
        for n in &names {
            assert_eq!(super::plausible_org(n), plausible_org_reference(n), "{n:?}");
        }
    }

    #[test]
    fn trim_org_name_edges() {
        for n in [
            "Acme On In Beta",
            "Acme In The Beta",
            "Zentrix The Acme's",
            " Acme Inc.), ",
            "Acme’s's",
            "Acme's’s",
            "In Acme",
            "Acme In ",
            "Acme\u{a0}In Beta",
            "",
        ] {
            assert_eq!(super::trim_org_name(n), trim_org_name_reference(n), "{n:?}");
        }
    }

    proptest::proptest! {
        /// The same on arbitrary text ending in letters of the cue words.
        #[test]
        fn org_cue_last_word_is_the_list_scan_on_any_text(
            w in "\\PC{0,4}(?:[a-z]|to|by|the|he|or|er|ee|in|om|th){0,4}"
        ) {
            let scan = super::ORG_CUE_LAST_WORDS
                .iter()
                .map(|(c, _)| *c)
                .find(|c| w.as_bytes().ends_with(c));
            proptest::prop_assert_eq!(super::org_cue_last_word(w.as_bytes()), scan);
        }
    }

    /// The cue word picked by its last byte is the one a scan of the list
    /// finds, on every word of the sample filings and on the cue words
    /// with letters added or taken away.
    #[test]
    fn org_cue_last_word_is_the_list_scan() {
        use super::{ORG_CUE_LAST_WORDS, org_cue_last_word};
        let scan = |w: &[u8]| {
            ORG_CUE_LAST_WORDS
                .iter()
                .map(|(c, _)| *c)
                .find(|c| w.ends_with(c))
        };
        let mut words: Vec<Vec<u8>> = Vec::new();
        for (c, _) in ORG_CUE_LAST_WORDS {
            words.push(c.to_vec());
            words.push([b"x", *c].concat());
            words.push(c.get(1..).unwrap_or(&[]).to_vec());
            words.push([*c, b"s"].concat());
        }
        for text in crate::extract::sample_filings() {
            words.extend(text.split_whitespace().map(|w| w.as_bytes().to_vec()));
        }
        for w in &words {
            assert_eq!(
                org_cue_last_word(w),
                scan(w),
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
    }

    /// The cue-word check takes every cue of the pattern (each with and
    /// without the `the` lead-in, after a word boundary), and rejects a
    /// last word without what must come before it.
    #[test]
    fn org_cue_word_check_takes_every_cue() {
        use super::{ORG_CUE_RE, ends_with_org_cue};
        let cues = [
            "licensed to",
            "licenced it exclusively to",
            "out-licensed to",
            "sublicensed to",
            "in global development by",
            "being developed and commercialized by",
            "developed by",
            "commercialized by",
            "marketed in the US by",
            "partnered with",
            "in partnership with",
            "collaborations with",
            "partnership with",
            "alliance with",
            "agreements with",
            "license with",
            "licensing agreement with",
            "joint venture with",
            "agreement is with",
            "collaboration was with",
            "milestone payments received from",
            "royalties from",
            "grant from",
            "partially funded in part by",
            "sponsored by",
            "opted in",
            "by",
            "from",
            "partner",
            "licensee",
            "licensor",
            "by its partner",
            "from our partner",
        ];
        for cue in cues {
            for lead in ["", " the"] {
                let h = format!("({cue}{lead}");
                assert!(ORG_CUE_RE.is_match(&format!("{h} Acme")), "{h:?}");
                assert!(ends_with_org_cue(h.as_bytes(), true), "{h:?}");
            }
            if !cue.contains(' ') {
                assert!(
                    !ends_with_org_cue(format!("x{cue}").as_bytes(), true),
                    "{cue}"
                );
            }
            assert!(!ends_with_org_cue(format!("{cue} the").as_bytes(), false));
        }
        for h in [
            "submitted to",
            "dosed in",
            "the",
            "in the",
            "with",
            "treated with",
            "to",
        ] {
            assert!(!ends_with_org_cue(h.as_bytes(), true), "{h:?}");
        }
    }

    #[test]
    fn head_and_tail_chars_are_the_char_counts_they_replace() {
        use super::{head_chars, tail_chars};
        let head = |s: &str, n: usize| s.chars().take(n).collect::<String>();
        let tail = |s: &str, n: usize| {
            let mut v: Vec<char> = s.chars().rev().take(n).collect();
            v.reverse();
            v.into_iter().collect::<String>()
        };
        for s in [
            "",
            "a",
            "abc",
            "Zentrix (ZTX-101) \u{3b1}\u{2019}s €5 million",
            "\u{17f}\u{212a}ab\u{a0}",
        ] {
            for n in 0..=s.chars().count() + 2 {
                assert_eq!(head_chars(s, n), head(s, n), "head {s:?} {n}");
                assert_eq!(tail_chars(s, n), tail(s, n), "tail {s:?} {n}");
            }
        }
    }

    #[test]
    fn org_cue_names_read_from_text_agree_with_the_captures() {
        use super::{ORG_CUE_RE, org_cues};
        type Ranges = Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>;
        let by_captures = |st: &str| -> Ranges {
            ORG_CUE_RE
                .captures_iter(st)
                .filter_map(|c| Some((c.get(0)?.range(), c.name("name")?.range())))
                .collect()
        };
        let check = |st: &str| {
            let want = by_captures(st);
            assert_eq!(org_cues(st), want, "{st:?}");
            if !want.is_empty() {
                assert!(super::may_hold_org_cue(st), "precheck missed {st:?}");
                assert!(org_cue_gated(st), "gate missed {st:?}");
            }
        };
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                check(text.get(s.start..s.end).unwrap_or(""));
            }
        }
        for st in [
            "Zeta is marketed in the US by Acme Pharma and marketed in Japan by Beta.",
            "licensed exclusively to Zentrix Biosciences; funded by the National Institutes of Health",
            "royalty payments received from its partner Acme; opted in Beta; a license with Gamma Co",
            "developed by\u{a0}Acme; partnered with Über Bio; from The Zentrix Group of Companies",
            "licensed to\u{2003}Acme",
            "by\tZentrix",
            "by\u{b}Zentrix",
            "partner \u{a0} Acme",
            "opted in Beta",
            "licensor Gamma and licensee Delta",
            "licensed it exclusively to Acme",
            "out-licensed to Acme and sublicensed to Beta",
            "in partnership with Acme; a joint venture with Beta",
            "the agreement is with Acme; the license was with Beta",
            "licensing agreement with the Zentrix Group",
            "licensed to the Acme Group",
            "(by Acme)",
            "éby Acme",
            "by its partner Acme",
        ] {
            check(st);
            assert!(!org_cues(st).is_empty(), "{st:?}");
        }
        // A cue's last word alone is not enough where the pattern needs
        // the words before it, or a word boundary.
        for st in [
            "The Company reported results for ZTX-101.",
            "Acme and Beta",
            "by\u{a0}acme, from zentrix",
            "",
            "dosed in January with the Phase 2 drug",
            "submitted to FDA with Acme",
            "nearby Acme, standby Beta",
            "the trial in the US",
            "in the Acme trial",
            "sublicensee Acme",
        ] {
            assert!(!super::may_hold_org_cue(st), "{st:?}");
            check(st);
        }
    }

    /// [`super::Extractor::org_for`] as it was before its per-surface
    /// memo: every step on every call. The reference for the memoized one.
    fn org_for_reference(
        ex: &mut super::Extractor,
        surface: &str,
        lexicon: Option<usize>,
    ) -> Option<usize> {
        use super::*;
        let words: Vec<&str> = surface.split_whitespace().collect();
        let surface = match words
            .iter()
            .rposition(|w| TITLE_WORDS.contains(&w.trim_end_matches(',')))
        {
            Some(i) => {
                let skip: usize = surface
                    .split_whitespace()
                    .take(i + 1)
                    .map(|w| w.len() + 1)
                    .sum();
                surface.get(skip.min(surface.len())..).unwrap_or("").trim()
            }
            None => surface,
        };
        let last = surface
            .split_whitespace()
            .last()
            .unwrap_or("")
            .trim_end_matches(['.', ',']);
        if SERVICE_LAST_WORDS.contains(&last) {
            return None;
        }
        let surface = surface
            .trim()
            .trim_end_matches(['\'', '’'])
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let unglued = {
            let first = surface.split_whitespace().next().unwrap_or("");
            let b = first.as_bytes();
            (1..b.len())
                .find(|&k| {
                    b.get(k - 1).is_some_and(u8::is_ascii_lowercase)
                        && b.get(k).is_some_and(u8::is_ascii_uppercase)
                })
                .and_then(|k| surface.get(k..))
                .filter(|tail| ex.org_known(tail))
        };
        let surface = unglued.unwrap_or(surface);
        let display = mentions::strip_legal_suffix(surface).trim().to_string();
        if display.len() < 2 {
            return None;
        }
        let display_key = name_key(&display);
        if LEXICON.not_org.contains(&display_key) {
            return None;
        }
        let lex = lexicon.or_else(|| LEXICON.company_by_key.get(&display_key).copied());
        let (name, parent) = match lex.and_then(|i| lexicon::COMPANIES.get(i)) {
            Some(c) => (c.name.to_string(), c.parent.map(str::to_string)),
            None => (display.clone(), None),
        };
        let key = if name == display {
            display_key
        } else {
            name_key(&name)
        };
        let surface_key = name_key(surface);
        let words: Vec<String> = display.split_whitespace().map(name_key).collect();
        for (i, o) in ex.orgs.iter_mut().enumerate() {
            let same = (lex.is_some() && o.lexicon == lex)
                || o.key == key
                || o.has_alias_key(&surface_key)
                || o.has_alias_key(&key)
                || prefix_variant(&o.alias_keys, &words);
            if same {
                o.add_alias(surface);
                o.add_alias(&display);
                return Some(i);
            }
        }
        let mut o = Org::new(name.clone(), name_key(&name), parent, lex);
        o.add_alias(surface);
        o.add_alias(&display);
        ex.orgs.push(o);
        Some(ex.orgs.len() - 1)
    }

    /// `OrgCand::new`'s keys, joined from its words' keys, are `name_key`
    /// of the whole display name and surface.
    fn check_org_cand_keys(surface: &str) {
        use super::{OrgCand, mentions, name_key};
        for lexicon in [None, Some(0)] {
            if let Some(c) = OrgCand::new(surface, lexicon) {
                assert_eq!(c.surface_key, name_key(surface), "{surface:?}");
                assert_eq!(c.key, name_key(&c.name), "{surface:?}");
                let display = mentions::strip_legal_suffix(surface).trim();
                assert_eq!(c.display, display, "{surface:?}");
                let words: Vec<String> = display.split_whitespace().map(name_key).collect();
                assert_eq!(c.words, words, "{surface:?}");
            }
        }
    }

    proptest::proptest! {
        /// On names with legal suffixes, spaces of every kind, accents and
        /// Greek letters around them.
        #[test]
        fn org_cand_keys_are_name_keys(
            surface in "[ \\t\\u{a0}]{0,2}(?:[A-Za-z0-9&'’.,-]|é|α|Ü|ſ|\\u{2003}| ){0,24}(?:, Inc\\.| Co\\., Ltd\\.| AG| plc|)[ \\u{a0}]{0,2}"
        ) {
            check_org_cand_keys(&surface);
        }
    }

    /// The same on every organization candidate of the sample filings.
    #[test]
    fn org_cand_keys_are_name_keys_on_samples() {
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                for f in super::mentions::find_orgs_by_suffix(st) {
                    check_org_cand_keys(&f.what);
                }
                for f in super::mentions::find_lexicon_companies(st) {
                    check_org_cand_keys(st.get(f.start..f.end).unwrap_or(""));
                }
            }
        }
        for n in [
            "Zentrix\u{a0}Biosciences Co., Ltd.",
            "  Acme, Inc. ",
            "Über Pharma AG",
            "",
        ] {
            check_org_cand_keys(n);
        }
    }

    /// The memoized `org_for` and its reference give the same entity and
    /// leave the same organizations (names, keys, aliases and their keys)
    /// on every call of a sequence: every organization candidate of the
    /// sample filings in text order, each twice and with and without a
    /// lexicon entry, then invented edge cases (titles, service
    /// providers, glued headings before and after their tail is known,
    /// possessives, non-ASCII, empty).
    #[test]
    fn org_for_memo_agrees_with_every_step_on_every_call() {
        use super::{Extractor, mentions, org_cues};
        let state = |ex: &Extractor| -> Vec<String> {
            ex.orgs
                .iter()
                .map(|o| {
                    format!(
                        "{}|{}|{:?}|{:?}|{:?}|{:?}",
                        o.name, o.key, o.aliases, o.alias_keys, o.parent, o.lexicon
                    )
                })
                .collect()
        };
        let edge: Vec<(String, Option<usize>)> = [
            "Zentrix Biosciences, Inc.",
            "Zentrix",
            "Jane Roe, Managing Director, Acme Advisors",
            "John Doe, Chief Executive Officer, Acme Therapeutics",
            "Acme Relations",
            "DetailsAcme Therapeutics",
            "Acme Therapeutics",
            "DetailsAcme Therapeutics",
            "DetailsZentrix",
            "ZentrixBio Holdings",
            "Acme’s",
            "Acme's",
            "Acme'",
            "Über Pharma AG",
            "Zentrix\u{a0}Biosciences Co., Ltd.",
            "Inc.",
            "A",
            "",
            "   ",
            "Vice President Acme",
            "Beta S.A.",
            "Beta",
        ]
        .iter()
        .flat_map(|s| [(s.to_string(), None), (s.to_string(), Some(0))])
        .collect();
        let mut texts = super::super::sample_filings();
        texts.push(String::from(
            "Zentrix Biosciences, Inc. licensed ZTX-101 to Acme Therapeutics.",
        ));
        for text in texts {
            let mut seq: Vec<(String, Option<usize>)> = Vec::new();
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                for f in mentions::find_lexicon_companies(st) {
                    let surface = st.get(f.start..f.end).unwrap_or("").to_string();
                    seq.push((surface.clone(), Some(f.what)));
                    seq.push((surface, None));
                }
                for f in mentions::find_orgs_by_suffix(st) {
                    seq.push((f.what, None));
                }
                for (_, n) in org_cues(st) {
                    seq.push((st.get(n).unwrap_or("").to_string(), None));
                }
            }
            let again = seq.clone();
            seq.extend(again);
            seq.extend(edge.iter().cloned());
            let doc = ingest_bytes("t.txt", text.as_bytes()).expect("ingest");
            let mut memo = Extractor::new(&doc);
            let mut reference = Extractor::new(&doc);
            for (surface, lexicon) in &seq {
                let got = memo.org_for(surface, *lexicon);
                let want = org_for_reference(&mut reference, surface, *lexicon);
                assert_eq!(got, want, "{surface:?} {lexicon:?}");
                assert_eq!(state(&memo), state(&reference), "{surface:?} {lexicon:?}");
            }
        }
    }

    struct Got {
        compounds: Vec<String>,
        events: Vec<String>,
        partners: Vec<String>,
        targets: Vec<String>,
        payments: Vec<String>,
    }

    fn run(text: &str, report: &str) -> Got {
        let mut doc = ingest_bytes("t.txt", text.as_bytes()).expect("ingest");
        doc.info.report_date = chrono::NaiveDate::parse_from_str(report, "%Y-%m-%d").ok();
        doc.info.registrant = Some("Acme".into());
        let f = super::super::extract(&doc);
        let cname = |i: usize| {
            f.compounds
                .get(i)
                .map(|c| c.names.join("|"))
                .unwrap_or_default()
        };
        Got {
            compounds: f.compounds.iter().map(|c| c.names.join("|")).collect(),
            events: f
                .phase_events
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {} {}",
                        cname(e.compound),
                        e.phase.map_or("-", |p| p.name()),
                        e.status.name(),
                        e.date.map_or("-".to_string(), |d| d.to_string())
                    )
                })
                .collect(),
            partners: f
                .partnerships
                .iter()
                .map(|p| {
                    format!(
                        "{} {}",
                        cname(p.compound),
                        f.organizations.get(p.org).map_or("", |o| o.name.as_str())
                    )
                })
                .collect(),
            targets: f
                .targets
                .iter()
                .map(|t| format!("{} {}", cname(t.compound), t.target))
                .collect(),
            payments: f
                .payments
                .iter()
                .map(|p| {
                    format!(
                        "{} {} {} {} {}",
                        p.amount,
                        p.currency,
                        p.payer
                            .and_then(|o| f.organizations.get(o))
                            .map_or("", |o| o.name.as_str()),
                        p.kind.name(),
                        p.status.name()
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn alias_cues_make_one_compound() {
        let g = run(
            "Zentuximab (formerly ZX-101 or ABC4481) is in Phase 2. Brandix® (zentuximab vedotin) was approved in March 2020.",
            "2020-05-01",
        );
        assert_eq!(
            g.compounds,
            ["Zentuximab|ZX-101|ABC4481", "Brandix|zentuximab vedotin"]
        );
    }

    #[test]
    fn phase_status_from_verbs_and_forward_cues() {
        let g = run(
            "Acme initiated a Phase 2 trial of ACM-101 in September. ACM-202 is on track to begin Phase 3 in early 2021. ACM-303 is in Phase 1 testing.",
            "2020-11-05",
        );
        assert_eq!(
            g.events,
            [
                "ACM-101 Phase II achieved 2020-09",
                "ACM-202 Phase III planned 2021-H1",
                "ACM-303 Phase I ongoing 2020-11"
            ]
        );
    }

    /// Regression: "The forthcoming Phase 1b CIPPN trial is fully funded"
    /// and "As we prepare for Phase 2/3 trials in X" were ongoing, not planned.
    #[test]
    fn forward_adjectives_and_prepare_for_are_plans() {
        let g = run(
            "The forthcoming Phase 1b trial of ACM-101 is fully funded by a foundation. As we prepare for Phase 2/3 trials in ACM-202, our team has grown. A planned pivotal Phase 3 study of ACM-303 will enroll 400 patients.",
            "2024-11-14",
        );
        assert_eq!(
            g.events,
            [
                "ACM-101 Phase I planned -",
                "ACM-202 Phase II/III planned -",
                "ACM-303 Phase III planned -"
            ]
        );
        // Data expected from a running trial is no plan to start one.
        let g = run(
            "ACM-404 is in a Phase 2b trial, with expected Phase 2b data this fall.",
            "2024-11-14",
        );
        assert_eq!(g.events, ["ACM-404 Phase II ongoing 2024-11"]);
    }

    /// Regression: "patients receiving the recommended Phase 2 dose" gave a
    /// Phase II event.
    #[test]
    fn recommended_phase_2_dose_is_no_event() {
        let g = run(
            "Patients on ACM-505 at the recommended Phase 2 dose (210mg) had longer survival.",
            "2025-03-17",
        );
        assert!(g.events.is_empty(), "{:?}", g.events);
    }

    /// Preclinical activity is an event; results, pipelines, IND-enabling
    /// work and risk-factor boilerplate are not.
    #[test]
    fn preclinical_studies_but_not_results_or_boilerplate() {
        let g = run(
            "ACM-606 demonstrated anti-tumor effects in preclinical studies. Acme plans to initiate preclinical studies for ACM-707 next year. Preclinical data suggest ACM-808 is potent. ACM-909 came from our preclinical pipeline.",
            "2024-11-14",
        );
        assert_eq!(
            g.events,
            [
                "ACM-606 Preclinical ongoing 2024-11",
                "ACM-707 Preclinical planned 2025"
            ]
        );
        let g = run(
            "ACM-606 is our lead program.\nFactors that could cause results to differ materially include uncertainties as to the timing of preclinical studies.",
            "2024-11-14",
        );
        assert!(g.events.is_empty(), "{:?}", g.events);
    }

    /// Regression: "...For more DetailsZentrix Therapeutics, Inc. is ..."
    /// (a heading glued to the name by a converter) made a second company.
    #[test]
    fn glued_heading_is_cut_from_a_known_name() {
        let text = "Zentrix Therapeutics, Inc. announced results for ZTX-101 today.\n\
                    Company DetailsZentrix Therapeutics, Inc. is based in Boston. \
                    BioNTech SE and AstraZeneca PLC were not involved.";
        let mut doc = ingest_bytes("t.txt", text.as_bytes()).expect("ingest");
        doc.info.registrant = Some("Zentrix Therapeutics".into());
        let f = super::super::extract(&doc);
        let names: Vec<&str> = f.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(names.contains(&"Zentrix Therapeutics"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("Details")), "{names:?}");
        // Camel-case names whose tail is no known company stay whole.
        assert!(names.iter().any(|n| n.starts_with("BioNTech")), "{names:?}");
    }

    /// Regression: "fully funded by the National Cancer Institute" lost its
    /// cue to the article.
    #[test]
    fn funded_by_the_org_is_a_collaboration() {
        let g = run(
            "The Phase 1b trial of ZTX-404 is fully funded by the Ridgeway Pain Institute. The study of ZTX-405 is sponsored by the Foundation for Pain Research.",
            "2026-05-14",
        );
        assert_eq!(
            g.partners,
            [
                "ZTX-404 Ridgeway Pain Institute",
                "ZTX-405 Foundation for Pain Research"
            ]
        );
    }

    /// Regression: "another ADC from the collaboration, X" under a section
    /// whose compound is licensed to a partner named no partner for X.
    #[test]
    fn compound_from_the_collaboration_shares_its_partners() {
        let g = run(
            "QRX-11 — This CD19-targeting ADC was licensed to Novartis as part of a research collaboration.\n\
             - It follows encouraging data with another ADC from the collaboration, QRX-22, last year.\n",
            "2014-01-07",
        );
        assert_eq!(g.partners, ["QRX-11 Novartis", "QRX-22 Novartis"]);
    }

    /// The "from the collaboration" rule adds nothing when the section's
    /// compound has no partner yet or the sentence names no other compound
    /// (its pattern is searched only when both hold).
    #[test]
    fn collaboration_sharing_needs_a_partner_and_another_compound() {
        let g = run(
            "QRX-31 — This ADC is part of a research collaboration.\n\
             - It follows encouraging data with another ADC from the collaboration, QRX-32, last year.\n",
            "2014-01-07",
        );
        assert!(g.partners.is_empty(), "{:?}", g.partners);
        let g = run(
            "QRX-41 — This ADC was licensed to Brindlewood Therapeutics as part of a research collaboration.\n\
             - QRX-41 is the first ADC from the collaboration.\n",
            "2014-01-07",
        );
        assert_eq!(g.partners, ["QRX-41 Brindlewood Therapeutics"]);
    }

    /// Coordinated targets share their cue; bispecific notation names two.
    #[test]
    fn coordinated_targets_share_a_cue() {
        let g = run(
            "ZTX-300, a bispecific antibody targeting PD-1 and VEGF, is in Phase 2. ZTX-301 is a dual HER2 and HER3 inhibitor. ZTX-302, a CD3xCD20 bispecific antibody, is in Phase 1.",
            "2025-03-03",
        );
        assert_eq!(
            g.targets,
            [
                "ZTX-300 PD-1",
                "ZTX-300 VEGF",
                "ZTX-301 HER2",
                "ZTX-301 HER3",
                "ZTX-302 CD20",
                "ZTX-302 CD3"
            ]
        );
    }

    /// "The FDA approved X" (active voice) is an approval.
    #[test]
    fn regulator_as_subject_approves() {
        let g = run(
            "The FDA approved ZTX-77 for adults with relapsed myeloma on February 14, 2025.",
            "2025-03-03",
        );
        assert_eq!(g.events, ["ZTX-77 Approved achieved 2025-02-14"]);
    }

    /// A partner paying royalties or milestones on a compound is its partner.
    #[test]
    fn payer_of_a_compound_is_its_partner() {
        let g = run(
            "Under the license agreement, Pfizer will pay Acme up to $1.2 billion in milestones plus royalties on net sales of ZTX-500.",
            "2025-03-03",
        );
        assert_eq!(g.partners, ["ZTX-500 Pfizer"]);
    }

    /// Regression: the combination partner, named last before the phase,
    /// took the trial: "X ... in combination with pembrolizumab
    /// (Keytruda®) in a Phase 1b/2 study".
    #[test]
    fn combination_partner_is_not_the_trial_subject() {
        let g = run(
            "ZTX-14 is being evaluated in combination with pembrolizumab (Keytruda®) in a Phase 1b/2 study.",
            "2024-08-08",
        );
        assert_eq!(g.events, ["ZTX-14 Phase I/II ongoing 2024-08"]);
        assert_eq!(g.compounds, ["ZTX-14"]);
    }

    /// "inhibitor of X" names a target, known to the lexicon or not; a
    /// terminated trial discontinues its compound.
    #[test]
    fn inhibitor_of_target_and_terminated_trial() {
        let g = run(
            "NXR-201 is an oral small molecule inhibitor of MAT2A. NXR-202 is an inhibitor of HER2. The Company terminated the Phase 2 trial of NXR-610 due to a strategic reprioritization.",
            "2023-05-02",
        );
        assert_eq!(g.targets, ["NXR-201 MAT2A", "NXR-202 HER2"]);
        assert_eq!(g.events, ["NXR-610 - discontinued 2023-05"]);
    }

    /// Regression: "entered into a license agreement ... for X, an ADC
    /// currently in a Phase 1/2 clinical trial" was an achieved Phase I/II.
    #[test]
    fn currently_in_a_phase_is_ongoing() {
        let g = run(
            "Acme entered into an exclusive license agreement with Pfizer for ZTX-220, an antibody-drug conjugate currently in a Phase 1/2 clinical trial.",
            "2025-04-02",
        );
        assert_eq!(g.events, ["ZTX-220 Phase I/II ongoing 2025-04"]);
    }

    /// "co-developed with X" and "granted X an exclusive license to
    /// develop Y" are partnerships.
    #[test]
    fn co_development_and_granted_licenses() {
        let g = run(
            "ZTX-101 is being co-developed with Regeneron. Acme granted Zymeworks Inc. an exclusive license to develop ZTX-505 in Asia.",
            "2025-02-03",
        );
        assert_eq!(g.partners, ["ZTX-101 Regeneron", "ZTX-505 Zymeworks"]);
    }

    /// Regression: "anticipates starting the Phase 3 trial" was ongoing
    /// (the start verb's -ing form was not a start verb).
    #[test]
    fn forward_cue_with_an_ing_start_verb_is_a_plan() {
        let g = run(
            "Acme anticipates starting the Phase 3 trial of ZTX-303 in early 2026. Acme plans to submit an IND for ZTX-202 in 2H25.",
            "2025-03-12",
        );
        assert_eq!(
            g.events,
            [
                "ZTX-303 Phase III planned 2026-H1",
                "ZTX-202 IND planned 2025-H2"
            ]
        );
    }

    /// An 8-K license: the defined short name (`("Ono")`) is the partner's
    /// alias; "$10.0 million upon the first dosing ... in a Phase 3 trial"
    /// is a potential milestone with that trigger, not a Phase III event.
    #[test]
    fn license_8k_defined_names_and_conditional_milestones() {
        let g = run(
            "On September 12, 2025, Acme entered into an agreement with Ono Pharmaceutical Co., Ltd. (\"Ono\"), pursuant to which Acme granted Ono an exclusive license to develop ZTX-812 in Japan. Acme will receive a $10.0 million milestone payment from Ono upon the first dosing of a patient in a Phase 3 trial of ZTX-812.",
            "2025-09-15",
        );
        assert_eq!(g.partners, ["ZTX-812 Ono Pharmaceutical"]);
        assert!(g.events.is_empty(), "{:?}", g.events);
        assert_eq!(
            g.payments,
            ["10000000 USD Ono Pharmaceutical milestone potential"]
        );
        // Received upon a start: the trial began, the money is earned.
        let g = run(
            "Acme received a $10 million milestone payment from Novartis upon the initiation of a Phase 2 trial of ZTX-13.",
            "2024-08-08",
        );
        assert_eq!(g.events, ["ZTX-13 Phase II achieved -"]);
        assert_eq!(g.payments, ["10000000 USD Novartis milestone earned"]);
    }

    #[test]
    fn respectively_pairs_compounds_and_partners() {
        let g = run(
            "XY-100 and ZQ-200 have advanced into Phase II testing through our collaborations with Pfizer and Novartis, respectively.",
            "2019-02-01",
        );
        assert_eq!(g.partners, ["XY-100 Pfizer", "ZQ-200 Novartis"]);
    }

    #[test]
    fn targets_from_cues_and_section_context() {
        let g = run(
            "KLM-512 — This CD33-targeting ADC is in development by Pfizer.\n",
            "2019-02-01",
        );
        assert_eq!(g.targets, ["KLM-512 CD33"]);
        assert_eq!(g.partners, ["KLM-512 Pfizer"]);
    }

    #[test]
    fn milestones_with_payer_and_trigger() {
        let g = run(
            "Phase I testing of QRS-77 by Novartis began in May 2019, triggering a $4 million milestone payment to Acme. Acme is eligible for up to $150 million in milestones from Novartis.",
            "2019-06-01",
        );
        assert_eq!(
            g.payments,
            [
                "4000000 USD Novartis milestone earned",
                "150000000 USD Novartis milestone potential"
            ]
        );
    }

    #[test]
    fn aggregate_revenue_lines_are_not_payments() {
        let g = run(
            "Revenues include $1.2 million of license and milestone fees, compared to $0.4 million.",
            "2019-06-01",
        );
        assert!(g.payments.is_empty());
    }

    // ---- Regression tests per phenomenon, in the style of other companies' releases.

    #[test]
    fn alias_cues_formerly_aka_slash_and_brand_in_parentheses() {
        let g = run(
            "HLX-311, formerly known as MBX 4471, is licensed to Otsuka. Velrexa (velimotide) was approved in January 2024. About tenistat (aka TN-101 or QRB77120) is in Phase 2. The ABV-1701/Brandix® candidate is in Phase 3.",
            "2024-03-12",
        );
        assert!(
            g.compounds.contains(&"HLX-311|MBX 4471".to_string()),
            "{:?}",
            g.compounds
        );
        assert!(
            g.compounds.contains(&"Velrexa|velimotide".to_string()),
            "{:?}",
            g.compounds
        );
        assert!(
            g.compounds
                .iter()
                .any(|c| c.contains("TN-101") && c.contains("QRB77120") && c.contains("tenistat")),
            "{:?}",
            g.compounds
        );
        assert!(
            g.compounds.contains(&"ABV-1701|Brandix".to_string()),
            "{:?}",
            g.compounds
        );
    }

    #[test]
    fn comparators_and_standard_of_care_are_not_pipeline_compounds() {
        let g = run(
            "ACM-101 is in Phase 2 in combination with Keytrudix® (pembrolizumab). Patients previously treated with nivolumab were excluded. ACM-101 was compared to docetaxel.",
            "2024-03-12",
        );
        assert_eq!(g.compounds, ["ACM-101"]);
    }

    #[test]
    fn organizations_by_suffix_cue_and_possessive() {
        let g = run(
            "VX-12 is licensed to Galderma S.A. in Europe. Zentara's ZT-77 is in development by Kiromic GmbH. Helio Pharmaceuticals and Acme signed an agreement.",
            "2024-03-12",
        );
        assert!(
            g.partners.contains(&"VX-12 Galderma".to_string()),
            "{:?}",
            g.partners
        );
        assert!(
            g.partners.contains(&"ZT-77 Kiromic".to_string()),
            "{:?}",
            g.partners
        );
    }

    #[test]
    fn service_firms_and_people_are_not_partners() {
        let g = run(
            "Contact: Jane Roe, Managing Director, LifeBridge Advisors. ACM-101 entered Phase 1 in May 2024.",
            "2024-06-01",
        );
        assert!(g.partners.is_empty(), "{:?}", g.partners);
    }

    #[test]
    fn target_cues_anti_agonist_and_marker_positive() {
        let g = run(
            "NB-1120, an anti-CD47 monoclonal antibody, entered Phase 1 in March. SP-22 is a low-density lipoprotein receptor related protein-1 agonist (LRP1). RX-99 is a selective KRAS G12D inhibitor for HER2-positive breast cancer.",
            "2024-06-01",
        );
        assert!(
            g.targets.contains(&"NB-1120 CD47".to_string()),
            "{:?}",
            g.targets
        );
        assert!(
            g.targets.contains(&"SP-22 LRP1".to_string()),
            "{:?}",
            g.targets
        );
        assert!(
            g.targets.contains(&"RX-99 KRAS".to_string()),
            "{:?}",
            g.targets
        );
    }

    #[test]
    fn immune_cell_markers_are_not_targets() {
        let g = run(
            "Tumors showed CD8+, cytotoxic tumor-infiltrating lymphocytes after CAV-1 administration in the Phase 2 trial.",
            "2024-06-01",
        );
        assert!(g.targets.is_empty(), "{:?}", g.targets);
    }

    #[test]
    fn phase_forms_roman_arabic_and_combined() {
        let g = run(
            "ZA-11 began a Phase Ib study in May. ZB-22 started a Phase 1b/2 trial in June. ZC-33 initiated a pivotal Phase 3 trial in July. ZD-44 began a registrational Phase IIb study in August.",
            "2024-09-01",
        );
        assert_eq!(
            g.events,
            [
                "ZA-11 Phase I achieved 2024-05",
                "ZB-22 Phase I/II achieved 2024-06",
                "ZC-33 Phase III achieved 2024-07",
                "ZD-44 Phase II achieved 2024-08"
            ]
        );
    }

    #[test]
    fn regulatory_steps_ind_filing_approval() {
        let g = run(
            "The FDA cleared the IND for QX-101 in February. The FDA accepted the New Drug Application (NDA) for QX-202 in the third quarter of 2023. QX-303 received FDA clearance to progress into Phase 1b development this quarter. The European Commission granted marketing authorization for QX-404 in January 2024. Acme expects to submit a BLA for QX-505 by year-end.",
            "2024-03-12",
        );
        for want in [
            "QX-101 IND achieved 2024-02",
            "QX-202 Filed achieved 2023-Q3",
            "QX-303 IND achieved 2024-Q1",
            "QX-303 Phase I planned 2024-Q1",
            "QX-404 Approved achieved 2024-01",
            "QX-505 Filed planned 2024-Q4",
        ] {
            assert!(
                g.events.contains(&want.to_string()),
                "{want}: {:?}",
                g.events
            );
        }
    }

    #[test]
    fn status_from_tense_and_forward_looking_cues() {
        let g = run(
            "Phase 2 evaluation of MQ-105 in gastric cancer is on track to begin in early 2025. Enrollment is ongoing in the Phase 1 trial of MQ-106. Acme completed a Phase 2a study of MQ-107. Acme discontinued development of MQ-108 following a portfolio review. Acme expects to begin enrolling patients in 1H 2025 in the MQ-109 Phase 1 expansion cohorts.",
            "2024-11-05",
        );
        for want in [
            "MQ-105 Phase II planned 2025-H1",
            "MQ-106 Phase I ongoing 2024-11",
            "MQ-107 Phase II completed -",
            "MQ-108 - discontinued 2024-11",
            "MQ-109 Phase I ongoing 2024-11",
        ] {
            assert!(
                g.events.contains(&want.to_string()),
                "{want}: {:?}",
                g.events
            );
        }
        assert!(
            !g.events
                .iter()
                .any(|e| e.starts_with("MQ-109 Phase I planned")),
            "{:?}",
            g.events
        );
    }

    #[test]
    fn several_compounds_and_respectively_with_phases() {
        let g = run(
            "NB-0710 and NB-0820 entered Phase I and Phase II, respectively, in August. AB-101, AB-202, and AB-303 are in Phase I testing.",
            "2019-11-05",
        );
        for want in [
            "NB-0710 Phase I achieved 2019-08",
            "NB-0820 Phase II achieved 2019-08",
            "AB-101 Phase I ongoing 2019-11",
            "AB-202 Phase I ongoing 2019-11",
            "AB-303 Phase I ongoing 2019-11",
        ] {
            assert!(
                g.events.contains(&want.to_string()),
                "{want}: {:?}",
                g.events
            );
        }
        assert!(
            !g.events
                .contains(&"NB-0710 Phase II achieved 2019-08".to_string())
        );
    }

    #[test]
    fn money_forms_kinds_and_statuses() {
        let g = run(
            "Acme received a $12.5 million upfront payment from Otsuka and is eligible for up to $310 million in development and regulatory milestones. Under the agreement with Galderma S.A., Acme earned a CHF 5 million milestone upon initiation of the Phase 2 trial of KX-99.",
            "2024-03-12",
        );
        for want in [
            "12500000 USD Otsuka upfront earned",
            "310000000 USD Otsuka milestone potential",
            "5000000 CHF Galderma milestone earned",
        ] {
            assert!(
                g.payments.contains(&want.to_string()),
                "{want}: {:?}",
                g.payments
            );
        }
    }

    #[test]
    fn payment_tables_with_paying_partners() {
        let g = run(
            "Remaining Licensing Milestone Income\nPartner\tProgram\tCash Collected\tRemaining Milestone Potential\nBeta Bio Inc.\tOncology\t$200,000\t$4,800,000\nTotal\t\t$200,000\t$4,800,000\n",
            "2025-04-16",
        );
        assert_eq!(
            g.payments,
            [
                "200000 USD Beta Bio milestone earned",
                "4800000 USD Beta Bio milestone potential"
            ]
        );
    }

    #[test]
    fn newswire_highlights_partners_payments_and_parenthesized_targets() {
        let g = run(
            "Announced a strategic collaboration with Astellas Pharma Inc. to develop ARV-455; Arvelle received an upfront payment of $45 million and is eligible to receive up to $1.2 billion in development, regulatory and commercial milestones, plus tiered royalties.\nSubmitted an Investigational New Drug (IND) application for ARV-610 in March 2025; Arvelle plans to initiate a Phase 1 trial in mid-2025.\nArvelle is advancing degraders including ARV-771 (BTK), ARV-902 (a KAT6A degrader) and ARV-455, partnered with Astellas.\n",
            "2025-05-08",
        );
        assert_eq!(g.partners, ["ARV-455 Astellas"]);
        assert!(
            g.payments
                .contains(&"1200000000 USD Astellas milestone potential".to_string()),
            "{:?}",
            g.payments
        );
        assert!(
            g.events
                .contains(&"ARV-610 IND achieved 2025-03".to_string()),
            "{:?}",
            g.events
        );
        assert!(
            g.events
                .contains(&"ARV-610 Phase I planned 2025-H1".to_string()),
            "{:?}",
            g.events
        );
        assert!(
            g.targets.contains(&"ARV-771 BTK".to_string()),
            "{:?}",
            g.targets
        );
        assert!(
            g.targets.contains(&"ARV-902 KAT6A".to_string()),
            "{:?}",
            g.targets
        );
    }
}

/// The fast paths of the phase-event rules against the searches they
/// replace: the cue sets against each pattern alone, the planned check
/// against its one-regex-per-cue form, and the char windows against a
/// char walk.
#[cfg(test)]
mod phase_cue_tests {
    use super::*;
    use std::sync::LazyLock;

    /// Each pattern of [`left_cue_patterns`], compiled alone.
    static LEFT_EACH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        left_cue_patterns()
            .iter()
            .map(|p| Regex::new(p).expect("pattern"))
            .collect()
    });
    /// Each pattern of [`right_cue_patterns`], compiled alone.
    static RIGHT_EACH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        right_cue_patterns()
            .iter()
            .map(|p| Regex::new(p).expect("pattern"))
            .collect()
    });

    fn left_flags(c: LeftCues) -> Vec<bool> {
        vec![
            c.forward,
            c.completed,
            c.achieved,
            c.ongoing,
            c.enrollment,
            c.currently_in,
            c.halted,
            c.forward_adjective,
        ]
    }

    fn right_flags(c: RightCues) -> Vec<bool> {
        vec![
            c.ongoing,
            c.enrollment,
            c.completed,
            c.achieved,
            c.will_start,
        ]
    }

    /// Every flag equals its pattern's own search.
    fn check_cues(s: &str) {
        let each: Vec<bool> = LEFT_EACH.iter().map(|r| r.is_match(s)).collect();
        assert_eq!(left_flags(LeftCues::of(s)), each, "left {s:?}");
        let each: Vec<bool> = RIGHT_EACH.iter().map(|r| r.is_match(s)).collect();
        assert_eq!(right_flags(RightCues::of(s)), each, "right {s:?}");
    }

    /// [`planned_from`] as it was: each cue searched on its own, in the
    /// original order, with no literal pre-check.
    fn planned_by_regexes(l: &str, r_head: &str, r_long: &str) -> bool {
        if r_head.trim_start().starts_with("expansion") {
            return false;
        }
        let forward_right = Regex::new(r"^[^,;]{0,90}?(?-u:\b)(?:is|are|remains?)?\s*(?:expected|on\s+track|planned|scheduled|anticipated|set|slated)\s+to\s+(?:begin|start|commence|initiate|open|be\s+initiated|be\s+submitted|be\s+filed)").expect("pattern").is_match(r_long)
            || r_head.trim_start().starts_with("submission is expected")
            || Regex::new(WILL_START_AFTER).expect("pattern").is_match(r_head);
        forward_right
            || FORWARD_RE.find_iter(l).last().is_some_and(|m| {
                let tail = l.get(m.start()..).unwrap_or("");
                START_VERB_RE.is_match(tail)
                    || tail.starts_with("toward")
                    || tail.starts_with("to ")
                    || Regex::new(r"^prepar\w*\s+for\s*$")
                        .expect("pattern")
                        .is_match(tail)
            })
            || Regex::new(FORWARD_ADJECTIVE_BEFORE)
                .expect("pattern")
                .is_match(l)
                && forward_noun_after(r_head)
    }

    fn check_planned(l: &str, r: &str) {
        let (r_head, r_long) = (head_chars(r, 60), head_chars(r, 130));
        let fast = planned_from(l, r_head, r_long, &LeftCues::of(l), &RightCues::of(r_head));
        assert_eq!(fast, planned_by_regexes(l, r_head, r_long), "{l:?} | {r:?}");
    }

    /// Edge cases: case (the `(?i)` patterns fold `ſ` to `s` and the Kelvin
    /// sign to `k`), Unicode spaces for `\s`, word boundaries, the `$` and
    /// `^` anchors, and the length bounds of the right-hand patterns.
    #[test]
    fn cue_sets_agree_with_each_pattern() {
        for s in [
            "",
            "zentrix plans to initiate a ",
            "Zentrix PLANS to begin the ",
            "acme completed enrollment in its ",
            "acme finiſhed the ",
            "acme completedx the ",
            "the trial is currently in a ",
            "ztx-101 is currently in a",
            "now being evaluated in the pivotal global ",
            "now\u{a0}in\u{2003}our ",
            "acme terminated the ongoing ",
            "acme terminated the ongoing x",
            "the upcoming ",
            "a planned pivotal ",
            "the first patient was dosed; now ",
            "enrolment nearing completion",
            "recruitment is underway and ongoing",
            "ta\u{212a}ing",
            " trial was completed in 2023",
            " trial, which was completed",
            " of ztx-101 in patients with advanced solid tumors was completed",
            " trial began dosing",
            " trial; began",
            " trial in patients with advanced solid tumors and others began",
            " trial is now active",
            " study will begin in 2025",
            " study will be initiated",
            " study, will begin",
            " programme is ongoing",
            " study expansion cohort",
        ] {
            check_cues(s);
        }
    }

    /// The phase and payment rules record nothing with the phase mentions
    /// of a sentence [`phases_used`] skips: on every sentence of the sample
    /// filings it skips, they run with the mentions found anyway.
    #[test]
    fn skipped_phase_mentions_yield_nothing() {
        let mut skipped = 0usize;
        for text in super::super::sample_filings() {
            let Ok(doc) = crate::ingest::ingest_bytes("sample.txt", text.as_bytes()) else {
                continue;
            };
            let mut ex = Extractor::new(&doc);
            ex.find_compounds();
            ex.find_orgs();
            ex.find_targets();
            ex.compute_context();
            for (si, s) in ex.sents.iter().enumerate() {
                let st = ex.sent_text(s);
                let comps = ex.compounds_in(s.start, s.end);
                let ctx = ex.context.get(si).copied().flatten();
                let money = mentions::find_money(st);
                if phases_used(&comps, ctx, &money) {
                    continue;
                }
                let phases = mentions::find_phases(st);
                skipped += usize::from(!phases.is_empty());
                let v = SentenceView {
                    si,
                    st,
                    respectively: st.contains("respectively"),
                    s: *s,
                    comps: comps.clone(),
                    orgs: mentions_in(&ex.org_mentions, s.start, s.end),
                    ctx,
                    ctx_ok: ctx.is_some(),
                    dates: std::cell::OnceCell::new(),
                    money: money.clone(),
                    phases,
                };
                let mut out = Relations::default();
                ex.phase_events(&v, &mut out);
                ex.payments(&v, &mut out);
                assert!(out.phases.is_empty() && out.payments.is_empty(), "{st:?}");
            }
        }
        assert!(
            skipped > 10,
            "few skipped sentences with phase mentions: {skipped}"
        );
    }

    proptest::proptest! {
        /// [`without_comparators`] gives what filtering every mention and
        /// falling back to all of them gave, for any mentions and any
        /// comparator verdicts.
        #[test]
        fn without_comparators_agrees_with_the_filter(
            ms in proptest::collection::vec((0usize..50, 0usize..5), 0..5),
            verdicts in proptest::collection::vec(proptest::bool::ANY, 5),
        ) {
            let ms: Vec<Mention> = ms
                .into_iter()
                .map(|(start, entity)| Mention { start, end: start + 3, entity })
                .collect();
            let comparator = |m: &Mention| {
                let i = ms.iter().position(|x| x == m).unwrap_or(0);
                verdicts.get(i).copied().unwrap_or(false)
            };
            let filtered: Vec<Mention> = ms.iter().filter(|m| !comparator(m)).copied().collect();
            let want = if filtered.is_empty() { ms.clone() } else { filtered };
            proptest::prop_assert_eq!(without_comparators(ms.clone(), comparator), want);
        }
    }

    /// The IND verb test as it was: on the parts joined with spaces.
    fn ind_verb_by_format(l: &str, surface: &str, r_head: &str) -> bool {
        let near = format!("{l} {surface} {r_head}");
        IND_VERB_RE.is_match(&near)
    }

    /// The IND verb test on the three parts answers as on their join, for
    /// the ASCII-lowercased sample sentences cut into three at every pair
    /// of byte offsets next to a space, and on edge cases.
    #[test]
    fn ind_verb_on_parts_agrees_with_the_join() {
        let check = |l: &str, m: &str, r: &str| {
            let want = ind_verb_by_format(l, m, r);
            let got = [l, m, r].iter().any(|t| IND_VERB_RE.is_match(t));
            assert_eq!(got, want, "{l:?} {m:?} {r:?}");
            want
        };
        let mut hits = 0usize;
        for text in super::super::sample_filings() {
            let lower = text.to_ascii_lowercase();
            for s in super::super::sentences::split(&text) {
                let t = lower.get(s.start..s.end).unwrap_or("");
                let cuts: Vec<usize> = t
                    .match_indices(' ')
                    .flat_map(|(i, _)| [i, i + 1])
                    .take(24)
                    .collect();
                for (k, &a) in cuts.iter().enumerate() {
                    for &b in cuts.iter().skip(k) {
                        let (Some(l), Some(m), Some(r)) = (t.get(..a), t.get(a..b), t.get(b..))
                        else {
                            continue;
                        };
                        hits += usize::from(check(l, m, r));
                    }
                }
            }
        }
        assert!(hits > 100, "few IND verbs in the sample filings: {hits}");
        let words = [
            "",
            " ",
            "submit",
            "ted",
            "file",
            "d",
            "\u{17f}ubmitted",
            "ſ",
            "\u{212a}",
            "clear",
            "\u{2011}",
            "é",
            "Accepted",
            "x",
            "-",
            "opené",
            "activ",
            "e",
            "IND",
        ];
        for l in words {
            for m in words {
                for r in words {
                    check(l, m, r);
                }
            }
        }
    }

    /// [`is_boilerplate`] as it was: one `str::contains` per phrase.
    fn boilerplate_by_contains(lower: &str) -> bool {
        lower.contains("forward-looking")
            || lower.contains("risks and uncertainties")
            || lower.contains("differ materially")
            || lower.contains("uncertainties as to")
    }

    /// [`clause_break`] as it was: `str::rfind` and `str::rmatch_indices`.
    fn clause_break_by_str(seg: &str) -> Option<usize> {
        let and_clause = || {
            seg.rmatch_indices(", and ").map(|(k, _)| k).find(|&k| {
                seg.get(k + 6..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_lowercase())
            })
        };
        seg.rfind(';')
            .or_else(and_clause)
            .or_else(|| seg.rfind(", while"))
    }

    /// The prebuilt searchers answer as the `str` searches on every
    /// sentence of the sample filings and each prefix of it ending at a
    /// word (as the text before a phase mention does), and on edge cases.
    #[test]
    fn boilerplate_and_clause_searches_agree_with_str() {
        let mut breaks = 0usize;
        for text in super::super::sample_filings() {
            let lower = text.to_ascii_lowercase();
            for s in super::super::sentences::split(&text) {
                let t = lower.get(s.start..s.end).unwrap_or("");
                assert_eq!(is_boilerplate(t), boilerplate_by_contains(t), "{t:?}");
                let orig = text.get(s.start..s.end).unwrap_or("");
                for (i, _) in orig.match_indices(' ') {
                    for seg in [orig.get(..i).unwrap_or(""), orig.get(i..).unwrap_or("")] {
                        let want = clause_break_by_str(seg);
                        assert_eq!(clause_break(seg), want, "{seg:?}");
                        breaks += usize::from(want.is_some());
                    }
                }
            }
        }
        assert!(
            breaks > 100,
            "few clause breaks in the sample filings: {breaks}"
        );
        for t in [
            "",
            ";",
            ", and ",
            ", and a, and B",
            "x, and é; y, and Ünited",
            "a, and \u{e9}tude, while",
            ", while, and b",
            "x, whilst",
            "forward-looking",
            "risks and uncertaintiesé",
            "ſ differ materially",
            "uncertainties as t",
        ] {
            assert_eq!(clause_break(t), clause_break_by_str(t), "{t:?}");
            assert_eq!(is_boilerplate(t), boilerplate_by_contains(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// The clause search and the boilerplate test agree with the `str`
        /// searches on text made of their phrases' pieces and non-ASCII
        /// letters of both cases.
        #[test]
        fn clause_and_boilerplate_agree_on_any_text(
            words in proptest::collection::vec(proptest::sample::select(vec![
                ",", ";", " and ", ", and ", ", while", " ", "a", "B", "\u{e9}", "\u{c9}",
                "\u{17f}", "forward-looking", "differ materially", "risks and uncertainties",
                "uncertainties as to", "while", "and", "x",
            ]), 0..12),
        ) {
            let t = words.concat();
            proptest::prop_assert_eq!(clause_break(&t), clause_break_by_str(&t));
            proptest::prop_assert_eq!(is_boilerplate(&t), boilerplate_by_contains(&t));
        }
    }

    /// [`kind_word`] and [`kind_word_last`] as they were: one `find`
    /// (`rfind`) per word of the same list.
    fn kind_words_by_find(s: &str) -> (Option<PaymentKind>, Option<PaymentKind>) {
        let found = super::KIND_WORDS;
        let first = found
            .iter()
            .filter_map(|(w, k)| s.find(w).map(|i| (i, *k)))
            .min_by_key(|x| x.0)
            .map(|x| x.1);
        let last = found
            .iter()
            .filter_map(|(w, k)| s.rfind(w).map(|i| (i, *k)))
            .max_by_key(|x| x.0)
            .map(|x| x.1);
        (first, last)
    }

    /// The kind-word finders name the kinds the per-word searches did,
    /// on every 100-character window of the lowercased sample filings
    /// around each kind word, on whole sentences and on edge cases.
    #[test]
    fn kind_words_agree_with_find() {
        let mut found = 0usize;
        for text in super::super::sample_filings() {
            let lower = text.to_ascii_lowercase();
            for s in super::super::sentences::split(&text) {
                let t = lower.get(s.start..s.end).unwrap_or("");
                assert_eq!(
                    (kind_word(t), kind_word_last(t)),
                    kind_words_by_find(t),
                    "{t:?}"
                );
                for (i, _) in t.match_indices(['r', 'u', 'm', 'l']) {
                    for w in [
                        head_chars(t.get(i..).unwrap_or(""), 100),
                        tail_chars(t.get(..i).unwrap_or(""), 50),
                    ] {
                        let want = kind_words_by_find(w);
                        assert_eq!((kind_word(w), kind_word_last(w)), want, "{w:?}");
                        found += usize::from(want.0.is_some());
                    }
                }
            }
        }
        assert!(found > 100, "few kind words in the sample filings: {found}");
        for t in [
            "",
            "royalties and milestones",
            "upfront up-front",
            "license fees and licensing fees",
            "licensing fee",
            "milestone royalty upfront",
            "royalt",
            "mileston",
            "up-fronts, milestone, royaltyé",
            "ſ milestone é upfront",
        ] {
            assert_eq!(
                (kind_word(t), kind_word_last(t)),
                kind_words_by_find(t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn planned_agrees_with_the_regex_form() {
        for (l, r) in [
            ("zentrix plans to initiate a ", " trial of ztx-101"),
            ("zentrix plans to ", " trial"),
            ("zentrix will ", " trial"),
            ("acme is preparing for ", ""),
            ("acme is moving towards ", ""),
            ("the forthcoming ", " trial of acm-101"),
            ("with expected ", " data this fall"),
            ("", " trial is expected to begin in 2025"),
            ("", " trial, expected to begin in 2025"),
            ("", " trial is expected\u{a0}to\u{2003}begin"),
            ("", " trial is scheduled tomorrow"),
            ("", " submission is expected in 2025"),
            ("", " expansion cohort will begin"),
            ("", " study will begin"),
            ("", "\u{17f}tudy will begin"),
        ] {
            check_planned(l, r);
        }
    }

    proptest::proptest! {
        /// The kind-word finders on texts built from the kind words,
        /// pieces of them and non-ASCII characters.
        #[test]
        fn kind_words_are_the_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "royalt", "royalty", "upfront", "up-front", "up", "-", "front", "milestone",
                    "mile", "stone", "license fee", "licensing fee", "licens", "ing", " fee",
                    "license", "é", "ſ", " ", "", "x", "ztx-101",
                ]),
                0..14,
            ),
            noise in "\\PC{0,8}",
        ) {
            let t = format!("{noise}{}", parts.concat());
            proptest::prop_assert_eq!((kind_word(&t), kind_word_last(&t)), kind_words_by_find(&t));
            let spaced = parts.join(" ");
            proptest::prop_assert_eq!(
                (kind_word(&spaced), kind_word_last(&spaced)),
                kind_words_by_find(&spaced)
            );
        }

        /// Texts built from the cue words of both sides, noise and every
        /// kind of gap: each set flag equals its pattern alone, and the
        /// planned check equals its regex form.
        #[test]
        fn cue_sets_and_planned_are_the_searches(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "plans", "PLANS", "expects", "will", "to", "begin", "initiate", "on", "track",
                    "toward", "prepare", "for", "completed", "completion", "of", "finiſhed",
                    "began", "initiated", "first", "patient", "dosed", "active", "now", "is",
                    "in", "currently", "being", "evaluated", "ongoing", "under", "way",
                    "enrollment", "nearing", "terminated", "closing", "the", "a", "our",
                    "upcoming", "planned", "expected", "was", "has", "been", "were", "be",
                    "cleared", "triggering", "expansion", "submission", "scheduled", "trial",
                    "study", "ztx-101", "Zentrix", "ta\u{212a}ing", "x", "",
                ]),
                0..12,
            ),
            gaps in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", "\n", "\u{b}", "\u{a0}", "\u{2003}", ", ", "; ", "-", "",
                ]),
                0..12,
            ),
            cut in 0usize..12,
        ) {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                s.push_str(w);
                s.push_str(gaps.get(i).copied().unwrap_or(" "));
            }
            check_cues(&s);
            // Split into a left and a right context at a word.
            let mut at = 0;
            for (i, w) in words.iter().enumerate().take(cut) {
                at += w.len() + gaps.get(i).copied().unwrap_or(" ").len();
            }
            let (l, r) = s.split_at(at.min(s.len()));
            check_planned(l, r);
        }

        /// The cursor walk gives the binary search's point for any sorted
        /// list and any order of starts (forward, repeated, going back).
        #[test]
        fn cursor_walk_is_the_partition_point(
            mut starts in proptest::collection::vec(0usize..60, 0..40),
            calls in proptest::collection::vec(0usize..70, 0..30),
            sorted_calls in proptest::bool::ANY,
            ends in proptest::collection::vec(0usize..8, 40),
        ) {
            starts.sort_unstable();
            let ms: Vec<Mention> = starts
                .iter()
                .zip(&ends)
                .enumerate()
                .map(|(i, (&start, &len))| Mention { start, end: start + len, entity: i })
                .collect();
            let mut calls = calls;
            if sorted_calls {
                calls.sort_unstable();
            }
            let mut cursor = 0;
            for &start in &calls {
                let point = ms.partition_point(|m| m.start < start);
                proptest::prop_assert_eq!(advance_to(&ms, &mut cursor, start, |m| m.start), point);
                proptest::prop_assert_eq!(cursor, point);
                let mut again = point;
                proptest::prop_assert_eq!(
                    mentions_in_from(&ms, &mut again, start, start + 9),
                    mentions_in(&ms, start, start + 9)
                );
            }
        }

        /// The char windows equal a char walk on mixed ASCII and multi-byte
        /// text, for every count.
        #[test]
        fn char_windows_are_char_walks(s in "[a-z ,é€\u{17f}\u{10348}]{0,80}", n in 0usize..90) {
            let head: String = s.chars().take(n).collect();
            let mut tail: Vec<char> = s.chars().rev().take(n).collect();
            tail.reverse();
            let tail: String = tail.into_iter().collect();
            proptest::prop_assert_eq!(head_chars(&s, n), head.as_str());
            proptest::prop_assert_eq!(tail_chars(&s, n), tail.as_str());
        }
    }
}
