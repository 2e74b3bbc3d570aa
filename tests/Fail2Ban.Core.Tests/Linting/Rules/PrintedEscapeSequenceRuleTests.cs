using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class PrintedEscapeSequenceRuleTests
{
    [Fact]
    public void A_required_printed_newline_is_reported_where_it_is_written_with_the_line_without_it()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.PrintedEscapeSequence, LintHarness.Filter(@"^<HOST> said 'no such page\\n'$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 39, 2, 42), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.EndsWith("said 'no such page'", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"\\n", @"(?:\\n)?", 2, 39), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void A_printed_carriage_return_and_newline_are_one_finding()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.PrintedEscapeSequence, LintHarness.Filter(@"^<HOST> said 'bad\\r\\n'$")));
        Assert.Equal(@"(?:\\r\\n)?", f.Fix!.Edits[0].NewText);
    }

    [Theory]
    [InlineData(@"no such page(?:\\n)?")]
    [InlineData(@"no such page(?:\\n|)")]
    [InlineData(@"no such page\n")]
    [InlineData(@"C:\\new")]
    [InlineData(@"path\\\\n")]
    public void Optional_sequences_real_control_characters_and_other_backslashes_are_not_reported(string text)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.PrintedEscapeSequence, LintHarness.Filter("^<HOST> said '" + text + "'$")));
    }

    [SkippableFact]
    public void Master_apache_noscript_with_the_optional_escape_is_not_reported()
    {
        if (LintHarness.MasterFindings(RuleIds.PrintedEscapeSequence, "apache-noscript") is { } findings) Assert.Empty(findings);
    }
}
