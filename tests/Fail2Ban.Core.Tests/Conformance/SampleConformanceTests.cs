using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Conformance;

/// <summary>
/// The judge of the matcher: Fail2Ban's own sample corpus, replayed as upstream's sample test
/// does, and compared record by record with what Fail2Ban itself produced (expected.jsonl).
/// </summary>
public class SampleConformanceTests
{
    private readonly ITestOutputHelper _output;

    public SampleConformanceTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> FilterCases() =>
        SampleCorpus.Filters().Select(f => new object[] { f.Dir, f.Name }).DefaultIfEmpty(new object[] { "", "" });

    [SkippableTheory]
    [MemberData(nameof(FilterCases))]
    public void Samples_agree_with_failJSON_and_every_failregex_has_a_sample(string dir, string name)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var replay = SampleCorpus.CreateReplay(dir, name);
        var problems = new List<string>();
        var evaluated = 0;
        foreach (var e in replay.Run())
        {
            if (!e.Processed) continue;
            evaluated++;
            foreach (var p in e.Problems)
                problems.Add(e.Variant + " " + e.File + ":" + e.Entry.LineNumber + ": " + p + "\n    " + e.Entry.Text);
        }
        foreach (var (variant, index, regex) in replay.UnusedRegexes())
            problems.Add(variant + ": Regex has no samples: " + index + ": " + regex);
        _output.WriteLine(name + ": " + evaluated + " evaluations, " + problems.Count + " problems");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(evaluated > 0, "no sample line was evaluated");
    }

    /// <summary>Every record of expected.jsonl: verdict, failregex index, host/id, user and time as Fail2Ban produced them.</summary>
    [SkippableFact]
    public void Every_record_agrees_with_what_Fail2Ban_produced()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var expected = File.ReadLines(Path.Combine(Corpus.MasterRoot, "expected.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var byFilter = expected.GroupBy(r => (r.GetProperty("filter_dir").GetString()!, r.GetProperty("filter").GetString()!));
        int records = 0, agree = 0, annotated = 0, annotatedAgree = 0;
        var failures = new StringBuilder();
        foreach (var group in byFilter)
        {
            var actual = SampleCorpus.CreateReplay(group.Key.Item1, group.Key.Item2).Run().ToList();
            var want = group.ToList();
            Assert.True(actual.Count == want.Count, group.Key.Item2 + ": " + actual.Count + " evaluations, Fail2Ban made " + want.Count);
            for (var i = 0; i < want.Count; i++)
            {
                var w = want[i];
                var a = actual[i];
                records++;
                var diff = Compare(w, a);
                var isAnnotated = w.GetProperty("annotated").GetBoolean() && w.GetProperty("processed").GetBoolean();
                if (isAnnotated) annotated++;
                if (diff is null)
                {
                    agree++;
                    if (isAnnotated) annotatedAgree++;
                }
                else if (failures.Length < 20000)
                {
                    failures.Append(group.Key.Item2).Append(' ').Append(a.Variant).Append(' ').Append(a.File).Append(':')
                        .Append(a.Entry.LineNumber).Append(": ").Append(diff).Append("\n    ").Append(a.Entry.Text).Append('\n');
                }
            }
        }
        _output.WriteLine($"{agree}/{records} records agree; annotated evaluations: {annotatedAgree}/{annotated}");
        Assert.True(agree == records, $"{agree}/{records} records agree:\n{failures}");
        Assert.Equal(1809, annotated);
    }

    private static string? Compare(JsonElement w, Samples.SampleEvaluation a)
    {
        if (w.GetProperty("line").GetInt32() != a.Entry.LineNumber || w.GetProperty("file").GetString() != a.File)
            return "out of step with expected.jsonl (line " + w.GetProperty("line").GetInt32() + ")";
        var processed = w.GetProperty("processed").GetBoolean();
        if (processed != a.Processed) return "processed: expected " + processed;
        if (!processed) return null;
        var match = w.GetProperty("match").GetBoolean();
        var found = a.Found;
        if (match != (found.Count > 0)) return "match: expected " + match + ", got " + (found.Count > 0);
        if (!match) return null;
        var f = found[0];
        var regex = w.GetProperty("regex").GetInt32();
        if (regex != f.RegexIndex) return "regex: expected " + regex + ", got " + f.RegexIndex;
        var host = w.GetProperty("host").GetString();
        if (host != f.Id?.Text) return "host: expected " + host + ", got " + f.Id?.Text;
        var user = w.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        if (user != f.User) return "user: expected " + user + ", got " + f.User;
        double? time = w.TryGetProperty("time_epoch", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
        if (time != f.Time) return "time: expected " + time?.ToString(CultureInfo.InvariantCulture) + ", got " + f.Time?.ToString(CultureInfo.InvariantCulture);
        return null;
    }
}
