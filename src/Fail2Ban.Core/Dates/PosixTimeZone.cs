using System;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// A POSIX <c>TZ</c> rule: <c>std offset [dst [offset] [,start[/time],end[/time]]]</c>, names
/// alphabetic or quoted in <c>&lt;…&gt;</c>, offsets west-positive, rules <c>Jn</c>, <c>n</c> or
/// <c>Mm.w.d</c> (glibc's default <c>M3.2.0,M11.1.0</c> when a DST name has no rules).
/// </summary>
internal sealed class PosixTimeZone : LocalTimeZone
{
    private readonly string name;
    private readonly int standardOffset;   // seconds east of UTC
    private readonly int daylightOffset;
    private readonly bool hasDaylight;
    private readonly TransitionRule start;
    private readonly TransitionRule end;
    private YearTransitions lastYear = new(0, 0, 0, 0); // replaced atomically (immutable)

    private PosixTimeZone(string name, int standardOffset, bool hasDaylight, int daylightOffset, TransitionRule start, TransitionRule end)
    {
        this.name = name;
        this.standardOffset = standardOffset;
        this.hasDaylight = hasDaylight;
        this.daylightOffset = daylightOffset;
        this.start = start;
        this.end = end;
    }

    public override string Name => name;

    /// <summary>Parses a POSIX TZ string; null when it is not one.</summary>
    public static new PosixTimeZone? Parse(string text)
    {
        var p = 0;
        if (!ReadName(text, ref p)) return null;
        if (!ReadTime(text, ref p, 24, out var stdWest)) return null;
        if (p == text.Length) return new PosixTimeZone(text, -stdWest, false, 0, default, default);
        if (!ReadName(text, ref p)) return null;
        var dstWest = stdWest - 3600;
        if (p < text.Length && text[p] != ',')
        {
            if (!ReadTime(text, ref p, 24, out dstWest)) return null;
        }
        TransitionRule startRule, endRule;
        if (p == text.Length)
        {
            startRule = TransitionRule.Month(3, 2, 0, 7200);
            endRule = TransitionRule.Month(11, 1, 0, 7200);
        }
        else
        {
            if (text[p++] != ',') return null;
            if (!ReadRule(text, ref p, out startRule)) return null;
            if (p >= text.Length || text[p++] != ',') return null;
            if (!ReadRule(text, ref p, out endRule)) return null;
            if (p != text.Length) return null;
        }
        return new PosixTimeZone(text, -stdWest, true, -dstWest, startRule, endRule);
    }

    public override int GetUtcOffset(long epochSeconds)
    {
        if (!hasDaylight) return standardOffset;
        // Log lines mostly share a year: keep that year's change instants.
        var span = lastYear;
        if (epochSeconds < span.YearStart || epochSeconds >= span.YearEnd)
        {
            CivilTime.Split(epochSeconds + standardOffset, out var year, out _, out _, out _);
            span = new YearTransitions(
                CivilTime.DaysFromCivil(year, 1, 1) * CivilTime.SecondsPerDay - standardOffset,
                CivilTime.DaysFromCivil(year + 1, 1, 1) * CivilTime.SecondsPerDay - standardOffset,
                start.LocalSeconds(year) - standardOffset,
                end.LocalSeconds(year) - daylightOffset);
            lastYear = span;
        }
        var dstStart = span.DaylightStart;
        var dstEnd = span.DaylightEnd;
        bool daylight = dstStart < dstEnd
            ? epochSeconds >= dstStart && epochSeconds < dstEnd
            : !(epochSeconds >= dstEnd && epochSeconds < dstStart); // southern hemisphere
        return daylight ? daylightOffset : standardOffset;
    }

    private static bool ReadName(string s, ref int p)
    {
        if (p < s.Length && s[p] == '<')
        {
            var close = s.IndexOf('>', p + 1);
            if (close < 0 || close - p - 1 < 3) return false;
            for (var i = p + 1; i < close; i++)
                if (!(IsAsciiLetter(s[i]) || IsAsciiDigit(s[i]) || s[i] == '+' || s[i] == '-')) return false;
            p = close + 1;
            return true;
        }
        var begin = p;
        while (p < s.Length && IsAsciiLetter(s[p])) p++;
        return p - begin >= 3;
    }

