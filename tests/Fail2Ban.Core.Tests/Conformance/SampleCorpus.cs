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
