using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2014: in an access-log shaped regex, the quoted request field written <c>"[^"]+"</c> (at least one
/// character). nginx logs <c>""</c> for a client that connected and sent nothing (typical scanner noise,
/// answered with 400), and those lines are missed. Only the request field is checked: a quoted field after
/// the <c>[]</c> left by the date and followed by a status code, so user-agent and referrer fields are left
/// alone. Reported with a line the filter misses and <c>[^"]*</c> matches, both run in the real matcher.
/// </summary>
internal sealed class RequestFieldNotEmptyRule : LintRule
{
    public override string Id => RuleIds.RequestFieldNotEmpty;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 1; i + 1 < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is not QuantifierNode { Min: 1, Max: null, Body: CharClassNode body } field || field.Origin != null) continue;
                    if (!IsNotQuote(body) || seq.Items[i - 1] is not LiteralNode { Value.Length: > 0 } open || !open.Value.EndsWith("\"")) continue;
                    if (seq.Items[i + 1] is not LiteralNode close || !IsStatusAfter(regex, close, i + 2 < seq.Items.Count ? seq.Items[i + 2] : null)) continue;
                    if (!regex.Tree.Preceding(field).OfType<LiteralNode>().Any(l => l.Value.Contains("[]"))) continue;
                    Check(context, regex, field);
                }
            }
        }
    }

    private static bool IsNotQuote(CharClassNode c) =>
        c.Negated && c.Items.Count == 1 && c.Items[0].Kind == CharClassItemKind.Char && c.Items[0].First == '"';

    /// <summary>The closing quote, a space and a status code: three digits written, or a digit repeat next.</summary>
    private static bool IsStatusAfter(LintRegex regex, LiteralNode close, RegexNode? next)
    {
        var v = close.Value;
        if (!v.StartsWith("\" ", System.StringComparison.Ordinal)) return false;
        if (v.Length >= 5 && v.Substring(2, 3).All(char.IsDigit) && (v.Length == 5 || !char.IsDigit(v[5]))) return true;
        return v.Length == 2 && next is QuantifierNode { Min: >= 1 } q && regex.Tree.AtomSet(q.Body) is { } set && set.All(char.IsDigit);
    }

    private void Check(VariantLintContext context, LintRegex regex, QuantifierNode field)
    {
        var quantifier = regex.ToSource(PatternSpan.FromBounds(field.Body.Span.End, field.Span.End));
        if (regex.Source.Text.Substring(quantifier.Start, quantifier.Length) != "+") return;
        var looser = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(quantifier.Start, 1, "*") });
        var bodyStart = regex.ToSource(field.Body.Span).Start;
        if (looser?.NodeAt<QuantifierNode>(bodyStart) is not { } node) return;
        var body = regex.Source.Text.Substring(bodyStart, quantifier.Start - bodyStart);
        var message = "the request field '" + body + "+' needs at least one character, but the server logs an empty request (\"\") for a client"
            + " that connects and sends nothing, and that line is missed. Use '" + body + "*'";
        looser.Report(context, Id, regex.Locate(field), message, new TextOverrides().With(node, ""), body + "*");
    }
}
