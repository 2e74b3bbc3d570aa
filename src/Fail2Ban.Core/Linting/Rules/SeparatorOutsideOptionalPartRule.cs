using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1043: a space written before an optional (or repeated) part instead of inside it:
/// <c>'&lt;HOST&gt;' (to database '[^']*'|\(using password: \w+\))*\s*$</c>. A daemon writes the separator with
/// the field, so a line without the field ends right after the address, and the regex still wants the space there
/// (a trailing space, or two spaces before what follows); a second repetition has no space before it at all.
/// Reported only where what follows the part is the end of the line or starts with a space, and only with proof:
/// a line the filter misses and the filter with the separator moved into the part matches, both in the matcher.
/// </summary>
internal sealed class SeparatorOutsideOptionalPartRule : LintRule
{
    public override string Id => RuleIds.SeparatorOutsideOptionalPart;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var sequence in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 0; i + 1 < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i + 1] is not QuantifierNode { Min: 0, Body: GroupNode { IsLookaround: false } } optional || optional.Origin != null) continue;
                    if (SeparatorSource(regex, sequence.Items[i]) is not { } separator) continue;
                    if (!FieldWithoutOwnSeparator(regex.Tree, optional) || !SeparatorFollows(regex.Tree, optional)) continue;
                    Check(context, regex, separator, optional);
                }
            }
        }
    }

    /// <summary>
    /// The source span of the space that ends <paramref name="node"/>: the last character of a literal (<c>'@'&lt;HOST&gt;' </c>),
    /// or a whole whitespace atom (<c>\s</c>, <c>\s+</c>); null for anything else.
    /// </summary>
    private static PatternSpan? SeparatorSource(LintRegex regex, RegexNode node)
    {
        if (node.Origin != null) return null;
        var span = regex.ToSource(node.Span);
        if (span.Length <= 0 || span.End > regex.Source.Text.Length) return null;
        switch (node)
        {
            case LiteralNode literal when literal.Value.EndsWith(" ", System.StringComparison.Ordinal) && regex.Source.Text[span.End - 1] == ' '
                                          && (span.Length == 1 || regex.Source.Text[span.End - 2] != '\\'):
                return new PatternSpan(span.End - 1, 1);
            case CharClassNode or QuantifierNode { Min: >= 1, Body: CharClassNode or LiteralNode } when IsSpace(regex.Tree, node):
                return span;
            default:
                return null;
        }
    }

    private static bool IsSpace(RegexTreeIndex tree, RegexNode node)
    {
        var atom = node is QuantifierNode q ? q.Body : node;
        return tree.AtomSet(atom) is { } set && !set.IsEmpty && set.All(char.IsWhiteSpace);
    }

    /// <summary>A field that cannot be empty and does not start with a space of its own (else its separator is inside).</summary>
    private static bool FieldWithoutOwnSeparator(RegexTreeIndex tree, QuantifierNode optional) =>
        !tree.IsNullable(optional.Body) && !tree.FirstSet(optional.Body).Exists(char.IsWhiteSpace);

    /// <summary>
    /// Whether the line, without the part, would need the separator right before its end or before another space:
    /// what follows is (after optional spaces and zero-width items) an end anchor, or a required item that starts with a space.
    /// </summary>
    private static bool SeparatorFollows(RegexTreeIndex tree, QuantifierNode optional)
    {
        foreach (var next in tree.Following(optional))
        {
            if (next is AnchorNode anchor)
            {
                if (anchor.Anchor is AnchorKind.LineEnd or AnchorKind.StringEnd) return true;
                continue;
            }
            var first = tree.FirstSet(next);
            if (!tree.IsNullable(next)) return !first.IsEmpty && first.All(char.IsWhiteSpace);
            // A nullable item that takes only spaces (\s*) or nothing (a look-around) lets the search go on; any other stops it.
            if (!first.IsEmpty && !first.All(char.IsWhiteSpace)) return false;
        }
        return false;
    }

    private void Check(VariantLintContext context, LintRegex regex, PatternSpan separator, QuantifierNode optional)
    {
        var part = regex.ToSource(optional.Span);
        var body = regex.ToSource(optional.Body.Span);
        if (separator.End != part.Start || body.Start != part.Start || body.End > part.End || part.End > regex.Source.Text.Length) return;
        var text = regex.Source.Text;
        var separatorText = text.Substring(separator.Start, separator.Length);
        var bodyText = text.Substring(body.Start, body.Length);
        var quantifier = text.Substring(body.End, part.End - body.End);
        var moved = "(?:" + separatorText + bodyText + ")" + quantifier;
        var changed = regex.WithSourceEdit(context.Variant, separator.Start, part.End - separator.Start, moved);
        if (changed is null) return;
        if (MissedLineSearch.Find(context, regex, changed, new TextOverrides()) is not { } found) return;
        var written = text.Substring(separator.Start, part.End - separator.Start);
        var edit = regex.EditSource(separator.Start, part.End - separator.Start, moved);
        var repeated = optional.Max is null or > 1;
        context.Report(Id,
            "the separator '" + separatorText + "' is written before the optional part '" + bodyText + quantifier + "', not inside it, so it is required "
            + "when the part is left out (a line that ends without it, or has one space before what follows, is missed)"
            + (repeated ? ", and a repetition of the part has no separator before it" : "")
            + "; write '" + moved + "'",
            regex.Locate(optional), MissedLineSearch.Evidence(found, moved),
            edit is null ? null : new LintFix("Move the separator into the optional part", new[] { edit }));
    }
}
