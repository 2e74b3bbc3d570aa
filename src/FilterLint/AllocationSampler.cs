using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;

namespace FilterLint;

/// <summary>
/// For benchmarks (<c>FILTERLINT_GC_STATS=1</c>, scripts/bench-vs-fail2ban.sh): the bytes the run
/// allocated and, from the runtime's allocation sampling (one event about every 100 KB), which types
/// they went to. Off in normal runs.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public static AllocationSampler? StartIfRequested() =>
        Environment.GetEnvironmentVariable("FILTERLINT_GC_STATS") == "1" ? new AllocationSampler() : null;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeSource) EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 0;
        lock (_bytesByType)
            _bytesByType[type] = (_bytesByType.TryGetValue(type, out var sum) ? sum : 0) + amount;
    }

    /// <summary>Writes the total and the types that received most of the sampled bytes.</summary>
    public void Report(TextWriter error)
    {
        error.WriteLine("filterlint: allocated " + GC.GetTotalAllocatedBytes(true) + " bytes, " + GC.CollectionCount(0) + " gen-0 collections, " +
                        GC.GetTotalPauseDuration().TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms paused");
        KeyValuePair<string, long>[] top;
        lock (_bytesByType) top = _bytesByType.OrderByDescending(p => p.Value).Take(15).ToArray();
        var sampled = Math.Max(1, top.Sum(p => p.Value));
        foreach (var p in top)
            error.WriteLine("  sampled " + (p.Value * 100 / sampled).ToString().PadLeft(3) + "%  " + p.Key);
    }
}
