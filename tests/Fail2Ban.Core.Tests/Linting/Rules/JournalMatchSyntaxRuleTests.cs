using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class JournalMatchSyntaxRuleTests
{
    [Theory]
    [InlineData("_SYSTEMD_UNIT = sshd.service", 16, "has no '='")]
    [InlineData("_systemd_unit=sshd.service", 16, "is not a journal field name")]
    [InlineData("_SYSTEMD_UNIT=sshd.service +", 43, "starts or ends with '+'")]
    [InlineData("_SYSTEMD_UNIT=a.service + + _COMM=a", 42, "two '+'")]
    public void Terms_the_journal_cannot_use_are_reported_where_they_are_written(string journalmatch, int column, string problem)
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.JournalMatchSyntax,
            LintHarness.Filter(@"^Failed login from <HOST>$", "journalmatch = " + journalmatch)));
        Assert.Equal((2, column), (f.Location.Line, f.Location.Column));
        Assert.Contains(problem, f.Message);
    }

    [Theory]
    [InlineData("_SYSTEMD_UNIT=sshd.service + _COMM=sshd")]
    [InlineData("_SYSTEMD_UNIT=a.service _COMM=\"a b\"")]
    [InlineData("")]
    public void Valid_matches_are_not_reported(string journalmatch)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.JournalMatchSyntax, LintHarness.Filter(@"^Failed login from <HOST>$", "journalmatch = " + journalmatch)));
    }
}
