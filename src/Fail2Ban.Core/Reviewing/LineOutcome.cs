using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Core.Reviewing;

/// <summary>What one version of a filter did with one line: the verdict and the failures it reported.</summary>
public sealed class LineOutcome
{
    private LineOutcome(LineVerdict verdict, IReadOnlyList<Failure> failures)
    {
        Verdict = verdict;
        Failures = failures;
    }

    /// <summary>The outcome of a version that does not load (it bans nothing).</summary>
    public static LineOutcome NotLoaded { get; } = new(LineVerdict.Missed, Array.Empty<Failure>());

    public LineVerdict Verdict { get; }

    /// <summary>Failures with an id (pending multi-line entries and <c>nofail</c> ones left out).</summary>
    public IReadOnlyList<Failure> Failures { get; }

    public bool Matched => Verdict == LineVerdict.Matched;

    /// <summary>The failregex that reported the first failure, or -1.</summary>
    public int RegexIndex => Failures.Count > 0 ? Failures[0].RegexIndex : -1;

    /// <summary>The addresses (failure ids) this outcome bans, sorted and distinct.</summary>
    public IReadOnlyList<string> Hosts => Failures.Select(f => f.Ip ?? "").Distinct().OrderBy(h => h, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Users => Failures.Select(f => f.User ?? "").Distinct().OrderBy(u => u, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Times => Failures.Select(f => f.Time is { } t ? t.ToString("0.######", CultureInfo.InvariantCulture) : "")
        .Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();

    /// <summary>The other captured fields (<c>&lt;F-RCPT&gt;</c>…), as <c>name=value</c>.</summary>
    public IReadOnlyList<string> Fields => Failures
        .SelectMany(f => f.Data.Where(kv => kv.Value is string && !IsAddressOrUser(kv.Key)).Select(kv => kv.Key + "=" + kv.Value))
        .Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();

    /// <summary>Short form for reports: <c>matched 192.0.2.1</c>, <c>missed</c>, <c>ignored</c>.</summary>
    public string Describe() => Verdict switch
    {
        LineVerdict.Matched => "matched " + string.Join(", ", Hosts) + (Users.Any(u => u.Length > 0) ? " (user " + string.Join(", ", Users) + ")" : ""),
        LineVerdict.Ignored => "ignored",
        _ => "missed",
    };

    /// <summary>The outcome of <paramref name="result"/>, classified as <c>fail2ban-regex</c> classifies a line.</summary>
    public static LineOutcome From(LineResult result)
    {
        var failures = new List<Failure>();
        var ignored = result.IgnoreRegexMatched;
        foreach (var e in result.Entries)
        {
            if (e.IsNoFail) ignored = true;
            else if (e.Id is not null) failures.Add(e);
        }
        var verdict = ignored ? LineVerdict.Ignored : failures.Count > 0 ? LineVerdict.Matched : LineVerdict.Missed;
        return new LineOutcome(verdict, failures);
    }

    private static bool IsAddressOrUser(string key) => key is "ip4" or "ip6" or "dns" or "user" or "fid" or "mlfid" or "ip";
}
