using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Fail2Ban's multi-line failure-id cache: connection id (the <c>mlfid</c> text) to the failure
/// data gathered so far. At most 100 entries (oldest evicted first) living 300 s of wall-clock
/// time, as in Fail2Ban, so results match it even on long runs.
/// </summary>
internal sealed class MlfidCache
{
    private const int MaxCount = 100;
    private const double MaxSeconds = 300;

    private readonly Func<double> _clock;
    private readonly Dictionary<string, (double Expires, FailureData Data)> _entries = new(StringComparer.Ordinal);

    public MlfidCache(Func<double> clock) => _clock = clock;

    public FailureData? Get(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return null;
        if (e.Expires > _clock()) return e.Data;
        _entries.Remove(key);
        return null;
    }

    public void Set(string key, FailureData data)
    {
        var now = _clock();
        if (_entries.Count >= MaxCount && !_entries.ContainsKey(key))
        {
            // Drop expired entries first; then the ones closest to expiry (the oldest).
            var expired = new List<string>();
            foreach (var kv in _entries) if (kv.Value.Expires <= now) expired.Add(kv.Key);
            foreach (var k in expired) _entries.Remove(k);
            while (_entries.Count >= MaxCount)
            {
                string? oldest = null;
                var oldestExpiry = double.MaxValue;
                foreach (var kv in _entries)
                    if (kv.Value.Expires < oldestExpiry) { oldest = kv.Key; oldestExpiry = kv.Value.Expires; }
                _entries.Remove(oldest!);
            }
        }
        _entries[key] = (now + MaxSeconds, data);
    }

    public void Remove(string key) => _entries.Remove(key);
}
