using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class IPv6AddressMishandledRuleTests
{
    [Fact]
    public void A_catch_all_after_the_address_lets_an_ipv6_port_become_part_of_the_address()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.IPv6AddressMishandled, LintHarness.Filter(@"^<HOST>.* request denied$")));
        Assert.Contains("2001:db8::1:51234", f.Evidence!.Line);
        Assert.Contains("bans 2001:db8::1:5123", f.Message);
    }

    [Fact]
    public void Sendmail_writes_an_ipv6_client_as_an_address_literal_that_a_bare_bracketed_host_misses()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.IPv6AddressMishandled,
            LintHarness.Filter(@"^rejecting commands from (\S* )?\[<HOST>\] due to pre-greeting traffic$", "_daemon = (?:sm-(?:mta|acceptingconnections)|sendmail)")));
        Assert.Contains("[IPv6:2001:db8::1]", f.Evidence!.Line);
        Assert.Contains("(?:IPv6:)?<HOST>", f.Message);
    }

    [Fact]
    public void A_sample_line_with_an_address_literal_is_the_premise_where_the_daemon_is_not_named()
    {
        var filter = LintHarness.Filter(@"^reject from \[<HOST>\]$");
        var logs = new System.Collections.Generic.Dictionary<string, string> { ["test"] = "reject from [IPv6:2001:db8::7]\n" };
        var options = new LintOptions { Samples = new SampleLogSource(n => logs.TryGetValue(n, out var t) ? t : null, n => "/logs/" + n) };
        var f = Assert.Single(LintHarness.Findings(RuleIds.IPv6AddressMishandled, filter, options: options));
        Assert.Contains("IPv6:", f.Evidence!.Line);
    }

    [Fact]
    public void Sendmails_own_ipv6_path_is_not_asked_for_an_ipv4_mapped_literal_that_sendmail_never_writes()
    {
        // sendmail's anynet_ntop writes an IPv4-mapped client as plain IPv4, so [IPv6:::ffff:a.b.c.d] is no line of its.
        var logs = new System.Collections.Generic.Dictionary<string, string> { ["test"] = "rejecting commands from [192.0.2.9] due to pre-greeting traffic\n" };
        var options = new LintOptions { Samples = new SampleLogSource(n => logs.TryGetValue(n, out var t) ? t : null, n => "/logs/" + n) };
        Assert.Empty(LintHarness.Findings(RuleIds.IPv6AddressMishandled, LintHarness.Filter(@"^rejecting commands from \[%(addr)s\] due to pre-greeting traffic$",
            "_daemon = sendmail\naddr = (?:(?:IPv6:)?<IP6>|<IP4>)"), options: options));
    }

    [Theory]
    [InlineData(@"^rejecting commands from \[(?:IPv6:)?<HOST>\]$", "_daemon = sendmail")]
    [InlineData(@"^rejecting commands from \[<HOST>\]$", "_daemon = postfix/smtpd")]
    public void An_address_literal_is_tried_only_where_the_daemon_writes_one_and_an_optional_tag_takes_it(string failregex, string daemon)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.IPv6AddressMishandled, LintHarness.Filter(failregex, daemon)));
    }

    [Fact]
    public void An_address_in_the_prefregex_is_judged_by_what_the_prefregex_writes_after_it()
    {
        // The failregex is far shorter than the prefregex's expanded <HOST>: the tag's span read in the failregex lay past its end (a
        // rule failure, then silence); read in the prefregex that holds it, the catch-all after the address is what takes the port.
        var report = LintHarness.Lint(LintHarness.Filter(@"^550 User unknown$", @"prefregex = ^relay=<HOST>.*: <F-CONTENT>.+</F-CONTENT>$"));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.InternalError);
        var f = Assert.Single(report.Findings, f => f.RuleId == RuleIds.IPv6AddressMishandled);
        Assert.Contains("bans 2001:db8::1:5123", f.Message);
        Assert.Equal(2, f.Location.Line);
    }

    [Fact]
    public void A_prefregex_address_with_a_field_after_it_takes_no_port_and_is_not_reported()
    {
        // courier-smtp's shape, where a mutant made the rule throw: relay=<HOST>, then a port field.
        var report = LintHarness.Lint(LintHarness.Filter(@"^[^:]*: 550 User (<.*> )?unknown\.?$",
            @"prefregex = ^courieresmtpd: error,relay=<HOST>,(?:port=\d+,)?<F-CONTENT>.+</F-CONTENT>$"));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.InternalError || f.RuleId == RuleIds.IPv6AddressMishandled);
    }

    [Theory]
    [InlineData(@"^<HOST>:\d+ request denied$")]
    [InlineData(@"^request denied for <HOST>$")]
    [InlineData(@"^request denied for <IP4>$")]
    public void Explicit_ports_and_plain_addresses_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.IPv6AddressMishandled, LintHarness.Filter(failregex)));
    }
}
