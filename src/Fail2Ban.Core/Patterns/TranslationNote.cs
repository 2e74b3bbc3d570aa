namespace Fail2Ban.Core.Patterns;

/// <summary>A Python-vs-.NET difference that the translator rewrote (see spec 6.2/6.3).</summary>
public enum TranslationNoteKind
{
    /// <summary><c>(?P&lt;name&gt;…)</c> written as <c>(?&lt;name&gt;…)</c>.</summary>
    NamedGroup,
    /// <summary><c>(?P=name)</c> written as <c>\k&lt;name&gt;</c>.</summary>
    NamedBackreference,
    /// <summary>An unnamed group after a named one given its Python number explicitly (.NET numbers unnamed groups first).</summary>
    GroupNumber,
    /// <summary><c>{,n}</c> written as <c>{0,n}</c> (.NET would match the braces literally).</summary>
    OpenLowerBound,
    /// <summary>Python <c>\Z</c> written as .NET <c>\z</c> (.NET's <c>\Z</c> also matches before a final newline).</summary>
    EndOfString,
    /// <summary>A possessive quantifier written as an atomic group.</summary>
    PossessiveQuantifier,
    /// <summary>Python-only flags (<c>u</c>, <c>a</c>, <c>x</c>) removed from a flag group.</summary>
    DroppedFlag,
    /// <summary>An unescaped <c>[</c> inside a class escaped (.NET could read <c>-[</c> as class subtraction).</summary>
    ClassBracket,
    /// <summary>Fail2Ban's rewrite of <c>((?i)…)</c> / <c>(?:(?i)…)</c> into <c>(?i:…)</c> (spec 2.5).</summary>
    GlobalFlagRewrite,
}

/// <summary>
/// Where a Python construct was rewritten for .NET. <see cref="Span"/> is in the parsed Python
/// pattern; <see cref="SourceOffset"/>/<see cref="SourceLength"/> in the caller's original string
/// (for a filter regex: before tag expansion). <see cref="Tag"/> names the Fail2Ban tag whose
/// expansion contained the construct (e.g. <c>&lt;HOST&gt;</c>), if any.
/// </summary>
public sealed record TranslationNote(TranslationNoteKind Kind, PatternSpan Span, string Message)
{
    public int SourceOffset { get; init; } = Span.Start;

    public int SourceLength { get; init; } = Span.Length;

    public string? Tag { get; init; }
}
