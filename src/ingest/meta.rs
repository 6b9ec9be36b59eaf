//! Document metadata from normalized text and the SEC header: report date, form, 8-K items, registrant and its aliases, fiscal year end.

use super::submission::Header;
use crate::model::DocInfo;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){MONTHS}\s+(\d{{1,2}}),?\s+(\d{{4}})(?-u:\b)"
    ))
    .ok()
});
/// The `Date of Report` label, unanchored (tests compare [`report_label`] with it).
#[cfg(test)]
static DATE_OF_REPORT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(DATE_OF_REPORT_PAT).ok());
const DATE_OF_REPORT_PAT: &str = r"(?i)date\s+of\s+report";
/// [`DATE_OF_REPORT`] anchored at the haystack start.
static DATE_OF_REPORT_AT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!("^(?:{DATE_OF_REPORT_PAT})")).ok());
static FORM: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*FORM[ \t]+(8-K(?:/A)?|6-K|10-K|10-Q|20-F|S-1)(?-u:\b)").ok()
});
static ITEM: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?im)^[ \t]*Item[ \t]+(\d{1,2}\.\d{2})(?-u:\b)").ok());
static FISCAL: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&fiscal_pat()).ok());
/// [`FISCAL`] anchored at the haystack start.
static FISCAL_AT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", fiscal_pat())).ok());
/// The pattern of [`FISCAL`].
fn fiscal_pat() -> String {
    format!(r"(?i)fiscal\s+year\s+(?:ending|ended|ends|end)?\s*(?:on\s+)?{MONTHS}\s+\d{{1,2}}")
}
static TICKER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\((?:NASDAQ|Nasdaq|NYSE|NYSE American|NYSE MKT|OTCQB|OTCQX|OTC|TSX|TSXV|TSX-V|ASX|AMEX|LSE|AIM|Euronext|SIX)(?:\s*:\s*|\s+)[A-Z.]{1,6}\)")
        .ok()
});
static FILE_DATE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").ok());

/// Capture groups of each match of `re` in `s`, with the match start. Finds matches
/// with the fast engine and runs the capturing one only on the matched text.
fn captures<'h>(
    re: &'h LazyLock<Option<Regex>>,
    s: &'h str,
) -> impl Iterator<Item = (usize, regex::Captures<'h>)> + 'h {
    re.as_ref().into_iter().flat_map(move |r| {
        r.find_iter(s)
            .filter_map(move |m| Some((m.start(), r.captures(m.as_str())?)))
    })
}

/// Legal suffixes that end an organization name (compared without trailing `.`/`,`).
const SUFFIXES: &[&str] = &[
    "Inc",
    "Incorporated",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "plc",
    "PLC",
    "AG",
    "SA",
    "S.A",
    "NV",
    "N.V",
    "GmbH",
    "LLC",
    "L.L.C",
    "LP",
    "L.P",
    "Co",
    "Company",
    "SE",
    "AB",
    "A/S",
    "ASA",
    "Oyj",
    "KK",
    "K.K",
    "BV",
    "B.V",
    "SpA",
    "S.p.A",
    "Pty",
];

/// The 8-K items by their standard captions (prefixes, lowercase).
const ITEM_CAPTIONS: &[(&str, &str)] = &[
    ("entry into a material definitive agreement", "1.01"),
    ("termination of a material definitive agreement", "1.02"),
    ("bankruptcy or receivership", "1.03"),
    ("mine safety", "1.04"),
    ("material cybersecurity incidents", "1.05"),
    ("completion of acquisition or disposition", "2.01"),
    ("results of operations and financial condition", "2.02"),
    ("creation of a direct financial obligation", "2.03"),
    ("triggering events", "2.04"),
    ("costs associated with exit or disposal", "2.05"),
    ("material impairments", "2.06"),
    ("notice of delisting", "3.01"),
    ("unregistered sales of equity securities", "3.02"),
    ("material modification", "3.03"),
    ("changes in registrant's certifying accountant", "4.01"),
    (
        "non-reliance on previously issued financial statements",
        "4.02",
    ),
    ("changes in control of registrant", "5.01"),
    ("departure of directors", "5.02"),
    ("amendments to articles of incorporation", "5.03"),
    ("temporary suspension of trading", "5.04"),
    ("amendments to the registrant's code of ethics", "5.05"),
    ("change in shell company status", "5.06"),
    ("submission of matters to a vote", "5.07"),
    ("shareholder director nominations", "5.08"),
    ("regulation fd disclosure", "7.01"),
    ("other events", "8.01"),
    ("financial statements and exhibits", "9.01"),
];

/// Fills the metadata fields of `info` (all but `id`, `path`, `sha256`) from the
/// normalized `text`, the SEC `header` when there is one, and the file name.
///
/// The text is ASCII-lowercased once (same byte offsets); the case-insensitive
/// whole-text searches (`Item` lines, `Date of Report`, `fiscal year`, the
/// registrant's spellings) look for literals in that copy with memchr's SIMD
/// search instead of running a case-insensitive automaton over every byte.
pub(crate) fn fill(info: &mut DocInfo, text: &str, header: Option<&Header>, file_name: &str) {
    let lower = ascii_lowercase(text);
    let lower = lower.as_slice();
    info.form = form(text, lower).or_else(|| header.and_then(|h| h.form.clone()));
    info.items = items(text, lower, header);
    info.report_date = date_of_report(text, lower)
        .or_else(|| header.and_then(|h| h.period))
        .or_else(|| dateline(text))
        .or_else(|| file_date(file_name))
        .or_else(|| first_date(text));
    info.fiscal_year_end_month = header
        .and_then(|h| h.fiscal_year_end_month)
        .or_else(|| fiscal_month(text, lower));
    let (name, aliases) = registrant(text, lower, header);
    info.registrant = name;
    info.registrant_aliases = aliases;
}

/// `text` ASCII-lowercased, as [`str::to_ascii_lowercase`] gives it, in one
/// pass the compiler vectorizes (the std one copies, then lowercases byte
/// by byte).
fn ascii_lowercase(text: &str) -> Vec<u8> {
    text.bytes().map(|b| b.to_ascii_lowercase()).collect()
}

/// The form named on a `FORM 8-K` line in the first ~5000 bytes, uppercased;
/// `lower` is `text` ASCII-lowercased.
///
/// `FORM` matches only at a line start and within the line, and its
/// `(?i)FORM[ \t]` only ASCII (no other char case-folds to `f`, `o`, `r`,
/// `m`), so only lines starting that way are searched: the first match there
/// is the leftmost match in the whole head.
fn form(text: &str, lower: &[u8]) -> Option<String> {
    let re = FORM.as_ref()?;
    let head = head(text, 5000);
    let lower = lower.get(..head.len())?;
    keyword_lines(head, lower, b"form")
        .find_map(|l| Some(re.captures(l)?.get(1)?.as_str().to_ascii_uppercase()))
}

/// The lines of `text` (split at `\n`, as `str::split('\n')`) that start, after
/// spaces and tabs, with ASCII `word` (lowercase, no spaces) in any case followed
/// by a space or tab, in order; `lower` is `text` ASCII-lowercased.
///
/// Finds `word` in `lower` with memmem instead of looking at every line: a line
/// qualifies exactly when some occurrence is preceded by only spaces and tabs
/// back to the line start (so there is at most one per line, and occurrences
/// are in text order). memmem's occurrences do not overlap, but an occurrence
/// starting inside another one follows a non-blank byte, so it never qualifies.
fn keyword_lines<'t>(
    text: &'t str,
    lower: &'t [u8],
    word: &'static [u8],
) -> impl Iterator<Item = &'t str> + 't {
    memchr::memmem::find_iter(lower, word).filter_map(move |k| {
        if !matches!(lower.get(k + word.len()), Some(b' ' | b'\t')) {
            return None;
        }
        let mut start = k;
        while let Some(b' ' | b'\t') = lower.get(start.wrapping_sub(1)) {
            start -= 1;
        }
        if start > 0 && lower.get(start - 1) != Some(&b'\n') {
            return None;
        }
        let end = memchr::memchr(b'\n', lower.get(k..)?).map_or(lower.len(), |e| k + e);
        text.get(start..end)
    })
}

