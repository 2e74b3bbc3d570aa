using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Python's <c>SubPattern.getwidth()</c>: the minimum and maximum number of code points a node can
/// match (saturating at <see cref="Unbounded"/>). Python requires look-behinds to have lo == hi;
/// lint rules use it to tell fixed-width tokens from variable ones.
/// </summary>
public static class PythonRegexWidth
{
    /// <summary>The width of an unbounded repetition.</summary>
    public const long Unbounded = long.MaxValue;

    /// <summary>The width of <paramref name="node"/>, a node of <paramref name="tree"/> (back-references take their group's width).</summary>
    public static (long Min, long Max) Of(RegexNode node, RegexTree tree) => Of(node, tree.Groups);

    internal static (long Min, long Max) Of(RegexNode node, IReadOnlyList<GroupNode?> groups)
    {
        switch (node)
        {
            case SequenceNode seq:
            {
                long lo = 0, hi = 0;
                foreach (var item in seq.Items)
                {
                    var (l, h) = Of(item, groups);
                    lo = Add(lo, l);
                    hi = Add(hi, h);
                }
                return (lo, hi);
            }
            case AlternationNode alt:
            {
                long lo = Unbounded, hi = 0;
                foreach (var a in alt.Alternatives)
                {
                    var (l, h) = Of(a, groups);
                    lo = Math.Min(lo, l);
                    hi = Math.Max(hi, h);
                }
                return (lo, hi);
            }
            case LiteralNode lit:
            {
                long n = 0;
                for (var i = 0; i < lit.Value.Length; i++)
                    if (!char.IsLowSurrogate(lit.Value[i]) || i == 0 || !char.IsHighSurrogate(lit.Value[i - 1])) n++;
                return (n, n);
            }
            case CharClassNode:
            case AnyCharNode:
                return (1, 1);
            case GroupNode g:
                return g.IsLookaround ? (0, 0) : Of(g.Body, groups);
            case QuantifierNode q:
            {
                var (l, h) = Of(q.Body, groups);
                var lo = Multiply(l, q.Min);
                long hi;
                if (q.Max is null) hi = h == 0 ? 0 : Unbounded;
                else hi = Multiply(h, q.Max.Value);
                return (lo, hi);
            }
            case BackreferenceNode b:
                return groups[b.GroupNumber - 1] is { } target ? Of(target.Body, groups) : (0, 0);
            case ConditionalNode c:
            {
                var (l, h) = Of(c.Yes, groups);
                if (c.No is null) return (0, h);
                var (l2, h2) = Of(c.No, groups);
                return (Math.Min(l, l2), Math.Max(h, h2));
            }
            default: // anchors, global flags
                return (0, 0);
        }
    }

    private static long Add(long a, long b) => a > Unbounded - b ? Unbounded : a + b;

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > Unbounded / b ? Unbounded : a * b;
}
