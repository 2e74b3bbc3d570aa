using System;
using System.Collections.Generic;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using LogWatch.Filters;

namespace LogWatch;

/// <summary>
/// The filters compiled into this program (generated from filters/*.conf) by name, each adapted to
/// "line in, <see cref="Verdict"/> out". The typed API is used directly: modes are an enum, results a struct.
/// </summary>
internal static class FilterCatalog
{
    public static readonly string[] Names = { MailrelayFilter.FilterName, SshdLiteFilter.FilterName };

    /// <summary>A matcher for FILTER (<c>name</c> or <c>name[mode=…]</c>) over one log stream.</summary>
    public static Func<string, Verdict> Create(string filter, MatcherOptions options, DateDetectorSettings dates)
    {
        var reference = FilterReference.Parse(filter);
        var mode = reference.Options.TryGetValue("mode", out var m) ? m : null;
        foreach (var key in reference.Options.Keys)
            if (key != "mode") throw new ArgumentException("Filter option '" + key + "' is not supported (only mode)");

        switch (reference.Name)
        {
            case MailrelayFilter.FilterName:
            {
                var matcher = new MailrelayFilter(ParseMode(mode, MailrelayFilter.DefaultMode), options, dates);
                return line =>
                {
                    var r = matcher.Match(line);
                    return new Verdict(r.Success, r.IsIgnored, r.RegexIndex, r.Host, r.Ip, r.User, r.Id, r.EpochSeconds);
                };
            }
            case SshdLiteFilter.FilterName:
            {
                if (mode is not null) throw new ArgumentException("Filter 'sshd-lite' has no modes");
                var matcher = new SshdLiteFilter(options, dates);
                return line =>
                {
                    var r = matcher.Match(line);
                    return new Verdict(r.Success, r.IsIgnored, r.RegexIndex, r.Host, r.Ip, r.User, r.Id, r.EpochSeconds);
                };
            }
            default:
                throw new ArgumentException("Unknown filter '" + reference.Name + "'; this program knows " + string.Join(", ", Names));
        }
    }

    /// <summary>Fail2Ban.Core's compiled filter for FILTER, as the generated class holds it (for the benchmark).</summary>
    public static CompiledFilter Compiled(string filter)
    {
        var reference = FilterReference.Parse(filter);
        var mode = reference.Options.TryGetValue("mode", out var m) ? m : null;
        return reference.Name switch
        {
            MailrelayFilter.FilterName => MailrelayFilter.GetCompiledFilter(ParseMode(mode, MailrelayFilter.DefaultMode)),
            SshdLiteFilter.FilterName => SshdLiteFilter.GetCompiledFilter(),
            _ => throw new ArgumentException("Unknown filter '" + reference.Name + "'"),
        };
    }

    private static TMode ParseMode<TMode>(string? value, TMode fallback) where TMode : struct, Enum
    {
        if (value is null) return fallback;
        foreach (var name in Enum.GetNames<TMode>())
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) return Enum.Parse<TMode>(name);
        throw new ArgumentException("Unknown mode '" + value + "'; modes: " + string.Join(", ", Lowered(Enum.GetNames<TMode>())));
    }

    private static IEnumerable<string> Lowered(string[] names)
    {
        foreach (var n in names) yield return n.ToLowerInvariant();
    }
}
