//! Ingest: turns a file's bytes (plain text, EDGAR HTML, EDGAR full submission) into normalized text with a byte-offset map back to the original, plus document metadata.
//!
//! **Architecture Invariant:** ingest knows nothing about compounds or the graph;
//! it only decodes, strips markup and reads the filing header.

mod html;
mod meta;
mod submission;
mod text;

use crate::model::DocInfo;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Errors of the ingest phase. Each names the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is empty or holds no text.
    #[error("{path}: empty file")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file is binary (PDF, image, archive, ...).
    #[error("{path}: binary file ({what}), not a filing")]
    Binary {
        /// The file.
        path: String,
        /// What it looks like, e.g. `"PDF"`.
        what: String,
    },
    /// A path given on the command line does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path.
        path: String,
    },
    /// The file is larger than the per-document size limit (`--max-size`;
    /// never more than 4 GiB, the limit of 32-bit offsets).
    #[error("{path}: too large: {len} bytes, over the limit of {limit} bytes (--max-size)")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size in bytes (at least `limit + 1` when read from a stream).
        len: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A directory holds a symbolic link to one of its own ancestors.
    #[error("{path}: symlink loop (points back to {ancestor}), skipped")]
    SymlinkLoop {
        /// The link.
        path: String,
        /// The ancestor it points to.
        ancestor: String,
    },
}

impl IngestError {
    /// The file or path the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::Missing { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::SymlinkLoop { path, .. } => path,
        }
    }
}

/// Something odd about a document that was still read; the CLI prints each
/// on stderr with the file name, and the exit code is unaffected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Not UTF-8 (no valid multi-byte sequence): decoded as windows-1252.
    Windows1252,
    /// Mostly UTF-8 with `n` invalid sequences, each replaced by U+FFFD.
    InvalidUtf8 {
        /// Number of invalid byte sequences.
        n: usize,
    },
    /// UTF-16 with a byte order mark: decoded (`"LE"` or `"BE"`).
    Utf16(&'static str),
    /// No report date in the text, SEC header, dateline or file name:
    /// relative dates (`this quarter`, `in May`) stay unresolved.
    NoReportDate,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::Windows1252 => write!(f, "not UTF-8; decoded as windows-1252"),
            Warning::InvalidUtf8 { n } => write!(
                f,
                "invalid UTF-8: {n} bad byte sequence{} replaced by U+FFFD",
                if *n == 1 { "" } else { "s" }
            ),
            Warning::Utf16(e) => write!(f, "UTF-16{e} with byte order mark; decoded"),
            Warning::NoReportDate => write!(f, "no report date; relative dates left unresolved"),
        }
    }
}

/// The default per-document size limit: 64 MiB.
pub const DEFAULT_MAX_SIZE: u64 = 64 << 20;

/// The largest size any limit allows: offsets are 32-bit.
const HARD_MAX_SIZE: u64 = u32::MAX as u64 - 1;

/// One ingested document: normalized text and the way back to the original bytes.
#[derive(Debug, Clone)]
pub struct Document {
    /// Metadata: id, path, registrant, form, report date, items, sha256.
    pub info: DocInfo,
    /// Normalized text: markup removed, one paragraph or table row per line.
    pub text: String,
    /// `offsets[i]` is the original byte offset of text byte `i`;
    /// `offsets.len() == text.len() + 1` (the last entry is the original length).
    offsets: Vec<u32>,
    /// Bytes of the original encoding's code unit: 2 for UTF-16, else 1; an
    /// original range ends one unit past the offset of its last text byte.
    unit: u32,
    /// What was odd about the input (encoding, missing report date).
    warnings: Vec<Warning>,
}

