//! EDGAR HTML to text: tokenizes with html5gum (no tree, so any nesting depth is fine) and keeps each char's source offset.
//!
//! Block elements end lines, table cells are separated by a tab, hidden parts
//! (`<head>`, `<script>`, `<style>`, `<title>`, `ix:header`, `display:none`) are
//! dropped, entities are decoded (each decoded char maps to its entity's bytes) and
//! whitespace is folded within a line.

use super::text::{TextBuf, is_space};
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, Error, ForwardingEmitter, Span, Tokenizer};
use std::borrow::Cow;

/// Elements whose whole content is dropped.
fn is_hidden_tag(name: &[u8]) -> bool {
    matches!(
        name,
        b"head"
            | b"script"
            | b"style"
            | b"title"
            | b"ix:header"
            | b"noscript"
            | b"template"
            | b"xbrli:context"
            | b"object"
    )
}

/// Elements that start and end a line.
fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"div"
            | b"br"
            | b"tr"
            | b"li"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"table"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"blockquote"
            | b"pre"
            | b"hr"
            | b"center"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
            | b"address"
            | b"caption"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"form"
            | b"body"
            | b"html"
            | b"page"
            | b"nav"
            | b"figure"
            | b"figcaption"
    )
}

/// Void elements never have an end tag.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"br" | b"img" | b"hr" | b"meta" | b"link" | b"input" | b"col" | b"area" | b"base" | b"wbr"
    )
}

struct Extract<'a> {
    src: &'a str,
    base: u32,
    out: TextBuf,
    tag: Vec<u8>,
    /// The lowercased name of the current end tag (kept to reuse its memory).
    end_tag: Vec<u8>,
    tag_start: usize,
    attr: Vec<u8>,
    tag_hidden: bool,
    hidden: Option<(Vec<u8>, u32)>,
    pending_ws: Option<u32>,
    pending_tab: Option<u32>,
    /// Text length when the current `<sup>` opened.
    sup_start: Option<usize>,
    /// Use the plain per-char text path (tests compare the fast paths with it).
    reference: bool,
}

