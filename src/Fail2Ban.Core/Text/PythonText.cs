using System.Collections.Generic;
using System.Globalization;

namespace Fail2Ban.Core.Text;

/// <summary>
/// Python <c>str</c> behaviours the engine must reproduce exactly: whitespace and word characters (the INI
/// reader, the option syntax) and <c>splitlines</c> (the matcher's skipped lines).
/// Python's <c>str.isspace</c> also counts the separators U+001C..U+001F, which .NET does not.
/// </summary>
internal static class PythonText
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');

    /// <summary>Python's <c>\w</c> in a str pattern: alphanumeric (any numeric category) or underscore.</summary>
    public static bool IsWordChar(char c)
    {
        if (c == '_' || char.IsLetterOrDigit(c)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>Python's <c>str.strip()</c>: the bounds of <paramref name="s"/> without surrounding whitespace.</summary>
    public static (int Start, int End) StripBounds(string s, int start, int end)
    {
        while (start < end && IsSpace(s[start])) start++;
        while (end > start && IsSpace(s[end - 1])) end--;
        return (start, end);
    }

    public static string Strip(string s)
    {
        var (a, b) = StripBounds(s, 0, s.Length);
        return s.Substring(a, b - a);
    }

    /// <summary>Python's <c>str.lower()</c> for option names (simple case mapping; Python's special
    /// multi-character lower-casings, e.g. of U+0130, are not reproduced).</summary>
    public static string Lower(string s) => s.ToLowerInvariant();

    /// <summary><c>str.splitlines(False)</c>: splits on every Unicode line boundary Python knows.</summary>
    public static List<string> SplitLines(string s)
    {
        var lines = new List<string>();
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (IsLineBoundary(c))
            {
                lines.Add(s.Substring(start, i - start));
                i += c == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? 2 : 1;
                start = i;
                continue;
            }
            i++;
        }
        if (start < s.Length) lines.Add(s.Substring(start));
        return lines;
    }

    private static bool IsLineBoundary(char c) =>
        c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c' || c == '\x1c' || c == '\x1d' || c == '\x1e' ||
        c == '\x85' || c == '\u2028' || c == '\u2029';
}
