using System;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// A log line split around its time stamp, as Fail2Ban keeps it: the text before the date, the
/// date text, and the text after it. Regexes see <c>Before + After</c> (the date cut out).
/// </summary>
public readonly struct TupleLine : IEquatable<TupleLine>
{
    public TupleLine(string before, string dateText, string after)
    {
        Before = before;
        DateText = dateText;
        After = after;
    }

    public string Before { get; }

    public string DateText { get; }

    public string After { get; }

    /// <summary>The line as a regex sees it: the date text removed.</summary>
    public string WithoutDate => Before.Length == 0 ? After : After.Length == 0 ? Before : Before + After;

    /// <summary>The original line.</summary>
    public string Full => string.Concat(Before, DateText, After);

    public bool Equals(TupleLine other) =>
        string.Equals(Before, other.Before, StringComparison.Ordinal) &&
        string.Equals(DateText, other.DateText, StringComparison.Ordinal) &&
        string.Equals(After, other.After, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TupleLine t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(Before, DateText, After);

    public override string ToString() => Full;
}
