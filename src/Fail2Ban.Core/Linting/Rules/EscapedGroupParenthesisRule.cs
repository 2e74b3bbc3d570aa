using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2003: <c>\(?:</c>: an escaped parenthesis made optional and followed by a colon, where a
/// non-capturing group <c>(?:</c> was meant. As written it matches an optional "(" and a mandatory
/// ":", so the lines the group was meant to match are missed (and the closing <c>)</c> or <c>\)</c>
/// does not close what the author thinks).
/// </summary>
internal sealed class EscapedGroupParenthesisRule : LintRule
{
    public override string Id => RuleIds.EscapedGroupParenthesis;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 0; i + 1 < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is not QuantifierNode { Min: 0, Max: 1, Lazy: false, Body: LiteralNode { Value: "(" } } q || q.Origin != null) continue;
                    if (seq.Items[i + 1] is not LiteralNode next || !next.Value.StartsWith(":")) continue;
                    var span = regex.ToSource(PatternSpan.FromBounds(q.Span.Start, next.Span.Start + 1));
                    if (regex.Source.Text.Substring(span.Start, span.Length) != "\\(?:") continue;
                    context.Report(Id, "'\\(?:' matches an optional '(' and then ':'; a non-capturing group is written '(?:' (without the backslash)",
                        LintRegex.LocateSource(regex.Source, span.Start, span.Length));
                }
            }
        }
    }
}
