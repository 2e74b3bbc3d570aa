namespace Fail2Ban.Core.Linting.Rules;

internal sealed class EscapedGroupParenthesisRule : LintRule
{
    public override string Id => RuleIds.EscapedGroupParenthesis;
}
