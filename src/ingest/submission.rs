//! EDGAR full submissions (`<SEC-DOCUMENT>` / `<SEC-HEADER>`): reads the header and picks the text documents (the form itself and `EX-99*` exhibits).

use super::html;
use super::text::{TextBuf, normalize};

/// What the SEC header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Header {
    /// `CONFORMED SUBMISSION TYPE` (`"8-K"`).
    pub form: Option<String>,
    /// `CONFORMED PERIOD OF REPORT`, `YYYYMMDD`.
    pub period: Option<chrono::NaiveDate>,
    /// `COMPANY CONFORMED NAME` of the first filer.
    pub company: Option<String>,
    /// `FORMER CONFORMED NAME`s, newest first.
    pub former_names: Vec<String>,
    /// `ITEM INFORMATION` descriptions.
    pub items: Vec<String>,
    /// Month of `FISCAL YEAR END: MMDD`.
    pub fiscal_year_end_month: Option<u32>,
}

/// True when `s` starts (after whitespace) with an SEC submission tag.
pub(crate) fn is_submission(s: &str) -> bool {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    t.starts_with("<SEC-DOCUMENT>")
        || t.starts_with("<SEC-HEADER>")
        || t.starts_with("<IMS-DOCUMENT>")
}

/// Parses the header lines (`KEY:<tabs>value`) before the first `<DOCUMENT>`.
pub(crate) fn parse_header(s: &str) -> Header {
    let end = s
        .find("</SEC-HEADER>")
        .or_else(|| s.find("<DOCUMENT>"))
        .unwrap_or(s.len().min(20_000));
    let mut h = Header::default();
    for line in s.get(..end).unwrap_or("").lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let k = k.trim();
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match k {
            "CONFORMED SUBMISSION TYPE" if h.form.is_none() => h.form = Some(v.to_string()),
            "CONFORMED PERIOD OF REPORT" if h.period.is_none() => {
                h.period = chrono::NaiveDate::parse_from_str(v, "%Y%m%d").ok();
            }
            "COMPANY CONFORMED NAME" if h.company.is_none() => h.company = Some(v.to_string()),
            "FORMER CONFORMED NAME" => h.former_names.push(v.to_string()),
            "ITEM INFORMATION" => h.items.push(v.to_string()),
            "FISCAL YEAR END" if h.fiscal_year_end_month.is_none() => {
                h.fiscal_year_end_month = v
                    .get(..2)
                    .and_then(|m| m.parse().ok())
                    .filter(|m| (1..=12).contains(m));
            }
            _ => {}
        }
    }
    h
}

/// One `<DOCUMENT>` of a submission: its type and the byte range of its `<TEXT>` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// `<TYPE>` value (`"8-K"`, `"EX-99.1"`, `"GRAPHIC"`).
    pub kind: String,
    /// Byte range of the body in the submission.
    pub body: std::ops::Range<usize>,
}

/// Lists the documents of a submission.
pub(crate) fn parts(s: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    while let Some(k) = s.get(pos..).and_then(|r| r.find("<DOCUMENT>")) {
        let start = pos + k + "<DOCUMENT>".len();
        let end = s
            .get(start..)
            .and_then(|r| r.find("</DOCUMENT>"))
            .map_or(s.len(), |e| start + e);
        let doc = s.get(start..end).unwrap_or("");
        let kind = tag_value(doc, "<TYPE>").unwrap_or_default();
        let body = match doc.find("<TEXT>") {
            Some(t) => {
                let b = t + "<TEXT>".len();
                let e = doc
                    .get(b..)
                    .and_then(|r| r.rfind("</TEXT>"))
                    .map_or(doc.len(), |e| b + e);
                start + b..start + e
            }
            None => start..start,
        };
        out.push(Part { kind, body });
        pos = end;
    }
    out
}

/// The value after `tag` up to the end of its line.
fn tag_value(doc: &str, tag: &str) -> Option<String> {
    let k = doc.find(tag)?;
    let rest = doc.get(k + tag.len()..)?;
    let line = rest.lines().next()?;
    Some(line.trim().to_string())
}

/// True for the documents whose text is kept: the main form and `EX-99*` exhibits.
pub(crate) fn keep(kind: &str, form: Option<&str>) -> bool {
    let k = kind.trim().to_ascii_uppercase();
    if k.starts_with("EX-99") {
        return true;
    }
    if let Some(f) = form
        && k.eq_ignore_ascii_case(f.trim())
    {
        return true;
    }
    matches!(k.as_str(), "8-K" | "8-K/A" | "6-K" | "10-K" | "10-Q")
}

