using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>What the reader and translator reject becomes findings with the engine's ids, located in the .conf.</summary>
public sealed class EngineFindingsTests
{
    [Fact]
    public void A_regex_Python_rejects_is_an_error_at_the_offending_text()
    {
        var report = LintHarness.Lint(LintHarness.Filter(@"^failed (from <HOST>$"));
        var f = Assert.Single(report.Findings);
        Assert.Equal((RuleIds.RegexSyntax, LintSeverity.Error, 2), (f.RuleId, f.Severity, f.Location.Line));
    }

    [Fact]
    public void A_failregex_without_host_is_reported_and_tag_typos_still_explain_it()
    {
        var report = LintHarness.Lint(LintHarness.Filter(@"^failed from <host>$"));
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.NoFailureIdGroup);
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.UnexpandedTag);
    }

    [Fact]
    public void A_datepattern_Fail2Ban_cannot_compile_is_an_error_at_its_line()
    {
        // Unescaped brackets become a character class that swallows the template's group parenthesis.
        var text = LintHarness.Filter(@"^auth failed from <HOST>$", "datepattern = ^[%%d/%%m/%%Y %%H:%%M:%%S]");
        var report = LintHarness.Lint(text);
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.DatePattern);
        Assert.Equal((LintSeverity.Error, 2, 15), (f.Severity, f.Location.Line, f.Location.Column));
        Assert.Contains("unbalanced parenthesis", f.Message);
    }

    [Fact]
    public void A_valid_datepattern_is_not_reported()
    {
        var text = LintHarness.Filter(@"^auth failed from <HOST>$", @"datepattern = ^\[%%d/%%m/%%Y %%H:%%M:%%S\]");
        Assert.DoesNotContain(LintHarness.Lint(text).Findings, x => x.RuleId == RuleIds.DatePattern);
    }

    [Fact]
    public void A_missing_include_is_a_warning_at_the_include_line()
    {
        var text = "[INCLUDES]\nbefore = nothere.conf\n" + LintHarness.Filter(@"^failed from <HOST>$");
        var f = Assert.Single(LintHarness.Lint(text).Findings, x => x.RuleId == RuleIds.MissingInclude);
        Assert.Equal(LintSeverity.Warning, f.Severity);
    }

    [Fact]
    public void An_unknown_interpolation_is_an_error()
    {
        var report = LintHarness.Lint(LintHarness.Filter(@"^%(__missing)s failed from <HOST>$"));
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.Interpolation && f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Fragments_from_an_include_are_located_in_the_include()
    {
        var common = new Dictionary<string, string> { ["common.conf"] = "[DEFAULT]\n_verb = [A-Z]{4}\n" };
        var text = "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = ^%(_verb)s from \\S*\\[<HOST>\\]: 554 rejected$\n";
        var f = Assert.Single(LintHarness.Lint(text, common).Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Equal((LintHarness.Directory + "common.conf", 2, 9), (f.Location.File, f.Location.Line, f.Location.Column));
    }

    [Fact]
    public void Findings_shared_by_modes_are_reported_once_with_their_modes()
    {
        var text = "[Definition]\nmode = normal\n_verb = [A-Z]{4}\nmdre-normal = ^%(_verb)s from \\S*\\[<HOST>\\]: 554$\nmdre-more = %(mdre-normal)s\n            ^HELO from <HOST>$\nfailregex = <mdre-<mode>>\n";
        var report = LintHarness.Lint(text);
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Equal(new[] { "normal", "more" }, f.Modes.ToArray());
        Assert.Equal(new[] { "normal", "more" }, report.Modes.ToArray());
    }
}
