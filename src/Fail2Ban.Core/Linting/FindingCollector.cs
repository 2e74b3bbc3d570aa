using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// One variant of a filter: the <c>mode</c> and <c>logtype</c> it was read with. A null part is a dimension the
/// filter does not have (or, for a finding, one it does not depend on: it holds in every value of it).
/// </summary>
internal readonly record struct VariantKey(string? Mode, string? LogType);

/// <summary>
/// Gathers the findings of one filter across its variants: a finding reported identically (rule,
/// place, message) in several variants is kept once, with all those variants listed.
/// </summary>
internal sealed class FindingCollector
{
    private readonly Dictionary<(string, LintLocation, string), (LintFinding Finding, List<VariantKey> Variants)> _byKey = new();
    private readonly List<LintFinding> _order = new();
    private readonly List<LintFailure> _failures = new();

    public IReadOnlyList<LintFinding> Findings => _order;

    /// <summary>The exceptions caught in this run, each also added as its internal-error finding.</summary>
    public IReadOnlyList<LintFailure> Failures => _failures;

    /// <summary>Adds a caught exception and the internal-error finding that reports it.</summary>
    public void AddFailure(LintFailure failure, LintFinding finding, VariantKey variant)
    {
        _failures.Add(failure);
        Add(finding, variant);
    }

    /// <summary>Adds a finding of the variant read with <paramref name="mode"/> (any logtype).</summary>
    public void Add(LintFinding finding, string? mode) => Add(finding, new VariantKey(mode, null));

    public void Add(LintFinding finding, VariantKey variant)
    {
        var key = (finding.RuleId, finding.Location, finding.Message);
        if (!_byKey.TryGetValue(key, out var entry))
        {
            entry = (finding, new List<VariantKey>());
            _byKey[key] = entry;
            _order.Add(finding);
        }
        if (!entry.Variants.Contains(variant)) entry.Variants.Add(variant);
    }

    /// <summary>The variants a finding was reported in (as added; null parts not expanded).</summary>
    public IReadOnlyList<VariantKey> VariantsOf(LintFinding finding) =>
        _byKey.TryGetValue((finding.RuleId, finding.Location, finding.Message), out var entry) ? entry.Variants : new List<VariantKey>();
}
