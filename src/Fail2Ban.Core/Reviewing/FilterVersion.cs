using System;
using System.Collections.Generic;
using Fail2Ban.Core.Config;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// One side of a filter review: a <c>.conf</c> file in a set of config files (the working tree, or a
/// revision read through <c>git show</c>), the filter options given with it, and how to name it.
/// </summary>
public sealed class FilterVersion
{
    public FilterVersion(IConfigFileSource files, string path, string label, IReadOnlyDictionary<string, string>? options = null)
    {
        Files = files ?? throw new ArgumentNullException(nameof(files));
        Path = ConfigPath.Normalize(path);
        Label = label;
        Options = options;
    }

    public IConfigFileSource Files { get; }

    /// <summary>The filter file (config path, <c>/</c>-separated).</summary>
    public string Path { get; }

    /// <summary>How the user named this version (<c>git:HEAD:config/filter.d/sshd.conf</c>, a path).</summary>
    public string Label { get; }

    /// <summary>Filter options given with the version (<c>[mode=aggressive]</c>); null when none.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; }

    /// <summary>The text of the filter file itself, or null when it cannot be read.</summary>
    public string? Text => Files.Read(Path)?.Text;

    /// <summary>Reads the filter with its options and, when given, <paramref name="mode"/>.</summary>
    public ResolvedFilter Read(string? mode)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Options != null) foreach (var kv in Options) options[kv.Key] = kv.Value;
        if (mode != null) options["mode"] = mode;
        return FilterReader.ReadFile(Files, Path, options.Count > 0 ? options : null, autoLogType: "file");
    }
}
