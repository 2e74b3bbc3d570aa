namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Literal text: one character, or several adjacent ones merged (an escape such as <c>\.</c> or
/// <c>\x1D</c> counts as the character it stands for). A quantifier always applies to a
/// single-code-point literal.
/// </summary>
public sealed class LiteralNode : RegexNode
{
    public LiteralNode(PatternSpan span, string value) : base(span) => Value = value;

    public override RegexNodeKind Kind => RegexNodeKind.Literal;

    /// <summary>The characters matched (a supplementary code point is a surrogate pair).</summary>
    public string Value { get; }
}
