using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class TrailingFieldMissedRuleTests
{
    [Fact]
    public void A_pam_record_ending_at_rhost_misses_the_user_field()
    {
        var filter = LintHarness.Filter(@"^pam_unix\(\S+\): authentication failure; logname=\S* uid=\d* euid=\d* tty=\S* ruser=\S* rhost=<HOST>\s*$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.TrailingFieldMissed, filter));
        Assert.Equal(2, f.Location.Line);
        Assert.EndsWith("rhost=192.0.2.1 user=alice", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^ruser=\S* rhost=<HOST>(?: user=<F-USER>\S*</F-USER>)?\s*$")]
    [InlineData(@"^pam_unix\(\S+\): authentication failure; ruser=\S* rhost=<HOST> user=\S+$")]
    public void A_single_space_before_pams_user_field_misses_the_padded_record(string failregex)
    {
        var text = LintHarness.Filter(failregex);
        var f = Assert.Single(LintHarness.Findings(RuleIds.TrailingFieldMissed, text));
        var (line, column, _) = LintHarness.Place(text, " user=");
        Assert.Equal((line, column, column + 1), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Contains("rhost=192.0.2.1  user=", f.Evidence!.Line);
        Assert.Equal((" ", @"\s+"), (f.Fix!.Edits[0].OldText, f.Fix.Edits[0].NewText));
    }

    [Theory]
    [InlineData(@"^pam_unix\(\S+\): authentication failure; ruser=\S* rhost=<HOST>(?:\s+user=\S*)?\s*$")]
    [InlineData(@"^pam_unix\(\S+\): authentication failure; ruser=\S* rhost=<HOST> +user=\S*$")]
    [InlineData(@"^pvedaemon\[\d+\]: authentication failure; rhost=<ADDR> user=\S+")]   // the daemon's own message, not pam_unix's
    [InlineData(@"^login failed, client=<HOST>\s*$")]
    public void Records_that_allow_the_field_or_are_not_pam_records_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.TrailingFieldMissed, LintHarness.Filter(failregex)));
    }
}
