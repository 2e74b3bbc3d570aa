using System;
using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// One problem found in a filter: which rule, how serious, where in the <c>.conf</c> (the place the
/// offending fragment was written), why, and where possible the evidence and a mechanical fix.
/// </summary>
public sealed class LintFinding
{
    public LintFinding(string ruleId, LintSeverity severity, string message, LintLocation location,
        LintEvidence? evidence = null, LintFix? fix = null)
    {
        RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
        Severity = severity;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Location = location;
        Evidence = evidence;
        Fix = fix;
    }

    /// <summary>The rule's id, <c>F2Bxxxx</c>.</summary>
    public string RuleId { get; }

    /// <summary>The rule's kebab-case name (empty for an id the catalogue does not know).</summary>
    public string RuleName => RuleCatalog.TryGet(RuleId, out var d) ? d.Name : "";

    public LintSeverity Severity { get; internal set; }

    public string Message { get; }

    public LintLocation Location { get; }

    public LintEvidence? Evidence { get; }

    public LintFix? Fix { get; }

    /// <summary>The filter this finding was found in (its name or file).</summary>
    public string Filter { get; internal set; } = "";

    /// <summary>The <c>mode</c> values of the filter in which the finding occurs (empty: the filter has no modes).</summary>
    public IReadOnlyList<string> Modes { get; internal set; } = Array.Empty<string>();

    /// <summary>The <c>logtype</c> values of the filter in which the finding occurs (empty: the filter reads the same for every logtype).</summary>
    public IReadOnlyList<string> LogTypes { get; internal set; } = Array.Empty<string>();

    /// <summary>
    /// The variants the finding occurs in when that is not all of those linted (<c>mode normal</c>,
    /// <c>logtype rfc5424</c>, <c>mode normal, logtype journal</c>), else empty.
    /// </summary>
    public string Variants { get; internal set; } = "";

    /// <summary><c>path(line,col): severity F2Bxxxx: message</c>.</summary>
    public override string ToString() =>
        Location + ": " + SeverityName(Severity) + " " + RuleId + ": " + Message;

    /// <summary>The lower-case word used for a severity in text output (<c>info</c>, <c>warning</c>, <c>error</c>).</summary>
    public static string SeverityName(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        LintSeverity.Info => "info",
        _ => "none",
    };
}
