using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B1038: the same literal word or phrase written twice in a row (<c>Authentication: Authentication: FAILED</c>),
/// like a doubled word in prose. Daemons practically never log that, so the regex matches nothing. Reported
/// only with proof: a line with the phrase once that the filter misses and the regex without the repeat
/// matches, both run in the real matcher; the fix removes the repeat.
/// </summary>
internal sealed class RepeatedPhraseRule : LintRule
{
    /// <summary>A phrase needs a word of at least this many letters (<c>no no</c> is left alone).</summary>
    private const int MinimumWordLetters = 3;

    private const int MaximumPhraseLength = 60;

    /// <summary>Words daemons really do log twice (OpenSSH's disconnect reason "Bye Bye").</summary>
    private static readonly HashSet<string> GenuineRepeats = new(StringComparer.OrdinalIgnoreCase) { "Bye" };

    /// <summary>What may stand between the two copies, longest first.</summary>
    private static readonly string[] Separators = { ": ", ", ", " " };

    public override string Id => RuleIds.RepeatedPhrase;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var literal in regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>())
            {
                if (literal.Origin != null || regex.Tree.Parent(literal) is QuantifierNode) continue;
                var raw = literal.GetText(regex.Regex.Expanded);
                // Search the matched text (\: is ':'), edit the written text.
                if (RawOffsets(raw, literal.Value) is not { } offsets) continue;
                foreach (var (start, phrase, separator) in Repeats(literal.Value))
                {
                    var middle = start + phrase.Length + separator.Length;
                    var written = (Start: offsets[start], Middle: offsets[middle], End: offsets[middle + phrase.Length]);
                    if (Check(context, regex, literal, written, phrase)) break;
                }
            }
        }
    }

    /// <summary>
    /// Where each character of a literal's value starts in its written text (one more entry: the end), or null
    /// when an escape is not one of the simple forms (<c>\:</c>, <c>\x3a</c>, <c>\u003a</c>, <c>\072</c>).
    /// </summary>
    private static int[]? RawOffsets(string raw, string value)
    {
        var offsets = new List<int>();
        for (var i = 0; i < raw.Length;)
        {
            offsets.Add(i);
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                i++;
                continue;
            }
            var c = raw[i + 1];
            if (c == 'N' || c == 'U') return null;
            var length = c switch { 'x' => 4, 'u' => 6, _ => 2 };
            if (c is >= '0' and <= '7')
                while (length < 4 && i + length < raw.Length && raw[i + length] is >= '0' and <= '7') length++;
            i += length;
        }
        if (offsets.Count != value.Length) return null;
        offsets.Add(raw.Length);
        return offsets.ToArray();
    }

    /// <summary>Every <c>phrase separator phrase</c> in <paramref name="text"/> that starts and ends on word boundaries.</summary>
    private static IEnumerable<(int Start, string Phrase, string Separator)> Repeats(string text)
    {
        for (var start = 0; start < text.Length; start++)
        {
            if (!char.IsLetter(text[start]) || (start > 0 && IsWordChar(text[start - 1]))) continue;
            for (var end = start + 1; end <= text.Length && end - start <= MaximumPhraseLength; end++)
            {
                if (!IsPhraseChar(text[end - 1])) break;
                if (!IsWordChar(text[end - 1]) || (end < text.Length && IsWordChar(text[end]))) continue;
                var phrase = text.Substring(start, end - start);
                if (!HasLongWord(phrase) || GenuineRepeats.Contains(phrase)) continue;
                foreach (var separator in Separators)
                {
                    var second = end + separator.Length;
                    var after = second + phrase.Length;
                    if (after > text.Length || string.CompareOrdinal(text, end, separator, 0, separator.Length) != 0) continue;
                    if (string.CompareOrdinal(text, second, phrase, 0, phrase.Length) != 0) continue;
                    if (after < text.Length && IsWordChar(text[after])) continue;
                    yield return (start, phrase, separator);
                }
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsPhraseChar(char c) => IsWordChar(c) || c is ' ' or '-';

    private static bool HasLongWord(string phrase)
    {
        var run = 0;
        foreach (var c in phrase)
        {
            run = char.IsLetter(c) ? run + 1 : 0;
            if (run >= MinimumWordLetters) return true;
        }
        return false;
    }

    private bool Check(VariantLintContext context, LintRegex regex, LiteralNode literal, (int Start, int Middle, int End) written, string phrase)
    {
        // Remove the first copy and its separator: the second stays where the rest of the regex expects it.
        var expanded = regex.Regex.Expanded;
        var offset = literal.Span.Start;
        var removed = expanded.Substring(offset + written.Start, written.Middle - written.Start);
        var kept = expanded.Substring(offset + written.Middle, written.End - written.Middle);
        var span = regex.ToSource(new PatternSpan(offset + written.Start, removed.Length));
        if (span.Length != removed.Length || regex.Source.Text.Substring(span.Start, span.Length) != removed) return false;
        var changed = regex.WithSourceEdit(context.Variant, span.Start, span.Length, "");
        if (changed is null) return false;
        var found = MissedLineSearch.Find(context, regex, changed, new TextOverrides());
        if (found is not { } evidence) return false;
        var doubled = removed + kept;
        var message = "'" + doubled + "' repeats '" + phrase + "'; a daemon logs it once, so the line with '" + phrase
            + "' written once is missed. Remove the repeat";
        var explanation = evidence.Missed
            + "; with '" + phrase + "' written once it matches and bans " + evidence.Address;
        var edit = regex.EditSource(span.Start, doubled.Length, kept);
        var fix = edit is null ? null : new LintFix("Remove the repeated '" + phrase + "'", new[] { edit });
        context.Report(Id, message, regex.Locate(new PatternSpan(offset + written.Start, doubled.Length)),
            new LintEvidence(LintEvidenceKind.MissedLine, evidence.Line, explanation) { BannedAddress = evidence.Address }, fix);
        return true;
    }
}
