namespace Fail2Ban.Core.Matching;

/// <summary>
/// One entry Fail2Ban returns for a line: the failregex that matched, the failure id (null while
/// a multi-line failure is pending), its time, and its data. Entries whose data has a truthy
/// <c>nofail</c> are not failures (a successful login, a pending connection).
/// </summary>
public sealed class Failure
{
    public Failure(int regexIndex, IpAddress? id, double? time, FailureData data)
    {
        RegexIndex = regexIndex;
        Id = id;
        Time = time;
        Data = data;
    }

    /// <summary>Index of the failregex (0-based) in the filter's list.</summary>
    public int RegexIndex { get; }

    /// <summary>The failure id (address, host or <c>&lt;F-ID&gt;</c> value); null for a pending multi-line failure.</summary>
    public IpAddress? Id { get; }

    /// <summary>Epoch seconds, or null when the line had no usable date.</summary>
    public double? Time { get; }

    public FailureData Data { get; }

    /// <summary>True when the data says "not a failure" (<c>&lt;F-NOFAIL&gt;</c>, a gained access).</summary>
    public bool IsNoFail => Data.IsTruthy("nofail");

    /// <summary>The address Fail2Ban would ban: <c>data["ip"]</c> when the id is custom, else the id.</summary>
    public string? Ip => Data.TryGetValue("ip", out var ip) && ip is IpAddress a ? a.Text : Id?.Text;

    /// <summary>The raw address group text (ip4, ip6 or dns, first present).</summary>
    public string? RawHost => Data.GetString("ip4") ?? Data.GetString("ip6") ?? Data.GetString("dns");

    public string? User => Data.GetString("user");

    public string? Fid => Data.TryGetValue("fid", out var f) ? f?.ToString() : null;
}
