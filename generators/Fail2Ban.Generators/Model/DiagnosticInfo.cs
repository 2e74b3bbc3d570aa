namespace Fail2Ban.Generators.Model;

/// <summary>A diagnostic as plain data (id, severity, message, place); turned into a Roslyn Diagnostic at output time.</summary>
internal sealed record DiagnosticInfo(string Id, DiagnosticLevel Level, string Message, LocationInfo? Location);

/// <summary>Severity of a <see cref="DiagnosticInfo"/> (Roslyn's enum kept out of the models).</summary>
internal enum DiagnosticLevel
{
    Info,
    Warning,
    Error,
}
