namespace Fail2Ban.Core.Patterns;

/// <summary>A range of UTF-16 characters in a pattern string: <c>[Start, Start + Length)</c>.</summary>
public readonly record struct PatternSpan(int Start, int Length)
{
    /// <summary>The offset just after the span.</summary>
    public int End => Start + Length;

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public static PatternSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>Whether <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(PatternSpan other) => other.Start >= Start && other.End <= End;

    public override string ToString() => "[" + Start + ".." + End + ")";
}
