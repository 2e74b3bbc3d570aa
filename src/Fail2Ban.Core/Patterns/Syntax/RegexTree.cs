using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>A parsed Python <c>re</c> pattern: its text, syntax tree, flags and capturing groups.</summary>
public sealed class RegexTree
{
    internal RegexTree(string pattern, RegexNode root, PythonRegexFlags inlineFlags, PythonRegexFlags compileFlags,
        IReadOnlyList<GroupNode> groups)
    {
        Pattern = pattern;
        Root = root;
        InlineFlags = inlineFlags;
        CompileFlags = compileFlags;
        Groups = groups;
        var names = new List<string>();
        foreach (var g in groups) if (g.Name != null) names.Add(g.Name);
        GroupNames = names;
    }

    /// <summary>The Python pattern that was parsed; node spans index into it.</summary>
    public string Pattern { get; }

    /// <summary>The top node: a <see cref="SequenceNode"/> or an <see cref="AlternationNode"/>.</summary>
    public RegexNode Root { get; }

    /// <summary>Flags set by inline global flag groups (<c>(?i)</c> at the start).</summary>
    public PythonRegexFlags InlineFlags { get; }

    /// <summary>Flags given to the compiler (Fail2Ban: MULTILINE for a multi-line failregex).</summary>
    public PythonRegexFlags CompileFlags { get; }

    /// <summary>Capturing groups in Python number order (<c>Groups[n - 1]</c> is group n).</summary>
    public IReadOnlyList<GroupNode> Groups { get; }

    /// <summary>Names of the named groups, in Python number order.</summary>
    public IReadOnlyList<string> GroupNames { get; }
}
