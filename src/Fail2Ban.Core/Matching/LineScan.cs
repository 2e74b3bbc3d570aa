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
    // Most lines end with one of these (nothing matched but maybe the prefregex): shared, so
    // lines waiting for their turn keep nothing alive for them.
    private static readonly LineScan NoPrefRegex = new();
    private static readonly LineScan PrefRegexMissed = new() { PrefMatched = false };
    private static readonly LineScan PrefRegexOnly = new() { PrefMatched = true };

    /// <summary>The ignoreregexes that matched before the prefregex (only when that early check applies), or null.</summary>
    public List<int>? EarlyIgnoreHits { get; private set; }

    /// <summary>Whether the prefregex matched (null without prefregex, or when an early ignore ended the line).</summary>
    public bool? PrefMatched { get; private set; }

    /// <summary>The prefregex's groups without <c>content</c>, when a failregex matched.</summary>
    public FailureData? PreGroups { get; private set; }

    /// <summary>The <c>F-CONTENT</c> line the failregexes saw, when the prefregex captured one.</summary>
    public TupleLine? ContentLine { get; private set; }

    /// <summary>
    /// The failregexes that matched (index ascending) with their groups, already merged over <see cref="PreGroups"/>
    /// when <c>Merged</c>; null when none matched.
    /// </summary>
    public List<(int Index, FailureData Groups, bool Merged)>? FailGroups { get; private set; }

    /// <summary>The ignoreregexes that match the text the failregexes saw (searched when one matched), or null.</summary>
    public List<int>? LateIgnoreHits { get; private set; }

    /// <summary>Regexes whose search timed out.</summary>
    public List<string>? TimedOut { get; private set; }

    /// <summary>
    /// Runs the searches for a line cut into <paramref name="tuple"/> (they depend on its text
    /// without the date only) in Fail2Ban's order and conditions (see <c>FilterMatcher.FindFailures</c>).
    /// </summary>
    /// <param name="knownCandidates">The failregexes that may match, when an earlier search of the same text
    /// found out (<see cref="InPlaceLineSearch.CandidatesLeft"/>): spares the literal scan and the misses.</param>
    /// <param name="hit">What an earlier search of the same text found up to its first failregex hit
    /// (<see cref="InPlaceLineSearch.Hit"/>): spares the early ignoreregexes (none matched), the prefregex's
    /// search and the hit's. Taken over by the scan.</param>
    public static LineScan Run(CompiledFilter filter, TupleLine tuple, ulong? knownCandidates = null, InPlaceHit? hit = null)
    {
        var scan = new LineScan();
        var result = hit is not null ? scan.ContinueAfter(filter, tuple, knownCandidates, hit) : scan.Search(filter, tuple, knownCandidates);
        return result ?? scan;
    }

    // Null when the result is in this instance; else a shared trivial result.
    private LineScan? Search(CompiledFilter filter, TupleLine tuple, ulong? knownCandidates)
    {
        var ignore = filter.IgnoreRegexes;
        var fail = filter.FailRegexes;
        var earlyIgnore = ignore.Count > 0 && ignore.Count < fail.Count - 2;
        // Most lines are ruled out by literals alone: test the text without building the buffer
        // (possible when nothing precedes the date; the buffer is then the rest plus "\n").
        var prefChecked = false;
        if (!earlyIgnore && tuple.Before.Length == 0)
        {
            var rest = tuple.After.AsSpan();
            if (filter.PrefRegex is { } p0)
            {
                if (!p0.Prefilter.MayMatchLine(rest)) return PrefRegexMissed;
                prefChecked = true;
            }
            else if ((knownCandidates ?? filter.Gate.Candidates(rest)) == 0) return NoPrefRegex;
        }
        var buf = string.Concat(tuple.Before, tuple.After, "\n");
        if (earlyIgnore)
        {
            EarlyIgnoreHits = IgnoreHits(ignore, buf);
            if (EarlyIgnoreHits is not null) return null;
        }
        var failBuf = buf;
        ulong candidates;
        if (filter.PrefRegex is { } pref)
        {
            // A line without the prefregex's literals ends here (usually most lines, one scan).
            if (!prefChecked && !pref.Prefilter.MayMatch(buf.AsSpan())) return TimedOut is not null ? WithPref(false) : PrefRegexMissed;
            candidates = knownCandidates ?? filter.Gate.Candidates(buf.AsSpan());
            if (candidates == 0)
            {
                // No failregex can match any part of this line: only the prefregex's yes/no counts.
                var matched = IsMatch(pref, buf, prefiltered: true);
                return TimedOut is not null ? WithPref(matched) : matched ? PrefRegexOnly : PrefRegexMissed;
            }
            var pm = Search(pref, buf, prefiltered: true);
            if (pm is null) return TimedOut is not null ? WithPref(false) : PrefRegexMissed;
            var groups = pref.GetGroups(pm, buf);
            MatchRecycler.Recycle(pm);
            failBuf = TakePrefGroups(groups, groups.Pop("content")) ?? buf;
        }
        else if ((candidates = knownCandidates ?? filter.Gate.Candidates(buf.AsSpan())) == 0) return TimedOut is not null ? null : NoPrefRegex;
        return SearchFailRegexes(filter, failBuf, candidates);
    }

    // The rest of Search after the failregex hit an in-place search found (with the prefregex's match before it).
    private LineScan? ContinueAfter(CompiledFilter filter, TupleLine tuple, ulong? knownCandidates, InPlaceHit hit)
    {
        var failBuf = filter.PrefRegex is not null ? TakePrefGroups(hit.PrefGroups ?? new FailureData(), hit.Content) : null;
        var fail = filter.FailRegexes;
        var tracked = fail.Count <= FailRegexGate.MaxRegexes;
        // The in-place search knew the candidates when it tracked them; otherwise every failregex is tried.
        var candidates = tracked && knownCandidates is { } known ? known & ~((2UL << hit.Index) - 1) : ulong.MaxValue;
        var hits = new List<(int, FailureData, bool)>(2) { (hit.Index, hit.Groups, hit.Merged) };
        var more = tracked ? candidates != 0 : hit.Index + 1 < fail.Count;
        if (!more && filter.IgnoreRegexes.Count == 0)
        {
            FailGroups = hits;
            return null;
        }
        failBuf ??= string.Concat(tuple.Before, tuple.After, "\n");
        return SearchFailRegexes(filter, failBuf, candidates, hit.Index + 1, hits);
    }

    // Records a prefregex match: its groups but F-CONTENT, which gives the failregexes' text (null: none, they search the line).
    private string? TakePrefGroups(FailureData groups, object? content)
    {
        PrefMatched = true;
        PreGroups = groups;
        if (!FailureData.Truthy(content)) return null;
        var text = (string)content!;
        ContentLine = new TupleLine("", "", text);
        return text + "\n";
    }

    // The failregexes from `from` on (hits before it in groupsByRegex), then the late ignoreregexes.
    private LineScan? SearchFailRegexes(CompiledFilter filter, string failBuf, ulong candidates, int from = 0,
        List<(int Index, FailureData Groups, bool Merged)>? groupsByRegex = null)
    {
        var fail = filter.FailRegexes;
        var ignore = filter.IgnoreRegexes;
        // Usually one failregex matches: a list sized for the few, not an entry per failregex.
        var pre = PreGroups is { Count: > 0 } p ? p : null;
        var tracked = fail.Count <= FailRegexGate.MaxRegexes;
        for (var i = from; i < fail.Count; i++)
        {
            if (tracked && (candidates & (1UL << i)) == 0) continue;
            var m = Search(fail[i], failBuf);
            if (m is null) continue;
            // Over the prefregex's groups directly when possible: one dictionary per hit, not two.
            var merged = pre is null ? null : fail[i].GetGroupsOver(m, failBuf, pre);
            (groupsByRegex ??= new List<(int, FailureData, bool)>(2)).Add((i, merged ?? fail[i].GetGroups(m, failBuf), merged is not null));
            MatchRecycler.Recycle(m);
        }
        FailGroups = groupsByRegex;
        if (groupsByRegex is not null && ignore.Count > 0) LateIgnoreHits = IgnoreHits(ignore, failBuf);
        if (groupsByRegex is null && TimedOut is null) return filter.PrefRegex is null ? NoPrefRegex : PrefRegexOnly;
        return null;
    }

    private LineScan? WithPref(bool matched)
    {
        PrefMatched = matched;
        return null;
    }

    private List<int>? IgnoreHits(IReadOnlyList<CompiledRegex> ignore, string buf)
    {
        List<int>? hits = null;
        for (var i = 0; i < ignore.Count; i++)
        {
            if (Search(ignore[i], buf) is not { } m) continue;
            MatchRecycler.Recycle(m);
            (hits ??= new List<int>()).Add(i);
        }
        return hits;
    }

    private Match? Search(CompiledRegex regex, string buf, bool prefiltered = false)
    {
        if (!prefiltered && !regex.Prefilter.MayMatch(buf.AsSpan())) return null;
        try
        {
            var m = regex.Runner.Match(buf);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            if (regex.TryMatchWithoutBacktracking(buf, out var decided)) return decided;
            (TimedOut ??= new List<string>()).Add(regex.Source);
            return null;
        }
    }

    private bool IsMatch(CompiledRegex regex, string buf, bool prefiltered)
    {
        if (!prefiltered && !regex.Prefilter.MayMatch(buf.AsSpan())) return false;
        if (regex.TryDecideWithoutSearch(buf.AsSpan(), out var known)) return known;
        try
        {
            return regex.Runner.IsMatch(buf);
        }
        catch (RegexMatchTimeoutException)
        {
            if (regex.TryMatchWithoutBacktracking(buf, out var decided)) return decided is not null;
            (TimedOut ??= new List<string>()).Add(regex.Source);
            return false;
        }
    }
}
