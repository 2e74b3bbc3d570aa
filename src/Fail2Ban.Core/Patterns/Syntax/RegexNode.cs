using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// A node of the syntax tree of a Python <c>re</c> pattern (see <see cref="PythonRegexParser"/>).
/// Spans are offsets in the parsed (tag-expanded) Python text; <see cref="Origin"/> says which
/// Fail2Ban tag, if any, the node's text came from.
/// </summary>
public abstract class RegexNode
{
    private protected RegexNode(PatternSpan span) => Span = span;

    /// <summary>What this node is; each kind has its own subclass.</summary>
    public abstract RegexNodeKind Kind { get; }

    /// <summary>Where the node is written in the parsed Python pattern.</summary>
    public PatternSpan Span { get; }

    /// <summary>The Fail2Ban tag expansion this node was written by, or null (set by <see cref="FilterRegexTranslator"/>).</summary>
    public TagExpansion? Origin { get; internal set; }

    /// <summary>Direct sub-nodes, in pattern order.</summary>
    public virtual IReadOnlyList<RegexNode> Children => Array.Empty<RegexNode>();

    /// <summary>This node and all nodes below it, in pattern (pre-)order.</summary>
    public IEnumerable<RegexNode> DescendantsAndSelf()
    {
        var stack = new Stack<RegexNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = node.Children;
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    /// <summary>The node's text in <paramref name="pattern"/> (the string that was parsed).</summary>
    public string GetText(string pattern) => pattern.Substring(Span.Start, Span.Length);

    public override string ToString() => Kind + Span.ToString();
}
