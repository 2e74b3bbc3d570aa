using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Tests.Conformance;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Performance;

/// <summary>
/// <see cref="FilterMatcher.TryProcessLine"/> (the typed matchers' path: nothing made for a line
/// that yields nothing) must say "nothing" exactly when plain processing reports nothing, give the
/// same result otherwise, and leave the matcher in the same state (checked by running both side by
/// side over whole logs: a state difference shows up in later lines).
/// </summary>
public class QuietMissTests
{
    private readonly ITestOutputHelper _output;

    public QuietMissTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void TryProcessLine_reports_exactly_what_plain_processing_reports_over_the_corpus()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var problems = new List<string>();
        long lines = 0, quiet = 0, reported = 0;
        foreach (var (name, compiled, path) in SampleCorpus.CompiledWithLogs())
        {
            var plain = SampleCorpus.NewIsolatedMatcher(compiled);
            var sparse = SampleCorpus.NewIsolatedMatcher(compiled);
            // Twice over: the second pass runs with the state (dates, ids) the first one left.
            var log = File.ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith("#", StringComparison.Ordinal)).ToList();
            log.AddRange(log.ToList());
            for (var i = 0; i < log.Count; i++)
            {
                lines++;
                var a = plain.ProcessLine(log[i]);
                var expected = a.Error is not null || a.Entries.Count > 0 || a.IgnoreRegexMatched || a.TimedOut.Count > 0;
                var got = sparse.TryProcessLine(log[i], out var b);
                if (got != expected || got != (b is not null))
                {
                    problems.Add(name + ":" + (i + 1) + ": plain reports " + expected + ", TryProcessLine " + got + " (" + log[i] + ")");
                    continue;
                }
                if (!got)
                {
                    quiet++;
                    continue;
                }
                reported++;
                var da = Describe(a);
                var db = Describe(b!);
                if (da != db) problems.Add(name + ":" + (i + 1) + "\n  plain:  " + da + "\n  sparse: " + db);
            }
            var ta = string.Join(",", plain.Dates.Templates.Select(t => t.Template.Name + "=" + t.Hits));
            var tb = string.Join(",", sparse.Dates.Templates.Select(t => t.Template.Name + "=" + t.Hits));
            if (ta != tb) problems.Add(name + ": date templates differ");
        }
        _output.WriteLine(lines + " lines: " + quiet + " quiet, " + reported + " reported");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        Assert.True(quiet > 0 && reported > 0, "the corpus has lines of both kinds");
    }

    /// <summary>
    /// A huge line (no date, then a failure at its end) gets the verdict plain processing gives. 1 M characters is
    /// 16 times the longest buffer the in-place search keeps (64 K, InPlaceLineSearch.MaxRetainedBuffer): the
    /// huge-line path, at a tenth of the 10 MB first used here (30 s of the suite for the same path).
    /// </summary>
    [Fact]
    public void A_huge_line_gets_the_verdict_of_plain_processing()
    {
        var conf = "[Definition]\nfailregex = failure from <HOST>$\n";
        var files = new InMemoryConfigFileSource().Add("/etc/fail2ban/filter.d/huge.conf", conf);
        var compiled = FilterCompiler.Compile(FilterReader.ReadFilter(files, "/etc/fail2ban", "huge", new Dictionary<string, string>()));
        FilterMatcher NewMatcher() => new(compiled, new MatcherOptions { Now = 1800000000 },
            new DateDetectorSettings { Now = 1800000000, LocalZone = LocalTimeZone.Parse("UTC") });
        var filler = new string('x', 1024 * 1024);
        foreach (var line in new[] { filler, filler + " failure from 192.0.2.1", "short line" })
        {
            var plain = NewMatcher().ProcessLine(line);
            var reported = NewMatcher().TryProcessLine(line, out var sparse);
            Assert.Equal(plain.Entries.Count > 0, reported);
            if (reported) Assert.Equal(plain.Entries[0].Id!.Text, sparse!.Entries[0].Id!.Text);
        }
    }