impl Extract<'_> {
    fn line_empty(&self) -> bool {
        self.out.text.is_empty() || self.out.text.ends_with('\n')
    }

    fn newline(&mut self, at: usize) {
        self.pending_ws = None;
        self.pending_tab = None;
        if !self.line_empty() {
            self.out.trim_end();
            let off = self.off(at);
            self.out.push_at('\n', off);
        }
    }

    fn off(&self, at: usize) -> u32 {
        self.base.saturating_add(at as u32)
    }

    fn start_tag(&mut self, self_closing: bool) {
        let name = std::mem::take(&mut self.tag);
        if let Some((hname, depth)) = &mut self.hidden {
            if name == *hname && !self_closing && !is_void(&name) {
                *depth += 1;
            } else if hname.as_slice() == b"head" && name == b"body" {
                // An unclosed <head>.
                self.hidden = None;
            }
        } else if (is_hidden_tag(&name) || self.tag_hidden) && !self_closing && !is_void(&name) {
            self.newline(self.tag_start);
            self.hidden = Some((name.clone(), 1));
        } else if is_block(&name) {
            self.newline(self.tag_start);
        } else if name == b"sup" {
            self.sup_start = Some(self.out.text.len());
        } else if (name == b"td" || name == b"th") && !self.line_empty() {
            self.pending_ws = None;
            self.pending_tab = Some(self.off(self.tag_start));
        }
        self.tag = name;
    }

    fn end_tag(&mut self, name: &[u8], start: usize) {
        if let Some((hname, depth)) = &mut self.hidden {
            if hname.as_slice() == name {
                *depth = depth.saturating_sub(1);
                if *depth == 0 {
                    self.hidden = None;
                }
            }
            return;
        }
        if is_block(name) {
            self.newline(start);
        } else if name == b"sup" {
            // Footnote markers (`Million<SUP>1</SUP>`) are dropped; `®` is kept.
            if let Some(k) = self.sup_start.take()
                && let Some(added) = self.out.text.get(k..)
                && !added.is_empty()
                && added
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | ','))
            {
                self.out.text.truncate(k);
                self.out.offs.truncate(k);
            }
        } else if (name == b"td" || name == b"th") && self.pending_ws.is_some() {
            self.pending_ws = None;
        }
    }

    /// Appends decoded text `value` whose source is `src[span]`, aligning decoded
    /// chars with the source so entities map to their own bytes.
    fn text(&mut self, value: &[u8], span: Span<usize>) {
        if self.hidden.is_some() {
            return;
        }
        let raw = self
            .src
            .as_bytes()
            .get(span.start..span.end.max(span.start))
            .unwrap_or(&[]);
        if self.reference {
            let dec = String::from_utf8_lossy(value);
            let mut i = 0usize;
            for c in dec.chars() {
                let (at, len) = align(raw, &mut i, c);
                let off = self.off(span.start + at);
                self.push_char(c, off, len);
            }
            return;
        }
        // Text equal to its source is valid UTF-8 already.
        let dec = match self.src.get(span.start..span.end) {
            Some(s) if s.as_bytes() == value => Cow::Borrowed(s),
            _ => String::from_utf8_lossy(value),
        };
        let mut i = 0usize;
        let mut j = 0usize;
        while j < dec.len() {
            // Where decoded text and source agree byte for byte, up to the next
            // `&`, each char is found where `align` would find it: its own bytes.
            let same = common_prefix(
                dec.as_bytes().get(j..).unwrap_or(&[]),
                raw.get(i..).unwrap_or(&[]),
            );
            let mut n = same;
            while !dec.is_char_boundary(j + n) {
                n -= 1;
            }
            if n > 0
                && let Some(chunk) = dec.get(j..j + n)
            {
                self.verbatim(chunk, span.start + i);
                i += n;
                j += n;
                continue;
            }
            let Some(c) = dec.get(j..).and_then(|r| r.chars().next()) else {
                break;
            };
            let (at, len) = align(raw, &mut i, c);
            let off = self.off(span.start + at);
            self.push_char(c, off, len);
            j += c.len_utf8();
        }
    }

    /// Appends `s`, copied verbatim from `src[start..]` (each char maps to its own
    /// bytes), with runs of printable ASCII copied in bulk.
    fn verbatim(&mut self, s: &str, start: usize) {
        let bytes = s.as_bytes();
        let mut k = 0usize;
        while let Some(&b) = bytes.get(k) {
            if b.is_ascii_graphic() {
                let run = bytes.get(k..).map_or(0, graphic_run);
                // The first char flushes what is pending, exactly as `push_char` does;
                // the others then have nothing pending, and a lone space between
                // them would be pending at its own offset and emitted as is.
                self.flush_pending();
                if let Some(chunk) = s.get(k..k + run) {
                    self.out.text.push_str(chunk);
                    let first = start + k;
                    // Offsets `base + at`, a plain range (which the compiler
                    // vectorizes) unless some would saturate at `u32::MAX`.
                    let lo = u32::try_from(first)
                        .ok()
                        .and_then(|f| self.base.checked_add(f));
                    match lo.and_then(|lo| Some(lo..lo.checked_add(u32::try_from(run).ok()?)?)) {
                        Some(r) => self.out.offs.extend(r),
                        None => self.out.offs.extend(
                            (first..first + run).map(|at| self.base.saturating_add(at as u32)),
                        ),
                    }
                }
                k += run;
                continue;
            }
            let Some(c) = s.get(k..).and_then(|r| r.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            let off = self.off(start + k);
            self.push_char(c, off, len as u32);
            k += len;
        }
    }

    /// Emits the pending tab or space before a visible char.
    fn flush_pending(&mut self) {
        if let Some(t) = self.pending_tab.take() {
            self.pending_ws = None;
            if !self.line_empty() {
                self.out.push_at('\t', t);
            }
        }
        if let Some(w) = self.pending_ws.take()
            && !self.line_empty()
        {
            self.out.push_at(' ', w);
        }
    }

    /// Appends decoded char `c` whose source is `len` bytes at `off`: whitespace
    /// becomes a pending space, invisible chars are dropped.
    fn push_char(&mut self, c: char, off: u32, len: u32) {
        if is_space(c) || c == '\t' || c == '\n' || c == '\r' {
            if !self.line_empty() && self.pending_ws.is_none() {
                self.pending_ws = Some(off);
            }
            return;
        }
        if c == '\u{feff}' || c == '\u{200b}' || c == '\u{ad}' {
            return;
        }
        self.flush_pending();
        if len as usize == c.len_utf8() {
            self.out.push_copied(c, off);
        } else {
            self.out.push_span(c, off, len);
        }
    }
}

