using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Matching.Linear;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Tests.Conformance;
using Fail2Ban.Core.Tests.Config;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>
/// A line whose backtracking search times out gets Fail2Ban's verdict from the linear machine (<see cref="LinearRetry"/>)
/// when the pattern allows it; otherwise it stays reported as timed out. No timing is asserted: the limits are made short so the backtracking engine surely runs past them.
/// </summary>
public sealed class LinearRetryTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    private static FilterMatcher Matcher(string conf, string path = "/f/t.conf")
    {
        var files = new InMemoryConfigFileSource().Add(path, conf);
        return Matcher(FilterReader.ReadFile(files, path));
    }

    private static FilterMatcher Matcher(ResolvedFilter filter) =>
        new(FilterCompiler.Compile(filter, new FilterCompileOptions { MatchTimeout = Short }), new MatcherOptions { Now = 1800000000 },
            new DateDetectorSettings { Now = 1800000000, LocalZone = LocalTimeZone.Utc });

    // The first alternative backtracks exponentially on a run of "a" before failing; the second then matches.
    private const string Exponential = "[Definition]\nfailregex = ^(?:(?:a|aa)+!|[a ]+) from <HOST>$\n";

    [Fact]
    public void An_exponential_failregex_that_times_out_still_bans_with_the_host_fail2ban_captures()
    {
        var line = new string('a', 60) + " from 192.0.2.7";
        var compiled = FilterCompiler.Compile(FilterReader.ReadFile(new InMemoryConfigFileSource().Add("/f/t.conf", Exponential), "/f/t.conf"),
            new FilterCompileOptions { MatchTimeout = Short });
        Assert.Throws<RegexMatchTimeoutException>(() => compiled.FailRegexes[0].Regex.Match(line + "\n")); // the path under test
        var result = Matcher(Exponential).ProcessLine(line);
        Assert.Empty(result.TimedOut);
        Assert.Equal("192.0.2.7", Assert.Single(result.Entries).Id!.Text);
    }

    [Fact]
    public void A_line_that_times_out_and_cannot_match_is_a_miss_not_a_time_out()
    {
        var result = Matcher(Exponential).ProcessLine(new string('a', 60) + " from nowhere!");
        Assert.Empty(result.TimedOut);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void A_timed_out_ignoreregex_still_ignores_the_line()
    {
        var conf = "[Definition]\nfailregex = from <HOST>$\nignoreregex = ^(?:(?:a|aa)+!|[a ]+) from\n";
        var result = Matcher(conf).ProcessLine(new string('a', 60) + " from 192.0.2.7");
        Assert.Empty(result.TimedOut);
        Assert.True(result.IgnoreRegexMatched);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void A_host_the_priorities_decide_is_the_one_python_captures()
    {
        // Greedy .* takes the last "from", as Python's re does (lazy priorities would take the first).
        var conf = "[Definition]\nfailregex = ^(?:(?:a|aa)+!|.*) from <HOST>( .*)?$\n";
        var result = Matcher(conf).ProcessLine(new string('a', 60) + " from 192.0.2.1 from 192.0.2.2");
        Assert.Empty(result.TimedOut);
        Assert.Equal("192.0.2.2", Assert.Single(result.Entries).Id!.Text);
    }

    [Fact]
    public void A_pattern_with_a_lookahead_keeps_the_timed_out_report()
    {
        // exim.conf's "SMTP protocol error" failregex has (?=") in its loop: the linear machine cannot run it.
        var conf = "[Definition]\nfailregex = ^(?:(?:a|aa)+!|[a ]+)(?= ) from <HOST>$\n";
        var result = Matcher(conf).ProcessLine(new string('a', 60) + " from 192.0.2.7");
        Assert.Single(result.TimedOut);
        Assert.Empty(result.Entries);
    }

    [Theory]
    // NonBacktracking gives h = "192.0.2.2" on the first two (the reason it is not used); Python and .NET backtracking "192.0.2.1".
    [InlineData(@"^(?:a+|.*?) from (?P<h>\d+\.\d+\.\d+\.\d+)( .*)?$", "aaaaaa from 192.0.2.1 from 192.0.2.2 x\n")]
    [InlineData(@"^(?:(?:a|aa)+?!|.*?) from (?P<h>(?:\d{1,3}?\.){3}\d{1,3}?)(?P<t> .*?)??$", "aaaaaa from 192.0.2.1 from 192.0.2.2\n")]
    [InlineData(@"(?P<a>a*?)(?P<b>a*)(?P<c>a|ab)(?P<d>c|bcd)(?P<e>d*)", "xaaabcd\n")]
    [InlineData(@"(?:(?P<a>a)|(?P<b>b))*(?P<c>c)?", "ababc\n")]
    [InlineData(@"(?:(?P<w>\w+)\s*)+$", "aa bb cc\n")]
    [InlineData(@"(?m)^(?P<l>\S+)$\n^(?P<m>x+)\b", "a b\nab\nxx\n")]
    [InlineData(@"(?i)(?P<u>USER)\B(?P<v>\w{0,3}?)\b", "a useroot b\n")]
    [InlineData(@"\A\s*(?P<e>é+)\Z", " éé")]
    [InlineData(@"(?P<x>[^\]]{2,4}?)(?P<y>\]{1,2})", "abc]]]\n")]
    [InlineData(@"[a \u0301]+\b(?P<r>.*)", "aaa\u0301 b\n")]
    [InlineData(@"^.*?\[(?P<host>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):))\]", "x [2001:db8::] y\n")]
    public void The_linear_machine_captures_what_the_backtracking_engine_captures(string python, string text)
    {
        var tree = PythonRegexParser.Parse(python);
        var backtracking = new Regex(DotNetRegexWriter.Write(tree), RegexOptions.CultureInvariant).Match(text);
        var program = LinearProgram.TryCompile(tree, RegexOptions.CultureInvariant);
        Assert.NotNull(program);
        var slots = LinearMatcher.Search(program!, text, 0, out _);
        Assert.Equal(backtracking.Success, slots is not null);
        Assert.Equal(backtracking.Index, slots![0]);
        Assert.Equal(backtracking.Index + backtracking.Length, slots[1]);
        foreach (var g in tree.Groups)
        {
            var expected = g.Name is { } name ? backtracking.Groups[name] : backtracking.Groups[PythonRegexTranslator.UnnamedGroupName(g.Number)];
            if (g.Name is null && !expected.Success) expected = backtracking.Groups[g.Number];
            Assert.Equal(expected.Success ? expected.Index : -1, slots[2 * g.Number]);
            Assert.Equal(expected.Success ? expected.Index + expected.Length : -1, slots[2 * g.Number + 1]);
        }
    }

    [Theory]
    [InlineData("(?:a:|::){1,7}(?:b|(?<=:):)", true)]
    [InlineData("(?:a:?|::){1,7}(?:b|(?<=:):)", false)] // "a" may end the loop
    [InlineData("x?(?<=:):", false)]
    [InlineData("(a)\\1", false)]
    [InlineData("(?:a*)*b", false)] // empty iterations
    [InlineData("a{2,}+", false)]
    [InlineData("(?=a)a", false)]
    [InlineData("[a-z]{999999999}", false)]
    public void Patterns_the_machine_cannot_run_are_refused(string python, bool runs)
    {
        Assert.Equal(runs, LinearProgram.TryCompile(PythonRegexParser.Parse(python), RegexOptions.CultureInvariant) is not null);
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("2001:db8::", "2001:db8::")]
    [InlineData("host.example.org", "host.example.org")]
    public void Fail2Bans_host_pattern_runs_without_its_lookbehind(string written, string host)
    {
        var result = Matcher(Exponential).ProcessLine(new string('a', 60) + " from " + written);
        Assert.Empty(result.TimedOut);
        Assert.Equal(host, Assert.Single(result.Entries).Id!.Text);
    }

    [SkippableFact]
    public void Postfix_recipient_with_16000_spaces_is_banned_as_fail2ban_bans_it()
    {
        // Fail2Ban 1.0.2 takes 37 s on this line (its prefregex's .+?…\s*$ is quadratic in the spaces) and bans 192.0.2.1.
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var filter = FilterReader.ReadFilter(UpstreamLayout.Load(Corpus.MasterRoot!), UpstreamLayout.ConfigDirFor("filter.d"), "postfix",
            new System.Collections.Generic.Dictionary<string, string>());
        var line = "Nov 28 10:00:00 mail postfix/smtpd[123]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <u@x>: " +
                   "Relay access denied; from=<a@b> to=<" + new string(' ', 16000) + "u@x> proto=ESMTP helo=<x>";
        var matcher = Matcher(filter);
        Assert.Throws<RegexMatchTimeoutException>(() => FilterCompiler.Compile(filter, new FilterCompileOptions { MatchTimeout = Short })
            .PrefRegex!.Regex.Match(line.Substring(16) + "\n")); // the path under test
        var result = matcher.ProcessLine(line);
        Assert.Empty(result.TimedOut);
        Assert.Equal("192.0.2.1", Assert.Single(result.Entries).Id!.Text);
    }

    [SkippableFact]
    public void On_corpus_lines_the_linear_engine_captures_what_the_backtracking_engine_captures()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var compared = 0;
        foreach (var (name, compiled, log) in SampleCorpus.CompiledWithLogs())
        {
            var regexes = compiled.FailRegexes.Concat(compiled.IgnoreRegexes).ToList();
            if (compiled.PrefRegex is { } pref) regexes.Add(pref);
            // The searched text is the line without its date: try the line and its rests after each of the first words.
            var texts = File.ReadLines(log).Where(l => !l.StartsWith("#", StringComparison.Ordinal)).Take(100)
                .SelectMany(Rests).Select(t => t + "\n").ToList();
            foreach (var regex in regexes)
            foreach (var text in texts)
            {
                if (!regex.TryMatchWithoutBacktracking(text, out var linear)) continue;
                var m = regex.Regex.Match(text);
                Assert.True(m.Success == (linear is not null), name + ": " + regex.Source + " on " + text);
                if (!m.Success) continue;
                compared++;
                foreach (var group in regex.GroupNames)
                    Assert.True(Same(m.Groups[group], linear!.Groups[group]), name + ": group " + group + " of " + regex.Source + " on " + text);
            }
        }
        Assert.True(compared > 1000, compared + " matches compared");
    }

    private static System.Collections.Generic.IEnumerable<string> Rests(string line)
    {
        yield return line;
        var at = 0;
        for (var words = 0; words < 6 && (at = line.IndexOf(' ', at) + 1) > 0; words++) yield return line.Substring(at);
    }

    private static bool Same(Group a, Group b) => a.Success == b.Success && (!a.Success || (a.Index == b.Index && a.Length == b.Length));
}
