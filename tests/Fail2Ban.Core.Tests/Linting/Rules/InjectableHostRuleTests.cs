using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class InjectableHostRuleTests
{
    [Fact]
    public void A_lazy_user_field_before_a_forgeable_from_is_reported_with_the_address_it_would_ban()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(@"^Invalid user <F-USER>.+?</F-USER> from <HOST> port \d+")));
        Assert.Equal(LintEvidenceKind.InjectedLine, f.Evidence!.Kind);
        Assert.Equal("192.0.2.254", f.Evidence.BannedAddress);
        Assert.Contains("from 192.0.2.254", f.Evidence.Line);
        Assert.Equal(2, f.Location.Line);
    }

    [Fact]
    public void A_quoted_catch_all_is_a_field_too()
    {
        Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(@"^login '.*?' failed, rhost=<HOST> (?:port \d+)?")));
    }

    [Fact]
    public void A_user_name_the_daemon_writes_verbatim_forges_the_host_when_nothing_ends_the_regex()
    {
        // The client picks "x from 192.0.2.254 port 1" as its name; \S+ takes "x" and the regex stops after the forged port.
        var f = Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(@"^Invalid user <F-USER>\S+</F-USER> from <HOST> port \d+")));
        Assert.Equal("192.0.2.254", f.Evidence!.BannedAddress);
    }

    [Fact]
    public void A_lazy_user_field_forges_the_host_when_an_optional_tail_takes_the_rest_of_the_line()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(@"^login failed for .*? from <HOST>(?: \(.*\))?$")));
        Assert.Contains("from 192.0.2.254", f.Evidence!.Line);
    }

    [Theory]
    [InlineData(@"^Invalid user <F-USER>.+?</F-USER> from <HOST> port \d+$")]
    [InlineData(@"^Invalid user <F-USER>.+</F-USER> from <HOST> port \d+$")]
    [InlineData(@"^login '[^']*' failed, rhost=<HOST>")]
    public void Fields_that_cannot_hold_the_literal_or_end_anchored_regexes_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void PAMs_remote_user_is_a_client_field_except_for_a_service_that_never_sets_it()
    {
        // dovecot and vsftpd put the login name in PAM_RUSER; OpenSSH sets only PAM_RHOST and PAM_TTY.
        const string Tail = @"\):\s+authentication failure;\s*logname=\S*\s*uid=\d*\s*euid=\d*\s*tty=\S*\s*ruser=\S*\s*rhost=<HOST>.*$";
        var dovecot = Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(@"^pam_unix\(dovecot:auth" + Tail)));
        Assert.Equal("192.0.2.254", dovecot.Evidence!.BannedAddress);
        Assert.Empty(LintHarness.Findings(RuleIds.InjectableHost, LintHarness.Filter(@"^pam_unix\(sshd:auth" + Tail)));
        Assert.Empty(LintHarness.Findings(RuleIds.UserNameEvasion, LintHarness.Filter(@"^pam_unix\(sshd:auth" + Tail)));
    }

    [Fact]
    public void A_field_the_sample_log_shows_holding_only_a_placeholder_is_the_daemons_and_is_not_reported()
    {
        // pure-ftpd writes "(?@address)" until a user has logged in; its failures come before that.
        var filter = LintHarness.Filter(@"^\s*\(.+?@<HOST>\) \[WARNING\] Authentication failed for user \[.*\]\s*$");
        Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, filter));
        var placeholder = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "Jan 31 16:54:07 (?@192.0.2.7) [WARNING] Authentication failed for user [Administrator]\n",
        });
        Assert.Empty(LintHarness.Findings(RuleIds.InjectableHost, filter, null, placeholder));
        var names = FailRegexWithoutSampleRuleTests.Samples(new()
        {
            ["test"] = "Jan 31 16:54:07 (bob@192.0.2.7) [WARNING] Authentication failed for user [bob]\n",
        });
        Assert.Single(LintHarness.Findings(RuleIds.InjectableHost, filter, null, names));
    }
}
