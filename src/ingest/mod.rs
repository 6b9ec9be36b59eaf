//! Ingest: turns a file's bytes (plain text, EDGAR HTML, EDGAR full submission) into normalized text with a byte-offset map back to the original, plus document metadata.
//!
//! **Architecture Invariant:** ingest knows nothing about compounds or the graph;
//! it only decodes, strips markup and reads the filing header.

use crate::model::DocInfo;
use std::ops::Range;
use std::path::Path;

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
}

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
        }
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
            (o + 1).max(s)
        };
        s..e
    }
}

/// Reads and ingests one file.
///
/// # Errors
/// [`IngestError`] naming the file: unreadable, empty or binary.
pub fn ingest_file(path: &Path) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.display().to_string(),
        source,
    })?;
    ingest_bytes(&path.display().to_string(), &bytes)
}

/// Ingests a file's bytes; `path` is used for the document id, the kind
/// (by extension and content) and error messages.
///
/// # Errors
/// [`IngestError::Empty`] or [`IngestError::Binary`].
pub fn ingest_bytes(path: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path: path.into() });
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let offsets: Vec<u32> = (0..=text.len() as u32).collect();
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    let info = DocInfo {
        id: format!("doc:{name}"),
        path: path.to_string(),
        ..DocInfo::default()
    };
    Ok(Document::new(info, text, offsets))
}

/// Files under `paths`: files as given, folders walked recursively in sorted order.
pub fn collect_inputs(paths: &[std::path::PathBuf]) -> (Vec<std::path::PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(p)
                .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.sort();
            files.extend(v.into_iter().filter(|f| f.is_file()));
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(IngestError::Io {
                path: p.display().to_string(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
    }
    (files, errors)
}
