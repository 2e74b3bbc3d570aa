namespace Fail2Ban.Core.Linting.Rules;

internal sealed class MissingBackslashRule : LintRule
{
    public override string Id => RuleIds.MissingBackslash;
}
