using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class IgnoreRegexMatchesEverythingRuleTests
{
    private const string Fail = @"^auth failed for (?:root|admin|\S+) from <HOST>$";

    [Theory]
    [InlineData(".")]
    [InlineData("^.*$")]
    [InlineData(@"^\s*(?:\S+ )?")]
    public void An_ignoreregex_that_matches_any_line_is_an_error_at_its_line_with_an_ignored_failure_line(string ignore)
    {
        var text = "[Definition]\nfailregex = " + Fail + "\nignoreregex = " + ignore + "\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.IgnoreRegexMatchesEverything, text));
        Assert.Equal(LintSeverity.Error, f.Severity);
        Assert.Equal((3, 15), (f.Location.Line, f.Location.Column));
        Assert.Contains("matches any line", f.Message);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.StartsWith("auth failed for ", f.Evidence.Line);
    }

    [Fact]
    public void An_ignoreregex_that_matches_every_failure_line_by_its_text_is_reported()
    {
        var text = "[Definition]\nfailregex = " + Fail + "\n            ^auth failed: no such user from <HOST>$\nignoreregex = auth failed\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.IgnoreRegexMatchesEverything, text));
        Assert.Equal(4, f.Location.Line);
        Assert.Contains("matches every line the failregexes match", f.Message);
    }

    [Fact]
    public void An_ignoreregex_matching_the_first_alternative_only_is_not_reported()
    {
        // The plainest failure line has "root" (the first alternative); the other generated lines do not.
        var text = "[Definition]\nfailregex = " + Fail + "\nignoreregex = for root \n";
        Assert.Empty(LintHarness.Findings(RuleIds.IgnoreRegexMatchesEverything, text));
    }

    [Theory]
    [InlineData("^$")]
    [InlineData(@"for root from")]
    [InlineData(@"from 10\.0\.0\.1$")]
    [InlineData(@"^.x")]
    public void Ignoreregexes_for_some_lines_only_are_not_reported(string ignore)
    {
        var text = "[Definition]\nfailregex = " + Fail + "\n            ^auth failed: no such user from <HOST>$\nignoreregex = " + ignore + "\n";
        Assert.Empty(LintHarness.Findings(RuleIds.IgnoreRegexMatchesEverything, text));
    }
}
