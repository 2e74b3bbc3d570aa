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
        Engine(RuleIds.RegexSyntax, "regex-syntax", "The regex is not valid Python re syntax"),
        Engine(RuleIds.RegexUnsupported, "regex-unsupported", "The regex has no faithful .NET translation"),
        Engine(RuleIds.NoFailureIdGroup, "no-failure-id-group", "A failregex has no <HOST>, <ADDR> or <F-ID> group"),
        Engine(RuleIds.EmptyRegex, "empty-regex", "A regex is empty after tag expansion"),
        Engine(RuleIds.DuplicateGroupName, "duplicate-group-name", "A group name is defined twice"),
        Engine(RuleIds.GlobalFlagNotAtStart, "global-flag-not-at-start", "An inline global flag is not at the start of the regex"),
        Engine(RuleIds.RegexTranslated, "python-construct-translated", "A Python construct with a different .NET meaning was translated", LintSeverity.Info),
        Engine(RuleIds.DatePattern, "bad-datepattern", "The datepattern is invalid"),
        Rule(RuleIds.UnexpandedTag, "unexpanded-tag", RuleFamily.Compile, LintSeverity.Warning,
            "A tag-shaped text is not a Fail2Ban tag and matches literally"),
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
        Rule(RuleIds.FloatingKeyword, "floating-keyword", RuleFamily.Unsafe, LintSeverity.Warning,
            "The failure keyword floats between catch-alls and matches in any later field of the line"),
        Rule(RuleIds.SuperLinearBacktracking, "super-linear-backtracking", RuleFamily.Performance, LintSeverity.Warning,
            "Overlapping quantifiers make a crafted line take super-linear time"),
        Rule(RuleIds.SharedPrefixWithoutPrefRegex, "shared-prefix-without-prefregex", RuleFamily.Performance, LintSeverity.Info,
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
