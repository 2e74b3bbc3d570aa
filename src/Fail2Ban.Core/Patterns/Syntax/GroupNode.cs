using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>The kind of a <see cref="GroupNode"/>.</summary>
public enum GroupKind
{
    /// <summary><c>(…)</c> or <c>(?P&lt;name&gt;…)</c>.</summary>
    Capturing,
    /// <summary><c>(?:…)</c></summary>
    NonCapturing,
    /// <summary><c>(?i:…)</c>, <c>(?-i:…)</c>: non-capturing with flags for its body.</summary>
    ScopedFlags,
    /// <summary><c>(?&gt;…)</c></summary>
    Atomic,
    /// <summary><c>(?=…)</c></summary>
    LookAhead,
    /// <summary><c>(?!…)</c></summary>
    NegativeLookAhead,
    /// <summary><c>(?&lt;=…)</c></summary>
    LookBehind,
    /// <summary><c>(?&lt;!…)</c></summary>
    NegativeLookBehind,
}

/// <summary>A parenthesised construct (other than a conditional): capturing, non-capturing, scoped flags, atomic or look-around.</summary>
public sealed class GroupNode : RegexNode
{
    public GroupNode(PatternSpan span, GroupKind groupKind, RegexNode body, string? name = null, int number = 0,
        PythonRegexFlags addFlags = PythonRegexFlags.None, PythonRegexFlags removeFlags = PythonRegexFlags.None)
        : base(span)
    {
        GroupKind = groupKind;
        Body = body;
        Name = name;
        Number = number;
        AddFlags = addFlags;
        RemoveFlags = removeFlags;
        _children = new[] { body };
    }

    private readonly RegexNode[] _children;

    public override RegexNodeKind Kind => RegexNodeKind.Group;

    public GroupKind GroupKind { get; }

    /// <summary>The contents: a <see cref="SequenceNode"/> or an <see cref="AlternationNode"/>.</summary>
    public RegexNode Body { get; }

    /// <summary>The Python group name of a named capturing group, else null.</summary>
    public string? Name { get; }

    /// <summary>The Python group number of a capturing group (named and unnamed counted together, from 1), else 0.</summary>
    public int Number { get; }

    /// <summary>Flags turned on for the body (<see cref="GroupKind.ScopedFlags"/>).</summary>
    public PythonRegexFlags AddFlags { get; }

    /// <summary>Flags turned off for the body (<see cref="GroupKind.ScopedFlags"/>).</summary>
    public PythonRegexFlags RemoveFlags { get; }

    public bool IsCapturing => GroupKind == GroupKind.Capturing;

    public bool IsLookaround => GroupKind >= GroupKind.LookAhead;

    public bool IsLookbehind => GroupKind is GroupKind.LookBehind or GroupKind.NegativeLookBehind;

    public override IReadOnlyList<RegexNode> Children => _children;
}
