namespace Fail2Ban.Core.Linting.Rules;

internal sealed class FailRegexWithoutSampleRule : LintRule
{
    public override string Id => RuleIds.FailRegexWithoutSample;
}
