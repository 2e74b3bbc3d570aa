using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// The FILTER argument of <c>fail2ban-regex</c> resolved as Fail2Ban does (spec 1.1): a filter name, a path to
/// a filter file (a file in a folder named <c>filter.d</c> is read with the standard algorithm, its parent
/// becoming the configuration directory) or, if it names no file, a literal failregex.
/// The master-only lookup of a jail of that name is not performed.
/// </summary>
public sealed class FilterArgument
{
    private static readonly Regex FilterLike = new(@"^/{0,3}[\w/_\-.]+(?:\[.*\])?$",
        RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private FilterArgument(FilterArgumentKind kind, string text, FilterReference? reference,
        string? configDirectory, string? filterName, string? filePath)
    {
        Kind = kind;
        Text = text;
        Reference = reference;
        ConfigDirectory = configDirectory;
        FilterName = filterName;
        FilePath = filePath;
    }

    /// <summary>What the argument designates.</summary>
    public FilterArgumentKind Kind { get; }

    /// <summary>The argument as given.</summary>
    public string Text { get; }

    /// <summary>The parsed <c>name[options]</c> (null for a literal regex).</summary>
    public FilterReference? Reference { get; }

    /// <summary>For <see cref="FilterArgumentKind.Named"/>: the configuration directory (parent of <c>filter.d</c>).</summary>
    public string? ConfigDirectory { get; }

    /// <summary>For <see cref="FilterArgumentKind.Named"/>: the bare filter name (no directory, no extension).</summary>
    public string? FilterName { get; }

    /// <summary>The filter file that was found (for <see cref="FilterArgumentKind.File"/> the file that will be read).</summary>
    public string? FilePath { get; }

    /// <summary>The filter options (empty for a literal regex).</summary>
    public IReadOnlyDictionary<string, string> Options =>
        Reference?.Options ?? new Dictionary<string, string>();

    /// <summary>
    /// Resolves <paramref name="argument"/> against <paramref name="configDirectory"/> (fail2ban-regex's <c>-c</c>);
    /// a relative path is taken relative to <paramref name="currentDirectory"/>. Throws
    /// <see cref="Diagnostics.Fail2BanException"/> when the argument looks like a filter but its options are malformed.
    /// </summary>
    public static FilterArgument Resolve(IConfigFileSource files, string configDirectory, string argument,
        string? currentDirectory = null, SourceLocation? origin = null)
    {
        if (!FilterLike.IsMatch(argument))
            return new FilterArgument(FilterArgumentKind.LiteralRegex, argument, null, null, null, null);
        var reference = FilterReference.Parse(argument, origin);
        var name = reference.Name;
        var configDir = Normalize(configDirectory, currentDirectory);
        var baseDir = configDir;
        var tail = name.Length > 6 ? name.Substring(name.Length - 6) : name;
        var tryNames = tail.IndexOf('.') >= 0 ? new[] { name } : new[] { name, name + ".conf", name + ".local" };
        // master maps filter.d/X to CONFIG/filter.d/X.
        var mapped = name.StartsWith(FilterReader.FilterDirectoryName + "/", System.StringComparison.Ordinal);
        string? found = null;
        foreach (var candidate in tryNames)
        {
            string path;
            if (mapped)
            {
                path = ConfigPath.Combine(configDir, candidate);
                baseDir = ConfigPath.GetDirectory(path);
            }
            else if (candidate.IndexOf('/') < 0)
            {
                path = ConfigPath.GetFileName(baseDir) == FilterReader.FilterDirectoryName
                    ? ConfigPath.Combine(baseDir, candidate)
                    : ConfigPath.Combine(baseDir, FilterReader.FilterDirectoryName + "/" + candidate);
            }
            else
            {
                path = Normalize(candidate, currentDirectory);
                baseDir = ConfigPath.GetDirectory(path);
            }
            if (files.Read(path) is not null)
            {
                found = path;
                break;
            }
        }
        if (found is null)
            return new FilterArgument(FilterArgumentKind.LiteralRegex, argument, null, null, null, null);
        var bareName = tail.IndexOf('.') < 0 && name.IndexOf('/') < 0;
        if (baseDir == configDir || ConfigPath.GetFileName(baseDir) == FilterReader.FilterDirectoryName || bareName)
        {
            if (ConfigPath.GetFileName(baseDir) == FilterReader.FilterDirectoryName) baseDir = ConfigPath.GetDirectory(baseDir);
            var filterName = ConfigPath.WithoutExtension(ConfigPath.GetFileName(name));
            return new FilterArgument(FilterArgumentKind.Named, argument, reference, baseDir, filterName, found);
        }
        return new FilterArgument(FilterArgumentKind.File, argument, reference, null, null, found);
    }

    /// <summary>The reference with its name replaced (the options keep their locations).</summary>
    internal FilterReference WithName(string name) => Reference!.Renamed(name);

    private static string Normalize(string path, string? currentDirectory)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        if (!ConfigPath.IsAbsolute(trimmed) && currentDirectory is not null) return ConfigPath.Combine(currentDirectory, trimmed);
        return ConfigPath.Normalize(trimmed.Length == 0 ? "/" : trimmed);
    }

    public override string ToString() => Kind + ": " + Text;
}
