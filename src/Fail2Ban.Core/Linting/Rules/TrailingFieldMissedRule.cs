using System.Linq;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2007: the address is the value of PAM's <c>rhost=</c> field and the regex ends right after it
/// (<c>rhost=&lt;HOST&gt;\s*$</c>). PAM's <c>authentication failure</c> record continues with
/// <c> user=NAME</c> whenever the user is known, so those lines, the common case, are missed. Found by
/// the robustness probe: the field appended to a matched line, the real matcher decides.
/// </summary>
internal sealed class TrailingFieldMissedRule : LintRule
{
    public override string Id => RuleIds.TrailingFieldMissed;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.FailRegexes)
        {
            if (!regex.EndsWithEndAnchor()) continue;
            var hit = ProbeFindings.Violations(context, regex, "trailing-user")
                .FirstOrDefault(o => o.Base.HostStart >= 6 && o.Base.Text.Substring(o.Base.HostStart - 6, 6) == "rhost=");
            if (hit?.Variant.Tag is not { } tag) continue;
            var end = regex.Regex.Root.DescendantsAndSelf().OfType<AnchorNode>().LastOrDefault(a => a.Anchor is AnchorKind.LineEnd or AnchorKind.StringEnd);
            var message = "the regex ends right after rhost=" + tag.Tag + ", but PAM appends ' user=NAME' to this record when the user is known: "
                + "with " + hit.Variant.Change + " Fail2Ban " + hit.Describe() + ". Allow it before the end: (?:\\s+user=\\S*)?\\s*$";
            context.Report(Id, message, regex.Locate(end is null ? tag.ExpandedSpan : end.Span), ProbeFindings.Evidence(hit));
        }
    }
}
