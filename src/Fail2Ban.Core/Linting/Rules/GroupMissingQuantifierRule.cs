using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1036: a non-capturing group with no quantifier and no alternation that wraps a separator and a
/// field (<c>(?::&lt;F-PORT/&gt;)</c>, <c>(?: port \d+)</c>). Such a group changes nothing, and a group around
/// "separator + field" is the shape of an optional part: the author meant <c>(?:…)?</c>, and the lines
/// without that part are missed. Groups that do not start with a separator, or hold no field, are left
/// alone (they are written for readability). Reported only with proof: a line the filter misses and
/// the filter with <c>?</c> added matches, both run in the real matcher.
/// </summary>
internal sealed class GroupMissingQuantifierRule : LintRule
{
    private const string Separators = ": ,;";

    public override string Id => RuleIds.GroupMissingQuantifier;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var group in regex.Regex.Root.DescendantsAndSelf().OfType<GroupNode>())
            {
                if (group.GroupKind != GroupKind.NonCapturing || group.Origin != null) continue;
                if (regex.Tree.Parent(group) is not SequenceNode) continue;
                if (group.Body is not SequenceNode { Items.Count: >= 2 } body) continue;
                if (body.Items[0] is not LiteralNode first || !IsSeparator(first.Value) || !IsField(regex.Tree, body.Items[1])) continue;
                Check(context, regex, group);
            }
        }
    }

    /// <summary>
    /// A separator with at most one label word: <c>:</c>, <c> port </c>, <c>, uid=</c>. Longer text is a message
    /// the group requires on purpose.
    /// </summary>
    private static bool IsSeparator(string text)
    {
        var i = 0;
        while (i < text.Length && Separators.IndexOf(text[i]) >= 0) i++;
        if (i == 0) return false;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '-')) i++;
        while (i < text.Length && (Separators.IndexOf(text[i]) >= 0 || text[i] == '=')) i++;
        return i == text.Length;
    }

    /// <summary>
    /// A Fail2Ban tag or named group (<c>&lt;F-PORT/&gt;</c>, <c>&lt;HOST&gt;</c>), or an open run of digits
    /// (<c>\d+</c>). A bare <c>\S+</c> is not counted: a required last word is often meant.
    /// </summary>
    private static bool IsField(RegexTreeIndex tree, RegexNode node) =>
        node.Origin != null
        || node is GroupNode { Name: not null }
        || (node is QuantifierNode { Max: null, Body: CharClassNode digits } && tree.AtomSet(digits) is { } set && set.All(char.IsDigit));

    private void Check(VariantLintContext context, LintRegex regex, GroupNode group)
    {
        var span = regex.ToSource(group.Span);
        var close = span.Start + span.Length - 1;
        if (close < 0 || close >= regex.Source.Text.Length || regex.Source.Text[close] != ')') return;
        var changed = regex.WithSourceEdit(context.Variant, close, 1, ")?");
        if (changed is null) return;
        if (MissedLineSearch.Find(context, regex, changed, new TextOverrides()) is not { } found) return;
        var written = regex.Source.Text.Substring(span.Start, span.Length);
        var edit = regex.EditSource(close, 1, ")?");
        context.Report(Id,
            "'" + written + "' is a group with no quantifier, so it changes nothing and its part is required; a line without it is missed. "
            + "'" + written + "?' (optional) was probably meant",
            regex.Locate(group), MissedLineSearch.Evidence(found, written + "?"),
            edit is null ? null : new LintFix("Make the group optional", new[] { edit }));
    }
}
