using System;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Text;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// One prefregex, failregex or ignoreregex of a filter variant: where it was written (a
/// <see cref="LocatedString"/>), how Fail2Ban prepares it (<see cref="FilterRegex"/>) and the tree facts
/// the rules share. Maps regex fragments back to their place in the <c>.conf</c>.
/// </summary>
internal sealed class LintRegex
{
    private RegexTreeIndex? _index;

    public LintRegex(FilterRegexKind kind, int index, LocatedString source, FilterRegex regex)
    {
        Kind = kind;
        Index = index;
        Source = source;
        Regex = regex;
    }

    public FilterRegexKind Kind { get; }

    /// <summary>Position in its option's list (0 for the prefregex).</summary>
    public int Index { get; }

    public LocatedString Source { get; }

    public FilterRegex Regex { get; }

    public RegexTreeIndex Tree => _index ??= new RegexTreeIndex(Regex.Tree);

    /// <summary>"failregex #2", "prefregex", "ignoreregex #1".</summary>
    public string Label => Kind switch
    {
        FilterRegexKind.Prefix => "prefregex",
        FilterRegexKind.Ignore => "ignoreregex #" + (Index + 1),
        _ => "failregex #" + (Index + 1),
    };

    /// <summary>The <c>.conf</c> range where the text of <paramref name="expandedSpan"/> (a node's span) was written.</summary>
    public LintLocation Locate(PatternSpan expandedSpan)
    {
        var source = Regex.MapToSource(expandedSpan);
        return LocateSource(Source, source.Start, source.Length);
    }

    /// <summary>The <c>.conf</c> range of a node.</summary>
    public LintLocation Locate(RegexNode node) => Locate(node.Span);

    /// <summary>The source offset range of an expanded span.</summary>
    public PatternSpan ToSource(PatternSpan expandedSpan) => Regex.MapToSource(expandedSpan);

    /// <summary>The <c>.conf</c> range of <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="offset"/>.</summary>
    public static LintLocation LocateSource(LocatedString text, int offset, int length)
    {
        var max = Math.Max(0, text.Text.Length - 1);
        var startOffset = Math.Min(Math.Max(0, offset), max);
        var start = text.LocationAt(startOffset);
        if (start is not { } s) return LintLocation.FileStart("<unknown>");
        var location = LintLocation.At(s.File, s.Line, s.Column);
        if (length <= 1) return location;
        var end = text.LocationAt(Math.Min(offset + length - 1, max));
        if (end is not { } e || e.File != s.File) return location;
        return location.WithEnd(e.Line, e.Column + 1);
    }

    /// <summary>The regex's place in the file it is written in (not a common.conf piece it starts with).</summary>
    public LintLocation OwnLocation()
    {
        var segments = Source.Segments;
        if (segments.Count == 0) return LocateSource(Source, 0, Source.Text.Length);
        var file = segments[segments.Count - 1].Start.File;
        var first = System.Linq.Enumerable.First(segments, s => s.Start.File == file);
        return LocateSource(Source, first.Offset, Source.Text.Length - first.Offset);
    }

    /// <summary>
    /// An edit replacing source text <c>[offset, offset + length)</c> with <paramref name="newText"/>, when that
    /// text was written contiguously on one line of one file (else null: no mechanical fix).
    /// </summary>
    public LintTextEdit? EditSource(int offset, int length, string newText)
    {
        if (length <= 0 || offset < 0 || offset + length > Source.Text.Length) return null;
        var start = Source.LocationAt(offset);
        var end = Source.LocationAt(offset + length - 1);
        if (start is not { } s || end is not { } e || s.File != e.File || s.Line != e.Line || e.Column - s.Column != length - 1) return null;
        return new LintTextEdit(s.File, s.Line, s.Column, Source.Text.Substring(offset, length), newText);
    }

    /// <summary>The address tags of this regex (<c>&lt;HOST&gt;</c>, <c>&lt;ADDR&gt;</c>, <c>&lt;IP4&gt;</c> …), in order.</summary>
    public System.Collections.Generic.IEnumerable<TagExpansion> AddressTags()
    {
        foreach (var e in Regex.TagExpansions) if (Analysis.AddressTags.IsAddress(e)) yield return e;
    }

    /// <summary>Whether a node lies inside (or is) the expansion of tag <paramref name="tag"/>.</summary>
    public static bool IsInside(RegexNode node, TagExpansion tag) => tag.ExpandedSpan.Contains(node.Span) && node.Span.Length > 0;

    /// <summary>Whether the regex can only match up to the end of the text (it ends with <c>$</c> or <c>\Z</c> on every path).</summary>
    public bool EndsWithEndAnchor() => EndsWithEndAnchor(Regex.Root);

    private static bool EndsWithEndAnchor(RegexNode node) => node switch
    {
        SequenceNode s => s.Items.Count > 0 && EndsWithEndAnchor(s.Items[s.Items.Count - 1]),
        AlternationNode a => System.Linq.Enumerable.All(a.Alternatives, EndsWithEndAnchor),
        GroupNode g when !g.IsLookaround => EndsWithEndAnchor(g.Body),
        AnchorNode an => an.Anchor is AnchorKind.LineEnd or AnchorKind.StringEnd,
        _ => false,
    };

    /// <summary>The outermost node of kind <typeparamref name="T"/> whose text starts at source offset <paramref name="sourceOffset"/>.</summary>
    public T? NodeAtSource<T>(int sourceOffset) where T : RegexNode
    {
        foreach (var node in Regex.Root.DescendantsAndSelf())
            if (node is T t && node.Origin is null && Regex.MapToSource(node.Span).Start == sourceOffset) return t;
        return null;
    }

    /// <summary>The innermost node written by this regex (not by a tag) whose source text covers source offset <paramref name="sourceOffset"/>.</summary>
    public RegexNode? NodeCoveringSource(int sourceOffset)
    {
        RegexNode? found = null;
        foreach (var node in Regex.Root.DescendantsAndSelf())
        {
            if (node.Origin != null || node.Span.Length == 0) continue;
            var span = Regex.MapToSource(node.Span);
            if (span.Start <= sourceOffset && sourceOffset < span.End) found = node;
        }
        return found;
    }

    /// <summary>The same regex with source text <c>[offset, offset + length)</c> replaced, prepared for <paramref name="variant"/>; null if it does not compile.</summary>
    public LintRegex? WithSourceEdit(FilterVariant variant, int offset, int length, string newText)
    {
        var text = Source.Text.Substring(0, offset) + newText + Source.Text.Substring(offset + length);
        var segments = new System.Collections.Generic.List<LocatedSegment>();
        foreach (var s in Source.Segments)
        {
            // Keep locations before the edit; later text is shifted (good enough for a fix under test).
            var shift = s.Offset >= offset + length ? newText.Length - length : 0;
            segments.Add(s with { Offset = s.Offset + shift });
        }
        try
        {
            return new LintRegex(Kind, Index, new LocatedString(text, segments), variant.Prepare(text, Kind));
        }
        catch (RegexTranslationException)
        {
            return null;
        }
    }

    public override string ToString() => Label + ": " + Source.Text;
}
