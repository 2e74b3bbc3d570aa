using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class NumberWidthRuleTests
{
    [Fact]
    public void A_bounded_pid_after_a_program_name_is_reported_with_a_seven_digit_pid_line_and_a_fix()
    {
        var text = LintHarness.Filter(@"^\S+ vpnd\[[0-9]{2,5}\]: <HOST>:\d+ auth failed$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.NumberWidth, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal(LintHarness.Place(text, "[0-9]{2,5}"), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("vpnd[2418253]: 192.0.2.1:", f.Evidence.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("[0-9]{2,5}", @"\d+"), (edit.OldText, edit.NewText));
    }

    [Fact]
    public void A_five_digit_port_after_the_host_is_reported_with_a_four_digit_port_line()
    {
        var text = LintHarness.Filter(@"^login denied for \S+ from <HOST>:\d\d\d\d\d$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.NumberWidth, text));
        Assert.Equal(LintHarness.Place(text, @"\d\d\d\d\d"), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.EndsWith("from 192.0.2.1:5070", f.Evidence!.Line);
        Assert.Equal(@"\d+", f.Fix!.Edits.Single().NewText);
    }

    [Theory]
    [InlineData(@"^auth failure rhost=<HOST> port=\d{5}$", "port=5070")]
    [InlineData(@"^auth failure pid=\d{2,} rhost=<HOST>$", "pid=7 ")]
    [InlineData(@"^blocked src=<HOST> sport=\d{5}$", "sport=5070")]
    [InlineData(@"^\[client \[<HOST>\]:\d{1,4}\] denied$", "]:50700]")]
    public void Labelled_and_bracketed_numbers_are_judged_by_the_width_they_need(string failregex, string evidence)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.NumberWidth, LintHarness.Filter(failregex)));
        Assert.Contains(evidence, f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^auth failed from <HOST> on line \d{1,2} of \S+$", "on line 1024 of")]
    [InlineData(@"^\s+\[conn\d\] Failed to authenticate from <HOST>$", "[conn1024]")]
    [InlineData(@"^\S+ sipd: \[sofia_reg\.c:\d{1,3}\] auth failure from <HOST>$", "[sofia_reg.c:1024]")]
    [InlineData(@"^\S+ httpd: \(mod_auth\.c\.\d\) password doesn't match for <HOST>$", "(mod_auth.c.1024)")]
    [InlineData(@"^\S+ sockd: error after reading \d{1,2} bytes from <HOST>$", "reading 1024 bytes")]
    [InlineData(@"^<HOST> - \S+ \[\] ""[^""]*"" 401 \d{1,3}$", "\" 401 1024")]
    [InlineData(@"^\S+ ldapd: conn=\d{2,} op=\d+ denied from <HOST>$", "conn=7 ")]
    [InlineData(@"^auth failed from <HOST> after \d{2} tries$", "after 7 tries")]
    public void Counters_named_by_a_label_a_source_file_a_unit_or_the_status_must_take_any_width(string failregex, string evidence)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.NumberWidth, LintHarness.Filter(failregex)));
        Assert.Contains(evidence, f.Evidence!.Line);
        Assert.Contains("counter", f.Message);
        Assert.Equal(@"\d+", f.Fix!.Edits.Single().NewText);
    }

    [Fact]
    public void A_pid_bound_written_in_an_option_is_reported_where_it_is_written()
    {
        var text = "[Definition]\n_pid = \\[\\d{3,6}\\]\nfailregex = ^\\S+ vpnd%(_pid)s: auth failed from <HOST>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.NumberWidth, text));
        Assert.Equal((2, 10, 17), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal((2, @"\d{3,6}"), (f.Fix!.Edits.Single().Line, f.Fix.Edits.Single().OldText));
    }

    [Theory]
    [InlineData(@"^\S+ vpnd: <HOST>:\d{4,5} auth failed$")]        // a client port: 4 and 5 digits allowed
    [InlineData(@"^\S+ vpnd\[\d{1,7}\]: <HOST> auth failed$")]      // every Linux pid
    [InlineData(@"^\S+ vpnd\[\d+\]: <HOST>:\d+ auth failed$")]
    [InlineData(@"^\d{4}-\d{2}-\d{2} auth failed from <HOST>$")]    // a date: fixed by nature
    [InlineData(@"^<HOST> - \S+ ""GET /x"" \d{3} \d+$")]           // a status code
    [InlineData(@"^kernel: \[\d{1,5}\] auth failed from <HOST>$")]  // brackets after a space: not a pid
    [InlineData(@"^auth failed from <HOST> after \d{1,6} tries$")]
    [InlineData(@"^blocked src=<HOST> dport=\d{2,3}$")]            // the server's port
    [InlineData(@"^\S+ httpd: AH\d{5}: denied <HOST>$")]            // a message code: fixed width by nature
    [InlineData(@"^\S+ ldapd: conn=\d{1,6} denied from <HOST>$")]     // wide enough for any real counter
    [InlineData(@"^<HOST> - \S+ \[\] ""[^""]*"" \d{3} \d+$")]          // the status code itself
    [InlineData(@"^auth failed from <HOST> at step \d of 3$")]
    public void Numbers_that_do_not_grow_or_already_fit_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.NumberWidth, LintHarness.Filter(failregex)));
    }

    [SkippableFact]
    public void Master_filters_port_and_pid_widths_all_fit()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        Assert.DoesNotContain(CorpusLintGuardTests.LintMaster().Findings, f => f.RuleId == RuleIds.NumberWidth);
    }
}
