//! Surface mentions in one sentence: compound names (code, nonproprietary, brand, conjugate), organization names, targets, phases with their cue words, and money amounts.

use super::cues::Cues;
use super::lexicon::{self, ADC_PAYLOADS, LEXICON};
use crate::model::{Phase, name_key};
use regex::Regex;
use std::sync::LazyLock;

/// What shape a compound name has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameShape {
    /// A code name: letters and digits (`ABC-123`, `XYZ 12-3456`).
    Code,
    /// A nonproprietary (INN/USAN) name by stem (`vorinostat`).
    Nonproprietary,
    /// A brand name marked `®`/`™` (`Brandix®`).
    Brand,
    /// An antibody–payload name (`huX123-DM1`).
    Conjugate,
    /// A name known only because a cue made it an alias of another.
    Alias,
}

/// A found mention: byte range within the searched string and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What was found.
    pub what: T,
}

// ---------------------------------------------------------------- compounds

/// Code names: a 2–6 letter prefix (or a lowercase letter and 2–4 capitals,
/// `mRNA-1273`), an optional hyphen or space, 2–8 digits, an optional
/// `-digits` part and an optional trailing letter with up to three digits
/// (`DS-8201a`, `BNT162b2`).
static CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([A-Z][A-Za-z]{0,4}[A-Z]|[a-z][A-Z]{2,4})([-‑ ]?)(\d{2,8})(?:-(\d{1,6}))?([A-Za-z]\d{0,3})?(?-u:\b)",
    )
    .expect("static regex")
});

/// The `(start, end)` byte ranges of the [`CODE_RE`] matches in `s`, in
/// order, as `CODE_RE.find_iter(s)` gives them: read off the bytes by
/// [`ascii_code_matches`], or found by the pattern where that declines.
///
/// Why: the pattern's search costs about twelve instructions per byte of
/// a sentence (its lazy DFA walks every byte, and each match is searched
/// for again backwards for its start), 1 700 per sentence with a code
/// joint in the sample filings; the reader skips the bytes that are
/// neither digits nor non-ASCII eight at a time and looks closer only at
/// the start of each run of digits, about 1 000 per such sentence.
fn code_matches(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if ascii_code_matches(s, &mut out).is_none() {
        out.clear();
        out.extend(CODE_RE.find_iter(s).map(|m| (m.start(), m.end())));
    }
    out
}

/// ASCII word byte or not, as `(?-u:\b)` sees it, at offset `k` of `b`
/// (`false` past the end).
fn word_at(b: &[u8], k: usize) -> bool {
    b.get(k).copied().is_some_and(is_word_byte)
}

/// Whether `(?-u:\b)` holds at offset `k > 0` of `b`.
fn boundary_at(b: &[u8], k: usize) -> bool {
    word_at(b, k - 1) != word_at(b, k)
}

/// How many ASCII digits `b` has from offset `k`.
fn digit_run(b: &[u8], k: usize) -> usize {
    b.get(k..)
        .unwrap_or(&[])
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// A byte [`ascii_code_matches`] must look at: an ASCII digit or a byte
/// of a non-ASCII character.
fn code_byte(c: u8) -> bool {
    (c.wrapping_sub(b'0') < 10) | (c >= 0x80)
}

/// The offset of the first [`code_byte`] of `b` from `k`, if any: eight
/// bytes at a time as one `u64`, then byte by byte at the end.
///
/// In a word `x`, a byte `c` has its high bit set in `x` when it is not
/// ASCII; otherwise (`y`, the bytes' low seven bits, so that no sum
/// carries into the next byte) `c + 0x50` has it when `c >= 0x30` and
/// `c + 0x46` when `c >= 0x3A`: a digit has the first and not the second.
/// The lowest byte with its high bit set in the result is the first
/// [`code_byte`], as bytes are read little-endian.
fn next_code_byte(b: &[u8], mut k: usize) -> Option<usize> {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    const FROM_0: u64 = u64::from_le_bytes([0x50; 8]);
    const PAST_9: u64 = u64::from_le_bytes([0x46; 8]);
    while let Some(word) = b
        .get(k..k + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
        .map(u64::from_le_bytes)
    {
        let y = word & LOW7;
        let found = (word | ((y + FROM_0) & !(y + PAST_9))) & HIGH;
        if found != 0 {
            return Some(k + (found.trailing_zeros() / 8) as usize);
        }
        k += 8;
    }
    Some(k + b.get(k..)?.iter().position(|&c| code_byte(c))?)
}

/// Where the `CODE_RE` match whose digits start at `j` ends, given that
/// its prefix and separator precede `j`: the pattern's tail
/// `(\d{2,8})(?:-(\d{1,6}))?([A-Za-z]\d{0,3})?(?-u:\b)` tried in its own
/// order (greedy counts from the largest, an optional group before its
/// absence), over ASCII digits only (see [`ascii_code_matches`] for why
/// that is enough).
fn code_tail_end(b: &[u8], j: usize) -> Option<usize> {
    // `([A-Za-z]\d{0,3})?(?-u:\b)` from `p`.
    let suffix = |p: usize| -> Option<usize> {
        if b.get(p).is_some_and(u8::is_ascii_alphabetic) {
            let most = digit_run(b, p + 1).min(3);
            if let Some(e) = (0..=most)
                .rev()
                .map(|n| p + 1 + n)
                .find(|&e| boundary_at(b, e))
            {
                return Some(e);
            }
        }
        boundary_at(b, p).then_some(p)
    };
    let most = digit_run(b, j).min(8);
    (2..=most).rev().map(|n| j + n).find_map(|p1| {
        let dashed = (b.get(p1) == Some(&b'-'))
            .then(|| {
                let most = digit_run(b, p1 + 1).min(6);
                (1..=most).rev().find_map(|n| suffix(p1 + 1 + n))
            })
            .flatten();
        dashed.or_else(|| suffix(p1))
    })
}

/// The [`CODE_RE`] match whose first digit is `b[j]`, an ASCII digit after
/// no digit, if any: the pattern read by hand at its only possible start.
///
/// A match's prefix is ASCII letters and is followed by a separator or a
/// digit, so it is the whole run of letters from its start, and its start
/// must have a non-word byte (or the text's start) before it for the
/// opening `\b`: the one start is where the run of letters that ends right
/// before the separator (or the digit) begins. The prefix must then fit
/// one of the two alternatives, which differ in their first letter's case.
/// The separator is taken when present: the digit the pattern needs next
/// is not there otherwise.
fn code_at_digit(b: &[u8], j: usize) -> Option<(usize, usize)> {
    let sep = matches!(b.get(j.checked_sub(1)?), Some(b'-' | b' '));
    let last = j.checked_sub(1 + usize::from(sep))?;
    if !b.get(last)?.is_ascii_uppercase() {
        return None;
    }
    let letters = b
        .get(..=last)?
        .iter()
        .rev()
        .take(7)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let start = last + 1 - letters;
    if start > 0 && word_at(b, start - 1) {
        return None;
    }
    let first = *b.get(start)?;
    let fits = if first.is_ascii_uppercase() {
        // `[A-Z][A-Za-z]{0,4}[A-Z]`
        (2..=6).contains(&letters)
    } else {
        // `[a-z][A-Z]{2,4}`
        (3..=5).contains(&letters) && b.get(start + 1..=last)?.iter().all(u8::is_ascii_uppercase)
    };
    if !fits {
        return None;
    }
    Some((start, code_tail_end(b, j)?))
}

/// The [`CODE_RE`] matches of `s`, pushed to `out` in order, read off its
/// bytes; `None` (with `out` part filled) when `s` has a numeric
/// character or `‑` (U+2011) that is not ASCII right after an ASCII
/// letter, digit or `-`, or after a capital and a space: there a match
/// might use it.
///
/// Why this is the pattern's `find_iter`: every match has its first digit
/// right after its prefix's last capital or a separator after it, and so
/// at the start of a run of digits; [`code_at_digit`] reads the only match
/// that can have its first digit there. Matches have distinct, increasing
/// first digits and starts in the same order (a later start lies past the
/// earlier run of letters), so trying each run of digits in turn, the
/// first that yields a match yields the leftmost one, as the pattern's
/// search does; the search then goes on from the match's end, and so does
/// the scan (a match ends in a word byte and before a non-word byte, so no
/// later match starts inside it).
///
/// Non-ASCII characters: the pattern's prefix and letters are ASCII, its
/// `\b` ASCII, but its `\d` and the separator `‑` (U+2011) are not. The
/// first non-ASCII character any way through the pattern could read is a
/// decimal digit (which `char::is_numeric` accepts) or `‑`, right after
/// an ASCII letter, digit, `-`, or a space after a capital. With no such
/// character (checked at every non-ASCII lead byte the scan meets: the
/// bytes it passes over inside a match are ASCII), a non-ASCII byte is
/// simply a non-word byte that no part of the pattern takes, which is how
/// the reader treats it.
fn ascii_code_matches(s: &str, out: &mut Vec<(usize, usize)>) -> Option<()> {
    let b = s.as_bytes();
    let mut k = 0;
    while let Some(i) = next_code_byte(b, k) {
        let c = *b.get(i)?;
        let before = |n: usize| i.checked_sub(n).and_then(|p| b.get(p)).copied();
        if c >= 0xC0 {
            let after_word = before(1).is_some_and(|p| p.is_ascii_alphanumeric() || p == b'-');
            let after_capital_space =
                before(1) == Some(b' ') && before(2).is_some_and(|p| p.is_ascii_uppercase());
            if (after_word || after_capital_space)
                && s.get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|ch| ch.is_numeric() || ch == '\u{2011}')
            {
                return None;
            }
            k = i + 1;
        } else if c >= 0x80 {
            k = i + 1;
        } else if let Some((start, end)) = code_at_digit(b, i) {
            out.push((start, end));
            k = end;
        } else {
            // The run's other digits do not start a run.
            k = i + 1 + digit_run(b, i + 1);
        }
    }
    Some(())
}

/// `(prefix, separator, digits)`, groups 1 to 3 of a [`CODE_RE`] match
/// `t`, read off its text: the prefix is the match's leading letters (the
/// separator or a digit follows it), the separator is a `-` or space right
/// after, the digits run to the next non-digit (a digit after the group
/// would break the closing word boundary). `None` for non-ASCII text (a
/// `‑` separator, Unicode digits), left to the capture groups.
fn code_parts(t: &str) -> Option<(&str, &str, &str)> {
    if !t.is_ascii() {
        return None;
    }
    let b = t.as_bytes();
    let p = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let q = p + usize::from(matches!(b.get(p), Some(b'-' | b' ')));
    let d = b
        .get(q..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if p == 0 || !(2..=8).contains(&d) {
        return None;
    }
    Some((t.get(..p)?, t.get(p..q)?, t.get(q..q + d)?))
}

/// Conjugate names `<antibody>-<payload>` (`huX123-DM4`, `T-DM1`).
static CONJ_RE: LazyLock<Regex> = LazyLock::new(|| {
    let payloads: Vec<String> = ADC_PAYLOADS.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(
        r"(?-u:\b)([A-Za-z][A-Za-z0-9]*)-(?:{})(?-u:\b)",
        payloads.join("|")
    ))
    .expect("static regex")
});

/// A candidate nonproprietary name found by [`inn_candidates`]: byte
/// offsets into the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct InnCandidate {
    /// Start of the word (of its `ado-`/`fam-` prefix when there is one).
    start: usize,
    /// End of the first word (`trastuzumab` in `trastuzumab emtansine`).
    word_end: usize,
    /// End of the whole candidate, after the conjugate second word if any.
    end: usize,
    /// Whether a conjugate second word (`emtansine`, `vedotin`) follows.
    second: bool,
}

/// ASCII word byte, as the regex crate's `(?-u:\b)` sees it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Words that may be INNs, left to right without overlaps: an optional
/// `ado-`/`fam-` prefix, an ASCII letter and at least five lowercase
/// letters, an optional `-suffix` of at least three lowercase letters, and
/// an optional conjugate second word ([`lexicon::CONJUGATE_SECOND_WORDS`])
/// after whitespace, all on ASCII word boundaries.
///
/// This is the leftmost-first reading of
/// `\b((?:ado-|fam-)?[A-Za-z][a-z]{5,}(?:-[a-z]{3,})?)(\s+(?:second words))?\b`,
/// written out by hand: that regex matched nearly every long word of a
/// filing and resolved capture groups for each, the single largest cost of
/// extraction (see BENCHMARKS.md).
fn inn_candidates(s: &str) -> Vec<InnCandidate> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let at_word_start = b.get(i).copied().is_some_and(is_word_byte)
            && (i == 0 || b.get(i - 1).copied().is_some_and(|c| !is_word_byte(c)));
        if !at_word_start {
            i += 1;
            continue;
        }
        if let Some(c) = inn_candidate_at(s, i) {
            out.push(c);
            i = c.end.max(i + 1);
        } else {
            // No match can start inside this word: skip to its end.
            i += 1;
            while b.get(i).copied().is_some_and(is_word_byte) {
                i += 1;
            }
        }
    }
    out
}

/// The candidate starting at word start `i`, if any (see [`inn_candidates`]).
fn inn_candidate_at(s: &str, i: usize) -> Option<InnCandidate> {
    let b = s.as_bytes();
    let rest = s.get(i..)?;
    let q = if rest.starts_with("ado-") || rest.starts_with("fam-") {
        i + 4
    } else {
        i
    };
    if !b.get(q)?.is_ascii_alphabetic() {
        return None;
    }
    let lower_run = |from: usize| {
        let mut r = from;
        while b.get(r).is_some_and(|c| c.is_ascii_lowercase()) {
            r += 1;
        }
        r
    };
    let r = lower_run(q + 1);
    if r - (q + 1) < 5 {
        return None;
    }
    // Greedy optional `-suffix`, given up when no boundary follows it.
    if b.get(r) == Some(&b'-') {
        let r2 = lower_run(r + 1);
        if r2 - (r + 1) >= 3
            && let Some(c) = inn_tail(s, i, r2)
        {
            return Some(c);
        }
    }
    inn_tail(s, i, r)
}

