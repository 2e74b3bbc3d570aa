using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>One entry of the filter's combined option map after <c>&lt;tag&gt;</c> substitution, with its origin.</summary>
public sealed class ResolvedOption
{
    public ResolvedOption(string name, LocatedString? value, OptionSource source, SourceLocation? definedAt)
    {
        Name = name;
        Value = value;
        Source = source;
        DefinedAt = definedAt;
    }

    /// <summary>The option name (filter option keys keep their case; config option names are lower-case).</summary>
    public string Name { get; }

    /// <summary>The final value (interpolated and substituted); null when the option exists but has no value (no <c>[Definition]</c>).</summary>
    public LocatedString? Value { get; }

    /// <summary>Which part of the configuration supplied the value.</summary>
    public OptionSource Source { get; }

    /// <summary>Where the winning option was defined (its name in a .conf, or its value in the filter options).</summary>
    public SourceLocation? DefinedAt { get; }

    public override string ToString() => Name + " = " + (Value?.Text ?? "(none)");
}
