using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Linting;

/// <summary>
/// The linter's recall on real upstream defects (the lint-history data set, read from <c>../shared/lint-history</c>
/// or env <c>LINT_HISTORY</c>, never copied here): per defect class, how many cases a finding on a changed line
/// of the filter before the fix recalls, for how many the recalling finding is gone after the fix (a rule that
/// reported on a changed line reports on none after it), how many the fix clears entirely (no finding of any
/// recalling rule on the changed lines after it), and the noise (findings elsewhere in the filter before the fix).
/// <c>scripts/lint-history.sh</c> prints the same table through the CLI.
/// </summary>
public sealed class LintHistoryRecallTests
{
    /// <summary>Floors measured when the test was written; raise them as rules land.</summary>
    private const int MinRecalled = 40;

    // 35 since F2B2009 reads nginx error lines without a Host header: nginx-http-auth after fed6c49c still requires
    // ', host: "\S+"' (a real defect, upstream fixed it later and fail2ban-regex 1.0.2 misses such a line), so that
    // case is recalled by a second rule that its fix leaves; the recalling finding of the fixed defect is gone.
    private const int MinCleared = 35;

    // 39: dante's '\d+ bytes' (F2B2010) needs the daemon's own log to show '1 byte' now; without it the case is
    // recalled by F2B3007 (its `"\w+"` user name), which the fix did not touch.
    private const int MinGone = 39;

    private readonly ITestOutputHelper _output;

    public LintHistoryRecallTests(ITestOutputHelper output) => _output = output;

    private sealed record CaseResult(string Sha, string Filter, string DefectClass, bool Recalled, bool Cleared, int Noise)
    {
        /// <summary>Recalled, and at least one rule that reported on a changed line reports on none after the fix (the finding is gone; others may stay).</summary>
        public bool Gone { get; init; }

        /// <summary>What keeps a recalled case from clearing: each rule left on a changed line, "same" when the finding before the fix said the same.</summary>
        public IReadOnlyList<string> Kept { get; init; } = Array.Empty<string>();
    }

