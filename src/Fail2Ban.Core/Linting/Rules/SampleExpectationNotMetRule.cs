using System.Linq;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B5002 (with sample logs): a sample line whose <c># failJSON:</c> annotation the filter does not meet
/// (an expected match that is missed, an unexpected match, a wrong host, user or time), checked exactly
/// as upstream's sample test does. Reported at the line of the sample log.
/// </summary>
internal sealed class SampleExpectationNotMetRule : LintRule
{
    public override string Id => RuleIds.SampleExpectationNotMet;

    public override void CheckSamples(SampleLintContext context)
    {
        if (context.ReplayError != null)
        {
            context.Report(Id, "the sample log could not be replayed: " + context.ReplayError, LintLocation.FileStart(context.Samples.PathOf(context.FilterName)));
            return;
        }
        foreach (var evaluation in context.Evaluations.Where(e => e.Processed && e.Problems.Count > 0))
        {
            var logName = evaluation.File;
            var variant = evaluation.Variant.Length > context.FilterName.Length ? " [" + evaluation.Variant.Substring(context.FilterName.Length) + "]" : "";
            context.Report(Id, "sample line does not meet its failJSON" + variant + ": " + string.Join("; ", evaluation.Problems),
                context.LogLocation(logName, evaluation.Entry.LineNumber, evaluation.Entry.Text.Length),
                new LintEvidence(LintEvidenceKind.SampleLine, evaluation.Entry.Text, "the sample line"));
        }
    }
}
