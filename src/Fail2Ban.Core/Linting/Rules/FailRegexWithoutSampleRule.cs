namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B5001 (with sample logs): a failregex of some mode that no line of the filter's sample log
/// exercises, as upstream's sample test demands ("Regex has no samples"), or a filter with no sample
/// log at all. An untested failregex is where silent misses hide.
/// </summary>
internal sealed class FailRegexWithoutSampleRule : LintRule
{
    public override string Id => RuleIds.FailRegexWithoutSample;

    public override void CheckSamples(SampleLintContext context)
    {
        if (!context.HasLog)
        {
            // An include-only file (a shared prefix, not named *common.conf) has no failregex to exercise.
            if (!context.HasFailRegex) return;
            context.Report(Id, "there is no sample log '" + context.FilterName + "' for this filter, so none of its failregexes is exercised",
                LintLocation.FileStart(context.FilterFile));
            return;
        }
        foreach (var (variant, index) in context.UnusedRegexes)
        {
            var regex = variant.FailRegexes[index];
            context.Report(Id, "no line of the sample log '" + context.FilterName + "' is matched by this failregex"
                + (variant.Mode != null ? " (mode " + variant.Mode + ")" : ""),
                LintRegex.LocateSource(regex.Source, 0, regex.Source.Text.Length), null, variant.Mode);
        }
    }
}
