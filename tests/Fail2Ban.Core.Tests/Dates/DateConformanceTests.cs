using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fail2Ban.Core.Tests.Dates;

/// <summary>
/// Date detection against Fail2Ban's own results for every sample line of the corpus
/// (expected.jsonl: date_text / date_epoch), one stateful detector per filter variant, lines in
/// file order, in the sample-test environment (spec 5.5).
/// </summary>
public sealed class DateConformanceTests
{
    private readonly ITestOutputHelper output;

    public DateConformanceTests(ITestOutputHelper output) => this.output = output;

    [SkippableFact]
    public void EverySampleLineGetsFail2BansDate()
    {
        Skip.If(Corpus.MasterRoot is null, Corpus.SkipReason);
        var datePatterns = LoadDatePatterns(Path.Combine(Corpus.MasterRoot, "expected-resolved.jsonl"));
        var cache = new DateTemplateCache(2026);
        var zone = LocalTimeZone.Parse("CET-01CEST-02,M3.5.0,M10.5.0");
        var detectors = new Dictionary<string, DateDetector>(StringComparer.Ordinal);
        int compared = 0, agreed = 0;
        var failures = new StringBuilder();
        foreach (var line in File.ReadLines(Path.Combine(Corpus.MasterRoot, "expected.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var record = doc.RootElement;
            if (!record.GetProperty("processed").GetBoolean()) continue;
            var options = record.GetProperty("options");
            if (options.TryGetProperty("logtype", out var logtype) && logtype.GetString() == "journal") continue;
            var filter = record.GetProperty("filter").GetString()!;
            var variantKey = filter + "|" + record.GetProperty("variant").GetString();
            if (!detectors.TryGetValue(variantKey, out var detector))
            {
                var key = filter + "|" + OptionsKey(options);
                Assert.True(datePatterns.TryGetValue(key, out var datePattern), "no resolved entry for " + key);
                detector = new DateDetector(datePattern, new DateDetectorSettings
                {
                    Now = 1124013600,
                    LocalZone = zone,
                    TemplateCache = cache,
                    WallClock = () => 1.7e9,
                });
                detectors.Add(variantKey, detector);
            }
            var text = record.GetProperty("text").GetString()!;
            var match = detector.Match(text);
            string? dateText = null;
            double? dateEpoch = null;
            if (match is { } m && m.Length > 0)
            {
                dateText = m.GetText(text);
                dateEpoch = m.Timestamp;
            }
            var expectedText = record.GetProperty("date_text").ValueKind == JsonValueKind.Null ? null : record.GetProperty("date_text").GetString();
            var expectedEpoch = record.GetProperty("date_epoch").ValueKind == JsonValueKind.Null ? (double?)null : record.GetProperty("date_epoch").GetDouble();
            compared++;
            if (dateText == expectedText && Nullable.Equals(dateEpoch, expectedEpoch)) agreed++;
            else if (failures.Length < 8000)
                failures.AppendLine(variantKey + " line " + record.GetProperty("line").GetInt32() + ": '" + text + "' -> '" + dateText + "' " + dateEpoch +
                                    ", expected '" + expectedText + "' " + expectedEpoch + (match is { } mm ? " via " + mm.Template.Name : ""));
        }
        output.WriteLine("date agreement: " + agreed + " / " + compared + " records, " + detectors.Count + " variants");
        Assert.True(compared > 1500, "too few records compared: " + compared);
        Assert.True(agreed == compared, agreed + " / " + compared + " agree:\n" + failures);
    }

    private static Dictionary<string, string?> LoadDatePatterns(string path)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var record = doc.RootElement;
            if (record.GetProperty("resolved").ValueKind != JsonValueKind.Object) continue;
            var dp = record.GetProperty("resolved").GetProperty("datepattern");
            result[record.GetProperty("filter").GetString() + "|" + OptionsKey(record.GetProperty("options"))] =
                dp.ValueKind == JsonValueKind.Null ? null : dp.GetString();
        }
        return result;
    }

    // Filter options without the harness's "test.*" controls, in a stable order.
    private static string OptionsKey(JsonElement options) =>
        string.Join(",", options.EnumerateObject()
            .Where(p => !p.Name.StartsWith("test.", StringComparison.Ordinal))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value.ToString()));
}
