using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UnexpandedTagRuleTests
{
    [Theory]
    [InlineData(@"^login failed from <host>$", "<host>")]
    [InlineData(@"^login failed from <IP>$", "<IP>")]
    [InlineData(@"^login failed from <ADRR>$", "<ADRR>")]
    [InlineData(@"^login failed for <F-user>\S+</F-user> from <ADDR>$", "<F-user>")]
    public void Misspelt_or_miscased_tags_are_reported(string failregex, string tag)
    {
        var findings = LintHarness.Findings(RuleIds.UnexpandedTag, LintHarness.Filter(failregex));
        Assert.Contains(findings, f => f.Message.Contains(tag));
    }

    [Fact]
    public void A_closing_tag_without_opening_is_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnexpandedTag, LintHarness.Filter(@"^user \S+</F-USER> from <HOST>$")));
        Assert.Contains("no opening", f.Message);
    }

    [Theory]
    [InlineData(@"^<HOST> \S+ <NOSRV> -1/-1 401$")]
    [InlineData(@"^(?P<USER>\S+) failed from <HOST> (?P=USER)$")]
    [InlineData(@"^user=<info> from <HOST>$")]
    public void Log_text_in_angle_brackets_and_group_syntax_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.UnexpandedTag, LintHarness.Filter(failregex)));
    }
}
