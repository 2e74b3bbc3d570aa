using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Span code for a fixed default template (syslog, ISO 8601, Apache): it walks the line in the order the
/// template's regex tries it and answers only when that first path succeeds, which is then exactly
/// the regex's match. Anything else (a choice the regex would have to undo, a non-ASCII character,
/// a line it does not fit) is "don't know", and the caller runs the regex, which stays the reference
/// (the recognizer tests compare both on the corpus and on generated dates).
/// </summary>
internal abstract class DateRecognizer
{
    /// <summary>Off only to measure the regex path, or to compare against it.</summary>
    internal static bool Enabled = true;

    /// <summary>The recognizer for <paramref name="template"/>, or null when no span code knows it.</summary>
    public static DateRecognizer? For(DateTemplate template) =>
        (DateRecognizer?)SyslogDateRecognizer.For(template) ?? (DateRecognizer?)IsoDateRecognizer.For(template) ??
        ApacheDateRecognizer.For(template);

    /// <summary>True with the spans of the regex's match when the first path of the regex matches.</summary>
    public abstract bool TryMatch(string line, out DateSpans spans);

    /// <summary>
    /// For an unanchored template: true with the spans when its search from <paramref name="pos"/>, the
    /// line cut at <paramref name="end"/>, matches exactly <c>[pos, end)</c>; false is "don't know".
    /// </summary>
    public virtual bool TryMatchAt(string line, int pos, int end, out DateSpans spans)
    {
        spans = default;
        return false;
    }

    /// <summary>
    /// The ExYear table of a template whose Python regex is <paramref name="head"/>, an ExYear body,
    /// <paramref name="tail"/> and whose fields all have a <see cref="DateSpans"/> slot; else null.
    /// </summary>
    protected static bool[]? YearPrefixes(DateTemplate template, string head, string tail)
    {
        var python = template.PythonRegex;
        if (template.Kind != DateTemplateKind.Pattern || !python.StartsWith(head, StringComparison.Ordinal) ||
            !python.EndsWith(tail, StringComparison.Ordinal) || python.Length <= head.Length + tail.Length)
            return null;
        foreach (var fg in template.Fields)
            if (DateSpans.SlotOf(fg.Field) < 0) return null;
        return YearPrefixes(python.Substring(head.Length, python.Length - head.Length - tail.Length));
    }

    /// <summary>
    /// The digits an ExYear body (<c>20[0-2]</c>, <c>(?:20[23]|203)</c>: three-character prefixes of
    /// the years Fail2Ban accepts) lets through, as a table of the 1000 three-digit prefixes; null
    /// when the body is not of that kind (it also matches one, two or four digits).
    /// </summary>
    protected static bool[]? YearPrefixes(string body)
    {
        // ExYear's body is digits, classes and alternations: the same syntax in Python and .NET.
        foreach (var c in body)
            if (!(c is >= '0' and <= '9' || c is '[' or ']' or '|' or '(' or ')' or '?' or ':'))
                return null;
        var regex = new Regex("^(?:" + body + ")$", RegexOptions.CultureInvariant);
        var table = new bool[1000];
        for (var i = 0; i < 1000; i++)
        {
            var prefix = i.ToString("000", CultureInfo.InvariantCulture);
            table[i] = regex.IsMatch(prefix);
            if (i < 100 && (regex.IsMatch(prefix.Substring(1)) || regex.IsMatch(prefix.Substring(2)))) return null;
            if (table[i] && regex.IsMatch(prefix + "0")) return null;
        }
        return table;
    }

    /// <summary>ExYear at <paramref name="i"/>: three ASCII digits of an accepted prefix, then an ASCII digit.</summary>
    protected static bool IsYear(string s, int i, bool[] prefixes) =>
        Range(s, i, '0', '9') && Range(s, i + 1, '0', '9') && Range(s, i + 2, '0', '9') && Range(s, i + 3, '0', '9') &&
        prefixes[(s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0')];

    /// <summary>
    /// <c>(?P&lt;d&gt;[1-2]\d|[0 ]?[1-9]|3[0-1])</c> at <paramref name="p"/>, followed by <paramref name="next"/> or
    /// <paramref name="orNext"/>: the first alternative that is (at most one can be), moving past it.
    /// </summary>
    protected static bool Day(string s, ref int p, char next, char orNext, ref DateSpans spans)
    {
        int n;
        if (Range(s, p, '1', '2') && Range(s, p + 1, '0', '9') && Follows(s, p + 2, next, orNext)) n = 2;
        else if ((At(s, p, '0') || At(s, p, ' ')) && Range(s, p + 1, '1', '9') && Follows(s, p + 2, next, orNext)) n = 2;
        else if (Range(s, p, '1', '9') && Follows(s, p + 1, next, orNext)) n = 1;
        else if (At(s, p, '3') && Range(s, p + 1, '0', '1') && Follows(s, p + 2, next, orNext)) n = 2;
        else return false;
        spans.Set(DateSpans.D, p, n);
        p += n;
        return true;
    }

    /// <summary><c>(?P&lt;H&gt;[0-1]?\d|2[0-3]):</c> at <paramref name="p"/>: the first alternative followed by ':', moving past the colon.</summary>
    protected static bool Hour24(string s, ref int p, ref DateSpans spans)
    {
        int n;
        if (Range(s, p, '0', '1') && Range(s, p + 1, '0', '9') && At(s, p + 2, ':')) n = 2;
        else if (Range(s, p, '0', '9') && At(s, p + 1, ':')) n = 1;
        else if (At(s, p, '2') && Range(s, p + 1, '0', '3') && At(s, p + 2, ':')) n = 2;
        else return false;
        spans.Set(DateSpans.H, p, n);
        p += n + 1;
        return true;
    }

    /// <summary><c>(?P&lt;S&gt;[0-5]?\d|6[0-1])</c>: its first alternative that matches here (any later failure: don't know).</summary>
    protected static bool Second(string s, ref int p, ref DateSpans spans)
    {
        int n;
        if (Range(s, p, '0', '5') && Range(s, p + 1, '0', '9')) n = 2;
        else if (Range(s, p, '0', '9')) n = 1;
        else return false;
        spans.Set(DateSpans.S, p, n);
        p += n;
        return true;
    }

    /// <summary><c>(?:\.(?P&lt;f&gt;[0-9]{1,6}))?</c> greedy (with <paramref name="comma"/>, <c>[.,]</c> for the dot).</summary>
    protected static void Fraction(string s, ref int p, bool comma, ref DateSpans spans)
    {
        spans.Set(DateSpans.F, -1, 0);
        if (!(At(s, p, '.') || comma && At(s, p, ',')) || !Range(s, p + 1, '0', '9')) return;
        var n = 0;
        while (n < 6 && Range(s, p + 1 + n, '0', '9')) n++;
        spans.Set(DateSpans.F, p + 1, n);
        p += 1 + n;
    }

    private static bool Follows(string s, int i, char next, char orNext) => i < s.Length && (s[i] == next || s[i] == orNext);

    protected static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    protected static bool Range(string s, int i, char lo, char hi) => i < s.Length && s[i] >= lo && s[i] <= hi;

    protected static bool IsWord(char c, out bool ascii)
    {
        ascii = c <= '\x7f';
        return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
    }
}
