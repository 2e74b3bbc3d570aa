namespace Fail2Ban.Core.Dates;

/// <summary>Where a <see cref="DateRecognizer"/> found the match and each date field (index -1: absent).</summary>
internal struct DateSpans : DateFieldReader.ICaptures
{
    public const int A = 0, B = 1, D = 2, H = 3, M = 4, S = 5, F = 6, Y = 7, Z = 8;

    // Nine (index, length) pairs packed in longs: no array per line, and netstandard2.0 has no inline arrays.
    private long _a, _b, _d, _h, _m, _s, _f, _y, _z;

    public TemplateHit Hit { get; internal set; }

    /// <summary>The slot of a field the recognizers read (the month's name and number share one), or -1.</summary>
    internal static int SlotOf(DateFieldReader.Field field) => field switch
    {
        DateFieldReader.Field.DayAbbr => A,
        DateFieldReader.Field.MonthAbbr or DateFieldReader.Field.Month => B,
        DateFieldReader.Field.Day => D,
        DateFieldReader.Field.Hour => H,
        DateFieldReader.Field.Minute => M,
        DateFieldReader.Field.Second => S,
        DateFieldReader.Field.Fraction => F,
        DateFieldReader.Field.Year => Y,
        DateFieldReader.Field.Zone => Z,
        _ => -1,
    };

    internal void Set(int slot, int index, int length)
    {
        var packed = ((long)index << 32) | (uint)length;
        switch (slot)
        {
            case A: _a = packed; break;
            case B: _b = packed; break;
            case D: _d = packed; break;
            case H: _h = packed; break;
            case M: _m = packed; break;
            case S: _s = packed; break;
            case F: _f = packed; break;
            case Y: _y = packed; break;
            default: _z = packed; break;
        }
    }

    public readonly bool TryGet(in DateFieldReader.FieldGroup group, out int index, out int length)
    {
        var packed = SlotOf(group.Field) switch
        {
            A => _a, B => _b, D => _d, H => _h, M => _m, S => _s, F => _f, Y => _y, Z => _z,
            _ => -1L << 32,
        };
        index = (int)(packed >> 32);
        length = (int)packed;
        return index >= 0;
    }

    public readonly bool TryGetAmPm(DateTemplate template, out int index, out int length)
    {
        index = -1;
        length = 0;
        return false;
    }
}
