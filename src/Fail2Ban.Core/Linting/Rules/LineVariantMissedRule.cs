using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2019: a form of the line that the daemon writes with other spacing is missed: a separator padded
/// (two spaces or a tab where the regex writes one space, a log level aligned to a column), white space at
/// the end of the line, or a user name written empty (<c>Invalid user  from</c>, <c>user=&lt;&gt;</c>). Found by the robustness probe, confirmed
/// in the real matcher. Any exact regex misses some made-up spacing, so the premise is stated: where there
/// is a sample log, only a form it shows in a line the filter reports is reported; without one, only the form
/// loggers are known to write (a log level padded to a column), as a suggestion.
/// </summary>
internal sealed class LineVariantMissedRule : LintRule
{
    public override string Id => RuleIds.LineVariantMissed;

    public override void CheckVariant(VariantLintContext context)
    {
        var reported = new HashSet<string>();
        foreach (var regex in context.Variant.FailRegexes)
        {
            foreach (var hit in context.Robustness.Outcomes(regex).Where(o => o.Violated && o.Variant.Family is ProbeFamily.Spacing or ProbeFamily.EmptyField))
            {
                var evidence = hit.Variant.SampleEvidence;
                // Without a sample log, only the form loggers are known to write stands on its own (an empty user name is
                // written by some daemons and refused before any failure by others: only the daemon's log can tell).
                if (evidence is null && (context.SampleLines.Count > 0 || hit.Variant.Name != "level-padded")) continue;
                var node = FixAt(regex, hit);
                var location = regex.Locate(node);
                if (!reported.Add(hit.Variant.Family + "|" + location.File + ":" + location.Line)) continue;
                var why = evidence is null
                    ? hit.Variant.Change
                    : hit.Variant.Change + "; the sample log has '" + evidence.Trim() + "'";
                var message = why + ", and Fail2Ban " + hit.Describe() + ". " + Advice(hit);
                context.Report(Id, message, location, ProbeFindings.Evidence(hit), Fix(context, regex, node, hit), evidence is null ? LintSeverity.Info : null);
            }
        }
    }

    /// <summary>
    /// Where the regex must change: the user field for an empty name; for padding, the literal that holds the space,
    /// or, when the padding falls right after it (a level joined to a pid), the part that comes next.
    /// </summary>
    private static RegexNode FixAt(LintRegex regex, ProbeOutcome hit)
    {
        var node = hit.Variant.Node!;
        if (hit.Variant.Name != "level-padded" || hit.Base.RangeOf(node) is not { } range) return node;
        return PaddedAt(hit) >= range.End ? regex.Tree.Following(node).FirstOrDefault() ?? node : node;
    }

    /// <summary>
    /// The mechanical fix, kept when the probe agrees: <c>\s*</c> before the part a padded level is joined to, <c>\s+</c>
    /// for a padded literal space, <c>*</c> for the <c>+</c> that ends an emptied field.
    /// </summary>
    private static LintFix? Fix(VariantLintContext context, LintRegex regex, RegexNode node, ProbeOutcome hit)
    {
        var source = regex.ToSource(node.Span);
        if (source.Length == 0 || source.Start + source.Length > regex.Source.Text.Length) return null;
        var written = regex.Source.Text.Substring(source.Start, source.Length);
        switch (hit.Variant.Name)
        {
            case "field-empty":
                // The field's own repetition: the last + of its text, with only the group's closing after it.
                var plus = written.LastIndexOf('+');
                if (plus < 0 || written.Substring(plus + 1).Trim(')') is var rest && rest.Length > 0 && rest != "</F-USER>") return null;
                return ProbeFix.Verify(context, regex, regex, hit, source.Start + plus, 1, "*", "Let the field be empty: * for the + of " + written);
            case "level-padded" when node is not LiteralNode:
                return ProbeFix.Verify(context, regex, regex, hit, source.Start, 1, "\\s*" + written.Substring(0, 1), "Allow the padding: \\s* before " + written);
            case "level-padded" or "space-padded" when node is LiteralNode literal && written == literal.Value:
                // The padding widens a space of the literal: the line differs right after that space (or at it).
                var at = PaddedAt(hit) - (hit.Base.RangeOf(node)?.Start ?? int.MaxValue);
                if (at > 0 && at <= written.Length && written[at - 1] == ' ') at--;
                if (at < 0 || at >= written.Length || written[at] != ' ') return null;
                return ProbeFix.Verify(context, regex, regex, hit, source.Start + at, 1, "\\s+", "Allow the padding: \\s+ for the space in '" + written + "'");
            case "trailing-space" when node is AnchorNode:
                return ProbeFix.Verify(context, regex, regex, hit, source.Start, source.Length, "\\s*" + written, "Allow white space at the end: \\s*" + written);
            default:
                return null;
        }
    }

    /// <summary>Where the varied line first differs from its base line (where the padding was written).</summary>
    private static int PaddedAt(ProbeOutcome hit)
    {
        var text = hit.Base.Text;
        var at = 0;
        while (at < text.Length && at < hit.Variant.Line.Length && text[at] == hit.Variant.Line[at]) at++;
        return at;
    }

    private static string Advice(ProbeOutcome hit) => hit.Variant.Name switch
    {
        "field-empty" => "Let the field be empty (* rather than +, or an optional group)",
        "trailing-space" => "Allow white space before the end (\\s*$)",
        _ => "Allow the padding there (\\s+ for the space, \\s* where there is none)",
    };
}
