//! Small helpers for the quick-xml based exporters (GEXF, GraphML): attribute escaping that keeps line breaks, text cleaning, and running a writer that streams into a formatter.

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::name::QName;
use std::borrow::Cow;
use std::fmt;

use super::utf8::FmtWriter;

/// Replaces characters XML 1.0 forbids (controls other than tab, line
/// feed, carriage return) with spaces.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(bad_char) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad_char(c) { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

fn bad_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// An attribute whose value is escaped for XML, with tab, line feed and
/// carriage return as character references so that readers keep them
/// (plain ones would be normalized to spaces).
pub fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let escaped = quick_xml::escape::escape(clean(value).as_ref())
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
    Attribute {
        key: QName(key),
        value: Cow::Owned(escaped),
    }
}

/// The indented XML writer the exporters write with: it streams into the
/// [`fmt::Formatter`] of their `Display` (no copy of the document is held).
pub type XmlWriter<'a, 'b> = Writer<FmtWriter<'a, 'b>>;

/// Runs `body` on an indented writer streaming into `f`, then writes a
/// trailing newline. An I/O error of `body` or invalid UTF-8 becomes
/// `fmt::Error`.
pub fn render(
    f: &mut fmt::Formatter<'_>,
    body: impl FnOnce(&mut XmlWriter<'_, '_>) -> std::io::Result<()>,
) -> fmt::Result {
    let mut w = Writer::new_with_indent(FmtWriter::new(f), b' ', 2);
    body(&mut w).map_err(|_| fmt::Error)?;
    w.into_inner().finish()?;
    f.write_str("\n")
}

/// Splits `#rrggbb` into its components; black for anything else.
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let part = |i: usize| {
        h.get(i..i + 2)
            .and_then(|p| u8::from_str_radix(p, 16).ok())
            .unwrap_or(0)
    };
    if h.len() == 6 {
        (part(0), part(2), part(4))
    } else {
        (0, 0, 0)
    }
}
