using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Config;

/// <summary>Outcome of reading one option through the config parser.</summary>
internal enum LookupStatus
{
    Found,
    NoSection,
    NoOption,
}

/// <summary>Which layer of the parser's lookup chain supplied a value.</summary>
internal enum LookupLayer
{
    Vars,
    Section,
    Default,
}

/// <summary>The value of one option read through the config parser (Python's <c>ConfigParser.get</c>).</summary>
internal readonly struct ConfigLookup
{
    public ConfigLookup(LookupStatus status, LocatedString? value = null, LookupLayer layer = LookupLayer.Section, ConfigOption? option = null)
    {
        Status = status;
        Value = value;
        Layer = layer;
        Option = option;
    }

    public LookupStatus Status { get; }

    /// <summary>The (interpolated unless read raw) value when <see cref="Status"/> is <see cref="LookupStatus.Found"/>.</summary>
    public LocatedString? Value { get; }

    public LookupLayer Layer { get; }

    /// <summary>The option definition that supplied the raw value (null when it came from the vars).</summary>
    public ConfigOption? Option { get; }

    public bool Found => Status == LookupStatus.Found;
}
