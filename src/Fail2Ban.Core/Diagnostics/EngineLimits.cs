namespace Fail2Ban.Core.Diagnostics;

/// <summary>
/// The bounds the engine puts on what a filter (or a log) may make it do, so that a hostile or broken
/// input ends in a located <see cref="DiagnosticIds.LimitExceeded"/> error instead of a stack overflow,
/// gigabytes of memory or a hang, in the CLI and inside the compiler alike. Where Fail2Ban has a limit
/// of its own the constant is that limit; the others are far above anything a real filter needs
/// (docs/rules/F2B1009.md lists them with the largest value seen in Fail2Ban's own filters).
/// </summary>
public static class EngineLimits
{
    /// <summary>
    /// Deepest group nesting (<c>( (?: (?= (?( …</c>) of a regex after tag expansion. Fail2Ban's own limit:
    /// Python's <c>re</c> parser recurses twice per level and fails with <c>RecursionError</c> past it
    /// (measured with fail2ban-regex 1.0.2 on Python 3.11: 492 levels load, 493 do not).
    /// </summary>
    public const int MaxRegexNesting = 492;

    /// <summary>Longest regex after tag expansion, in characters (Fail2Ban's filters: under 2,000).</summary>
    public const int MaxRegexLength = 4 * 1024 * 1024;

    /// <summary>Longest option value after <c>%(name)s</c> interpolation or <c>&lt;tag&gt;</c> substitution, in characters.</summary>
    public const int MaxValueLength = 4 * 1024 * 1024;

    /// <summary>Most regexes in one filter (all failregex, ignoreregex and prefregex lines; Fail2Ban's filters: under 100).</summary>
    public const int MaxRegexCount = 2000;

    /// <summary>
    /// Largest repetition count the evidence generator writes out in full (<c>[a-z]{999999999}</c> would be
    /// a gigabyte line); a larger count makes the evidence for that regex unavailable, not the filter invalid.
    /// </summary>
    public const int MaxGeneratedRepeat = 1000;

    /// <summary>Longest text the evidence generator builds for one regex, in characters.</summary>
    public const int MaxGeneratedTextLength = 64 * 1024;

    /// <summary>Largest config file read, in bytes (Fail2Ban's largest filter: under 20 KB).</summary>
    public const long MaxConfigFileBytes = 8 * 1024 * 1024;

    /// <summary>Deepest include chain (<c>before</c>/<c>after</c> inside included files).</summary>
    public const int MaxIncludeDepth = 64;

    /// <summary>Most files an include graph expands to (diamond-shaped include graphs grow exponentially).</summary>
    public const int MaxExpandedFiles = 10000;

    /// <summary>
    /// Wall-clock limit of one date-template search on one line. A line past it is reported as timed out (<c>timedOut</c>
    /// in JSON), never processed as a line without a date. Longer than the filter regexes' 2 s: Fail2Ban's own templates
    /// are linear but take about 1 s each on a 10 MB line, and must not be cut there.
    /// </summary>
    public static readonly System.TimeSpan DateMatchTimeout = System.TimeSpan.FromSeconds(10);

    /// <summary><c>%(name)s</c> interpolation depth: Python's <c>configparser</c> MAX_INTERPOLATION_DEPTH, as Fail2Ban uses it.</summary>
    public const int MaxInterpolationDepth = 10;

    /// <summary>Times one <c>&lt;tag&gt;</c> may be substituted into an option: Fail2Ban's MAX_TAG_REPLACE_COUNT.</summary>
    public const int MaxTagReplaceCount = 25;
}
