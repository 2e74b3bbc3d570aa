using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2010: a count (<c>\d+</c>, <c>[0-9]+</c>) followed by an English plural written literally
/// (<c>\d+ bytes</c>, <c>\d+ seconds</c>, <c>\d+ attempts</c>). Daemons that say "2 bytes" often say
/// "1 byte" (Dante does), and that line is missed. Reported with a line the filter misses and the
/// regex with the singular allowed (<c>bytes?</c>) matches, both run in the real matcher.
/// <para>
/// The singular is made by a small rule: <c>-ies</c> → <c>-y</c>, <c>-es</c> dropped after
/// <c>ss</c>, <c>x</c>, <c>ch</c>, <c>sh</c>, else the final <c>s</c> dropped. Words that are not
/// plurals of that shape (<c>-ss</c>, <c>-us</c>, <c>-is</c>, words under four letters, invariant
/// plurals such as <c>series</c>) and abbreviated units that logs write the same for every count
/// (<c>secs</c>, <c>msgs</c>) are left alone, and so is a plural that the filter's sample log shows
/// after a count of 1 (the daemon does not make the singular). Whether a daemon inflects at all depends on
/// the daemon (sendmail prints "%d seconds" for every count), so the rule reports only where the filter's
/// sample log shows the daemon writing the singular after a count of one ("1 byte"); without sample lines
/// it is silent. Only counts on the regex's required path are checked.
/// </para>
/// </summary>
internal sealed class PluralAfterCountRule : LintRule
{
    /// <summary>Plurals that do not lose their <c>s</c> in the singular, or that logs do not inflect.</summary>
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "series", "species", "news", "means", "always", "perhaps", "does", "goes", "yes", "this", "thus", "has", "was",
        "secs", "mins", "hrs", "msecs", "usecs", "nsecs", "msgs", "pkts", "reqs", "conns", "bufs", "kbytes", "mbytes",
    };

    public override string Id => RuleIds.PluralAfterCount;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            foreach (var seq in regex.Regex.Root.DescendantsAndSelf().OfType<SequenceNode>())
            {
                for (var i = 0; i + 1 < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is not QuantifierNode { Min: >= 1, Max: null } count || count.Origin != null) continue;
                    if (seq.Items[i + 1] is not LiteralNode noun || regex.Tree.AtomSet(count.Body) is not { } set || !set.All(char.IsDigit)) continue;
                    if (regex.Tree.InOptionalPart(count)) continue;
                    Check(context, regex, count, noun);
                }
            }
        }
    }

    private void Check(VariantLintContext context, LintRegex regex, QuantifierNode count, LiteralNode noun)
    {
        var value = noun.Value;
        if (value.Length < 2 || value[0] != ' ') return;
        var end = 1;
        while (end < value.Length && value[end] is >= 'a' and <= 'z') end++;
        var word = value.Substring(1, end - 1);
        if (end < value.Length ? char.IsLetterOrDigit(value[end]) || value[end] == '_' : LetterFollows(regex, noun)) return;
        if (Singular(word) is not { } singular) return;
        if (context.SampleLines.Any(l => HasCountOfOne(l, word))) return;
        // Whether a daemon inflects is the daemon's choice (dropbear writes "%u fails", sendmail "%d seconds" for every
        // count) and the regex cannot tell: the filter's sample log must show the daemon writing the singular after a 1.
        if (!context.SampleLines.Any(l => HasCountOfOne(l, singular.Text))) return;
        var offsets = LiteralSource.Offsets(regex, noun);
        if (offsets is null) return;

        var stemEnd = offsets[1] + singular.Keep;
        var edit = new SourceEdit(stemEnd, offsets[end] - stemEnd, singular.Fix);
        var looser = LooserRegex.Create(context.Variant, regex, new[] { edit });
        var countStart = regex.ToSource(count.Span).Start;
        var countNode = looser?.NodeAt<QuantifierNode>(countStart);
        RegexNode? suffix = singular.Fix.StartsWith("(?:y") ? looser?.NodeAt<GroupNode>(stemEnd) : looser?.NodeAt<QuantifierNode>(stemEnd);
        if (looser is null || countNode is null || suffix is null) return;
        var overrides = new TextOverrides().With(countNode, "1").With(suffix, singular.Fix.StartsWith("(?:y") ? "y" : "");

        var countText = regex.Source.Text.Substring(countStart, offsets[0] - countStart);
        var fixedWord = regex.Source.Text.Substring(offsets[1], singular.Keep) + singular.Fix;
        var message = "'" + countText + " " + word + "' requires the plural after the count; a daemon that writes the singular for a count of one"
            + " (Dante logs '1 byte', '1 second') writes '1 " + singular.Text + "', and that line is missed. Allow the singular: '" + fixedWord + "'";
        looser.Report(context, Id, LintRegex.LocateSource(regex.Source, countStart, offsets[end] - countStart), message, overrides, fixedWord);
    }

    /// <summary>Whether what follows the literal can start with a letter (then the word is not over where the literal ends).</summary>
    private static bool LetterFollows(LintRegex regex, LiteralNode noun)
    {
        var next = regex.Tree.Following(noun).FirstOrDefault();
        return next != null && regex.Tree.FirstSet(next).Exists(char.IsLetter);
    }

    /// <summary>How to write the singular: keep <c>Keep</c> letters, then <c>Fix</c> (which matches singular and plural endings).</summary>
    internal static (int Keep, string Fix, string Text)? Singular(string word)
    {
        if (word.Length < 4 || !word.EndsWith("s", StringComparison.Ordinal) || Invariant.Contains(word)) return null;
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal)) return null;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
            return (word.Length - 3, "(?:y|ies)", word.Substring(0, word.Length - 3) + "y");
        foreach (var ending in new[] { "sses", "xes", "ches", "shes" })
            if (word.EndsWith(ending, StringComparison.Ordinal)) return (word.Length - 2, "(?:es)?", word.Substring(0, word.Length - 2));
        return (word.Length - 1, "s?", word.Substring(0, word.Length - 1));
    }

    /// <summary>Whether <paramref name="line"/> writes <paramref name="word"/> after a count of 1 ("1 attempts", "1 byte").</summary>
    private static bool HasCountOfOne(string line, string word)
    {
        var needle = "1 " + word;
        for (var at = line.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = line.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var end = at + needle.Length;
            if ((at == 0 || !char.IsDigit(line[at - 1])) && (end == line.Length || !char.IsLetter(line[end]))) return true;
        }
        return false;
    }
}
