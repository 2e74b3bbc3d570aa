namespace Fail2Ban.Core.Linting;

/// <summary>What kind of proof a <see cref="LintEvidence"/> is.</summary>
public enum LintEvidenceKind
{
    /// <summary>A plausible log line the filter does not match (and, with the fix, does).</summary>
    MissedLine,
    /// <summary>A line with attacker-chosen text and the address the filter would then ban.</summary>
    InjectedLine,
    /// <summary>An input that makes a regex slow, with the time measured on it.</summary>
    SlowInput,
    /// <summary>A line of the sample log the finding is about.</summary>
    SampleLine,
    /// <summary>A line the filter matches only through the loose part (the corrected filter does not).</summary>
    AcceptedLine,
    /// <summary>A line the filter matches, and what it wrongly reports for it (a captured value, a harmless line counted as a failure).</summary>
    MatchedLine,
}

/// <summary>
/// The concrete demonstration attached to a finding. Every line here was run through the real matcher
/// (or the real .NET regex, for timings) before the finding was reported.
/// </summary>
public sealed record LintEvidence(LintEvidenceKind Kind, string Line, string Explanation)
{
    /// <summary>The address the filter reports for <see cref="Line"/>, when that is the point (injection).</summary>
    public string? BannedAddress { get; init; }

    /// <summary>The measured match time in milliseconds (slow input), or null.</summary>
    public double? MatchMilliseconds { get; init; }

    /// <summary>The line's length (the line itself may be shortened in <see cref="Line"/> for display).</summary>
    public int? LineLength { get; init; }

    /// <summary>kebab-case name of <see cref="Kind"/> as used in JSON and SARIF output.</summary>
    public string KindName => Kind switch
    {
        LintEvidenceKind.MissedLine => "missed-line",
        LintEvidenceKind.InjectedLine => "injected-line",
        LintEvidenceKind.SlowInput => "slow-input",
        LintEvidenceKind.AcceptedLine => "accepted-line",
        LintEvidenceKind.MatchedLine => "matched-line",
        _ => "sample-line",
    };
}
