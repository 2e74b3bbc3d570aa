using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Linting;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Linting.Probing;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// The robustness probe's lines for one version of a filter in one mode: the lines each failregex matches (sample
/// lines first, then lines generated from the regex) and their variations (IPv6, ports, user names, injected
/// addresses…). Both versions of a diff then run all of them, so a change that only shows on a variation is seen.
/// </summary>
internal static class ProbeVariantLines
{
    /// <summary>Sample lines the probe looks through for lines to vary (it runs each alone, so keep it bounded).</summary>
    private const int MaxSampleLines = 2000;

    public static IEnumerable<DiffLine> For(ResolvedFilter filter, string? mode, IReadOnlyList<string> sampleLines)
    {
        var variant = FilterVariant.Prepare(filter, mode);
        if (!variant.Compiles) yield break;
        var samples = sampleLines.Count > MaxSampleLines ? sampleLines.Take(MaxSampleLines).ToList() : sampleLines;
        var probe = new RobustnessProbe(variant, new FilterProbe(variant), samples);
        foreach (var regex in variant.FailRegexes)
        {
            IReadOnlyList<ProbeOutcome> outcomes;
            // The probe is an extra source of lines: a regex it cannot vary only loses its variants, not the diff.
            try { outcomes = probe.Outcomes(regex); }
            catch (System.Exception e) when (e is not System.OutOfMemoryException) { continue; }
            foreach (var b in probe.BaseLines(regex).Where(b => !b.FromSample))
                yield return new DiffLine("probe", 0, b.Text, "line generated from failregex #" + (regex.Index + 1), b.IsLogLine);
            foreach (var o in outcomes)
                yield return new DiffLine("probe", 0, o.Variant.Line, o.Variant.Name + ": " + o.Variant.Change, o.Base.IsLogLine);
        }
    }
}
