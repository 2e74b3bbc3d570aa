using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class GreedyCatchAllBeforeHostRuleTests
{
    [Fact]
    public void Greedy_catch_all_before_host_without_end_anchor_is_reported_with_an_injected_line()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.GreedyCatchAllBeforeHost, LintHarness.Filter(@"^Bad request .* from <HOST> port \d+")));
        Assert.Equal((2, 26), (f.Location.Line, f.Location.Column));
        Assert.Equal(LintEvidenceKind.InjectedLine, f.Evidence!.Kind);
        Assert.Equal("192.0.2.254", f.Evidence.BannedAddress);
    }

    [Fact]
    public void A_second_catch_all_after_the_host_is_reported_too()
    {
        Assert.Single(LintHarness.Findings(RuleIds.GreedyCatchAllBeforeHost, LintHarness.Filter(@"^Bad request .* from <HOST>.*$")));
    }

    [Theory]
    [InlineData(@"^Bad request .* from <HOST> port \d+$")]
    [InlineData(@"^Bad request .*? from <HOST> port \d+")]
    [InlineData(@"^Bad request \S+ from <HOST> port \d+")]
    [InlineData(@"^Bad request .* from <HOST>")]
    public void End_anchored_lazy_precise_or_host_last_regexes_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.GreedyCatchAllBeforeHost, LintHarness.Filter(failregex)));
    }
}
