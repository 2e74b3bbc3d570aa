using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// The side-effect-free part of a detector's fast path for one line, computed ahead (possibly on
/// another thread) with the template the detector used last: that template's search result and,
/// for a pattern template, its fields read up to the local-zone step. The detector uses it only
/// when its own state leads to exactly that search; otherwise it searches itself.
/// </summary>
internal sealed class DateSpeculation
{
    public DateSpeculation(DateTemplate template, Match match)
    {
        Template = template;
        Match = match;
    }

    /// <summary>The template searched (an anchored one: its fast path searches the whole line).</summary>
    public DateTemplate Template { get; }

    /// <summary><c>Template</c>'s search of the whole line (its global hit not yet counted).</summary>
    public Match Match { get; }

    /// <summary>True when <see cref="Outcome"/> and <see cref="Seconds"/> hold the fields of a non-empty date.</summary>
    public bool HasFields { get; private set; }

    public DateMatchOutcome Outcome { get; private set; }

    /// <summary>Unix time when <see cref="Zoned"/>, else local naive seconds.</summary>
    public long Seconds { get; private set; }

    public bool Zoned { get; private set; }

    internal void SetFields(DateMatchOutcome outcome, long seconds, bool zoned)
    {
        HasFields = true;
        Outcome = outcome;
        Seconds = seconds;
        Zoned = zoned;
    }
}