/// Completes a candidate whose first word is `s[start..word_end]`: a
/// conjugate second word when one follows, else a word boundary.
fn inn_tail(s: &str, start: usize, word_end: usize) -> Option<InnCandidate> {
    let b = s.as_bytes();
    let after = s.get(word_end..)?;
    // One ASCII space before a printable ASCII byte, or no space at all,
    // is told by the first two bytes: the general trim runs only for other
    // whitespace (no printable ASCII byte is whitespace).
    let trimmed = match after.as_bytes() {
        [b' ', c, ..] if c.is_ascii_graphic() => after.get(1..).unwrap_or(""),
        [c, ..] if c.is_ascii_graphic() => after,
        _ => after.trim_start_matches(char::is_whitespace),
    };
    if trimmed.len() < after.len() {
        // A second word matches when the whole next word is one of them
        // (each is lowercase letters, so a boundary must follow it).
        let y = word_end + (after.len() - trimmed.len());
        let next_len = trimmed.bytes().take_while(|&c| is_word_byte(c)).count();
        let next = trimmed.get(..next_len).unwrap_or("");
        if lexicon::is_conjugate_second_word(next) {
            return Some(InnCandidate {
                start,
                word_end,
                end: y + next_len,
                second: true,
            });
        }
    }
    if b.get(word_end).copied().is_some_and(is_word_byte) {
        return None;
    }
    Some(InnCandidate {
        start,
        word_end,
        end: word_end,
        second: false,
    })
}

/// Brand names: a capitalized word right before `®` or `™`.
static BRAND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z0-9-]{2,}(?:\s[A-Z][a-z]+)?)\s?(?:®|™|\(R\)|\(TM\))")
        .expect("static regex")
});

/// Words after a brand's mark that make it a platform or product line,
/// not a compound (compared ignoring ASCII case).
const PLATFORM_WORDS: &[&str] = &[
    "technology",
    "technologies",
    "platform",
    "platforms",
    "system",
    "systems",
    "device",
    "devices",
    "assay",
    "test",
    "program",
    "software",
];

/// The name in a [`BRAND_RE`] match (its first group): the match without
/// its mark and the one whitespace character `\s?` allows before it. The
/// name ends in a letter, digit or hyphen, so where it ends is plain.
fn brand_name(whole: &str) -> Option<&str> {
    let rest = ["®", "™", "(R)", "(TM)"]
        .iter()
        .find_map(|mark| whole.strip_suffix(mark))?;
    let mut chars = rest.chars();
    Some(match chars.next_back() {
        Some(c) if c.is_whitespace() => chars.as_str(),
        _ => rest,
    })
}

/// Capitalized words that may precede a brand without being part of it.
pub const BRAND_STOP: &[&str] = &[
    "For",
    "The",
    "With",
    "And",
    "Of",
    "In",
    "On",
    "Our",
    "Its",
    "Both",
    "Including",
    "Plus",
    "About",
    "Today",
    "New",
    "Oral",
    "Using",
    "Of",
    "From",
    "To",
    "By",
    "As",
    "At",
    "Use",
];

/// Prefixes of alphanumeric tokens that are never compounds: forms, filings,
/// fiscal periods, registries, conferences, units, regions, trial ids.
const NOT_CODE_PREFIXES: &[&str] = &[
    "ITEM", "FORM", "RULE", "EX", "FY", "NCT", "CFR", "COVID", "SARS", "SEC", "ISIN", "ZIP", "TEL",
    "FAX", "USD", "EUR", "CHF", "GBP", "JPY", "CAD", "AUD", "US", "USA", "ASH", "ASCO", "AACR",
    "ESMO", "SABCS", "EHA", "DOD", "IRS", "EIN", "CIK", "FDA", "EMA", "NASDAQ", "NYSE", "AMEX",
    "TSX", "ASX", "SIC", "ADC", "ADCS", "MM", "AML", "CLL", "ALL", "NSCLC", "SCLC", "DLBCL", "MBC",
    "BC", "PFS", "OS", "ORR", "DCR", "CR", "PR", "SD", "PD", "Q", "H", "QTR", "CEO", "CFO", "CMO",
    "COO", "EVP", "SVP", "VP", "PHASE", "STUDY", "TRIAL", "COHORT", "PART", "ARM", "DAY", "DAYS",
    "WEEK", "WEEKS", "MONTH", "YEAR", "YEARS", "NOTE", "NOTES", "TABLE", "PAGE", "ANNEX",
    "SCHEDULE", "EXHIBIT", "SECTION", "ARTICLE", "MAY", "JUNE", "JULY", "MARCH", "APRIL", "JAN",
    "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "AM", "PM", "ET",
    "EST", "EDT", "PST", "GMT", "UTC", "CET", "MG", "KG", "ML", "GY", "MA", "CA", "NY", "NJ", "TX",
    "PA", "MD", "DE", "NV", "WA", "IL", "FL", "GA", "NC", "CT", "CO", "MN", "OH", "MI", "UT", "AZ",
    "OR", "SUITE", "STE", "BOX", "PO", "ROOM", "FLOOR", "UNIT", "BLDG", "CD", "HER", "IL", "TLR",
    "JAK", "CDK", "FGFR", "VEGFR", "HLA", "IGG", "HPV", "HIV", "HBV", "HCV", "CMV", "EBV", "RSV",
    "AAV", "GLP", "LAG", "TIM", "PDL", "IDH", "KRAS", "NRAS", "BRAF", "EGFR", "ERBB", "FOLR",
    "NCAM", "SDC", "MUC", "CEACAM", "CLDN", "TROP", "DLL", "ROR", "CCR", "CXCR", "APOC", "SOD",
    "DM", "MMAE", "MMAF", "SN", "ECOG", "RECIST", "WHO", "ICH", "GCP", "GMP", "ISO", "IPO", "ATM",
    "ASC", "ASU", "IFRS", "IAS", "FASB", "SFAS", "EITF", "SPAC", "ADR", "ADS", "LLC", "INC",
    "CORP", "NO", "NUMBER", "VERSION", "APPENDIX", "FIGURE", "FIG", "REF", "TOP", "UP", "AGE",
    "AGES", "GRADE", "STAGE", "LEVEL", "SIZE", "TYPE", "CLASS", "SERIES", "ROUND", "TRANCHE",
    "WARRANT", "LOT", "BATCH", "PATENT", "PCT", "EP", "WO", "JP", "CN", "KR", "DA", "IND", "NDA",
    "BLA", "MAA", "CTA", "PDUFA", "ODD", "BTD", "RMAT", "PRIME", "GAAP", "EBITDA", "EPS", "NOL",
];

/// [`NOT_CODE_PREFIXES`] as a set: [`code_is_excluded`] looks up the
/// prefix of every code-shaped match, and a scan of the list compared it
/// with some three hundred entries.
static NOT_CODE_PREFIX_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| NOT_CODE_PREFIXES.iter().copied().collect());

/// `parts` joined on the stack with `case` applied (an ASCII case
/// mapping): `None` when they are not all ASCII or do not fit, for the
/// caller to take the allocating way. Code prefixes and digits are a few
/// ASCII bytes.
fn ascii_joined<'b>(buf: &'b mut [u8; 24], parts: &[&str], case: fn(&mut [u8])) -> Option<&'b str> {
    let mut n = 0;
    for p in parts {
        if !p.is_ascii() {
            return None;
        }
        buf.get_mut(n..n + p.len())?.copy_from_slice(p.as_bytes());
        n += p.len();
    }
    let out = buf.get_mut(..n)?;
    case(out);
    std::str::from_utf8(out).ok()
}

/// True for text that looks like a code name but is a year-like number after
/// a conference or region (`ASCO 2024`), a zip code (`MA 02451`) or the like.
///
/// The prefix is uppercased and the target key built on the stack, and the
/// prefix looked up in [`NOT_CODE_PREFIX_SET`]. The key is `name_key` of
/// prefix and digits: for ASCII letters and digits (what `CODE_RE` takes,
/// but for Unicode digits, which take the allocating way) that is their
/// lowercase, as `name_key` keeps ASCII alphanumerics and lowercases them.
fn code_is_excluded(prefix: &str, sep: &str, digits: &str) -> bool {
    let mut buf = [0u8; 24];
    let excluded_prefix = match ascii_joined(&mut buf, &[prefix], <[u8]>::make_ascii_uppercase) {
        Some(up) => NOT_CODE_PREFIX_SET.contains(up),
        None => NOT_CODE_PREFIX_SET.contains(prefix.to_ascii_uppercase().as_str()),
    };
    if excluded_prefix {
        return true;
    }
    // Mixed-case prefixes ("Study 003", "Phase 2") are words, not codes,
    // unless they have an inner capital (`huN`) which the conjugate rule handles.
    if prefix.chars().skip(1).any(|c| c.is_ascii_lowercase()) {
        return true;
    }
    // A lowercase initial before capitals (`mRNA-1273`) only with a hyphen
    // and three digits or more: "eGFR 2" or "mAb 12" are no codes.
    if prefix.starts_with(|c: char| c.is_ascii_lowercase())
        && (sep == " " || sep.is_empty() || digits.len() < 3)
    {
        return true;
    }
    if sep == " " {
        // "AMG 510" yes; "ASCO 2024" (a year), "MA 02451" (a zip code) no.
        if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
            return true;
        }
        if digits.len() == 5 && prefix.len() == 2 {
            return true;
        }
        if digits.len() > 6 {
            return true;
        }
    }
    // Target gene symbols with digits (CD19, FOLR1) are targets, not codes.
    let alnum = prefix
        .bytes()
        .chain(digits.bytes())
        .all(|c| c.is_ascii_alphanumeric());
    match ascii_joined(&mut buf, &[prefix, digits], <[u8]>::make_ascii_lowercase) {
        Some(key) if alnum => LEXICON.target_by_key.contains_key(key),
        _ => LEXICON
            .target_by_key
            .contains_key(&name_key(&format!("{prefix}{digits}"))),
    }
}

/// Finds compound-name candidates in `s`, left to right, without overlaps.
///
/// # Example
/// ```
/// use pipegraph::extract::mentions::{find_compounds, NameShape};
/// let s = "Bayer's XYZ 12-3456 and vorinostat (QRX-001) but not CD19 or Form 8-K.";
/// let got: Vec<(&str, NameShape)> = find_compounds(s).iter().map(|f| (&s[f.start..f.end], f.what)).collect();
/// assert_eq!(got, [("XYZ 12-3456", NameShape::Code), ("vorinostat", NameShape::Nonproprietary), ("QRX-001", NameShape::Code)]);
/// ```
pub fn find_compounds(s: &str) -> Vec<Found<NameShape>> {
    find_compounds_cued(s, Cues::ALL)
}

/// [`find_compounds`] for a sentence whose [`Cues`] are known: patterns
/// whose anchors the sentence lacks are not run (same result, less work).
pub fn find_compounds_cued(s: &str, cues: Cues) -> Vec<Found<NameShape>> {
    let mut out: Vec<Found<NameShape>> = Vec::new();
    // Each pattern runs inside an `if` of its cue: a loop over an `Option`
    // of its iterator would move the (large) iterators about and go
    // through `Flatten` on every sentence, for the same items.
    if cues.has(Cues::CONJUGATE) {
        for m in CONJ_RE.find_iter(s) {
            out.push(Found {
                start: m.start(),
                end: m.end(),
                what: NameShape::Conjugate,
            });
        }
    }
    if cues.has(Cues::CODE) {
        for (start, end) in code_matches(s) {
            let whole = s.get(start..end).unwrap_or("");
            let Some((prefix, sep, digits)) = code_parts(whole).or_else(|| {
                let c = CODE_RE.captures(whole)?;
                Some((c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str()))
            }) else {
                continue;
            };
            if code_is_excluded(prefix, sep, digits) {
                continue;
            }
            // "Item 2.02"-like decimals and phone numbers: a dot or digit-dash right after.
            let after = s.get(end..).unwrap_or("");
            if after.starts_with('.')
                && after
                    .get(1..2)
                    .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
            {
                continue;
            }
            out.push(Found {
                start,
                end,
                what: NameShape::Code,
            });
        }
    }
    if cues.has(Cues::INN) {
        for c in inn_candidates(s) {
            let w = s.get(c.start..c.word_end).unwrap_or("");
            let base = w
                .strip_prefix("ado-")
                .or_else(|| w.strip_prefix("fam-"))
                .unwrap_or(w);
            // A capitalized word is an INN only at a sentence or heading start
            // or with a conjugate second word; brands are found by ® instead.
            let capital = base.chars().next().is_some_and(|c| c.is_uppercase());
            if !lexicon::is_inn_word(base) {
                continue;
            }
            if lexicon::is_conjugate_second_word_ignoring_ascii_case(base) {
                continue;
            }
            // A capitalized stem word mid-sentence counts when it is long enough
            // to be a drug name rather than a proper noun ("Epirubicin").
            if capital && !c.second && base.len() < 8 {
                let before = s.get(..c.start).unwrap_or("").trim_end();
                let at_start = before.is_empty()
                    || before.ends_with(['.', ':', '(', '—', '-', '"', '“', '·', '•'])
                    || before
                        .chars()
                        .rev()
                        .take_while(|c| !c.is_whitespace())
                        .count()
                        == 0;
                if !at_start {
                    continue;
                }
            }
            out.push(Found {
                start: c.start,
                end: c.end,
                what: NameShape::Nonproprietary,
            });
        }
    }
    if cues.has(Cues::BRAND) {
        // Matches, not captures: the name is the match without its mark
        // (see `brand_name`), which spares the capture search per match.
        for m in BRAND_RE.find_iter(s) {
            let Some(name) = brand_name(m.as_str()) else {
                continue;
            };
            let name_end = m.start() + name.len();
            // Platforms are not compounds: "Probody™ technology", "XYZ™ platform".
            let after = s.get(m.end()..).unwrap_or("");
            let rest = after.trim_start();
            let next_len = rest
                .char_indices()
                .find(|c| !c.1.is_alphabetic())
                .map_or(rest.len(), |c| c.0);
            let next_word = rest.get(..next_len).unwrap_or("");
            if PLATFORM_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(next_word))
            {
                continue;
            }
            let (mut nstart, mut text) = (m.start(), name);
            if let Some((first, rest)) = text.split_once(' ')
                && BRAND_STOP.contains(&first)
            {
                nstart += first.len() + 1;
                text = rest;
            }
            if LEXICON.not_org.contains(&name_key(text))
                || LEXICON.company_by_key.contains_key(&name_key(text))
            {
                continue;
            }
            out.push(Found {
                start: nstart,
                end: name_end,
                what: NameShape::Brand,
            });
        }
    }
    dedup_overlaps(out)
}

