using System;
using System.Collections.Generic;
using System.Text;

namespace FilterLint.Output;

/// <summary>
/// The <c>.conf</c> lines under a finding with a caret line marking its span, the way compilers show
/// errors: <c>   15 | _pref = [A-Z]{4}</c> then <c>      |              ^^^</c>.
/// </summary>
internal static class SourceExcerpt
{
    /// <summary>Appends the excerpt of lines <paramref name="line"/>..<paramref name="endLine"/> (at most 3) to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, IReadOnlyList<string> lines, int line, int column, int endLine, int endColumn)
    {
        if (line < 1 || line > lines.Count) return;
        var last = Math.Min(Math.Min(endLine, line + 2), lines.Count);
        if (last < line) last = line;
        var width = last.ToString().Length;
        for (var n = line; n <= last; n++)
        {
            var text = ExpandTabs(lines[n - 1]).TrimEnd();
            var from = n == line ? VisualColumn(lines[n - 1], column) : FirstNonBlank(text);
            var to = n == endLine ? VisualColumn(lines[n - 1], endColumn) : text.Length + 1;
            if (to <= from) to = from + 1;
            // A very long line (a 20 KB regex) is shown as a window around the caret.
            if (text.Length > MaxShownWidth)
            {
                var start = Math.Max(0, Math.Min(from - 1 - MaxShownWidth / 3, text.Length - MaxShownWidth));
                var shown = text.Substring(start, Math.Min(MaxShownWidth, text.Length - start));
                text = (start > 0 ? "…" : "") + shown + (start + shown.Length < text.Length ? "…" : "");
                var shift = start - (start > 0 ? 1 : 0);
                from = Math.Max(1, from - shift);
                to = Math.Max(from + 1, Math.Min(to - shift, text.Length + 1));
            }
            sb.Append("  ").Append(n.ToString().PadLeft(width)).Append(" | ").Append(text).Append('\n');
            sb.Append("  ").Append(' ', width).Append(" | ").Append(' ', from - 1).Append('^', to - from).Append('\n');
        }
    }

    /// <summary>Longest excerpt line shown whole, in screen columns.</summary>
    private const int MaxShownWidth = 160;

    /// <summary>Splits a file's text into lines (without terminators).</summary>
    public static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    private static string ExpandTabs(string line)
    {
        if (line.IndexOf('\t') < 0) return line;
        var sb = new StringBuilder();
        foreach (var c in line)
        {
            if (c == '\t') sb.Append(' ', 4 - sb.Length % 4);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The 1-based screen column of 1-based character column <paramref name="column"/>, tabs expanded.</summary>
    private static int VisualColumn(string line, int column)
    {
        var visual = 1;
        for (var i = 0; i < column - 1 && i < line.Length; i++)
            visual = line[i] == '\t' ? visual + 4 - (visual - 1) % 4 : visual + 1;
        if (column - 1 > line.Length) visual += column - 1 - line.Length;
        return visual;
    }

    private static int FirstNonBlank(string text)
    {
        for (var i = 0; i < text.Length; i++) if (!char.IsWhiteSpace(text[i])) return i + 1;
        return 1;
    }
}
