//! Cue gate: one pass per document over the literals each rule family needs, so that family's regexes run only on the sentences that hold one.
//!
//! Every regex family gated here can only match text that contains one of
//! its *anchors*: the money pattern needs a currency sign or code, the phase
//! pattern a word such as `phase`, `clinic`, `approv` or `IND`, a
//! nonproprietary name an INN stem at a word end, a lexicon company or
//! target one of its names. One Aho-Corasick automaton over all anchors
//! (ASCII case-insensitive, so it accepts at least what the case-sensitive
//! patterns accept) scans the document once; each hit marks the sentences it
//! touches. The lexicon families' finders are case-sensitive literal
//! automata, so their anchors (each name's first bytes) count only with
//! the exact bytes. A code name needs a capital right before a digit, which a scan
//! of the text's digits checks (see `code_marks`). A family's finders then skip the
//! sentences without its mark.
//!
//! Anchors are necessary, never sufficient: the gate only skips work that
//! would have found nothing, so extraction results do not depend on it. The
//! tests check each family's finder against its gate on every sentence of
//! the sample filings, and on text built to sit at the edges (word
//! boundaries, Unicode case folding).
//!
//! Why: a filing's sentences are scanned by a dozen patterns; most sentences
//! hold no amount, no brand mark and no target cue (BENCHMARKS.md has the
//! figures).

use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, MatchKind, PatternID, dfa};

use super::lexicon;
use super::sentences::Sentence;

/// The rule families one sentence may hold, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cues(u16);

impl Cues {
    /// A money amount ([`super::mentions::find_money`]).
    pub const MONEY: Cues = Cues(1);
    /// A phase, IND, filing, approval or discontinuation word
    /// ([`super::mentions::find_phases`]).
    pub const PHASE: Cues = Cues(1 << 1);
    /// A conjugate name `<antibody>-<payload>` (a payload of
    /// [`lexicon::ADC_PAYLOADS`] after a hyphen).
    pub const CONJUGATE: Cues = Cues(1 << 2);
    /// A brand mark: `®`, `™`, `(R)`, `(TM)`.
    pub const BRAND: Cues = Cues(1 << 3);
    /// A legal or industry suffix of an organization name.
    pub const ORG_SUFFIX: Cues = Cues(1 << 4);
    /// A partner list cue (`partners include`, `collaborations with`).
    pub const PARTNER_LIST: Cues = Cues(1 << 5);
    /// A CD antigen, interleukin, HER2/HER3 or claudin 18.2 name.
    pub const CD: Cues = Cues(1 << 6);
    /// A target cue word (`inhibitor`, `agonist`, `anti-`).
    pub const TARGET_CUE: Cues = Cues(1 << 7);
    /// An ASCII capital followed by a digit, directly or after `-`, `‑` or
    /// a space: where every code name (`ZTX-101`, `mRNA 1273`) ends its prefix.
    pub const CODE: Cues = Cues(1 << 8);
    /// An INN stem ([`lexicon::INN_STEMS`]) or conjugate second word at the
    /// end of a word: every nonproprietary name ends in one.
    pub const INN: Cues = Cues(1 << 9);
    /// A name or variant of a [`lexicon::COMPANIES`] entry.
    pub const COMPANY: Cues = Cues(1 << 10);
    /// A name or alias of a [`lexicon::TARGETS`] entry, with no letter or
    /// digit right before it.
    pub const TARGET: Cues = Cues(1 << 11);
    /// A word that every organization cue holds (`by`, `from`, `partner`,
    /// `licen`, ...; see the anchors): the cue pattern of
    /// `relations.rs` runs only where one is.
    pub const ORG_CUE: Cues = Cues(1 << 12);
    /// Every family: what a caller passes to run all rules unconditionally.
    pub const ALL: Cues = Cues(u16::MAX);

    /// True when any family of `c` is in `self`.
    pub fn has(self, c: Cues) -> bool {
        self.0 & c.0 != 0
    }

    fn add(&mut self, c: Cues) {
        self.0 |= c.0;
    }
}

/// Which sides of an anchor hit must be ASCII word boundaries (as the
/// regex crate's `(?-u:\b)` sees them) for the hit to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    None,
    Before,
    After,
    Both,
    /// No ASCII letter or digit right before (`_` and non-ASCII allowed):
    /// the lexicon target finder's test, which is on Unicode letters and
    /// digits.
    BeforeNoAlnum,
}

/// Characters that Unicode simple case folding maps onto ASCII letters
/// (`ſ` → `s`, Kelvin sign → `k`): a `(?i)` pattern matches them where an
/// ASCII-case-insensitive automaton does not, so they mark every
/// case-insensitive family.
const FOLDS_TO_ASCII: [&str; 2] = ["\u{17F}", "\u{212A}"];

