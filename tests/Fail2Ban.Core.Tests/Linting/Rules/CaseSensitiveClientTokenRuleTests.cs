using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class CaseSensitiveClientTokenRuleTests
{
    [Fact]
    public void Upper_case_sasl_mechanisms_are_reported_with_the_lower_case_line_and_a_scoped_flag_fix()
    {
        var text = LintHarness.Filter(@"^smtpd: \S+\[<HOST>\]: SASL (?:LOGIN|PLAIN) authentication failed$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaseSensitiveClientToken, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        var column = text.Split('\n')[1].IndexOf("LOGIN|", System.StringComparison.Ordinal) + 1;
        Assert.Equal((2, column, column + "LOGIN|PLAIN".Length), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Contains("SASL login authentication failed", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("(?:", "(?i:", column - 3), (edit.OldText, edit.NewText, edit.Column));
    }

    [Fact]
    public void A_capturing_group_keeps_its_group_and_gets_a_scoped_flag_group_inside()
    {
        var text = LintHarness.Filter(@"^smtpd: \S+\[<HOST>\]: SASL (LOGIN|PLAIN|CRAM-MD5) authentication failed$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaseSensitiveClientToken, text));
        Assert.Equal(("LOGIN|PLAIN|CRAM-MD5", "(?i:LOGIN|PLAIN|CRAM-MD5)"), (f.Fix!.Edits.Single().OldText, f.Fix.Edits.Single().NewText));
    }

    [Theory]
    [InlineData(@"(?i)^smtpd: \S+\[<HOST>\]: SASL (?:LOGIN|PLAIN) authentication failed$")]
    [InlineData(@"^smtpd: \S+\[<HOST>\]: SASL (?i:LOGIN|PLAIN) authentication failed$")]
    [InlineData(@"^smtpd: \S+\[<HOST>\]: SASL (?:[Ll][Oo][Gg][Ii][Nn]|[Pp][Ll][Aa][Ii][Nn]) authentication failed$")]
    [InlineData(@"^sip auth failed via (?:UDP|TCP|TLS|WS|WSS|SCTP) from <HOST>$")] // the server names the transport
    public void Case_insensitive_lists_and_server_chosen_words_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.CaseSensitiveClientToken, LintHarness.Filter(failregex)));
    }

    [SkippableFact]
    public void Master_postfix_compares_sasl_mechanisms_case_insensitively_and_is_not_reported()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        Assert.DoesNotContain(CorpusLintGuardTests.LintMaster().Findings, f => f.RuleId == RuleIds.CaseSensitiveClientToken);
    }

    [Fact]
    public void An_smtp_verb_where_the_daemon_echoes_the_client_command_is_reported_at_the_verb()
    {
        var text = LintHarness.Filter(@"^smtp: error from <HOST>: mechanism unknown, cmd: AUTH \S+$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.CaseSensitiveClientToken, text));
        var column = text.Split('\n')[1].IndexOf("AUTH", System.StringComparison.Ordinal) + 1;
        Assert.Equal((2, column, column + 4), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Contains("cmd: auth ", f.Evidence!.Line);
        Assert.Equal(("AUTH", "(?i:AUTH)"), (f.Fix!.Edits.Single().OldText, f.Fix.Edits.Single().NewText));
    }

    [Theory]
    [InlineData(@"^smtp: lost connection after AUTH from \S+\[<HOST>\]$")]                       // the server's state name
    [InlineData(@"^\[<HOST>\]: possible SMTP attack: command=AUTH, count=\d+$")]                 // the server's canonical name
    [InlineData(@"^msg=""535 failed"",cmd:( AUTH \S+)?( [0-9a-zA-Z\+/=]+)?(?: \S+)? from <HOST>$")] // other parts take 'auth x'
    public void Server_written_verbs_and_verbs_a_line_can_bypass_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.CaseSensitiveClientToken, LintHarness.Filter(failregex)));
    }
}
