//! Criterion benchmarks of each pipeline stage on the sample filings (`data/filings/*.txt`) and the HTML sample (`benches/data/*.htm`).
//!
//! `PIPEGRAPH_BENCH_DIRS` (paths separated by `:`) adds the files of more
//! directories to the inputs, e.g. a held-out corpus with longer filings.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pipegraph::export::{Dot, Json};
use pipegraph::extract::{cues, extract, sentences};
use pipegraph::graph::PipelineGraph;
use pipegraph::ingest::{Document, ingest_bytes};
use std::hint::black_box;
use std::path::PathBuf;

/// The sample inputs as (file name, bytes), text files first, then HTML.
fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let extra = std::env::var("PIPEGRAPH_BENCH_DIRS").unwrap_or_default();
    let dirs = [root.join("data/filings"), root.join("benches/data")]
        .into_iter()
        .chain(
            extra
                .split(':')
                .filter(|d| !d.is_empty())
                .map(PathBuf::from),
        );
    for dir in dirs {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            if let (Some(name), Ok(bytes)) = (name, std::fs::read(&p)) {
                out.push((name, bytes));
            }
        }
    }
    out
}

fn is_html(name: &str) -> bool {
    name.ends_with(".htm") || name.ends_with(".html")
}

fn bytes_of<'a>(v: impl Iterator<Item = &'a (String, Vec<u8>)>) -> u64 {
    v.map(|(_, b)| b.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let inputs = inputs();
    let text: Vec<_> = inputs.iter().filter(|(n, _)| !is_html(n)).collect();
    let html: Vec<_> = inputs.iter().filter(|(n, _)| is_html(n)).collect();
    let docs: Vec<Document> = inputs
        .iter()
        .filter_map(|(n, b)| ingest_bytes(n, b).ok())
        .collect();
    let all_bytes = bytes_of(inputs.iter());
    let text_chars: u64 = docs.iter().map(|d| d.text.len() as u64).sum();

    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Bytes(bytes_of(text.iter().copied())));
    g.bench_function("text", |b| {
        b.iter(|| {
            for (n, bytes) in &text {
                black_box(ingest_bytes(n, bytes).ok());
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes_of(html.iter().copied())));
    g.bench_function("html", |b| {
        b.iter(|| {
            for (n, bytes) in &html {
                black_box(ingest_bytes(n, bytes).ok());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text_chars));
    g.bench_function("sentences_split", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(sentences::split(&d.text));
            }
        })
    });
    // The cue gate alone, on sentences split beforehand.
    let split: Vec<_> = docs.iter().map(|d| sentences::split(&d.text)).collect();
    g.bench_function("sentence_cues", |b| {
        b.iter(|| {
            for (d, s) in docs.iter().zip(&split) {
                black_box(cues::sentence_cues(&d.text, s));
            }
        })
    });
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extract(d));
            }
        })
    });
    g.finish();

    // Graph and export over the facts of every sample, repeated under
    // distinct document ids so that merging has work to do.
    let facts: Vec<_> = docs.iter().map(extract).collect();
    let mut many = Vec::new();
    for k in 0..25 {
        for f in &facts {
            let mut f = f.clone();
            f.doc.id = format!("{}#{k}", f.doc.id);
            many.push(f);
        }
    }
    let mut g = c.benchmark_group("graph");
    g.throughput(Throughput::Bytes(all_bytes * 25));
    g.bench_function("build", |b| {
        b.iter(|| black_box(PipelineGraph::build(&many)))
    });
    let graph = PipelineGraph::build(&many);
    g.bench_function("export_json", |b| {
        b.iter(|| black_box(Json(&graph).to_string()))
    });
    g.bench_function("export_dot", |b| {
        b.iter(|| black_box(Dot::new(&graph).to_string()))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
