namespace LogWatch;

/// <summary>What a filter said about one log line, in the shape <c>filterlint regex --json</c> prints.</summary>
internal readonly record struct Verdict(
    bool Match,
    bool Ignored,
    int? Regex,
    string? Host,
    string? Ip,
    string? User,
    string? Fid,
    double? Time)
{
    /// <summary>An empty or comment line: not given to the filter (as fail2ban-regex skips it).</summary>
    public static Verdict Skipped => default;
}
