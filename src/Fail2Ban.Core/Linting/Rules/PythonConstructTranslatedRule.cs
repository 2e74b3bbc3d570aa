using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1016: a construct the filter's author wrote means something else to .NET (and to most regex
/// engines other than Python's) and was translated: <c>{,n}</c>, <c>\Z</c>, possessive quantifiers.
/// Pure spelling differences (<c>(?P&lt;name&gt;)</c>, <c>(?P=name)</c>) and constructs inside Fail2Ban's
/// own tag expansions are not reported.
/// </summary>
internal sealed class PythonConstructTranslatedRule : LintRule
{
    public override string Id => RuleIds.RegexTranslated;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            foreach (var note in regex.Regex.Notes)
            {
                if (note.Tag != null || !IsMeaningful(note.Kind)) continue;
                context.Report(Id, note.Message,
                    LintRegex.LocateSource(regex.Source, note.SourceOffset, note.SourceLength));
            }
        }
    }

    /// <summary>Differences in meaning, not just in spelling.</summary>
    private static bool IsMeaningful(TranslationNoteKind kind) =>
        kind is TranslationNoteKind.OpenLowerBound or TranslationNoteKind.EndOfString or TranslationNoteKind.PossessiveQuantifier;
}
