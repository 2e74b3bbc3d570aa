using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>Where a template's search matched: the whole match and its group 1 (the date text).</summary>
internal readonly struct TemplateHit
{
    private TemplateHit(int index, int length, bool dateSuccess, int dateIndex, int dateLength)
    {
        Index = index;
        Length = length;
        DateSuccess = dateSuccess;
        DateIndex = dateIndex;
        DateLength = dateLength;
    }

    public int Index { get; }

    public int Length { get; }

    /// <summary>Group 1 took part in the match.</summary>
    public bool DateSuccess { get; }

    public int DateIndex { get; }

    public int DateLength { get; }

    public static TemplateHit At(int index, int length, int dateIndex, int dateLength) =>
        new(index, length, true, dateIndex, dateLength);

    public static TemplateHit Of(Match m, DateTemplate template)
    {
        var success = Matching.CaptureSpans.TryGet(m, template.DateSlot, template.DateGroup, out var index, out var length);
        return new TemplateHit(m.Index, m.Length, success, success ? index : -1, success ? length : 0);
    }
}

/// <summary>
/// The side-effect-free part of a detector's fast path for one line, computed ahead (possibly on
/// another thread) with the anchored template the detector used last: that template's search and,
/// for a non-empty date, its fields read up to the local-zone step. The detector uses it only when
/// its own state leads to exactly that search; otherwise it searches itself. Holds no
/// <see cref="System.Text.RegularExpressions.Match"/>, so little stays alive while lines wait.
/// </summary>
internal sealed class DateSpeculation
{
    private DateSpeculation(DateTemplate template, bool success, TemplateHit hit, DateMatchOutcome outcome, long seconds, bool zoned,
        string? dateText = null)
    {
        DateText = dateText;
        Template = template;
        Success = success;
        Hit = hit;
        Outcome = outcome;
        Seconds = seconds;
        Zoned = zoned;
    }

    /// <summary>A match whose date text is empty or missing (nothing to read).</summary>
    public DateSpeculation(DateTemplate template, TemplateHit hit)
        : this(template, true, hit, DateMatchOutcome.EmptyDate, 0, false)
    {
    }

    /// <summary>A match with a date whose fields were read; <paramref name="dateText"/> is its text (shared by lines with the same date).</summary>
    public DateSpeculation(DateTemplate template, TemplateHit hit, DateMatchOutcome outcome, long seconds, bool zoned, string dateText)
        : this(template, true, hit, outcome, seconds, zoned, dateText)
    {
    }

    /// <summary>
    /// The date text (group 1) of a match with fields; consecutive lines with the same date share
    /// the instance, so the detector can see a repeated date without reading the line.
    /// </summary>
    public string? DateText { get; }

    public static DateSpeculation NoMatch(DateTemplate template) => new(template, false, default, DateMatchOutcome.EmptyDate, 0, false);

    /// <summary>The template searched (anchored: its fast path searches the whole line).</summary>
    public DateTemplate Template { get; }

    /// <summary>The search matched (its global hit not yet counted).</summary>
    public bool Success { get; }

    /// <summary>The match starts before the end of the line (else Fail2Ban fails on the line).</summary>
    public bool StartsInsideLine { get; init; }

    public TemplateHit Hit { get; }

    /// <summary>The outcome of reading a non-empty date's fields.</summary>
    public DateMatchOutcome Outcome { get; }

    /// <summary>Unix time when <see cref="Zoned"/>, else local naive seconds.</summary>
    public long Seconds { get; }

    public bool Zoned { get; }
}
