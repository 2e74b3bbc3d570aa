using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// The catalogue of every id the linter can report, engine errors included, with its name, family,
/// default severity and help link. The single place help links are built.
/// </summary>
public static class RuleCatalog
{
    /// <summary>Where the rule pages (<c>docs/rules/F2Bxxxx.md</c>) are published.</summary>
    public const string HelpUriBase = "https://github.com/fail2ban-filterlint/filterlint/blob/main/docs/rules/";

    private static readonly LintRuleDescriptor[] AllRules =
    {
        Engine(RuleIds.ConfigSyntax, "config-syntax", "The .conf file is not valid Fail2Ban INI"),
        Engine(RuleIds.MissingInclude, "missing-include", "An included file does not exist", LintSeverity.Warning),
        Engine(RuleIds.IncludeCycle, "include-cycle", "An include chain loops back on itself", LintSeverity.Warning),
        Engine(RuleIds.Interpolation, "interpolation-failed", "A %(name)s reference cannot be resolved"),
        Engine(RuleIds.TagSubstitution, "tag-substitution-failed", "A <tag> reference cannot be substituted"),
        Engine(RuleIds.FilterOptions, "malformed-filter-options", "The name[k=v, …] filter options are malformed"),
        Engine(RuleIds.FilterNotFound, "filter-not-found", "The filter file does not exist"),
        Engine(RuleIds.OptionValue, "bad-option-value", "An option value has the wrong type"),
        Engine(RuleIds.LimitExceeded, "limit-exceeded", "The filter goes past one of the engine's limits (nesting, size, count)"),
        Engine(RuleIds.RegexSyntax, "regex-syntax", "The regex is not valid Python re syntax"),
        Engine(RuleIds.RegexUnsupported, "regex-unsupported", "The regex has no faithful .NET translation"),
        Engine(RuleIds.NoFailureIdGroup, "no-failure-id-group", "A failregex has no <HOST>, <ADDR> or <F-ID> group"),
        Engine(RuleIds.EmptyRegex, "empty-regex", "A regex is empty after tag expansion"),
        Engine(RuleIds.DuplicateGroupName, "duplicate-group-name", "A group name is defined twice"),
        Engine(RuleIds.GlobalFlagNotAtStart, "global-flag-not-at-start", "An inline global flag is not at the start of the regex"),
        // Off by default: a note on how the filter was translated for .NET, not a defect of the filter.
        Engine(RuleIds.RegexTranslated, "python-construct-translated", "A Python construct with a different .NET meaning was translated", LintSeverity.None),
        Engine(RuleIds.DatePattern, "bad-datepattern", "The datepattern is invalid"),
        Engine(RuleIds.InternalError, "internal-error", "The engine failed on this filter (a bug in filterlint, not in the filter)"),
        Rule(RuleIds.UnreachableFailRegex, "unreachable-failregex", RuleFamily.Compile, LintSeverity.Warning,
            "No line that passes the prefregex can reach this failregex"),
        Rule(RuleIds.JournalMatchSyntax, "bad-journalmatch", RuleFamily.Compile, LintSeverity.Error,
            "The journalmatch is not a list of FIELD=value terms"),
        Rule(RuleIds.UnexpandedTag, "unexpanded-tag", RuleFamily.Compile, LintSeverity.Warning,
            "A tag-shaped text is not a Fail2Ban tag and matches literally"),
        Rule(RuleIds.EmptyAlternative, "empty-alternative", RuleFamily.Compile, LintSeverity.Warning,
            "An empty alternative (a||b) makes a required part optional"),
        Rule(RuleIds.UnbalancedOptionFragment, "unbalanced-option-fragment", RuleFamily.Compile, LintSeverity.Warning,
            "An option used in a regex has unbalanced parentheses, balanced only where it is used"),
        Rule(RuleIds.ColonQuestionTypo, "colon-question-typo", RuleFamily.Compile, LintSeverity.Warning,
            "(:? captures an optional colon where the non-capturing group (?: was meant"),
        Rule(RuleIds.CharClassTypo, "char-class-typo", RuleFamily.Compile, LintSeverity.Warning,
            "A character class ([\\d+-], [UDP|TCP]) matches one character where a group was meant"),
        Rule(RuleIds.GroupAroundLiteralText, "group-around-literal-text", RuleFamily.Compile, LintSeverity.Warning,
            "Bare parentheses around text the log writes in literal parentheses"),
        Rule(RuleIds.GroupMissingQuantifier, "group-missing-quantifier", RuleFamily.Compile, LintSeverity.Warning,
            "A group around a separator and a field changes nothing: (?:…)? was meant"),
        Rule(RuleIds.SeparatorOutsideOptionalPart, "separator-outside-optional-part", RuleFamily.Compile, LintSeverity.Warning,
            "A space before an optional part, not inside it, is required when the part is left out"),
        Rule(RuleIds.UnescapedDotInName, "unescaped-dot-in-name", RuleFamily.Compile, LintSeverity.Warning,
            "An unescaped dot inside a name matches any character"),
        Rule(RuleIds.RepeatedPhrase, "repeated-phrase", RuleFamily.Compile, LintSeverity.Warning,
            "A word or phrase is written twice in a row"),
        Rule(RuleIds.CaptureIncludesSeparator, "capture-includes-separator", RuleFamily.Compile, LintSeverity.Warning,
            "A capture ends or starts with a separator that every captured value then carries"),
        Rule(RuleIds.IgnoreRegexMatchesEverything, "ignoreregex-matches-everything", RuleFamily.Compile, LintSeverity.Error,
            "An ignoreregex matches every failure line, so the filter never bans"),
        Rule(RuleIds.FixedWidthToken, "fixed-width-token", RuleFamily.Brittle, LintSeverity.Warning,
            "A command, verb or identifier token is matched with a fixed width"),
        Rule(RuleIds.MissingBackslash, "missing-backslash", RuleFamily.Brittle, LintSeverity.Warning,
            "A shorthand class lost its backslash (.d+ for .\\d+)"),
        Rule(RuleIds.EscapedGroupParenthesis, "escaped-group-parenthesis", RuleFamily.Brittle, LintSeverity.Warning,
            "\\(?: matches a literal parenthesis instead of opening a group"),
        Rule(RuleIds.IgnoreRegexTextDependsOnFailRegexCount, "ignoreregex-text-depends-on-failregex-count", RuleFamily.Brittle, LintSeverity.Warning,
            "An ignoreregex sees the whole line or only F-CONTENT depending on the number of failregexes"),
        Rule(RuleIds.PortAfterAddressMissed, "port-after-address-missed", RuleFamily.Brittle, LintSeverity.Warning,
            "A client port written after the address makes the line miss"),
        Rule(RuleIds.TrailingFieldMissed, "trailing-field-missed", RuleFamily.Brittle, LintSeverity.Warning,
            "A key=value record is end-anchored right after the address and misses appended fields"),
        Rule(RuleIds.IPv6AddressMishandled, "mishandled-ipv6-address", RuleFamily.Brittle, LintSeverity.Warning,
            "An IPv6 client address is missed or banned as another address"),
        Rule(RuleIds.LogFormatVariantMissed, "log-format-variant-missed", RuleFamily.Brittle, LintSeverity.Warning,
            "The failure as another log source or format of the daemon writes it (the journal, the virtual host first) is missed"),
        Rule(RuleIds.PluralAfterCount, "plural-after-count", RuleFamily.Brittle, LintSeverity.Info,
            "A count is followed by a literal plural, so the line with a count of one is missed"),
        Rule(RuleIds.PrintedEscapeSequence, "printed-escape-sequence", RuleFamily.Brittle, LintSeverity.Warning,
            "A printed escape sequence (\\\\n) copied from one sample is required"),
        Rule(RuleIds.TrailingPunctuationAtEnd, "trailing-punctuation-at-end", RuleFamily.Brittle, LintSeverity.Info,
            "The message's final punctuation is required right before the end anchor"),
        Rule(RuleIds.PinnedHttpRequest, "pinned-http-request", RuleFamily.Brittle, LintSeverity.Warning,
            "An access-log request is pinned to one HTTP method, protocol version or response size"),
        Rule(RuleIds.RequestFieldNotEmpty, "request-field-not-empty", RuleFamily.Brittle, LintSeverity.Warning,
            "The access-log request field must not be empty, so the empty request of a scanner is missed"),
        Rule(RuleIds.NumberWidth, "number-width", RuleFamily.Brittle, LintSeverity.Warning,
            "A process id, port or counter is matched with a fixed or bounded number of digits"),
        Rule(RuleIds.IncompleteEnumeration, "incomplete-enumeration", RuleFamily.Brittle, LintSeverity.Warning,
            "An alternation lists members of a protocol vocabulary but misses real ones"),
        Rule(RuleIds.CaseSensitiveClientToken, "case-sensitive-client-token", RuleFamily.Brittle, LintSeverity.Warning,
            "A token the client chooses and the daemon logs as sent is matched in one letter case"),
        Rule(RuleIds.JsonStringEscape, "json-string-escape", RuleFamily.Brittle, LintSeverity.Warning,
            "A JSON string value is matched without its escaped quotes"),
        Rule(RuleIds.LineVariantMissed, "line-variant-missed", RuleFamily.Brittle, LintSeverity.Warning,
            "A line the daemon writes with other spacing (a padded separator, an empty user name) is missed"),
        Rule(RuleIds.NarrowNameClass, "narrow-name-class", RuleFamily.Brittle, LintSeverity.Warning,
            "A host name, user name or e-mail address is matched with a class that lacks the '.', '-' or '@' such names hold"),
        Rule(RuleIds.IPv4OnlyAddress, "address-ipv4-only", RuleFamily.Brittle, LintSeverity.Warning,
            "An address of the line is read as IPv4 only (<IP4>, a hand-written dotted quad), so IPv6 connections are missed"),
        Rule(RuleIds.FieldOptionalElsewhere, "field-optional-elsewhere", RuleFamily.Brittle, LintSeverity.Warning,
            "A field another regex of the filter writes as optional is required here"),
        Rule(RuleIds.CaseOddAlternative, "case-odd-alternative", RuleFamily.Brittle, LintSeverity.Warning,
            "One word of an alternation is written in one case where the others take both cases of their first letter"),
        Rule(RuleIds.JsonFixedSpacing, "json-fixed-spacing", RuleFamily.Brittle, LintSeverity.Warning,
            "JSON is matched with a required space after a key's colon or a comma, so compact JSON lines are missed"),
        Rule(RuleIds.GreedyCatchAllBeforeHost, "greedy-catch-all-before-host", RuleFamily.Unsafe, LintSeverity.Warning,
            "A greedy catch-all before the host is not held by a hard end anchor"),
        Rule(RuleIds.UnanchoredRegex, "unanchored-regex", RuleFamily.Unsafe, LintSeverity.Warning,
            "The regex is not anchored at the start of the line"),
        Rule(RuleIds.InjectableHost, "injectable-host", RuleFamily.Unsafe, LintSeverity.Warning,
            "Attacker-controlled text can forge the host the filter bans"),
        Rule(RuleIds.HostWithoutRightBoundary, "host-without-right-boundary", RuleFamily.Unsafe, LintSeverity.Warning,
            "Nothing after the host ends it, so part of a longer name is banned"),
        Rule(RuleIds.HostWhereAddrMeant, "host-where-addr-meant", RuleFamily.Unsafe, LintSeverity.Info,
            "<HOST> follows a label that says the value is an IP address: <ADDR> is meant"),
        Rule(RuleIds.UserNameEvasion, "user-name-evasion", RuleFamily.Unsafe, LintSeverity.Warning,
            "A user name the client chooses makes the failure slip through"),
        Rule(RuleIds.FloatingKeyword, "floating-keyword", RuleFamily.Unsafe, LintSeverity.Warning,
            "The failure keyword floats between catch-alls and matches in any later field of the line"),
        Rule(RuleIds.SuperLinearBacktracking, "super-linear-backtracking", RuleFamily.Performance, LintSeverity.Warning,
            "Overlapping quantifiers make a crafted line take super-linear time"),
        // Off by default: a few regexes repeating a prefix cost little at real line rates; a suggestion, not a defect.
        Rule(RuleIds.SharedPrefixWithoutPrefRegex, "shared-prefix-without-prefregex", RuleFamily.Performance, LintSeverity.None,
            "Three or more failregexes repeat the same long prefix that a prefregex would match once"),
        Rule(RuleIds.FailRegexWithoutSample, "failregex-without-sample", RuleFamily.Samples, LintSeverity.Warning,
            "No sample line exercises this failregex", needsSamples: true),
        Rule(RuleIds.SampleExpectationNotMet, "sample-expectation-not-met", RuleFamily.Samples, LintSeverity.Error,
            "A sample line's failJSON expectation is not met", needsSamples: true),
    };

