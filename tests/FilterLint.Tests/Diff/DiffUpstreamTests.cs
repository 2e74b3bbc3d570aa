using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FilterLint.Tests.Diff;

/// <summary>
/// <c>filterlint diff</c> on real upstream changes: Fail2Ban 1.0.2's postfix.conf against master's, and every fix in the
/// lint-history data set (its demonstrating lines must show up with the direction the fix had). Data is read in place.
/// </summary>
public sealed class DiffUpstreamTests
{
    private readonly ITestOutputHelper _output;

    public DiffUpstreamTests(ITestOutputHelper output) => _output = output;

    [SkippableTheory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Postfix_from_1_0_2_to_master_lists_the_CONNECT_rejections_as_now_matched(string format)
    {
        Skip.If(Corpus.DebianRoot is null || Corpus.MasterRoot is null, Corpus.SkipReason);
        var old = Path.Combine(Corpus.DebianRoot!, "etc", "fail2ban", "filter.d", "postfix.conf");
        var @new = Path.Combine(Corpus.MasterRoot!, "filter.d", "postfix.conf");
        var log = Path.Combine(Corpus.MasterRoot!, "logs", "postfix");
        var connect = File.ReadAllLines(log).Where(l => l.Contains("reject: CONNECT from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(connect);

        var r = CliRunner.Run("diff", old, @new, "--log", log, "--format", format, "--show", "1000");
        _output.WriteLine(r.Stdout);
        var matched = NowMatchedSection(r.Stdout, format);
        foreach (var line in connect) Assert.Contains(line, matched);
    }

    /// <summary>The text of the "now matched" groups (headers and lines), up to the next group of another kind.</summary>
    private static string NowMatchedSection(string output, string format)
    {
        var header = format == "markdown" ? "<details><summary>now matched:" : "now matched:";
        var parts = output.Split(new[] { format == "markdown" ? "<details><summary>" : "\n\n" }, StringSplitOptions.None);
        return string.Join("\n", parts.Where(p => (format == "markdown" ? "<details><summary>" + p : p.TrimStart('\n')).StartsWith(header, StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void Every_lint_history_fix_shows_its_demonstrating_lines_with_the_right_direction()
    {
        Skip.If(Corpus.LintHistoryRoot is null, "lint-history data set not found (../shared/lint-history or LINT_HISTORY)");
        using var scratch = new TempConfigTree();
        var failures = new List<string>();
        var cases = 0;
        var lines = 0;
        foreach (var json in File.ReadLines(Path.Combine(Corpus.LintHistoryRoot!, "cases.jsonl")).Where(l => l.Trim().Length > 0))
        {
            using var record = JsonDocument.Parse(json);
            var c = record.RootElement;
            var sha = c.GetProperty("sha").GetString()!.Substring(0, 8);
            var filter = c.TryGetProperty("run_filter", out var rf) ? rf.GetString()! : c.GetProperty("filter").GetString()!;
            cases++;
            var caseOk = true;
            var i = 0;
            foreach (var line in c.GetProperty("lines").EnumerateArray())
            {
                lines++;
                var text = line.GetProperty("text").GetString()!;
                var options = line.TryGetProperty("filter_options", out var fo)
                    ? "[" + string.Join(", ", fo.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString())) + "]" : "";
                var expected = Expected(line.GetProperty("before"), line.GetProperty("after"));
                var log = scratch.Write(sha + "-" + i++ + ".log", text + "\n");
                var dir = Path.Combine(Corpus.LintHistoryRoot!, "cases", sha);
                var r = CliRunner.Run("diff", Path.Combine(dir, "before", "filter.d", filter) + options, Path.Combine(dir, "after", "filter.d", filter) + options,
                    "--log", log, "--no-probe", "--format", "json");
                var kinds = Kinds(r.Stdout, text);
                if (!kinds.Contains(expected))
                {
                    caseOk = false;
                    failures.Add(sha + " " + filter + options + ": expected " + expected + ", got [" + string.Join(", ", kinds) + "] (exit " + r.ExitCode + ") " + r.Stderr.Trim());
                }
            }
            _output.WriteLine(sha + " " + (caseOk ? "ok" : "FAILED"));
        }
        _output.WriteLine(cases - failures.Select(f => f.Substring(0, 8)).Distinct().Count() + " of " + cases + " cases pass (" + lines + " lines)");
        foreach (var f in failures) _output.WriteLine(f);
        Assert.Equal(40, cases);
        Assert.Empty(failures);
    }

    /// <summary>The change the fix made to the line: now-missed, now-matched, host-changed or fields-changed.</summary>
    private static string Expected(JsonElement before, JsonElement after)
    {
        var b = before.GetProperty("match").GetBoolean();
        var a = after.GetProperty("match").GetBoolean();
        if (b && !a) return "now-missed";
        if (!b && a) return "now-matched";
        if (before.GetProperty("host").GetString() != after.GetProperty("host").GetString()) return "host-changed";
        return "fields-changed";
    }

    /// <summary>The kinds of change the JSON report lists for <paramref name="text"/>.</summary>
    private static HashSet<string> Kinds(string json, string text)
    {
        var kinds = new HashSet<string>();
        if (json.Trim().Length == 0) return kinds;
        using var doc = JsonDocument.Parse(json);
        foreach (var report in doc.RootElement.EnumerateArray())
            foreach (var group in report.GetProperty("groups").EnumerateArray())
                if (group.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("text").GetString() == text))
                    kinds.Add(group.GetProperty("kind").GetString()!);
        return kinds;
    }
}
