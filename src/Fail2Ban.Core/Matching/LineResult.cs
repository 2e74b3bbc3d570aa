using System.Collections.Generic;

namespace Fail2Ban.Core.Matching;

/// <summary>What processing one log line produced.</summary>
public sealed class LineResult
{
    /// <summary>The line split around its date (what the buffer received).</summary>
    public TupleLine Tuple { get; internal set; }

    /// <summary>The time given to failures of this line (epoch seconds), or null.</summary>
    public double? Time { get; internal set; }

    /// <summary>True when no usable date was found (Fail2Ban's <c>noDate</c>).</summary>
    public bool NoDate { get; internal set; }

    /// <summary>Name of the date template that matched, or null.</summary>
    public string? DateTemplate { get; internal set; }

    // Most lines have no entry, hit or timeout: the lists are made when first asked for.
    private List<Failure>? _entries;
    private List<int>? _ignoreRegexHits;
    private List<string>? _timedOut;

    /// <summary>Every entry Fail2Ban returned, including <c>nofail</c> and pending ones.</summary>
    public List<Failure> Entries => _entries ??= new List<Failure>();

    /// <summary>Indexes of the ignoreregexes that matched during this line (one per hit).</summary>
    public List<int> IgnoreRegexHits => _ignoreRegexHits ??= new List<int>();

    /// <summary>Whether the prefregex matched (null when the filter has none or it was not reached).</summary>
    public bool? PrefRegexMatched { get; internal set; }

    /// <summary>Regexes whose match timed out on this line (their result counts as "no match").</summary>
    public List<string> TimedOut => _timedOut ??= new List<string>();

    /// <summary>Number of <see cref="Entries"/> (without making the list).</summary>
    internal int EntryCount => _entries?.Count ?? 0;

    /// <summary><see cref="TimedOut"/> when there are any, else null.</summary>
    internal List<string>? TimedOutOrNull => _timedOut is { Count: > 0 } t ? t : null;

    /// <summary><see cref="IgnoreRegexHits"/> when there are any, else null.</summary>
    internal List<int>? IgnoreRegexHitsOrNull => _ignoreRegexHits is { Count: > 0 } hits ? hits : null;

    /// <summary>Set when the line could not be processed (Fail2Ban fails on it); no failures then.</summary>
    public string? Error { get; internal set; }

    /// <summary>True when an ignoreregex matched.</summary>
    public bool IgnoreRegexMatched => _ignoreRegexHits is { Count: > 0 };

    /// <summary>The entries that are real failures: an id and no <c>nofail</c>.</summary>
    public IEnumerable<Failure> Failures
    {
        get
        {
            if (_entries is null) yield break;
            foreach (var e in _entries)
                if (e.Id is not null && !e.IsNoFail) yield return e;
        }
    }
}
