using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The probe's time written as a filter's own <c>datepattern</c> writes it (<c>^\[%d/%b/%Y %H:%M:%S\]</c> →
/// <c>[14/Aug/2005 11:59:58]</c>), so that an evidence line of a log with its own date format carries that format.
/// Each directive becomes the probe time's field; what is left is a regex, written as its plainest text (optional
/// parts left out, a class's first character). The caller checks every dated line in the matcher.
/// </summary>
internal static class DatePatternStamp
{
    /// <summary>The directives Fail2Ban's templates know, with the probe time's text (2005-08-14 11:59:58, a Sunday).</summary>
    private static readonly Dictionary<char, string> Fields = new()
    {
        ['Y'] = "2005", ['y'] = "05", ['m'] = "08", ['d'] = "14", ['e'] = "14", ['b'] = "Aug", ['B'] = "August",
        ['a'] = "Sun", ['A'] = "Sunday", ['H'] = "11", ['k'] = "11", ['I'] = "11", ['l'] = "11", ['M'] = "59", ['S'] = "58",
        ['f'] = "123456", ['p'] = "AM", ['z'] = "+0000", ['Z'] = "UTC", ['j'] = "226", ['s'] = "1124020798",
    };

    /// <summary>Named templates: the epoch in seconds.</summary>
    private static readonly Regex EpochName = new(@"^\s*\{?\^?(?:LN-BEG)?\}?\s*Epoch\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The stamps the filter's datepattern lines write, in their order; none for the default templates.</summary>
    public static IEnumerable<string> Of(string? datePattern)
    {
        if (string.IsNullOrWhiteSpace(datePattern)) yield break;
        foreach (var raw in datePattern!.Split('\n'))
        {
            var pattern = raw.Trim();
            if (pattern.Length == 0) continue;
            if (EpochName.IsMatch(pattern))
            {
                yield return Fields['s'];
                continue;
            }
            if (Render(pattern) is { } stamp) yield return stamp;
        }
    }

    private static string? Render(string pattern)
    {
        // Line-begin markers are not a format of their own; the default templates' names ({DATE}, {NONE}) are not one at all.
        if (pattern.StartsWith("{^LN-BEG}", StringComparison.Ordinal)) pattern = "^" + pattern.Substring("{^LN-BEG}".Length);
        if (pattern.IndexOf("{DATE}", StringComparison.Ordinal) >= 0 || (pattern.IndexOf('{') >= 0 && !Regex.IsMatch(pattern, @"\{\d"))) return null;
        if (pattern.IndexOf('%') < 0) return null;
        var text = Text(pattern, Fields);
        return string.IsNullOrWhiteSpace(text) ? null : text!.TrimEnd();
    }

    /// <summary>
    /// The text <paramref name="pattern"/> (one datepattern line) matches for a time whose directives write
    /// <paramref name="values"/> (<c>%Ex…</c> as the plain directive): directives as literals, the rest of the regex as its
    /// plainest text. Null for a directive without a value or a regex that does not parse.
    /// </summary>
    internal static string? Text(string pattern, IReadOnlyDictionary<char, string> values)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '%' || i + 1 >= pattern.Length)
            {
                regex.Append(c);
                if (c == '\\' && i + 1 < pattern.Length) regex.Append(pattern[++i]);
                continue;
            }
            var next = pattern[++i];
            if (next == '%')
            {
                regex.Append('%');
                continue;
            }
            // %Ex… is the same field, matched more strictly.
            if (next == 'E' && i + 2 < pattern.Length && pattern[i + 1] == 'x') { i += 2; next = pattern[i]; }
            if (!values.TryGetValue(next, out var field)) return null;
            regex.Append(Regex.Escape(field));
        }
        return RegexTextGenerator.PlainestText(regex.ToString());
    }
}
