using System;
using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Linting;

/// <summary>The outcome of applying edits to one file's text.</summary>
public sealed record LintFixResult(string Text, int Applied, int Skipped);

/// <summary>
/// Applies <see cref="LintTextEdit"/>s to a file's text. An edit whose <c>OldText</c> is no longer at its
/// place, or that overlaps an edit already applied, is skipped (never guessed).
/// </summary>
public static class LintFixApplier
{
    /// <summary>Applies the edits of <paramref name="edits"/> that belong to <paramref name="text"/>'s file.</summary>
    public static LintFixResult Apply(string text, IEnumerable<LintTextEdit> edits)
    {
        var lineStarts = LineStarts(text);
        var applied = 0;
        var skipped = 0;
        var chars = text;
        var taken = new List<(int Start, int End)>();
        // Right to left, so earlier offsets stay valid.
        var ordered = edits.Distinct()
            .Select(e => (Edit: e, Offset: OffsetOf(lineStarts, text, e.Line, e.Column)))
            .OrderByDescending(x => x.Offset)
            .ToList();
        foreach (var (edit, offset) in ordered)
        {
            var end = offset + edit.OldText.Length;
            if (offset < 0 || end > text.Length
                || string.CompareOrdinal(text, offset, edit.OldText, 0, edit.OldText.Length) != 0
                || taken.Any(t => offset < t.End && t.Start < end || (offset == t.Start && end == t.End)))
            {
                skipped++;
                continue;
            }
            chars = chars.Substring(0, offset) + edit.NewText + chars.Substring(end);
            taken.Add((offset, end));
            applied++;
        }
        return new LintFixResult(chars, applied, skipped);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
            else if (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) starts.Add(i + 1);
        }
        return starts;
    }

    private static int OffsetOf(List<int> lineStarts, string text, int line, int column)
    {
        if (line < 1 || line > lineStarts.Count || column < 1) return -1;
        var offset = lineStarts[line - 1] + column - 1;
        return Math.Min(offset, text.Length + 1);
    }
}
