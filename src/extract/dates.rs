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
    pub fn find(&self, text: &str) -> Vec<DateMention> {
        let mut out = Vec::new();
        let re = if text.is_ascii() {
            &*DATE_RE_ASCII
        } else {
            &*DATE_RE
        };
        let gi = &*GROUPS;
        let mut locs = re.capture_locations();
        let mut pos = 0usize;
        while let Some(whole) = re.captures_read_at(&mut locs, text, pos) {
            // Every alternative of the pattern consumes at least one
            // character, so a match never is empty and the search moves on.
            if whole.end() <= pos {
                break;
            }
            pos = whole.end();
            let g = |i: usize| locs.get(i).and_then(|(s, e)| text.get(s..e));
            let date = if g(gi.mdy).is_some() {
                let (m, d, y) = (month_num(g(gi.m1).unwrap_or("")), g(gi.d1), g(gi.y1));
                match (m, d.and_then(|d| d.parse().ok()), y.and_then(year)) {
                    (Some(m), Some(d), Some(y)) if NaiveDate::from_ymd_opt(y, m, d).is_some() => {
                        Some(FuzzyDate::Day(y, m, d))
                    }
                    (Some(m), _, Some(y)) => Some(FuzzyDate::Month(y, m)),
                    _ => None,
                }
            } else if g(gi.my).is_some() {
                match (month_num(g(gi.m2).unwrap_or("")), g(gi.y2).and_then(year)) {
                    (Some(m), Some(y)) => Some(FuzzyDate::Month(y, m)),
                    _ => None,
                }
            } else if g(gi.qfy).is_some() {
                let q = g(gi.q3).and_then(|q| q.parse().ok()).unwrap_or(1);
                g(gi.y3).and_then(year).map(|fy| self.fiscal_quarter(fy, q))
            } else if g(gi.fyq).is_some() || g(gi.fyq2).is_some() {
                let q = g(gi.qw4).or(g(gi.qw9)).and_then(ordinal).unwrap_or(1);
                g(gi.y4)
                    .or(g(gi.y9))
                    .and_then(year)
                    .map(|fy| self.fiscal_quarter(fy, q))
            } else if g(gi.q).is_some() {
                let q: u32 = g(gi.q5)
                    .or(g(gi.q5b))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1);
                g(gi.y5).and_then(year).map(|y| FuzzyDate::Quarter(y, q))
            } else if g(gi.qw).is_some() {
                let q = g(gi.qw6).and_then(ordinal).unwrap_or(1);
                g(gi.y6).and_then(year).map(|y| FuzzyDate::Quarter(y, q))
            } else if g(gi.h).is_some() {
                let h: u32 = g(gi.h7)
                    .or(g(gi.h7b))
                    .and_then(|h| h.parse().ok())
                    .unwrap_or(1);
                match g(gi.y7).and_then(year) {
                    Some(y) => Some(FuzzyDate::Half(y, h)),
                    None => self.report_ym().map(|(y, _)| FuzzyDate::Half(y, h)),
                }
            } else if g(gi.hw).is_some() {
                let h = g(gi.hw8).and_then(ordinal).unwrap_or(1);
                g(gi.y8).and_then(year).map(|y| FuzzyDate::Half(y, h))
            } else if g(gi.rel).is_some() {
                let w = g(gi.rw).unwrap_or("").to_ascii_lowercase();
                g(gi.y10).and_then(year).map(|y| {
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
            } else if g(gi.inm).is_some() {
                // The latest such month not after the report month.
                match (month_num(g(gi.m11).unwrap_or("")), self.report_ym()) {
                    (Some(m), Some((ry, rm))) => {
                        let y = if m <= rm { ry } else { ry - 1 };
                        Some(FuzzyDate::Month(y, m))
                    }
                    _ => None,
                }
            } else if g(gi.thisq).is_some() {
                self.report_ym()
                    .map(|(y, m)| FuzzyDate::Quarter(y, m.div_ceil(3)))
            } else if g(gi.thisy).is_some() {
                self.report_ym().map(|(y, _)| {
                    if whole.as_str().contains("end") {
                        FuzzyDate::Quarter(y, 4)
                    } else {
                        FuzzyDate::Year(y)
                    }
                })
            } else if g(gi.backhalf).is_some() {
                self.report_ym().map(|(y, _)| FuzzyDate::Half(y, 2))
            } else if g(gi.midyear).is_some() {
                self.report_ym().map(|(y, _)| FuzzyDate::Half(y, 1))
            } else if g(gi.nexty).is_some() {
                self.report_ym().map(|(y, _)| FuzzyDate::Year(y + 1))
            } else if g(gi.today).is_some() {
                self.report_ym().map(|(y, m)| FuzzyDate::Month(y, m))
            } else if g(gi.fy).is_some() {
                // A whole fiscal year: its calendar year when fiscal = calendar,
                // else the year in which it ends.
                g(gi.y12).and_then(year).map(FuzzyDate::Year)
            } else if g(gi.y).is_some() {
                g(gi.y13).and_then(year).map(FuzzyDate::Year)
            } else {
                None
            };
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
