using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class SuperLinearBacktrackingRuleTests
{
    [Fact]
    public void Nested_repeats_that_split_the_same_text_are_reported_with_a_measured_pump()
    {
        // The shape of Fail2Ban 1.0.1's dovecot _bypass_reject_reason (issue 3370: 100% CPU).
        var text = "[Definition]\n_reason = (?:: (?:\\w+\\([^\\):]*\\) \\w+|[^\\(]+))*\nfailregex = ^Disconnected%(_reason)s \\(auth failed\\): rip=<ADDR>$\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.SuperLinearBacktracking, text));
        Assert.Equal((2, 11), (f.Location.Line, f.Location.Column));
        Assert.Equal(LintEvidenceKind.SlowInput, f.Evidence!.Kind);
        Assert.True(f.Evidence.MatchMilliseconds >= 100);
        Assert.Contains("': x'", f.Evidence.Line);
    }

    [Theory]
    // upstream's fix of the same part: the repeated field cannot hold the separator
    [InlineData("^Disconnected(?::(?: [^\\( ]*|\\([^\\(]*\\))*)? \\(auth failed\\): rip=<ADDR>$")]
    [InlineData("^Disconnected: \\S+ \\S+ \\(auth failed\\): rip=<ADDR>$")]
    [InlineData("^Disconnected\\s*\\s+from <ADDR>$")]
    public void Unambiguous_repeats_and_white_space_runs_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.SuperLinearBacktracking, LintHarness.Filter(failregex)));
    }
}
