using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Matching;

/// <summary>How a filter's regexes are turned into runnable .NET regexes.</summary>
public sealed class FilterCompileOptions
{
    /// <summary>
    /// The <c>usedns</c> in force when regexes are added. <c>fail2ban-regex</c> and the sample test
    /// ignore the filter's own value and use <c>warn</c>; only <c>no</c> changes <c>&lt;HOST&gt;</c>.
    /// </summary>
    public string UseDns { get; set; } = "warn";

    /// <summary>
    /// Longest time one regex may take on one line; then the line is searched again without backtracking
    /// (<see cref="LinearRetry"/>) or, where that is not possible, reported as timed out (<see cref="LineResult.TimedOut"/>).
    /// </summary>
    public TimeSpan MatchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Compile regexes to IL (worth it for long logs; costs tens of ms per regex up front).</summary>
    public bool CompileToIL { get; set; }

    /// <summary><c>fail2ban-regex -L</c>: replaces the filter's maxlines.</summary>
    public int? MaxLinesOverride { get; set; }

    /// <summary><c>fail2ban-regex -d</c>: replaces the filter's datepattern.</summary>
    public string? DatePatternOverride { get; set; }

    /// <summary>Checked before each regex is translated (the generator passes the compiler's token).</summary>
    public System.Threading.CancellationToken Cancellation { get; set; }
}

/// <summary>
/// Turns a <see cref="ResolvedFilter"/> into a <see cref="CompiledFilter"/> in Fail2Ban's order
/// (spec 1.8, 2): maxlines and prefregex first (they decide MULTILINE and the failure-id rule),
/// then each failregex and ignoreregex. Errors are <see cref="Fail2BanException"/>s located in the
/// <c>.conf</c> where the offending text was written.
/// </summary>
public static class FilterCompiler
{
    public static CompiledFilter Compile(ResolvedFilter filter, FilterCompileOptions? options = null)
    {
        options ??= new FilterCompileOptions();
        var maxLines = options.MaxLinesOverride ?? filter.MaxLines ?? 1;
        if (maxLines < 1)
            throw new Fail2BanException(DiagnosticIds.OptionValue, "maxlines must be integer greater than zero",
                filter.MaxLinesValue?.LocationAt(0));
        var useDnsIsNo = string.Equals(options.UseDns, "no", StringComparison.OrdinalIgnoreCase);

        CompiledRegex? pref = null;
        FilterRegex? prefTranslated = null;
        if (filter.PrefRegex is { } p)
        {
            prefTranslated = Translate(p, FilterRegexKind.Prefix, useDnsIsNo, false);
            pref = ToCompiled(prefTranslated, options, p);
        }
        var fail = new List<CompiledRegex>(filter.FailRegex.Count);
        foreach (var f in filter.FailRegex)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var t = Translate(f, FilterRegexKind.Fail, useDnsIsNo, maxLines > 1);
            try { FilterRegexTranslator.CheckFailureIdRule(t, prefTranslated?.GroupNames); }
            catch (RegexTranslationException e) { throw e.ToFail2BanException(f); }
            fail.Add(ToCompiled(t, options, f));
        }
        var ignore = new List<CompiledRegex>(filter.IgnoreRegex.Count);
        foreach (var i in filter.IgnoreRegex)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            ignore.Add(ToCompiled(Translate(i, FilterRegexKind.Ignore, useDnsIsNo, false), options, i));
        }

        var datePattern = options.DatePatternOverride ?? filter.DatePattern?.Text;
        return new CompiledFilter(filter.Name, pref, fail, ignore, maxLines, datePattern);
    }

    /// <summary>A filter made of one literal failregex (what <c>fail2ban-regex LOG REGEX</c> does with a non-filter argument).</summary>
    public static CompiledFilter CompileLiteral(string failRegex, string? ignoreRegex = null, FilterCompileOptions? options = null)
    {
        options ??= new FilterCompileOptions();
        var maxLines = options.MaxLinesOverride ?? 1;
        var useDnsIsNo = string.Equals(options.UseDns, "no", StringComparison.OrdinalIgnoreCase);
        var source = LocatedString.Unlocated(failRegex);
        var t = Translate(source, FilterRegexKind.Fail, useDnsIsNo, maxLines > 1);
        try { FilterRegexTranslator.CheckFailureIdRule(t, null); }
        catch (RegexTranslationException e) { throw e.ToFail2BanException(source); }
        var ignore = new List<CompiledRegex>();
        if (!string.IsNullOrEmpty(ignoreRegex))
        {
            var ignoreSource = LocatedString.Unlocated(ignoreRegex!);
            ignore.Add(ToCompiled(Translate(ignoreSource, FilterRegexKind.Ignore, useDnsIsNo, false), options, ignoreSource));
        }
        return new CompiledFilter("<literal>", null, new[] { ToCompiled(t, options, source) }, ignore, maxLines, options.DatePatternOverride);
    }

    private static FilterRegex Translate(LocatedString source, FilterRegexKind kind, bool useDnsIsNo, bool multiline)
    {
        try
        {
            return FilterRegexTranslator.Translate(source.Text, kind, useDnsIsNo, multiline);
        }
        catch (RegexTranslationException e)
        {
            throw e.ToFail2BanException(source);
        }
    }

    private static CompiledRegex ToCompiled(FilterRegex translated, FilterCompileOptions options, LocatedString source)
    {
        var regexOptions = translated.Options;
#if NET
        if (options.CompileToIL) regexOptions |= RegexOptions.Compiled;
#endif
        var regex = new Regex(translated.DotNetPattern, regexOptions, options.MatchTimeout);
        return new CompiledRegex(translated.Source, regex, translated.GroupNames) { Translated = translated, LocatedSource = source };
    }
}
