namespace Fail2Ban.Generators.Model;

/// <summary>
/// Everything the emitter needs for one filter, as equatable data: the class to write, the selector
/// options (modes), the distinct regexes, each variant's selection of them, the declared captures, and the
/// problems found. Contains no
/// raw file text, so a comment-only edit of the <c>.conf</c> yields an equal spec and nothing regenerates.
/// </summary>
internal sealed record FilterSpec(
    string Namespace,
    string ClassName,
    string FilterName,
    string SourcePath,
    RegexMode RegexMode,
    EquatableArray<SelectorSpec> Selectors,
    EquatableArray<RegexSpec> Regexes,
    EquatableArray<VariantSpec> Variants,
    EquatableArray<CaptureSpec> Captures,
    EquatableArray<string> FilesRead,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>True when the filter could be resolved and translated in every variant (the class can be emitted).</summary>
    public bool CanEmit => Variants.Count > 0;
}
