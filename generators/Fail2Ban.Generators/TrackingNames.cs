namespace Fail2Ban.Generators;

/// <summary>Names of the incremental pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string Settings = nameof(Settings);
    public const string ConfigFiles = nameof(ConfigFiles);
    public const string Filters = nameof(Filters);
    public const string Includes = nameof(Includes);
    public const string FilterSpecs = nameof(FilterSpecs);
    public const string RegexEnvironment = nameof(RegexEnvironment);
    public const string Units = nameof(Units);
}