/// The anchors of each family; see the family's pattern in `mentions.rs`
/// or `relations.rs` for why each literal is necessary.
fn anchors() -> Vec<(String, Cues, Bound)> {
    use Bound::*;
    let mut a: Vec<(String, Cues, Bound)> = Vec::new();
    let mut add = |lits: &[&str], c: Cues, b: Bound| {
        for l in lits {
            a.push((l.to_string(), c, b));
        }
    };
    // MONEY_RE (case-insensitive): a sign, a code after a boundary, or a
    // currency word after the number.
    add(
        &["$", "€", "£", "¥", "dollars", "swiss", "pounds"],
        Cues::MONEY,
        None,
    );
    add(
        &[
            "usd", "eur", "chf", "gbp", "jpy", "cad", "aud", "cny", "rmb", "dkk", "sek",
        ],
        Cues::MONEY,
        Before,
    );
    // PHASE_RE (case-insensitive), alternative by alternative.
    add(
        &[
            "phase",
            "first",
            "fih",
            "investigational",
            "clinic",
            "marketing",
            "application",
            "apply",
            "regulatory",
            "approv",
            "authori",
            "discontinu",
            "terminat",
            "cease",
            "halt",
        ],
        Cues::PHASE,
        None,
    );
    add(&["ind", "cta", "maa"], Cues::PHASE, Both);
    add(&["bla", "nda"], Cues::PHASE, After);
    // PARTNER_LIST_RE (case-insensitive): the first word of each cue,
    // after a boundary (`partners` also anchors `partnerships`).
    add(
        &["partners", "partnered", "collaborations", "licensees"],
        Cues::PARTNER_LIST,
        Before,
    );
    for f in FOLDS_TO_ASCII {
        add(
            &[f],
            Cues(Cues::MONEY.0 | Cues::PHASE.0 | Cues::PARTNER_LIST.0),
            None,
        );
    }
    // CONJ_RE: `-` and a payload.
    let payloads: Vec<String> = lexicon::ADC_PAYLOADS
        .iter()
        .map(|p| format!("-{p}"))
        .collect();
    add(
        &payloads.iter().map(String::as_str).collect::<Vec<_>>(),
        Cues::CONJUGATE,
        None,
    );
    // BRAND_RE.
    add(&["®", "™", "(r)", "(tm)"], Cues::BRAND, None);
    // INN candidates: the word `is_inn_word` accepts ends in a stem or is a
    // second word, and a candidate's word ends before a non-word byte.
    add(lexicon::INN_STEMS, Cues::INN, After);
    add(lexicon::CONJUGATE_SECOND_WORDS, Cues::INN, After);
    // COMPANY_AC (case-sensitive; this automaton ignores ASCII case, a
    // superset).
    for c in lexicon::COMPANIES {
        for n in std::iter::once(&c.name).chain(c.variants) {
            add(&[lead(n)], Cues::COMPANY, None);
        }
    }
    // TARGET_AC (case-sensitive). Callers gate it only on sentences without
    // bispecific joins (`CD3xCD20` is searched as `CD3 CD20`).
    for t in lexicon::TARGETS {
        for n in std::iter::once(&t.name).chain(t.aliases) {
            add(&[lead(n)], Cues::TARGET, BeforeNoAlnum);
        }
    }
    // ORG_SUFFIX_RE: a required legal suffix (after whitespace, before a
    // boundary) or a required industry word.
    add(
        &["pharma", "therapeutics", "biosciences", "biologics"],
        Cues::ORG_SUFFIX,
        None,
    );
    add(
        &[
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "ltd",
            "limited",
            "ag",
            "gmbh",
            "plc",
            "s.a",
            "sa",
            "n.v",
            "nv",
            "aps",
            "a/s",
            "ab",
            "asa",
            "oyj",
            "se",
            "s.p.a",
            "k.k",
            "kk",
            "llc",
            "l.l.c",
            "lp",
            "l.p",
            "co",
            "b.v",
            "pty",
            "s.r.l",
            "sas",
        ],
        Cues::ORG_SUFFIX,
        Both,
    );
    // ORG_CUE_RE (case-sensitive; this automaton ignores ASCII case, a
    // superset): every cue holds one of these words. `by` (alone or after
    // `developed`, `funded`, ...), `from` (alone or after `payments`, ...),
    // `partner` (`partner`, `partnered with`, `partnerships with`),
    // `collaboration`, `alliance`, `agreement` (`licensing agreement`),
    // `venture` and `opted` all start after a boundary or whitespace;
    // `licen` (`licensed to`, `license with`, `licensee`, `licensor`) may
    // follow a letter (`sublicensed to`), so it has no boundary rule.
    add(
        &[
            "by",
            "from",
            "partner",
            "collaboration",
            "alliance",
            "agreement",
            "venture",
            "opted",
        ],
        Cues::ORG_CUE,
        Before,
    );
    add(&["licen"], Cues::ORG_CUE, None);
    // CD_RE. No boundary before: bispecific notation (`PD-1xCD3`) is
    // split into words before the pattern runs.
    let cds: Vec<String> = (0..10).map(|d| format!("cd{d}")).collect();
    add(
        &cds.iter().map(String::as_str).collect::<Vec<_>>(),
        Cues::CD,
        None,
    );
    add(
        &["il-", "her2", "her3", "claudin", "cldn18"],
        Cues::CD,
        None,
    );
    // CUE_TARGET_RE.
    add(
        &[
            "agonist",
            "inhibitor",
            "blocker",
            "modulator",
            "degrader",
            "anti-",
        ],
        Cues::TARGET_CUE,
        None,
    );
    let mut seen = std::collections::HashSet::new();
    a.retain(|(lit, c, b)| seen.insert((lit.clone(), c.0, *b as u8)));
    a
}

