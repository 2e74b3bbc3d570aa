using Fail2Ban.Core.Tests.Infrastructure;
using System.Linq;
using System.IO;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class GroupMissingQuantifierRuleTests
{
    [Fact]
    public void A_group_around_a_separator_and_a_port_tag_is_reported_with_the_line_without_it_and_a_fix()
    {
        var text = LintHarness.Filter(@"^scan from <HOST>(?::<F-PORT/>) to \S+ ports$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.GroupMissingQuantifier, text));
        Assert.Equal((2, 30, 2, 44), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Equal("scan from 192.0.2.1 to x ports", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((")", ")?", 2, 43), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void A_labelled_number_is_a_field_too()
    {
        var text = LintHarness.Filter(@"^auth failed from <HOST>(?: port \d+) ssh2$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.GroupMissingQuantifier, text));
        Assert.Equal("auth failed from 192.0.2.1 ssh2", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^auth failed from <HOST>(?: port \d+)? ssh2$")]
    [InlineData(@"^auth failed from <HOST>(?: \S+)$")]
    [InlineData(@"^auth failed from <HOST>(?: could not resolve \d+)$")]
    [InlineData(@"^auth failed from <HOST>(?::<F-PORT/>|:x) ssh2$")]
    [InlineData(@"^auth failed (?:for \S+ )from <HOST>$")]
    public void Optional_groups_bare_words_messages_alternations_and_readability_groups_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.GroupMissingQuantifier, LintHarness.Filter(failregex)));

    [SkippableTheory]
    [InlineData("scanlogd")]
    [InlineData("courier-smtp")]
    [InlineData("sendmail-reject")]
    public void Master_filters_of_the_same_nature_are_not_reported(string filter)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var path = Path.Combine(Corpus.MasterRoot, "filter.d", filter + ".conf");
        var report = new FilterLinter().LintFile(DiskFiles.Under(Corpus.MasterRoot), path);
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.GroupMissingQuantifier);
    }
}