/// Text of the kept documents of submission `s`, joined by blank lines; offsets
/// are byte offsets in `s`.
pub(crate) fn extract(s: &str, header: &Header) -> TextBuf {
    let mut out = TextBuf::with_capacity(s.len() / 8);
    for p in parts(s) {
        if !keep(&p.kind, header.form.as_deref()) {
            continue;
        }
        let body = s.get(p.body.clone()).unwrap_or("");
        let start = p.body.start as u32;
        let first = body.trim_start();
        if first.starts_with("begin 644") || first.starts_with("begin 666") {
            continue;
        }
        let doc = if looks_like_html(body) {
            let raw = html::extract(body, start);
            normalize(&raw.text, Some(&raw.offs), false)
        } else {
            let mut t = normalize(body, None, false);
            for o in &mut t.offs {
                *o = o.saturating_add(start);
            }
            t
        };
        if doc.text.is_empty() {
            continue;
        }
        if out.text.is_empty() {
            // The first kept document is the text so far: moved, not copied.
            out = doc;
            continue;
        }
        let at = start.saturating_sub(1);
        out.push_at('\n', at);
        out.push_at('\n', at);
        out.extend(&doc);
    }
    out
}

/// True when a document body holds HTML tags (rather than plain text).
pub(crate) fn looks_like_html(body: &str) -> bool {
    let head = body.get(..body.len().min(4096)).unwrap_or(body);
    let lower = head.to_ascii_lowercase();
    [
        "<html",
        "<p>",
        "<p ",
        "<div",
        "<table",
        "<br",
        "<body",
        "<font",
        "<!doctype",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUB: &str = "<SEC-DOCUMENT>x.txt : 20250415\n<SEC-HEADER>x.hdr.sgml\nCONFORMED SUBMISSION TYPE:\t8-K\nCONFORMED PERIOD OF REPORT:\t20250415\nITEM INFORMATION:\t\tRegulation FD Disclosure\n\t\tCOMPANY CONFORMED NAME:\t\t\tABVC BIOPHARMA, INC.\n\t\tFISCAL YEAR END:\t\t\t1231\n\t\tFORMER CONFORMED NAME:\tAmerican BriVision (Holding) Corp\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>Main &amp; form</p></body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 a.jpg\nM_]C_X``02D9)1@`\"\nend\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<p>Press release</p>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-101.SCH\n<TEXT>\n<xsd>schema</xsd>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.2\n<TEXT>\nPlain exhibit text.\n</TEXT>\n</DOCUMENT>\n";

    #[test]
    fn header_fields() {
        let h = parse_header(SUB);
        assert_eq!(h.form.as_deref(), Some("8-K"));
        assert_eq!(h.period, chrono::NaiveDate::from_ymd_opt(2025, 4, 15));
        assert_eq!(h.company.as_deref(), Some("ABVC BIOPHARMA, INC."));
        assert_eq!(h.former_names, ["American BriVision (Holding) Corp"]);
        assert_eq!(h.items, ["Regulation FD Disclosure"]);
        assert_eq!(h.fiscal_year_end_month, Some(12));
    }

    #[test]
    fn document_selection() {
        let kinds: Vec<String> = parts(SUB).into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            ["8-K", "GRAPHIC", "EX-99.1", "EX-101.SCH", "EX-99.2"]
        );
        let t = extract(SUB, &parse_header(SUB));
        assert_eq!(
            t.text,
            "Main & form\n\nPress release\n\nPlain exhibit text."
        );
        let k = t.text.find("Press").unwrap_or(0);
        assert_eq!(
            SUB.get(t.offs[k] as usize..t.offs[k] as usize + 5),
            Some("Press")
        );
        let k = t.text.find("Plain").unwrap_or(0);
        assert_eq!(
            SUB.get(t.offs[k] as usize..t.offs[k] as usize + 5),
            Some("Plain")
        );
    }

    #[test]
    fn keep_rules() {
        let cases = [
            ("8-K", true),
            ("EX-99.1", true),
            ("EX-99", true),
            ("GRAPHIC", false),
            ("ZIP", false),
            ("EX-101.INS", false),
            ("XML", false),
            ("JSON", false),
            ("EXCEL", false),
        ];
        for (k, want) in cases {
            assert_eq!(keep(k, Some("8-K")), want, "{k}");
        }
    }

    #[test]
    fn never_panics() {
        for s in [
            "<SEC-DOCUMENT>",
            "<DOCUMENT>",
            "<DOCUMENT><TYPE>8-K<TEXT>",
            "<DOCUMENT>\n<TYPE>8-K\n<TEXT></TEXT>",
        ] {
            let _ = extract(s, &parse_header(s));
        }
    }
}