/// Bytes of a lexicon name that the gate looks for (rounded up to a
/// character boundary). Measured on the samples (session 6): with 8 the
/// DFA is 1.3 MB instead of 1.9 MB and builds with 15 M fewer instructions
/// (startup of every run), for 2 478 hits instead of 2 474; with 4 more
/// sentences pass the gate and extraction costs 11 instructions per byte
/// more.
const LEAD_BYTES: usize = 8;

/// The first [`LEAD_BYTES`] of `name`: a case-sensitive literal finder
/// matches only where its name's first bytes are, so they are an anchor.
fn lead(name: &str) -> &str {
    let mut end = LEAD_BYTES.min(name.len());
    while !name.is_char_boundary(end) {
        end += 1;
    }
    name.get(..end).unwrap_or(name)
}

/// One anchor's families, boundary rule and, for the case-sensitive
/// families ([`CASE_SENSITIVE`]), its exact bytes.
type AnchorRule = (Cues, Bound, Option<Box<[u8]>>);

/// The anchor automaton and, per pattern, its [`AnchorRule`].
struct Gate {
    automaton: dfa::DFA,
    anchors: Vec<AnchorRule>,
}

/// The families whose finders are case-sensitive literal automata
/// (`COMPANY_AC`, `TARGET_AC` in `mentions.rs`): each of their matches is an
/// exact copy of a lexicon name, which is one of the family's anchors. The
/// gate's automaton ignores ASCII case for the other families' sake, so a
/// hit of these anchors counts only when the text has the anchor's exact
/// bytes: on the samples, most target hits are `ar` in `are` and `around`
/// for the alias `AR`.
const CASE_SENSITIVE: Cues = Cues(Cues::COMPANY.0 | Cues::TARGET.0);

/// The gate, built once; `None` if the automaton could not be built.
static GATE: LazyLock<Option<Gate>> = LazyLock::new(|| {
    let a = anchors();
    // The DFA itself rather than `AhoCorasick`: `sentence_cues` walks it
    // byte by byte (see there). No prefilter: the anchors start with most
    // letters, so one would fire every few bytes.
    let dfa = dfa::DFA::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(a.iter().map(|x| x.0.as_str()))
        .ok()?;
    Some(Gate {
        automaton: dfa,
        anchors: a
            .into_iter()
            .map(|(lit, cues, bound)| {
                let exact =
                    (cues.0 & !CASE_SENSITIVE.0 == 0).then(|| lit.into_bytes().into_boxed_slice());
                (cues, bound, exact)
            })
            .collect(),
    })
});

/// ASCII word byte, as `(?-u:\b)` sees it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `text[start..end]` has the word boundaries `bound` asks for.
/// The edges of `sent`, the sentence the hit is credited to, count as
/// boundaries: its finders run on the sentence alone.
fn bounded(text: &[u8], start: usize, end: usize, bound: Bound, sent: &Sentence) -> bool {
    let before_ok = || start <= sent.start || text.get(start - 1).is_none_or(|&b| !is_word_byte(b));
    let after_ok = || end >= sent.end || text.get(end).is_none_or(|&b| !is_word_byte(b));
    match bound {
        Bound::None => true,
        Bound::Before => before_ok(),
        Bound::After => after_ok(),
        Bound::Both => before_ok() && after_ok(),
        Bound::BeforeNoAlnum => {
            start <= sent.start
                || text
                    .get(start - 1)
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        }
    }
}

/// Bytes a code joint looks back from its digit: a capital and `‑`
/// (U+2011, three bytes).
const JOINT_BACK: usize = 4;

/// Bytes per block of [`code_marks`]' branch-free scan.
const JOINT_BLOCK: usize = 32;

/// Whether the digit-like byte `c` has a joint's bytes `p4 p3 p2 p1`
/// right before it: a capital, optionally after `-`, a space or `‑`
/// (E2 80 91). Branch-free, so a block of it vectorizes. A byte before the
/// text is passed as 0, which is none of these.
///
/// This is [`joint_start`] without the check that a lead byte starts a
/// numeric character, so it holds wherever `joint_start` finds a joint
/// (and at an ASCII digit, exactly where it does).
#[inline(always)]
fn joint_candidate(p4: u8, p3: u8, p2: u8, p1: u8, c: u8) -> bool {
    let upper = |x: u8| x.wrapping_sub(b'A') < 26;
    let digit_like = (c.wrapping_sub(b'0') < 10) | (c >= 0xC0);
    let before = upper(p1)
        | (((p1 == b'-') | (p1 == b' ')) & upper(p2))
        | ((p1 == 0x91) & (p2 == 0x80) & (p3 == 0xE2) & upper(p4));
    digit_like & before
}

