using System.Collections.Generic;
using System.Text;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Fail2Ban's global-flag rewrite (spec 2.5), as a scanner with the exact behaviour of its
/// substitution <c>(?&lt;!\\)\((?:\?:)?(\(\?[a-z]+)\)</c> → <c>\1:</c>: a <c>(</c> not preceded by a
/// backslash, optionally <c>?:</c>, then <c>(?flags)</c> becomes <c>(?flags:</c>. It works on the text
/// (inside classes too), exactly like the original.
/// </summary>
internal static class GlobalFlagRewriter
{
    public sealed record Result(string Text, OffsetMap Map, IReadOnlyList<PatternSpan> RewrittenSourceSpans);

    public static Result Rewrite(string text)
    {
        var map = new OffsetMap();
        var rewritten = new List<PatternSpan>();
        StringBuilder? sb = null;
        var copiedFrom = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '(' || (i > 0 && text[i - 1] == '\\'))
            {
                i++;
                continue;
            }
            var flagsAt = i + 1;
            var end = -1;
            if (string.CompareOrdinal(text, i + 1, "?:", 0, 2) == 0) end = FlagGroupEnd(text, flagsAt = i + 3);
            if (end < 0) end = FlagGroupEnd(text, flagsAt = i + 1);
            if (end < 0)
            {
                i++;
                continue;
            }
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copiedFrom, i - copiedFrom);
            map.AddCopy(copiedFrom, i - copiedFrom);
            var replacement = text.Substring(flagsAt, end - 1 - flagsAt) + ":"; // "(?flags" + ":"
            sb.Append(replacement);
            map.AddReplacement(i, end - i, replacement.Length);
            rewritten.Add(PatternSpan.FromBounds(i, end));
            i = copiedFrom = end;
        }
        map.AddCopy(copiedFrom, text.Length - copiedFrom);
        if (sb is null) return new Result(text, map, rewritten);
        sb.Append(text, copiedFrom, text.Length - copiedFrom);
        return new Result(sb.ToString(), map, rewritten);
    }

    /// <summary>End (exclusive) of <c>(?[a-z]+)</c> at <paramref name="at"/>, or -1.</summary>
    private static int FlagGroupEnd(string s, int at)
    {
        if (at + 1 >= s.Length || s[at] != '(' || s[at + 1] != '?') return -1;
        var i = at + 2;
        while (i < s.Length && s[i] >= 'a' && s[i] <= 'z') i++;
        if (i == at + 2 || i >= s.Length || s[i] != ')') return -1;
        return i + 1;
    }
}
