using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Samples;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Which part of a filter a sample line that does not meet its failJSON points at, so that the defect is shown where
/// it is written (a sample log line alone does not say which regex lost it): a wrong time or no date found → the <c>datepattern</c>; a
/// wrong host or user → the failregex that matched; a missed line → the <c>prefregex</c> when it did not match, else the
/// failregex whose literal words the line carries most (case-insensitively, so a word whose case changed still counts),
/// located at the span of those words (the words written in its own file; ties broken by their letters). Null when
/// nothing in the filter stands out.
/// </summary>
internal static class SampleMissAttribution
{
    /// <summary>Literal words this short say nothing about which regex a line belongs to.</summary>
    private const int MinWordLength = 3;

    public static (LintLocation Location, string What)? Attribute(FilterVariant variant, SampleEvaluation evaluation)
    {
        var problems = evaluation.Problems;
        if (problems.Any(p => p.StartsWith("time:", StringComparison.Ordinal)) && variant.Filter.DatePattern is { } date && date.Text.Length > 0)
            return (LintRegex.LocateSource(date, 0, date.Text.Length), "the datepattern gives it another time");
        if (evaluation.Found.Count > 0 && !problems.Any(p => p.StartsWith("Line not matched", StringComparison.Ordinal)))
        {
            var index = evaluation.Found[0].RegexIndex;
            return index >= 0 && index < variant.FailRegexes.Count && problems.Any(p => p.Contains(": expected "))
                ? (variant.FailRegexes[index].OwnLocation(), "this failregex matches it with another value")
                : null;
        }
        if (!evaluation.Entry.ExpectMatch) return null;
        // a line whose date the filter's own datepattern does not find is dropped before any regex runs
        if (evaluation.Result is { NoDate: true, DateTemplate: null } && variant.Filter.DatePattern is { } own && own.Text.Length > 0
            && evaluation.Entry.Get("time") != null && own.Text.IndexOf("{NONE}", StringComparison.OrdinalIgnoreCase) < 0)
            return (LintRegex.LocateSource(own, 0, own.Text.Length), "the datepattern finds no date in it");
        if (variant.PrefRegex is { } pref && evaluation.Result?.PrefRegexMatched == false)
            return (pref.OwnLocation(), "the prefregex does not match it");
        var line = evaluation.Entry.Text;
        (LintLocation Location, int Score, int Letters)? best = null;
        var tied = false;
        foreach (var regex in variant.FailRegexes)
        {
            // only the words written in the regex's own file: a word from an included piece (common.conf's prefix) says
            // nothing about which regex lost the line, and a span across files cannot be shown
            var ownFile = regex.OwnLocation().File;
            var words = LiteralWords(regex.Source.Text)
                .Where(w => line.IndexOf(w.Word, StringComparison.OrdinalIgnoreCase) >= 0
                            && LintRegex.LocateSource(regex.Source, w.Start, w.Word.Length).File == ownFile)
                .ToList();
            if (words.Count == 0) continue;
            var distinct = words.Select(w => w.Word.ToLowerInvariant()).Distinct().ToList();
            var score = distinct.Count;
            var letters = distinct.Sum(w => w.Length);
            if (best is { } b && score == b.Score && letters == b.Letters) { tied = true; continue; }
            if (best is null || score > best.Value.Score || (score == best.Value.Score && letters > best.Value.Letters))
            {
                var start = words.Min(w => w.Start);
                best = (LintRegex.LocateSource(regex.Source, start, words.Max(w => w.Start + w.Word.Length) - start), score, letters);
                tied = false;
            }
        }
        if (best is not { } found || tied) return null;
        return (found.Location, "the failregex nearest to it (by its words) does not match it");
    }

    /// <summary>Runs of letters written literally in a regex: not escapes, classes, tags, quantifiers or group flags.</summary>
    private static IEnumerable<(string Word, int Start)> LiteralWords(string regex)
    {
        var i = 0;
        while (i < regex.Length)
        {
            var c = regex[i];
            if (c == '\\') { i += 2; continue; }
            if (c == '[') { i = ClassEnd(regex, i) + 1; continue; }
            if (c == '<' || c == '{') { var close = regex.IndexOf(c == '<' ? '>' : '}', i); i = close > i ? close + 1 : i + 1; continue; }
            if (c == '(' && i + 1 < regex.Length && regex[i + 1] == '?') { i += 2; continue; }
            if (!char.IsLetter(c)) { i++; continue; }
            var start = i;
            while (i < regex.Length && char.IsLetter(regex[i])) i++;
            // a letter made optional by a quantifier is not part of the word the line must carry
            var end = i < regex.Length && (regex[i] == '?' || regex[i] == '*' || regex[i] == '{') ? i - 1 : i;
            if (end - start >= MinWordLength) yield return (regex.Substring(start, end - start), start);
        }
    }

    /// <summary>The index of the <c>]</c> closing the character class opened at <paramref name="open"/> (the length when unclosed).</summary>
    internal static int ClassEnd(string regex, int open)
    {
        var i = open + 1;
        if (i < regex.Length && regex[i] == '^') i++;
        if (i < regex.Length && regex[i] == ']') i++;
        for (; i < regex.Length; i++)
        {
            if (regex[i] == '\\') { i++; continue; }
            if (regex[i] == ']') return i;
        }
        return regex.Length;
    }
}
