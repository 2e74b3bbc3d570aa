#!/usr/bin/env bash
# Peak memory of `filterlint regex` (Release build) on 1 M and 10 M line logs: /usr/bin/time's
# maximum resident set size. The memory must not grow with the log.
#
# The 1 M line log is /tmp/bench/NAME.log (made by make_benchlog.py if missing, as
# scripts/bench-vs-fail2ban.sh does); the 10 M line log is that log ten times over (dates jump back
# at each copy, which the matcher handles like any log; only the size matters here), or, with
# --generate, a fresh 10 M line log from make_benchlog.py (slow: minutes).
#
# Usage: scripts/bench-memory.sh [--filters "sshd postfix"] [--generate] [--tz TZ]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
filters="sshd postfix nginx-http-auth apache-auth"
generate=0
tz=UTC
while [ $# -gt 0 ]; do
  case "$1" in
    --filters) filters=$2; shift 2 ;;
    --generate) generate=1; shift ;;
    --tz) tz=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
shared=$(cd "$root/.." && pwd)/shared
generator="$shared/bench/make_benchlog.py"

dotnet build "$root/src/FilterLint" -c Release -v quiet -nologo >/dev/null
filterlint="$root/src/FilterLint/bin/Release/net10.0/filterlint"
work=$(mktemp -d /tmp/bench-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" /tmp/bench
cp -r "$shared/fail2ban-corpus/filter.d" "$work/config/filter.d"
export TZ="$tz"

echo "| filter | lines | wall s | max RSS | Lines: |"
echo "| --- | ---: | ---: | ---: | --- |"
for name in $filters; do
  small=/tmp/bench/$name.log
  if ! grep -q '"lines": 1000000,' "$small.meta.json" 2>/dev/null || [ ! -f "$small" ]; then
    python3 "$generator" --filter "$name" --lines 1000000 --out "$small" >/dev/null
  fi
  big=$work/$name-10m.log
  if [ "$generate" = 1 ]; then
    python3 "$generator" --filter "$name" --lines 10000000 --out "$big" >/dev/null
  else
    for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$small"; done >"$big"
  fi
  for log in "$small" "$big"; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$filterlint" regex --print-no-missed --timezone "$TZ" -c "$work/config" "$log" "$name" >"$work/out"
    read -r wall rss <"$work/time"
    n=$(grep -m1 '^Lines:' "$work/out" | awk '{print $2}')
    printf '| %s | %s | %s | %.0f MB | `%s` |\n' "$name" "$n" "$wall" "$(echo "$rss / 1024" | bc -l)" "$(grep -m1 '^Lines:' "$work/out")"
  done
  rm -f "$big"
done
