using System;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Where a group of a <see cref="Match"/> matched, without <see cref="Match.Groups"/>: the first
/// use of that collection builds a <see cref="Group"/> object (and looks up a name) for every group
/// of the regex, which costs more than the search itself for date templates and Fail2Ban's regexes.
/// On .NET the match's capture arrays are read directly; this is checked once against the public
/// API at start-up, and if the runtime's layout ever differs, the public API is used.
/// </summary>
internal static class CaptureSpans
{
#if NET
    private static readonly bool Direct = ProbeDirectAccess();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_matches")]
    private static extern ref int[][] Matches(Match m);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_matchcount")]
    private static extern ref int[] MatchCount(Match m);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_balancing")]
    private static extern ref bool Balancing(Match m);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "caps")]
    private static extern ref Hashtable? Caps(Regex r);
#endif

    /// <summary>The internal slot of group <paramref name="groupNumber"/> of <paramref name="regex"/> (-1 when it has none).</summary>
    public static int SlotOf(Regex regex, int groupNumber)
    {
        if (groupNumber < 0) return -1;
#if NET
        if (Direct)
        {
            // Sparse group numbers are mapped to slots, as GroupCollection does.
            if (Caps(regex) is { } caps) return caps[groupNumber] is int slot ? slot : -1;
            return groupNumber;
        }
#endif
        return groupNumber;
    }

    /// <summary>
    /// The last capture of the group in <paramref name="slot"/> (from <see cref="SlotOf"/>, for the
    /// regex that made <paramref name="m"/>, given as <paramref name="groupNumber"/> too); false when
    /// the group did not take part.
    /// </summary>
    public static bool TryGet(Match m, int slot, int groupNumber, out int index, out int length)
    {
#if NET
        if (Direct && slot >= 0 && !Balancing(m))
        {
            var counts = MatchCount(m);
            if (slot >= counts.Length) return NotFound(out index, out length);
            var count = counts[slot];
            if (count == 0) return NotFound(out index, out length);
            var spans = Matches(m)[slot];
            index = spans[count * 2 - 2];
            length = spans[count * 2 - 1];
            return true;
        }
#endif
        var g = m.Groups[groupNumber];
        index = g.Index;
        length = g.Length;
        return g.Success;
    }

    private static bool NotFound(out int index, out int length)
    {
        index = 0;
        length = 0;
        return false;
    }

#if NET
    // The direct reads must agree with the public API on a regex with optional, repeated, named
    // and numbered groups; anything unexpected (missing fields, other layout) turns them off.
    private static bool ProbeDirectAccess()
    {
        try
        {
            var regex = new Regex(@"(a)(?<n>x)?(?:(b)|c)+(?<7>d)?(?<m>e)", RegexOptions.CultureInvariant);
            foreach (var input in new[] { "zabcbe", "acde", "abe" })
            {
                var m = regex.Match(input);
                if (!m.Success) return false;
                foreach (var number in regex.GetGroupNumbers())
                {
                    var g = m.Groups[number];
                    var slot = SlotOfChecked(regex, number);
                    var counts = MatchCount(m);
                    var found = slot >= 0 && slot < counts.Length && counts[slot] > 0;
                    if (found != g.Success) return false;
                    if (!found) continue;
                    var spans = Matches(m)[slot];
                    if (spans[counts[slot] * 2 - 2] != g.Index || spans[counts[slot] * 2 - 1] != g.Length) return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException or InvalidCastException or IndexOutOfRangeException or NullReferenceException)
        {
            return false;
        }
    }

    private static int SlotOfChecked(Regex regex, int groupNumber) =>
        Caps(regex) is { } caps ? caps[groupNumber] is int slot ? slot : -1 : groupNumber;
#endif
}
