//! The `pipegraph` command: parses arguments, calls the library, maps outcomes to exit codes (0 all read, 1 some files skipped, 2 usage, fatal or query error).

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use pipegraph::export::View;
use pipegraph::graph::PipelineGraph;
use pipegraph::query::{self, QueryError, render};
use pipegraph::run::{self, Output, Outputs};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the extractor makes many small, short-lived allocations
/// (mention names, keys, evidence text); BENCHMARKS.md has the figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns biotech SEC filings and press releases into a knowledge graph of the drug pipeline.
#[derive(Parser)]
#[command(name = "pipegraph", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the pipeline graph of files or folders (recursively).
    ///
    /// With no output flag, writes every format under --out-dir (default
    /// graphs/): pipeline.json, view-{full,partnerships,pipeline}.dot,
    /// pipeline.gexf, pipeline.graphml, pipeline.cytoscape.json,
    /// pipeline.html. `-` as a file writes to stdout.
    Build {
        /// Input files or folders: plain text, Markdown, EDGAR HTML, EDGAR full submissions.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the JSON graph (GRAPH_JSON.md) here.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Write the Graphviz DOT graph (of --view) here.
        #[arg(long)]
        dot: Option<PathBuf>,
        /// The DOT view: full, partnerships (a cluster per partner) or
        /// pipeline (a compound per row, phases left to right).
        #[arg(long, value_enum, default_value_t = ViewArg::Full)]
        view: ViewArg,
        /// Write dynamic GEXF 1.3 (Gephi, with timeline) here.
        #[arg(long)]
        gexf: Option<PathBuf>,
        /// Write GraphML (yEd, Cytoscape desktop) here.
        #[arg(long)]
        graphml: Option<PathBuf>,
        /// Write Cytoscape.js elements JSON here.
        #[arg(long)]
        cytoscape: Option<PathBuf>,
        /// Write the self-contained interactive HTML viewer here.
        #[arg(long)]
        html: Option<PathBuf>,
        /// Folder for the default outputs.
        #[arg(long, default_value = "graphs")]
        out_dir: PathBuf,
        /// Worker threads (0: one per core). The output is the same for any number.
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Per-document size limit in bytes (suffixes K, M, G: powers of 1024);
        /// larger files are skipped with a message.
        #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
        max_size: u64,
    },
    /// Show one document's facts, each with its sentence.
    Extract {
        /// The document.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Size limit in bytes (suffixes K, M, G: powers of 1024).
        #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
        max_size: u64,
    },
    /// Ask the pipeline graph a question (over input files, or a saved graph with --graph).
    Query {
        #[command(subcommand)]
        question: Question,
    },
}

/// Where the graph comes from and how to print answers; shared by every question.
#[derive(clap::Args)]
struct Source {
    /// Input files or folders, extracted as `build` does.
    paths: Vec<PathBuf>,
    /// A graph saved by `build` (the fast path). Default, with no paths: graphs/pipeline.json.
    #[arg(long, conflicts_with = "paths")]
    graph: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    format: QueryFormat,
    /// Show the evidence sentence and document of each row.
    #[arg(long)]
    explain: bool,
}

