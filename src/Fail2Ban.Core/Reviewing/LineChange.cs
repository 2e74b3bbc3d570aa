namespace Fail2Ban.Core.Reviewing;

/// <summary>How the new version treats a line differently from the old one.</summary>
public enum ChangeKind
{
    /// <summary>The old version reported a failure, the new one does not (an attack goes unbanned).</summary>
    NowMissed,
    /// <summary>Both report a failure, with a different address: the wrong host may be banned.</summary>
    HostChanged,
    /// <summary>The new version reports a failure the old one did not.</summary>
    NowMatched,
    /// <summary>Same address, different user.</summary>
    UserChanged,
    /// <summary>Same address and user, different time.</summary>
    TimeChanged,
    /// <summary>Same address, user and time, different other captures (<c>&lt;F-RCPT&gt;</c>…).</summary>
    FieldsChanged,
    /// <summary>Missed before, ignored (by an ignoreregex or <c>nofail</c>) now.</summary>
    NowIgnored,
    /// <summary>Ignored before, missed now.</summary>
    NoLongerIgnored,
}

/// <summary>One line whose outcome differs between the versions, in one mode.</summary>
public sealed class LineChange
{
    public LineChange(ChangeKind kind, string? mode, DiffLine line, LineOutcome old, LineOutcome @new)
    {
        Kind = kind;
        Mode = mode;
        Line = line;
        Old = old;
        New = @new;
    }

    public ChangeKind Kind { get; }

    /// <summary>The filter mode the line was run in (null for a filter without modes).</summary>
    public string? Mode { get; }

    public DiffLine Line { get; }

    public LineOutcome Old { get; }

    public LineOutcome New { get; }

    /// <summary>Whether the change comes from the old version's failregex (a lost match) rather than the new one's.</summary>
    public bool FromOldRegex => Kind == ChangeKind.NowMissed || New.RegexIndex < 0;

    /// <summary>The failregex the change is attributed to (0-based; in the old version when <see cref="FromOldRegex"/>), or -1.</summary>
    public int RegexIndex => FromOldRegex ? Old.RegexIndex : New.RegexIndex;

    /// <summary>The kind of change between two outcomes of the same line, or null when they agree.</summary>
    public static ChangeKind? Classify(LineOutcome old, LineOutcome @new)
    {
        if (old.Matched && !@new.Matched) return ChangeKind.NowMissed;
        if (!old.Matched && @new.Matched) return ChangeKind.NowMatched;
        if (old.Matched)
        {
            if (!Same(old.Hosts, @new.Hosts)) return ChangeKind.HostChanged;
            if (!Same(old.Users, @new.Users)) return ChangeKind.UserChanged;
            if (!Same(old.Times, @new.Times)) return ChangeKind.TimeChanged;
            if (!Same(old.Fields, @new.Fields)) return ChangeKind.FieldsChanged;
            return null;
        }
        if (old.Verdict == @new.Verdict) return null;
        return @new.Verdict == Matching.LineVerdict.Ignored ? ChangeKind.NowIgnored : ChangeKind.NoLongerIgnored;
    }

    private static bool Same(System.Collections.Generic.IReadOnlyList<string> a, System.Collections.Generic.IReadOnlyList<string> b) =>
        System.Linq.Enumerable.SequenceEqual(a, b);

    /// <summary>The name reports use: <c>now missed</c>, <c>host changed</c>…</summary>
    public static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.NowMissed => "now missed",
        ChangeKind.HostChanged => "host changed",
        ChangeKind.NowMatched => "now matched",
        ChangeKind.UserChanged => "user changed",
        ChangeKind.TimeChanged => "time changed",
        ChangeKind.FieldsChanged => "fields changed",
        ChangeKind.NowIgnored => "now ignored",
        _ => "no longer ignored",
    };

    /// <summary>The command-line spelling (<c>now-missed</c>).</summary>
    public static string Id(ChangeKind kind) => Name(kind).Replace(' ', '-');
}
