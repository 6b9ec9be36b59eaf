//! The build pipeline as the CLI runs it: collect input files, ingest and extract each (reporting per-file errors and going on), build the graph, write outputs atomically.
//!
//! **Architecture Invariant:** this is the only library module that touches
//! the file system for outputs; every write goes through [`write_atomic`].

use crate::export::{Cytoscape, Dot, Gexf, Graphml, Html, Json, View};
use crate::extract::extract;
use crate::graph::PipelineGraph;
use crate::ingest::{self, IngestError, Warning};
use crate::model::DocFacts;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
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

/// The outcome of reading a set of inputs: one [`DocFacts`] per document
/// read, in path order, and the files that were skipped with why.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Facts per successfully read document, sorted by path.
    pub facts: Vec<DocFacts>,
    /// Files that could not be read, with the reason, sorted by path.
    pub errors: Vec<IngestError>,
    /// Documents read despite something odd (path, what): a guessed
    /// encoding, no report date, ...
    pub warnings: Vec<(String, Warning)>,
    /// Every input file, sorted by path (for refusing to overwrite inputs).
    pub inputs: Vec<PathBuf>,
}

/// How [`read_corpus_with`] runs.
pub struct ReadOptions<'a> {
    /// Worker threads; `0` means one per core. The output does not depend on it.
    pub threads: usize,
    /// Per-document size limit in bytes (`--max-size`); larger files are skipped.
    pub max_size: u64,
    /// Called once per input file when it is done (from any worker thread),
    /// e.g. to advance a progress bar.
    pub on_file_done: Option<&'a (dyn Fn() + Sync)>,
}

impl Default for ReadOptions<'_> {
    fn default() -> Self {
        ReadOptions {
            threads: 0,
            max_size: ingest::DEFAULT_MAX_SIZE,
            on_file_done: None,
        }
    }
}

/// Collects the files under `paths` (directories recursively), ingests and
/// extracts each. A file that fails is recorded in [`Corpus::errors`] and
/// the run goes on. Document ids are made unique (`doc:a.txt`, `doc:a.txt#2`)
/// when two inputs share a file name.
///
/// Uses one thread per core; see [`read_corpus_with`].
pub fn read_corpus(paths: &[PathBuf]) -> Corpus {
    read_corpus_with(paths, &ReadOptions::default())
}

