using System;

namespace Fail2Ban.Core.Text;

/// <summary>
/// Converts the engine's locations to the compiler's. The config reader counts lines as Python reads files
/// (<c>\r\n</c>, <c>\r</c>, <c>\n</c>); Roslyn and the editors that show its diagnostics also break lines at
/// U+0085, U+2028 and U+2029, so a location after such a character is converted through its offset.
/// </summary>
public static class LineNumbering
{
    /// <summary>The offset of 1-based <paramref name="line"/>/<paramref name="column"/> counted as the config reader counts, clamped to that line.</summary>
    public static int OffsetOf(string text, int line, int column)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var start = 0;
        for (var n = 1; n < line; n++)
        {
            var end = LineEnd(text, start);
            if (end >= text.Length) return text.Length; // past the last line
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
        return Math.Min(start + Math.Max(column, 1) - 1, LineEnd(text, start));
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/> counted as Roslyn counts lines.</summary>
    public static (int Line, int Column) RoslynPosition(string text, int offset)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        offset = Math.Max(0, Math.Min(offset, text.Length));
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // the break is the \n
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }

    /// <summary>The engine's <paramref name="line"/>/<paramref name="column"/> in <paramref name="text"/> as Roslyn numbers it (unchanged when the text has no other line breaks).</summary>
    public static (int Line, int Column) ToRoslyn(string text, int line, int column)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (text.IndexOf('\u0085') < 0 && text.IndexOf('\u2028') < 0 && text.IndexOf('\u2029') < 0) return (line, column);
        return RoslynPosition(text, OffsetOf(text, line, column));
    }

    private static int LineEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
        return end;
    }
}
