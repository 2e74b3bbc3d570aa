using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting;

public sealed class LintSuppressionsTests
{
    private const string Filter = "[Definition]\n{0}failregex = ^Failed login from <HOST>\n";

    [Theory]
    [InlineData("# filterlint: disable=F2B3004\n")]
    [InlineData("# filterlint: disable=F2B2001, F2B3004 (reverse DNS is off here)\n")]
    [InlineData("; filterlint: disable all\n")]
    [InlineData("# filterlint: disable-file=F2B3004\n# another comment\n")]
    public void A_comment_before_the_line_suppresses_the_finding(string comment)
    {
        var report = LintHarness.Lint(string.Format(Filter, comment));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.HostWithoutRightBoundary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# filterlint: disable=F2B2001\n")]
    [InlineData("# filterlint disable=F2B3004\n")]
    public void Other_ids_or_malformed_comments_do_not_suppress(string comment)
    {
        var report = LintHarness.Lint(string.Format(Filter, comment));
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.HostWithoutRightBoundary);
    }

    [Fact]
    public void The_comment_covers_only_the_next_line()
    {
        var s = LintSuppressions.Parse("# filterlint: disable=F2B3004\na = 1\nb = 2\n");
        Assert.True(s.IsSuppressed("F2B3004", 2));
        Assert.False(s.IsSuppressed("F2B3004", 3));
        Assert.False(s.IsSuppressed("F2B3002", 2));
    }

    [Fact]
    public void Severities_from_a_globalconfig_apply_and_none_drops_the_rule()
    {
        var errors = new System.Collections.Generic.List<string>();
        var settings = LintSettings.ParseGlobalConfig("is_global = true\ndotnet_diagnostic.F2B3004.severity = error\ndotnet_diagnostic.F2B3005.severity = none\ndotnet_diagnostic.F2B2001.severity = bogus\n", errors);
        Assert.Single(errors);
        var text = "[Definition]\nfailregex = ^Failed login ip=<HOST>$\n            ^Failed login from <HOST>\n";
        var report = LintHarness.Lint(text, null, settings);
        Assert.Equal(LintSeverity.Error, report.Findings.Single(f => f.RuleId == RuleIds.HostWithoutRightBoundary).Severity);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.HostWhereAddrMeant);
    }
}
