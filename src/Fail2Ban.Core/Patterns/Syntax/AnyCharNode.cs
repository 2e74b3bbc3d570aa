namespace Fail2Ban.Core.Patterns;

/// <summary><c>.</c>: any character but <c>\n</c> (any at all under the <c>s</c> flag).</summary>
public sealed class AnyCharNode : RegexNode
{
    public AnyCharNode(PatternSpan span) : base(span) { }

    public override RegexNodeKind Kind => RegexNodeKind.AnyChar;
}
