using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Tests.Performance;

/// <summary>The tiered regex must answer exactly as the regex it was built from, on every thread and tier.</summary>
public partial class TieredRegexTests
{
    private const string Pattern = @"^(?:\[\])?\s*(?<host>\S+) (?<daemon>sshd|cron)(?:\[(?<pid>\d+)\])?: (?<content>.+?)(?: port (?<port>\d+))?$";

    private static readonly string[] Inputs =
    {
        "[] host1 sshd[123]: Accepted publickey for root from 192.0.2.1 port 22",
        " host2 cron: (root) CMD (run-parts)",
        "host3 other[1]: nothing here",
        "host4 sshd: Connection closed port 4242",
    };

    [GeneratedRegex("a(b)c", RegexOptions.CultureInvariant)]
    private static partial Regex SourceGenerated();

    /// <summary>
    /// A regex from the SDK's source generator already runs compiled code (and is the only fast one
    /// under NativeAOT): it is never swapped for a run-time compiled copy, on any thread.
    /// </summary>
    [Fact]
    public void A_source_generated_regex_is_kept_on_every_thread()
    {
        var generated = SourceGenerated();
        var tiered = new TieredRegex(generated);
        for (var n = 0; n < TieredRegex.CompileAfterRuns * 2; n++) Assert.Same(generated, tiered.Current);
        Thread.Sleep(200); // a compile, had one started, would have been swapped in by now
        Assert.Same(generated, tiered.Current);
        Regex? other = null;
        var thread = new Thread(() => other = tiered.Current);
        thread.Start();
        thread.Join();
        Assert.Same(generated, other);
        Assert.Equal("b", tiered.Current.Match("xabc").Groups[1].Value);
    }

    [Fact]
    public async Task Every_thread_and_tier_matches_like_the_original()
    {
        var original = new Regex(Pattern, RegexOptions.CultureInvariant);
        var expected = Inputs.Select(i => Describe(original, original.Match(i))).ToArray();
        var tiered = new TieredRegex(new Regex(Pattern, RegexOptions.CultureInvariant));
        var problems = new List<string>();
        var runs = TieredRegex.CompileAfterRuns * 3;
        var tasks = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var n = 0; n < runs; n++)
            {
                var regex = tiered.Current;
                for (var i = 0; i < Inputs.Length; i++)
                {
                    var actual = Describe(regex, regex.Match(Inputs[i]));
                    if (actual != expected[i]) lock (problems) problems.Add(actual + " != " + expected[i]);
                }
                if (n % 500 == 0) Thread.Yield();
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.Empty(problems);
    }

    [Fact]
    public void Capture_spans_agree_with_groups()
    {
        var regex = new Regex(Pattern, RegexOptions.CultureInvariant);
        foreach (var input in Inputs)
        {
            var m = regex.Match(input);
            foreach (var number in regex.GetGroupNumbers())
            {
                var g = m.Groups[number];
                var found = CaptureSpans.TryGet(m, CaptureSpans.SlotOf(regex, number), number, out var index, out var length);
                Assert.Equal(g.Success, found);
                if (found) Assert.Equal((g.Index, g.Length), (index, length));
            }
        }
    }

    private static string Describe(Regex regex, Match m) =>
        m.Success ? string.Join("|", regex.GetGroupNumbers().Select(n => m.Groups[n].Success ? m.Groups[n].Index + ":" + m.Groups[n].Value : "-")) : "no match";
}
