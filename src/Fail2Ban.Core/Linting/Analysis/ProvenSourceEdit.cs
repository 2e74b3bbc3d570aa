using System;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// A proposed change to a regex's source text, proven before it is reported: the edited regex must
/// compile, and a line it matches must be missed by the filter as written (<see cref="MissedLineSearch"/>).
/// The edit is then both the evidence generator and the finding's mechanical fix.
/// </summary>
internal sealed class ProvenSourceEdit
{
    private ProvenSourceEdit(int offset, int length, string newText, (string Line, string Address, bool FromSample) evidence)
    {
        Offset = offset;
        Length = length;
        NewText = newText;
        Evidence = evidence;
    }

    public int Offset { get; }

    public int Length { get; }

    public string NewText { get; }

    public (string Line, string Address, bool FromSample) Evidence { get; }

    /// <summary>
    /// Replaces source <c>[offset, offset + length)</c> of <paramref name="regex"/> with <paramref name="newText"/>, finds the
    /// node of type <typeparamref name="T"/> written at <paramref name="nodeSourceStart"/> in the edited regex, and looks for
    /// a missed line with the texts <paramref name="overrides"/> gives for it; null when any step fails.
    /// </summary>
    public static ProvenSourceEdit? Find<T>(VariantLintContext context, LintRegex regex, int offset, int length, string newText,
        int nodeSourceStart, Func<T, TextOverrides> overrides) where T : RegexNode
    {
        var changed = regex.WithSourceEdit(context.Variant, offset, length, newText);
        if (changed?.NodeAtSource<T>(nodeSourceStart) is not { } node) return null;
        var found = MissedLineSearch.Find(context, regex, changed, overrides(node));
        return found is { } evidence ? new ProvenSourceEdit(offset, length, newText, evidence) : null;
    }

    /// <summary>Reports <paramref name="message"/> at <paramref name="location"/> with the missed line and the edit as fix.</summary>
    public void Report(VariantLintContext context, string ruleId, LintRegex regex, string message, LintLocation location, string fixTitle)
    {
        var edit = regex.EditSource(Offset, Length, NewText);
        var fix = edit is null ? null : new LintFix(fixTitle, new[] { edit });
        var explanation = (Evidence.FromSample ? "this sample line is missed" : "the filter misses this line")
            + "; with the fix it matches and bans " + Evidence.Address;
        context.Report(ruleId, message, location, new LintEvidence(LintEvidenceKind.MissedLine, Evidence.Line, explanation)
        {
            BannedAddress = Evidence.Address,
        }, fix);
    }
}
