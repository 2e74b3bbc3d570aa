using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Patterns;

/// <summary><c>a|b|c</c>: two or more alternatives, tried left to right.</summary>
public sealed class AlternationNode : RegexNode
{
    private readonly IReadOnlyList<RegexNode> _children;

    public AlternationNode(PatternSpan span, IReadOnlyList<SequenceNode> alternatives) : base(span)
    {
        Alternatives = alternatives;
        _children = alternatives.Cast<RegexNode>().ToArray();
    }

    public override RegexNodeKind Kind => RegexNodeKind.Alternation;

    public IReadOnlyList<SequenceNode> Alternatives { get; }

    public override IReadOnlyList<RegexNode> Children => _children;
}
