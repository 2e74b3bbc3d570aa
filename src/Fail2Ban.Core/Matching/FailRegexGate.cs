using System;
using System.Collections.Generic;
#if NET
using System.Buffers;
#endif

namespace Fail2Ban.Core.Matching;

/// <summary>
/// One scan that tells whether any failregex of a filter can match a text cut from a line: the
/// line's buffer itself or the prefregex's <c>F-CONTENT</c> plus <c>"\n"</c>. Each failregex
/// contributes one string it needs (from its prefixes or its most selective clause; a piece
/// without <c>"\n"</c>, which then lies inside any part of the buffer the regex sees). When none
/// of them occurs in the buffer, no failregex can match, and the prefregex only needs a yes/no.
/// </summary>
internal sealed class FailRegexGate
{
    private readonly string[]? _needles;
#if NET
    private readonly SearchValues<string>? _any;
#endif

    public FailRegexGate(IReadOnlyList<CompiledRegex> failRegexes)
    {
        var needles = new List<string>();
        foreach (var regex in failRegexes)
        {
            var best = BestNeedles(regex.Prefilter.Literals);
            if (best is null)
            {
                needles = null;
                break;
            }
            foreach (var s in best) if (!needles.Contains(s)) needles.Add(s);
        }
        if (needles is null || needles.Count == 0) return;
        _needles = needles.ToArray();
#if NET
        _any = SearchValues.Create(_needles, StringComparison.Ordinal);
#endif
    }

    /// <summary>True when the gate can rule lines out.</summary>
    public bool IsSelective => _needles is not null;

    /// <summary>False only when no failregex can match <paramref name="buffer"/> or a part of it followed by "\n".</summary>
    public bool AnyMayMatch(ReadOnlySpan<char> buffer)
    {
        if (_needles is not { } needles) return true;
#if NET
        return buffer.IndexOfAny(_any!) >= 0;
#else
        foreach (var s in needles)
            if (buffer.IndexOf(s.AsSpan(), StringComparison.Ordinal) >= 0) return true;
        return false;
#endif
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
