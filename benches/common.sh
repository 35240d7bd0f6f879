# Sourced by the benchmark scripts (benches/corpus.sh, benches/formats.sh): run from the
# checkout, with the shared corpus beside it, and the timing helpers they share.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CORPUS=../shared/corpus
[ -d "$CORPUS" ] || { echo "missing $CORPUS (the shared corpus beside the checkout)" >&2; exit 2; }

# seconds of one run of a command (stdout and stderr discarded)
seconds() {
  local s e
  s=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
