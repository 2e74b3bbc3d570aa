namespace Fail2Ban.Core.Patterns;

/// <summary><c>\1</c> or <c>(?P=name)</c>: the text a capturing group matched, again.</summary>
public sealed class BackreferenceNode : RegexNode
{
    public BackreferenceNode(PatternSpan span, int groupNumber, string? groupName, bool writtenByName) : base(span)
    {
        GroupNumber = groupNumber;
        GroupName = groupName;
        WrittenByName = writtenByName;
    }

    public override RegexNodeKind Kind => RegexNodeKind.Backreference;

    /// <summary>The Python number of the referenced group.</summary>
    public int GroupNumber { get; }

    /// <summary>The referenced group's name if it is a named group (even when referenced by number).</summary>
    public string? GroupName { get; }

    /// <summary>Written <c>(?P=name)</c> rather than <c>\N</c>.</summary>
    public bool WrittenByName { get; }
}
