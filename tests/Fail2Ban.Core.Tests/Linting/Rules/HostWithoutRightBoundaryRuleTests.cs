using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class HostWithoutRightBoundaryRuleTests
{
    [Fact]
    public void Host_at_the_end_without_anchor_is_reported_at_the_tag_with_the_wrong_address()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.HostWithoutRightBoundary, LintHarness.Filter(@"^Failed login from <HOST>")));
        Assert.Equal((2, 32, 38), (f.Location.Line, f.Location.Column, f.Location.EndColumn));
        Assert.Equal("192.0.2.1", f.Evidence!.BannedAddress);
        Assert.Contains("192.0.2.1.attacker.example", f.Evidence.Line);
    }

    [Fact]
    public void Only_optional_parts_after_the_host_count_as_nothing()
    {
        Assert.Single(LintHarness.Findings(RuleIds.HostWithoutRightBoundary, LintHarness.Filter(@"^Failed login from <HOST>(?: port \d+)?")));
    }

    [Theory]
    [InlineData(@"^Failed login from <HOST>$")]
    [InlineData(@"^Failed login from <HOST>\s*$")]
    [InlineData(@"^Failed login from <HOST> port \d+")]
    [InlineData(@"^Failed login from <ADDR>")]
    public void Bounded_hosts_and_address_only_tags_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.HostWithoutRightBoundary, LintHarness.Filter(failregex)));
    }
}
