using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class PluralAfterCountRuleTests
{
    /// <summary>A sample log in which the daemon writes each of <paramref name="singulars"/> after a count of one.</summary>
    private static LintOptions Inflecting(params string[] singulars) => FailRegexWithoutSampleRuleTests.Samples(new()
    {
        ["test"] = string.Concat(singulars.Select(w => "Aug 14 12:00:00 note: 1 " + w + " left\n")),
    });

    private static System.Collections.Generic.List<LintFinding> Findings(string text, params string[] singulars) =>
        LintHarness.Findings(RuleIds.PluralAfterCount, text, null, Inflecting(singulars));

    [Fact]
    public void A_count_before_a_literal_plural_is_reported_where_it_is_written_with_a_checked_singular_line_and_a_fix()
    {
        var f = Assert.Single(Findings(LintHarness.Filter(@"^auth failed after \d+ bytes from <HOST>$"), "byte"));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Equal((2, 32, 2, 41), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("after 1 byte from ", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("s", "s?", 2, 40), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Theory]
    [InlineData(@"\d+ tries", "tr(?:y|ies)", "1 try ")]
    [InlineData(@"[0-9]+ matches", "match(?:es)?", "1 match ")]
    [InlineData(@"\d+ failures", "failures?", "1 failure ")]
    public void The_singular_follows_the_english_ending(string count, string fixedWord, string singularLine)
    {
        var f = Assert.Single(Findings(LintHarness.Filter("^rejected " + count + " from <HOST>$"), "try", "match", "failure"));
        Assert.Contains(singularLine, f.Evidence!.Line);
        Assert.EndsWith("'" + fixedWord + "'", f.Message);
    }

    [Fact]
    public void Each_plural_of_a_message_is_its_own_finding()
    {
        var findings = Findings(LintHarness.Filter(@"^read \d+ bytes in \d+ seconds from <HOST>$"), "byte", "second");
        Assert.Equal(new[] { "'\\d+ bytes'", "'\\d+ seconds'" }, findings.Select(f => f.Message.Substring(0, f.Message.IndexOf(" requires"))));
    }

    [Theory]
    [InlineData(@"\d+ bytes?")]
    [InlineData(@"\d+ secs")]
    [InlineData(@"\d+ status")]
    [InlineData(@"\d+ class")]
    [InlineData(@"\d+ series")]
    [InlineData(@"\d+ bytesize")]
    [InlineData(@"\d+ bytes\w*")]
    [InlineData(@"(?:after \d+ bytes )?now")]
    [InlineData(@"(?:\d+ bytes|nothing)")]
    [InlineData(@"\S+ bytes")]
    public void Singulars_non_plurals_abbreviations_optional_parts_and_non_counts_are_not_reported(string part)
    {
        Assert.Empty(Findings(LintHarness.Filter("^rejected " + part + " from <HOST>$"), "byte", "sec", "statu", "clas", "serie"));
    }

    [Fact]
    public void A_sample_log_that_writes_the_plural_after_a_count_of_one_silences_the_rule()
    {
        var filter = LintHarness.Filter(@"^rejected after \d+ attempts from <HOST>$");
        var plural = "Aug 14 12:00:00 rejected after 1 attempts from 192.0.2.1\n";
        var both = FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = plural + "Aug 14 12:00:01 note: 1 attempt left\n" });
        Assert.Empty(LintHarness.Findings(RuleIds.PluralAfterCount, filter, null, both));
        Assert.Single(Findings(filter, "attempt"));
    }

    [Fact]
    public void Without_a_sample_log_the_rule_is_silent_since_the_regex_cannot_tell_whether_the_daemon_inflects()
    {
        // sendmail writes "after %d seconds" for every count; Dante writes "1 second": only the daemon's log can tell.
        var filter = LintHarness.Filter(@"^rejecting commands from \[<HOST>\] due to pre-greeting traffic after \d+ seconds$");
        Assert.Empty(LintHarness.Findings(RuleIds.PluralAfterCount, filter));
        Assert.Single(Findings(filter, "second"));
    }

    [Fact]
    public void A_sample_log_that_never_shows_the_singular_silences_the_rule_and_one_that_shows_it_keeps_it()
    {
        // dropbear writes "%u fails" for every count: its log shows "10 fails" and never "1 fail".
        var filter = LintHarness.Filter(@"^exit before auth \(\d+ fails\) from <HOST>$");
        var plural = FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = "Aug 14 12:00:00 exit before auth (10 fails) from 192.0.2.1\n" });
        Assert.Empty(LintHarness.Findings(RuleIds.PluralAfterCount, filter, null, plural));
        var inflecting = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "Aug 14 12:00:00 exit before auth (10 fails) from 192.0.2.1\nAug 14 12:00:01 exit before auth (1 fail) from 192.0.2.2\n",
        });
        Assert.Single(LintHarness.Findings(RuleIds.PluralAfterCount, filter, null, inflecting));
    }

    [SkippableFact]
    public void Master_dante_which_allows_the_singular_is_not_reported()
    {
        if (LintHarness.MasterFindings(RuleIds.PluralAfterCount, "dante") is { } findings) Assert.Empty(findings);
    }

    [Fact]
    public void The_fixed_filter_is_clean()
    {
        var text = LintHarness.Filter(@"^\d+ retries and \d+ matches from <HOST>$");
        var findings = Findings(text, "retry", "match");
        var result = LintFixApplier.Apply(text, findings.SelectMany(f => f.Fix!.Edits));
        Assert.Contains(@"\d+ retr(?:y|ies) and \d+ match(?:es)? from", result.Text);
        Assert.Empty(Findings(result.Text, "retry", "match"));
    }

    [Fact]
    public void A_plural_in_an_interpolated_option_is_fixed_where_it_is_written()
    {
        var text = LintHarness.Filter(@"^auth failed after %(_what)s from <HOST>$", @"_what = \d+ attempts");
        var f = Assert.Single(Findings(text, "attempt"));
        Assert.Equal((2, 9), (f.Location.Line, f.Location.Column));
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("s", "s?", 2, 20), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }
}
