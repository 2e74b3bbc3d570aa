using System;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// Measures how long a .NET regex takes to search strings, with a timeout: a catastrophic regex is
/// stopped and its time reported as the timeout.
/// </summary>
internal sealed class MatchTimer
{
    private readonly Regex _timed;
    private readonly TimeSpan _timeout;

    public TimeSpan Timeout => _timeout;

    public MatchTimer(Regex regex, TimeSpan timeout)
    {
        _timeout = timeout;
        _timed = new Regex(regex.ToString(), regex.Options, timeout);
    }

    /// <summary>The search time in milliseconds (best of <paramref name="repeats"/>); <paramref name="timedOut"/> when stopped.</summary>
    public double Measure(string subject, out bool timedOut, out bool matched, int repeats = 1)
    {
        var best = double.MaxValue;
        timedOut = false;
        matched = false;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                matched = _timed.IsMatch(subject);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut = true;
                return _timeout.TotalMilliseconds;
            }
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}
