using System.Linq;
using System.Text;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2001: a command, verb or identifier token matched with a fixed width (<c>[A-Z]{4}</c>,
/// <c>\w{14}</c>). Protocols add longer verbs (Postfix logs <c>CONNECT</c>, <c>STARTTLS</c> where the
/// filter expected four letters) and applications lengthen their ids, and each such line is missed.
/// Reported only with proof: a line the filter misses and <c>{n,}</c> matches, both run in the real
/// matcher. Digit and hexadecimal runs (years, status codes, hashes) are fixed by nature and skipped.
/// </summary>
internal sealed class FixedWidthTokenRule : LintRule
{
    private const int MinimumWidth = 3;

    /// <summary>Real protocol words, used to lengthen a token so the evidence reads like a log line.</summary>
    private static readonly string[] LongerWords = { "CONNECT", "STARTTLS", "AUTHENTICATE", "UNKNOWNCOMMAND" };

    public override string Id => RuleIds.FixedWidthToken;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var node in regex.Regex.Root.DescendantsAndSelf())
            {
                if (node is not QuantifierNode q || q.Origin != null || q.Max != q.Min || q.Min < MinimumWidth) continue;
                if (q.Body is not CharClassNode) continue;
                var set = regex.Tree.AtomSet(q.Body)!;
                if (!IsTokenClass(set) || WidthSeparatesRepeatedTokens(regex.Tree, q)) continue;
                Check(context, regex, q, set);
            }
        }
    }

    /// <summary>
    /// Whether the fixed width is what separates the words of a repeated list: the token is repeated
    /// (<c>(?:[A-Z]{4}[/ ]?)+</c>, sendmail's <c>MAIL/EXPN/VRFY/ETRN</c>) and nothing required follows it
    /// before the next repetition. There the width is structure, not a guess: <c>{4,}</c> would let one
    /// token swallow the next, and the list would backtrack exponentially on a line that fails.
    /// </summary>
    internal static bool WidthSeparatesRepeatedTokens(RegexTreeIndex tree, QuantifierNode token)
    {
        RegexNode current = token;
        foreach (var parent in tree.Ancestors(token))
        {
            if (parent is SequenceNode seq)
            {
                var after = false;
                foreach (var item in seq.Items)
                {
                    if (after && !tree.IsNullable(item)) return false;
                    if (ReferenceEquals(item, current)) after = true;
                }
            }
            else if (parent is QuantifierNode { Max: null or > 1 })
            {
                return true;
            }
            current = parent;
        }
        return false;
    }

    /// <summary>Letters (beyond hexadecimal ones), possibly digits, <c>_</c> or <c>-</c>; nothing else.</summary>
    internal static bool IsTokenClass(ProbeCharSet set) =>
        set.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-')
        && set.Exists(c => char.IsLetter(c) && c < 128 && !"abcdefABCDEF".Contains(c));

    private void Check(VariantLintContext context, LintRegex regex, QuantifierNode q, ProbeCharSet set)
    {
        // The quantifier's own text ({4} or {4,4}), as written in the source.
        var quantifier = regex.ToSource(PatternSpan.FromBounds(q.Body.Span.End, q.Span.End));
        var written = regex.Source.Text.Substring(quantifier.Start, quantifier.Length);
        if (!written.StartsWith("{") || !written.EndsWith("}")) return;
        var replacement = "{" + q.Min + ",}";
        var changed = regex.WithSourceEdit(context.Variant, quantifier.Start, quantifier.Length, replacement);
        if (changed is null) return;
        var nodeStart = regex.ToSource(q.Span).Start;
        var changedNode = changed.NodeAtSource<QuantifierNode>(nodeStart);
        if (changedNode is null) return;

        var token = LongerToken(set, q.Min);
        if (token is null) return;
        var found = MissedLineSearch.Find(context, regex, changed, new TextOverrides().With(changedNode, token));
        if (found is not { } evidence) return;

        var bodyText = regex.Source.Text.Substring(nodeStart, quantifier.Start - nodeStart);
        var message = bodyText + written + " matches a token of exactly " + q.Min + " characters; a longer one such as '" + token
            + "' makes the line miss. Use " + bodyText + replacement + " (or a bounded range)";
        var edit = regex.EditSource(quantifier.Start, quantifier.Length, replacement);
        var fix = edit is null ? null : new LintFix("Replace " + written + " with " + replacement, new[] { edit });
        var explanation = evidence.Missed
            + "; with " + replacement + " it matches and bans " + evidence.Address;
        context.Report(Id, message, regex.Locate(q), new LintEvidence(LintEvidenceKind.MissedLine, evidence.Line, explanation)
        {
            BannedAddress = evidence.Address,
        }, fix);
    }

    /// <summary>A token of the class, longer than <paramref name="width"/>: a real protocol word when one fits.</summary>
    internal static string? LongerToken(ProbeCharSet set, int width)
    {
        // [a-z]{999999999} is valid, but its evidence would be a gigabyte line: none is written.
        if (width > Diagnostics.EngineLimits.MaxGeneratedRepeat) return null;
        foreach (var word in LongerWords)
        {
            if (word.Length <= width) continue;
            foreach (var candidate in new[] { word, word.ToLowerInvariant(), word.Substring(0, 1) + word.Substring(1).ToLowerInvariant() })
                if (candidate.All(set.Contains)) return candidate;
        }
        var members = set.Members().Where(char.IsLetterOrDigit).Take(8).ToArray();
        if (members.Length == 0) return null;
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < width + 3; i++) sb.Append(members[i % members.Length]);
        return sb.ToString();
    }
}
