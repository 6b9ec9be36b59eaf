//! Parallel builds give byte-identical output whatever the thread count, and document ids are numbered as a sequential run numbers them.

use pipegraph::run::{ReadOptions, read_corpus_with};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `pipegraph build` on `inputs` with `--threads n` and the output
/// arguments `outputs`; panics if it fails.
fn run_build(inputs: &[PathBuf], threads: usize, outputs: &[&Path]) {
    let status = Command::new(env!("CARGO_BIN_EXE_pipegraph"))
        .arg("build")
        .args(inputs)
        .args(outputs)
        .arg("--threads")
        .arg(threads.to_string())
        .status()
        .expect("run pipegraph");
    assert!(
        status.success(),
        "pipegraph build --threads {threads} failed"
    );
}

/// Runs `pipegraph build` on `inputs` with `--threads n`; returns (json, dot) bytes.
fn build(inputs: &[PathBuf], threads: usize, out: &Path) -> (Vec<u8>, Vec<u8>) {
    let json = out.join(format!("t{threads}.json"));
    let dot = out.join(format!("t{threads}.dot"));
    run_build(
        inputs,
        threads,
        &[Path::new("--json"), &json, Path::new("--dot"), &dot],
    );
    (
        std::fs::read(&json).expect("json written"),
        std::fs::read(&dot).expect("dot written"),
    )
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let out = tempfile::tempdir().expect("tempdir");
    let inputs = [root().join("data/filings")];
    let one = build(&inputs, 1, out.path());
    let two = build(&inputs, 2, out.path());
    assert!(!one.0.is_empty() && !one.1.is_empty());
    assert!(one.0 == two.0, "JSON differs between --threads 1 and 2");
    assert!(one.1 == two.1, "DOT differs between --threads 1 and 2");
}

/// Every format of `--out-dir` (staged in parallel on `--threads`
/// threads) has the same bytes for one thread and for several.
#[test]
fn every_format_is_identical_for_any_thread_count() {
    let out = tempfile::tempdir().expect("tempdir");
    let read_all = |threads: usize| -> Vec<(String, Vec<u8>)> {
        let dir = out.path().join(format!("t{threads}"));
        run_build(
            &[root().join("data/filings")],
            threads,
            &[Path::new("--out-dir"), &dir],
        );
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("output folder")
            .map(|e| {
                let e = e.expect("entry");
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).expect("output read"))
            })
            .collect();
        files.sort();
        files
    };
    let one = read_all(1);
    assert_eq!(
        one.len(),
        pipegraph::run::Output::ALL.len(),
        "{:?}",
        one.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for threads in [2, 3] {
        let many = read_all(threads);
        assert_eq!(one.len(), many.len());
        for ((name, a), (other, b)) in one.iter().zip(&many) {
            assert_eq!(name, other);
            assert!(a == b, "{name} differs between --threads 1 and {threads}");
        }
    }
}

#[test]
fn duplicate_names_are_numbered_in_input_order() {
    // a/x.txt reads, b/x.txt is empty (skipped), c/x.txt and d/x.txt read:
    // the ids are x.txt, x.txt#2, x.txt#3, as a sequential run gives them.
    let dir = tempfile::tempdir().expect("tempdir");
    let sample =
        std::fs::read(root().join("data/filings/004_9bb2c1103b6cb742.txt")).expect("sample filing");
    for (sub, body) in [
        ("a", &sample[..]),
        ("b", &b"  \n"[..]),
        ("c", &sample[..]),
        ("d", &sample[..]),
    ] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        std::fs::write(dir.path().join(sub).join("x.txt"), body).expect("write");
    }
    let inputs = [dir.path().to_path_buf()];
    for threads in [1, 2, 3] {
        let c = read_corpus_with(
            &inputs,
            &ReadOptions {
                threads,
                ..ReadOptions::default()
            },
        );
        let ids: Vec<&str> = c.facts.iter().map(|f| f.doc.id.as_str()).collect();
        assert_eq!(
            ids,
            ["doc:x.txt", "doc:x.txt#2", "doc:x.txt#3"],
            "threads {threads}"
        );
        assert_eq!(c.errors.len(), 1);
        let evidence_ids_ok = c.facts.iter().all(|f| {
            f.phase_events
                .iter()
                .map(|e| &e.evidence)
                .chain(f.partnerships.iter().map(|p| &p.evidence))
                .all(|e| *e.document == *f.doc.id)
        });
        assert!(evidence_ids_ok, "evidence names its own document");
    }
}
