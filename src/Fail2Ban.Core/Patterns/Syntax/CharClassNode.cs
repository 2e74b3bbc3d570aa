using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// One character out of a set: a bracketed class <c>[^a-z\d_]</c>, or a bare shorthand such as
/// <c>\w</c> (then <see cref="Bracketed"/> is false and <see cref="Items"/> holds just the shorthand).
/// </summary>
public sealed class CharClassNode : RegexNode
{
    public CharClassNode(PatternSpan span, bool negated, bool bracketed, IReadOnlyList<CharClassItem> items) : base(span)
    {
        Negated = negated;
        Bracketed = bracketed;
        Items = items;
    }

    public override RegexNodeKind Kind => RegexNodeKind.CharClass;

    /// <summary><c>[^…]</c>.</summary>
    public bool Negated { get; }

    /// <summary>Written with brackets (false for a bare <c>\d \w \s \D \W \S</c>).</summary>
    public bool Bracketed { get; }

    /// <summary>The members, in written order (duplicates kept).</summary>
    public IReadOnlyList<CharClassItem> Items { get; }
}
