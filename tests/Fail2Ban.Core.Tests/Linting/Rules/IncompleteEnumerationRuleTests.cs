using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class IncompleteEnumerationRuleTests
{
    [Fact]
    public void Transports_without_TLS_are_reported_at_the_alternation_with_a_TLS_line_and_the_completed_list()
    {
        var text = LintHarness.Filter(@"^sip auth failed via (?:UDP|TCP|WS) from <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.IncompleteEnumeration, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        var column = text.Split('\n')[1].IndexOf("UDP|", System.StringComparison.Ordinal) + 1;
        Assert.Equal((2, column, column + "UDP|TCP|WS".Length), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal("sip auth failed via TLS from 192.0.2.1", f.Evidence!.Line);
        var edit = Assert.Single(f.Fix!.Edits);
        Assert.Equal(("UDP|TCP|WS", "UDP|TCP|WS|TLS|WSS|SCTP"), (edit.OldText, edit.NewText));
        Assert.Contains("TLS, WSS, SCTP", f.Message);
    }

    [Fact]
    public void A_lower_case_list_is_completed_in_lower_case()
    {
        var text = LintHarness.Filter(@"(?i)^auth mechanism (plain|login) failed for <HOST>$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.IncompleteEnumeration, text));
        Assert.StartsWith("plain|login|cram-md5|digest-md5|ntlm|", f.Fix!.Edits.Single().NewText);
        Assert.Contains("mechanism cram-md5 failed", f.Evidence!.Line);
    }

    [Fact]
    public void Http_methods_beyond_the_static_trio_are_judged_from_three_listed()
    {
        var text = LintHarness.Filter(@"^<HOST> - \S+ ""(?:GET|POST|PUT) /api/login"" 401$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.IncompleteEnumeration, text));
        Assert.Contains("\"HEAD /api/login\" 401", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^\S+ (?:TCP|UDP) port scan from <HOST>$")]                    // IP protocols, not SIP transports
    [InlineData(@"^<HOST> - \S+ ""(?:GET|POST|HEAD) /admin"" 404$")]            // all a static handler serves
    [InlineData(@"^<HOST> - \S+ ""(?:GET|POST) /admin"" 401$")]                 // two methods: not read as the vocabulary
    [InlineData(@"^sip auth failed via (?:UDP|TCP|WS|[A-Z]+) from <HOST>$")]    // not a finite list
    [InlineData(@"^sip auth failed via (?:UDP|TCP|TLS|WS|WSS|SCTP) from <HOST>$")]
    [InlineData(@"^sip auth failed via (?!(?:UDP|WS)\b)\w+ from <HOST>$")]           // exceptions in a look-ahead
    [InlineData(@"^sip auth failed via (?:UDP|TCP|WS)?[A-Z]* from <HOST>$")]   // no line is missed: [A-Z]* takes TLS
    public void Complete_ambiguous_open_short_or_covered_lists_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.IncompleteEnumeration, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void A_list_whose_missing_members_have_failregexes_of_their_own_is_not_reported()
    {
        var text = "[Definition]\nfailregex = ^auth: <HOST> (?:CRAM-MD5|NTLM) rejected: bad digest$\n"
            + "            ^auth: <HOST> LOGIN rejected: bad password$\n";
        Assert.Empty(LintHarness.Findings(RuleIds.IncompleteEnumeration, text));
    }

    [SkippableFact]
    public void On_master_only_the_postfix_sasl_mechanism_lists_are_reported()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        var findings = CorpusLintGuardTests.LintMaster().Findings.Where(f => f.RuleId == RuleIds.IncompleteEnumeration).ToList();
        Assert.Equal(new[] { "postfix.conf" }, findings.Select(f => System.IO.Path.GetFileName(f.Location.File)).Distinct());
        Assert.All(findings, f => Assert.Contains("SASL NTLM authentication failed", f.Evidence!.Line));
    }
}
