namespace Fail2Ban.Core.Config;

/// <summary>Where a resolved filter option's value was taken from.</summary>
public enum OptionSource
{
    /// <summary>The filter options <c>name[key=value]</c> (jail line or <c>fail2ban-regex</c> argument).</summary>
    FilterOptions,
    /// <summary>The filter's <c>[Init]</c> section.</summary>
    InitSection,
    /// <summary>The filter's <c>[Definition]</c> section.</summary>
    DefinitionSection,
    /// <summary>A <c>[DEFAULT]</c> section (fallback of <c>[Definition]</c>).</summary>
    DefaultSection,
    /// <summary>Set by the reader itself (e.g. <c>logtype</c> chosen from the log backend).</summary>
    Automatic,
}