#[derive(Subcommand)]
enum Question {
    /// Compounds that reached a phase (or, without --exact, a later one), with the date first reached.
    Advanced {
        /// The phase, e.g. "Phase II", "phase 2", "approved".
        #[arg(long)]
        to: String,
        /// Only this phase, not later ones.
        #[arg(long)]
        exact: bool,
        /// First reached on or after this date (YYYY-MM-DD, YYYY-MM, YYYY).
        #[arg(long)]
        since: Option<String>,
        /// First reached on or before this date.
        #[arg(long)]
        until: Option<String>,
        /// Only compounds partnered with (or paid for by) this organization or its subsidiaries.
        #[arg(long)]
        partner: Option<String>,
        #[command(flatten)]
        source: Source,
    },
    /// A compound's dated phase events, payments and partners, in order.
    Timeline {
        /// The compound, by any of its names.
        compound: String,
        #[command(flatten)]
        source: Source,
    },
    /// Payments with amount, currency, kind, status and trigger, and totals per payer and currency.
    Milestones {
        /// Only payments by or to this organization or its subsidiaries.
        #[arg(long)]
        partner: Option<String>,
        /// Only payments for this compound.
        #[arg(long)]
        compound: Option<String>,
        /// Dated on or after this date.
        #[arg(long)]
        since: Option<String>,
        /// Dated on or before this date.
        #[arg(long)]
        until: Option<String>,
        #[command(flatten)]
        source: Source,
    },
    /// Compounds with targets, partners and highest phase reached.
    Compounds {
        /// Only compounds acting on this target.
        #[arg(long)]
        target: Option<String>,
        /// Only compounds related to this organization or its subsidiaries.
        #[arg(long)]
        partner: Option<String>,
        /// Only compounds whose highest phase is this one.
        #[arg(long)]
        phase: Option<String>,
        /// Highest phase as of this date.
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        source: Source,
    },
    /// Organizations partnered with or paying for compounds.
    Partners {
        /// Only partners of this compound.
        #[arg(long)]
        compound: Option<String>,
        #[command(flatten)]
        source: Source,
    },
    /// Targets and the compounds acting on them.
    Targets {
        #[command(flatten)]
        source: Source,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
    Full,
    Partnerships,
    Pipeline,
}

impl From<ViewArg> for View {
    fn from(v: ViewArg) -> View {
        match v {
            ViewArg::Full => View::Full,
            ViewArg::Partnerships => View::Partnerships,
            ViewArg::Pipeline => View::Pipeline,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

/// Parses a size: `1000`, `64K`, `64M`, `1G`, `64MiB` (K/M/G are powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m: u64 = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix in {s:?} (use K, M or G)")),
            };
            (t.get(..i).unwrap_or(""), m)
        }
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("not a size in bytes: {s:?}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(code) => code,
        Err(e) if e.downcast_ref::<QueryError>().is_some() => {
            eprintln!("pipegraph: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("pipegraph: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn real_main(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            paths,
            json,
            dot,
            view,
            gexf,
            graphml,
            cytoscape,
            html,
            out_dir,
            threads,
            max_size,
        } => {
            let mut corpus = read_with_progress(&paths, threads, max_size);
            for (path, w) in &corpus.warnings {
                eprintln!("pipegraph: warning: {path}: {w}");
            }
            for e in &corpus.errors {
                eprintln!("pipegraph: skipped {e}");
            }
            if corpus.facts.is_empty() && !corpus.errors.is_empty() {
                anyhow::bail!("no input could be read; outputs left as they were");
            }
            let graph = run::build_graph(&corpus, threads);
            // The graph holds what the outputs need: free the facts, on a
            // thread of their own while the outputs are written unless one
            // thread was asked for (if that thread cannot start, the
            // refused closure drops them here).
            let facts = std::mem::take(&mut corpus.facts);
            let freeing = if threads == 1 {
                drop(facts);
                None
            } else {
                std::thread::Builder::new()
                    .name("free facts".into())
                    .spawn(move || drop(facts))
                    .ok()
            };
            let mut outputs = Outputs::default();
            outputs.add(Output::Json, json);
            outputs.add(Output::Dot(view.into()), dot);
            outputs.add(Output::Gexf, gexf);
            outputs.add(Output::Graphml, graphml);
            outputs.add(Output::Cytoscape, cytoscape);
            outputs.add(Output::Html, html);
            if outputs.is_empty() {
                outputs = Outputs::all_in(&out_dir);
            }
            let written = outputs.write(&graph, &corpus.inputs, threads);
            if let Some(f) = freeing {
                // Nothing to report: dropping facts does not fail.
                let _ = f.join();
            }
            written
                .map_err(|(o, e)| anyhow::Error::new(e).context(format!("writing {}", o.what())))?;
            Ok(if corpus.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Extract {
            file,
            format,
            max_size,
        } => {
            let doc = pipegraph::ingest::ingest_file_max(&file, max_size)?;
            for w in doc.warnings() {
                eprintln!("pipegraph: warning: {}: {w}", file.display());
            }
            let facts = pipegraph::extract::extract(&doc);
            let out = match format {
                Format::Table => run::facts_table(&facts),
                Format::Json => {
                    let g = pipegraph::graph::PipelineGraph::build(std::slice::from_ref(&facts));
                    run::render_json(&g)
                }
            };
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Query { question } => ask(question),
    }
}

/// Loads the graph of a question's source: the saved graph, else the paths.
fn load(source: &Source) -> anyhow::Result<PipelineGraph> {
    if source.graph.is_some() || source.paths.is_empty() {
        let path = source
            .graph
            .clone()
            .unwrap_or_else(|| PathBuf::from("graphs/pipeline.json"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read graph", path.display()))?;
        return PipelineGraph::from_json(&text).with_context(|| path.display().to_string());
    }
    let corpus = run::read_corpus(&source.paths);
    for e in &corpus.errors {
        eprintln!("pipegraph: skipped {e}");
    }
    if corpus.facts.is_empty() && !corpus.errors.is_empty() {
        anyhow::bail!("no input could be read");
    }
    Ok(run::build_graph(&corpus, 0))
}

fn dates(since: Option<String>, until: Option<String>) -> Result<query::DateRange, QueryError> {
    let parse = |d: Option<String>| d.as_deref().map(query::parse_date).transpose();
    Ok(query::DateRange {
        since: parse(since)?,
        until: parse(until)?,
    })
}

fn ask(question: Question) -> anyhow::Result<ExitCode> {
    let source = match &question {
        Question::Advanced { source, .. }
        | Question::Timeline { source, .. }
        | Question::Milestones { source, .. }
        | Question::Compounds { source, .. }
        | Question::Partners { source, .. }
        | Question::Targets { source } => source,
    };
    let format = match source.format {
        QueryFormat::Table => render::Format::Table,
        QueryFormat::Json => render::Format::Json,
        QueryFormat::Csv => render::Format::Csv,
    };
    let explain = source.explain;
    let g = load(source)?;
    let out = match question {
        Question::Advanced {
            to,
            exact,
            since,
            until,
            partner,
            ..
        } => {
            let q = query::AdvancedQuery {
                to: query::parse_phase(&to)?,
                exact,
                dates: dates(since, until)?,
                partner,
            };
            render::render(&query::advanced(&g, &q)?, format, explain)?
        }
        Question::Timeline { compound, .. } => {
            render::render(&query::timeline(&g, &compound)?, format, explain)?
        }
        Question::Milestones {
            partner,
            compound,
            since,
            until,
            ..
        } => {
            let q = query::MilestoneQuery {
                partner,
                compound,
                dates: dates(since, until)?,
            };
            render::render_milestones(&query::milestones(&g, &q)?, format, explain)?
        }
        Question::Compounds {
            target,
            partner,
            phase,
            as_of,
            ..
        } => {
            let q = query::CompoundQuery {
                target,
                partner,
                phase: phase.as_deref().map(query::parse_phase).transpose()?,
                as_of: as_of.as_deref().map(query::parse_date).transpose()?,
            };
            render::render(&query::compounds(&g, &q)?, format, explain)?
        }
        Question::Partners { compound, .. } => {
            render::render(&query::partners(&g, compound.as_deref())?, format, explain)?
        }
        Question::Targets { .. } => render::render(&query::targets(&g), format, explain)?,
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// Reads the corpus; shows a progress bar on stderr when stderr is a
/// terminal and there are enough files for it to matter.
fn read_with_progress(paths: &[PathBuf], threads: usize, max_size: u64) -> run::Corpus {
    use std::io::IsTerminal;
    const MIN_FILES: usize = 50;
    let mut opts = run::ReadOptions {
        threads,
        max_size,
        on_file_done: None,
    };
    if !std::io::stderr().is_terminal() {
        return run::read_corpus_with(paths, &opts);
    }
    // Counting the files walks the folders once more; that is cheap next to reading them.
    let (files, _) = pipegraph::ingest::collect_inputs(paths);
    if files.len() < MIN_FILES {
        return run::read_corpus_with(paths, &opts);
    }
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} files [{bar:40}] {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let tick = || bar.inc(1);
    opts.on_file_done = Some(&tick);
    let corpus = run::read_corpus_with(paths, &opts);
    bar.finish_and_clear();
    corpus
}
