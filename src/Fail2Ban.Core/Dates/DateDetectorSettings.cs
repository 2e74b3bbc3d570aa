using System;

namespace Fail2Ban.Core.Dates;

/// <summary>The environment a <see cref="DateDetector"/> reads dates in.</summary>
public sealed class DateDetectorSettings
{
    /// <summary>Settings of a server or <c>fail2ban-regex</c>: real clock, the machine's zone.</summary>
    public static DateDetectorSettings Default { get; } = new();

    /// <summary>
    /// "Now" as Unix time for year and day inference (spec 4.10); null = the real clock at each
    /// conversion. The sample test uses 1124013600.
    /// </summary>
    public double? Now { get; init; }

    /// <summary>Zone of dates without zone (C <c>mktime</c>); null = the machine's zone.</summary>
    public LocalTimeZone? LocalZone { get; init; }

    /// <summary>
    /// <c>logtimezone</c>: fixed-offset zone (4.9 syntax, e.g. <c>UTC+0200</c>, <c>CET</c>) for lines
    /// without a zone; null = none. Validated when the detector is built.
    /// </summary>
    public string? DefaultLogZone { get; init; }

    /// <summary>Year <c>%ExY</c> is computed from (spec 4.3); null = the real clock's year. Ignored when <see cref="TemplateCache"/> is set.</summary>
    public int? CurrentYear { get; init; }

    /// <summary>Template cache shared by detectors (Fail2Ban: one per process); null = <see cref="DateTemplateCache.ForYear"/>.</summary>
    public DateTemplateCache? TemplateCache { get; init; }

    /// <summary>Wall clock (Unix seconds) for the templates' "last used" times in reordering; null = the real clock.</summary>
    public Func<double>? WallClock { get; init; }

    internal static double RealClock() => (DateTime.UtcNow - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Ticks / (double)TimeSpan.TicksPerSecond;
}
