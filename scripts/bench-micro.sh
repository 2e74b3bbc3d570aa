#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of the per-line hot paths (reading, dates, prefilter, regex
# searches, whole lines) over the first 20 000 lines of each filter's benchmark log. Results are
# per line. Logs come from /tmp/bench/NAME.log (scripts/bench-vs-fail2ban.sh) or are generated.
# Arguments go to BenchmarkDotNet (default: --filter '*' --job short), e.g.
#   scripts/bench-micro.sh --filter '*DetectDates*' --job short
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*' --job short)
exec dotnet run -c Release --project bench/Fail2Ban.Benchmarks -- "${args[@]}"
