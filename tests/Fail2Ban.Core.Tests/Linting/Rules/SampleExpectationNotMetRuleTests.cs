using System.Linq;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class SampleExpectationNotMetRuleTests
{
    private const string Filter = "[Definition]\nfailregex = ^\\s*Login failed from <HOST>$\n";

    [Fact]
    public void A_missed_expected_match_is_reported_at_the_sample_line()
    {
        var log = "# comment\n# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.1\" }\nAug 14 12:00:00 Login FAILED from 192.0.2.1\n";
        var findings = LintHarness.Findings(RuleIds.SampleExpectationNotMet, Filter, null, FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log }));
        var f = Assert.Single(findings, x => x.Location.File == "/logs/test");
        Assert.Equal(3, f.Location.Line);
        Assert.Equal(LintSeverity.Error, f.Severity);
        // and in the filter, at the words of the failregex the line carries (case aside): "Login failed from"
        var inFilter = Assert.Single(findings, x => x.Location.File == LintHarness.Directory + "test.conf");
        Assert.Equal((2, 17), (inFilter.Location.Line, inFilter.Location.Column));
        Assert.Contains("/logs/test:3", inFilter.Message);
    }

    [Fact]
    public void A_wrong_host_is_reported_and_a_met_expectation_is_not()
    {
        var log = "# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.9\" }\nAug 14 12:00:00 Login failed from 192.0.2.1\n"
                + "# failJSON: { \"time\": \"2005-08-14T12:00:01\", \"match\": true, \"host\": \"192.0.2.2\" }\nAug 14 12:00:01 Login failed from 192.0.2.2\n";
        var findings = LintHarness.Findings(RuleIds.SampleExpectationNotMet, Filter, null, FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log }));
        Assert.Equal(2, Assert.Single(findings, x => x.Location.File == "/logs/test").Location.Line);
        // the failregex that matched with the wrong host
        Assert.Equal(2, Assert.Single(findings, x => x.Location.File == LintHarness.Directory + "test.conf").Location.Line);
    }

    [Fact]
    public void A_line_the_prefregex_loses_is_shown_at_the_prefregex_and_a_wrong_time_at_the_datepattern()
    {
        const string filter = "[Definition]\nprefregex = ^\\s*sshd: <F-CONTENT>.+</F-CONTENT>$\nfailregex = ^Login failed from <HOST>$\n"
                              + "datepattern = ^%%d %%b %%Y %%H:%%M:%%S\n";
        var log = "# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.1\" }\n14 Aug 2005 12:00:00 sshd[1]: Login failed from 192.0.2.1\n"
                + "# failJSON: { \"time\": \"2005-08-14T12:00:01\", \"match\": true, \"host\": \"192.0.2.2\" }\n14 Aug 2006 12:00:01 sshd: Login failed from 192.0.2.2\n";
        var inFilter = LintHarness.Findings(RuleIds.SampleExpectationNotMet, filter, null, FailRegexWithoutSampleRuleTests.Samples(new() { ["test"] = log }))
            .Where(x => x.Location.File == LintHarness.Directory + "test.conf").Select(x => x.Location.Line).OrderBy(l => l).ToList();
        Assert.Equal(new[] { 2, 4 }, inFilter);
    }
}
