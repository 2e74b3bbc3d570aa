#!/usr/bin/env bash
# End-to-end benchmark: `filterlint regex` (Release, ReadyToRun publish) against Fail2Ban's own
# `fail2ban-regex -r` (Debian 1.0.2, scripts/fetch-fail2ban-reference.sh) on the same generated logs.
#
# The primary figure is CPU time (user + sys of the whole process, all threads, from /usr/bin/time):
# on a VM shared with other jobs wall time measures the neighbours. Wall time, the cores actually
# used (CPU / wall) and peak RSS are printed beside it. For each filter it builds LOGDIR/NAME.log with
# ../shared/bench/make_benchlog.py (reused while its .meta.json says the same line count), runs the
# two tools RUNS times, alternating, with the same TZ and the real clock (no --now), and reports
# medians. Both `Lines:` summaries must be identical in every run (else the script fails).
# Start-up is an empty log; filterlint's bytes allocated per line come from FILTERLINT_GC_STATS=1
# (a separate run, so that the timed runs are not touched). The floor (scripts/bench-floor.cs, same
# log, same runs): a .NET process that only reads the lines, and one that also runs the steady date
# template's regex (asked from Fail2Ban itself, compiled) on every line.
#
# Usage: scripts/bench-vs-fail2ban.sh [--lines N] [--runs N] [--tz TZ] [--filters "sshd postfix ..."]
#          [--logdir DIR (default /tmp/bench)] [--out FILE.md] [--filterlint PATH (skip the publish)]
#          [--filterlint-args "--threads 1"]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lines=1000000
runs=3
tz=UTC
filters="sshd postfix nginx-http-auth apache-auth"
out=""
logdir=/tmp/bench
filterlint=""
flargs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --tz) tz=$2; shift 2 ;;
    --filters) filters=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --logdir) logdir=$2; shift 2 ;;
    --filterlint) filterlint=$2; shift 2 ;;
    --filterlint-args) flargs=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
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

