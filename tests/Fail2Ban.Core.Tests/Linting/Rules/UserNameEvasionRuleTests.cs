using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UserNameEvasionRuleTests
{
    [Fact]
    public void A_quoted_user_name_without_spaces_lets_a_name_with_a_space_slip_through()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UserNameEvasion, LintHarness.Filter(@"^auth failed for user ""\S+"" from <HOST>$")));
        Assert.Equal((2, 36), (f.Location.Line, f.Location.Column));
        Assert.Contains("\"john doe\"", f.Evidence!.Line);
        Assert.Contains("missed", f.Evidence.Explanation);
        Assert.Equal("[^\"]+", Assert.Single(f.Fix!.Edits).NewText);
    }

    [Fact]
    public void A_key_value_user_field_is_delimited_too()
    {
        Assert.Single(LintHarness.Findings(RuleIds.UserNameEvasion, LintHarness.Filter(@"^auth failure; ruser=\S* rhost=<HOST>$")));
    }

    [Theory]
    [InlineData(@"^auth failed for user ""[^""]+"" from <HOST>$")]
    [InlineData(@"^auth failed for user \S+ from <HOST>$")]
    [InlineData(@"^auth failed for user ""\d+"" from <HOST>$")]
    public void Names_matched_up_to_their_quote_and_undelimited_words_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.UserNameEvasion, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void The_address_list_after_forwarded_for_is_not_a_user_name()
    {
        var filter = LintHarness.Filter(@"^FAILED LOGIN for \S+ \[<HOST>\](\(forwarded for \[\S+\]\))? to Horde$");
        Assert.Empty(LintHarness.Findings(RuleIds.UserNameEvasion, filter));
    }
}
