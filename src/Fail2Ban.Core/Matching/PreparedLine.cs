using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// A log line with the work a <see cref="LinePreparer"/> did ahead of its turn: the date search
/// of the detector's steady template, the line cut around that date, and the line's regex searches.
/// <see cref="FilterMatcher.ProcessLine(PreparedLine)"/> uses each part only when the matcher's
/// state at the line's turn leads to exactly that work, so results are those of plain processing.
/// </summary>
public sealed class PreparedLine
{
    internal PreparedLine(string line)
    {
        Line = line;
        Skipped = line.Length == 0 || line[0] == '#';
    }

    /// <summary>Empty or a comment: <c>fail2ban-regex</c> skips it (known here so the in-order thread need not read the line).</summary>
    internal bool Skipped { get; }

    /// <summary>The line (without its terminator).</summary>
    public string Line { get; }

    internal DateSpeculation? Date { get; set; }

    /// <summary>Start and length of the date text <see cref="Tuple"/> was cut at (-1 when it was not cut).</summary>
    internal int DateStart { get; set; } = -1;

    internal int DateLength { get; set; }

    internal TupleLine? Tuple { get; set; }

    internal LineScan? Scan { get; set; }

    /// <summary>The searches made for <see cref="Tuple"/>, if <paramref name="tuple"/> has the same text.</summary>
    internal LineScan? ScanFor(TupleLine tuple)
    {
        if (Scan is not { } scan || Tuple is not { } t) return null;
        return string.Equals(t.Before, tuple.Before, System.StringComparison.Ordinal) &&
               string.Equals(t.After, tuple.After, System.StringComparison.Ordinal) ? scan : null;
    }
}
