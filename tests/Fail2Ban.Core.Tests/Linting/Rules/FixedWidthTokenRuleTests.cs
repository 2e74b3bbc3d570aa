using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class FixedWidthTokenRuleTests
{
    private const string Smtp = "_cmd = [A-Z]{4}\nfailregex = ^%(_cmd)s from \\S*\\[<HOST>\\]: 554 rejected$\n";

    [Fact]
    public void A_fixed_width_verb_is_reported_where_it_is_written_with_a_checked_missed_line_and_a_fix()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, "[Definition]\n" + Smtp));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal((2, 8, 2, 16), (f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn));
        Assert.NotNull(f.Evidence);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("CONNECT from", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("{4}", "{4,}", 2, 13), (edit.OldText, edit.NewText, edit.Line, edit.Column));
    }

    [Theory]
    [InlineData("[A-Z]{4,}")]
    [InlineData("[A-Z]{3,10}")]
    [InlineData(@"\d{4}")]
    [InlineData("[0-9a-f]{8}")]
    [InlineData("[A-Z]{2}")]
    public void Open_ranges_digits_hex_and_short_codes_are_not_reported(string token)
    {
        var text = "[Definition]\nfailregex = ^" + token + @" from \S*\[<HOST>\]: 554 rejected$" + "\n";
        Assert.Empty(LintHarness.Findings(RuleIds.FixedWidthToken, text));
    }

    [Fact]
    public void A_token_that_can_grow_into_what_follows_is_not_reported()
    {
        // [A-Z]{4}\w* already accepts longer verbs: no line is missed, so nothing is reported.
        var text = "[Definition]\nfailregex = ^[A-Z]{4}\\w* from \\S*\\[<HOST>\\]$\n";
        Assert.Empty(LintHarness.Findings(RuleIds.FixedWidthToken, text));
    }

    [Fact]
    public void A_width_that_separates_the_words_of_a_repeated_list_is_not_reported_and_one_with_a_required_separator_is()
    {
        // sendmail's fixed "did not issue MAIL/EXPN/VRFY/ETRN": with {4,} a word could swallow the next one.
        const string list = "[Definition]\nfailregex = ^\\[<HOST>\\] did not issue (?:[A-Z]{4}[/ ]?)+during connection$\n";
        Assert.Empty(LintHarness.Findings(RuleIds.FixedWidthToken, list));
        const string separated = "[Definition]\nfailregex = ^\\[<HOST>\\] did not issue (?:[A-Z]{4}/)+ during connection$\n";
        Assert.Single(LintHarness.Findings(RuleIds.FixedWidthToken, separated));
    }

    [SkippableFact]
    public void Debian_1_0_2_postfix_is_flagged_at_pref_with_a_CONNECT_line_and_master_is_not()
    {
        var debian = Corpus.DebianRoot is { } d ? Path.Combine(d, "etc", "fail2ban") : null;
        Skip.If(debian is null || Corpus.MasterRoot is null, "needs the Fail2Ban 1.0.2 reference (scripts/fetch-fail2ban-reference.sh) and the corpus: " + Corpus.SkipReason);
        var old = Path.Combine(debian, "filter.d", "postfix.conf");
        var report = new FilterLinter().LintFile(DiskFiles.Under(debian), old);
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Equal((old, 15), (f.Location.File, f.Location.Line));
        Assert.Contains("CONNECT", f.Evidence!.Line);
        Assert.Contains("more", f.Modes);

        var master = Path.Combine(Corpus.MasterRoot, "filter.d", "postfix.conf");
        Assert.DoesNotContain(new FilterLinter().LintFile(DiskFiles.Under(Corpus.MasterRoot), master).Findings, x => x.RuleId == RuleIds.FixedWidthToken);
    }

    [SkippableFact]
    public void Master_postfix_with_the_1_0_2_token_restored_is_flagged_at_the_command_token_and_master_itself_is_not()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var dir = Path.Combine(Corpus.MasterRoot, "filter.d");
        var master = File.ReadAllText(Path.Combine(dir, "postfix.conf"));
        Assert.Contains("_cmd = [A-Z]{4,}\n", master);
        var files = DiskFiles.Under(Corpus.MasterRoot);
        Assert.DoesNotContain(new FilterLinter().LintFile(files, Path.Combine(dir, "postfix.conf")).Findings, x => x.RuleId == RuleIds.FixedWidthToken);

        // The defect of Fail2Ban 1.0.2, rebuilt in memory from the corpus (never copied into the repository).
        files.Add(Path.Combine(dir, "postfix-102.conf"), master.Replace("_cmd = [A-Z]{4,}\n", "_cmd = [A-Z]{4}\n"));
        var report = new FilterLinter().LintFile(files, Path.Combine(dir, "postfix-102.conf"));
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        var line = master.Substring(0, master.IndexOf("_cmd = [A-Z]{4,}", System.StringComparison.Ordinal)).Count(c => c == '\n') + 1;
        Assert.Equal((line, 8), (f.Location.Line, f.Location.Column));
        Assert.Contains("CONNECT from", f.Evidence!.Line);
        Assert.Equal("{4,}", f.Fix!.Edits.Single().NewText);
    }

    [SkippableFact]
    public void With_samples_the_evidence_is_the_real_missed_sample_line()
    {
        var debian = Corpus.DebianRoot is { } d ? Path.Combine(d, "etc", "fail2ban") : null;
        Skip.If(debian is null || Corpus.MasterRoot is null, "needs the Fail2Ban 1.0.2 reference (scripts/fetch-fail2ban-reference.sh) and the corpus: " + Corpus.SkipReason);
        var logs = Path.Combine(Corpus.MasterRoot, "logs");
        var options = new LintOptions { Samples = new SampleLogSource(n => File.Exists(Path.Combine(logs, n)) ? File.ReadAllText(Path.Combine(logs, n)) : null, n => Path.Combine(logs, n)) };
        var report = new FilterLinter(null, options).LintFile(DiskFiles.Under(debian), Path.Combine(debian, "filter.d", "postfix.conf"));
        var f = Assert.Single(report.Findings, x => x.RuleId == RuleIds.FixedWidthToken);
        Assert.Contains("NOQUEUE: reject: CONNECT from unknown[192.0.2.114]", f.Evidence!.Line);
    }
}
