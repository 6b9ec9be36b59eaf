//! Text normalization of plain text and Markdown (as converted from PDF 8-Ks and press releases), keeping a byte-offset map.
//!
//! Everything works on a [`TextBuf`]: a string plus, for each of its bytes, the byte
//! offset in the source it came from. Normalization is line oriented: inline markup is
//! removed per line, then line-level rules (page numbers, hyphenation and page-break
//! joins, blank-line collapsing) decide how lines are glued together.

/// A string with, for every byte, the byte offset of its source.
///
/// Invariant: `offs.len() == text.len()`.
#[derive(Debug, Default, Clone)]
pub(crate) struct TextBuf {
    /// The text.
    pub text: String,
    /// `offs[i]` is the source byte offset of `text` byte `i`.
    pub offs: Vec<u32>,
}

impl TextBuf {
    /// An empty buffer with room for `n` bytes.
    pub fn with_capacity(n: usize) -> TextBuf {
        TextBuf {
            text: String::with_capacity(n),
            offs: Vec::with_capacity(n),
        }
    }

    /// Empties the buffer, keeping its memory.
    pub fn clear(&mut self) {
        self.text.clear();
        self.offs.clear();
    }

    /// Appends `c`, copied from source bytes `off..off + len`: the first byte maps to
    /// `off`, the last one of a multi-byte char to `off + len - 1` (so ranges cover the
    /// whole source form, e.g. an HTML entity), the others to `off`.
    pub fn push_span(&mut self, c: char, off: u32, len: u32) {
        let n = c.len_utf8();
        self.text.push(c);
        let last = off.saturating_add(len.saturating_sub(1));
        for k in 0..n {
            self.offs.push(if k + 1 == n && n > 1 {
                last.max(off)
            } else {
                off
            });
        }
    }

    /// Appends `c`, produced by (or copied from) the source byte at `off`. A char
    /// copied verbatim should use [`TextBuf::push_copied`] instead.
    pub fn push_at(&mut self, c: char, off: u32) {
        let n = c.len_utf8();
        self.text.push(c);
        for _ in 0..n {
            self.offs.push(off);
        }
    }

    /// Appends `c`, its byte `k` from source offset `at(k)`: a char copied through
    /// an offset map, whose bytes need not map to consecutive offsets (an entity,
    /// or a char `html::align` could not place, maps all its bytes to one offset).
    pub fn push_mapped(&mut self, c: char, at: impl Fn(usize) -> u32) {
        self.text.push(c);
        self.offs.extend((0..c.len_utf8()).map(at));
    }

    /// Appends `c` copied verbatim from source offset `off`: byte `k` maps to `off + k`.
    pub fn push_copied(&mut self, c: char, off: u32) {
        let n = c.len_utf8() as u32;
        self.text.push(c);
        for k in 0..n {
            self.offs.push(off.saturating_add(k));
        }
    }

    /// Appends another buffer.
    pub fn extend(&mut self, other: &TextBuf) {
        self.text.push_str(&other.text);
        self.offs.extend_from_slice(&other.offs);
    }

    /// The last char, if any.
    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Removes trailing whitespace.
    pub fn trim_end(&mut self) {
        let n = self.text.trim_end().len();
        self.text.truncate(n);
        self.offs.truncate(n);
    }
}

/// True for chars that fold to a plain space: ASCII blanks, NBSP and friends.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}'
            | '\u{2007}'
            | '\u{202f}'
            | '\u{2009}'
            | '\u{200a}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{3000}'
            | '\u{0b}'
            | '\u{0c}'
    )
}

/// Chars that are dropped altogether (zero-width, BOM, soft hyphen, CR).
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' | '\r' | '\u{2060}'
    )
}

/// Bullet glyphs dropped at line start (when followed by a space or tab).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '·' | '•' | '●' | '▪' | '◦' | '■' | '○' | '‣' | '∙' | '-' | '*' | '+'
    )
}

/// Normalizes `src` (whose byte `i` has source offset `offs[i]`, or `i` when `offs`
/// is `None`). `markdown` enables the Markdown/LaTeX inline rules; HTML output
/// uses `false` (whitespace, bullets, page numbers and line joins only).
///
/// Returns the text and, per byte, its source offset. Never panics.
pub(crate) fn normalize(src: &str, offs: Option<&[u32]>, markdown: bool) -> TextBuf {
    normalize_with(src, offs, markdown, Some(SEGMENT))
}