/// The byte range of the leftmost [`DATE_OF_REPORT`] match in `text`; `lower`
/// is `text` ASCII-lowercased.
///
/// A match starts with `date` in any ASCII case (no other char case-folds to
/// `d`, `a`, `t`, `e`), so it starts where `lower` has `date`: the anchored
/// pattern is tried at each of those in order (the pattern has no look-around,
/// so a match at `k` is the same on `text[k..]`), and the first that matches is
/// the leftmost match, and the same one, as the unanchored search on the whole
/// text would give (for one start, leftmost-first picks the same match).
fn report_label(text: &str, lower: &[u8]) -> Option<std::ops::Range<usize>> {
    let re = DATE_OF_REPORT_AT.as_ref()?;
    memchr::memmem::find_iter(lower, b"date")
        .find_map(|k| Some(k..k + re.find(text.get(k..)?)?.end()))
}

/// The month of the first `fiscal year end(ed|ing) <Month> <day>` in `text`;
/// `lower` is `text` ASCII-lowercased.
///
/// A match starts with `fiscal` in any case, and the only non-ASCII char that
/// case-folds to one of its letters is `ſ` (long s, to `s`); so it starts where
/// `lower` has `fiscal` or `fiſcal`, and, as in [`report_label`], the anchored
/// pattern tried at those in order finds the whole-text search's first match.
fn fiscal_month(text: &str, lower: &[u8]) -> Option<u32> {
    let re = FISCAL_AT.as_ref()?;
    let mut a = memchr::memmem::find_iter(lower, b"fiscal").peekable();
    let mut b = memchr::memmem::find_iter(lower, "fi\u{17f}cal".as_bytes()).peekable();
    // Both lists of starts merged in order.
    let mut starts = std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    });
    let m = starts.find_map(|k| re.find(text.get(k..)?))?;
    month(FISCAL.as_ref()?.captures(m.as_str())?.get(1)?.as_str())
}

/// Month number of an English month name or abbreviation.
fn month(s: &str) -> Option<u32> {
    crate::model::month_number(s)
}

/// All full dates (`October 27, 2011`) in `s` with their byte positions.
fn dates(s: &str) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
    captures(&DATE, s).filter_map(|(start, c)| {
        let m = month(c.get(1)?.as_str())?;
        let d: u32 = c.get(2)?.as_str().parse().ok()?;
        let y: i32 = c.get(3)?.as_str().parse().ok()?;
        Some((start, NaiveDate::from_ymd_opt(y, m, d)?))
    })
}

/// The 8-K "Date of Report (Date of earliest event reported): ..." date: on the same
/// line after the label (found by [`report_label`]), else on the next or previous
/// non-empty line; `lower` is `text` ASCII-lowercased.
fn date_of_report(text: &str, lower: &[u8]) -> Option<NaiveDate> {
    let m = report_label(text, lower)?;
    let line_start = text.get(..m.start)?.rfind('\n').map_or(0, |k| k + 1);
    let line_end = text
        .get(m.end..)?
        .find('\n')
        .map_or(text.len(), |k| m.end + k);
    if let Some((_, d)) = dates(text.get(m.start..line_end)?).next() {
        return Some(d);
    }
    let next = text.get(line_end..)?.lines().find(|l| !l.trim().is_empty());
    if let Some((_, d)) = next.and_then(|l| dates(l).next()) {
        return Some(d);
    }
    let prev = text
        .get(..line_start)?
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty());
    prev.and_then(|l| dates(l).next()).map(|(_, d)| d)
}

/// True when the words before a date make it a period end, not a dateline.
fn period_word_before(before: &str) -> bool {
    let t = before.trim_end().to_ascii_lowercase();
    [
        "ended", "ending", "as of", "through", "until", "since", "on", "by", "dated", "before",
        "after",
    ]
    .iter()
    .any(|w| t.ends_with(w))
}

/// The press-release dateline: a full date near the start of a line within the
/// first ~1500 bytes (`WALTHAM, MA, October 27, 2011 —`, `CA (April 16, 2025) –`).
fn dateline(text: &str) -> Option<NaiveDate> {
    let head = head(text, 1500);
    dates(head).find_map(|(pos, d)| {
        let line_start = head.get(..pos)?.rfind('\n').map_or(0, |k| k + 1);
        let before = head.get(line_start..pos)?;
        (before.len() <= 120 && !period_word_before(before)).then_some(d)
    })
}

/// The first full date in the first ~1500 bytes that is not a period end.
fn first_date(text: &str) -> Option<NaiveDate> {
    let head = head(text, 1500);
    dates(head).find_map(|(pos, d)| (!period_word_before(head.get(..pos)?)).then_some(d))
}

/// A `YYYY-MM-DD` date in the file name.
fn file_date(name: &str) -> Option<NaiveDate> {
    let c = FILE_DATE.as_ref()?.captures(name)?;
    NaiveDate::from_ymd_opt(
        c.get(1)?.as_str().parse().ok()?,
        c.get(2)?.as_str().parse().ok()?,
        c.get(3)?.as_str().parse().ok()?,
    )
}

