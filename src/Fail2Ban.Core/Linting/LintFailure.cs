using System;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// An exception the linter caught in one run (a rule, the probe, the engine itself: a bug), and what failed
/// (<c>Rule F2B2008</c>, <c>The probe</c>, <c>Linting</c>). Users see it as an internal-error finding (F2B9001), which
/// settings and suppressions may hide; the report keeps every one regardless, so a caller (a test, a tool) can tell a
/// clean run from one that failed quietly.
/// </summary>
public sealed record LintFailure(string What, Exception Exception)
{
    public override string ToString() => What + " failed: " + Exception;
}