/// Sorts by start and drops any mention overlapping an earlier, longer one.
fn dedup_overlaps<T: Clone>(mut v: Vec<Found<T>>) -> Vec<Found<T>> {
    v.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Found<T>> = Vec::with_capacity(v.len());
    for f in v {
        if let Some(last) = out.last()
            && f.start < last.end
        {
            continue;
        }
        out.push(f);
    }
    out
}

// ---------------------------------------------------------------- organizations

/// Capitalized name followed by a legal or industry suffix
/// (`CytomX Therapeutics, Inc.`, `Biotest AG`, `Acme Pharmaceuticals`).
static ORG_SUFFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b)((?:[A-Z][A-Za-z0-9&'’.-]*(?:\s+(?:of|and|&|de|la|du|the)(?-u:\b))?\s+){0,4}
        (?:[A-Z][A-Za-z0-9&'’.-]*)
        (?:\s+(?:Pharmaceuticals?|Therapeutics|Biosciences|Biotherapeutics|Oncology|Biologics|Biotech|Biotechnology|Biopharma|BioPharma|Biopharmaceuticals|Pharma|Bio|Genetics|Medicines|Sciences|Laboratories|Labs|HealthCare|Healthcare|Health|Holdings|Group|Immunotherapeutics|Vaccines|Diagnostics|Medical))?
        (?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|AG|GmbH|plc|PLC|S\.A\.?|SA|N\.V\.?|NV|ApS|A/S|AB|ASA|Oyj|SE|S\.p\.A\.?|K\.K\.|KK|LLC|L\.L\.C\.|LP|L\.P\.|Co\.,?\s+Ltd\.?|Co\.?|B\.V\.?|Pty\.?\s+Ltd\.?|S\.r\.l\.?|SAS)(?-u:\b)\.?
          |\s+(?:Pharmaceuticals?|Therapeutics|Biosciences|Biotherapeutics|Biologics|Biopharma|BioPharma|Biopharmaceuticals|Pharma|Immunotherapeutics)(?-u:\b)))
        ",
    )
    .expect("static regex")
});

/// Legal suffixes removed from display names.
static LEGAL_SUFFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|AG|GmbH|plc|PLC|S\.A\.?|SA|N\.V\.?|NV|ApS|A/S|AB|ASA|Oyj|SE|S\.p\.A\.?|K\.K\.|KK|LLC|L\.L\.C\.|LP|L\.P\.|Co\.,?\s+Ltd\.?|Co\.?|B\.V\.?|Pty\.?\s+Ltd\.?|S\.r\.l\.?|SAS)\.?$")
        .expect("static regex")
});

/// Removes a trailing legal suffix: `"Acme Therapeutics, Inc."` → `"Acme Therapeutics"`.
///
/// The pattern runs only when the last word (after the last whitespace,
/// trailing dots dropped) is the last word of one of its suffixes
/// (`legal_suffix_last_word`), which every match ends with.
pub fn strip_legal_suffix(name: &str) -> &str {
    let t = name.trim();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    if !legal_suffix_last_word(last.trim_end_matches('.')) {
        return t;
    }
    match LEGAL_SUFFIX_RE.find(t) {
        Some(m) if m.start() > 0 => t.get(..m.start()).unwrap_or(t).trim_end_matches(','),
        _ => t,
    }
}

/// Whether `w` is the last word of a suffix of `LEGAL_SUFFIX_RE` without
/// its trailing dots (`Inc` for `Inc.`, `Ltd` for `Co., Ltd.`, `S.p.A`
/// for `S.p.A.`): a match is whitespace, then the suffix, then dots at
/// most, so its text's last word is one of these. A suffix added to the
/// pattern must be added here.
fn legal_suffix_last_word(w: &str) -> bool {
    matches!(
        w,
        "Inc"
            | "Incorporated"
            | "Corp"
            | "Corporation"
            | "Ltd"
            | "Limited"
            | "AG"
            | "GmbH"
            | "plc"
            | "PLC"
            | "S.A"
            | "SA"
            | "N.V"
            | "NV"
            | "ApS"
            | "A/S"
            | "AB"
            | "ASA"
            | "Oyj"
            | "SE"
            | "S.p.A"
            | "K.K"
            | "KK"
            | "LLC"
            | "L.L.C"
            | "LP"
            | "L.P"
            | "Co"
            | "B.V"
            | "S.r.l"
            | "SAS"
    )
}

/// Words that never start an organization name found by suffix.
const NOT_ORG_START: &[&str] = &[
    "The",
    "A",
    "An",
    "Our",
    "Its",
    "Their",
    "This",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "With",
    "By",
    "From",
    "To",
    "And",
    "Or",
    "Of",
    "As",
    "If",
    "When",
    "While",
    "Such",
    "Other",
    "All",
    "Each",
    "Both",
    "Any",
    "Certain",
    "About",
    "Contact",
    "Contacts",
    "Media",
    "Investors",
    "Investor",
    "Source",
    "Exhibit",
    "Item",
    "Form",
    "Press",
    "Phase",
    "Pursuant",
    "Date",
    "Signature",
    "Signatures",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Ms",
    "Ms.",
    "Mrs",
    "Mrs.",
    "Prof",
    "Prof.",
    "Today",
    "Forward-Looking",
    "Forward",
    "Safe",
    "Under",
    "Following",
    "After",
    "Before",
    "During",
    "Recent",
    "New",
    "Novel",
];

/// Words that lead a phrase ending in an organization name without being
/// part of it ("Press Release of Acme, Inc.", "Chief Executive Officer of Acme").
const GENERIC_LEAD: &[&str] = &[
    "Release",
    "Report",
    "Statement",
    "Statements",
    "Subsidiary",
    "Division",
    "Unit",
    "Affiliate",
    "Chairman",
    "Chair",
    "President",
    "Officer",
    "Director",
    "Directors",
    "Executive",
    "Chief",
    "Founder",
    "Member",
    "Members",
    "Shareholders",
    "Stockholders",
    "Board",
    "Managing",
    "Vice",
    "General",
    "Counsel",
    "Head",
    "Partner",
    "Partners",
    "Details",
    "DetailsAbout",
    "Division",
    "Of",
    "of",
    "Technology",
    "Licensee",
    "Licensor",
    "Investor",
    "Relations",
    "Communications",
    "Corporate",
    "Contact",
    "Stock",
    "Market",
];

/// [`NOT_ORG_START`] and [`GENERIC_LEAD`] in one set: the words
/// [`find_orgs_by_suffix`] trims off the front of a name.
static NOT_NAME_LEAD: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| NOT_ORG_START.iter().chain(GENERIC_LEAD).copied().collect());

/// Finds organization names by legal or industry suffix in `s`.
/// Leading articles and sentence-initial words are trimmed off.
///
/// A leading word is looked up in `NOT_NAME_LEAD` (one hash look-up,
/// where comparing it with each word of both lists took about a hundred),
/// and word counts are bounded with `nth` instead of counted to the end:
/// `count() > n` holds exactly when an `n`-th word (from 0) exists.
pub fn find_orgs_by_suffix(s: &str) -> Vec<Found<String>> {
    find_orgs_by_suffix_spans(s)
        .into_iter()
        .map(|f| Found {
            start: f.start,
            end: f.end,
            what: s.get(f.what).unwrap_or("").to_string(),
        })
        .collect()
}

/// [`find_orgs_by_suffix`] without a copy of each name: `what` is the
/// name's byte range in `s`, for callers that read it off `s` (after a
/// tab, `start` and `end` may leave out whitespace that this range does
/// not, as [`find_orgs_by_suffix`] reports them).
pub fn find_orgs_by_suffix_spans(s: &str) -> Vec<Found<std::ops::Range<usize>>> {
    let mut out = Vec::new();
    for m in ORG_SUFFIX_RE.find_iter(s) {
        let mut start = m.start();
        let mut text = m.as_str();
        // Trim leading non-name words ("The", "Today", ...).
        loop {
            let first: &str = text.split_whitespace().next().unwrap_or("");
            let first_clean = first.trim_end_matches([',', '.']);
            if text.split_whitespace().nth(1).is_some() && NOT_NAME_LEAD.contains(first_clean) {
                let skip = text.find(first).unwrap_or(0) + first.len();
                let rest = text.get(skip..).unwrap_or("");
                let trimmed = rest.trim_start();
                start += skip + (rest.len() - trimmed.len());
                text = trimmed;
            } else {
                break;
            }
        }
        // A name never spans table cells.
        // `text` starts at `start + lead`: `lead` is the whitespace after a
        // tab, which `start` does not skip.
        let mut lead = 0;
        if let Some(tab) = text.rfind('\t') {
            start += tab + 1;
            let cell = text.get(tab + 1..).unwrap_or("");
            text = cell.trim_start();
            lead = cell.len() - text.len();
        }
        let display = strip_legal_suffix(text);
        if display.is_empty() || display.split_whitespace().nth(6).is_some() {
            continue;
        }
        // A bare legal suffix match on a single generic word ("Company Inc") is unlikely; keep.
        if LEXICON.not_org.contains(&name_key(display)) {
            continue;
        }
        let at = start + lead;
        out.push(Found {
            start,
            end: start + text.len(),
            what: at..at + text.len(),
        });
    }
    out
}

/// Aho-Corasick over lexicon company names and variants, case-sensitive,
/// whole words.
static COMPANY_AC: LazyLock<(aho_corasick::AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    names_automaton(
        lexicon::COMPANIES
            .iter()
            .map(|c| std::iter::once(c.name).chain(c.variants.iter().copied())),
    )
});

/// A leftmost-longest automaton over groups of names; the second value maps
/// each pattern to its group's index.
fn names_automaton<'a, G, I>(groups: G) -> (aho_corasick::AhoCorasick, Vec<usize>)
where
    G: Iterator<Item = I>,
    I: Iterator<Item = &'a str>,
{
    let mut pats = Vec::new();
    let mut idx = Vec::new();
    for (i, names) in groups.enumerate() {
        for n in names {
            pats.push(n);
            idx.push(i);
        }
    }
    // A full DFA: built once per process, it scans each byte with one table
    // look-up where the default (a contiguous NFA for large lexicons) follows
    // failure transitions.
    let ac = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&pats)
        .expect("static automaton");
    (ac, idx)
}

/// Finds lexicon companies in `s`: (range, index into [`lexicon::COMPANIES`]).
pub fn find_lexicon_companies(s: &str) -> Vec<Found<usize>> {
    let (ac, idx) = &*COMPANY_AC;
    let mut out = Vec::new();
    for m in ac.find_iter(s) {
        if !word_bounded(s, m.start(), m.end()) {
            continue;
        }
        if let Some(&i) = idx.get(m.pattern().as_usize()) {
            out.push(Found {
                start: m.start(),
                end: m.end(),
                what: i,
            });
        }
    }
    out
}

/// Every match of `pats` in `text`, left to right and without overlaps,
/// taking at each start the longest pattern that matches there: the matches
/// of an Aho-Corasick automaton with leftmost-longest semantics. Returns
/// `(start, end, pattern index)` byte ranges; empty patterns never match.
///
/// Used for the names one document defines (its compounds' aliases, its
/// organizations' variants), found again everywhere in it. Such sets are
/// small, and building a full automaton per document costs more than
/// searching. So the set goes, in order of preference, to a packed (Teddy,
/// SIMD) searcher, which takes up to about 64 patterns and reads the text
/// once; where the CPU or the set does not suit Teddy, up to
/// [`NAME_SCAN_LIMIT`] patterns are each searched with `memmem` and the
/// leftmost-longest matches picked from all occurrences; larger sets use an
/// automaton. All three give the same matches (a test checks).
pub fn find_names(text: &str, pats: &[String]) -> Vec<(usize, usize, usize)> {
    if let Some(found) = find_names_packed(text, pats) {
        return found;
    }
    if pats.len() > NAME_SCAN_LIMIT {
        return find_names_automaton(text, pats);
    }
    find_names_scan(text, pats)
}

/// [`find_names`] by a packed (Teddy) leftmost-longest searcher; `None`
/// when no such searcher can be built for `pats` here (no SIMD support,
/// too many or too short patterns, or no non-empty pattern).
fn find_names_packed(text: &str, pats: &[String]) -> Option<Vec<(usize, usize, usize)>> {
    let nonempty: Vec<usize> = (0..pats.len())
        .filter(|&i| pats.get(i).is_some_and(|p| !p.is_empty()))
        .collect();
    let searcher = aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
        .builder()
        .extend(nonempty.iter().filter_map(|&i| pats.get(i)))
        .build()?;
    Some(
        searcher
            .find_iter(text)
            .filter_map(|m| Some((m.start(), m.end(), *nonempty.get(m.pattern().as_usize())?)))
            .collect(),
    )
}

/// [`find_names`] by one `memmem` search per pattern.
fn find_names_scan(text: &str, pats: &[String]) -> Vec<(usize, usize, usize)> {
    let hay = text.as_bytes();
    let mut all: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in pats.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(p.as_bytes());
        let mut from = 0;
        while let Some(k) = hay.get(from..).and_then(|h| finder.find(h)) {
            let at = from + k;
            all.push((at, at + p.len(), i));
            from = at + 1;
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = Vec::new();
    let mut pos = 0;
    for m in all {
        if m.0 >= pos {
            pos = m.1;
            out.push(m);
        }
    }
    out
}

/// Pattern count up to which [`find_names`] scans pattern by pattern.
pub const NAME_SCAN_LIMIT: usize = 48;

/// [`find_names`] by a leftmost-longest Aho-Corasick automaton.
fn find_names_automaton(text: &str, pats: &[String]) -> Vec<(usize, usize, usize)> {
    let nonempty: Vec<(usize, &String)> = pats
        .iter()
        .enumerate()
        .filter(|p| !p.1.is_empty())
        .collect();
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(nonempty.iter().map(|p| p.1))
    else {
        return Vec::new();
    };
    ac.find_iter(text)
        .filter_map(|m| {
            let &(i, _) = nonempty.get(m.pattern().as_usize())?;
            Some((m.start(), m.end(), i))
        })
        .collect()
}

/// True when `s[start..end]` is not glued to letters or digits on either side.
pub fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let before = s.get(..start).and_then(|b| b.chars().next_back());
    let after = s.get(end..).and_then(|a| a.chars().next());
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

// ---------------------------------------------------------------- targets

/// CD antigens, interleukins and lexicon targets with their cue forms.
static CD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(CD\d{1,3}[a-z]?|IL-\d{1,2}[A-Z]?(?:R|Rα)?|HER[23]|Claudin[\s-]?18\.2|CLDN18\.2)",
    )
    .expect("static regex")
});

