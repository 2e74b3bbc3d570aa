using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// A filter read with one set of options (one <c>mode</c>), its regexes prepared as Fail2Ban prepares
/// them, and the compile errors found on the way. When everything compiles it can build the
/// <see cref="CompiledFilter"/> the real matcher runs.
/// </summary>
internal sealed class FilterVariant
{
    /// <summary>How long one regex may search one generated line before it counts as "no match".</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(100);

    private CompiledFilter? _compiled;

    private FilterVariant(ResolvedFilter filter, string? mode, string? logType)
    {
        Filter = filter;
        Mode = mode;
        LogType = logType;
    }

    public ResolvedFilter Filter { get; }

    /// <summary>The <c>mode</c> value this variant was read with, or null for a filter without modes.</summary>
    public string? Mode { get; }

    /// <summary>The <c>logtype</c> value this variant was read with, or null when the filter is linted with one logtype only.</summary>
    public string? LogType { get; }

    /// <summary>The variant's place among those linted (what its findings are attributed to).</summary>
    public VariantKey Key => new(Mode, LogType);

    public LintRegex? PrefRegex { get; private set; }

    public IReadOnlyList<LintRegex> FailRegexes { get; private set; } = Array.Empty<LintRegex>();

    public IReadOnlyList<LintRegex> IgnoreRegexes { get; private set; } = Array.Empty<LintRegex>();

    /// <summary>Regexes Fail2Ban would reject: (the source string, the error).</summary>
    public List<(LocatedString Source, RegexTranslationException Error)> Errors { get; } = new();

    public bool Compiles => Errors.Count == 0;

    public bool IsMultiLine => (Filter.MaxLines ?? 1) > 1;

    /// <summary>
    /// True for the filter's last mode (or its only variant): variants are linted in mode order (once per
    /// logtype, the cross-variant state started afresh for each), so a rule that judges a whole filter across
    /// its modes decides here.
    /// </summary>
    public bool IsLastMode => Mode is null || Filter.Modes.Count <= 1 || Mode == Filter.Modes[Filter.Modes.Count - 1];

    /// <summary>Every regex, prefregex first.</summary>
    public IEnumerable<LintRegex> AllRegexes
    {
        get
        {
            if (PrefRegex != null) yield return PrefRegex;
            foreach (var r in FailRegexes) yield return r;
            foreach (var r in IgnoreRegexes) yield return r;
        }
    }

    /// <summary>The text of every regex as the config reader produced it (prefregex first), whether it compiles or not.</summary>
    public IEnumerable<LocatedString> RegexSources
    {
        get
        {
            if (Filter.PrefRegex is { } pref) yield return pref;
            foreach (var r in Filter.FailRegex) yield return r;
            foreach (var r in Filter.IgnoreRegex) yield return r;
        }
    }

    /// <summary>Prepares every regex of <paramref name="filter"/> (spec 2), collecting the errors.</summary>
    public static FilterVariant Prepare(ResolvedFilter filter, string? mode, string? logType = null)
    {
        var variant = new FilterVariant(filter, mode, logType);
        var useDnsIsNo = filter.UseDns == "no";
        var multiline = variant.IsMultiLine;
        if (filter.PrefRegex is { } pref && pref.Text.Length > 0)
            variant.PrefRegex = variant.TryPrepare(pref, FilterRegexKind.Prefix, 0, useDnsIsNo, multiline);
        var fails = new List<LintRegex>();
        for (var i = 0; i < filter.FailRegex.Count; i++)
        {
            var r = variant.TryPrepare(filter.FailRegex[i], FilterRegexKind.Fail, i, useDnsIsNo, multiline);
            if (r is null) continue;
            try
            {
                FilterRegexTranslator.CheckFailureIdRule(r.Regex, variant.PrefRegex?.Regex.GroupNames);
                fails.Add(r);
            }
            catch (RegexTranslationException e)
            {
                variant.Errors.Add((r.Source, e));
            }
        }
        var ignores = new List<LintRegex>();
        for (var i = 0; i < filter.IgnoreRegex.Count; i++)
            if (variant.TryPrepare(filter.IgnoreRegex[i], FilterRegexKind.Ignore, i, useDnsIsNo, multiline) is { } r)
                ignores.Add(r);
        variant.FailRegexes = fails;
        variant.IgnoreRegexes = ignores;
        return variant;
    }

    /// <summary>
    /// Whether <paramref name="other"/> reads exactly as <paramref name="filter"/>: the same regexes, datepattern and
    /// options written at the same places, so linting it again could only repeat the same findings.
    /// </summary>
    public static bool ReadsAlike(ResolvedFilter filter, ResolvedFilter other) =>
        Equals(filter.PrefRegex, other.PrefRegex) && filter.FailRegex.SequenceEqual(other.FailRegex)
        && filter.IgnoreRegex.SequenceEqual(other.IgnoreRegex) && Equals(filter.DatePattern, other.DatePattern)
        && Equals(filter.MaxLinesValue, other.MaxLinesValue) && Equals(filter.UseDnsValue, other.UseDnsValue)
        && filter.JournalMatch.SequenceEqual(other.JournalMatch);

    /// <summary>Prepares <paramref name="source"/> as a regex of <paramref name="kind"/> of this variant (used to test a fix).</summary>
    public FilterRegex Prepare(string source, FilterRegexKind kind) =>
        FilterRegexTranslator.Translate(source, kind, Filter.UseDns == "no", IsMultiLine);

    /// <summary>The filter the real matcher runs on generated lines (only when <see cref="Compiles"/>).</summary>
    public CompiledFilter Compile() => _compiled ??= Build(null, null, ProbeTimeout);

    /// <summary>The filter with each regex limited to <paramref name="timeout"/> per line (sample replays use Fail2Ban's patience).</summary>
    public CompiledFilter Compile(TimeSpan timeout) => Build(null, null, timeout);

    /// <summary>The filter with <paramref name="target"/> replaced by <paramref name="replacement"/> (a fix under test).</summary>
    public CompiledFilter CompileWith(LintRegex target, FilterRegex replacement) => Build(target, replacement, ProbeTimeout);

    private CompiledFilter Build(LintRegex? target, FilterRegex? replacement, TimeSpan timeout)
    {
        FilterRegex Pick(LintRegex r) => ReferenceEquals(r, target) ? replacement! : r.Regex;
        CompiledRegex ToCompiled(FilterRegex r) =>
            new(r.Source, new System.Text.RegularExpressions.Regex(r.DotNetPattern, r.Options, timeout), r.GroupNames) { Translated = r };
        var fails = FailRegexes.Select(r => ToCompiled(Pick(r))).ToList();
        return new CompiledFilter(Filter.Name, PrefRegex is null ? null : ToCompiled(Pick(PrefRegex)), fails,
            IgnoreRegexes.Select(r => ToCompiled(Pick(r))).ToList(), Filter.MaxLines ?? 1, Filter.DatePattern?.Text);
    }

    private LintRegex? TryPrepare(LocatedString source, FilterRegexKind kind, int index, bool useDnsIsNo, bool multiline)
    {
        try
        {
            return new LintRegex(kind, index, source, FilterRegexTranslator.Translate(source.Text, kind, useDnsIsNo, multiline));
        }
        catch (RegexTranslationException e)
        {
            Errors.Add((source, e));
            return null;
        }
    }
}
