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
            foreach (var node in regex.Regex.Root.DescendantsAndSelf())
            {
                if (node.Origin != null || KeywordText(node) is not { } keyword) continue;
                if (hosts.Count > 0 && !hosts.Any(h => h.ExpandedSpan.End <= node.Span.Start)) continue;
                if (regex.Tree.InLookaround(node) || !IsCatchAll(regex.Tree.Preceding(node).FirstOrDefault())) continue;
                var following = regex.Tree.Following(node).ToList();
                if (following.Count > 0 && !(following.Any(IsCatchAll) && following.All(f => IsCatchAll(f) || IsEndAnchor(f)))) continue;
                if (Check(context, regex, node, keyword)) break;
            }
        }
    }

    /// <summary>
    /// The keyword a node stands for: a literal token (at least two letters or digits, no white space), or a group
    /// of such alternatives (its first one). A literal with a space spans a field boundary (<c> HTTP/</c>): it
    /// is held by the line's structure, not floating inside a field.
    /// </summary>
    private static string? KeywordText(RegexNode node)
    {
        switch (node)
        {
            case LiteralNode literal when IsToken(literal.Value) && literal.Value.Count(char.IsLetterOrDigit) >= 2:
                return literal.Value;
            case GroupNode { IsLookaround: false, Body: AlternationNode alternation }
                when alternation.Alternatives.All(a => a.Items.Count == 1 && a.Items[0] is LiteralNode l && IsToken(l.Value) && l.Value.Any(char.IsLetterOrDigit)):
                return ((LiteralNode)alternation.Alternatives[0].Items[0]).Value;
            default:
                return null;
        }
    }

    private static bool IsToken(string text) => !text.Any(char.IsWhiteSpace);

    private static bool IsCatchAll(RegexNode? node) => node is QuantifierNode { Max: null, Min: <= 1, Body: AnyCharNode };

    private static bool IsEndAnchor(RegexNode node) => node is AnchorNode { Anchor: AnchorKind.LineEnd or AnchorKind.StringEnd };

    private bool Check(VariantLintContext context, LintRegex regex, RegexNode keywordNode, string keyword)
    {
        if (keyword.Length == 0) return false;
        var harmless = HarmlessRequest + (char.IsLetterOrDigit(keyword[0]) ? "search?q=" : "index") + keyword;
        var line = context.Probe.Synthesize(regex, new TextOverrides().With(keywordNode, harmless),
            l => l.AddressesFrom(regex.Index).Any(), steer: keywordNode);
        if (line is null) return false;
        var address = line.AddressesFrom(regex.Index).First();
        var catchAll = regex.Tree.Preceding(keywordNode).First().GetText(regex.Regex.Expanded);
        var written = keywordNode.GetText(regex.Regex.Expanded);
        var message = "'" + written + "' follows '" + catchAll + "' with nothing binding it to its field, so it matches anywhere in the rest of the line "
            + "(a request path, a query string, a referrer) and harmless lines count as failures. Bind it to its field, e.g. \\S* or [^\"]* instead of "
            + catchAll;
        var explanation = "the keyword is only in the referrer of a harmless request here, and " + regex.Label + " still reports " + address;
        context.Report(Id, message, regex.Locate(keywordNode), new LintEvidence(LintEvidenceKind.MatchedLine, line.Text, explanation) { BannedAddress = address });
        return true;
    }
}
