using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class TrailingPunctuationAtEndRuleTests
{
    [Fact]
    public void A_final_dot_before_the_end_anchor_is_reported_where_it_is_written_with_the_line_without_it()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.TrailingPunctuationAtEnd, LintHarness.Filter(@"^query from <HOST> refused, not allowed\.$")));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal((2, 52, 2, 54), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.EndsWith("refused, not allowed", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"\.", @"\.?", 2, 52), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void An_exclamation_mark_before_trailing_space_and_the_end_is_reported()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.TrailingPunctuationAtEnd, LintHarness.Filter(@"^<HOST> may not talk to us!\s*$")));
        Assert.Equal(("!", "!?"), (f.Fix!.Edits[0].OldText, f.Fix.Edits[0].NewText));
    }

    [Theory]
    [InlineData(@"^query refused, not allowed\.\S* from <HOST>$")]
    [InlineData(@"^query refused, not allowed\.? from <HOST>$")]
    [InlineData(@"^query refused, not allowed from <HOST>\.$")]
    [InlineData(@"^query refused \(<HOST>\)\.$")]
    [InlineData(@"^query from <HOST> refused, not allowed\.?$")]
    [InlineData(@"^query from <HOST> refused, not allowed\.")]
    public void Optional_punctuation_punctuation_after_a_field_and_unanchored_ends_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.TrailingPunctuationAtEnd, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void A_sample_log_that_always_writes_the_punctuation_silences_the_rule_and_one_without_it_keeps_it()
    {
        var filter = LintHarness.Filter(@"^query from <HOST> refused, not allowed\.$");
        var always = FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = "Aug 14 12:00:00 query from 192.0.2.1 refused, not allowed.\n" });
        Assert.Empty(LintHarness.Findings(RuleIds.TrailingPunctuationAtEnd, filter, null, always));
        var both = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "Aug 14 12:00:00 query from 192.0.2.1 refused, not allowed.\nAug 14 12:00:01 query from 192.0.2.2 refused, not allowed\n",
        });
        Assert.Single(LintHarness.Findings(RuleIds.TrailingPunctuationAtEnd, filter, null, both));
    }

    [SkippableFact]
    public void Master_nsd_without_the_final_dot_is_not_reported()
    {
        if (LintHarness.MasterFindings(RuleIds.TrailingPunctuationAtEnd, "nsd") is { } findings) Assert.Empty(findings);
    }
}
