using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Turns the named groups of a pattern template's match into a timestamp, as Fail2Ban's
/// <c>reGroupDictStrptime</c> does (spec 4.8): field by field in group order, then assumed
/// year / today, the zone, the local-time conversion.
/// </summary>
internal static class DateFieldReader
{
    internal enum Field : byte { Year, Year2, Month, MonthAbbr, MonthName, Day, Hour, Hour12, Minute, Second, Fraction, DayName, DayAbbr, WeekdayNumber, YearDay, WeekU, WeekW, Zone }

    /// <summary>A .NET group that feeds one date field.</summary>
    internal readonly struct FieldGroup
    {
        public FieldGroup(int group, int slot, Field field)
        {
            Group = group;
            Slot = slot;
            Field = field;
        }

        public int Group { get; }

        /// <summary>Capture slot of <see cref="Group"/> (see <c>CaptureSpans</c>).</summary>
        public int Slot { get; }

        public Field Field { get; }
    }

    /// <summary>What Fail2Ban needs at conversion time.</summary>
    internal readonly struct Context
    {
        public Context(double nowEpoch, LocalTimeZone zone, int? defaultOffsetMinutes)
        {
            NowEpoch = nowEpoch;
            Zone = zone;
            DefaultOffsetMinutes = defaultOffsetMinutes;
            NowNaive = zone.EpochToNaive(nowEpoch);
            CivilTime.Split((long)Math.Floor(NowNaive), out var y, out var m, out var d, out _);
            NowYear = y;
            NowMonth = m;
            NowDay = d;
        }

        public double NowEpoch { get; }

        /// <summary>"Now" as local naive seconds (Fail2Ban's <c>MyTime.now()</c>).</summary>
        public double NowNaive { get; }

        public long NowYear { get; }

        public int NowMonth { get; }

        public int NowDay { get; }

        public LocalTimeZone Zone { get; }

        public int? DefaultOffsetMinutes { get; }
    }

