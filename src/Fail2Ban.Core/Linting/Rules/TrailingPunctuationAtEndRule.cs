using System;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2012: the regex ends with a literal sentence punctuation (<c>\.</c>, <c>!</c>) right before <c>$</c>
/// (or <c>\s*$</c>), after plain message text. Message punctuation is the first thing that changes
/// between daemon versions (NSD 4.3.5 dropped the final dot of "no acl matches."), and the end anchor
/// then rejects the new form. Punctuation after a tag or a field (<c>&lt;ADDR&gt;\.</c>,
/// <c>\)\.</c>) is not reported: only a letter right before it makes it sentence text. Reported with a
/// line the filter misses and <c>\.?$</c> matches, both run in the real matcher. Where the filter has sample
/// lines, only when one of them ends with the message without its punctuation (the daemon writes both forms);
/// without samples it is reported as a suggestion to check the daemon.
/// </summary>
internal sealed class TrailingPunctuationAtEndRule : LintRule
{
    public override string Id => RuleIds.TrailingPunctuationAtEnd;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                var items = seq.Items;
                var last = items.Count - 1;
                if (last < 1 || items[last] is not AnchorNode { Anchor: AnchorKind.LineEnd or AnchorKind.StringEnd } anchor || anchor.Origin != null) continue;
                var before = last - 1;
                if (items[before] is QuantifierNode { Min: 0 } space && regex.Tree.AtomSet(space.Body) is { } set && set.All(char.IsWhiteSpace)) before--;
                if (before < 0 || items[before] is not LiteralNode text) continue;
                Check(context, regex, text);
            }
        }
    }

    private void Check(VariantLintContext context, LintRegex regex, LiteralNode text)
    {
        var value = text.Value;
        if (value.Length < 2 || value[value.Length - 1] is not ('.' or '!') || !char.IsLetter(value[value.Length - 2])) return;
        // Whether the daemon drops the punctuation is the daemon's choice: where the filter's sample log shows the
        // daemon, it must show the message without it (guacamole, nagios, squirrelmail always write theirs).
        var sentence = value.Substring(0, value.Length - 1).Trim();
        if (context.SampleLines.Count > 0 && !context.SampleLines.Any(l => l.TrimEnd().EndsWith(sentence, StringComparison.Ordinal))) return;
        if (LiteralSource.Offsets(regex, text) is not { } offsets) return;
        var start = offsets[value.Length - 1];
        var written = regex.Source.Text.Substring(start, offsets[value.Length] - start);
        var looser = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(start, written.Length, written + "?") });
        if (looser?.NodeAt<QuantifierNode>(start) is not { } node) return;
        var word = value.Substring(value.LastIndexOf(' ') + 1);
        var message = "the regex requires the final '" + value[value.Length - 1] + "' of the message ('" + word + "') right before the end"
            + " anchor; daemons change message punctuation between versions, and the line without it is missed. Make it optional: '"
            + written + "?'";
        looser.Report(context, Id, looser.Location(), message, new TextOverrides().With(node, ""), written + "?");
    }
}
