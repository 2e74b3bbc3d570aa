using System;
using System.Collections.Generic;
#if NET
using System.Buffers;
#endif

namespace Fail2Ban.Core.Matching;

/// <summary>
/// A cheap test run before a regex: the text must start with one of the regex's anchored prefixes
/// and contain a string of each of its most selective literal clauses (<see cref="RequiredLiterals"/>).
/// When it says no, the regex cannot match; when it says yes, the regex decides.
/// </summary>
public sealed class LiteralPrefilter
{
    // More clauses cost more scans than they save.
    private const int MaxClauses = 3;

    private readonly string[]? _prefixes;
    private readonly Clause[] _clauses;

    /// <summary>A prefilter that lets everything through.</summary>
    public static LiteralPrefilter None { get; } = new(RequiredLiterals.None);

    public LiteralPrefilter(RequiredLiterals literals)
    {
        if (literals is null) throw new ArgumentNullException(nameof(literals));
        Literals = literals;
        _prefixes = literals.Prefixes;
        var clauses = new List<Clause>();
        foreach (var clause in literals.Clauses)
        {
            if (clauses.Count == MaxClauses) break;
            // A prefix already covers a clause that one of the prefixes contains.
            if (_prefixes is not null && CoveredByPrefixes(clause, _prefixes)) continue;
            clauses.Add(new Clause(clause));
        }
        _clauses = clauses.ToArray();
    }

    /// <summary>The requirements this prefilter checks (a selection of them).</summary>
    public RequiredLiterals Literals { get; }

    /// <summary>True when the prefilter checks something.</summary>
    public bool IsSelective => _prefixes is not null || _clauses.Length > 0;

    /// <summary>
    /// <see cref="MayMatch(ReadOnlySpan{char})"/> of <paramref name="line"/> followed by <c>"\n"</c>
    /// (Fail2Ban's buffer of one line), without building that string.
    /// </summary>
    public bool MayMatchLine(ReadOnlySpan<char> line)
    {
        if (_prefixes is { } prefixes)
        {
            var found = false;
            foreach (var p in prefixes)
            {
                if (StartsWithLine(line, p))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        foreach (var clause in _clauses)
            if (!clause.OccursInLine(line)) return false;
        return true;
    }

    // line + "\n" starts with p.
    private static bool StartsWithLine(ReadOnlySpan<char> line, string p) =>
        p.Length <= line.Length
            ? line.StartsWith(p.AsSpan(), StringComparison.Ordinal)
            : p.Length == line.Length + 1 && p[p.Length - 1] == '\n' && line.SequenceEqual(p.AsSpan(0, line.Length));

    /// <summary>False only when a regex with these requirements cannot match <paramref name="text"/>.</summary>
    public bool MayMatch(ReadOnlySpan<char> text)
    {
        if (_prefixes is { } prefixes)
        {
            var found = false;
            foreach (var p in prefixes)
            {
                if (text.StartsWith(p.AsSpan(), StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        foreach (var clause in _clauses)
            if (!clause.OccursIn(text)) return false;
        return true;
    }

    private static bool CoveredByPrefixes(string[] clause, string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            var contains = false;
            foreach (var s in clause)
            {
                if (p.IndexOf(s, StringComparison.Ordinal) >= 0)
                {
                    contains = true;
                    break;
                }
            }
            if (!contains) return false;
        }
        return true;
    }

    private sealed class Clause
    {
        private readonly string[] _strings;
#if NET
        private readonly SearchValues<string>? _any;
#endif

        public Clause(string[] strings)
        {
            _strings = strings;
#if NET
            if (strings.Length > 1) _any = SearchValues.Create(strings, StringComparison.Ordinal);
#endif
        }

        // Occurs in line + "\n": inside the line, or ending with that final newline.
        public bool OccursInLine(ReadOnlySpan<char> line)
        {
            if (OccursIn(line)) return true;
            foreach (var s in _strings)
                if (s[s.Length - 1] == '\n' && line.EndsWith(s.AsSpan(0, s.Length - 1), StringComparison.Ordinal)) return true;
            return false;
        }

        public bool OccursIn(ReadOnlySpan<char> text)
        {
#if NET
            if (_any is not null) return text.IndexOfAny(_any) >= 0;
#endif
            foreach (var s in _strings)
                if (text.IndexOf(s.AsSpan(), StringComparison.Ordinal) >= 0) return true;
            return false;
        }
    }
}
