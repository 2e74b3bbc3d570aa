using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Fail2Ban.Core.Tests.Infrastructure;

namespace FilterLint.Tests.Diff;

/// <summary><c>filterlint diff</c> on small written filters: kinds of change, grouping, formats, exit codes.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempConfigTree _tree = new();

    private string Filter(string folder, string failregex, string extra = "") =>
        _tree.Write(folder + "/filter.d/demo.conf", "[Definition]\nfailregex = " + failregex + "\n" + extra);

    private string Log(params string[] lines) => _tree.Write("demo.log", string.Join("\n", lines) + "\n");

    private const string Auth = "2005-08-14 10:00:00 auth failure from 192.0.2.1 user bob";
    private const string Long = "2005-08-14 10:00:01 authentication failure from 192.0.2.2";

    [Fact]
    public void A_narrowed_regex_lists_the_lost_lines_as_now_missed_and_exits_1()
    {
        var old = Filter("old", @"auth(?:entication)? failure from <HOST>");
        var @new = Filter("new", @"auth failure from <HOST>");
        var r = CliRunner.Run("diff", old, @new, "--log", Log(Auth, Long), "--no-probe");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("now missed: 1 line, old failregex #1", r.Stdout);
        Assert.Contains("demo.log:2: " + Long, r.Stdout);
        Assert.Contains("old: matched 192.0.2.2 -> new: missed", r.Stdout);
        Assert.DoesNotContain("demo.log:1:", r.Stdout);
    }

    [Fact]
    public void A_widened_regex_lists_now_matched_and_exits_0_unless_asked()
    {
        var old = Filter("old", @"auth failure from <HOST>");
        var @new = Filter("new", @"auth(?:entication)? failure from <HOST>");
        var log = Log(Auth, Long);
        var r = CliRunner.Run("diff", old, @new, "--log", log, "--no-probe");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("now matched: 1 line, failregex #1", r.Stdout);
        Assert.Equal(1, CliRunner.Run("diff", old, @new, "--log", log, "--no-probe", "--fail-on", "now-matched").ExitCode);
        Assert.Equal(0, CliRunner.Run("diff", @new, old, "--log", log, "--no-probe", "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void A_host_bound_to_another_address_is_host_changed()
    {
        var old = Filter("old", @"auth failure from .* <HOST>$");
        var @new = Filter("new", @"auth failure from <HOST> ");
        var line = "2005-08-14 10:00:00 auth failure from 192.0.2.1 via 198.51.100.7";
        var r = CliRunner.Run("diff", old, @new, "--log", Log(line), "--no-probe", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var group = doc.RootElement[0].GetProperty("groups")[0];
        Assert.Equal("host-changed", group.GetProperty("kind").GetString());
        var changed = group.GetProperty("lines")[0];
        Assert.Equal("198.51.100.7", changed.GetProperty("old").GetProperty("hosts")[0].GetString());
        Assert.Equal("192.0.2.1", changed.GetProperty("new").GetProperty("hosts")[0].GetString());
    }

    [Fact]
    public void Modes_with_the_same_change_are_one_group_and_the_probe_adds_variants()
    {
        const string modes = "mode = a\nmdre-a = auth failure from <HOST>$\nmdre-b = auth failure from <HOST>$\n";
        var old = Filter("old", "<mdre-<mode>>", modes);
        var @new = Filter("new", "<mdre-<mode>>", modes.Replace("<HOST>$", "<HOST>(?: port \\d+)?$"));
        var line = "2005-08-14 10:00:00 auth failure from 192.0.2.1";
        var r = CliRunner.Run("diff", old, @new, "--log", Log(line));
        Assert.Equal(0, r.ExitCode);
        // The log line matches in both; the probe's "port after the address" variant is what changed, in both modes.
        Assert.Contains("now matched:", r.Stdout);
        Assert.Contains("modes a, b", r.Stdout);
        Assert.Contains("probe (", r.Stdout);
    }

    [Fact]
    public void Markdown_is_a_comment_with_a_table_and_github_annotates_the_changed_line()
    {
        var old = Filter("old", @"auth(?:entication)? failure from <HOST>");
        var @new = Filter("new", @"auth failure from <HOST>");
        var log = Log(Auth, Long);
        var md = CliRunner.Run("diff", old, @new, "--log", log, "--no-probe", "--format", "markdown").Stdout;
        Assert.Contains("| change | lines | regex | modes |", md);
        Assert.Contains("| **now missed** | 1 |", md);
        Assert.Contains("<details><summary>now missed: 1 line", md);
        var gh = CliRunner.Run("diff", old, @new, "--log", log, "--no-probe", "--format", "github").Stdout;
        Assert.StartsWith("::error file=", gh);
        Assert.Contains("new/filter.d/demo.conf,line=2,title=filterlint diff%3A now missed (1)::", gh);
    }

    [Fact]
    public void A_new_version_that_does_not_load_is_reported_and_fails()
    {
        var old = Filter("old", @"auth failure from <HOST>");
        var @new = Filter("new", @"auth failure from (<HOST>");
        var r = CliRunner.Run("diff", old, @new, "--log", Log(Auth), "--no-probe");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("new version does not load:", r.Stdout);
        Assert.Contains("now missed: 1 line", r.Stdout);
    }

    [Fact]
    public void Bad_arguments_are_errors_with_exit_2()
    {
        var old = Filter("old", @"auth failure from <HOST>");
        var missing = CliRunner.Run("diff", old, Path.Combine(_tree.Root, "nope.conf"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
        var kind = CliRunner.Run("diff", old, old, "--fail-on", "worse-ish");
        Assert.Equal(2, kind.ExitCode);
        Assert.Contains("unknown change 'worse-ish'", kind.Stderr);
        var git = CliRunner.Run("diff", "git:no-such-rev-xyz:demo.conf", old);
        Assert.Equal(2, git.ExitCode);
        Assert.Contains("not a git revision", git.Stderr);
    }

    [Fact]
    public void A_git_revision_is_read_with_its_includes_and_compared_with_the_working_tree()
    {
        _tree.Write("repo/config/filter.d/common.conf", "[DEFAULT]\nverb = auth(?:entication)?\n");
        var filter = _tree.Write("repo/config/filter.d/demo.conf", "[INCLUDES]\nbefore = common.conf\n[Definition]\nfailregex = %(verb)s failure from <HOST>\n");
        var repo = Path.Combine(_tree.Root, "repo");
        Git(repo, "init", "-q");
        Git(repo, "add", ".");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "demo");
        // Only the include changes: the revision must supply its own common.conf.
        _tree.Write("repo/config/filter.d/common.conf", "[DEFAULT]\nverb = auth\n");
        var r = CliRunner.Run("diff", "git:HEAD:" + filter, filter, "--log", Log(Auth, Long), "--no-probe");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("filterlint diff demo: git:HEAD:", r.Stdout);
        Assert.Contains("now missed: 1 line", r.Stdout);
        Assert.Contains(Long, r.Stdout);
    }

    [Fact]
    public void Folders_are_compared_filter_by_filter()
    {
        Filter("old", @"auth(?:entication)? failure from <HOST>");
        Filter("new", @"auth failure from <HOST>");
        _tree.Write("old/filter.d/other.conf", "[Definition]\nfailregex = other from <HOST>\n");
        var r = CliRunner.Run("diff", Path.Combine(_tree.Root, "old"), Path.Combine(_tree.Root, "new"), "--log", Log(Auth, Long), "--no-probe");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("other.conf is only in", r.Stderr);
        Assert.Contains("filterlint diff demo:", r.Stdout);
        Assert.Contains("1 filter compared, 1 with changed lines", r.Stdout);
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + process.StandardError.ReadToEnd());
    }

    public void Dispose() => _tree.Dispose();
}
