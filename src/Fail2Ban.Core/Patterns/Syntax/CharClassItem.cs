namespace Fail2Ban.Core.Patterns;

/// <summary>The kind of a <see cref="CharClassItem"/>.</summary>
public enum CharClassItemKind
{
    /// <summary>One character (<see cref="CharClassItem.First"/>).</summary>
    Char,
    /// <summary>A range <c>First-Last</c>.</summary>
    Range,
    /// <summary>A shorthand class (<see cref="CharClassItem.Shorthand"/>).</summary>
    Shorthand,
}

/// <summary>The shorthand classes of Python <c>re</c>.</summary>
public enum ShorthandClass
{
    /// <summary><c>\d</c></summary>
    Digit,
    /// <summary><c>\D</c></summary>
    NotDigit,
    /// <summary><c>\w</c></summary>
    Word,
    /// <summary><c>\W</c></summary>
    NotWord,
    /// <summary><c>\s</c></summary>
    Space,
    /// <summary><c>\S</c></summary>
    NotSpace,
}

/// <summary>A member of a <see cref="CharClassNode"/>: a character, a range or a shorthand. Characters are code points.</summary>
public readonly record struct CharClassItem(CharClassItemKind Kind, int First, int Last, ShorthandClass Shorthand, PatternSpan Span)
{
    public static CharClassItem Char(int codePoint, PatternSpan span) => new(CharClassItemKind.Char, codePoint, codePoint, default, span);

    public static CharClassItem Range(int first, int last, PatternSpan span) => new(CharClassItemKind.Range, first, last, default, span);

    public static CharClassItem Class(ShorthandClass shorthand, PatternSpan span) => new(CharClassItemKind.Shorthand, 0, 0, shorthand, span);
}
