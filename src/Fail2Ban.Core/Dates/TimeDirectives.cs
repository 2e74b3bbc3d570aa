using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// The <c>%</c> directives of date patterns (spec 4.2): each one's Python regex and its display
/// name, and the expansion of a pattern into a regex and a template name.
/// </summary>
internal static class TimeDirectives
{
    // Verbatim expansions (Python 3.11 _strptime.TimeRE, C locale, with Fail2Ban's overrides).
    private static readonly Dictionary<string, string> Regexes = new(StringComparer.Ordinal)
    {
        ["a"] = "(?P<a>mon|tue|wed|thu|fri|sat|sun)",
        ["A"] = "(?P<A>wednesday|thursday|saturday|tuesday|monday|friday|sunday)",
        ["b"] = "(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
        ["B"] = "(?P<B>september|february|november|december|january|october|august|march|april|june|july|may)",
        ["c"] = @"(?P<a>mon|tue|wed|thu|fri|sat|sun)\s+(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])\s+(?P<H>2[0-3]|[0-1]\d|\d):(?P<M>[0-5]\d|\d):(?P<S>6[0-1]|[0-5]\d|\d)\s+(?P<Y>\d\d\d\d)",
        ["d"] = @"(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])",
        ["f"] = "(?P<f>[0-9]{1,6})",
        ["G"] = @"(?P<G>\d\d\d\d)",
        ["H"] = @"(?P<H>[0-1]?\d|2[0-3])",
        ["I"] = "(?P<I>1[0-2]|0[1-9]|[1-9])",
        ["j"] = @"(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
        ["k"] = @" ?(?P<H>[0-2]?\d)",
        ["l"] = @" ?(?P<I>1?\d)",
        ["m"] = "(?P<m>0?[1-9]|1[0-2])",
        ["M"] = @"(?P<M>[0-5]?\d)",
        ["p"] = "(?P<p>am|pm)",
        ["S"] = @"(?P<S>[0-5]?\d|6[0-1])",
        ["U"] = @"(?P<U>5[0-3]|[0-4]\d|\d)",
        ["u"] = "(?P<u>[1-7])",
        ["V"] = @"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
        ["w"] = "(?P<w>[0-6])",
        ["W"] = @"(?P<W>5[0-3]|[0-4]\d|\d)",
        ["x"] = @"(?P<m>1[0-2]|0[1-9]|[1-9])/(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])/(?P<y>\d\d)",
        ["X"] = @"(?P<H>2[0-3]|[0-1]\d|\d):(?P<M>[0-5]\d|\d):(?P<S>6[0-1]|[0-5]\d|\d)",
        ["y"] = @"(?P<y>\d\d)",
        ["Y"] = @"(?P<Y>\d{4})",
        ["z"] = @"(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?)",
        ["Z"] = "(?P<Z>Z|[A-Z]{3,5})",
        ["%"] = "%",
        ["Exd"] = @"(?P<d>[1-2]\d|0[1-9]|3[0-1])",
        ["Exm"] = "(?P<m>0[1-9]|1[0-2])",
        ["ExH"] = @"(?P<H>[0-1]\d|2[0-3])",
        ["Exk"] = @" ?(?P<H>[0-1]?\d|2[0-3])",
        ["Exl"] = @" ?(?P<I>1[0-2]|\d)",
        ["ExM"] = @"(?P<M>[0-5]\d)",
        ["ExS"] = @"(?P<S>[0-5]\d|6[0-1])",
        ["Exy"] = @"(?P<y>\d{2})",
        ["ExZ"] = "(?P<Z>[A-Z](?:[A-Z]{2,4})?)",
        ["Exz"] = @"(?P<z>(?:[A-Z](?:[A-Z]{2,4})?)?[+-][01]\d(?::?\d{2})?|[A-Z](?:[A-Z]{2,4})?)",
        // "ExY" depends on the year: see ExYearRegex.
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["a"] = "DAY", ["A"] = "DAYNAME", ["b"] = "MON", ["B"] = "MONTH", ["d"] = "Day",
        ["H"] = "24hour", ["I"] = "12hour", ["j"] = "Yearday", ["m"] = "Month",
        ["M"] = "Minute", ["p"] = "AMPM", ["S"] = "Second", ["U"] = "Yearweek",
        ["w"] = "Weekday", ["W"] = "Yearweek", ["y"] = "Year2", ["Y"] = "Year", ["%"] = "%",
        ["z"] = "Zone offset", ["f"] = "Microseconds", ["Z"] = "Zone name",
        ["Exd"] = "ExDay", ["Exm"] = "ExMonth", ["ExH"] = "Ex24hour", ["Exk"] = "Ex%k",
        ["ExM"] = "ExMinute", ["ExS"] = "ExSecond", ["ExY"] = "ExYear", ["Exy"] = "ExYear2",
        ["ExZ"] = "ExZone name", ["Exz"] = "ExZone offset",
        // others ("%c", "%G", "%k", "%l", "%u", "%V", "%x", "%X", "%Exl") are named "%" + key.
    };

    private static readonly string[] LongKeys = { "ExZ", "Exz", "Exd", "Exm", "ExH", "Exk", "Exl", "ExM", "ExS", "ExY", "Exy" };
    private const string ShortKeys = "dfHIGjmMSUwuVyYzAaBbpZ%WcxXkl";

