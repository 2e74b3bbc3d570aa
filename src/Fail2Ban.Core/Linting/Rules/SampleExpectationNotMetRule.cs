using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Samples;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B5002 (with sample logs): a sample line whose <c># failJSON:</c> annotation the filter does not meet
/// (an expected match that is missed, an unexpected match, a wrong host, user or time), checked exactly
/// as upstream's sample test does. Reported at the line of the sample log, and once more in the filter where
/// <see cref="SampleMissAttribution"/> finds the part that lost the line (one finding per place, naming the first
/// sample line), so the defect shows where it is written and in the analyzer's <c>.conf</c> diagnostics.
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
        var attributed = new Dictionary<LintLocation, (string What, SampleEvaluation First, int Count, string? Mode)>();
        foreach (var evaluation in context.Evaluations.Where(e => e.Processed && e.Problems.Count > 0))
        {
            var filter = context.VariantOf(evaluation);
            if (filter != null && SampleMissAttribution.Attribute(filter, evaluation) is { } at)
                attributed[at.Location] = attributed.TryGetValue(at.Location, out var seen)
                    ? (seen.What, seen.First, seen.Count + 1, seen.Mode)
                    : (at.What, evaluation, 1, filter.Mode);
            var logName = evaluation.File;
            var variant = evaluation.Variant.Length > context.FilterName.Length ? " [" + evaluation.Variant.Substring(context.FilterName.Length) + "]" : "";
            context.Report(Id, "sample line does not meet its failJSON" + variant + ": " + string.Join("; ", evaluation.Problems),
                context.LogLocation(logName, evaluation.Entry.LineNumber, evaluation.Entry.Text.Length),
                new LintEvidence(LintEvidenceKind.SampleLine, evaluation.Entry.Text, "the sample line"));
        }
        foreach (var kv in attributed.OrderBy(kv => kv.Key, Comparer<LintLocation>.Create(LintLocation.Compare)))
        {
            var (what, first, count, mode) = kv.Value;
            var where = context.Samples.PathOf(first.File) + ":" + first.Entry.LineNumber;
            context.Report(Id, (count > 1 ? count + " sample lines do" : "a sample line does") + " not meet " + (count > 1 ? "their" : "its")
                + " failJSON here, first " + where + " (" + string.Join("; ", first.Problems) + "): " + what,
                kv.Key, new LintEvidence(LintEvidenceKind.SampleLine, first.Entry.Text, "the sample line at " + where), mode);
        }
    }
}
