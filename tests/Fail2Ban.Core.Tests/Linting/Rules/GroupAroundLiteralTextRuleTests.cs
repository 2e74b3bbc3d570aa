using Fail2Ban.Core.Tests.Infrastructure;
using System.Linq;
using System.IO;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class GroupAroundLiteralTextRuleTests
{
    [Fact]
    public void A_bare_group_around_text_is_reported_with_the_line_in_literal_parentheses_and_the_escape_as_fix()
    {
        var text = LintHarness.Filter(@"^auth failed for \S+ from <HOST> key \S+ (serial \d+) CA \S+$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.GroupAroundLiteralText, text));
        Assert.Equal((2, 54, 2, 66), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains(" (serial ", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"(serial \d+)", @"\(serial \d+\)", 2, 54), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void The_evidence_line_is_steered_into_nested_optional_parts_and_alternatives()
    {
        var text = LintHarness.Filter(@"^auth failed from <HOST>(: (ruser \S+|(\S+ ID \S+ (serial \d+) CA )?\S+ [\da-f]+))?\s*$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.GroupAroundLiteralText, text));
        Assert.Contains(" ID ", f.Evidence!.Line);
        Assert.Contains("(serial ", f.Evidence.Line);
    }

    [Theory]
    [InlineData(@"^session closed for \S+ (uid=\d+) by <HOST>$", "(uid=")]
    [InlineData(@"^session closed for \S+ (code: \d+) by <HOST>$", "(code: ")]
    public void A_labelled_value_in_bare_parentheses_is_reported(string failregex, string literal)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.GroupAroundLiteralText, LintHarness.Filter(failregex)));
        Assert.Contains(literal, f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^auth failed from <HOST> key \S+ (?:serial \d+) CA$")]
    [InlineData(@"^auth failed from <HOST> key \S+ (serial \d+)? CA$")]
    [InlineData(@"^auth failed from <HOST> key \S+ (serial \d+|none) CA$")]
    [InlineData(@"^auth failed from <HOST> key \S+ (serial \d+) CA \1$")]
    [InlineData(@"^auth failed from <HOST> key:(serial \d+) CA$")]
    [InlineData(@"^auth failed from <HOST> key (\d+ tries) CA$")]
    [InlineData(@"^auth failed from <HOST> key \S+ \(serial \d+\) CA$")]
    public void Grouping_that_does_something_and_escaped_parentheses_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.GroupAroundLiteralText, LintHarness.Filter(failregex)));

    [SkippableTheory]
    [InlineData("sshd")]
    [InlineData("sendmail-reject")]
    [InlineData("courier-smtp")]
    public void Master_filters_of_the_same_nature_are_not_reported(string filter)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var path = Path.Combine(Corpus.MasterRoot, "filter.d", filter + ".conf");
        var report = new FilterLinter().LintFile(DiskFiles.Under(Corpus.MasterRoot), path);
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.GroupAroundLiteralText);
    }
}
