using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class SharedPrefixWithoutPrefRegexRuleTests
{
    private readonly ITestOutputHelper _output;

    public SharedPrefixWithoutPrefRegexRuleTests(ITestOutputHelper output) => _output = output;

    /// <summary>24 characters of Python regex text: the syslog header of an authd line.</summary>
    private const string Head = "^\\s*\\S+ authd\\[\\d+\\]:\\s+";

    private static string Fails(string head, params string[] tails) =>
        "failregex = " + string.Join("\n            ", tails.Select(t => head + t)) + "\n";

    private static readonly string[] FourTails =
    {
        "denied user \\S+ from <HOST>$",
        "bad ticket from <HOST>$",
        "no such realm from <HOST>$",
        "too slow from <HOST>$",
    };

    /// <summary>The rule is off by default in lint (a suggestion, not a defect): the tests turn it on.</summary>
    private static LintSettings Enabled() => new LintSettings().Set(RuleIds.SharedPrefixWithoutPrefRegex, LintSeverity.Info);

    private static List<LintFinding> Findings(string text, LintOptions? options = null) =>
        LintHarness.Lint(text, null, Enabled(), options).Findings.Where(f => f.RuleId == RuleIds.SharedPrefixWithoutPrefRegex).ToList();

    [Fact]
    public void It_is_off_by_default()
    {
        Assert.Equal(LintSeverity.None, RuleCatalog.Get(RuleIds.SharedPrefixWithoutPrefRegex).DefaultSeverity);
        var text = "[Definition]\n" + Fails(Head, FourTails);
        Assert.Single(Findings(text));
        Assert.Empty(LintHarness.Findings(RuleIds.SharedPrefixWithoutPrefRegex, text));
    }

    [Fact]
    public void Four_failregexes_sharing_a_long_prefix_without_prefregex_are_reported_once_at_the_prefix_with_a_line_no_failregex_matches()
    {
        var f = Assert.Single(Findings("[Definition]\n" + Fails(Head, FourTails)));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal((2, 13), (f.Location.Line, f.Location.Column));
        Assert.Equal((2, 13 + Head.Length), (f.Location.EndLine, f.Location.EndColumn));
        Assert.Empty(f.Modes);
        Assert.Contains("all 4 failregexes start with the same 24-character regex prefix", f.Message);
        Assert.Contains("'prefregex = " + Head + "<F-CONTENT>.+</F-CONTENT>$'", f.Message);
        Assert.Null(f.Fix);
        var evidence = f.Evidence!;
        Assert.Equal(LintEvidenceKind.MissedLine, evidence.Kind);
        Assert.Matches(@"^Aug 14 11:59:58\s+\S+ authd\[\d+\]:\s+\S", evidence.Line);
        Assert.Contains("tried against all 4 failregexes", evidence.Explanation);
        Assert.Contains("matched 4 times; with a prefregex it would be matched once", evidence.Explanation);
        // The line is one the filter does not match (checked independently of the rule).
        foreach (var tail in FourTails)
            Assert.DoesNotMatch(new Regex(tail.Replace("<HOST>", @"\S+")), evidence.Line);
    }

    [Fact]
    public void With_samples_the_evidence_is_a_sample_line_no_failregex_matches()
    {
        const string log = "# failJSON: { \"time\": \"2005-08-13T10:00:00\", \"match\": true , \"host\": \"192.0.2.7\" }\n"
            + "Aug 13 10:00:00 gw authd[311]: bad ticket from 192.0.2.7\n"
            + "# failJSON: { \"match\": false }\n"
            + "Aug 13 10:00:01 gw authd[311]: session closed for 192.0.2.7\n";
        var f = Assert.Single(Findings("[Definition]\n" + Fails(Head, FourTails),
            FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log })));
        Assert.Equal(LintEvidenceKind.SampleLine, f.Evidence!.Kind);
        Assert.Equal("Aug 13 10:00:01 gw authd[311]: session closed for 192.0.2.7", f.Evidence.Line);
    }

    [Fact]
    public void A_prefix_from_an_interpolated_option_is_located_at_the_failregex_that_references_it()
    {
        var text = "[Definition]\n_pre = " + Head + "\n" + Fails("%(_pre)s", FourTails);
        var f = Assert.Single(Findings(text));
        // The failregex line (3), at its own text after the reference, not the definition of _pre (line 2).
        Assert.Equal((3, 21), (f.Location.Line, f.Location.Column));
    }

    [Fact]
    public void A_filter_with_a_prefregex_is_not_reported()
    {
        var text = "[Definition]\nprefregex = ^<F-CONTENT>.+</F-CONTENT>$\n" + Fails(Head, FourTails);
        Assert.Empty(Findings(text));
    }

    [Fact]
    public void Only_two_failregexes_sharing_the_prefix_are_not_reported()
    {
        Assert.Empty(Findings("[Definition]\n" + Fails(Head, FourTails[0], FourTails[1])));
        // Four failregexes, but only two start with the prefix: no prefregex can serve them all.
        var mixed = "[Definition]\nfailregex = " + Head + FourTails[0] + "\n            " + Head + FourTails[1]
            + "\n            ^no such realm from <HOST>$\n            ^too slow from <HOST>$\n";
        Assert.Empty(Findings(mixed));
    }

    [Fact]
    public void A_short_common_prefix_is_not_reported()
    {
        Assert.Empty(Findings("[Definition]\n" + Fails("^\\s*", FourTails)));
        Assert.Empty(Findings("[Definition]\n" + Fails("^", FourTails)));
    }

    [Fact]
    public void Prefixes_that_differ_are_not_reported()
    {
        var text = "[Definition]\nfailregex = " + Head + FourTails[0]
            + "\n            ^\\s*\\S+ authd\\[\\d+\\]:\\s*" + FourTails[1]
            + "\n            ^\\s*\\S+ authz\\[\\d+\\]:\\s+" + FourTails[2]
            + "\n            " + Head + FourTails[3] + "\n";
        Assert.Empty(Findings(text));
    }

    [Fact]
    public void A_filter_with_two_qualifying_modes_is_reported_once_listing_both()
    {
        var text = "[Definition]\nmode = normal\n"
            + "mdre-normal = " + string.Join("\n              ", FourTails.Take(3).Select(t => Head + t)) + "\n"
            + "mdre-aggressive = %(mdre-normal)s\n                  " + Head + FourTails[3] + "\n"
            + "failregex = <mdre-<mode>>\n";
        var f = Assert.Single(Findings(text));
        Assert.Equal(new[] { "normal", "aggressive" }, f.Modes.ToArray());
        Assert.Contains("(mode normal, aggressive)", f.Message);
        Assert.Contains("all 3 failregexes", f.Message);
        Assert.Equal((3, 15), (f.Location.Line, f.Location.Column));
    }

    /// <summary>On upstream master only the two filters repeating <c>^%(__prefix_line)s</c> without a prefregex are flagged.</summary>
    [SkippableFact]
    public void On_master_the_filters_repeating_the_syslog_prefix_are_flagged_with_a_line_their_failregexes_miss()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var findings = CorpusLintGuardTests.LintMaster(settings: Enabled()).Findings.Where(f => f.RuleId == RuleIds.SharedPrefixWithoutPrefRegex).ToList();
        foreach (var f in findings) _output.WriteLine(f + "\n  evidence: " + f.Evidence?.Line + "\n  " + f.Evidence?.Explanation);
        Assert.Equal(new[] { "qmail.conf", "solid-pop3d.conf" }, findings.Select(f => System.IO.Path.GetFileName(f.Filter)).ToArray());
        Assert.All(findings, f => Assert.NotNull(f.Evidence));
        Assert.All(findings, f => Assert.Equal(13, f.Location.Column));
    }
}
