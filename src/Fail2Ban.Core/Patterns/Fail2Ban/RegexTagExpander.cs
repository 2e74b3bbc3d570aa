using System.Collections.Generic;
using System.Text;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Expands Fail2Ban's regex tags (spec 2.1–2.3) in one left-to-right scan, as Fail2Ban's
/// <c>FTAG_CRE</c> substitution does: <c>&lt;</c>, optional <c>/</c>, word characters or <c>-</c>,
/// optional <c>/</c>, <c>&gt;</c>. Unknown tags stay literal text.
/// </summary>
internal static class RegexTagExpander
{
    public sealed record Result(string Text, OffsetMap Map, IReadOnlyList<TagExpansion> Expansions);

    public static Result Expand(string source, bool useDnsIsNo)
    {
        var sb = new StringBuilder(source.Length + 64);
        var map = new OffsetMap();
        var expansions = new List<TagExpansion>();
        var openTags = new HashSet<string>();
        var skipLines = 0;
        var copiedFrom = 0;
        var i = 0;
        while (i < source.Length)
        {
            var end = source[i] == '<' ? TagEnd(source, i) : -1;
            if (end < 0)
            {
                i++;
                continue;
            }
            var tag = source.Substring(i, end - i);
            var name = tag.Substring(1, tag.Length - 2);
            string? replacement;
            TagExpansionKind kind;
            string? groupName = null;
            if (name == "HOST")
            {
                replacement = useDnsIsNo ? Fail2BanTagPatterns.ADDR : Fail2BanTagPatterns.HOST;
                kind = TagExpansionKind.Host;
            }
            else if (name == "SKIPLINES")
            {
                replacement = Fail2BanTagPatterns.SkipLines(skipLines++);
                kind = TagExpansionKind.SkipLines;
            }
            else if (Fail2BanTagPatterns.Static.TryGetValue(name, out var fixedText))
            {
                replacement = fixedText;
                kind = TagExpansionKind.Static;
            }
            else if (TryCustomTag(name, out var closing, out var customName))
            {
                groupName = Fail2BanTagPatterns.MapTagName(customName);
                if (closing)
                {
                    replacement = openTags.Contains(customName) ? ")" : null; // a close without an open stays literal
                    kind = TagExpansionKind.CustomClose;
                }
                else
                {
                    openTags.Add(customName);
                    replacement = "(?P<" + groupName + ">";
                    kind = TagExpansionKind.CustomOpen;
                }
            }
            else
            {
                replacement = null;
                kind = default;
            }

            if (replacement is null)
            {
                i = end;
                continue;
            }
            map.AddCopy(copiedFrom, i - copiedFrom);
            sb.Append(source, copiedFrom, i - copiedFrom);
            var at = sb.Length;
            if (at + replacement.Length + (source.Length - end) > EngineLimits.MaxRegexLength) throw TooLong(source);
            sb.Append(replacement);
            map.AddReplacement(i, end - i, replacement.Length);
            expansions.Add(new TagExpansion(kind, tag, PatternSpan.FromBounds(i, end), new PatternSpan(at, replacement.Length), replacement)
            {
                GroupName = groupName,
            });
            i = copiedFrom = end;
        }
        map.AddCopy(copiedFrom, source.Length - copiedFrom);
        sb.Append(source, copiedFrom, source.Length - copiedFrom);
        if (sb.Length > EngineLimits.MaxRegexLength) throw TooLong(source);
        return new Result(sb.ToString(), map, expansions);
    }

    private static RegexTranslationException TooLong(string source) =>
        new(DiagnosticIds.LimitExceeded, "the regex is longer than " + EngineLimits.MaxRegexLength
            + " characters after tag expansion", 0, source.Length);

    /// <summary>The end (exclusive) of a tag starting with '&lt;' at <paramref name="start"/>, or -1.</summary>
    private static int TagEnd(string s, int start)
    {
        var i = start + 1;
        if (i < s.Length && s[i] == '/') i++;
        var nameStart = i;
        while (i < s.Length && (s[i] == '-' || PythonCharCategories.IsWordChar(s, i))) i++;
        if (i == nameStart) return -1;
        if (i < s.Length && s[i] == '/') i++;
        return i < s.Length && s[i] == '>' ? i + 1 : -1;
    }

    /// <summary>Fail2Ban's <c>FCUSTNAME_CRE</c>: <c>^(/?)F-([A-Z0-9_\-]+)$</c> (upper case only).</summary>
    private static bool TryCustomTag(string name, out bool closing, out string customName)
    {
        closing = name.Length > 0 && name[0] == '/';
        var start = closing ? 1 : 0;
        customName = "";
        if (name.Length - start < 3 || name[start] != 'F' || name[start + 1] != '-') return false;
        for (var i = start + 2; i < name.Length; i++)
        {
            var c = name[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
        }
        customName = name.Substring(start + 2);
        return true;
    }
}
