using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Patterns;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Patterns;

/// <summary>
/// Every prefregex/failregex/ignoreregex of every filter variant Fail2Ban loaded in the corpus
/// (<c>expected-resolved.jsonl</c>) prepares, translates and compiles, and satisfies the failure-id rule.
/// </summary>
public class FilterRegexCorpusTests
{
    private readonly ITestOutputHelper _output;

    public FilterRegexCorpusTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void EveryCorpusRegexTranslatesAndCompiles()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var failures = new List<string>();
        int variants = 0, regexes = 0, withNotes = 0;
        foreach (var line in File.ReadLines(Path.Combine(Corpus.MasterRoot, "expected-resolved.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("error").ValueKind != JsonValueKind.Null) continue;
            var resolved = root.GetProperty("resolved");
            var name = root.GetProperty("filter").GetString() + root.GetProperty("options").GetRawText();
            variants++;
            var useDnsIsNo = resolved.GetProperty("usedns").ValueKind == JsonValueKind.String && resolved.GetProperty("usedns").GetString() == "no";
            var maxLines = resolved.GetProperty("maxlines");
            var multiline = maxLines.ValueKind != JsonValueKind.Null && int.Parse(maxLines.ToString()) > 1;

            FilterRegex? pref = null;
            if (resolved.GetProperty("prefregex").GetString() is { } prefText)
                pref = Translate(prefText, FilterRegexKind.Prefix);
            foreach (var f in resolved.GetProperty("failregex").EnumerateArray())
            {
                var fail = Translate(f.GetString()!, FilterRegexKind.Fail);
                if (fail is null) continue;
                try
                {
                    FilterRegexTranslator.CheckFailureIdRule(fail, pref?.GroupNames);
                }
                catch (RegexTranslationException e)
                {
                    failures.Add(name + ": " + e.Message);
                }
            }
            foreach (var i in resolved.GetProperty("ignoreregex").EnumerateArray())
                Translate(i.GetString()!, FilterRegexKind.Ignore);

            FilterRegex? Translate(string source, FilterRegexKind kind)
            {
                regexes++;
                try
                {
                    var regex = FilterRegexTranslator.Translate(source, kind, useDnsIsNo, multiline);
                    _ = new Regex(regex.DotNetPattern, regex.Options); // compiles as is, too
                    if (regex.Notes.Any(n => n.Tag is null)) withNotes++;
                    return regex;
                }
                catch (RegexTranslationException e)
                {
                    failures.Add(name + " " + kind + ": " + e.Id + " " + e.Message + " in " + source);
                    return null;
                }
            }
        }
        _output.WriteLine($"{variants} variants, {regexes} regexes translated, {withNotes} with own translation notes");
        Assert.Empty(failures);
        Assert.True(variants >= 140, "expected-resolved.jsonl has " + variants + " variants");
    }
}
