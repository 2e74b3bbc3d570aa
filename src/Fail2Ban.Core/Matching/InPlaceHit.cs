namespace Fail2Ban.Core.Matching;

/// <summary>
/// What <see cref="InPlaceLineSearch"/> found on a line before it stopped at the first failregex hit, so that
/// <see cref="LineScan"/> does not search for it again.
/// </summary>
/// <param name="PrefGroups">The prefregex's groups without <c>content</c>; null without a prefregex.</param>
/// <param name="Content">The prefregex's <c>content</c> group (the failregexes' text when truthy).</param>
/// <param name="Index">The first failregex that matched.</param>
/// <param name="Groups">Its groups (see <see cref="LineScan.FailGroups"/>).</param>
/// <param name="Merged">Whether <paramref name="Groups"/> are already merged over <paramref name="PrefGroups"/>.</param>
internal sealed record InPlaceHit(FailureData? PrefGroups, object? Content, int Index, FailureData Groups, bool Merged);