    /// <summary>All directive keys (without the <c>%</c>).</summary>
    public static IEnumerable<string> Keys => Regexes.Keys.Concat(new[] { "ExY" });

    /// <summary>The regex of a directive key for the given current year, or null if unknown.</summary>
    public static string? RegexOf(string key, int currentYear) =>
        key == "ExY" ? ExYearRegex(currentYear) : Regexes.TryGetValue(key, out var r) ? r : null;

    /// <summary>The display name of a directive key.</summary>
    public static string NameOf(string key) => Names.TryGetValue(key, out var n) ? n : "%" + key;

    /// <summary>
    /// <c>%ExY</c> (spec 4.3): <c>(?P&lt;Y&gt;</c> + the century-decade prefixes of last year, of
    /// year+3 and of every third year from 2000 up to this year, compacted as Fail2Ban does, + <c>\d)</c>.
    /// </summary>
    public static string ExYearRegex(int currentYear)
    {
        const int alternateYear = 2001; // datetime.fromtimestamp(978393600).year
        var prefixes = new SortedSet<string>(StringComparer.Ordinal)
        {
            Prefix(currentYear - 1),
            Prefix(currentYear + 3),
        };
        for (var i = -1; i < currentYear - alternateYear + 1; i += 3) prefixes.Add(Prefix(alternateYear + i));
        return "(?P<Y>" + Compact(prefixes.ToList()) + @"\d)";

        static string Prefix(int year)
        {
            var s = year.ToString(CultureInfo.InvariantCulture);
            return s.Length > 3 ? s.Substring(0, 3) : s;
        }
    }

    // Fail2Ban's grp(): factor out a common prefix (all but the last char, else the first char),
    // then an alternation or a character class.
    private static string Compact(List<string> set)
    {
        if (set.Count > 1)
        {
            var common = CommonPrefix(set, s => s.Substring(0, s.Length - 1));
            if (string.IsNullOrEmpty(common)) common = CommonPrefix(set, s => s.Length > 0 ? s.Substring(0, 1) : "");
            if (!string.IsNullOrEmpty(common))
                return common + Compact(set.Select(s => s.Substring(common!.Length)).ToList());
            return set[0].Length > 1 ? "(?:" + string.Join("|", set) + ")" : "[" + string.Concat(set) + "]";
        }
        return string.Concat(set);

        static string? CommonPrefix(List<string> items, Func<string, string> part)
        {
            string? c = null;
            foreach (var item in items)
            {
                var p = part(item);
                if (c is null || p == c) c = p;
                else return null;
            }
            return c;
        }
    }

    /// <summary>
    /// Expands the directives of a date pattern (Fail2Ban: substitute <c>%(key)s</c>, then
    /// Python <c>%</c>-formatting with the regex table and with the name table).
    /// Returns false with a reason when a <c>%</c> is not a known directive.
    /// </summary>
    public static bool TryExpand(string pattern, int currentYear, out string regex, out string name, out string error)
    {
        var re = new StringBuilder(pattern.Length * 4);
        var nm = new StringBuilder(pattern.Length * 2);
        error = "";
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '%')
            {
                re.Append(c);
                nm.Append(c);
                continue;
            }
            var key = DirectiveAt(pattern, i + 1);
            if (key is null)
            {
                // After the directive substitution, only "%(key)s" survives Python's formatting.
                var mapped = MappingKeyAt(pattern, i + 1, out var consumed);
                if (mapped is null)
                {
                    regex = name = "";
                    error = i + 1 < pattern.Length
                        ? "unsupported format character '" + pattern[i + 1] + "' at index " + i
                        : "incomplete format";
                    return false;
                }
                re.Append(RegexOf(mapped, currentYear));
                nm.Append(NameOf(mapped));
                i += consumed;
                continue;
            }
            re.Append(RegexOf(key, currentYear));
            nm.Append(NameOf(key));
            i += key.Length;
        }
        regex = re.ToString();
        name = nm.ToString();
        return true;
    }

    /// <summary>The directive key starting at <paramref name="at"/> (after a <c>%</c>), or null.</summary>
    private static string? DirectiveAt(string pattern, int at)
    {
        if (at >= pattern.Length) return null;
        foreach (var k in LongKeys)
            if (string.CompareOrdinal(pattern, at, k, 0, k.Length) == 0) return k;
        var c = pattern[at];
        return ShortKeys.IndexOf(c) >= 0 ? c.ToString() : null;
    }

    // "%(key)s" written literally in the pattern: Python's mapping format looks the key up too.
    private static string? MappingKeyAt(string pattern, int at, out int consumed)
    {
        consumed = 0;
        if (at >= pattern.Length || pattern[at] != '(') return null;
        var close = pattern.IndexOf(')', at);
        if (close < 0 || close + 1 >= pattern.Length || pattern[close + 1] != 's') return null;
        var key = pattern.Substring(at + 1, close - at - 1);
        if (key != "ExY" && !Regexes.ContainsKey(key)) return null;
        consumed = close + 1 - (at - 1);
        return key;
    }
}
