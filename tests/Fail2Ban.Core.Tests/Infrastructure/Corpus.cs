using System;
using System.IO;

namespace Fail2Ban.Core.Tests.Infrastructure;

/// <summary>
/// Locates Fail2Ban's GPL test corpus at run time (it is never copied into the repository):
/// first <c>../shared/fail2ban-corpus</c> beside the checkout, then Debian's package extracted by
/// <c>scripts/fetch-fail2ban-reference.sh</c> into <c>.f2b-ref/</c>.
/// </summary>
public static class Corpus
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Master corpus folder (with filter.d, test-filter.d, logs, expected*.jsonl), or null.</summary>
    public static string? MasterRoot { get; } = FindMaster();

    /// <summary>Debian 1.0.2 package root (etc/fail2ban, usr/lib/python3/dist-packages), or null.</summary>
    public static string? DebianRoot { get; } = FindDebian();

    /// <summary>The lint-history data set (cases.jsonl and cases/), from env <c>LINT_HISTORY</c> or <c>../shared/lint-history</c>; or null.</summary>
    public static string? LintHistoryRoot { get; } = FindLintHistory();

    public static string SkipReason =>
        "Fail2Ban corpus not found: expected ../shared/fail2ban-corpus beside the repository, " +
        "or run scripts/fetch-fail2ban-reference.sh to extract Debian's fail2ban package into .f2b-ref/";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Compiler.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindMaster()
    {
        var env = Environment.GetEnvironmentVariable("FAIL2BAN_CORPUS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        // An explicit FAIL2BAN_CORPUS that is not there means "no corpus" (how the skips are checked), not "look elsewhere".
        if (!string.IsNullOrEmpty(env)) return null;
        var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fail2ban-corpus"));
        return Directory.Exists(Path.Combine(p, "filter.d")) ? p : null;
    }

    private static string? FindLintHistory()
    {
        var env = Environment.GetEnvironmentVariable("LINT_HISTORY");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "cases.jsonl"))) return Path.GetFullPath(env);
        var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "lint-history"));
        return File.Exists(Path.Combine(p, "cases.jsonl")) ? p : null;
    }

    private static string? FindDebian()
    {
        var p = Path.Combine(RepoRoot, ".f2b-ref", "pkg");
        return Directory.Exists(Path.Combine(p, "etc", "fail2ban", "filter.d")) ? p : null;
    }
}
