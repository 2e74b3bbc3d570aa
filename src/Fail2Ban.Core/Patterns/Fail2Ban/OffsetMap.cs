using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Maps offsets of a rewritten string back to the string it was made from: copied runs map one to
/// one, a replaced run maps as a whole onto the text it replaced.
/// </summary>
internal sealed class OffsetMap
{
    private readonly List<Piece> _pieces = new();
    private int _targetLength;
    private int _sourceLength;

    private readonly record struct Piece(int TargetStart, int TargetLength, int SourceStart, int SourceLength, bool Copied);

    public void AddCopy(int sourceStart, int length)
    {
        if (length == 0) return;
        if (_pieces.Count > 0 && _pieces[_pieces.Count - 1] is { Copied: true } last && last.SourceStart + last.SourceLength == sourceStart)
            _pieces[_pieces.Count - 1] = last with { TargetLength = last.TargetLength + length, SourceLength = last.SourceLength + length };
        else
            _pieces.Add(new Piece(_targetLength, length, sourceStart, length, true));
        _targetLength += length;
        _sourceLength = sourceStart + length;
    }

    public void AddReplacement(int sourceStart, int sourceLength, int targetLength)
    {
        _pieces.Add(new Piece(_targetLength, targetLength, sourceStart, sourceLength, false));
        _targetLength += targetLength;
        _sourceLength = sourceStart + sourceLength;
    }

    /// <summary>The source offset of target offset <paramref name="target"/> (the end maps to the end).</summary>
    public int ToSource(int target)
    {
        var i = Find(target);
        if (i < 0) return _sourceLength;
        var p = _pieces[i];
        return p.Copied ? p.SourceStart + (target - p.TargetStart) : p.SourceStart;
    }

    /// <summary>The exclusive source end of a target range ending (exclusively) at <paramref name="targetEnd"/>.</summary>
    public int ToSourceEnd(int targetEnd)
    {
        if (targetEnd <= 0) return 0;
        var i = Find(targetEnd - 1);
        if (i < 0) return _sourceLength;
        var p = _pieces[i];
        return p.Copied ? p.SourceStart + (targetEnd - p.TargetStart) : p.SourceStart + p.SourceLength;
    }

    /// <summary>The target offset of source offset <paramref name="source"/>.</summary>
    public int ToTarget(int source)
    {
        foreach (var p in _pieces)
        {
            if (source < p.SourceStart) return p.TargetStart;
            if (source < p.SourceStart + p.SourceLength) return p.Copied ? p.TargetStart + (source - p.SourceStart) : p.TargetStart;
        }
        return _targetLength;
    }

    /// <summary>The exclusive target end of a source range ending (exclusively) at <paramref name="sourceEnd"/>.</summary>
    public int ToTargetEnd(int sourceEnd)
    {
        if (sourceEnd <= 0) return 0;
        foreach (var p in _pieces)
        {
            if (sourceEnd - 1 < p.SourceStart) return p.TargetStart;
            if (sourceEnd - 1 < p.SourceStart + p.SourceLength)
                return p.Copied ? p.TargetStart + (sourceEnd - p.SourceStart) : p.TargetStart + p.TargetLength;
        }
        return _targetLength;
    }

    public PatternSpan SpanToSource(PatternSpan target)
    {
        var start = ToSource(target.Start);
        var end = target.Length == 0 ? start : ToSourceEnd(target.End);
        return PatternSpan.FromBounds(start, end < start ? start : end);
    }

    public PatternSpan SpanToTarget(PatternSpan source)
    {
        var start = ToTarget(source.Start);
        var end = source.Length == 0 ? start : ToTargetEnd(source.End);
        return PatternSpan.FromBounds(start, end < start ? start : end);
    }

    private int Find(int target)
    {
        int lo = 0, hi = _pieces.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var p = _pieces[mid];
            if (target < p.TargetStart) hi = mid - 1;
            else if (target >= p.TargetStart + p.TargetLength) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
