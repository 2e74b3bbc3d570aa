using System.Linq;
using System.Text;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Linting.Analysis;

public sealed class BacktrackingCounterTests
{
    private readonly ITestOutputHelper _output;

    public BacktrackingCounterTests(ITestOutputHelper output) => _output = output;

    private static BacktrackingCounter Counter(string pattern) => new(new RegexTreeIndex(PythonRegexParser.Parse(pattern)));

    private static BacktrackingGrowth? Growth(string pattern, string unit, string suffix, int maxCount = 4096) =>
        BacktrackingGrowth.Measure(Counter(pattern), n => string.Concat(Enumerable.Repeat(unit, n)) + suffix, maxCount);

    [Theory]
    [InlineData("^auth (\\w+) ok$", "auth bob ok", true)]
    [InlineData("^auth (\\w+) ok$", "auth bob no", false)]
    [InlineData("from (?P<h>\\d+)\\.(?P=h)$", "from 12.12", true)]
    [InlineData("from (?P<h>\\d+)\\.(?P=h)$", "from 12.13", false)]
    [InlineData("(?<=user )x+?y", "user xxy", true)]
    [InlineData("(?<!user )xy", "user xy", false)]
    [InlineData("a(?=b)", "ab", true)]
    [InlineData("a(?!b)", "ab", false)]
    [InlineData("(?i)USER", "a user", true)]
    [InlineData("^(?:ab|a)c$", "ac", true)]
    [InlineData("^x{2,3}$", "xxxx", false)]
    [InlineData("^(?>a+)a$", "aaa", false)]
    [InlineData("^a*+a$", "aaa", false)]
    [InlineData("\\bword\\b", "a word.", true)]
    public void Searches_like_python(string pattern, string text, bool matched)
    {
        var r = Counter(pattern).Search(text);
        Assert.False(r.Stopped);
        Assert.Equal(matched, r.Matched);
    }

    [Fact]
    public void Nested_repeats_grow_exponentially()
    {
        var g = Growth("(a+)+$", "a", "!")!;
        Assert.Equal(GrowthClass.Exponential, g.Class);
        Assert.InRange(g.Factor, 1.7, 2.3);
    }

    [Theory]
    [InlineData("\\s*\\s*\\s*x", " ", "!", 4)]  // three repeats at each of n start positions
    [InlineData("^\\s*\\s*\\s*x", " ", "!", 3)]
    [InlineData(".*.*=.*", "a", "", 3)]
    [InlineData("^.*b.*c$", "b", "!", 2)]
    public void Overlapping_repeats_grow_polynomially(string pattern, string unit, string suffix, int degree)
    {
        var g = Growth(pattern, unit, suffix)!;
        Assert.Equal(GrowthClass.Polynomial, g.Class);
        Assert.Equal(degree, (int)System.Math.Round(g.Degree));
    }

    [Theory]
    [InlineData("^\\d+$", "1", "x")]
    [InlineData("^user \\S+ from x$", "a", " ")]
    public void Unambiguous_repeats_grow_linearly(string pattern, string unit, string suffix)
    {
        Assert.Equal(GrowthClass.Linear, Growth(pattern, unit, suffix)!.Class);
    }

    [Fact]
    public void Deep_nesting_stops_instead_of_overflowing_the_stack()
    {
        // The parser refuses more nesting than Fail2Ban loads (EngineLimits.MaxRegexNesting): the deepest tree it gives.
        var depth = Fail2Ban.Core.Diagnostics.EngineLimits.MaxRegexNesting;
        var pattern = new StringBuilder();
        for (var i = 0; i < depth; i++) pattern.Append("(?:");
        pattern.Append("a*");
        for (var i = 0; i < depth; i++) pattern.Append(")*");
        var r = Counter(pattern.ToString()).Search(new string('a', 30) + "!", 200_000);
        Assert.True(r.Steps > 0);
        var deep = Counter("^(?:a|b)*$").Search(new string('a', 100_000) + "!");
        Assert.True(deep.Stopped);
    }

    [Fact]
    public void Calibration_patterns()
    {
        // The cases of scripts/calibrate-redos.py: steps here, seconds there (docs/rules/F2B4001.md, Calibration).
        var cases = new (string Pattern, string Prefix, string Unit, string Suffix, int[] Counts)[]
        {
            ("(a+)+$", "", "a", "!", new[] { 18, 20, 22 }),
            ("^(\\w+\\s?)*$", "", "ab ", "!", new[] { 14, 16, 18 }),
            ("^x=\"(?:\"+[^\"]*)*\"$", "x=\"", "\"", "y", new[] { 18, 20, 22 }),
            (".*.*=.*", "", "a", "", new[] { 200, 400, 800 }),
            ("\\s*\\s*\\s*x", "", " ", "!", new[] { 50, 100, 200 }),
            ("^user (?:[^(]+ )*x$", "user ", "a ", "!", new[] { 18, 20, 22 }),
            ("^\\s*(?:\\w+[\\w.-]*\\s+)?x", "", "a", "!", new[] { 1000, 2000, 4000 }),
            ("^a=(\\S+)\\S*=", "a=", "b", "!", new[] { 1000, 2000, 4000 }),
            ("^in \"x(?:\"+[^\"]*(?=\"))*?\" [a-z]+ at the end of the line$", "in \"x", "\"", new string('\u0001', 30), new[] { 16, 18, 20 }),
        };
        // All the counts (slow: hundreds of millions of steps) only when recalibrating: CALIBRATE_REDOS=1.
        var all = System.Environment.GetEnvironmentVariable("CALIBRATE_REDOS") == "1";
        foreach (var c in cases)
        {
            var counter = Counter(c.Pattern);
            foreach (var n in all ? c.Counts : c.Counts.Take(1))
            {
                var r = counter.Search(c.Prefix + string.Concat(Enumerable.Repeat(c.Unit, n)) + c.Suffix, long.MaxValue);
                Assert.False(r.Matched);
                _output.WriteLine(c.Pattern + "\t" + n + "\t" + r.Ops + "\t" + r.Scans + "\t" + r.CategoryScans);
            }
        }
    }
}