#if NET
    /// <summary>
    /// A line that yields nothing allocates nothing once the matcher is warm: lines without the
    /// failregexes' literals, and lines that have them but do not match (with a prefregex, its
    /// F-CONTENT is found without a string per line). With a real clock and with a fixed "now".
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void A_line_that_yields_nothing_allocates_nothing(bool withPrefRegex, bool fixedNow)
    {
        var conf = withPrefRegex
            ? "[Definition]\nprefregex = ^\\s*\\S+ sshd\\[\\d+\\]: <F-CONTENT>.+</F-CONTENT>$\n" +
              "failregex = ^Failed password for <F-USER>\\S+</F-USER> from <HOST> port \\d+\n" +
              "            ^Invalid user <F-USER>\\S+</F-USER> from <HOST>\n"
            : "[Definition]\nfailregex = ^\\s*\\S+ sshd\\[\\d+\\]: Failed password for <F-USER>\\S+</F-USER> from <HOST> port \\d+\n" +
              "            ^\\s*\\S+ sshd\\[\\d+\\]: Invalid user <F-USER>\\S+</F-USER> from <HOST>\n";
        var files = new InMemoryConfigFileSource().Add("/etc/fail2ban/filter.d/quiet.conf", conf);
        var compiled = FilterCompiler.Compile(FilterReader.ReadFilter(files, "/etc/fail2ban", "quiet", new Dictionary<string, string>()));
        double? now = fixedNow ? 1800000000 : null;
        var matcher = new FilterMatcher(compiled, fixedNow ? new MatcherOptions { Now = 1800000000 } : new MatcherOptions(), new DateDetectorSettings { Now = now, LocalZone = LocalTimeZone.Parse("UTC") });

        // Lines of the shapes a server writes: a failure and misses of several kinds (other program,
        // same program without a failure, a failregex's literal present but no match), times moving on.
        string Line(int i, string rest) => "Jan 23 21:" + (i / 60 % 60).ToString("00") + ":" + (i % 60).ToString("00") + " host " + rest;
        var misses = new List<string>
        {
            "CRON[1234]: pam_unix(cron:session): session opened for user root",
            "sshd[999]: Accepted publickey for admin from 192.0.2.7 port 50122 ssh2",
            "kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.3",
            "sshd[999]: Failed password for admin from nowhere",
        };
        var n = 0;
        for (var round = 0; round < 3000; round++)
        {
            Assert.True(matcher.TryProcessLine(Line(n++, "sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2"), out var hit));
            Assert.Equal("203.0.113.9", hit!.Failures.Single().Id!.Text);
            foreach (var miss in misses) Assert.False(matcher.TryProcessLine(Line(n++, miss), out _));
        }

        // Steady state: a regex that has run often is compiled on a background thread and swapped in
        // at its next use (a one-time allocation), so a window may catch that moment; a later one may not.
        long allocated = -1;
        for (var attempt = 0; attempt < 5 && allocated != 0; attempt++)
        {
            if (attempt > 0) System.Threading.Thread.Sleep(200);
            var lines = new List<string>();
            for (var i = 0; i < 400; i++) lines.Add(Line(n++, misses[i % misses.Count]));
            var before = GC.GetAllocatedBytesForCurrentThread();
            var reportedAny = false;
            foreach (var line in lines) reportedAny |= matcher.TryProcessLine(line, out _);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.False(reportedAny);
        }
        Assert.Equal(0, allocated);
    }
#endif

    private static string Describe(LineResult r)
    {
        var sb = new StringBuilder();
        sb.Append("time=").Append(r.Time).Append(" nodate=").Append(r.NoDate).Append(" tpl=").Append(r.DateTemplate)
            .Append(" err=").Append(r.Error).Append(" tuple=").Append(r.Tuple.Before).Append('|').Append(r.Tuple.DateText).Append('|').Append(r.Tuple.After)
            .Append(" ignore=").Append(string.Join(",", r.IgnoreRegexHits)).Append(" timeout=").Append(r.TimedOut.Count);
        foreach (var e in r.Entries)
            sb.Append(" [").Append(e.RegexIndex).Append(' ').Append(e.Id?.Text).Append(' ').Append(e.Time).Append(' ').Append(e.IsNoFail).Append(' ').Append(e.User).Append(']');
        return sb.ToString();
    }
}
