using System.Linq;
using Fail2Ban.Core.Linting.Probing;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3007: the client chooses the user name it logs in with; a name with a space, an apostrophe, a
/// backslash (DOMAIN\user) or a non-ASCII letter makes the failregex miss the line (or take another
/// address), so a client that picks such names is never banned. Found by the robustness probe: the
/// user-name field of a matched line is rewritten and the line run through the real matcher; reported
/// only when no failregex of the filter reports the line for the same address any more.
/// </summary>
internal sealed class UserNameEvasionRule : LintRule
{
    public override string Id => RuleIds.UserNameEvasion;

    /// <summary>
    /// The daemon delimits the value (quotes, brackets, or a key=value field), so it writes whatever the client
    /// sent inside; a bare word in a sentence may be cut by the daemon itself, which is its premise to state.
    /// </summary>
    private static bool IsDelimited(ProbeOutcome outcome) =>
        outcome.Base.RangeOf(outcome.Variant.Node!) is { Start: > 0 } range && "\"'<[(=`".IndexOf(outcome.Base.Text[range.Start - 1]) >= 0;

    /// <summary>
    /// A name between quotes matched with <c>\S+</c>/<c>\S*</c> runs to the closing quote instead
    /// (<c>"\S+"</c> → <c>"[^"]+"</c>), when the probe confirms it.
    /// </summary>
    private static LintFix? Fix(VariantLintContext context, LintRegex regex, ProbeOutcome hit)
    {
        var q = hit.Variant.Node as Patterns.QuantifierNode
            ?? (hit.Variant.Node is Patterns.GroupNode g ? (g.Body as Patterns.QuantifierNode ?? (g.Body is Patterns.SequenceNode { Items.Count: 1 } seq ? seq.Items[0] as Patterns.QuantifierNode : null)) : null);
        if (q is null || q.Origin != null || hit.Base.RangeOf(hit.Variant.Node!) is not { Start: > 0 } range) return null;
        var quote = hit.Base.Text[range.Start - 1];
        if (quote is not ('"' or '\'') || range.End >= hit.Base.Text.Length || hit.Base.Text[range.End] != quote) return null;
        var source = regex.ToSource(q.Span);
        var written = regex.Source.Text.Substring(source.Start, source.Length);
        if (written is not ("\\S+" or "\\S*")) return null;
        var replacement = "[^" + quote + "]" + written.Substring(2);
        return ProbeFix.Verify(context, regex, regex, hit, source.Start, source.Length, replacement, "Replace " + written + " with " + replacement);
    }

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.FailRegexes)
        {
            var hit = context.Robustness.Outcomes(regex)
                .FirstOrDefault(o => o.Variant.Family == ProbeFamily.UserName && o.Violated && o.Variant.Node != null && IsDelimited(o));
            if (hit is null) continue;
            var node = hit.Variant.Node!;
            var message = node.GetText(regex.Regex.Expanded) + " matches the user name, and " + hit.Variant.Change
                + " makes Fail2Ban " + (hit.Verdict.Matched ? "ban " + hit.Verdict.Host : "miss the line")
                + ": a client that picks such a name is never banned. Match the name up to what ends it ([^\"]+ inside quotes, .+? or (?:(?! from ).)+ before ' from ')";
            context.Report(Id, message, regex.Locate(node), ProbeFindings.Evidence(hit), Fix(context, regex, hit));
        }
    }
}
