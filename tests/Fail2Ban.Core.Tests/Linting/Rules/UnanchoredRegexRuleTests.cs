using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UnanchoredRegexRuleTests
{
    [Fact]
    public void A_failregex_without_caret_is_reported_with_a_fake_failure_inside_attacker_text()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@"Login failed from <HOST>$")));
        Assert.Equal((2, 13), (f.Location.Line, f.Location.Column));
        Assert.Equal("192.0.2.254", f.Evidence!.BannedAddress);
    }

    [Fact]
    public void Caret_followed_by_a_catch_all_anchors_nothing()
    {
        Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@"^.*Login failed from <HOST>$")));
    }

    [Theory]
    [InlineData(@"^Login failed from <HOST>$")]
    [InlineData(@"^(?:Login|Auth) failed from <HOST>$")]
    [InlineData(@"^\s*Login failed from <HOST>$")]
    public void Anchored_regexes_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void A_whole_first_line_in_a_multi_line_regex_is_anchored()
    {
        var text = LintHarness.Filter(@"^.*\nWARNING: Authentication attempt from <HOST> failed\.$", "maxlines = 2");
        Assert.Empty(LintHarness.Findings(RuleIds.UnanchoredRegex, text));
    }
}
