#!/usr/bin/env bash
# Build-time benchmark of the generator on all of upstream's filters (issue 6, item 4).
#
# Copies ../shared/fail2ban-corpus/filter.d into a scratch project under WORKDIR (never into the
# repository), references the generator as an analyzer, and times (wall clock, median of RUNS):
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

# Wall seconds of one command.
timed() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; "$@" | tail -20 >&2; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rebuild() { timed dotnet build --no-restore -v q -nologo -t:Rebuild -p:BuildProjectReferences=false "$@"; }

measure() {
  local name=$1; shift
  local values=()
  for _ in $(seq "$runs"); do values+=("$("$@")"); done
  printf '%-58s %8.2f s   (runs: %s)\n' "$name" "$(printf '%s\n' "${values[@]}" | median)" "${values[*]}"
}

edit_build() {
  # A real change of one failregex (an empty group in front): only that filter's spec changes.
  local f=filters/apache-auth.conf
  sed -i '0,/^failregex = /s//failregex = (?:)/' "$f"
  timed dotnet build --no-restore -v q -nologo -p:BuildProjectReferences=false
  cp "$corpus/filter.d/apache-auth.conf" "$f"
  dotnet build --no-restore -v q -nologo -p:BuildProjectReferences=false >/dev/null
}

echo "filters: $(ls filters/*.conf | grep -vc 'common.conf') (+ $(ls filters/*common.conf | wc -l) include files), runs: $runs, $(nproc) cores"
measure "baseline: project without filters (rebuild)" rebuild -p:WithFilters=false
measure "97 filters, Compiled mode (rebuild)" rebuild
measure "97 filters, Compiled mode, one failregex edited (build)" edit_build
gen_time=$(dotnet build --no-restore -v d -nologo -t:Rebuild -p:BuildProjectReferences=false -p:ReportAnalyzer=true 2>&1 \
  | grep -E '^\s+[0-9.]+\s+[0-9]+\s+Fail2Ban\.Generators' | head -3 || true)
echo "generator's own time, Compiled mode (ReportAnalyzer: seconds, %, name):"; echo "${gen_time:-  (not reported)}"
if [ "$skip_generated" = false ]; then
  measure "97 filters, Generated mode (rebuild)" rebuild -p:Fail2BanRegexMode=Generated
fi