impl Document {
    /// Builds a document from normalized text and its offset map.
    ///
    /// # Panics
    /// Never; a map of the wrong length is padded or cut to `text.len() + 1`.
    pub fn new(info: DocInfo, text: String, mut offsets: Vec<u32>) -> Document {
        let last = offsets.last().copied().unwrap_or(0);
        offsets.resize(text.len() + 1, last);
        Document {
            info,
            text,
            offsets,
            unit: 1,
            warnings: Vec::new(),
        }
    }

    /// What was odd about the input; empty for a clean UTF-8 filing with a report date.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Maps a byte range of [`Document::text`] to a byte range of the original file.
    /// Out-of-range input is clamped.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let max = self.offsets.len().saturating_sub(1);
        let s = self.offsets.get(r.start.min(max)).copied().unwrap_or(0) as usize;
        let e = if r.end == 0 {
            s
        } else {
            // End is one past the original byte of the last text byte.
            let last = r.end.min(max).saturating_sub(1).max(r.start.min(max));
            let o = self.offsets.get(last).copied().unwrap_or(0) as usize;
            (o + self.unit as usize)
                .min(self.offsets.last().map_or(0, |&l| l as usize).max(o + 1))
                .max(s)
        };
        s..e
    }
}

/// Reads and ingests one file, with the default size limit ([`DEFAULT_MAX_SIZE`]).
///
/// # Errors
/// [`IngestError`] naming the file: unreadable, too large, empty or binary.
pub fn ingest_file(path: &Path) -> Result<Document, IngestError> {
    ingest_file_max(path, DEFAULT_MAX_SIZE)
}

/// Reads and ingests one file of at most `max_size` bytes (capped at 4 GiB).
/// Never reads more than `max_size + 1` bytes, so a huge or endless file
/// (`/dev/zero`) is refused without being loaded.
///
/// # Errors
/// [`IngestError::TooLarge`] over the limit; [`IngestError::Io`] when the file
/// cannot be opened or read (permissions, a directory); else as [`ingest_bytes`].
pub fn ingest_file_max(path: &Path, max_size: u64) -> Result<Document, IngestError> {
    let shown = path.display().to_string();
    let bytes = read_limited(path, max_size.min(HARD_MAX_SIZE)).map_err(|e| match e {
        ReadError::Io(source) => IngestError::Io {
            path: shown.clone(),
            source,
        },
        ReadError::TooLarge(len, limit) => IngestError::TooLarge {
            path: shown.clone(),
            len,
            limit,
        },
    })?;
    ingest_bytes(&shown, &bytes)
}

enum ReadError {
    Io(std::io::Error),
    /// Size (or a lower bound of it) and limit.
    TooLarge(u64, u64),
}

/// Reads at most `limit` bytes of `path`; more is an error.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = f.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::other("is a directory")));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len(), limit));
    }
    let cap = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(cap);
    f.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Ingests a file's bytes; `path` is used for the document id (`doc:<file name>`),
