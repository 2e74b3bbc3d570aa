namespace Fail2Ban.Core.Dates;

/// <summary>
/// Span code for the most common steady template, the anchored syslog date
/// (<c>{^LN-BEG}(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?</c>); see
/// <see cref="DateRecognizer"/>.
/// </summary>
internal sealed class SyslogDateRecognizer : DateRecognizer
{
    // The template's final Python regex around its ExYear body, which depends on the current year.
    private const string Head = @"(?iu)^(?:\W{0,2})?((?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>";
    private const string Tail = @"\d))?)(?=\b|\W|$)";
    private const string Days = "montuewedthufrisatsun";
    private const string Months = "janfebmaraprmayjunjulaugsepoctnovdec";

    // ExYear: the three-digit prefixes it accepts (a fourth digit follows).
    private readonly bool[] _years;

    private SyslogDateRecognizer(bool[] years) => _years = years;

    /// <summary>The recognizer for <paramref name="template"/>, or null when it is not this template.</summary>
    public static new SyslogDateRecognizer? For(DateTemplate template) =>
        YearPrefixes(template, Head, Tail) is { } years ? new SyslogDateRecognizer(years) : null;

    /// <inheritdoc/>
    public override bool TryMatch(string line, out DateSpans spans)
    {
        spans = default;
        if (!Enabled) return false;
        var s = line;
        var p = 0;
        // ^(?:\W{0,2})? greedy
        while (p < 2 && p < s.Length && !IsWord(s[p], out var ascii)) { if (!ascii) return false; p++; }
        if (p < s.Length && s[p] > '\x7f') return false;
        var start = p;
        spans.Set(DateSpans.A, -1, 0);
        if (Name(s, p, Days) && At(s, p + 3, ' '))
        {
            spans.Set(DateSpans.A, p, 3);
            p += 4;
        }
        if (!Name(s, p, Months) || !At(s, p + 3, ' ')) return false;
        spans.Set(DateSpans.B, p, 3);
        p += 4;
        // (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]) then a space.
        if (!Day(s, ref p, ' ', ' ', ref spans)) return false;
        p++;
        if (At(s, p, ' ')) p++;
        // (?P<H>[0-2]?\d): and (?P<M>[0-5]?\d): the first length followed by a colon.
        if (!Field(s, ref p, '2', DateSpans.H, ref spans) || !At(s, p++, ':')) return false;
        if (!Field(s, ref p, '5', DateSpans.M, ref spans) || !At(s, p++, ':')) return false;
        if (!Second(s, ref p, ref spans)) return false;
        Fraction(s, ref p, false, ref spans);
        spans.Set(DateSpans.Y, -1, 0);
        if (At(s, p, ' ') && p + 1 < s.Length)
        {
            for (var i = p + 1; i < s.Length && i < p + 6; i++)
                if (s[i] > '\x7f') return false;
            if (IsYear(s, p + 1, _years))
            {
                spans.Set(DateSpans.Y, p + 1, 4);
                p += 5;
            }
        }
        // (?=\b|\W|$): the match ends on a digit, so the next character must not be a word character.
        if (p < s.Length)
        {
            if (IsWord(s[p], out var ascii) || !ascii) return false;
        }
        spans.Hit = TemplateHit.At(0, p, start, p - start);
        return true;
    }

    // [0-max]?\d taken greedily, then one digit, whichever is followed by ':'.
    internal static bool Field(string s, ref int p, char max, int slot, ref DateSpans spans)
    {
        int n;
        if (Range(s, p, '0', max) && Range(s, p + 1, '0', '9') && At(s, p + 2, ':')) n = 2;
        else if (Range(s, p, '0', '9') && At(s, p + 1, ':')) n = 1;
        else return false;
        spans.Set(slot, p, n);
        p += n;
        return true;
    }

    // Three ASCII letters, any case, that are one of the names (3 letters each) of the list.
    private static bool Name(string s, int i, string names)
    {
        if (i + 3 > s.Length) return false;
        int a = s[i] | 0x20, b = s[i + 1] | 0x20, c = s[i + 2] | 0x20;
        if (s[i] > '\x7f' || s[i + 1] > '\x7f' || s[i + 2] > '\x7f') return false;
        for (var k = 0; k < names.Length; k += 3)
            if (names[k] == a && names[k + 1] == b && names[k + 2] == c) return true;
        return false;
    }
}
