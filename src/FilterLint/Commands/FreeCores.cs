using System;
using System.Globalization;
using System.IO;

namespace FilterLint.Commands;

/// <summary>
/// The thread count for long logs (one by default); with <c>--threads 0</c>, the cores this process may use (affinity and cgroup
/// quota, as <see cref="Environment.ProcessorCount"/> reports them) less the ones other processes keep
/// busy (the 1-minute load average on Linux). The second thread costs CPU (hand-over, cache misses:
/// 2.4 s of CPU with one thread, 2.8 s with two on the sshd benchmark log) and gains wall time only
/// when it gets a core of its own, so a busy machine gets one.
/// </summary>
internal static class FreeCores
{
    /// <summary>
    /// <paramref name="requested"/> (--threads) when given, 0 for the free cores' estimate; one thread by default: measured
    /// on a quiet 2-core VM (docs/performance.md, "Scaling with cores"), a second thread bought at most 5 % of wall time on
    /// sshd for 43 % more CPU, nothing on postfix, and cost 12 % of wall time on nginx-http-auth and apache-auth.
    /// </summary>
    public static int ThreadCount(int? requested) => requested switch
    {
        null => 1,
        0 => Estimate(Environment.ProcessorCount, LoadAverage()),
        _ => Math.Max(1, requested.Value),
    };

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
