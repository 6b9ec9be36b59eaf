//! Date expressions (`October 27, 2011`, `in September`, `4Q 2011`, `2Q FY2014`, `early 2012`, `this quarter`) found in a sentence and resolved against the report date.

use crate::model::FuzzyDate;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// What dates are resolved against: the document's report date and the
/// month its fiscal year ends (12 when unknown: fiscal = calendar).
#[derive(Debug, Clone, Copy)]
pub struct DateContext {
    /// The report date; `None` leaves relative expressions unresolved.
    pub report: Option<NaiveDate>,
    /// Month (1–12) in which the fiscal year ends.
    pub fiscal_year_end_month: u32,
}

/// A date expression found in text: byte range within the searched string,
/// and the resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The resolved date.
    pub date: FuzzyDate,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

/// The date pattern: one alternative per kind of expression, each in a
/// named group; the first alternative that matches at a position wins.
fn date_pattern() -> String {
    format!(
        r"(?x)
        (?P<mdy>(?-u:\b)(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)(?-u:\b))
      | (?P<my>(?-u:\b)(?P<m2>{MONTHS}),?\s+(?:of\s+)?(?P<y2>(?:19|20)\d\d)(?-u:\b))
      | (?P<qfy>(?-u:\b)(?P<q3>[1-4])Q\s*(?:FY|fiscal\s+(?:year\s+)?)\s*'?(?P<y3>(?:19|20)?\d\d)(?-u:\b))
      | (?P<fyq>(?-u:\b)(?P<qw4>first|second|third|fourth)\s+quarter\s+of\s+(?:the\s+company's\s+)?(?:fiscal\s+(?:year\s+)?|FY\s*)(?P<y4>(?:19|20)\d\d)(?-u:\b))
      | (?P<fyq2>(?-u:\b)(?P<qw9>first|second|third|fourth)\s+quarter\s+of\s+(?:the\s+)?(?:company's\s+)?(?P<y9>(?:19|20)\d\d)\s+fiscal\s+year(?-u:\b))
      | (?P<q>(?-u:\b)(?:(?P<q5>[1-4])Q|Q(?P<q5b>[1-4]))\s*'?(?P<y5>(?:19|20)\d\d)(?-u:\b))
      | (?P<qw>(?-u:\b)(?P<qw6>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?:calendar\s+(?:year\s+)?)?(?P<y6>(?:19|20)\d\d)(?-u:\b))
      | (?P<h>(?-u:\b)(?:(?P<h7>[12])H|H(?P<h7b>[12]))\s*(?P<y7>(?:19|20)\d\d|(?-u:\B)\d\d)?(?-u:\b))
      | (?P<hw>(?-u:\b)(?P<hw8>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?P<y8>(?:19|20)\d\d)(?-u:\b))
      | (?P<rel>(?-u:\b)(?P<rw>early|mid|late|end\s+of|year-end|the\s+end\s+of|beginning\s+of|summer\s+of|spring\s+of|fall\s+of|autumn\s+of|winter\s+of)[-\s]+(?P<y10>(?:19|20)\d\d)(?-u:\b))
      | (?P<inm>(?-u:\b)(?:in|since|during|through|by)\s+(?:early\s+|late\s+|mid-)?(?P<m11>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b))
      | (?P<thisq>(?-u:\b)this\s+quarter(?-u:\b)|(?-u:\b)the\s+current\s+quarter(?-u:\b))
      | (?P<thisy>(?-u:\b)this\s+year(?-u:\b)|(?-u:\b)by\s+(?:the\s+)?(?:end\s+of\s+the\s+)?year[-\s]end(?-u:\b)|(?-u:\b)by\s+the\s+end\s+of\s+(?:the|this)\s+year(?-u:\b)|(?-u:\b)later\s+this\s+year(?-u:\b))
      | (?P<backhalf>(?-u:\b)(?:back|second|latter)\s+half\s+of\s+(?:this|the)\s+year(?-u:\b))
      | (?P<midyear>(?-u:\b)(?:by\s+)?mid-year(?-u:\b)|(?-u:\b)this\s+summer(?-u:\b))
      | (?P<nexty>(?-u:\b)next\s+year(?-u:\b))
      | (?P<today>(?-u:\b)today(?-u:\b)|(?-u:\b)this\s+week(?-u:\b)|(?-u:\b)earlier\s+this\s+(?:month|week)(?-u:\b)|(?-u:\b)this\s+month(?-u:\b))
      | (?P<fy>(?-u:\b)(?:FY|fiscal\s+(?:year\s+)?)\s*(?P<y12>(?:19|20)\d\d)(?-u:\b))
      | (?P<y>(?-u:\b)(?:in|by|during|of|for|since|through|until|from)\s+(?P<y13>(?:19|20)\d\d)(?-u:\b))
    "
    )
}

/// The date pattern as written: Unicode `\d` and `\s`. Used on text that
/// holds a non-ASCII character.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&super::without_prefilter(&date_pattern())).expect("static date regex")
});

/// The date pattern with ASCII classes (see [`ascii_classes`]), for ASCII
/// text, on which it finds exactly what [`DATE_RE`] finds. Its NFA is much
/// smaller (Unicode `\d` compiles to many UTF-8 states), which makes the
/// bounded backtracker that fills the capture groups cheaper.
static DATE_RE_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&super::without_prefilter(&ascii_classes(&date_pattern())))
        .expect("static date regex")
});

/// Rewrites Unicode `\d` to `[0-9]` and `\s` to `[[:space:]]`
/// (`[\t\n\v\f\r ]`). On ASCII text the two forms match the same
/// characters: the ASCII members of Unicode `Nd` are `0`–`9`, and those of
/// `White_Space` are tab, line feed, vertical tab, form feed, carriage return
/// and space. The date pattern has no other Unicode-aware item (no `(?i)`,
/// no `\w`, no `.`; its word boundaries are already ASCII), so on ASCII text
/// the rewritten pattern has the same matches and capture groups.
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\d", "[0-9]")
        .replace(r"\s", "[[:space:]]")
}

