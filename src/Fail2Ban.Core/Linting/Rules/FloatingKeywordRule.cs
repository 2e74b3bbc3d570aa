using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3006: the literal that makes a line a failure (<c>Googlebot</c>, <c>(\.php|\.asp)</c>) placed after the host
/// between unbounded catch-alls (<c>.*KEYWORD.*$</c>) or after one at the very end of the regex (<c>.*KEYWORD</c>).
/// Nothing binds it to its field, so it matches anywhere in the rest of the line (a request path, a query
/// string, a referrer), and harmless lines count as failures. Reported with such a line, the keyword only in a
/// trailing referrer, that the real matcher reports.
/// </summary>
internal sealed class FloatingKeywordRule : LintRule
{
    /// <summary>The harmless request the evidence line makes; the keyword appears only in its referrer.</summary>
    private const string HarmlessRequest = "/favicon.ico, referer: http://example.com/";

    public override string Id => RuleIds.FloatingKeyword;

    public override void CheckVariant(VariantLintContext context)
    {
        var prefHasHost = context.Variant.PrefRegex?.AddressTags().Any() == true;
        foreach (var regex in context.Variant.FailRegexes)
        {
            var hosts = regex.AddressTags().ToList();
            if (hosts.Count == 0 && !prefHasHost) continue;
            foreach (var sequence in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                if (Check(context, regex, sequence, hosts)) break;
            }
        }
    }

    /// <summary>Looks for a keyword (a run of literal parts) right after a catch-all in <paramref name="sequence"/>.</summary>
    private bool Check(VariantLintContext context, LintRegex regex, SequenceNode sequence, List<TagExpansion> hosts)
    {
        var items = sequence.Items;
        for (var i = 1; i < items.Count; i++)
        {
            if (!IsCatchAll(items[i - 1]) || items[i].Origin != null) continue;
            var end = i;
            while (end < items.Count && items[end].Origin is null && KeywordPart(items[end]) != null) end++;
            if (end == i) continue;
            var run = items.Skip(i).Take(end - i).ToList();
            var keyword = string.Concat(run.Select(KeywordPart));
            if (keyword.Count(char.IsLetterOrDigit) < 2) continue;
            if (hosts.Count > 0 && !hosts.Any(h => h.ExpandedSpan.End <= run[0].Span.Start)) continue;
            if (regex.Tree.InLookaround(run[0])) continue;
            var following = regex.Tree.Following(run[run.Count - 1]).ToList();
            if (following.Count > 0 && !(following.Any(IsCatchAll) && following.All(f => IsCatchAll(f) || IsEndAnchor(f)))) continue;
            if (Report(context, regex, items[i - 1], run)) return true;
        }
        return false;
    }

    /// <summary>
    /// The text a keyword part stands for: a literal token (no white space), or a group of literal-token
    /// alternatives or sequence (its first alternative). A literal with a space spans a field boundary
    /// (<c> HTTP/</c>): it is held by the line's structure, not floating inside a field.
    /// </summary>
    private static string? KeywordPart(RegexNode node)
    {
        switch (node)
        {
            case LiteralNode literal when IsToken(literal.Value):
                return literal.Value;
            case GroupNode { IsLookaround: false, Body: AlternationNode alternation }:
                var parts = alternation.Alternatives.Select(a => SequenceText(a)).ToList();
                return parts.All(p => p != null && p.Any(char.IsLetterOrDigit)) ? parts[0] : null;
            case GroupNode { IsLookaround: false, Body: SequenceNode body }:
                return SequenceText(body);
            default:
                return null;
        }
    }

    private static string? SequenceText(SequenceNode sequence)
    {
        if (sequence.Items.Count == 0) return null;
        var parts = sequence.Items.Select(KeywordPart).ToList();
        return parts.All(p => p != null) ? string.Concat(parts) : null;
    }

    private static bool IsToken(string text) => !text.Any(char.IsWhiteSpace);

    private static bool IsCatchAll(RegexNode? node) => node is QuantifierNode { Max: null, Min: <= 1, Body: AnyCharNode };

    private static bool IsEndAnchor(RegexNode node) => node is AnchorNode { Anchor: AnchorKind.LineEnd or AnchorKind.StringEnd };

    private bool Report(VariantLintContext context, LintRegex regex, RegexNode catchAll, List<RegexNode> run)
    {
        var first = run[0];
        var firstText = KeywordPart(first)!;
        var harmless = HarmlessRequest + (firstText.Length > 0 && char.IsLetterOrDigit(firstText[0]) ? "search?q=" : "index") + firstText;
        var line = context.Probe.Synthesize(regex, new TextOverrides().With(first, harmless),
            l => l.AddressesFrom(regex.Index).Any() && l.Text.Contains(harmless), steer: first);
        if (line is null) return false;
        var address = line.AddressesFrom(regex.Index).First();
        var catchAllText = catchAll.GetText(regex.Regex.Expanded);
        var span = PatternSpan.FromBounds(first.Span.Start, run[run.Count - 1].Span.End);
        var written = regex.Regex.Expanded.Substring(span.Start, span.Length);
        var message = "'" + written + "' follows '" + catchAllText + "' with nothing binding it to its field, so it matches anywhere in the rest of the line "
            + "(a request path, a query string, a referrer) and harmless lines count as failures. Bind it to its field, e.g. \\S* or [^\"]* instead of "
            + catchAllText;
        var explanation = "the keyword is only in the referrer of a harmless request here, and " + regex.Label + " still reports " + address;
        context.Report(Id, message, regex.Locate(span), new LintEvidence(LintEvidenceKind.MatchedLine, line.Text, explanation) { BannedAddress = address });
        return true;
    }
}
