using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>One variation of a matched line and what Fail2Ban did with it (a row of <c>filterlint probe</c>).</summary>
public sealed record ProbeTableRow(string Variation, string Expectation, string Change, string Line, string Verdict, bool Violated);

/// <summary>
/// The robustness probe's results for one failregex of one filter variant and one line it matches: the
/// line, its verdict, and every variation with its verdict (what <c>filterlint probe</c> prints).
/// </summary>
public sealed record ProbeTable(string Filter, string? Mode, string Regex, LintLocation Location, string Pattern, string BaseLine,
    bool BaseFromSample, string BaseVerdict, IReadOnlyList<ProbeTableRow> Rows)
{
    /// <summary>"normal", "logtype journal", "normal, logtype journal", or null for a filter read one way only.</summary>
    private static string? VariantLabel(FilterVariant variant)
    {
        var parts = new List<string>();
        if (variant.Mode != null) parts.Add(variant.Mode);
        if (variant.LogType != null) parts.Add("logtype " + variant.LogType);
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>The tables of every failregex of a linted variant (one per line the probe varied).</summary>
    internal static IEnumerable<ProbeTable> From(VariantLintContext context)
    {
        foreach (var regex in context.Variant.FailRegexes)
        {
            var outcomes = context.Robustness.Outcomes(regex);
            foreach (var line in context.Robustness.BaseLines(regex))
            {
                var rows = outcomes.Where(o => o.Base == line).Select(o => new ProbeTableRow(o.Variant.Name,
                    o.Variant.Expectation == ProbeExpectation.SameVerdictAndHost ? "same verdict, bans " + o.Variant.ExpectedHost : "never bans " + o.Variant.ExpectedHost,
                    o.Variant.Change, o.Variant.Line, o.Describe(), o.Violated)).ToList();
                yield return new ProbeTable(context.Variant.Filter.Name, VariantLabel(context.Variant), regex.Label, regex.Locate(new Patterns.PatternSpan(0, 1)),
                    regex.Source.Text, line.Text, line.FromSample, line.Verdict.Describe(), rows);
            }
        }
    }
}
