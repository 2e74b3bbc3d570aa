using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>Items matched one after the other; an empty sequence matches the empty string.</summary>
public sealed class SequenceNode : RegexNode
{
    public SequenceNode(PatternSpan span, IReadOnlyList<RegexNode> items) : base(span) => Items = items;

    public override RegexNodeKind Kind => RegexNodeKind.Sequence;

    /// <summary>The items, in order (adjacent literal characters are merged into one <see cref="LiteralNode"/>).</summary>
    public IReadOnlyList<RegexNode> Items { get; }

    public override IReadOnlyList<RegexNode> Children => Items;
}
