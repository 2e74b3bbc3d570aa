using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;
using FilterLint.Files;

namespace FilterLint.Commands;

/// <summary>
/// One filter to lint: a <c>.conf</c> file, or a filter name in a configuration directory, with the filter options
/// that select one variant (<c>[mode=aggressive]</c>), if any.
/// </summary>
internal sealed class LintTarget
{
    private LintTarget(string? file, string? configDirectory, string? name, IReadOnlyDictionary<string, string>? options)
    {
        File = file;
        ConfigDirectory = configDirectory;
        Name = name;
        Options = options;
    }

    public string? File { get; }

    public string? ConfigDirectory { get; }

    public string? Name { get; }

    /// <summary>The filter options given with the filter (null: every variant is linted).</summary>
    public IReadOnlyDictionary<string, string>? Options { get; }

    public static LintTarget ForFile(string path, IReadOnlyDictionary<string, string>? options = null) =>
        new(PhysicalConfigFileSource.ToConfigPath(path), null, null, options);

    public static LintTarget ForName(string configDirectory, string name, IReadOnlyDictionary<string, string>? options = null) =>
        new(null, PhysicalConfigFileSource.ToConfigPath(configDirectory), name, options);

    public LintReport Lint(FilterLinter linter, IConfigFileSource files) =>
        File != null ? linter.LintFile(files, File, Options) : linter.LintFilter(files, ConfigDirectory!, Name!, Options);
}

/// <summary>Expands the command line's PATH arguments into filters (files, folders, names).</summary>
internal static class LintTargets
{
    /// <summary>The filters to lint, or null after printing a usage/input error.</summary>
    public static List<LintTarget>? Collect(IReadOnlyList<string> paths, string? configDirectory, TextWriter error)
    {
        var targets = new List<LintTarget>();
        if (configDirectory != null && !Directory.Exists(configDirectory))
        {
            error.WriteLine("filterlint: error: configuration directory '" + configDirectory + "' does not exist");
            return null;
        }
        if (paths.Count == 0)
        {
            if (configDirectory is null)
            {
                error.WriteLine("filterlint: error: give filter files or folders to lint (or --config DIR). Run 'filterlint lint --help' for usage.");
                return null;
            }
            targets.AddRange(FolderFilters(FilterFolder(configDirectory)).Select(p => LintTarget.ForFile(p)));
            return targets;
        }
        foreach (var argument in paths)
        {
            if (!TrySplitOptions(argument, error, out var path, out var options)) return null;
            if (File.Exists(path))
            {
                targets.Add(LintTarget.ForFile(path, options));
            }
            else if (options != null)
            {
                if (configDirectory != null && IsFilterName(path))
                {
                    targets.Add(LintTarget.ForName(configDirectory, path, options));
                    continue;
                }
                error.WriteLine("filterlint: error: '" + path + "' does not exist" + (Directory.Exists(path) ? " as a filter file (options need one filter)" : ""));
                return null;
            }
            else if (Directory.Exists(path))
            {
                var found = FolderFilters(FilterFolder(path)).ToList();
                if (found.Count == 0)
                {
                    error.WriteLine("filterlint: error: no filter .conf files in '" + path + "'");
                    return null;
                }
                targets.AddRange(found.Select(p => LintTarget.ForFile(p)));
            }
            else if (configDirectory != null && IsFilterName(path))
            {
                targets.Add(LintTarget.ForName(configDirectory, path));
            }
            else
            {
                error.WriteLine("filterlint: error: '" + path + "' does not exist");
                return null;
            }
        }
        return targets;
    }

    /// <summary>
    /// Splits <c>name[k=v, …]</c> as fail2ban-regex does (a path that exists as given is taken whole); false after
    /// printing the error for malformed options.
    /// </summary>
    private static bool TrySplitOptions(string argument, TextWriter error, out string path, out IReadOnlyDictionary<string, string>? options)
    {
        path = argument;
        options = null;
        var bracket = argument.IndexOf('[');
        if (bracket <= 0 || File.Exists(argument) || Directory.Exists(argument)) return true;
        try
        {
            var reference = FilterReference.Parse(argument);
            path = reference.Name.TrimEnd();
            options = reference.Options.Count > 0 ? reference.Options : null;
            return true;
        }
        catch (Fail2Ban.Core.Diagnostics.Fail2BanException e)
        {
            error.WriteLine("filterlint: error: " + e.Message);
            return false;
        }
    }

    /// <summary>A configuration directory's <c>filter.d</c>, or the folder itself.</summary>
    private static string FilterFolder(string directory)
    {
        var filterD = Path.Combine(directory, FilterReader.FilterDirectoryName);
        return Directory.Exists(filterD) ? filterD : directory;
    }

    /// <summary>The <c>*.conf</c> files of a folder that are filters (not include-only <c>*common.conf</c>), sorted.</summary>
    private static IEnumerable<string> FolderFilters(string folder) =>
        Directory.EnumerateFiles(folder, "*.conf")
            .Where(p => !Path.GetFileName(p).EndsWith("common.conf", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static bool IsFilterName(string text) =>
        text.Length > 0 && text.IndexOfAny(new[] { '/', '\\' }) < 0 && !text.EndsWith(".conf", StringComparison.Ordinal);
}
