using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The data of one failure, as Fail2Ban's dictionary: regex group values (string or null), the
/// combined <c>tuple_…</c> values (<see cref="IReadOnlyList{T}"/> of string), <c>users</c> (a set),
/// <c>matches</c> (the tuple lines that make up the failure), and Fail2Ban's internal flags.
/// </summary>
public sealed class FailureData : Dictionary<string, object?>
{
    public FailureData() : base(StringComparer.Ordinal) { }

    public FailureData(IDictionary<string, object?> source) : base(source, StringComparer.Ordinal) { }

    /// <summary>An empty dictionary with room for <paramref name="capacity"/> keys (no resizing on the way).</summary>
    internal FailureData(int capacity) : base(capacity, StringComparer.Ordinal) { }

    /// <summary>Python truthiness of the value under <paramref name="key"/>.</summary>
    public bool IsTruthy(string key) => TryGetValue(key, out var v) && Truthy(v);

    /// <summary>The value under <paramref name="key"/> as a string (null when absent or not a string).</summary>
    public string? GetString(string key) => TryGetValue(key, out var v) ? v as string : null;

    /// <summary>Removes and returns the value under <paramref name="key"/>.</summary>
    public object? Pop(string key)
    {
        if (!TryGetValue(key, out var v)) return null;
        Remove(key);
        return v;
    }

    /// <summary>The tuple lines of the failure (<c>matches</c>), or an empty list.</summary>
    public IReadOnlyList<TupleLine> Matches => TryGetValue("matches", out var v) && v is List<TupleLine> l ? l : Array.Empty<TupleLine>();

    /// <summary>The user names seen on the connection (<c>users</c>), or null.</summary>
    public IReadOnlyCollection<string>? Users => TryGetValue("users", out var v) ? v as HashSet<string> : null;

    public FailureData Copy() => new(this);

    /// <summary>
    /// <see cref="Copy"/> with room for <paramref name="extra"/> more keys: a failure's data gains a few
    /// (<c>matches</c>, the failregex's groups), and each growth of a dictionary copies its arrays.
    /// The keys keep their order (the same enumeration, added to an empty dictionary).
    /// </summary>
    internal FailureData CopyWithRoom(int extra)
    {
        var copy = new FailureData(Count + extra);
        foreach (var kv in this) copy.Add(kv.Key, kv.Value);
        return copy;
    }

    internal static bool Truthy(object? v) => v switch
    {
        null => false,
        string s => s.Length > 0,
        bool b => b,
        int i => i != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };
}
