#!/usr/bin/env bash
# Regenerates graphs/ from the sample corpus: every export format, an SVG per
# DOT view, and (when Chromium is installed) a screenshot of the HTML viewer.
# Run from anywhere; the test `committed_graphs_are_fresh` checks the result.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/pipegraph"
mkdir -p graphs
# Relative input path on purpose: document paths are recorded as given.
"$bin" build data/filings --out-dir graphs
dot -Tsvg graphs/pipeline.dot -o graphs/pipeline.svg
for view in partnerships pipeline; do
  dot -Tsvg "graphs/view-$view.dot" -o "graphs/view-$view.svg"
done
chmod 644 graphs/*
chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [ -n "$chromium_bin" ]; then
  profile="$(mktemp -d)"
  "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1400,900 \
    --screenshot="$PWD/graphs/viewer.png" "file://$PWD/graphs/pipeline.html" 2>/dev/null
  rm -rf "$profile"
else
  echo "chromium not found: graphs/viewer.png not refreshed" >&2
fi
ls -l graphs
