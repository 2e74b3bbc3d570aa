using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// The generic part of turning a template's Python regex into its final form (spec 4.1 steps
/// 5–11): global flags, group 1 wrapping, word/line boundaries, flags and the <c>**</c> markers.
/// The helper regexes are Fail2Ban's constants, applied to the pattern text.
/// </summary>
internal static class TemplateRegexBuilder
{
    /// <summary>Which begin boundary a template asks for.</summary>
    public enum BeginMode { None, Word, LineStart }

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Regex Grouped = new(@"(?<!(?:\(\?))(?<!\\)\((?!\?)", Options);
    private static readonly Regex Group = new(@"^((?:\(\?\w+\))?\^?(?:\(\?\w+\))?)(.*?)(\$?)$", Options);
    private static readonly Regex GlobalFlags = new(@"((?:^|(?<!\\))\(\?[a-z]+\))", Options);
    private static readonly Regex NoWordBoundBegin = new(@"^\(*(?:\(\?\w+\))?(?:\^|\(*\*\*|\((?:\?:)?\^)", Options);
    private static readonly Regex NoWordBoundEnd = new(@"(?<!\\)(?:\$\)?|\\b|\\s|\*\*\)*)$", Options);
    private static readonly Regex DeleteWordBounds = new(@"^\(*(?:\(\?\w+\))?\(*\*\*|(?<!\\)\*\*\)*$", Options);
    private static readonly Regex LineBoundBegin = new(@"^(?:\(\?\w+\))?(?:\^|\((?:\?:)?\^(?!\|))", Options);
    private static readonly Regex LineBoundEnd = new(@"(?<![\\\|])(?:\$\)?)$", Options);

    public const string WordBeginBoundary = @"(?=^|\b|\W)";
    public const string LineBeginBoundary = @"^(?:\W{0,2})?";
    public const string WordEndBoundary = @"(?=\b|\W|$)";
    public const string LineBeginNamePrefix = "{^LN-BEG}";

    /// <summary>True when the Python regex has a plain capturing group (<c>RE_GROUPED</c>).</summary>
    public static bool HasPlainGroup(string regex) => Grouped.IsMatch(regex);

    /// <summary>Builds the final regex; may prefix <paramref name="name"/> with <c>{^LN-BEG}</c>.</summary>
    public static string Build(string regex, BeginMode begin, bool wordEnd, ref string name, out DateTemplateFlags flags)
    {
        regex = PythonStrip(regex);
        var gf = GlobalFlags.Match(regex);
        if (gf.Success) regex = regex.Remove(gf.Index, gf.Length);
        var boundBegin = begin != BeginMode.None && !NoWordBoundBegin.IsMatch(regex);
        var boundEnd = wordEnd && !NoWordBoundEnd.IsMatch(regex);
        if (!Grouped.IsMatch(regex)) regex = Group.Replace(regex, "$1($2)$3");
        flags = DateTemplateFlags.None;
        if (boundBegin)
        {
            if (begin == BeginMode.LineStart)
            {
                flags |= DateTemplateFlags.LineBegin;
                regex = LineBeginBoundary + regex;
                if (!name.StartsWith(LineBeginNamePrefix, System.StringComparison.Ordinal)) name = LineBeginNamePrefix + name;
            }
            else
            {
                flags |= DateTemplateFlags.WordBegin;
                regex = WordBeginBoundary + regex;
            }
        }
        if (boundEnd)
        {
            flags |= DateTemplateFlags.WordEnd;
            regex += WordEndBoundary;
        }
        if ((flags & DateTemplateFlags.LineBegin) == 0 && LineBoundBegin.IsMatch(regex)) flags |= DateTemplateFlags.LineBegin;
        if ((flags & DateTemplateFlags.LineEnd) == 0 && LineBoundEnd.IsMatch(regex)) flags |= DateTemplateFlags.LineEnd;
        regex = DeleteWordBounds.Replace(regex, m => m.Value.Replace("**", ""));
        if (gf.Success) regex = gf.Groups[1].Value + regex;
        return regex;
    }

    /// <summary>Python's <c>str.strip()</c>: also removes the separators U+001C–U+001F.</summary>
    public static string PythonStrip(string s)
    {
        int b = 0, e = s.Length;
        while (b < e && IsPythonSpace(s[b])) b++;
        while (e > b && IsPythonSpace(s[e - 1])) e--;
        return b == 0 && e == s.Length ? s : s.Substring(b, e - b);
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');
}
