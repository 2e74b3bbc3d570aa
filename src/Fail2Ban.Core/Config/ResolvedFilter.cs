using System.Collections.Generic;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// A filter read exactly as Fail2Ban's <c>FilterReader</c> hands it on (spec 1.6–1.8): the option strings after
/// <c>%(…)s</c> interpolation and configuration <c>&lt;tag&gt;</c> substitution, regex tags such as <c>&lt;HOST&gt;</c>
/// not expanded. Every string remembers where each of its characters was written.
/// </summary>
public sealed class ResolvedFilter
{
    private readonly Dictionary<string, ResolvedOption> _byName = new();

    internal ResolvedFilter(
        string name,
        FilterReference reference,
        IReadOnlyList<ResolvedOption> values,
        IReadOnlyList<string> filesRead,
        MergedConfig config,
        IReadOnlyList<string> modes,
        IReadOnlyList<Fail2BanException> warnings)
    {
        Name = name;
        Reference = reference;
        Values = values;
        FilesRead = filesRead;
        Config = config;
        Modes = modes;
        Warnings = warnings;
        foreach (var v in values) _byName[v.Name] = v;
    }

    /// <summary>The filter name (bare name for a filter in <c>filter.d</c>, the path for a foreign file).</summary>
    public string Name { get; }

    /// <summary>The filter reference with its options as given.</summary>
    public FilterReference Reference { get; }

    /// <summary>The filter options (<c>name[key=value]</c>) the filter was read with.</summary>
    public IReadOnlyDictionary<string, string> Options => Reference.Options;

    /// <summary>The single prefregex, or null.</summary>
    public LocatedString? PrefRegex { get; internal set; }

    /// <summary>The failregexes: the value split on newlines, empty lines dropped.</summary>
    public IReadOnlyList<LocatedString> FailRegex { get; internal set; } = new LocatedString[0];

    /// <summary>The ignoreregexes: the value split on newlines, empty lines dropped.</summary>
    public IReadOnlyList<LocatedString> IgnoreRegex { get; internal set; } = new LocatedString[0];

    /// <summary><c>maxlines</c> as an integer, or null when absent (or not an integer: Fail2Ban warns and drops it).</summary>
    public int? MaxLines { get; internal set; }

    /// <summary>The <c>maxlines</c> text with its location, when present.</summary>
    public LocatedString? MaxLinesValue { get; internal set; }

    /// <summary>The datepattern as one string (several templates are separated by newlines), or null.</summary>
    public LocatedString? DatePattern { get; internal set; }

    /// <summary>The journalmatch lines (empty lines dropped; not split shell-style).</summary>
    public IReadOnlyList<LocatedString> JournalMatch { get; internal set; } = new LocatedString[0];

    /// <summary>The filter's own <c>usedns</c> value, or null (fail2ban-regex and the sample tests ignore it).</summary>
    public string? UseDns => UseDnsValue?.Text;

    /// <summary>The <c>usedns</c> value with its location.</summary>
    public LocatedString? UseDnsValue { get; internal set; }

    /// <summary>Every file read, in read order (a file included twice is listed twice).</summary>
    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>The merged raw configuration the filter was read from (for lint rules).</summary>
    public MergedConfig Config { get; }

    /// <summary>All entries of Fail2Ban's combined option map after substitution (the seven filter options,
    /// filter options, <c>[Init]</c> options and their <c>known/</c> copies), with where each came from.</summary>
    public IReadOnlyList<ResolvedOption> Values { get; }

    /// <summary>The values of <c>mode</c> this filter appears to support: its default first, then every value
    /// for which all <c>&lt;…&lt;mode&gt;…&gt;</c> references resolve (see <see cref="FilterModeCatalog"/>).</summary>
    public IReadOnlyList<string> Modes { get; }

    /// <summary>Problems Fail2Ban tolerates (missing include, include cycle, undecodable include, bad maxlines).</summary>
    public IReadOnlyList<Fail2BanException> Warnings { get; }

    /// <summary>A combined option by exact name.</summary>
    public bool TryGetValue(string name, out ResolvedOption option) => _byName.TryGetValue(name, out option!);

    public override string ToString() => "filter " + Name + " (" + FailRegex.Count + " failregex)";
}
