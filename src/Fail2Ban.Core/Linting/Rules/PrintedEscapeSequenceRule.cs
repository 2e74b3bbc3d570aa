using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2011: a regex that requires a printed escape sequence, a literal backslash followed by <c>n</c>,
/// <c>r</c> or <c>t</c> (written <c>\\n</c>), copied from one sample. Whether a daemon prints the escaped
/// newline depends on its version or module (Apache's proxy_fcgi printed <c>Primary script unknown\n</c>
/// in some builds and not in others), so the line without it is missed. Reported only where the sequence
/// is required (not inside an optional part or an alternative), with a line the filter misses and
/// <c>(?:\\n)?</c> matches, both run in the real matcher.
/// </summary>
internal sealed class PrintedEscapeSequenceRule : LintRule
{
    public override string Id => RuleIds.PrintedEscapeSequence;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var literal in regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>())
            {
                if (literal.Origin != null || literal.Value.IndexOf('\\') < 0 || regex.Tree.InOptionalPart(literal)) continue;
                if (LiteralSource.Offsets(regex, literal) is not { } offsets) continue;
                var value = literal.Value;
                for (var k = 0; k < value.Length; k++)
                {
                    var end = k;
                    while (IsPrintedEscape(value, offsets, end)) end += 2;
                    if (end == k || (k > 0 && value[k - 1] == '\\') || WordGoesOn(regex, literal, end)) continue;
                    Check(context, regex, offsets[k], offsets[end]);
                    k = end - 1;
                }
            }
        }
    }

    /// <summary>A backslash written <c>\\</c> at <paramref name="k"/>, then <c>n</c>, <c>r</c> or <c>t</c> written plainly.</summary>
    private static bool IsPrintedEscape(string value, int[] offsets, int k) =>
        k + 1 < value.Length && value[k] == '\\' && value[k + 1] is 'n' or 'r' or 't'
        && offsets[k + 1] - offsets[k] == 2 && offsets[k + 2] - offsets[k + 1] == 1;

    /// <summary>Whether a letter or digit follows at <paramref name="end"/>: then <c>\\n</c> starts a word (<c>C:\\new</c>), not an escape.</summary>
    private static bool WordGoesOn(LintRegex regex, LiteralNode literal, int end)
    {
        if (end < literal.Value.Length) return char.IsLetterOrDigit(literal.Value[end]);
        var next = regex.Tree.Following(literal).FirstOrDefault();
        return next != null && regex.Tree.FirstSet(next).Exists(char.IsLetterOrDigit);
    }

    private void Check(VariantLintContext context, LintRegex regex, int start, int end)
    {
        var written = regex.Source.Text.Substring(start, end - start);
        var optional = "(?:" + written + ")?";
        var looser = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(start, end - start, optional) });
        if (looser?.NodeAt<QuantifierNode>(start) is not { } node) return;
        var message = "'" + written + "' requires a backslash and a letter printed in the log, an escaped control character copied from one"
            + " sample; whether the daemon prints it depends on its version or module, and the line without it is missed. Make it optional: '"
            + optional + "'";
        looser.Report(context, Id, looser.Location(), message, new TextOverrides().With(node, ""), optional);
    }
}
