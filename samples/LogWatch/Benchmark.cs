using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;

namespace LogWatch;

/// <summary>
/// <c>LogWatch bench FILTER LOG</c>: lines per second of the generated matcher (typed API and bare engine over
/// its precompiled regexes) against the engine's own path (the .conf read and translated at run time,
/// interpreted or RegexOptions.Compiled), on LOG's lines repeated to --lines. Also checks they agree.
/// </summary>
internal static class Benchmark
{
    private const double Now = 1764324000; // 2025-11-28T10:00:00Z: the sample logs' year

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2) throw new ArgumentException("usage: LogWatch bench FILTER LOG [--lines N]");
        var filter = args[0];
        var count = args.Length >= 4 && args[2] == "--lines" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200_000;
        var sample = new List<string>();
        foreach (var line in LogLines.Read(args[1])) if (!LogLines.IsSkipped(line)) sample.Add(line);
        if (sample.Count == 0) throw new ArgumentException("LOG has no lines to match");
        var lines = new string[count];
        for (var i = 0; i < count; i++) lines[i] = sample[i % sample.Count];

        var reference = FilterReference.Parse(filter);
        var candidates = new List<(string Name, Func<Func<string, bool>> Create)>
        {
            ("generated, typed API", () =>
            {
                var m = FilterCatalog.Create(filter, Options(), Dates());
                return line => m(line).Match;
            }),
            ("generated, engine over its regexes", () => EngineOver(FilterCatalog.Compiled(filter))),
            ("engine, .conf translated at run time, interpreted", () => EngineOver(ReadFromConf(reference, compileToIL: false))),
            ("engine, .conf translated at run time, RegexOptions.Compiled", () => EngineOver(ReadFromConf(reference, compileToIL: true))),
        };

        output.WriteLine("filter " + filter + ", " + count.ToString("N0", CultureInfo.InvariantCulture) + " lines (" + sample.Count
            + " distinct), regex type " + FilterCatalog.Compiled(filter).FailRegexes[0].Regex.GetType().FullName);
        // Warm up every path first (JIT tiering of the shared engine code), so the order of the rows does not matter.
        foreach (var (_, create) in candidates)
        {
            var warm = create();
            for (var i = 0; i < Math.Min(count, 50_000); i++) warm(lines[i]);
        }
        var matchCounts = new List<int>();
        foreach (var (name, create) in candidates)
        {
            var setup = Stopwatch.StartNew();
            var first = create();
            first(lines[0]);
            setup.Stop();
            var best = 0.0;
            var matches = 0;
            long allocated = 0;
            for (var round = 0; round < 3; round++)
            {
                var run = create();
                matches = 0;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                foreach (var line in lines) if (run(line)) matches++;
                clock.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                best = Math.Max(best, count / clock.Elapsed.TotalSeconds);
            }
            matchCounts.Add(matches);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-62} {1,12:N0} lines/s  {2,6:N0} B/line  first line {3,8:F1} ms  {4} matches",
                name, best, allocated / (double)count, setup.Elapsed.TotalMilliseconds, matches));
        }
        // The regexes alone (prefregex, then every failregex as IsMatch): where generated code differs most.
        var regexSets = new List<(string Name, CompiledFilter Filter)>
        {
            ("regexes only: generated", FilterCatalog.Compiled(filter)),
            ("regexes only: run-time translated, interpreted", ReadFromConf(reference, compileToIL: false)),
            ("regexes only: run-time translated, RegexOptions.Compiled", ReadFromConf(reference, compileToIL: true)),
        };
        // Subjects as the regexes see them: the line without its date, plus "\n" (the engine's buffer string).
        var dateCutter = new FilterMatcher(FilterCatalog.Compiled(filter), Options(), Dates());
        var subjects = new string[count];
        for (var i = 0; i < sample.Count; i++) subjects[i] = dateCutter.ProcessLine(sample[i]).Tuple.WithoutDate + "\n";
        for (var i = sample.Count; i < count; i++) subjects[i] = subjects[i % sample.Count];
        foreach (var (name, set) in regexSets)
        {
            var best = 0.0;
            var hits = 0;
            for (var round = 0; round < 3; round++)
            {
                hits = 0;
                var clock = Stopwatch.StartNew();
                foreach (var line in subjects)
                {
                    var subject = line;
                    if (set.PrefRegex is { } pref)
                    {
                        var m = pref.Regex.Match(line);
                        if (!m.Success) continue;
                        var content = m.Groups["content"];
                        if (content.Success && content.Length > 0) subject = content.Value + "\n";
                    }
                    foreach (var regex in set.FailRegexes)
                        if (regex.Regex.IsMatch(subject)) hits++;
                }
                clock.Stop();
                best = Math.Max(best, count / clock.Elapsed.TotalSeconds);
            }
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-62} {1,12:N0} lines/s  {2} hits", name, best, hits));
        }
        var agree = matchCounts.TrueForAll(c => c == matchCounts[0]);
        output.WriteLine(agree ? "all agree" : "DISAGREEMENT in match counts");
        return agree ? 0 : 1;
    }

    private static MatcherOptions Options() => new() { Now = Now, RawHost = true };

    private static DateDetectorSettings Dates() => new() { Now = Now, LocalZone = LocalTimeZone.Utc };

    private static Func<string, bool> EngineOver(CompiledFilter filter)
    {
        var matcher = new FilterMatcher(filter, Options(), Dates());
        // The typed API's Success: an entry with an id that is not a no-failure.
        return line =>
        {
            foreach (var e in matcher.ProcessLine(line).Entries)
                if (!e.IsNoFail && e.Id is not null) return true;
            return false;
        };
    }

    private static CompiledFilter ReadFromConf(FilterReference reference, bool compileToIL)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "filters");
        var files = new InMemoryConfigFileSource();
        foreach (var path in Directory.GetFiles(dir, "*.conf")) files.Add(path, File.ReadAllText(path));
        var resolved = FilterReader.ReadFile(files, Path.Combine(dir, reference.Name + ".conf"), reference.Options);
        return FilterCompiler.Compile(resolved, new FilterCompileOptions { CompileToIL = compileToIL });
    }
}
