namespace Fail2Ban.Core.Matching;

/// <summary>
/// What <see cref="InPlaceLineSearch"/> found on a line before it stopped at the first failregex hit: the
/// prefregex's groups and the first hit's groups, so that <see cref="LineScan"/> does not search for them again.
/// </summary>
internal sealed class InPlaceHit
{
    public InPlaceHit(FailureData? prefGroups, object? content, int index, FailureData groups, bool merged)
    {
        PrefGroups = prefGroups;
        Content = content;
        Index = index;
        Groups = groups;
        Merged = merged;
    }

    /// <summary>The prefregex's groups without <c>content</c>; null without a prefregex.</summary>
    public FailureData? PrefGroups { get; }

    /// <summary>The prefregex's <c>content</c> group (the failregexes' text when truthy).</summary>
    public object? Content { get; }

    /// <summary>The first failregex that matched.</summary>
    public int Index { get; }

    /// <summary>Its groups (see <see cref="LineScan.FailGroups"/>).</summary>
    public FailureData Groups { get; }

    /// <summary>Whether <see cref="Groups"/> are already merged over <see cref="PrefGroups"/>.</summary>
    public bool Merged { get; }
}
