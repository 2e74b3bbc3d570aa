using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Samples;
using Fail2Ban.Core.Tests.Config;
using Fail2Ban.Core.Tests.Conformance;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Performance;

/// <summary>
/// The literal prefilter may only rule out texts a regex cannot match. Checked on every text the
/// corpus makes a regex see: each sample line without its date, the prefregex's F-CONTENT, and the
/// joined buffers of multi-line filters, for every regex of every filter variant.
/// </summary>
public class PrefilterSoundnessTests
{
    private readonly ITestOutputHelper _output;

    public PrefilterSoundnessTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Prefilter_never_rejects_a_text_its_regex_matches()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var files = UpstreamLayout.Load(Corpus.MasterRoot);
        var zone = LocalTimeZone.Parse(SampleCorpus.Zone);
        var dateSettings = new DateDetectorSettings { Now = SampleReplay.TestNow, LocalZone = zone };
        long checks = 0, matched = 0, rejected = 0, decidedWithoutSearch = 0;
        var problems = new List<string>();
        foreach (var (dir, name) in SampleCorpus.Filters())
        {
            var filters = new List<CompiledFilter>();
            var replay = new SampleReplay(name,
                log =>
                {
                    var path = Path.Combine(Corpus.MasterRoot, "logs", log);
                    return File.Exists(path) ? File.ReadAllText(path) : null;
                },
                options =>
                {
                    var resolved = FilterReader.ReadFilter(files, UpstreamLayout.ConfigDirFor(dir), name,
                        options.ToDictionary(kv => kv.Key, kv => kv.Value));
                    var compiled = FilterCompiler.Compile(resolved);
                    filters.Add(compiled);
                    return new FilterMatcher(compiled, new MatcherOptions { Now = SampleReplay.TestNow }, dateSettings);
                },
                zone.ToEpoch);
            var recent = new List<TupleLine>();
            foreach (var e in replay.Run())
            {
                if (e.Result is null) continue;
                recent.Add(e.Result.Tuple);
                if (recent.Count > 10) recent.RemoveAt(0);
                foreach (var filter in filters)
                {
                    var texts = new List<string> { Join(recent.Skip(recent.Count - 1)) };
                    for (var n = 2; n <= Math.Min(filter.MaxLines, recent.Count); n++) texts.Add(Join(recent.Skip(recent.Count - n)));
                    if (filter.PrefRegex is { } pref)
                    {
                        var pm = pref.Regex.Match(texts[0]);
                        if (pm.Success && pm.Groups["content"] is { Success: true, Length: > 0 } content) texts.Add(content.Value + "\n");
                    }
                    var regexes = new List<CompiledRegex>(filter.FailRegexes);
                    regexes.AddRange(filter.IgnoreRegexes);
                    if (filter.PrefRegex is { } p) regexes.Add(p);
                    foreach (var regex in regexes)
                    {
                        foreach (var text in texts)
                        {
                            checks++;
                            var may = regex.Prefilter.MayMatch(text.AsSpan());
                            if (!may) rejected++;
                            if (text.IndexOf('\n') == text.Length - 1 && regex.Prefilter.MayMatchLine(text.AsSpan(0, text.Length - 1)) != may)
                                problems.Add(name + ": MayMatchLine differs from MayMatch for " + regex.Source + ":\n    " + text);
                            var isMatch = regex.Regex.IsMatch(text);
                            if (regex.TryDecideWithoutSearch(text.AsSpan(), out var decided))
                            {
                                decidedWithoutSearch++;
                                if (decided != isMatch)
                                    problems.Add(name + ": deciding without a search says " + decided + " for " + regex.Source + ":\n    " + text);
                            }
                            if (!isMatch) continue;
                            matched++;
                            if (!may) problems.Add(name + ": prefilter rejects a text " + regex.Source + " matches:\n    " + text);
                        }
                    }
                }
            }
        }
        _output.WriteLine(checks + " checks, " + matched + " matches, " + rejected + " rejected by the prefilter, "
            + decidedWithoutSearch + " decided without a search");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(matched > 1000 && rejected > checks / 2, "the corpus should exercise the prefilter both ways");
        Assert.True(decidedWithoutSearch > 1000, "the corpus should exercise prefregexes decided without a search (sshd's)");
    }

    private static string Join(IEnumerable<TupleLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var t in lines)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(t.Before).Append(t.After);
        }
        return sb.Append('\n').ToString();
    }
}
