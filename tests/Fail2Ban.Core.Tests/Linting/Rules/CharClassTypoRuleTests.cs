using Fail2Ban.Core.Tests.Infrastructure;
using System.Linq;
using System.IO;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class CharClassTypoRuleTests
{
    [Fact]
    public void A_quantifier_inside_a_class_is_reported_with_a_missed_multi_digit_value_and_the_group_as_fix()
    {
        var text = LintHarness.Filter(@"^worker [\d+-] denied login from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CharClassTypo, text));
        Assert.Equal((2, 21, 2, 27), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Contains("(?:\\d+|-)", f.Message);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.StartsWith("worker 4821 denied login from ", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"[\d+-]", @"(?:\d+|-)", 2, 21), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Fact]
    public void Words_separated_by_a_bar_in_a_class_are_reported_with_the_alternation_as_fix()
    {
        var text = LintHarness.Filter(@"^blocked [UDP|TCP] packet from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CharClassTypo, text));
        Assert.Equal((2, 22), (f.Location.Line, f.Location.Column));
        Assert.StartsWith("blocked UDP packet from ", f.Evidence!.Line);
        Assert.Equal("(?:UDP|TCP)", f.Fix!.Edits[0].NewText);
    }

    [Fact]
    public void A_lone_repeated_shorthand_in_a_class_becomes_the_repeat()
    {
        var text = LintHarness.Filter(@"^session [\w+] closed by <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CharClassTypo, text));
        Assert.Equal(@"\w+", f.Fix!.Edits[0].NewText);
    }

    [Theory]
    [InlineData(@"[\d{3}]", @"\d{3}", "482")]
    [InlineData(@"[0-9+]", "[0-9]+", "4821")]
    [InlineData(@"[\d{2,}-]", @"(?:\d{2,}|-)", "48")]
    public void A_counted_or_ranged_repeat_inside_a_class_is_reported_with_a_value_of_a_fitting_length(string written, string meant, string value)
    {
        var text = LintHarness.Filter("^code " + written + " rejected from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CharClassTypo, text));
        Assert.Equal(meant, f.Fix!.Edits[0].NewText);
        Assert.StartsWith("code " + value + " rejected", f.Evidence!.Line);
    }

    [Fact]
    public void A_class_in_a_shared_line_prefix_is_reported_in_the_included_file_with_a_line_the_whole_filter_misses()
    {
        var common = "[Definition]\n__prefix_line = \\s*\\S+ \\S+ [\\d+-] \\S+\\s+\n";
        var text = "[INCLUDES]\nbefore = base-common.conf\n" + LintHarness.Filter("^%(__prefix_line)sdenied login from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CharClassTypo, text,
            new System.Collections.Generic.Dictionary<string, string> { ["base-common.conf"] = common }));
        Assert.EndsWith("base-common.conf", f.Location.File);
        Assert.Equal((2, 28), (f.Location.Line, f.Location.Column));
        Assert.Contains(" 4821 ", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^mail from [\w+.-]+@\S+ rejected from <HOST>$")]
    [InlineData(@"^mail from [\w.+-]@\S+ rejected from <HOST>$")]
    [InlineData(@"^field [^|]+\|[^|]+ rejected from <HOST>$")]
    [InlineData(@"^level [a-z|] rejected from <HOST>$")]
    [InlineData(@"^worker (?:\d+|-) denied login from <HOST>$")]
    public void Repeated_classes_plain_member_lists_and_groups_are_not_reported(string failregex) =>
        Assert.Empty(LintHarness.Findings(RuleIds.CharClassTypo, LintHarness.Filter(failregex)));

    [SkippableTheory]
    [InlineData("sshd")]
    [InlineData("drupal-auth")]
    [InlineData("traefik-auth")]
    public void Master_filters_of_the_same_nature_are_not_reported(string filter)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var path = Path.Combine(Corpus.MasterRoot, "filter.d", filter + ".conf");
        var report = new FilterLinter().LintFile(DiskFiles.Under(Corpus.MasterRoot), path);
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.CharClassTypo);
    }
}
