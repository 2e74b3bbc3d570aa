using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>The findings for one filter, in file order, after severities and suppressions were applied.</summary>
public sealed class LintReport
{
    public LintReport(string filter, IReadOnlyList<string> modes, IReadOnlyList<string> logTypes, IReadOnlyList<LintFinding> findings,
        IReadOnlyList<string> filesRead)
    {
        Filter = filter;
        Modes = modes;
        LogTypes = logTypes;
        Findings = findings;
        FilesRead = filesRead;
    }

    /// <summary>The filter's name (or file path for a filter read from a file).</summary>
    public string Filter { get; }

    /// <summary>The <c>mode</c> values that were checked (empty: the filter has no modes).</summary>
    public IReadOnlyList<string> Modes { get; }

    /// <summary>The <c>logtype</c> values that were checked, default first (empty: the filter has no logtype variants).</summary>
    public IReadOnlyList<string> LogTypes { get; }

    public IReadOnlyList<LintFinding> Findings { get; }

    /// <summary>The <c>.conf</c>/<c>.local</c> files the filter was read from (includes too).</summary>
    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>The robustness probe's tables, when <see cref="LintOptions.CollectProbeTables"/> was set (else empty).</summary>
    public IReadOnlyList<Probing.ProbeTable> ProbeTables { get; init; } = System.Array.Empty<Probing.ProbeTable>();

    /// <summary>
    /// The exceptions the linter caught in this run (rules, the probe, the engine): each is also an internal-error finding,
    /// but these stay listed when severities or suppressions drop that finding. Empty for a run without a bug.
    /// </summary>
    public IReadOnlyList<LintFailure> Failures { get; init; } = System.Array.Empty<LintFailure>();
}
