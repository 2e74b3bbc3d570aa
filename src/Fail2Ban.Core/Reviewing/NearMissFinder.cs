using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Reviewing;

/// <summary>
/// Finds the missed lines of a log that look most like the failures a filter was written for ("what did my daemon start
/// writing that the filter no longer sees"): missed lines are grouped by shape; each group is ranked by how far the filter
/// got on it (<see cref="MissExplainer.Progress"/>), how much its shape looks like the shapes of matched lines, and whether
/// the same daemon wrote matched lines; a mechanical regex change that accepts the group (<see cref="RegexSuggestion"/>)
/// moves it up. Lines are fed in as the matcher tested them, so nothing is matched twice.
/// </summary>
public sealed class NearMissFinder
{
    /// <summary>Groups ranked at most (the largest first): the explainer runs once per group.</summary>
    private const int MaxRankedGroups = 3000;

    /// <summary>Distinct missed shapes kept; lines of further shapes are only counted.</summary>
    private const int MaxGroups = 200_000;

    private readonly CompiledFilter _filter;
    private readonly DateDetectorSettings _dates;
    private readonly int _examples;
    private readonly Dictionary<string, long> _matchedShapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matchedDaemons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NearMissGroup> _groups = new(StringComparer.Ordinal);

    public NearMissFinder(CompiledFilter filter, DateDetectorSettings dates, int examplesPerGroup = 3)
    {
        _filter = filter;
        _dates = dates;
        _examples = examplesPerGroup;
    }

    public long Matched { get; private set; }

    public long Missed { get; private set; }

    /// <summary>Missed lines whose shape came after <see cref="MaxGroups"/> others (counted, not grouped).</summary>
    public long Ungrouped { get; private set; }

    public int Shapes => _groups.Count;

    /// <summary>Takes one line as the session classified it.</summary>
    public void Add(TestedLine line)
    {
        if (line.Result is not { } result) return;
        var text = result.Tuple.Before + result.Tuple.After;
        if (line.Verdict == LineVerdict.Matched)
        {
            Matched++;
            var shape = LineShape.Of(text);
            _matchedShapes[shape] = _matchedShapes.TryGetValue(shape, out var n) ? n + 1 : 1;
            _matchedDaemons.Add(LineShape.Daemon(text));
            return;
        }
        if (line.Verdict != LineVerdict.Missed) return;
        Missed++;
        var key = LineShape.Of(text);
        if (!_groups.TryGetValue(key, out var group))
        {
            if (_groups.Count >= MaxGroups)
            {
                Ungrouped++;
                return;
            }
            _groups[key] = group = new NearMissGroup(key, LineShape.Daemon(text)) { FirstResult = result };
        }
        group.Count++;
        if (group.Examples.Count < _examples) group.Examples.Add((line.Number, line.Text));
    }

    /// <summary>The <paramref name="top"/> groups most like the filter's failures, best first.</summary>
    public IReadOnlyList<NearMissGroup> Rank(int top)
    {
        var matchedWords = _matchedShapes.OrderByDescending(kv => kv.Value).Take(200).Select(kv => LineShape.Words(kv.Key)).ToList();
        var ranked = new List<NearMissGroup>();
        foreach (var g in _groups.Values.OrderByDescending(g => g.Count).ThenBy(g => g.Shape, StringComparer.Ordinal).Take(MaxRankedGroups))
        {
            g.Progress = g.FirstResult is { } r ? MissExplainer.Progress(_filter, r) : null;
            var words = LineShape.Words(g.Shape);
            g.Likeness = matchedWords.Count == 0 ? 0 : matchedWords.Max(m => LineShape.Likeness(words, m));
            g.SameDaemon = g.Daemon.Length > 0 && _matchedDaemons.Contains(g.Daemon);
            g.Score = 0.5 * (g.Progress?.Fraction ?? 0) + 0.3 * g.Likeness + 0.2 * (g.SameDaemon ? 1 : 0);
            ranked.Add(g);
        }
        ranked.Sort(ByScore);
        // A verified mechanical fix is the strongest sign a group is what the filter was meant to see.
        foreach (var g in ranked.Take(Math.Max(top, 10) * 2))
        {
            if (g.Progress is not { } progress) continue;
            g.Suggestion = RegexSuggestion.Find(_filter, progress, g.Examples.Select(e => e.Text).ToList(), _dates);
            if (g.Suggestion != null) g.Score += 0.25;
        }
        ranked.Sort(ByScore);
        return ranked.Take(top).ToList();
    }

    private static int ByScore(NearMissGroup a, NearMissGroup b)
    {
        var c = b.Score.CompareTo(a.Score);
        return c != 0 ? c : b.Count.CompareTo(a.Count);
    }
}