/// Where the code joint whose digit starts at byte `j` of `s` starts:
/// `j` must start an ASCII digit or a non-ASCII numeric character (a
/// superset of Unicode `\d`) right after an ASCII capital (the last letter
/// of every prefix `CODE_RE` takes), optionally with `-`, `‑` (U+2011) or
/// a space between; the capital's offset, else `None`.
fn joint_start(s: &str, j: usize) -> Option<usize> {
    let b = s.as_bytes();
    let back = |k: usize| j.checked_sub(k).and_then(|i| b.get(i)).copied();
    let cap = match back(1) {
        Some(b'-' | b' ') => j.checked_sub(2)?,
        // U+2011 is E2 80 91.
        Some(0x91) if back(2) == Some(0x80) && back(3) == Some(0xE2) => j.checked_sub(4)?,
        _ => j.checked_sub(1)?,
    };
    if !b.get(cap)?.is_ascii_uppercase() {
        return None;
    }
    let digit = match b.get(j)? {
        c if c.is_ascii_digit() => true,
        // A non-ASCII numeric character starts with a lead byte.
        &c if c >= 0xC0 => s
            .get(j..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_numeric),
        _ => false,
    };
    digit.then_some(cap)
}

/// The block of [`JOINT_BLOCK`] bytes of `b` at `k` with the
/// [`JOINT_BACK`] bytes before it, zero-padded before the text's start and
/// after its end (a byte no joint test accepts, as if absent).
fn joint_window(b: &[u8], k: usize) -> [u8; JOINT_BACK + JOINT_BLOCK] {
    let inner = k
        .checked_sub(JOINT_BACK)
        .and_then(|lo| b.get(lo..k + JOINT_BLOCK))
        .and_then(|w| <[u8; JOINT_BACK + JOINT_BLOCK]>::try_from(w).ok());
    if let Some(w) = inner {
        return w;
    }
    let mut w = [0u8; JOINT_BACK + JOINT_BLOCK];
    let lo = k.saturating_sub(JOINT_BACK);
    let src = b.get(lo..(k + JOINT_BLOCK).min(b.len())).unwrap_or(&[]);
    for (d, &c) in w.iter_mut().skip(JOINT_BACK - (k - lo)).zip(src) {
        *d = c;
    }
    w
}

/// Whether the [`JOINT_BLOCK`] bytes of `b` from `k` may hold the digit
/// of a code joint: two branch-free folds, which the compiler vectorizes.
/// A block with no digit and no lead byte holds none, nor does one where
/// [`joint_candidate`] (looking back into the bytes before the block)
/// holds at no byte. Both are necessary conditions of [`joint_start`].
fn block_may_hold_joint(b: &[u8], k: usize) -> bool {
    let digits = b
        .get(k..(k + JOINT_BLOCK).min(b.len()))
        .unwrap_or(&[])
        .iter()
        .fold(false, |acc, &c| {
            acc | (c.wrapping_sub(b'0') < 10) | (c >= 0xC0)
        });
    digits && {
        let w = joint_window(b, k);
        let at = |d: usize| w.get(d..d + JOINT_BLOCK).unwrap_or(&[]);
        at(0)
            .iter()
            .zip(at(1))
            .zip(at(2))
            .zip(at(3))
            .zip(at(4))
            .fold(false, |acc, ((((&p4, &p3), &p2), &p1), &c)| {
                acc | joint_candidate(p4, p3, p2, p1, c)
            })
    }
}

/// The [`Cues::CODE`] mark of each sentence of `sents` (sorted, apart):
/// whether it holds a whole code joint ([`joint_start`]), capital to
/// digit.
///
/// One pass over the text rather than one scan per sentence: sentences
/// are short (table cells, list items), and a scan's fixed cost and
/// partial blocks weighed on each. The pass goes by blocks of 32 bytes,
/// skipping those that [`block_may_hold_joint`] rules out, and tries
/// `joint_start` at the digits and lead bytes of the others. A joint is
/// the sentence's when it lies in it from capital to digit, which is
/// exactly when the sentence alone shows it: its bytes are the same, and
/// the character that starts at the digit ends within the sentence, whose
/// end is a char boundary. Once a sentence has its mark the pass goes on
/// from the next sentence's start: joints before it can only be the
/// marked sentence's or in no sentence. Filings are full of digits
/// (years, amounts, section numbers), and many sentences hold several
/// joints.
fn code_marks(text: &str, sents: &[Sentence]) -> Vec<Cues> {
    let b = text.as_bytes();
    let mut out = vec![Cues::default(); sents.len()];
    // The first sentence that does not end before `k`.
    let mut i = 0;
    let mut k = 0;
    while k < b.len() {
        let end = (k + JOINT_BLOCK).min(b.len());
        let joint = if block_may_hold_joint(b, k) {
            (k..end)
                .filter(|&j| b.get(j).is_some_and(|&c| c.is_ascii_digit() || c >= 0xC0))
                .find_map(|j| Some((joint_start(text, j)?, j)))
        } else {
            None
        };
        let Some((cap, j)) = joint else {
            k = end;
            continue;
        };
        while sents.get(i).is_some_and(|s| s.end <= j) {
            i += 1;
        }
        k = j + 1;
        if sents.get(i).is_some_and(|s| s.start <= cap)
            && let Some(c) = out.get_mut(i)
        {
            c.add(Cues::CODE);
            i += 1;
            k = sents.get(i).map_or(b.len(), |s| s.start.max(k));
        }
    }
    out
}

