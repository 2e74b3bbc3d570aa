using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2022: a labelled field that one regex of the filter writes as optional (<c>relay=(\S+ )?\[…\]</c>) is required
/// in another (<c>relay=\S+ \[…\]</c>). The filter's own author has seen the daemon leave the field out, and the same
/// daemon leaves it out in the other message too (sendmail writes <c>relay=[192.0.2.1]</c> for any client without a
/// reverse name). Reported only with proof: a line the filter misses and the filter with the field made optional
/// there matches, both in the matcher.
/// </summary>
internal sealed class FieldOptionalElsewhereRule : LintRule
{
    /// <summary>A field's label at the end of the literal before it: <c>relay=</c>, <c>host=</c>, <c>user: </c>.</summary>
    private static readonly Regex Label = new(@"(?<![\w-])[A-Za-z][\w-]{1,30}(?:=|: ?)$", RegexOptions.CultureInvariant);

    public override string Id => RuleIds.FieldOptionalElsewhere;

    public override void CheckVariant(VariantLintContext context)
    {
        var regexes = context.Variant.AllRegexes.Where(r => r.Kind != FilterRegexKind.Ignore).ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var written in regexes)
        foreach (var (label, field, next) in OptionalFields(written))
        foreach (var required in regexes)
        {
            if (ReferenceEquals(required, written)) continue;
            foreach (var at in RequiredAt(required, label + field, next))
            {
                var start = at + label.Length;
                if (!reported.Add(required.Label + ":" + start)) continue;
                Check(context, written, required, label, field, start);
            }
        }
    }

    /// <summary>
    /// Each <c>label(field)?</c> the regex writes (a group made optional right after a literal that ends with a label),
    /// with the text that follows it (up to two characters), which the other regex must write after the field too.
    /// </summary>
    private static IEnumerable<(string Label, string Field, string Next)> OptionalFields(LintRegex regex)
    {
        foreach (var sequence in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
        {
            for (var i = 1; i < sequence.Items.Count; i++)
            {
                if (sequence.Items[i] is not QuantifierNode { Min: 0, Max: 1, Body: GroupNode { IsLookaround: false, Body: var body } } optional
                    || optional.Origin != null || sequence.Items[i - 1] is not LiteralNode { Origin: null } before) continue;
                var label = Label.Match(before.Value);
                if (!label.Success) continue;
                var span = regex.ToSource(body.Span);
                if (span.Length < 2 || span.End > regex.Source.Text.Length) continue;
                var field = regex.Source.Text.Substring(span.Start, span.Length);
                // A field, not a word of the message: it holds a class or a repetition.
                if (field.IndexOf('\\') < 0 && field.IndexOf('[') < 0) continue;
                var after = regex.ToSource(optional.Span).End;
                if (after >= regex.Source.Text.Length) continue;
                yield return (label.Value, field, regex.Source.Text.Substring(after, Math.Min(2, regex.Source.Text.Length - after)));
            }
        }
    }

    /// <summary>Source offsets where <paramref name="needle"/> is written as required: not inside an optional part, not itself grouped.</summary>
    private static IEnumerable<int> RequiredAt(LintRegex regex, string needle, string next)
    {
        var text = regex.Source.Text;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_' || text[at - 1] == '-' || text[at - 1] == '\\')) continue;
            var end = at + needle.Length;
            if (string.CompareOrdinal(text, end, next, 0, next.Length) != 0) continue;
            if (regex.NodeCoveringSource(end - 1) is not { } node || regex.Tree.InOptionalPart(node)) continue;
            yield return at;
        }
    }

    private void Check(VariantLintContext context, LintRegex written, LintRegex required, string label, string field, int start)
    {
        var optional = "(?:" + field + ")?";
        var changed = required.WithSourceEdit(context.Variant, start, field.Length, optional);
        if (changed is null) return;
        if (MissedLineSearch.Find(context, required, changed, new TextOverrides()) is not { } found) return;
        var where = written.OwnLocation();
        var edit = required.EditSource(start, field.Length, optional);
        context.Report(Id,
            "'" + label + field + "' is required here, while " + written.Label + " (line " + where.Line + ") writes the same field as optional ('"
            + label + "(" + field + ")?'): the daemon leaves it out, and a line without it is missed here. Write '" + label + optional + "'",
            LintRegex.LocateSource(required.Source, start, field.Length), MissedLineSearch.Evidence(found, label + optional),
            edit is null ? null : new LintFix("Make the field optional, as " + written.Label + " does", new[] { edit }));
    }
}
