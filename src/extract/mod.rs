//! Extract: finds compounds, organizations, targets, partnerships, phase events and payments in one ingested document.
//!
//! **Architecture Invariant:** extract knows nothing about files or the CLI;
//! its input is an ingested [`Document`] and its output is [`DocFacts`].
//!
//! The work happens in three passes over the sentences:
//! 1. *mentions*: compound names (code, nonproprietary, brand, conjugate),
//!    organizations (lexicon, legal suffix, context cues), targets, phases,
//!    dates and money, each with its byte range;
//! 2. *entities*: mentions linked by alias cues (`X (Y)`, `X, formerly Y`,
//!    `X (aka Y or Z)`) into one compound each; organization variants and
//!    lexicon parents folded; every known alias then found again everywhere;
//! 3. *relations*: per sentence, with the section's compound as context for
//!    sentences that name none (`This CD19-targeting ADC ...`).

pub mod cues;
pub mod dates;
pub mod lexicon;
pub mod mentions;
pub mod relations;
pub mod sentences;

use crate::ingest::Document;
use crate::model::{DocFacts, Evidence};

/// Extracts every fact of one document.
///
/// Never panics on input; an empty or fact-free document gives facts with
/// only the registrant (when known).
///
/// # Example
/// ```
/// use pipegraph::ingest::ingest_bytes;
/// use pipegraph::extract::extract;
/// let doc = ingest_bytes("pr.txt", b"Acme Therapeutics, Inc. announced today that ACM-101 advanced into Phase 2 testing in March 2024 under its license to Pfizer.").unwrap();
/// let facts = extract(&doc);
/// assert_eq!(facts.compounds[0].names, ["ACM-101"]);
/// assert_eq!(facts.phase_events[0].phase.map(|p| p.name()), Some("Phase II"));
/// ```
pub fn extract(doc: &Document) -> DocFacts {
    relations::Extractor::new(doc).run()
}

/// The lines of `text` with their `\n`, as `str::split_inclusive('\n')`
/// yields them (the last line may lack it; an empty text has no line).
///
/// The line ends are found with the `memchr` crate's vectorized search:
/// `split_inclusive` with a `char` pattern goes through std's `CharSearcher`
/// and its word-at-a-time `memchr`, which measured about 3 instructions per
/// byte of text in the sentence splitter and the table scan (BENCHMARKS.md).
/// A unit test checks the two agree.
pub(crate) fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0usize;
    std::iter::from_fn(move || {
        let end = ends.next().map_or(text.len(), |k| k + 1);
        if start >= end {
            return None;
        }
        let line = text.get(start..end);
        start = end;
        line
    })
}

/// Wraps `pattern` so that the regex crate builds no literal prefilter for it.
///
/// The regex crate scans for a pattern's prefix literals first and starts
/// its DFA at each hit. When the prefixes are common words or digits (the
/// date pattern's `in`, `by`, `of`, `1Q`; the organization cues' `by`,
/// `from`), the prefilter fires every few bytes and every hit restarts the
/// DFA: measured on the sample filings, the date pattern ran at 110 MB/s with
/// the prefilter and 370 MB/s without (BENCHMARKS.md).
///
/// `regex::RegexBuilder` has no switch for this, so the pattern gets a second
/// alternative that can never match (a word boundary and a non-boundary at
/// one position) but begins with a class too wide to have literals, which
/// leaves the pattern with no finite prefix set. Matches, capture group
/// numbers and names are those of `pattern` (a unit test checks).
pub(crate) fn without_prefilter(pattern: &str) -> String {
    format!(r"(?:{pattern})|(?-u:\b)(?-u:\B)[\s\S]")
}

/// The evidence of one document's sentences, each built once and then
/// shared: facts of one sentence get clones of one [`Evidence`] (the text
/// and document id are `Arc<str>`, so a clone copies no text).
pub(crate) struct Evidences<'d> {
    doc: &'d Document,
    id: std::sync::Arc<str>,
    built: std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), Evidence>>,
}

impl<'d> Evidences<'d> {
    pub(crate) fn new(doc: &'d Document) -> Self {
        Evidences {
            doc,
            id: doc.info.id.as_str().into(),
            built: Default::default(),
        }
    }

