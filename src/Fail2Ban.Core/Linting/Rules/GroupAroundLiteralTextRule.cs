using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1035: bare parentheses around text that the log writes in literal parentheses, e.g.
/// <c>ID \S+ (serial \d+) CA</c> where OpenSSH logs <c>ID key (serial 42) CA</c>. The parentheses make an
/// unnamed capturing group (Fail2Ban uses only named groups) instead of matching <c>(</c> and <c>)</c>,
/// so the real line is missed. Only a plain group is considered: unnamed, never referenced, not
/// repeated or optional, no alternation inside, its body starting with a literal word and a space, <c>=</c> or <c>:</c>, and
/// standing between spaces like a word of the text. Reported only with proof: a line the filter misses
/// and the filter with <c>\(…\)</c> matches, both run in the real matcher.
/// </summary>
internal sealed class GroupAroundLiteralTextRule : LintRule
{
    public override string Id => RuleIds.GroupAroundLiteralText;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            var referenced = regex.Regex.Root.DescendantsAndSelf()
                .Select(n => n switch { BackreferenceNode b => b.GroupNumber, ConditionalNode c => c.GroupNumber, _ => 0 })
                .Where(n => n > 0);
            var referencedSet = new HashSet<int>(referenced);
            foreach (var group in regex.Regex.Tree.Groups)
            {
                if (group.Name != null || group.Origin != null || referencedSet.Contains(group.Number)) continue;
                if (group.Body is not SequenceNode body || body.DescendantsAndSelf().Any(n => n is AlternationNode)) continue;
                if (body.Items.Count == 0 || body.Items[0] is not LiteralNode first || !StartsWithWord(first.Value)) continue;
                if (regex.Tree.Parent(group) is not SequenceNode seq) continue;
                var i = IndexOf(seq, group);
                if (i <= 0 || seq.Items[i - 1] is not LiteralNode before || !before.Value.EndsWith(" ")) continue;
                if (i + 1 < seq.Items.Count && !(seq.Items[i + 1] is LiteralNode after && after.Value.StartsWith(" "))) continue;
                Check(context, regex, group);
            }
        }
    }

    /// <summary>A word of three or more letters, then a space, <c>=</c> or <c>:</c>: "serial 42", "uid=0".</summary>
    private static bool StartsWithWord(string text)
    {
        var k = 0;
        while (k < text.Length && char.IsLetter(text[k])) k++;
        return k >= 3 && k < text.Length && (text[k] == ' ' || text[k] == '=' || text[k] == ':');
    }

    private static int IndexOf(SequenceNode seq, RegexNode node)
    {
        for (var i = 0; i < seq.Items.Count; i++) if (ReferenceEquals(seq.Items[i], node)) return i;
        return -1;
    }

    private void Check(VariantLintContext context, LintRegex regex, GroupNode group)
    {
        var span = regex.ToSource(group.Span);
        var written = regex.Source.Text.Substring(span.Start, span.Length);
        if (!written.StartsWith("(") || !written.EndsWith(")")) return;
        var meant = "\\" + written.Substring(0, written.Length - 1) + "\\)";
        var changed = regex.WithSourceEdit(context.Variant, span.Start, span.Length, meant);
        if (changed is null) return;
        var overrides = changed.NodeCoveringSource(span.Start) is { } literal ? new TextOverrides().Via(literal) : new TextOverrides();
        if (MissedLineSearch.Find(context, regex, changed, overrides) is not { } found) return;
        var edit = regex.EditSource(span.Start, span.Length, meant);
        context.Report(Id,
            "'" + written + "' is a group, not text in parentheses: a line that writes the '(' and ')' around this text is missed; escape them: " + meant,
            regex.Locate(group), MissedLineSearch.Evidence(found, meant),
            edit is null ? null : new LintFix("Escape the parentheses", new[] { edit }));
    }
}
