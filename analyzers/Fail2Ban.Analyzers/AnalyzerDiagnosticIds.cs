namespace Fail2Ban.Analyzers;

/// <summary>
/// Ids only the analyzer reports (block F2B18xx; the generator's own are F2B19xx). Findings on filters use
/// the rule catalogue's ids.
/// </summary>
internal static class AnalyzerDiagnosticIds
{
    /// <summary>An AdditionalFile with a <c>Fail2BanFilter</c> value the analyzer does not know: not linted.</summary>
    public const string FileNotLinted = "F2B1801";
}
