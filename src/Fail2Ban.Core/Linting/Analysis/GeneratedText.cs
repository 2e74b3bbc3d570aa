using System.Collections.Generic;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>A range of a generated text: <c>[Start, End)</c>.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public TextRange Shift(int by) => new(Start + by, End + by);
}

/// <summary>A string generated from a regex, with where each node and tag expansion produced its text.</summary>
internal sealed class GeneratedText
{
    public GeneratedText(string text, Dictionary<RegexNode, TextRange> nodes, Dictionary<TagExpansion, TextRange> tags)
    {
        Text = text;
        Nodes = nodes;
        Tags = tags;
    }

    public string Text { get; }

    /// <summary>The text range of each node's last generated occurrence.</summary>
    public IReadOnlyDictionary<RegexNode, TextRange> Nodes { get; }

    /// <summary>The text range of each expanded tag.</summary>
    public IReadOnlyDictionary<TagExpansion, TextRange> Tags { get; }
}

/// <summary>Texts to generate in place of given nodes or tag expansions (a forged host, a lengthened token …).</summary>
internal sealed class TextOverrides
{
    public static TextOverrides None { get; } = new();

    public Dictionary<RegexNode, string> Nodes { get; } = new();

    public Dictionary<TagExpansion, string> Tags { get; } = new();

    /// <summary>Group name → text: used for the prefregex's <c>content</c> group.</summary>
    public Dictionary<string, string> Groups { get; } = new();

    /// <summary>A node every generated text passes through: alternations take its branch, optional parts holding it are included.</summary>
    public RegexNode? Through { get; private set; }

    /// <summary>A copy that steers generation through <paramref name="node"/>.</summary>
    public TextOverrides Via(RegexNode node)
    {
        var copy = Copy();
        copy.Through = node;
        return copy;
    }

    public TextOverrides With(RegexNode node, string text)
    {
        var copy = Copy();
        copy.Nodes[node] = text;
        return copy;
    }

    public TextOverrides With(TagExpansion tag, string text)
    {
        var copy = Copy();
        copy.Tags[tag] = text;
        return copy;
    }

    public TextOverrides Copy()
    {
        var copy = new TextOverrides { Through = Through };
        foreach (var kv in Nodes) copy.Nodes[kv.Key] = kv.Value;
        foreach (var kv in Tags) copy.Tags[kv.Key] = kv.Value;
        foreach (var kv in Groups) copy.Groups[kv.Key] = kv.Value;
        return copy;
    }
}
