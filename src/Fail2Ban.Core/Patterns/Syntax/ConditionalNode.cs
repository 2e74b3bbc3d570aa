using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary><c>(?(group)yes|no)</c>: matches <see cref="Yes"/> if the group participated, else <see cref="No"/>.</summary>
public sealed class ConditionalNode : RegexNode
{
    public ConditionalNode(PatternSpan span, int groupNumber, string? groupName, bool writtenByName, SequenceNode yes, SequenceNode? no)
        : base(span)
    {
        GroupNumber = groupNumber;
        GroupName = groupName;
        WrittenByName = writtenByName;
        Yes = yes;
        No = no;
        _children = no is null ? new RegexNode[] { yes } : new RegexNode[] { yes, no };
    }

    private readonly RegexNode[] _children;

    public override RegexNodeKind Kind => RegexNodeKind.Conditional;

    /// <summary>The Python number of the tested group (may be a group defined later in the pattern).</summary>
    public int GroupNumber { get; }

    /// <summary>The tested group's name if it is a named group, else null (known after parsing).</summary>
    public string? GroupName { get; internal set; }

    /// <summary>Written with a name rather than a number.</summary>
    public bool WrittenByName { get; }

    public SequenceNode Yes { get; }

    /// <summary>The no-branch, or null when there is no <c>|</c> (then it matches the empty string).</summary>
    public SequenceNode? No { get; }

    public override IReadOnlyList<RegexNode> Children => _children;
}
