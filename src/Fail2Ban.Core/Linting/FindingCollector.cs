using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// Gathers the findings of one filter across its variants: a finding reported identically (rule,
/// place, message) in several modes is kept once, with all those modes listed.
/// </summary>
internal sealed class FindingCollector
{
    private readonly Dictionary<(string, LintLocation, string), (LintFinding Finding, List<string> Modes)> _byKey = new();
    private readonly List<LintFinding> _order = new();

    public IReadOnlyList<LintFinding> Findings => _order;

    public void Add(LintFinding finding, string? mode)
    {
        var key = (finding.RuleId, finding.Location, finding.Message);
        if (!_byKey.TryGetValue(key, out var entry))
        {
            entry = (finding, new List<string>());
            _byKey[key] = entry;
            _order.Add(finding);
        }
        if (mode != null && !entry.Modes.Contains(mode))
        {
            entry.Modes.Add(mode);
            entry.Finding.Modes = entry.Modes;
        }
    }
}
