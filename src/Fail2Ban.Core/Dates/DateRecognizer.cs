using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Span code for a fixed default template (syslog, ISO 8601): it walks the line in the order the
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
        (DateRecognizer?)SyslogDateRecognizer.For(template) ?? IsoDateRecognizer.For(template);

    /// <summary>True with the spans of the regex's match when the first path of the regex matches.</summary>
    public abstract bool TryMatch(string line, out DateSpans spans);

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

    protected static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    protected static bool Range(string s, int i, char lo, char hi) => i < s.Length && s[i] >= lo && s[i] <= hi;

    protected static bool IsWord(char c, out bool ascii)
    {
        ascii = c <= '\x7f';
        return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
    }
}
