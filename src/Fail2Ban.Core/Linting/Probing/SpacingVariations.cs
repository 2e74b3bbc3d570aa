using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// A separator the regex writes as one literal space (or none), written wider the way daemons pad: only where a
/// daemon is seen or known to pad, never at every space of the regex (any exact regex breaks on a made-up gap).
/// <list type="bullet">
/// <item>Where the sample log shows the two words around the space with a padded run between them (two spaces or
/// more, a tab): that run, the daemon's own.</item>
/// <item>After a log level in capitals that the regex takes among levels of other widths at the same place
/// (<c>(?:NOTICE|SECURITY|WARNING)</c>): loggers align the level column (log4j's <c>%-5p</c>, Python's
/// <c>%(levelname)-8s</c>), and some write a space before a bracketed pid that others join to the level
/// (<c>NOTICE[123]</c>, <c>NOTICE [123]</c>).</item>
/// </list>
/// Only the filter's own text is varied (an included prefix belongs to the log header, whose spacing its author owns).
/// </summary>
internal static class SpacingVariations
{
    private static readonly HashSet<string> LevelNames = new(System.StringComparer.Ordinal)
    {
        "EMERG", "ALERT", "CRIT", "CRITICAL", "ERR", "ERROR", "WARN", "WARNING", "NOTICE", "INFO", "DEBUG", "FATAL", "SEVERE", "TRACE",
    };

    private static readonly Regex CapitalWord = new(@"\b[A-Z]{3,8}\b", RegexOptions.CultureInvariant);

    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line, SampleForms samples)
    {
        if (line.Generated is null) yield break;
        var regex = line.Regex;
        var home = regex.Source.LocationAt(0)?.File;
        var text = line.Text;
        var seen = new HashSet<int>();
        var capitals = CapitalWord.Matches(text).Cast<Match>().ToList();
        foreach (var literal in regex.Regex.Root.DescendantsAndSelf().OfType<LiteralNode>())
        {
            if (literal.Origin != null || line.RangeOf(literal) is not { Length: > 0 } range || regex.Tree.InLookaround(literal)) continue;
            if (regex.Locate(literal).File != home) continue;
            foreach (var level in capitals)
            {
                var end = level.Index + level.Length;
                if (level.Index < range.Start || end > range.End || !LevelNames.Contains(level.Value) || !seen.Add(end)) continue;
                if (!AmongLevelsOfOtherWidths(regex, literal, level.Value)) continue;
                if (level.Index > 0 && "._-=,/:".IndexOf(text[level.Index - 1]) >= 0 || end >= text.Length) continue;
                var next = text[end];
                // A level already padded before its closing bracket ("[INFO ]") is aligned by a fixed width: no wider form.
                var single = next == ' ' && end + 1 < text.Length && !char.IsWhiteSpace(text[end + 1]) && text[end + 1] is not (']' or ')');
                if (!single && next != '[') continue;
                var shown = next == '[' ? level.Value + " [" : level.Value + "  ";
                yield return new ProbeVariant("level-padded", ProbeFamily.Spacing, ProbeExpectation.SameVerdictAndHost,
                    line.Replace(end, end, " "), line.HostText, "the log level padded ('" + shown + "', as loggers that align the level write it)")
                { Node = literal, SampleEvidence = samples.Containing(shown) };
            }
            for (var at = range.Start + 1; at < range.End && samples.Any; at++)
            {
                if (text[at] != ' ' || char.IsWhiteSpace(text[at - 1]) || at + 1 >= text.Length || char.IsWhiteSpace(text[at + 1]) || !seen.Add(at)) continue;
                var before = WordBefore(text, at);
                var after = WordAfter(text, at + 1);
                if (!before.Any(char.IsLetter) || !after.Any(char.IsLetter)) continue;
                if (samples.Padding(before, after) is not { } shown) continue;
                yield return new ProbeVariant("space-padded", ProbeFamily.Spacing, ProbeExpectation.SameVerdictAndHost,
                    line.Replace(at, at + 1, shown.Space), line.HostText,
                    "'" + before + Visible(shown.Space) + after + "' written with the daemon's padding, as the sample log shows")
                { Node = literal, SampleEvidence = shown.Line };
            }
        }
    }

    /// <summary>
    /// The line ended with the white space the daemon leaves at the end of its lines (a sample line the filter reports
    /// shows it), for a regex that ends the line right after its last text (<c>…$</c> without <c>\s*</c>).
    /// </summary>
    public static IEnumerable<ProbeVariant> TrailingSpace(ProbeBaseLine line, SampleForms samples)
    {
        var text = line.Text;
        if (text.Length == 0 || char.IsWhiteSpace(text[text.Length - 1]) || samples.TrailingSpace() is not { } shown) yield break;
        var end = line.Regex.Regex.Root.DescendantsAndSelf().OfType<AnchorNode>().LastOrDefault(a => a.Anchor is AnchorKind.LineEnd or AnchorKind.StringEnd);
        if (end is null || !line.Regex.EndsWithEndAnchor()) yield break;
        yield return new ProbeVariant("trailing-space", ProbeFamily.Spacing, ProbeExpectation.SameVerdictAndHost, text + shown.Space, line.HostText,
            "the line ended with white space, as the daemon ends some of its lines") { Node = end, SampleEvidence = shown.Line };
    }

    /// <summary>
    /// Whether the level is one branch of an alternation that takes levels of other widths at the same place
    /// (<c>(?:NOTICE|SECURITY|WARNING)</c>): the place of a level column, which aligning loggers pad. A level the regex
    /// writes alone is the daemon's fixed text (suhosin's <c>ALERT - </c>), padded no more than any other word.
    /// </summary>
    private static bool AmongLevelsOfOtherWidths(LintRegex regex, LiteralNode literal, string level)
    {
        var alternation = regex.Tree.Ancestors(literal).OfType<AlternationNode>().FirstOrDefault();
        if (alternation is null) return false;
        return alternation.Alternatives.Any(branch => branch.Items.Count == 1 && branch.Items[0] is LiteralNode other
            && LevelNames.Contains(other.Value) && other.Value.Length != level.Length);
    }

    /// <summary>White space as it reads in a message: a tab as \t.</summary>
    private static string Visible(string space) => space.Replace("\t", "\\t");

    private static string WordBefore(string text, int at)
    {
        var start = at;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        return text.Substring(start, at - start);
    }

    private static string WordAfter(string text, int at)
    {
        var end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return text.Substring(at, end - at);
    }
}
