using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class HostWhereAddrMeantRuleTests
{
    [Fact]
    public void Host_after_an_ip_label_is_reported_once_with_a_fix_for_every_place()
    {
        var text = "[Definition]\nfailregex = ^login failed ip=<HOST>$\n            ^auth failed, IP address <HOST> rejected$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.HostWhereAddrMeant, text));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal((2, 30), (f.Location.Line, f.Location.Column));
        Assert.Equal(2, f.Fix!.Edits.Count);
        Assert.All(f.Fix.Edits, e => Assert.Equal(("<HOST>", "<ADDR>"), (e.OldText, e.NewText)));
    }

    [Theory]
    [InlineData(@"^login failed from <HOST>$")]
    [InlineData(@"^login failed rip=<ADDR>$")]
    [InlineData(@"^login failed zip=<HOST>$")]
    public void Other_labels_and_addr_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.HostWhereAddrMeant, LintHarness.Filter(failregex)));
    }
}
