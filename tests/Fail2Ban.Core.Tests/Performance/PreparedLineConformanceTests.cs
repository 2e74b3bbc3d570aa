using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Samples;
using Fail2Ban.Core.Tests.Config;
using Fail2Ban.Core.Tests.Conformance;
using Fail2Ban.Core.Tests.Infrastructure;
using Fail2Ban.Core.Text;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Performance;

/// <summary>
/// Lines prepared ahead (date search with the steady template, cut, regex searches) and then
/// processed in order must give exactly what plain in-order processing gives: every line's result,
/// the counters and the date template hits, for every corpus filter over its sample log.
/// Run alone (<see cref="ProcessWideSettingsCollection"/>): the parallel test lowers the process-wide
/// compile threshold, which would otherwise make every test running beside it compile its regexes to IL.
/// </summary>
[Collection(ProcessWideSettingsCollection.Name)]
public class PreparedLineConformanceTests
{
    private readonly ITestOutputHelper _output;

    public PreparedLineConformanceTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Lags() => new[] { new object[] { 1 }, new object[] { 7 }, new object[] { 64 } };

    [SkippableTheory]
    [MemberData(nameof(Lags))]
    public void Prepared_lines_give_the_results_of_plain_processing(int lag)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var problems = new List<string>();
        long lines = 0, reused = 0;
        foreach (var (name, compiled, path) in SampleCorpus.CompiledWithLogs())
        {
            var log = File.ReadAllText(path).Split('\n');
            RegexTestSession NewSession() => new(SampleCorpus.NewIsolatedMatcher(compiled));
            var plain = NewSession();
            var ahead = NewSession();
            var preparer = ahead.Matcher.CreatePreparer();
            var queue = new Queue<PreparedLine>();
            var next = 0;
            for (var i = 0; i < log.Length; i++)
            {
                while (next < log.Length && next <= i + lag) queue.Enqueue(preparer.Prepare(log[next++].TrimEnd('\r', '\n')));
                var prepared = queue.Dequeue();
                var a = plain.Process(i + 1, log[i]);
                var b = ahead.Process(i + 1, prepared);
                lines++;
                if (prepared.Scan is not null) reused++;
                var da = Describe(a);
                var db = Describe(b);
                if (da != db) problems.Add(name + ":" + (i + 1) + "\n  plain:    " + da + "\n  prepared: " + db);
            }
            var sa = Summary(plain);
            var sb = Summary(ahead);
            if (sa != sb) problems.Add(name + ": counters differ\n  plain:    " + sa + "\n  prepared: " + sb);
        }
        _output.WriteLine(lines + " lines, " + reused + " prepared with their searches");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        Assert.True(reused > lines / 20, "the preparer should have done the searches of many lines");
    }

    /// <summary>
    /// A session told that missed lines need no result (<see cref="RegexTestSession.NeedsMissedResult"/>)
    /// decides plain misses in place: the same verdict for every line, the result of every other line,
    /// and the same counters (prefregex matches included) as plain processing.
    /// </summary>
    [SkippableFact]
    public void Quiet_misses_give_the_counts_of_plain_processing()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var problems = new List<string>();
        long lines = 0, quiet = 0;
        foreach (var (name, compiled, path) in SampleCorpus.CompiledWithLogs())
        {
            var log = File.ReadAllText(path).Split('\n');
            var plain = new RegexTestSession(SampleCorpus.NewIsolatedMatcher(compiled));
            var terse = new RegexTestSession(SampleCorpus.NewIsolatedMatcher(compiled)) { NeedsMissedResult = () => false };
            for (var i = 0; i < log.Length; i++)
            {
                var a = plain.Process(i + 1, log[i]);
                var b = terse.Process(i + 1, log[i]);
                lines++;
                string da = Describe(a), db = Describe(b);
                if (b.Result is null && a.Result is not null)
                {
                    quiet++;
                    // Decided in place: only a plain miss may be.
                    da = a.Verdict + " " + a.Text;
                    if (a.Verdict != LineVerdict.Missed || a.Result.EntryCount > 0 || a.Result.IgnoreRegexMatched)
                        problems.Add(name + ":" + (i + 1) + " decided in place but plain processing says " + Describe(a));
                }
                if (da != db) problems.Add(name + ":" + (i + 1) + "\n  plain: " + da + "\n  quiet: " + db);
            }
            var sa = Summary(plain);
            var sb = Summary(terse);
            if (sa != sb) problems.Add(name + ": counters differ\n  plain: " + sa + "\n  quiet: " + sb);
        }
        _output.WriteLine(lines + " lines, " + quiet + " decided in place");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        Assert.True(quiet > lines / 20, "many corpus lines should be plain misses decided in place");
    }

    /// <summary>
    /// The whole pipeline on several threads (small batches, regexes compiled almost at once so
    /// compiled twins run on the workers) against plain processing, over each filter's sample log
    /// repeated.
    /// </summary>
    [SkippableFact]
    public void Parallel_stream_gives_the_results_of_plain_processing()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var problems = new List<string>();
        long lines = 0;
        var savedThreshold = TieredRegex.CompileAfterRuns;
        TieredRegex.CompileAfterRuns = 100;
        try
        {
            foreach (var (name, compiled, path) in SampleCorpus.CompiledWithLogs())
            {
                var text = File.ReadAllText(path);
                var log = string.Concat(Enumerable.Repeat(text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n", 4));
                RegexTestSession NewSession() => new(SampleCorpus.NewIsolatedMatcher(compiled));
                var plain = NewSession();
                var parallel = NewSession();
                var expected = new List<string>();
                using (var reader = new LogLineReader(new MemoryStream(Encoding.UTF8.GetBytes(log))))
                {
                    string? line;
                    long n = 0;
                    while ((line = reader.ReadLine()) is not null) expected.Add(Describe(plain.Process(++n, line)));
                }
                var actual = new List<string>();
                using (var reader = new LogLineReader(new MemoryStream(Encoding.UTF8.GetBytes(log))))
                using (var stream = new PreparedLineStream(reader, parallel.Matcher.CreatePreparer(), threads: 2, skipUnterminatedLastLine: false, batchLines: 7))
                {
                    long n = 0;
                    foreach (var prepared in stream) actual.Add(Describe(parallel.Process(++n, prepared)));
                }
                lines += expected.Count;
                if (expected.Count != actual.Count) problems.Add(name + ": " + expected.Count + " lines plain, " + actual.Count + " in parallel");
                for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
                    if (expected[i] != actual[i]) problems.Add(name + ":" + (i + 1) + "\n  plain:    " + expected[i] + "\n  parallel: " + actual[i]);
                var sa = Summary(plain);
                var sb = Summary(parallel);
                if (sa != sb) problems.Add(name + ": counters differ\n  plain:    " + sa + "\n  parallel: " + sb);
            }
        }
        finally
        {
            TieredRegex.CompileAfterRuns = savedThreshold;
        }
        _output.WriteLine(lines + " lines");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        Assert.True(lines > 1000, "the corpus should give many lines");
    }

    private static string Summary(RegexTestSession s) =>
        s.Summary + " pref=" + s.PrefRegexMatched + " fail=" + string.Join(",", s.FailRegexHits) +
        " ignore=" + string.Join(",", s.IgnoreRegexHits) + " dates=" +
        string.Join(",", s.Matcher.Dates.Templates.Select(t => t.Name + ":" + t.Hits));

    private static string Describe(TestedLine line)
    {
        var sb = new StringBuilder();
        sb.Append(line.Verdict).Append(' ').Append(line.Text);
        if (line.Result is not { } r) return sb.ToString();
        sb.Append(" | tuple=").Append(r.Tuple.Before).Append('|').Append(r.Tuple.DateText).Append('|').Append(r.Tuple.After);
        sb.Append(" time=").Append(r.Time?.ToString("R", CultureInfo.InvariantCulture)).Append(" nodate=").Append(r.NoDate);
        sb.Append(" template=").Append(r.DateTemplate).Append(" error=").Append(r.Error).Append(" pref=").Append(r.PrefRegexMatched);
        sb.Append(" ignore=").Append(string.Join(",", r.IgnoreRegexHits));
        foreach (var e in r.Entries)
        {
            sb.Append(" [#").Append(e.RegexIndex).Append(' ').Append(e.Id?.Text).Append(' ')
              .Append(e.Time?.ToString("R", CultureInfo.InvariantCulture)).Append(' ');
            foreach (var kv in e.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                sb.Append(kv.Key).Append('=').Append(Value(kv.Value)).Append(';');
            sb.Append(']');
        }
        return sb.ToString();
    }

    private static string Value(object? v) => v switch
    {
        null => "None",
        string s => "'" + s + "'",
        IpAddress a => a.Text,
        List<TupleLine> lines => "[" + string.Join(" / ", lines.Select(l => l.Full)) + "]",
        HashSet<string> set => "{" + string.Join(",", set.OrderBy(x => x, StringComparer.Ordinal)) + "}",
        IEnumerable items => "(" + string.Join(",", items.Cast<object?>().Select(Value)) + ")",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
