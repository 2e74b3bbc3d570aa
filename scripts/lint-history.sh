#!/usr/bin/env bash
# Recall of `filterlint lint` on real upstream filter defects: the lint-history data set
# (../shared/lint-history beside the repository, or env LINT_HISTORY; read in place, never copied).
#
# Builds the CLI, lints each case's filter before and after the fix (`run_filter` where a case has one,
# findings counted in `filter`) with `--format json`, and prints per defect class: cases, recalled (a
# finding on one of `before_lines`), cleared (recalled, and no finding of a recalled rule on `after_lines`
# after the fix), noise (findings in the filter before the fix on other lines); then the totals (and the cases
# with no finding of any rule on the changed lines after the fix), the
# missed cases, and the findings that keep a recalled case from clearing ("same" when the finding before the
# fix said the same: the fix did not touch what it reports). tests/Fail2Ban.Core.Tests/Linting/LintHistoryRecallTests.cs measures the same in memory.
#
# Usage: scripts/lint-history.sh [--no-build] [-- extra filterlint lint options, e.g. --rule F2B3005=none]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=1
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
data=${LINT_HISTORY:-$root/../shared/lint-history}
[ -f "$data/cases.jsonl" ] || { echo "lint-history data set not found: $data (set LINT_HISTORY)" >&2; exit 2; }
if [ $build = 1 ]; then
  dotnet build "$root/src/FilterLint" -c Debug -v q -nologo >&2
fi
fl="$root/src/FilterLint/bin/Debug/net10.0/filterlint"
[ -x "$fl" ] || { echo "filterlint not built: $fl" >&2; exit 2; }

python3 - "$fl" "$data" "$@" <<'PY'
import collections, json, subprocess, sys

fl, data, extra = sys.argv[1], sys.argv[2], sys.argv[3:]

def findings(sha, side, run, filt):
    path = f"{data}/cases/{sha}/{side}/filter.d/{run}"
    out = subprocess.run([fl, "lint", "--format", "json", *extra, path], capture_output=True, text=True)
    # Exit 2 also means "a filter Fail2Ban cannot read" (a defect the data set holds), reported as findings.
    try:
        found = json.loads(out.stdout)
    except ValueError:
        sys.exit(f"filterlint failed on {path} (exit {out.returncode}): {out.stderr.strip()}")
    return [f for f in found if f["file"].endswith("/" + filt)]

rows = []
with open(f"{data}/cases.jsonl") as cases:
    for line in cases:
        if not line.strip():
            continue
        c = json.loads(line)
        sha, filt = c["sha"][:8], c["filter"]
        run = c.get("run_filter", filt)
        before, after = findings(sha, "before", run, filt), findings(sha, "after", run, filt)
        before_lines, after_lines = set(c["before_lines"]), set(c["after_lines"])
        ids = {f["ruleId"] for f in before if f["line"] in before_lines}
        recalled = bool(ids)
        after_ids = {f["ruleId"] for f in after if f["line"] in after_lines}
        cleared = recalled and not (ids & after_ids)
        gone = recalled and bool(ids - after_ids)
        noise = sum(1 for f in before if f["line"] not in before_lines)
        # What keeps a case from clearing: a finding of a recalled rule on a changed line after the fix, marked
        # "same" when the finding before the fix says the very same (the fix did not touch what it reports).
        said = {(f["ruleId"], f["message"]) for f in before if f["line"] in before_lines}
        kept = sorted({(f["ruleId"], "same" if (f["ruleId"], f["message"]) in said else "changed")
                       for f in after if f["line"] in after_lines and f["ruleId"] in ids})
        any_clear = recalled and not any(f["line"] in after_lines for f in after)
        rows.append((sha, filt, c["defect_class"], recalled, cleared, noise, sorted(ids), gone, kept, any_clear))

def row(name, rs):
    return f"{name:<36} {len(rs):5} {sum(r[3] for r in rs):8} {sum(r[7] for r in rs):5} {sum(r[4] for r in rs):7} {sum(r[5] for r in rs):5}"

by_class = collections.defaultdict(list)
for r in rows:
    by_class[r[2]].append(r)
print(f"{'class':<36} {'cases':>5} {'recalled':>8} {'gone':>5} {'cleared':>7} {'noise':>5}")
for name, rs in sorted(by_class.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(row(name, rs))
print(row("total", rows))
print(f"cleared counting a finding of any rule (and any severity) on the changed lines after the fix: {sum(r[9] for r in rows)} of {len(rows)}")
missed = [r for r in rows if not r[3]]
print(f"missed ({len(missed)}):")
for r in missed:
    print(f"  {r[0]} {r[1]} {r[2]}")
kept = [r for r in rows if r[3] and not r[4]]
print(f"recalled, not cleared ({len(kept)}; 'same': the finding before the fix says the same, the fix left it):")
for r in kept:
    print(f"  {r[0]} {r[1]} {r[2]}: " + ", ".join(f"{rule} ({how})" for rule, how in r[8]))
PY
