using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// Every diagnostic id the linter reports, in family blocks (see docs/rules). The F2B10xx ids are the
/// engine's own errors (<see cref="DiagnosticIds"/>), reused as the "does not compile" findings; lint
/// rules take free numbers in each block.
/// </summary>
public static class RuleIds
{
    // F2B1xxx: the filter does not compile or does not mean what it says (engine errors).
    public const string ConfigSyntax = DiagnosticIds.ConfigSyntax;
    public const string MissingInclude = DiagnosticIds.MissingInclude;
    public const string IncludeCycle = DiagnosticIds.IncludeCycle;
    public const string Interpolation = DiagnosticIds.Interpolation;
    public const string TagSubstitution = DiagnosticIds.TagSubstitution;
    public const string FilterOptions = DiagnosticIds.FilterOptions;
    public const string FilterNotFound = DiagnosticIds.FilterNotFound;
    public const string OptionValue = DiagnosticIds.OptionValue;
    public const string LimitExceeded = DiagnosticIds.LimitExceeded;
    public const string RegexSyntax = DiagnosticIds.RegexSyntax;
    public const string RegexUnsupported = DiagnosticIds.RegexUnsupported;
    public const string NoFailureIdGroup = DiagnosticIds.NoFailureIdGroup;
    public const string EmptyRegex = DiagnosticIds.EmptyRegex;
    public const string DuplicateGroupName = DiagnosticIds.DuplicateGroupName;
    public const string GlobalFlagNotAtStart = DiagnosticIds.GlobalFlagNotAtStart;
    public const string RegexTranslated = DiagnosticIds.RegexTranslated;
    public const string DatePattern = DiagnosticIds.DatePattern;
    public const string InternalError = DiagnosticIds.InternalError;

    // F2B1xxx: lint rules.
    /// <summary>A tag-shaped text (<c>&lt;host&gt;</c>, <c>&lt;/F-USER&gt;</c> without opening) that Fail2Ban leaves as literal text.</summary>
    public const string UnexpandedTag = "F2B1030";
    /// <summary>A failregex that no line passing the prefregex can reach.</summary>
    public const string UnreachableFailRegex = "F2B1041";
    /// <summary>A journalmatch the journal backend cannot use.</summary>
    public const string JournalMatchSyntax = "F2B1042";
    /// <summary><c>(a||b)</c>: an empty alternative between two <c>|</c>, or several empty ones, that makes a required part optional.</summary>
    public const string EmptyAlternative = "F2B1031";
    /// <summary>An option interpolated into a regex whose own value has unbalanced parentheses, balanced only at the use site.</summary>
    public const string UnbalancedOptionFragment = "F2B1032";
    /// <summary><c>(:?</c> written where the non-capturing group <c>(?:</c> was meant.</summary>
    public const string ColonQuestionTypo = "F2B1033";
    /// <summary><c>[\d+-]</c>, <c>[UDP|TCP]</c>: a character class written where a group or a repeated atom was meant.</summary>
    public const string CharClassTypo = "F2B1034";
    /// <summary><c>(serial \d+)</c>: bare parentheses around text that the log writes in literal parentheses.</summary>
    public const string GroupAroundLiteralText = "F2B1035";
    /// <summary><c>(?::&lt;F-PORT/&gt;)</c>: a group around a separator and a field that changes nothing; <c>(?:…)?</c> was meant.</summary>
    public const string GroupMissingQuantifier = "F2B1036";
    /// <summary><c>'&lt;HOST&gt;' (to database \S+)?$</c>: a space before an optional part instead of inside it, required when the part is left out.</summary>
    public const string SeparatorOutsideOptionalPart = "F2B1043";
    /// <summary><c>fail2ban.actions</c>: an unescaped dot inside a name, so any character (a foreign program's name) matches there.</summary>
    public const string UnescapedDotInName = "F2B1037";
    /// <summary><c>Authentication: Authentication:</c>: a word or phrase written twice in a row, which no daemon logs.</summary>
    public const string RepeatedPhrase = "F2B1038";
    /// <summary><c>&lt;F-RCPT&gt;\S+:&lt;/F-RCPT&gt;</c>: a capture that ends (or starts) with a separator, so every captured value carries it.</summary>
    public const string CaptureIncludesSeparator = "F2B1039";
    /// <summary><c>ignoreregex = .</c>: an ignoreregex that matches every failure line, so the filter never bans.</summary>
    public const string IgnoreRegexMatchesEverything = "F2B1040";