    private static readonly Dictionary<string, LintRuleDescriptor> ById = BuildIndex();

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<LintRuleDescriptor> All => AllRules;

    /// <summary>The descriptor of <paramref name="id"/>.</summary>
    public static LintRuleDescriptor Get(string id) =>
        ById.TryGetValue(id, out var d) ? d : throw new ArgumentException("Unknown rule id " + id, nameof(id));

    /// <summary>Looks up <paramref name="id"/> (case-insensitive).</summary>
    public static bool TryGet(string id, out LintRuleDescriptor descriptor) => ById.TryGetValue(id, out descriptor!);

    /// <summary>The help link of a rule: its page under <see cref="HelpUriBase"/>.</summary>
    public static string HelpUriFor(string id) => HelpUriBase + id + ".md";

    private static Dictionary<string, LintRuleDescriptor> BuildIndex()
    {
        var index = new Dictionary<string, LintRuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in AllRules) index.Add(d.Id, d);
        return index;
    }

    private static LintRuleDescriptor Engine(string id, string name, string title, LintSeverity severity = LintSeverity.Error) =>
        new(id, name, RuleFamily.Compile, severity, title) { IsEngineDiagnostic = true };

    private static LintRuleDescriptor Rule(string id, string name, RuleFamily family, LintSeverity severity, string title,
        bool needsSamples = false) =>
        new(id, name, family, severity, title) { NeedsSamples = needsSamples };
}
