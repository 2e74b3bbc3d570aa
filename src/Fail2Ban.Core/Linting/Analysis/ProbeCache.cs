using System.Collections.Generic;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>
/// What generating lines for a (prefregex, failregex) pair taught, shared by the variants (modes, logtypes) of one
/// filter: the step that produced a matching line, or that none did, so other modes start there.
/// </summary>
internal sealed class ProbeCache
{
    private readonly Dictionary<string, int> _witnessSteps = new();

    /// <summary>Rules that report once per filter and already did.</summary>
    public HashSet<string> ReportedOnce { get; } = new();

    /// <summary>State rules keep across the variants of one filter (rules that compare modes), by rule id.</summary>
    public Dictionary<string, object> RuleState { get; } = new();

    /// <summary>
    /// What the filter's sample log showed, by a rule's own key: kept for every logtype (the log is written in one of
    /// them, and the lines of the others do not match it).
    /// </summary>
    public Dictionary<string, bool> SampleFacts { get; } = new();

    /// <summary>
    /// Starts the variants of another logtype: rules that compare modes start afresh; rules that report once per
    /// filter stay reported, and what line generation learnt is kept.
    /// </summary>
    public void StartLogType() => RuleState.Clear();

    public bool TryGet(string key, out int step) => _witnessSteps.TryGetValue(key, out step);

    public void Set(string key, int step) => _witnessSteps[key] = step;
}
