#!/usr/bin/env bash
# Build-time benchmark of the generator on all of upstream's filters (issue 6, item 4).
#
# Copies ../shared/fail2ban-corpus/filter.d into a scratch project under WORKDIR (never into the
# repository), references the generator as an analyzer, and times (median of RUNS; CPU = user + sys of
# the whole build, with the compiler run in-process so that its work is counted, and wall clock):
#   baseline     the same project without filters (forced recompile of the project alone)
#   compiled     all 97 filters, Fail2BanRegexMode=Compiled (forced recompile)
#   edit         Compiled, after editing one filter's failregex (a plain incremental `dotnet build`)
#   generated    all 97 filters, Fail2BanRegexMode=Generated (forced recompile; slow: SDK regex code)
# and prints the generator's own time as the compiler reports it (-p:ReportAnalyzer=true).
#
# Usage: scripts/bench-build.sh [--runs N (default 3)] [--workdir DIR] [--skip-generated]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=3; work=/tmp/f2b-build-bench; skip_generated=false
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --workdir) work=$2; shift 2 ;;
    --skip-generated) skip_generated=true; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
corpus=$(cd "$root/../shared/fail2ban-corpus" 2>/dev/null && pwd) || { echo "no ../shared/fail2ban-corpus" >&2; exit 2; }

rm -rf "$work"; mkdir -p "$work/filters"
cp "$corpus"/filter.d/*.conf "$work/filters/"
cat > "$work/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <!-- before the props, which default the mode to Generated -->
    <Fail2BanRegexMode Condition="'\$(Fail2BanRegexMode)' == ''">Compiled</Fail2BanRegexMode>
  </PropertyGroup>
  <Import Project="$root/generators/Fail2Ban.Generators/build/Fail2Ban.Generators.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <Fail2BanNamespace>Bench.Filters</Fail2BanNamespace>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/generators/Fail2Ban.Generators/Fail2Ban.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$root/src/Fail2Ban.Core/Fail2Ban.Core.csproj" />
  </ItemGroup>
  <ItemGroup Condition="'\$(WithFilters)' != 'false'">
    <Fail2BanFilter Include="filters/*.conf" Exclude="filters/*common.conf" />
    <Fail2BanInclude Include="filters/*common.conf" />
  </ItemGroup>
  <Import Project="$root/generators/Fail2Ban.Generators/build/Fail2Ban.Generators.targets" />
</Project>
XML
echo 'namespace Bench; public static class Marker { }' > "$work/Marker.cs"

cd "$work"
echo "restoring and building the generator and Fail2Ban.Core..."
dotnet build -v q -nologo >/dev/null

# "CPU/wall" seconds of one command. The VM is shared: CPU time is the figure that means something.
# No compiler server and no MSBuild node reuse, or the compiler's CPU would be spent in another process.
timed() {
  local out; out=$(mktemp)
  /usr/bin/time -f '%U %S %e' -o "$out" "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; "$@" | tail -20 >&2; exit 1; }
  awk '{printf "%.2f/%.2f\n", $1 + $2, $3}' "$out"; rm -f "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
build() { timed dotnet build --no-restore -v q -nologo -nodeReuse:false -p:UseSharedCompilation=false -p:BuildProjectReferences=false "$@"; }
rebuild() { build -t:Rebuild "$@"; }

measure() {
  local name=$1; shift
  local values=()
  for _ in $(seq "$runs"); do values+=("$("$@")"); done
  printf '%-58s CPU %6.2f s  wall %6.2f s   (runs, CPU/wall: %s; load %s)\n' "$name" \
    "$(printf '%s\n' "${values[@]}" | cut -d/ -f1 | median)" "$(printf '%s\n' "${values[@]}" | cut -d/ -f2 | median)" \
    "${values[*]}" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

edit_build() {
  # A real change of one failregex (an empty group in front): only that filter's spec changes.
  local f=filters/apache-auth.conf
  sed -i '0,/^failregex = /s//failregex = (?:)/' "$f"
  build
  cp "$corpus/filter.d/apache-auth.conf" "$f"
  dotnet build --no-restore -v q -nologo -p:BuildProjectReferences=false >/dev/null
}

echo "filters: $(ls filters/*.conf | grep -vc 'common.conf') (+ $(ls filters/*common.conf | wc -l) include files), runs: $runs, $(nproc) cores"
measure "baseline: project without filters (rebuild)" rebuild -p:WithFilters=false
measure "97 filters, Compiled mode (rebuild)" rebuild
measure "97 filters, Compiled mode, one failregex edited (build)" edit_build
gen_time=$(dotnet build --no-restore -v d -nologo -nodeReuse:false -p:UseSharedCompilation=false -t:Rebuild -p:BuildProjectReferences=false -p:ReportAnalyzer=true \
  -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/generated" 2>&1 \
  | grep -E '^\s+[0-9.]+\s+[0-9]+\s+Fail2Ban\.Generators' | head -3 || true)
echo "generator's own time, Compiled mode (ReportAnalyzer: seconds, %, name):"; echo "${gen_time:-  (not reported)}"
echo "generated C#, Compiled mode (lines, bytes): $(find "$work/generated" -path '*FilterMatcherGenerator*' -name '*.cs' -exec cat {} + | wc -lc)"
if [ "$skip_generated" = false ]; then
  measure "97 filters, Generated mode (rebuild)" rebuild -p:Fail2BanRegexMode=Generated
fi
