using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting;

public sealed class LintFixApplierTests
{
    [Fact]
    public void The_seed_fix_rewrites_the_quantifier_and_the_fixed_filter_is_clean()
    {
        var text = "[Definition]\n_cmd = [A-Z]{4}\nfailregex = ^%(_cmd)s from \\S*\\[<HOST>\\]: 554 rejected$\n";
        var f = LintHarness.Lint(text).Findings.Single(x => x.RuleId == RuleIds.FixedWidthToken);
        var result = LintFixApplier.Apply(text, f.Fix!.Edits);
        Assert.Equal((1, 0), (result.Applied, result.Skipped));
        Assert.Contains("_cmd = [A-Z]{4,}\n", result.Text);
        Assert.DoesNotContain(LintHarness.Lint(result.Text).Findings, x => x.RuleId == RuleIds.FixedWidthToken);
    }

    [Fact]
    public void A_stale_edit_is_skipped_not_guessed()
    {
        var edit = new LintTextEdit("f.conf", 2, 8, "{4}", "{4,}");
        var result = LintFixApplier.Apply("[x]\n_cmd = [A-Z]{5}\n", new[] { edit });
        Assert.Equal((0, 1), (result.Applied, result.Skipped));
        Assert.Equal("[x]\n_cmd = [A-Z]{5}\n", result.Text);
    }

    [Fact]
    public void Several_edits_on_one_line_apply_right_to_left()
    {
        var edits = new[] { new LintTextEdit("f", 1, 1, "ab", "X"), new LintTextEdit("f", 1, 4, "de", "YY") };
        Assert.Equal("XcYY", LintFixApplier.Apply("abcde", edits).Text);
    }
}
