using System.Linq;
using Fail2Ban.Core.Linting.Analysis;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1041: the prefregex never passes a text this failregex can match: the failregex on its own matches
/// lines generated from it, but no line built through the prefregex (its <c>F-CONTENT</c> set to such a
/// text, every optional part of both tried) is reported by the real matcher. The failregex is dead code,
/// usually after an edit of the prefregex (a word moved into it, or out of it), and its failures are missed.
/// </summary>
internal sealed class UnreachableFailRegexRule : LintRule
{
    private const int Attempts = 8;

    public override string Id => RuleIds.UnreachableFailRegex;

    public override void CheckVariant(VariantLintContext context)
    {
        if (context.Variant.PrefRegex is not { } pref || pref.Regex.GroupNames.All(n => n != "content")) return;
        // Lines of a multi-line filter (or one tied across lines by an F-MLFID) are judged together, not one by one.
        if (context.Variant.IsMultiLine || pref.Regex.GroupNames.Contains("mlfid")) return;
        foreach (var regex in context.Variant.FailRegexes)
        {
            // A failregex that reports no address (F-NOFAIL, no id group) has no witness by design.
            if (!regex.Regex.HasFailureIdGroup || regex.Regex.GroupNames.Any(n => n is "nofail" or "mlfforget" or "mlfgained" or "mlfid")) continue;
            if (context.Probe.Witness(regex) != null) continue;
            // The failregex must be able to match on its own, else the generator, not the prefregex, is at fault.
            var alone = new RegexTextGenerator(regex.Tree);
            var own = Enumerable.Range(0, Attempts).Select(a => alone.Generate(a)?.Text).FirstOrDefault(t => t != null && regex.Regex.Regex.IsMatch(t));
            if (own is null) continue;
            var message = "no line that passes the prefregex reaches this failregex: its text ('" + Shorten(own) + "' matches it on its own) never comes out of the prefregex's F-CONTENT, "
                + "so its failures are missed. Move what the prefregex already matches out of the failregex, or widen the prefregex";
            context.Report(Id, message, regex.Locate(new Patterns.PatternSpan(0, 1)),
                new LintEvidence(LintEvidenceKind.MissedLine, own, "the failregex matches this text on its own; no line built through the prefregex around it is reported"));
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "…";
}
