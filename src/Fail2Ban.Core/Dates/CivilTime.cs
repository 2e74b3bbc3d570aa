namespace Fail2Ban.Core.Dates;

/// <summary>
/// Proleptic Gregorian calendar arithmetic on "naive seconds": seconds since 1970-01-01T00:00:00
/// of a wall clock with no zone. Used instead of DateTime so the per-line path stays arithmetic.
/// </summary>
internal static class CivilTime
{
    public const long SecondsPerDay = 86400;

    /// <summary>First second of 0001-01-01 and last second of 9999-12-31 (Python datetime's range).</summary>
    public static readonly long MinSeconds = DaysFromCivil(1, 1, 1) * SecondsPerDay;
    public static readonly long MaxSeconds = DaysFromCivil(9999, 12, 31) * SecondsPerDay + SecondsPerDay - 1;

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yoe = year - era * 400;
        var mp = (month + 9) % 12;
        var doy = (153 * mp + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /// <summary>Civil date of a day count since 1970-01-01.</summary>
    public static void CivilFromDays(long days, out long year, out int month, out int day)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var doe = days - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        day = (int)(doy - (153 * mp + 2) / 5 + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    }

    /// <summary>Day of week of a day count since 1970-01-01: 0 = Sunday … 6 = Saturday.</summary>
    public static int DayOfWeekSundayZero(long days)
    {
        var r = (days + 4) % 7; // 1970-01-01 was a Thursday
        return (int)(r < 0 ? r + 7 : r);
    }

    public static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

    /// <summary>Splits naive seconds into civil date and time of day.</summary>
    public static void Split(long seconds, out long year, out int month, out int day, out int secondOfDay)
    {
        var days = FloorDiv(seconds, SecondsPerDay);
        secondOfDay = (int)(seconds - days * SecondsPerDay);
        CivilFromDays(days, out year, out month, out day);
    }

    public static long Compose(long year, int month, int day, int hour, int minute, int second) =>
        DaysFromCivil(year, month, day) * SecondsPerDay + hour * 3600L + minute * 60L + second;
}
