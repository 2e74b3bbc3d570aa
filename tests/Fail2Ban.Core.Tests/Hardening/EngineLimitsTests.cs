using System.Linq;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Tests.Linting;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>
/// Hostile filters end in a located F2B1009 (or another located error), never in a stack overflow, gigabytes
/// of memory or a hang. None of these is timed: a regression shows as a crash of the test host or a run
/// that never ends.
/// </summary>
public sealed class EngineLimitsTests
{
    private static string Nested(int depth, string open = "(") => "^" + Repeat(open, depth) + "a" + Repeat(")", depth) + " <HOST>$";

    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    [Theory]
    [InlineData("(")]
    [InlineData("(?:")]
    [InlineData("(?=")]
    public void Nesting_up_to_Fail2Bans_limit_parses_and_one_more_is_a_located_limit_error(string open)
    {
        var limit = EngineLimits.MaxRegexNesting;
        PythonRegexParser.Parse(Nested(limit, open));
        var e = Assert.Throws<RegexTranslationException>(() => PythonRegexParser.Parse(Nested(limit + 1, open)));
        Assert.Equal(DiagnosticIds.LimitExceeded, e.Id);
        Assert.Equal(1 + limit * open.Length, e.Offset); // the first '(' past the limit
    }

    [Fact]
    public void Ten_thousand_nested_groups_are_a_limit_error_not_a_stack_overflow()
    {
        var e = Assert.Throws<RegexTranslationException>(() =>
            FilterRegexTranslator.Translate(Nested(10_000), FilterRegexKind.Fail, useDnsIsNo: false, multiline: false));
        Assert.Equal(DiagnosticIds.LimitExceeded, e.Id);
        Assert.Contains("492", e.Message);
    }

    [Fact]
    public void Lint_reports_deep_nesting_at_the_conf_column_of_the_offending_parenthesis()
    {
        var report = LintHarness.Lint(LintHarness.Filter(Nested(10_000)));
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.LimitExceeded);
        Assert.Equal(LintSeverity.Error, f.Severity);
        Assert.Equal(2, f.Location.Line);
        Assert.Equal("failregex = ^".Length + EngineLimits.MaxRegexNesting + 1, f.Location.Column);
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.InternalError);
    }

    [Fact]
    public void A_filter_at_the_nesting_limit_is_linted_by_every_rule_without_internal_errors()
    {
        var report = LintHarness.Lint(LintHarness.Filter(Nested(EngineLimits.MaxRegexNesting, "(?:x|").Replace("a)", "a)*")));
        Assert.DoesNotContain(report.Findings, x => x.RuleId is RuleIds.InternalError or RuleIds.LimitExceeded);
    }

    [Fact]
    public void A_megabyte_of_literal_text_is_parsed_into_one_literal()
    {
        var text = new string('a', 1_000_000);
        var tree = PythonRegexParser.Parse("^" + text + "$");
        var literal = Assert.Single(tree.Root.DescendantsAndSelf().OfType<LiteralNode>());
        Assert.Equal(text, literal.Value);
    }

    [Fact]
    public void A_megabyte_literal_filter_lints()
    {
        var report = LintHarness.Lint(LintHarness.Filter("^" + new string('a', 1_000_000) + " <HOST>$"));
        Assert.DoesNotContain(report.Findings, x => x.Severity == LintSeverity.Error);
    }

    [Fact]
    public void A_doubling_tag_chain_resolves_like_Fail2Ban_and_one_step_more_is_a_located_limit()
    {
        // l19 is 2^20 characters (Fail2Ban loads it in under a second); l22 is past the value limit.
        var chain = "[Definition]\nl0 = ab\n" + string.Concat(Enumerable.Range(1, 22).Select(i => $"l{i} = <l{i - 1}><l{i - 1}>\n"));
        var ok = LintHarness.Lint(chain + "failregex = ^<l19> <HOST>$\n");
        Assert.DoesNotContain(ok.Findings, x => x.Severity == LintSeverity.Error);
        var tooBig = LintHarness.Lint(chain + "failregex = ^<l22> <HOST>$\n");
        var f = Assert.Single(tooBig.Findings, x => x.Severity == LintSeverity.Error);
        Assert.Equal(RuleIds.TagSubstitution, f.RuleId);
        Assert.Contains(EngineLimits.MaxValueLength.ToString(), f.Message);
    }

    [Fact]
    public void Expanded_regex_length_is_bounded()
    {
        var many = Repeat("<HOST>", EngineLimits.MaxRegexLength / 100);
        var e = Assert.Throws<RegexTranslationException>(() =>
            FilterRegexTranslator.Translate(many, FilterRegexKind.Fail, useDnsIsNo: false, multiline: false));
        Assert.Equal(DiagnosticIds.LimitExceeded, e.Id);
    }

    [Fact]
    public void Eighty_thousand_continuation_lines_are_read()
    {
        var text = "[Definition]\nfailregex = ^x <HOST>$\n" + string.Concat(Enumerable.Range(0, 80_000).Select(i => $"   ^y{i} <HOST>$\n"));
        var doc = Fail2Ban.Core.Config.IniParser.Parse("/f.conf", text);
        var value = doc.Sections[0].Options.Single().RawValue;
        var lines = Fail2Ban.Core.Text.LocatedStringSlicing.Split(value, '\n');
        Assert.Equal(80_001, lines.Count);
        Assert.Equal(80_002, lines[80_000].LocationAt(0)!.Value.Line);
        // Lint stops at the regex-count limit, at the first line past it.
        var report = LintHarness.Lint(text);
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.LimitExceeded);
        Assert.Equal(2 + EngineLimits.MaxRegexCount, f.Location.Line);
    }

    [Fact]
    public void An_include_chain_past_the_depth_limit_is_located_at_the_include_line()
    {
        var others = new System.Collections.Generic.Dictionary<string, string>();
        for (var i = 0; i < EngineLimits.MaxIncludeDepth + 5; i++)
            others["i" + i + ".conf"] = "[INCLUDES]\nbefore = i" + (i + 1) + ".conf\n[Definition]\n";
        var report = LintHarness.Lint("[INCLUDES]\nbefore = i0.conf\n" + LintHarness.Filter("^x <HOST>$"), others);
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.LimitExceeded);
        Assert.Equal(2, f.Location.Line);
        Assert.EndsWith("/i" + (EngineLimits.MaxIncludeDepth - 1) + ".conf", f.Location.File);
    }

    [Fact]
    public void Groups_around_plain_text_are_written_bare_so_dotnets_quadratic_parser_is_not_fed_200000_of_them()
    {
        Assert.Equal("^ab(?:cd)*(?i:e)", PythonRegexTranslator.Translate("^(?:a)(?:b)(?:cd)*(?i:e)"));
        var translated = FilterRegexTranslator.Translate("^" + Repeat("(?:a)", 200_000) + " <HOST>$", FilterRegexKind.Fail, false, false);
        Assert.StartsWith("^" + new string('a', 200_000) + " ", translated.DotNetPattern);
    }

    [Fact]
    public void Fuzz_seed_17_index_54292_a_huge_minimum_width_builds_no_gigabyte_line()
    {
        // FuzzTests, FUZZ_SEED=17: SuperLinearBacktrackingRule padded its crafted line to the regex's minimum width (OutOfMemory).
        var report = LintHarness.Lint(LintHarness.Filter(@"</F-MLFID>\s\x41\n\w{999999999}\B[^\]]]\Z<DNS>-\d"));
        Assert.DoesNotContain(report.Findings, x => x.RuleId == RuleIds.InternalError);
    }
}
