#!/usr/bin/env bash
# End-to-end benchmark: `filterlint regex` (Release build) against Fail2Ban's own `fail2ban-regex`
# (Debian 1.0.2, scripts/fetch-fail2ban-reference.sh) on the same generated logs.
#
# For each filter it builds /tmp/bench/NAME.log with ../shared/bench/make_benchlog.py (kept and reused
# while its .meta.json says the same line count), runs both tools RUNS times, alternating, with the
# same TZ and the real clock (no --now), and prints the median wall time, lines/s and their ratio,
# plus both `Lines:` summaries, which must be identical in every run (else the script fails).
#
# Usage: scripts/bench-vs-fail2ban.sh [--lines N] [--runs N] [--tz TZ] [--filters "sshd postfix ..."]
#                                      [--logdir DIR (default /tmp/bench)] [--out FILE.md]
# Times are wall-clock seconds of the whole command (start-up, filter reading and compiling included);
# the tools' own "[processed in X sec]" (the line loop only) is reported as well.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lines=1000000
runs=3
tz=UTC
filters="sshd postfix nginx-http-auth apache-auth"
out=""
logdir=/tmp/bench
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --tz) tz=$2; shift 2 ;;
    --filters) filters=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --logdir) logdir=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

shared=$(cd "$root/.." && pwd)/shared
generator="$shared/bench/make_benchlog.py"
corpus="$shared/fail2ban-corpus"
[ -f "$generator" ] || { echo "missing $generator" >&2; exit 2; }
[ -d "$corpus/filter.d" ] || { echo "missing $corpus/filter.d" >&2; exit 2; }

pkg=$("$root/scripts/fetch-fail2ban-reference.sh" | tail -1)
f2b=(env "PYTHONPATH=$pkg/usr/lib/python3/dist-packages" python3 "$pkg/usr/bin/fail2ban-regex")

echo "building filterlint (Release)..." >&2
dotnet build "$root/src/FilterLint" -c Release -v quiet -nologo >/dev/null
filterlint="$root/src/FilterLint/bin/Release/net10.0/filterlint"

work=$(mktemp -d /tmp/bench-vs-f2b.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$logdir"
cp -r "$corpus/filter.d" "$work/config/filter.d"

export TZ="$tz"

# run OUTFILE CMD...: runs CMD with its stdout in OUTFILE; sets t (wall seconds) and rss (max KB)
run() {
  local outfile=$1; shift
  if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$outfile" 2>"$work/stderr"; then
    echo "command failed: $*" >&2; cat "$work/stderr" >&2; exit 1
  fi
  read -r t rss <"$work/time"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
report="$work/report.md"
{
  echo "Machine: $(nproc) cores, $cpu; $(uname -sr); TZ=$TZ; $lines lines per log; median of $runs runs"
  echo
  echo "| filter | fail2ban-regex s | filterlint s | fail2ban-regex lines/s | filterlint lines/s | ratio | loop-only ratio | filterlint max RSS | Lines: (identical) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} >"$report"

status=0
for name in $filters; do
  log=$logdir/$name.log
  if ! grep -q "\"lines\": $lines," "$log.meta.json" 2>/dev/null || [ ! -f "$log" ]; then
    echo "generating $log ($lines lines)..." >&2
    python3 "$generator" --filter "$name" --lines "$lines" --out "$log" >/dev/null
  fi
  : >"$work/f2b.times"; : >"$work/fl.times"; : >"$work/f2b.loop"; : >"$work/fl.loop"; : >"$work/fl.rss"
  for i in $(seq 1 "$runs"); do
    echo "$name run $i/$runs: fail2ban-regex..." >&2
    run "$work/f2b.out" "${f2b[@]}" -r -c "$work/config" "$log" "$name"
    echo "$t" >>"$work/f2b.times"
    grep -o 'processed in [0-9.]*' "$work/f2b.out" | awk '{print $3}' >>"$work/f2b.loop"
    f2b_lines=$(grep -m1 '^Lines:' "$work/f2b.out")
    echo "$name run $i/$runs: filterlint..." >&2
    run "$work/fl.out" "$filterlint" regex --print-no-missed --timezone "$TZ" -c "$work/config" "$log" "$name"
    echo "$t" >>"$work/fl.times"; echo "$rss" >>"$work/fl.rss"
    grep -o 'processed in [0-9.]*' "$work/fl.out" | awk '{print $3}' >>"$work/fl.loop"
    fl_lines=$(grep -m1 '^Lines:' "$work/fl.out")
    echo "  fail2ban-regex: $f2b_lines" >&2
    echo "  filterlint:     $fl_lines" >&2
    if [ "$f2b_lines" != "$fl_lines" ]; then
      echo "MISMATCH for $name: the Lines: summaries differ" >&2
      status=1
    fi
  done
  tf=$(median <"$work/f2b.times"); tl=$(median <"$work/fl.times")
  lf=$(median <"$work/f2b.loop"); ll=$(median <"$work/fl.loop")
  rss=$(median <"$work/fl.rss")
  awk -v n="$name" -v tf="$tf" -v tl="$tl" -v lf="$lf" -v ll="$ll" -v lines="$lines" -v rss="$rss" -v s="$fl_lines" \
    -v same="$([ "$f2b_lines" = "$fl_lines" ] && echo yes || echo NO)" 'BEGIN {
      ll = (ll > 0) ? ll : 0.005
      printf "| %s | %.2f | %.2f | %\047d | %\047d | %.0fx | %.0fx | %.0f MB | %s `%s` |\n",
        n, tf, tl, lines / tf, lines / tl, tf / tl, lf / ll, rss / 1024, same, s }' >>"$report"
done

cat "$report"
[ -n "$out" ] && cp "$report" "$out"
exit $status