static TARGET_AC: LazyLock<(aho_corasick::AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    names_automaton(
        lexicon::TARGETS
            .iter()
            .map(|t| std::iter::once(t.name).chain(t.aliases.iter().copied())),
    )
});

/// A target name found in text: canonical name and its aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetName {
    /// Canonical name.
    pub name: String,
    /// Aliases (lexicon aliases plus the surface form).
    pub aliases: Vec<String>,
}

/// Byte offsets and lengths of the joins of bispecific notation in `s`
/// (see [`split_bispecific`]), left to right.
fn bispecific_joins(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    // `x`, or `×` (U+00D7, bytes C3 97), found with memchr.
    memchr::memchr2_iter(b'x', 0xC3, b).filter_map(move |i| {
        let len = match b.get(i..) {
            Some([b'x', ..]) => 1,
            Some([0xC3, 0x97, ..]) => 2,
            _ => return None,
        };
        let before = i.checked_sub(1).and_then(|k| b.get(k));
        let after = b.get(i + len);
        (before.is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            && after.is_some_and(u8::is_ascii_uppercase))
        .then_some((i, len))
    })
}

/// `s` with the `x` (or `×`) of bispecific notation (`CD3xCD20`,
/// `PD-1×VEGF`) replaced by spaces of the same byte length, so the two
/// targets are found as two words at their own offsets. A join is an `x`
/// between a digit or capital and a capital.
pub fn split_bispecific(s: &str) -> std::borrow::Cow<'_, str> {
    let joins: Vec<(usize, usize)> = bispecific_joins(s).collect();
    if joins.is_empty() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (i, len) in joins {
        out.push_str(s.get(at..i).unwrap_or(""));
        out.push_str(&" ".repeat(len));
        at = i + len;
    }
    out.push_str(s.get(at..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

/// Offsets in `text` of its bispecific joins, for
/// [`split_bispecific_in`]: one scan of a document instead of one per
/// sentence (joins are rare, and the per-sentence scans cost more in
/// set-up than in bytes).
pub fn bispecific_join_offsets(text: &str) -> Vec<usize> {
    bispecific_joins(text).map(|(i, _)| i).collect()
}

/// [`split_bispecific`] of `text[start..end]` (`""` when that is no
/// `str` range), where `joins` is [`bispecific_join_offsets`] of `text`.
/// A join of the sentence is a join of `text` at the same bytes, so a
/// sentence with no listed offset inside it has none and is returned
/// without a scan; the others are scanned as before.
pub fn split_bispecific_in<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    joins: &[usize],
) -> std::borrow::Cow<'t, str> {
    let st = text.get(start..end).unwrap_or("");
    let k = joins.partition_point(|&p| p < start);
    if joins.get(k).is_some_and(|&p| p < end) {
        split_bispecific(st)
    } else {
        std::borrow::Cow::Borrowed(st)
    }
}

/// Finds target names in `s`: CD antigens and interleukins by pattern,
/// others from the lexicon (case-sensitive, whole words; lowercase
/// spelled-out names like `folate receptor alpha` included).
pub fn find_targets(s: &str) -> Vec<Found<TargetName>> {
    find_targets_cued(s, Cues::ALL)
}

/// [`find_targets`] for a sentence whose [`Cues`] are known: the CD-antigen
/// pattern runs only where [`Cues::CD`] is set.
pub fn find_targets_cued(s: &str, cues: Cues) -> Vec<Found<TargetName>> {
    find_target_refs_cued(s, cues)
        .into_iter()
        .map(|f| Found {
            start: f.start,
            end: f.end,
            what: f.what.into_name(),
        })
        .collect()
}

/// A target found by [`find_target_refs_cued`], before its names are
/// copied out of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetRef {
    /// The target at this index of [`lexicon::TARGETS`].
    Lexicon(usize),
    /// A CD-antigen or interleukin name the lexicon does not know: its
    /// own canonical name, with no aliases.
    Named(String),
}

impl TargetRef {
    /// The canonical name and aliases, as [`find_targets_cued`] gives them.
    pub fn into_name(self) -> TargetName {
        match self {
            TargetRef::Lexicon(i) => match lexicon::TARGETS.get(i) {
                Some(t) => TargetName {
                    name: t.name.to_string(),
                    aliases: t.aliases.iter().map(|a| a.to_string()).collect(),
                },
                None => TargetName {
                    name: String::new(),
                    aliases: vec![],
                },
            },
            TargetRef::Named(name) => TargetName {
                name,
                aliases: vec![],
            },
        }
    }
}

/// [`find_targets_cued`] with each target as a [`TargetRef`]: a caller
/// that keeps only some of the targets (most are dropped for want of a
/// cue) copies names only for those it keeps.
pub fn find_target_refs_cued(s: &str, cues: Cues) -> Vec<Found<TargetRef>> {
    let mut out = Vec::new();
    // Each pattern inside an `if` of its cue (see `find_compounds_cued`).
    if cues.has(Cues::CD) {
        for m in CD_RE.find_iter(s) {
            // "CD56+", "CD19-targeting", "CanAg-expressing": the boundary after is fine.
            let what = match LEXICON.target_by_key.get(&name_key(m.as_str())) {
                Some(&i) if lexicon::TARGETS.get(i).is_some() => TargetRef::Lexicon(i),
                _ => TargetRef::Named(m.as_str().to_string()),
            };
            out.push(Found {
                start: m.start(),
                end: m.end(),
                what,
            });
        }
    }
    let (ac, idx) = &*TARGET_AC;
    if cues.has(Cues::TARGET) {
        for m in ac.find_iter(s) {
            // Glued suffixes like "CanAgexpressing" or "HER2+" are allowed after;
            // before, require a boundary.
            let before = s.get(..m.start()).and_then(|b| b.chars().next_back());
            if before.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let after = s.get(m.end()..).unwrap_or("");
            let glued_ok = after.starts_with("expressing") || after.starts_with("positive");
            if after.chars().next().is_some_and(|c| c.is_alphanumeric()) && !glued_ok {
                // Allow "NMTi"/"NMTis" (inhibitor abbreviations).
                if !(after.starts_with('i')
                    && !after
                        .get(1..2)
                        .is_some_and(|c| c.chars().all(|c| c.is_ascii_lowercase()))
                    || after.starts_with("is ")
                    || after.starts_with("is)")
                    || after.starts_with("is,"))
                {
                    continue;
                }
            }
            let Some((i, t)) = idx
                .get(m.pattern().as_usize())
                .and_then(|&i| Some((i, lexicon::TARGETS.get(i)?)))
            else {
                continue;
            };
            // Very short aliases (2 letters: "TF", "AR", "C5") only as a whole token in caps.
            if m.end() - m.start() <= 2 && t.name.len() > 2 {
                continue;
            }
            out.push(Found {
                start: m.start(),
                end: m.end(),
                what: TargetRef::Lexicon(i),
            });
        }
    }
    dedup_overlaps(out)
}

static DISEASE_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-positive|\s?positive|\+|-expressing)\s*(?:\w+\s+){0,3}(?:cancers?|tumou?rs?|malignanc\w*|carcinoma\w*|lymphoma\w*|leukemia\w*|myeloma|disease|breast|gastric|solid|patients|mbc|bc|nsclc|sclc|aml|cll|mm)(?-u:\b)")
        .expect("static regex")
});

/// Targets named only by a strong cue: `X agonist`, `X inhibitor`,
/// `agonist (X)`, `inhibitor of X`, `anti-X`, where X looks like a gene or
/// protein symbol.
static CUE_TARGET_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)
        (?-u:\b)(?P<a>[A-Z][A-Za-z0-9]{0,7}[A-Z0-9](?:[-\s]?\d{1,3}(?:\.\d)?)?)\s+(?:agonist|antagonist|inhibitor|blocker|modulator|degrader)s?(?-u:\b)
      | (?-u:\b)(?:agonist|antagonist|inhibitor|blocker|modulator|degrader)s?\s*\((?P<b>[A-Z][A-Za-z0-9-]{1,10})\)
      | (?-u:\b)anti-(?P<c>[A-Z][A-Za-z0-9-]{1,10})(?-u:\b)
      | (?-u:\b)(?:agonist|antagonist|inhibitor|blocker|modulator|degrader)s?\s+of\s+(?P<d>[A-Z][A-Za-z0-9-]{1,10})(?-u:\b)
    ").expect("static regex")
});

/// Symbols that are never targets even in a target cue.
const NOT_TARGETS: &[&str] = &[
    "FDA", "ADC", "ADCs", "RNA", "DNA", "RNAi", "siRNA", "mRNA", "IND", "NDA", "BLA", "US", "USA",
    "EU", "MOA", "PK", "PD", "CNS", "GBM", "AML", "MM", "ORR", "FIC", "BIC", "IV", "IP", "API",
    "NASDAQ", "Nasdaq", "SEC", "CEO", "CMC",
];

/// Finds targets named only through a strong cue (`an LRP1 agonist`,
/// `agonist (LRP1)`, `anti-GPC3`). The found names are their own canonical names.
pub fn find_cue_targets(s: &str) -> Vec<Found<TargetName>> {
    let mut out = Vec::new();
    for c in CUE_TARGET_RE.captures_iter(s) {
        let Some(m) = c.name("a").or(c.name("b")).or(c.name("c")).or(c.name("d")) else {
            continue;
        };
        let mut name = m.as_str().trim().to_string();
        // "NMTi" style abbreviations of "X inhibitor".
        if name.len() > 3 && name.ends_with('i') && !name.ends_with("Ai") {
            name.pop();
        }
        let upper = name.chars().filter(|c| c.is_ascii_uppercase()).count();
        if upper < 2 || NOT_TARGETS.contains(&name.as_str()) {
            continue;
        }
        let (canon, aliases) = match LEXICON
            .target_by_key
            .get(&name_key(&name))
            .and_then(|&i| lexicon::TARGETS.get(i))
        {
            Some(t) => (
                t.name.to_string(),
                t.aliases.iter().map(|a| a.to_string()).collect(),
            ),
            None => (name.clone(), vec![]),
        };
        out.push(Found {
            start: m.start(),
            end: m.end(),
            what: TargetName {
                name: canon,
                aliases,
            },
        });
    }
    out
}

/// Cue patterns that tie a target to a compound: `X-targeting`, `anti-X`,
/// `X-expressing`, `X-positive`, `X+`, `X inhibitor`, `targeting X`,
/// `directed against X`, `binds X`. Returns true when the target mention at
/// `start..end` of `s` stands in such a cue.
pub fn target_cue(s: &str, start: usize, end: usize) -> bool {
    let before = s.get(..start).unwrap_or("").to_ascii_lowercase();
    let after = s.get(end..).unwrap_or("").to_ascii_lowercase();
    let after = after.trim_start_matches(')');
    let b = before.trim_end();
    after.starts_with("-targeting")
        || after.starts_with(" targeting")
        || after.starts_with("-targeted")
        || after.starts_with("-directed")
        || after.starts_with("-expressing")
        || after.starts_with("expressing")
        || after.starts_with(" expressing")
        || (after.starts_with("-positive")
            || after.starts_with(" positive")
            || after.starts_with("+")
            || after.starts_with("-expressing"))
            && DISEASE_AFTER_RE.is_match(after)
        || (after.starts_with(" mutation")
            || after.starts_with("-mutant")
            || after.starts_with("-driven"))
            && b.contains("target")
        || after.starts_with(" inhibitor")
        || after.starts_with("-inhibitor")
        || after.starts_with(" antagonist")
        || after.starts_with(" agonist")
        || after.starts_with(" degrader")
        || after.starts_with(" antibod")
        || after.starts_with(" bispecific")
        || after.starts_with(" adc")
        || after.starts_with(" car-t")
        || after.starts_with(" blocker")
        || after.starts_with(" inhibition")
        || after.starts_with(" modulator")
        || after.starts_with("i ")
        || after.starts_with("is ")
        || after.starts_with("i,")
        || after.starts_with("i)")
        || after.starts_with(" (")
        || before.ends_with("anti-")
        || b.ends_with("targeting")
        || b.ends_with("targets")
        || b.ends_with("target")
        || b.ends_with("against")
        || b.ends_with("binds")
        || b.ends_with("binds to")
        || b.ends_with("inhibits")
        || b.ends_with("inhibitor of")
        || b.ends_with("antagonist of")
        || b.ends_with("agonist of")
        || b.ends_with("degrader of")
        || b.ends_with("modulator of")
        || b.ends_with("blocks")
        || b.ends_with("selective")
}

// ---------------------------------------------------------------- phases

static PHASE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?-u:\b)phase[\s-]*(?P<a>iii|ii|iv|i|[1-4])(?P<as>[ab])?
        (?:\s*(?:/|-|\sto\s)\s*(?:phase\s*)?(?P<b>iii|ii|i|[1-3])(?P<bs>[ab])?)?(?-u:\b)
      | (?P<fih>(?-u:\b)first[-\s]in[-\s](?:human|man|patient)s?(?-u:\b)|(?-u:\b)FIH(?-u:\b))
      | (?P<ind>(?-u:\b)IND(?-u:\b)(?:-enabling)?|(?-u:\b)investigational\s+new\s+drug(?-u:\b)|(?-u:\b)clinical\s+trial\s+application(?-u:\b)|(?-u:\b)CTA(?-u:\b))
      | (?P<filed>(?-u:\b)(?:s?BLA|s?NDA|MAA|marketing\s+authori[sz]ation\s+application|new\s+drug\s+application|biologics\s+license\s+application)(?-u:\b)|(?-u:\b)apply(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:marketing\s+)?approval(?-u:\b)|(?-u:\b)to\s+apply(?-u:\b)|(?-u:\b)regulatory\s+(?:submission|filing)s?(?-u:\b))
      | (?P<approved>(?-u:\b)(?:approved|approval|marketing\s+authori[sz]ation|conditional\s+authori[sz]ation)(?-u:\b))
      | (?P<clinic>(?-u:\b)(?:into|entered|enter|entering|enters)\s+(?:the\s+)?clinic(?-u:\b)|(?-u:\b)clinical\s+(?:testing|development|trials?|stage|studies|study|evaluation)(?-u:\b)|(?-u:\b)in\s+the\s+clinic(?-u:\b))
      | (?P<disc>(?-u:\b)discontinu\w*|(?-u:\b)terminat\w*\s+(?:the\s+)?(?:development|program|trial|study)|(?-u:\b)cease\w*\s+development|(?-u:\b)halt\w*\s+development)
      | (?P<preclin>(?-u:\b)pre-?clinical(?-u:\b))
    ",
    )
    .expect("static regex")
});

