using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// A mechanical fix for a broken expectation, kept only when the probe agrees: the fixed filter gives the varied
/// line the verdict it should have, and the line as written keeps its own.
/// </summary>
internal static class ProbeFix
{
    /// <param name="regex">The regex to edit (a failregex, or the prefregex that holds the address).</param>
    /// <param name="failRegex">The failregex whose line was varied.</param>
    public static LintFix? Verify(VariantLintContext context, LintRegex regex, LintRegex failRegex, ProbeOutcome outcome,
        int offset, int length, string newText, string title)
    {
        var edit = regex.EditSource(offset, length, newText);
        var changed = edit is null ? null : regex.WithSourceEdit(context.Variant, offset, length, newText);
        if (edit is null || changed is null) return null;
        var probe = context.Probe.WithRegex(regex, changed);
        var variant = ProbeVerdict.From(probe.RunAsServer(outcome.Variant.Line, outcome.Base.IsLogLine), failRegex.Index);
        if (new ProbeOutcome(outcome.Base, outcome.Variant, variant).Violated) return null;
        var original = ProbeVerdict.From(probe.RunAsServer(outcome.Base.Text, outcome.Base.IsLogLine), failRegex.Index);
        return original.Host == outcome.Base.Verdict.Host ? new LintFix(title, new[] { edit }) : null;
    }
}
