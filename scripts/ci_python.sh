#!/usr/bin/env bash
# The exports in the real clients: installs the Python packages of requirements.txt, builds the
# graph of the test corpus with the release binary, loads every export of it in networkx, igraph
# and pandas (scripts/check_exports.py) and runs examples/notebook.ipynb headless
# (scripts/run_notebook.py); R (igraph, readr) too when it is there, and always in CI (CI set).
# Run from anywhere: bash scripts/ci_python.sh
#
# SHARED (default ../shared beside the repository) is the folder holding corpus/ and seed/.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED="${SHARED:-../shared}"
TARGET="${CARGO_TARGET_DIR:-target}"
BIN="$TARGET/release/resgraph"
OUT="$TARGET/ci-python"

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements.txt
# R with igraph and readr, from Debian's packages, for the R lines of docs/analysis-tools.md
# (installed when missing and this runs as root; required in CI).
if ! Rscript -e 'suppressPackageStartupMessages({library(igraph); library(readr)})' >/dev/null 2>&1 \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends r-base-core r-cran-igraph r-cran-readr >/dev/null
fi
R_FLAG=()
if [ -n "${CI:-}" ]; then R_FLAG=(--require-r); fi
cargo build --release --quiet
mkdir -p "$OUT"

# The corpus graph; build warnings (documents without an identity, date conflicts) go to a log.
"$BIN" build \
  "$SHARED/corpus/mandate-pipeline-ga/resolutions_text" \
  "$SHARED/corpus/cr-unsc/res_en_gold" \
  "$SHARED/seed" \
  -o "$OUT/corpus.json" 2>"$OUT/build.log" || { tail -20 "$OUT/build.log" >&2; exit 1; }
echo "corpus graph: $OUT/corpus.json ($(grep -c 'warning' "$OUT/build.log" || true) build warnings in $OUT/build.log)"

python3 scripts/check_exports.py --bin "$BIN" --graph "$OUT/corpus.json" --out "$OUT/exports" "${R_FLAG[@]}"
python3 scripts/run_notebook.py --graph "$OUT/corpus.json"