    [SkippableFact]
    public void Recall_and_clearing_stay_above_the_floor()
    {
        Skip.If(Corpus.LintHistoryRoot is null, "lint-history data set not found: expected ../shared/lint-history beside the repository or env LINT_HISTORY");
        var root = Corpus.LintHistoryRoot!;
        var results = File.ReadAllLines(Path.Combine(root, "cases.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => Measure(root, l))
            .ToList();
        _output.WriteLine(Table(results));
        var recalled = results.Count(r => r.Recalled);
        var cleared = results.Count(r => r.Cleared);
        var gone = results.Count(r => r.Gone);
        Assert.True(recalled >= MinRecalled, "recalled " + recalled + " of " + results.Count + " cases, floor " + MinRecalled);
        Assert.True(gone >= MinGone, "finding gone after the fix in " + gone + " of " + recalled + " recalled cases, floor " + MinGone);
        Assert.True(cleared >= MinCleared, "cleared " + cleared + " of " + recalled + " recalled cases, floor " + MinCleared);
    }

    [SkippableFact]
    public void A_defect_in_a_shared_logtype_prefix_is_linted_through_the_filter_that_uses_it()
    {
        Skip.If(Corpus.LintHistoryRoot is null, "lint-history data set not found");
        // Case 0bcd4693: the defect is in common.conf's [lt_rfc5424] prefix, reached through sshd.conf.
        var dir = Path.Combine(Corpus.LintHistoryRoot!, "cases", "0bcd4693", "before", "filter.d");
        Skip.IfNot(Directory.Exists(dir), "case 0bcd4693 not in the data set");
        var report = new FilterLinter().LintFile(DiskFiles.Under(dir), Path.Combine(dir, "sshd.conf"));
        Assert.Equal(new[] { "file", "short", "journal", "rfc5424" }, report.LogTypes.ToArray());
        Assert.Contains(report.FilesRead, f => f.EndsWith("/common.conf", StringComparison.Ordinal));
        foreach (var f in report.Findings.Where(f => f.Location.File.EndsWith("/common.conf", StringComparison.Ordinal)))
            _output.WriteLine(f + " [" + f.Variants + "]");
    }

    private static CaseResult Measure(string root, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var c = doc.RootElement;
        var sha = c.GetProperty("sha").GetString()!.Substring(0, 8);
        var filter = c.GetProperty("filter").GetString()!;
        var run = c.TryGetProperty("run_filter", out var rf) ? rf.GetString()! : filter;
        var beforeLines = Lines(c, "before_lines");
        var afterLines = Lines(c, "after_lines");
        var before = FindingsIn(root, sha, "before", run, filter);
        var after = FindingsIn(root, sha, "after", run, filter);
        var recalledIds = new HashSet<string>(before.Where(f => beforeLines.Contains(f.Location.Line)).Select(f => f.RuleId));
        var recalled = recalledIds.Count > 0;
        var afterIds = new HashSet<string>(after.Where(f => afterLines.Contains(f.Location.Line)).Select(f => f.RuleId));
        var cleared = recalled && !afterIds.Overlaps(recalledIds);
        var gone = recalled && recalledIds.Any(id => !afterIds.Contains(id));
        var noise = before.Count(f => !beforeLines.Contains(f.Location.Line));
        var said = new HashSet<(string, string)>(before.Where(f => beforeLines.Contains(f.Location.Line)).Select(f => (f.RuleId, f.Message)));
        var kept = after.Where(f => afterLines.Contains(f.Location.Line) && recalledIds.Contains(f.RuleId))
            .Select(f => f.RuleId + (said.Contains((f.RuleId, f.Message)) ? " (same)" : " (changed)"))
            .Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        return new CaseResult(sha, filter, c.GetProperty("defect_class").GetString()!, recalled, cleared, noise) { Gone = gone, Kept = kept };
    }

    private static HashSet<int> Lines(JsonElement c, string name) => new(c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()));

    /// <summary>The findings located in <paramref name="filter"/> when <paramref name="run"/> of one side of a case is linted.</summary>
    private static List<LintFinding> FindingsIn(string root, string sha, string side, string run, string filter)
    {
        var dir = Path.Combine(root, "cases", sha, side, "filter.d");
        var report = new FilterLinter().LintFile(DiskFiles.Under(dir), Path.Combine(dir, run));
        return report.Findings.Where(f => f.Location.File.EndsWith("/" + filter, StringComparison.Ordinal)).ToList();
    }

    private static string Table(List<CaseResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Format("{0,-36} {1,5} {2,8} {3,5} {4,7} {5,5}", "class", "cases", "recalled", "gone", "cleared", "noise"));
        foreach (var g in results.GroupBy(r => r.DefectClass).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            sb.AppendLine(Row(g.Key, g.ToList()));
        sb.AppendLine(Row("total", results));
        var missed = results.Where(r => !r.Recalled).ToList();
        sb.AppendLine("missed (" + missed.Count + "):");
        foreach (var r in missed) sb.AppendLine("  " + r.Sha + " " + r.Filter + " " + r.DefectClass);
        var kept = results.Where(r => r.Recalled && !r.Cleared).ToList();
        sb.AppendLine("recalled, not cleared (" + kept.Count + "; 'same': the finding before the fix says the same, the fix left it):");
        foreach (var r in kept) sb.AppendLine("  " + r.Sha + " " + r.Filter + " " + r.DefectClass + ": " + string.Join(", ", r.Kept));
        return sb.ToString();
    }

    private static string Row(string name, List<CaseResult> rows) =>
        string.Format("{0,-36} {1,5} {2,8} {3,5} {4,7} {5,5}", name, rows.Count, rows.Count(r => r.Recalled), rows.Count(r => r.Gone), rows.Count(r => r.Cleared),
            rows.Sum(r => r.Noise));
}