/// Length in bytes of the common prefix of `dec` and `raw` before the first `&`.
///
/// Fast path: up to the first `&` of either input (memchr) or the shorter
/// end, the two usually agree; one slice comparison then gives that length,
/// which is where the byte-by-byte scan ([`common_prefix_bytes`]) stops too
/// (at a `&` of `dec`; at a `&` of `raw`, where `dec` either has a `&` too or
/// differs; or where one input ends). Text with an entity (`&nbsp;` decoded
/// to U+00A0) differs from its source right at the source's `&`, so this
/// limit keeps it on the fast path. When they differ before it, the scan
/// finds where.
fn common_prefix(dec: &[u8], raw: &[u8]) -> usize {
    let limit = memchr::memchr(b'&', dec)
        .unwrap_or(dec.len())
        .min(memchr::memchr(b'&', raw).unwrap_or(raw.len()));
    match (dec.get(..limit), raw.get(..limit)) {
        (Some(d), Some(r)) if d == r => limit,
        _ => common_prefix_bytes(dec, raw),
    }
}

/// [`common_prefix`] byte by byte.
fn common_prefix_bytes(dec: &[u8], raw: &[u8]) -> usize {
    dec.iter()
        .zip(raw)
        .take_while(|&(d, r)| d == r && *d != b'&')
        .count()
}

