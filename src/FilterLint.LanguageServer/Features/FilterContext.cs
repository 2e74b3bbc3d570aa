using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Text;
using FilterLint.LanguageServer.Workspace;

namespace FilterLint.LanguageServer.Features;

/// <summary>
/// The filter a document is read in, for the editor features: the document's own filter, else a filter linted
/// before that reads it (an include-only file seen through its includer), else the file on its own. Read with
/// the default mode and logtype, as <c>fail2ban-regex</c> reads a filter without options.
/// </summary>
internal sealed class FilterContext
{
    private const string DefinitionSection = "Definition";

    private readonly Lazy<SampleHits?> _sampleHits;

    private FilterContext(FilterTarget target, ResolvedFilter? filter, string? error, SampleLogSource? samples)
    {
        Target = target;
        Filter = filter;
        Error = error;
        _sampleHits = new Lazy<SampleHits?>(() => filter is null ? null : SampleHits.Count(filter, SampleHits.NameOf(target.File), samples));
    }

    /// <summary>The failregex hits on the filter's sample log, when the client gave a samples folder that has one.</summary>
    public SampleHits? SampleHits => _sampleHits.Value;

    public FilterTarget Target { get; }

    /// <summary>The filter as read, or null when the reader rejects it (see <see cref="Error"/>).</summary>
    public ResolvedFilter? Filter { get; }

    public string? Error { get; }

    public static FilterContext For(string path, LintScheduler scheduler, OverlayFileSource files, SampleLogSource? samples)
    {
        var target = FilterTarget.For(path) ?? scheduler.FiltersReading(path).FirstOrDefault() ?? FilterTarget.Lone(path);
        try
        {
            return new FilterContext(target, target.Read(files), null, samples);
        }
        catch (Fail2BanException e)
        {
            if (target.File != path)
            {
                // The includer does not read; the file on its own still has its own definitions.
                try
                {
                    return new FilterContext(FilterTarget.Lone(path), FilterTarget.Lone(path).Read(files), e.Message, samples);
                }
                catch (Fail2BanException)
                {
                }
            }
            return new FilterContext(target, null, e.Message, samples);
        }
    }

    /// <summary>The mode the filter is read with (its default), or null when it has none.</summary>
    public string? Mode => Filter != null && Filter.TryGetValue("mode", out var m) ? m.Value?.Text : null;

    /// <summary>The filter options (and automatic logtype) that are interpolation variables, as the reader uses them.</summary>
    private IEnumerable<KeyValuePair<string, LocatedString>> Vars =>
        Filter?.Values.Where(v => v.Value != null && (v.Source == OptionSource.FilterOptions || v.Source == OptionSource.Automatic))
            .Select(v => new KeyValuePair<string, LocatedString>(v.Name, v.Value!))
        ?? Enumerable.Empty<KeyValuePair<string, LocatedString>>();

    /// <summary>
    /// Looks an option up as a reference in <paramref name="section"/> does: <c>%(name)s</c> there (then DEFAULT),
    /// <c>SECTION/name</c>, <c>known/name</c> and <c>default/name</c> in the sections Fail2Ban maps them to.
    /// </summary>
    public ConfigLookup? Lookup(string section, string name, bool raw)
    {
        if (Filter is null) return null;
        var interpolator = new ConfigInterpolator(Filter.Config);
        foreach (var (s, option) in Candidates(section, name))
        {
            try
            {
                var found = interpolator.Get(s, option, Vars, raw);
                if (found.Found) return found;
            }
            catch (Fail2BanException)
            {
                // An interpolation error (a cycle, a missing name): try the raw value.
                var found = interpolator.Get(s, option, Vars, raw: true);
                if (found.Found) return found;
            }
        }
        return null;
    }

    /// <summary>The sections a reference is looked up in, in order.</summary>
    private static IEnumerable<(string Section, string Option)> Candidates(string section, string name)
    {
        var slash = name.IndexOf('/');
        if (slash > 0)
        {
            var target = name.Substring(0, slash);
            var option = name.Substring(slash + 1);
            switch (target.ToLowerInvariant())
            {
                case "known":
                    yield return (MergedConfig.KnownPrefix + section, option);
                    yield return (MergedConfig.KnownPrefix + DefinitionSection, option);
                    yield return (section, option);
                    break;
                case "default":
                    yield return (IniParser.DefaultSection, option);
                    break;
                default:
                    yield return (target, option);
                    break;
            }
            yield break;
        }
        yield return (section, name);
        // Tags are looked up in [Init] (filter options) before [Definition].
        if (section != "Init") yield return ("Init", name);
        if (section != DefinitionSection) yield return (DefinitionSection, name);
    }
}