/// Declares [`Groups`], one field per named capture group of [`DATE_RE`],
/// and [`Groups::of`], which looks each name up once.
macro_rules! groups {
    ($($name:ident),* $(,)?) => {
        /// Indices of [`DATE_RE`]'s named capture groups, resolved once so
        /// that [`DateContext::find`] reads a group by index instead of
        /// hashing its name for every lookup.
        struct Groups {
            $($name: usize,)*
        }

        impl Groups {
            /// The index of every group in `re`, looked up by field name.
            fn of(re: &Regex) -> Groups {
                let names: Vec<Option<&str>> = re.capture_names().collect();
                let at = |name: &str| {
                    names
                        .iter()
                        .position(|&n| n == Some(name))
                        .expect("group named in the static date regex")
                };
                Groups {
                    $($name: at(stringify!($name)),)*
                }
            }
        }
    };
}

groups!(
    mdy, m1, d1, y1, my, m2, y2, qfy, q3, y3, fyq, qw4, y4, fyq2, qw9, y9, q, q5, q5b, y5, qw, qw6,
    y6, h, h7, h7b, y7, hw, hw8, y8, rel, rw, y10, inm, m11, thisq, thisy, backhalf, midyear,
    nexty, today, fy, y12, y, y13,
);

/// The group indices of [`DATE_RE_ASCII`], which are those of [`DATE_RE`]
/// (same pattern, only its classes differ).
static GROUPS: LazyLock<Groups> = LazyLock::new(|| Groups::of(&DATE_RE_ASCII));

fn month_num(s: &str) -> Option<u32> {
    crate::model::month_number(s)
}

fn ordinal(s: &str) -> Option<u32> {
    match s.to_ascii_lowercase().as_str() {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        _ => None,
    }
}

fn year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(if y < 100 { 2000 + y } else { y })
}

impl DateContext {
    /// Converts fiscal quarter `q` of fiscal year `fy` to a calendar quarter,
    /// using the fiscal year end month (fiscal year `fy` ends in that month of `fy`).
    ///
    /// # Example
    /// ```
    /// use pipegraph::extract::dates::DateContext;
    /// use pipegraph::model::FuzzyDate;
    /// let ctx = DateContext { report: None, fiscal_year_end_month: 6 };
    /// // Q2 of the fiscal year ending June 2014 is October–December 2013.
    /// assert_eq!(ctx.fiscal_quarter(2014, 2), FuzzyDate::Quarter(2013, 4));
    /// ```
    pub fn fiscal_quarter(&self, fy: i32, q: u32) -> FuzzyDate {
        let end = self.fiscal_year_end_month.clamp(1, 12) as i32;
        // First month of the fiscal year, as months since year 0.
        let start = fy * 12 + end; // month index (0-based) of the month after the end, one year earlier
        let first = start - 12 + 3 * (q.clamp(1, 4) as i32 - 1);
        let y = first.div_euclid(12);
        let m = first.rem_euclid(12) as u32 + 1;
        if m % 3 == 1 {
            FuzzyDate::Quarter(y, m.div_ceil(3))
        } else {
            FuzzyDate::Month(y, m)
        }
    }

    fn report_ym(&self) -> Option<(i32, u32)> {
        self.report.map(|d| (d.year(), d.month()))
    }

    /// Finds and resolves every date expression in `text`, left to right,
    /// without overlaps. Relative expressions need a report date; without one
    /// they are skipped.
    ///
    /// Each match is located without its capture groups; its parts are
    /// read off the matched text (`Parts::of_text`), and only matches that
    /// reading does not settle go through the capture engine, which on this
    /// large pattern costs several times the search itself.
    pub fn find(&self, text: &str) -> Vec<DateMention> {
        let mut out = Vec::new();
        let re = if text.is_ascii() {
            &*DATE_RE_ASCII
        } else {
            &*DATE_RE
        };
        let mut locs = None;
        let mut pos = 0usize;
        while let Some(whole) = re.find_at(text, pos) {
            // Every alternative of the pattern consumes at least one
            // character, so a match never is empty and the search moves on.
            if whole.end() <= pos {
                break;
            }
            pos = whole.end();
            let t = whole.as_str();
            let parts = match Parts::of_text(t) {
                Some(p) => p,
                None => {
                    // The search from the match's start finds the same
                    // match (the leftmost match from there starts there),
                    // now with its groups.
                    let locs = locs.get_or_insert_with(|| re.capture_locations());
                    let same = re
                        .captures_read_at(locs, text, whole.start())
                        .is_some_and(|m| m.range() == whole.range());
                    match Parts::of_captures(locs, text).filter(|_| same) {
                        Some(p) => p,
                        None => continue,
                    }
                }
            };
            if let Some(date) = self.resolve(&parts, t) {
                out.push(DateMention {
                    start: whole.start(),
                    end: whole.end(),
                    date,
                });
            }
        }
        out
    }

