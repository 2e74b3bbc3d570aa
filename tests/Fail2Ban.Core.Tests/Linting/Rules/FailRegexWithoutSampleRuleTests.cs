using System.Collections.Generic;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting.Rules;

public sealed class FailRegexWithoutSampleRuleTests
{
    internal static LintOptions Samples(Dictionary<string, string> logs) =>
        new() { Samples = new SampleLogSource(n => logs.TryGetValue(n, out var t) ? t : null, n => "/logs/" + n) };

    private const string Filter = "[Definition]\nfailregex = ^\\s*Login failed from <HOST>$\n            ^\\s*Password mismatch from <HOST>$\n";

    [Fact]
    public void A_failregex_no_sample_line_matches_is_reported_at_it()
    {
        var log = "# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.1\" }\nAug 14 12:00:00 Login failed from 192.0.2.1\n";
        var findings = LintHarness.Findings(RuleIds.FailRegexWithoutSample, Filter, null, Samples(new() { ["test"] = log }));
        var f = Assert.Single(findings);
        Assert.Equal((3, 13), (f.Location.Line, f.Location.Column));
    }

    [Fact]
    public void Covered_failregexes_and_runs_without_samples_report_nothing()
    {
        var log = "# failJSON: { \"time\": \"2005-08-14T12:00:00\", \"match\": true, \"host\": \"192.0.2.1\" }\nAug 14 12:00:00 Login failed from 192.0.2.1\n"
                + "# failJSON: { \"time\": \"2005-08-14T12:00:01\", \"match\": true, \"host\": \"192.0.2.2\" }\nAug 14 12:00:01 Password mismatch from 192.0.2.2\n";
        Assert.Empty(LintHarness.Findings(RuleIds.FailRegexWithoutSample, Filter, null, Samples(new() { ["test"] = log })));
        Assert.Empty(LintHarness.Findings(RuleIds.FailRegexWithoutSample, Filter));
    }

    [Fact]
    public void A_missing_sample_log_is_reported_once()
    {
        Assert.Single(LintHarness.Findings(RuleIds.FailRegexWithoutSample, Filter, null, Samples(new())));
    }

    [Fact]
    public void An_include_only_file_without_a_failregex_needs_no_sample_log()
    {
        const string prefix = "[DEFAULT]\n_daemon = \\S+\nsyslog_prefix = \\s*\\S+ %(_daemon)s:\\s+\n";
        Assert.Empty(LintHarness.Findings(RuleIds.FailRegexWithoutSample, prefix, null, Samples(new())));
    }
}
