using System.Linq;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Looks for proof that a regex is too strict: a log line the filter as written misses while the filter
/// with a proposed change matches it. Sample lines are tried first (a real missed line is the best
/// proof); otherwise lines are generated from the changed regex. Both filters run in the real matcher.
/// </summary>
internal static class MissedLineSearch
{
    public static (string Line, string Address, bool FromSample)? Find(VariantLintContext context, LintRegex target, LintRegex changed,
        TextOverrides overrides)
    {
        var original = context.Probe;
        var fixedProbe = original.WithRegex(target, changed);
        foreach (var line in context.SampleLines)
        {
            var hits = fixedProbe.RunLogLine(line);
            if (hits.Count == 0 || (target.Kind == FilterRegexKind.Fail && hits.All(h => h.RegexIndex != target.Index))) continue;
            if (original.RunLogLine(line).Count > 0) continue;
            return (line, hits[0].Id!.Text, true);
        }
        var through = target.Kind == FilterRegexKind.Fail
            ? new[] { target }
            : context.Variant.FailRegexes.ToArray();
        foreach (var fail in through)
        {
            var found = fixedProbe.Synthesize(fail, overrides,
                l => l.Failures.Any(f => f.RegexIndex == fail.Index) && original.Run(l.Text).Count == 0);
            if (found != null) return (found.Text, found.AddressesFrom(fail.Index).First(), false);
        }
        return null;
    }

    /// <summary>The evidence for a found line: "the filter misses this line; with <paramref name="fixedText"/> it matches and bans …".</summary>
    public static LintEvidence Evidence((string Line, string Address, bool FromSample) found, string fixedText) =>
        new(LintEvidenceKind.MissedLine, found.Line,
            (found.FromSample ? "this sample line is missed" : "the filter misses this line") + "; with " + fixedText
            + " it matches and bans " + found.Address) { BannedAddress = found.Address };
}
