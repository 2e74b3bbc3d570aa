namespace Fail2Ban.Core.Patterns;

/// <summary>The kind of a <see cref="RegexNode"/>.</summary>
public enum RegexNodeKind
{
    /// <summary>Items matched one after the other (<see cref="SequenceNode"/>).</summary>
    Sequence,
    /// <summary><c>a|b|c</c> (<see cref="AlternationNode"/>).</summary>
    Alternation,
    /// <summary>One or more literal characters (<see cref="LiteralNode"/>).</summary>
    Literal,
    /// <summary><c>[…]</c> or a shorthand such as <c>\d</c> (<see cref="CharClassNode"/>).</summary>
    CharClass,
    /// <summary><c>.</c> (<see cref="AnyCharNode"/>).</summary>
    AnyChar,
    /// <summary><c>^ $ \A \Z \b \B</c> (<see cref="AnchorNode"/>).</summary>
    Anchor,
    /// <summary>Any parenthesised construct but conditionals (<see cref="GroupNode"/>).</summary>
    Group,
    /// <summary><c>* + ? {m,n}</c>, lazy or possessive (<see cref="QuantifierNode"/>).</summary>
    Quantifier,
    /// <summary><c>\1</c> or <c>(?P=name)</c> (<see cref="BackreferenceNode"/>).</summary>
    Backreference,
    /// <summary><c>(?(1)yes|no)</c> (<see cref="ConditionalNode"/>).</summary>
    Conditional,
    /// <summary>An inline global flag group such as <c>(?i)</c> (<see cref="GlobalFlagsNode"/>).</summary>
    GlobalFlags,
}
