using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class SeparatorOutsideOptionalPartRuleTests
{
    [Fact]
    public void A_space_before_a_repeated_trailing_field_is_reported_with_the_line_without_it_and_a_fix()
    {
        // mysqld-auth in Fail2Ban 1.0.2: the line without "(using password: …)" needs a trailing space.
        var text = LintHarness.Filter(@"^Access denied for user '\S+'@'<HOST>' (to database '[^']*'|\(using password: (YES|NO)\))*\s*$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.SeparatorOutsideOptionalPart, text));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.EndsWith("Access denied for user 'alice'@'192.0.2.1'", f.Evidence.Line);
        Assert.Contains("a repetition of the part has no separator", f.Message);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(@"(?: (to database '[^']*'|\(using password: (YES|NO)\)))*", edit.NewText);
    }

    [Fact]
    public void The_fixed_filter_matches_the_line_and_is_not_reported_again()
    {
        var text = LintHarness.Filter(@"^Access denied for user '\S+'@'<HOST>' (to database '[^']*'|\(using password: (YES|NO)\))*\s*$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.SeparatorOutsideOptionalPart, text));
        var edit = Assert.Single(f.Fix!.Edits);
        var fixedText = text.Replace(edit.OldText, edit.NewText);
        Assert.Empty(LintHarness.Findings(RuleIds.SeparatorOutsideOptionalPart, fixedText));
    }

    [Fact]
    public void A_whitespace_class_before_an_optional_stamp_and_a_spaced_next_part_is_reported()
    {
        var text = LintHarness.Filter(@"^\S+\s+(?:\d+-\d+ \d+:\d+:\d+)? \[WARN\] auth failed from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.SeparatorOutsideOptionalPart, text));
        Assert.Contains(@"'(?:\s+(?:\d+-\d+ \d+:\d+:\d+))?'", f.Message);
    }

    [Theory]
    [InlineData(@"^auth failed from <HOST>(?: port \d+)?$")]            // the space is inside
    [InlineData(@"^auth failed for (?:invalid user )?\S+ from <HOST>$")] // what follows needs no space of its own
    [InlineData(@"^auth failed from <HOST> (?:port \d+)?\S*$")]         // something other than a space may follow
    [InlineData(@"^auth failed from <HOST> (?:port \d+)")]              // not optional
    [InlineData(@"^auth failed from <HOST> (?:port \d+)?")]             // no end anchor: any text may follow
    public void Separators_inside_the_part_parts_that_are_not_at_an_end_and_required_parts_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.SeparatorOutsideOptionalPart, LintHarness.Filter(failregex)));
}