/// [`normalize`], copying runs of plain bytes in bulk, found by [`Runs`]
/// for stretches of whole lines of about `segment` bytes; with `None`,
/// every char takes the per-char path (tests compare the two).
fn normalize_with(
    src: &str,
    offs: Option<&[u32]>,
    markdown: bool,
    segment: Option<usize>,
) -> TextBuf {
    let mut out = TextBuf::with_capacity(src.len());
    let mut line = TextBuf::with_capacity(256);
    let mut runs = Runs::default();
    let map = |i: usize| -> u32 {
        match offs {
            Some(o) => o
                .get(i)
                .or_else(|| o.last())
                .copied()
                .map_or(i as u32, |v| if i >= o.len() { v + 1 } else { v }),
            None => i as u32,
        }
    };
    let mut blank_seen = false;
    let mut page_seen = false;
    let mut last_nl: u32 = 0;
    let mut start = 0usize;
    while start <= src.len() {
        let end = src
            .get(start..)
            .and_then(|r| memchr::memchr(b'\n', r.as_bytes()))
            .map_or(src.len(), |k| start + k);
        let raw = src.get(start..end).unwrap_or("");
        line.clear();
        let ok = segment.map(|seg| {
            if start >= runs.end() {
                runs.scan(src.as_bytes(), start, seg, markdown);
            }
            runs.line(start, raw.len())
        });
        inline(raw, start, &map, offs, markdown, ok, &mut line);
        let next = end + 1;
        if line.text.is_empty() {
            blank_seen = true;
        } else if is_page_number(&line.text) {
            page_seen = true;
            blank_seen = true;
        } else {
            if !out.text.is_empty() {
                glue(&mut out, &line.text, blank_seen, page_seen, last_nl);
            }
            out.extend(&line);
            blank_seen = false;
            page_seen = false;
            last_nl = map(end);
        }
        start = next;
    }
    out
}

/// Appends the separator between the text so far and the next content line.
fn glue(out: &mut TextBuf, next: &str, blank_seen: bool, page_seen: bool, nl: u32) {
    let first = next.chars().next().unwrap_or(' ');
    let mut rev = out.text.chars().rev();
    let last = rev.next().unwrap_or(' ');
    let before = rev.next().unwrap_or(' ');
    if last == '-' && before.is_alphanumeric() && first.is_lowercase() {
        // Hyphenated word broken across lines: `HER2-` + `positive`.
        return;
    }
    let open = !matches!(last, '.' | '!' | '?' | ':' | ';' | '"' | '”' | ')');
    if (page_seen || !blank_seen) && first.is_lowercase() && open {
        // A sentence broken by a page break, or a continuation line
        // (`used in further` / `- evaluation of the compound.`).
        out.push_at(' ', nl);
        return;
    }
    out.push_at('\n', nl);
    if blank_seen {
        out.push_at('\n', nl);
    }
}

