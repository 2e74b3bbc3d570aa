using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Diagnostics;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Prepares a filter regex as Fail2Ban does (spec 2: tag expansion, empty check, global-flag
/// rewrite, compilation checks) and translates it to .NET. Errors are
/// <see cref="RegexTranslationException"/>s located in the source string (through the tag expansion).
/// </summary>
public static class FilterRegexTranslator
{
    /// <summary>
    /// Prepares and translates <paramref name="source"/>. <paramref name="useDnsIsNo"/>: the filter's
    /// <c>usedns</c> is exactly <c>no</c> (then <c>&lt;HOST&gt;</c> is ADDR); <paramref name="multiline"/>:
    /// maxlines &gt; 1 when the regex is added (only affects a failregex).
    /// </summary>
    public static FilterRegex Translate(string source, FilterRegexKind kind, bool useDnsIsNo, bool multiline)
    {
        var tags = RegexTagExpander.Expand(source, useDnsIsNo);
        if (IsPythonBlank(tags.Text))
            throw new RegexTranslationException(DiagnosticIds.EmptyRegex, "Cannot add empty regex", 0, source.Length);

        var flags = GlobalFlagRewriter.Rewrite(tags.Text);
        var expanded = flags.Text;
        var pyFlags = kind == FilterRegexKind.Fail && multiline ? PythonRegexFlags.Multiline : PythonRegexFlags.None;
        var expansions = tags.Expansions
            .Select(e => e with { ExpandedSpan = flags.Map.SpanToTarget(e.ExpandedSpan) })
            .ToList();

        RegexTree tree;
        var barriers = new HashSet<int>();
        foreach (var e in expansions)
        {
            barriers.Add(e.ExpandedSpan.Start);
            barriers.Add(e.ExpandedSpan.End);
        }
        try
        {
            tree = PythonRegexParser.Parse(expanded, pyFlags, barriers);
        }
        catch (RegexTranslationException e)
        {
            throw Relocate(e, tags.Map, flags.Map);
        }
        AssignOrigins(tree.Root, expansions);

        var rawNotes = new List<TranslationNote>();
        string pattern;
        try
        {
            pattern = DotNetRegexWriter.Write(tree, rawNotes);
        }
        catch (RegexTranslationException e)
        {
            throw Relocate(e, tags.Map, flags.Map);
        }
        var options = RegexOptions.CultureInvariant | (pyFlags != PythonRegexFlags.None ? RegexOptions.Multiline : RegexOptions.None);
        var regex = PythonRegexTranslator.EnsureCompiles(pattern, options, source.Length);

        var notes = new List<TranslationNote>();
        foreach (var span in flags.RewrittenSourceSpans)
        {
            var src = tags.Map.SpanToSource(span);
            notes.Add(new TranslationNote(TranslationNoteKind.GlobalFlagRewrite, flags.Map.SpanToTarget(span),
                "Fail2Ban rewrites " + tags.Text.Substring(span.Start, span.Length) + " to a scoped flag group (a capturing group stops capturing)")
            {
                SourceOffset = src.Start,
                SourceLength = src.Length,
            });
        }
        foreach (var n in rawNotes)
        {
            var src = tags.Map.SpanToSource(flags.Map.SpanToSource(n.Span));
            var tag = expansions.FirstOrDefault(e => e.ExpandedSpan.Contains(n.Span))?.Tag;
            notes.Add(n with { SourceOffset = src.Start, SourceLength = src.Length, Tag = tag });
        }
        notes.Sort((a, b) => a.SourceOffset.CompareTo(b.SourceOffset));
        return new FilterRegex(source, kind, expanded, tree, pattern, options, regex, expansions, notes, tags.Map, flags.Map);
    }

    /// <summary>Whether <paramref name="groupNames"/> holds a failure-id group (<c>fid ip4 ip6 dns mlfid</c>).</summary>
    public static bool ContainsFailureIdGroup(IEnumerable<string> groupNames) =>
        groupNames.Any(n => Fail2BanTagPatterns.FailureIdGroups.Contains(n));

    /// <summary>
    /// Fail2Ban's failure-id rule (spec 2.7): a failregex needs a failure-id group, in itself or in the
    /// prefregex set when it is added (<paramref name="prefRegexGroupNames"/>, null if none).
    /// Throws <see cref="RegexTranslationException"/> (NoFailureIdGroup, over the whole source) otherwise.
    /// </summary>
    public static void CheckFailureIdRule(FilterRegex failRegex, IEnumerable<string>? prefRegexGroupNames)
    {
        if (failRegex.HasFailureIdGroup) return;
        if (prefRegexGroupNames != null && ContainsFailureIdGroup(prefRegexGroupNames)) return;
        throw new RegexTranslationException(DiagnosticIds.NoFailureIdGroup,
            "No failure-id group in '" + failRegex.Expanded + "'", 0, failRegex.Source.Length);
    }

    private static RegexTranslationException Relocate(RegexTranslationException e, OffsetMap tagMap, OffsetMap flagMap)
    {
        var span = tagMap.SpanToSource(flagMap.SpanToSource(new PatternSpan(e.Offset, e.Length)));
        return e.WithSpan(span.Start, span.Length);
    }

    /// <summary>Marks nodes written entirely by one tag expansion (and F-tag groups, by their opening tag).</summary>
    private static void AssignOrigins(RegexNode root, IReadOnlyList<TagExpansion> expansions)
    {
        if (expansions.Count == 0) return;
        foreach (var node in root.DescendantsAndSelf())
        {
            foreach (var e in expansions)
            {
                if ((e.ExpandedSpan.Contains(node.Span) && node.Span.Length > 0)
                    || (node is GroupNode && e.Kind == TagExpansionKind.CustomOpen && node.Span.Start == e.ExpandedSpan.Start))
                {
                    node.Origin = e;
                    break;
                }
            }
        }
    }

    /// <summary>Python's <c>s.lstrip() == ''</c>.</summary>
    private static bool IsPythonBlank(string s)
    {
        foreach (var c in s) if (!PythonCharCategories.IsWhiteSpace(c)) return false;
        return true;
    }
}
