using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3001: a greedy catch-all (<c>.*</c>, <c>.+</c>) before the host, and after the host either another
/// catch-all or more pattern with no final <c>$</c>. Greedy matching takes
/// the <em>last</em> host-like text on the line, so anything the client gets logged after the real
/// address chooses the ban. Upstream's sample test rejects this shape (spec 5.4); this is the same check
/// on the syntax tree, for every address tag. Evidence: the line with a forged address appended.
/// </summary>
internal sealed class GreedyCatchAllBeforeHostRule : LintRule
{
    public override string Id => RuleIds.GreedyCatchAllBeforeHost;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.FailRegexes)
        {
            foreach (var host in regex.AddressTags())
            {
                var catchAll = regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>()
                    .Where(q => IsGreedyDotStar(q) && q.Span.End <= host.ExpandedSpan.Start && !regex.Tree.InLookaround(q))
                    .Where(q => !AnchorBetween(regex, q.Span.End, host.ExpandedSpan.Start))
                    .FirstOrDefault();
                if (catchAll is null) continue;
                var catchAllAfter = regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>()
                    .Any(q => q.Body is AnyCharNode && q.Max is null && q.Span.Start >= host.ExpandedSpan.End);
                // As upstream: something must follow the host (a regex ending at the host is F2B3004's case).
                if (host.ExpandedSpan.End >= regex.Regex.Expanded.Length) continue;
                if (regex.EndsWithEndAnchor() && !catchAllAfter) continue;
                var why = catchAllAfter ? "another catch-all follows it" : "the regex does not end with $";
                var message = "greedy " + catchAll.GetText(regex.Regex.Expanded) + " before " + host.Tag
                    + " takes the last address-like text on the line and " + why
                    + ": text logged after the real address chooses the ban. Use a precise expression or .*? and end the regex with $";
                context.Report(Id, message, regex.Locate(catchAll), Evidence(context, regex, catchAll, host));
            }
        }
    }

    private static bool IsGreedyDotStar(QuantifierNode q) => q.Body is AnyCharNode && q.Max is null && !q.Lazy && q.Origin is null;

    private static bool AnchorBetween(LintRegex regex, int from, int to) =>
        regex.Regex.Root.DescendantsAndSelf().OfType<AnchorNode>()
            .Any(a => a.Span.Start >= from && a.Span.End <= to && a.Anchor is AnchorKind.LineStart or AnchorKind.LineEnd or AnchorKind.StringStart or AnchorKind.StringEnd);

    /// <summary>The witness line with "…context FORGED…" appended after it; checked in the matcher.</summary>
    private static LintEvidence? Evidence(VariantLintContext context, LintRegex regex, QuantifierNode catchAll, TagExpansion host)
    {
        if (context.Variant.IsMultiLine) return null;
        var witness = context.Probe.Witness(regex);
        if (witness is null) return null;
        if (!witness.FailText.Nodes.TryGetValue(catchAll, out var c) || !witness.FailText.Tags.TryGetValue(host, out var h)) return null;
        var fail = witness.FailText.Text;
        var injected = fail.Substring(c.End, h.Start - c.End) + AddressTags.ForgedIPv4 + fail.Substring(h.End);
        var insertAt = witness.ContentOffset + fail.Length;
        foreach (var separator in new[] { " ", "" })
        {
            var line = witness.Text.Insert(insertAt, separator + injected);
            var reported = context.Probe.Run(line).Where(f => f.RegexIndex == regex.Index).Select(f => f.Id!.Text).ToList();
            if (reported.Contains(AddressTags.ForgedIPv4) && !reported.Contains(AddressTags.DefaultIPv4))
                return new LintEvidence(LintEvidenceKind.InjectedLine, line,
                    "text after the real address " + AddressTags.DefaultIPv4 + " holds a forged one, and the filter bans " + AddressTags.ForgedIPv4)
                {
                    BannedAddress = AddressTags.ForgedIPv4,
                };
        }
        return null;
    }
}
