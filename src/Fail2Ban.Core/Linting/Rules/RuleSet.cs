using System.Collections.Generic;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>The rule classes the linter runs, in id order (engine diagnostics are not rule classes).</summary>
internal static class RuleSet
{
    public static IReadOnlyList<LintRule> Create() => new LintRule[]
    {
        new PythonConstructTranslatedRule(),
        new UnexpandedTagRule(),
        new FixedWidthTokenRule(),
        new MissingBackslashRule(),
        new EscapedGroupParenthesisRule(),
        new IgnoreRegexTextRule(),
        new NumberWidthRule(),
        new IncompleteEnumerationRule(),
        new CaseSensitiveClientTokenRule(),
        new JsonStringEscapeRule(),
        new GreedyCatchAllBeforeHostRule(),
        new UnanchoredRegexRule(),
        new InjectableHostRule(),
        new HostWithoutRightBoundaryRule(),
        new HostWhereAddrMeantRule(),
        new SuperLinearBacktrackingRule(),
        new SharedPrefixWithoutPrefRegexRule(),
        new FailRegexWithoutSampleRule(),
        new SampleExpectationNotMetRule(),
    };
}
