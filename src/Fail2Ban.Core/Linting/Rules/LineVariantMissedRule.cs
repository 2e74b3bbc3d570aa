using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2019: a form of the line that the daemon writes with other spacing is missed: a separator padded
/// (two spaces or a tab where the regex writes one space, a log level aligned to a column) or a user
/// name written empty (<c>Invalid user  from</c>, <c>user=&lt;&gt;</c>). Found by the robustness probe, confirmed
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
                context.Report(Id, message, location, ProbeFindings.Evidence(hit), null, evidence is null ? LintSeverity.Info : null);
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
        var text = hit.Base.Text;
        var padAt = 0;
        while (padAt < text.Length && padAt < hit.Variant.Line.Length && text[padAt] == hit.Variant.Line[padAt]) padAt++;
        return padAt >= range.End ? regex.Tree.Following(node).FirstOrDefault() ?? node : node;
    }

    private static string Advice(ProbeOutcome hit) => hit.Variant.Family == ProbeFamily.EmptyField
        ? "Let the field be empty (* rather than +, or an optional group)"
        : "Allow the padding there (\\s+ for the space, \\s* where there is none)";
}