/// the kind (by extension and content) and error messages.
///
/// Decodes UTF-8 (BOM optional; a few invalid sequences become U+FFFD), UTF-16
/// with a BOM, else windows-1252; then extracts text from an EDGAR full
/// submission, HTML, or plain text/Markdown, and reads the metadata. Offsets of
/// the result point into `bytes`. Anything odd is in [`Document::warnings`].
///
/// Never panics, whatever the bytes; any nesting depth of HTML is fine.
///
/// # Errors
/// [`IngestError::Empty`] (no non-blank text), [`IngestError::Binary`] (NUL bytes,
/// PDF/PNG/ZIP/GIF/JPEG magic) or [`IngestError::TooLarge`] (4 GiB or more).
pub fn ingest_bytes(path: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    if bytes.len() as u64 > HARD_MAX_SIZE {
        return Err(IngestError::TooLarge {
            path: path.into(),
            len: bytes.len() as u64,
            limit: HARD_MAX_SIZE,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path: path.into() });
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(IngestError::Binary {
            path: path.into(),
            what: what.into(),
        });
    }
    let (decoded, map, warning) = decode(bytes);
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    let lower = name.to_ascii_lowercase();
    let mut header = None;
    let buf = if submission::is_submission(&decoded) {
        let h = submission::parse_header(&decoded);
        let t = submission::extract(&decoded, &h);
        header = Some(h);
        t
    } else if lower.ends_with(".htm")
        || lower.ends_with(".html")
        || lower.ends_with(".xhtml")
        || starts_like_html(&decoded)
    {
        let raw = html::extract(&decoded, 0);
        text::normalize(&raw.text, Some(&raw.offs), false)
    } else {
        text::normalize(&decoded, None, true)
    };
    if buf.text.trim().is_empty() {
        return Err(IngestError::Empty { path: path.into() });
    }
    // The map to the decoded text becomes the map to `bytes` in place: no copy.
    let text::TextBuf {
        text,
        offs: mut offsets,
    } = buf;
    match &map {
        DecodeMap::Shift(0) => {}
        DecodeMap::Shift(k) => offsets.iter_mut().for_each(|o| *o = o.saturating_add(*k)),
        DecodeMap::Table(t) => offsets
            .iter_mut()
            .for_each(|o| *o = t.get(*o as usize).copied().unwrap_or(bytes.len() as u32)),
    }
    offsets.push(bytes.len() as u32);
    let mut info = DocInfo {
        id: format!("doc:{name}"),
        path: path.to_string(),
        sha256: hex(&Sha256::digest(bytes)),
        ..DocInfo::default()
    };
    meta::fill(&mut info, &text, header.as_ref(), &name);
    let no_date = info.report_date.is_none();
    let mut doc = Document::new(info, text, offsets);
    if matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
        doc.unit = 2;
    }
    doc.warnings.extend(warning);
    if no_date {
        doc.warnings.push(Warning::NoReportDate);
    }
    Ok(doc)
}

/// Lowercase hex of a digest: each byte's two nibbles looked up in a table
/// (a `write!` per byte goes through the formatting machinery).
fn hex(d: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(d.len() * 2);
    let digit = |n: u8| char::from(DIGITS.get(usize::from(n)).copied().unwrap_or(b'0'));
    for b in d {
        s.push(digit(b >> 4));
        s.push(digit(b & 15));
    }
    s
}

/// True when the content starts like an HTML document.
fn starts_like_html(s: &str) -> bool {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = t.get(..t.len().min(16)).unwrap_or("").to_ascii_lowercase();
    head.starts_with("<html") || head.starts_with("<!doctype") || head.starts_with("<?xml")
}

/// What a binary file looks like, by magic number or NUL bytes.
fn sniff_binary(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(&[0xFF, 0xFE]) || b.starts_with(&[0xFE, 0xFF]) {
        return None; // UTF-16 with BOM: NULs are expected.
    }
    let magic: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG"),
        (b"PK\x03\x04", "ZIP"),
        (b"GIF8", "GIF"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"\x1F\x8B", "gzip"),
        (b"\x7FELF", "ELF"),
        (b"\xD0\xCF\x11\xE0", "OLE"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| b.starts_with(m)) {
        return Some(what);
    }
    let head = b.get(..b.len().min(1 << 16)).unwrap_or(b);
    memchr::memchr(0, head).map(|_| "NUL bytes")
}

/// How decoded-text byte offsets map to original byte offsets.
enum DecodeMap {
    /// Original = decoded + shift (UTF-8; the shift skips a BOM).
    Shift(u32),
    /// Original = table\[decoded\]; `table.len() == decoded.len() + 1`.
    Table(Vec<u32>),
}

