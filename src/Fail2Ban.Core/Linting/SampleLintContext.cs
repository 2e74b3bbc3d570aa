using System;
using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Config;
using Fail2Ban.Core.Dates;
using Fail2Ban.Core.Diagnostics;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Samples;

namespace Fail2Ban.Core.Linting;

/// <summary>
/// A filter replayed against its sample log exactly as upstream's sample test does (every
/// <c>filterOptions</c> variant, failJSON checks), for the F2B5 rules.
/// </summary>
internal sealed class SampleLintContext
{
    /// <summary>The sample test's time zone (spec 5.5).</summary>
    private const string HarnessZone = "CET-01CEST-02,M3.5.0,M10.5.0";

    private readonly LintSettings _settings;
    private readonly FindingCollector _sink;
    private readonly Dictionary<string, FilterVariant> _variants = new(StringComparer.Ordinal);

    private SampleLintContext(string filterName, string filterFile, SampleLogSource samples, LintSettings settings, FindingCollector sink)
    {
        FilterName = filterName;
        FilterFile = filterFile;
        Samples = samples;
        _settings = settings;
        _sink = sink;
    }

    public string FilterName { get; }

    /// <summary>The filter's own <c>.conf</c> (where findings about the filter as a whole go).</summary>
    public string FilterFile { get; }

    public SampleLogSource Samples { get; }

    /// <summary>False when there is no sample log for the filter (then <see cref="Evaluations"/> is empty).</summary>
    public bool HasLog { get; private set; }

    /// <summary>Why the replay could not run (a variant that does not read or compile), or null.</summary>
    public string? ReplayError { get; private set; }

    public IReadOnlyList<SampleEvaluation> Evaluations { get; private set; } = Array.Empty<SampleEvaluation>();

    /// <summary>Failregexes no sample hit: the variant that has it and its index.</summary>
    public IReadOnlyList<(FilterVariant Variant, int Index)> UnusedRegexes { get; private set; } = Array.Empty<(FilterVariant, int)>();

    /// <summary>The variants the replay built, by their option set.</summary>
    public IReadOnlyCollection<FilterVariant> Variants => _variants.Values;

    /// <summary>The variant behind an evaluation (by its option set).</summary>
    public FilterVariant? VariantOf(SampleEvaluation evaluation) =>
        _variants.TryGetValue(OptionsKey(evaluation.Options.Where(kv => !kv.Key.StartsWith("test.", StringComparison.Ordinal)).ToList()), out var v) ? v : null;

    /// <summary>Whether the filter has a failregex to exercise (an include-only file has none); known without a log.</summary>
    public bool HasFailRegex { get; private set; } = true;

    public static SampleLintContext? Create(string filterName, string filterFile, SampleLogSource samples,
        Func<IReadOnlyDictionary<string, string>?, ResolvedFilter> read, LintSettings settings, FindingCollector sink, bool hasFailRegex)
    {
        var context = new SampleLintContext(filterName, filterFile, samples, settings, sink) { HasFailRegex = hasFailRegex };
        string? log;
        try
        {
            log = samples.Read(filterName);
        }
        catch (Exception)
        {
            log = null;
        }
        context.HasLog = log != null;
        if (log is null) return context;

        var zone = LocalTimeZone.Parse(HarnessZone);
        var replay = new SampleReplay(filterName, name => samples.Read(name), options =>
        {
            var variant = FilterVariant.Prepare(read(ToDictionary(options)), Mode(options));
            context._variants[OptionsKey(options)] = variant;
            if (!variant.Compiles) throw new InvalidOperationException("the filter does not compile with options " + OptionsKey(options));
            var dates = new DateDetector(variant.Filter.DatePattern?.Text, new DateDetectorSettings { Now = SampleReplay.TestNow, LocalZone = zone });
            return new FilterMatcher(variant.Compile(TimeSpan.FromSeconds(2)), new MatcherOptions { Now = SampleReplay.TestNow, WallClock = () => 0 }, dates);
        }, zone.ToEpoch);
        try
        {
            context.Evaluations = replay.Run().ToList();
            var unused = new List<(FilterVariant, int)>();
            foreach (var (variantName, index, _) in replay.UnusedRegexes())
            {
                var key = variantName.Length > filterName.Length ? variantName.Substring(filterName.Length) : "{}";
                if (context._variants.TryGetValue(key, out var v)) unused.Add((v, index));
            }
            context.UnusedRegexes = unused;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.ReplayError = e.Message;
        }
        return context;
    }

    public bool IsEnabled(string ruleId) => _settings.IsEnabled(ruleId);

    public void Report(string ruleId, string message, LintLocation location, LintEvidence? evidence = null, string? mode = null)
    {
        var finding = new LintFinding(ruleId, _settings.SeverityOf(ruleId), message, location, evidence) { Filter = FilterName };
        _sink.Add(finding, mode);
    }

    /// <summary>The location of a sample log line.</summary>
    public LintLocation LogLocation(string logName, int line, int length) =>
        new(Samples.PathOf(logName), line, 1, line, Math.Max(2, length + 1));

    private static string OptionsKey(IReadOnlyList<KeyValuePair<string, string>> options) => SampleReplay.PythonDictRepr(options);

    private static string? Mode(IReadOnlyList<KeyValuePair<string, string>> options)
    {
        foreach (var kv in options) if (kv.Key == "mode") return kv.Value;
        return null;
    }

    private static Dictionary<string, string>? ToDictionary(IReadOnlyList<KeyValuePair<string, string>> options)
    {
        if (options.Count == 0) return null;
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in options) d[kv.Key] = kv.Value;
        return d;
    }
}