/// What a phase mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseWord {
    /// An explicit phase.
    Phase(Phase),
    /// Clinical testing with no phase named (Phase I when it starts).
    Clinic,
    /// A discontinuation cue.
    Discontinued,
    /// The word "approved"/"approval" (needs more context).
    Approval,
    /// `preclinical`.
    Preclinical,
}

fn roman(s: &str) -> u8 {
    match s.to_ascii_lowercase().as_str() {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => 0,
    }
}

/// Finds phase mentions in `s`.
///
/// `Phase 1b/2` → Phase I/II; `Phase IIa` → Phase II; `Phase 2/3` → Phase II/III;
/// `first-in-human` → Phase I; `IND`, `CTA` → IND; `BLA`, `NDA`, `MAA`,
/// `apply for marketing approval` → Filed.
pub fn find_phases(s: &str) -> Vec<Found<PhaseWord>> {
    let mut out = Vec::new();
    for whole in PHASE_RE.find_iter(s) {
        let t = whole.as_str();
        // Which alternative matched, read off the matched text where that is
        // unambiguous, so the capture engine runs only for explicit phases
        // (and for non-ASCII text, where `(?i)` may have folded `ſ` or `K`).
        let w = match phase_alternative(t) {
            Some(w) => w,
            None => match PHASE_RE.captures(t).as_ref().and_then(phase_from_captures) {
                Some(w) => w,
                None => continue,
            },
        };
        out.push(Found {
            start: whole.start(),
            end: whole.end(),
            what: w,
        });
    }
    out
}

/// The [`PhaseWord`] of a [`PHASE_RE`] match `t` whose alternative shows in
/// its text; `None` for non-ASCII text (read from the captures). Explicit
/// phases (`Phase 1b/2`) are read by [`explicit_phase`]. The alternatives'
/// texts overlap only where the earlier alternative wins (leftmost-first):
/// `clinical trial application` is an IND, not clinical testing;
/// `marketing authorization application` is a filing, not an approval.
fn phase_alternative(t: &str) -> Option<PhaseWord> {
    if !t.is_ascii() {
        return None;
    }
    // Lowercased on the stack: matches are short (only `apply ... approval`
    // and runs of whitespace grow long, and those go to the heap).
    let mut buf = [0u8; 96];
    let owned;
    let l = match buf.get_mut(..t.len()) {
        Some(b) => {
            b.copy_from_slice(t.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).ok()?
        }
        None => {
            owned = t.to_ascii_lowercase();
            owned.as_str()
        }
    };
    let starts = |p: &str| l.starts_with(p);
    Some(if starts("phase") {
        return explicit_phase(l.as_bytes()).map(PhaseWord::Phase);
    } else if starts("first") || l == "fih" {
        PhaseWord::Phase(Phase::PhaseI)
    } else if l == "ind-enabling" {
        PhaseWord::Preclinical
    } else if l == "ind"
        || l == "cta"
        || starts("investigational")
        || (starts("clinical") && l.ends_with("application"))
    {
        PhaseWord::Phase(Phase::Ind)
    } else if matches!(l, "bla" | "sbla" | "nda" | "snda" | "maa")
        || l.ends_with("application")
        || starts("apply")
        || starts("to")
        || starts("regulatory")
    {
        PhaseWord::Phase(Phase::Filed)
    } else if starts("approv") || starts("marketing") || starts("conditional") {
        PhaseWord::Approval
    } else if starts("in") || starts("enter") || starts("clinical") {
        PhaseWord::Clinic
    } else if starts("discontinu") || starts("terminat") || starts("cease") || starts("halt") {
        PhaseWord::Discontinued
    } else if starts("pre") {
        PhaseWord::Preclinical
    } else {
        return None;
    })
}

/// The phase of an explicit mention from the numbers of its first and
/// (if any) second part: `1`, `2` is Phase I/II.
fn phase_of(a: u8, b: Option<u8>) -> Option<Phase> {
    Some(match (a, b) {
        (1, Some(2)) | (1, Some(3)) => Phase::PhaseI2,
        (2, Some(3)) => Phase::PhaseII3,
        (1, _) => Phase::PhaseI,
        (2, _) => Phase::PhaseII,
        (3, _) => Phase::PhaseIII,
        (4, _) => Phase::Approved,
        _ => return None,
    })
}

/// The phase of `l`, an ASCII-lowercased match of [`PHASE_RE`]'s first
/// alternative (`phase[\s-]*A[ab]?`, then optionally a separator, an
/// optional `phase` and `B[ab]?`), read off the text instead of the
/// capture groups `a` and `b`.
///
/// The whole match is known, which fixes the groups: `A` starts right
/// after the run of spaces and hyphens (neither can start it) and is the
/// longest of `iii`, `ii`, `iv`, `i` there or one digit (a shorter
/// numeral would leave a letter before the closing word boundary and an
/// optional `[ab]`, which no path can take); the second part is present
/// exactly when text follows `A[ab]?`, and then the match ends with
/// `B[ab]?`, where `B` is one digit or the run of `i`s before the end
/// (it is preceded by a separator or by `phase`). `None` when `l` does
/// not have this shape (the caller then reads the captures).
fn explicit_phase(l: &[u8]) -> Option<Phase> {
    let rest = l.strip_prefix(b"phase")?;
    let k = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b'-'))?;
    let rest = rest.get(k..)?;
    let (a, n) = match rest {
        [d @ b'1'..=b'4', ..] => (d - b'0', 1),
        [b'i', b'i', b'i', ..] => (3, 3),
        [b'i', b'i', ..] => (2, 2),
        [b'i', b'v', ..] => (4, 2),
        [b'i', ..] => (1, 1),
        _ => return None,
    };
    let n = n + usize::from(matches!(rest.get(n), Some(b'a' | b'b')));
    if n == rest.len() {
        return phase_of(a, None);
    }
    let body = match rest {
        [body @ .., b'a' | b'b'] => body,
        body => body,
    };
    let b = match body {
        [.., d @ b'1'..=b'3'] => d - b'0',
        _ => {
            let run = body.iter().rev().take_while(|&&c| c == b'i').count();
            u8::try_from(run).ok().filter(|r| (1..=3).contains(r))?
        }
    };
    phase_of(a, Some(b))
}

/// The [`PhaseWord`] of a [`PHASE_RE`] match from its capture groups.
fn phase_from_captures(c: &regex::Captures<'_>) -> Option<PhaseWord> {
    let whole = c.get(0)?;
    Some(if let Some(a) = c.name("a") {
        let a = roman(a.as_str());
        let b = c.name("b").map(|b| roman(b.as_str()));
        PhaseWord::Phase(phase_of(a, b)?)
    } else if c.name("fih").is_some() {
        PhaseWord::Phase(Phase::PhaseI)
    } else if c.name("ind").is_some() {
        if whole.as_str().ends_with("-enabling") {
            PhaseWord::Preclinical
        } else {
            PhaseWord::Phase(Phase::Ind)
        }
    } else if c.name("filed").is_some() {
        PhaseWord::Phase(Phase::Filed)
    } else if c.name("approved").is_some() {
        PhaseWord::Approval
    } else if c.name("clinic").is_some() {
        PhaseWord::Clinic
    } else if c.name("disc").is_some() {
        PhaseWord::Discontinued
    } else if c.name("preclin").is_some() {
        PhaseWord::Preclinical
    } else {
        return None;
    })
}

// ---------------------------------------------------------------- money

/// A money amount: value in units and ISO currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// Amount in units (not thousands or millions).
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: &'static str,
}

/// A money amount: a sign or code before the number, or a code or word
/// after it. Two skips rely on its literals, and a change here must keep
/// them necessary: the cue gate's `Cues::MONEY` anchors (`cues.rs`) and
/// the bytes of [`may_hold_money`].
static MONEY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?P<sym>US\$|U\.S\.\s?\$|\$|€|£|¥|(?-u:\b)(?:USD|EUR|CHF|GBP|JPY|CAD|AUD|CNY|RMB|DKK|SEK)\s?)
        \s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:\s*(?P<mult>million|billion|thousand|mm|mn|m|bn|b|k)(?-u:\b))?
      | (?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<mult2>million|billion|thousand)?\s+(?P<cur2>CHF|EUR|USD|GBP|JPY|euros?|dollars|Swiss\s+francs|pounds)(?-u:\b)
    ",
    )
    .expect("static regex")
});

/// What each byte can be part of in a `find_money` match: bit 0 a `\d`
/// (an ASCII digit, or any byte of a non-ASCII character, as a Unicode
/// digit), bit 1 a currency sign or word (`$`, ASCII `c`, `d`, `e`, `p`,
/// `r` in either case, or any byte of a non-ASCII character); see
/// [`may_hold_money`].
const MONEY_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if !b.is_ascii() {
            3
        } else if b.is_ascii_digit() {
            1
        } else if matches!(
            b.to_ascii_lowercase(),
            b'$' | b'c' | b'd' | b'e' | b'p' | b'r'
        ) {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// False when no amount of `find_money` can match `s`, so the regex search
/// is skipped for most table cells (years, percentages, counts) in
/// `relations.rs`.
///
/// Every match of its pattern, [`MONEY_RE`], holds both:
/// - a `\d`: an ASCII digit or a non-ASCII character (the class is
///   Unicode); every alternative needs a number;
/// - a currency marker: the first alternative needs a sign (`$`, `US$`,
///   `U.S. $`, `€`, `£`, `¥`) or a code (`USD`, `EUR`, `CHF`, `GBP`, `JPY`,
///   `CAD`, `AUD`, `CNY`, `RMB`, `DKK`, `SEK`), the second a code or word
///   (`CHF`, `EUR`, `USD`, `GBP`, `JPY`, `euro`, `euros`, `dollars`,
///   `Swiss francs`, `pounds`). The signs hold `$` or are non-ASCII; every
///   code and word holds one of `c`, `d`, `e`, `p`, `r` (`SEK`, `RMB`,
///   `JPY`, `CHF` and `AUD` share no letter, so no four letters do). Under
///   `(?i)` such a letter matches itself in either case or a non-ASCII
///   character (`ſ` and the Kelvin sign fold onto `s` and `k`; none onto
///   these five, and any would be non-ASCII anyway).
///
/// So a match holds an ASCII digit or a non-ASCII byte, and a `$`, one of
/// `cdeprCDEPR` or a non-ASCII byte. One pass over the bytes tests both.
pub(crate) fn may_hold_money(s: &str) -> bool {
    s.bytes()
        .fold(0u8, |seen, b| seen | MONEY_BYTES[usize::from(b)])
        == 3
}

fn currency_code(s: &str) -> &'static str {
    let t = s.trim().to_ascii_uppercase();
    match t.as_str() {
        "€" | "EUR" | "EURO" | "EUROS" => "EUR",
        "£" | "GBP" | "POUNDS" => "GBP",
        "¥" | "JPY" => "JPY",
        "CHF" | "SWISS FRANCS" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "CNY" | "RMB" => "CNY",
        "DKK" => "DKK",
        "SEK" => "SEK",
        _ => "USD",
    }
}

fn multiplier(s: Option<&str>) -> f64 {
    match s.map(|s| s.to_ascii_lowercase()) {
        Some(m) if m == "million" || m == "mm" || m == "mn" || m == "m" => 1e6,
        Some(m) if m == "billion" || m == "bn" || m == "b" => 1e9,
        Some(m) if m == "thousand" || m == "k" => 1e3,
        _ => 1.0,
    }
}

/// Finds money amounts in `s`: `$3 million`, `US$2M`, `$150,000`,
/// `€10 million`, `EUR 26.6 million`, `222 million CHF`, `$1.5 billion`.
///
/// # Example
/// ```
/// use pipegraph::extract::mentions::find_money;
/// let m = find_money("a $3 million milestone and EUR 26.6 million upfront");
/// assert_eq!((m[0].what.amount, m[0].what.currency), (3e6, "USD"));
/// assert_eq!((m[1].what.amount, m[1].what.currency), (26.6e6, "EUR"));
/// ```
pub fn find_money(s: &str) -> Vec<Found<Money>> {
    let mut out = Vec::new();
    for whole in MONEY_RE.find_iter(s) {
        // Number, multiplier and currency, read off the matched text where
        // that is safe, else from the capture groups.
        let caps;
        let (num, mult, cur) = match money_parts(whole.as_str()) {
            Some(parts) => parts,
            None => {
                caps = MONEY_RE.captures(whole.as_str());
                let Some(parts) = caps.as_ref().and_then(money_from_captures) else {
                    continue;
                };
                parts
            }
        };
        let Ok(v) = num.replace(',', "").parse::<f64>() else {
            continue;
        };
        out.push(Found {
            start: whole.start(),
            end: whole.end(),
            what: Money {
                amount: (v * multiplier(mult) * 100.0).round() / 100.0,
                currency: currency_code(cur),
            },
        });
    }
    out
}

/// `(number, multiplier, currency)` of a [`MONEY_RE`] match from its
/// capture groups.
fn money_from_captures<'h>(c: &regex::Captures<'h>) -> Option<(&'h str, Option<&'h str>, &'h str)> {
    if let Some(n) = c.name("num") {
        Some((
            n.as_str(),
            c.name("mult").map(|m| m.as_str()),
            c.name("sym").map_or("$", |m| m.as_str()),
        ))
    } else {
        c.name("num2").map(|n| {
            (
                n.as_str(),
                c.name("mult2").map(|m| m.as_str()),
                c.name("cur2").map_or("$", |m| m.as_str()),
            )
        })
    }
}

