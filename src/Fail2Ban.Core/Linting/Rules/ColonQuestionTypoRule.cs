using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1033: <c>(:?</c> where <c>(?:</c> was meant. As written it opens a capturing group whose first item
/// is an optional literal colon, so the group accepts a stray <c>:</c> (and captures, shifting group
/// numbers). Evidence: a line with that colon, which the filter matches and the filter with <c>(?:</c>
/// rejects, both run in the real matcher.
/// </summary>
internal sealed class ColonQuestionTypoRule : LintRule
{
    private const string Written = "(:?";
    private const string Meant = "(?:";

    public override string Id => RuleIds.ColonQuestionTypo;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            foreach (var group in regex.Regex.Root.DescendantsAndSelf().OfType<GroupNode>())
            {
                if (group.GroupKind != GroupKind.Capturing || group.Name != null || group.Origin != null) continue;
                var first = group.Body is AlternationNode a ? a.Alternatives[0] : group.Body as SequenceNode;
                if (first is null || first.Items.Count == 0) continue;
                if (first.Items[0] is not QuantifierNode { Min: 0, Max: 1, Lazy: false, Body: LiteralNode { Value: ":" } } colon) continue;
                var start = regex.ToSource(group.Span).Start;
                if (start + Written.Length > regex.Source.Text.Length || regex.Source.Text.Substring(start, Written.Length) != Written) continue;
                Report(context, regex, colon, start);
            }
        }
    }

    private void Report(VariantLintContext context, LintRegex regex, QuantifierNode colon, int start)
    {
        LintEvidence? evidence = null;
        if (regex.WithSourceEdit(context.Variant, start, Written.Length, Meant) is { } changed
            && WidenedLineSearch.Find(context, regex, changed, new TextOverrides().Via(colon).With(colon, ":")) is { } found)
            evidence = new LintEvidence(LintEvidenceKind.AcceptedLine, found.Line,
                "the filter matches this line with a stray ':' (and bans " + found.Address + "); with (?: it is rejected")
            { BannedAddress = found.Address };
        // Removing a capturing group renumbers the later ones: no mechanical fix when the regex refers to groups by number.
        var numbered = regex.Regex.Root.DescendantsAndSelf().Any(n =>
            n is BackreferenceNode { WrittenByName: false } || n is ConditionalNode { WrittenByName: false });
        var edit = numbered ? null : regex.EditSource(start, Written.Length, Meant);
        context.Report(Id,
            "'(:?' opens a capturing group that starts with an optional ':', not a non-capturing group, so a stray ':' is accepted there; write '(?:'",
            LintRegex.LocateSource(regex.Source, start, Written.Length), evidence,
            edit is null ? null : new LintFix("Replace (:? with (?:", new[] { edit }));
    }
}
