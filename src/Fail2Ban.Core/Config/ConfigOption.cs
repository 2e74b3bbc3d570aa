using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>One option as written in a config file: lower-cased name, raw (uninterpolated) value and where it was written.</summary>
public sealed class ConfigOption
{
    public ConfigOption(string name, LocatedString rawValue, SourceLocation nameLocation)
    {
        Name = name;
        RawValue = rawValue;
        NameLocation = nameLocation;
    }

    /// <summary>The option name, lower-cased as Fail2Ban stores it (a conditional section adds its <c>?cond</c> suffix).</summary>
    public string Name { get; }

    /// <summary>The value before <c>%(…)s</c> interpolation and tag substitution; continuation lines joined with <c>\n</c>.</summary>
    public LocatedString RawValue { get; }

    /// <summary>Where the option name was written (its file is the file that set this value).</summary>
    public SourceLocation NameLocation { get; }

    /// <summary>A copy under another name (conditional sections rename their options).</summary>
    internal ConfigOption Rename(string name) => new(name, RawValue, NameLocation);

    public override string ToString() => Name + " = " + RawValue.Text;
}