    private static readonly string[] MonthAbbrs = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
    private static readonly string[] MonthNames = { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" };
    private static readonly string[] DayAbbrs = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    private static readonly string[] DayNames = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

    private static readonly Dictionary<string, Field> FieldsByName = new(StringComparer.Ordinal)
    {
        ["Y"] = Field.Year, ["y"] = Field.Year2, ["m"] = Field.Month, ["b"] = Field.MonthAbbr, ["B"] = Field.MonthName,
        ["d"] = Field.Day, ["H"] = Field.Hour, ["I"] = Field.Hour12, ["M"] = Field.Minute, ["S"] = Field.Second,
        ["f"] = Field.Fraction, ["A"] = Field.DayName, ["a"] = Field.DayAbbr, ["w"] = Field.WeekdayNumber,
        ["j"] = Field.YearDay, ["U"] = Field.WeekU, ["W"] = Field.WeekW, ["z"] = Field.Zone, ["Z"] = Field.Zone,
    };

    /// <summary>The field groups of a template, in Python group order, and the <c>p</c> group (or -1).</summary>
    public static FieldGroup[] Resolve(List<string?> layout, Regex regex, out int amPmGroup)
    {
        var result = new List<FieldGroup>();
        amPmGroup = -1;
        for (var i = 1; i < layout.Count; i++)
        {
            var name = layout[i];
            if (name is null) continue;
            var number = regex.GroupNumberFromName(name);
            if (number < 0) continue;
            if (name == "p") amPmGroup = number;
            if (FieldsByName.TryGetValue(name, out var field)) result.Add(new FieldGroup(number, Matching.CaptureSpans.SlotOf(regex, number), field));
        }
        return result.ToArray();
    }

    /// <summary>Computes the timestamp of a pattern template's match.</summary>
    public static DateMatchOutcome Read(DateTemplate template, Match match, string line, in Context context, out double timestamp)
    {
        var outcome = ReadFields(template, match, line, context, out var seconds, out var zoned);
        timestamp = outcome != DateMatchOutcome.Converted ? 0 : zoned ? seconds : context.Zone.NaiveToEpoch(seconds);
        return outcome;
    }

    /// <summary>
    /// Everything of <see cref="Read"/> but the local-zone conversion, which depends on the zone's
    /// previous conversion (glibc's <c>mktime</c> guess): <paramref name="seconds"/> is Unix time when
    /// <paramref name="zoned"/>, else local naive seconds for <see cref="LocalTimeZone.NaiveToEpoch"/>.
    /// Has no side effects, so it may run ahead on another thread.
    /// </summary>
    public static DateMatchOutcome ReadFields(DateTemplate template, Match match, string line, in Context context,
        out long seconds, out bool zoned) =>
        ReadFields(template, new MatchCaptures(match), line, context, out seconds, out zoned);

    /// <summary>Where a template's groups lie: a regex match, or span code that read the line itself.</summary>
    internal interface ICaptures
    {
        bool TryGet(in FieldGroup group, out int index, out int length);

        bool TryGetAmPm(DateTemplate template, out int index, out int length);
    }

    private readonly struct MatchCaptures : ICaptures
    {
        private readonly Match _match;

        public MatchCaptures(Match match) => _match = match;

        public bool TryGet(in FieldGroup group, out int index, out int length) =>
            Matching.CaptureSpans.TryGet(_match, group.Slot, group.Group, out index, out length);

        public bool TryGetAmPm(DateTemplate template, out int index, out int length) =>
            Matching.CaptureSpans.TryGet(_match, template.AmPmSlot, template.AmPmGroup, out index, out length);
    }

    /// <summary><see cref="ReadFields(DateTemplate, Match, string, in Context, out long, out bool)"/> from any source of group spans.</summary>
    internal static DateMatchOutcome ReadFields<TCaptures>(DateTemplate template, TCaptures captures, string line, in Context context,
        out long seconds, out bool zoned) where TCaptures : struct, ICaptures
    {
        seconds = 0;
        zoned = false;
        long? year = null;
        int? month = null, day = null, weekday = null, weekOfYear = null;
        long? julian = null;
        int? zoneMinutes = null;
        var weekStartsMonday = false;
        int hour = 0, minute = 0, second = 0;
        foreach (var fg in template.Fields)
        {
            if (!captures.TryGet(fg, out var gIndex, out var gLength)) continue;
            var value = line.AsSpan(gIndex, gLength);
            long n;
            switch (fg.Field)
            {
                case Field.Year2:
                    if (!TryInt(value, out n, out var fail)) return fail;
                    if (!TryNarrow(n, out _)) return DateMatchOutcome.LineFailure;
                    year = n <= 2000 ? n + 2000 : n;
                    break;
                case Field.Year:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out _)) return DateMatchOutcome.LineFailure;
                    year = n;
                    break;
                case Field.Month:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out var m)) return DateMatchOutcome.LineFailure;
                    month = m;
                    break;
                case Field.MonthAbbr:
                    month = IndexOf(MonthAbbrs, value) + 1;
                    if (month == 0) return DateMatchOutcome.Unparsable;
                    break;
                case Field.MonthName:
                    month = IndexOf(MonthNames, value) + 1;
                    if (month == 0) return DateMatchOutcome.Unparsable;
                    break;
                case Field.Day:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out var d)) return DateMatchOutcome.LineFailure;
                    day = d;
                    break;
                case Field.Hour:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out hour)) return DateMatchOutcome.LineFailure;
                    break;
                case Field.Hour12:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out hour)) return DateMatchOutcome.LineFailure;
                    // found_dict.get('p', ''): a p group that did not participate is None -> crash.
                    var ampm = ReadOnlySpan<char>.Empty;
                    if (template.AmPmGroup >= 0)
                    {
                        if (!captures.TryGetAmPm(template, out var pIndex, out var pLength))
                            return DateMatchOutcome.LineFailure;
                        ampm = line.AsSpan(pIndex, pLength);
                    }
                    if (ampm.Length == 0 || EqualsLower(ampm, "am"))
                    {
                        if (hour == 12) hour = 0;
                    }
                    else if (EqualsLower(ampm, "pm") && hour != 12) hour += 12;
                    break;
                case Field.Minute:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out minute)) return DateMatchOutcome.LineFailure;
                    break;
                case Field.Second:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out second)) return DateMatchOutcome.LineFailure;
                    break;
                case Field.Fraction:
                    break; // Fail2Ban drops sub-seconds
                case Field.DayName:
                    weekday = IndexOf(DayNames, value);
                    if (weekday < 0) return DateMatchOutcome.Unparsable;
                    break;
                case Field.DayAbbr:
                    weekday = IndexOf(DayAbbrs, value);
                    if (weekday < 0) return DateMatchOutcome.Unparsable;
                    break;
                case Field.WeekdayNumber:
                    if (!TryInt(value, out n, out fail)) return fail;
                    weekday = n - 1 < 0 ? 6 : (int)Math.Min(n - 1, int.MaxValue);
                    break;
                case Field.YearDay:
                    if (!TryInt(value, out n, out fail)) return fail;
                    julian = n;
                    break;
                case Field.WeekU:
                case Field.WeekW:
                    if (!TryInt(value, out n, out fail)) return fail;
                    if (!TryNarrow(n, out var w)) return DateMatchOutcome.LineFailure;
                    weekOfYear = w;
                    weekStartsMonday = fg.Field == Field.WeekW;
                    break;
                case Field.Zone:
                    switch (ZoneOffset.TryParse(value, out var minutes))
                    {
                        case ZoneOffset.ParseStatus.Valid: zoneMinutes = minutes; break;
                        case ZoneOffset.ParseStatus.Invalid: return DateMatchOutcome.Unparsable;
                        default: return DateMatchOutcome.LineFailure;
                    }
                    break;
            }
        }

        var nowNaive = context.NowNaive;
        var assumeYear = false;
        if (year is null)
        {
            year = context.NowYear;
            assumeYear = true;
        }
        if (month is null || day is null)
        {
            if (julian is null && weekOfYear is not null && weekday is not null)
            {
                if (!ValidYear(year.Value)) return DateMatchOutcome.Unparsable;
                julian = JulianFromWeek(year.Value, weekOfYear.Value, weekday.Value, weekStartsMonday);
            }
            if (julian is not null)
            {
                if (!ValidYear(year.Value)) return DateMatchOutcome.Unparsable;
                var days = CivilTime.DaysFromCivil(year.Value, 1, 1) + julian.Value - 1;
                if (days < CivilTime.MinSeconds / CivilTime.SecondsPerDay || days > CivilTime.MaxSeconds / CivilTime.SecondsPerDay)
                    return DateMatchOutcome.Unparsable;
                CivilTime.CivilFromDays(days, out var y, out var mo, out var dd);
                year = y;
                month = mo;
                day = dd;
            }
        }
        var assumeToday = false;
        if (month is null && day is null)
        {
            month = context.NowMonth;
            day = context.NowDay;
            assumeToday = true;
        }
        if (month is null || day is null) return DateMatchOutcome.LineFailure; // Python: TypeError
        if (!ValidYear(year.Value) || month < 1 || month > 12 || day < 1 || day > CivilTime.DaysInMonth(year.Value, month.Value) ||
            hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
            return DateMatchOutcome.Unparsable;

        var result = CivilTime.Compose(year.Value, month.Value, day.Value, hour, minute, second);
        if (zoneMinutes is null && context.DefaultOffsetMinutes is { } defaultMinutes) zoneMinutes = defaultMinutes;
        if (zoneMinutes is { } offset)
        {
            result -= offset * 60L;
            if (result < CivilTime.MinSeconds || result > CivilTime.MaxSeconds) return DateMatchOutcome.LineFailure; // OverflowError
        }
        if (assumeToday && result > nowNaive)
        {
            result -= CivilTime.SecondsPerDay;
            if (result < CivilTime.MinSeconds) return DateMatchOutcome.LineFailure;
        }
        if (assumeYear && result > nowNaive + CivilTime.SecondsPerDay)
        {
            // date.replace(year=year-1, month=month, day=day): keeps the (shifted) time of day.
            var previousYear = year.Value - 1;
            if (!ValidYear(previousYear) || day > CivilTime.DaysInMonth(previousYear, month.Value)) return DateMatchOutcome.Unparsable;
            var timeOfDay = result - CivilTime.FloorDiv(result, CivilTime.SecondsPerDay) * CivilTime.SecondsPerDay;
            result = CivilTime.DaysFromCivil(previousYear, month.Value, day.Value) * CivilTime.SecondsPerDay + timeOfDay;
        }
        seconds = result;
        zoned = zoneMinutes is not null;
        return DateMatchOutcome.Converted;
    }

    private static bool ValidYear(long year) => year >= 1 && year <= 9999;

    // Python's _calc_julian_from_U_or_W; weekday is Monday = 0.
    private static long JulianFromWeek(long year, int weekOfYear, int dayOfWeek, bool weekStartsMonday)
    {
        var firstWeekday = (CivilTime.DayOfWeekSundayZero(CivilTime.DaysFromCivil(year, 1, 1)) + 6) % 7;
        if (!weekStartsMonday)
        {
            firstWeekday = (firstWeekday + 1) % 7;
            dayOfWeek = (dayOfWeek + 1) % 7;
        }
        var week0Length = (7 - firstWeekday) % 7;
        if (weekOfYear == 0) return 1 + dayOfWeek - firstWeekday;
        return 1 + week0Length + 7L * (weekOfYear - 1) + dayOfWeek;
    }

    private static bool TryNarrow(long value, out int result)
    {
        // Python raises OverflowError when a value does not fit a C int.
        result = (int)value;
        return value >= int.MinValue && value <= int.MaxValue;
    }

    /// <summary>
    /// Python <c>int(str)</c>: surrounding whitespace, a sign, Unicode decimal digits, single
    /// underscores between digits. Failures are ValueError (unparsable), huge values overflow.
    /// </summary>
    internal static bool TryInt(ReadOnlySpan<char> text, out long value, out DateMatchOutcome failure)
    {
        value = 0;
        failure = DateMatchOutcome.Unparsable;
        int b = 0, e = text.Length;
        while (b < e && IsPythonSpace(text[b])) b++;
        while (e > b && IsPythonSpace(text[e - 1])) e--;
        var negative = false;
        if (b < e && (text[b] == '+' || text[b] == '-')) negative = text[b++] == '-';
        if (b == e) return false;
        var previousUnderscore = true;
        var overflow = false;
        for (var i = b; i < e; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                if (previousUnderscore) return false;
                previousUnderscore = true;
                continue;
            }
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit < 0) return false;
            previousUnderscore = false;
            if (value > (long.MaxValue - digit) / 10) overflow = true;
            else value = value * 10 + digit;
        }
        if (previousUnderscore) return false;
        if (overflow)
        {
            failure = DateMatchOutcome.LineFailure;
            return false;
        }
        if (negative) value = -value;
        return true;
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');

    private static int IndexOf(string[] names, ReadOnlySpan<char> value)
    {
        for (var i = 0; i < names.Length; i++)
            if (EqualsLower(value, names[i])) return i;
        return -1;
    }

    private static bool EqualsLower(ReadOnlySpan<char> value, string lower)
    {
        if (value.Length != lower.Length) return false;
        for (var i = 0; i < value.Length; i++)
            if (char.ToLowerInvariant(value[i]) != lower[i]) return false;
        return true;
    }
}