    /// The date of a match `whole` of the date pattern, from its [`Parts`].
    fn resolve(&self, p: &Parts<'_>, whole: &str) -> Option<FuzzyDate> {
        match p.alt {
            Alt::Mdy => {
                let (m, d, y) = (month_num(p.month.unwrap_or("")), p.day, p.year);
                match (m, d.and_then(|d| d.parse().ok()), y.and_then(year)) {
                    (Some(m), Some(d), Some(y)) if NaiveDate::from_ymd_opt(y, m, d).is_some() => {
                        Some(FuzzyDate::Day(y, m, d))
                    }
                    (Some(m), _, Some(y)) => Some(FuzzyDate::Month(y, m)),
                    _ => None,
                }
            }
            Alt::My => match (month_num(p.month.unwrap_or("")), p.year.and_then(year)) {
                (Some(m), Some(y)) => Some(FuzzyDate::Month(y, m)),
                _ => None,
            },
            Alt::Qfy => {
                let q = p.num.and_then(|q| q.parse().ok()).unwrap_or(1);
                p.year.and_then(year).map(|fy| self.fiscal_quarter(fy, q))
            }
            Alt::Fyq => {
                let q = p.word.and_then(ordinal).unwrap_or(1);
                p.year.and_then(year).map(|fy| self.fiscal_quarter(fy, q))
            }
            Alt::Q => {
                let q: u32 = p.num.and_then(|q| q.parse().ok()).unwrap_or(1);
                p.year.and_then(year).map(|y| FuzzyDate::Quarter(y, q))
            }
            Alt::Qw => {
                let q = p.word.and_then(ordinal).unwrap_or(1);
                p.year.and_then(year).map(|y| FuzzyDate::Quarter(y, q))
            }
            Alt::H => {
                let h: u32 = p.num.and_then(|h| h.parse().ok()).unwrap_or(1);
                match p.year.and_then(year) {
                    Some(y) => Some(FuzzyDate::Half(y, h)),
                    None => self.report_ym().map(|(y, _)| FuzzyDate::Half(y, h)),
                }
            }
            Alt::Hw => {
                let h = p.word.and_then(ordinal).unwrap_or(1);
                p.year.and_then(year).map(|y| FuzzyDate::Half(y, h))
            }
            Alt::Rel => {
                let w = p.word.unwrap_or("").to_ascii_lowercase();
                p.year.and_then(year).map(|y| {
                    if w.starts_with("early") || w.starts_with("beginning") || w.starts_with("mid")
                    {
                        FuzzyDate::Half(y, 1)
                    } else if w.starts_with("spring") {
                        FuzzyDate::Quarter(y, 2)
                    } else if w.starts_with("summer") {
                        FuzzyDate::Quarter(y, 3)
                    } else if w.starts_with("fall") || w.starts_with("autumn") {
                        FuzzyDate::Quarter(y, 4)
                    } else if w.starts_with("winter") {
                        FuzzyDate::Quarter(y, 1)
                    } else if w.starts_with("late") {
                        FuzzyDate::Half(y, 2)
                    } else {
                        FuzzyDate::Quarter(y, 4)
                    }
                })
            }
            Alt::Inm => {
                // The latest such month not after the report month.
                match (month_num(p.month.unwrap_or("")), self.report_ym()) {
                    (Some(m), Some((ry, rm))) => {
                        let y = if m <= rm { ry } else { ry - 1 };
                        Some(FuzzyDate::Month(y, m))
                    }
                    _ => None,
                }
            }
            Alt::ThisQ => self
                .report_ym()
                .map(|(y, m)| FuzzyDate::Quarter(y, m.div_ceil(3))),
            Alt::ThisY => self.report_ym().map(|(y, _)| {
                if whole.contains("end") {
                    FuzzyDate::Quarter(y, 4)
                } else {
                    FuzzyDate::Year(y)
                }
            }),
            Alt::BackHalf => self.report_ym().map(|(y, _)| FuzzyDate::Half(y, 2)),
            Alt::MidYear => self.report_ym().map(|(y, _)| FuzzyDate::Half(y, 1)),
            Alt::NextY => self.report_ym().map(|(y, _)| FuzzyDate::Year(y + 1)),
            Alt::Today => self.report_ym().map(|(y, m)| FuzzyDate::Month(y, m)),
            // A whole fiscal year: its calendar year when fiscal = calendar,
            // else the year in which it ends.
            Alt::Fy | Alt::Y => p.year.and_then(year).map(FuzzyDate::Year),
        }
    }
}

