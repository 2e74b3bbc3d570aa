namespace Fail2Ban.Core.Patterns;

/// <summary>The zero-width assertions written as one token.</summary>
public enum AnchorKind
{
    /// <summary><c>^</c>: start of string (of a line under <c>m</c>).</summary>
    LineStart,
    /// <summary><c>$</c>: end of string or before a final <c>\n</c> (before any <c>\n</c> under <c>m</c>).</summary>
    LineEnd,
    /// <summary><c>\A</c></summary>
    StringStart,
    /// <summary><c>\Z</c>: end of string only (Python; not .NET's <c>\Z</c>).</summary>
    StringEnd,
    /// <summary><c>\b</c></summary>
    WordBoundary,
    /// <summary><c>\B</c></summary>
    NonWordBoundary,
}

/// <summary>An anchor such as <c>^</c> or <c>\b</c>.</summary>
public sealed class AnchorNode : RegexNode
{
    public AnchorNode(PatternSpan span, AnchorKind anchor) : base(span) => Anchor = anchor;

    public override RegexNodeKind Kind => RegexNodeKind.Anchor;

    public AnchorKind Anchor { get; }
}
