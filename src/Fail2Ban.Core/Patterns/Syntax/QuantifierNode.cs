using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>A repeated item: <c>X*</c>, <c>X+?</c>, <c>X{2,5}</c>, <c>X*+</c> …</summary>
public sealed class QuantifierNode : RegexNode
{
    public QuantifierNode(PatternSpan span, RegexNode body, int min, int? max, bool lazy, bool possessive, bool minOmitted = false)
        : base(span)
    {
        Body = body;
        Min = min;
        Max = max;
        Lazy = lazy;
        Possessive = possessive;
        MinOmitted = minOmitted;
        _children = new[] { body };
    }

    private readonly RegexNode[] _children;

    public override RegexNodeKind Kind => RegexNodeKind.Quantifier;

    /// <summary>The repeated item (a single atom: literal code point, class, group, back-reference …).</summary>
    public RegexNode Body { get; }

    public int Min { get; }

    /// <summary>The maximum count, or null for unbounded.</summary>
    public int? Max { get; }

    /// <summary><c>*?</c>, <c>+?</c>, <c>{m,n}?</c>.</summary>
    public bool Lazy { get; }

    /// <summary><c>*+</c>, <c>++</c>, <c>{m,n}+</c> (Python 3.11+).</summary>
    public bool Possessive { get; }

    /// <summary>Written <c>{,n}</c> (or <c>{,}</c>): Python reads a missing minimum as 0, .NET reads the braces literally.</summary>
    public bool MinOmitted { get; }

    /// <summary>The quantifier in canonical form (<c>*</c>, <c>{2,5}?</c> …), without the body.</summary>
    public string QuantifierText
    {
        get
        {
            var text = (Min, Max) switch
            {
                (0, null) => "*",
                (1, null) => "+",
                (0, 1) => "?",
                (var n, null) => "{" + n + ",}",
                (var n, int m) when n == m => "{" + n + "}",
                (var n, int m) => "{" + n + "," + m + "}",
            };
            return text + (Lazy ? "?" : Possessive ? "+" : "");
        }
    }

    public override IReadOnlyList<RegexNode> Children => _children;
}
