#!/usr/bin/env bash
# Whole-corpus benchmark: resgraph against ripgrep and a notebook-style Python script on the same
# text, and `build` with one and with all jobs. A benchmark, not a test: it reports, it asserts
# nothing. Needs ripgrep, hyperfine-free timing via /usr/bin/time (Debian: ripgrep, time).
#
#   benches/corpus.sh [RUNS]      (default 5 runs; medians are reported)
#
# Inputs: every .txt and .md file under ../shared/corpus concatenated into one file (about 25 MB),
# that file repeated 10 times for `extract`, and the folder of those files copied 10 times under
# different names for `build`.
#
# Besides the issue's figures it times as many one-job builds started at once as there are
# cores: the speed-up the machine itself allows, against which the all-jobs build is measured.
source "$(dirname "$0")/common.sh"
command -v rg >/dev/null || { echo "ripgrep missing: apt-get install ripgrep" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }

cargo build --release --quiet
BIN=$PWD/target/release/resgraph
WORK=${TMPDIR:-/tmp}/resgraph-bench
rm -rf "$WORK" && mkdir -p "$WORK/folder1" "$WORK/folder10"

# The corpus: one file, and one folder of the same files.
find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' \) -print0 | sort -z > "$WORK/list"
xargs -0 cat < "$WORK/list" > "$WORK/corpus.txt"
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  cp "$f" "$WORK/folder1/$(printf '%05d' "$i")_$(basename "$f")"
done < "$WORK/list"
for k in $(seq 1 10); do cat "$WORK/corpus.txt"; done > "$WORK/corpus10.txt"
for k in $(seq 1 10); do cp -r "$WORK/folder1" "$WORK/folder10/copy$k"; done
MB1=$(du -b "$WORK/corpus.txt" | cut -f1)
MB10=$(du -b "$WORK/corpus10.txt" | cut -f1)
# The 600 MB just copied go to the disk now, not in the middle of the timings.
sync

cat > "$WORK/notebook.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
patterns = [
    re.compile(r"\b\d{1,4}\s*\(\d{4}\)"),
    re.compile(r"resolutions?\s+\d{1,4}\s*(?:[A-Z]\s*)?\([IVXL]+\)", re.I),
    re.compile(r"resolutions?\s+\d{1,3}/\d{1,4}", re.I),
    re.compile(r"A/RES/\d+/\d+"),
    re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+"),
]
print(sum(len(p.findall(text)) for p in patterns))
PY
RG_RE='(?-u)\b(?:[0-9]{1,4}\s*(?:[A-Z]\s*)?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|[0-9]{4})\)|(?:S-|ES-)?[0-9]{1,3}/[0-9]{1,4}(?:\s[A-Z]\b)?|[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+)'

# peak resident memory (kB) of one run
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }
mbs() { echo "scale=1; $1 / 1000000 / $2" | bc -l; }
# seconds until JOBS one-job builds of the folder $1, started at once (each writing its own
# graph), have all finished: what this machine gives as many busy cores (their shared caches
# and memory, a virtual machine's host) to copies that share no work, with nothing of how
# resgraph divides its work in the way
builds_at_once() {
  local s e k
  s=$(date +%s.%N)
  for k in $(seq 1 "$JOBS"); do "$BIN" -q -j 1 build "$1" -o "$WORK/copy$k.json" > /dev/null 2>&1 & done
  wait
  e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}

JOBS=$(nproc)
echo "corpus: $(echo "scale=1; $MB1/1000000" | bc) MB in $(wc -l < <(tr '\0' '\n' < "$WORK/list")) files; 10-fold: $(echo "scale=1; $MB10/1000000" | bc) MB; $RUNS runs, medians; $JOBS cores"
echo