/// At most the first `n` bytes of `s`, cut at a char boundary.
fn head(s: &str, n: usize) -> &str {
    let mut k = n.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    s.get(..k).unwrap_or("")
}

/// 8-K item numbers: from lines starting with `Item N.NN` and the header's
/// `ITEM INFORMATION` captions; sorted and unique. `lower` is `text`
/// ASCII-lowercased.
fn items(text: &str, lower: &[u8], header: Option<&Header>) -> Vec<String> {
    // `ITEM` matches only at a line start, within the line, and its
    // `(?i)Item[ \t]` only ASCII (no other char case-folds to `i`, `t`, `e`,
    // `m`), so only lines starting that way are searched.
    let mut v: Vec<String> = keyword_lines(text, lower, b"item")
        .flat_map(|l| captures(&ITEM, l))
        .filter_map(|(_, c)| Some(c.get(1)?.as_str().to_string()))
        .collect();
    if let Some(h) = header {
        for cap in &h.items {
            let lower = cap.to_ascii_lowercase().replace('\u{2019}', "'");
            if let Some((_, n)) = ITEM_CAPTIONS.iter().find(|(c, _)| lower.starts_with(c)) {
                v.push((*n).to_string());
            }
        }
    }
    v.sort();
    v.dedup();
    v
}

/// Strips a trailing legal suffix (`, Inc.`, ` Corp.`, ` Ltd`) from a name.
pub(crate) fn strip_suffix(name: &str) -> &str {
    let t = name.trim().trim_end_matches(',');
    if let Some((head, last)) = t.rsplit_once(' ') {
        let word = last.trim_end_matches('.');
        if SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(word)) && !head.trim().is_empty() {
            return head.trim_end().trim_end_matches(',').trim_end();
        }
    }
    t
}

/// True when `w` (one word, maybe with `.`/`,`) is a legal suffix.
fn is_suffix(w: &str) -> bool {
    let word = w.trim_end_matches([',', '.']);
    // Every suffix starts with an ASCII capital but `plc`, and a case-insensitive
    // match must too: most words of running text are rejected here.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && word != "plc" {
        return false;
    }
    SUFFIXES.iter().any(|s| {
        *s == word
            || (s.len() >= 3
                && s.eq_ignore_ascii_case(word)
                && word.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Registrant display name and aliases; `lower` is `text` ASCII-lowercased
/// (same byte offsets), for the case-insensitive searches.
fn registrant(text: &str, lower: &[u8], header: Option<&Header>) -> (Option<String>, Vec<String>) {
    let full = exact_name_line(text, lower)
        .or_else(|| header.and_then(|h| h.company.clone()))
        .map(|n| body_spelling(text, lower, &n))
        .or_else(|| ticker_name(text))
        .or_else(|| suffix_name(text));
    let Some(full) = full else {
        return (None, Vec::new());
    };
    let display = strip_suffix(&full).to_string();
    let mut aliases = vec![display.clone(), full.clone()];
    aliases.extend(name_aliases(text, lower, &full, &display));
    if let Some(h) = header {
        if let Some(c) = &h.company {
            aliases.push(c.clone());
        }
        aliases.extend(h.former_names.iter().take(1).cloned());
    }
    (Some(display), dedup_aliases(aliases))
}

/// `aliases` without the empty ones and without repeats (the first of each
/// kept), in order: what `retain` with a `HashSet` of the ones seen gave,
/// without cloning each alias into a hashed set. There are at most 23 (two
/// names, one short form, 7 + 7 spellings, 4 suffixed forms, two from the
/// header), so comparing each with those kept costs less than hashing.
fn dedup_aliases(aliases: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(aliases.len());
    for a in aliases {
        if !a.is_empty() && !kept.contains(&a) {
            kept.push(a);
        }
    }
    kept
}

/// The aliases of the registrant found in `text` from its `full` and
/// `display` names ([`strip_suffix`] of `full`), in this order: the short form
/// defined after the full name, other spellings of the full name in the text
/// (`ABVC BIOPHARMA, INC.`), then of the display name (when it differs: else
/// its spellings would all be duplicates, which the caller drops), and the
/// display name with a legal suffix (`CNS Pharmaceuticals Inc.`). `lower` is
/// `text` ASCII-lowercased.
///
/// Each of these searches looks only where `text` has the display name in
/// some ASCII case when the display name is a prefix of the full name (as
/// [`strip_suffix`] makes it) of at least 3 bytes: then one scan for those
/// places serves them all. Otherwise each scans the text
/// ([`name_aliases_scanning`]; tests compare the two), as it also does past
/// [`MAX_NAME_STARTS`] places, so that the list of them stays small.
fn name_aliases(text: &str, lower: &[u8], full: &str, display: &str) -> Vec<String> {
    let needle = display.as_bytes().to_ascii_lowercase();
    let starts = (display.len() >= 3 && full.starts_with(display))
        .then(|| overlapping_starts(lower, &needle, MAX_NAME_STARTS))
        .flatten();
    let Some(starts) = starts else {
        return name_aliases_scanning(text, lower, full, display);
    };
    let hay = text.as_bytes();
    let mut out = Vec::new();
    // The first exact occurrence of the full name, as `memmem::find` gives it.
    if let Some(k) = starts
        .iter()
        .copied()
        .find(|&k| hay.get(k..).is_some_and(|r| r.starts_with(full.as_bytes())))
        && let Some(short) = short_form_at(text, full, k)
    {
        out.push(short);
    }
    // Where the lowercased full name starts: all among the display name's starts.
    let full_lower = full.as_bytes().to_ascii_lowercase();
    out.extend(spellings_at(
        text,
        full.len(),
        starts
            .iter()
            .copied()
            .filter(|&k| lower.get(k..k + full_lower.len()) == Some(full_lower.as_slice())),
    ));
    if display != full {
        out.extend(spellings_at(text, display.len(), starts.iter().copied()));
    }
    // The exact occurrences of the display name, each past the end of the
    // one before, as `memmem::find_iter` gives them.
    let mut next = 0;
    let exact = starts.iter().copied().filter(|&k| {
        let hit = k >= next && hay.get(k..k + display.len()) == Some(display.as_bytes());
        if hit {
            next = k + display.len();
        }
        hit
    });
    out.extend(suffixed_forms_at(text, display, exact));
    out
}

/// [`name_aliases`], each search scanning the text on its own.
fn name_aliases_scanning(text: &str, lower: &[u8], full: &str, display: &str) -> Vec<String> {
    let mut out: Vec<String> = short_form(text, full).into_iter().collect();
    out.extend(spellings(text, lower, full));
    if display != full {
        out.extend(spellings(text, lower, display));
    }
    out.extend(suffixed_forms(text, display));
    out
}

/// The most places [`name_aliases`] lists (real filings name the registrant
/// a few dozen times).
const MAX_NAME_STARTS: usize = 4096;

/// Every start, overlapping ones too, of `needle` in `hay`, in order; `None`
/// when there are more than `max`.
fn overlapping_starts(hay: &[u8], needle: &[u8], max: usize) -> Option<Vec<usize>> {
    let finder = memchr::memmem::Finder::new(needle);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = hay.get(i..).and_then(|r| finder.find(r)) {
        if out.len() == max {
            return None;
        }
        out.push(i + k);
        i += k + 1;
    }
    Some(out)
}

/// `display` followed by a legal suffix in `text` (`CNS Pharmaceuticals Inc.`).
fn suffixed_forms(text: &str, display: &str) -> Vec<String> {
    if display.len() < 2 {
        return Vec::new();
    }
    // memmem's matches are non-overlapping, from the left, like `match_indices`.
    suffixed_forms_at(
        text,
        display,
        memchr::memmem::find_iter(text.as_bytes(), display.as_bytes()),
    )
}

/// Whether `o` is `format!("{display}{comma} {word}")`, told by its parts
/// rather than by formatting the form again at each of the name's
/// occurrences: `o` is that string exactly when stripping `display`,
/// `comma`, a space and `word` from its front in turn leaves nothing.
fn is_form(o: &str, display: &str, comma: &str, word: &str) -> bool {
    o.strip_prefix(display)
        .and_then(|o| o.strip_prefix(comma))
        .and_then(|o| o.strip_prefix(' '))
        == Some(word)
}

/// [`suffixed_forms`] given the starts of the occurrences of `display` to look after.
fn suffixed_forms_at(
    text: &str,
    display: &str,
    starts: impl Iterator<Item = usize>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in starts {
        let rest = text.get(k + display.len()..).unwrap_or("");
        let (comma, r) = match rest.strip_prefix(',') {
            Some(r) => (",", r),
            None => ("", rest),
        };
        let Some(r) = r.strip_prefix(' ') else {
            continue;
        };
        let len = r
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '/'))
            .unwrap_or(r.len());
        let word = r.get(..len).unwrap_or("");
        let word = if word.ends_with('.') && !SUFFIXES.contains(&word.trim_end_matches('.')) {
            word.trim_end_matches('.')
        } else {
            word
        };
        if is_suffix(word)
            && word.chars().next().is_some_and(char::is_uppercase)
            && !out.iter().any(|o| is_form(o, display, comma, word))
        {
            out.push(format!("{display}{comma} {word}"));
        }
        if out.len() >= 4 {
            break;
        }
    }
    out
}

/// The line before "(Exact name of registrant as specified in its charter)";
/// `lower` is `text` ASCII-lowercased.
fn exact_name_line(text: &str, lower: &[u8]) -> Option<String> {
    let lower_pos = memchr::memmem::find(lower, b"exact name of registrant")?;
    let line_start = text.get(..lower_pos)?.rfind('\n').map_or(0, |k| k + 1);
    let same = text
        .get(line_start..lower_pos)?
        .trim()
        .trim_end_matches('(')
        .trim();
    if same.len() > 2 {
        return Some(same.to_string());
    }
    let prev = text
        .get(..line_start)?
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())?;
    let name = prev.trim();
    (!name.is_empty() && name.len() < 120).then(|| name.to_string())
}