/// Length of the run of printable ASCII at the start of `r`, single spaces
/// between printable bytes included.
fn graphic_run(r: &[u8]) -> usize {
    let mut n = 0;
    while let Some(&b) = r.get(n) {
        if b.is_ascii_graphic()
            || (b == b' ' && n > 0 && r.get(n + 1).is_some_and(u8::is_ascii_graphic))
        {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// Finds decoded char `c` in `raw` at or after `*i`; returns its position and source
/// length and advances `*i`. Entities (`&amp;`, `&#160;`) count as one char.
fn align(raw: &[u8], i: &mut usize, c: char) -> (usize, u32) {
    let mut buf = [0u8; 4];
    let cb = c.encode_utf8(&mut buf).as_bytes();
    let at = *i;
    let Some(&b) = raw.get(at) else {
        return (raw.len().saturating_sub(1), 1);
    };
    if b == b'\r' && c == '\n' {
        let len = if raw.get(at + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        *i += len;
        return (at, len as u32);
    }
    if b == b'&'
        && let Some((len, semi)) = entity_len(raw.get(at..).unwrap_or(&[]))
        && (semi || c != '&')
    {
        *i += len;
        return (at, len as u32);
    }
    if raw.get(at..).is_some_and(|r| r.starts_with(cb)) {
        *i += cb.len();
        return (at, cb.len() as u32);
    }
    // Out of step (a replaced char, or an entity decoding to two chars): resync.
    let window = raw.get(at..raw.len().min(at + 16)).unwrap_or(&[]);
    if let Some(k) = window.windows(cb.len()).position(|w| w == cb) {
        *i = at + k + cb.len();
        return (at + k, cb.len() as u32);
    }
    (at.min(raw.len().saturating_sub(1)), 1)
}

/// Length of a character reference at the start of `s` and whether it ends with `;`.
fn entity_len(s: &[u8]) -> Option<(usize, bool)> {
    let mut k = 1;
    if s.get(1) == Some(&b'#') {
        k = 2;
        let hex = matches!(s.get(2), Some(b'x' | b'X'));
        if hex {
            k = 3;
        }
        let start = k;
        while s.get(k).is_some_and(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        }) {
            k += 1;
        }
        if k == start {
            return None;
        }
    } else {
        let start = k;
        while s.get(k).is_some_and(|b| b.is_ascii_alphanumeric()) && k < 40 {
            k += 1;
        }
        if k == start {
            return None;
        }
    }
    if s.get(k) == Some(&b';') {
        Some((k + 1, true))
    } else {
        Some((k, false))
    }
}

/// Extracts the text of HTML `src`; offsets are `base + byte offset in src`.
///
/// One line per block element or table row (cells separated by a tab), no blank
/// lines. Never panics, whatever the input.
pub(crate) fn extract(src: &str, base: u32) -> TextBuf {
    extract_with(src, base, false)
}

/// [`extract`]; with `reference`, the plain per-char text path with html5gum's
/// error reporting on, which the fast paths must match (tests only).
fn extract_with(src: &str, base: u32, reference: bool) -> TextBuf {
    let mut st = Extract {
        src,
        base,
        out: TextBuf::with_capacity(src.len() / 4),
        tag: Vec::new(),
        end_tag: Vec::new(),
        tag_start: 0,
        attr: Vec::new(),
        tag_hidden: false,
        hidden: None,
        pending_ws: None,
        pending_tab: None,
        sup_start: None,
        reference,
    };
    {
        let st = &mut st;
        let mut emitter = CallbackEmitter::new(
            move |ev: CallbackEvent<'_>, span: Span<usize>| -> Option<std::convert::Infallible> {
                match ev {
                    CallbackEvent::OpenStartTag { name } => {
                        st.tag.clear();
                        st.tag.extend(name.iter().map(u8::to_ascii_lowercase));
                        st.tag_start = span.start;
                        st.tag_hidden = false;
                    }
                    CallbackEvent::AttributeName { name } => {
                        st.attr.clear();
                        st.attr.extend(name.iter().map(u8::to_ascii_lowercase));
                        if st.attr == b"hidden" {
                            st.tag_hidden = true;
                        }
                    }
                    CallbackEvent::AttributeValue { value }
                        if st.attr == b"style" && hides(value) =>
                    {
                        st.tag_hidden = true;
                    }
                    CallbackEvent::CloseStartTag { self_closing } => st.start_tag(self_closing),
                    CallbackEvent::EndTag { name } => {
                        let mut lower = std::mem::take(&mut st.end_tag);
                        lower.clear();
                        lower.extend(name.iter().map(u8::to_ascii_lowercase));
                        st.end_tag(&lower, span.start);
                        st.end_tag = lower;
                    }
                    CallbackEvent::String { value } => st.text(value, span),
                    _ => {}
                }
                None
            },
        );
        emitter.naively_switch_states(true);
        let tok = Tokenizer::new_with_emitter(
            src,
            Quiet {
                inner: emitter,
                quiet: !reference,
            },
        );
        // The string reader never fails.
        let _ = tok.finish();
    }
    st.out.trim_end();
    st.out
}

/// An emitter that forwards everything to the callback emitter but, when
/// `quiet`, reports no parse errors: we ignore them, and without them html5gum
/// skips its per-byte character validation. Errors never change the tokens.
struct Quiet<E> {
    inner: E,
    quiet: bool,
}

impl<E: Emitter> ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        !self.quiet
    }

    #[inline]
    fn emit_error(&mut self, error: Error) {
        if !self.quiet {
            self.inner.emit_error(error);
        }
    }
}

