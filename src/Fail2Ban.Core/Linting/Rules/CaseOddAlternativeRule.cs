using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2023: in an alternation whose other words start with both cases of their first letter (<c>[Ff]ile|script|[Gg]ot</c>),
/// one word starts with a single case. The author has seen the daemon capitalise the word at that place (Apache writes
/// <c>File does not exist</c> in one version, <c>file</c> in another), and the odd word is written the same way:
/// Apache's <c>Script not found or unable to stat</c> was missed by Fail2Ban 1.0.2's apache-noscript. Reported only where
/// at least two alternatives take both cases and more take them than not, and only with proof (a line the filter misses
/// and the filter with the odd word's first letter in both cases matches, both in the matcher).
/// </summary>
internal sealed class CaseOddAlternativeRule : LintRule
{
    public override string Id => RuleIds.CaseOddAlternative;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var alternation in regex.Regex.Root.DescendantsAndSelf().OfType<AlternationNode>())
            {
                if (alternation.Origin != null || regex.Tree.IgnoreCaseAt(alternation)) continue;
                var both = alternation.Alternatives.Count(a => BothCases(regex.Tree, First(a)));
                var odd = alternation.Alternatives.Select(First).OfType<LiteralNode>().Where(l => OneCaseWord(l)).ToList();
                if (both < 2 || odd.Count == 0 || both <= odd.Count) continue;
                foreach (var word in odd) Check(context, regex, word);
            }
        }
    }

    private static RegexNode? First(SequenceNode alternative) => alternative.Items.Count > 0 ? alternative.Items[0] : null;

    /// <summary>A class of exactly one letter in both cases: <c>[Ff]</c>.</summary>
    private static bool BothCases(RegexTreeIndex tree, RegexNode? node)
    {
        if (node is not CharClassNode { Negated: false } cls || tree.AtomSet(cls) is not { } set || set.Count != 2) return false;
        var members = set.Members().ToList();
        return char.IsLetter(members[0]) && char.ToLowerInvariant(members[0]) == char.ToLowerInvariant(members[1]) && members[0] != members[1];
    }

    /// <summary>A literal that starts with a word of at least three letters (its first letter in one case).</summary>
    private static bool OneCaseWord(LiteralNode literal) =>
        literal.Origin is null && literal.Value.Length >= 3 && literal.Value.Take(3).All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');

    private void Check(VariantLintContext context, LintRegex regex, LiteralNode word)
    {
        var at = regex.ToSource(word.Span).Start;
        if (at < 0 || at >= regex.Source.Text.Length || regex.Source.Text[at] != word.Value[0]) return;
        var letter = word.Value[0];
        var other = char.IsUpper(letter) ? char.ToLowerInvariant(letter) : char.ToUpperInvariant(letter);
        var both = "[" + char.ToUpperInvariant(letter) + char.ToLowerInvariant(letter) + "]";
        var changed = regex.WithSourceEdit(context.Variant, at, 1, both);
        if (changed is null) return;
        if (MissedLineSearch.Find(context, regex, changed, new TextOverrides()) is not { } found) return;
        var name = new string(word.Value.TakeWhile(char.IsLetter).ToArray());
        var edit = regex.EditSource(at, 1, both);
        context.Report(Id,
            "the other words of this alternation take both cases of their first letter, '" + name + "' only '" + letter + "': the daemon can write '"
            + other + name.Substring(1) + "' at this place as well, and that line is missed. Write '" + both + name.Substring(1) + "'",
            regex.Locate(word), MissedLineSearch.Evidence(found, both + name.Substring(1)),
            edit is null ? null : new LintFix("Take both cases of '" + letter + "'", new[] { edit }));
    }
}
