using System;
using System.Collections.Generic;
#if NET
using System.Buffers;
#endif

namespace Fail2Ban.Core.Matching;

/// <summary>
/// One scan that tells which failregexes of a filter can match a text cut from a line: the line's
/// buffer itself or the prefregex's <c>F-CONTENT</c> plus <c>"\n"</c>. Each failregex contributes
/// the strings one of which it needs (from its prefixes or its most selective clause; each a piece
/// without <c>"\n"</c>, which then lies inside any part of the buffer the regex sees). A failregex
/// none of whose strings occurs in the buffer cannot match; when that holds for all of them, the
/// prefregex only needs a yes/no.
/// </summary>
internal sealed class FailRegexGate
{
    private readonly string[] _needles = Array.Empty<string>();
    private readonly ulong[] _owners = Array.Empty<ulong>(); // per needle: the failregexes needing it
    private readonly ulong _always;                          // failregexes without a needle
    private readonly ulong _all;
    private readonly int[][] _byFirstChar = new int[128][];  // ASCII first char -> needles
    private readonly int[] _otherFirstChar = Array.Empty<int>();
#if NET
    private readonly SearchValues<string>? _any;
#endif

    public FailRegexGate(IReadOnlyList<CompiledRegex> failRegexes)
    {
        Count = failRegexes.Count;
        if (Count > MaxRegexes)
        {
            // Too many to track one by one: every failregex is a candidate.
            _always = ulong.MaxValue;
            return;
        }
        _all = Count == 64 ? ulong.MaxValue : (1UL << Count) - 1;
        var needles = new List<string>();
        var owners = new List<ulong>();
        for (var i = 0; i < failRegexes.Count; i++)
        {
            var bit = 1UL << i;
            var best = BestNeedles(failRegexes[i].Prefilter.Literals);
            if (best is null)
            {
                _always |= bit;
                continue;
            }
            foreach (var s in best)
            {
                var k = needles.IndexOf(s);
                if (k < 0)
                {
                    needles.Add(s);
                    owners.Add(bit);
                }
                else owners[k] |= bit;
            }
        }
        _needles = needles.ToArray();
        _owners = owners.ToArray();
        var byFirst = new List<int>[128];
        var other = new List<int>();
        for (var k = 0; k < _needles.Length; k++)
        {
            var c = _needles[k][0];
            if (c < 128) (byFirst[c] ??= new List<int>()).Add(k);
            else other.Add(k);
        }
        for (var c = 0; c < 128; c++) _byFirstChar[c] = byFirst[c]?.ToArray() ?? Array.Empty<int>();
        _otherFirstChar = other.ToArray();
#if NET
        if (_needles.Length > 0) _any = SearchValues.Create(_needles, StringComparison.Ordinal);
#endif
    }

    /// <summary>The most failregexes tracked one by one (a bit each).</summary>
    public const int MaxRegexes = 64;

    /// <summary>Number of failregexes.</summary>
    public int Count { get; }

    /// <summary>
    /// The failregexes that may match <paramref name="buffer"/> or a part of it followed by "\n",
    /// as bits (bit i: failregex i); 0 when none can. With more than <see cref="MaxRegexes"/>
    /// failregexes, all bits are set.
    /// </summary>
    public ulong Candidates(ReadOnlySpan<char> buffer)
    {
        var mask = _always;
        if (_needles.Length == 0 || mask == ulong.MaxValue) return mask;
#if NET
        var offset = 0;
        while (offset < buffer.Length)
        {
            var i = buffer.Slice(offset).IndexOfAny(_any!);
            if (i < 0) break;
            var at = buffer.Slice(offset + i);
            foreach (var k in at[0] < 128 ? _byFirstChar[at[0]] : _otherFirstChar)
                if (at.StartsWith(_needles[k].AsSpan(), StringComparison.Ordinal)) mask |= _owners[k];
            if (mask == _all) break;
            offset += i + 1;
        }
#else
        for (var k = 0; k < _needles.Length; k++)
            if (buffer.IndexOf(_needles[k].AsSpan(), StringComparison.Ordinal) >= 0) mask |= _owners[k];
#endif
        return mask;
    }

    // The most selective requirement as "\n"-free strings, one of which occurs in any matched text.
    private static string[]? BestNeedles(RequiredLiterals literals)
    {
        string[]? best = null;
        var bestScore = 0;
        void Consider(IReadOnlyList<string> clause)
        {
            var pieces = new string[clause.Count];
            for (var i = 0; i < pieces.Length; i++) pieces[i] = LongestPieceWithoutNewline(clause[i]);
            var score = RequiredLiterals.Score(pieces);
            if (score > bestScore)
            {
                best = pieces;
                bestScore = score;
            }
        }
        if (literals.Prefixes is { } prefixes) Consider(prefixes);
        foreach (var clause in literals.Clauses) Consider(clause);
        return best;
    }

    private static string LongestPieceWithoutNewline(string s)
    {
        if (s.IndexOf('\n') < 0) return s;
        var best = "";
        foreach (var piece in s.Split('\n')) if (piece.Length > best.Length) best = piece;
        return best;
    }
}
