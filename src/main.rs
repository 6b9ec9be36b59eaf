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
            max_size,
        } => {
            let corpus = run::read_corpus_with(&paths, &run::Options { max_size });
            for (path, w) in &corpus.warnings {
                eprintln!("pipegraph: warning: {path}: {w}");
            }
            for e in &corpus.errors {
                eprintln!("pipegraph: skipped {e}");
            }
            if corpus.facts.is_empty() && !corpus.errors.is_empty() {
                anyhow::bail!("no input could be read; outputs left as they were");
            }
            let (json, dot) = if json.is_none() && dot.is_none() {
                (
                    Some(out_dir.join("pipeline.json")),
                    Some(out_dir.join("pipeline.dot")),
                )
            } else {
                (json, dot)
            };
            let outputs: Vec<&std::path::Path> =
                json.iter().chain(dot.iter()).map(|p| p.as_path()).collect();
            run::check_outputs(&outputs, &corpus.inputs)?;
            let graph = run::build_graph(&corpus);
            let json_text = json.as_ref().map(|_| run::render_json(&graph));
            let dot_text = dot.as_ref().map(|_| run::render_dot(&graph));
            let mut writes = Vec::new();
            if let (Some(p), Some(t)) = (&json, &json_text) {
                writes.push((p.as_path(), t.as_str()));
            }
            if let (Some(p), Some(t)) = (&dot, &dot_text) {
                writes.push((p.as_path(), t.as_str()));
            }
            run::write_outputs(&writes, &corpus.inputs).context("writing the graph")?;
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
    }
}
