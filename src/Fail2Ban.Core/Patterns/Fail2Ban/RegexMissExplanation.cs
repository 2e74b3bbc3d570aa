using System.Collections.Generic;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// Where a regex stopped matching a subject (see <see cref="RegexMissExplainer"/>): the regex is seen
/// as a list of <see cref="Steps"/> (its top-level items, descending into plain groups); the first
/// <see cref="MatchedStepCount"/> of them still match, <see cref="FailingNode"/> is the next one.
/// </summary>
public sealed class RegexMissExplanation
{
    internal RegexMissExplanation(bool isMatch, IReadOnlyList<RegexNode> steps, int matchedStepCount, int matchStart,
        int subjectOffsetReached, int failingLiteralCharsMatched, string? failingPythonText, PatternSpan? failingSourceSpan,
        string? failingTag, string matchedPrefixPattern)
    {
        IsMatch = isMatch;
        Steps = steps;
        MatchedStepCount = matchedStepCount;
        MatchStart = matchStart;
        SubjectOffsetReached = subjectOffsetReached;
        FailingLiteralCharsMatched = failingLiteralCharsMatched;
        FailingPythonText = failingPythonText;
        FailingSourceSpan = failingSourceSpan;
        FailingTag = failingTag;
        MatchedPrefixPattern = matchedPrefixPattern;
    }

    /// <summary>The whole regex matches (nothing to explain).</summary>
    public bool IsMatch { get; }

    /// <summary>The elements the regex was cut into, in order (for a top-level alternation: those of the alternative that got furthest).</summary>
    public IReadOnlyList<RegexNode> Steps { get; }

    /// <summary>How many leading steps match together somewhere in the subject.</summary>
    public int MatchedStepCount { get; }

    /// <summary>The first step that cannot be matched after them, or null on a match.</summary>
    public RegexNode? FailingNode => MatchedStepCount < Steps.Count ? Steps[MatchedStepCount] : null;

    /// <summary>Where in the subject the longest matching prefix matched.</summary>
    public int MatchStart { get; }

    /// <summary>The subject offset just after the longest matching prefix (including <see cref="FailingLiteralCharsMatched"/>).</summary>
    public int SubjectOffsetReached { get; }

    /// <summary>When the failing step is a literal, how many of its characters still matched.</summary>
    public int FailingLiteralCharsMatched { get; }

    /// <summary>The failing step's text in the expanded Python pattern.</summary>
    public string? FailingPythonText { get; }

    /// <summary>The failing step's place in the regex source (a whole tag when it came from one).</summary>
    public PatternSpan? FailingSourceSpan { get; }

    /// <summary>The Fail2Ban tag the failing step came from (e.g. <c>&lt;HOST&gt;</c>), if any.</summary>
    public string? FailingTag { get; }

    /// <summary>The .NET pattern of the longest matching prefix.</summary>
    public string MatchedPrefixPattern { get; }
}
