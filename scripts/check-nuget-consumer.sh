#!/usr/bin/env bash
# Packs Fail2Ban.Core and Fail2Ban.Generators into a scratch feed and builds a fresh console app that
# uses them only through NuGet: one filter .conf becomes a typed matcher (Generated mode, then
# Compiled), the app runs, and a broken failregex must fail the build at its .conf line and column.
# Usage: scripts/check-nuget-consumer.sh [WORKDIR (default: a new temporary folder)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d -t f2b-nuget-XXXXXX)}
feed="$work/feed"; app="$work/app"
rm -rf "$feed" "$app"; mkdir -p "$feed" "$app/filters"
dotnet pack "$root/src/Fail2Ban.Core" -c Release -o "$feed" -v q -nologo >/dev/null
dotnet pack "$root/generators/Fail2Ban.Generators" -c Release -o "$feed" -v q -nologo >/dev/null
version=$(ls "$feed" | sed -n 's/^Fail2Ban\.Generators\.\(.*\)\.nupkg$/\1/p')

cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="feed" value="$feed" /></packageSources></configuration>
XML
write_project() {
  cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <Fail2BanNamespace>App.Filters</Fail2BanNamespace><Fail2BanRegexMode>$1</Fail2BanRegexMode>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Fail2Ban.Generators" Version="$version" />
    <Fail2BanFilter Include="filters/webapp.conf" />
  </ItemGroup>
</Project>
XML
}
cat > "$app/Program.cs" <<'CS'
using System;
using App.Filters;

var filter = new WebappFilter();
var hit = filter.Match("Nov 28 10:00:00 web1 webapp[42]: login failed for alice from 192.0.2.10");
var miss = filter.Match("Nov 28 10:00:01 web1 webapp[42]: login ok for bob");
Console.WriteLine(hit.Success + " " + hit.Host + " " + hit.User + " / " + miss.Success);
CS
good='[Definition]
failregex = ^\s*\S+ webapp\[\d+\]: login failed for <F-USER>\S+</F-USER> from <HOST>$'
for mode in Generated Compiled; do
  write_project "$mode"
  printf '%s\n' "$good" > "$app/filters/webapp.conf"
  out=$(cd "$app" && dotnet run -v q 2>&1)
  [ "$out" = "True 192.0.2.10 alice / False" ] || { echo "FAIL ($mode): app printed: $out"; exit 1; }
  echo "ok ($mode): $out"
done
printf '%s\n' "${good/failed for/failed (for}" > "$app/filters/webapp.conf"
if out=$(cd "$app" && dotnet build -v q 2>&1); then echo "FAIL: the broken filter built"; exit 1; fi
echo "$out" | grep -q 'filters/webapp.conf(2,[0-9]*): error F2B1010' || { echo "FAIL: no located error:"; echo "$out" | head -5; exit 1; }
echo "ok: broken filter -> $(echo "$out" | grep -o 'filters/webapp.conf([0-9,]*): error F2B1010' | head -1)"