/// [`read_corpus`] with options. Documents are processed in parallel and
/// streamed: each is read, ingested and extracted, then dropped, so only its
/// [`DocFacts`] stay in memory. Files are taken in path order whatever the
/// order of `paths`, and results are merged in that order, so the corpus (and
/// every output built from it) is the same for any thread count and any
/// order of the inputs.
pub fn read_corpus_with(paths: &[PathBuf], opts: &ReadOptions<'_>) -> Corpus {
    let (mut files, mut errors) = ingest::collect_inputs(paths);
    files.sort();
    let plan = assumed_occurrences(&files);
    let max = opts.max_size;
    let work = |i: usize| -> Result<(DocFacts, Vec<Warning>), IngestError> {
        let r = ingest_nth(&files[i], plan[i], max);
        if let Some(f) = opts.on_file_done {
            f();
        }
        r
    };
    let results: Vec<Result<(DocFacts, Vec<Warning>), IngestError>> =
        match rayon::ThreadPoolBuilder::new()
            .num_threads(opts.threads)
            .build()
        {
            Ok(pool) => pool.install(|| (0..files.len()).into_par_iter().map(work).collect()),
            // No threads to be had: do the work on this one.
            Err(_) => (0..files.len()).map(work).collect(),
        };
    // Fix ids in input order, exactly as a sequential run numbers them: the
    // n-th successfully read document of a given id gets `#n`. The guess made
    // before the parallel pass (every same-named file reads) is only wrong
    // when an earlier same-named file failed; such a file is done again.
    let mut facts = Vec::with_capacity(files.len());
    let mut warnings = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok((f, w)) => {
                let base = base_id(&f.doc.id, plan[i]).to_string();
                let n = seen.entry(base).or_insert(0);
                *n += 1;
                let done = if *n == plan[i] {
                    Ok((f, w))
                } else {
                    drop(f);
                    ingest_nth(&files[i], *n, max)
                };
                match done {
                    Ok((f, w)) => {
                        warnings.extend(w.into_iter().map(|w| (f.doc.path.clone(), w)));
                        facts.push(f);
                    }
                    Err(e) => errors.push(e),
                }
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

/// Reads, ingests and extracts one file as the `n`-th (1-based) document of
/// its id; the document itself is dropped before returning, its warnings kept.
fn ingest_nth(
    path: &Path,
    n: usize,
    max_size: u64,
) -> Result<(DocFacts, Vec<Warning>), IngestError> {
    let mut doc = ingest::ingest_file_max(path, max_size)?;
    if n > 1 {
        doc.info.id = format!("{}#{}", doc.info.id, n);
    }
    Ok((extract(&doc), doc.warnings().to_vec()))
}

/// The id `id` had before [`ingest_nth`] appended `#n`.
fn base_id(id: &str, n: usize) -> &str {
    if n > 1 {
        id.rsplit_once('#').map_or(id, |(b, _)| b)
    } else {
        id
    }
}

/// For each file, its 1-based occurrence among inputs of the same file name
/// (the name is what document ids are made of).
fn assumed_occurrences(files: &[PathBuf]) -> Vec<usize> {
    let mut seen: HashMap<&std::ffi::OsStr, usize> = HashMap::new();
    files
        .iter()
        .map(|f| {
            let n = seen
                .entry(f.file_name().unwrap_or(f.as_os_str()))
                .or_insert(0);
            *n += 1;
            *n
        })
        .collect()
}

/// Builds the graph of a corpus; its parallel parts run on `threads`
/// threads (0: one per core), like [`ReadOptions::threads`].
pub fn build_graph(corpus: &Corpus, threads: usize) -> PipelineGraph {
    on_pool(threads, || PipelineGraph::build(&corpus.facts))
}

/// Runs `f` inside a rayon pool of `threads` threads (0: one per core), so
/// that its parallel iterators use no more threads than asked; if no pool
/// can be had, runs it on this thread.
fn on_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// Renders the graph as GRAPH_JSON text (with a trailing newline).
pub fn render_json(g: &PipelineGraph) -> String {
    Json(g).to_string()
}

/// Renders the graph as Graphviz DOT text.
pub fn render_dot(g: &PipelineGraph) -> String {
    Dot::new(g).to_string()
}

/// One output format (a DOT view counts as a format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// GRAPH_JSON.md, version 1.
    Json,
    /// Graphviz DOT of one view.
    Dot(View),
    /// GEXF 1.3, dynamic (Gephi).
    Gexf,
    /// GraphML (yEd, Cytoscape desktop).
    Graphml,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// Self-contained interactive HTML page.
    Html,
}

impl Output {
    /// Every output, in the order `--out-dir` writes them.
    pub const ALL: [Output; 8] = [
        Output::Json,
        Output::Dot(View::Full),
        Output::Dot(View::Partnerships),
        Output::Dot(View::Pipeline),
        Output::Gexf,
        Output::Graphml,
        Output::Cytoscape,
        Output::Html,
    ];

    /// The file name under an output folder (`pipeline.json`,
    /// `pipeline.dot` for the full view, `view-partnerships.dot`,
    /// `pipeline.gexf`, ...).
    pub fn file_name(self) -> String {
        match self {
            Output::Json => "pipeline.json".into(),
            Output::Dot(View::Full) => "pipeline.dot".into(),
            Output::Dot(v) => format!("view-{}.dot", v.name()),
            Output::Gexf => "pipeline.gexf".into(),
            Output::Graphml => "pipeline.graphml".into(),
            Output::Cytoscape => "pipeline.cytoscape.json".into(),
            Output::Html => "pipeline.html".into(),
        }
    }

    /// What it is, for error messages (`"the GEXF graph"`).
    pub fn what(self) -> &'static str {
        match self {
            Output::Json => "the JSON graph",
            Output::Dot(_) => "the DOT graph",
            Output::Gexf => "the GEXF graph",
            Output::Graphml => "the GraphML graph",
            Output::Cytoscape => "the Cytoscape.js JSON",
            Output::Html => "the HTML viewer",
        }
    }

    /// Writes the graph in this format to `w`, streamed: the text is never
    /// held whole in memory (text ends with a newline).
    ///
    /// # Errors
    /// An error of `w`, or an `io::Error` when an exporter's `Display` fails.
    pub fn write_to(self, g: &PipelineGraph, w: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Output::Json => Json(g).write_io(w),
            Output::Dot(v) => write!(w, "{}", Dot::new(g).view(v)),
            Output::Gexf => write!(w, "{}", Gexf(g)),
            Output::Graphml => write!(w, "{}", Graphml(g)),
            Output::Cytoscape => write!(w, "{}", Cytoscape(g)),
            Output::Html => write!(w, "{}", Html(g)),
        }
    }

    /// Renders the graph in this format (text ends with a newline).
    pub fn render(self, g: &PipelineGraph) -> String {
        let mut buf = Vec::new();
        // Writing into a Vec cannot fail; an exporter that fails leaves
        // what it wrote before failing.
        let _ = self.write_to(g, &mut buf);
        String::from_utf8(buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Which outputs to write, and where: (format, path) pairs, written in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outputs(pub Vec<(Output, PathBuf)>);

impl Outputs {
    /// Every format under `dir`, named by [`Output::file_name`].
    pub fn all_in(dir: &Path) -> Outputs {
        Outputs(
            Output::ALL
                .into_iter()
                .map(|o| (o, dir.join(o.file_name())))
                .collect(),
        )
    }

    /// Adds an output when a path is given.
    pub fn add(&mut self, output: Output, path: Option<PathBuf>) {
        if let Some(p) = path {
            self.0.push((output, p));
        }
    }

    /// True when no output is asked for.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Renders and writes every output as one step: all paths are checked
    /// first ([`check_outputs`]), every file is staged in a temporary file
    /// beside its target, and only when all are staged are they renamed into
    /// place (`-` goes to stdout, in list order). An output that cannot be
    /// written leaves every previous output untouched.
    ///
    /// Files are staged in parallel on `threads` threads (`0`: one per
    /// core); the bytes written do not depend on `threads`. Each output is
    /// rendered by one thread: over a large corpus the default eight
    /// outputs took 2.9 s one after another and 1.7 s on two threads
    /// (BENCHMARKS.md, session 11).
    ///
    /// # Errors
    /// The first [`OutputError`] in list order, with the format it was
    /// writing.
    pub fn write(
        &self,
        g: &PipelineGraph,
        inputs: &[PathBuf],
        threads: usize,
    ) -> Result<(), (Output, OutputError)> {
        let canonical = canonical_inputs(inputs);
        for (o, path) in &self.0 {
            check_against(&[path.as_path()], &canonical).map_err(|e| (*o, e))?;
        }
        let stage_all = || -> Vec<Option<Result<tempfile::NamedTempFile, OutputError>>> {
            self.0
                .par_iter()
                .map(|(o, path)| {
                    (path != Path::new("-")).then(|| stage(path, |w| o.write_to(g, w)))
                })
                .collect()
        };
        let staged_all = on_pool(threads, stage_all);
        let mut staged = Vec::new();
        for ((o, path), tmp) in self.0.iter().zip(staged_all) {
            match tmp {
                None => {
                    write_atomic_with(path, inputs, |w| o.write_to(g, w)).map_err(|e| (*o, e))?
                }
                Some(tmp) => staged.push((*o, path, tmp.map_err(|e| (*o, e))?)),
            }
        }
        for (o, path, tmp) in staged {
            tmp.persist(path).map_err(|e| {
                (
                    o,
                    OutputError::Io {
                        path: path.display().to_string(),
                        source: e.error,
                    },
                )
            })?;
        }
        Ok(())
    }
}

/// Checks output paths before anything is written: none may be one of the
/// inputs (under any spelling of its path). `-` (stdout) is always fine.
///
/// # Errors
/// [`OutputError::IsInput`] for the first output that is one of `inputs`.
pub fn check_outputs(outputs: &[&Path], inputs: &[PathBuf]) -> Result<(), OutputError> {
    check_against(outputs, &canonical_inputs(inputs))
}

/// [`check_outputs`] against inputs already canonicalized.
fn check_against(outputs: &[&Path], inputs: &HashSet<PathBuf>) -> Result<(), OutputError> {
    for o in outputs {
        if *o == Path::new("-") {
            continue;
        }
        if let Ok(target) = std::fs::canonicalize(o)
            && inputs.contains(&target)
        {
            return Err(OutputError::IsInput {
                path: o.display().to_string(),
            });
        }
    }
    Ok(())
}

/// The paths `std::fs::canonicalize` gives for `inputs` (those it can
/// resolve), with one canonicalization per folder: an input that is not a
/// symbolic link is its folder's canonical path joined with its file name,
/// which is what `canonicalize` makes of it. Other inputs (symbolic links,
/// paths without a file name) are canonicalized whole.
///
/// Why: `canonicalize` resolves every component of the path, a system call
/// each; over a corpus of 12 885 files in one folder, once per output,
/// that was about 0.1 s of the run's serial end (BENCHMARKS.md).
fn canonical_inputs(inputs: &[PathBuf]) -> HashSet<PathBuf> {
    let mut folders: HashMap<&Path, Option<PathBuf>> = HashMap::new();
    let mut out = HashSet::with_capacity(inputs.len());
    for i in inputs {
        let plain = std::fs::symlink_metadata(i).is_ok_and(|m| !m.file_type().is_symlink());
        let canonical = match (i.parent(), i.file_name()) {
            (Some(parent), Some(name)) if plain => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                folders
                    .entry(parent)
                    .or_insert_with(|| std::fs::canonicalize(parent).ok())
                    .as_ref()
                    .map(|f| f.join(name))
            }
            _ => std::fs::canonicalize(i).ok(),
        };
        out.extend(canonical);
    }
    out
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder, flushed, then renamed over the target. `-` writes to stdout.
/// A failed write leaves any previous file untouched.
///
/// # Errors
/// [`OutputError::IsInput`] when `path` is one of `inputs`;
/// [`OutputError::Io`] when the folder cannot be created or written.
pub fn write_atomic(path: &Path, contents: &str, inputs: &[PathBuf]) -> Result<(), OutputError> {
    write_atomic_with(path, inputs, |w| w.write_all(contents.as_bytes()))
}

/// [`write_atomic`] with the contents produced by `fill`, which writes into a
/// buffered writer on the temporary file (or stdout for `-`).
///
/// # Errors
/// As [`write_atomic`]; an error of `fill` is an [`OutputError::Io`].
pub fn write_atomic_with(
    path: &Path,
    inputs: &[PathBuf],
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let shown = path.display().to_string();
    if path == Path::new("-") {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return fill(&mut out)
            .and_then(|_| out.flush())
            .map_err(|source| OutputError::Io {
                path: shown,
                source,
            });
    }
    check_outputs(&[path], inputs)?;
    let tmp = stage(path, fill)?;
    tmp.persist(path).map_err(|e| OutputError::Io {
        path: shown,
        source: e.error,
    })?;
    Ok(())
}

/// Writes a temporary file beside `path` (rw-r--r--) with the contents
/// produced by `fill`, flushed and synced, ready to be renamed over `path`.
fn stage(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<tempfile::NamedTempFile, OutputError> {
    let io = |source| OutputError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut builder = tempfile::Builder::new();
    // Outputs are meant to be shared: rw-r--r-- rather than the temp file's rw-------.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io)?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        fill(&mut w).map_err(io)?;
        w.flush().map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    Ok(tmp)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `canonical_inputs` gives what `canonicalize` gives, path by path.
    fn check_canonical(inputs: &[PathBuf]) {
        let want: HashSet<PathBuf> = inputs
            .iter()
            .filter_map(|i| std::fs::canonicalize(i).ok())
            .collect();
        assert_eq!(canonical_inputs(inputs), want, "for {inputs:?}");
    }

    #[test]
    fn canonical_inputs_are_what_canonicalize_gives() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        let sub = root.join("sub");
        std::fs::create_dir_all(&sub).expect("sub");
        for f in [root.join("a.txt"), sub.join("b.txt")] {
            std::fs::write(&f, "text").expect("write");
        }
        let mut inputs = vec![
            root.join("a.txt"),
            sub.join("b.txt"),
            sub.join("..").join("a.txt"),
            root.join(".").join("sub").join("b.txt"),
            root.join("missing.txt"),
            // Relative to the crate's folder, where tests run.
            PathBuf::from("Cargo.toml"),
            PathBuf::from("./src/lib.rs"),
            PathBuf::from("src/../Cargo.toml"),
        ];
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(root.join("a.txt"), root.join("link.txt")).expect("file link");
            symlink(&sub, root.join("linked")).expect("folder link");
            symlink(root.join("gone.txt"), root.join("dangling.txt")).expect("dangling link");
            inputs.extend([
                root.join("link.txt"),
                root.join("linked").join("b.txt"),
                root.join("linked").join("..").join("a.txt"),
                root.join("dangling.txt"),
            ]);
        }
        check_canonical(&inputs);
        for i in &inputs {
            check_canonical(std::slice::from_ref(i));
        }
    }
}
