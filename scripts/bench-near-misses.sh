#!/usr/bin/env bash
# Benchmark and check of `filterlint regex --near-misses` (issue 15's done-when): a 1 M-line postfix log from
# ../shared/bench/make_benchlog.py, and master's postfix.conf narrowed by one edit (`_cmd = [A-Z]{4}` for
# `[A-Z]{4,}`). The lines the narrowing lost (those the full filter matches and the narrowed one misses: the
# `reject: CONNECT` rejections) must be the first group, with the width fix; prints wall and CPU time.
#
# Usage: scripts/bench-near-misses.sh [--lines N] [--logdir DIR (default /tmp/bench)] [--runs N]
# The log and the narrowed filter (with its include) are written under DIR, never into the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lines=1000000
logdir=/tmp/bench
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines=$2; shift 2 ;;
    --logdir) logdir=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
shared=$(cd "$root/.." && pwd)/shared
corpus="$shared/fail2ban-corpus"
mkdir -p "$logdir/near-miss"
log="$logdir/postfix.log"
if ! python3 -c "import json,sys; sys.exit(0 if json.load(open('$log.meta.json'))['lines']==$lines else 1)" 2>/dev/null; then
  python3 "$shared/bench/make_benchlog.py" --filter postfix --lines "$lines" --out "$log" >/dev/null
fi
cp "$corpus/filter.d/common.conf" "$logdir/near-miss/common.conf"
sed 's/^_cmd = \[A-Z\]{4,}$/_cmd = [A-Z]{4}/' "$corpus/filter.d/postfix.conf" > "$logdir/near-miss/postfix.conf"
grep -q '^_cmd = \[A-Z\]{4}$' "$logdir/near-miss/postfix.conf" || { echo "could not narrow _cmd in postfix.conf" >&2; exit 2; }

dotnet build "$root/src/FilterLint" -c Release -v q -nologo >/dev/null
tool="$root/src/FilterLint/bin/Release/net10.0/filterlint"
full=$("$tool" regex --print-no-missed "$log" "$corpus/filter.d/postfix.conf" | grep '^Lines:')
for i in $(seq "$runs"); do
  /usr/bin/time -f "wall %e s, CPU %U s user + %S s sys, max RSS %M KB" -o "$logdir/near-miss/time.txt" \
    "$tool" regex --near-misses "$log" "$logdir/near-miss/postfix.conf" > "$logdir/near-miss/out.txt"
  echo "run $i: $(cat "$logdir/near-miss/time.txt")"
done
narrow=$(grep '^Lines:' "$logdir/near-miss/out.txt")
echo "full filter:     $full"
echo "narrowed filter: ${narrow%%;*}"
first=$(awk '/^#1 /{p=1} p&&/^$/{exit} p' "$logdir/near-miss/out.txt")
echo "$first" | cut -c1-200
echo "$first" | grep -q 'reject: CONNECT from' || { echo "FAIL: the CONNECT rejections are not the first group" >&2; exit 1; }
echo "$first" | grep -q "width: '\[A-Z\]{4}' -> '\[A-Z\]{4,}'" || { echo "FAIL: no width fix in the first group" >&2; exit 1; }
lost=$(( $(echo "$full" | sed 's/.* \([0-9]*\) matched.*/\1/') - $(echo "$narrow" | sed 's/.* \([0-9]*\) matched.*/\1/') ))
echo "$first" | grep -q "^#1  $lost lines " || { echo "FAIL: the first group does not hold the $lost lost lines" >&2; exit 1; }
echo "OK: the $lost lines the narrowing lost are the first group, with the width fix"
