using System;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Recognises prefregexes like sshd's <c>^(?P&lt;mlfid&gt;…optional parts…)(?P&lt;content&gt;.+)$</c>: every part
/// before the <c>.+</c> group can match empty (so taking them all empty is one path the search may take),
/// and <c>.+$</c> then matches any text of one line. Such a regex matches a buffer "<c>TEXT\n</c>" exactly
/// when TEXT is not empty (and has no <c>\n</c>), so its yes/no needs no search: fail2ban-regex counts the
/// prefregex's matches on every line, most of which no failregex can match.
/// </summary>
internal static class EveryLinePattern
{
    /// <summary>True when <paramref name="tree"/> has that shape (conservative: false when unsure).</summary>
    public static bool MatchesEveryNonEmptyLine(RegexTree tree)
    {
        if (tree is null) throw new ArgumentNullException(nameof(tree));
        // Under DOTALL ".+" could take the final "\n": an empty text would match too.
        if (((tree.InlineFlags | tree.CompileFlags) & PythonRegexFlags.DotAll) != 0) return false;
        if (tree.Root is not SequenceNode sequence) return false;
        var items = sequence.Items;
        var last = items.Count - 1;
        if (last < 1 || items[last] is not AnchorNode { Anchor: AnchorKind.LineEnd }) return false;
        if (!IsAnyLine(items[last - 1])) return false;
        for (var i = 0; i < last - 1; i++)
            if (!CanMatchEmptyAtStart(items[i])) return false;
        return true;
    }

    /// <summary>
    /// Whether the buffer "<c>TEXT\n</c>" (as the searches see a line) has the shape for which
    /// <see cref="MatchesEveryNonEmptyLine"/>'s answer is known: a text without <c>\n</c>; the answer is then
    /// whether it is empty.
    /// </summary>
    public static bool TryDecide(ReadOnlySpan<char> buffer, out bool matched)
    {
        matched = false;
        if (buffer.Length == 0 || buffer[buffer.Length - 1] != '\n') return false;
        var text = buffer.Slice(0, buffer.Length - 1);
        if (text.IndexOf('\n') >= 0) return false;
        matched = text.Length > 0;
        return true;
    }

    // A capturing group (any name) around ".+" or ".+?": the greedy and the lazy form both reach "$".
    private static bool IsAnyLine(RegexNode node) =>
        node is GroupNode { GroupKind: GroupKind.Capturing or GroupKind.NonCapturing, Body: var body }
        && Unwrap(body) is QuantifierNode { Min: 1, Max: null, Possessive: false, Body: AnyCharNode };

    private static RegexNode Unwrap(RegexNode node) =>
        node is SequenceNode { Items.Count: 1 } single ? single.Items[0] : node;

    // Nodes that can match the empty string wherever they stand, with no atomic cut or look-around
    // that could forbid that path; "^" and "\A" hold at the start, where these items begin.
    private static bool CanMatchEmptyAtStart(RegexNode node)
    {
        switch (node)
        {
            case AnchorNode anchor:
                return anchor.Anchor is AnchorKind.LineStart or AnchorKind.StringStart;
            case QuantifierNode quantifier:
                return !quantifier.Possessive && (quantifier.Min == 0 || CanMatchEmpty(quantifier.Body));
            case GroupNode { GroupKind: GroupKind.Capturing or GroupKind.NonCapturing } group:
                return CanMatchEmptyAtStart(group.Body);
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                    if (!CanMatchEmptyAtStart(item)) return false;
                return true;
            case AlternationNode alternation:
                foreach (var alternative in alternation.Alternatives)
                    if (CanMatchEmptyAtStart(alternative)) return true;
                return false;
            default:
                return false;
        }
    }

    // Inside a quantifier the body may repeat elsewhere than at the start: anchors do not count.
    private static bool CanMatchEmpty(RegexNode node) => node switch
    {
        QuantifierNode q => !q.Possessive && (q.Min == 0 || CanMatchEmpty(q.Body)),
        GroupNode { GroupKind: GroupKind.Capturing or GroupKind.NonCapturing } g => CanMatchEmpty(g.Body),
        SequenceNode s => AllCanMatchEmpty(s),
        AlternationNode a => AnyCanMatchEmpty(a),
        _ => false,
    };

    private static bool AllCanMatchEmpty(SequenceNode sequence)
    {
        foreach (var item in sequence.Items)
            if (!CanMatchEmpty(item)) return false;
        return true;
    }

    private static bool AnyCanMatchEmpty(AlternationNode alternation)
    {
        foreach (var alternative in alternation.Alternatives)
            if (CanMatchEmpty(alternative)) return true;
        return false;
    }
}
