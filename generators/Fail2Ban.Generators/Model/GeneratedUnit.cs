namespace Fail2Ban.Generators.Model;

/// <summary>The sources of one filter, ready to add: regex declarations, the matcher class and (Generated mode) the SDK's regex code.</summary>
internal sealed record GeneratedUnit(
    string HintName,
    string? DeclarationsSource,
    string? MatcherSource,
    string? RegexSource,
    EquatableArray<DiagnosticInfo> Diagnostics);
