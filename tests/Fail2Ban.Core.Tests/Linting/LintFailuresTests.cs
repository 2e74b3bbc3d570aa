using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>
/// What the linter caught in a run is the run's own: listed on its report (not in process-wide state another test
/// could set or read), and shown to users as an internal-error finding.
/// </summary>
public sealed class LintFailuresTests
{
    /// <summary>Log lines that fail when read: every rule that runs them fails in the middle of its check.</summary>
    private sealed class BrokenLines : IReadOnlyList<string>
    {
        public int Count => throw new InvalidOperationException("broken log lines");

        public string this[int index] => throw new InvalidOperationException("broken log lines");

        public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("broken log lines");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static readonly string Filter = LintHarness.Filter(@"^login failed from <HOST>$");

    [Fact]
    public void A_rule_that_throws_is_listed_on_its_runs_report_and_shown_as_an_internal_error()
    {
        var report = LintHarness.Lint(Filter, options: new LintOptions { LogLines = new BrokenLines() });
        Assert.NotEmpty(report.Failures);
        Assert.All(report.Failures, f => Assert.Equal("broken log lines", f.Exception.Message));
        var shown = report.Findings.Where(f => f.RuleId == RuleIds.InternalError).ToList();
        Assert.NotEmpty(shown);
        Assert.Contains(shown, f => f.Message.Contains("InvalidOperationException: broken log lines", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.What.StartsWith("Rule F2B", StringComparison.Ordinal));

        // The next run, without the fault, starts clean: nothing carries over.
        var clean = LintHarness.Lint(Filter);
        Assert.Empty(clean.Failures);
        Assert.DoesNotContain(clean.Findings, f => f.RuleId == RuleIds.InternalError);
    }

    [Fact]
    public void A_failure_stays_on_the_report_when_settings_hide_its_finding()
    {
        var settings = new LintSettings().Set(RuleIds.InternalError, LintSeverity.None);
        var report = LintHarness.Lint(Filter, settings: settings, options: new LintOptions { LogLines = new BrokenLines() });
        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.InternalError);
        Assert.NotEmpty(report.Failures);
    }

    [Fact]
    public void An_engine_failure_outside_the_rules_is_listed_too()
    {
        var report = new FilterLinter().LintFile(new ThrowingFiles(), LintHarness.Directory + "test.conf");
        var failure = Assert.Single(report.Failures);
        Assert.Equal("Linting", failure.What);
        Assert.Contains(report.Findings, f => f.RuleId == RuleIds.InternalError && f.Message.StartsWith("Linting failed", StringComparison.Ordinal));
    }

    /// <summary>A file source with a bug: reading throws something the config reader does not expect.</summary>
    private sealed class ThrowingFiles : IConfigFileSource
    {
        public ConfigFileText? Read(string path) => throw new InvalidOperationException("broken file source");

        public IReadOnlyList<string> ListDirectory(string directory) => Array.Empty<string>();
    }
}