/// Every case variant of `name` in `text` (case-insensitive, word-bounded);
/// `lower` is `text` ASCII-lowercased, searched for the lowercased name.
fn spellings(text: &str, lower: &[u8], name: &str) -> Vec<String> {
    if name.len() < 3 {
        return Vec::new();
    }
    let needle = name.as_bytes().to_ascii_lowercase();
    let finder = memchr::memmem::Finder::new(&needle);
    let mut i = 0;
    // Every start (overlapping ones too) where the name matches, in order.
    let starts = std::iter::from_fn(|| {
        let k = i + lower.get(i..).and_then(|r| finder.find(r))?;
        i = k + 1;
        Some(k)
    });
    spellings_at(text, name.len(), starts)
}

/// [`spellings`] of a name of `len` bytes given the starts where `text`
/// has it in some ASCII case, in order: the distinct word-bounded ones with
/// an uppercase letter, at most 7.
fn spellings_at(text: &str, len: usize, starts: impl Iterator<Item = usize>) -> Vec<String> {
    let hay = text.as_bytes();
    let mut out: Vec<String> = Vec::new();
    for i in starts {
        if !hay
            .get(i.wrapping_sub(1))
            .is_some_and(u8::is_ascii_alphanumeric)
            && !hay.get(i + len).is_some_and(u8::is_ascii_alphanumeric)
            && let Some(s) = text.get(i..i + len)
            && s.chars().any(char::is_uppercase)
            && !out.iter().any(|o| o == s)
        {
            out.push(s.to_string());
            if out.len() > 6 {
                break;
            }
        }
    }
    out
}

/// Prefers a mixed-case spelling of an all-caps name found in the text
/// (`ABVC BIOPHARMA, INC.` → `ABVC BioPharma, Inc.`); else title-cases it.
/// `lower` is `text` ASCII-lowercased.
fn body_spelling(text: &str, lower: &[u8], name: &str) -> String {
    let caps = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if !caps {
        return name.to_string();
    }
    let variants = spellings(text, lower, name);
    if let Some(v) = variants.iter().find(|v| v.chars().any(char::is_lowercase)) {
        return v.clone();
    }
    // Try without the suffix, then add a title-cased suffix.
    let base = strip_suffix(name);
    let suffix = name.get(base.len()..).unwrap_or("");
    let base_spelled = spellings(text, lower, base)
        .into_iter()
        .find(|v| v.chars().any(char::is_lowercase))
        .unwrap_or_else(|| title_case(base));
    format!("{base_spelled}{}", title_case(suffix))
}

/// `ABVC BIOPHARMA, INC.` → `Abvc Biopharma, Inc.` (short all-caps words kept).
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 4 && !is_suffix(w) || w == "LLC" || w == "PLC" || w == "AG" {
            out.push_str(w);
            continue;
        }
        let mut cs = w.chars();
        if let Some(c) = cs.next() {
            out.push(c);
            out.extend(cs.flat_map(char::to_lowercase));
        }
    }
    out
}