/// True when a `style` attribute value says `display: none`.
///
/// Quick rejection: a `none` in any ASCII case starts at an `n` or `N`, so
/// only those (memchr2) are compared, not every 4-byte window.
fn hides(style: &[u8]) -> bool {
    let none_at = |k: usize| {
        style
            .get(k..k + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"none"))
    };
    if !memchr::memchr2_iter(b'n', b'N', style).any(none_at) {
        return false;
    }
    let compact: Vec<u8> = style
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(u8::to_ascii_lowercase)
        .collect();
    compact.windows(12).any(|w| w == b"display:none")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Extracts `input` and compares with `expect`; checks that every alphanumeric
    /// char maps to the same char in the source.
    fn check(input: &str, expect: &str) {
        let got = extract(input, 0);
        assert_eq!(got.text, expect, "input: {input:?}");
        assert_eq!(got.offs.len(), got.text.len());
        for (i, c) in got.text.char_indices() {
            let o = got.offs[i] as usize;
            if c.is_ascii_alphanumeric() && input.as_bytes().get(o) != Some(&b'&') {
                assert_eq!(
                    input.as_bytes().get(o).map(|&b| b as char),
                    Some(c),
                    "{input:?} at {i}"
                );
            }
        }
    }

    #[test]
    fn html_rules() {
        let cases: &[(&str, &str)] = &[
            ("<P>One</P><p>Two</p>", "One\nTwo"),
            ("<p>a <b>bold</b>\n  word</p>", "a bold word"),
            (
                "<html><head><title>T</title><style>p{}</style></head><body><p>x</p></body></html>",
                "x",
            ),
            ("<script>var a = '<p>no</p>';</script><p>yes</p>", "yes"),
            (
                "<div style=\"display: none\"><ix:header><div>hid</div></ix:header></div><p>shown</p>",
                "shown",
            ),
            ("<ix:header>hid</ix:header>shown", "shown"),
            (
                "<table><tr><td>Cash</td><td></td><td>$</td><td>178</td></tr><tr><td>B</td></tr></table>",
                "Cash\t$\t178\nB",
            ),
            ("a<br>b<BR/>c", "a\nb\nc"),
            (
                "<p>&nbsp;</p><p>ABVC&rsquo;s  &amp; Co&#160;Ltd &#x41;</p>",
                "ABVC\u{2019}s & Co Ltd A",
            ),
            (
                "CA (April 16, 2025) &ndash; ABVC",
                "CA (April 16, 2025) \u{2013} ABVC",
            ),
            ("<p>AT&T and a & b</p>", "AT&T and a & b"),
            ("line\r\nnext", "line next"),
            // footnote markers dropped, marks kept (03_abvc ex99-1)
            (
                "Over $18.3 Million<SUP>1</SUP> Licensing",
                "Over $18.3 Million Licensing",
            ),
            ("Zentrab<sup>&reg;</sup> sales", "Zentrab® sales"),
            (
                "<head><title>x</title><body><p>unclosed head</p>",
                "unclosed head",
            ),
        ];
        for (i, e) in cases {
            check(i, e);
        }
    }

    /// The fast paths (bulk copy of text equal to its source, no html5gum error
    /// reporting) give the same text and offsets as the plain per-char path, on
    /// the sample HTML and on edge cases.
    #[test]
    fn fast_paths_match_reference() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut inputs: Vec<String> = Vec::new();
        for dir in ["benches/data", "../shared/corpus/practice"] {
            for e in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "htm" || x == "html") {
                    inputs.push(std::fs::read_to_string(&p).unwrap_or_default());
                }
            }
        }
        assert!(!inputs.is_empty() && inputs.iter().all(|s| s.len() > 1000));
        for s in [
            "<p>AT&T &amp; a&b &foo; &#160;x &nbsp;&nbsp;y&rsquo;s</p>",
            "<p>a\r\nb\rc\n\n d \t e</p><td>x</td><td> y</td>",
            "<p>caf\u{e9} \u{a0}na\u{ef}ve\u{200b}x\u{ad}y \u{2003} z\u{feff}</p>",
            "<P>Million<SUP>1</SUP> <sup>&reg;</sup> <sup>*,\u{2020}</sup> end</P>",
            "<div style=\"display:none\">x</div>y <b>  bold </b> z<br>w",
            "a\u{1}b\u{7f}c &#0; &#x110000; &#xD800; \u{fdd0}",
            "<p>&amp&lt;&gt &notit; &notin; &AMP;&#65&#x42;</p>",
            " lead  and   trail  ",
            "",
        ] {
            inputs.push(s.to_string());
        }
        for src in &inputs {
            for base in [0, 7, u32::MAX - 600] {
                let fast = extract_with(src, base, false);
                let slow = extract_with(src, base, true);
                assert_eq!(fast.text, slow.text, "{src:.80?}");
                assert_eq!(fast.offs, slow.offs, "{src:.80?}");
            }
        }
    }

    /// The former `hides`: every 4-byte window compared with `none`.
    fn hides_reference(style: &[u8]) -> bool {
        if !style.windows(4).any(|w| w.eq_ignore_ascii_case(b"none")) {
            return false;
        }
        let compact: Vec<u8> = style
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .map(u8::to_ascii_lowercase)
            .collect();
        compact.windows(12).any(|w| w == b"display:none")
    }

    proptest::proptest! {
        /// The memchr + slice-compare common prefix (also of decoded text
        /// against its source with entities) and the quick `none` rejection
        /// agree with the byte-by-byte scans.
        #[test]
        fn prefix_and_none_scans_agree(
            dec in "[ab&;nNoOeE \u{a0}\u{e9}]{0,24}",
            raw in "[ab&;nNoOeE \u{a0}\u{e9}]{0,24}",
        ) {
            let (d, r) = (dec.as_bytes(), raw.as_bytes());
            proptest::prop_assert_eq!(common_prefix(d, r), common_prefix_bytes(d, r));
            // Decoded text against its source: entities spelled out.
            let src = dec.replace('\u{a0}', "&nbsp;").replace('\u{e9}', "&#233;");
            let src = src.as_bytes();
            proptest::prop_assert_eq!(common_prefix(d, src), common_prefix_bytes(d, src));
            proptest::prop_assert_eq!(common_prefix(d, d), common_prefix_bytes(d, d));
            let shared = format!("{dec}{raw}");
            let s = shared.as_bytes();
            proptest::prop_assert_eq!(common_prefix(s, d), common_prefix_bytes(s, d));
            proptest::prop_assert_eq!(hides(d), hides_reference(d));
            let styled = format!("Display : {dec}");
            let want = hides_reference(styled.as_bytes());
            proptest::prop_assert_eq!(hides(styled.as_bytes()), want);
        }
    }

    #[test]
    fn entity_offsets_cover_the_entity() {
        let src = "<p>ABVC&rsquo;s</p>";
        let got = extract(src, 100);
        let k = got.text.find('\u{2019}').unwrap_or(0);
        let first = got.offs[k] as usize - 100;
        let last = got.offs[k + 2] as usize - 100;
        assert_eq!(&src[first..=last], "&rsquo;");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut s = String::new();
        for _ in 0..10_000 {
            s.push_str("<div><span>");
        }
        s.push_str("deep");
        for _ in 0..10_000 {
            s.push_str("</span></div>");
        }
        assert_eq!(extract(&s, 0).text, "deep");
    }

    #[test]
    fn never_panics() {
        for s in [
            "<",
            "&",
            "&#",
            "&#x;",
            "<p",
            "<!--",
            "<![CDATA[",
            "</",
            "<a href='",
            "&#99999999999;",
            "\u{0}",
        ] {
            let _ = extract(s, 0);
        }
    }
}
