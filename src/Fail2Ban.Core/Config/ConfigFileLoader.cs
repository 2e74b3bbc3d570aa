using System.Collections.Generic;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Turns a list of config files into the ordered list Fail2Ban reads (spec 1.1): each file preceded by
/// the expansion of its <c>[INCLUDES] before</c> files and followed by its <c>after</c> files, <c>.local</c>
/// companions inserted after each file, includes already on the inclusion chain skipped; then merges them.
/// Missing or undecodable includes are skipped with a warning, as Fail2Ban skips them silently.
/// </summary>
internal sealed class ConfigFileLoader
{
    public const string IncludesSection = "INCLUDES";

    private const int MaxExpandedFiles = EngineLimits.MaxExpandedFiles;

    private readonly IConfigFileSource _files;
    private readonly Dictionary<string, ConfigFileText?> _texts = new();
    private readonly Dictionary<string, IniDocument?> _documents = new();
    private readonly HashSet<string> _topLevel = new();
    private readonly List<Fail2BanException> _warnings = new();
    private readonly HashSet<string> _warningKeys = new();
    private int _expandedCount;

    public ConfigFileLoader(IConfigFileSource files) => _files = files;

    public IReadOnlyList<Fail2BanException> Warnings => _warnings;

    public bool Exists(string path) => ReadText(path) is not null;

    /// <summary>Expands and reads <paramref name="topLevelFiles"/> (which must exist) into one merged configuration.</summary>
    public (MergedConfig Config, List<string> FilesRead) Load(IReadOnlyList<string> topLevelFiles)
    {
        foreach (var f in topLevelFiles) _topLevel.Add(f);
        var ordered = ExpandIncludes(topLevelFiles, new List<string>());
        var config = new MergedConfig();
        var read = new List<string>();
        foreach (var path in ordered)
        {
            var doc = Parse(path);
            if (doc is null) continue;
            config.Merge(doc);
            read.Add(path);
        }
        return (config, read);
    }

    /// <summary>Fail2Ban's <c>_getIncludes</c>: companions first, then each file's include expansion.</summary>
    private List<string> ExpandIncludes(IReadOnlyList<string> files, List<string> seen)
    {
        var result = new List<string>();
        foreach (var file in WithLocalCompanions(files))
            result.AddRange(ExpandFile(file, seen));
        return result;
    }

    private List<string> WithLocalCompanions(IReadOnlyList<string> files)
    {
        var list = new List<string>();
        foreach (var file in files)
        {
            list.Add(file);
            var local = ConfigPath.LocalCompanion(file);
            if (!Contains(files, local) && Exists(local)) list.Add(local);
        }
        return list;
    }

    private List<string> ExpandFile(string resource, List<string> seen)
    {
        var doc = Parse(resource);
        if (doc is null) return new List<string>();
        if (++_expandedCount > MaxExpandedFiles)
            throw new Fail2BanException(DiagnosticIds.IncludeCycle,
                "the include graph expands to more than " + MaxExpandedFiles + " files (includes repeated in many branches?)",
                new SourceLocation(resource, 1, 1));
        var before = new List<string>();
        var after = new List<string>();
        var single = MergedConfig.FromDocument(doc);
        if (single.HasSection(IncludesSection))
        {
            var interpolator = new ConfigInterpolator(single);
            ExpandOption(interpolator, "before", resource, seen, before);
            ExpandOption(interpolator, "after", resource, seen, after);
        }
        var result = new List<string>(before.Count + 1 + after.Count);
        result.AddRange(before);
        result.Add(resource);
        result.AddRange(after);
        return result;
    }

    private void ExpandOption(ConfigInterpolator interpolator, string option, string resource, List<string> seen, List<string> into)
    {
        var lookup = interpolator.Get(IncludesSection, option);
        if (!lookup.Found) return;
        var directory = ConfigPath.GetDirectory(resource);
        foreach (var line in lookup.Value!.Split('\n'))
        {
            // An empty line names the directory itself, which Fail2Ban fails to read and skips.
            if (line.Text.Length == 0) continue;
            var path = ConfigPath.Combine(directory, line.Text);
            var where = line.LocationAt(0);
            if (Contains(seen, path))
            {
                Warn(DiagnosticIds.IncludeCycle,
                    "'" + line.Text + "' is already being read (include cycle): Fail2Ban skips it", where, path);
                continue;
            }
            // A missing .local include is the normal case (optional local overrides such as common.local).
            if (!Exists(path) && !path.EndsWith(".local", System.StringComparison.Ordinal))
                Warn(DiagnosticIds.MissingInclude,
                    "included file '" + line.Text + "' (" + path + ") does not exist: Fail2Ban ignores it", where, path);
            if (seen.Count >= EngineLimits.MaxIncludeDepth)
                throw new Fail2BanException(DiagnosticIds.LimitExceeded,
                    "includes nested more than " + EngineLimits.MaxIncludeDepth + " deep", where);
            var chain = new List<string>(seen) { resource };
            into.AddRange(ExpandIncludes(new[] { path }, chain));
        }
    }

    private ConfigFileText? ReadText(string path)
    {
        if (!_texts.TryGetValue(path, out var text))
        {
            text = _files.Read(path);
            _texts[path] = text;
        }
        return text;
    }

    /// <summary>Parses a file once; null if it is missing, or undecodable when it is not a top-level file.</summary>
    private IniDocument? Parse(string path)
    {
        if (_documents.TryGetValue(path, out var cached)) return cached;
        var text = ReadText(path);
        IniDocument? doc = null;
        if (text is not null)
        {
            if (text.Text is null)
            {
                var error = text.UnreadableId is { } id
                    ? new Fail2BanException(id, text.DecodeError!, new SourceLocation(path, 1, 1))
                    : new Fail2BanException(DiagnosticIds.ConfigSyntax, "cannot decode the file as UTF-8: " + text.DecodeError,
                        new SourceLocation(path, text.ErrorLine, text.ErrorColumn));
                // master aborts on an undecodable top-level file; included files are logged and skipped.
                if (_topLevel.Contains(path)) throw error;
                Warn(error.Id, error.Message + (text.UnreadableId is null ? " (Fail2Ban skips this include)" : " (the include is skipped)"),
                    error.Location, path);
            }
            else
            {
                doc = IniParser.Parse(path, text.Text);
                // Not an error for Fail2Ban (it simply reads no options), but almost certainly a mistake.
                if (doc.Sections.Count == 0 && doc.Defaults.Count == 0)
                    Warn(DiagnosticIds.ConfigSyntax, "the file has no sections: Fail2Ban reads no options from it",
                        new SourceLocation(path, 1, 1), path);
            }
        }
        _documents[path] = doc;
        return doc;
    }

    private void Warn(string id, string message, SourceLocation? location, string path)
    {
        if (_warningKeys.Add(id + "\u0001" + path + "\u0001" + location))
            _warnings.Add(new Fail2BanException(id, message, location));
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
            if (item == value) return true;
        return false;
    }
}
