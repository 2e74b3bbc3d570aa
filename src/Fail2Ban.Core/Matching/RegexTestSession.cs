using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Matching;

/// <summary>How <c>fail2ban-regex</c> classified a line (spec 3.11).</summary>
public enum LineVerdict
{
    /// <summary>Empty or a comment: skipped without counting.</summary>
    Skipped,
    /// <summary>An ignoreregex matched, or a returned entry had <c>nofail</c>.</summary>
    Ignored,
    /// <summary>At least one failure (entries with a pending id included).</summary>
    Matched,
    /// <summary>Nothing matched.</summary>
    Missed,
}

/// <summary>One processed line of a <see cref="RegexTestSession"/>.</summary>
public sealed class TestedLine
{
    internal TestedLine(long number, string text, LineVerdict verdict, LineResult? result, IReadOnlyList<Failure> failures)
    {
        Number = number;
        Text = text;
        Verdict = verdict;
        Result = result;
        Failures = failures;
    }

    /// <summary>1-based line number in the input.</summary>
    public long Number { get; }

    public string Text { get; }

    public LineVerdict Verdict { get; }

    public LineResult? Result { get; }

    /// <summary>The entries counted as matches (no <c>nofail</c>).</summary>
    public IReadOnlyList<Failure> Failures { get; }

    /// <summary>
    /// Earlier lines this line's match consumed (multi-line), re-counted from missed to matched as
    /// <c>fail2ban-regex</c> does (it also drops them from its list of missed lines); their numbers.
    /// </summary>
    public IReadOnlyList<long> Recounted { get; internal set; } = Array.Empty<long>();
}

/// <summary>
/// Counts lines the way <c>fail2ban-regex</c> does: per-failregex and per-ignoreregex hits,
/// prefregex matches, and <c>Lines: N lines, I ignored, M matched, X missed</c>, including its
/// multi-line rule that re-counts earlier missed lines as matched when a later match consumes them.
/// </summary>
public sealed class RegexTestSession
{
    private readonly FilterMatcher _matcher;
    private readonly Func<double>? _suppliedTime;
    private bool _lastPrefMatched;

    // Numbers of the latest processed lines (comments and empty lines are not in the buffer), newest last:
    // the buffer's lines are the latest processed ones, so a re-counted buffer line is found here.
    private readonly List<long> _processedNumbers = new();

    /// <param name="matcher">The filter to test.</param>
    /// <param name="suppliedTime">For journal logs (no time stamps): the time of every line.</param>
    public RegexTestSession(FilterMatcher matcher, Func<double>? suppliedTime = null)
    {
        _matcher = matcher;
        _suppliedTime = suppliedTime;
        FailRegexHits = new long[matcher.Filter.FailRegexes.Count];
        IgnoreRegexHits = new long[matcher.Filter.IgnoreRegexes.Count];
    }

    public FilterMatcher Matcher => _matcher;

    public long Tested { get; private set; }

    public long Ignored { get; private set; }

    public long Matched { get; private set; }

    public long Missed { get; private set; }

    public long PrefRegexMatched { get; private set; }

    /// <summary>Entries returned per failregex (including <c>nofail</c> ones, as <c>fail2ban-regex</c> counts).</summary>
    public long[] FailRegexHits { get; }

    public long[] IgnoreRegexHits { get; }

    /// <summary>
    /// Asked before each line of a single-line filter: false when the caller will not look at a missed
    /// line's <see cref="TestedLine.Result"/> (no JSON, no listing of it). Such a line, when nothing in
    /// it can match, is then decided in place: its <see cref="TestedLine"/> has no result, and no
    /// strings or result objects are made for it. Null: every line gets its result.
    /// </summary>
    public Func<bool>? NeedsMissedResult { get; set; }

    /// <summary>The <c>Lines:</c> summary line exactly as <c>fail2ban-regex</c> prints it.</summary>
    public string Summary => "Lines: " + Tested + " lines, " + Ignored + " ignored, " + Matched + " matched, " + Missed + " missed";

    /// <summary>Processes one input line (its terminator may still be attached).</summary>
    public TestedLine Process(long number, string rawLine) => Process(number, rawLine.TrimEnd('\r', '\n'), null);