/// The families each sentence of `sents` (byte ranges into `text`) may
/// hold, one [`Cues`] per sentence, in order.
///
/// `sents` must be sorted by start and not overlap (as
/// [`super::sentences::split`] returns them). If the anchor automaton could
/// not be built, every sentence gets [`Cues::ALL`]: slower, never wrong.
pub fn sentence_cues(text: &str, sents: &[Sentence]) -> Vec<Cues> {
    let Some(Gate {
        automaton: ac,
        anchors: meta,
    }) = &*GATE
    else {
        return vec![Cues::ALL; sents.len()];
    };
    let mut out = code_marks(text, sents);
    let bytes = text.as_bytes();
    // The first sentence ending after the hit's start. Hits come in order
    // of their end, so their starts move forward but for the odd longer
    // anchor: a cursor that steps either way finds it in amortized O(1).
    let mut first = 0usize;
    let walked = for_each_hit(ac, bytes, |start, end, pid| {
        let Some((cues, bound, exact)) = meta.get(pid.as_usize()) else {
            return;
        };
        let (cues, bound) = (*cues, *bound);
        if exact
            .as_deref()
            .is_some_and(|lit| bytes.get(start..end) != Some(lit))
        {
            return;
        }
        while first > 0 && sents.get(first - 1).is_some_and(|s| s.end > start) {
            first -= 1;
        }
        while sents.get(first).is_some_and(|s| s.end <= start) {
            first += 1;
        }
        let mut i = first;
        while let Some(s) = sents.get(i) {
            if s.start >= end {
                break;
            }
            if bounded(bytes, start, end, bound, s)
                && let Some(c) = out.get_mut(i)
            {
                c.add(cues);
            }
            i += 1;
        }
    });
    if !walked {
        return vec![Cues::ALL; sents.len()];
    }
    out
}

/// Calls `hit(start, end, pattern)` for every occurrence of every pattern
/// of `dfa` in `hay` (byte offsets, `end` exclusive), overlapping ones
/// included, in order of `end`: what `AhoCorasick::find_overlapping_iter`
/// reports, in the same order. Returns false, having called nothing, if
/// `dfa` cannot search unanchored.
///
/// Written out because the crate's iterator stops and restarts at every
/// hit (one per ~25 bytes of a filing) and keeps its position in memory;
/// this loop costs about 5 fewer instructions per byte of text
/// (BENCHMARKS.md, session 6). `dfa` must be built without a prefilter:
/// then only dead and match states are special, and an unanchored search
/// never reaches the dead state.
///
/// Each step waits on the load of the previous step's transition, so one
/// walk is bound by that latency, not by its instructions. Texts of at
/// least [`TWO_LANES_MIN`] bytes are therefore walked as two halves in one
/// loop ([`two_lanes`]), whose loads do not wait on each other.
fn for_each_hit(dfa: &dfa::DFA, hay: &[u8], mut hit: impl FnMut(usize, usize, PatternID)) -> bool {
    let Ok(start) = dfa.start_state(Anchored::No) else {
        return false;
    };
    if hay.len() < TWO_LANES_MIN {
        one_lane(dfa, start, hay, 0, 0, &mut hit);
    } else {
        two_lanes(dfa, start, hay, &mut hit);
    }
    true
}

/// Texts shorter than this are walked in one lane: the second lane's
/// warm-up and the buffering of its hits would cost more than they save.
const TWO_LANES_MIN: usize = 1024;

/// Reports every hit of `sid`, the state reached on the byte before `end`,
/// if it is a match state and `end > from` (a lane reports only the hits
/// that end past its warm-up).
#[inline(always)]
fn report(
    dfa: &dfa::DFA,
    sid: StateID,
    end: usize,
    from: usize,
    hit: &mut impl FnMut(usize, usize, PatternID),
) {
    if end <= from || !dfa.is_special(sid) || !dfa.is_match(sid) {
        return;
    }
    for k in 0..dfa.match_len(sid) {
        let pid = dfa.match_pattern(sid, k);
        if let Some(start) = end.checked_sub(dfa.pattern_len(pid)) {
            hit(start, end, pid);
        }
    }
}

