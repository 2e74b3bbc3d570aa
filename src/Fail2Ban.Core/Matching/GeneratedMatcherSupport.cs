using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// The parts of Fail2Ban.Generators' matcher classes that are the same for every filter. Written once
/// here rather than once per generated class: with 97 filters, repeated iterators and result logic were
/// most of the compile time the generated code added to a build.
/// </summary>
public static class GeneratedMatcherSupport
{
    /// <summary>
    /// Reads <paramref name="reader"/> to its end. Lines end at <c>\n</c>; trailing <c>\r</c> and <c>\n</c>
    /// are removed and an embedded <c>\r</c> stays, as Fail2Ban reads logs.
    /// </summary>
    public static IEnumerable<string> ReadLines(TextReader reader)
    {
        var line = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    line.Append(buffer[i]);
                    continue;
                }
                yield return TrimEnd(line);
                line.Clear();
            }
        }
        if (line.Length > 0) yield return TrimEnd(line);
    }

    private static string TrimEnd(StringBuilder text)
    {
        var end = text.Length;
        while (end > 0 && (text[end - 1] == '\r' || text[end - 1] == '\n')) end--;
        return text.ToString(0, end);
    }

    /// <summary>Runs <paramref name="match"/> on each line, lazily and in order.</summary>
    public static IEnumerable<TResult> MatchEach<TResult>(IEnumerable<string> lines, Func<string, TResult> match)
    {
        foreach (var line in lines) yield return match(line);
    }

    /// <summary>
    /// The failure a generated <c>Result</c> describes: the first entry with an id that is not a
    /// no-failure. <paramref name="ignored"/>: <c>fail2ban-regex</c> counts the line as ignored (an
    /// ignoreregex matched, or an entry was a no-failure).
    /// </summary>
    public static Failure? FirstFailure(LineResult line, out bool ignored)
    {
        Failure? first = null;
        var noFail = false;
        foreach (var entry in line.Entries)
        {
            if (entry.IsNoFail) noFail = true;
            else if (entry.Id is not null) first ??= entry;
        }
        ignored = noFail || line.IgnoreRegexMatched;
        return first;
    }

    /// <summary>The address: the one Fail2Ban bans for a custom id, else the address group as captured, else the id.</summary>
    public static string? Ip(Failure? failure) => failure is null ? null
        : failure.Data.TryGetValue("ip", out var ip) && ip is IpAddress address ? address.Text
        : failure.RawHost ?? failure.Id?.Text;

    /// <summary>Epoch seconds as UTC (rounded to the millisecond), or null.</summary>
    public static DateTimeOffset? Time(double? epochSeconds) => epochSeconds is double t
        ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(t * 1000)) : null;
}
