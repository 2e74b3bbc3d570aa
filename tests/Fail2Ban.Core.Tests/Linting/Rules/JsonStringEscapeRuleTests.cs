using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class JsonStringEscapeRuleTests
{
    [Fact]
    public void A_json_value_read_up_to_the_first_quote_is_reported_with_an_escaped_quote_line_and_a_fix()
    {
        var text = LintHarness.Filter(@"^\{""user"":""[^""]*"",""remote"":""<HOST>"",""msg"":""login failed""\}$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonStringEscape, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        var column = text.Split('\n')[1].IndexOf("[^", System.StringComparison.Ordinal) + 1;
        Assert.Equal((2, column, column + 5), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal(@"{""user"":""x\""y"",""remote"":""192.0.2.1"",""msg"":""login failed""}", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal((@"[^""]*", @"(?:[^""\\]|\\.)*"), (edit.OldText, edit.NewText));
    }

    [Fact]
    public void A_value_class_in_an_interpolated_option_is_reported_where_it_is_written()
    {
        var text = "[Definition]\n_kv = (?:,?\\s*\"\\w+\":(?:\"[^\"]+\"|\\d+))*\n"
            + "failregex = ^prefix: \\{%(_kv)s,?\\s*\"user\":\"\\w+\",\"addr\":\"<HOST>\"%(_kv)s,?\\s*\"event\":\"auth failed\"\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.JsonStringEscape, text));
        Assert.Equal((2, 25, 30), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Contains(@"x\""y", f.Evidence!.Line);
        Assert.Equal((2, @"(?:[^""\\]|\\.)+"), (f.Fix!.Edits.Single().Line, f.Fix.Edits.Single().NewText));
    }

    [Theory]
    [InlineData(@"^<HOST> - \S+ ""[^""]*"" 404 \d+$")]                                     // access log: not JSON
    [InlineData(@"^event=""auth"",user=""[^""]*"",remote=""<HOST>""$")]                   // key=value, not JSON
    [InlineData(@"^\{""user"":""(?:[^""\\]|\\.)*"",""remote"":""<HOST>""\}$")]           // already escape-aware
    [InlineData(@"^\{""user"":""[^""]*"".*""remote"":""<HOST>""\}$")]                    // .* walks past the quote
    [InlineData(@"^\{""level"":""[^""]*"",""remote"":""<HOST>""\}$")]                    // the server writes the level
    public void Non_json_escape_aware_or_covered_values_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.JsonStringEscape, LintHarness.Filter(failregex)));
    }

    /// <summary>A Cowrie-like filter: any pairs read by a pattern before the address and the event id.</summary>
    private const string RecordFilter = "[Definition]\n_kv = (?:\"\\w+\":(?:\"[^\"]*\"|\\d+),)*\n"
        + "failregex = ^\\{%(_kv)s\"src_ip\":\"<HOST>\",%(_kv)s\"eventid\":\"honeypot\\.EVENT\"\n";

    private static LintOptions Samples(string log) =>
        new() { Samples = new SampleLogSource(n => n == "test" ? log : null, n => "/logs/" + n) };

    private static System.Collections.Generic.List<LintFinding> RecordFindings(string eventId, string log) =>
        LintHarness.Findings(RuleIds.JsonStringEscape, RecordFilter.Replace("EVENT", eventId), options: log.Length == 0 ? null : Samples(log));

    [Fact]
    public void Pairs_read_by_a_pattern_are_not_reported_where_the_record_holds_only_the_daemons_own_values()
    {
        Assert.Empty(RecordFindings("connect", ""));
        Assert.Empty(RecordFindings("connect",
            "{\"session\":\"2a5e755afa79\",\"protocol\":\"ssh\",\"src_ip\":\"192.0.2.7\",\"src_port\":4711,\"eventid\":\"honeypot.connect\"}\n"
            + "{\"session\":\"9b0c3d2e1f00\",\"protocol\":\"telnet\",\"src_ip\":\"192.0.2.8\",\"src_port\":4712,\"eventid\":\"honeypot.connect\"}\n"));
    }

    [Fact]
    public void Pairs_read_by_a_pattern_are_reported_where_the_sample_records_hold_a_client_value_before_the_matched_field()
    {
        var named = Assert.Single(RecordFindings("login",
            "{\"username\":\"root\",\"password\":\"123456\",\"src_ip\":\"192.0.2.7\",\"eventid\":\"honeypot.login\"}\n"));
        Assert.Contains("\"username\" value", named.Message);
        var varying = Assert.Single(RecordFindings("command",
            "{\"x\":\"ls -la /tmp\",\"src_ip\":\"192.0.2.7\",\"eventid\":\"honeypot.command\"}\n"
            + "{\"x\":\"cat /etc/passwd; id\",\"src_ip\":\"192.0.2.8\",\"eventid\":\"honeypot.command\"}\n"));
        Assert.Contains("differs between the sample records", varying.Message);
        // After the matched field, a client's value does not decide the match.
        Assert.Empty(RecordFindings("login",
            "{\"session\":\"2a5e755afa79\",\"src_ip\":\"192.0.2.7\",\"eventid\":\"honeypot.login\",\"username\":\"root\"}\n"));
    }

    [SkippableFact]
    public void On_master_the_json_filters_that_read_values_up_to_the_first_quote_are_reported()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        var findings = CorpusLintGuardTests.LintMaster().Findings.Where(f => f.RuleId == RuleIds.JsonStringEscape).ToList();
        // Cowrie's connect record holds only Cowrie's own values before the event id: no client can put a quote there.
        Assert.Equal(new[] { "froxlor-auth.conf" }, findings.Select(f => System.IO.Path.GetFileName(f.Location.File)).Distinct().OrderBy(n => n));
        Assert.All(findings, f => Assert.Contains(@"\""", f.Evidence!.Line));
    }
}
