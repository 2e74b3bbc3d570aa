using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1031: an alternation with an empty branch between two <c>|</c> (<c>(identity||admin)</c>), or with
/// more than one empty branch. The empty branch matches nothing, so the whole group becomes optional and
/// the filter accepts lines with that part missing; a doubled <c>|</c> is almost always a typo. One empty
/// branch at the end (<c>(a|b|)</c>) or at the start is the usual way to write "optional" and is left alone.
/// Evidence: a line the filter matches only through the empty branch, which the filter without it rejects.
/// </summary>
internal sealed class EmptyAlternativeRule : LintRule
{
    public override string Id => RuleIds.EmptyAlternative;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
            foreach (var alternation in regex.Regex.Root.DescendantsAndSelf().OfType<AlternationNode>())
                if (alternation.Origin is null) Check(context, regex, alternation);
    }

    private void Check(VariantLintContext context, LintRegex regex, AlternationNode alternation)
    {
        var branches = alternation.Alternatives;
        var empty = Enumerable.Range(0, branches.Count).Where(i => branches[i].Items.Count == 0).ToList();
        if (empty.Count == 0) return;
        // One empty branch at the end (or else at the start) is the "optional" idiom and stays.
        var keep = empty.Contains(branches.Count - 1) ? branches.Count - 1 : empty[0] == 0 ? 0 : -1;
        var removed = empty.Where(i => i != keep).ToList();
        if (removed.Count == 0) return;

        // The '|' before each removed branch (after it, for a leading one) is what the fix deletes.
        var bars = new List<int>();
        foreach (var i in removed)
        {
            var at = regex.ToSource(new PatternSpan(branches[i].Span.Start + (i == 0 ? 0 : -1), 1)).Start;
            if (at < 0 || at >= regex.Source.Text.Length || regex.Source.Text[at] != '|') return;
            bars.Add(at);
        }

        var span = regex.ToSource(alternation.Span);
        var written = regex.Source.Text.Substring(span.Start, span.Length);
        var corrected = written;
        foreach (var at in bars.OrderByDescending(x => x)) corrected = corrected.Remove(at - span.Start, 1);
        var doubled = bars[0] + 1 < regex.Source.Text.Length && regex.Source.Text[bars[0] + 1] == '|';
        var location = LintRegex.LocateSource(regex.Source, bars[0], doubled ? 2 : 1);
        var outer = regex.Tree.Parent(alternation) is GroupNode g ? regex.ToSource(g.Span) : span;
        var shown = regex.Source.Text.Substring(outer.Start, outer.Length);
        if (shown.Length > 60) shown = shown.Substring(0, 56) + "...)";
        var message = "'" + shown + "' has " + (bars.Count == 1 ? "an empty alternative" : bars.Count + " empty alternatives")
            + " (an extra '|'), so the group also matches nothing and lines without any of its words are accepted; remove the extra '|'";

        LintEvidence? evidence = null;
        if (regex.WithSourceEdit(context.Variant, span.Start, span.Length, corrected) is { } changed
            && WidenedLineSearch.Find(context, regex, changed, new TextOverrides().Via(alternation).With(alternation, "")) is { } found)
            evidence = new LintEvidence(LintEvidenceKind.AcceptedLine, found.Line,
                "the filter matches this line (and bans " + found.Address + ") only through the empty alternative; without it the line is rejected")
            { BannedAddress = found.Address };

        var edits = bars.Select(at => regex.EditSource(at, 1, "")).ToList();
        var fix = edits.All(e => e != null) ? new LintFix("Remove the empty alternative", edits!) : null;
        context.Report(Id, message, location, evidence, fix);
    }
}
