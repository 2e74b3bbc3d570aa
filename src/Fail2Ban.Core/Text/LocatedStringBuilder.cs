using System;
using System.Collections.Generic;
using System.Text;

namespace Fail2Ban.Core.Text;

/// <summary>
/// Builds a <see cref="LocatedString"/> piece by piece, keeping for every appended character the place
/// it was written; adjacent pieces written contiguously on one source line are merged into one segment.
/// </summary>
public sealed class LocatedStringBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<LocatedSegment> _segments = new();

    /// <summary>Number of characters appended so far.</summary>
    public int Length => _text.Length;

    /// <summary>Appends all of <paramref name="value"/> with its locations.</summary>
    public LocatedStringBuilder Append(LocatedString value) => Append(value, 0, value.Text.Length);

    /// <summary>Appends <paramref name="length"/> characters of <paramref name="value"/> from <paramref name="start"/>, with their locations.</summary>
    public LocatedStringBuilder Append(LocatedString value, int start, int length)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (start < 0 || length < 0 || start + length > value.Text.Length) throw new ArgumentOutOfRangeException(nameof(start));
        if (length == 0) return this;
        var baseOffset = _text.Length;
        _text.Append(value.Text, start, length);
        var end = start + length;
        var segments = value.Segments;
        var first = true;
        // Segments are sorted and do not overlap: start at the one containing start, so slicing a value into its
        // lines (80,000 continuation lines) stays linear.
        for (var i = Math.Max(0, value.FirstSegmentStartingAfter(start) - 1); i < segments.Count; i++)
        {
            var s = segments[i];
            var sEnd = s.Offset + s.Length;
            if (sEnd <= start) continue;
            if (s.Offset >= end) break;
            // A slice that starts in an uncovered run (e.g. a joining newline) would lose the segment
            // before it, so that run gets the location the original string gave it.
            if (first && s.Offset > start) AddInherited(value, start, s.Offset, baseOffset);
            first = false;
            var from = Math.Max(s.Offset, start);
            var to = Math.Min(sEnd, end);
            AddSegment(new LocatedSegment(baseOffset + from - start, to - from,
                s.Start with { Column = s.Start.Column + (from - s.Offset) }));
        }
        if (first) AddInherited(value, start, end, baseOffset);
        return this;
    }

    /// <summary>Appends plain text written at <paramref name="start"/> (or of unknown origin when null).</summary>
    public LocatedStringBuilder Append(string text, SourceLocation? start)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (text.Length == 0) return this;
        var offset = _text.Length;
        _text.Append(text);
        if (start is { } loc) AddSegment(new LocatedSegment(offset, text.Length, loc));
        return this;
    }

    /// <summary>Appends one character written at <paramref name="location"/> (or of unknown origin when null).</summary>
    public LocatedStringBuilder Append(char c, SourceLocation? location)
    {
        var offset = _text.Length;
        _text.Append(c);
        if (location is { } loc) AddSegment(new LocatedSegment(offset, 1, loc));
        return this;
    }

    /// <summary>The located string built so far.</summary>
    public LocatedString ToLocatedString() => new(_text.ToString(), _segments);

    private void AddInherited(LocatedString value, int start, int end, int baseOffset)
    {
        if (value.Segments.Count > 0 && value.LocationAt(start) is { } loc)
            AddSegment(new LocatedSegment(baseOffset, end - start, loc));
    }

    private void AddSegment(LocatedSegment segment)
    {
        if (segment.Length == 0) return;
        if (_segments.Count > 0)
        {
            var last = _segments[_segments.Count - 1];
            if (last.Offset + last.Length == segment.Offset
                && last.Start.File == segment.Start.File
                && last.Start.Line == segment.Start.Line
                && last.Start.Column + last.Length == segment.Start.Column)
            {
                _segments[_segments.Count - 1] = last with { Length = last.Length + segment.Length };
                return;
            }
        }
        _segments.Add(segment);
    }
}
