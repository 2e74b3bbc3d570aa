using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class CaseOddAlternativeRuleTests
{
    [Fact]
    public void The_one_word_in_one_case_among_words_in_both_cases_is_reported_with_the_capitalised_line_and_a_fix()
    {
        var text = LintHarness.Filter(@"^\[client <HOST>\] (?:[Ff]ile|script|[Gg]ot) not found: /\S+$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaseOddAlternative, text));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("[client 192.0.2.1] Script not found", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("s", "[Ss]"), (edit.OldText, edit.NewText));
        Assert.Empty(LintHarness.Findings(RuleIds.CaseOddAlternative, text.Replace("|script|", "|[Ss]cript|")));
    }

    [Theory]
    [InlineData(@"^\[client <HOST>\] (?:[Ff]ile|script) not found$")]                // one word in both cases is no pattern
    [InlineData(@"^\[client <HOST>\] (?:[Ff]ile|[Gg]ot|script|stderr) not found$")] // as many odd words as not
    [InlineData(@"^\[client <HOST>\] (?i:(?:[Ff]ile|script|[Gg]ot)) not found$")]   // case-insensitive anyway
    [InlineData(@"^\[client <HOST>\] (?:file|script|got) not found$")]              // one case throughout
    public void Alternations_without_a_clear_majority_in_both_cases_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.CaseOddAlternative, LintHarness.Filter(failregex)));
}
