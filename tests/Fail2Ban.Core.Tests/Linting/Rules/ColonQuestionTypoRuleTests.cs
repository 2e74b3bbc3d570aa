using Fail2Ban.Core.Tests.Infrastructure;
using System.Linq;
using System.IO;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class ColonQuestionTypoRuleTests
{
    [Fact]
    public void A_colon_question_group_is_reported_with_a_line_holding_the_stray_colon_and_a_fix()
    {
        var text = LintHarness.Filter(@"^(:? \[tls\])? auth failed from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.ColonQuestionTypo, text));
        Assert.Equal((2, 14, 2, 17), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.AcceptedLine, f.Evidence!.Kind);
        Assert.StartsWith(": [tls] auth failed from ", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("(:?", "(?:", 2, 14), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void In_an_alternation_the_first_branch_is_checked_and_reported_where_the_option_is_written()
    {
        var text = LintHarness.Filter(@"^\[%(_level)s\] auth failed from <HOST>$", "_level = (:?error|warn)");
        var f = Assert.Single(LintHarness.Findings(RuleIds.ColonQuestionTypo, text));
        Assert.Equal((2, 10), (f.Location.Line, f.Location.Column));
        Assert.StartsWith("[:error] auth failed", f.Evidence!.Line);
    }

    [Fact]
    public void A_regex_that_refers_to_groups_by_number_gets_no_mechanical_fix()
    {
        var text = LintHarness.Filter(@"^(:?x)? auth (\w+) failed \2 from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.ColonQuestionTypo, text));
        Assert.Null(f.Fix);
    }

    [Theory]
    [InlineData(@"^(?: \[tls\])? auth failed from <HOST>$")]
    [InlineData(@"^auth failed from <HOST>(:\d+)?$")]
    [InlineData(@"^auth failed from <HOST>(?P<port>:?\d+)$")]
    [InlineData(@"^auth failed from <HOST>\(:?\d+\)$")]
    public void Non_capturing_groups_named_groups_and_escaped_parentheses_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.ColonQuestionTypo, LintHarness.Filter(failregex)));

    [SkippableFact]
    public void Master_assp_and_the_apache_error_prefix_are_flagged_with_lines_the_matcher_accepts()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var files = DiskFiles.Under(Corpus.MasterRoot);
        var dir = Path.Combine(Corpus.MasterRoot, "filter.d");
        var assp = Assert.Single(new FilterLinter().LintFile(files, Path.Combine(dir, "assp.conf")).Findings, x => x.RuleId == RuleIds.ColonQuestionTypo);
        Assert.StartsWith(": ", assp.Evidence!.Line);
        var apache = Assert.Single(new FilterLinter().LintFile(files, Path.Combine(dir, "apache-auth.conf")).Findings, x => x.RuleId == RuleIds.ColonQuestionTypo);
        Assert.EndsWith("apache-common.conf", apache.Location.File);
        Assert.Contains("[:error]", apache.Evidence!.Line);
    }
}
