using System.Collections.Generic;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>A section of one config file or of the merged configuration: options in first-definition order.</summary>
public sealed class ConfigSection
{
    private readonly InsertionOrderedMap<ConfigOption> _options = new();

    public ConfigSection(string name, SourceLocation? headerLocation)
    {
        Name = name;
        HeaderLocation = headerLocation;
    }

    /// <summary>The section name (case-sensitive), e.g. <c>Definition</c>, <c>DEFAULT</c>, <c>KNOWN/Definition</c>.</summary>
    public string Name { get; }

    /// <summary>Where the (first) header of this section was written; null for DEFAULT without header or hidden sections.</summary>
    public SourceLocation? HeaderLocation { get; }

    /// <summary>The options, in the order they were first defined.</summary>
    public IEnumerable<ConfigOption> Options => _options.Values;

    /// <summary>Number of options.</summary>
    public int Count => _options.Count;

    /// <summary>Looks an option up by its stored (lower-case) name; exact match.</summary>
    public bool TryGetOption(string name, out ConfigOption option) => _options.TryGetValue(name, out option);

    /// <summary>True if the section itself (not DEFAULT) has the option.</summary>
    public bool Contains(string name) => _options.ContainsKey(name);

    internal void Set(ConfigOption option) => _options[option.Name] = option;

    public override string ToString() => "[" + Name + "] (" + _options.Count + " options)";
}
