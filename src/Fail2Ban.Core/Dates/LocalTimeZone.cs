using System;
using System.Globalization;
using System.Threading;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// The process's local time zone as C's <c>mktime</c>/<c>localtime</c> see it: used to read
/// zone-less log dates (spec 4.8 step 9, 5.5) and to print epoch values as local time.
/// </summary>
public abstract class LocalTimeZone
{
    private static readonly long EpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static LocalTimeZone? system;

    // glibc's mktime starts probing with the offset it found on its previous call; this decides
    // which side of an ambiguous (autumn) hour wins, so it is emulated per zone instance.
    private int lastOffsetGuess;

    /// <summary>The zone's description (the POSIX string or the IANA id).</summary>
    public abstract string Name { get; }

    /// <summary>UTC (<c>UTC0</c>).</summary>
    public static LocalTimeZone Utc { get; } = PosixTimeZone.Parse("UTC0")!;

    /// <summary>
    /// Parses a <c>TZ</c> value: an IANA zone id (also with a leading <c>:</c>), as glibc prefers a
    /// zone file of that name, else a POSIX rule such as <c>CET-01CEST-02,M3.5.0,M10.5.0</c>.
    /// Throws <see cref="Fail2BanException"/> when it is neither.
    /// </summary>
    public static LocalTimeZone Parse(string posixOrIana)
    {
        if (posixOrIana is null) throw new ArgumentNullException(nameof(posixOrIana));
        var text = posixOrIana.Trim();
        var explicitFile = text.StartsWith(":", StringComparison.Ordinal);
        if (explicitFile) text = text.Substring(1);
        if (TimeZoneInfoZone.TryFind(text) is { } iana) return iana;
        if (!explicitFile && PosixTimeZone.Parse(text) is { } posix) return posix;
        throw new Fail2BanException(DiagnosticIds.OptionValue,
            "Unknown time zone '" + posixOrIana + "': neither a zone id nor a POSIX TZ rule (e.g. CET-1CEST,M3.5.0,M10.5.0/3)");
    }

    /// <summary>The machine's local zone.</summary>
    public static LocalTimeZone System() =>
        system ??= new TimeZoneInfoZone(TimeZoneInfo.Local);

    /// <summary>Offset east of UTC, in seconds, in force at the instant <paramref name="epochSeconds"/>.</summary>
    public abstract int GetUtcOffset(long epochSeconds);

    /// <summary>
    /// C <c>mktime</c> with <c>tm_isdst = -1</c>: the epoch of a zone-less local date-time.
    /// Non-existent (spring-forward) times use the offset in force before the change; ambiguous
    /// (fall-back) times use the offset of the previous conversion when it fits (as glibc).
    /// </summary>
    public double ToEpoch(DateTime naiveLocal)
    {
        var ticks = naiveLocal.Ticks - EpochTicks;
        var seconds = CivilTime.FloorDiv(ticks, TimeSpan.TicksPerSecond);
        var fraction = (ticks - seconds * TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond;
        return NaiveToEpoch(seconds) + fraction;
    }

    /// <summary>The local wall-clock time of an epoch value (like <c>datetime.fromtimestamp</c>).</summary>
    public DateTime ToLocal(double epoch)
    {
        var naive = EpochToNaive(epoch);
        return new DateTime(EpochTicks + (long)Math.Round(naive * 1e6) * 10, DateTimeKind.Unspecified);
    }

    /// <summary>Local time of an epoch value as <c>YYYY-MM-DDTHH:MM:SS</c> (fraction dropped).</summary>
    public string FormatLocal(double epoch)
    {
        var naive = (long)Math.Floor(EpochToNaive(epoch));
        CivilTime.Split(naive, out var y, out var mo, out var d, out var sod);
        return y.ToString("0000", CultureInfo.InvariantCulture) + "-" + mo.ToString("00", CultureInfo.InvariantCulture) + "-" +
               d.ToString("00", CultureInfo.InvariantCulture) + "T" + (sod / 3600).ToString("00", CultureInfo.InvariantCulture) + ":" +
               (sod / 60 % 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (sod % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Local naive seconds (with fraction) of an epoch value.</summary>
    internal double EpochToNaive(double epoch) => epoch + GetUtcOffset((long)Math.Floor(epoch));

    /// <summary>mktime on naive seconds (see <see cref="ToEpoch"/>).</summary>
    internal long NaiveToEpoch(long local)
    {
        // Fixed-point probing like glibc's __mktime_internal: t <- local - offset(t).
        var t = local - Volatile.Read(ref lastOffsetGuess);
        var previous = long.MinValue;
        for (var probe = 0; probe < 8; probe++)
        {
            var offset = GetUtcOffset(t);
            var next = local - offset;
            if (next == t)
            {
                Volatile.Write(ref lastOffsetGuess, offset);
                return t;
            }
            if (next == previous) break; // oscillating: the time falls into a gap
            previous = t;
            t = next;
        }
        // Gap (or an unusual zone): use the offset in force just before the change.
        var before = GetUtcOffset(Math.Min(t, previous == long.MinValue ? t : previous));
        Volatile.Write(ref lastOffsetGuess, before);
        return local - before;
    }
}
