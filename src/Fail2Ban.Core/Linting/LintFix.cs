using System.Collections.Generic;

namespace Fail2Ban.Core.Linting;

/// <summary>A mechanical fix: one or more edits in <c>.conf</c> files, applied by <c>filterlint lint --fix</c>.</summary>
public sealed record LintFix(string Title, IReadOnlyList<LintTextEdit> Edits);
