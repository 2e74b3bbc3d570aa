using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class MissingBackslashRuleTests
{
    [Fact]
    public void Dot_then_repeated_d_is_reported_with_a_line_of_digits_the_filter_misses()
    {
        var f = Assert.Single(LintHarness.Findings(RuleIds.MissingBackslash, LintHarness.Filter(@"^auth failure from <HOST> port .d+$")));
        Assert.Contains(@"\d+", f.Message);
        Assert.Equal(LintEvidenceKind.MissedLine, f.Evidence!.Kind);
        Assert.Matches(@"port \d+$", f.Evidence.Line);
    }

    [Theory]
    [InlineData(@"^auth failure from <HOST> port \d+$")]
    [InlineData(@"^auth failure from <HOST> file .dat$")]
    public void Escaped_classes_and_plain_letters_are_not_reported(string failregex)
    {
        Assert.Empty(LintHarness.Findings(RuleIds.MissingBackslash, LintHarness.Filter(failregex)));
    }
}
