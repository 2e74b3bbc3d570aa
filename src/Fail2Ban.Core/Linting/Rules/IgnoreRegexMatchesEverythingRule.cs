using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1040: an ignoreregex that matches every line the failregexes match (<c>ignoreregex = .</c>, <c>^.*$</c>,
/// a stray prefix-only regex), so every failure is ignored and the filter never bans. Found two ways, both
/// checked in the real matcher against a witness line of each failregex (generated with the ignoreregexes
/// left out): the ignoreregex can match any line by its shape (empty text, any one character), or it
/// ignores the witness line of every failregex and up to three other lines generated for each.
/// </summary>
internal sealed class IgnoreRegexMatchesEverythingRule : LintRule
{
    public override string Id => RuleIds.IgnoreRegexMatchesEverything;

    public override void CheckVariant(VariantLintContext context)
    {
        var variant = context.Variant;
        if (variant.IgnoreRegexes.Count == 0 || variant.FailRegexes.Count == 0) return;
        var compiled = variant.Compile();
        var bare = new FilterProbe(variant, With(compiled, Array.Empty<CompiledRegex>()), new ProbeCache());
        var witnesses = variant.FailRegexes.Select(f => (Fail: f, Line: bare.Witness(f))).Where(w => w.Line != null).ToList();
        if (witnesses.Count == 0) return;
        foreach (var ignore in variant.IgnoreRegexes)
        {
            var alone = new FilterProbe(variant, With(compiled, new[] { compiled.IgnoreRegexes[ignore.Index] }), new ProbeCache());
            bool Ignored(ProbeLine line) => alone.Run(line.Text).Count == 0;
            if (!witnesses.All(w => Ignored(w.Line!))) continue;
            var anyLine = MatchesAnyLine(ignore);
            // Not by its shape: the other lines generated for each failregex (with its optional parts, other
            // alternatives) must be ignored too.
            if (!anyLine && !witnesses.All(w => OtherLines(bare, w.Fail, w.Line!).All(Ignored)))
                continue;
            var first = witnesses[0];
            var address = first.Line!.Failures[0].Id!.Text;
            var message = ignore.Label + (anyLine ? " matches any line (it can match an empty text or any single character)" : " matches every line the failregexes match")
                + ", so every failure is ignored and the filter never bans. Remove it, or write it for the lines that must be ignored";
            var explanation = first.Fail.Label + " reports " + address + " for this line, and " + ignore.Label + " ignores it (as it ignores a line of every failregex)";
            context.Report(Id, message, ignore.OwnLocation(), new LintEvidence(LintEvidenceKind.MissedLine, first.Line.Text, explanation) { BannedAddress = address });
        }
    }

    private const int OtherLineCount = 3;

    /// <summary>Up to <see cref="OtherLineCount"/> failure lines of <paramref name="fail"/> other than its witness.</summary>
    private static List<ProbeLine> OtherLines(FilterProbe probe, LintRegex fail, ProbeLine witness)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { witness.Text };
        var lines = new List<ProbeLine>();
        probe.Synthesize(fail, null, l =>
        {
            if (l.Failures.Count > 0 && seen.Add(l.Text)) lines.Add(l);
            return lines.Count >= OtherLineCount;
        });
        return lines;
    }

    private static CompiledFilter With(CompiledFilter filter, IReadOnlyList<CompiledRegex> ignores) =>
        new(filter.Name, filter.PrefRegex, filter.FailRegexes, ignores, filter.MaxLines, filter.DatePattern);

    /// <summary>
    /// Whether the regex's shape lets it match in any non-empty line: after an optional start anchor, only parts
    /// that can match empty (without anchors or look-arounds) and at most one "any character" item; an end anchor
    /// only right after an unbounded <c>.*</c> / <c>.+</c>.
    /// </summary>
    internal static bool MatchesAnyLine(LintRegex regex)
    {
        var root = regex.Regex.Root;
        if (root is AlternationNode alternation) return alternation.Alternatives.Any(a => MatchesAnyLine(regex.Tree, a));
        return root is SequenceNode sequence && MatchesAnyLine(regex.Tree, sequence);
    }

    private static bool MatchesAnyLine(RegexTreeIndex tree, SequenceNode sequence)
    {
        var items = sequence.Items.Where(i => i is not GlobalFlagsNode).ToList();
        var start = items.Count > 0 && items[0] is AnchorNode { Anchor: AnchorKind.LineStart or AnchorKind.StringStart } ? 1 : 0;
        var anyChars = 0;
        for (var i = start; i < items.Count; i++)
        {
            var item = items[i];
            if (item is AnchorNode { Anchor: AnchorKind.LineEnd or AnchorKind.StringEnd } && i == items.Count - 1 && i > start
                && items[i - 1] is QuantifierNode { Max: null, Min: <= 1, Body: AnyCharNode })
                continue;
            if (IsAnyChar(item))
            {
                anyChars++;
                continue;
            }
            if (!tree.IsNullable(item) || item.DescendantsAndSelf().Any(n => n is AnchorNode or BackreferenceNode or GroupNode { IsLookaround: true }))
                return false;
        }
        return anyChars <= 1;
    }

    /// <summary><c>.</c>, <c>.+</c>, <c>.{1,}</c>: one character of any kind (a line has one).</summary>
    private static bool IsAnyChar(RegexNode node) =>
        node is AnyCharNode || node is QuantifierNode { Min: 1, Body: AnyCharNode };
}
