using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The filter's sample log asked whether the daemon writes a form the probe made up: two words with more white space
/// between them than one space (a padded column, a tab), or a text such as a field written empty. A sample line that
/// shows the form is the premise of a spacing finding; without one, the form is only a guess.
/// </summary>
internal sealed class SampleForms
{
    private readonly IReadOnlyList<string> _lines;
    private readonly Dictionary<string, (string Line, string Space)?> _padding = new(StringComparer.Ordinal);

    public SampleForms(IReadOnlyList<string> lines) => _lines = lines;

    /// <summary>Whether there is a sample log to ask.</summary>
    public bool Any => _lines.Count > 0;

    /// <summary>
    /// A sample line in which the word <paramref name="before"/> (a whole word) is followed by a padded run (two spaces
    /// or more, or a tab) and then by <paramref name="after"/>; the line and that run, or null.
    /// </summary>
    public (string Line, string Space)? Padding(string before, string after)
    {
        var key = before + "\u0000" + after;
        if (_padding.TryGetValue(key, out var cached)) return cached;
        (string, string)? found = null;
        foreach (var line in _lines)
        {
            for (var at = line.IndexOf(before, StringComparison.Ordinal); at >= 0 && found is null; at = line.IndexOf(before, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && char.IsLetterOrDigit(line[at - 1])) continue;
                var start = at + before.Length;
                var end = start;
                while (end < line.Length && line[end] is ' ' or '\t') end++;
                var space = line.Substring(start, end - start);
                if ((space.Length >= 2 || space.IndexOf('\t') >= 0) && string.CompareOrdinal(line, end, after, 0, after.Length) == 0)
                    found = (line, space);
            }
            if (found != null) break;
        }
        _padding[key] = found;
        return found;
    }

    /// <summary>
    /// A sample line that ends with white space, and that white space; or null. Space after a label (<c>failed: </c>,
    /// <c>user= </c>) is an empty last field, not a habit of the daemon's, and does not count.
    /// </summary>
    public (string Line, string Space)? TrailingSpace()
    {
        foreach (var line in _lines)
        {
            var end = line.Length;
            while (end > 0 && line[end - 1] is ' ' or '\t') end--;
            if (end < line.Length && end > 0 && line[end - 1] is not (':' or '=')) return (line, line.Substring(end));
        }
        return null;
    }

    /// <summary>The first sample line holding <paramref name="text"/>, or null.</summary>
    public string? Containing(string text)
    {
        foreach (var line in _lines)
            if (line.IndexOf(text, StringComparison.Ordinal) >= 0) return line;
        return null;
    }
}
