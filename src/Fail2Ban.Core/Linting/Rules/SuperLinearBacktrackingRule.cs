using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B4001: repeats that can match the same text in several ways (nested, <c>(?:[^x]+ )*</c>; adjacent,
/// <c>\s*\s+</c>, <c>.* .*</c>; or a catch-all in a regex that is not anchored, so every start position
/// scans the line) make a crafted line that almost matches take super-linear time, and Fail2Ban
/// processes lines one at a time. Candidates come from the syntax tree; a finding is reported only when
/// the time measured on a long crafted line (with a timeout) grows faster than the line and exceeds
/// the threshold. The pump string and the measured time are the evidence.
/// </summary>
internal sealed class SuperLinearBacktrackingRule : LintRule
{
    private static readonly string[] Suffixes = { "\u0001", "!", "", "\"", " x" };

    /// <summary>Measurements already made (the same regex appears in several modes).</summary>
    private static readonly ConcurrentDictionary<string, Measurement?> Cache = new(StringComparer.Ordinal);

    public override string Id => RuleIds.SuperLinearBacktracking;


    internal enum Shape { Nested, Adjacent, UnanchoredScan }

    internal sealed record Candidate(Shape Shape, RegexNode Node, RegexNode? Other, string Unit);

    private sealed record Measurement(string Prefix, string Unit, int Count, string Suffix, double Milliseconds, bool TimedOut, int Length)
    {
        /// <summary>The time measured on a shorter line, for the growth shown in the evidence.</summary>
        public (int Length, double Milliseconds, bool Stopped)? Smaller { get; init; }
    }

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            // The prefregex matches the log's own header (time, host, daemon), which a client does not write.
            if (regex.Kind == FilterRegexKind.Prefix) continue;
            var candidates = Candidates(regex).Where(c => IsWrittenInRegexFile(regex, c.Node)).ToList();
            if (candidates.Count == 0) continue;
            var generated = new RegexTextGenerator(regex.Tree).Generate(0);
            var timers = new Timers(regex, context.Options);
            var seen = new HashSet<(string, string)>();
            foreach (var candidate in candidates)
            {
                var prefix = Prefix(generated, candidate.Node);
                if (!seen.Add((candidate.Unit, prefix))) continue;
                var measured = Measure(context.Options, regex, candidate, prefix, timers);
                if (measured is null) continue;
                context.Report(Id, Message(regex, candidate, measured), regex.Locate(candidate.Node),
                    new LintEvidence(LintEvidenceKind.SlowInput, Display(measured), Growth(measured))
                    {
                        MatchMilliseconds = measured.Milliseconds,
                        LineLength = measured.Length,
                    });
                break;
            }
        }
    }

    /// <summary>
    /// Parts written in an include (common.conf's <c>__prefix_line</c> and the like) match the syslog header,
    /// not text a client chooses; only parts written where the regex itself is are candidates.
    /// </summary>
    private static bool IsWrittenInRegexFile(LintRegex regex, RegexNode node)
    {
        var home = regex.Source.LocationAt(0)?.File;
        var at = regex.Locate(node).File;
        return home != null && home == at;
    }

    private static string Message(LintRegex regex, Candidate c, Measurement m)
    {
        var text = c.Node.GetText(regex.Regex.Expanded);
        var time = (m.TimedOut ? "more than " : "") + Math.Round(m.Milliseconds) + " ms (.NET)";
        return c.Shape switch
        {
            Shape.Nested => text + " repeats a part that can itself split the same text in many ways: a crafted line of "
                + m.Length + " characters took " + time + " to search",
            Shape.Adjacent => text + " and " + c.Other!.GetText(regex.Regex.Expanded) + " can both match '"
                + Printable(c.Unit) + "', so a long run of it is split every possible way before the match fails: a crafted line of "
                + m.Length + " characters took " + time + " to search",
            _ => "the regex is not anchored and " + text + " scans to the end of the line from every start position: a crafted line of "
                + m.Length + " characters took " + time + " to search. Start it with ^",
        };
    }

    private static string Growth(Measurement m) =>
        (m.Smaller is { } small ? small.Length + " characters: " + (small.Stopped ? "stopped after " : "") + Math.Round(small.Milliseconds, 1) + " ms; " : "")
        + m.Length + " characters: " + (m.TimedOut ? "stopped after " : "") + Math.Round(m.Milliseconds) + " ms";

    private static string Display(Measurement m) =>
        Printable(m.Prefix) + "<'" + Printable(m.Unit) + "' x " + m.Count + ">" + Printable(m.Suffix);

    private static string Printable(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s) sb.Append(c < ' ' ? "\\x" + ((int)c).ToString("X2") : c.ToString());
        return sb.ToString();
    }

    private static string Prefix(GeneratedText? generated, RegexNode node) =>
        generated != null && generated.Nodes.TryGetValue(node, out var r) ? generated.Text.Substring(0, r.Start) : "";

    /// <summary>The regex with the two time limits, built once per regex (building a regex is not free).</summary>
    private sealed class Timers
    {
        private readonly LintRegex _regex;
        private readonly LintOptions _options;
        private MatchTimer? _small;
        private MatchTimer? _full;

        public Timers(LintRegex regex, LintOptions options)
        {
            _regex = regex;
            _options = options;
        }

        public MatchTimer Small => _small ??= new MatchTimer(_regex.Regex.Regex, TimeSpan.FromMilliseconds(Math.Min(25, _options.SlowMatchThreshold.TotalMilliseconds)));

        // The long line is measured only until the verdict is known: at the threshold it is stopped.
        public MatchTimer Full => _full ??= new MatchTimer(_regex.Regex.Regex, _options.SlowMatchThreshold);
    }

    private static Measurement? Measure(LintOptions options, LintRegex regex, Candidate candidate, string prefix, Timers timers)
    {
        var key = regex.Regex.DotNetPattern + "\u0000" + regex.Regex.Options + "\u0000" + candidate.Unit + "\u0000" + prefix;
        return Cache.GetOrAdd(key, _ => MeasureUncached(options, candidate.Unit, prefix, timers));
    }

    private static Measurement? MeasureUncached(LintOptions options, string unit, string prefix, Timers timers)
    {
        var length = options.SlowInputLength;
        var threshold = options.SlowMatchThreshold;
        foreach (var suffix in Suffixes)
        {
            // The crafted line must fail (a match ends the search early, there is nothing to backtrack).
            var small = timers.Small;
            small.Measure(prefix + Repeat(unit, 64) + suffix, out var stopped, out var matched);
            if (matched && !stopped) continue;
            // Two short lines give the growth; an exponential regex is already stopped at 64 repetitions.
            var sixteenth = Count(unit, length / 16);
            var eighth = Count(unit, length / 8);
            var outA = stopped;
            var tA = stopped ? small.Timeout.TotalMilliseconds : small.Measure(prefix + Repeat(unit, sixteenth) + suffix, out outA, out _);
            var outB = outA;
            var tB = outA ? tA : small.Measure(prefix + Repeat(unit, eighth) + suffix, out outB, out _);
            if (!outA && !outB)
            {
                if (tB < 0.5 || tB / Math.Max(tA, 0.01) < 2.8) continue;
                // The growth exponent between the two sizes predicts the full-length time; skip hopeless measurements.
                var exponent = Math.Log(tB / Math.Max(tA, 0.01), 2);
                if (tB * Math.Pow(8, exponent) < threshold.TotalMilliseconds / 2) continue;
            }
            var count = Count(unit, length - prefix.Length - suffix.Length);
            var line = prefix + Repeat(unit, count) + suffix;
            var t = timers.Full.Measure(line, out var timedOut, out _);
            if (t < threshold.TotalMilliseconds && !timedOut) continue;
            return new Measurement(prefix, unit, count, suffix, t, timedOut, line.Length)
            {
                Smaller = outA ? null : (prefix.Length + eighth * unit.Length + suffix.Length, tB, outB),
            };
        }
        return null;
    }

    private static int Count(string unit, int chars) => Math.Max(1, chars / Math.Max(1, unit.Length));

    private static string Repeat(string unit, int count)
    {
        var sb = new StringBuilder(unit.Length * count);
        for (var i = 0; i < count; i++) sb.Append(unit);
        return sb.ToString();
    }

    internal static IEnumerable<Candidate> Candidates(LintRegex regex)
    {
        var tree = regex.Tree;
        var repeats = regex.Regex.Root.DescendantsAndSelf().OfType<QuantifierNode>()
            .Where(q => q.Origin is null && IsUnbounded(q) && !tree.InLookaround(q)).ToList();
        foreach (var outer in repeats)
        {
            foreach (var inner in outer.Body.DescendantsAndSelf().OfType<QuantifierNode>())
            {
                if (!IsUnbounded(inner) || inner.Origin != null || SetOf(tree, inner.Body) is not { } set) continue;
                if (!OtherPartsAbsorbed(tree, outer.Body, inner, set)) continue;
                var body = new RegexTextGenerator(tree).GenerateNode(outer.Body, include: inner.Min == 0 ? inner : null, steer: inner);
                var unit = string.IsNullOrEmpty(body) ? set.Pick()?.ToString() : body;
                if (unit != null) yield return new Candidate(Shape.Nested, outer, inner, unit);
            }
        }
        foreach (var first in repeats)
        {
            if (SetOf(tree, first.Body) is not { } s1) continue;
            var shared = s1;
            foreach (var next in tree.Following(first))
            {
                if (next is QuantifierNode q2 && IsUnbounded(q2) && q2.Origin is null && SetOf(tree, q2.Body) is { } s2)
                {
                    // A run of white space is the log format's; a client fills fields with other characters.
                    var overlap = shared.Intersect(s2).Intersect(ProbeCharSet.From(ch => !char.IsWhiteSpace(ch)));
                    if (!overlap.IsEmpty && overlap.Pick() is { } c) yield return new Candidate(Shape.Adjacent, first, q2, c.ToString());
                    break;
                }
                if (tree.IsNullable(next)) continue;
                if (next is LiteralNode { Value.Length: 1 } || next is CharClassNode || next is AnyCharNode)
                {
                    var set = tree.AtomSet(next)!;
                    shared = shared.Intersect(set);
                    if (!shared.IsEmpty) continue;
                }
                break;
            }
        }
        if (!UnanchoredRegexRule.IsAnchored(regex, regex.Regex.Root))
        {
            var scan = repeats.FirstOrDefault(q => SetOf(tree, q.Body) is { Count: > 40 });
            if (scan != null && SetOf(tree, scan.Body)!.Intersect(ProbeCharSet.From(ch => !char.IsWhiteSpace(ch))).Pick() is { } c)
                yield return new Candidate(Shape.UnanchoredScan, scan, null, c.ToString());
        }
    }

    private static bool IsUnbounded(QuantifierNode q) => q.Max is null || q.Max >= 64;

    private static ProbeCharSet? SetOf(RegexTreeIndex tree, RegexNode body) =>
        tree.AtomSet(body) ?? (tree.IsNullable(body) ? null : tree.FirstSet(body));

    /// <summary>Every mandatory part of the outer body besides the inner repeat can be matched by the inner repeat too.</summary>
    private static bool OtherPartsAbsorbed(RegexTreeIndex tree, RegexNode body, QuantifierNode inner, ProbeCharSet set)
    {
        while (body is GroupNode { IsLookaround: false } wrapper) body = wrapper.Body;
        var items = body is SequenceNode s ? s.Items : new[] { body };
        var containsInner = false;
        foreach (var item in items)
        {
            if (tree.IsWithin(inner, item))
            {
                containsInner = true;
                if (!ReferenceEquals(item, inner) && !(item is GroupNode g && !g.IsLookaround && IsAlternativeRepeat(g.Body, inner))) return false;
                continue;
            }
            if (tree.IsNullable(item)) continue;
            if (tree.AtomSet(item) is { } atom && atom.All(set.Contains)) continue;
            if (item is LiteralNode l && l.Value.All(set.Contains)) continue;
            return false;
        }
        return containsInner;
    }

    /// <summary>The group's body is the inner repeat, or an alternation with the repeat alone as one alternative.</summary>
    private static bool IsAlternativeRepeat(RegexNode body, QuantifierNode inner) =>
        ReferenceEquals(body, inner)
        || (body is SequenceNode { Items.Count: 1 } s && IsAlternativeRepeat(s.Items[0], inner))
        || (body is GroupNode { IsLookaround: false } g && IsAlternativeRepeat(g.Body, inner))
        || (body is AlternationNode a && a.Alternatives.Any(alt => IsAlternativeRepeat(alt, inner)));
}