    /// <summary>
    /// Processes a line prepared ahead by <see cref="FilterMatcher.CreatePreparer"/>'s preparer
    /// (a line without its terminator); the same result as <see cref="Process(long, string)"/>.
    /// </summary>
    public TestedLine Process(long number, PreparedLine prepared)
    {
        if (prepared is null) throw new ArgumentNullException(nameof(prepared));
        return Process(number, prepared.Line, prepared);
    }

    private TestedLine Process(long number, string line, PreparedLine? prepared)
    {
        if (prepared is not null ? prepared.Skipped : line.Length == 0 || line[0] == '#')
            return new TestedLine(number, line, LineVerdict.Skipped, null, Array.Empty<Failure>());

        var multiLine = _matcher.Filter.MaxLines > 1;
        TupleLine[]? before = null;
        var fullBuffer = false;
        if (multiLine)
        {
            before = new TupleLine[_matcher.Buffer.Count];
            for (var i = 0; i < before.Length; i++) before[i] = _matcher.Buffer[i];
            fullBuffer = before.Length >= _matcher.Filter.MaxLines;
        }

        LineResult result;
        if (_suppliedTime is not null) result = _matcher.ProcessLine(line, _suppliedTime(), "");
        else if (prepared is not null) result = _matcher.ProcessLine(prepared);
        else if (multiLine || NeedsMissedResult is not { } needs || needs()) result = _matcher.ProcessLine(line);
        else if (_matcher.ProcessUnlessQuietMiss(line, out var quietPref) is { } full) result = full;
        else
        {
            if (quietPref is { } qp) _lastPrefMatched = qp;
            if (_matcher.Filter.PrefRegex is not null && _lastPrefMatched) PrefRegexMatched++;
            Missed++;
            Tested++;
            return new TestedLine(number, line, LineVerdict.Missed, null, Array.Empty<Failure>());
        }
        var ignored = result.IgnoreRegexMatched;
        if (result.IgnoreRegexHitsOrNull is { } hits)
            foreach (var hit in hits) IgnoreRegexHits[hit]++;
        IReadOnlyList<Failure> failures = Array.Empty<Failure>();
        if (result.EntryCount > 0)
        {
            // Most entries of an ignored line are nofail ones: the list is made for the first counted one.
            List<Failure>? list = null;
            foreach (var e in result.Entries)
            {
                FailRegexHits[e.RegexIndex]++;
                if (e.IsNoFail) ignored = true;
                else (list ??= new List<Failure>(result.EntryCount)).Add(e);
            }
            if (list is not null) failures = list;
        }
        // fail2ban-regex asks the prefregex object, which keeps its last search result.
        if (result.PrefRegexMatched is { } pm) _lastPrefMatched = pm;
        if (_matcher.Filter.PrefRegex is not null && _lastPrefMatched) PrefRegexMatched++;

        List<long>? recounted = null;
        if (before is not null)
        {
            var after = _matcher.Buffer;
            for (var i = fullBuffer ? 1 : 0; i < before.Length; i++)
            {
                var still = false;
                foreach (var b in after) if (b.Equals(before[i])) { still = true; break; }
                if (still) continue;
                Matched++;
                Missed--;
                var back = before.Length - i;
                (recounted ??= new List<long>()).Add(back <= _processedNumbers.Count ? _processedNumbers[_processedNumbers.Count - back] : number - back);
            }
        }

        LineVerdict verdict;
        if (ignored) { Ignored++; verdict = LineVerdict.Ignored; }
        else if (failures.Count > 0) { Matched++; verdict = LineVerdict.Matched; }
        else { Missed++; verdict = LineVerdict.Missed; }
        Tested++;
        if (multiLine)
        {
            _processedNumbers.Add(number);
            if (_processedNumbers.Count > _matcher.Filter.MaxLines + 1) _processedNumbers.RemoveAt(0);
        }
        var tested = new TestedLine(number, line, verdict, result, failures);
        if (recounted is not null) tested.Recounted = recounted;
        return tested;
    }
}
