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

    [Theory]
    [InlineData(@"^<HOST>:\d+ request denied$")]
    [InlineData(@"^request denied for <HOST>$")]
    [InlineData(@"^request denied for <IP4>$")]
    public void Explicit_ports_and_plain_addresses_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.IPv6AddressMishandled, LintHarness.Filter(failregex)));
    }
}
