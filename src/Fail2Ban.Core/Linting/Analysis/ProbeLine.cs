using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>A generated log line and what the real matcher reported for it.</summary>
internal sealed class ProbeLine
{
    public ProbeLine(string text, GeneratedText failText, int contentOffset, IReadOnlyList<Failure> failures, int step)
    {
        Text = text;
        FailText = failText;
        ContentOffset = contentOffset;
        Failures = failures;
        Step = step;
    }

    /// <summary>The whole line (lines joined by <c>\n</c> for a multi-line filter).</summary>
    public string Text { get; }

    /// <summary>The failregex's part of the line, with node ranges relative to <see cref="ContentOffset"/>.</summary>
    public GeneratedText FailText { get; }

    /// <summary>Where the failregex's text starts in <see cref="Text"/>.</summary>
    public int ContentOffset { get; }

    /// <summary>The failures the matcher reported (ids set, no <c>nofail</c>).</summary>
    public IReadOnlyList<Failure> Failures { get; }

    /// <summary>The generation step that produced the line (reused to vary it while keeping its shape).</summary>
    public int Step { get; }

    /// <summary>The range in <see cref="Text"/> of a failregex node's generated text.</summary>
    public TextRange? RangeOf(RegexNode node) => FailText.Nodes.TryGetValue(node, out var r) ? r.Shift(ContentOffset) : null;

    /// <summary>The addresses (failure ids) reported by failregex <paramref name="index"/>.</summary>
    public IEnumerable<string> AddressesFrom(int index) =>
        Failures.Where(f => f.RegexIndex == index && f.Id is not null).Select(f => f.Id!.Text);
}
