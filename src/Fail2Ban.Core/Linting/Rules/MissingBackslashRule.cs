using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2002: <c>.d+</c>, <c>.w*</c>, <c>.s+</c>: any character followed by a repeated letter d, w or s (or
/// D, W, S). That reads as a shorthand class that lost its backslash (<c>\d+</c> typed as <c>.d+</c>);
/// as written it needs the letter itself, so the line with digits (or words, or spaces) is missed.
/// Reported with a line the filter misses and <c>\d+</c> (etc.) matches, both run in the real matcher.
/// </summary>
internal sealed class MissingBackslashRule : LintRule
{
    public override string Id => RuleIds.MissingBackslash;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 0; i + 1 < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is not AnyCharNode dot || dot.Origin != null) continue;
                    if (seq.Items[i + 1] is not QuantifierNode { Body: LiteralNode { Value.Length: 1 } letter } q) continue;
                    if ("dwsDWS".IndexOf(letter.Value[0]) < 0 || q.Origin != null) continue;
                    Check(context, regex, dot, q, letter.Value[0]);
                }
            }
        }
    }

    private void Check(VariantLintContext context, LintRegex regex, AnyCharNode dot, QuantifierNode q, char letter)
    {
        var span = regex.ToSource(PatternSpan.FromBounds(dot.Span.Start, q.Body.Span.End));
        var written = regex.Source.Text.Substring(span.Start, span.Length);
        if (written != "." + letter) return;
        var meant = "\\" + letter;
        var changed = regex.WithSourceEdit(context.Variant, span.Start, span.Length, meant);
        if (changed is null) return;
        var found = MissedLineSearch.Find(context, regex, changed, new TextOverrides());
        if (found is not { } evidence) return;
        var quantifier = q.GetText(regex.Regex.Expanded).Substring(1);
        context.Report(Id, "'" + written + quantifier + "' matches any character then the letter '" + letter + "'; '" + meant + quantifier
            + "' (a shorthand class) was probably meant", regex.Locate(PatternSpan.FromBounds(dot.Span.Start, q.Span.End)),
            new LintEvidence(LintEvidenceKind.MissedLine, evidence.Line,
                evidence.Missed + "; with " + meant + quantifier
                + " it matches and bans " + evidence.Address) { BannedAddress = evidence.Address });
    }
}
