#!/usr/bin/env bash
# Generalisation of `filterlint lint` to defects it was not tuned on (issue 10): plants defect natures (narrowed
# widths and classes, fixed whitespace, a dropped alternative, changed case, lost anchor, catch-all beside <HOST>,
# wrong address tag, `(:?`, unescaped dot, quoted field, dropped port, mandatory optional group, wrong datepattern)
# into every upstream master filter with a sample log (../shared/fail2ban-corpus, read in place), keeps the mutants
# that are real by the matcher (a sample line stops meeting its failJSON; for injection mutants, a line with an
# address appended is banned for it) and prints per class: mutants, real, recalled with samples (a finding on the
# mutated line that the unmutated filter lacks), recalled without samples, new findings elsewhere; then one line
# per real mutant (recalled/MISSED with samples, then -S:recalled/-S:MISSED without). The suite runs a fixed subset: tests/.../Linting/Mutation/LintMutantsTests.cs.
#
# Usage: scripts/lint-mutants.sh [--out FILE (default: a temp file, printed)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=""
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -n "$out" ] || out="$tmp/mutants.txt"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
LINT_MUTANTS_OUT="$out" dotnet test "$root/tests/Fail2Ban.Core.Tests" -v q --nologo \
  --filter "FullyQualifiedName~LintMutantsTests.Full_table" >"$tmp/test.log" 2>&1 || { cat "$tmp/test.log" >&2; exit 2; }
[ -s "$out" ] || { echo "no table written (corpus missing?)" >&2; cat "$tmp/test.log" >&2; exit 2; }
cat "$out"