/// A line that is just a page number (1–3 digits), or `Page 3`, `- 3 -`.
fn is_page_number(s: &str) -> bool {
    let t = s.trim_matches(|c: char| c == '-' || c == ' ' || c == '\t');
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Inline rules on one line (`raw` starts at `src` byte `base`); writes the trimmed,
/// whitespace-folded result to `line`. Runs of plain bytes are copied in
/// bulk where `ok` (the line's [`Runs`] flags) allows (see [`run_at`]);
/// `None` sends every char through the per-char rules.
fn inline(
    raw: &str,
    base: usize,
    map: &dyn Fn(usize) -> u32,
    offs: Option<&[u32]>,
    markdown: bool,
    ok: Option<&[u8]>,
    line: &mut TextBuf,
) {
    let bytes = raw.as_bytes();
    // Leading markers: whitespace, heading `#`s, bullets.
    let mut i = 0usize;
    for _ in 0..8 {
        let before = i;
        while let Some(c) = raw.get(i..).and_then(|r| r.chars().next()) {
            if is_space(c) || c == '\t' || is_dropped(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = raw.get(i..).unwrap_or("");
        if markdown && rest.starts_with('#') {
            let n = rest.bytes().take_while(|&b| b == b'#').count();
            if n <= 6 && matches!(rest.as_bytes().get(n), Some(b' ' | b'\t') | None) {
                i += n;
                continue;
            }
        }
        if let Some(c) = rest.chars().next()
            && is_bullet(c)
        {
            let after = rest.get(c.len_utf8()..).and_then(|r| r.chars().next());
            let ok = match c {
                '-' | '*' | '+' => matches!(after, Some(' ' | '\t')),
                _ => matches!(after, Some(' ' | '\t' | '\u{a0}') | None),
            };
            // `**bold**` at line start is not a bullet.
            if ok {
                i += c.len_utf8();
                continue;
            }
        }
        if i == before {
            break;
        }
    }

    let mut pending_ws: Option<(char, u32)> = None;
    let mut link_close: Option<(usize, usize)> = None;
    while i < raw.len() {
        if let Some((close, resume)) = link_close
            && i == close
        {
            i = resume;
            link_close = None;
            continue;
        }
        // Fast path: a run of plain ASCII bytes is copied in bulk.
        let run = ok.map_or(0, |ok| run_at(bytes, ok, i));
        if run > 1 && link_close.is_none_or(|(close, _)| close >= i + run) {
            flush_ws(line, &mut pending_ws);
            if let Some(chunk) = raw.get(i..i + run) {
                line.text.push_str(chunk);
                let range = base + i..base + i + run;
                match offs {
                    // `map` is the identity without an offset map.
                    None => line.offs.extend(range.map(|k| k as u32)),
                    Some(o) => match o.get(range.clone()) {
                        Some(o) => line.offs.extend_from_slice(o),
                        None => line.offs.extend(range.map(map)),
                    },
                }
                i += run;
                continue;
            }
        }
        let Some(c) = raw.get(i..).and_then(|r| r.chars().next()) else {
            // Not a char boundary (cannot happen for &str slices at char starts).
            i += 1;
            continue;
        };
        let clen = c.len_utf8();
        let off = map(base + i);
        if c == '\t' {
            pending_ws = Some(('\t', off));
            i += clen;
            continue;
        }
        if is_space(c) || c == '\n' {
            if pending_ws.is_none() {
                pending_ws = Some((' ', off));
            }
            i += clen;
            continue;
        }
        if is_dropped(c) {
            i += clen;
            continue;
        }
        if markdown {
            match c {
                '\\' => {
                    if let Some(&n) = bytes.get(i + 1)
                        && n.is_ascii_punctuation()
                    {
                        flush_ws(line, &mut pending_ws);
                        line.push_span(n as char, off, 2);
                        i += 2;
                        continue;
                    }
                }
                '*' => {
                    let prev = raw.get(..i).and_then(|r| r.chars().next_back());
                    let next = raw.get(i + 1..).and_then(|r| r.chars().next());
                    let standalone = prev.is_none_or(char::is_whitespace)
                        && next.is_none_or(char::is_whitespace);
                    if !standalone {
                        i += 1;
                        continue;
                    }
                }
                '!' if bytes.get(i + 1) == Some(&b'[') => {
                    if let Some((_, end)) = link_at(raw, i + 1) {
                        i = end;
                        continue;
                    }
                }
                '[' => {
                    if let Some((close, end)) = link_at(raw, i) {
                        link_close = Some((close, end));
                        i += 1;
                        continue;
                    }
                }
                '<' => {
                    if let Some(len) = tag_len(raw.get(i..).unwrap_or("")) {
                        i += len;
                        continue;
                    }
                }
                '$' => {
                    if let Some(len) = math_len(raw.get(i..).unwrap_or("")) {
                        let inner = raw.get(i + 1..i + len - 1).unwrap_or("");
                        if inner.starts_with('^') {
                            // `Probody $^{\text{TM}}$` → `Probody™`.
                            pending_ws = None;
                        } else {
                            flush_ws(line, &mut pending_ws);
                        }
                        latex(inner, &|k| map(base + i + 1 + k), line);
                        i += len;
                        continue;
                    }
                }
                '^' if bytes.get(i + 1) == Some(&b'{') => {
                    if let Some(len) = group_len(raw.get(i + 1..).unwrap_or("")) {
                        pending_ws = None;
                        let grp = raw.get(i..i + 1 + len).unwrap_or("");
                        latex(grp, &|k| map(base + i + k), line);
                        i += 1 + len;
                        continue;
                    }
                }
                _ => {}
            }
        }
        flush_ws(line, &mut pending_ws);
        // Each byte through the map: `off + k` can pass the end of the source
        // when `offs` maps a multi-byte char's bytes to one offset.
        line.push_mapped(c, |k| map(base + i + k));
        i += clen;
    }
}

/// Markdown: ASCII bytes that no inline rule looks at. Printable ASCII takes the
/// generic per-char path (pending whitespace flushed, the byte copied at its own
/// offset) unless a Markdown rule matches on it: `\\`, `*`, `!`, `[`, `<`, `$`,
/// `^` start one, and `]` ends a link text. (`(` and `)` start none: a link's
/// `(url)` is skipped from its `[`.)
///
/// Branch-free, so that [`Runs::scan`] vectorizes: printable ASCII is
/// `0x21..=0x7E`, and `[`, `\\`, `]`, `^` are the four bytes from `0x5B`.
#[inline(always)]
const fn is_plain_md(b: u8) -> bool {
    is_plain_text(b)
        & (b != b'!')
        & (b != b'$')
        & (b != b'*')
        & (b != b'<')
        & (b.wrapping_sub(b'[') >= 4)
}

/// Without the Markdown rules (HTML text), every printable ASCII byte
/// (`0x21..=0x7E`) takes the generic per-char path, so all of them are plain.
#[inline(always)]
const fn is_plain_text(b: u8) -> bool {
    b.wrapping_sub(0x21) < 0x5E
}

/// Source bytes [`normalize`] classifies per [`Runs::scan`] (whole lines,
/// so at least this many unless the text ends).
const SEGMENT: usize = 4096;

/// The most segments one [`Runs::scan`] classifies (1 MiB with
/// [`SEGMENT`]): flags cost two bytes of memory per byte classified.
const STRETCH_MAX: usize = 256;

/// Which bytes of a stretch of whole source lines a bulk-copied run may
/// hold: a plain byte (see [`is_plain_md`], [`is_plain_text`]), or a lone
/// space or tab between two plain bytes. A lone blank becomes the pending
/// whitespace (itself, at its own offset; a tab is kept as a tab) and the
/// next plain byte emits it, so copying it in bulk gives the same text and
/// offsets as the whitespace rules. (Two blanks in a row fold to one, so
/// they end the run.)
///
/// The flags of a whole stretch are found at once, in two branch-free
/// passes that the compiler vectorizes, so that a run's end is a `memchr`
/// for the next 0 instead of a per-byte test with a branch per space.
/// The bytes around a line (a `\n` or nothing) are not plain, so a line's
/// flags are the same whatever stretch holds it.
#[derive(Debug, Default)]
struct Runs {
    /// Source byte offset of `ok[0]`.
    start: usize,
    /// Per source byte from `start`: 1 where a run may hold it, else 0.
    ok: Vec<u8>,
    /// Scratch for [`Runs::scan`]: 1 per plain byte, else 0, with a 0
    /// before and after.
    plain: Vec<u8>,
}

impl Runs {
    /// One past the last source byte classified.
    fn end(&self) -> usize {
        self.start + self.ok.len()
    }

    /// The flags of the `len` bytes of the line starting at `src` byte `start`.
    fn line(&self, start: usize, len: usize) -> &[u8] {
        let k = start.saturating_sub(self.start);
        self.ok.get(k..k + len).unwrap_or(&[])
    }

    /// Classifies `src` from `start` (a line start) to the end of the line
    /// holding byte `start + segment - 1`, its `\n` included, or to the end;
    /// but never more than [`STRETCH_MAX`] segments, so that a text of one
    /// long line does not get flags for all of it at once (two bytes per
    /// source byte). A line cut off by that bound gets no flags from
    /// [`Runs::line`], so its bytes take the per-char path.
    fn scan(&mut self, src: &[u8], start: usize, segment: usize, markdown: bool) {
        let segment = segment.max(1);
        let from = (start + segment - 1).min(src.len());
        let end = src
            .get(from..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map_or(src.len(), |k| from + k + 1)
            .min(start.saturating_add(segment.saturating_mul(STRETCH_MAX)));
        let bytes = src.get(start..end).unwrap_or(&[]);
        self.start = start;
        self.ok.clear();
        if markdown {
            scan_with(bytes, &mut self.plain, &mut self.ok, is_plain_md);
        } else {
            scan_with(bytes, &mut self.plain, &mut self.ok, is_plain_text);
        }
    }
}

/// [`Runs::scan`] of `bytes` with the plain-byte test `plain`: its flags
/// in `ok`, `p` for scratch. The bytes before and after `bytes` count as
/// not plain.
#[inline(always)]
fn scan_with(bytes: &[u8], p: &mut Vec<u8>, ok: &mut Vec<u8>, plain: impl Fn(u8) -> bool) {
    p.clear();
    p.push(0);
    p.extend(bytes.iter().map(|&b| u8::from(plain(b))));
    p.push(0);
    let before = p.get(..bytes.len()).unwrap_or(&[]);
    let at = p.get(1..).unwrap_or(&[]);
    let after = p.get(2..).unwrap_or(&[]);
    ok.clear();
    ok.extend(
        bytes
            .iter()
            .zip(before)
            .zip(at)
            .zip(after)
            .map(|(((&b, &x), &y), &z)| y | (u8::from((b == b' ') | (b == b'\t')) & x & z)),
    );
}

/// Length in bytes of the bulk-copyable run at byte `i` of a line `bytes`
/// whose [`Runs`] flags are `ok`: up to the next 0 flag, and none at a
/// blank (a blank that starts a run is not between two plain bytes of it).
fn run_at(bytes: &[u8], ok: &[u8], i: usize) -> usize {
    if matches!(bytes.get(i), Some(b' ' | b'\t') | None) {
        return 0;
    }
    let rest = ok.get(i..).unwrap_or(&[]);
    memchr::memchr(0, rest).unwrap_or(rest.len())
}

/// Emits a pending folded whitespace unless the line is still empty.
fn flush_ws(line: &mut TextBuf, pending: &mut Option<(char, u32)>) {
    if let Some((c, off)) = pending.take()
        && !line.text.is_empty()
    {
        line.push_at(c, off);
    }
}

/// A Markdown link `[text](url)` starting at `raw[i] == '['`: returns the byte index of
/// `]` and the index just past `)`.
fn link_at(raw: &str, i: usize) -> Option<(usize, usize)> {
    let rest = raw.get(i..)?;
    if !rest.starts_with('[') {
        return None;
    }
    let close = rest.find(']')?;
    if rest.get(1..close)?.contains('[') {
        return None;
    }
    let after = rest.get(close + 1..)?;
    if !after.starts_with('(') {
        return None;
    }
    let paren = after.find(')')?;
    if after.get(1..paren)?.contains(' ') && !after.get(1..paren)?.contains('"') {
        return None;
    }
    Some((i + close, i + close + 1 + paren + 1))
}

/// Length of an inline HTML tag at the start of `s` (`<u>`, `</u>`, `<br/>`, `<span a="b">`).
fn tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut k = 1;
    if b.get(k) == Some(&b'/') {
        k += 1;
    }
    if !b.get(k)?.is_ascii_alphabetic() {
        return None;
    }
    while b.get(k).is_some_and(|c| c.is_ascii_alphanumeric()) {
        k += 1;
    }
    match b.get(k)? {
        b'>' => Some(k + 1),
        b'/' if b.get(k + 1) == Some(&b'>') => Some(k + 2),
        b' ' => {
            let end = s.get(k..)?.find('>')?;
            let inner = s.get(k..k + end)?;
            (end < 200 && !inner.contains('<')).then_some(k + end + 1)
        }
        _ => None,
    }
}

/// Length of a LaTeX math span `$...$` at the start of `s` that holds LaTeX markup
/// (`^` or `\`); `None` for a plain dollar sign.
fn math_len(s: &str) -> Option<usize> {
    let rest = s.get(1..)?;
    let mut prev = '$';
    for (k, c) in rest.char_indices() {
        if k > 80 {
            return None;
        }
        if c == '$' && prev != '\\' {
            let inner = rest.get(..k)?;
            let latexy = inner.contains('^') || inner.contains('\\');
            return (latexy && !inner.is_empty()).then_some(k + 2);
        }
        prev = c;
    }
    None
}

/// Length of a balanced `{...}` group at the start of `s`.
fn group_len(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (k, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            _ => {}
        }
        if depth <= 0 || k > 80 {
            return None;
        }
    }
    None
}

/// Renders LaTeX-ish markup (`Brandix^{\circledast}`, `^{\text{TM}}`, `\alpha`) as text.
fn latex(s: &str, map: &dyn Fn(usize) -> u32, out: &mut TextBuf) {
    let b = s.as_bytes();
    let mut i = 0usize;
    while i < s.len() {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            i += 1;
            continue;
        };
        match c {
            '^' if b.get(i + 1) == Some(&b'{') => {
                let len = group_len(s.get(i + 1..).unwrap_or("")).unwrap_or(1);
                let inner = s.get(i + 2..i + len).unwrap_or("");
                let mut sup = TextBuf::default();
                latex(inner, &|k| map(i + 2 + k), &mut sup);
                let sym = match sup.text.trim() {
                    "TM" | "tm" | "™" => Some('™'),
                    "R" | "r" | "®" => Some('®'),
                    "SM" => Some('℠'),
                    "C" | "©" => Some('©'),
                    _ => None,
                };
                match sym {
                    Some(sym) => out.push_span(sym, map(i), (len + 1) as u32),
                    None => out.extend(&sup),
                }
                i += 1 + len;
            }
            '^' | '{' | '}' | '$' | '~' => i += 1,
            '\\' => {
                let name_len = b.get(i + 1..).map_or(0, |r| {
                    r.iter().take_while(|c| c.is_ascii_alphabetic()).count()
                });
                if name_len == 0 {
                    // `\%`, `\,`, `\$`.
                    if let Some(&n) = b.get(i + 1)
                        && (n == b'%' || n == b'$' || n == b'&' || n == b'#' || n == b'_')
                    {
                        out.push_span(n as char, map(i), 2);
                    }
                    i += 2;
                    continue;
                }
                let name = s.get(i + 1..i + 1 + name_len).unwrap_or("");
                let sym = match name {
                    "circledast" | "circledR" | "textregistered" | "registered" => Some('®'),
                    "texttrademark" | "trademark" => Some('™'),
                    "copyright" | "textcopyright" => Some('©'),
                    "alpha" => Some('α'),
                    "beta" => Some('β'),
                    "gamma" => Some('γ'),
                    "delta" => Some('δ'),
                    "kappa" => Some('κ'),
                    "mu" => Some('μ'),
                    "pm" => Some('±'),
                    "times" => Some('×'),
                    "geq" | "ge" => Some('≥'),
                    "leq" | "le" => Some('≤'),
                    "prime" => Some('′'),
                    _ => None,
                };
                if let Some(sym) = sym {
                    out.push_span(sym, map(i), (name_len + 1) as u32);
                }
                i += 1 + name_len;
            }
            c if c.is_whitespace() => {
                if !out.text.is_empty() && out.last_char() != Some(' ') {
                    out.push_at(' ', map(i));
                }
                i += c.len_utf8();
            }
            c => {
                out.push_mapped(c, |k| map(i + k));
                i += c.len_utf8();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalizes `input` as Markdown and compares with `expect`; also checks that
    /// the offset map has the right length and is within the input.
    fn check(input: &str, expect: &str) {
        let got = normalize(input, None, true);
        assert_eq!(got.text, expect, "input: {input:?}");
        assert_eq!(got.offs.len(), got.text.len());
        assert!(got.offs.iter().all(|&o| (o as usize) <= input.len()));
    }

    #[test]
    fn markdown_rules() {
        let cases: &[(&str, &str)] = &[
            // bold / emphasis (dev/000)
            (
                "Massachusetts (State) **0-17999** (Commission File Number)",
                "Massachusetts (State) 0-17999 (Commission File Number)",
            ),
            (
                "provisions (*see* General Instruction A.2. below):",
                "provisions (see General Instruction A.2. below):",
            ),
            // inline tags (dev/001)
            (
                "<u>Trastuzumab emtansine (T-DM1)</u> — Comprises the HER2-targeting antibody",
                "Trastuzumab emtansine (T-DM1) — Comprises the HER2-targeting antibody",
            ),
            // escaped dollars
            ("net income of \\$3.8 million", "net income of $3.8 million"),
            (
                "Cash\t\\$\t178,088\t\\$\t194,960\t",
                "Cash\t$\t178,088\t$\t194,960",
            ),
            // LaTeX trademarks (dev/000)
            (
                " $Zentrab^{\\circledast}$, $Acmelid^{\\circledast}$, and $Zoltuxan^{\\circledast}$ are registered trademarks. Probody $^{\\text{TM}}$ is a trademark",
                "Zentrab®, Acmelid®, and Zoltuxan® are registered trademarks. Probody™ is a trademark",
            ),
            ("LODER^{\\text{TM}} works", "LODER™ works"),
            // plain dollars stay
            (
                "approximately $29 million), and $273,000 )",
                "approximately $29 million), and $273,000 )",
            ),
            // links and images (candel)
            (
                "![](https://public.newsdirect.com/425692953/FEceaZRN.png)",
                "",
            ),
            ("see [our site](https://x.com/a) now", "see our site now"),
            // headings and bullets
            (
                "# Pacylex Pharmaceuticals Announces",
                "Pacylex Pharmaceuticals Announces",
            ),
            ("- · Progress with all three", "Progress with all three"),
            (
                "• The Company advanced ZTX-289",
                "The Company advanced ZTX-289",
            ),
            (
                " * The Company currently has enrolled",
                "The Company currently has enrolled",
            ),
            (
                "-Quarterly Conference Call Today at 8:00 am ET-",
                "-Quarterly Conference Call Today at 8:00 am ET-",
            ),
            // nbsp and em dash
            ("ALPHARETTA,\u{a0}GA — May 14", "ALPHARETTA, GA — May 14"),
            // whitespace folding
            ("a   b  \t c  ", "a b\tc"),
        ];
        for (i, e) in cases {
            check(i, e);
        }
    }

    #[test]
    fn line_rules() {
        let cases: &[(&str, &str)] = &[
            // hyphenation across a blank line
            (
                "treatment of HER2-\n\npositive breast cancer",
                "treatment of HER2-positive breast cancer",
            ),
            // page break in a sentence (dev/000 style)
            (
                "to enable the best dosing regimen to be used in further\n\n2\n\nstudies of the compound.",
                "to enable the best dosing regimen to be used in further studies of the compound.",
            ),
            // page number between paragraphs is dropped, paragraphs kept
            (
                "End of page.\n\n2\n\nNext page",
                "End of page.\n\nNext page",
            ),
            ("Line one\nLine two", "Line one\nLine two"),
            // continuation line with a stray bullet (dev/000)
            (
                "regimen to be used in further\n- evaluation of the compound.\n\n2\n",
                "regimen to be used in further evaluation of the compound.",
            ),
            ("list:\n- first item", "list:\nfirst item"),
            ("A\n\n\n\nB", "A\n\nB"),
            ("\n\n  \n", ""),
            // a table row with just a number after tabs is a page number (dev/000)
            (
                "99.1\tPress Release\n\t2\n\nSIGNATURES",
                "99.1\tPress Release\n\nSIGNATURES",
            ),
        ];
        for (i, e) in cases {
            check(i, e);
        }
    }

    #[test]
    fn offsets_point_into_source() {
        let src = "# Head\n\nnet **income** of \\$3.8 and $Zentrab^{\\circledast}$ x";
        let got = normalize(src, None, true);
        for (i, c) in got.text.char_indices() {
            let o = got.offs[i] as usize;
            if c.is_ascii_alphanumeric() {
                assert_eq!(src.as_bytes()[o] as char, c, "at {i}");
            }
        }
        let k = got.text.find('$').unwrap_or(0);
        assert_eq!(&src[got.offs[k] as usize..got.offs[k] as usize + 2], "\\$");
    }

    /// [`is_plain_md`] as first written: printable ASCII but the bytes that
    /// start or end a Markdown rule.
    fn plain_md_reference(b: u8) -> bool {
        b.is_ascii_graphic() && !matches!(b, b'\\' | b'*' | b'!' | b'[' | b']' | b'<' | b'$' | b'^')
    }

    /// The run at the start of `r` byte by byte (the scan `normalize` had
    /// before [`Runs`]), with the predicates' definitions.
    fn plain_run_reference(r: &[u8], markdown: bool) -> usize {
        let plain = |b: u8| {
            if markdown {
                plain_md_reference(b)
            } else {
                b.is_ascii_graphic()
            }
        };
        let mut n = 0;
        while let Some(&b) = r.get(n) {
            let blank = b == b' ' || b == b'\t';
            if plain(b) || (blank && n > 0 && r.get(n + 1).is_some_and(|&c| plain(c))) {
                n += 1;
            } else {
                break;
            }
        }
        n
    }

    /// [`run_at`] with [`Runs`] flags found in stretches of several sizes
    /// agrees with [`plain_run_reference`] at every byte of `t`.
    fn runs_match_reference(t: &str) {
        let b = t.as_bytes();
        for md in [true, false] {
            for seg in [SEGMENT, 1, 5, 64, b.len() + 1] {
                let mut runs = Runs::default();
                let mut start = 0;
                while start <= b.len() {
                    let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |k| start + k);
                    if start >= runs.end() {
                        runs.scan(b, start, seg, md);
                        let e = runs.end();
                        let bound = start + seg * STRETCH_MAX;
                        assert!(
                            e == b.len()
                                || e == bound
                                || (e > start && b.get(e - 1) == Some(&b'\n'))
                        );
                        assert!(e <= bound, "a stretch of {} bytes", e - start);
                    }
                    let line = &b[start..end];
                    let ok = runs.line(start, line.len());
                    if end > runs.end() {
                        // Cut off by the bound: no flags, the per-char path.
                        assert!(ok.is_empty() && !line.is_empty());
                        start = end + 1;
                        continue;
                    }
                    assert_eq!(ok.len(), line.len());
                    for i in 0..=line.len() {
                        assert_eq!(
                            run_at(line, ok, i),
                            plain_run_reference(&line[i..], md),
                            "{t:.80?} at {}",
                            start + i
                        );
                    }
                    start = end + 1;
                }
            }
        }
    }

    /// Normalizes `t` with the bulk copy and with every char through the
    /// per-char rules, without an offset map and through an identity and a
    /// spread-out one; all must agree in text and offsets.
    fn fast_matches_slow(t: &str) {
        let ident: Vec<u32> = (0..t.len() as u32).collect();
        let spread: Vec<u32> = (0..t.len() as u32).map(|k| 3 * k + 1).collect();
        for md in [true, false] {
            let slow = normalize_with(t, None, md, None);
            let slow_spread = normalize_with(t, Some(&spread), md, None);
            for seg in [SEGMENT, 1, 7, 100] {
                for offs in [None, Some(ident.as_slice())] {
                    let fast = normalize_with(t, offs, md, Some(seg));
                    assert_eq!(fast.text, slow.text, "{t:.80?}");
                    assert_eq!(fast.offs, slow.offs, "{t:.80?}");
                }
                let fast = normalize_with(t, Some(&spread), md, Some(seg));
                assert_eq!(fast.text, slow_spread.text, "{t:.80?}");
                assert_eq!(fast.offs, slow_spread.offs, "{t:.80?}");
            }
        }
    }

    /// The vectorized run flags give the runs the byte-by-byte scan gives
    /// (from every position of the text), the branch-free predicates what
    /// their definitions give, and the bulk copy (runs with single spaces
    /// and tabs, parentheses, all printable ASCII outside Markdown) gives what
    /// Regression (session 7 review): a text of one long line once got
    /// flags for the whole line in one stretch, two bytes per source byte.
    #[test]
    fn a_stretch_is_bounded_on_one_long_line() {
        let line = "a b ".repeat(600_000);
        let mut runs = Runs::default();
        runs.scan(line.as_bytes(), 0, SEGMENT, false);
        assert_eq!(runs.end(), SEGMENT * STRETCH_MAX);
        assert!(runs.line(0, line.len()).is_empty());
        assert_eq!(normalize(&line, None, false).text, line.trim_end());
    }

    /// the per-char rules give, on the samples and on edge cases.
    #[test]
    fn fast_paths_match_reference() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = Vec::new();
        for dir in ["data/filings", "benches/data"] {
            for e in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        assert!(texts.len() >= 5 && texts.iter().all(|t| t.len() > 1000));
        texts.extend(
            [
                "a  b",
                " a b ",
                "a b",
                "ab (c) d*e",
                "x \u{e9} y",
                "a \n b",
                "a b  c ",
                "a\tb \tc\t d\t\te\t",
                "\tZentrix\t$\t(1,234)\t",
                "see [Acme (ZTX-101)](https://x.com/a) (b) ![i](u) [a]b",
                "a*b* (*c*) \\$ $x^{\\text{TM}}$ <u>u</u> ^{R} a\u{a0}b",
                "a b",
            ]
            .map(String::from),
        );
        // Lines longer than a stretch's bound for the small segments
        // (see `STRETCH_MAX`), between short ones.
        let long = "Zentrix (ZTX-101) a b\tc  d [e](f) $g$ ".repeat(800);
        texts.push(format!("short line\n{long}\nanother line\n{long}"));
        for t in &texts {
            runs_match_reference(t);
            fast_matches_slow(t);
        }
        for b in 0..=255u8 {
            assert_eq!(is_plain_md(b), plain_md_reference(b), "{b}");
            assert_eq!(is_plain_text(b), b.is_ascii_graphic(), "{b}");
        }
    }

    proptest::proptest! {
        /// The bulk copy agrees with the per-char rules on text built from
        /// words, blanks, Markdown and LaTeX markup, and non-ASCII chars.
        #[test]
        fn bulk_copy_agrees_with_per_char_rules(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Zentrix", "ZTX-101", "2", ".", ",", "-", " ", "  ", "\t", "\n",
                    "\r", "(", ")", "[", "]", "![", "](", "*", "**", "\\", "\\$", "$",
                    "^{", "}", "\\text{TM}", "<u>", "</u>", "<", ">", "#", "# ", "- ",
                    "\u{2022} ", "\u{e9}", "\u{a0}", "\u{200b}", "Page ", "\u{3000}",
                ]),
                0..40,
            )
        ) {
            let t = parts.concat();
            runs_match_reference(&t);
            fast_matches_slow(&t);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "$",
            "$^{",
            "^{",
            "[",
            "[a](",
            "![",
            "<",
            "<a ",
            "\\",
            "*",
            "\u{a0}",
            "é$^{\\text{TM}}",
            "#",
            "-",
        ] {
            let _ = normalize(s, None, true);
            let _ = normalize(s, None, false);
        }
    }
}
