using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Explains why a regex does not match a line: finds the longest prefix of its top-level sequence
/// (descending into plain groups, e.g. <c>&lt;F-CONTENT&gt;…&lt;/F-CONTENT&gt;</c>) that still matches,
/// by writing prefix patterns from the syntax tree. For diagnostics, not for the per-line path.
/// </summary>
public static class RegexMissExplainer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Explains where <paramref name="regex"/> stops matching <paramref name="subject"/>.</summary>
    public static RegexMissExplanation Explain(FilterRegex regex, string subject)
    {
        var full = regex.Regex.Match(subject);
        if (full.Success)
        {
            var steps = Flatten(regex.Root);
            return new RegexMissExplanation(true, steps, steps.Count, full.Index, full.Index + full.Length, 0, null, null, null,
                regex.DotNetPattern);
        }
        if (regex.Root is AlternationNode alt)
        {
            RegexMissExplanation? best = null;
            foreach (var branch in alt.Alternatives)
            {
                var e = ExplainSequence(regex, branch, subject);
                if (best is null || e.SubjectOffsetReached > best.SubjectOffsetReached
                    || (e.SubjectOffsetReached == best.SubjectOffsetReached && e.MatchedStepCount > best.MatchedStepCount))
                    best = e;
            }
            return best!;
        }
        return ExplainSequence(regex, regex.Root, subject);
    }

    private static RegexMissExplanation ExplainSequence(FilterRegex regex, RegexNode root, string subject)
    {
        var steps = Flatten(root);
        // Prefixes are monotone (if k steps match, so do k-1): binary search the longest one. The
        // whole sequence does not match, and the empty prefix always does.
        int lo = 0, hi = steps.Count - 1;
        Match? bestMatch = TryPrefix(regex, root, 0, null, subject, out var bestPattern);
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            var m = TryPrefix(regex, root, mid, null, subject, out var pattern);
            if (m != null)
            {
                lo = mid;
                bestMatch = m;
                bestPattern = pattern;
            }
            else hi = mid - 1;
        }

        var matched = lo;
        var start = bestMatch?.Index ?? 0;
        var reached = bestMatch is null ? 0 : bestMatch.Index + bestMatch.Length;
        var literalChars = 0;
        if (matched < steps.Count && steps[matched] is LiteralNode lit && lit.Value.Length > 1)
        {
            // How far into the failing literal the subject still agrees.
            for (var n = lit.Value.Length - 1; n >= 1; n--)
            {
                if (char.IsLowSurrogate(lit.Value[n])) continue;
                var partial = new LiteralNode(new PatternSpan(lit.Span.Start, 0), lit.Value.Substring(0, n));
                var m = TryPrefix(regex, root, matched, partial, subject, out var pattern);
                if (m == null) continue;
                literalChars = n;
                start = m.Index;
                reached = m.Index + m.Length;
                bestPattern = pattern;
                break;
            }
        }

        string? failingText = null;
        PatternSpan? failingSource = null;
        string? failingTag = null;
        if (matched < steps.Count)
        {
            var node = steps[matched];
            failingText = node.GetText(regex.Expanded);
            failingSource = regex.MapToSource(node.Span);
            failingTag = node.Origin?.Tag;
        }
        return new RegexMissExplanation(false, steps, matched, start, reached, literalChars, failingText, failingSource, failingTag,
            bestPattern ?? "");
    }

    /// <summary>The steps of a sequence: its items, descending into capturing, non-capturing and scoped-flag groups over a sequence.</summary>
    internal static List<RegexNode> Flatten(RegexNode root)
    {
        var steps = new List<RegexNode>();
        Collect(root, steps);
        return steps;

        static void Collect(RegexNode node, List<RegexNode> steps)
        {
            if (node is not SequenceNode seq)
            {
                steps.Add(node);
                return;
            }
            foreach (var item in seq.Items)
            {
                if (item is GlobalFlagsNode) continue;
                if (IsDescendable(item, out var body)) Collect(body, steps);
                else steps.Add(item);
            }
        }
    }

    private static bool IsDescendable(RegexNode node, out SequenceNode body)
    {
        body = null!;
        if (node is GroupNode { GroupKind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags, Body: SequenceNode b })
        {
            body = b;
            return true;
        }
        return false;
    }

    private static Match? TryPrefix(FilterRegex regex, RegexNode root, int count, RegexNode? tail, string subject, out string? pattern)
    {
        pattern = null;
        var builder = new PrefixBuilder(count, tail);
        var prefix = builder.Build(root);
        try
        {
            pattern = DotNetRegexWriter.Write(prefix, regex.Tree.InlineFlags);
            var m = new Regex(pattern, regex.Options, Timeout).Match(subject);
            return m.Success ? m : null;
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException or RegexTranslationException)
        {
            return null; // e.g. a conditional on a group that the prefix cut off
        }
    }

    /// <summary>Rebuilds a tree keeping only its first <c>count</c> steps (then <c>tail</c>), closing cut groups.</summary>
    private sealed class PrefixBuilder
    {
        private int _remaining;
        private RegexNode? _tail;

        public PrefixBuilder(int count, RegexNode? tail)
        {
            _remaining = count;
            _tail = tail;
        }

        public RegexNode Build(RegexNode root)
        {
            if (root is not SequenceNode seq)
            {
                if (_remaining > 0) return root;
                return new SequenceNode(new PatternSpan(root.Span.Start, 0), TailOnly());
            }
            return BuildSequence(seq);
        }

        private SequenceNode BuildSequence(SequenceNode seq)
        {
            var items = new List<RegexNode>();
            foreach (var item in seq.Items)
            {
                if (item is GlobalFlagsNode)
                {
                    items.Add(item);
                    continue;
                }
                if (IsDescendable(item, out var body) && (_remaining > 0 || _tail != null))
                {
                    // Descend even at the cut when a partial literal is pending: it may sit inside (e.g. under (?i:…)).
                    var g = (GroupNode)item;
                    items.Add(new GroupNode(g.Span, g.GroupKind, BuildSequence(body), g.Name, g.Number, g.AddFlags, g.RemoveFlags));
                    continue;
                }
                if (_remaining == 0)
                {
                    if (_tail != null)
                    {
                        items.Add(_tail);
                        _tail = null;
                    }
                    break;
                }
                items.Add(item);
                _remaining--;
            }
            return new SequenceNode(seq.Span, items);
        }

        private IReadOnlyList<RegexNode> TailOnly()
        {
            var list = new List<RegexNode>();
            if (_tail != null) list.Add(_tail);
            _tail = null;
            return list;
        }
    }
}
