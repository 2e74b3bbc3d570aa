using System;
using System.Diagnostics;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The switches that differ between Fail2Ban's callers (spec 3, table): the sample test and
/// <c>fail2ban-regex</c> try every failregex (<see cref="CheckAllRegex"/>); the server stops at the
/// first and drops pending failures.
/// </summary>
public sealed class MatcherOptions
{
    /// <summary>Try every failregex on every line (<c>fail2ban-regex</c>, the sample test).</summary>
    public bool CheckAllRegex { get; set; } = true;

    /// <summary>Never resolve host names: a <c>dns</c> capture is the failure id as written.</summary>
    public bool RawHost { get; set; } = true;

    /// <summary>Server behaviour: a multi-line failure with no id yet yields nothing.</summary>
    public bool IgnorePending { get; set; }

    /// <summary>"Now" in epoch seconds, for the last-date reuse window (60 s) and undated lines.</summary>
    public double Now { get; set; }

    /// <summary>Wall clock in seconds for the multi-line id cache lifetime (300 s, as Fail2Ban).</summary>
    public Func<double> WallClock { get; set; } = DefaultWallClock;

    /// <summary>Longest time one regex may take on one line before it is searched again without backtracking or reported as timed out.</summary>
    public TimeSpan MatchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    private static double DefaultWallClock() => Clock.Elapsed.TotalSeconds;
}
