#!/usr/bin/env bash
# Every benchmark in one command (`make bench`); about 45 minutes on 2 cores. The tables go to
# stdout and to bench/results/run-all-<date>.txt; progress goes to stderr. Not part of `make test`.
#   SIZES="100 1000 3000"   synthetic myths for the build benchmark
#   RUNS=5                  timed builds per variant and size
#   BASELINE_REV=40a2721    optional: also build with that revision's code, for before/after
#                           figures (40a2721 indexes with Pagefind: pip install "pagefind[bin]==1.5.2")
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SIZES=${SIZES:-100 1000 3000}
RUNS=${RUNS:-5}
BASELINE=()
if [ -n "${BASELINE_REV:-}" ]; then BASELINE=(--baseline-rev "$BASELINE_REV"); fi
mkdir -p bench/results
out="bench/results/run-all-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# make bench, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
  echo "nproc $(nproc); $(grep MemTotal /proc/meminfo); $($PY --version)"
  echo
  # shellcheck disable=SC2086 # SIZES is a list
  $PY -m bench.build_bench --sizes $SIZES --runs "$RUNS" "${BASELINE[@]}"
  echo
  $PY -m bench.build_bench --sizes 1000 --runs 3 --distinct-macros "${BASELINE[@]}"
  echo
  $PY -m bench.micro --n 300
  echo
  $PY -m bench.page_weight --n 1000 --search
  echo
  $PY -m bench.serve_bench --n 1000 --edits 3
  echo
  $PY -m bench.profile_build --n 1000 --top 15
  echo
  $PY -m bench.profile_build --n 1000 --variant plain --top 5
} | tee "$out"
echo "Saved: $out" >&2
