//! The `pipegraph` command: parses arguments, calls the library, maps outcomes to exit codes (0 all read, 1 some files skipped, 2 usage or fatal error).

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use pipegraph::run;
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// With neither --json nor --dot, writes pipeline.json and pipeline.dot
    /// under --out-dir (default graphs/). `-` as a file writes to stdout.
    Build {
        /// Input files or folders: plain text, Markdown, EDGAR HTML, EDGAR full submissions.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the JSON graph (GRAPH_JSON.md) here.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Write the Graphviz DOT graph here.
        #[arg(long)]
        dot: Option<PathBuf>,
        /// Folder for the default outputs.
        #[arg(long, default_value = "graphs")]
        out_dir: PathBuf,
        /// Worker threads (0: one per core). The output is the same for any number.
        #[arg(long, default_value_t = 0)]
        threads: usize,
    },
    /// Show one document's facts, each with its sentence.
    Extract {
        /// The document.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(code) => code,
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
            out_dir,
            threads,
        } => {
            let mut corpus = read_with_progress(&paths, threads);
            for e in &corpus.errors {
                eprintln!("pipegraph: skipped {e}");
            }
            if corpus.facts.is_empty() && !corpus.errors.is_empty() {
                anyhow::bail!("no input could be read");
            }
            let graph = run::build_graph(&corpus);
            // The graph holds what the outputs need; free the facts first.
            drop(std::mem::take(&mut corpus.facts));
            let (json, dot) = if json.is_none() && dot.is_none() {
                (
                    Some(out_dir.join("pipeline.json")),
                    Some(out_dir.join("pipeline.dot")),
                )
            } else {
                (json, dot)
            };
            if let Some(p) = json {
                run::write_json(&p, &graph, &corpus.inputs).context("writing the JSON graph")?;
            }
            if let Some(p) = dot {
                run::write_dot(&p, &graph, &corpus.inputs).context("writing the DOT graph")?;
            }
            Ok(if corpus.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Extract { file, format } => {
            let doc = pipegraph::ingest::ingest_file(&file)?;
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
    }
}

/// Reads the corpus; shows a progress bar on stderr when stderr is a
/// terminal and there are enough files for it to matter.
fn read_with_progress(paths: &[PathBuf], threads: usize) -> run::Corpus {
    use std::io::IsTerminal;
    const MIN_FILES: usize = 50;
    let mut opts = run::ReadOptions {
        threads,
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
