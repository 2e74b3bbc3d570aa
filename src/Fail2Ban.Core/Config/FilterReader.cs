using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// Reads a Fail2Ban filter the way Fail2Ban's <c>FilterReader</c> does (spec section 1): finds and merges its
/// files, reads the seven filter options from <c>[Definition]</c> with the filter options as interpolation
/// vars, applies <c>[Init]</c>, substitutes configuration tags and splits the regex lists.
/// </summary>
public static class FilterReader
{
    /// <summary>Fail2Ban's default configuration directory.</summary>
    public const string DefaultConfigDirectory = "/etc/fail2ban";

    /// <summary>The folder of a configuration directory that holds filters.</summary>
    public const string FilterDirectoryName = "filter.d";

    private const string DefinitionSection = "Definition";
    private const string InitSection = "Init";
    private const string KnownPrefix = "known/";

    /// <summary>The options Fail2Ban's filter reader knows, in its order.</summary>
    private static readonly string[] StandardOptions = { "usedns", "prefregex", "ignoreregex", "failregex", "maxlines", "datepattern", "journalmatch" };

    private static readonly Regex ConditionalOption = new(@"^(\w+)(\?.+)$", RegexOptions.CultureInvariant);
    private static readonly Regex SectionOptionName = new(@"^([\w\-]+)/([^\s>]+)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads filter <paramref name="filterName"/> from <c>configDirectory/filter.d</c> with the standard algorithm
    /// (<c>NAME.conf</c>, <c>NAME.d/*.conf</c>, <c>NAME.local</c>, <c>NAME.d/*.local</c>, each with its includes).
    /// <paramref name="autoLogType"/>, when set (fail2ban-regex and the server use <c>file</c>), becomes option
    /// <c>logtype</c> unless the options or the filter's own <c>[Definition]</c> define it.
    /// </summary>
    public static ResolvedFilter ReadFilter(IConfigFileSource files, string configDirectory, string filterName,
        IReadOnlyDictionary<string, string>? options = null, string? autoLogType = null) =>
        ReadFilter(files, configDirectory, FilterReference.FromOptions(filterName, options), autoLogType);

    /// <summary>As <see cref="ReadFilter(IConfigFileSource, string, string, IReadOnlyDictionary{string, string}?, string?)"/>
    /// with a parsed <c>name[k=v]</c> reference (its option values keep their locations).</summary>
    public static ResolvedFilter ReadFilter(IConfigFileSource files, string configDirectory, FilterReference reference, string? autoLogType = null)
    {
        if (files is null) throw new ArgumentNullException(nameof(files));
        var baseDir = TrimDirectory(configDirectory);
        // As os.path.join: an absolute filter name replaces the directory.
        var basePath = ConfigPath.IsAbsolute(reference.Name)
            ? ConfigPath.Normalize(reference.Name)
            : ConfigPath.Combine(baseDir, FilterDirectoryName + "/" + reference.Name);
        var loader = new ConfigFileLoader(files);
        var candidates = new List<string> { basePath + ".conf" };
        candidates.AddRange(Glob(files, basePath + ".d", ".conf"));
        candidates.Add(basePath + ".local");
        candidates.AddRange(Glob(files, basePath + ".d", ".local"));
        var existing = candidates.FindAll(loader.Exists);
        if (existing.Count == 0)
            throw new Fail2BanException(DiagnosticIds.FilterNotFound,
                "Found no accessible config files for '" + FilterDirectoryName + "/" + reference.Name + "' under " + baseDir
                + " (looked for " + basePath + ".conf, .local and " + basePath + ".d/)");
        var (config, read) = loader.Load(existing);
        return ResolveKeepingWarnings(reference.Name, reference, config, read, loader.Warnings, autoLogType);
    }

    /// <summary>Reads a "foreign" filter file (not in a <c>filter.d</c> folder): the file, its <c>.local</c> companion and includes.</summary>
    public static ResolvedFilter ReadFile(IConfigFileSource files, string path,
        IReadOnlyDictionary<string, string>? options = null, string? autoLogType = null) =>
        ReadFile(files, path, FilterReference.FromOptions(path, options), autoLogType);

    /// <summary>As <see cref="ReadFile(IConfigFileSource, string, IReadOnlyDictionary{string, string}?, string?)"/> with
    /// options taken from a parsed reference (its name is ignored).</summary>
    public static ResolvedFilter ReadFile(IConfigFileSource files, string path, FilterReference reference, string? autoLogType = null)
    {
        if (files is null) throw new ArgumentNullException(nameof(files));
        var file = ConfigPath.Normalize(path);
        var loader = new ConfigFileLoader(files);
        if (!loader.Exists(file))
            throw new Fail2BanException(DiagnosticIds.FilterNotFound, "failed to load filter file " + file + ": it does not exist");
        var (config, read) = loader.Load(new[] { file });
        if (read.Count == 0)
            throw new Fail2BanException(DiagnosticIds.FilterNotFound, "failed to load filter file " + file);
        return ResolveKeepingWarnings(file, reference, config, read, loader.Warnings, autoLogType);
    }

    /// <summary>Reads what a <c>fail2ban-regex</c> FILTER argument designates (see <see cref="FilterArgument.Resolve"/>).
    /// Throws for a literal regex, which is not a filter.</summary>
    public static ResolvedFilter Read(IConfigFileSource files, FilterArgument argument, string? autoLogType = null)
    {
        if (argument is null) throw new ArgumentNullException(nameof(argument));
        switch (argument.Kind)
        {
            case FilterArgumentKind.Named:
                return ReadFilter(files, argument.ConfigDirectory!, argument.WithName(argument.FilterName!), autoLogType);
            case FilterArgumentKind.File:
                return ReadFile(files, argument.FilePath!, argument.Reference!, autoLogType);
            default:
                throw new Fail2BanException(DiagnosticIds.FilterNotFound,
                    "'" + argument.Text + "' names no filter file (fail2ban-regex would use it as a literal failregex)");
        }
    }

    private static string TrimDirectory(string directory)
    {
        var trimmed = directory.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : ConfigPath.Normalize(trimmed);
    }

    /// <summary>Python's <c>sorted(glob(dir/*ext))</c>: files (not dot-files) ending in <paramref name="extension"/>, ordinal order.</summary>
    private static List<string> Glob(IConfigFileSource files, string directory, string extension)
    {
        var found = new List<string>();
        foreach (var path in files.ListDirectory(directory))
        {
            var name = ConfigPath.GetFileName(path);
            if (name.Length > 0 && name[0] != '.' && name.EndsWith(extension, StringComparison.Ordinal))
                found.Add(ConfigPath.Combine(directory, name));
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private sealed class Origin
    {
        public Origin(OptionSource source, SourceLocation? at)
        {
            Source = source;
            At = at;
        }

        public OptionSource Source { get; }
        public SourceLocation? At { get; }
    }

    /// <summary><see cref="Resolve"/>; an error it throws carries the loader's warnings, which may explain it.</summary>
    private static ResolvedFilter ResolveKeepingWarnings(string name, FilterReference reference, MergedConfig config,
        List<string> filesRead, IReadOnlyList<Fail2BanException> loaderWarnings, string? autoLogType)
    {
        try
        {
            return Resolve(name, reference, config, filesRead, loaderWarnings, autoLogType);
        }
        catch (Fail2BanException e) when (loaderWarnings.Count > 0 && e.EarlierWarnings.Count == 0)
        {
            e.EarlierWarnings = new List<Fail2BanException>(loaderWarnings);
            throw;
        }
    }

    private static ResolvedFilter Resolve(string name, FilterReference reference, MergedConfig config,
        List<string> filesRead, IReadOnlyList<Fail2BanException> loaderWarnings, string? autoLogType)
    {
        var warnings = new List<Fail2BanException>(loaderWarnings);
        var interpolator = new ConfigInterpolator(config);
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);

        // The filter options (plus an automatic logtype) are both the init map and the interpolation vars.
        var initial = new InsertionOrderedMap<LocatedString>();
        foreach (var kv in reference.LocatedOptions)
        {
            initial[kv.Key] = kv.Value;
            origins[kv.Key] = new Origin(OptionSource.FilterOptions, kv.Value.LocationAt(0));
        }
        if (autoLogType is not null)
        {
            var hasOwn = config.TryGetSection(DefinitionSection, out var defSection) && defSection.Contains("logtype");
            if (!(initial.TryGetValue("logtype", out var given) && given.Text.Length > 0) && !hasOwn)
            {
                initial["logtype"] = LocatedString.Unlocated(autoLogType);
                origins["logtype"] = new Origin(OptionSource.Automatic, null);
            }
        }

        var values = new InsertionOrderedMap<LocatedString?>();
        foreach (var option in StandardOptions)
        {
            if (initial.ContainsKey(option)) continue;
            var lookup = interpolator.Get(DefinitionSection, option, initial);
            if (lookup.Status == LookupStatus.NoOption) continue;
            values[option] = lookup.Value;
            origins[option] = lookup.Status == LookupStatus.NoSection
                ? new Origin(OptionSource.DefinitionSection, null)
                : lookup.Layer switch
                {
                    LookupLayer.Vars => new Origin(OptionSource.FilterOptions, lookup.Value!.LocationAt(0)),
                    LookupLayer.Default => new Origin(OptionSource.DefaultSection, lookup.Option!.NameLocation),
                    _ => new Origin(OptionSource.DefinitionSection, lookup.Option!.NameLocation),
                };
        }

        var init = new InsertionOrderedMap<LocatedString?>();
        foreach (var kv in initial) init[kv.Key] = kv.Value;
        if (config.TryGetSection(InitSection, out var initSection))
        {
            foreach (var option in initSection.Options)
            {
                var optName = option.Name;
                LocatedString? value = null;
                if (!optName.StartsWith(KnownPrefix, StringComparison.Ordinal))
                {
                    value = interpolator.Get(InitSection, optName).Value;
                    init[KnownPrefix + optName] = value;
                    origins[KnownPrefix + optName] = new Origin(OptionSource.InitSection, option.NameLocation);
                }
                if (!init.ContainsKey(optName))
                {
                    value ??= interpolator.Get(InitSection, optName).Value;
                    var origin = new Origin(OptionSource.InitSection, option.NameLocation);
                    // master: a conditional [Init?cond] option takes the value of the plain filter option of its base name.
                    var cond = ConditionalOption.Match(optName);
                    if (cond.Success && initial.TryGetValue(cond.Groups[1].Value, out var given))
                    {
                        value = given;
                        origin = origins[cond.Groups[1].Value];
                    }
                    init[optName] = value;
                    origins[optName] = origin;
                }
            }
        }

        var combined = new InsertionOrderedMap<LocatedString?>(values);
        foreach (var kv in init) combined[kv.Key] = kv.Value;
        var ignore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in combined.Keys)
        {
            var cond = ConditionalOption.Match(key);
            if (cond.Success) ignore.Add(cond.Groups[1].Value);
        }

        var cache = new Dictionary<string, LocatedString?>(StringComparer.Ordinal);
        LocatedString? Lookup(string tag)
        {
            if (cache.TryGetValue(tag, out var cached)) return cached;
            var result = CombinedOption(interpolator, tag, initial);
            cache[tag] = result;
            return result;
        }
        var substituted = TagSubstitution.Substitute(combined, ignore, Lookup);

        var resolvedValues = new List<ResolvedOption>();
        foreach (var kv in substituted)
        {
            var origin = origins.TryGetValue(kv.Key, out var o) ? o : new Origin(OptionSource.DefinitionSection, null);
            resolvedValues.Add(new ResolvedOption(kv.Key, kv.Value, origin.Source, origin.At));
        }

        var filter = new ResolvedFilter(name, reference, resolvedValues, filesRead, config,
            FilterModeCatalog.FindValues(config), warnings);
        filter.UseDnsValue = Get(substituted, "usedns");
        filter.PrefRegex = Get(substituted, "prefregex");
        filter.FailRegex = Lines(Get(substituted, "failregex"));
        filter.IgnoreRegex = Lines(Get(substituted, "ignoreregex"));
        CheckRegexCount(filter.FailRegex, filter.IgnoreRegex);
        filter.DatePattern = Get(substituted, "datepattern");
        filter.JournalMatch = Lines(Get(substituted, "journalmatch"));
        var maxLines = Get(substituted, "maxlines");
        if (maxLines is not null)
        {
            filter.MaxLinesValue = maxLines;
            if (!PythonInt.TryParse(maxLines.Text, out var n, out var overflow))
            {
                warnings.Add(new Fail2BanException(DiagnosticIds.OptionValue,
                    "maxlines '" + maxLines.Text + "' is not an integer: Fail2Ban warns and ignores it", maxLines.LocationAt(0)));
            }
            else if (overflow || n < 1)
            {
                throw new Fail2BanException(DiagnosticIds.OptionValue,
                    "maxlines must be integer greater than zero (got '" + maxLines.Text + "')", maxLines.LocationAt(0));
            }
            else
            {
                filter.MaxLines = n;
            }
        }
        return filter;
    }

    /// <summary>Fail2Ban's <c>getCombOption</c>: a tag resolved through the config — <c>SECTION/opt</c> (with
    /// <c>known</c> and <c>default</c> specials, no vars), else <c>[Definition]</c> with the filter options as vars.</summary>
    private static LocatedString? CombinedOption(ConfigInterpolator interpolator, string tag, InsertionOrderedMap<LocatedString> vars)
    {
        if (tag.IndexOf('/') >= 0)
        {
            var m = SectionOptionName.Match(tag);
            if (m.Success)
            {
                var section = m.Groups[1].Value;
                var option = m.Groups[2].Value;
                var lower = PythonText.Lower(section);
                var sections = lower == "known"
                    ? new[] { MergedConfig.KnownPrefix + DefinitionSection, DefinitionSection }
                    : lower == "default" ? new[] { IniParser.DefaultSection } : new[] { section };
                foreach (var s in sections)
                {
                    var found = interpolator.Get(s, option);
                    if (found.Found) return found.Value;
                }
            }
        }
        var lookup = interpolator.Get(DefinitionSection, tag, vars);
        return lookup.Found ? lookup.Value : null;
    }

    private static LocatedString? Get(InsertionOrderedMap<LocatedString?> map, string key) =>
        map.TryGetValue(key, out var v) ? v : null;

    /// <summary>Every regex is translated and linted: their number is bounded (<see cref="EngineLimits.MaxRegexCount"/>).</summary>
    private static void CheckRegexCount(IReadOnlyList<LocatedString> failRegex, IReadOnlyList<LocatedString> ignoreRegex)
    {
        if (failRegex.Count + ignoreRegex.Count <= EngineLimits.MaxRegexCount) return;
        var first = failRegex.Count > EngineLimits.MaxRegexCount ? failRegex[EngineLimits.MaxRegexCount]
            : ignoreRegex[EngineLimits.MaxRegexCount - failRegex.Count];
        throw new Fail2BanException(DiagnosticIds.LimitExceeded,
            "the filter has " + (failRegex.Count + ignoreRegex.Count) + " failregex and ignoreregex lines, more than the "
            + EngineLimits.MaxRegexCount + " the engine reads", first.LocationAt(0));
    }

    /// <summary>Fail2Ban's split of failregex/ignoreregex/journalmatch: one entry per line, empty lines dropped.</summary>
    private static IReadOnlyList<LocatedString> Lines(LocatedString? value)
    {
        var list = new List<LocatedString>();
        if (value is null) return list;
        foreach (var line in value.Split('\n'))
            if (line.Text.Length > 0) list.Add(line);
        return list;
    }
}