/// Decodes `b` to UTF-8 with a map back to the original bytes, and what was
/// odd about the encoding.
fn decode(b: &[u8]) -> (Cow<'_, str>, DecodeMap, Option<Warning>) {
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF])
        && let Ok(s) = std::str::from_utf8(rest)
    {
        return (Cow::Borrowed(s), DecodeMap::Shift(3), None);
    }
    if let Some((enc, rest, name)) = match b {
        [0xFF, 0xFE, rest @ ..] => Some((encoding_rs::UTF_16LE, rest, "LE")),
        [0xFE, 0xFF, rest @ ..] => Some((encoding_rs::UTF_16BE, rest, "BE")),
        _ => None,
    } {
        let (s, _) = enc.decode_without_bom_handling(rest);
        let mut table = Vec::with_capacity(s.len() + 1);
        let mut pos = 2u32;
        let end = b.len() as u32;
        for c in s.chars() {
            for _ in 0..c.len_utf8() {
                table.push(pos.min(end));
            }
            pos = pos.saturating_add(2 * c.len_utf16() as u32);
        }
        table.push(end);
        return (
            Cow::Owned(s.into_owned()),
            DecodeMap::Table(table),
            Some(Warning::Utf16(name)),
        );
    }
    if let Ok(s) = std::str::from_utf8(b) {
        return (Cow::Borrowed(s), DecodeMap::Shift(0), None);
    }
    // Mostly UTF-8 (more valid multi-byte chars than bad sequences): keep it,
    // replacing each bad sequence by U+FFFD mapped to its bytes.
    let (mut multi, mut bad) = (0usize, 0usize);
    for chunk in b.utf8_chunks() {
        multi += chunk.valid().bytes().filter(|&x| x >= 0xC0).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if multi > 0 && bad <= multi {
        let mut s = String::with_capacity(b.len() + 2 * bad);
        let mut table = Vec::with_capacity(b.len() + 2 * bad + 1);
        let mut pos = 0u32;
        for chunk in b.utf8_chunks() {
            s.push_str(chunk.valid());
            table.extend((0..chunk.valid().len() as u32).map(|k| pos + k));
            pos += chunk.valid().len() as u32;
            if !chunk.invalid().is_empty() {
                s.push('\u{fffd}');
                table.extend([pos; 3]);
                pos += chunk.invalid().len() as u32;
            }
        }
        table.push(b.len() as u32);
        return (
            Cow::Owned(s),
            DecodeMap::Table(table),
            Some(Warning::InvalidUtf8 { n: bad }),
        );
    }
    // windows-1252: one char per byte.
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(b);
    let mut table = Vec::with_capacity(s.len() + 1);
    for (pos, c) in s.chars().enumerate() {
        for _ in 0..c.len_utf8() {
            table.push(pos as u32);
        }
    }
    table.push(b.len() as u32);
    (
        Cow::Owned(s.into_owned()),
        DecodeMap::Table(table),
        Some(Warning::Windows1252),
    )
}

/// Expands command-line paths: files as given, directories walked recursively in
/// sorted order (hidden entries and `*.json` files, which include `*.gold.json`,
/// skipped). Symbolic links are followed; a link to one of its own ancestors is
/// reported as [`IngestError::SymlinkLoop`] and not entered, so loops cannot hang.
///
/// Returns the files and one error per missing, unreadable or looping path.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if !p.exists() {
            errors.push(IngestError::Missing {
                path: p.display().to_string(),
            });
            continue;
        }
        if !p.is_dir() {
            files.push(p.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) => {
                    let name = e.file_name().to_string_lossy();
                    if e.file_type().is_file() && !name.ends_with(".json") {
                        files.push(e.into_path());
                    }
                }
                Err(e) => {
                    let path = e
                        .path()
                        .map_or_else(|| p.display().to_string(), |x| x.display().to_string());
                    errors.push(match e.loop_ancestor() {
                        Some(a) => IngestError::SymlinkLoop {
                            path,
                            ancestor: a.display().to_string(),
                        },
                        None => IngestError::Io {
                            path,
                            source: e.into(),
                        },
                    });
                }
            }
        }
    }
    (files, errors)
}

