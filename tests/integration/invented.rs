//! Invented releases (`tests/fixtures/invented/`): the facts `pipegraph extract` finds in press releases of companies that appear in no sample filing, against snapshots.

use crate::build::{pipegraph, root};
use crate::common::snapshot;

/// `pipegraph extract FILE` on every invented release, each compared with
/// `tests/snapshots/invented.<file>.facts`.
#[test]
fn invented_releases_give_their_facts() {
    let dir = root().join("tests/fixtures/invented");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/invented")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "htm"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 6,
        "invented releases missing from {}",
        dir.display()
    );
    for f in files {
        // Run from the fixtures folder so the document path is the bare name.
        let name = f.file_name().and_then(|n| n.to_str()).expect("file name");
        let out = pipegraph(&dir, &["extract", name]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        snapshot(
            &format!("invented.{name}.facts"),
            &String::from_utf8_lossy(&out.stdout),
        );
    }
}
