using System.Collections.Generic;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Navigation facts about one parsed regex that the rules share: each node's parent, the flags in
/// force at it (ignore-case, ASCII, dot-all from the global flags and scoped flag groups), its
/// character sets, and what can match empty.
/// </summary>
internal sealed class RegexTreeIndex
{
    private readonly Dictionary<RegexNode, RegexNode?> _parents = new();
    private readonly Dictionary<RegexNode, PythonRegexFlags> _flags = new();
    private readonly Dictionary<RegexNode, bool> _nullable = new();
    private readonly Dictionary<RegexNode, ProbeCharSet> _first = new();

    public RegexTreeIndex(RegexTree tree)
    {
        Tree = tree;
        Walk(tree.Root, null, tree.InlineFlags | tree.CompileFlags);
    }

    public RegexTree Tree { get; }

    public RegexNode Root => Tree.Root;

    public string Pattern => Tree.Pattern;

    public RegexNode? Parent(RegexNode node) => _parents.TryGetValue(node, out var p) ? p : null;

    public PythonRegexFlags FlagsAt(RegexNode node) => _flags.TryGetValue(node, out var f) ? f : Tree.InlineFlags;

    public bool IgnoreCaseAt(RegexNode node) => (FlagsAt(node) & PythonRegexFlags.IgnoreCase) != 0;

