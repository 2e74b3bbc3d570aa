using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Says why a line produced no failure, in the terms a filter author needs: no date found, the
/// prefregex did not match (and where it stopped), an ignoreregex took it, or which failregex came
/// closest and which part of it failed on which text. Runs only for lines being reported.
/// </summary>
public static class MissExplainer
{
    /// <summary>One-paragraph explanation of why <paramref name="result"/> has no failure.</summary>
    public static IReadOnlyList<string> Explain(CompiledFilter filter, LineResult result, bool suppliedTime)
    {
        var reasons = new List<string>();
        if (result.Error is { } error)
        {
            reasons.Add(error);
            return reasons;
        }
        if (!suppliedTime)
        {
            if (result.DateTemplate is null) reasons.Add("no date found: no date template matched the line (the line is still tested, without a time)");
            else if (result.NoDate) reasons.Add("date text '" + result.Tuple.DateText + "' found by template " + result.DateTemplate + " could not be converted to a time");
        }
        var subject = result.Tuple.Before + result.Tuple.After + "\n";
        if (filter.IgnoreRegexes.Count > 0 && result.IgnoreRegexMatched)
        {
            foreach (var i in result.IgnoreRegexHits)
                reasons.Add("ignored: ignoreregex #" + (i + 1) + " matched" + Where(filter.IgnoreRegexes[i]));
            return reasons;
        }
        if (filter.PrefRegex is { } pref)
        {
            var pm = SafeMatch(pref.Regex, subject);
            if (pm is null)
            {
                reasons.Add("prefregex did not match" + Where(pref) + Describe(pref, subject));
                return reasons;
            }
            var content = pm.Groups["content"];
            if (content.Success && content.Length > 0) subject = content.Value + "\n";
        }
        if (filter.MaxLines > 1)
            reasons.Add("multi-line filter (maxlines=" + filter.MaxLines + "): failregexes see the last lines together; shown against this line alone");

        var (bestIndex, best, matches) = Closest(filter, subject);
        if (matches)
            reasons.Add("failregex #" + (bestIndex + 1) + Where(filter.FailRegexes[bestIndex]) + " matches, but gave no failure (no usable host/id, a pending multi-line id, or F-NOFAIL)");
        else if (best is null) reasons.Add("no failregex matched");
        else reasons.Add("closest failregex #" + (bestIndex + 1) + Where(filter.FailRegexes[bestIndex]) + Describe(best, subject, filter.FailRegexes[bestIndex]));
        return reasons;
    }

    /// <summary>
    /// How far the filter got on a line it missed, as a number for ranking near misses: the prefregex counts for the
    /// first half (its share of the line reached), the closest failregex for the second (its share of the content).
    /// Null for a line with an error or taken by an ignoreregex.
    /// </summary>
    public static MissProgress? Progress(CompiledFilter filter, LineResult result)
    {
        if (result.Error is not null || result.IgnoreRegexMatched) return null;
        var subject = result.Tuple.Before + result.Tuple.After + "\n";
        var prefShare = 0.0;
        if (filter.PrefRegex is { } pref)
        {
            var pm = SafeMatch(pref.Regex, subject);
            if (pm is null)
            {
                if (pref.Translated is null) return new MissProgress(-1, null, subject, 0);
                try
                {
                    var e = RegexMissExplainer.Explain(pref.Translated, subject);
                    return new MissProgress(-1, e, subject, 0.5 * Math.Min(e.SubjectOffsetReached, subject.Length) / subject.Length);
                }
                catch (RegexMatchTimeoutException) { return new MissProgress(-1, null, subject, 0); }
            }
            var content = pm.Groups["content"];
            if (content.Success && content.Length > 0) subject = content.Value + "\n";
            prefShare = 0.5;
        }
        var (index, best, matches) = Closest(filter, subject);
        if (matches) return new MissProgress(index, null, subject, 1);
        if (best is null) return new MissProgress(-1, null, subject, prefShare);
        var reached = Math.Min(best.SubjectOffsetReached, subject.Length) / (double)subject.Length;
        return new MissProgress(index, best, subject, prefShare + (1 - prefShare) * reached);
    }

