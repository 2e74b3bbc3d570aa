using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// A mechanical change to one regex of a filter (a width <c>{4}</c> → <c>{4,}</c>, an optional field, case-insensitive
/// matching) that the real matcher confirmed: with it, the filter reports a failure for every example line.
/// </summary>
public sealed class RegexSuggestion
{
    private RegexSuggestion(string regexName, string kind, string before, string after, SourceLocation? writtenAt)
    {
        RegexName = regexName;
        Kind = kind;
        Before = before;
        After = after;
        WrittenAt = writtenAt;
    }

    /// <summary><c>failregex #1</c> or <c>prefregex</c>.</summary>
    public string RegexName { get; }

    /// <summary><c>width</c>, <c>optional field</c> or <c>case</c>.</summary>
    public string Kind { get; }

    /// <summary>The regex text replaced, and its replacement.</summary>
    public string Before { get; }

    public string After { get; }

    /// <summary>Where the replaced text is written in the <c>.conf</c> (after interpolation: the variable's line).</summary>
    public SourceLocation? WrittenAt { get; }

    public string Describe() => RegexName + ": " + Kind + ": '" + Before + "' -> '" + After + "'" + (WrittenAt is { } at ? " (written at " + at + ")" : "");

    /// <summary>
    /// The first candidate change to the regex that stopped <paramref name="progress"/>'s line that makes the filter report
    /// a failure on every line of <paramref name="examples"/>; null when none does.
    /// </summary>
    public static RegexSuggestion? Find(CompiledFilter filter, MissProgress progress, IReadOnlyList<string> examples, DateDetectorSettings dates)
    {
        var isPref = progress.RegexIndex < 0;
        if (isPref && filter.PrefRegex is null) return null;
        var regex = isPref ? filter.PrefRegex! : filter.FailRegexes[progress.RegexIndex];
        if (regex.Translated is null) return null;
        var name = isPref ? "prefregex" : "failregex #" + (progress.RegexIndex + 1);
        foreach (var (kind, start, length, replacement) in Candidates(regex.Source, progress.Explanation))
        {
            var source = regex.Source.Substring(0, start) + replacement + regex.Source.Substring(start + length);
            if (!Accepts(filter, progress.RegexIndex, regex, source, examples, dates)) continue;
            var before = regex.Source.Substring(start, length);
            return new RegexSuggestion(name, kind, before.Length == 0 ? "" : before, replacement, regex.LocatedSource?.LocationAt(start));
        }
        return null;
    }

    /// <summary>The changes tried, most specific first: widths, then the failing part made optional, then case.</summary>
    private static IEnumerable<(string Kind, int Start, int Length, string Replacement)> Candidates(string source, RegexMissExplanation? explanation)
    {
        foreach (Match q in Quantifier.Matches(source))
        {
            var atom = AtomBefore(source, q.Index);
            if (atom < 0) continue;
            var widened = q.Groups[2].Success ? "{" + q.Groups[1].Value + ",}" : "{" + q.Groups[1].Value + ",}";
            yield return ("width", atom, q.Index + q.Length - atom, source.Substring(atom, q.Index - atom) + widened);
        }
        if (explanation?.FailingSourceSpan is { } span && span.Length > 0 && span.Start + span.Length <= source.Length)
        {
            var part = source.Substring(span.Start, span.Length);
            yield return ("optional field", span.Start, span.Length, "(?:" + part + ")?");
            yield return ("optional field", span.Start, 0, @"(?:\S+ )?");
        }
        if (!source.StartsWith("(?i)", StringComparison.Ordinal)) yield return ("case", 0, 0, "(?i)");
    }

    /// <summary><c>{n}</c> and <c>{m,n}</c> (not <c>{m,}</c>, already open).</summary>
    private static readonly Regex Quantifier = new(@"(?<!\\)\{(\d+)(?:,(\d+))?\}", RegexOptions.CultureInvariant);

    /// <summary>Where the atom a quantifier at <paramref name="at"/> applies to starts (a class, an escape, a character); -1 for a group.</summary>
    private static int AtomBefore(string source, int at)
    {
        if (at == 0) return -1;
        var last = source[at - 1];
        if (last == ')') return -1;
        if (last == ']')
        {
            for (var i = at - 2; i >= 0; i--)
                if (source[i] == '[' && (i == 0 || source[i - 1] != '\\')) return i;
            return -1;
        }
        return at >= 2 && source[at - 2] == '\\' ? at - 2 : at - 1;
    }

    private static bool Accepts(CompiledFilter filter, int index, CompiledRegex regex, string source, IReadOnlyList<string> examples, DateDetectorSettings dates)
    {
        CompiledRegex replacement;
        try
        {
            var t = FilterRegexTranslator.Translate(source, regex.Translated!.Kind, useDnsIsNo: false, filter.MaxLines > 1);
            replacement = new CompiledRegex(t.Source, new Regex(t.DotNetPattern, t.Options, TimeSpan.FromMilliseconds(200)), t.GroupNames) { Translated = t };
        }
        catch (Exception e) when (e is RegexTranslationException or ArgumentException)
        {
            return false;
        }
        var fails = filter.FailRegexes.ToList();
        if (index >= 0) fails[index] = replacement;
        var changed = new CompiledFilter(filter.Name, index < 0 ? replacement : filter.PrefRegex, fails, filter.IgnoreRegexes, filter.MaxLines, filter.DatePattern);
        var matcher = new FilterMatcher(changed, new MatcherOptions { RawHost = true, Now = dates.Now ?? 0, WallClock = () => 0 }, dates);
        foreach (var line in examples)
            if (!LineOutcome.From(matcher.ProcessLine(line)).Matched) return false;
        return examples.Count > 0;
    }
}
