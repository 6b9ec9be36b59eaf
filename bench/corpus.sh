#!/usr/bin/env bash
# Corpus benchmark: builds a >= SIZE_MB corpus in a temp dir from copies of
# data/filings and benches/data (distinct names), then times `pipegraph build`
# over it with --threads 1 and with all cores, and `wc -w` as the floor; then
# the default outputs (all formats under --out-dir) on all cores.
#
# Usage: bench/corpus.sh            (SIZE_MB=200 REPEAT=1 by default)
#        SIZE_MB=50 REPEAT=3 bench/corpus.sh
#        PIPEGRAPH=/path/to/pipegraph bench/corpus.sh   (skip the cargo build)
# Reports wall-clock MB/s and docs/s, CPU-time MB/s (user+sys; steadier on a
# shared machine) and peak RSS from /usr/bin/time -v. Best of REPEAT runs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size_mb=${SIZE_MB:-200}
repeat=${REPEAT:-1}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

bin=${PIPEGRAPH:-}
if [ -z "$bin" ]; then
  (cd "$root" && cargo build --release --quiet)
  bin=${CARGO_TARGET_DIR:-$root/target}/release/pipegraph
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus=$tmp/corpus
mkdir -p "$corpus"

# Copy the samples until the corpus reaches size_mb.
python3 - "$root" "$corpus" "$size_mb" <<'PY'
import os, shutil, sys
root, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
src = []
for d in ("data/filings", "benches/data"):
    p = os.path.join(root, d)
    src += sorted(os.path.join(p, f) for f in os.listdir(p) if not f.endswith(".json"))
total, i = 0, 0
while total < size_mb * 1_000_000:
    for f in src:
        dst = os.path.join(out, f"{i:05d}_{os.path.basename(f)}")
        shutil.copyfile(f, dst)
        total += os.path.getsize(dst)
    i += 1
PY

bytes=$(du -sb "$corpus" | cut -f1)
docs=$(find "$corpus" -type f | wc -l)
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')
cat "$corpus"/* > /dev/null   # warm the page cache

# Runs "$@" under /usr/bin/time -v; prints "wall cpu rss_kb" of the best of $repeat runs.
measure() {
  local best="" line
  for _ in $(seq "$repeat"); do
    /usr/bin/time -v "$@" > /dev/null 2> "$tmp/time.txt" || true
    line=$(awk -F': ' '
      /Elapsed \(wall clock\)/ { n=split($2,a,":"); w=0; for(i=1;i<=n;i++) w=w*60+a[i] }
      /User time/ { u=$2 } /System time/ { s=$2 }
      /Maximum resident set size/ { r=$2 }
      END { printf "%.2f %.2f %d\n", w, u+s, r }' "$tmp/time.txt")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
  done
  echo "$best"
}

report() {
  local label=$1 wall=$2 cpu=$3 rss=$4
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$bytes" -v d="$docs" 'BEGIN{
    if (w <= 0) w = 0.01; if (c <= 0) c = 0.01;
    printf "%-24s %8.2f s %9.1f MB/s %9.0f docs/s %9.1f MB/s/cpu %8.1f MB RSS\n", l, w, b/1e6/w, d/w, b/1e6/c, r/1024 }'
}

echo "corpus: $docs files, $mb MB ($(nproc) cores, $(uname -m)); best of $repeat"
read -r w c r < <(measure wc -w "$corpus"/*)
report "wc -w" "$w" "$c" "$r"; wc_wall=$w
read -r w c r < <(measure "$bin" build "$corpus" --json "$tmp/g1.json" --dot "$tmp/g1.dot" --threads 1)
report "pipegraph --threads 1" "$w" "$c" "$r"; t1=$w
read -r w c r < <(measure "$bin" build "$corpus" --json "$tmp/gn.json" --dot "$tmp/gn.dot")
report "pipegraph (all cores)" "$w" "$c" "$r"; tn=$w
# The default outputs (all eight formats under --out-dir), as the README's
# main command writes them: their time and peak memory.
read -r w c r < <(measure "$bin" build "$corpus" --out-dir "$tmp/all")
report "all outputs (all cores)" "$w" "$c" "$r"
awk -v a="$t1" -v b="$tn" -v f="$wc_wall" 'BEGIN{ if (b<=0) b=0.01; if (f<=0) f=0.01;
  printf "speedup all cores / 1 thread: %.2fx; 1 thread / wc -w: %.1fx; all cores / wc -w: %.1fx\n", a/b, a/f, b/f }'
if cmp -s "$tmp/g1.json" "$tmp/gn.json" && cmp -s "$tmp/g1.dot" "$tmp/gn.dot"; then
  echo "outputs identical across thread counts"
else
  echo "OUTPUTS DIFFER across thread counts" >&2; exit 1
fi