    /// The evidence of the sentence `start..end` (text byte offsets) of
    /// the document: its original byte range and its whitespace-folded text.
    pub(crate) fn get(&self, start: usize, end: usize) -> Evidence {
        if let Some(e) = self.built.borrow().get(&(start, end)) {
            return e.clone();
        }
        let doc = self.doc;
        let r = doc.original_range(start..end);
        let e = Evidence {
            document: self.id.clone(),
            start: r.start,
            end: r.end,
            text: std::sync::Arc::from(&*fold_whitespace(doc.text.get(start..end).unwrap_or(""))),
        };
        self.built.borrow_mut().insert((start, end), e.clone());
        e
    }
}

/// `s` with each run of whitespace made one space and none at either end:
/// its words joined by single spaces.
///
/// Most sentences have single spaces between words and no other
/// whitespace: those are already folded, and one branch-free pass over the
/// bytes (no ASCII whitespace byte but the space, no two spaces together,
/// none at either end) and, for text that is not ASCII, a look at the few
/// characters that may be Unicode whitespace ([`has_unicode_space`]) prove
/// it, so they are returned as they are (borrowed: the caller copies them
/// once, into the evidence's shared string). Any other text takes
/// `split_whitespace`.
fn fold_whitespace(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let folded = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().fold(true, |acc, &c| {
            acc & !(c.is_ascii_whitespace() & (c != b' ')) & (c != 0x0B)
        })
        && b.iter()
            .zip(b.iter().skip(1))
            .fold(true, |acc, (&x, &y)| acc & !((x == b' ') & (y == b' ')));
    if folded && !has_unicode_space(s) {
        return s.into();
    }
    fold_unicode_whitespace(s).into()
}

/// The first bytes of every non-ASCII whitespace character (`char::is_whitespace`:
/// U+0085 and U+00A0, U+1680, U+2000 to U+205F, U+3000); a test checks every
/// character.
const UNICODE_SPACE_LEADS: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];

/// Whether `s` holds a whitespace character that is not ASCII.
///
/// Every such character starts with one of [`UNICODE_SPACE_LEADS`], so
/// only the characters at those bytes (found with `memchr`; a few per
/// sentence, `’` and `®` among them) are decoded, instead of every
/// character of `s`. A test compares it with the check of every character.
fn has_unicode_space(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_ascii() {
        return false;
    }
    let [c2, e1, e2, e3] = UNICODE_SPACE_LEADS;
    let space_at = |i: usize| {
        s.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
    };
    memchr::memchr3_iter(c2, e1, e2, b).any(space_at) || memchr::memchr_iter(e3, b).any(space_at)
}

/// [`fold_whitespace`] of any `s`: its `split_whitespace` words joined by
/// single spaces.
fn fold_unicode_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The sample filings under `data/filings`, in path order, for tests that
/// check a rule or a fast path on real text.
///
/// # Panics
/// When fewer than four filings are there or one is not UTF-8 (a broken
/// checkout, not a test result).
#[cfg(test)]
pub(crate) fn sample_filings() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/filings");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("data/filings")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 sample filing"))
        .collect();
    assert!(
        texts.len() >= 4,
        "sample filings missing from {}",
        dir.display()
    );
    texts
}

#[cfg(test)]
mod tests {
    use super::{fold_whitespace, has_unicode_space, without_prefilter};
    use regex::Regex;

