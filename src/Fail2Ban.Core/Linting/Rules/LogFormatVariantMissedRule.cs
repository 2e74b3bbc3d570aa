using System.Linq;
using Fail2Ban.Core.Linting.Probing;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2009: the failure as another log source of the same daemon writes it is missed. The systemd
/// backend hands a filter <c>host ident[pid]: message</c> with no date in the line, so a header regex that
/// needs the white space a syslog date leaves behind (<c>(?:\s\S+ named\[\d+\]:\s+)?</c>) misses every
/// journal line of a filter that reads the journal (it has no logtypes, or it is its journal logtype).
/// Found by the robustness probe on a syslog line of the filter, confirmed in the real matcher.
/// </summary>
internal sealed class LogFormatVariantMissedRule : LintRule
{
    public override string Id => RuleIds.LogFormatVariantMissed;

    public override void CheckVariant(VariantLintContext context)
    {
        var reported = new System.Collections.Generic.HashSet<string>();
        foreach (var regex in context.Variant.FailRegexes)
        {
            var hit = context.Robustness.Outcomes(regex).FirstOrDefault(o => o.Violated && o.Variant.Family == ProbeFamily.LineForm);
            if (hit is null) continue;
            // Fail2Ban accepts the line as syslog writes it: where the header part of the regex stops, the journal form fails.
            var message = "the filter reads the journal, but " + hit.Variant.Change + " is " + hit.Describe()
                + ": the regex needs text that only the syslog date leaves in the line. Let the header start the line (\\s* rather than \\s before it)";
            var header = context.Variant.PrefRegex ?? regex;
            var location = LeadingWhiteSpace(header) is { } space ? header.Locate(space) : header.Locate(new Patterns.PatternSpan(0, 1));
            if (!reported.Add(location.ToString())) continue;
            context.Report(Id, message, location, ProbeFindings.Evidence(hit));
        }
    }

    /// <summary>The first white space the regex requires where a line may start (the <c>\s</c> of <c>^(?:\s\S+ …)?</c>), or null.</summary>
    private static Patterns.RegexNode? LeadingWhiteSpace(LintRegex regex)
    {
        var tree = regex.Tree;
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            if (node is Patterns.QuantifierNode or Patterns.SequenceNode or Patterns.GroupNode or Patterns.AlternationNode) continue;
            if (tree.AtomSet(node) is not { } set || !set.All(char.IsWhiteSpace) || tree.InLookaround(node)) continue;
            if (tree.Parent(node) is Patterns.QuantifierNode { Min: 0 }) continue;
            if (tree.Preceding(node).All(tree.IsNullable)) return node;
        }
        return null;
    }
}
