using System;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Decides, without making strings, that a line of a single-line filter yields nothing to report:
/// the searches <see cref="LineScan"/> would make run on the date-cut text held in reused buffers
/// (literal gate and prefilters, <c>IsMatch</c> on spans, the prefregex and the failregexes on reused
/// strings). Anything that might report is left to the full path: a time-out is searched again there, a
/// failregex hit is handed over with the groups found so far (<see cref="Hit"/>). One instance per
/// <see cref="FilterMatcher"/>; not thread-safe.
/// </summary>
internal sealed class InPlaceLineSearch
{
    // Strings overwritten to search with groups, one per length met (a line's length varies):
    // typically a few hundred short strings; at most about 1 MB for a matcher that meets every length.
    private const int MaxScratchString = 1024;

    // Longest text whose buffer is kept for the next line (64 K characters).
    private const int MaxRetainedBuffer = 1 << 16;

    // Before + After + "\n", as the searches see the buffer; F-CONTENT + "\n".
    private char[] _buffer = new char[256];
    private char[] _content = new char[256];
    // Two sets: the prefregex's match (its text) stays in use while the failregexes search F-CONTENT.
    private string?[]? _scratchStrings;
    private string?[]? _contentStrings;

    /// <summary>
    /// True when no search of <paramref name="filter"/> on the line cut into <paramref name="before"/>
    /// and <paramref name="after"/> can produce anything to report: no early ignoreregex hit, and the
    /// prefregex or every failregex that could match does not (whether all failregexes are tried or
    /// only up to the first hit, none hits). When it is true, <paramref name="prefMatched"/> is whether the
    /// prefregex matched (null without a prefregex, or when <paramref name="askPref"/> is false and no
    /// failregex could match, so the prefregex was not searched).
    /// </summary>
    public bool NothingToReport(CompiledFilter filter, ReadOnlySpan<char> before, ReadOnlySpan<char> after, bool askPref, out bool? prefMatched)
    {
        prefMatched = null;
        CandidatesLeft = null;
        Hit = null;
        var buf = Join(ref _buffer, before, after);
        var ignore = filter.IgnoreRegexes;
        var fail = filter.FailRegexes;
        try
        {
            if (ignore.Count > 0 && ignore.Count < fail.Count - 2)
                for (var i = 0; i < ignore.Count; i++)
                    if (ignore[i].Prefilter.MayMatch(buf) && IsMatch(ignore[i], buf)) return false;
            if (filter.PrefRegex is { } pref && !pref.Prefilter.MayMatch(buf))
            {
                prefMatched = false;
                return true;
            }
            var candidates = filter.Gate.Candidates(buf);
            if (candidates == 0)
            {
                // fail2ban-regex counts the prefregex's matches on every line: then it is asked yes/no.
                if (askPref && filter.PrefRegex is { } asked)
                    prefMatched = asked.TryDecideWithoutSearch(buf, out var decided) ? decided : IsMatch(asked, buf);
                return true;
            }
            var failBuf = buf;
            Match? pm = null;
            string? searched = null;
            if (filter.PrefRegex is { } p)
            {
                // The failregexes see the prefregex's F-CONTENT: its groups need a string.
                searched = ScratchString(buf);
                pm = p.Runner.Match(searched);
                prefMatched = pm.Success;
                if (!pm.Success) return true;
                if (p.TryGetGroup(pm, "content", out var at, out var size) && size > 0)
                    failBuf = Join(ref _content, buf.Slice(at, size), default);
            }
            try
            {
                // The failregexes search a string (scratch, not kept) so that a hit's groups can be read.
                string? failText = null;
                var tracked = fail.Count <= FailRegexGate.MaxRegexes;
                for (var i = 0; i < fail.Count; i++)
                {
                    if (tracked && (candidates & (1UL << i)) == 0) continue;
                    if (!fail[i].Prefilter.MayMatch(failBuf)) continue;
                    failText ??= searched is not null && failBuf.Length == buf.Length ? searched
                        : ScratchString(failBuf, ref searched is null ? ref _scratchStrings : ref _contentStrings);
                    var m = fail[i].Runner.Match(failText);
                    if (!m.Success) continue;
                    // The ones before i were searched on the same text and missed.
                    if (tracked) CandidatesLeft = candidates & ~((1UL << i) - 1);
                    // The full path would search the prefregex and this failregex again on the same text:
                    // their groups are handed over.
                    var last = tracked ? (candidates & ~((2UL << i) - 1)) == 0 : i == fail.Count - 1;
                    Hit = HitOf(filter, pm, searched, i, m, failText, last);
                    return false;
                }
                return true;
            }
            finally
            {
                if (pm is not null) MatchRecycler.Recycle(pm);
            }
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or NotSupportedException)
        {
            CandidatesLeft = null;
            Hit = null;
            return false; // searched again on the full path, which records the time-out
        }
    }

