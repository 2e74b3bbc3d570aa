namespace Fail2Ban.Generators.Model;

/// <summary>The sources of one filter, ready to add: the matcher class and (Generated mode) the regex code.</summary>
internal sealed record GeneratedUnit(
    string HintName,
    string? MatcherSource,
    string? RegexSource,
    EquatableArray<DiagnosticInfo> Diagnostics);
