using System.Collections.Generic;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// A filter ready to run: its translated, compiled regexes and settings. Immutable and shareable;
/// each <see cref="FilterMatcher"/> over it keeps its own per-stream state.
/// </summary>
public sealed class CompiledFilter
{
    public CompiledFilter(string name, CompiledRegex? prefRegex, IReadOnlyList<CompiledRegex> failRegexes,
        IReadOnlyList<CompiledRegex> ignoreRegexes, int maxLines, string? datePattern)
    {
        Name = name;
        PrefRegex = prefRegex;
        FailRegexes = failRegexes;
        IgnoreRegexes = ignoreRegexes;
        MaxLines = maxLines < 1 ? 1 : maxLines;
        DatePattern = datePattern;
    }

    public string Name { get; }

    public CompiledRegex? PrefRegex { get; }

    public IReadOnlyList<CompiledRegex> FailRegexes { get; }

    public IReadOnlyList<CompiledRegex> IgnoreRegexes { get; }

    public int MaxLines { get; }

    /// <summary>The datepattern (null: Fail2Ban's default templates).</summary>
    public string? DatePattern { get; }

    private FailRegexGate? _gate;

    /// <summary>The one-scan test whether any failregex can match a line (built on first use).</summary>
    internal FailRegexGate Gate => _gate ??= new FailRegexGate(FailRegexes);
}