    // F2B2xxx: brittle patterns that miss real lines.
    /// <summary><c>[A-Z]{4}</c>: a fixed-width verb, command or identifier token.</summary>
    public const string FixedWidthToken = "F2B2001";
    /// <summary><c>.d+</c>: a shorthand class missing its backslash.</summary>
    public const string MissingBackslash = "F2B2002";
    /// <summary><c>\(?:</c>: an escaped parenthesis where a group was meant.</summary>
    public const string EscapedGroupParenthesis = "F2B2003";
    /// <summary>An ignoreregex whose tested text (whole line or F-CONTENT) depends on the number of failregexes.</summary>
    public const string IgnoreRegexTextDependsOnFailRegexCount = "F2B2004";
    /// <summary>The client port after the address (<c> port N</c>, <c>:N</c>, <c>,port=N</c>) makes a line miss that the filter's other regexes show the daemon writes.</summary>
    public const string PortAfterAddressMissed = "F2B2006";
    /// <summary>A key=value record end-anchored right after the address field misses the fields daemons append.</summary>
    public const string TrailingFieldMissed = "F2B2007";
    /// <summary>An IPv6 client address is missed or banned as another address.</summary>
    public const string IPv6AddressMishandled = "F2B2008";
    /// <summary>The failure as another log source of the daemon writes it (the journal's <c>host ident[pid]: message</c>) is missed.</summary>
    public const string LogFormatVariantMissed = "F2B2009";
    /// <summary><c>\d+ bytes</c>: a count followed by a literal plural, missing the "1 byte" line.</summary>
    public const string PluralAfterCount = "F2B2010";
    /// <summary><c>unknown\\n</c>: a printed escape sequence (backslash and letter) required where daemons differ.</summary>
    public const string PrintedEscapeSequence = "F2B2011";
    /// <summary><c>no acl matches\.$</c>: sentence punctuation required right before the end anchor.</summary>
    public const string TrailingPunctuationAtEnd = "F2B2012";
    /// <summary><c>"GET /.*HTTP/1\.1" 401 (1382|1384)</c>: an access-log request pinned to one method, version or size.</summary>
    public const string PinnedHttpRequest = "F2B2013";
    /// <summary><c>\[\] "[^"]+" 400</c>: the access-log request field may not be empty, missing the <c>""</c> line.</summary>
    public const string RequestFieldNotEmpty = "F2B2014";
    /// <summary><c>\[[0-9]{2,5}\]</c>, <c>&lt;HOST&gt;:\d\d\d\d\d</c>, <c>on line \d{1,2}</c>: a process id, port or counter matched with a fixed or bounded width.</summary>
    public const string NumberWidth = "F2B2015";
    /// <summary><c>(UDP|TCP|WS)</c>: an enumeration of a protocol vocabulary that misses real members (TLS).</summary>
    public const string IncompleteEnumeration = "F2B2016";
    /// <summary><c>SASL (?:LOGIN|PLAIN)</c>: a token the client chooses, compared in one letter case.</summary>
    public const string CaseSensitiveClientToken = "F2B2017";
    /// <summary><c>"key":"[^"]*"</c>: a JSON string read without its escaped quotes.</summary>
    public const string JsonStringEscape = "F2B2018";

    /// <summary>A line the daemon writes with other spacing (a padded separator, an empty user name) is missed.</summary>
    public const string LineVariantMissed = "F2B2019";
    /// <summary><c>for \w+ from</c>, <c>host [\w-]+</c>: a host name, user name or e-mail address matched without the <c>.</c>, <c>-</c>, <c>@</c> names hold.</summary>
    public const string NarrowNameClass = "F2B2020";
    /// <summary><c>from &lt;IP4&gt;</c>: the banned address read as IPv4 only, so IPv6 clients are never banned.</summary>
    public const string IPv4OnlyAddress = "F2B2021";
    /// <summary><c>relay=\S+ \[</c> where another regex of the filter writes <c>relay=(\S+ )?\[</c>: a field the daemon leaves out, required here.</summary>
    public const string FieldOptionalElsewhere = "F2B2022";
    /// <summary><c>[Ff]ile|script|[Gg]ot</c>: one word of an alternation in one case where the others take both cases of their first letter.</summary>
    public const string CaseOddAlternative = "F2B2023";
    /// <summary><c>"key": "value"</c>: JSON matched with a required space after <c>":</c> or <c>,</c>, so compact JSON is missed.</summary>
    public const string JsonFixedSpacing = "F2B2005";

    // F2B3xxx: unsafe patterns (log injection, wrong address banned).
    /// <summary>A greedy catch-all before the host with nothing hard after it (upstream's own check).</summary>
    public const string GreedyCatchAllBeforeHost = "F2B3001";
    /// <summary>A regex not anchored at the start of the line.</summary>
    public const string UnanchoredRegex = "F2B3002";
    /// <summary>An attacker-controlled span lets a forged host literal choose the banned address.</summary>
    public const string InjectableHost = "F2B3003";
    /// <summary>The host is not followed by anything that ends it.</summary>
    public const string HostWithoutRightBoundary = "F2B3004";
    /// <summary><c>&lt;HOST&gt;</c> where every sample carries an address: <c>&lt;ADDR&gt;</c> is meant.</summary>
    public const string HostWhereAddrMeant = "F2B3005";
    /// <summary>A user name a client can choose (a space, a quote, a backslash) makes the failure slip through.</summary>
    public const string UserNameEvasion = "F2B3007";
    /// <summary><c>&lt;HOST&gt; .*Googlebot.*$</c>: the failure keyword floats between catch-alls, so it matches in any later field.</summary>
    public const string FloatingKeyword = "F2B3006";

    // F2B4xxx: performance and denial of service.
    /// <summary>Overlapping quantifiers that backtrack super-linearly on a crafted line.</summary>
    public const string SuperLinearBacktracking = "F2B4001";
    /// <summary>Three or more failregexes share a long leading prefix and the filter has no prefregex to match it once.</summary>
    public const string SharedPrefixWithoutPrefRegex = "F2B4002";

    // F2B5xxx: samples and coverage.
    /// <summary>A failregex that no sample line exercises.</summary>
    public const string FailRegexWithoutSample = "F2B5001";
    /// <summary>A sample line whose <c>failJSON</c> expectation the filter does not meet.</summary>
    public const string SampleExpectationNotMet = "F2B5002";
}
