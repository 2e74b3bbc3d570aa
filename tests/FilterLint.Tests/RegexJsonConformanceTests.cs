using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FilterLint.Tests;

/// <summary>
/// <c>filterlint regex --json</c> gives Fail2Ban's verdicts: every corpus variant's processed lines,
/// written to a log in processing order and run through the CLI in the sample test's environment,
/// agree with expected.jsonl (what Fail2Ban produced) on match, failregex, host, user and time.
/// </summary>
public sealed class RegexJsonConformanceTests
{
    private const string Zone = "CET-01CEST-02,M3.5.0,M10.5.0";
    private readonly ITestOutputHelper _output;

    public RegexJsonConformanceTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void RegexJsonAgreesWithFail2BanOnEveryAnnotatedLine()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        using var tree = TempConfigTree.WithUpstreamCorpus(Corpus.MasterRoot);
        var records = File.ReadLines(Path.Combine(Corpus.MasterRoot, "expected.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("processed").GetBoolean())
            .ToList();
        var variants = records.GroupBy(r => (r.GetProperty("filter_dir").GetString()!, r.GetProperty("filter").GetString()!,
            r.GetProperty("variant").GetString()!));
        int checkedLines = 0, agree = 0, annotated = 0;
        var failures = new List<string>();
        var dir = Directory.CreateTempSubdirectory("filterlint-regex-").FullName;
        try
        {
            foreach (var variant in variants)
            {
                var list = variant.ToList();
                var options = list[0].GetProperty("options").EnumerateObject()
                    .Select(p => (p.Name, Value: p.Value.ToString())).ToList();
                var filterOptions = options.Where(o => !o.Name.StartsWith("test.")).Select(o => o.Name + "=\"" + o.Value + "\"").ToList();
                var name = variant.Key.Item2;
                var argument = filterOptions.Count == 0 ? name : name + "[" + string.Join(", ", filterOptions) + "]";
                var log = Path.Combine(dir, "log");
                // expected.jsonl's text already carries a journal variant's test.prefix-line
                File.WriteAllText(log, string.Concat(list.Select(r => r.GetProperty("text").GetString() + "\n")), new UTF8Encoding(false));
                var configDir = variant.Key.Item1 == "test-filter.d" ? tree.TestConfig : tree.StockConfig;
                var result = CliRunner.Run("regex", "--json", "--now", "1124013600", "--timezone", Zone, "--config", configDir, log, argument);
                Assert.True(result.ExitCode == 0, argument + ": exit " + result.ExitCode + ": " + result.Stderr);
                var lines = result.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
                Assert.True(lines.Length == list.Count, argument + ": " + lines.Length + " JSON lines for " + list.Count + " log lines");
                for (var i = 0; i < list.Count; i++)
                {
                    var want = list[i];
                    using var got = JsonDocument.Parse(lines[i]);
                    checkedLines++;
                    if (want.GetProperty("annotated").GetBoolean()) annotated++;
                    var diff = Compare(want, got.RootElement);
                    if (diff is null) agree++;
                    else if (failures.Count < 30) failures.Add(argument + " line " + (i + 1) + ": " + diff + "\n    " + want.GetProperty("text").GetString());
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        _output.WriteLine("regex --json: " + agree + "/" + checkedLines + " lines agree (" + annotated + " annotated)");
        Assert.True(failures.Count == 0, agree + "/" + checkedLines + " agree:\n" + string.Join("\n", failures));
        Assert.Equal(1809, annotated);
    }

    private static string? Compare(JsonElement want, JsonElement got)
    {
        var match = want.GetProperty("match").GetBoolean();
        if (got.GetProperty("match").GetBoolean() != match) return "match: expected " + match;
        if (!match) return null;
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (want.GetProperty("regex").GetInt32() != got.GetProperty("regex").GetInt32()) return "regex differs";
        if (Str(want, "host") != Str(got, "host")) return "host: expected " + Str(want, "host") + ", got " + Str(got, "host");
        if (Str(want, "user") != Str(got, "user")) return "user: expected " + Str(want, "user") + ", got " + Str(got, "user");
        if (Str(want, "time_local") != Str(got, "time")) return "time: expected " + Str(want, "time_local") + ", got " + Str(got, "time");
        if (Str(want, "ip") != Str(got, "ip")) return "ip: expected " + Str(want, "ip") + ", got " + Str(got, "ip");
        return null;
    }
}
