using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>Where each character of a literal node was written in its regex's source (an escape such as <c>\.</c> takes two).</summary>
internal static class LiteralSource
{
    /// <summary>
    /// The source offset of each character of <paramref name="literal"/>'s value, plus the offset just after it; null when
    /// the literal was written by a tag or with an escape not decoded here (<c>\x41</c>, octal …).
    /// </summary>
    public static int[]? Offsets(LintRegex regex, LiteralNode literal)
    {
        if (literal.Origin != null) return null;
        var span = regex.ToSource(literal.Span);
        var text = regex.Source.Text;
        var value = literal.Value;
        if (span.Start < 0 || span.End > text.Length) return null;
        var offsets = new int[value.Length + 1];
        var i = span.Start;
        var k = 0;
        for (; i < span.End && k < value.Length; k++)
        {
            offsets[k] = i;
            char c;
            if (text[i] == '\\')
            {
                if (i + 1 >= span.End) return null;
                c = Unescape(text[i + 1]);
                i += 2;
            }
            else
            {
                c = text[i++];
            }
            if (c != value[k]) return null;
        }
        if (k != value.Length || i != span.End) return null;
        offsets[k] = i;
        return offsets;
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'f' => '\f',
        'v' => '\v',
        'a' => '\a',
        _ when char.IsLetterOrDigit(c) => '\0',
        _ => c,
    };
}