/// Walks `lane` (the bytes of the text from offset `base`) from state
/// `sid`, reporting the hits that end after offset `from` of the text.
/// Returns the state reached.
fn one_lane(
    dfa: &dfa::DFA,
    mut sid: StateID,
    lane: &[u8],
    base: usize,
    from: usize,
    hit: &mut impl FnMut(usize, usize, PatternID),
) -> StateID {
    let mut at = 0;
    while at < lane.len() {
        (at, sid) = until_special(dfa, lane, at, sid);
        report(dfa, sid, base + at, from, hit);
    }
    sid
}

/// Steps `sid` over `lane` from byte `at` until a special state; returns
/// the offset after the byte that reached it (or `lane.len()`) and the
/// state. Not inlined into the loops that report hits: a function with no
/// calls and a shared `dfa` keeps the transition table's address in a
/// register instead of reloading it at every byte.
#[inline(never)]
fn until_special(dfa: &dfa::DFA, lane: &[u8], at: usize, mut sid: StateID) -> (usize, StateID) {
    let rest = lane.get(at..).unwrap_or(&[]);
    for (k, &b) in rest.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) {
            return (at + k + 1, sid);
        }
    }
    (lane.len(), sid)
}

/// [`until_special`] for two lanes of equal length stepped together: stops
/// after the first byte at which either lane is in a special state.
#[inline(never)]
fn until_special2(
    dfa: &dfa::DFA,
    first: &[u8],
    second: &[u8],
    at: usize,
    mut s1: StateID,
    mut s2: StateID,
) -> (usize, StateID, StateID) {
    let rest1 = first.get(at..).unwrap_or(&[]);
    let rest2 = second.get(at..).unwrap_or(&[]);
    for (k, (&b1, &b2)) in rest1.iter().zip(rest2).enumerate() {
        s1 = dfa.next_state(Anchored::No, s1, b1);
        s2 = dfa.next_state(Anchored::No, s2, b2);
        if dfa.is_special(s1) | dfa.is_special(s2) {
            return (at + k + 1, s1, s2);
        }
    }
    (at + rest1.len().min(rest2.len()), s1, s2)
}

/// [`for_each_hit`]'s walk as two lanes stepped together: the first half
/// of `hay`, and the second half from [`dfa::DFA::max_pattern_len`] bytes
/// before it. After that many bytes an unanchored Aho-Corasick walk is in
/// the state a walk from the text's start would be in (the state stands
/// for the longest suffix read that is a prefix of a pattern), so the
/// second lane's hits that end in its half are exactly the whole walk's.
/// The second lane's hits are held back until the first lane has reported
/// its own, to keep the order of `end`.
fn two_lanes(
    dfa: &dfa::DFA,
    start: StateID,
    hay: &[u8],
    hit: &mut impl FnMut(usize, usize, PatternID),
) {
    let warm = dfa.max_pattern_len();
    // Both lanes as long as can be: `mid + (hay.len() - (mid - warm))`
    // bytes split evenly.
    let mid = (hay.len() + warm) / 2;
    let base = mid.saturating_sub(warm);
    let (Some(first), Some(second)) = (hay.get(..mid), hay.get(base..)) else {
        one_lane(dfa, start, hay, 0, 0, hit);
        return;
    };
    let mut held: Vec<(usize, usize, PatternID)> = Vec::new();
    let mut keep = |s: usize, e: usize, p: PatternID| held.push((s, e, p));
    let (mut s1, mut s2) = (start, start);
    let both = first.len().min(second.len());
    let mut at = 0;
    while at < both {
        (at, s1, s2) = until_special2(dfa, first, second, at, s1, s2);
        report(dfa, s1, at, 0, hit);
        report(dfa, s2, base + at, mid, &mut keep);
    }
    one_lane(dfa, s1, first.get(both..).unwrap_or(&[]), both, 0, hit);
    one_lane(
        dfa,
        s2,
        second.get(both..).unwrap_or(&[]),
        base + both,
        mid,
        &mut keep,
    );
    for (s, e, p) in held {
        hit(s, e, p);
    }
}

#[cfg(test)]
mod tests {
    use super::super::mentions;
    use super::super::sentences;
    use super::*;