/// The words of an organization name that end just before byte `end` of `text`:
/// capitalized words and legal suffixes, walking back at most 7 words.
fn name_before(text: &str, end: usize) -> Option<String> {
    let before = text.get(..end)?;
    let line_start = before
        .rfind(['\n', '"', '“', '(', ')', ';'])
        .map_or(0, |k| k + 1);
    let seg = before.get(line_start..)?.trim_end();
    let words: Vec<&str> = seg.split(' ').collect();
    let mut take = 0;
    for w in words.iter().rev() {
        let first = w.chars().next();
        let ok = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || *w == "&"
            || is_suffix(w);
        if !ok || take >= 7 || w.ends_with('.') && take > 0 && !is_suffix(w) {
            break;
        }
        if w.ends_with(',') && take > 0 {
            // A comma inside a name only comes before the suffix (`Dogwood Therapeutics, Inc.`).
            let after = words.get(words.len() - take).copied().unwrap_or("");
            if !is_suffix(after) {
                break;
            }
        }
        take += 1;
    }
    let name = words.get(words.len().saturating_sub(take)..)?.join(" ");
    let name = name.trim().trim_end_matches(',').trim();
    // Drop leading words that are not part of a name (`The`, a dateline's `—`).
    let name = name.strip_prefix("The ").unwrap_or(name);
    (name.len() >= 2 && name.chars().any(char::is_alphabetic)).then(|| name.to_string())
}

/// The name right before the first `(NASDAQ: XXXX)` in the first ~3000 bytes.
fn ticker_name(text: &str) -> Option<String> {
    let head = head(text, 3000);
    TICKER
        .as_ref()?
        .find_iter(head)
        .find_map(|m| name_before(head, m.start()))
}

/// The first organization with a legal suffix in the first ~1500 bytes.
fn suffix_name(text: &str) -> Option<String> {
    let head = head(text, 1500);
    let mut pos = 0;
    for w in head.split_inclusive([' ', '\n']) {
        let word = w.trim_end();
        let end = pos + word.len();
        pos += w.len();
        if is_suffix(word) && word.chars().next().is_some_and(char::is_uppercase) {
            let word_start = end - word.len();
            let name = name_before(head, end)?;
            if name.len() > word.len() + 1 && name_before(head, word_start).is_some() {
                return Some(name.trim_end_matches(',').to_string());
            }
        }
    }
    None
}

/// The short form defined right after the full name: `Pacylex Pharmaceuticals Inc.
/// (Pacylex)`, `Silexion Therapeutics Corp. (NASDAQ: SLXN) ("Silexion" or ...)`.
fn short_form(text: &str, full: &str) -> Option<String> {
    let k = memchr::memmem::find(text.as_bytes(), full.as_bytes())?;
    short_form_at(text, full, k)
}

