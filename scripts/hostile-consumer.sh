#!/usr/bin/env bash
# Builds a consumer project whose filters are the nastiest the fuzzing found (deep nesting, huge repetition, a
# doubling tag chain, case-colliding names, bytes that are not UTF-8, UTF-16, a UTF-8 byte order mark, a U+2028 in a
# comment) next to a good filter, with the generator and the analyzer in the compiler. Expected: located errors on the bad filters,
# the good filter generated, no CS8785/AD0001, no compiler crash, well under a minute.
# Usage: scripts/hostile-consumer.sh [DIR]   (DIR defaults to a new temp directory; it is left for inspection)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir/filters"
cd "$dir"
python3 - <<'PY'
import os
f = "filters/"
def w(name, text, enc="utf-8"):
    open(f + name, "wb").write(text.encode(enc) if isinstance(text, str) else text)
good = "[Definition]\nfailregex = ^Login failed from <HOST>$\n"
w("good.conf", good)
w("deep.conf", "[Definition]\nfailregex = ^" + "(" * 10000 + "a" + ")" * 10000 + " <HOST>$\n")
w("rep.conf", "[Definition]\nfailregex = ^[a-z]{999999999} <HOST>$\n")
w("chain.conf", "[Definition]\nl0 = ab\n" + "".join("l%d = <l%d><l%d>\n" % (i, i - 1, i - 1) for i in range(1, 23)) + "failregex = ^<l22> <HOST>$\n")
w("ab.conf", good)
w("AB.conf", good)
w("latin.conf", b"[Definition]\n# caf\xe9\nfailregex = ^x <HOST>$\n")
w("wide.conf", "\ufeff" + good, "utf-16-le")
w("bom.conf", b"\xef\xbb\xbf" + good.encode())
w("u2028.conf", "[Definition]\n# a comment\u2028with a line break\nfailregex = ^(unclosed <HOST>\n")
PY
cat > Hostile.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generators/Fail2Ban.Generators/build/Fail2Ban.Generators.props" />
  <Import Project="$repo/analyzers/Fail2Ban.Analyzers/build/Fail2Ban.Analyzers.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Fail2BanNamespace>Hostile.Filters</Fail2BanNamespace>
    <Fail2BanRegexMode>Compiled</Fail2BanRegexMode>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generators/Fail2Ban.Generators/Fail2Ban.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/analyzers/Fail2Ban.Analyzers/Fail2Ban.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/src/Fail2Ban.Core/Fail2Ban.Core.csproj" />
    <Fail2BanFilter Include="filters/*.conf" />
    <AdditionalFiles Include="filters/*.conf" Fail2BanFilter="true" />
  </ItemGroup>
  <Import Project="$repo/generators/Fail2Ban.Generators/build/Fail2Ban.Generators.targets" />
</Project>
XML
echo 'class Program { static void Main() { _ = typeof(Hostile.Filters.GoodFilter); } }' > Program.cs
start=$(date +%s)
set +e
dotnet build -v q -p:EmitCompilerGeneratedFiles=true > build.log 2>&1
code=$?
set -e
echo "build exit code $code in $(( $(date +%s) - start )) s (log: $dir/build.log)"
grep -E "error|warning" build.log | grep -E "filters/" | sed 's|.*/filters/|filters/|' | cut -c1-160 | sort -u
if grep -qE "CS8785|AD0001|StackOverflow|Stack overflow" build.log; then echo "FAIL: generator or analyzer crash"; exit 1; fi
if ! grep -q "GoodFilter" build.log && ! find obj -name '*GoodFilter*.g.cs' | grep -q .; then echo "note: generated sources not found under obj"; fi
