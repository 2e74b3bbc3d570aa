#!/usr/bin/env bash
# From a fresh clone of this repository (its committed HEAD), follows the README's install section:
#  1. packs the four packages into a local feed with the README's commands;
#  2. installs FilterLint from it with the README's own `dotnet tool install -g` (DOTNET_CLI_HOME pointed
#     into the work folder, so the user's global tools are not touched) and runs `filterlint --version` and lints (a clean filter exits 0, one with a lint
#     warning 1, one Fail2Ban cannot read 2, each finding at its .conf line and column);
#  3. creates a new console app (`dotnet new console`) referencing Fail2Ban.Analyzers and Fail2Ban.Generators
#     from the feed, with a broken filter as a plain <AdditionalFiles Include="x.conf" /> and another as
#     <Fail2BanFilter Include="y.conf" /> (compiled by the generator), and checks that `dotnet build` reports
#     each one's located error exactly once; then that Fail2BanLintPreset=strict turns a lint warning into an error.
# Takes about 1-3 minutes on 2 cores (four Release packs, three builds); .ci/run runs it after the tests.
# Usage: scripts/check-install.sh [WORKDIR (default: a new temporary folder, removed on success)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d -t f2b-install-XXXXXX)}
keep=${1:+1}
fail() { echo "FAIL: $*" >&2; echo "(work folder kept: $work)" >&2; exit 1; }

clone="$work/clone"; tools="$work/tools"; app="$work/app"
rm -rf "$clone" "$tools" "$app"; mkdir -p "$work"
git clone -q "$root" "$clone"
echo "clone: $(git -C "$clone" log --oneline -1)"

# 1. The README's install commands, run in the clone (./feed is the local feed).
(
  cd "$clone"
  dotnet pack src/FilterLint -c Release -o ./feed -v q -nologo >/dev/null
  dotnet pack src/Fail2Ban.Core -c Release -o ./feed -v q -nologo >/dev/null
  dotnet pack generators/Fail2Ban.Generators -c Release -o ./feed -v q -nologo >/dev/null
  dotnet pack analyzers/Fail2Ban.Analyzers -c Release -o ./feed -v q -nologo >/dev/null
) || fail "dotnet pack"
feed="$clone/feed"
echo "feed: $(cd "$feed" && ls *.nupkg | tr '\n' ' ')"
version=$(ls "$feed" | sed -n 's/^Fail2Ban\.Analyzers\.\(.*\)\.nupkg$/\1/p')

# 2. The tool, with the README's `dotnet tool install -g --add-source ./feed FilterLint`: a global tool goes to
# $DOTNET_CLI_HOME/.dotnet/tools, here inside the work folder.
(cd "$clone" && DOTNET_CLI_HOME="$tools" dotnet tool install -g --add-source ./feed FilterLint >/dev/null) || fail "dotnet tool install -g"
filterlint="$tools/.dotnet/tools/filterlint"
[ -x "$filterlint" ] || fail "dotnet tool install -g put no filterlint in $tools/.dotnet/tools"
echo "filterlint --version: $("$filterlint" --version)"
mkdir -p "$app/filters"
printf '[Definition]\nfailregex = ^login failed for \\S+ from <HOST> port \\d+$\n' > "$work/good.conf"
printf '[Definition]\nfailregex = ^login failed (for \\S+ from <HOST>$\n' > "$work/broken.conf"
"$filterlint" lint "$work/good.conf" >/dev/null || fail "filterlint lint of a clean filter exited $?"
printf '[Definition]\nfailregex = ^\\w{4} refused for <HOST>$\n' > "$work/brittle.conf"
set +e; out=$("$filterlint" lint "$work/brittle.conf" 2>&1); status=$?; set -e
[ "$status" -eq 1 ] || fail "filterlint lint of a filter with a lint warning exited $status, not 1: $out"
echo "$out" | grep -q 'brittle.conf(2,[0-9]*): warning F2B2001' || fail "no located F2B2001 from filterlint lint: $out"
echo "filterlint lint: $(echo "$out" | grep -o 'brittle.conf([0-9,]*): warning F2B2001' | head -1) (exit 1)"
set +e; out=$("$filterlint" lint "$work/broken.conf" 2>&1); status=$?; set -e
[ "$status" -eq 2 ] || fail "filterlint lint of a filter Fail2Ban cannot read exited $status, not 2: $out"
echo "$out" | grep -q 'broken.conf(2,[0-9]*): error F2B1010' || fail "no located F2B1010 from filterlint lint: $out"
echo "filterlint lint: $(echo "$out" | grep -o 'broken.conf([0-9,]*): error F2B1010' | head -1) (exit 2)"

# 3. A new console app referencing both build-time packages from the feed (and only from it).
(cd "$work" && dotnet new console -o app --force >/dev/null) || fail "dotnet new console"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="feed" value="$feed" /></packageSources></configuration>
XML
cp "$work/broken.conf" "$app/x.conf"
cp "$work/broken.conf" "$app/filters/y.conf"
cp "$work/brittle.conf" "$app/filters/z.conf"
csproj=$(ls "$app"/*.csproj)
python3 - "$csproj" "$version" "$work/packages" <<'PY'
import sys
path, version, packages = sys.argv[1:]
text = open(path).read()
items = f'''  <PropertyGroup>
    <RestorePackagesPath>{packages}</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Fail2Ban.Analyzers" Version="{version}" PrivateAssets="all" />
    <PackageReference Include="Fail2Ban.Generators" Version="{version}" />
    <AdditionalFiles Include="x.conf" />
    <AdditionalFiles Include="filters/z.conf" />
    <Fail2BanFilter Include="filters/y.conf" />
  </ItemGroup>
</Project>'''
open(path, "w").write(text.replace("</Project>", items))
PY
# The build's diagnostics from a file log without MSBuild's closing summary (which repeats every error and
# warning, so a count on the console would see each twice).
build() {
  (cd "$app" && dotnet build -nologo -noConsoleLogger "-fileLoggerParameters:LogFile=$work/build.log;Verbosity=quiet;NoSummary" "$@" >/dev/null 2>&1) || true
  cat "$work/build.log"
}
out=$(build)
for conf in x.conf filters/y.conf; do
  n=$(echo "$out" | grep -c "$conf(2,[0-9]*): error F2B1010" || true)
  [ "$n" -eq 1 ] || { echo "$out" | grep -E 'F2B|error' | head -20 >&2; fail "$conf: the located F2B1010 appears $n times, not once"; }
  echo "dotnet build: $(echo "$out" | grep -o "$conf([0-9,]*): error F2B1010" | head -1) (once)"
done
echo "$out" | grep -q 'filters/z.conf(2,[0-9]*): warning F2B2001' || fail "z.conf: no F2B2001 warning by default"
out=$(build -p:Fail2BanLintPreset=strict)
echo "$out" | grep -q 'filters/z.conf(2,[0-9]*): error F2B2001' || fail "z.conf: Fail2BanLintPreset=strict did not make F2B2001 an error"
echo "dotnet build -p:Fail2BanLintPreset=strict: $(echo "$out" | grep -o 'filters/z.conf([0-9,]*): error F2B2001' | head -1)"
out=$(build -p:Fail2BanLintPreset=strictest)
echo "$out" | grep -q "error F2B1802: Fail2BanLintPreset 'strictest'" || fail "an unknown preset is not an error"
echo "dotnet build -p:Fail2BanLintPreset=strictest: error F2B1802"

echo "ok: install from a fresh clone"
[ -n "$keep" ] || rm -rf "$work"
