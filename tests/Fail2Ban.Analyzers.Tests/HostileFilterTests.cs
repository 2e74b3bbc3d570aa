using System.Linq;
using System.Threading.Tasks;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Analyzers.Tests;

/// <summary>Hostile filters in the analyzer host: located errors, never AD0001 or a silently clean filter.</summary>
public sealed class HostileFilterTests
{
    [Fact]
    public async Task Deep_nesting_is_a_located_limit_error()
    {
        var conf = "[Definition]\nfailregex = ^" + new string('(', 10_000) + "a" + new string(')', 10_000) + " <HOST>$\n";
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/proj/filters/deep.conf", conf, (string?)"true") });
        var lines = diagnostics.Select(AnalyzerHarness.Format).ToList();
        Assert.Contains("/proj/filters/deep.conf(2," + ("failregex = ^".Length + EngineLimits.MaxRegexNesting + 1) + "): error F2B1009", lines);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Huge_repetition_is_linted_without_exhausting_memory()
    {
        var diagnostics = await AnalyzerHarness.Run(new[]
        {
            ("/proj/filters/rep.conf", "[Definition]\nfailregex = ^[a-z]{999999999} <HOST>$\n", (string?)"true"),
        });
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or DiagnosticIds.InternalError);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    public async Task Locations_after_a_Unicode_line_break_match_the_generators(string lineBreak)
    {
        var conf = "[Definition]\n# a comment" + lineBreak + "with a Unicode line break\nfailregex = ^(unclosed <HOST>\n";
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/proj/filters/u.conf", conf, (string?)"true") });
        Assert.Contains("/proj/filters/u.conf(4,14): error F2B1010", diagnostics.Select(AnalyzerHarness.Format));
    }

    [Fact]
    public async Task A_filter_at_the_nesting_limit_is_analyzed_by_every_rule_on_the_hosts_threads()
    {
        var depth = EngineLimits.MaxRegexNesting;
        var conf = "[Definition]\nfailregex = ^" + string.Concat(Enumerable.Repeat("(?:x|", depth)) + "a"
            + string.Concat(Enumerable.Repeat(")*", depth)) + " <HOST>$\n";
        var diagnostics = await AnalyzerHarness.Run(new[] { ("/proj/filters/deep.conf", conf, (string?)"true") });
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or DiagnosticIds.InternalError or DiagnosticIds.LimitExceeded);
    }
}
