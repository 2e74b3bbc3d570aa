namespace Fail2Ban.Generators;

/// <summary>
/// Ids of the problems only the generator has (block F2B19xx). Problems of the filter itself use the
/// engine's ids (<see cref="Fail2Ban.Core.Diagnostics.DiagnosticIds"/>), reported as errors.
/// </summary>
internal static class GeneratorDiagnosticIds
{
    /// <summary>The SDK's RegexGenerator could not be used: the filter falls back to RegexOptions.Compiled.</summary>
    public const string RegexGeneratorFallback = "F2B1901";
    /// <summary>The SDK's RegexGenerator reported a problem on a translated pattern.</summary>
    public const string RegexGeneratorDiagnostic = "F2B1902";
    /// <summary>Two filters would generate the same class name.</summary>
    public const string DuplicateClassName = "F2B1903";
    /// <summary>An unknown <c>Fail2BanRegexMode</c> value or malformed <c>Fail2BanOptions</c>.</summary>
    public const string InvalidSetting = "F2B1904";
    /// <summary>The generator failed unexpectedly on a filter (a bug): the engine's internal-error id, at the filter.</summary>
    public const string InternalError = Fail2Ban.Core.Diagnostics.DiagnosticIds.InternalError;
}