    /// <summary>
    /// After <see cref="NothingToReport"/> returned false because failregex i matched: the failregexes
    /// (as <see cref="FailRegexGate.Candidates"/> bits) that may still match the line, from i on; else null.
    /// </summary>
    public ulong? CandidatesLeft { get; private set; }

    /// <summary>
    /// After <see cref="NothingToReport"/> returned false because a failregex matched: the prefregex's and that
    /// failregex's groups from their searches of the same text, for <see cref="LineScan.Run"/>; else null.
    /// </summary>
    public InPlaceHit? Hit { get; private set; }

    // The groups as LineScan reads them: the prefregex's without content, the failregex's merged over them
    // (into them when no later failregex can match, which would need them as they were).
    private static InPlaceHit HitOf(CompiledFilter filter, Match? pm, string? searched, int index, Match m, string failText, bool lastCandidate)
    {
        var regex = filter.FailRegexes[index];
        FailureData? prefGroups = null;
        object? content = null;
        var ownPrefGroups = false;
        if (pm is not null)
        {
            var pref = filter.PrefRegex!;
            prefGroups = pref.GetGroupsWithout(pm, searched!, "content", regex.GroupNumbers.Length, out content);
            ownPrefGroups = prefGroups is not null && lastCandidate;
            if (prefGroups is null)
            {
                prefGroups = pref.GetGroups(pm, searched!);
                content = prefGroups.Pop("content");
            }
        }
        FailureData? merged = null;
        if (prefGroups is { Count: > 0 } pre)
            merged = ownPrefGroups ? (regex.TryMergeGroupsInto(m, failText, pre) ? pre : null) : regex.GetGroupsOver(m, failText, pre);
        var groups = merged ?? regex.GetGroups(m, failText);
        MatchRecycler.Recycle(m);
        return new InPlaceHit(prefGroups, content, index, groups, merged is not null);
    }

    // first + second + "\n" in a reused array (a huge line gets one of its own, not kept: one 10 MB
    // line must not pin 20 MB for the matcher's lifetime).
    private static ReadOnlySpan<char> Join(ref char[] scratch, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var length = first.Length + second.Length + 1;
        var target = scratch;
        if (target.Length < length)
        {
            target = new char[Math.Max(length, target.Length * 2)];
            if (length <= MaxRetainedBuffer) scratch = target;
        }
        first.CopyTo(target);
        second.CopyTo(target.AsSpan(first.Length));
        target[length - 1] = '\n';
        return target.AsSpan(0, length);
    }

    private string ScratchString(ReadOnlySpan<char> text) => ScratchString(text, ref _scratchStrings);

    private static string ScratchString(ReadOnlySpan<char> text, ref string?[]? strings)
    {
#if NET
        if (text.Length > 0 && text.Length <= MaxScratchString)
        {
            strings ??= new string?[MaxScratchString + 1];
            ref var scratch = ref strings[text.Length];
            scratch ??= new string('\0', text.Length);
            // A string made here and never handed out: writing into it is safe, and spares a copy per line.
            text.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsMemory(scratch.AsMemory()).Span);
            return scratch;
        }
#endif
        return text.ToString();
    }

    private static bool IsMatch(CompiledRegex regex, ReadOnlySpan<char> text)
    {
#if NET
        return regex.Runner.IsMatch(text);
#else
        return regex.Runner.IsMatch(text.ToString());
#endif
    }
}
