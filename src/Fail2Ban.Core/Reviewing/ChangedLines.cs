using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Reviewing;

/// <summary>Which lines of a new text are not in the old one (a longest-common-subsequence line diff).</summary>
public static class ChangedLines
{
    /// <summary>1-based numbers of the lines of <paramref name="newText"/> that a diff from <paramref name="oldText"/> adds or changes.</summary>
    public static IReadOnlyList<int> Of(string oldText, string newText)
    {
        var a = oldText.Replace("\r\n", "\n").Split('\n');
        var b = newText.Replace("\r\n", "\n").Split('\n');
        // lcs[i, j]: common lines of a[i..] and b[j..]; filters are short, so the quadratic table is small.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var changed = new List<int>();
        int x = 0, y = 0;
        while (y < b.Length)
        {
            if (x < a.Length && string.Equals(a[x], b[y], StringComparison.Ordinal)) { x++; y++; }
            else if (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1]) x++;
            else { changed.Add(y + 1); y++; }
        }
        return changed;
    }
}
