using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class CaptureIncludesSeparatorRuleTests
{
    [Fact]
    public void A_capture_ending_with_a_colon_is_reported_with_the_captured_value_and_a_fix()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaptureIncludesSeparator,
            LintHarness.Filter(@"^<HOST> rejected recipient <F-RCPT>\S+@\S+:</F-RCPT> unknown user$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 55), (f.Location.Line, f.Location.Column));
        Assert.Contains("<F-RCPT>", f.Message);
        Assert.Equal(LintEvidenceKind.MatchedLine, f.Evidence!.Kind);
        Assert.Matches("rcpt = '[^']+:'", f.Evidence.Explanation);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((":</F-RCPT>", "</F-RCPT>:"), (edit.OldText, edit.NewText));
    }

    [Fact]
    public void A_named_group_starting_with_a_comma_is_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaptureIncludesSeparator,
            LintHarness.Filter(@"^<HOST> denied user(?P<user>, \w+)$")));
        Assert.Contains("group 'user'", f.Message);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("(?P<user>,", ",(?P<user>"), (edit.OldText, edit.NewText));
    }

    [Fact]
    public void A_capture_ending_with_an_unopened_quote_is_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaptureIncludesSeparator,
            LintHarness.Filter(@"^<HOST> login for user '<F-USER>[^']+'</F-USER> failed$")));
        Assert.Matches("user = '[^']+''", f.Evidence!.Explanation);
        Assert.Equal(("'</F-USER>", "</F-USER>'"), (f.Fix!.Edits[0].OldText, f.Fix.Edits[0].NewText));
    }

    [Fact]
    public void An_escaped_separator_is_located_and_moved_with_its_backslash()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaptureIncludesSeparator,
            LintHarness.Filter(@"^<HOST> rejected recipient <F-RCPT>\S+ failed\:</F-RCPT> unknown$")));
        Assert.Equal((2, 58, 2, 60), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"\:</F-RCPT>", @"</F-RCPT>\:"), (edit.OldText, edit.NewText));
    }

    [Theory]
    [InlineData(@"^<HOST> rejected recipient <F-RCPT>\S+@\S+</F-RCPT>: unknown user$")]
    [InlineData(@"^<HOST> rejected recipient <F-RCPT>[^:]+</F-RCPT>: unknown user$")]
    [InlineData(@"^(?P<host>\S+): rejected$")]
    [InlineData(@"^<HOST> login for user <F-USER>'[^']+'</F-USER> failed$")]
    [InlineData(@"^<HOST> requested <F-EXT>\.\w+</F-EXT>$")]
    public void Captures_without_a_separator_and_address_groups_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.CaptureIncludesSeparator, LintHarness.Filter(failregex)));
    }
}
