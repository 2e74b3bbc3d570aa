using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class PortAfterAddressMissedRuleTests
{
    [Fact]
    public void A_regex_without_the_port_that_another_regex_of_the_filter_writes_after_the_same_word_is_reported()
    {
        var filter = LintHarness.Filter(@"^Failed password for \S+ from <HOST>(?: port \d+)?$" + "\n            ^Connection closed by \\S+ from <HOST>(?: port \\d+)?$"
            + "\n            ^Invalid user \\S+ from <HOST>\\s*$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.PortAfterAddressMissed, filter));
        Assert.Equal(4, f.Location.Line);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("from 192.0.2.1 port 51234", f.Evidence.Line);
        Assert.Contains("failregex #1", f.Message);
        Assert.Equal(@"<HOST>(?: port \d+)?", Assert.Single(f.Fix!.Edits).NewText);
        var fixedText = LintFixApplier.Apply(filter, f.Fix.Edits).Text;
        Assert.Empty(LintHarness.Findings(RuleIds.PortAfterAddressMissed, fixedText));
    }

    [Fact]
    public void An_address_field_of_a_key_value_record_misses_a_port_field()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.PortAfterAddressMissed, LintHarness.Filter(@"^error,relay=<HOST>,msg=""auth failed""$")));
        Assert.Contains("relay=192.0.2.1,port=51234,", f.Evidence!.Line);
        Assert.Equal(@"<HOST>(?:,port=\d+)?", Assert.Single(f.Fix!.Edits).NewText);
    }

    [Fact]
    public void One_other_message_with_a_port_is_not_enough()
    {
        var filter = LintHarness.Filter(@"^Failed password for \S+ from <HOST>(?: port \d+)?$" + "\n            ^Invalid user \\S+ from <HOST> now$");
        Assert.Empty(LintHarness.Findings(RuleIds.PortAfterAddressMissed, filter));
    }

    [Theory]
    [InlineData(@"^Invalid user \S+ from <HOST> now\s*$")]
    [InlineData(@"^Invalid user \S+ from <HOST>(?: port \d+)?\s*$")]
    [InlineData(@"^Invalid user \S+ from <HOST>:\d+\s*$")]
    [InlineData(@"^authentication failure; ruser=\S* rhost=<HOST>\s*$")]
    [InlineData(@"^WARNING \[sshd\] Ban <HOST>\s*$")]
    public void Without_a_sign_that_the_daemon_writes_ports_nothing_is_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.PortAfterAddressMissed, LintHarness.Filter(failregex)));
    }

    [Fact]
    public void A_line_that_must_end_at_the_address_is_a_suggestion_without_samples_and_nothing_with_samples_that_show_no_port()
    {
        // ZNC's adminlog: "failed to login from <ADDR>$" missed "failed to login from 192.0.2.1:65001".
        var filter = LintHarness.Filter(@"^\[[^]]+\] failed to login from <ADDR>\s*$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.PortAfterAddressMissed, filter));
        Assert.Equal(LintSeverity.Info, f.Severity);
        Assert.EndsWith("from 192.0.2.1:51234", f.Evidence!.Line);
        Assert.Equal(@"<ADDR>(?::\d+)?", Assert.Single(f.Fix!.Edits).NewText);
        var samples = FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = "[2019-09-08 15:53:19] [admin] failed to login from 192.0.2.1\n" });
        Assert.Empty(LintHarness.Findings(RuleIds.PortAfterAddressMissed, filter, null, samples));
    }
}
