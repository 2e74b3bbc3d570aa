using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class IgnoreRegexTextRuleTests
{
    private const string Prefix = "prefregex = ^\\s*\\S+ authd\\[\\d+\\]: <F-CONTENT>.+</F-CONTENT>$\n";

    /// <summary>One failregex (no early whole-line check) or four (the check applies with one ignoreregex).</summary>
    private const string OneFailRegex = "failregex = ^denied user \\S+ from <HOST>$\n";

    private const string FourFailRegexes = "failregex = ^denied user \\S+ from <HOST>$\n"
        + "            ^bad ticket from <HOST>$\n"
        + "            ^no such realm from <HOST>$\n"
        + "            ^too slow from <HOST>$\n";

    /// <summary>Mode <c>plain</c> has one failregex, mode <c>full</c> four.</summary>
    private const string TwoModes = "mode = plain\n"
        + "mdre-plain = ^denied user \\S+ from <HOST>$\n"
        + "mdre-full = %(mdre-plain)s\n"
        + "            ^bad ticket from <HOST>$\n"
        + "            ^no such realm from <HOST>$\n"
        + "            ^too slow from <HOST>$\n"
        + "failregex = <mdre-<mode>>\n";

    /// <summary>Written for the whole line: the syslog prefix, then the failure from the trusted network.</summary>
    private const string WholeLineIgnore = "ignoreregex = ^\\s*\\S+ authd\\[\\d+\\]: denied user backup from 10\\.1\\.\\d+\\.\\d+$\n";

    /// <summary>Written for the F-CONTENT text.</summary>
    private const string ContentIgnore = "ignoreregex = ^denied user backup from 10\\.1\\.\\d+\\.\\d+$\n";

    private static List<LintFinding> Findings(string text, LintOptions? options = null) =>
        LintHarness.Findings(RuleIds.IgnoreRegexTextDependsOnFailRegexCount, text, null, options);

    [Fact]
    public void A_whole_line_ignoreregex_tested_only_against_content_is_reported_with_a_failure_line_it_matches()
    {
        var f = Assert.Single(Findings("[Definition]\n" + Prefix + OneFailRegex + WholeLineIgnore));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((4, 15), (f.Location.Line, f.Location.Column));
        Assert.Contains("F-CONTENT", f.Message);
        Assert.Contains("more than 3 failregexes", f.Message);
        Assert.Empty(f.Modes);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Matches(@"^Aug 14 11:59:58 \S+ authd\[\d+\]: denied user backup from 10\.1\.\d+\.\d+$", f.Evidence.Line);
        Assert.StartsWith("10.1.", f.Evidence.BannedAddress);
    }

    [Fact]
    public void With_samples_the_evidence_is_the_sample_line()
    {
        const string log = "# failJSON: { \"time\": \"2005-08-13T10:00:00\", \"match\": true , \"host\": \"192.0.2.7\" }\n"
            + "Aug 13 10:00:00 gw authd[311]: denied user backup from 192.0.2.7\n";
        var text = "[Definition]\n" + Prefix + OneFailRegex + "ignoreregex = ^\\s*\\S+ authd\\[311\\]:\n";
        var f = Assert.Single(Findings(text, FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log })));
        Assert.Equal(LintEvidenceKind.SampleLine, f.Evidence!.Kind);
        Assert.Equal("Aug 13 10:00:00 gw authd[311]: denied user backup from 192.0.2.7", f.Evidence.Line);
        Assert.Equal("192.0.2.7", f.Evidence.BannedAddress);
    }

    [Fact]
    public void An_ignoreregex_checked_on_the_whole_line_in_one_mode_and_on_content_in_another_is_reported_once_for_both_modes()
    {
        var f = Assert.Single(Findings("[Definition]\n" + Prefix + TwoModes + WholeLineIgnore));
        Assert.Equal(new[] { "plain", "full" }, f.Modes.ToArray());
        Assert.Contains("in mode full (fewer ignoreregexes than failregexes minus 2) Fail2Ban also searches it in the whole line", f.Message);
        Assert.Contains("in mode plain only in the prefregex's F-CONTENT text", f.Message);
        Assert.Equal("mode full ignores this line through ignoreregex #1; mode plain reports a failure for " + f.Evidence!.BannedAddress,
            f.Evidence.Explanation);
        Assert.Matches(@"^Aug 14 11:59:58 \S+ authd\[\d+\]: denied user backup from 10\.1\.\d+\.\d+$", f.Evidence.Line);
    }

    [Fact]
    public void A_content_ignoreregex_is_not_mode_dependent_because_every_mode_checks_the_content_after_a_failregex()
    {
        // Early-check modes test the ignoreregexes again after a failregex matched (spec 3.6 step 3).
        Assert.Empty(Findings("[Definition]\n" + Prefix + TwoModes + ContentIgnore));
    }

    [Fact]
    public void An_ignoreregex_written_for_the_content_is_not_reported()
    {
        Assert.Empty(Findings("[Definition]\n" + Prefix + OneFailRegex + ContentIgnore));
    }

    [Theory]
    [InlineData(WholeLineIgnore)]
    [InlineData(ContentIgnore)]
    public void An_early_whole_line_check_in_every_variant_is_not_reported(string ignore)
    {
        Assert.Empty(Findings("[Definition]\n" + Prefix + FourFailRegexes + ignore));
        var bothFull = TwoModes.Replace("mdre-plain = ^denied user \\S+ from <HOST>$\n", "mdre-plain = %(mdre-full)s\n")
            .Replace("mdre-full = %(mdre-plain)s\n", "mdre-full = ^denied user \\S+ from <HOST>$\n");
        Assert.Empty(Findings("[Definition]\n" + Prefix + bothFull + ignore));
    }

    [Fact]
    public void Without_prefregex_the_tested_text_is_the_same_and_nothing_is_reported()
    {
        const string fails = "mode = plain\n"
            + "mdre-plain = ^\\s*\\S+ authd\\[\\d+\\]: denied user \\S+ from <HOST>$\n"
            + "mdre-full = %(mdre-plain)s\n"
            + "            ^\\s*\\S+ authd\\[\\d+\\]: bad ticket from <HOST>$\n"
            + "            ^\\s*\\S+ authd\\[\\d+\\]: no such realm from <HOST>$\n"
            + "            ^\\s*\\S+ authd\\[\\d+\\]: too slow from <HOST>$\n"
            + "failregex = <mdre-<mode>>\n";
        var report = LintHarness.Lint("[Definition]\n" + fails + WholeLineIgnore);
        Assert.Equal(new[] { "plain", "full" }, report.Modes.ToArray());
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.IgnoreRegexTextDependsOnFailRegexCount);
    }

    [Fact]
    public void A_prefregex_without_content_is_not_reported()
    {
        var text = "[Definition]\nprefregex = ^\\s*\\S+ authd\\[\\d+\\]: \nfailregex = ^\\s*\\S+ authd\\[\\d+\\]: denied user \\S+ from <HOST>$\n"
            + WholeLineIgnore;
        Assert.Empty(Findings(text));
    }
}
