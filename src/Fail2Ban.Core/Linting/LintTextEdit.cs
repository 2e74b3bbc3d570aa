namespace Fail2Ban.Core.Linting;

/// <summary>
/// A replacement of <see cref="OldText"/> at a place in a <c>.conf</c> file (on one line). Applying it
/// checks that the file still holds <see cref="OldText"/> there, so a stale edit is never applied.
/// </summary>
public sealed record LintTextEdit(string File, int Line, int Column, string OldText, string NewText)
{
    /// <summary>The column just after <see cref="OldText"/>.</summary>
    public int EndColumn => Column + OldText.Length;
}
