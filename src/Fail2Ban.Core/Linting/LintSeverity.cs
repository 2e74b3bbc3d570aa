namespace Fail2Ban.Core.Linting;

/// <summary>How serious a finding is. <see cref="None"/> switches a rule off.</summary>
public enum LintSeverity
{
    /// <summary>The rule is off: its findings are dropped.</summary>
    None = 0,
    /// <summary>Worth knowing; not a defect on its own (e.g. a translation that was applied).</summary>
    Info = 1,
    /// <summary>A probable defect: a missed attack, a wrong ban, a slow regex.</summary>
    Warning = 2,
    /// <summary>The filter does not load, or does something it clearly must not.</summary>
    Error = 3,
}
