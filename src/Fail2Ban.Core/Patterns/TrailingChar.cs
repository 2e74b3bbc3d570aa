using System.Linq;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Which character every match of a node ends with: lets the linear machine (<c>Matching.Linear.LinearProgram</c>) drop a one-character look-behind
/// that cannot fail where it stands, as in Fail2Ban's <c>&lt;IP6&gt;</c>, <c>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?&lt;=:):)</c>,
/// whose <c>(?&lt;=:)</c> always follows a <c>:</c>.
/// </summary>
internal static class TrailingChar
{
    /// <summary>Every match of <paramref name="node"/> is non-empty and ends with <paramref name="c"/>.</summary>
    public static bool Always(RegexNode node, char c) => node switch
    {
        LiteralNode lit => lit.Value.Length > 0 && lit.Value[lit.Value.Length - 1] == c,
        SequenceNode seq => SequenceEndsWith(seq, c, whenEmpty: false),
        AlternationNode alt => alt.Alternatives.Count > 0 && alt.Alternatives.All(a => Always(a, c)),
        GroupNode { GroupKind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags } g => Always(g.Body, c),
        QuantifierNode q => q.Min >= 1 && Always(q.Body, c),
        _ => false,
    };

    /// <summary>Every match of <paramref name="node"/> is empty or ends with <paramref name="c"/>.</summary>
    public static bool AlwaysOrEmpty(RegexNode node, char c) => node switch
    {
        LiteralNode lit => lit.Value.Length == 0 || lit.Value[lit.Value.Length - 1] == c,
        SequenceNode seq => SequenceEndsWith(seq, c, whenEmpty: true),
        AlternationNode alt => alt.Alternatives.All(a => AlwaysOrEmpty(a, c)),
        GroupNode { GroupKind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags } g => AlwaysOrEmpty(g.Body, c),
        GroupNode { GroupKind: GroupKind.LookAhead or GroupKind.NegativeLookAhead or GroupKind.LookBehind or GroupKind.NegativeLookBehind } => true,
        QuantifierNode q => AlwaysOrEmpty(q.Body, c),
        AnchorNode or GlobalFlagsNode => true,
        _ => false,
    };

    // From the end: an item that always ends with c decides; one that is empty or ends with c passes the question on.
    private static bool SequenceEndsWith(SequenceNode seq, char c, bool whenEmpty)
    {
        for (var i = seq.Items.Count - 1; i >= 0; i--)
        {
            if (Always(seq.Items[i], c)) return true;
            if (!AlwaysOrEmpty(seq.Items[i], c)) return false;
        }
        return whenEmpty;
    }
}
