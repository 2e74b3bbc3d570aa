namespace Fail2Ban.Core.Patterns;

/// <summary>An inline global flag group such as <c>(?i)</c>; Python only allows it at the very start of the pattern.</summary>
public sealed class GlobalFlagsNode : RegexNode
{
    public GlobalFlagsNode(PatternSpan span, PythonRegexFlags flags) : base(span) => Flags = flags;

    public override RegexNodeKind Kind => RegexNodeKind.GlobalFlags;

    public PythonRegexFlags Flags { get; }
}
