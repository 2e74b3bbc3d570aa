using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Text;

/// <summary>
/// A run of characters of a <see cref="LocatedString"/> that was written contiguously on one source
/// line: character <c>Offset + i</c> of the string came from <c>Start</c> moved right by <c>i</c> columns.
/// </summary>
public readonly record struct LocatedSegment(int Offset, int Length, SourceLocation Start);

/// <summary>
/// A string produced by the config reader that remembers where each piece of it was written,
/// through includes, <c>%(name)s</c> interpolation and <c>&lt;tag&gt;</c> substitution.
/// Characters not covered by a segment (e.g. joining newlines) map to the nearest segment before them.
/// </summary>
public sealed class LocatedString : IEquatable<LocatedString>
{
    private readonly LocatedSegment[] _segments;

    public LocatedString(string text, IReadOnlyList<LocatedSegment> segments)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        _segments = new LocatedSegment[segments.Count];
        for (var i = 0; i < segments.Count; i++) _segments[i] = segments[i];
        Array.Sort(_segments, (a, b) => a.Offset.CompareTo(b.Offset));
    }

    /// <summary>A string with no known origin (e.g. given on the command line).</summary>
    public static LocatedString Unlocated(string text) => new(text, Array.Empty<LocatedSegment>());

    /// <summary>A string written in one piece at <paramref name="start"/>.</summary>
    public static LocatedString At(string text, SourceLocation start) =>
        new(text, new[] { new LocatedSegment(0, text.Length, start) });

    public string Text { get; }

    public IReadOnlyList<LocatedSegment> Segments => _segments;

    /// <summary>Where the character at <paramref name="offset"/> was written, or null if unknown.</summary>
    public SourceLocation? LocationAt(int offset)
    {
        // The last segment starting at or before offset (binary search: a joined value may have 100,000 segments).
        var index = FirstSegmentStartingAfter(offset) - 1;
        if (index < 0) return _segments.Length > 0 ? _segments[0].Start : null;
        var seg = _segments[index];
        var delta = Math.Min(offset - seg.Offset, Math.Max(0, seg.Length - (offset >= seg.Offset + seg.Length ? 1 : 0)));
        return seg.Start with { Column = seg.Start.Column + delta };
    }

    public override string ToString() => Text;

    /// <summary>The index of the first segment whose offset is greater than <paramref name="offset"/> (the count if none).</summary>
    internal int FirstSegmentStartingAfter(int offset)
    {
        int lo = 0, hi = _segments.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_segments[mid].Offset > offset) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    public bool Equals(LocatedString? other) =>
        other is not null && Text == other.Text && SegmentsEqual(_segments, other._segments);

    public override bool Equals(object? obj) => Equals(obj as LocatedString);

    public override int GetHashCode() => Text.GetHashCode();

    private static bool SegmentsEqual(LocatedSegment[] a, LocatedSegment[] b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++) if (!a[i].Equals(b[i])) return false;
        return true;
    }
}
