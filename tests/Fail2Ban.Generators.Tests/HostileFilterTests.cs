using System.Linq;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Generators.Tests.Infrastructure;

namespace Fail2Ban.Generators.Tests;

/// <summary>
/// Hostile filters inside the compiler: each ends in a located error on its own <c>.conf</c>, never in a crash of
/// the generator (CS8785), and the other filters of the project are still generated.
/// </summary>
public sealed class HostileFilterTests
{
    private const string Good = "[Definition]\nfailregex = ^Login failed from <HOST>$\n";

    private static string Nested(int depth) =>
        "[Definition]\nfailregex = ^" + new string('(', depth) + "a" + new string(')', depth) + " <HOST>$\n";

    [Fact]
    public void Deep_nesting_is_a_located_limit_error_and_the_other_filters_are_generated()
    {
        var outcome = new GeneratorHarness().Filter("deep.conf", Nested(10_000)).Filter("good.conf", Good).Run();
        var line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/consumer/filters/deep.conf(2," + ("failregex = ^".Length + EngineLimits.MaxRegexNesting + 1) + "): error F2B1009: ", line);
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
        Assert.Empty(outcome.CompileErrors);
    }

    [Fact]
    public void A_filter_at_the_nesting_limit_is_generated()
    {
        var outcome = new GeneratorHarness().Filter("deep.conf", Nested(EngineLimits.MaxRegexNesting)).Run();
        Assert.DoesNotContain(outcome.DiagnosticLines, l => l.Contains(": error "));
        Assert.Contains("Consumer.Filters.DeepFilter.g.cs", outcome.HintNames);
    }

    [Fact]
    public void Huge_repetition_and_a_doubling_tag_chain_do_not_exhaust_the_compiler()
    {
        var chain = "[Definition]\nl0 = ab\n" + string.Concat(Enumerable.Range(1, 22).Select(i => $"l{i} = <l{i - 1}><l{i - 1}>\n"))
            + "failregex = ^<l22> <HOST>$\n";
        var outcome = new GeneratorHarness()
            .Filter("rep.conf", "[Definition]\nfailregex = ^[a-z]{999999999} <HOST>$\n")
            .Filter("chain.conf", chain)
            .Filter("good.conf", Good)
            .Run(parseOptions: null);
        Assert.Contains(outcome.DiagnosticLines, l => l.StartsWith("/consumer/filters/chain.conf(") && l.Contains("error F2B1005"));
        Assert.Contains("Consumer.Filters.GoodFilter.g.cs", outcome.HintNames);
    }
}
