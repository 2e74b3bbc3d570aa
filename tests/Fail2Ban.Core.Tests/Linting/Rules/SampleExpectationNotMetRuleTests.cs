using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class SampleExpectationNotMetRuleTests
{
    private const string Filter = "[Definition]\nfailregex = ^\\s*Login failed from <HOST>$\n";

    [Fact]
    public void A_missed_expected_match_is_reported_at_the_sample_line()
    {
        var log = "# comment\n# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.1\" }\nAug 14 12:00:00 Login FAILED from 192.0.2.1\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.SampleExpectationNotMet, Filter, null, FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log })));
        Assert.Equal(("/logs/test", 3), (f.Location.File, f.Location.Line));
        Assert.Equal(LintSeverity.Error, f.Severity);
    }

    [Fact]
    public void A_wrong_host_is_reported_and_a_met_expectation_is_not()
    {
        var log = "# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.9\" }\nAug 14 12:00:00 Login failed from 192.0.2.1\n"
                + "# failJSON: { \"time\": \"2005-08-14T12:00:01\", \"match\": true, \"host\": \"192.0.2.2\" }\nAug 14 12:00:01 Login failed from 192.0.2.2\n";
        var f = Assert.Single(LintHarness.Findings(RuleIds.SampleExpectationNotMet, Filter, null, FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log })));
        Assert.Equal(2, f.Location.Line);
    }
}
