using Fail2Ban.Core.Dates;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Does the side-effect-free part of a <see cref="FilterMatcher"/>'s work for lines ahead of their
/// turn, on any number of threads: the date search with the template the detector used last (for
/// an anchored template that search does not depend on earlier lines), the cut of the line around
/// that date, and, for a single-line filter, every regex search. The matcher then processes the
/// lines in order with <see cref="FilterMatcher.ProcessLine(PreparedLine)"/>, which redoes any part
/// its state does not confirm.
/// </summary>
public sealed class LinePreparer
{
    private readonly FilterMatcher _matcher;
    private readonly bool _scans;

    internal LinePreparer(FilterMatcher matcher, bool scans)
    {
        _matcher = matcher;
        _scans = scans;
    }

    /// <summary>Prepares one line (without its terminator). Thread-safe.</summary>
    public PreparedLine Prepare(string line)
    {
        var prepared = new PreparedLine(line);
        if (prepared.Skipped) return prepared;
        var dates = _matcher.Dates;
        if (dates.SteadyTemplate is not { } template || dates.Speculate(line, template) is not { } speculation) return prepared;
        prepared.Date = speculation;
        TupleLine tuple;
        if (speculation.Success)
        {
            // Only the common case is cut ahead: a converted, non-empty date inside the line.
            var hit = speculation.Hit;
            if (hit.DateLength == 0 || hit.Index >= line.Length || speculation.Outcome != DateMatchOutcome.Converted)
                return prepared;
            var start = hit.DateIndex;
            tuple = new TupleLine(line.Substring(0, start), speculation.DateText ?? line.Substring(start, hit.DateLength),
                line.Substring(start + hit.DateLength));
            prepared.DateStart = start;
            prepared.DateLength = hit.DateLength;
        }
        else
        {
            // Likely an undated line (another template may still find a date; then this is redone).
            tuple = new TupleLine("", "", line);
        }
        prepared.Tuple = tuple;
        if (_scans) prepared.Scan = LineScan.Run(_matcher.Filter, tuple);
        return prepared;
    }
}
