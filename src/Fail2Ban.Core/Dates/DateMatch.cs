namespace Fail2Ban.Core.Dates;

/// <summary>What became of the date text a template found.</summary>
public enum DateMatchOutcome
{
    /// <summary>The timestamp was computed.</summary>
    Converted,
    /// <summary>Group 1 matched an empty string: no date text (the caller applies the last-date / now rule of spec 3.2).</summary>
    EmptyDate,
    /// <summary>The text does not make a valid date (Fail2Ban: "failed to parse timeText"; the line stays undated).</summary>
    Unparsable,
    /// <summary>
    /// Fail2Ban raises an uncaught error for this line (unknown zone abbreviation, month without
    /// day, empty match on an empty line, …): the server drops the line, <c>fail2ban-regex</c> aborts.
    /// </summary>
    LineFailure,
}

/// <summary>The date a <see cref="DateDetector"/> found in a line.</summary>
public readonly struct DateMatch
{
    internal DateMatch(DateTemplate template, int start, int length, int matchStart, int matchEnd, DateMatchOutcome outcome, double timestamp)
    {
        Template = template;
        Start = start;
        Length = length;
        MatchStart = matchStart;
        MatchEnd = matchEnd;
        Outcome = outcome;
        Timestamp = outcome == DateMatchOutcome.Converted ? timestamp : null;
    }

    /// <summary>The template that won.</summary>
    public DateTemplate Template { get; }

    /// <summary>
    /// Start of capturing group 1 (the date text to cut out). -1 when group 1 did not take part in
    /// the match (Fail2Ban then slices with -1, i.e. it cuts around the last character).
    /// </summary>
    public int Start { get; }

    /// <summary>Length of group 1 (0 for an empty or non-participating group).</summary>
    public int Length { get; }

    /// <summary>Start of the whole template match.</summary>
    public int MatchStart { get; }

    /// <summary>End of the whole template match.</summary>
    public int MatchEnd { get; }

    /// <summary>What became of the date text.</summary>
    public DateMatchOutcome Outcome { get; }

    /// <summary>Unix time of the date, or null unless <see cref="Outcome"/> is <see cref="DateMatchOutcome.Converted"/>.</summary>
    public double? Timestamp { get; }

    /// <summary>The date text (group 1) of <paramref name="line"/>, empty when none.</summary>
    public string GetText(string line) => Start < 0 || Length == 0 ? "" : line.Substring(Start, Length);
}
