using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>What the real matcher did with a line: whether a failregex reported it, which one, and the address.</summary>
internal sealed record ProbeVerdict(bool Matched, int? RegexIndex, string? Host)
{
    public static ProbeVerdict Missed { get; } = new(false, null, null);

    /// <summary>The verdict of a matcher run, preferring the failure of failregex <paramref name="preferred"/>.</summary>
    public static ProbeVerdict From(IReadOnlyList<Failure> failures, int preferred)
    {
        var reported = failures.Where(f => f.Id is not null).ToList();
        if (reported.Count == 0) return Missed;
        var pick = reported.FirstOrDefault(f => f.RegexIndex == preferred) ?? reported[0];
        return new ProbeVerdict(true, pick.RegexIndex, pick.Id!.Text) { AllHosts = reported.Select(f => f.Id!.Text).ToList() };
    }

    /// <summary>Every address the line reports (a line can hold several failures).</summary>
    public IReadOnlyList<string> AllHosts { get; init; } = System.Array.Empty<string>();

    /// <summary>"missed", "bans 192.0.2.1 (failregex #2)".</summary>
    public string Describe() => Matched ? "bans " + Host + " (failregex #" + (RegexIndex + 1) + ")" : "missed";
}
