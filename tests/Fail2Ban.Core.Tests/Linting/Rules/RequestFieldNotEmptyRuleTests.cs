using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class RequestFieldNotEmptyRuleTests
{
    private const string Date = "datepattern = ^[^\\[]*\\[({DATE})\n";

    [Fact]
    public void A_request_field_of_at_least_one_character_before_a_status_is_reported_with_the_empty_request_line()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.RequestFieldNotEmpty, LintHarness.Filter("^<HOST> - \\S+ \\[\\] \"[^\"]+\" 444", Date)));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((3, 33, 3, 38), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Contains("[14/Aug/2005:11:59:58 +0000] \"\" 444", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("+", "*", 3, 37), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void A_status_written_as_a_digit_repeat_counts()
    {
        Assert.Single(LintHarness.Findings(RuleIds.RequestFieldNotEmpty, LintHarness.Filter("^<HOST> - \\S+ \\[\\] \"[^\"]+\" \\d{3} \\d+$", Date)));
    }

    [Theory]
    [InlineData("^<HOST> - \\S+ \\[\\] \"[^\"]*\" 444")]
    [InlineData("^<HOST> - \\S+ \\[\\] \"[^\"]*\" \\d+ \\d+ \"[^\"]+\" \"[^\"]+\"$")]
    [InlineData("^<HOST> - \\S+ \"[^\"]+\" 444")]
    [InlineData("^<HOST> - \\S+ \\[\\] \"[^\"]+\" from")]
    public void Open_request_fields_user_agent_fields_and_fields_without_date_or_status_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.RequestFieldNotEmpty, LintHarness.Filter(failregex, Date)));
    }

    [SkippableFact]
    public void Master_nginx_bad_request_with_an_open_request_field_is_not_reported()
    {
        if (LintHarness.MasterFindings(RuleIds.RequestFieldNotEmpty, "nginx-bad-request") is { } findings) Assert.Empty(findings);
    }
}
