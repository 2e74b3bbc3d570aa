using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class IPv4OnlyAddressRuleTests
{
    [Fact]
    public void An_ip4_tag_is_reported_with_an_ipv6_line_the_filter_misses_and_the_addr_fix()
    {
        var text = LintHarness.Filter(@"^login failure for user \S+ from <IP4> via \S+$");
        var f = Assert.Single(LintHarness.Findings(RuleIds.IPv4OnlyAddress, text));
        Assert.Equal(LintSeverity.Warning, f.Severity);
        Assert.Equal(LintHarness.Place(text, "<IP4>"), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Contains("from 2001:db8::1 via", f.Evidence.Line);
        Assert.Equal("2001:db8::1", f.Evidence.BannedAddress);
        Assert.Equal(("<IP4>", "<ADDR>"), (f.Fix!.Edits.Single().OldText, f.Fix.Edits.Single().NewText));
    }

    [Fact]
    public void The_field_form_is_widened_to_the_field_form()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.IPv4OnlyAddress, LintHarness.Filter(@"^auth failed from <F-IP4/> port \d+$")));
        Assert.Equal("<F-ADDR/>", f.Fix!.Edits.Single().NewText);
    }

    [Theory]
    [InlineData(@"^Auth: <HOST>:\d+->(\d{1,3}\.){3}\d{1,3}:\d+ failed$", @"(\d{1,3}\.){3}\d{1,3}", "2001:db8::1:1->2001:db8::2:1 failed")]
    [InlineData(@"^proxy \S+ <HOST>:\d+ [\d.]+:\d+ denied$", @"[\d.]+", "2001:db8::1:1 2001:db8::2:1 denied")]
    public void The_other_address_written_by_hand_as_ipv4_misses_ipv6_connections(string failregex, string written, string evidence)
    {
        var text = LintHarness.Filter(failregex);
        var f = Assert.Single(LintHarness.Findings(RuleIds.IPv4OnlyAddress, text));
        Assert.Equal(LintHarness.Place(text, written), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.EndsWith(evidence, f.Evidence!.Line);
        Assert.Equal("2001:db8::1", f.Evidence.BannedAddress);
        Assert.Equal((written, @"[\da-fA-F.:]+"), (f.Fix!.Edits.Single().OldText, f.Fix.Edits.Single().NewText));
    }

    [Theory]
    [InlineData(@"^limiting requests, excess: [\d\.]+ by zone ""x"", client: <HOST>,")]  // a number, not an address
    [InlineData(@"^<HOST> - \S+ ""GET / HTTP/[\d.]+"" 401")]                          // a version
    [InlineData(@"^relay=(?:\S+ )?\[(?:IPv6:<IP6>|<IP4>)\]$")]   // the regex spells out its own IPv6 form
    [InlineData(@"^auth failed from <ADDR> port \d+$")]
    [InlineData(@"^auth failed from <HOST>$")]
    [InlineData(@"^auth failed from <HOST> \(<IP4>\)$")]          // another tag takes the IPv6 client
    public void Regexes_with_an_ipv6_path_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.IPv4OnlyAddress, LintHarness.Filter(failregex)));
    }

    [SkippableFact]
    public void On_master_only_the_hand_written_server_addresses_of_3proxy_and_perdition_are_reported()
    {
        Skip.If(Fail2Ban.Core.Tests.Infrastructure.Corpus.MasterRoot is null, Fail2Ban.Core.Tests.Infrastructure.Corpus.SkipReason);
        var places = CorpusLintGuardTests.LintMaster().Findings.Where(f => f.RuleId == RuleIds.IPv4OnlyAddress)
            .Select(f => System.IO.Path.GetFileName(f.Location.File) + ":" + f.Location.Line).OrderBy(p => p, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "3proxy.conf:8", "perdition.conf:13", "perdition.conf:14" }, places);
    }
}
