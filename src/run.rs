//! The build pipeline as the CLI runs it: collect input files, ingest and extract each (reporting per-file errors and going on), build the graph, write outputs atomically.
//!
//! **Architecture Invariant:** this is the only library module that touches
//! the file system for outputs; every write goes through [`write_atomic`].

use crate::export::{Dot, Json};
use crate::extract::extract;
use crate::graph::PipelineGraph;
use crate::ingest::{self, IngestError, Warning};
use crate::model::DocFacts;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Errors of writing outputs. Each names the path.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// Creating, writing or renaming the output failed.
    #[error("{path}: cannot write: {source}")]
    Io {
        /// The output path.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The output path is one of the inputs; pipegraph never writes into its inputs.
    #[error("{path}: refusing to overwrite an input file")]
    IsInput {
        /// The output path.
        path: String,
    },
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Per-document size limit in bytes (`--max-size`); larger files are skipped.
    pub max_size: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_size: ingest::DEFAULT_MAX_SIZE,
        }
    }
}

/// The outcome of reading a set of inputs: one [`DocFacts`] per document
/// read, in path order, and the files that were skipped with why.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Facts per successfully read document, sorted by path.
    pub facts: Vec<DocFacts>,
    /// Files that could not be read, with the reason, sorted by path.
    pub errors: Vec<IngestError>,
    /// Documents read despite something odd: path and what.
    pub warnings: Vec<(String, Warning)>,
    /// Every input file, sorted by path (for refusing to overwrite inputs).
    pub inputs: Vec<PathBuf>,
}

/// [`read_corpus_with`] with default [`Options`].
pub fn read_corpus(paths: &[PathBuf]) -> Corpus {
    read_corpus_with(paths, &Options::default())
}

/// Collects the files under `paths` (directories recursively), ingests and
/// extracts each. A file that fails is recorded in [`Corpus::errors`] and
/// the run goes on.
///
/// Files are processed in path order whatever the order of `paths`, so the
/// same inputs always give the same corpus (and byte-identical outputs).
/// Document ids are made unique (`doc:a.txt`, `doc:a.txt#2`) when two inputs
/// share a file name.
pub fn read_corpus_with(paths: &[PathBuf], opts: &Options) -> Corpus {
    let (mut files, mut errors) = ingest::collect_inputs(paths);
    files.sort();
    let mut facts = Vec::with_capacity(files.len());
    let mut warnings = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for f in &files {
        match ingest::ingest_file_max(f, opts.max_size) {
            Ok(mut doc) => {
                let n = seen.entry(doc.info.id.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    doc.info.id = format!("{}#{}", doc.info.id, n);
                }
                for w in doc.warnings() {
                    warnings.push((doc.info.path.clone(), w.clone()));
                }
                facts.push(extract(&doc));
            }
            Err(e) => errors.push(e),
        }
    }
    errors.sort_by(|a, b| a.path().cmp(b.path()));
    Corpus {
        facts,
        errors,
        warnings,
        inputs: files,
    }
}

/// Builds the graph of a corpus.
pub fn build_graph(corpus: &Corpus) -> PipelineGraph {
    PipelineGraph::build(&corpus.facts)
}

/// Renders the graph as GRAPH_JSON text (with a trailing newline).
pub fn render_json(g: &PipelineGraph) -> String {
    let mut s = Json(g).to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Renders the graph as Graphviz DOT text.
pub fn render_dot(g: &PipelineGraph) -> String {
    Dot::new(g).to_string()
}

/// Checks every output path before anything is written, so a refused output
/// leaves all outputs as they were. `-` (stdout) is always fine.
///
/// # Errors
/// [`OutputError::IsInput`] for the first output that is one of `inputs`.
pub fn check_outputs(outputs: &[&Path], inputs: &[PathBuf]) -> Result<(), OutputError> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let inputs: Vec<PathBuf> = inputs.iter().filter_map(|i| canon(i)).collect();
    for o in outputs {
        if *o == Path::new("-") {
            continue;
        }
        if let Some(target) = canon(o)
            && inputs.contains(&target)
        {
            return Err(OutputError::IsInput {
                path: o.display().to_string(),
            });
        }
    }
    Ok(())
}

