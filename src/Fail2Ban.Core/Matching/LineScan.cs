using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Every regex search Fail2Ban makes for one line of a single-line filter when all failregexes are
/// tried (<c>maxlines</c> 1, <see cref="MatcherOptions.CheckAllRegex"/>): they depend on the line
/// alone, not on earlier lines, so they can run ahead of the line's turn, on any thread. The
/// stateful rest (multi-line ids, counters) is applied in order by <see cref="FilterMatcher"/>.
/// </summary>
internal sealed class LineScan
{
    private LineScan(TupleLine tuple) => Tuple = tuple;

    /// <summary>The line the searches were made for: they depend on its text without the date only.</summary>
    public TupleLine Tuple { get; }

    /// <summary>The ignoreregexes that matched before the prefregex (only when that early check applies), or null.</summary>
    public List<int>? EarlyIgnoreHits { get; private set; }

    /// <summary>Whether the prefregex matched (null without prefregex, or when an early ignore ended the line).</summary>
    public bool? PrefMatched { get; private set; }

    /// <summary>The prefregex's groups without <c>content</c>, when a failregex matched.</summary>
    public FailureData? PreGroups { get; private set; }

    /// <summary>The <c>F-CONTENT</c> line the failregexes saw, when the prefregex captured one.</summary>
    public TupleLine? ContentLine { get; private set; }

    /// <summary>Per failregex, its groups when it matched; null when none matched.</summary>
    public FailureData?[]? FailGroups { get; private set; }

    /// <summary>The ignoreregexes that match the text the failregexes saw (searched when one matched), or null.</summary>
    public List<int>? LateIgnoreHits { get; private set; }

    /// <summary>Regexes whose search timed out.</summary>
    public List<string>? TimedOut { get; private set; }

    /// <summary>Runs the searches in Fail2Ban's order and conditions (see <c>FilterMatcher.FindFailures</c>).</summary>
    public static LineScan Run(CompiledFilter filter, TupleLine tuple)
    {
        var scan = new LineScan(tuple);
        var buf = string.Concat(tuple.Before, tuple.After, "\n");
        var ignore = filter.IgnoreRegexes;
        var fail = filter.FailRegexes;
        if (ignore.Count > 0 && ignore.Count < fail.Count - 2)
        {
            scan.EarlyIgnoreHits = scan.IgnoreHits(ignore, buf);
            if (scan.EarlyIgnoreHits is not null) return scan;
        }
        var failBuf = buf;
        if (filter.PrefRegex is { } pref)
        {
            if (!filter.Gate.AnyMayMatch(buf.AsSpan()))
            {
                // No failregex can match any part of this line: only the prefregex's yes/no counts.
                scan.PrefMatched = scan.IsMatch(pref, buf);
                return scan;
            }
            var pm = scan.Search(pref, buf);
            scan.PrefMatched = pm is not null;
            if (pm is null) return scan;
            var groups = pref.GetGroups(pm);
            var content = groups.Pop("content");
            scan.PreGroups = groups;
            if (FailureData.Truthy(content))
            {
                var text = (string)content!;
                scan.ContentLine = new TupleLine("", "", text);
                failBuf = text + "\n";
            }
        }
        else if (!filter.Gate.AnyMayMatch(buf.AsSpan())) return scan;

        FailureData?[]? groupsByRegex = null;
        for (var i = 0; i < fail.Count; i++)
        {
            var m = scan.Search(fail[i], failBuf);
            if (m is null) continue;
            groupsByRegex ??= new FailureData?[fail.Count];
            groupsByRegex[i] = fail[i].GetGroups(m);
        }
        scan.FailGroups = groupsByRegex;
        if (groupsByRegex is not null && ignore.Count > 0) scan.LateIgnoreHits = scan.IgnoreHits(ignore, failBuf);
        return scan;
    }

    private List<int>? IgnoreHits(IReadOnlyList<CompiledRegex> ignore, string buf)
    {
        List<int>? hits = null;
        for (var i = 0; i < ignore.Count; i++)
        {
            if (Search(ignore[i], buf) is null) continue;
            (hits ??= new List<int>()).Add(i);
        }
        return hits;
    }

    private Match? Search(CompiledRegex regex, string buf)
    {
        if (!regex.Prefilter.MayMatch(buf.AsSpan())) return null;
        try
        {
            var m = regex.Runner.Match(buf);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            (TimedOut ??= new List<string>()).Add(regex.Source);
            return null;
        }
    }

    private bool IsMatch(CompiledRegex regex, string buf)
    {
        if (!regex.Prefilter.MayMatch(buf.AsSpan())) return false;
        try
        {
            return regex.Runner.IsMatch(buf);
        }
        catch (RegexMatchTimeoutException)
        {
            (TimedOut ??= new List<string>()).Add(regex.Source);
            return false;
        }
    }
}
