using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Fail2Ban's process-wide date template cache (<c>DD_patternCache</c> and the default list):
/// templates keyed by pattern (upper-cased when it has no <c>%</c>), so detectors share template
/// objects, their global hit counters and weights. <c>%ExY</c> depends on <see cref="Year"/>.
/// </summary>
public sealed class DateTemplateCache
{
    private static readonly ConcurrentDictionary<int, DateTemplateCache> SharedByYear = new();

    // DateDetectorCache.DEFAULT_TEMPLATES (master), in order.
    private static readonly string[] DefaultPatterns =
    {
        @"%ExY(?P<_sep>[-/.])%m(?P=_sep)%d(?:T|  ?)%H:%M:%S(?:[.,]%f)?(?:\s*%z)?",
        @"(?:%a )?%b %d %k:%M:%S(?:\.%f)?(?: %ExY)?",
        @"(?:%a )?%b %d %ExY %k:%M:%S(?:\.%f)?",
        @"%d(?P<_sep>[-/])%m(?P=_sep)(?:%ExY|%Exy) %k:%M:%S",
        @"%d(?P<_sep>[-/])%b(?P=_sep)%ExY[ :]?%H:%M:%S(?:\.%f)?(?: %z)?",
        @"%m/%d/%ExY:%H:%M:%S",
        @"%m-%d-%ExY %k:%M:%S(?:\.%f)?",
        @"EPOCH",
        @"{^LN-BEG}%H:%M:%S",
        @"^<%m/%d/%Exy@%H:%M:%S>",
        @"%Exy%Exm%Exd  ?%H:%M:%S",
        @"%b %d, %ExY %I:%M:%S %p",
        @"^%b-%d-%Exy %k:%M:%S",
        @"%ExY%Exm%Exd(?:-|T|  ?)%ExH:?%ExM:?%ExS(?:[.,]%f)?(?:\s*%z)?",
        @"(?:%Z )?(?:%a )?%b %d %k:%M:%S(?:\.%f)?(?: %ExY)?",
        @"(?:%z )?(?:%a )?%b %d %k:%M:%S(?:\.%f)?(?: %ExY)?",
        @"TAI64N",
    };

    private const string EpochDigits = @"\d{10,11}\b(?:\.\d{3,6})?";
    private const string LongEpochDigits = @"\d{10,11}(?:\d{3}(?:\.\d{1,6}|\d{3})?)?";

