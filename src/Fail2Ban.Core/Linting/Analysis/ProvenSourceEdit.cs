using System;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// A proposed change to a regex's source text, proven before it is reported: the edited regex must
/// compile, and a line it matches must be missed by the filter as written (<see cref="MissedLineSearch"/>).
/// The edit is then both the evidence generator and the finding's mechanical fix. A one-edit
/// <see cref="LooserRegex"/> whose proof is looked for first, so the rule can word its message around it.
/// </summary>
internal sealed class ProvenSourceEdit
{
    private readonly LooserRegex _edited;

    private ProvenSourceEdit(LooserRegex edited, MissedLineProof evidence)
    {
        _edited = edited;
        Evidence = evidence;
    }

    public MissedLineProof Evidence { get; }

    /// <summary>
    /// Replaces source <c>[offset, offset + length)</c> of <paramref name="regex"/> with <paramref name="newText"/>, finds the
    /// node of type <typeparamref name="T"/> written at <paramref name="nodeSourceStart"/> in the edited regex, and looks for
    /// a missed line with the texts <paramref name="overrides"/> gives for it; null when any step fails.
    /// </summary>
    public static ProvenSourceEdit? Find<T>(VariantLintContext context, LintRegex regex, int offset, int length, string newText,
        int nodeSourceStart, Func<T, TextOverrides> overrides) where T : RegexNode
    {
        var edited = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(offset, length, newText) });
        if (edited?.Changed.NodeAtSource<T>(nodeSourceStart) is not { } node) return null;
        return edited.Prove(context, overrides(node)) is { } evidence ? new ProvenSourceEdit(edited, evidence) : null;
    }

    /// <summary>Reports <paramref name="message"/> at <paramref name="location"/> with the missed line and the edit as fix.</summary>
    public void Report(VariantLintContext context, string ruleId, LintRegex regex, string message, LintLocation location, string fixTitle) =>
        _edited.Report(context, ruleId, location, message, Evidence, "with the fix", fixTitle);
}