/// Writes several outputs as one step: every output is checked
/// ([`check_outputs`]) and staged in a temporary file next to its target
/// first; only when all are staged are they renamed into place (and `-`
/// written to stdout). So an output that cannot be written leaves every
/// previous output untouched.
///
/// # Errors
/// As [`write_atomic`], for the first output that fails.
pub fn write_outputs(outputs: &[(&Path, &str)], inputs: &[PathBuf]) -> Result<(), OutputError> {
    let paths: Vec<&Path> = outputs.iter().map(|(p, _)| *p).collect();
    check_outputs(&paths, inputs)?;
    let mut staged = Vec::new();
    for (path, contents) in outputs {
        if *path == Path::new("-") {
            continue;
        }
        let io = |source| OutputError::Io {
            path: path.display().to_string(),
            source,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(io)?;
        tmp.write_all(contents.as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        staged.push((*path, tmp));
    }
    for (path, contents) in outputs {
        if *path == Path::new("-") {
            write_atomic(path, contents, inputs)?;
        }
    }
    for (path, tmp) in staged {
        tmp.persist(path).map_err(|e| OutputError::Io {
            path: path.display().to_string(),
            source: e.error,
        })?;
    }
    Ok(())
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder, flushed, then renamed over the target. `-` writes to stdout.
/// A failed write leaves any previous file untouched.
///
/// # Errors
/// [`OutputError::IsInput`] when `path` is one of `inputs`;
/// [`OutputError::Io`] when the folder cannot be created or written.
pub fn write_atomic(path: &Path, contents: &str, inputs: &[PathBuf]) -> Result<(), OutputError> {
    let shown = path.display().to_string();
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(contents.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|source| OutputError::Io {
                path: shown,
                source,
            });
    }
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    if let Some(target) = canon(path)
        && inputs.iter().any(|i| canon(i).as_ref() == Some(&target))
    {
        return Err(OutputError::IsInput { path: shown });
    }
    let io = |source| OutputError::Io {
        path: shown.clone(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(io)?;
    tmp.write_all(contents.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// One document's facts as a table: one line per fact with its sentence.
pub fn facts_table(f: &DocFacts) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let cname = |i: usize| {
        f.compounds
            .get(i)
            .and_then(|c| c.names.first())
            .cloned()
            .unwrap_or_default()
    };
    let oname = |i: usize| {
        f.organizations
            .get(i)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    let _ = writeln!(
        s,
        "document {}  registrant {}  form {}  report date {}",
        f.doc.id,
        f.doc.registrant.as_deref().unwrap_or("?"),
        f.doc.form.as_deref().unwrap_or("?"),
        f.doc.report_date.map_or("?".to_string(), |d| d.to_string())
    );
    for c in &f.compounds {
        let _ = writeln!(s, "compound      {}", c.names.join(" = "));
    }
    for o in &f.organizations {
        let roles: Vec<&str> = o.roles.iter().map(|r| r.name()).collect();
        let _ = writeln!(
            s,
            "organization  {} [{}]{}",
            o.name,
            roles.join(","),
            o.parent
                .as_ref()
                .map_or(String::new(), |p| format!(" parent {p}"))
        );
    }
    for t in &f.targets {
        let _ = writeln!(
            s,
            "target        {} -> {}\n    \"{}\"",
            cname(t.compound),
            t.target,
            t.evidence.text
        );
    }
    for p in &f.partnerships {
        let _ = writeln!(
            s,
            "partnership   {} {} {}\n    \"{}\"",
            cname(p.compound),
            p.relation,
            oname(p.org),
            p.evidence.text
        );
    }
    for e in &f.phase_events {
        let _ = writeln!(
            s,
            "phase event   {} {} {} {}\n    \"{}\"",
            cname(e.compound),
            e.phase.map_or("-", |p| p.name()),
            e.status.name(),
            e.date.map_or("-".to_string(), |d| d.to_string()),
            e.evidence.text
        );
    }
    for p in &f.payments {
        let _ = writeln!(
            s,
            "payment       {} {} {} {} from {} for {} trigger {} date {}\n    \"{}\"",
            crate::graph::money(p.amount, &p.currency),
            p.kind.name(),
            p.status.name(),
            p.currency,
            p.payer.map(oname).unwrap_or_else(|| "?".into()),
            p.compound.map(cname).unwrap_or_else(|| "-".into()),
            p.trigger_phase.map_or("-", |x| x.name()),
            p.date.map_or("-".to_string(), |d| d.to_string()),
            p.evidence.text
        );
    }
    s
}