    /// Every finder that a family gates finds nothing in a sentence
    /// without that family's mark.
    fn check_gate_is_conservative(text: &str) {
        let sents = sentences::split(text);
        let cues = sentence_cues(text, &sents);
        for (s, c) in sents.iter().zip(&cues) {
            let st = text.get(s.start..s.end).unwrap_or("");
            let all = mentions::find_compounds(st);
            let gated = mentions::find_compounds_cued(st, *c);
            assert_eq!(all, gated, "compounds differ in {st:?} ({c:?})");
            // Targets are found on the sentence with bispecific joins split.
            // As the caller does, a sentence with a join runs every finder.
            let spaced = mentions::split_bispecific(st);
            let c = match spaced {
                std::borrow::Cow::Borrowed(_) => c,
                std::borrow::Cow::Owned(_) => &Cues::ALL,
            };
            let all = mentions::find_targets(&spaced);
            let gated = mentions::find_targets_cued(&spaced, *c);
            assert_eq!(all, gated, "targets differ in {st:?} ({c:?})");
            for (cue, found, what) in [
                (Cues::MONEY, !mentions::find_money(st).is_empty(), "money"),
                (Cues::PHASE, !mentions::find_phases(st).is_empty(), "phase"),
                (
                    Cues::ORG_SUFFIX,
                    !mentions::find_orgs_by_suffix(st).is_empty(),
                    "organization suffix",
                ),
                (
                    Cues::TARGET_CUE,
                    !mentions::find_cue_targets(st).is_empty(),
                    "target cue",
                ),
                (
                    Cues::COMPANY,
                    !mentions::find_lexicon_companies(st).is_empty(),
                    "lexicon company",
                ),
            ] {
                assert!(
                    !found || c.has(cue),
                    "{what} found in {st:?} but not gated in ({c:?})"
                );
            }
        }
    }

    #[test]
    fn gate_is_conservative_on_every_sample_filing() {
        for text in super::super::sample_filings() {
            check_gate_is_conservative(&text);
        }
    }

    #[test]
    fn gate_is_conservative_at_the_edges() {
        check_gate_is_conservative(
            "Acme paid USD 5 million. It received 3 million Swiss francs. \
             The ACM-101 IND was cleared; an sBLA and NDA followed. \
             Phaſe 2 began. ADX-12 (huX123-DM4) is a CD19 and HER2 inhibitor. \
             Zeta® was approved. Beta Co., Ltd. and Gamma S.A. are partners. \
             An anti-GPC3 program. Revenue was ５ million. A PD-1xCD3 bispecific. \
             Partnered with _Pfizer and PFIZER; zentuximab\u{a0}vedotin and \
             zentrix tesirine; Zentrabicin-based; zentuzumab2 and zentuzumab-xyzw. \
             It ends in zentuzumab. An ARi, a_HER2 and éHER2-positive tumors; Xmet",
        );
    }

    #[test]
    fn gate_skips_sentences_without_anchors() {
        let text = "The company held its annual meeting. \
                    Acme will pay $5 million upon the start of a Phase 2 trial.";
        let sents = sentences::split(text);
        let cues = sentence_cues(text, &sents);
        assert_eq!(cues.len(), 2);
        let (first, second) = (cues[0], cues[1]);
        assert!(!first.has(Cues::MONEY) && !first.has(Cues::PHASE));
        assert!(second.has(Cues::MONEY) && second.has(Cues::PHASE));
        // Neither holds a capital right before a digit.
        assert!(!first.has(Cues::CODE) && !second.has(Cues::CODE));
    }

    #[test]
    fn code_joint_needs_a_capital_before_a_digit() {
        for (s, expect) in [
            ("ZTX-101 began", true),
            ("ZTX101", true),
            ("mRNA 1273", true),
            ("ZTX\u{2011}101", true),
            ("ZTX-\u{0661}\u{0662}", true),
            ("ZT\u{ff15}", true),
            ("revenue of $5 million in 2024", false),
            ("Phase 2 trial", false),
            ("ZTX -101", false),
            ("ZTX", false),
            ("Z-", false),
            ("", false),
        ] {
            assert_eq!(has_code_joint(s), expect, "{s:?}");
        }
        // Joints on either side of a 32-byte chunk edge.
        for pad in 0..70 {
            let p = "a".repeat(pad);
            for (tail, expect) in [
                ("ZTX-101", true),
                ("Z\u{2011}1", true),
                ("Z \u{0661}", true),
                ("z-101 in 2024", false),
            ] {
                let s = format!("{p}{tail}");
                assert_eq!(has_code_joint(&s), expect, "{s:?}");
            }
        }
    }

    /// Whether `st` holds a code joint, by [`joint_start`] at every byte:
    /// what the gate checked on each sentence alone.
    fn has_code_joint_by_bytes(st: &str) -> bool {
        (0..st.len()).any(|j| joint_start(st, j).is_some())
    }

    /// The CODE mark [`code_marks`] gives `s` as one sentence.
    fn has_code_joint(s: &str) -> bool {
        let whole = Sentence {
            start: 0,
            end: s.len(),
            line: 0,
            line_start: true,
        };
        let marks = code_marks(s, &[whole]);
        assert_eq!(marks.len(), 1);
        marks[0].has(Cues::CODE)
    }

