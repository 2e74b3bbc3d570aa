using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Samples;
using Fail2Ban.Core.Tests.Config;
using Fail2Ban.Core.Tests.Infrastructure;

namespace Fail2Ban.Core.Tests.Conformance;

/// <summary>
/// Replays Fail2Ban's sample corpus through the whole engine (reader, translator, dates, matcher)
/// in the sample test's environment: now = 1124013600, TZ = CET-01CEST-02,M3.5.0,M10.5.0, raw
/// hosts, every failregex tried.
/// </summary>
internal static class SampleCorpus
{
    public const string Zone = "CET-01CEST-02,M3.5.0,M10.5.0";

    private static readonly Lazy<InMemoryConfigFileSource?> Files = new(() =>
        Corpus.MasterRoot is { } root ? UpstreamLayout.Load(root) : null);

    /// <summary>The 99 filters with a sample test: (config dir kind, name).</summary>
    public static IEnumerable<(string Dir, string Name)> Filters()
    {
        if (Corpus.MasterRoot is not { } root) yield break;
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "filter.d"), "*.conf").OrderBy(x => x, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            if (!f.EndsWith("common.conf", StringComparison.Ordinal)) yield return ("filter.d", name);
        }
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "test-filter.d"), "zzz-*.conf").OrderBy(x => x, StringComparer.Ordinal))
            yield return ("test-filter.d", Path.GetFileNameWithoutExtension(f));
    }

    /// <summary>
    /// Each filter with a sample log, compiled with its default options, and the log's path. The
    /// matchers of <see cref="NewIsolatedMatcher"/> then replay that log line by line.
    /// </summary>
    public static IEnumerable<(string Name, CompiledFilter Filter, string LogPath)> CompiledWithLogs()
    {
        if (Files.Value is not { } files) yield break;
        foreach (var (dir, name) in Filters())
        {
            var path = Path.Combine(Corpus.MasterRoot!, "logs", name);
            if (!File.Exists(path)) continue;
            var resolved = FilterReader.ReadFilter(files, UpstreamLayout.ConfigDirFor(dir), name, new Dictionary<string, string>());
            yield return (name, FilterCompiler.Compile(resolved), path);
        }
    }

    /// <summary>
    /// A matcher in the sample test's environment with a frozen wall clock and its own template cache
    /// (global template hits steer the detector), so two of them given the same lines agree exactly.
    /// </summary>
    public static FilterMatcher NewIsolatedMatcher(CompiledFilter filter) =>
        new(filter, new MatcherOptions { Now = SampleReplay.TestNow, WallClock = () => 0 },
            new DateDetectorSettings { Now = SampleReplay.TestNow, LocalZone = LocalTimeZone.Parse(Zone), WallClock = () => 0, TemplateCache = new DateTemplateCache(2005) });

    public static SampleReplay CreateReplay(string dir, string name)
    {
        var files = Files.Value ?? throw new InvalidOperationException(Corpus.SkipReason);
        var zone = LocalTimeZone.Parse(Zone);
        var dateSettings = new DateDetectorSettings { Now = SampleReplay.TestNow, LocalZone = zone };
        var configDir = UpstreamLayout.ConfigDirFor(dir);
        return new SampleReplay(
            name,
            log =>
            {
                var path = Path.Combine(Corpus.MasterRoot!, "logs", log);
                return File.Exists(path) ? File.ReadAllText(path) : null;
            },
            options =>
            {
                var resolved = FilterReader.ReadFilter(files, configDir, name, options.ToDictionary(kv => kv.Key, kv => kv.Value));
                var compiled = FilterCompiler.Compile(resolved);
                return new FilterMatcher(compiled, new MatcherOptions { Now = SampleReplay.TestNow }, dateSettings);
            },
            zone.ToEpoch);
    }
}
