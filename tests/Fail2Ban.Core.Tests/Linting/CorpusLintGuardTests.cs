using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>
/// The corpus guards: upstream master's 97 filters stay within the noise budget (at most one finding
/// per filter on average), no rule throws on them, and linting all of them is fast.
/// </summary>
public sealed class CorpusLintGuardTests
{
    private readonly ITestOutputHelper _output;

    public CorpusLintGuardTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Master_filters_stay_within_the_noise_budget()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var (findings, filters, elapsed, failures) = LintMaster();
        foreach (var f in findings) _output.WriteLine(f.ToString());
        foreach (var kv in FilterLinter.RuleTimings.OrderByDescending(kv => kv.Value)) _output.WriteLine(kv.Key + " " + Math.Round(kv.Value) + " ms");
        _output.WriteLine(filters + " filters, " + findings.Count + " findings, " + elapsed.TotalMilliseconds + " ms");
        Assert.Equal(97, filters);
        // This run's own failures: another test's (a mutant's) cannot leak in.
        Assert.True(failures.Count == 0, "the linter caught: " + string.Join("\n", failures));
        Assert.True(findings.Count <= filters, findings.Count + " findings on " + filters + " filters");
        // The one error on master is real: exim's SMTP-protocol-error rule backtracks exponentially (F2B4001, checked in Python).
        Assert.DoesNotContain(findings, f => f.Severity == LintSeverity.Error && f.RuleId != RuleIds.SuperLinearBacktracking);
    }

    /// <summary>
    /// Master's filters linted with the default options, once per test run: the guard and the rule tests that check
    /// master (several of them) read the same findings instead of each linting all 97 filters again.
    /// </summary>
    private static readonly Lazy<(List<LintFinding> Findings, int Filters, TimeSpan Elapsed, List<LintFailure> Failures)> DefaultMasterLint =
        new(() => Lint(null, null));

    /// <summary>Master's 97 filters linted (with the default options and settings: a shared, copied result; with others: a fresh run).</summary>
    internal static (List<LintFinding> Findings, int Filters, TimeSpan Elapsed, List<LintFailure> Failures) LintMaster(LintOptions? options = null,
        LintSettings? settings = null)
    {
        if (options is not null || settings is not null) return Lint(options, settings);
        var (findings, filters, elapsed, failures) = DefaultMasterLint.Value;
        return (new List<LintFinding>(findings), filters, elapsed, new List<LintFailure>(failures));
    }

    private static (List<LintFinding> Findings, int Filters, TimeSpan Elapsed, List<LintFailure> Failures) Lint(LintOptions? options, LintSettings? settings)
    {
        var dir = Path.Combine(Corpus.MasterRoot!, "filter.d");
        var files = DiskFiles.Under(Corpus.MasterRoot!);
        var linter = new FilterLinter(settings, options);
        var findings = new List<LintFinding>();
        var failures = new List<LintFailure>();
        var filters = 0;
        var watch = Stopwatch.StartNew();
        foreach (var path in Directory.GetFiles(dir, "*.conf").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (path.EndsWith("common.conf", StringComparison.Ordinal)) continue;
            filters++;
            var report = linter.LintFile(files, path);
            findings.AddRange(report.Findings);
            failures.AddRange(report.Failures);
        }
        return (findings, filters, watch.Elapsed, failures);
    }
}
