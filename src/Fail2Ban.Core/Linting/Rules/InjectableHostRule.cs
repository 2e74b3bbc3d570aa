using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3003: a field before the host that the client fills (a user name, a quoted or bracketed value)
/// is matched by a repeat that can also take the literal written between it and the host (<c> from </c>,
/// <c>rhost=</c>), e.g. <c>.*</c> or <c>.*?</c> where <c>\S+</c> or <c>[^"]*</c> was needed. A client who puts that literal and an address in the field chooses whom Fail2Ban bans.
/// Found by injection, never asserted: the field's text in a generated line is replaced by
/// "field + literal + 192.0.2.254 (+ the rest)", and the finding stands only if the real matcher then
/// reports 192.0.2.254.
/// </summary>
internal sealed class InjectableHostRule : LintRule
{
    public override string Id => RuleIds.InjectableHost;

    public override void CheckVariant(VariantLintContext context)
    {
        if (context.Variant.IsMultiLine) return;
        foreach (var regex in context.Variant.FailRegexes)
        {
            var hosts = regex.AddressTags().ToList();
            if (hosts.Count == 0) continue;
            ProbeLine? witness = null;
            foreach (var field in Fields(regex, hosts[0]))
            {
                witness ??= context.Probe.Witness(regex);
                if (witness is null) return;
                var evidence = Inject(context, regex, witness, field, hosts[0]);
                if (evidence is null) continue;
                var fieldText = field.GetText(regex.Regex.Expanded);
                var message = fieldText + " (" + Describe(regex, field) + ") can hold '" + evidence.Value.Literal.Trim() + " <address>': the client then chooses the address "
                    + hosts[0].Tag + " bans. Exclude the separator from the field (e.g. \\S+ or [^\"]*), or anchor what follows the host";
                context.Report(Id, message, regex.Locate(field), evidence.Value.Evidence);
                break;
            }
        }
    }

    /// <summary>Repeats before the host that a client plausibly fills: in a user group, or between quotes or brackets.</summary>
    private static IEnumerable<QuantifierNode> Fields(LintRegex regex, TagExpansion host)
    {
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            if (node is not QuantifierNode q || q.Origin != null || q.Span.End > host.ExpandedSpan.Start) continue;
            if (q.Max is { } max && max < 32) continue;
            if (regex.Tree.InLookaround(q) || regex.Tree.AtomSet(q.Body) is not { } set) continue;
            if (!CanHoldLiteralsUpTo(regex, q, host, set)) continue;
            if (IsClientField(regex, q)) yield return q;
        }
    }

    /// <summary>The field's characters include every literal character written between it and the host.</summary>
    private static bool CanHoldLiteralsUpTo(LintRegex regex, QuantifierNode field, TagExpansion host, ProbeCharSet set)
    {
        var any = false;
        foreach (var next in regex.Tree.Following(field))
        {
            if (next.Span.Start >= host.ExpandedSpan.Start) break;
            foreach (var literal in next.DescendantsAndSelf().OfType<LiteralNode>())
            {
                if (regex.Tree.InOptionalPart(literal) && !regex.Tree.IsWithin(field, regex.Tree.Parent(literal)!)) continue;
                any = true;
                if (!literal.Value.All(set.Contains)) return false;
            }
        }
        return any;
    }

    private static bool IsClientField(LintRegex regex, QuantifierNode q)
    {
        foreach (var a in regex.Tree.Ancestors(q))
            if (a is GroupNode { Name: { } name } && (name == "user" || name.StartsWith("alt_user") || name == "fid")) return true;
        return Quoted(regex, q);
    }

    /// <summary>Between matching quotes or brackets: <c>'…'</c>, <c>"…"</c>, <c>`…'</c>, <c>[…]</c>, <c>(…)</c>, <c>&lt;…&gt;</c>.</summary>
    private static bool Quoted(LintRegex regex, QuantifierNode q)
    {
        var before = regex.Tree.Preceding(q).FirstOrDefault();
        var after = regex.Tree.Following(q).FirstOrDefault();
        if (before is not LiteralNode b || after is not LiteralNode f || b.Value.Length == 0 || f.Value.Length == 0) return false;
        var open = b.Value[b.Value.Length - 1];
        var close = f.Value[0];
        return (open, close) is ('\'', '\'') or ('"', '"') or ('`', '\'') or ('[', ']') or ('(', ')') or ('<', '>');
    }

    private static string Describe(LintRegex regex, QuantifierNode q)
    {
        foreach (var a in regex.Tree.Ancestors(q))
            if (a is GroupNode { Name: { } name } && (name == "user" || name.StartsWith("alt_user"))) return "the user name";
        return "a quoted field";
    }

    private static (LintEvidence Evidence, string Literal)? Inject(VariantLintContext context, LintRegex regex, ProbeLine witness,
        QuantifierNode field, TagExpansion host)
    {
        var fail = witness.FailText;
        if (!fail.Nodes.TryGetValue(field, out var f) || !fail.Tags.TryGetValue(host, out var h) || f.End > h.Start) return null;
        var original = fail.Text.Substring(f.Start, f.Length);
        var literal = fail.Text.Substring(f.End, h.Start - f.End);
        // The client writes only inside the field: it must be able to hold the literal that leads to the host.
        var set = regex.Tree.AtomSet(field.Body);
        if (set is null || literal.Length == 0 || !literal.All(set.Contains)) return null;
        var tail = fail.Text.Substring(h.End);
        foreach (var injected in new[] { original + literal + AddressTags.ForgedIPv4, original + literal + AddressTags.ForgedIPv4 + tail })
        {
            var line = context.Probe.Synthesize(regex, new TextOverrides().With(field, injected),
                l => l.AddressesFrom(regex.Index).Contains(AddressTags.ForgedIPv4), onlyStep: witness.Step);
            if (line is null) continue;
            return (new LintEvidence(LintEvidenceKind.InjectedLine, line.Text,
                "the field holds '" + injected + "', and the filter bans " + AddressTags.ForgedIPv4 + " instead of " + AddressTags.DefaultIPv4)
            {
                BannedAddress = AddressTags.ForgedIPv4,
            }, literal);
        }
        return null;
    }
}
