using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Config;

/// <summary>
/// The configuration after all files of a filter were read and merged in order (spec 1.3): later files
/// override earlier ones option by option; the value an option had before its last override is kept in
/// the hidden section <c>KNOWN/&lt;section&gt;</c>; conditional sections (<c>[Init?family=inet6]</c>) are merged
/// into their base section with suffixed option names. Values are raw (uninterpolated).
/// </summary>
public sealed class MergedConfig
{
    /// <summary>Prefix of the hidden sections that remember overridden values.</summary>
    public const string KnownPrefix = "KNOWN/";

    private static readonly Regex ConditionalSection = new(@"^(\w+)(\?.+)$", RegexOptions.CultureInvariant);

    private readonly InsertionOrderedMap<ConfigSection> _sections = new();

    /// <summary>An empty configuration.</summary>
    public MergedConfig() => Defaults = new ConfigSection(IniParser.DefaultSection, null);

    /// <summary>The merged <c>[DEFAULT]</c> options.</summary>
    public ConfigSection Defaults { get; }

    /// <summary>All sections except DEFAULT, in first-seen order, including hidden <c>KNOWN/…</c> sections.</summary>
    public IEnumerable<ConfigSection> Sections => _sections.Values;

    /// <summary>Looks a section up by its exact (case-sensitive) name; <c>DEFAULT</c> is not a section here.</summary>
    public bool TryGetSection(string name, out ConfigSection section) => _sections.TryGetValue(name, out section);

    /// <summary>True if a section of that exact name exists (DEFAULT excluded).</summary>
    public bool HasSection(string name) => _sections.ContainsKey(name);

    /// <summary>Merges one more file into this configuration, as Fail2Ban does after reading it.</summary>
    public void Merge(IniDocument document)
    {
        foreach (var option in document.Defaults.Options) Defaults.Set(option);
        foreach (var section in document.Sections)
        {
            var name = section.Name;
            IEnumerable<ConfigOption> options = section.Options;
            var cond = ConditionalSection.Match(name);
            if (cond.Success)
            {
                name = cond.Groups[1].Value;
                var suffix = cond.Groups[2].Value;
                var renamed = new List<ConfigOption>();
                foreach (var o in section.Options) renamed.Add(o.Rename(o.Name + suffix));
                options = renamed;
            }
            if (_sections.TryGetValue(name, out var existing))
            {
                // The hidden section exists as soon as the section is merged again, even with no overlap
                // (this decides whether <known/x> falls back to DEFAULT, spec 1.7).
                var known = GetOrAdd(KnownPrefix + name);
                foreach (var o in options)
                    if (existing.TryGetOption(o.Name, out var previous)) known.Set(previous);
                foreach (var o in options) existing.Set(o);
            }
            else
            {
                var copy = new ConfigSection(name, section.HeaderLocation);
                foreach (var o in options) copy.Set(o);
                _sections[name] = copy;
            }
        }
    }

    /// <summary>One file on its own, sections as written (no conditional-section merging): the view
    /// Fail2Ban has when it reads that file's <c>[INCLUDES]</c>.</summary>
    public static MergedConfig FromDocument(IniDocument document)
    {
        var config = new MergedConfig();
        foreach (var option in document.Defaults.Options) config.Defaults.Set(option);
        foreach (var section in document.Sections) config._sections[section.Name] = section;
        return config;
    }

    private ConfigSection GetOrAdd(string name)
    {
        if (!_sections.TryGetValue(name, out var section))
        {
            section = new ConfigSection(name, null);
            _sections[name] = section;
        }
        return section;
    }
}
