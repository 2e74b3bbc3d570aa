namespace Fail2Ban.Generators.Model;

/// <summary>
/// Everything the emitter needs for one filter, as equatable data: the class to write, the distinct
/// regexes, each mode's selection of them, the declared captures, and the problems found. Contains no
/// raw file text, so a comment-only edit of the <c>.conf</c> yields an equal spec and nothing regenerates.
/// </summary>
internal sealed record FilterSpec(
    string Namespace,
    string ClassName,
    string FilterName,
    string SourcePath,
    RegexMode RegexMode,
    bool HasModeEnum,
    EquatableArray<RegexSpec> Regexes,
    EquatableArray<ModeSpec> Modes,
    EquatableArray<CaptureSpec> Captures,
    EquatableArray<string> FilesRead,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>True when the filter could be resolved and translated in every mode (the class can be emitted).</summary>
    public bool CanEmit => Modes.Count > 0;
}