work=$(mktemp -d /tmp/bench-vs-f2b.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$logdir"
cp -r "$corpus/filter.d" "$work/config/filter.d"
: >"$work/empty.log"

if [ -z "$filterlint" ]; then
  # A platform-specific publish is ReadyToRun (FilterLint.csproj): start-up without JIT.
  echo "publishing filterlint (Release, ReadyToRun)..." >&2
  if ! dotnet publish "$root/src/FilterLint" -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o "$work/filterlint" -v quiet -nologo >"$work/publish.log" 2>&1; then
    cat "$work/publish.log" >&2; exit 1
  fi
  filterlint="$work/filterlint/filterlint"
fi
# shellcheck disable=SC2206
fl=("$filterlint" regex --print-no-missed --timezone "$tz" $flargs)

export TZ="$tz"

# run OUTFILE CMD...: runs CMD with its stdout in OUTFILE; sets cpu (user+sys s), wall (s), rss (KB)
run() {
  local outfile=$1; shift
  if ! /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" >"$outfile" 2>"$work/stderr"; then
    echo "command failed: $*" >&2; cat "$work/stderr" >&2; exit 1
  fi
  local user sys
  read -r user sys wall rss <"$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

cpuname=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
report="$work/report.md"
{
  echo "Machine: $(nproc) cores, $cpuname; $(uname -sr); TZ=$TZ; $lines lines per log; median of $runs runs,"
  echo "tools alternated; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); filterlint args: ${flargs:-(default)}"
  # filterlint's default thread count is the cores the 1-minute load average leaves free (FreeCores).
  echo "(default thread count at start: $(awk -v n="$(nproc)" '{ t = int(n - $1 + 0.5); print (t < 1 ? 1 : (t > n ? n : t)) }' /proc/loadavg))"
  echo
  echo "| filter | fail2ban-regex CPU s | filterlint CPU s | CPU ratio | fail2ban-regex wall s | filterlint wall s | filterlint cores used | filterlint max RSS | filterlint bytes/line | floor: ReadLine CPU s | floor: date regex CPU s | filterlint / date floor | Lines: (identical) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} >"$report"

status=0
for name in $filters; do
  log=$logdir/$name.log
  if ! grep -q "\"lines\": $lines," "$log.meta.json" 2>/dev/null || [ ! -f "$log" ]; then
    echo "generating $log ($lines lines)..." >&2
    python3 "$generator" --filter "$name" --lines "$lines" --out "$log" >/dev/null
  fi
  for f in f2b.cpu f2b.wall fl.cpu fl.wall fl.rss floor.read floor.date; do : >"$work/$f"; done
  # The steady date template of this log, as Fail2Ban builds it, in .NET syntax.
  date_regex=$(PYTHONPATH="$pkg/usr/lib/python3/dist-packages" python3 -c '
import re, sys
from fail2ban.server.datedetector import DateDetector
d = DateDetector(); d.addDefaultTemplate()
with open(sys.argv[1]) as f: r = d.matchTime(f.readline())[1].regex
r = r.replace("(?iu)", "").replace("(?P<", "(?<")
print(re.sub(r"\(\?P=(\w+)\)", r"\\k<\1>", r))' "$log")
  for i in $(seq 1 "$runs"); do
    # Alternate which tool goes first, so that neither always meets the same neighbours.
    for tool in $([ $((i % 2)) = 1 ] && echo "f2b fl" || echo "fl f2b"); do
      echo "$name run $i/$runs: $tool..." >&2
      if [ "$tool" = f2b ]; then
        run "$work/f2b.out" "${f2b[@]}" -r -c "$work/config" "$log" "$name"
        echo "$cpu" >>"$work/f2b.cpu"; echo "$wall" >>"$work/f2b.wall"
        f2b_lines=$(grep -m1 '^Lines:' "$work/f2b.out")
      else
        run "$work/fl.out" "${fl[@]}" -c "$work/config" "$log" "$name"
        echo "$cpu" >>"$work/fl.cpu"; echo "$wall" >>"$work/fl.wall"; echo "$rss" >>"$work/fl.rss"
        fl_lines=$(grep -m1 '^Lines:' "$work/fl.out")
      fi
    done
    dotnet run "$root/scripts/bench-floor.cs" -- readline "$log" | grep -o 'cpu=[0-9.]*' | cut -d= -f2 >>"$work/floor.read"
    dotnet run "$root/scripts/bench-floor.cs" -- date "$log" "$date_regex" | grep -o 'cpu=[0-9.]*' | cut -d= -f2 >>"$work/floor.date"
    echo "  fail2ban-regex: $f2b_lines" >&2
    echo "  filterlint:     $fl_lines" >&2
    if [ "$f2b_lines" != "$fl_lines" ]; then
      echo "MISMATCH for $name: the Lines: summaries differ" >&2
      status=1
    fi
  done
  # Allocation per line: a separate run with the GC statistics on.
  FILTERLINT_GC_STATS=1 "${fl[@]}" -c "$work/config" "$log" "$name" >/dev/null 2>"$work/gc" || true
  alloc=$(grep -o 'allocated [0-9]*' "$work/gc" | awk '{print $2}' || true)
  cf=$(median <"$work/f2b.cpu"); cl=$(median <"$work/fl.cpu")
  wf=$(median <"$work/f2b.wall"); wl=$(median <"$work/fl.wall")
  rss=$(median <"$work/fl.rss")
  fr=$(median <"$work/floor.read"); fd=$(median <"$work/floor.date")
  awk -v n="$name" -v cf="$cf" -v cl="$cl" -v wf="$wf" -v wl="$wl" -v lines="$lines" -v rss="$rss" \
    -v alloc="${alloc:-0}" -v s="$fl_lines" -v fr="$fr" -v fd="$fd" \
    -v same="$([ "$f2b_lines" = "$fl_lines" ] && echo yes || echo NO)" 'BEGIN {
      cl = (cl > 0) ? cl : 0.005
      printf "| %s | %.2f | %.2f | 1/%.0f | %.2f | %.2f | %.2f | %.0f MB | %.0f | %.2f | %.2f | %.1fx | %s `%s` |\n",
        n, cf, cl, cf / cl, wf, wl, (wl > 0 ? cl / wl : 0), rss / 1024, alloc / lines, fr, fd, (fd > 0 ? cl / fd : 0), same, s }' >>"$report"
done

# Start-up: an empty log (runtime start, filter read and compiled, report), both tools alternated.
name=${filters%% *}
for f in f2b.cpu fl.cpu fl.wall; do : >"$work/$f"; done
for i in $(seq 1 "$runs"); do
  run "$work/f2b.out" "${f2b[@]}" -r -c "$work/config" "$work/empty.log" "$name"; echo "$cpu" >>"$work/f2b.cpu"
  run "$work/fl.out" "${fl[@]}" -c "$work/config" "$work/empty.log" "$name"
  echo "$cpu" >>"$work/fl.cpu"; echo "$wall" >>"$work/fl.wall"
done
{
  echo
  echo "Start-up (empty log, filter $name): fail2ban-regex $(median <"$work/f2b.cpu") s CPU;" \
    "filterlint $(median <"$work/fl.cpu") s CPU, $(median <"$work/fl.wall") s wall"
} >>"$report"

cat "$report"
[ -n "$out" ] && cp "$report" "$out"
exit $status
