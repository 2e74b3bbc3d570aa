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

    /// <summary>Every entry Fail2Ban returned, including <c>nofail</c> and pending ones.</summary>
    public List<Failure> Entries { get; } = new();

    /// <summary>Indexes of the ignoreregexes that matched during this line (one per hit).</summary>
    public List<int> IgnoreRegexHits { get; } = new();

    /// <summary>Whether the prefregex matched (null when the filter has none or it was not reached).</summary>
    public bool? PrefRegexMatched { get; internal set; }

    /// <summary>Regexes whose match timed out on this line (their result counts as "no match").</summary>
    public List<string> TimedOut { get; } = new();

    /// <summary>Set when the line could not be processed (Fail2Ban fails on it); no failures then.</summary>
    public string? Error { get; internal set; }

    /// <summary>True when an ignoreregex matched.</summary>
    public bool IgnoreRegexMatched => IgnoreRegexHits.Count > 0;

    /// <summary>The entries that are real failures: an id and no <c>nofail</c>.</summary>
    public IEnumerable<Failure> Failures
    {
        get
        {
            foreach (var e in Entries)
                if (e.Id is not null && !e.IsNoFail) yield return e;
        }
    }
}