/// True for names starting with `.`.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table hex is `{:02x}` per byte, for every byte value.
    #[test]
    fn hex_is_formatted_hex() {
        let all: Vec<u8> = (0..=255u8).collect();
        let want: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&all), want);
        assert_eq!(hex(&[]), "");
    }

    /// Fuzz crash (`ingest_html`, minimized): `&r;\xFF r \xFF` read as
    /// windows-1252 HTML. `html::align` falls off the end of the text event for
    /// the last `ÿ` and maps both its bytes to the last source byte; the text
    /// normalization then gave its second byte that offset + 1, one past the
    /// input, and `original_range` ended past the input.
    #[test]
    fn offsets_stay_in_the_input_after_a_char_align_could_not_place() {
        let input = b"&r;\xFFr\xFF";
        let d = ingest_bytes("fuzz.htm", input).unwrap_or_else(|e| panic!("{e}"));
        let r = d.original_range(0..d.text.len());
        assert!(r.end <= input.len(), "{r:?} past {}", input.len());
        let last = d.offsets.len().saturating_sub(1);
        assert!(
            d.offsets
                .get(..last)
                .unwrap_or(&[])
                .iter()
                .all(|&o| (o as usize) < input.len()),
            "{:?}",
            d.offsets
        );
    }

    /// Ingests `input` as file `name` and compares the text with `expect`.
    fn check(name: &str, input: &[u8], expect: &str) {
        let d = ingest_bytes(name, input).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(d.text, expect, "{name}");
        assert_eq!(d.offsets.len(), d.text.len() + 1);
    }

    /// The original bytes of the word of `d.text` at byte `i`.
    fn word_at(d: &Document, i: usize) -> Option<(String, Range<usize>)> {
        let t = &d.text;
        let s = t
            .get(..i)?
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |k| k + 1);
        let e = t
            .get(i..)?
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(t.len(), |k| i + k);
        let w = t.get(s..e)?;
        (w.len() >= 3).then(|| (w.to_string(), d.original_range(s..e)))
    }

    #[test]
    fn decodings() {
        // windows-1252: 0x92 is a right single quote, 0xAE is ®.
        let w1252 = b"Zentrixia\x92s Zentrab\xAE works";
        check("a.txt", w1252, "Zentrixia\u{2019}s Zentrab® works");
        let d = ingest_bytes("a.txt", w1252).unwrap_or_else(|e| panic!("{e}"));
        let k = d.text.find("works").unwrap_or(0);
        assert_eq!(d.original_range(k..k + 5), 21..26);
        let k = d.text.find('®').unwrap_or(0);
        assert_eq!(d.original_range(k..k + '®'.len_utf8()), 19..20);

        // UTF-16 LE and BE with BOM.
        let text = "Date of Report: May 1, 2020\nAcme\u{2019}s drug";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for bytes in [&le, &be] {
            let d = ingest_bytes("u.txt", bytes).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(d.text, text);
            let k = d.text.find("drug").unwrap_or(0);
            let r = d.original_range(k..k + 4);
            assert_eq!(r.len(), 8);
            assert_eq!(
                r.start,
                2 + 2 * text.encode_utf16().take_while(|_| true).count() - 8
            );
            assert_eq!(
                d.info.report_date,
                chrono::NaiveDate::from_ymd_opt(2020, 5, 1)
            );
        }

        // UTF-8 with BOM: offsets skip the BOM.
        let d = ingest_bytes("b.txt", "\u{feff}Hello world".as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.text, "Hello world");
        assert_eq!(d.original_range(0..5), 3..8);
    }

    #[test]
    fn rejects_binary_and_empty() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.4\n...", "PDF"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"PK\x03\x04rest", "ZIP"),
            (b"GIF89a", "GIF"),
            (b"\xFF\xD8\xFF\xE0", "JPEG"),
            (b"text\x00with nul", "NUL bytes"),
        ];
        for (b, what) in cases {
            match ingest_bytes("x", b) {
                Err(IngestError::Binary { what: w, .. }) => assert_eq!(w, *what),
                other => panic!("{what}: {other:?}"),
            }
        }
        for b in [
            &b""[..],
            b"  \n\t ",
            b"<html><head><title>x</title></head></html>",
        ] {
            assert!(
                matches!(ingest_bytes("e.htm", b), Err(IngestError::Empty { .. })),
                "{b:?}"
            );
        }
    }

    #[test]
    fn never_panics_on_garbage() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"<>&#;/ \n\r\tabcXYZ$^{}\\*[]()!-.0123\xC3\xA9\xE2\x80\x94\xFF\x92";
        for n in 0..300 {
            let mut v = Vec::new();
            for _ in 0..(n % 97) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                v.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            for name in ["g.txt", "g.htm"] {
                if let Ok(d) = ingest_bytes(name, &v) {
                    let _ = d.original_range(0..d.text.len() + 5);
                }
            }
            let mut sub = b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n".to_vec();
            sub.extend(&v);
            let _ = ingest_bytes("s.txt", &sub);
        }
    }

    /// For many positions in the normalized text of every sample file, the original
    /// bytes at `original_range` hold the same word.
    #[test]
    fn sample_offsets_round_trip() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let (files, _) = collect_inputs(&[root.join("dev"), root.join("practice")]);
        let mut checked = 0;
        for f in files
            .iter()
            .filter(|f| !f.to_string_lossy().ends_with(".tsv"))
        {
            let bytes = std::fs::read(f).unwrap_or_default();
            let d = ingest_file(f).unwrap_or_else(|e| panic!("{e}"));
            let step = (d.text.len() / 200).max(1);
            for i in (0..d.text.len()).step_by(step) {
                if !d.text.is_char_boundary(i) {
                    continue;
                }
                if let Some((w, r)) = word_at(&d, i) {
                    let orig = bytes.get(r.clone()).unwrap_or(&[]);
                    assert_eq!(
                        String::from_utf8_lossy(orig),
                        w,
                        "{}: text {i} -> original {r:?}",
                        f.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(files.is_empty() || checked > 1000, "{checked}");
    }

    #[test]
    fn collects_inputs() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path();
        let write = |rel: &str| {
            let f = p.join(rel);
            if let Some(parent) = f.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(f, "x").unwrap_or_else(|e| panic!("{e}"));
        };
        for f in [
            "b.txt",
            "a.md",
            "a.md.gold.json",
            "x.json",
            ".hidden",
            ".git/config",
            "sub/c.htm",
        ] {
            write(f);
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(p, p.join("sub/loop")).unwrap_or_else(|e| panic!("{e}"));
        let missing = p.join("nope.txt");
        let (files, errors) = collect_inputs(&[p.to_path_buf(), missing, p.join("b.txt")]);
        let rel: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(p).unwrap_or(f).display().to_string())
            .collect();
        assert_eq!(rel, ["a.md", "b.txt", "sub/c.htm", "b.txt"]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, IngestError::SymlinkLoop { .. })),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, IngestError::Missing { .. })),
            "{errors:?}"
        );
    }

    #[test]
    fn kinds_and_ids() {
        let d = ingest_bytes("dir/x.htm", b"<P>Hello&nbsp;<B>there</B></P>")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.text, "Hello there");
        assert_eq!(d.info.id, "doc:x.htm");
        assert_eq!(d.info.path, "dir/x.htm");
        assert_eq!(d.info.sha256.len(), 64);
        // HTML by content, whatever the extension.
        check(
            "y.txt",
            b"<!DOCTYPE html><html><body><p>A</p><p>B</p></body></html>",
            "A\nB",
        );
        // Plain text keeps markup-free lines.
        check(
            "z.txt",
            b"**Bold** line.\n\n2\n\nNext",
            "Bold line.\n\nNext",
        );
    }
}
