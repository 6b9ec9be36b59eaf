//! Property tests: date resolution, money parsing, DOT quoting, and ingest/extract never panicking on arbitrary bytes.

use pipegraph::extract::dates::DateContext;
use pipegraph::extract::mentions::find_money;
use pipegraph::model::FuzzyDate;
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
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
];

fn days_in(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| chrono::NaiveDate::from_ymd_opt(y, m, d).is_some())
        .unwrap_or(28)
}

/// A date context with any (or no) report date and any fiscal year end.
fn ctx() -> impl Strategy<Value = DateContext> {
    (
        proptest::option::of((1990i32..2040, 1u32..=12, 1u32..=28)),
        1u32..=12,
    )
        .prop_map(|(r, fye)| DateContext {
            report: r.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
            fiscal_year_end_month: fye,
        })
}

/// Months since year 0 of (year, month 1–12).
fn idx(y: i32, m: u32) -> i32 {
    y * 12 + m as i32 - 1
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any "Month D, YYYY" (full or 3-letter month, comma optional) in a
    /// sentence resolves to that day, with the exact byte range.
    #[test]
    fn month_day_year_resolves_to_that_day(
        c in ctx(),
        y in 1900i32..=2099,
        m in 1u32..=12,
        d in 1u32..=31,
        abbrev in any::<bool>(),
        comma in any::<bool>(),
        before in "[a-z ]{0,20}",
    ) {
        let d = d.min(days_in(y, m));
        let name = MONTHS[m as usize - 1];
        let month = if abbrev && m != 5 { &name[..3] } else { name };
        let expr = format!("{month} {d}{} {y}", if comma { "," } else { "" });
        let text = format!("{before} on {expr}, the trial began.");
        let found = c.find(&text);
        let start = before.len() + 4;
        let hit = found.iter().find(|f| f.start == start);
        prop_assert!(hit.is_some(), "{text:?}: {found:?}");
        if let Some(f) = hit {
            prop_assert_eq!(f.end, start + expr.len(), "{:?}", text);
            prop_assert_eq!(f.date, FuzzyDate::Day(y, m, d), "{:?}", text);
        }
    }

    /// "nQ FYyyyy" and "the nth quarter of fiscal yyyy" land where fiscal
    /// quarter n is: fiscal year yyyy is the 12 months ending with the fiscal
    /// year end month of yyyy, so quarter n ends 3(4 - n) months before that.
    /// The result starts in the quarter's first month, and when fiscal
    /// quarters are calendar quarters it is exactly that calendar quarter.
    #[test]
    fn fiscal_quarters_land_in_the_right_calendar_quarter(
        c in ctx(),
        fy in 1990i32..=2060,
        q in 1u32..=4,
        words in any::<bool>(),
    ) {
        let fye = c.fiscal_year_end_month;
        // Fiscal year fy is the 12 months ending with month fye of year fy.
        let last = idx(fy, fye) - 3 * (4 - q as i32);
        let first = last - 2;
        let text = if words {
            let nth = ["first", "second", "third", "fourth"][q as usize - 1];
            format!("Data are expected in the {nth} quarter of fiscal {fy}.")
        } else {
            format!("Data are expected in {q}Q FY{fy}.")
        };
        let found = c.find(&text);
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", text, found);
        let got = found.first().map(|f| f.date);
        prop_assert_eq!(got, Some(c.fiscal_quarter(fy, q)));
        if let Some(date) = got {
            let (y0, m0) = date.first_month();
            prop_assert_eq!(idx(y0, m0), first, "{:?} -> {:?}", text, date);
            if fye.is_multiple_of(3) {
                // Fiscal quarters are calendar quarters.
                let (y1, m1) = date.last_month();
                prop_assert_eq!(idx(y1, m1), last, "{:?} -> {:?}", text, date);
                prop_assert!(matches!(date, FuzzyDate::Quarter(..)), "{:?}", date);
            }
        }
    }

    /// Whole amounts with thousands separators round-trip exactly.
    #[test]
    fn money_whole_amounts_round_trip(n in 0u64..=999_999_999_999) {
        let s = group(n);
        let text = format!("an upfront payment of ${s} in cash");
        let m = find_money(&text);
        prop_assert_eq!(m.len(), 1, "{:?}: {:?}", text, m);
        if let Some(f) = m.first() {
            prop_assert_eq!(f.what.amount, n as f64, "{:?}", text);
            prop_assert_eq!(f.what.currency, "USD");
            let want = format!("${s}");
            prop_assert_eq!(text.get(f.start..f.end), Some(want.as_str()));
        }
    }

    /// "<symbol or code> X.YY million/billion/thousand" and "X million EUR"
    /// round-trip to within float rounding, with the currency.
    #[test]
    fn money_scaled_amounts_round_trip(
        whole in 0u64..=9_999,
        cents in 0u64..=99,
        scale in 0usize..3,
        cur in 0usize..6,
        trailing in any::<bool>(),
    ) {
        let (word, mult) = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)][scale];
        let (sym, code, iso) = [
            ("$", "USD", "USD"),
            ("€", "EUR", "EUR"),
            ("£", "GBP", "GBP"),
            ("US$", "USD", "USD"),
            ("CHF ", "CHF", "CHF"),
            ("EUR ", "EUR", "EUR"),
        ][cur];
        let num = format!("{whole}.{cents:02}");
        let text = if trailing {
            format!("a milestone of {num} {word} {code} upon approval")
        } else {
            format!("a milestone of {sym}{num} {word} upon approval")
        };
        let want = (whole as f64 + cents as f64 / 100.0) * mult;
        let m = find_money(&text);
        prop_assert_eq!(m.len(), 1, "{:?}: {:?}", text, m);
        if let Some(f) = m.first() {
            prop_assert!((f.what.amount - want).abs() <= want * 1e-12 + 1e-6, "{:?}: {} != {}", text, f.what.amount, want);
            prop_assert_eq!(f.what.currency, iso, "{:?}", text);
        }
    }

    /// `quote` gives one valid DOT string: quoted, every inner `"` escaped,
    /// and unescaping it gives the input back (line breaks as `\n`, other
    /// control characters as spaces).
    #[test]
    fn dot_quote_parses_back(s in any::<String>(), t in "[\"\\\\&\r\n\ta-z\u{0}-\u{1f}é—]{0,40}") {
        for s in [s, t] {
            let q = pipegraph::export::dot::quote(&s);
            let back = unquote(&q);
            prop_assert!(back.is_some(), "{:?} -> {:?}", s, q);
            prop_assert_eq!(back, Some(expected_label(&s)), "{:?} -> {:?}", s, q);
        }
    }

    /// Arbitrary bytes, as text, HTML or submission body: ingest and extract
    /// never panic, and evidence ranges stay in the input.
    #[test]
    fn ingest_and_extract_never_panic(
        data in proptest::collection::vec(
            prop_oneof![any::<u8>(), Just(b'<'), Just(b'>'), Just(b'&'), Just(b'\n'), Just(b'$')],
            0..400,
        ),
        kind in 0usize..3,
    ) {
        let (name, bytes) = match kind {
            0 => ("p.txt", data.clone()),
            1 => ("p.htm", data.clone()),
            _ => {
                let mut v = b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n".to_vec();
                v.extend(&data);
                ("s.txt", v)
            }
        };
        if let Ok(doc) = pipegraph::ingest::ingest_bytes(name, &bytes) {
            let facts = pipegraph::extract::extract(&doc);
            for e in facts.phase_events.iter().map(|p| &p.evidence) {
                prop_assert!(e.start <= e.end && e.end <= bytes.len(), "{:?}", e);
            }
        }
    }
}

/// `n` with `,` thousands separators.
fn group(n: u64) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Parses a DOT double-quoted string (as Graphviz reads a label: `\"`, `\\`,
/// `\n` escapes, then `&amp;` as `&`); `None` when it is not exactly one
/// quoted string.
fn unquote(q: &str) -> Option<String> {
    let inner = q.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => match it.next()? {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                _ => return None,
            },
            '"' => return None,
            '&' => {
                let rest = it.as_str();
                let tail = rest.strip_prefix("amp;")?;
                out.push('&');
                it = tail.chars();
            }
            c if c.is_control() => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// What a label should read back as: CRLF and CR as `\n`, other controls as spaces.
fn expected_label(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' | '\n' => '\n',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}
