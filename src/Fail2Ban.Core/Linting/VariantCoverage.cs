using System;
using System.Collections.Generic;
using System.Linq;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// The variants (<c>mode</c> × <c>logtype</c>) a filter was linted with, and which of them a finding occurs in:
/// fills <see cref="LintFinding.Modes"/>, <see cref="LintFinding.LogTypes"/> and <see cref="LintFinding.Variants"/>.
/// A logtype skipped because it reads exactly like an earlier one shares that one's findings.
/// </summary>
internal sealed class VariantCoverage
{
    private readonly List<string?> _modes;
    private readonly List<string?> _logTypes;
    private readonly Dictionary<string, List<string>> _duplicates = new(StringComparer.Ordinal);

    /// <param name="modes">The filter's modes in order (empty: no mode dimension).</param>
    /// <param name="logTypes">The logtypes in order, default first, skipped duplicates included (empty: no logtype dimension).</param>
    public VariantCoverage(IReadOnlyList<string> modes, IReadOnlyList<string> logTypes)
    {
        _modes = modes.Count == 0 ? new List<string?> { null } : modes.Cast<string?>().ToList();
        _logTypes = logTypes.Count == 0 ? new List<string?> { null } : logTypes.Cast<string?>().ToList();
    }

    /// <summary>Records that <paramref name="duplicate"/> reads like <paramref name="linted"/> in every mode and was not linted.</summary>
    public void AddDuplicate(string linted, string duplicate)
    {
        if (!_duplicates.TryGetValue(linted, out var list)) _duplicates[linted] = list = new List<string>();
        list.Add(duplicate);
    }

    /// <summary>Sets what <paramref name="finding"/> says about the variants it was reported in.</summary>
    public void Describe(LintFinding finding, IReadOnlyList<VariantKey> reportedIn)
    {
        var covered = new HashSet<VariantKey>();
        foreach (var key in reportedIn)
            foreach (var mode in key.Mode is null ? _modes : new List<string?> { key.Mode })
                foreach (var logType in key.LogType is null ? _logTypes : new List<string?> { key.LogType })
                {
                    covered.Add(new VariantKey(mode, logType));
                    if (logType != null && _duplicates.TryGetValue(logType, out var same))
                        foreach (var d in same) covered.Add(new VariantKey(mode, d));
                }
        var all = (from m in _modes from l in _logTypes select new VariantKey(m, l)).ToList();
        var inOrder = all.Where(covered.Contains).ToList();
        // Variants outside the expected set (a mode the catalogue did not list) come last.
        inOrder.AddRange(covered.Where(k => !all.Contains(k)));
        var modes = inOrder.Where(k => k.Mode != null).Select(k => k.Mode!).Distinct().ToList();
        var logTypes = inOrder.Where(k => k.LogType != null).Select(k => k.LogType!).Distinct().ToList();
        finding.Modes = modes;
        finding.LogTypes = logTypes;
        finding.Variants = inOrder.Count >= all.Count && all.All(covered.Contains) ? "" : Text(inOrder, modes, logTypes);
    }

    private string Text(List<VariantKey> variants, List<string> modes, List<string> logTypes)
    {
        var modeCount = Math.Max(1, modes.Count);
        var logTypeCount = Math.Max(1, logTypes.Count);
        if (variants.Count != modeCount * logTypeCount)
            return string.Join("; ", variants.Select(v => Part(v.Mode is null ? null : new[] { v.Mode }, v.LogType is null ? null : new[] { v.LogType })));
        // A whole block (some modes × some logtypes): name only the dimension that is not complete.
        var modesComplete = modes.Count == 0 || _modes.All(m => m is null || modes.Contains(m));
        var logTypesComplete = logTypes.Count == 0 || _logTypes.All(l => l is null || logTypes.Contains(l));
        return Part(modesComplete ? null : modes, logTypesComplete ? null : logTypes);
    }

    private static string Part(IReadOnlyList<string>? modes, IReadOnlyList<string>? logTypes)
    {
        var parts = new List<string>();
        if (modes is { Count: > 0 }) parts.Add("mode " + string.Join(", ", modes));
        if (logTypes is { Count: > 0 }) parts.Add("logtype " + string.Join(", ", logTypes));
        return string.Join(", ", parts);
    }
}