for size in 1 10; do
  if [ "$size" = 1 ]; then F=$WORK/corpus.txt; B=$MB1; D=$WORK/folder1; else F=$WORK/corpus10.txt; B=$MB10; D=$WORK/folder10; fi
  # The commands take turns within each round, so that a slow spell of the machine falls on
  # all of them rather than on the runs of one.
  res=() rg=() py=() b1=() bn=() par=()
  for _ in $(seq 1 "$RUNS"); do
    res+=("$(seconds "$BIN" -q extract --format jsonl -j 1 "$F")")
    rg+=("$(seconds rg -c "$RG_RE" "$F")")
    # Not right before `extract`: the memory several processes free is slow to hand out again
    # on some machines (a virtual machine's host takes it back), which the next run would pay.
    par+=("$(builds_at_once "$D")")
    py+=("$(seconds python3 "$WORK/notebook.py" "$F")")
    b1+=("$(seconds "$BIN" -q -j 1 build "$D" -o "$WORK/g1.json")")
    bn+=("$(seconds "$BIN" -q -j "$JOBS" build "$D" -o "$WORK/gn.json")")
  done
  t_res=$(median "${res[@]}")
  t_rg=$(median "${rg[@]}")
  t_py=$(median "${py[@]}")
  t_b1=$(median "${b1[@]}")
  t_bn=$(median "${bn[@]}")
  t_par=$(median "${par[@]}")
  # JOBS builds at once did JOBS times the one-job build's work: the speed-up JOBS jobs would
  # reach with no part of the run left to one core and nothing shared between them.
  ceiling=$(echo "scale=2; $JOBS * $t_b1 / $t_par" | bc -l)
  # Each round's own ratio too: the two builds of a round ran moments apart.
  pairs=()
  for k in "${!b1[@]}"; do pairs+=("$(echo "${b1[$k]} / ${bn[$k]}" | bc -l)"); done
  t_pair=$(median "${pairs[@]}")
  m_b1=$(peak "$BIN" -q -j 1 build "$D" -o "$WORK/g1.json")
  m_bn=$(peak "$BIN" -q -j "$JOBS" build "$D" -o "$WORK/gn.json")
  cmp -s "$WORK/g1.json" "$WORK/gn.json" && same=identical || same=DIFFERENT
  echo "== ${size}x corpus"
  echo "extract -j 1:        $(mbs "$B" "$t_res") MB/s  (${t_res}s)"
  echo "ripgrep, one regex:  $(mbs "$B" "$t_rg") MB/s  (${t_rg}s)"
  echo "python, five re:     $(mbs "$B" "$t_py") MB/s  (${t_py}s)"
  echo "resgraph/ripgrep:    $(echo "scale=2; $t_rg / $t_res" | bc -l)"
  echo "resgraph/python:     $(echo "scale=1; $t_py / $t_res" | bc -l)"
  echo "build -j 1:          ${t_b1}s, peak $((m_b1 / 1024)) MB"
  echo "build -j $JOBS:          ${t_bn}s, peak $((m_bn / 1024)) MB, speed-up $(echo "scale=2; $t_b1 / $t_bn" | bc -l) (median of the rounds' ratios $(printf '%.2f' "$t_pair"))"
  echo "$JOBS builds at once:     ${t_par}s: the machine gives $JOBS one-job builds $ceiling times one's speed; -j $JOBS reaches $(echo "scale=2; $t_b1 / $t_bn / $ceiling" | bc -l) of that"
  echo "peak / text read:    $(echo "scale=2; $m_bn * 1024 / $B" | bc -l) (-j $JOBS); graphs $same"
  # Where one build of each kind spends its time (one run each, not a median): the reading
  # shares out over the jobs, the settling and writing of the graph less, the listing not.
  # Each writes over its own graph of the rounds, as they did.
  for j in 1 "$JOBS"; do
    [ "$j" = 1 ] && out=g1 || out=gn
    echo "build -j $j phases:   $("$BIN" -q --timings -j "$j" build "$D" -o "$WORK/$out.json" 2>&1 >/dev/null \
      | grep -v '^resgraph: warning' | sed 's/^resgraph: //' | paste -sd ';' | sed 's/;/; /g')"
  done
  echo
done
