using System;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Matching.Linear;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The second opinion on a line whose backtracking search ran past its time limit: the same Python pattern run by
/// <see cref="LinearMatcher"/>, a Pike machine that takes the alternatives and quantifiers in backtracking priority
/// order, so it finds the match and the captures Python's <c>re</c> (and the translated .NET regex) find, in time
/// proportional to the line's length times the pattern's size, never to backtracking. It takes no look-arounds
/// (except the one-character look-behind of <c>&lt;IP6&gt;</c>), back-references, conditionals, atomic groups or
/// possessive quantifiers, nor a repeated body that can match empty: for such a regex the line stays reported as
/// timed out, as it does when the machine runs past the same time limit.
/// <para>.NET's <c>RegexOptions.NonBacktracking</c> was not used: it finds the same lines, but its captures can differ
/// from backtracking ones where a pattern is ambiguous (<c>^(?:a+|.*?) from (?P&lt;h&gt;\S+)</c> on "aaa from x from y"
/// gives h = y where Python gives x; see <c>LinearRetryTests</c>), and the captured host is the verdict.</para>
/// </summary>
internal sealed class LinearRetry
{
    private readonly LinearProgram _program;
    private readonly MatchRebuilder _rebuilder;
    private readonly TimeSpan _timeout;

    private LinearRetry(LinearProgram program, MatchRebuilder rebuilder, TimeSpan timeout)
    {
        _program = program;
        _rebuilder = rebuilder;
        _timeout = timeout;
    }

    /// <summary>The retry for <paramref name="source"/>, or null when its pattern needs backtracking (or its tree cannot be had).</summary>
    public static LinearRetry? Create(CompiledRegex source)
    {
        if ((source.Translated ?? SourceRetranslation.Of(source)) is not { } translated) return null;
        try
        {
            return LinearProgram.TryCompile(translated.Tree, translated.Options) is { } program
                ? new LinearRetry(program, new MatchRebuilder(source.Regex, translated.Tree, source.GroupNumbers), source.Regex.MatchTimeout)
                : null;
        }
        catch (ArgumentException)
        {
            return null; // an atom .NET refuses alone (cannot happen for a pattern that compiled whole)
        }
    }

    /// <summary>How many times the backtracking limit the linear machine may take on one search.</summary>
    public const int LinearBudgetFactor = 10;

    /// <summary>The least time the linear machine gets on one search.</summary>
    public static readonly TimeSpan MinimumLinearBudget = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Decides the search of <paramref name="input"/> without backtracking: true with the match (null for a miss),
    /// false when the machine ran past the time limit too, or its match could not be rebuilt.
    /// </summary>
    public bool TryMatch(string input, out Match? match)
    {
        match = null;
        // The machine's cost is linear in the line (no backtracking to bound), so its limit only guards against a huge line
        // on a busy machine: the backtracking limit times LinearBudgetFactor, at least MinimumLinearBudget. A retry under
        // the regex's own short limit would turn CPU contention into "timed out" verdicts.
        var budget = Math.Min(Math.Max(_timeout.TotalSeconds * LinearBudgetFactor, MinimumLinearBudget.TotalSeconds), 3600);
        var deadline = _timeout == Regex.InfiniteMatchTimeout
            ? 0
            : System.Diagnostics.Stopwatch.GetTimestamp() + (long)(budget * System.Diagnostics.Stopwatch.Frequency);
        var slots = LinearMatcher.Search(_program, input, deadline, out var timedOut);
        if (timedOut) return false;
        if (slots is null) return true;
        match = _rebuilder.Rebuild(input, slots);
        return match is not null;
    }
}
