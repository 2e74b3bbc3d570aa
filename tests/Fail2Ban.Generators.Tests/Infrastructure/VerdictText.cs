using System.Collections.Generic;
using System.Globalization;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;

namespace Fail2Ban.Generators.Tests.Infrastructure;

/// <summary>
/// Runs a compiled filter over log lines as <c>filterlint regex --json</c> does and prints one line per
/// input line (verdict, regex, host, ip, user, fid, time), so two engines can be compared as text.
/// </summary>
internal static class VerdictText
{
    public const double Now = 1124013600;   // the sample tests' "now": 2005-08-14T10:00:00Z

    public static List<string> Run(CompiledFilter filter, IEnumerable<string> lines, bool journal = false)
    {
        var zone = LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0");
        var matcher = new FilterMatcher(filter, new MatcherOptions { Now = Now, RawHost = true },
            new DateDetectorSettings { Now = Now, LocalZone = zone });
        var session = new RegexTestSession(matcher, journal ? () => Now : null);
        var result = new List<string>();
        long number = 0;
        foreach (var line in lines)
        {
            var tested = session.Process(++number, line);
            var f = tested.Failures.Count > 0 ? tested.Failures[0] : null;
            var ip = f is null ? null : f.Data.TryGetValue("ip", out var v) && v is IpAddress a ? a.Text : f.RawHost ?? f.Id?.Text;
            result.Add(string.Join(" ", number.ToString(CultureInfo.InvariantCulture), tested.Verdict.ToString(),
                f?.RegexIndex.ToString(CultureInfo.InvariantCulture) ?? "-", f?.Id?.Text ?? "-", ip ?? "-", f?.User ?? "-",
                f?.Fid ?? "-", f?.Time is { } t ? zone.FormatLocal(t) : "-"));
        }
        return result;
    }

    /// <summary>The engine's own path: read the filter from text and compile it at run time.</summary>
    public static CompiledFilter CompileWithEngine(IReadOnlyDictionary<string, string> files, string path, IReadOnlyDictionary<string, string>? options)
    {
        var source = new InMemoryConfigFileSource();
        foreach (var f in files) source.Add(f.Key, f.Value);
        return FilterCompiler.Compile(FilterReader.ReadFile(source, path, options));
    }
}