    /// <summary>The failregex that got furthest on <paramref name="subject"/> (or the first that matches it: Matches).</summary>
    private static (int Index, RegexMissExplanation? Best, bool Matches) Closest(CompiledFilter filter, string subject)
    {
        var bestIndex = -1;
        RegexMissExplanation? best = null;
        for (var i = 0; i < filter.FailRegexes.Count; i++)
        {
            var fr = filter.FailRegexes[i];
            if (fr.Translated is null) continue;
            if (SafeMatch(fr.Regex, subject) is not null) return (i, null, true);
            RegexMissExplanation e;
            try { e = RegexMissExplainer.Explain(fr.Translated, subject); }
            catch (RegexMatchTimeoutException) { continue; }
            if (best is null || e.SubjectOffsetReached > best.SubjectOffsetReached ||
                e.SubjectOffsetReached == best.SubjectOffsetReached && e.MatchedStepCount > best.MatchedStepCount)
            {
                best = e;
                bestIndex = i;
            }
        }
        return (bestIndex, best, false);
    }

    /// <summary>The same explanation as <see cref="Explain"/> gives for the closest regex, as one phrase (for reports that rank lines).</summary>
    public static string Describe(CompiledFilter filter, MissProgress progress)
    {
        if (progress.Explanation is null) return progress.RegexIndex < 0 && filter.PrefRegex is not null ? "prefregex did not match" : "no failregex got anywhere";
        var regex = progress.RegexIndex < 0 ? filter.PrefRegex! : filter.FailRegexes[progress.RegexIndex];
        var name = progress.RegexIndex < 0 ? "prefregex" : "closest failregex #" + (progress.RegexIndex + 1);
        return name + Where(regex) + Describe(progress.Explanation, progress.Subject, regex);
    }

    private static string Describe(CompiledRegex regex, string subject)
    {
        if (regex.Translated is null) return "";
        try { return Describe(RegexMissExplainer.Explain(regex.Translated, subject), subject, regex); }
        catch (RegexMatchTimeoutException) { return ": explaining it timed out"; }
    }

    private static string Describe(RegexMissExplanation e, string subject, CompiledRegex regex)
    {
        var reached = Math.Min(e.SubjectOffsetReached, subject.Length);
        var rest = subject.Substring(reached).TrimEnd('\n');
        var part = e.FailingTag ?? e.FailingPythonText ?? "?";
        var matched = e.MatchedStepCount == 0
            ? "nothing of it matches"
            : "matched " + Quote(subject.Substring(e.MatchStart, Math.Max(0, reached - e.MatchStart)).TrimEnd('\n'));
        var written = e.FailingSourceSpan is { } span && regex.LocatedSource?.LocationAt(span.Start) is { } at ? " (written at " + at + ")" : "";
        return ": " + matched + ", then " + Quote(Shorten(part, 60)) + written + " fails at " + (rest.Length == 0 ? "the end of the line" : Quote(Shorten(rest, 50)));
    }

    private static string Where(CompiledRegex regex)
    {
        var at = regex.LocatedSource?.LocationAt(0);
        return at is { } l ? " (" + l + ")" : "";
    }

    private static Match? SafeMatch(Regex regex, string subject)
    {
        try
        {
            var m = regex.Match(subject);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string Quote(string s) => "'" + s + "'";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";
}

/// <summary>How far a filter got on a missed line (see <see cref="MissExplainer.Progress"/>).</summary>
public sealed class MissProgress
{
    public MissProgress(int regexIndex, RegexMissExplanation? explanation, string subject, double fraction)
    {
        RegexIndex = regexIndex;
        Explanation = explanation;
        Subject = subject;
        Fraction = fraction;
    }

    /// <summary>The closest failregex (0-based), or -1 when the prefregex stopped the line.</summary>
    public int RegexIndex { get; }

    /// <summary>Where that regex stopped, or null when none could be explained.</summary>
    public RegexMissExplanation? Explanation { get; }

    /// <summary>The text the regex ran on (the line without its date, or the prefregex's content), with its final newline.</summary>
    public string Subject { get; }

    /// <summary>0 (nothing matched) to 1 (a failregex matches but gave no failure).</summary>
    public double Fraction { get; }
}
