using System;
using System.IO;

namespace Fail2Ban.Generators.IntegrationTests;

/// <summary>
/// Locates Fail2Ban's GPL corpus at run time, as the core tests do: <c>FAIL2BAN_CORPUS</c>, else
/// <c>../shared/fail2ban-corpus</c> beside the repository. The project file finds the same folder at build time.
/// </summary>
internal static class Corpus
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The corpus folder (filter.d, logs, expected.jsonl), or null.</summary>
    public static string? MasterRoot { get; } = FindMaster();

    public const string SkipReason = "Fail2Ban corpus not found: expected ../shared/fail2ban-corpus beside the repository (or FAIL2BAN_CORPUS)";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindMaster()
    {
        var env = Environment.GetEnvironmentVariable("FAIL2BAN_CORPUS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "filter.d"))) return Path.GetFullPath(env);
        // An explicit FAIL2BAN_CORPUS that is not there means "no corpus" (how the skips are checked), not "look elsewhere".
        if (!string.IsNullOrEmpty(env)) return null;
        var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fail2ban-corpus"));
        return Directory.Exists(Path.Combine(p, "filter.d")) ? p : null;
    }
}
