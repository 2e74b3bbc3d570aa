using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FilterLint.Tests;

/// <summary><c>filterlint show --json</c> prints exactly what Fail2Ban's reader produced for every corpus variant.</summary>
public sealed class ShowJsonConformanceTests
{
    private static readonly string[] Fields = { "prefregex", "failregex", "ignoreregex", "maxlines", "datepattern", "journalmatch", "usedns" };

    private readonly ITestOutputHelper _output;

    public ShowJsonConformanceTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void ShowJsonMatchesFail2BanForEveryCorpusVariant()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        using var tree = TempConfigTree.WithUpstreamCorpus(Corpus.MasterRoot);
        var lines = File.ReadAllLines(Path.Combine(Corpus.MasterRoot, "expected-resolved.jsonl")).Where(l => l.Length > 0).ToList();
        var failures = new List<string>();
        var passed = 0;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var record = doc.RootElement;
            var filter = record.GetProperty("filter").GetString()!;
            var options = record.GetProperty("options").EnumerateObject().Select(p => p.Name + "=\"" + p.Value.GetString() + "\"").ToList();
            var argument = options.Count == 0 ? filter : filter + "[" + string.Join(", ", options) + "]";
            var configDir = record.GetProperty("filter_dir").GetString() == "test-filter.d" ? tree.TestConfig : tree.StockConfig;
            var result = CliRunner.Run("show", "--json", "--config", configDir, argument);
            if (result.ExitCode != 0)
            {
                failures.Add(argument + ": exit " + result.ExitCode + " " + result.Stderr);
                continue;
            }
            using var actual = JsonDocument.Parse(result.Stdout);
            var expected = record.GetProperty("resolved");
            var names = actual.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            if (!names.SequenceEqual(Fields))
            {
                failures.Add(argument + ": keys " + string.Join(",", names));
                continue;
            }
            var diff = Fields.FirstOrDefault(f => !JsonEqual(expected.GetProperty(f), actual.RootElement.GetProperty(f)));
            if (diff is null) passed++;
            else failures.Add(argument + ": " + diff + " differs");
        }
        _output.WriteLine("show --json conformance: " + passed + "/" + lines.Count);
        Assert.True(failures.Count == 0, passed + "/" + lines.Count + " match; first failures:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(147, passed);
    }

    /// <summary>Structural equality of the JSON values Fail2Ban's results use (null, string, integer, array).</summary>
    private static bool JsonEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Number:
                return a.GetInt64() == b.GetInt64();
            case JsonValueKind.Array:
                var x = a.EnumerateArray().ToList();
                var y = b.EnumerateArray().ToList();
                return x.Count == y.Count && x.Zip(y).All(p => JsonEqual(p.First, p.Second));
            default:
                return a.ValueKind == JsonValueKind.Null;
        }
    }
}
