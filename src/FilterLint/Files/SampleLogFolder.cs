using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Linting;
using FilterLint.Commands;

namespace FilterLint.Files;

/// <summary>Where `lint` and `probe` find a filter's sample logs on disk, and how they read them.</summary>
internal static class SampleLogFolder
{
    /// <summary>
    /// The sample logs found next to the config tree the filters come from, or null: upstream's source layout
    /// (<c>config/filter.d/x.conf</c> beside <c>fail2ban/tests/files/logs/x</c>), else a <c>logs</c> folder beside
    /// <c>filter.d</c> (<c>ROOT/filter.d/x.conf</c> and <c>ROOT/logs/x</c>, as filter collections keep them).
    /// </summary>
    public static string? Beside(IEnumerable<LintTarget> targets)
    {
        foreach (var target in targets)
        {
            var filterDir = target.File != null ? Path.GetDirectoryName(target.File) : target.ConfigDirectory is { } c ? Path.Combine(c, "filter.d") : null;
            if (filterDir is null) continue;
            var configRoot = Path.GetDirectoryName(Path.GetFullPath(filterDir));
            if (configRoot is null) continue;
            var sourceRoot = Path.GetDirectoryName(configRoot);
            var upstream = sourceRoot is null ? null : Path.Combine(sourceRoot, "fail2ban", "tests", "files", "logs");
            if (upstream != null && Directory.Exists(upstream)) return upstream;
            var beside = Path.Combine(configRoot, "logs");
            if (Directory.Exists(beside) && HoldsAnnotatedSamples(beside)) return beside;
        }
        return null;
    }

    /// <summary>
    /// Whether a folder holds Fail2Ban-style sample logs (lines annotated with <c># failJSON:</c>), not plain logs: a
    /// plain log kept beside the filters (samples/LogWatch/logs) is for <c>filterlint regex</c>, and read as samples its
    /// every matched line would be "matched when it should not have".
    /// </summary>
    private static bool HoldsAnnotatedSamples(string directory)
    {
        try
        {
            var head = new char[64 * 1024];
            foreach (var file in Directory.EnumerateFiles(directory).Take(200))
            {
                using var reader = new StreamReader(file);
                var read = reader.ReadBlock(head, 0, head.Length);
                if (new string(head, 0, read).Contains("# failJSON:")) return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return false;
    }

    public static SampleLogSource Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        // Upstream names a filter's sample log NAME; collections (and the analyzer's AdditionalFiles) use NAME.log.
        string PathOf(string name)
        {
            var path = Path.Combine(full, name);
            return !File.Exists(path) && File.Exists(path + ".log") ? path + ".log" : path;
        }
        return new SampleLogSource(
            name => File.Exists(PathOf(name)) ? File.ReadAllText(PathOf(name)) : null,
            name => PathOf(name).Replace(Path.DirectorySeparatorChar, '/'));
    }
}
