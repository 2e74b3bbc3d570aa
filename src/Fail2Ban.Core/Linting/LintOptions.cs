using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>Where sample logs (upstream's <c>fail2ban/tests/files/logs</c> layout) come from.</summary>
public sealed class SampleLogSource
{
    /// <param name="read">Reads the log named like a filter (<c>sshd</c>, <c>sshd-journal</c>); null when missing.</param>
    /// <param name="pathOf">The path to show for a log name in findings.</param>
    public SampleLogSource(Func<string, string?> read, Func<string, string> pathOf)
    {
        Read = read;
        PathOf = pathOf;
    }

    public Func<string, string?> Read { get; }

    public Func<string, string> PathOf { get; }
}

/// <summary>How the linter runs: sample logs, and the budget of the timing rules.</summary>
public sealed class LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>Sample logs for the F2B5 rules (and better evidence); null: no sample rules.</summary>
    public SampleLogSource? Samples { get; init; }

    /// <summary>Log lines every filter is probed and checked with, besides its sample log (<c>filterlint probe --log</c>).</summary>
    public IReadOnlyList<string>? LogLines { get; init; }

    /// <summary>Keep the robustness probe's tables in the report (<see cref="LintReport.ProbeTables"/>).</summary>
    public bool CollectProbeTables { get; init; }

    /// <summary>Stops the lint between rules and variants (the analyzer passes the compiler's token).</summary>
    public System.Threading.CancellationToken Cancellation { get; init; }

    /// <summary>Length of the crafted line a slow regex is measured on.</summary>
    public int SlowInputLength { get; init; } = 8192;

    /// <summary>A search slower than this on the crafted line is reported; the measurement stops there.</summary>
    public TimeSpan SlowMatchThreshold { get; init; } = TimeSpan.FromMilliseconds(100);
}
