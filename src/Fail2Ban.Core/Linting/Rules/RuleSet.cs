using System.Collections.Generic;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>The rule classes the linter runs, in id order (engine diagnostics are not rule classes).</summary>
internal static class RuleSet
{
    public static IReadOnlyList<LintRule> Create() => new LintRule[]
    {
        new PythonConstructTranslatedRule(),
        new UnexpandedTagRule(),
        new UnreachableFailRegexRule(),
        new JournalMatchSyntaxRule(),
        new EmptyAlternativeRule(),
        new UnbalancedOptionFragmentRule(),
        new ColonQuestionTypoRule(),
        new CharClassTypoRule(),
        new GroupAroundLiteralTextRule(),
        new GroupMissingQuantifierRule(),
        new SeparatorOutsideOptionalPartRule(),
        new UnescapedDotInNameRule(),
        new RepeatedPhraseRule(),
        new CaptureIncludesSeparatorRule(),
        new IgnoreRegexMatchesEverythingRule(),
        new FixedWidthTokenRule(),
        new MissingBackslashRule(),
        new EscapedGroupParenthesisRule(),
        new IgnoreRegexTextRule(),
        new PortAfterAddressMissedRule(),
        new TrailingFieldMissedRule(),
        new IPv6AddressMishandledRule(),
        new LogFormatVariantMissedRule(),
        new PluralAfterCountRule(),
        new PrintedEscapeSequenceRule(),
        new TrailingPunctuationAtEndRule(),
        new PinnedHttpRequestRule(),
        new RequestFieldNotEmptyRule(),
        new NumberWidthRule(),
        new IncompleteEnumerationRule(),
        new CaseSensitiveClientTokenRule(),
        new JsonStringEscapeRule(),
        new LineVariantMissedRule(),
        new NarrowNameClassRule(),
        new IPv4OnlyAddressRule(),
        new FieldOptionalElsewhereRule(),
        new JsonFixedSpacingRule(),
        new GreedyCatchAllBeforeHostRule(),
        new UnanchoredRegexRule(),
        new InjectableHostRule(),
        new HostWithoutRightBoundaryRule(),
        new HostWhereAddrMeantRule(),
        new UserNameEvasionRule(),
        new FloatingKeywordRule(),
        new SuperLinearBacktrackingRule(),
        new SharedPrefixWithoutPrefRegexRule(),
        new FailRegexWithoutSampleRule(),
        new SampleExpectationNotMetRule(),
    };
}
