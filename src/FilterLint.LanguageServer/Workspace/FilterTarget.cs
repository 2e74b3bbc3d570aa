using System;
using System.Collections.Generic;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;

namespace FilterLint.LanguageServer.Workspace;

/// <summary>
/// The filter a file belongs to, read the way Fail2Ban reads it: a file in a <c>filter.d</c> folder is filter
/// <c>NAME</c> of that configuration directory (<c>NAME.conf</c>, <c>NAME.d/*.conf</c>, <c>NAME.local</c>, …);
/// a fragment in <c>filter.d/NAME.d/</c> belongs to filter <c>NAME</c>; any other file is a lone filter file
/// (with its <c>.local</c> companion). Include-only files (<c>*common.conf</c>) are no filter of their own.
/// </summary>
public sealed class FilterTarget
{
    private FilterTarget(string file, string? configDirectory, string? name)
    {
        File = file;
        ConfigDirectory = configDirectory;
        Name = name;
    }

    /// <summary>The filter's main file (<c>filter.d/NAME.conf</c> for a named filter, even if only a .local exists).</summary>
    public string File { get; }

    public string? ConfigDirectory { get; }

    public string? Name { get; }

    /// <summary>Identifies the filter among those linted.</summary>
    public string Key => File;

    /// <summary>Whether a file is include-only (<c>common.conf</c>, <c>apache-common.conf</c>, their .local).</summary>
    public static bool IsIncludeOnly(string path) => ConfigPath.IsIncludeOnly(path);

    /// <summary>The filter <paramref name="path"/> belongs to, or null for an include-only file.</summary>
    public static FilterTarget? For(string path)
    {
        if (IsIncludeOnly(path)) return null;
        var directory = ConfigPath.GetDirectory(path);
        var folder = ConfigPath.GetFileName(directory);
        if (folder == FilterReader.FilterDirectoryName)
            return Named(ConfigPath.GetDirectory(directory), ConfigPath.WithoutExtension(ConfigPath.GetFileName(path)));
        // filter.d/NAME.d/x.conf: a fragment of filter NAME.
        var parent = ConfigPath.GetDirectory(directory);
        if (folder.EndsWith(".d", StringComparison.Ordinal) && ConfigPath.GetFileName(parent) == FilterReader.FilterDirectoryName)
            return Named(ConfigPath.GetDirectory(parent), folder.Substring(0, folder.Length - 2));
        var conf = ConfigPath.WithoutExtension(path) + ".conf";
        return new FilterTarget(path.EndsWith(".local", StringComparison.Ordinal) && System.IO.File.Exists(conf) ? conf : path, null, null);
    }

    /// <summary>A file read on its own (an include-only file no filter is known to read).</summary>
    public static FilterTarget Lone(string path) => new(path, null, null);

    private static FilterTarget Named(string configDirectory, string name) =>
        new(ConfigPath.Combine(configDirectory, FilterReader.FilterDirectoryName + "/" + name + ".conf"), configDirectory, name);

    /// <summary>Lints every variant, or the one <paramref name="options"/> select.</summary>
    public LintReport Lint(FilterLinter linter, IConfigFileSource files, IReadOnlyDictionary<string, string>? options = null) =>
        Name != null ? linter.LintFilter(files, ConfigDirectory!, Name, options) : linter.LintFile(files, File, options);

    /// <summary>Reads the filter (default mode and logtype unless <paramref name="options"/> select others); throws the reader's errors.</summary>
    public ResolvedFilter Read(IConfigFileSource files, IReadOnlyDictionary<string, string>? options = null) =>
        Name != null
            ? FilterReader.ReadFilter(files, ConfigDirectory!, Name, options, "file")
            : FilterReader.ReadFile(files, File, options, "file");
}
