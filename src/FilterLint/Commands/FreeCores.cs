using System;
using System.Globalization;
using System.IO;

namespace FilterLint.Commands;

/// <summary>
/// The default thread count for long logs: the cores this process may use (affinity and cgroup
/// quota, as <see cref="Environment.ProcessorCount"/> reports them) less the ones other processes keep
/// busy (the 1-minute load average on Linux). The second thread costs CPU (hand-over, cache misses:
/// 2.4 s of CPU with one thread, 2.8 s with two on the sshd benchmark log) and gains wall time only
/// when it gets a core of its own, so a busy machine gets one.
/// </summary>
internal static class FreeCores
{
    /// <summary>At least 1; <paramref name="requested"/> (--threads) when given.</summary>
    public static int ThreadCount(int? requested) => Math.Max(1, requested ?? Estimate(Environment.ProcessorCount, LoadAverage()));

    /// <summary>Cores left when <paramref name="load"/> of <paramref name="cores"/> are taken (rounded to the nearest).</summary>
    internal static int Estimate(int cores, double? load) =>
        load is { } busy ? Math.Max(1, Math.Min(cores, (int)Math.Round(cores - busy, MidpointRounding.AwayFromZero))) : cores;

    private static double? LoadAverage()
    {
        try
        {
            if (!File.Exists("/proc/loadavg")) return null;
            var text = File.ReadAllText("/proc/loadavg");
            var end = text.IndexOf(' ');
            return double.TryParse(end > 0 ? text.Substring(0, end) : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
                ? load
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
