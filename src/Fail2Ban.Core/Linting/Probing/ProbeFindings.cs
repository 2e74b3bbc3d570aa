using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>How the rules built on the robustness probe turn an outcome into a finding's evidence.</summary>
internal static class ProbeFindings
{
    /// <summary>The violated outcomes of failregex <paramref name="regex"/> whose variation is one of <paramref name="names"/>.</summary>
    public static IEnumerable<ProbeOutcome> Violations(VariantLintContext context, LintRegex regex, params string[] names) =>
        context.Robustness.Outcomes(regex).Where(o => o.Violated && names.Contains(o.Variant.Name));

    /// <summary>A missed-line (or wrong-address) evidence: the varied line, what changed, and what Fail2Ban does with it.</summary>
    public static LintEvidence Evidence(ProbeOutcome outcome)
    {
        var kind = outcome.Variant.Expectation == ProbeExpectation.NeverBansInjected ? LintEvidenceKind.InjectedLine : LintEvidenceKind.MissedLine;
        var origin = outcome.Base.FromSample ? "a sample line with " : "";
        return new LintEvidence(kind, outcome.Variant.Line, origin + outcome.Variant.Change + ": Fail2Ban " + outcome.Describe()
            + "; the line as written, '" + outcome.Base.Text + "', " + outcome.Base.Verdict.Describe())
        {
            BannedAddress = outcome.Verdict.Matched ? outcome.Verdict.Host : null,
        };
    }
}
