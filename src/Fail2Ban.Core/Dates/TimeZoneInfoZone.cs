using System;

namespace Fail2Ban.Core.Dates;

/// <summary>A local zone backed by the system's zone database (IANA ids, or Windows ids on Windows).</summary>
internal sealed class TimeZoneInfoZone : LocalTimeZone
{
    private static readonly long MinEpoch = DateTimeOffset.MinValue.ToUnixTimeSeconds() + 2 * 86400;
    private static readonly long MaxEpoch = DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 2 * 86400;
    private readonly TimeZoneInfo zone;

    public TimeZoneInfoZone(TimeZoneInfo zone) => this.zone = zone;

    public override string Name => zone.Id;

    /// <summary>The system zone with this id, or null.</summary>
    public static TimeZoneInfoZone? TryFind(string id)
    {
        if (id.Length == 0) return null;
        try
        {
            return new TimeZoneInfoZone(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException
                                      or global::System.Security.SecurityException or global::System.IO.IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override int GetUtcOffset(long epochSeconds)
    {
        var clamped = Math.Max(MinEpoch, Math.Min(MaxEpoch, epochSeconds));
        return (int)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(clamped)).TotalSeconds;
    }
}
