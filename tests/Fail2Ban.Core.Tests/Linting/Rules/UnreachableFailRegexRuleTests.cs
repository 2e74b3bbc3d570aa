using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UnreachableFailRegexRuleTests
{
    private const string Prefix = "prefregex = ^auth: <F-CONTENT>.+</F-CONTENT> denied$\n";

    [Fact]
    public void A_failregex_the_prefregex_content_can_never_hold_is_reported_at_its_line()
    {
        var filter = "[Definition]\nprefregex = ^auth: attempt <F-CONTENT>\\d+</F-CONTENT> denied$\nfailregex = ^from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnreachableFailRegex, filter));
        Assert.Equal((3, 13), (f.Location.Line, f.Location.Column));
        Assert.Equal("from 192.0.2.1", f.Evidence!.Line);
    }

    [Theory]
    [InlineData("failregex = ^from <HOST>$\n")]
    [InlineData("failregex = ^<F-NOFAIL>from</F-NOFAIL> \\S+$\n            ^from <HOST>$\n")]
    public void Reachable_and_address_less_failregexes_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.UnreachableFailRegex, "[Definition]\n" + Prefix + failregex));
    }
}
