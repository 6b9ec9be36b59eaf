//! The `pipegraph` command: parses arguments, calls the library, maps outcomes to exit codes (0 all read, 1 some files skipped, 2 usage or fatal error).

use clap::{Parser, Subcommand, ValueEnum};
use pipegraph::export::View;
use pipegraph::run::{self, Output, Outputs};
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
            view,
            gexf,
            graphml,
            cytoscape,
            html,
            out_dir,
        } => {
            let corpus = run::read_corpus(&paths);
            for e in &corpus.errors {
                eprintln!("pipegraph: skipped {e}");
            }
            if corpus.facts.is_empty() && !corpus.errors.is_empty() {
                anyhow::bail!("no input could be read");
            }
            let graph = run::build_graph(&corpus);
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
            outputs
                .write(&graph, &corpus.inputs)
                .map_err(|(o, e)| anyhow::Error::new(e).context(format!("writing {}", o.what())))?;
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
