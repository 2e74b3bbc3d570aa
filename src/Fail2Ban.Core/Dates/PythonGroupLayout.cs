using System.Collections.Generic;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// The capturing groups of a Python regex in Python's numbering (named and unnamed together),
/// read from the pattern text, so templates can find "group 1" and their date-field groups
/// in the translated .NET regex.
/// </summary>
internal static class PythonGroupLayout
{
    /// <summary>Names of groups 1…n (index 0 unused); null entries are unnamed groups.</summary>
    public static List<string?> Scan(string pattern)
    {
        var groups = new List<string?> { null };
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                // A ']' right after '[' or '[^' is a literal member.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++;
                continue;
            }
            if (c != '(') continue;
            if (i + 1 >= pattern.Length || pattern[i + 1] != '?')
            {
                groups.Add(null);
                continue;
            }
            if (i + 3 < pattern.Length && pattern[i + 2] == 'P' && pattern[i + 3] == '<')
            {
                var close = pattern.IndexOf('>', i + 4);
                if (close < 0) break;
                groups.Add(pattern.Substring(i + 4, close - i - 4));
                i = close;
                continue;
            }
            if (i + 2 < pattern.Length && pattern[i + 2] == '(')
            {
                // (?(name)yes|no): the condition names a group, it is not one.
                var close = pattern.IndexOf(')', i + 3);
                if (close < 0) break;
                i = close;
                continue;
            }
            if (i + 2 < pattern.Length && pattern[i + 2] == '#')
            {
                // (?#comment): skip to the closing parenthesis.
                var close = pattern.IndexOf(')', i + 3);
                if (close < 0) break;
                i = close;
            }
        }
        return groups;
    }
}