    private static readonly Regex NoBoundsPrefix = new(@"^\{UNB\}", RegexOptions.CultureInvariant);
    private static readonly Regex LineBeginPrefix = new(@"^\{\^LN-BEG\}", RegexOptions.CultureInvariant);
    private static readonly Regex StartAnchorPrefix = new(@"^\((?:\?:)?\^\|\\b\|\\W\)", RegexOptions.CultureInvariant);
    private static readonly Regex EndAnchorSuffix = new(@"\(\?=\\b\|\\W\|\$\)$", RegexOptions.CultureInvariant);
    private static readonly Regex AlphaDirective = new(@"(?<!%)%[aAbBpc]", RegexOptions.CultureInvariant);
    private static readonly Regex EpochPlaceholder = new(@"(?<!\\)\{L?EPOCH\}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly object gate = new();
    private readonly Dictionary<string, DateTemplate> byKey = new(StringComparer.Ordinal);
    private DateTemplate[]? sourceDefaults;
    private DateTemplate[]? defaults;

    /// <summary>A fresh, empty cache (its own hit counters) computing <c>%ExY</c> for <paramref name="currentYear"/>.</summary>
    public DateTemplateCache(int currentYear)
    {
        if (currentYear < 1000 || currentYear > 9995) throw new ArgumentOutOfRangeException(nameof(currentYear));
        Year = currentYear;
    }

    /// <summary>The process-wide cache for a year (Fail2Ban has exactly one per process).</summary>
    public static DateTemplateCache ForYear(int currentYear) => SharedByYear.GetOrAdd(currentYear, y => new DateTemplateCache(y));

    /// <summary>The process-wide cache for the current year of the real clock.</summary>
    public static DateTemplateCache Shared => ForYear(DateTime.Now.Year);

    /// <summary>The year <c>%ExY</c> is computed from (spec 4.3).</summary>
    public int Year { get; }

    /// <summary>The 17 source default templates (spec 4.4, in source order).</summary>
    public IReadOnlyList<DateTemplate> SourceDefaults
    {
        get
        {
            lock (gate) return EnsureSourceDefaults();
        }
    }

    /// <summary>The 31 default templates: 14 line-anchored copies (weight 100), then the 17 sources.</summary>
    public IReadOnlyList<DateTemplate> Defaults
    {
        get
        {
            lock (gate) return EnsureDefaults();
        }
    }

    /// <summary>Fail2Ban's cache key of a datepattern piece: upper-cased when it has no <c>%</c>.</summary>
    internal static string KeyOf(string pattern) => pattern.IndexOf('%') >= 0 ? pattern : pattern.ToUpperInvariant();

    /// <summary>Fail2Ban's <c>DateTemplate.unboundPattern</c>: drops <c>{UNB}</c>, <c>{^LN-BEG}</c> and explicit boundary wrappers.</summary>
    internal static string UnboundPattern(string pattern) =>
        EndAnchorSuffix.Replace(StartAnchorPrefix.Replace(LineBeginPrefix.Replace(NoBoundsPrefix.Replace(pattern, "", 1), "", 1), "", 1), "", 1);

    internal object Gate => gate;

    internal DateTemplate? Lookup(string key) => byKey.TryGetValue(key, out var t) ? t : null;

    internal void Store(string key, DateTemplate template) => byKey[key] = template;

    /// <summary>Fail2Ban's <c>_getPatternTemplate</c>: the cached template of a piece, created on demand.</summary>
    internal DateTemplate GetPatternTemplate(string pattern, string? key = null)
    {
        key ??= KeyOf(pattern);
        var template = Lookup(key);
        if (template is null)
        {
            if (key.IndexOf("EPOCH", StringComparison.Ordinal) >= 0)
            {
                var longForm = key.IndexOf("LEPOCH", StringComparison.Ordinal) >= 0;
                if (EpochPlaceholder.IsMatch(pattern)) template = CreateCustomEpoch(pattern, longForm);
                else if (key is "EPOCH" or "{^LN-BEG}EPOCH" or "^EPOCH") template = CreateEpoch(key != "EPOCH", false);
                else if (key is "LEPOCH" or "{^LN-BEG}LEPOCH" or "^LEPOCH") template = CreateEpoch(key != "LEPOCH", true);
            }
            if (template is null)
            {
                template = key is "TAI64N" or "{^LN-BEG}TAI64N" or "^TAI64N"
                    ? CreateTai64N(key != "TAI64N")
                    : CreatePattern(pattern);
            }
        }
        Store(key, template);
        return template;
    }

    /// <summary>
    /// Fail2Ban's <c>_getAnchoredTemplate</c>: the template for <paramref name="wrap"/> applied to a
    /// template's name and pattern (its name for Epoch/TAI64N), looked up by name, then pattern.
    /// </summary>
    internal DateTemplate GetWrappedTemplate(DateTemplate template, Func<string, string> wrap)
    {
        var name = wrap(template.Name);
        var found = Lookup(name);
        if (found is not null) return found;
        if (template.Kind != DateTemplateKind.Pattern || template.Pattern is null) return GetPatternTemplate(name);
        var pattern = wrap(template.Pattern);
        return Lookup(pattern) ?? GetPatternTemplate(pattern);
    }

    private DateTemplate[] EnsureSourceDefaults()
    {
        if (sourceDefaults is null)
        {
            var list = new DateTemplate[DefaultPatterns.Length];
            for (var i = 0; i < list.Length; i++) list[i] = GetPatternTemplate(DefaultPatterns[i]);
            sourceDefaults = list;
        }
        return sourceDefaults;
    }

    private DateTemplate[] EnsureDefaults()
    {
        if (defaults is null)
        {
            var anchored = new List<DateTemplate>();
            var sources = EnsureSourceDefaults();
            foreach (var template in sources)
            {
                var name = template.Name;
                if (name.StartsWith(TemplateRegexBuilder.LineBeginNamePrefix, StringComparison.Ordinal) || name.StartsWith("^", StringComparison.Ordinal))
                    continue;
                var copy = GetWrappedTemplate(template, s => TemplateRegexBuilder.LineBeginNamePrefix + s);
                if (copy.Name == name) continue;
                copy.Weight = 100.0;
                anchored.Add(copy);
            }
            anchored.AddRange(sources);
            defaults = anchored.ToArray();
        }
        return defaults;
    }

    // DatePatternRegex: {UNB} / {^LN-BEG} prefixes, directives, (?iu) for alphabetic ones, boundaries.
    private DateTemplate CreatePattern(string pattern)
    {
        var original = pattern;
        var begin = TemplateRegexBuilder.BeginMode.Word;
        var wordEnd = true;
        if (pattern.StartsWith("{UNB}", StringComparison.Ordinal))
        {
            pattern = pattern.Substring(5);
            begin = TemplateRegexBuilder.BeginMode.None;
            wordEnd = false;
        }
        if (begin != TemplateRegexBuilder.BeginMode.None && pattern.StartsWith(TemplateRegexBuilder.LineBeginNamePrefix, StringComparison.Ordinal))
        {
            pattern = pattern.Substring(TemplateRegexBuilder.LineBeginNamePrefix.Length);
            begin = TemplateRegexBuilder.BeginMode.LineStart;
        }
        if (!TimeDirectives.TryExpand(pattern, Year, out var regex, out var name, out var error))
            throw new Fail2BanException(DiagnosticIds.DatePattern,
                "Failed to set datepattern '" + original + "' (may be an invalid format or unescaped percent char): " + error);
        if (AlphaDirective.IsMatch(pattern)) regex = "(?iu)" + regex;
        var final = TemplateRegexBuilder.Build(regex, begin, wordEnd, ref name, out var flags);
        return new DateTemplate(DateTemplateKind.Pattern, name, original, final, flags);
    }

    private static DateTemplate CreateEpoch(bool lineBeginOnly, bool longForm)
    {
        var digits = longForm ? LongEpochDigits : EpochDigits;
        var name = longForm ? "LongEpoch" : "Epoch";
        string final;
        DateTemplateFlags flags;
        if (!lineBeginOnly)
        {
            // Already anchored at line start, after "[" or after "audit(".
            var regex = @"((?:^|(?P<square>(?<=^\[))|(?P<selinux>(?<=\baudit\()))" + digits + @")(?:(?(selinux)(?=:\d+\)))|(?(square)(?=\])))";
            final = TemplateRegexBuilder.Build(regex, TemplateRegexBuilder.BeginMode.None, true, ref name, out flags);
        }
        else
        {
            var regex = @"((?P<square>(?<=^\[))?" + digits + @")(?(square)(?=\]))";
            final = TemplateRegexBuilder.Build(regex, TemplateRegexBuilder.BeginMode.LineStart, true, ref name, out flags);
        }
        return new DateTemplate(longForm ? DateTemplateKind.LongEpoch : DateTemplateKind.Epoch, name, null, final, flags);
    }

    // Master: {EPOCH}/{LEPOCH} become "(digits)"; the whole pattern is wrapped only when it has no
    // plain group of its own; the value is read from group 2.
    private static DateTemplate CreateCustomEpoch(string pattern, bool longForm)
    {
        var digits = longForm ? LongEpochDigits : EpochDigits;
        var regex = EpochPlaceholder.Replace(pattern, _ => "(" + digits + ")");
        if (!TemplateRegexBuilder.HasPlainGroup(pattern)) regex = "(" + regex + ")";
        var name = pattern;
        var final = TemplateRegexBuilder.Build(regex, TemplateRegexBuilder.BeginMode.Word, true, ref name, out var flags);
        return new DateTemplate(longForm ? DateTemplateKind.LongEpoch : DateTemplateKind.Epoch, name, pattern, final, flags, valueGroupNumber: 2);
    }

    private static DateTemplate CreateTai64N(bool lineStart)
    {
        var name = "TAI64N";
        var final = TemplateRegexBuilder.Build("@[0-9a-f]{24}",
            lineStart ? TemplateRegexBuilder.BeginMode.LineStart : TemplateRegexBuilder.BeginMode.None, true, ref name, out var flags);
        return new DateTemplate(DateTemplateKind.Tai64N, name, null, final, flags);
    }
}