    /// <summary>The ancestors of <paramref name="node"/>, nearest first.</summary>
    public IEnumerable<RegexNode> Ancestors(RegexNode node)
    {
        for (var p = Parent(node); p != null; p = Parent(p)) yield return p;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="node"/> or lies above it.</summary>
    public bool IsWithin(RegexNode node, RegexNode ancestor)
    {
        for (RegexNode? n = node; n != null; n = Parent(n)) if (ReferenceEquals(n, ancestor)) return true;
        return false;
    }

    /// <summary>The character set of a single-character atom (literal of one char, class, dot), else null.</summary>
    public ProbeCharSet? AtomSet(RegexNode node)
    {
        if (_atoms.TryGetValue(node, out var cached)) return cached;
        var set = ComputeAtomSet(node);
        _atoms[node] = set;
        return set;
    }

    private readonly Dictionary<RegexNode, ProbeCharSet?> _atoms = new();

    private ProbeCharSet? ComputeAtomSet(RegexNode node)
    {
        var flags = FlagsAt(node);
        var ignoreCase = (flags & PythonRegexFlags.IgnoreCase) != 0;
        return node switch
        {
            CharClassNode c => ProbeCharSet.OfClass(c, ignoreCase, (flags & PythonRegexFlags.Ascii) != 0),
            AnyCharNode => ProbeCharSet.Any,
            LiteralNode l when l.Value.Length == 1 => ProbeCharSet.OfChar(l.Value[0], ignoreCase),
            _ => null,
        };
    }

    /// <summary>Whether the node can match the empty string (look-arounds and anchors count as empty).</summary>
    public bool IsNullable(RegexNode node)
    {
        if (_nullable.TryGetValue(node, out var v)) return v;
        v = node switch
        {
            LiteralNode l => l.Value.Length == 0,
            CharClassNode or AnyCharNode => false,
            QuantifierNode q => q.Min == 0 || IsNullable(q.Body),
            GroupNode g => g.IsLookaround || IsNullable(g.Body),
            SequenceNode s => AllNullable(s.Items),
            AlternationNode a => AnyNullable(a.Alternatives),
            ConditionalNode c => IsNullable(c.Yes) || c.No is null || IsNullable(c.No),
            BackreferenceNode => true,
            _ => true,
        };
        _nullable[node] = v;
        return v;
    }

    /// <summary>The characters a non-empty match of <paramref name="node"/> can start with.</summary>
    public ProbeCharSet FirstSet(RegexNode node)
    {
        if (_first.TryGetValue(node, out var set)) return set;
        switch (node)
        {
            case LiteralNode l:
                set = l.Value.Length == 0 ? ProbeCharSet.Empty : ProbeCharSet.OfChar(l.Value[0], IgnoreCaseAt(node));
                break;
            case CharClassNode or AnyCharNode:
                set = AtomSet(node)!;
                break;
            case QuantifierNode q:
                set = q.Max == 0 ? ProbeCharSet.Empty : FirstSet(q.Body);
                break;
            case GroupNode g:
                set = g.IsLookaround ? ProbeCharSet.Empty : FirstSet(g.Body);
                break;
            case SequenceNode s:
                set = ProbeCharSet.Empty;
                foreach (var item in s.Items)
                {
                    set = set.Union(FirstSet(item));
                    if (!IsNullable(item)) break;
                }
                break;
            case AlternationNode a:
                set = ProbeCharSet.Empty;
                foreach (var alt in a.Alternatives) set = set.Union(FirstSet(alt));
                break;
            case ConditionalNode c:
                set = FirstSet(c.Yes);
                if (c.No != null) set = set.Union(FirstSet(c.No));
                break;
            case BackreferenceNode:
                set = ProbeCharSet.Any;
                break;
            default:
                set = ProbeCharSet.Empty;
                break;
        }
        _first[node] = set;
        return set;
    }

    /// <summary>
    /// The items that can come right after <paramref name="node"/> in a match, in order: its later
    /// siblings, then (when those can all be empty) what follows its parent, and so on. A repeated
    /// node's own body is not listed. Stops at the end of the pattern.
    /// </summary>
    public IEnumerable<RegexNode> Following(RegexNode node)
    {
        var current = node;
        for (var parent = Parent(current); parent != null; current = parent, parent = Parent(parent))
        {
            if (parent is SequenceNode seq)
            {
                var i = IndexOf(seq.Items, current);
                for (var k = i + 1; k < seq.Items.Count; k++) yield return seq.Items[k];
            }
            else if (parent is GroupNode g && g.IsLookaround)
            {
                yield break;
            }
        }
    }

    /// <summary>The items that come right before <paramref name="node"/>, nearest first (mirror of <see cref="Following"/>).</summary>
    public IEnumerable<RegexNode> Preceding(RegexNode node)
    {
        var current = node;
        for (var parent = Parent(current); parent != null; current = parent, parent = Parent(parent))
        {
            if (parent is SequenceNode seq)
            {
                var i = IndexOf(seq.Items, current);
                for (var k = i - 1; k >= 0; k--) yield return seq.Items[k];
            }
            else if (parent is GroupNode g && g.IsLookaround)
            {
                yield break;
            }
        }
    }

    /// <summary>Whether a node lies inside a look-around (its text is not consumed).</summary>
    public bool InLookaround(RegexNode node)
    {
        foreach (var a in Ancestors(node)) if (a is GroupNode { IsLookaround: true }) return true;
        return false;
    }

    /// <summary>Whether a node lies in an optional or alternative part (a quantifier with min 0, or an alternation).</summary>
    public bool InOptionalPart(RegexNode node)
    {
        foreach (var a in Ancestors(node))
            if (a is QuantifierNode { Min: 0 } || a is AlternationNode || a is ConditionalNode) return true;
        return false;
    }

    private static int IndexOf(IReadOnlyList<RegexNode> items, RegexNode node)
    {
        for (var i = 0; i < items.Count; i++) if (ReferenceEquals(items[i], node)) return i;
        return -1;
    }

    private bool AllNullable(IReadOnlyList<RegexNode> items)
    {
        foreach (var i in items) if (!IsNullable(i)) return false;
        return true;
    }

    private bool AnyNullable(IReadOnlyList<SequenceNode> items)
    {
        foreach (var i in items) if (IsNullable(i)) return true;
        return false;
    }

    private void Walk(RegexNode node, RegexNode? parent, PythonRegexFlags flags)
    {
        _parents[node] = parent;
        _flags[node] = flags;
        var inner = flags;
        if (node is GroupNode { GroupKind: GroupKind.ScopedFlags } g) inner = (flags | g.AddFlags) & ~g.RemoveFlags;
        foreach (var child in node.Children) Walk(child, node, inner);
    }
}
