using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Samples;
using Xunit.Abstractions;

namespace Fail2Ban.Generators.IntegrationTests;

/// <summary>
/// Every corpus filter was compiled into this assembly by the generator. Each one's sample log is replayed
/// (as upstream's sample test does: variants, now, time zone) twice: through the generated class's
/// precompiled filter and through the engine reading and translating the .conf at run time. Every line's
/// entries (regex, id, time, user, fid, nofail, matched lines) and ignoreregex hits must be identical.
/// </summary>
public sealed class CorpusVerdictTests
{
    private const string ConfigDir = "/etc/fail2ban";
    private const string Zone = "CET-01CEST-02,M3.5.0,M10.5.0";

    private static readonly Lazy<InMemoryConfigFileSource?> Files = new(() =>
    {
        if (Corpus.MasterRoot is not { } root) return null;
        var files = new InMemoryConfigFileSource();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "filter.d")))
            files.Add(ConfigDir + "/filter.d/" + Path.GetFileName(f), File.ReadAllBytes(f));
        return files;
    });

    private readonly ITestOutputHelper _output;

    public CorpusVerdictTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Filters()
    {
        if (Corpus.MasterRoot is not { } root)
        {
            yield return new object[] { "" };
            yield break;
        }
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "filter.d"), "*.conf").OrderBy(x => x, StringComparer.Ordinal))
            if (!f.EndsWith("common.conf", StringComparison.Ordinal)) yield return new object[] { Path.GetFileNameWithoutExtension(f) };
    }

    [SkippableFact]
    public void Every_corpus_filter_was_generated()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var expected = Filters().Select(f => (string)f[0]).ToList();
        Assert.Equal(97, expected.Count);
        Assert.DoesNotContain(expected, name => !GeneratedFilters.All.ContainsKey(name));
    }

    [SkippableFact]
    public void Filters_built_in_generated_mode_run_the_sdk_generated_regex_code()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        // The project builds sshd, postfix and dovecot in Generated mode and the rest in Compiled mode.
        foreach (var (name, generated) in new[] { ("sshd", true), ("postfix", true), ("dovecot", true), ("3proxy", false), ("exim", false) })
        {
            var filter = GeneratedFilters.For(GeneratedFilters.All[name], new List<KeyValuePair<string, string>>())!;
            foreach (var regex in filter.FailRegexes)
            {
                var typeName = regex.Regex.GetType().FullName!;
                if (generated) Assert.StartsWith("System.Text.RegularExpressions.Generated.", typeName);
                else Assert.True((regex.Regex.Options & System.Text.RegularExpressions.RegexOptions.Compiled) != 0, name + ": " + typeName);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void Generated_matcher_gives_the_engines_verdicts_on_the_sample_log(string filter)
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        Assert.True(GeneratedFilters.All.TryGetValue(filter, out var type), "no generated class for " + filter);

        var engine = Replay(filter, options => FilterCompiler.Compile(
            FilterReader.ReadFilter(Files.Value!, ConfigDir, filter, options.ToDictionary(kv => kv.Key, kv => kv.Value))));
        var uncovered = new HashSet<string>(StringComparer.Ordinal);
        var generated = Replay(filter, options =>
        {
            var compiled = GeneratedFilters.For(type!, options);
            if (compiled is not null) return compiled;
            uncovered.Add(string.Join(",", options.Select(kv => kv.Key + "=" + kv.Value)));
            return FilterCompiler.Compile(FilterReader.ReadFilter(Files.Value!, ConfigDir, filter, options.ToDictionary(kv => kv.Key, kv => kv.Value)));
        });

        var expected = engine.Run().ToList();
        var actual = generated.Run().ToList();
        Assert.Equal(expected.Count, actual.Count);
        var compared = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var options = string.Join(",", actual[i].Options.Where(kv => !kv.Key.StartsWith("test.", StringComparison.Ordinal)).Select(kv => kv.Key + "=" + kv.Value));
            if (uncovered.Contains(options)) continue;
            Assert.Equal(Render(expected[i]), Render(actual[i]));
            compared++;
        }
        _output.WriteLine(filter + ": " + compared + " evaluations identical of " + expected.Count +
            (uncovered.Count > 0 ? "; variants with options fixed at generation time not compared: " + string.Join("; ", uncovered) : ""));
        Assert.True(compared > 0 || uncovered.Count > 0, "nothing was compared for " + filter);
    }

    private static SampleReplay Replay(string filter, Func<IReadOnlyList<KeyValuePair<string, string>>, CompiledFilter> compile)
    {
        var zone = LocalTimeZone.Parse(Zone);
        return new SampleReplay(
            filter,
            log =>
            {
                var path = Path.Combine(Corpus.MasterRoot!, "logs", log);
                return File.Exists(path) ? File.ReadAllText(path) : null;
            },
            options => new FilterMatcher(compile(options), new MatcherOptions { Now = SampleReplay.TestNow },
                new DateDetectorSettings { Now = SampleReplay.TestNow, LocalZone = zone }),
            zone.ToEpoch);
    }

    private static string Render(SampleEvaluation e)
    {
        var sb = new StringBuilder();
        sb.Append(e.Variant).Append(' ').Append(e.File).Append(':').Append(e.Entry.LineNumber).Append(e.Processed ? " processed" : " excluded");
        if (e.Result is { } r)
        {
            sb.Append(" time=").Append(r.Time?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
            sb.Append(" ignore=[").Append(string.Join(",", r.IgnoreRegexHits)).Append(']');
            foreach (var f in r.Entries)
            {
                sb.Append(" {#").Append(f.RegexIndex).Append(' ').Append(f.Id?.Text ?? "-").Append(' ')
                    .Append(f.Time?.ToString("R", CultureInfo.InvariantCulture) ?? "-")
                    .Append(" user=").Append(f.User ?? "-").Append(" fid=").Append(f.Fid ?? "-")
                    .Append(f.IsNoFail ? " nofail" : "").Append(" matches=").Append(f.Data.Matches.Count).Append('}');
            }
        }
        sb.Append(" found=").Append(e.Found.Count).Append(" problems=").Append(e.Problems.Count);
        return sb.ToString();
    }
}