    #[test]
    fn fold_whitespace_joins_words_with_single_spaces() {
        for s in [
            "",
            "   ",
            "one",
            "  a  b\tc\n d\u{a0}e\u{2003} ",
            "Acme\r\nTherapeutics,  Inc.",
            // The ASCII fast path's edges: each whitespace byte, ends, doubles.
            "a b",
            " a b",
            "a b ",
            "a  b",
            "a\u{b}b",
            "a\u{c}b",
            "a\u{1f}b",
            // Already folded but for one Unicode space, or not at all.
            "a\u{a0}b",
            "a\u{2019}s \u{ae} \u{3000}",
            "\u{2019}\u{ae}\u{1680}",
            "it\u{2019}s a\u{ae} \u{e9}\u{e1}\u{e3}",
            "a\u{85}b",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_whitespace(s), want, "{s:?}");
            let spaced = s.chars().any(|c| c.is_whitespace() && !c.is_ascii());
            assert_eq!(has_unicode_space(s), spaced, "{s:?}");
        }
        let mut folded = 0;
        for text in super::sample_filings() {
            // Lines, and stretches of lines that hold line breaks.
            let lines: Vec<&str> = text.lines().collect();
            let stretches = text.split("\n\n").chain(lines.iter().copied());
            for piece in stretches {
                let want = piece.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(fold_whitespace(piece), want);
                let spaced = piece.chars().any(|c| c.is_whitespace() && !c.is_ascii());
                assert_eq!(has_unicode_space(piece), spaced);
                folded += usize::from(!piece.is_ascii() && piece != want);
            }
        }
        assert!(folded > 0, "no non-ASCII text to fold: the check is thin");
    }

    /// Every whitespace character starts with an ASCII byte or one of the
    /// bytes [`super::has_unicode_space`] decodes at.
    #[test]
    fn every_unicode_space_starts_with_a_listed_byte() {
        let mut seen = 0;
        for ch in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if ch.is_whitespace() && !ch.is_ascii() {
                let mut buf = [0u8; 4];
                let lead = ch.encode_utf8(&mut buf).as_bytes().first().copied();
                assert!(
                    lead.is_some_and(|l| super::UNICODE_SPACE_LEADS.contains(&l)),
                    "{ch:?}"
                );
                seen += 1;
            }
        }
        assert!(seen >= 17, "{seen} non-ASCII whitespace characters");
    }

    proptest::proptest! {
        #[test]
        fn fold_whitespace_is_split_whitespace_joined(v in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", ".", " ", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "\u{85}",
                "\u{a0}", "\u{1680}", "\u{2003}", "\u{200b}", "\u{2019}", "\u{2028}", "\u{3000}",
                "é", "\u{e000}",
            ]),
            0..40,
        )) {
            let s = v.concat();
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let spaced = s.chars().any(|c| c.is_whitespace() && !c.is_ascii());
            proptest::prop_assert_eq!(has_unicode_space(&s), spaced);
            proptest::prop_assert_eq!(fold_whitespace(&s), want);
        }
    }

    #[test]
    fn lines_inclusive_is_split_inclusive() {
        let mut texts: Vec<String> = [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "\nx\n\ny",
            "é\n\u{2028}\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(super::sample_filings());
        for t in &texts {
            let want: Vec<&str> = t.split_inclusive('\n').collect();
            let got: Vec<&str> = super::lines_inclusive(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    /// Every match and capture group of `pattern` over `text` is the same
    /// with and without the prefilter-defeating wrapper.
    fn check_same_captures(pattern: &str, text: &str) {
        let plain = Regex::new(pattern).expect("test pattern");
        let wrapped = Regex::new(&without_prefilter(pattern)).expect("wrapped pattern");
        let names = |r: &Regex| {
            r.capture_names()
                .map(|n| n.map(str::to_string))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&plain), names(&wrapped));
        let spans = |r: &Regex| {
            r.captures_iter(text)
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        let want = spans(&plain);
        assert!(
            !want.is_empty(),
            "{pattern} matches nothing; the check is void"
        );
        assert_eq!(want, spans(&wrapped), "{pattern}");
    }

    #[test]
    fn without_prefilter_keeps_matches_and_groups() {
        let mut texts = vec![
            "In 2014 and by March 2015; phase 2, Phase III. by Acme from Beta Inc. x\u{17F}"
                .to_string(),
        ];
        texts.extend(super::sample_filings());
        for text in &texts {
            for pattern in [
                r"(?x)(?P<cue>(?-u:\b)(?:in|by|of)\s+)(?P<y>(?:19|20)\d\d)(?-u:\b)|(?P<today>today)",
                r"(?xi)(?-u:\b)phase[\s-]*(?P<a>iii|ii|i|[1-3])|(?P<ind>(?-u:\b)IND(?-u:\b))",
                r"(?x)(?-u:\b)(?:by|from|with)\s+(?P<name>[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*){0,3})",
            ] {
                if Regex::new(pattern).is_ok_and(|r| r.is_match(text)) {
                    check_same_captures(pattern, text);
                }
            }
        }
    }
}
