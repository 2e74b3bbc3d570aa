using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class UnanchoredRegexRuleTests
{
    [Fact]
    public void A_failregex_without_caret_is_reported_with_a_fake_failure_inside_attacker_text()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@"Login failed from <HOST>$")));
        Assert.Equal((2, 13), (f.Location.Line, f.Location.Column));
        Assert.Equal("192.0.2.254", f.Evidence!.BannedAddress);
    }

    [Fact]
    public void An_end_anchored_regex_with_a_catch_all_is_a_warning_since_a_line_that_echoes_client_data_can_end_with_a_fake()
    {
        // mssql-auth before its fix: "Wrong data received: Logon Login failed … [CLIENT: <ip>]" banned the echoed address.
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex,
            LintHarness.Filter(@"Logon\s+Login failed for user ('.*')(.*)\[CLIENT: <HOST>\]$")));
        Assert.Equal(LintSeverity.Warning, f.Severity);
    }

    [Fact]
    public void An_end_anchored_regex_whose_line_has_no_client_field_is_a_note()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@"\/<HOST> Port\: [0-9]+ (TCP|UDP) Blocked$")));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.Contains("another line of this log", f.Message);
    }

    [Fact]
    public void An_end_anchored_regex_whose_client_fields_are_quoted_values_that_escape_the_quote_the_fake_needs_is_not_reported()
    {
        // Oracle IMS's XML records: a client cannot write a raw quote, and a fake record needs one.
        var text = LintHarness.Filter("tr=\"[A-Z]+\\|\\d+\\|<HOST>\\|\\d+\" ap=\"[^\"]*\" mi=\"Bad password\" us=\"[^\"]*\" di=\"535 auth\"/>$");
        Assert.Empty(LintHarness.Findings(RuleIds.UnanchoredRegex, text));
        // Without the end anchor the fake can sit anywhere, followed by anything.
        Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, text.Replace("/>$", "/>")));
    }

    [Fact]
    public void Caret_followed_by_a_catch_all_anchors_nothing()
    {
        Assert.Single(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(@"^.*Login failed from <HOST>$")));
    }

    [Theory]
    [InlineData(@"^Login failed from <HOST>$")]
    [InlineData(@"^(?:Login|Auth) failed from <HOST>$")]
    [InlineData(@"^\s*Login failed from <HOST>$")]
    public void Anchored_regexes_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.UnanchoredRegex, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void A_whole_first_line_in_a_multi_line_regex_is_anchored()
    {
        var text = LintHarness.Filter(@"^.*\nWARNING: Authentication attempt from <HOST> failed\.$", "maxlines = 2");
        Assert.Empty(LintHarness.Findings(RuleIds.UnanchoredRegex, text));
    }
}
