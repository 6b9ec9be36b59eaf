#!/usr/bin/env bash
# Profile-guided (PGO) release build of pipegraph: an instrumented build reads
# copies of the sample filings, llvm-profdata merges the branch and call
# counts, and a second build lets LLVM lay out and inline the hot paths by
# them. On the corpus benchmark the binary runs 6 % fewer instructions per
# input byte than the plain (LTO) release build and takes 2-9 % less time;
# on filings it was not trained on, 7 % less CPU time (BENCHMARKS.md,
# "Session 10").
#
# Usage: bench/pgo.sh                  (ROUNDS=50 copies of the samples)
#        PGO_DIR=/tmp/pgo bench/pgo.sh (work and output folder; default target/pgo)
#        then: PIPEGRAPH=<the printed path> bench/corpus.sh
#
# Needs llvm-profdata of the LLVM that rustc uses:
#   rustup component add llvm-tools
# or an llvm-profdata on PATH of the same major version.
#
# Checks: the PGO binary must write the same bytes as the instrumented one on
# the training corpus (same source, so any difference is a miscompile).
# Standard output is only the built binary's path; progress goes to stderr.
# Exit codes: 0 built and checked, 1 a step failed, 2 a tool is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-50}
dir=${PGO_DIR:-$root/target/pgo}
host=$(rustc -vV | sed -n 's/^host: //p')
llvm_major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')

# llvm-profdata must read the profiles of rustc's LLVM: the llvm-tools
# component's copy first, else one on PATH of the same major version.
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
  profdata=$(command -v "llvm-profdata-$llvm_major" || command -v llvm-profdata || true)
  if [ -z "$profdata" ] || ! "$profdata" --version | grep -q "LLVM version $llvm_major\."; then
    echo "pgo.sh: needs llvm-profdata for LLVM $llvm_major (rustc's): rustup component add llvm-tools" >&2
    exit 2
  fi
fi

# --target keeps RUSTFLAGS off build scripts and proc macros: only the
# binary and its dependencies are instrumented and optimized.
build() {
  local target_dir=$1 flag=$2
  (cd "$root" && RUSTFLAGS="${RUSTFLAGS:-} $flag" cargo build --release --quiet \
    --bin pipegraph --target "$host" --target-dir "$target_dir") >&2
}

rm -rf "$dir/profraw" "$dir/train"
mkdir -p "$dir/train/corpus"

echo "1/4 instrumented build" >&2
build "$dir/gen" "-Cprofile-generate=$dir/profraw"

echo "2/4 training on $rounds copies of the samples" >&2
for i in $(seq "$rounds"); do
  for f in "$root"/data/filings/* "$root"/benches/data/*; do
    case $f in *.json) continue ;; esac
    cp "$f" "$dir/train/corpus/${i}_$(basename "$f")"
  done
done
"$dir/gen/$host/release/pipegraph" build "$dir/train/corpus" --threads 1 \
  --json "$dir/train/instrumented.json" --dot "$dir/train/instrumented.dot" >&2

echo "3/4 merging the profile" >&2
"$profdata" merge -o "$dir/pipegraph.profdata" "$dir/profraw" >&2

echo "4/4 optimized build" >&2
build "$dir/use" "-Cprofile-use=$dir/pipegraph.profdata"
bin="$dir/use/$host/release/pipegraph"

"$bin" build "$dir/train/corpus" --threads 1 --json "$dir/train/pgo.json" --dot "$dir/train/pgo.dot" >&2
for f in json dot; do
  if ! cmp -s "$dir/train/instrumented.$f" "$dir/train/pgo.$f"; then
    echo "pgo.sh: the PGO binary's $f output differs from the instrumented build's ($dir/train)" >&2
    exit 1
  fi
done
rm -rf "$dir/train"
echo "$bin"
