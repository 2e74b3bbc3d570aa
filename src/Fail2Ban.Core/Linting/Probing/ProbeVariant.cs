using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// One variation of a matched line: the changed line, what changed, and what Fail2Ban is expected to do
/// with it. <see cref="ExpectedHost"/> is the address the line must still ban (benign forms) or the
/// address it must never ban (injections).
/// </summary>
internal sealed record ProbeVariant(
    string Name,
    ProbeFamily Family,
    ProbeExpectation Expectation,
    string Line,
    string ExpectedHost,
    string Change)
{
    /// <summary>The regex node whose text was changed (a field), when the change is about one; else null.</summary>
    public RegexNode? Node { get; init; }

    /// <summary>A sample line that shows the daemon writing this form (the premise of a finding), or null.</summary>
    public string? SampleEvidence { get; init; }

    /// <summary>Whether the line is run as a log line with its own time stamp; null: as its base line is.</summary>
    public bool? AsLogLine { get; init; }

    /// <summary>
    /// The address tag next to which the change was made, when it is about one; else null. Its spans index
    /// <see cref="TagOwner"/>'s text: the probe sets both, and never a tag its owner does not hold.
    /// </summary>
    public TagExpansion? Tag { get; init; }

    /// <summary>The regex <see cref="Tag"/> belongs to (the failregex, or the prefregex that holds the address).</summary>
    public LintRegex? TagOwner { get; init; }

    /// <summary>What <see cref="TagOwner"/> writes right after the address tag (expanded); empty without a tag.</summary>
    public string RegexAfterTag => Tag is { } tag && TagOwner is { } owner ? owner.Regex.Expanded.Substring(tag.ExpandedSpan.End) : "";

    /// <summary>The <c>.conf</c> location of the address tag (or of <paramref name="fallback"/>'s start).</summary>
    public LintLocation LocateTag(LintRegex fallback) =>
        Tag is { } tag ? (TagOwner ?? fallback).Locate(tag.ExpandedSpan) : fallback.Locate(new PatternSpan(0, 1));
}