    proptest::proptest! {
        /// The walk reports what the crate's overlapping search does on
        /// text dense in anchor pieces, case changes and multi-byte
        /// characters.
        #[test]
        fn walk_is_overlapping_search(
            text in "(phase|Inc|co|ab|mab|ine|CD|HER2|[$]|€|®|ſ|\u{212A}|é|-| |[A-Za-z0-9]){0,90}",
        ) {
            check_walk_is_overlapping_search(&text);
        }

        /// The one-pass marks are [`joint_start`] tried at every byte of
        /// each sentence alone, on text sparse or dense in capitals,
        /// digits, separators and multi-byte characters (a `‑` split
        /// across a block edge included), cut into sentences anywhere on
        /// char boundaries (between capital and digit too), with gaps or
        /// none between them.
        #[test]
        fn code_marks_are_joints_within_each_sentence(
            text in "([A-Za-z .\\-\u{2019}é]{0,40}(Z|Z-|Z |Z\u{2011}|z\u{2011}|\u{2011}|-)?[0-9\u{661}\u{ff15}\u{1d7d9}]?){0,6}",
            cuts in proptest::collection::vec(0usize..300, 0..10),
            gaps in proptest::collection::vec(proptest::bool::ANY, 11),
        ) {
            let mut at: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .chain([0, text.len()])
                .collect();
            at.sort_unstable();
            at.dedup();
            let sents: Vec<Sentence> = at
                .windows(2)
                .zip(&gaps)
                .filter(|(_, gap)| !**gap)
                .map(|(w, _)| Sentence { start: w[0], end: w[1], line: 0, line_start: true })
                .collect();
            let want: Vec<bool> = sents
                .iter()
                .map(|s| has_code_joint_by_bytes(&text[s.start..s.end]))
                .collect();
            let got: Vec<bool> = code_marks(&text, &sents).iter().map(|c| c.has(Cues::CODE)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Every hit [`for_each_hit`] reports over `text`, as (start, end,
    /// pattern), against the crate's own overlapping search over the same
    /// anchors.
    fn check_walk_is_overlapping_search(text: &str) {
        let Some(gate) = &*GATE else {
            panic!("the gate automaton builds");
        };
        let reference = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(anchors().iter().map(|x| x.0.as_str()))
            .expect("reference automaton");
        let want: Vec<(usize, usize, usize)> = reference
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        let mut got = Vec::new();
        let walked = for_each_hit(&gate.automaton, text.as_bytes(), |s, e, p| {
            got.push((s, e, p.as_usize()))
        });
        assert!(walked);
        assert_eq!(got, want, "in {text:?}");
        // Texts under `TWO_LANES_MIN` take one lane above; the two-lane
        // walk must agree at every length over the warm-up.
        let mut got = Vec::new();
        let start = gate.automaton.start_state(Anchored::No).expect("start");
        two_lanes(&gate.automaton, start, text.as_bytes(), &mut |s, e, p| {
            got.push((s, e, p.as_usize()))
        });
        assert_eq!(got, want, "two lanes in {text:?}");
    }

    #[test]
    fn walk_finds_what_the_crate_finds_in_every_sample() {
        let mut n = 0;
        for dir in ["data/filings", "benches/data"] {
            for e in std::fs::read_dir(dir).expect("sample directory") {
                let bytes = std::fs::read(e.expect("entry").path()).expect("sample");
                check_walk_is_overlapping_search(&String::from_utf8_lossy(&bytes));
                n += 1;
            }
        }
        assert!(n >= 5);
    }

    #[test]
    fn walk_reports_overlapping_and_nested_hits() {
        // `phase` inside `Phase`, the INN stem `mab` inside `zentamab`,
        // the suffix `inc` and `co` inside `company`, a `€` of three bytes.
        check_walk_is_overlapping_search("PHASE 2 zentamab, Inc. company €5 million");
        check_walk_is_overlapping_search("");
        check_walk_is_overlapping_search("ſ\u{212A}é");
    }

    #[test]
    fn lexicon_anchors_are_name_leads() {
        assert_eq!(lead("ABCDEFGHIJ"), "ABCDEFGH");
        assert_eq!(lead("CD3"), "CD3");
        // Rounded up to a character boundary: `é` is two bytes.
        assert_eq!(lead("ABCDEFGé"), "ABCDEFGé");
    }

    #[test]
    fn lexicon_anchors_need_their_exact_case() {
        // `AR` (androgen receptor) is a target alias; `are` is no hit.
        for (text, expect) in [
            ("Results are expected around June.", false),
            ("Zentrix targets the AR in prostate cancer.", true),
            ("Zentrix targets the Ar in prostate cancer.", false),
        ] {
            let sents = sentences::split(text);
            assert_eq!(
                sentence_cues(text, &sents)[0].has(Cues::TARGET),
                expect,
                "{text:?}"
            );
        }
    }

    #[test]
    fn bounded_anchors_need_word_boundaries() {
        // "ind" inside "find" and "kind" is no IND.
        let text = "We find this kind of result encouraging.";
        let sents = sentences::split(text);
        assert!(!sentence_cues(text, &sents)[0].has(Cues::PHASE));
        let text = "The IND was accepted.";
        let sents = sentences::split(text);
        assert!(sentence_cues(text, &sents)[0].has(Cues::PHASE));
    }
}
