using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2017: an alternation of words the client chooses and the daemon logs as the client wrote them (SASL
/// mechanism names: a client sending <c>AUTH login</c> is logged as <c>SASL login authentication failed</c>
/// by Postfix), compared in one letter case. The brute-forcer that writes the word in another case is never
/// counted. Reported only with proof (the line with the word in lower case is missed and matched once the
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
        }
    }

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
