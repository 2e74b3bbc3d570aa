using System.Collections.Generic;

namespace Fail2Ban.Core.Matching;

/// <summary>Python <c>str</c> behaviours the matcher must reproduce exactly.</summary>
internal static class PythonText
{
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
