using System;
using System.Globalization;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>What one fuzz input holds (a filter pair counts two filters; a filter with its log lines counts both).</summary>
internal readonly record struct FuzzCount(int Filters = 0, int Regexes = 0, int LogLines = 0);

/// <summary>
/// The counts a fuzz run reports: runs, inputs by kind, crashes (unexpected exceptions), the slowest run and the runs
/// over the time limit. Written to the file named by <c>FUZZ_REPORT</c> (appended, one line per test) when set.
/// </summary>
internal sealed class FuzzTally(string test)
{
    private long _runs, _filters, _regexes, _logLines, _crashes, _slow;
    private double _maxSeconds;

    public void Add(FuzzCount count, double seconds, bool crashed, bool slow)
    {
        _runs++;
        _filters += count.Filters;
        _regexes += count.Regexes;
        _logLines += count.LogLines;
        if (crashed) _crashes++;
        if (slow) _slow++;
        _maxSeconds = Math.Max(_maxSeconds, seconds);
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1} runs, {2} inputs ({3} filters, {4} regexes, {5} log lines), {6} crashes, {7} over the limit, slowest {8:0.000} s",
        test, _runs, _filters + _regexes + _logLines, _filters, _regexes, _logLines, _crashes, _slow, _maxSeconds);

    public void Report()
    {
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } path)
            System.IO.File.AppendAllText(path, ToString() + Environment.NewLine);
    }
}
