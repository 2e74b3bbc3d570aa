using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class PythonConstructTranslatedRuleTests
{
    [Fact]
    public void Open_lower_bound_written_by_the_author_is_reported_as_info_at_the_braces()
    {
        var findings = LintHarness.Findings(RuleIds.RegexTranslated, LintHarness.Filter(@"^errors \(\d{,3}\) from <HOST>$"));
        var f = Assert.Single(findings);
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal(2, f.Location.Line);
        Assert.Equal(25, f.Location.Column);
        Assert.Contains("{0,n}", f.Message);
    }

    [Fact]
    public void Named_groups_and_tag_expansions_are_spelling_only_and_not_reported()
    {
        Assert.Empty(LintHarness.Findings(RuleIds.RegexTranslated, LintHarness.Filter(@"^(?P<code>\d+) (?P=code) from <HOST>$")));
    }
}
