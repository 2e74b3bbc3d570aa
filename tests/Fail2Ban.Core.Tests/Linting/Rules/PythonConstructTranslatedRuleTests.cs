using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class PythonConstructTranslatedRuleTests
{
    private const string OpenLowerBound = @"^errors \(\d{,3}\) from <HOST>$";

    private static LintSettings Enabled() => new LintSettings().Set(RuleIds.RegexTranslated, LintSeverity.Info);

    [Fact]
    public void Open_lower_bound_written_by_the_author_is_reported_as_info_at_the_braces_when_enabled()
    {
        var report = LintHarness.Lint(LintHarness.Filter(OpenLowerBound), settings: Enabled());
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.RegexTranslated);
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal(2, f.Location.Line);
        Assert.Equal(25, f.Location.Column);
        Assert.Contains("{0,n}", f.Message);
    }

    [Fact]
    public void It_is_off_by_default()
    {
        Assert.Equal(LintSeverity.None, RuleCatalog.Get(RuleIds.RegexTranslated).DefaultSeverity);
        Assert.Empty(LintHarness.Findings(RuleIds.RegexTranslated, LintHarness.Filter(OpenLowerBound)));
    }

    [Fact]
    public void Named_groups_and_tag_expansions_are_spelling_only_and_not_reported()
    {
        var report = LintHarness.Lint(LintHarness.Filter(@"^(?P<code>\d+) (?P=code) from <HOST>$"), settings: Enabled());
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.RegexTranslated);
    }
}
