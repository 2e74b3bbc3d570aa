using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2017: an alternation of words the client chooses and the daemon logs as the client wrote them (SASL
/// mechanism names: a client sending <c>AUTH login</c> is logged as <c>SASL login authentication failed</c>
/// by Postfix), compared in one letter case. The brute-forcer that writes the word in another case is never
/// counted. SMTP command verbs are judged the same way where the daemon echoes the client's command line
/// (<c>cmd: AUTH</c>, <c>input="AUTH</c>, a verb right after a quote). Reported only with proof (the line with the word in lower case is missed and matched once the
/// alternation is made case-insensitive with a scoped <c>(?i:…)</c> group, which Python 3.6+ and Fail2Ban
/// accept).
/// </summary>
internal sealed class CaseSensitiveClientTokenRule : LintRule
{
    public override string Id => RuleIds.CaseSensitiveClientToken;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var e in ProtocolEnumeration.In(regex))
                if (e.Vocabulary.ClientChosen && !e.IgnoreCase) Check(context, regex, e);
            foreach (var literal in regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>())
                if (literal.Origin is null && !regex.Tree.IgnoreCaseAt(literal)) CheckEchoedCommand(context, regex, literal);
        }
    }

    /// <summary>
    /// Labels after which a daemon writes the command line as the client typed it (Courier's <c>cmd:</c>, Exim's <c>input=</c>).
    /// Not <c>command=</c>: Sendmail writes its own canonical name there (<c>possible SMTP attack: command=AUTH</c>).
    /// </summary>
    private static readonly string[] EchoLabels = { "cmd:", "input=" };

    /// <summary>An SMTP verb written in upper case where the daemon echoes the client's command (<c>cmd: AUTH</c>, <c>input="AUTH</c>).</summary>
    private void CheckEchoedCommand(VariantLintContext context, LintRegex regex, LiteralNode literal)
    {
        var span = regex.ToSource(literal.Span);
        var text = regex.Source.Text.Substring(span.Start, span.Length);
        foreach (var verb in ProtocolVocabulary.SmtpCommands.Members)
        {
            var at = ProtocolVocabulary.WordIndex(text, verb);
            if (at < 0) continue;
            var before = (at == 0 ? LiteralTextBefore(regex, literal) : "") + text.Substring(0, at).Replace("\\", "");
            if (!EchoesClient(before)) continue;
            var lower = verb.ToLowerInvariant();
            var proof = ProvenSourceEdit.Find<GroupNode>(context, regex, span.Start + at, verb.Length, "(?i:" + verb + ")", span.Start + at,
                node => new TextOverrides().With(node, lower));
            if (proof is null) continue;
            var message = verb + " is the command as the client typed it, and clients may send it in lower case (" + lower
                + "), so such a line is missed. Compare it case-insensitively: (?i:" + verb + ")";
            proof.Report(context, Id, regex, message, LintRegex.LocateSource(regex.Source, span.Start + at, verb.Length),
                "Make " + verb + " case-insensitive with (?i:…)");
        }
    }

    private static bool EchoesClient(string before)
    {
        if (before.EndsWith("\"") || before.EndsWith("'")) return true;
        var label = before.TrimEnd();
        return EchoLabels.Any(l => label.EndsWith(l, System.StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text of the literals right before <paramref name="node"/> (empty when something else comes first).</summary>
    private static string LiteralTextBefore(LintRegex regex, RegexNode node) =>
        regex.Tree.Preceding(node).FirstOrDefault() is LiteralNode l ? l.Value : "";

    private void Check(VariantLintContext context, LintRegex regex, ProtocolEnumeration e)
    {
        var word = e.Listed.FirstOrDefault(t => t != t.ToLowerInvariant() && !e.Texts.Contains(t.ToLowerInvariant()));
        if (word is null) return;
        var lower = word.ToLowerInvariant();
        var source = regex.ToSource(e.Node.Span);
        var written = regex.Source.Text.Substring(source.Start, source.Length);

        // (?:A|B) becomes (?i:A|B); any other alternation is wrapped in (?i:…).
        int offset, length, nodeStart;
        string replacement;
        if (regex.Tree.Parent(e.Node) is GroupNode { GroupKind: GroupKind.NonCapturing, Origin: null } g
            && regex.ToSource(g.Span) is var gs && gs.Start + 3 == source.Start && regex.Source.Text.Substring(gs.Start, 3) == "(?:")
        {
            (offset, length, replacement, nodeStart) = (gs.Start, 3, "(?i:", source.Start + 1);
        }
        else
        {
            (offset, length, replacement, nodeStart) = (source.Start, source.Length, "(?i:" + written + ")", source.Start + 4);
        }
        var proof = ProvenSourceEdit.Find<AlternationNode>(context, regex, offset, length, replacement, nodeStart,
            node => new TextOverrides().With(node, lower));
        if (proof is null) return;
        var message = written + " compares " + e.Vocabulary.Name + "s in upper case only, but the client chooses the name and the daemon logs it as sent"
            + " (AUTH " + lower + " is logged as '" + lower + "'), so a line with '" + lower + "' is missed. Compare it case-insensitively: (?i:"
            + written + ")";
        proof.Report(context, Id, regex, message, regex.Locate(e.Node), "Make " + written + " case-insensitive with (?i:…)");
    }
}
