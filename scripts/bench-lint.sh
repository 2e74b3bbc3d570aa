#!/usr/bin/env bash
# Lint-time benchmark (issue 10): `filterlint lint` on all of upstream master's filters with their sample
# logs (probe included), and `filterlint probe` on the filters the issue names. Prints CPU time (user+sys of
# the process, from /usr/bin/time) and wall time, median of RUNS, and the machine's load average, because
# wall time on a shared VM measures the neighbours. Reads ../shared in place; writes nothing in the repo.
#
# Usage: scripts/bench-lint.sh [--runs N (default 3)] [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=3; build=1
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
corpus=$(cd "$root/../shared/fail2ban-corpus" 2>/dev/null && pwd) || { echo "no ../shared/fail2ban-corpus" >&2; exit 2; }
[ $build = 1 ] && dotnet build "$root/src/FilterLint" -c Release -v q -nologo >&2
fl="$root/src/FilterLint/bin/Release/net10.0/filterlint"
[ -x "$fl" ] || { echo "filterlint not built: $fl" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# median CPU and wall of RUNS runs of the command; exit codes 0-1 are results (findings), 2+ a failure
measure() {
  local label=$1; shift
  for i in $(seq "$runs"); do
    /usr/bin/time -f '%U %S %e' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || [ $? -le 1 ] || { cat "$tmp/err" >&2; exit 2; }
    tail -n 1 "$tmp/t" | awk '{printf "%.2f %.2f\n", $1+$2, $3}'
  done | sort -n | awk -v l="$label" '{c[NR]=$1; w[NR]=$2} END {m=int((NR+1)/2); printf "%-28s cpu %6.2f s  wall %6.2f s\n", l, c[m], w[m]}'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "lint 97 filters + samples" "$fl" lint --samples "$corpus/logs" "$corpus/filter.d"
for f in sshd postfix dovecot nginx-http-auth apache-auth exim asterisk; do
  measure "probe $f" "$fl" probe --samples "$corpus/logs" "$corpus/filter.d/$f.conf"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