    // [+-]hh[:mm[:ss]] in seconds; hh at most maxHours.
    private static bool ReadTime(string s, ref int p, int maxHours, out int seconds)
    {
        seconds = 0;
        var sign = 1;
        if (p < s.Length && (s[p] == '+' || s[p] == '-')) sign = s[p++] == '-' ? -1 : 1;
        if (!ReadNumber(s, ref p, 3, out var hours) || hours > maxHours) return false;
        int minutes = 0, secs = 0;
        if (p < s.Length && s[p] == ':')
        {
            p++;
            if (!ReadNumber(s, ref p, 2, out minutes) || minutes > 59) return false;
            if (p < s.Length && s[p] == ':')
            {
                p++;
                if (!ReadNumber(s, ref p, 2, out secs) || secs > 59) return false;
            }
        }
        seconds = sign * (hours * 3600 + minutes * 60 + secs);
        return true;
    }

    private static bool ReadNumber(string s, ref int p, int maxDigits, out int value)
    {
        value = 0;
        var begin = p;
        while (p < s.Length && p - begin < maxDigits && IsAsciiDigit(s[p])) value = value * 10 + (s[p++] - '0');
        return p > begin;
    }

    private static bool ReadRule(string s, ref int p, out TransitionRule rule)
    {
        rule = default;
        int a, b = 0, c = 0;
        char kind;
        if (p < s.Length && s[p] == 'J')
        {
            p++;
            kind = 'J';
            if (!ReadNumber(s, ref p, 3, out a) || a < 1 || a > 365) return false;
        }
        else if (p < s.Length && s[p] == 'M')
        {
            p++;
            kind = 'M';
            if (!ReadNumber(s, ref p, 2, out a) || a < 1 || a > 12) return false;
            if (p >= s.Length || s[p++] != '.' || !ReadNumber(s, ref p, 1, out b) || b < 1 || b > 5) return false;
            if (p >= s.Length || s[p++] != '.' || !ReadNumber(s, ref p, 1, out c) || c > 6) return false;
        }
        else
        {
            kind = 'n';
            if (!ReadNumber(s, ref p, 3, out a) || a > 365) return false;
        }
        var time = 7200;
        if (p < s.Length && s[p] == '/')
        {
            p++;
            if (!ReadTime(s, ref p, 167, out time)) return false;
        }
        rule = new TransitionRule(kind, a, b, c, time);
        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    /// <summary>The UTC bounds of a (standard-time) year and its daylight-saving change instants.</summary>
    private sealed class YearTransitions
    {
        public YearTransitions(long yearStart, long yearEnd, long daylightStart, long daylightEnd)
        {
            YearStart = yearStart;
            YearEnd = yearEnd;
            DaylightStart = daylightStart;
            DaylightEnd = daylightEnd;
        }

        public long YearStart { get; }

        public long YearEnd { get; }

        public long DaylightStart { get; }

        public long DaylightEnd { get; }
    }

    /// <summary>One of the two yearly change rules, with its local time of day.</summary>
    private readonly struct TransitionRule
    {
        private readonly char kind;    // 'J' (1..365, no Feb 29), 'n' (0..365), 'M' (month.week.day)
        private readonly int a, b, c;  // day, or month/week/weekday
        private readonly int time;     // seconds after local midnight (may be negative or > 24h)

        public TransitionRule(char kind, int a, int b, int c, int time)
        {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.c = c;
            this.time = time;
        }

        public static TransitionRule Month(int month, int week, int weekday, int time) => new('M', month, week, weekday, time);

        /// <summary>Naive local seconds of the change in <paramref name="year"/>.</summary>
        public long LocalSeconds(long year)
        {
            long days;
            switch (kind)
            {
                case 'J':
                    days = CivilTime.DaysFromCivil(year, 1, 1) + a - 1 + (CivilTime.IsLeapYear(year) && a >= 60 ? 1 : 0);
                    break;
                case 'n':
                    days = CivilTime.DaysFromCivil(year, 1, 1) + a;
                    break;
                default:
                    var first = CivilTime.DaysFromCivil(year, a, 1);
                    var day = 1 + ((c - CivilTime.DayOfWeekSundayZero(first) + 7) % 7) + (b - 1) * 7;
                    var inMonth = CivilTime.DaysInMonth(year, a);
                    while (day > inMonth) day -= 7;
                    days = first + day - 1;
                    break;
            }
            return days * CivilTime.SecondsPerDay + time;
        }
    }
}
