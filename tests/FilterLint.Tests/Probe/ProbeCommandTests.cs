using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FilterLint.Tests.Lint;

namespace FilterLint.Tests.Probe;

/// <summary><c>filterlint probe</c>: the variation table, its JSON, exit codes; evidence lines that <c>filterlint regex</c> reproduces.</summary>
public sealed class ProbeCommandTests : IDisposable
{
    private const string UserAndInjection =
        "[Definition]\n" +
        "failregex = ^auth failed for user \"\\S+\" from <HOST>$\n" +
        "            ^Invalid user <F-USER>\\S+</F-USER> from <HOST> port \\d+\n";

    private readonly TempConfigTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_fixed_width_verb_shows_the_longer_token_as_missed_and_the_fix_in_the_findings()
    {
        var smtp = _tree.Write("p/smtp.conf", LintFilters.Smtp);
        var result = CliRunner.Run("probe", smtp);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), l => l.TrimStart().StartsWith("FAIL") && l.Contains("token-longer") && l.Contains("CONNECT") && l.Contains("missed"));
        Assert.Contains("F2B2001", result.Stdout);
        Assert.Contains("{4,}", result.Stdout);
    }

    [Fact]
    public void The_json_table_has_one_object_per_matched_line_with_judged_variations()
    {
        var filter = _tree.Write("p/user.conf", UserAndInjection);
        var result = CliRunner.Run("probe", "--format", "json", filter);
        using var doc = JsonDocument.Parse(result.Stdout);
        var tables = doc.RootElement.EnumerateArray().ToList();
        Assert.Contains(tables, t => t.GetProperty("regex").GetString() == "failregex #1");
        var rows = tables.SelectMany(t => t.GetProperty("variations").EnumerateArray()).ToList();
        // A benign IPv6 form keeps the verdict; a name with a space inside "\S+" and a forged address break theirs.
        Assert.Contains(rows, r => r.GetProperty("variation").GetString() == "ipv6" && !r.GetProperty("violated").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("variation").GetString() == "user-space" && r.GetProperty("violated").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("variation").GetString()!.StartsWith("inject") && r.GetProperty("violated").GetBoolean());
    }

    [Fact]
    public void A_missing_filter_or_log_is_an_input_error()
    {
        Assert.Equal(2, CliRunner.Run("probe", Path.Combine(_tree.Root, "nope.conf")).ExitCode);
        var filter = _tree.Write("p/user.conf", UserAndInjection);
        Assert.Equal(2, CliRunner.Run("probe", "--log", Path.Combine(_tree.Root, "nope.log"), filter).ExitCode);
    }

    [Fact]
    public void Log_lines_are_varied_instead_of_generated_ones()
    {
        var filter = _tree.Write("p/user.conf", UserAndInjection);
        var log = _tree.Write("p/auth.log", "auth failed for user \"bob\" from 198.51.100.7\nsomething else\n");
        var result = CliRunner.Run("probe", "--log", log, filter);
        Assert.Contains("sample line: auth failed for user \"bob\" from 198.51.100.7", result.Stdout);
        Assert.DoesNotContain("something else", result.Stdout);
    }

    [Fact]
    public void Every_probe_evidence_line_gets_the_stated_verdict_from_filterlint_regex()
    {
        var filter = _tree.Write("p/user.conf", UserAndInjection);
        using var lint = JsonDocument.Parse(CliRunner.Run("lint", "--format", "json", filter).Stdout);
        var evidences = lint.RootElement.EnumerateArray()
            .Where(f => f.TryGetProperty("evidence", out _) && f.GetProperty("ruleId").GetString() is "F2B3003" or "F2B3007")
            .Select(f => f.GetProperty("evidence")).ToList();
        Assert.Equal(2, evidences.Count);
        foreach (var e in evidences)
        {
            var run = CliRunner.Run("regex", "--json", e.GetProperty("line").GetString()!, filter);
            using var verdict = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[0]);
            if (e.GetProperty("kind").GetString() == "missed-line")
                Assert.False(verdict.RootElement.GetProperty("match").GetBoolean());
            else
                Assert.Equal(e.GetProperty("bannedAddress").GetString(), verdict.RootElement.GetProperty("host").GetString());
        }
    }
}
