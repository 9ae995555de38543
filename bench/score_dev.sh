#!/usr/bin/env bash
# Relation accuracy on the shared dev sets, outside the test suite: `relx extract` over
# ../shared/eval/{dev,dev2,dev-re3d}, scored by ../shared/eval/score.py (extra arguments go to
# it, e.g. --details or --json). Override paths with SHARED=..., RELX=..., PYTHON=..., JOBS=...;
# FULL_PARSE=1 runs `relx extract --full-parse` (every sentence parsed) for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared/eval}"
RELX="${RELX:-.venv/bin/relx}"
PYTHON="${PYTHON:-.venv/bin/python}"
JOBS="${JOBS:-1}"
MODE=()
if [ "${FULL_PARSE:-0}" = 1 ]; then
  MODE=(--full-parse)
fi
if [ ! -f "$SHARED/score.py" ]; then
  echo "score_dev.sh: no $SHARED/score.py (set SHARED=path/to/eval)" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for set in dev dev2 dev-re3d; do
  if [ ! -d "$SHARED/$set" ]; then
    echo "score_dev.sh: skipping $set: no $SHARED/$set" >&2
    continue
  fi
  "$RELX" extract "$SHARED/$set" -f jsonl -q --jobs "$JOBS" "${MODE[@]}" > "$out/$set.jsonl"
  echo "== $set ($(wc -l < "$out/$set.jsonl") relations predicted)"
  "$PYTHON" "$SHARED/score.py" --gold "$SHARED/$set" "$out/$set.jsonl" "$@"
done