/// [`short_form`] after the occurrence of `full` at byte `k` of `text`.
fn short_form_at(text: &str, full: &str, k: usize) -> Option<String> {
    let rest = text.get(k + full.len()..)?;
    let mut rest = rest.trim_start();
    // A ticker match at 0 ends at the first `)` (the pattern has no other), so
    // only that much of the text is searched.
    let upto = rest.find(')').map_or(0, |k| k + 1);
    if rest.starts_with('(')
        && let Some(m) = TICKER.as_ref().and_then(|r| r.find(rest.get(..upto)?))
        && m.start() == 0
    {
        rest = rest.get(m.end()..)?.trim_start();
    }
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let inner = inner.get(..close)?;
    let first = inner.split([',', ';']).next()?.split(" or ").next()?;
    let short = first.trim().trim_matches(['"', '“', '”', '\'']).trim();
    let ok = short.len() >= 2
        && short.len() < 40
        && short.chars().next().is_some_and(char::is_uppercase)
        && !short.eq_ignore_ascii_case("the company")
        && !short.contains(':');
    ok.then(|| short.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_file;
    use std::path::PathBuf;

    /// The texts of all sample filings, and edge cases for the line filters.
    fn line_filter_texts() -> Vec<String> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let (files, _) = crate::ingest::collect_inputs(&[
            root.join("data/filings"),
            root.join("benches/data"),
            root.join("../shared/corpus/dev"),
            root.join("../shared/corpus/practice"),
        ]);
        let mut texts: Vec<String> = files
            .iter()
            .filter_map(|f| ingest_file(f).ok())
            .map(|d| d.text)
            .collect();
        assert!(texts.len() >= 5, "{}", texts.len());
        let long = format!("{}\nFORM 8-K\n", "x".repeat(4990));
        for s in [
            "FORM 8-K",
            "  \tform\t10-K\nItem 2.02 Results",
            "FORM 8-\u{212a}\nFORM 6-K",
            "FORM  S-1 and FORM 20-F",
            "Form \u{17f}-1\nFORM 8-K/A",
            "xFORM 8-K\nFORMS 8-K\nFORM\n8-K\nFORM 8-KA\nFORM 10-Q",
            "Item 2.02\nitem\t9.01 x\r\n ITEM 1.01\nItems 3.02\nItem\n7.01\nItem 8.01",
            "\u{130}tem 5.02\nItem 5.02",
            "",
            "\n\n",
            &long,
        ] {
            texts.push(s.to_string());
        }
        texts
    }

    /// The one-pass lowercasing is std's, on the samples and on every byte
    /// value next to non-ASCII chars.
    #[test]
    fn ascii_lowercase_is_std() {
        let mut texts = line_filter_texts();
        let all: String = (0..=0x7Fu8).map(char::from).collect();
        texts.push(format!("{all}\u{c9}\u{17f}\u{212a}{all}\u{130}\u{1e9e}"));
        for t in &texts {
            assert_eq!(ascii_lowercase(t), t.to_ascii_lowercase().into_bytes());
        }
    }

    /// `t` ASCII-lowercased, as `fill` passes it.
    fn lc(t: &str) -> Vec<u8> {
        t.to_ascii_lowercase().into_bytes()
    }

    /// The registrant's full name in `t`, as [`registrant`] finds it without a header.
    fn full_name(t: &str, lower: &[u8]) -> Option<String> {
        exact_name_line(t, lower)
            .map(|n| body_spelling(t, lower, &n))
            .or_else(|| ticker_name(t))
            .or_else(|| suffix_name(t))
    }

    /// Compares the one-scan alias search with the separate scans for `full`.
    fn aliases_agree(t: &str, full: &str) {
        let lower = lc(t);
        let display = strip_suffix(full);
        assert_eq!(
            name_aliases(t, &lower, full, display),
            name_aliases_scanning(t, &lower, full, display),
            "{full:?} in {t:.80?}"
        );
    }

    /// The aliases from one scan for the display name are those the separate
    /// scans found, on the samples (with their registrants and invented
    /// names) and at the edges: overlapping and repeated occurrences, other
    /// cases, a display name that is not a prefix, short names.
    #[test]
    fn one_scan_aliases_match_separate_scans() {
        let mut texts = line_filter_texts();
        texts.push(
            "Zentrix, Inc. (\"Zentrix\" or the Company) ZENTRIX, INC. zentrix inc \
             ZentrixZentrix Zentrix Inc. Zentrix Corp. Zentrix, Ltd. Zentrix Zentrix, Inc."
                .to_string(),
        );
        texts.push("AAAA, Inc. AAAAA, Inc. aaaa, inc. Aaaa AG (Aaaa) Aaaa Aaaa Co.".to_string());
        // More places than the one scan lists.
        texts.push(format!(
            "{}Zentrix, Inc. (\"Zentrix\") ZENTRIX INC",
            "Zentrix ".repeat(MAX_NAME_STARTS)
        ));
        let invented = [
            "Zentrix, Inc.",
            "Zentrix",
            "ZENTRIX, INC.",
            "AAAA, Inc.",
            "Aaaa",
            "Aa Inc.",
            "Ze",
            " Zentrix, Inc.",
            "Zentrix Zentrix, Inc.",
        ];
        let mut checked = 0;
        for t in &texts {
            let lower = lc(t);
            if let Some(full) = full_name(t, &lower) {
                aliases_agree(t, &full);
                checked += 1;
            }
            for full in invented {
                aliases_agree(t, full);
            }
        }
        assert!(checked >= 5, "{checked}");
    }

    proptest::proptest! {
        /// [`one_scan_aliases_match_separate_scans`] on text made of the names
        /// in several cases, legal suffixes, short forms and non-ASCII chars.
        #[test]
        fn one_scan_aliases_agree_on_any_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Zentrix", "ZENTRIX", "zentrix", "ZenTrix", ", Inc.", ", INC.", " Inc.",
                    " Corp", " Ltd.", " (", "(\"Zentrix\")", "(Nasdaq: ZTX)", " ", "\n", ",",
                    "ZentrixZentrix", "Zentrix, Inc. (\"ZTX\" or the Company)", "\u{e9}",
                    "\u{d6}", "\u{2019}", "x", "1", ".", "Zentrix Qorva", "Qorva",
                ]),
                0..30,
            ),
            full in proptest::sample::select(vec![
                "Zentrix, Inc.", "Zentrix", "ZENTRIX INC", "Zentrix Qorva, Inc.", "Zen",
                "Zentrix\u{e9} AG",
            ]),
        ) {
            aliases_agree(&parts.concat(), full);
        }
    }

    /// The former alias dedup: `retain` with a `HashSet` of those seen.
    fn dedup_reference(mut aliases: Vec<String>) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        aliases.retain(|a| !a.is_empty() && seen.insert(a.clone()));
        aliases
    }

    /// A listed suffixed form is told by its parts ([`is_form`]) on the
    /// samples (their registrants and invented names), and aliases
    /// deduplicated without a hashed set are the former ones (the aliases
    /// `fill` lists, doubled).
    #[test]
    fn suffixed_forms_and_dedup_match_former() {
        let mut texts = line_filter_texts();
        texts.push(
            "Zentrix Inc. Zentrix, Inc. Zentrix Inc. Zentrix, Inc Zentrix Corp. Zentrix Ltd \
             Zentrix AG. Zentrix S.p.A. Zentrix plc Zentrix, PLC Zentrix, Inc. Zentrix Co."
                .to_string(),
        );
        let mut checked = 0;
        for t in &texts {
            let lower = lc(t);
            let mut names: Vec<String> = ["Zentrix", "Ze", "Z", "Zentrix,"]
                .map(String::from)
                .to_vec();
            if let Some(full) = full_name(t, &lower) {
                names.push(strip_suffix(&full).to_string());
                names.push(full);
            }
            for n in &names {
                for form in suffixed_forms(t, n) {
                    // Every form listed is told as such, and the form of
                    // another separator or word is not.
                    let word = form.rsplit(' ').next().unwrap_or("");
                    let head = form.get(..form.len() - word.len() - 1).unwrap_or("");
                    let comma = if head.len() > n.len() { "," } else { "" };
                    assert!(is_form(&form, n, comma, word), "{form:?}");
                    assert!(!is_form(
                        &form,
                        n,
                        if comma.is_empty() { "," } else { "" },
                        word
                    ));
                    assert!(!is_form(&form, n, comma, "Inc.x"));
                    checked += 1;
                }
            }
            let (_, aliases) = registrant(t, &lower, None);
            let mut doubled = aliases.clone();
            doubled.extend(aliases.iter().rev().cloned());
            doubled.insert(doubled.len().min(1), String::new());
            assert_eq!(dedup_aliases(doubled.clone()), dedup_reference(doubled));
        }
        assert!(checked >= 10, "{checked}");
    }

    proptest::proptest! {
        /// [`is_form`] is equality with the formatted form, on text made of
        /// a name, suffixes and separators; the dedup is the former one on
        /// lists of a few strings.
        #[test]
        fn suffixed_forms_and_dedup_agree_on_any_input(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Zentrix", "ZENTRIX", " Inc.", ", Inc.", " Inc", ",", " ", " Corp.", " Ltd",
                    " plc", " PLC", " S.A.", " Co", " Company", " inc", ".", "/", "\u{e9}", "x",
                    "\n",
                ]),
                0..30,
            ),
            list in proptest::collection::vec(
                proptest::sample::select(vec!["", "a", "b", "A", "ab", "Zentrix"]),
                0..25,
            ),
        ) {
            let t = parts.concat();
            let words: Vec<&str> = t.split(' ').collect();
            for n in ["Zentrix", "ZENTRIX", "Zentrix Inc.", ""] {
                for comma in ["", ","] {
                    for w in &words {
                        let form = format!("{n}{comma} {w}");
                        proptest::prop_assert!(is_form(&form, n, comma, w));
                        proptest::prop_assert_eq!(is_form(&t, n, comma, w), t == form);
                    }
                }
            }
            let list: Vec<String> = list.into_iter().map(String::from).collect();
            proptest::prop_assert_eq!(dedup_aliases(list.clone()), dedup_reference(list));
        }
    }

    /// The label and fiscal-year searches from the first `date` / `fiscal`
    /// give what the regexes on the whole text gave (the former code), on the
    /// samples and at the edges (long s, case, a label inside a word, none).
    #[test]
    fn literal_starts_match_whole_text_regex() {
        let mut texts = line_filter_texts();
        texts.extend(
            [
                "Zentrix closed its FI\u{17f}CAL YEAR ENDED June 30, 2024.",
                "fiscal 2024; the fiscal\tyear ending on March 31 and FISCAL YEAR END December 31",
                "Fiscal year ended Smarch 3, fiscal year ended May 5",
                "ZTX-101 update of  report\n\nDATE OF REPORT (Date of earliest event reported): May 1, 2024",
                "Date\u{a0}of Report: June 2, 2023\nDate of\nReport",
                "dAtE oF rEpOrT\nMarch 3, 2022",
                "date date of report",
                "no label here",
            ]
            .map(String::from),
        );
        for t in &texts {
            let lower = lc(t);
            let plain_label = DATE_OF_REPORT.as_ref().and_then(|r| r.find(t));
            assert_eq!(
                report_label(t, &lower),
                plain_label.map(|m| m.range()),
                "{t:.80?}"
            );
            let plain_fiscal = captures(&FISCAL, t)
                .next()
                .and_then(|(_, c)| month(c.get(1)?.as_str()));
            assert_eq!(fiscal_month(t, &lower), plain_fiscal, "{t:.80?}");
        }
        // Only ASCII letters case-fold to those of `date` and `fiscal`, but
        // for `ſ` (long s) to `s`.
        let Ok(fold) = Regex::new("(?i)[datefical]") else {
            panic!("regex")
        };
        let Ok(fold_s) = Regex::new("(?i)s") else {
            panic!("regex")
        };
        let others = |keep: &str| -> String {
            (0..=0x10_ffffu32)
                .filter_map(char::from_u32)
                .filter(|c| !keep.contains(*c))
                .collect()
        };
        assert!(!fold.is_match(&others("dateficlDATEFICL")));
        assert!(!fold_s.is_match(&others("sS\u{17f}")));
    }

    /// The former `is_suffix`, without the first-letter check.
    fn is_suffix_reference(w: &str) -> bool {
        let word = w.trim_end_matches([',', '.']);
        SUFFIXES.iter().any(|s| {
            *s == word
                || (s.len() >= 3
                    && s.eq_ignore_ascii_case(word)
                    && word.starts_with(|c: char| c.is_uppercase()))
        })
    }

    /// The line-filtered `FORM` and `Item` searches and the quick suffix
    /// rejection give what the regexes on the whole text and the plain suffix
    /// scan give, on the samples and at the edges (Kelvin sign, long s, CR,
    /// a `FORM` line past the first 5000 bytes).
    #[test]
    fn line_filters_match_whole_text_search() {
        for t in line_filter_texts() {
            let want_form = FORM
                .as_ref()
                .and_then(|r| r.captures(head(&t, 5000)))
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_ascii_uppercase());
            assert_eq!(form(&t, &lc(&t)), want_form, "{t:.80?}");
            let mut want_items: Vec<String> = ITEM
                .as_ref()
                .map(|r| {
                    r.captures_iter(&t)
                        .filter_map(|c| Some(c.get(1)?.as_str().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            want_items.sort();
            want_items.dedup();
            assert_eq!(items(&t, &lc(&t), None), want_items, "{t:.80?}");
            for w in t.split([' ', '\n', '\t']) {
                assert_eq!(is_suffix(w), is_suffix_reference(w), "{w:?}");
            }
        }
        for w in [
            "plc",
            "PLC",
            "Plc",
            "inc.",
            "Inc.",
            "INC,",
            "S.p.A.",
            "",
            ".",
            "\u{c9}tat",
        ] {
            assert_eq!(is_suffix(w), is_suffix_reference(w), "{w:?}");
        }
        let t = "FORM 8-\u{212a}\n form 6-K";
        assert_eq!(form(t, &lc(t)).as_deref(), Some("6-K"));
        let t = "x\n\t Item 2.02 y\nItem 9.01";
        assert_eq!(items(t, &lc(t), None), ["2.02", "9.01"]);
    }

    #[test]
    fn regexes_compile() {
        for r in [
            &DATE,
            &DATE_OF_REPORT,
            &DATE_OF_REPORT_AT,
            &FISCAL_AT,
            &FORM,
            &ITEM,
            &FISCAL,
            &TICKER,
            &FILE_DATE,
        ] {
            assert!(r.is_some());
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, dd)
    }

    #[test]
    fn report_dates() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            (
                "Date of Report (Date of earliest event reported): October 27, 2011\n",
                d(2011, 10, 27),
            ),
            (
                "Date of Report (Date of earliest event reported):\nApril 15, 2025\n",
                d(2025, 4, 15),
            ),
            (
                "April 15, 2025\n(Date of Report (Date of earliest event reported))\n",
                d(2025, 4, 15),
            ),
            (
                "Headline\nWALTHAM, MA, October 27, 2011 — Zentrix, Inc. today",
                d(2011, 10, 27),
            ),
            (
                "Edmonton, Alberta, Canada March 17, 2025. Pacylex",
                d(2025, 3, 17),
            ),
            ("Silicon Valley, CA (April 16, 2025) – ABVC", d(2025, 4, 16)),
            ("BOSTON, Feb. 3, 2024 /PRNewswire/ -- X", d(2024, 2, 3)),
        ];
        for (t, want) in cases {
            let mut info = DocInfo::default();
            fill(&mut info, t, None, "x.txt");
            assert_eq!(info.report_date, *want, "{t:?}");
        }
    }

    #[test]
    fn names() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Date of Report: January 31, 2014\nZentrix, Inc.\n(Exact name of registrant as specified in its charter)\n",
                "Zentrix",
                &["Zentrix", "Zentrix, Inc."],
            ),
            (
                "Edmonton, Alberta, Canada March 17, 2025. Pacylex Pharmaceuticals Inc. (Pacylex) is a company",
                "Pacylex Pharmaceuticals",
                &[
                    "Pacylex Pharmaceuticals",
                    "Pacylex Pharmaceuticals Inc.",
                    "Pacylex",
                ],
            ),
            (
                "Silexion Therapeutics Corp. (NASDAQ: SLXN) (\"Silexion\" or the \"Company\"), a biotech",
                "Silexion Therapeutics",
                &[
                    "Silexion Therapeutics",
                    "Silexion Therapeutics Corp.",
                    "Silexion",
                ],
            ),
            (
                "Clinical-stage biopharmaceutical company Candel Therapeutics, Inc. (NASDAQ: CADL) reported",
                "Candel Therapeutics",
                &["Candel Therapeutics", "Candel Therapeutics, Inc."],
            ),
        ];
        for (t, name, aliases) in cases {
            let (n, a) = registrant(t, &lc(t), None);
            assert_eq!(n.as_deref(), Some(*name), "{t:?}");
            for x in *aliases {
                assert!(a.iter().any(|y| y == x), "{x} not in {a:?}");
            }
        }
    }

    #[test]
    fn fiscal_year_and_items() {
        let mut info = DocInfo::default();
        fill(
            &mut info,
            "FORM 8-K\nITEM 9.01. FINANCIAL\nItem 2.02 Results\nnet loss for its fiscal year ending June 30, 2012",
            None,
            "x",
        );
        assert_eq!(info.fiscal_year_end_month, Some(6));
        assert_eq!(info.items, ["2.02", "9.01"]);
        assert_eq!(info.form.as_deref(), Some("8-K"));
        assert_eq!(title_case("ABVC BIOPHARMA, INC."), "ABVC Biopharma, Inc.");
    }

    /// The sample texts (normalized) and some edge cases.
    fn sample_texts() -> Vec<String> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut v: Vec<String> = Vec::new();
        for dir in ["data/filings", "benches/data"] {
            for e in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                v.push(ingest_file(&e.path()).map(|d| d.text).unwrap_or_default());
            }
        }
        assert!(v.len() >= 5 && v.iter().all(|t| t.len() > 1000));
        v.extend(
            [
                "AAAA aaa AaA aAa\nAAA",
                "x Zentrix, Inc. ZENTRIX, INC. zentrix, inc. ZentrixX É Zentrix",
                "  Item 2.02 Results\n\tITEM 9.01. Fin\nitem\t1.01 x\nItems 3.02\nItem 5.5\nxItem 1.01\nItem 7.01",
                "zentrıx İtem 1.01\nİtem 2.02\n\u{212a}",
                "",
            ]
            .map(String::from),
        );
        v
    }

    /// The former scan of `spellings`: every position, case-insensitive compare.
    fn spellings_reference(text: &str, name: &str) -> Vec<String> {
        let n = name.as_bytes();
        let mut out: Vec<String> = Vec::new();
        if n.len() < 3 {
            return out;
        }
        let hay = text.as_bytes();
        for i in 0..hay.len() {
            if hay
                .get(i..i + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
                && !hay
                    .get(i.wrapping_sub(1))
                    .is_some_and(u8::is_ascii_alphanumeric)
                && !hay.get(i + n.len()).is_some_and(u8::is_ascii_alphanumeric)
                && let Some(s) = text.get(i..i + n.len())
                && s.chars().any(char::is_uppercase)
                && !out.iter().any(|o| o == s)
            {
                out.push(s.to_string());
                if out.len() > 6 {
                    break;
                }
            }
        }
        out
    }

    /// The search shortcuts (lowercased copy + memmem, ITEM lines only, ticker
    /// up to the first `)`) give what the plain whole-text scans gave.
    #[test]
    fn shortcuts_match_plain_scans() {
        let mut spelled = 0;
        for t in sample_texts() {
            let lower = t.to_ascii_lowercase();
            let mut names: Vec<String> = t
                .split_whitespace()
                .filter(|w| w.len() >= 3)
                .take(300)
                .map(String::from)
                .collect();
            names.extend(["AAA", "Zentrix, Inc.", "Zentrix", "aAa", "x É"].map(String::from));
            for n in &names {
                let fast = spellings(&t, lower.as_bytes(), n);
                assert_eq!(fast, spellings_reference(&t, n), "{n:?}");
                spelled += fast.len();
            }
            let needle = "exact name of registrant";
            let plain = t
                .as_bytes()
                .windows(needle.len())
                .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
            assert_eq!(
                memchr::memmem::find(lower.as_bytes(), needle.as_bytes()),
                plain
            );
            let plain_items: Vec<String> = captures(&ITEM, &t)
                .filter_map(|(_, c)| Some(c.get(1)?.as_str().to_string()))
                .collect();
            let mut plain_items = plain_items;
            plain_items.sort();
            plain_items.dedup();
            assert_eq!(items(&t, lower.as_bytes(), None), plain_items);
            let Some(re) = TICKER.as_ref() else {
                panic!("TICKER")
            };
            for (k, _) in t.match_indices('(') {
                let rest = t.get(k..).unwrap_or("");
                let plain = re.find(rest).filter(|m| m.start() == 0).map(|m| m.end());
                let upto = rest.find(')').map_or(0, |k| k + 1);
                let fast = re
                    .find(rest.get(..upto).unwrap_or(""))
                    .filter(|m| m.start() == 0)
                    .map(|m| m.end());
                assert_eq!(fast, plain, "{rest:.40?}");
            }
        }
        assert!(spelled > 100, "{spelled}");
        // The ITEM line filter assumes that only ASCII letters case-fold to
        // `i`, `t`, `e`, `m`.
        let Ok(fold) = Regex::new("(?i)[item]") else {
            panic!("regex")
        };
        let others: String = (0..=0x10_ffffu32)
            .filter_map(char::from_u32)
            .filter(|c| !"itemITEM".contains(*c))
            .collect();
        assert!(!fold.is_match(&others));
    }

    #[derive(serde::Deserialize)]
    struct Gold {
        report_date: String,
        registrant: GoldOrg,
    }
    #[derive(serde::Deserialize)]
    struct GoldOrg {
        name: String,
        aliases: Vec<String>,
    }

    /// Every sample file (dev + practice) against its gold report date and registrant.
    #[test]
    fn samples_match_gold() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut n = 0;
        let mut failures = Vec::new();
        for set in ["dev", "practice"] {
            let Ok(rd) = std::fs::read_dir(root.join(set)) else {
                continue;
            };
            let mut files: Vec<PathBuf> = rd.filter_map(|e| Some(e.ok()?.path())).collect();
            files.sort();
            for f in files {
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if name.ends_with(".json") || name.ends_with(".tsv") {
                    continue;
                }
                let gold_path = f.with_file_name(format!("{name}.gold.json"));
                let Ok(g) = std::fs::read_to_string(&gold_path) else {
                    continue;
                };
                let gold: Gold = serde_json::from_str(&g).unwrap_or_else(|e| panic!("{name}: {e}"));
                let doc = ingest_file(&f).unwrap_or_else(|e| panic!("{e}"));
                n += 1;
                let got_date = doc
                    .info
                    .report_date
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                if got_date != gold.report_date {
                    failures.push(format!("{name}: date {got_date} != {}", gold.report_date));
                }
                let reg = doc.info.registrant.clone().unwrap_or_default();
                let reg_ok = reg == gold.registrant.name || gold.registrant.aliases.contains(&reg);
                let alias_ok = doc.info.registrant_aliases.contains(&gold.registrant.name);
                if !reg_ok || !alias_ok {
                    failures.push(format!(
                        "{name}: registrant {reg:?} / {:?} vs {:?}",
                        doc.info.registrant_aliases, gold.registrant.name
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        assert!(n == 0 || n >= 12, "only {n} samples");
    }
}
