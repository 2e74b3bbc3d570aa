using System;
using System.Collections;
using System.Collections.Generic;

namespace Fail2Ban.Core.Config;

/// <summary>
/// A string-keyed map that iterates in first-insertion order and keeps an entry's position when it is
/// overwritten, like a Python dict (Fail2Ban's option order decides substitution and output order).
/// </summary>
internal sealed class InsertionOrderedMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly List<string> _keys = new();
    private readonly Dictionary<string, int> _index;
    private readonly List<TValue> _values = new();

    public InsertionOrderedMap(StringComparer? comparer = null) =>
        _index = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);

    public InsertionOrderedMap(IEnumerable<KeyValuePair<string, TValue>> items, StringComparer? comparer = null) : this(comparer)
    {
        foreach (var kv in items) this[kv.Key] = kv.Value;
    }

    public TValue this[string key]
    {
        get => _values[_index[key]];
        set
        {
            if (_index.TryGetValue(key, out var i))
            {
                _values[i] = value;
                return;
            }
            _index[key] = _keys.Count;
            _keys.Add(key);
            _values.Add(value);
        }
    }

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<TValue> Values => _values;

    public int Count => _keys.Count;

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, out TValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _values[i];
            return true;
        }
        value = default!;
        return false;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Count; i++) yield return new KeyValuePair<string, TValue>(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
