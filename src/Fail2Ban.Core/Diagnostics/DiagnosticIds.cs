namespace Fail2Ban.Core.Diagnostics;

/// <summary>
/// Ids of the errors the engine reports when a filter cannot be read or compiled (block F2B1xxx,
/// "the filter does not compile or does not mean what it says"). Lint rules add their own ids in
/// the blocks of docs/rules; these are shared by the CLI, the generator and the analyzer.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>Malformed INI: no section header, unparsable line, duplicate section or option, bad encoding, empty file.</summary>
    public const string ConfigSyntax = "F2B1001";
    /// <summary>An <c>[INCLUDES]</c> file does not exist (Fail2Ban silently ignores it).</summary>
    public const string MissingInclude = "F2B1002";
    /// <summary>An include chain loops back to a file already being read (Fail2Ban skips it).</summary>
    public const string IncludeCycle = "F2B1003";
    /// <summary><c>%(name)s</c> interpolation failed: unknown name, bad syntax, too deep.</summary>
    public const string Interpolation = "F2B1004";
    /// <summary><c>&lt;tag&gt;</c> substitution failed: self-referencing or too many replacements.</summary>
    public const string TagSubstitution = "F2B1005";
    /// <summary>Malformed <c>name[k=v, …]</c> filter options.</summary>
    public const string FilterOptions = "F2B1006";
    /// <summary>The filter file (or any of its candidates) does not exist.</summary>
    public const string FilterNotFound = "F2B1007";
    /// <summary>An option value has the wrong type (e.g. <c>maxlines</c> not a positive integer).</summary>
    public const string OptionValue = "F2B1008";
    /// <summary>The filter goes past one of the engine's limits (<see cref="EngineLimits"/>): nesting, size, count.</summary>
    public const string LimitExceeded = "F2B1009";

    /// <summary>The regex is not valid Python <c>re</c> syntax (Fail2Ban rejects the filter).</summary>
    public const string RegexSyntax = "F2B1010";
    /// <summary>The regex is valid Python but has no faithful .NET translation.</summary>
    public const string RegexUnsupported = "F2B1011";
    /// <summary>A failregex with no failure-id group (<c>&lt;HOST&gt;</c>, <c>&lt;ADDR&gt;</c>, <c>&lt;F-ID&gt;</c>, …), in it or the prefregex.</summary>
    public const string NoFailureIdGroup = "F2B1012";
    /// <summary>A regex that is empty after tag expansion.</summary>
    public const string EmptyRegex = "F2B1013";
    /// <summary>A group name defined twice (e.g. two <c>&lt;HOST&gt;</c>): Python rejects it, .NET would not.</summary>
    public const string DuplicateGroupName = "F2B1014";
    /// <summary>An inline global flag such as <c>(?i)</c> not at the start of the pattern.</summary>
    public const string GlobalFlagNotAtStart = "F2B1015";
    /// <summary>A Python-to-.NET difference was translated (info: <c>{,n}</c>, <c>\Z</c>, <c>(?P&lt;…&gt;)</c>, …).</summary>
    public const string RegexTranslated = "F2B1016";

    /// <summary>An invalid <c>datepattern</c>.</summary>
    public const string DatePattern = "F2B1020";

    /// <summary>The engine failed on this filter (a bug): reported at the filter instead of crashing or passing silently.</summary>
    public const string InternalError = "F2B9001";
}
