using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// A prefregex, failregex or ignoreregex prepared as Fail2Ban prepares it (spec 2) and translated to
/// .NET: the config-stage <see cref="Source"/>, the Python text Fail2Ban compiles (<see cref="Expanded"/>),
/// its syntax tree and the equivalent .NET pattern. Made by <see cref="FilterRegexTranslator"/>.
/// </summary>
public sealed class FilterRegex
{
    private readonly OffsetMap _tagMap;
    private readonly OffsetMap _flagMap;

    internal FilterRegex(string source, FilterRegexKind kind, string expanded, RegexTree tree, string dotNetPattern,
        RegexOptions options, Regex regex, IReadOnlyList<TagExpansion> tagExpansions, IReadOnlyList<TranslationNote> notes,
        OffsetMap tagMap, OffsetMap flagMap)
    {
        Source = source;
        Kind = kind;
        Expanded = expanded;
        Tree = tree;
        DotNetPattern = dotNetPattern;
        Options = options;
        Regex = regex;
        TagExpansions = tagExpansions;
        Notes = notes;
        _tagMap = tagMap;
        _flagMap = flagMap;
        HasFailureIdGroup = FilterRegexTranslator.ContainsFailureIdGroup(tree.GroupNames);
        AltGroups = CompoundGroupName.Collect(tree.GroupNames, CompoundGroupKind.Alt);
        TupleGroups = CompoundGroupName.Collect(tree.GroupNames, CompoundGroupKind.Tuple);
    }

    /// <summary>The regex as the config reader produced it, e.g. <c>^Failed for &lt;F-USER&gt;.+&lt;/F-USER&gt; from &lt;HOST&gt;$</c>.</summary>
    public string Source { get; }

    public FilterRegexKind Kind { get; }

    /// <summary>The Python pattern Fail2Ban compiles: tags expanded, global flags rewritten.</summary>
    public string Expanded { get; }

    /// <summary>The syntax tree of <see cref="Expanded"/>; spans index into <see cref="Expanded"/>.</summary>
    public RegexTree Tree { get; }

    /// <summary>The top node of <see cref="Tree"/>.</summary>
    public RegexNode Root => Tree.Root;

    /// <summary>The .NET pattern with the same meaning as <see cref="Expanded"/> under <see cref="Options"/>.</summary>
    public string DotNetPattern { get; }

    /// <summary>CultureInvariant, plus Multiline for a failregex of a filter with maxlines &gt; 1.</summary>
    public RegexOptions Options { get; }

    /// <summary><see cref="DotNetPattern"/> compiled (interpreted) with <see cref="Options"/>.</summary>
    public Regex Regex { get; }

    /// <summary>Python named groups, in group-number order.</summary>
    public IReadOnlyList<string> GroupNames => Tree.GroupNames;

    /// <summary>Has one of the groups <c>fid ip4 ip6 dns mlfid</c> (spec 2.7).</summary>
    public bool HasFailureIdGroup { get; }

    /// <summary><c>alt_…</c> groups with their targets, sorted by group name (spec 2.8).</summary>
    public IReadOnlyList<CompoundGroupName> AltGroups { get; }

    /// <summary><c>tuple_…</c> groups with their targets, sorted by group name (spec 2.8).</summary>
    public IReadOnlyList<CompoundGroupName> TupleGroups { get; }

    /// <summary>The Fail2Ban tags that were expanded, in order.</summary>
    public IReadOnlyList<TagExpansion> TagExpansions { get; }

    /// <summary>Python-to-.NET rewrites, with offsets in <see cref="Source"/> (for an info diagnostic).</summary>
    public IReadOnlyList<TranslationNote> Notes { get; }

    /// <summary>The offset in <see cref="Source"/> that <paramref name="expandedOffset"/> in <see cref="Expanded"/> came from (a tag's expansion maps to the tag's start).</summary>
    public int MapToSourceOffset(int expandedOffset) => _tagMap.ToSource(_flagMap.ToSource(expandedOffset));

    /// <summary>The text of <see cref="Source"/> that produced <paramref name="expandedSpan"/> (a whole tag when the span is inside its expansion).</summary>
    public PatternSpan MapToSource(PatternSpan expandedSpan) => _tagMap.SpanToSource(_flagMap.SpanToSource(expandedSpan));

    public override string ToString() => Source;
}
