using Fail2Ban.Core.Tests.Infrastructure;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class EmptyAlternativeRuleTests
{
    [Fact]
    public void A_doubled_bar_is_reported_at_the_bars_with_a_line_accepted_only_through_the_empty_branch_and_a_fix()
    {
        var text = LintHarness.Filter(@"^login (denied||refused) for \S+ from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.EmptyAlternative, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 27, 2, 29), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Contains("(denied||refused)", f.Message);
        Assert.Equal(LintEvidenceKind.AcceptedLine, f.Evidence!.Kind);
        Assert.StartsWith("login  for ", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("|", "", 2, 27), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void Two_empty_branches_are_one_finding_and_the_fix_keeps_the_trailing_optional_idiom()
    {
        var text = LintHarness.Filter(@"^login (denied|refused||) for \S+ from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.EmptyAlternative, text));
        Assert.Equal((2, 35), (f.Location.Line, f.Location.Column));
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(35, edit.Column);
    }

    [Fact]
    public void Every_doubled_bar_of_one_alternation_is_fixed_together()
    {
        var text = LintHarness.Filter(@"^login (denied||refused||blocked) for \S+ from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.EmptyAlternative, text));
        Assert.Contains("2 empty alternatives", f.Message);
        Assert.Equal(new[] { 27, 36 }, f.Fix!.Edits.Select(e => e.Column));
    }

    [Fact]
    public void The_evidence_line_goes_through_an_optional_part_that_holds_the_alternation()
    {
        var text = LintHarness.Filter(@"^auth failed from <HOST>(?: via (ssh||telnet))?$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.EmptyAlternative, text));
        Assert.EndsWith(" via ", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^login (denied|refused|) for \S+ from <HOST>$")]
    [InlineData(@"^login (|denied|refused) for \S+ from <HOST>$")]
    [InlineData(@"^login (?:denied|refused) for \S+ from <HOST>$")]
    [InlineData(@"^login denied for (?:\S+|) from <HOST>$")]
    public void The_optional_idioms_and_plain_alternations_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.EmptyAlternative, LintHarness.Filter(failregex)));

    [SkippableTheory]
    [InlineData("vaultwarden")]
    [InlineData("apache-botsearch")]
    [InlineData("apache-noscript")]
    public void Master_filters_of_the_same_nature_are_not_reported(string filter)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var path = Path.Combine(Corpus.MasterRoot, "filter.d", filter + ".conf");
        var report = new FilterLinter().LintFile(DiskFiles.Under(Corpus.MasterRoot), path);
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.EmptyAlternative);
    }
}