/// The alternative of the date pattern a match comes from, by its outer
/// group (`fyq` and `fyq2` resolve alike and share [`Alt::Fyq`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alt {
    Mdy,
    My,
    Qfy,
    Fyq,
    Q,
    Qw,
    H,
    Hw,
    Rel,
    Inm,
    ThisQ,
    ThisY,
    BackHalf,
    MidYear,
    NextY,
    Today,
    Fy,
    Y,
}

/// What [`DateContext::resolve`] reads of a match: its alternative and the
/// text of the inner groups that alternative has (the month `m1`/`m2`/`m11`,
/// the day `d1`, the year `y1`…`y13`, the quarter or half digit, the
/// ordinal or relative word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts<'t> {
    alt: Alt,
    month: Option<&'t str>,
    day: Option<&'t str>,
    year: Option<&'t str>,
    num: Option<&'t str>,
    word: Option<&'t str>,
}

/// ASCII white space, the members of `\s` (and `[[:space:]]`) below 128.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The month names the pattern's `MONTHS` starts with, without their
/// optional period.
const MONTH_WORDS: [&str; 24] = [
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
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

impl<'t> Parts<'t> {
    /// An alternative with no inner group read.
    fn bare(alt: Alt) -> Parts<'t> {
        Parts {
            alt,
            month: None,
            day: None,
            year: None,
            num: None,
            word: None,
        }
    }

    /// The parts of a match from its capture groups (`None` if no
    /// alternative's group took part, which a match of the pattern rules
    /// out).
    fn of_captures(locs: &regex::CaptureLocations, text: &'t str) -> Option<Parts<'t>> {
        let gi = &*GROUPS;
        let g = |i: usize| locs.get(i).and_then(|(s, e)| text.get(s..e));
        let with = |alt, month, day, year, num, word| Parts {
            alt,
            month,
            day,
            year,
            num,
            word,
        };
        Some(if g(gi.mdy).is_some() {
            with(Alt::Mdy, g(gi.m1), g(gi.d1), g(gi.y1), None, None)
        } else if g(gi.my).is_some() {
            with(Alt::My, g(gi.m2), None, g(gi.y2), None, None)
        } else if g(gi.qfy).is_some() {
            with(Alt::Qfy, None, None, g(gi.y3), g(gi.q3), None)
        } else if g(gi.fyq).is_some() || g(gi.fyq2).is_some() {
            let (word, y) = (g(gi.qw4).or(g(gi.qw9)), g(gi.y4).or(g(gi.y9)));
            with(Alt::Fyq, None, None, y, None, word)
        } else if g(gi.q).is_some() {
            with(Alt::Q, None, None, g(gi.y5), g(gi.q5).or(g(gi.q5b)), None)
        } else if g(gi.qw).is_some() {
            with(Alt::Qw, None, None, g(gi.y6), None, g(gi.qw6))
        } else if g(gi.h).is_some() {
            with(Alt::H, None, None, g(gi.y7), g(gi.h7).or(g(gi.h7b)), None)
        } else if g(gi.hw).is_some() {
            with(Alt::Hw, None, None, g(gi.y8), None, g(gi.hw8))
        } else if g(gi.rel).is_some() {
            with(Alt::Rel, None, None, g(gi.y10), None, g(gi.rw))
        } else if g(gi.inm).is_some() {
            with(Alt::Inm, g(gi.m11), None, None, None, None)
        } else if g(gi.thisq).is_some() {
            Parts::bare(Alt::ThisQ)
        } else if g(gi.thisy).is_some() {
            Parts::bare(Alt::ThisY)
        } else if g(gi.backhalf).is_some() {
            Parts::bare(Alt::BackHalf)
        } else if g(gi.midyear).is_some() {
            Parts::bare(Alt::MidYear)
        } else if g(gi.nexty).is_some() {
            Parts::bare(Alt::NextY)
        } else if g(gi.today).is_some() {
            Parts::bare(Alt::Today)
        } else if g(gi.fy).is_some() {
            with(Alt::Fy, None, None, g(gi.y12), None, None)
        } else if g(gi.y).is_some() {
            with(Alt::Y, None, None, g(gi.y13), None, None)
        } else {
            return None;
        })
    }

    /// The parts of `t`, a whole match of the date pattern, read off its
    /// text; `None` when the text does not settle them (non-ASCII text, the
    /// `h` and `fyq2` alternatives, unusual shapes), and the caller reads
    /// the capture groups.
    ///
    /// Why the text settles them: every alternative starts with `\b` before
    /// a word character and (`h` aside) ends with a word character before
    /// `\b`, so whether an alternative matches exactly `t` does not depend
    /// on the text around it; leftmost-first, the match is then that of the
    /// first alternative in the pattern that matches `t` whole. The first
    /// word of `t` leaves one or two alternatives (the pattern is
    /// case-sensitive), told apart below by the word and by whether `t`
    /// ends with a year; the groups are then fixed by the shape (a
    /// four-digit year is the last four characters, preceded by a space, a
    /// hyphen or a letter, never a digit; a final month is the last word).
    fn of_text(t: &'t str) -> Option<Parts<'t>> {
        if !t.is_ascii() {
            return None;
        }
        let b = t.as_bytes();
        let lead = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let first = t.get(..lead)?;
        let tail = b
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let last = t.get(t.len() - tail..)?;
        let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let year = (digits == 4).then(|| t.get(t.len() - 4..)).flatten();
        let with_year = |alt, num, word| {
            year.map(|y| Parts {
                year: Some(y),
                num,
                word,
                ..Parts::bare(alt)
            })
        };
        match (b.first(), b.get(1)) {
            // `qfy` (`2Q FY2014`, `2Q fiscal 14`) before `q` (`2Q 2014`).
            (Some(b'1'..=b'4'), Some(b'Q')) => {
                let rest = t.get(2..)?.trim_start_matches(|c: char| is_space(c as u8));
                let q = t.get(..1);
                if rest.starts_with("FY") || rest.starts_with("fiscal") {
                    let y = t
                        .get(t.len() - digits..)
                        .filter(|_| digits == 2 || digits == 4);
                    return y.map(|y| Parts {
                        year: Some(y),
                        num: q,
                        ..Parts::bare(Alt::Qfy)
                    });
                }
                return with_year(Alt::Q, q, None);
            }
            (Some(b'Q'), Some(b'1'..=b'4')) => return with_year(Alt::Q, t.get(1..2), None),
            (Some(b'1'), Some(b's')) | (Some(b'2'), Some(b'n')) => {
                return with_year(Alt::Hw, None, t.get(..3))
                    .filter(|_| t.starts_with("1st") || t.starts_with("2nd"));
            }
            _ => {}
        }
        let second = t
            .get(lead..)?
            .trim_start_matches(|c: char| is_space(c as u8));
        let word = Some(first);
        match first {
            "first" | "second" | "third" | "fourth" if second.starts_with("quarter") => {
                // `fyq` and `qw` end with a year, `fyq2` with `fiscal year`;
                // only `fyq` holds `fiscal` or `FY`.
                if t.contains("fiscal") || t.contains("FY") {
                    with_year(Alt::Fyq, None, word)
                } else {
                    with_year(Alt::Qw, None, word)
                }
            }
            "first" | "second" if second.starts_with("half") => match year {
                Some(_) => with_year(Alt::Hw, None, word),
                None if first == "second" => Some(Parts::bare(Alt::BackHalf)),
                None => None,
            },
            "early" | "mid" | "late" | "end" | "year" | "the" | "beginning" | "summer"
            | "spring" | "fall" | "autumn" | "winter"
                if year.is_some() =>
            {
                let rw = t
                    .get(..t.len() - 4)?
                    .trim_end_matches(|c: char| c == '-' || is_space(c as u8));
                with_year(Alt::Rel, None, Some(rw))
            }
            "the" if last == "quarter" => Some(Parts::bare(Alt::ThisQ)),
            "mid" if t == "mid-year" => Some(Parts::bare(Alt::MidYear)),
            "in" | "since" | "during" | "through" | "by" => {
                if year.is_some() {
                    with_year(Alt::Y, None, None)
                } else if first != "by" {
                    Some(Parts {
                        month: Some(last),
                        ..Parts::bare(Alt::Inm)
                    })
                } else if t.ends_with("mid-year") {
                    Some(Parts::bare(Alt::MidYear))
                } else if last == "end" || last == "year" {
                    Some(Parts::bare(Alt::ThisY))
                } else {
                    Some(Parts {
                        month: Some(last),
                        ..Parts::bare(Alt::Inm)
                    })
                }
            }
            "this" => match last {
                "quarter" => Some(Parts::bare(Alt::ThisQ)),
                "year" => Some(Parts::bare(Alt::ThisY)),
                "summer" => Some(Parts::bare(Alt::MidYear)),
                "week" | "month" => Some(Parts::bare(Alt::Today)),
                _ => None,
            },
            "later" => Some(Parts::bare(Alt::ThisY)),
            "earlier" | "today" => Some(Parts::bare(Alt::Today)),
            "next" => Some(Parts::bare(Alt::NextY)),
            "back" | "latter" => Some(Parts::bare(Alt::BackHalf)),
            "of" | "for" | "until" | "from" => with_year(Alt::Y, None, None),
            "FY" | "fiscal" => with_year(Alt::Fy, None, None),
            m if MONTH_WORDS.contains(&m) => Parts::of_month_first(t, lead, year),
            _ => None,
        }
    }

    /// `mdy` (`March 5, 2024`) or else `my` (`March, 2024`, `March of
    /// 2024`) for `t` starting with the month word `t[..lead]`.
    fn of_month_first(t: &'t str, lead: usize, year: Option<&'t str>) -> Option<Parts<'t>> {
        let b = t.as_bytes();
        // The abbreviations' optional period belongs to the month.
        let m_end = lead + usize::from(b.get(lead) == Some(&b'.'));
        let month = t.get(..m_end);
        let year = year?;
        let spaces = |from: usize| {
            b.get(from..)
                .map_or(0, |r| r.iter().take_while(|&&c| is_space(c)).count())
        };
        // mdy: month, spaces, one or two digits, an optional comma, spaces, year.
        let s1 = spaces(m_end);
        let d_start = m_end + s1;
        let d_len = b
            .get(d_start..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        if s1 > 0 && (1..=2).contains(&d_len) {
            let mut k = d_start + d_len;
            k += usize::from(b.get(k) == Some(&b','));
            let s2 = spaces(k);
            if s2 > 0 && k + s2 + 4 == t.len() {
                return Some(Parts {
                    month,
                    day: t.get(d_start..d_start + d_len),
                    year: Some(year),
                    ..Parts::bare(Alt::Mdy)
                });
            }
        }
        // my: month, an optional comma, spaces, an optional `of` and
        // spaces, year.
        let mut k = m_end + usize::from(b.get(m_end) == Some(&b','));
        let s = spaces(k);
        if s == 0 {
            return None;
        }
        k += s;
        if t.get(k..).is_some_and(|r| r.starts_with("of")) {
            let s = spaces(k + 2);
            if s == 0 {
                return None;
            }
            k += 2 + s;
        }
        (k + 4 == t.len()).then_some(Parts {
            month,
            year: Some(year),
            ..Parts::bare(Alt::My)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `MONTH_WORDS` is `MONTHS` without its optional periods, `Sept?` as
    /// `Sep` and `Sept`: the two cannot drift apart.
    #[test]
    fn month_words_are_the_pattern_months() {
        let mut from_pattern: Vec<String> = MONTHS
            .split('|')
            .flat_map(|alt| {
                let w = alt.trim_end_matches("\\.?");
                match w.strip_suffix("t?") {
                    Some(stem) => vec![stem.to_string(), format!("{stem}t")],
                    None => vec![w.to_string()],
                }
            })
            .collect();
        let mut words: Vec<String> = MONTH_WORDS.iter().map(|w| w.to_string()).collect();
        from_pattern.sort();
        words.sort();
        assert_eq!(words, from_pattern);
    }

    fn check(report: &str, fye: u32, text: &str, expect: &[&str]) {
        let ctx = DateContext {
            report: NaiveDate::parse_from_str(report, "%Y-%m-%d").ok(),
            fiscal_year_end_month: fye,
        };
        let got: Vec<String> = ctx.find(text).iter().map(|d| d.date.to_string()).collect();
        assert_eq!(got, expect, "{text}");
    }

    /// Every named group of the pattern has a [`Groups`] field, and each
    /// field holds the index of the group of its name.
    #[test]
    fn group_indices_cover_every_named_group() {
        let g = &*GROUPS;
        let names: Vec<Option<&str>> = DATE_RE.capture_names().collect();
        let fields = [
            g.mdy, g.m1, g.d1, g.y1, g.my, g.m2, g.y2, g.qfy, g.q3, g.y3, g.fyq, g.qw4, g.y4,
            g.fyq2, g.qw9, g.y9, g.q, g.q5, g.q5b, g.y5, g.qw, g.qw6, g.y6, g.h, g.h7, g.h7b, g.y7,
            g.hw, g.hw8, g.y8, g.rel, g.rw, g.y10, g.inm, g.m11, g.thisq, g.thisy, g.backhalf,
            g.midyear, g.nexty, g.today, g.fy, g.y12, g.y, g.y13,
        ];
        let mut sorted = fields.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), fields.len(), "two fields share a group");
        assert_eq!(
            fields.len(),
            names.iter().flatten().count(),
            "a named group has no field"
        );
        assert_eq!(names.get(g.mdy), Some(&Some("mdy")));
        assert_eq!(names.get(g.y13), Some(&Some("y13")));
    }

    /// Every match of `re` over `text`, with the span of every group.
    fn all_captures(re: &Regex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    /// The ASCII-class rewrite is sound only if the pattern has no other
    /// Unicode-aware item; this checks the rewritten pattern.
    #[test]
    fn ascii_pattern_has_no_unicode_aware_item() {
        let a = ascii_classes(&date_pattern());
        let mut escaped = false;
        for c in a.chars() {
            if escaped {
                assert!(
                    !matches!(c, 'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'p' | 'P' | 'X'),
                    "Unicode-aware escape \\{c} left in the ASCII date pattern"
                );
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else {
                assert!(c != '.', "unescaped `.` in the date pattern");
            }
        }
        assert!(!a.contains("(?i") && !a.contains("(?u") && !a.contains("(?-x"));
        assert!(a.contains("[[:space:]]") && a.contains("[0-9]"));
        let names = |re: &Regex| {
            re.capture_names()
                .map(|n| n.map(String::from))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&DATE_RE), names(&DATE_RE_ASCII));
    }

    /// On ASCII text the ASCII-class pattern finds the same matches with the
    /// same groups as the pattern as written: on every ASCII line and
    /// sentence of the sample filings, on edge cases, and on generated text.
    #[test]
    fn ascii_pattern_agrees_with_the_unicode_pattern_on_ascii_text() {
        let same = |t: &str| {
            assert!(t.is_ascii());
            assert_eq!(
                all_captures(&DATE_RE, t),
                all_captures(&DATE_RE_ASCII, t),
                "{t:?}"
            );
        };
        let mut matched = 0usize;
        for text in super::super::sample_filings() {
            for line in text.lines().filter(|l| l.is_ascii()) {
                same(line);
                matched += DATE_RE.find_iter(line).count();
            }
            for s in super::super::sentences::split(&text) {
                if let Some(t) = text.get(s.start..s.end).filter(|t| t.is_ascii()) {
                    same(t);
                }
            }
        }
        assert!(
            matched > 100,
            "the sample filings hold few dates: {matched}"
        );
        for t in [
            "October\x0c27,\x0b2011 and Q4\t2011\r",
            "1Q\tFY'14, 2Q fiscal year 2014, H1 12 patients, 2H25.",
            "by year\x0bend; this\x1fquarter; next\u{7f}year; in\x1cJune",
            "in 2011. By the end of this year! Later this year?",
            "fourth quarter of the company's 2012 fiscal year",
            "",
            "2011",
        ] {
            same(t);
        }
        // Generated text: date words, digits and every ASCII white space.
        let words = [
            "October", "Oct.", "Sept", "27", "2011", "19", "20", "1Q", "Q3", "H2", "2H", "FY",
            "fiscal", "year", "quarter", "first", "half", "of", "the", "in", "by", "end", "mid-",
            "this", "next", "today", "'", ",", ".", "-", "14", "x", "_", "\t", "\n", "\x0b",
            "\x0c", "\r", " ", "\x1f", "\x00",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..12 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let w = words.get((state % words.len() as u64) as usize).copied();
                t.push_str(w.unwrap_or(""));
                if state & 0x300 == 0 {
                    t.push(' ');
                }
            }
            same(&t);
            agree_with_captures(&t);
        }
    }

    /// Text with a non-ASCII character goes to the pattern as written:
    /// Unicode white space and digits, and a non-ASCII letter elsewhere
    /// (`ſ`, U+017F, and the Kelvin sign, U+212A, which only `(?i)` would
    /// fold to ASCII; the date pattern is case-sensitive).
    #[test]
    fn non_ascii_text_uses_the_unicode_pattern() {
        check("2011-10-27", 12, "began in June\u{2003}2011", &["2011-06"]);
        check(
            "2011-10-27",
            12,
            "in 20\u{0661}\u{0661} and in 2012",
            &["2012"],
        );
        check(
            "2011-10-27",
            12,
            "Acme\u{17f} began in October 2011 this \u{17f}ummer",
            &["2011-10"],
        );
        check("2011-10-27", 12, "\u{212a}2 in 4Q 2011", &["2011-Q4"]);
        let ctx = DateContext {
            report: NaiveDate::from_ymd_opt(2011, 10, 27),
            fiscal_year_end_month: 12,
        };
        let a = ctx.find("in October 2011 and next year");
        let u = ctx.find("\u{212a} in October 2011 and next year");
        assert_eq!(a.len(), 2);
        let shift = '\u{212a}'.len_utf8() + 1;
        for (a, u) in a.iter().zip(&u) {
            assert_eq!(
                (a.start + shift, a.end + shift, a.date),
                (u.start, u.end, u.date)
            );
        }
    }

    /// [`DateContext::find`] as it was: every match through the capture
    /// engine (its parts read from the groups, then resolved alike).
    fn find_by_captures(ctx: &DateContext, text: &str) -> Vec<DateMention> {
        let re = if text.is_ascii() {
            &*DATE_RE_ASCII
        } else {
            &*DATE_RE
        };
        let mut locs = re.capture_locations();
        let mut out = Vec::new();
        let mut pos = 0usize;
        while let Some(whole) = re.captures_read_at(&mut locs, text, pos) {
            if whole.end() <= pos {
                break;
            }
            pos = whole.end();
            let date =
                Parts::of_captures(&locs, text).and_then(|p| ctx.resolve(&p, whole.as_str()));
            if let Some(date) = date {
                out.push(DateMention {
                    start: whole.start(),
                    end: whole.end(),
                    date,
                });
            }
        }
        out
    }

    /// Checks `find` against [`find_by_captures`] on `text`, and the parts
    /// read off every match against its capture groups; returns how many
    /// matches the text settled.
    fn agree_with_captures(text: &str) -> usize {
        let ctx = DateContext {
            report: NaiveDate::from_ymd_opt(2014, 1, 31),
            fiscal_year_end_month: 6,
        };
        assert_eq!(ctx.find(text), find_by_captures(&ctx, text), "{text:?}");
        let re = if text.is_ascii() {
            &*DATE_RE_ASCII
        } else {
            &*DATE_RE
        };
        let mut settled = 0;
        for c in re.captures_iter(text) {
            let whole = c.get(0).map_or("", |m| m.as_str());
            let mut locs = re.capture_locations();
            let start = c.get(0).map_or(0, |m| m.start());
            re.captures_read_at(&mut locs, text, start);
            if let Some(p) = Parts::of_text(whole) {
                assert_eq!(
                    Some(p),
                    Parts::of_captures(&locs, text),
                    "{whole:?} in {text:?}"
                );
                settled += 1;
            }
        }
        settled
    }

    /// Every alternative but `h` and `fyq2` is read off the text.
    #[test]
    fn parts_read_off_the_text_for_each_alternative() {
        for t in [
            "October 27, 2011",
            "Jan. 5 2012",
            "Sept., 2013",
            "May of 2014",
            "2Q FY2014",
            "3Q fiscal year '14",
            "second quarter of fiscal 2008",
            "fourth quarter of the company's FY 2012",
            "4Q 2011",
            "Q3\t2012",
            "first quarter of calendar year 2026",
            "1st half of 2026",
            "second half 2015",
            "the end of 2014",
            "mid-2014",
            "year-end 2013",
            "in early June",
            "by mid-March",
            "this quarter",
            "the current quarter",
            "by the end of this year",
            "by year-end",
            "later this year",
            "back half of this year",
            "second half of the year",
            "by mid-year",
            "this summer",
            "next year",
            "earlier this month",
            "today",
            "FY2014",
            "fiscal year 2013",
            "until 2015",
            "by 2016",
        ] {
            assert_eq!(agree_with_captures(t), 1, "{t:?}");
        }
        for t in ["2H 2014", "H1 12", "first quarter of 2012 fiscal year"] {
            assert_eq!(agree_with_captures(t), 0, "{t:?}");
        }
    }

    /// `find` gives what the capture engine gives on every line and
    /// sentence of the sample filings, most matches read off the text.
    #[test]
    fn find_agrees_with_captures_on_the_sample_filings() {
        let mut settled = 0;
        for text in super::super::sample_filings() {
            for line in text.lines() {
                settled += agree_with_captures(line);
            }
            for s in super::super::sentences::split(&text) {
                agree_with_captures(text.get(s.start..s.end).unwrap_or(""));
            }
            agree_with_captures(&text);
        }
        assert!(settled > 100, "few matches read off the text: {settled}");
    }

    proptest::proptest! {
        /// `find` gives what the capture engine gives on text made of date
        /// words, digits, ASCII and Unicode white space and digits, and
        /// non-ASCII letters.
        #[test]
        fn find_agrees_with_captures_on_any_text(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "October", "Oct.", "Sept", "May", "Dec", "27", "2011", "19", "20", "1Q", "Q3",
                "H2", "2H", "FY", "fiscal", "year", "quarter", "first", "second", "1st", "half",
                "of", "the", "company's", "calendar", "in", "by", "since", "until", "end",
                "mid-", "mid", "-", "year-end", "early", "late", "spring", "back", "this",
                "current", "next", "today", "earlier", "later", "week", "'", ",", ".", "14",
                "x", "_", "\t", "\n", "\x0b", "\x0c", "\r", " ", " ", " ", "\u{a0}",
                "\u{2003}", "\u{661}", "\u{17f}", "\u{e9}",
            ]), 0..14),
        ) {
            agree_with_captures(&words.concat());
        }
    }

    #[test]
    fn absolute_dates() {
        check(
            "2011-10-27",
            12,
            "On October 27, 2011, the company said",
            &["2011-10-27"],
        );
        check(
            "2011-10-27",
            12,
            "began in October 2011, triggering",
            &["2011-10"],
        );
        check(
            "2011-10-27",
            12,
            "data in 1Q 2012 and Q4 2011",
            &["2012-Q1", "2011-Q4"],
        );
        check(
            "2011-10-27",
            12,
            "in the fourth quarter of 2011",
            &["2011-Q4"],
        );
        check(
            "2014-01-31",
            12,
            "enrolling in 1H 2014 and report in 2H 2014",
            &["2014-H1", "2014-H2"],
        );
        check("2014-01-31", 12, "at a meeting in mid-2014", &["2014-H1"]);
        check(
            "2011-10-27",
            12,
            "on track to begin in early 2012",
            &["2012-H1"],
        );
        check("2014-01-31", 12, "results in late 2015", &["2015-H2"]);
        // A two-digit year only when glued to the half: "2H25", not "H1 12 patients".
        check(
            "2025-03-12",
            12,
            "an IND in 2H25 and data in H1 2026",
            &["2025-H2", "2026-H1"],
        );
        check("2025-03-12", 12, "enrolled H1 12 patients", &["2025-H1"]);
    }

    #[test]
    fn relative_dates_use_the_report_date() {
        check(
            "2011-10-27",
            12,
            "Roche initiated a Phase III trial in September for",
            &["2011-09"],
        );
        check(
            "2014-01-31",
            12,
            "entered the clinic in November, we believe",
            &["2013-11"],
        );
        check(
            "2011-10-27",
            12,
            "Phase I testing is expected to begin this quarter.",
            &["2011-Q4"],
        );
        check("2014-01-31", 12, "by year-end", &["2014-Q4"]);
    }

    #[test]
    fn fiscal_quarters_become_calendar_quarters() {
        // Fiscal year ends June 30: 2Q FY2014 is October–December 2013.
        check(
            "2014-01-31",
            6,
            "quarter ended December 31, 2013 (2Q FY2014)",
            &["2013-12-31", "2013-Q4"],
        );
        check(
            "2008-01-31",
            6,
            "for the second quarter of fiscal 2008 was",
            &["2007-Q4"],
        );
        check(
            "2008-01-31",
            12,
            "in the second quarter of fiscal 2008",
            &["2008-Q2"],
        );
    }
}
