namespace Fail2Ban.Core.Linting.Rules;

internal sealed class SampleExpectationNotMetRule : LintRule
{
    public override string Id => RuleIds.SampleExpectationNotMet;
}