/// `(number, multiplier, currency)` of a [`MONEY_RE`] match `t`, read off
/// its text: a sign or code, the number, a multiplier word (`$5 million`);
/// or the number, a multiplier word and a currency word (`5 million CHF`).
/// The number is the run of digits, commas and dots (nothing else of the
/// match is one); the currency keeps the spaces around it, which
/// [`currency_code`] trims. `None` when `t` has a character other than
/// ASCII, `€`, `£` and `¥`: a Unicode digit or space, or a letter that
/// `(?i)` folds (`ſ`, Kelvin sign) is left to the capture groups.
fn money_parts(t: &str) -> Option<(&str, Option<&str>, &str)> {
    if !t
        .chars()
        .all(|c| c.is_ascii() || matches!(c, '€' | '£' | '¥'))
    {
        return None;
    }
    let k = t.find(|c: char| c.is_ascii_digit())?;
    let num_len = t
        .get(k..)?
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    let num = t.get(k..k + num_len)?;
    let rest = t.get(k + num_len..)?.trim_start();
    if k > 0 {
        // Sign or code first: what follows the number is the multiplier.
        return Some((num, (!rest.is_empty()).then_some(rest), t.get(..k)?));
    }
    // Number first: an optional multiplier word and a space, then the currency.
    for m in ["million", "billion", "thousand"] {
        if let (Some(word), Some(after)) = (rest.get(..m.len()), rest.get(m.len()..))
            && word.eq_ignore_ascii_case(m)
            && after.starts_with(|c: char| c.is_ascii_whitespace())
        {
            return Some((num, Some(word), after));
        }
    }
    Some((num, None, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`strip_legal_suffix`] as it was: the pattern on every name.
    fn strip_legal_suffix_by_pattern(name: &str) -> &str {
        let t = name.trim();
        match LEGAL_SUFFIX_RE.find(t) {
            Some(m) if m.start() > 0 => t.get(..m.start()).unwrap_or(t).trim_end_matches(','),
            _ => t,
        }
    }

    proptest::proptest! {
        /// The last-word check never keeps the pattern from a name it
        /// strips: names ending in every suffix, its parts, other words and
        /// dots, with whitespace of every kind.
        #[test]
        fn strip_legal_suffix_agrees_with_the_pattern(
            name in "(?:Acme|Zentrix|[A-Za-z.,/]{1,6}|é|\\u{a0}| |\\t){0,5}(?:,? ?|\\u{a0}|\\u{2003})(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|AG|GmbH|plc|PLC|S\\.A|SA|N\\.V|NV|ApS|A/S|AB|ASA|Oyj|SE|S\\.p\\.A|K\\.K\\.|KK|LLC|L\\.L\\.C\\.|LP|L\\.P\\.|Co\\.,? Ltd|Co|B\\.V|Pty\\.? Ltd|S\\.r\\.l|SAS|Inco|xAG|)\\.{0,3}[ \\u{a0}]?"
        ) {
            proptest::prop_assert_eq!(strip_legal_suffix(&name), strip_legal_suffix_by_pattern(&name));
        }
    }

    /// The same on every organization name found by suffix in the sample
    /// filings, and on their lines.
    #[test]
    fn strip_legal_suffix_agrees_with_the_pattern_on_samples() {
        let mut stripped = 0;
        for text in super::super::sample_filings() {
            for line in text.lines() {
                assert_eq!(
                    strip_legal_suffix(line),
                    strip_legal_suffix_by_pattern(line)
                );
                for f in find_orgs_by_suffix(line) {
                    let want = strip_legal_suffix_by_pattern(&f.what);
                    stripped += usize::from(want != f.what.trim());
                    assert_eq!(strip_legal_suffix(&f.what), want, "{:?}", f.what);
                }
            }
        }
        assert!(stripped > 0);
    }

    /// [`find_orgs_by_suffix`] as it was, each name copied where it was
    /// found and its key allocated: the reference for
    /// [`find_orgs_by_suffix_spans`].
    fn find_orgs_by_suffix_reference(s: &str) -> Vec<Found<String>> {
        let mut out = Vec::new();
        for m in ORG_SUFFIX_RE.find_iter(s) {
            let mut start = m.start();
            let mut text = m.as_str();
            loop {
                let first: &str = text.split_whitespace().next().unwrap_or("");
                let first_clean = first.trim_end_matches([',', '.']);
                if text.split_whitespace().nth(1).is_some() && NOT_NAME_LEAD.contains(first_clean) {
                    let skip = text.find(first).unwrap_or(0) + first.len();
                    let rest = text.get(skip..).unwrap_or("");
                    let trimmed = rest.trim_start();
                    start += skip + (rest.len() - trimmed.len());
                    text = trimmed;
                } else {
                    break;
                }
            }
            if let Some(tab) = text.rfind('\t') {
                start += tab + 1;
                text = text.get(tab + 1..).unwrap_or("").trim_start();
            }
            let display = strip_legal_suffix(text);
            if display.is_empty() || display.split_whitespace().nth(6).is_some() {
                continue;
            }
            if LEXICON.not_org.contains(&name_key(display)) {
                continue;
            }
            out.push(Found {
                start,
                end: start + text.len(),
                what: text.to_string(),
            });
        }
        out
    }

    /// The spans, and the names read off them, are the reference's.
    fn check_orgs_by_suffix_spans(s: &str) {
        let want = find_orgs_by_suffix_reference(s);
        let spans = find_orgs_by_suffix_spans(s);
        let got: Vec<(usize, usize, &str)> = spans
            .iter()
            .map(|f| {
                (
                    f.start,
                    f.end,
                    s.get(f.what.clone()).unwrap_or("<bad range>"),
                )
            })
            .collect();
        let want: Vec<(usize, usize, &str)> = want
            .iter()
            .map(|f| (f.start, f.end, f.what.as_str()))
            .collect();
        assert_eq!(got, want, "{s:?}");
        assert_eq!(
            find_orgs_by_suffix(s),
            find_orgs_by_suffix_reference(s),
            "{s:?}"
        );
    }

    /// On every line of the sample filings and on edge cases: names after
    /// tabs and spaces (where `start` leaves out the whitespace),
    /// non-ASCII letters, `ſ`, the Kelvin sign, U+2011, names of the
    /// lexicon's non-organizations.
    #[test]
    fn find_orgs_by_suffix_spans_agree_with_the_reference_on_samples() {
        let mut n = 0;
        for text in super::super::sample_filings() {
            for line in text.lines() {
                check_orgs_by_suffix_spans(line);
                n += find_orgs_by_suffix(line).len();
            }
        }
        assert!(n > 0);
        for s in [
            "Partner\t  Acme Therapeutics, Inc. and Beta Pharma AG",
            "x\t\u{a0}Zentrix Biosciences, Inc.",
            "The Über Pharma AG and Ölgen Bio, Inc.",
            "Caſe Therapeutics, Inc. with \u{212a}elvin Pharma",
            "Acme\u{2011}Bio Pharmaceuticals, Inc.",
            "Company Inc",
            "Press Release of Acme, Inc.\tToday Beta Corp.",
            "",
            "\t",
        ] {
            check_orgs_by_suffix_spans(s);
        }
    }

    proptest::proptest! {
        /// On capitalized words, leads, suffixes, tabs and spaces of every
        /// kind.
        #[test]
        fn find_orgs_by_suffix_spans_agree_with_the_reference(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Acme", "The", "Today", "Partner", "Zentrix", "Über", "Caſe",
                    "\u{212a}elvin", "Bio\u{2011}Gen", " ", "  ", "\t", "\t ",
                    "\u{a0}", ",", " Inc.", " Therapeutics", " Pharma", " AG",
                    " Co., Ltd.", " of", " and", "x", "Company",
                ]),
                0..14,
            ),
        ) {
            check_orgs_by_suffix_spans(&parts.concat());
        }
    }

    /// [`code_is_excluded`] as it was: a list scan and allocated keys.
    fn code_is_excluded_by_scan(prefix: &str, sep: &str, digits: &str) -> bool {
        let up = prefix.to_ascii_uppercase();
        if NOT_CODE_PREFIXES.contains(&up.as_str()) {
            return true;
        }
        // Mixed-case prefixes ("Study 003", "Phase 2") are words, not codes,
        // unless they have an inner capital (`huN`) which the conjugate rule handles.
        if prefix.chars().skip(1).any(|c| c.is_ascii_lowercase()) {
            return true;
        }
        // A lowercase initial before capitals (`mRNA-1273`) only with a hyphen
        // and three digits or more: "eGFR 2" or "mAb 12" are no codes.
        if prefix.starts_with(|c: char| c.is_ascii_lowercase())
            && (sep == " " || sep.is_empty() || digits.len() < 3)
        {
            return true;
        }
        if sep == " " {
            // "AMG 510" yes; "ASCO 2024" (a year), "MA 02451" (a zip code) no.
            if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
                return true;
            }
            if digits.len() == 5 && prefix.len() == 2 {
                return true;
            }
            if digits.len() > 6 {
                return true;
            }
        }
        // Target gene symbols with digits (CD19, FOLR1) are targets, not codes.
        let joined = format!("{prefix}{digits}");
        if LEXICON.target_by_key.contains_key(&name_key(&joined)) {
            return true;
        }
        false
    }

    /// [`find_phases`] as it was: every match through the capture engine.
    fn find_phases_by_captures(s: &str) -> Vec<Found<PhaseWord>> {
        PHASE_RE
            .captures_iter(s)
            .filter_map(|c| {
                let whole = c.get(0)?;
                Some(Found {
                    start: whole.start(),
                    end: whole.end(),
                    what: phase_from_captures(&c)?,
                })
            })
            .collect()
    }

    proptest::proptest! {
        /// Code parts read off the text are the capture groups, on text
        /// made of letters, digits, separators and a few non-ASCII chars.
        #[test]
        fn code_parts_agree_with_the_captures_on_any_text(text in "[A-Dab0-9 \\-\u{2011}.\u{661}é]{0,40}") {
            for m in CODE_RE.find_iter(&text) {
                let c = CODE_RE.captures(m.as_str());
                let groups = c.as_ref().and_then(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())));
                if let Some(parts) = code_parts(m.as_str()) {
                    proptest::prop_assert_eq!(Some(parts), groups, "{:?}", m.as_str());
                }
            }
        }

        /// [`code_matches`] finds what the pattern's iterator finds on
        /// text dense in prefixes of every case and length, separators,
        /// digit runs, word bytes and non-ASCII characters (Unicode digits
        /// and `‑` among them).
        #[test]
        fn code_matches_are_the_pattern_on_any_text(
            text in "([A-Z]{1,7}|[a-z]{1,3}|[A-Za-z]{1,7}|[-\u{2011} _.]|[0-9]{1,10}|\u{661}|\u{bd}|é|\u{2019}|[A-Za-z]{1,4}[- ]?[0-9]{1,9}(-[0-9]{1,7})?([a-z][0-9]{0,5})?){0,24}",
        ) {
            check_code_matches(&text);
        }

        /// On ASCII text the bytes are read by hand, never by the pattern.
        #[test]
        fn code_matches_are_read_by_hand_on_ascii_text(
            text in "([A-Z]{1,7}|[a-z]{1,3}|[A-Za-z]{1,7}|[-  _.]|[0-9]{1,10}|[A-Za-z]{1,4}[- ]?[0-9]{1,9}(-[0-9]{1,7})?([a-z][0-9]{0,5})?){0,24}",
        ) {
            let mut got = Vec::new();
            proptest::prop_assert!(ascii_code_matches(&text, &mut got).is_some());
            proptest::prop_assert_eq!(got, check_code_matches_plain(&text));
        }

        /// The set look-ups and stack keys of `code_is_excluded` answer as
        /// the list scan and allocated keys, on prefixes of any case,
        /// every separator, and ASCII or Unicode digits.
        #[test]
        fn code_is_excluded_agrees_with_the_list_scan(
            prefix in "[A-Za-z]{1,7}",
            sep in "(|-| |\u{2011})",
            digits in "[0-9\u{661}\u{ff15}]{1,9}",
        ) {
            proptest::prop_assert_eq!(
                code_is_excluded(&prefix, &sep, &digits),
                code_is_excluded_by_scan(&prefix, &sep, &digits)
            );
        }

        /// Every path of `find_names` gives the automaton's matches.
        #[test]
        fn find_names_paths_agree_on_any_text(
            text in "[abc ]{0,200}",
            pats in proptest::collection::vec("[abc]{1,4}", 1..12),
        ) {
            let mut uniq: Vec<String> = Vec::new();
            for p in pats {
                if !uniq.contains(&p) {
                    uniq.push(p);
                }
            }
            let want = find_names_automaton(&text, &uniq);
            proptest::prop_assert_eq!(&find_names_scan(&text, &uniq), &want);
            proptest::prop_assert_eq!(&find_names(&text, &uniq), &want);
            if let Some(packed) = find_names_packed(&text, &uniq) {
                proptest::prop_assert_eq!(&packed, &want);
            }
        }
    }

    /// `code_is_excluded` on every excluded prefix and every target name
    /// split into letters and digits, in several casings, with years, zip
    /// codes and long numbers: as the list scan.
    #[test]
    fn code_is_excluded_agrees_with_the_list_scan_on_every_listed_name() {
        let mut names: Vec<String> = NOT_CODE_PREFIXES
            .iter()
            .map(|p| format!("{p}101"))
            .collect();
        for t in lexicon::TARGETS {
            names.extend(
                std::iter::once(t.name)
                    .chain(t.aliases.iter().copied())
                    .map(String::from),
            );
        }
        names.push("ZTX\u{661}\u{662}".to_string());
        for n in &names {
            let letters = n.bytes().take_while(u8::is_ascii_alphabetic).count();
            let (prefix, rest) = n.split_at(letters);
            let own = rest.trim_start_matches(|c: char| !c.is_numeric());
            for prefix in [
                prefix.to_string(),
                prefix.to_ascii_lowercase(),
                prefix.to_ascii_uppercase(),
            ] {
                if prefix.is_empty() {
                    continue;
                }
                for digits in [own, "101", "2024", "02451", "1234567", "\u{661}\u{662}"] {
                    for sep in ["", "-", " ", "\u{2011}"] {
                        assert_eq!(
                            code_is_excluded(&prefix, sep, digits),
                            code_is_excluded_by_scan(&prefix, sep, digits),
                            "{prefix:?} {sep:?} {digits:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn code_parts_read_from_text_agree_with_the_captures() {
        let mut texts = vec![
            "ZTX-101, ZTX101, ZTX 101, ZTX\u{2011}101, ZTX-١٢٣٤, xAB123, ABCDEF12, ABC-1234-56, \
             ABC123b4, AB12345678, AB123456789, Zentrix-ZTX1234 and T-DM12."
                .to_string(),
        ];
        texts.extend(super::super::sample_filings());
        let mut n = 0;
        for text in &texts {
            for m in CODE_RE.find_iter(text) {
                let c = CODE_RE.captures(m.as_str()).expect("a match has captures");
                let groups =
                    (|| Some((c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())))();
                if let Some(parts) = code_parts(m.as_str()) {
                    assert_eq!(Some(parts), groups, "{:?}", m.as_str());
                    n += 1;
                }
            }
        }
        assert!(n > 10, "only {n} codes read off the text");
    }

    /// `CODE_RE.find_iter` as `(start, end)` pairs.
    fn check_code_matches_plain(s: &str) -> Vec<(usize, usize)> {
        CODE_RE.find_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    /// [`code_matches`] against the pattern's own iterator; returns how
    /// many matches, and whether the bytes were read by hand.
    fn check_code_matches(s: &str) -> (usize, bool) {
        let want = check_code_matches_plain(s);
        assert_eq!(code_matches(s), want, "in {s:?}");
        let by_hand = ascii_code_matches(s, &mut Vec::new()).is_some();
        (want.len(), by_hand)
    }

    #[test]
    fn code_matches_are_the_pattern_on_every_sample() {
        let (mut n, mut sentences, mut by_hand) = (0, 0, 0);
        let mut texts = super::super::sample_filings();
        for e in std::fs::read_dir("benches/data").expect("bench data") {
            let bytes = std::fs::read(e.expect("entry").path()).expect("bench sample");
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        for text in &texts {
            check_code_matches(text);
            for s in super::super::sentences::split(text) {
                let (found, hand) = check_code_matches(text.get(s.start..s.end).unwrap_or(""));
                n += found;
                sentences += 1;
                by_hand += usize::from(hand);
            }
        }
        assert!(n > 100, "only {n} code-shaped words in the samples");
        assert!(
            by_hand * 10 > sentences * 9,
            "only {by_hand} of {sentences} sentences read by hand"
        );
    }

    #[test]
    fn code_matches_at_the_edges() {
        for (s, hand) in [
            ("", true),
            ("ZTX-101", true),
            (
                "abcdefZTX-101 and ABCDEF12 (mRNA-1273) xAB12 xABCDE12 xA12",
                true,
            ),
            (
                "ABCDEFG12 A12 1AB12 _AB12 AB12_ AB12-34-56 AB123456789 AB1",
                true,
            ),
            (
                "AB12c AB12c345 AB12c3456 AB12-1234567 AB12-3c4 AB12-3c4567 AB12-c AB12- AB12cd",
                true,
            ),
            (
                "AB-12 AB 12 AB  12 AB- 12 AB12345678 AB123456789-1 AB12-123456 AB12-123456x",
                true,
            ),
            ("éABCDEF12, ’AB12 and ééZ1 and “AB12” ®AB12", true),
            ("AB ’12 and AB12” and AB12-’ and AB12x’", true),
            ("AB12é is no digit", true),
            ("AB12\u{bd} is numeric", false),
            (
                "ZTX-101_x ZTX-101-2b3_ ZTX-1012-34567 AB 2024 MA 02451",
                true,
            ),
            (
                "AAAAAA00 _AA00 0AA00 aAAAAA00 A0AA00é AA000000000- AA000000000",
                true,
            ),
            ("ZTX-\u{661}\u{662}", false),
            ("ZTX\u{2011}101-5", false),
            ("AB12\u{662}", false),
            ("AB12-\u{662}", false),
            ("AB \u{662}2", false),
            ("AB12x\u{662}", false),
        ] {
            assert_eq!(check_code_matches(s).1, hand, "{s:?}");
        }
    }

    fn check_phases_match_captures(s: &str) {
        assert_eq!(find_phases(s), find_phases_by_captures(s), "{s:?}");
    }

    proptest::proptest! {
        /// Explicit phases read off the text are the capture groups, on
        /// text made of phase words, numerals, separators, `a`/`b`
        /// suffixes and a few non-ASCII characters (the no-break space is
        /// a Unicode `\s`).
        #[test]
        fn explicit_phases_agree_with_the_captures_on_any_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "phase", "Phase", "PHASE", "pHaSe", " ", "  ", "-", "\t", "\n", "/", " to ",
                    "to", "i", "I", "ii", "II", "iii", "iv", "IV", "v", "1", "2", "3", "4", "5",
                    "a", "b", "B", "x", ",", ".", "\u{a0}", "é", "\u{17f}", "\u{2011}",
                ]),
                0..14,
            ),
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(find_phases(&s), find_phases_by_captures(&s), "{:?}", s);
        }

        /// The same on text shaped like an explicit phase: a phase word,
        /// spaces or hyphens, a numeral, a suffix, and a second part with
        /// a separator, an optional phase word, a numeral and a suffix,
        /// each piece also drawn from near misses.
        #[test]
        fn explicit_phase_shapes_agree_with_the_captures(
            before in "(| |x|-|\u{a0})",
            word in "(phase|Phase|PHASE|phases|phas)",
            gap in "[ \t\u{a0}-]{0,3}",
            a in "(i|ii|iii|iv|v|I|II|III|IV|IIII|1|2|3|4|5|12|ia)",
            a_suffix in "(|a|b|A|B|c|ab)",
            sep in "(|/|-| / | - | to |to| to|\u{a0}/|, | )",
            again in "(|phase|Phase |phase-|phase\u{a0})",
            b in "(|i|ii|iii|iv|I|II|III|1|2|3|4|ii1)",
            b_suffix in "(|a|b|B|c)",
            after in "(| |x|,|-|\u{e9}|\u{17f})",
        ) {
            let s = format!("{before}{word}{gap}{a}{a_suffix}{sep}{again}{b}{b_suffix}{after}");
            proptest::prop_assert_eq!(find_phases(&s), find_phases_by_captures(&s), "{:?}", s);
        }
    }

    #[test]
    fn phase_alternatives_read_from_text_agree_with_the_captures() {
        for text in super::super::sample_filings() {
            check_phases_match_captures(&text);
        }
        for s in [
            "a clinical trial application (CTA) and clinical trials; an IND-enabling study",
            "a Marketing Authorization Application and marketing authorisation in the EU",
            "plans to apply for marketing approval; to apply; regulatory submissions",
            "sBLA, sNDA, BLA, NDA, MAA; a New Drug Application; Biologics License Application",
            "entered the clinic, entering clinic, into the clinic, in the clinic",
            "first-in-human, First in patients, FIH; investigational new drug",
            "discontinued, terminated the trial, ceased development, halting development",
            "preclinical and pre-clinical; approved, approval, conditional authorization",
            "Phase 1b/2, phase IIa, Phase 2 to 3, Phase IV, Phaſe 2, mar\u{212A}eting authorization",
            "Phase I/II, phase 1-2, Phase II/III, phase ii to iii, Phase 1/Phase 2, Phase-3, phase\t1b-2a",
            "Phase iv, phase 4, Phase 3b, phase i-i, Phase 1 / 3, phase IIIb, Phase 2/phaseii, Phase 5",
            "discontinuéd; Phase 3 präclinical; IND; the ind; Ind-enabling",
        ] {
            check_phases_match_captures(s);
        }
    }

    /// [`find_money`] as it was: every match through the capture engine.
    fn find_money_by_captures(s: &str) -> Vec<Found<Money>> {
        MONEY_RE
            .captures_iter(s)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let (num, mult, cur) = money_from_captures(&c)?;
                let v = num.replace(',', "").parse::<f64>().ok()?;
                Some(Found {
                    start: whole.start(),
                    end: whole.end(),
                    what: Money {
                        amount: (v * multiplier(mult) * 100.0).round() / 100.0,
                        currency: currency_code(cur),
                    },
                })
            })
            .collect()
    }

    #[test]
    fn money_read_from_text_agrees_with_the_captures() {
        let check = |s: &str| assert_eq!(find_money(s), find_money_by_captures(s), "{s:?}");
        for text in super::super::sample_filings() {
            check(&text);
        }
        for s in [
            "$3 million, US$2M, $150,000, U.S. $5 billion, U.S.$1.5bn, $1,000,0 and $7.",
            "EUR 26.6 million, usd 5 mm, CHF 10mn, 222 million CHF, 5 Thousand Swiss  francs",
            "10 euros, 1 euro, 3 dollars, 4 pounds, 7 billion JPY, 8 GBP; $5 mil; $9 k; $9k",
            "€10 million, £5 million, ¥300 million, 12 million euros and 3,000,000.50 dollars",
            "$５ million, \u{a0}$5\u{a0}million, 5 ſwiss francs, $5 \u{212A}, 20 million CHF.",
        ] {
            check(s);
        }
    }

    /// The regex that [`inn_candidates`] spells out by hand.
    fn inn_regex() -> Regex {
        let second = lexicon::CONJUGATE_SECOND_WORDS.join("|");
        Regex::new(&format!(
            r"(?-u:\b)((?:ado-|fam-)?[A-Za-z][a-z]{{5,}}(?:-[a-z]{{3,}})?)(\s+(?:{second}))?(?-u:\b)"
        ))
        .expect("test regex")
    }

    fn check_inn_candidates_match_regex(s: &str) {
        let want: Vec<InnCandidate> = inn_regex()
            .captures_iter(s)
            .filter_map(|c| {
                let (whole, first) = (c.get(0)?, c.get(1)?);
                Some(InnCandidate {
                    start: whole.start(),
                    word_end: first.end(),
                    end: whole.end(),
                    second: c.get(2).is_some(),
                })
            })
            .collect();
        let got = inn_candidates(s);
        if got != want {
            let first_diff = got.iter().zip(&want).position(|(g, w)| g != w);
            panic!(
                "{} candidates by hand, {} by regex; first difference at {first_diff:?}: {:?} vs {:?}",
                got.len(),
                want.len(),
                first_diff.and_then(|i| got.get(i)),
                first_diff.and_then(|i| want.get(i)),
            );
        }
    }

    #[test]
    fn inn_candidates_agree_with_the_regex_on_edge_cases() {
        for s in [
            "trastuzumab emtansine (T-DM1) and ado-trastuzumab emtansine",
            "fam-trastuzumab deruxtecan-nxki; mirvetuximab soravtansine-gynx",
            "anti-inflammatory pre-clinical emtansine-based Abcdefghij",
            "sacituzumab  govitecan\u{a0}vedotin x9abcdefgh abcdefgH_ abcdefg_",
            "enfortumab vedotins; ado-xy ado-abcdefg fam-Abcdefgh-ijk-lmn",
            "élotuzumab naïvelyabc abcdefg-hi abcdefg-hijK abcdefg-hij-klmnop",
            "zentuximab\tvedotin zentuximab \u{2003}vedotin zentuximab \nvedotin",
            "zentuximab \u{85}vedotin zentuximab \u{b}vedotin zentuximab\u{b}vedotin",
            "zentuximab -vedotin zentuximab (vedotin) zentuximab ~vedotin zentuximab ",
            "zentuximab\u{7f}vedotin zentuximab \u{7f}vedotin zentuximab vedotinx",
            "",
            "abcdef",
        ] {
            check_inn_candidates_match_regex(s);
        }
    }

    #[test]
    fn inn_candidates_agree_with_the_regex_on_every_sample_filing() {
        for text in super::super::sample_filings() {
            check_inn_candidates_match_regex(&text);
        }
    }

    #[test]
    fn find_names_scans_like_a_leftmost_longest_automaton() {
        let mut texts = vec!["aaaa ab abc abcd bcd".to_string()];
        texts.extend(super::super::sample_filings());
        let mut large_sets = 0;
        let mut packed_sets = 0;
        for text in &texts {
            // Patterns that overlap, nest and repeat: every prefix of some
            // words of the text, plus words that recur.
            let mut pats: Vec<String> = vec!["".into(), "a".into(), "aa".into(), "bc".into()];
            for w in text.split_whitespace().step_by(37).take(12) {
                for k in 1..=w.len().min(6) {
                    if let Some(p) = w.get(..k)
                        && !pats.iter().any(|q| q == p)
                    {
                        pats.push(p.to_string());
                    }
                }
            }
            let small: Vec<String> = pats.iter().take(NAME_SCAN_LIMIT).cloned().collect();
            let want = find_names_automaton(text, &small);
            assert_eq!(find_names(text, &small), want);
            assert_eq!(find_names_scan(text, &small), want);
            // Teddy declines sets with one-byte patterns: without them it
            // must take the set and agree.
            let long: Vec<String> = small.iter().filter(|p| p.len() > 1).cloned().collect();
            if let Some(packed) = find_names_packed(text, &long) {
                assert_eq!(packed, find_names_automaton(text, &long));
                packed_sets += 1;
            }
            assert_eq!(find_names(text, &pats), find_names_automaton(text, &pats));
            large_sets += usize::from(pats.len() > NAME_SCAN_LIMIT);
        }
        assert!(large_sets > 0, "the automaton path is not exercised");
        // Teddy needs SSSE3/AVX2 or NEON.
        if cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
            assert!(packed_sets > 0, "the packed path is not exercised");
        }
    }

    fn check_compounds(s: &str, expect: &[&str]) {
        let got: Vec<&str> = find_compounds(s)
            .iter()
            .map(|f| s.get(f.start..f.end).unwrap_or(""))
            .collect();
        assert_eq!(got, expect, "{s}");
    }

    #[test]
    fn code_names_in_many_shapes() {
        check_compounds(
            "MK-3475, PF-06463922, LY3009120, RG7440, TAK-788, GSK2857916, JNJ-64041757 and AMG 510.",
            &[
                "MK-3475",
                "PF-06463922",
                "LY3009120",
                "RG7440",
                "TAK-788",
                "GSK2857916",
                "JNJ-64041757",
                "AMG 510",
            ],
        );
        check_compounds(
            "Acme's CAN-2409 and ABC 123 advanced.",
            &["CAN-2409", "ABC 123"],
        );
        // Digits after the trailing letter; a lowercase initial.
        check_compounds(
            "BNT162b2, mRNA-1273 and DS-8201a are codes.",
            &["BNT162b2", "mRNA-1273", "DS-8201a"],
        );
    }

    #[test]
    fn alphanumerics_that_are_not_compounds() {
        check_compounds(
            "Form 8-K, Item 2.02, EX-99.1, Rule 425, FY2014, 2Q, COVID-19, NCT04836195, CD19, HER2, IL-17, ASCO 2024, Waltham, MA 02451.",
            &[],
        );
        check_compounds("the GLORA-4 trial and the EMILIA study", &[]);
        // A lowercase initial needs a hyphen and three digits.
        check_compounds("eGFR 60 and mAb 12 and eGFR-45", &[]);
    }

    #[test]
    fn nonproprietary_and_brand_names() {
        check_compounds(
            "Brandix® (ado-zentuximab emtansine) and oral vorinostat with Maskbody™ technology.",
            &["Brandix", "ado-zentuximab emtansine", "vorinostat"],
        );
        check_compounds("The peptide pipeline of kinase medicines.", &[]);
    }

    #[test]
    fn conjugates() {
        check_compounds(
            "ACMX901 (huX901-DM1) and Zentuximab-DM4 (Z-DM4)",
            &["ACMX901", "huX901-DM1", "Zentuximab-DM4", "Z-DM4"],
        );
    }

    #[test]
    fn bispecific_joins_are_split_in_place() {
        for (s, want) in [
            ("a CD3xCD20 bispecific", "a CD3 CD20 bispecific"),
            ("PD-1×VEGF and 4-1BBxPD-L1", "PD-1  VEGF and 4-1BB PD-L1"),
            ("next, Rx, 6x daily, max", "next, Rx, 6x daily, max"),
        ] {
            let got = split_bispecific(s);
            assert_eq!(got, want);
            assert_eq!(got.len(), s.len(), "offsets must not move");
        }
    }

    /// [`split_bispecific_in`] with the document's join offsets gives what
    /// [`split_bispecific`] gives on the range alone, for every range of
    /// `text` (those that are no `str` range included).
    fn check_split_bispecific_in_every_range(text: &str) {
        let joins = bispecific_join_offsets(text);
        for start in 0..=text.len() + 1 {
            for end in 0..=text.len() + 1 {
                let alone = split_bispecific(text.get(start..end).unwrap_or(""));
                assert_eq!(
                    split_bispecific_in(text, start, end, &joins),
                    alone,
                    "{text:?} {start}..{end}"
                );
            }
        }
    }

    #[test]
    fn bispecific_joins_found_once_per_document_at_the_edges() {
        for text in [
            "a CD3xCD20 bispecific. PD-1×VEGF and 4-1BBxPD-L1",
            "Dose 3.xA; 3x.A; CD3xé; éxCD3; x; ×; Ax; A×; xA; ×A; 3×\u{2011}A",
            "CD3xCD20xCD19 and CD3××CD20, CD3xxCD20, 3xA xAx ×A×",
            "",
        ] {
            check_split_bispecific_in_every_range(text);
        }
    }

    #[test]
    fn bispecific_joins_found_once_per_document_on_every_sample_sentence() {
        let mut split = 0;
        // The samples hold few joins: each also with every space between a
        // digit or capital and a capital made an `x` join, and a `×` one.
        let mut texts = Vec::new();
        for text in super::super::sample_filings() {
            for join in ["x", "×"] {
                let mut joined = String::with_capacity(text.len() * 2);
                let mut prev = None;
                let mut chars = text.chars().peekable();
                while let Some(c) = chars.next() {
                    let next = chars.peek().copied();
                    if c == ' '
                        && prev.is_some_and(|p: char| p.is_ascii_digit() || p.is_ascii_uppercase())
                        && next.is_some_and(|n| n.is_ascii_uppercase())
                    {
                        joined.push_str(join);
                    } else {
                        joined.push(c);
                    }
                    prev = Some(c);
                }
                texts.push(joined);
            }
            texts.push(text);
        }
        for text in texts {
            let joins = bispecific_join_offsets(&text);
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                let got = split_bispecific_in(&text, s.start, s.end, &joins);
                split += usize::from(matches!(got, std::borrow::Cow::Owned(_)));
                assert_eq!(got, split_bispecific(st), "{st:?}");
            }
        }
        assert!(split > 0, "the samples hold bispecific joins");
    }

    proptest::proptest! {
        #[test]
        fn bispecific_joins_found_once_per_document(text in "[A-Z3xé×. \u{2011}a]{0,24}") {
            check_split_bispecific_in_every_range(&text);
        }
    }

    /// What the brand loop read off `BRAND_RE`'s capture groups before
    /// it took the name from the match: name, its end, and the lowercase
    /// word after the mark.
    fn brands_by_captures(s: &str) -> Vec<(usize, usize, String)> {
        BRAND_RE
            .captures_iter(s)
            .filter_map(|c| {
                let name = c.get(1)?;
                let after = s.get(c.get(0).map_or(name.end(), |m| m.end())..)?;
                let next: String = after
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>()
                    .to_ascii_lowercase();
                Some((name.start(), name.end(), next))
            })
            .collect()
    }

    /// The same read off the match with [`brand_name`], and whether the
    /// next word is a platform word both ways.
    fn check_brand_names(s: &str) {
        let by_match: Vec<(usize, usize)> = BRAND_RE
            .find_iter(s)
            .filter_map(|m| Some((m.start(), m.start() + brand_name(m.as_str())?.len())))
            .collect();
        let by_captures = brands_by_captures(s);
        let spans: Vec<(usize, usize)> = by_captures.iter().map(|c| (c.0, c.1)).collect();
        assert_eq!(by_match, spans, "{s:?}");
        for (_, _, next) in by_captures {
            for word in casings_ascii(&next) {
                assert_eq!(
                    PLATFORM_WORDS.iter().any(|w| w.eq_ignore_ascii_case(&word)),
                    PLATFORM_WORDS.contains(&word.to_ascii_lowercase().as_str()),
                    "{word:?}"
                );
            }
        }
    }

    /// `w` as written, uppercased and with its first letter uppercased.
    fn casings_ascii(w: &str) -> [String; 3] {
        let title = w
            .get(..1)
            .map(|f| format!("{}{}", f.to_ascii_uppercase(), w.get(1..).unwrap_or("")))
            .unwrap_or_default();
        [w.to_string(), w.to_ascii_uppercase(), title]
    }

    #[test]
    fn brand_names_agree_with_the_capture_group_at_the_edges() {
        for s in [
            "Zeta® and Zeta ® and Zeta\u{a0}® and Zeta\u{2003}™ and Zeta\u{85}(R)",
            "Zeta  ® Zeta\t(TM) Zeta-12™ Zeta Alpha® Zeta alpha® ZE® Zeta(R)(TM)",
            "Probody™ technology; XYZ™ PLATFORM; Abc® Technologies; Abc™ \u{212a}ey",
            "Abc® teſt; Abc™ Syſtems; Abc® systems-based; Abc™\u{2011}platform",
            "Zeta Ωmega® Zeta Alpha\u{2009}® Zetaé® Zeta Éclair™ Zeta Alpha\u{200b}®",
            "",
        ] {
            check_brand_names(s);
        }
        for w in PLATFORM_WORDS {
            check_brand_names(&format!("Abc® {w} Abc™ {} Abc® {}s", w.to_uppercase(), w));
        }
    }

    #[test]
    fn brand_names_agree_with_the_capture_group_on_every_sample_sentence() {
        let mut found = 0;
        for text in super::super::sample_filings() {
            for s in super::super::sentences::split(&text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                check_brand_names(st);
                found += BRAND_RE.find_iter(st).count();
            }
        }
        assert!(found > 0, "the samples hold brands");
    }

    proptest::proptest! {
        #[test]
        fn brand_names_agree_with_the_capture_group(
            s in "(Zeta|Ab|[A-Z][a-z]{0,3}|[ \u{a0}\u{2003}\t]|®|™|\\(R\\)|\\(TM\\)|-|1|é|technology|TEST|Ωx){0,10}",
        ) {
            check_brand_names(&s);
        }
    }

    #[test]
    fn name_lead_set_is_both_lists() {
        for w in NOT_ORG_START.iter().chain(GENERIC_LEAD) {
            assert!(NOT_NAME_LEAD.contains(w), "{w}");
        }
        for w in NOT_NAME_LEAD.iter() {
            assert!(NOT_ORG_START.contains(w) || GENERIC_LEAD.contains(w), "{w}");
        }
        for w in ["the", "THE", "Acme", "", "Of ", "Release,"] {
            assert_eq!(
                NOT_NAME_LEAD.contains(w),
                NOT_ORG_START.contains(&w) || GENERIC_LEAD.contains(&w),
                "{w:?}"
            );
        }
    }

    #[test]
    fn orgs_by_suffix() {
        let s =
            "Maskbody is a trademark of Helio Therapeutics, Inc. The deal with Kiromic AG closed.";
        let got: Vec<String> = find_orgs_by_suffix(s).into_iter().map(|f| f.what).collect();
        assert_eq!(got, ["Helio Therapeutics, Inc.", "Kiromic AG"]);
        assert_eq!(
            strip_legal_suffix("Acme Therapeutics, Inc."),
            "Acme Therapeutics"
        );
    }

    #[test]
    fn phases() {
        let s = "a Phase 1b/2 trial, Phase IIa, pivotal Phase 3, Phase II/III and an IND";
        let got: Vec<PhaseWord> = find_phases(s).into_iter().map(|f| f.what).collect();
        assert_eq!(
            got,
            [
                PhaseWord::Phase(Phase::PhaseI2),
                PhaseWord::Phase(Phase::PhaseII),
                PhaseWord::Phase(Phase::PhaseIII),
                PhaseWord::Phase(Phase::PhaseII3),
                PhaseWord::Phase(Phase::Ind)
            ]
        );
    }

    #[test]
    fn money() {
        let got: Vec<(f64, &str)> = find_money(
            "US$2M, $150,000, €10 million, 222 million CHF, $1.5 billion, \\$5.0 million",
        )
        .into_iter()
        .map(|f| (f.what.amount, f.what.currency))
        .collect();
        assert_eq!(
            got,
            [
                (2e6, "USD"),
                (150000.0, "USD"),
                (1e7, "EUR"),
                (2.22e8, "CHF"),
                (1.5e9, "USD"),
                (5e6, "USD")
            ]
        );
    }

    /// [`find_targets_cued`] as it was: names and aliases copied for every
    /// match, before the overlaps are dropped.
    fn find_targets_cued_copying(s: &str, cues: Cues) -> Vec<Found<TargetName>> {
        let mut out = Vec::new();
        if cues.has(Cues::CD) {
            for m in CD_RE.find_iter(s) {
                let name = m.as_str().to_string();
                let (name, aliases) = match LEXICON.target_by_key.get(&name_key(&name)) {
                    Some(&i) => {
                        let t = lexicon::TARGETS.get(i);
                        (
                            t.map_or(name.clone(), |t| t.name.to_string()),
                            t.map_or(vec![], |t| {
                                t.aliases.iter().map(|a| a.to_string()).collect()
                            }),
                        )
                    }
                    None => (name, vec![]),
                };
                out.push(Found {
                    start: m.start(),
                    end: m.end(),
                    what: TargetName { name, aliases },
                });
            }
        }
        let (ac, idx) = &*TARGET_AC;
        if cues.has(Cues::TARGET) {
            for m in ac.find_iter(s) {
                let before = s.get(..m.start()).and_then(|b| b.chars().next_back());
                if before.is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
                let after = s.get(m.end()..).unwrap_or("");
                let glued_ok = after.starts_with("expressing") || after.starts_with("positive");
                if after.chars().next().is_some_and(|c| c.is_alphanumeric()) && !glued_ok {
                    // Allow "NMTi"/"NMTis" (inhibitor abbreviations).
                    if !(after.starts_with('i')
                        && !after
                            .get(1..2)
                            .is_some_and(|c| c.chars().all(|c| c.is_ascii_lowercase()))
                        || after.starts_with("is ")
                        || after.starts_with("is)")
                        || after.starts_with("is,"))
                    {
                        continue;
                    }
                }
                let Some(t) = idx
                    .get(m.pattern().as_usize())
                    .and_then(|&i| lexicon::TARGETS.get(i))
                else {
                    continue;
                };
                if m.end() - m.start() <= 2 && t.name.len() > 2 {
                    continue;
                }
                out.push(Found {
                    start: m.start(),
                    end: m.end(),
                    what: TargetName {
                        name: t.name.to_string(),
                        aliases: t.aliases.iter().map(|a| a.to_string()).collect(),
                    },
                });
            }
        }
        dedup_overlaps(out)
    }

    /// Targets found as [`TargetRef`]s and named afterwards are the targets
    /// the copying finder gave, on every sentence of the samples (split at
    /// bispecific joins too) and on edge cases; returns how many targets
    /// and how many of them were CD names the lexicon does not know.
    fn check_target_refs(s: &str) -> (usize, usize) {
        let want = find_targets_cued_copying(s, Cues::ALL);
        assert_eq!(find_targets_cued(s, Cues::ALL), want, "in {s:?}");
        let refs = find_target_refs_cued(s, Cues::ALL);
        let named = refs
            .iter()
            .filter(|f| matches!(f.what, TargetRef::Named(_)))
            .count();
        (want.len(), named)
    }

    #[test]
    fn target_refs_name_the_targets_the_copying_finder_gave() {
        let mut texts = super::super::sample_filings();
        for e in std::fs::read_dir("benches/data").expect("bench data") {
            let bytes = std::fs::read(e.expect("entry").path()).expect("bench sample");
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        let (mut n, mut named) = (0, 0);
        for text in &texts {
            for s in super::super::sentences::split(text) {
                let st = text.get(s.start..s.end).unwrap_or("");
                for t in [st, &split_bispecific(st)] {
                    let (a, b) = check_target_refs(t);
                    n += a;
                    named += b;
                }
            }
        }
        assert!(n >= 40, "only {n} targets in the samples");
        for s in [
            "",
            "CD999-targeting and CD19, CD138, IL-6R, IL-2Rα, HER2 and HER3 (CD3xCD20)",
            "HER2+ and HER2-positive, CanAgexpressing, NMTi and NMTis, TF and AR, C5",
            "Claudin 18.2, Claudin-18.2, CLDN18.2, folate receptor α (FRα)",
            "ſ\u{212a}CD20 \u{212a}HER2 CD\u{2011}20 IL\u{2011}6 Über-CD19 éHER2 HER2é",
        ] {
            let (a, b) = check_target_refs(s);
            n += a;
            named += b;
        }
        assert!(n >= 55, "only {n} targets in the samples and edge cases");
        assert!(named > 0, "no CD name outside the lexicon checked");
    }

    #[test]
    fn targets_with_cues() {
        let s = "This CD138-targeting ADC and folate receptor α (FRα)-positive cancers";
        let got: Vec<String> = find_targets(s).into_iter().map(|f| f.what.name).collect();
        assert_eq!(got, ["CD138", "FOLR1", "FOLR1"]);
    }
}
