using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2016: an alternation that lists members of a well-known protocol vocabulary (transports, SASL
/// mechanisms, HTTP methods; see <see cref="ProtocolVocabulary"/>) but not all of them, e.g.
/// <c>(UDP|TCP|WS)</c> where Asterisk also logs <c>TLS</c>. Lines with a missing member are missed.
/// Reported only with proof: a line with a missing member that the filter misses and the completed
/// alternation matches, both run in the real matcher; the completed alternation is the fix.
/// </summary>
internal sealed class IncompleteEnumerationRule : LintRule
{
    private const int MaxTries = 3;

    public override string Id => RuleIds.IncompleteEnumeration;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var e in ProtocolEnumeration.In(regex))
                if (e.Missing.Count > 0) Check(context, regex, e);
        }
    }

    private void Check(VariantLintContext context, LintRegex regex, ProtocolEnumeration e)
    {
        // A filter that handles other members in failregexes of their own (each mechanism has its own message)
        // splits the vocabulary on purpose: this list is one part of it.
        if (context.Variant.FailRegexes.Any(other => !ReferenceEquals(other, regex) && e.Missing.Any(m => Mentions(other, m)))) return;
        var lower = e.Listed.All(t => t == t.ToLowerInvariant());
        var missing = e.Missing.Select(m => lower ? m.ToLowerInvariant() : m).ToList();
        var source = regex.ToSource(e.Node.Span);
        var written = regex.Source.Text.Substring(source.Start, source.Length);
        var completed = written + "|" + string.Join("|", missing);
        foreach (var member in missing.Take(MaxTries))
        {
            var proof = ProvenSourceEdit.Find<AlternationNode>(context, regex, source.Start, source.Length, completed, source.Start,
                node => new TextOverrides().With(node, member));
            if (proof is null) continue;
            var message = written + " lists the " + e.Vocabulary.Name + "s " + string.Join(", ", e.Listed.Distinct()) + " but not "
                + string.Join(", ", missing) + "; a line with " + member + " there is missed. Add the missing ones: " + completed;
            proof.Report(context, Id, regex, message, regex.Locate(e.Node), "Add " + string.Join(", ", missing) + " to the alternation");
            return;
        }
    }

    /// <summary>Whether a literal of <paramref name="regex"/> holds <paramref name="word"/> as a whole word.</summary>
    private static bool Mentions(LintRegex regex, string word) =>
        regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>().Any(l => ProtocolVocabulary.WordIndex(l.Value, word) >= 0);
}
