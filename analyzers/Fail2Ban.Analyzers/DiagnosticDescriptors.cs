using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fail2Ban.Core.Linting;
using Microsoft.CodeAnalysis;

namespace Fail2Ban.Analyzers;

/// <summary>
/// One <see cref="DiagnosticDescriptor"/> per id of the rule catalogue (engine errors and lint rules), all
/// built here by <see cref="Create"/>: constant id, category and default severity (so release tracking can
/// check them), title and help link from <see cref="RuleCatalog"/>. Severities are changed per id in a
/// <c>.globalconfig</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The diagnostic categories, one per rule family.</summary>
    private static class Categories
    {
        public const string Compile = "Fail2Ban.Compile";
        public const string Brittle = "Fail2Ban.Brittle";
        public const string Unsafe = "Fail2Ban.Unsafe";
        public const string Performance = "Fail2Ban.Performance";
        public const string Samples = "Fail2Ban.Samples";
    }

    public static readonly DiagnosticDescriptor ConfigSyntax = Create(RuleIds.ConfigSyntax, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingInclude = Create(RuleIds.MissingInclude, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IncludeCycle = Create(RuleIds.IncludeCycle, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor Interpolation = Create(RuleIds.Interpolation, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TagSubstitution = Create(RuleIds.TagSubstitution, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FilterOptions = Create(RuleIds.FilterOptions, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FilterNotFound = Create(RuleIds.FilterNotFound, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor OptionValue = Create(RuleIds.OptionValue, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor LimitExceeded = Create(RuleIds.LimitExceeded, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor RegexSyntax = Create(RuleIds.RegexSyntax, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor RegexUnsupported = Create(RuleIds.RegexUnsupported, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NoFailureIdGroup = Create(RuleIds.NoFailureIdGroup, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EmptyRegex = Create(RuleIds.EmptyRegex, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DuplicateGroupName = Create(RuleIds.DuplicateGroupName, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor GlobalFlagNotAtStart = Create(RuleIds.GlobalFlagNotAtStart, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor RegexTranslated = Create(RuleIds.RegexTranslated, Categories.Compile, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor DatePattern = Create(RuleIds.DatePattern, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InternalError = Create(RuleIds.InternalError, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnexpandedTag = Create(RuleIds.UnexpandedTag, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnescapedDotInName = Create(RuleIds.UnescapedDotInName, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RepeatedPhrase = Create(RuleIds.RepeatedPhrase, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CaptureIncludesSeparator = Create(RuleIds.CaptureIncludesSeparator, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IgnoreRegexMatchesEverything = Create(RuleIds.IgnoreRegexMatchesEverything, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FixedWidthToken = Create(RuleIds.FixedWidthToken, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MissingBackslash = Create(RuleIds.MissingBackslash, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor EscapedGroupParenthesis = Create(RuleIds.EscapedGroupParenthesis, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IgnoreRegexTextDependsOnFailRegexCount = Create(RuleIds.IgnoreRegexTextDependsOnFailRegexCount, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PluralAfterCount = Create(RuleIds.PluralAfterCount, Categories.Brittle, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor PrintedEscapeSequence = Create(RuleIds.PrintedEscapeSequence, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor TrailingPunctuationAtEnd = Create(RuleIds.TrailingPunctuationAtEnd, Categories.Brittle, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor PinnedHttpRequest = Create(RuleIds.PinnedHttpRequest, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RequestFieldNotEmpty = Create(RuleIds.RequestFieldNotEmpty, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NumberWidth = Create(RuleIds.NumberWidth, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IncompleteEnumeration = Create(RuleIds.IncompleteEnumeration, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CaseSensitiveClientToken = Create(RuleIds.CaseSensitiveClientToken, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor JsonStringEscape = Create(RuleIds.JsonStringEscape, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor LineVariantMissed = Create(RuleIds.LineVariantMissed, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NarrowNameClass = Create(RuleIds.NarrowNameClass, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IPv4OnlyAddress = Create(RuleIds.IPv4OnlyAddress, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor FieldOptionalElsewhere = Create(RuleIds.FieldOptionalElsewhere, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CaseOddAlternative = Create(RuleIds.CaseOddAlternative, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor JsonFixedSpacing = Create(RuleIds.JsonFixedSpacing, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor GreedyCatchAllBeforeHost = Create(RuleIds.GreedyCatchAllBeforeHost, Categories.Unsafe, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnanchoredRegex = Create(RuleIds.UnanchoredRegex, Categories.Unsafe, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InjectableHost = Create(RuleIds.InjectableHost, Categories.Unsafe, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor HostWithoutRightBoundary = Create(RuleIds.HostWithoutRightBoundary, Categories.Unsafe, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor HostWhereAddrMeant = Create(RuleIds.HostWhereAddrMeant, Categories.Unsafe, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor FloatingKeyword = Create(RuleIds.FloatingKeyword, Categories.Unsafe, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SuperLinearBacktracking = Create(RuleIds.SuperLinearBacktracking, Categories.Performance, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SharedPrefixWithoutPrefRegex = Create(RuleIds.SharedPrefixWithoutPrefRegex, Categories.Performance, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor FailRegexWithoutSample = Create(RuleIds.FailRegexWithoutSample, Categories.Samples, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SampleExpectationNotMet = Create(RuleIds.SampleExpectationNotMet, Categories.Samples, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnreachableFailRegex = Create(RuleIds.UnreachableFailRegex, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor JournalMatchSyntax = Create(RuleIds.JournalMatchSyntax, Categories.Compile, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EmptyAlternative = Create(RuleIds.EmptyAlternative, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnbalancedOptionFragment = Create(RuleIds.UnbalancedOptionFragment, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ColonQuestionTypo = Create(RuleIds.ColonQuestionTypo, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CharClassTypo = Create(RuleIds.CharClassTypo, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor GroupAroundLiteralText = Create(RuleIds.GroupAroundLiteralText, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor GroupMissingQuantifier = Create(RuleIds.GroupMissingQuantifier, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SeparatorOutsideOptionalPart = Create(RuleIds.SeparatorOutsideOptionalPart, Categories.Compile, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PortAfterAddressMissed = Create(RuleIds.PortAfterAddressMissed, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor TrailingFieldMissed = Create(RuleIds.TrailingFieldMissed, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor IPv6AddressMishandled = Create(RuleIds.IPv6AddressMishandled, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor LogFormatVariantMissed = Create(RuleIds.LogFormatVariantMissed, Categories.Brittle, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UserNameEvasion = Create(RuleIds.UserNameEvasion, Categories.Unsafe, DiagnosticSeverity.Warning);

    /// <summary>
    /// The analyzer's own id (block F2B18xx, outside the rule catalogue): an AdditionalFile whose
    /// <c>Fail2BanFilter</c> value is not one the analyzer knows, so it is not linted; says what to write.
    /// </summary>
    public static readonly DiagnosticDescriptor FileNotLinted = new(AnalyzerDiagnosticIds.FileNotLinted,
        "AdditionalFile not linted: unknown Fail2BanFilter value", "{0}", "Fail2Ban.Setup", DiagnosticSeverity.Info,
        isEnabledByDefault: true, helpLinkUri: RuleCatalog.HelpUriFor(AnalyzerDiagnosticIds.FileNotLinted), customTags: "Fail2Ban");

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        UnreachableFailRegex,
        JournalMatchSyntax,
        EmptyAlternative,
        UnbalancedOptionFragment,
        ColonQuestionTypo,
        CharClassTypo,
        GroupAroundLiteralText,
        GroupMissingQuantifier,
        SeparatorOutsideOptionalPart,
        PortAfterAddressMissed,
        TrailingFieldMissed,
        IPv6AddressMishandled,
        LogFormatVariantMissed,
        UserNameEvasion,
        ConfigSyntax,
        MissingInclude,
        IncludeCycle,
        Interpolation,
        TagSubstitution,
        FilterOptions,
        FilterNotFound,
        OptionValue,
        LimitExceeded,
        RegexSyntax,
        RegexUnsupported,
        NoFailureIdGroup,
        EmptyRegex,
        DuplicateGroupName,
        GlobalFlagNotAtStart,
        RegexTranslated,
        DatePattern,
        InternalError,
        UnexpandedTag,
        UnescapedDotInName,
        RepeatedPhrase,
        CaptureIncludesSeparator,
        IgnoreRegexMatchesEverything,
        FixedWidthToken,
        MissingBackslash,
        EscapedGroupParenthesis,
        IgnoreRegexTextDependsOnFailRegexCount,
        PluralAfterCount,
        PrintedEscapeSequence,
        TrailingPunctuationAtEnd,
        PinnedHttpRequest,
        RequestFieldNotEmpty,
        NumberWidth,
        IncompleteEnumeration,
        CaseSensitiveClientToken,
        JsonStringEscape,
        LineVariantMissed,
        NarrowNameClass,
        IPv4OnlyAddress,
        FieldOptionalElsewhere,
        CaseOddAlternative,
        JsonFixedSpacing,
        GreedyCatchAllBeforeHost,
        UnanchoredRegex,
        InjectableHost,
        HostWithoutRightBoundary,
        HostWhereAddrMeant,
        FloatingKeyword,
        SuperLinearBacktracking,
        SharedPrefixWithoutPrefRegex,
        FailRegexWithoutSample,
        SampleExpectationNotMet);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    /// <summary>Every rule of the catalogue, and the analyzer's own <see cref="FileNotLinted"/> (after <see cref="All"/>: initialised in order).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Supported { get; } = All.Add(FileNotLinted);

    public static bool TryGet(string id, out DiagnosticDescriptor descriptor) => ById.TryGetValue(id, out descriptor!);

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity)
    {
        var rule = RuleCatalog.Get(id);
        return new DiagnosticDescriptor(id, rule.Title, "{0}", category, severity, isEnabledByDefault: rule.DefaultSeverity != LintSeverity.None,
            description: rule.Description.Length > 0 ? rule.Description : null, helpLinkUri: rule.HelpUri, customTags: "Fail2Ban");
    }
}
