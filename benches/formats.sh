#!/usr/bin/env bash
# What `build` costs on each kind of input of the shared corpus, as an archive mixes them: text
# (.txt, .md), JSON records, HTML pages, PDF files (through poppler's pdftotext), and catalogue
# exports (CSV tables, MARCXML) with the sentence-aligned files. A benchmark, not a test: it
# reports medians, it asserts nothing.
#
#   benches/formats.sh [RUNS]      (default 5 runs)
source "$(dirname "$0")/common.sh"
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 2; }

cargo build --release --quiet
BIN=$PWD/target/release/resgraph
WORK=${TMPDIR:-/tmp}/resgraph-formats
rm -rf "$WORK" && mkdir -p "$WORK"
JOBS=$(nproc)

# Each kind's files in a folder of their own, named after their path (the names stay apart).
gather() {
  local kind=$1; shift
  mkdir -p "$WORK/$kind"
  find "$CORPUS" -type f \( "$@" \) -print0 | sort -z |
    while IFS= read -r -d '' f; do
      rel=${f#"$CORPUS"/}
      cp "$f" "$WORK/$kind/${rel//\//_}"
    done
}
gather text -name '*.txt' -o -name '*.md'
gather json -name '*.json'
gather html -name '*.html'
gather pdf -name '*.pdf'
gather catalogue -name '*.csv' -o -name '*.xml' -o -name '*.zh' -o -name '*.ru' -o -name '*.ids'

# A scanned PDF without text fails; the rest is read, and the run is timed all the same.
anyway() { "$@" || true; }

echo "$RUNS runs, medians; $JOBS cores"
printf '%-10s %6s %8s %12s %12s %9s\n' kind files MB "-j 1 (MB/s)" "-j $JOBS (MB/s)" speed-up
for kind in text json html pdf catalogue; do
  D=$WORK/$kind
  n=$(find "$D" -type f | wc -l)
  bytes=$(du -sb "$D" | cut -f1)
  one=() all=()
  for _ in $(seq 1 "$RUNS"); do
    one+=("$(seconds anyway "$BIN" -q -j 1 build "$D" -o "$WORK/g1.json")")
    all+=("$(seconds anyway "$BIN" -q -j "$JOBS" build "$D" -o "$WORK/gn.json")")
  done
  t1=$(median "${one[@]}")
  tn=$(median "${all[@]}")
  printf '%-10s %6d %8.1f %6.3fs %5.1f %6.3fs %5.1f %8.2f\n' "$kind" "$n" \
    "$(echo "$bytes / 1000000" | bc -l)" "$t1" "$(echo "$bytes / 1000000 / $t1" | bc -l)" \
    "$tn" "$(echo "$bytes / 1000000 / $tn" | bc -l)" "$(echo "$t1 / $tn" | bc -l)"
done
