using System;
using System.Text.RegularExpressions;
using System.Threading;
#if NET
using System.Runtime.CompilerServices;
#endif

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Gives a used <see cref="Match"/> back to the regex that made it, so that regex's next successful
/// search fills it again instead of allocating one (.NET allocates a <c>Match</c> per success and
/// keeps no public way to reuse it; its runner already resets and reuses a <c>Match</c> it holds).
/// A date template search runs on every log line: this keeps the common path free of allocation.
/// Only valid for a regex instance searched by one thread (our per-thread instances), and only
/// after the last read of the match. Checked once against the running framework; where the
/// framework's fields differ, recycling is off and nothing changes but the allocation.
/// </summary>
internal static class MatchRecycler
{
#if NET
    private static readonly bool Enabled = Probe();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_runner")]
    private static extern ref RegexRunner? RunnerOf(Regex regex);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "runmatch")]
    private static extern ref Match? PendingMatchOf(RegexRunner runner);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_regex")]
    private static extern ref Regex? RegexOf(Match match);
#endif

    /// <summary>Hands <paramref name="match"/> back to the regex that made it, for its next search.</summary>
    public static void Recycle(Match match)
    {
#if NET
        if (!Enabled || !match.Success || RegexOf(match) is not { } regex || RunnerOf(regex) is not { } runner) return;
        // A runner in use elsewhere holds its own match: the exchange only fills an empty slot, so
        // a search running on another thread never has its match replaced under it.
        Interlocked.CompareExchange(ref PendingMatchOf(runner), match, null);
#endif
    }

#if NET
    // The fields exist and a recycled match is refilled correctly (same instance, new positions).
    private static bool Probe()
    {
        try
        {
            var regex = new Regex("a(b)?(c)", RegexOptions.CultureInvariant);
            var first = regex.Match("xabc");
            if (!first.Success || !first.Groups[1].Success || !ReferenceEquals(RegexOf(first), regex)) return false;
            var runner = RunnerOf(regex);
            if (runner is null || PendingMatchOf(runner) is not null) return false;
            PendingMatchOf(runner) = first;
            var second = regex.Match("yyac");
            return ReferenceEquals(first, second) && second.Index == 2 && second.Length == 2 &&
                   !second.Groups[1].Success && second.Groups[2].Index == 3 && second.Value == "ac" &&
                   !regex.Match("zz").Success;
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException or InvalidCastException)
        {
            return false;
        }
    }
#endif
}
