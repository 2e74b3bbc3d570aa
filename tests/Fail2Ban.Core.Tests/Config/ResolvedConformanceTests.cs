using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Config;

/// <summary>Every filter variant of the corpus resolves to exactly the strings Fail2Ban's reader produced (expected-resolved.jsonl).</summary>
public sealed class ResolvedConformanceTests
{
    private readonly ITestOutputHelper _output;

    public ResolvedConformanceTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void AllCorpusVariantsResolveExactlyAsFail2Ban()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var files = UpstreamLayout.Load(Corpus.MasterRoot);
        var lines = File.ReadAllLines(Path.Combine(Corpus.MasterRoot, "expected-resolved.jsonl")).Where(l => l.Length > 0).ToList();
        var failures = new List<string>();
        var passed = 0;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var record = doc.RootElement;
            var filter = record.GetProperty("filter").GetString()!;
            var options = record.GetProperty("options").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var label = filter + JsonSerializer.Serialize(options);
            var expectError = record.TryGetProperty("error", out var err) && err.ValueKind != JsonValueKind.Null;
            try
            {
                var resolved = FilterReader.ReadFilter(files, UpstreamLayout.ConfigDirFor(record.GetProperty("filter_dir").GetString()!), filter, options);
                if (expectError)
                {
                    failures.Add(label + ": expected error " + err + " but resolved");
                    continue;
                }
                var diff = ResolvedJson.Compare(record.GetProperty("resolved"), resolved);
                if (diff is null) passed++;
                else failures.Add(label + ": " + diff);
            }
            catch (Fail2BanException e)
            {
                if (expectError) passed++;
                else failures.Add(label + ": " + e.ToDiagnosticString());
            }
        }
        _output.WriteLine("resolved conformance: " + passed + "/" + lines.Count);
        foreach (var f in failures.Take(20)) _output.WriteLine(f);
        Assert.True(failures.Count == 0, passed + "/" + lines.Count + " variants match; first failures:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(147, lines.Count);
    }
}
