using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>A filter that reads differently per <c>logtype</c> is linted with each (modes × logtypes), findings merged.</summary>
public sealed class LogTypeVariantsTests
{
    /// <summary>An include with a line prefix per logtype, written for these tests; only the short prefix has a four-letter verb.</summary>
    private const string Base =
        "[DEFAULT]\n" +
        "logtype = file\n" +
        "__prefix_line = <lt_<logtype>/__prefix_line>\n" +
        "[lt_file]\n" +
        "__prefix_line = \\S+ daemon:\\s+\n" +
        "[lt_short]\n" +
        "__prefix_line = \\S+ [A-Z]{4}:\\s+\n" +
        "[lt_journal]\n" +
        "__prefix_line = %(lt_short/__prefix_line)s\n" +
        "[lt_syslog]\n" +
        "__prefix_line = <\\d+>\\S+ daemon:\\s+\n";

    private const string Filter =
        "[INCLUDES]\n" +
        "before = base.conf\n" +
        "[Definition]\n" +
        "failregex = ^%(__prefix_line)sLogin failed from <HOST>$\n";

    private static LintReport Lint(string filter, IReadOnlyDictionary<string, string>? options = null)
    {
        var files = new InMemoryConfigFileSource();
        files.Add(LintHarness.Directory + "test.conf", filter);
        files.Add(LintHarness.Directory + "base.conf", Base);
        return new FilterLinter().LintFile(files, LintHarness.Directory + "test.conf", options);
    }

    [Fact]
    public void Every_logtype_of_the_config_is_linted_default_first_and_a_logtype_only_defect_is_found_in_the_include()
    {
        var report = Lint(Filter);
        Assert.Equal(new[] { "file", "short", "journal", "syslog" }, report.LogTypes.ToArray());
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Equal((LintHarness.Directory + "base.conf", 7), (f.Location.File, f.Location.Line));
        // journal reads exactly like short: not linted again, but it shares short's findings.
        Assert.Equal(new[] { "short", "journal" }, f.LogTypes.ToArray());
        Assert.Equal("logtype short, journal", f.Variants);
    }

    [Fact]
    public void A_finding_in_every_variant_names_no_variant()
    {
        var report = Lint(Filter.Replace("failed from <HOST>$", "failed from <HOST>"));
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.HostWithoutRightBoundary);
        Assert.Equal("", f.Variants);
        Assert.Equal(new[] { "file", "short", "journal", "syslog" }, f.LogTypes.ToArray());
    }

    [Fact]
    public void Modes_times_logtypes_name_both_dimensions_when_a_finding_holds_in_one_corner()
    {
        var filter = "[INCLUDES]\nbefore = base.conf\n[Definition]\nmode = normal\n" +
                     "mdre-normal = ^%(__prefix_line)sLogin failed from <HOST>$\n" +
                     "mdre-more = ^%(__prefix_line)s[A-Z]{3} refused for <HOST>$\n" +
                     "failregex = <mdre-<mode>>\n";
        var report = Lint(filter);
        var inMore = report.Findings.Where(x => x.RuleId == RuleIds.FixedWidthToken).ToList();
        var verb = Assert.Single(inMore, x => x.Location.File.EndsWith("test.conf"));
        Assert.Equal("mode more", verb.Variants);
        var prefix = Assert.Single(inMore, x => x.Location.File.EndsWith("base.conf"));
        Assert.Equal("logtype short, journal", prefix.Variants);
        Assert.Equal(new[] { "normal", "more" }, prefix.Modes.ToArray());
    }

    [Theory]
    [InlineData("normal/file,more/file,normal/short,more/short", "")]
    [InlineData("normal/file,normal/short", "mode normal")]
    [InlineData("normal/short,more/short", "logtype short, journal")]
    [InlineData("more/short", "mode more, logtype short, journal")]
    [InlineData("normal/file,more/short", "mode normal, logtype file; mode more, logtype short; mode more, logtype journal")]
    [InlineData("more/", "mode more")]
    public void Variant_text_names_what_is_not_complete(string reportedIn, string expected)
    {
        var coverage = new VariantCoverage(new[] { "normal", "more" }, new[] { "file", "short", "journal" });
        coverage.AddDuplicate("short", "journal");
        var keys = reportedIn.Split(',').Select(v => v.Split('/')).Select(p => new VariantKey(p[0], p[1].Length == 0 ? null : p[1])).ToList();
        var finding = new LintFinding(RuleIds.FixedWidthToken, LintSeverity.Warning, "m", LintLocation.FileStart("x.conf"));
        coverage.Describe(finding, keys);
        Assert.Equal(expected, finding.Variants);
    }

    [Fact]
    public void A_filters_own_prefix_per_logtype_option_is_detected()
    {
        var own = "[Definition]\nlogtype = file\n__prefix_file = \\S+ daemon:\\s+\n__prefix_journal = \\S+ [A-Z]{4}:\\s+\n" +
                  "__prefix_line = <__prefix_<logtype>>\nfailregex = ^%(__prefix_line)sLogin failed from <HOST>$\n";
        var report = LintHarness.Lint(own);
        Assert.Equal(new[] { "file", "journal" }, report.LogTypes.ToArray());
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Equal("logtype journal", f.Variants);
    }

    [Fact]
    public void A_filter_without_logtype_use_has_no_logtype_dimension()
    {
        var report = LintHarness.Lint(LintHarness.Filter(@"^[A-Z]{4} from <HOST>$"));
        Assert.Empty(report.LogTypes);
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Empty(f.LogTypes);
        Assert.Equal("", f.Variants);
    }

    [Fact]
    public void Given_options_lint_exactly_that_variant()
    {
        var shortOnly = Lint(Filter, new Dictionary<string, string> { ["logtype"] = "short" });
        Assert.Empty(shortOnly.LogTypes);
        var f = Assert.Single(shortOnly.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Equal("", f.Variants);
        Assert.DoesNotContain(Lint(Filter, new Dictionary<string, string> { ["logtype"] = "syslog" }).Findings,
            x => x.RuleId == RuleIds.FixedWidthToken);
    }
}
