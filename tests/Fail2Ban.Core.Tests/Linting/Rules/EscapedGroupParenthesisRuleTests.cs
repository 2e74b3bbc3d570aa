using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class EscapedGroupParenthesisRuleTests
{
    [Fact]
    public void Escaped_parenthesis_before_question_colon_is_reported_at_it()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.EscapedGroupParenthesis, LintHarness.Filter(@"^login \(?:failed\) from <HOST>$")));
        Assert.Equal((2, 20, 24), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
    }

    [Theory]
    [InlineData(@"^login (?:failed|refused) from <HOST>$")]
    [InlineData(@"^login \(?failed\)? from <HOST>$")]
    public void Groups_and_optional_literal_parentheses_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.EscapedGroupParenthesis, LintHarness.Filter(failregex)));
    }
}
